"""Outbound texts: refused for opted-out numbers, otherwise handed to the provider."""

from __future__ import annotations

from sqlalchemy.orm import Session

from optout.domain import ContactStatus, Direction
from optout.exceptions import OptedOut, ProviderError
from optout.numbers import default_region, normalise
from optout.services.provider_settings import provider_config, sending_provider
from optout.services.providers import Provider
from optout.store.contacts import lock_contact
from optout.store.conversations import add_message, latest_inbound_to, record_in_conversation
from optout.store.tables import Account, Message, utcnow


def send(
    session: Session,
    *,
    account: Account,
    to: str,
    body: str,
    from_number: str | None = None,
    provider: Provider | None = None,
) -> Message:
    """Send ``body`` to ``to`` unless the number is opted out (then raise OptedOut).

    The text goes through ``provider`` (with the account's settings for it), or else the
    provider the account sends through.
    """
    number = normalise(to, default_region(), field="to")
    contact = lock_contact(session, account_id=account.id, number=number)
    if contact.status == ContactStatus.OPTED_OUT.value:
        raise OptedOut(
            f"{number} has opted out of this account's texts (as carriers answer 21610); "
            "it can be texted again only after it opts back in"
        )
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
    )
    if message_id is None:
        raise ProviderError(f"the provider reused the message id {sent.provider_id}")
    return session.get_one(Message, message_id)


def _sender(session: Session, from_number: str | None, contact_id: int) -> str | None:
    if from_number:
        return normalise(from_number, default_region(), field="from")
    return latest_inbound_to(session, contact_id)
