"""Outbound texts: refused for opted-out numbers, otherwise handed to the provider.

A number ``phonenumbers`` does not know (a new area code, a short code) is refused only
when it is opted out; a sender id (an alphanumeric sender) is no number to text.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from optout.domain import ContactStatus, Direction
from optout.exceptions import InvalidPhoneNumber, OptedOut, ProviderError
from optout.numbers import SenderKey, sender_key
from optout.services.provider_settings import provider_config, sending_provider
from optout.services.providers import Provider
from optout.store.contacts import find_contact, lock_contact
from optout.store.conversations import add_message, latest_inbound_to, record_in_conversation
from optout.store.engine import region_of
from optout.store.tables import Account, Contact, Message, utcnow


def send(
    session: Session,
    *,
    account: Account,
    to: str,
    body: str,
    from_number: str | None = None,
    campaign: str | None = None,
    provider: Provider | None = None,
) -> Message:
    """Send ``body`` to ``to`` unless the number is opted out (then raise OptedOut).

    ``campaign`` names the broadcast the text belongs to; replies within the reply window
    are counted against it on the Reports page. The text goes through ``provider`` (with
    the account's settings for it), or else the provider the account sends through.
    """
    key = sender_key(to, region_of(session), field="to")
    contact = _recipient(session, account, key)
    number = key.key
    sender = _sender(session, from_number, contact.id)
    if provider is None:
        provider, config = sending_provider(session, account=account)
    else:
        config = provider_config(session, account=account, provider=provider)
    sent = provider.send(config, to=number, from_=sender, body=body)
    conversation_id = record_in_conversation(session, contact, body=body, at=utcnow())
    message_id = add_message(
        session,
        contact,
        conversation_id,
        direction=Direction.OUTBOUND.value,
        provider_id=sent.provider_id,
        from_number=sender or "",
        to_number=number,
        body=body,
        status=sent.status,
        campaign=campaign,
    )
    if message_id is None:
        raise ProviderError(f"the provider reused the message id {sent.provider_id}")
    return session.get_one(Message, message_id)


def _recipient(session: Session, account: Account, key: SenderKey) -> Contact:
    """Return the contact to text, locked; refuse one opted out, then a sender id."""
    if key.textable:
        contact: Contact | None = lock_contact(session, account_id=account.id, number=key.key)
    else:
        contact = find_contact(session, account_id=account.id, number=key.key)
    if contact is not None and contact.status == ContactStatus.OPTED_OUT.value:
        raise OptedOut(
            f"{key.key} has opted out of this account's texts (as carriers answer 21610); "
            "it can be texted again only after it opts back in"
        )
    if contact is None or not key.textable:
        raise InvalidPhoneNumber(
            f"to: {key.key!r} is a sender id, not a number a text can be sent to", field="to"
        )
    return contact


def _sender(session: Session, from_number: str | None, contact_id: int) -> str | None:
    if from_number:
        return sender_key(from_number, region_of(session), field="from").key
    return latest_inbound_to(session, contact_id)
