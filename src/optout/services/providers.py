"""SMS providers an outbound text is handed to: ``log`` (records only) and ``twilio``."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Protocol

from optout.exceptions import InvalidInput, ProviderError
from optout.store.tables import Account

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Sent:
    """The provider's answer to a send."""

    provider_id: str
    status: str


class Provider(Protocol):
    """Something that sends one SMS."""

    name: str

    def send(self, *, to: str, from_: str | None, body: str) -> Sent:
        """Send ``body`` to ``to`` and return the provider's id and status."""
        ...


class LogProvider:
    """Records outbound texts without sending them: the default, for trials and tests."""

    name = "log"

    def send(self, *, to: str, from_: str | None, body: str) -> Sent:
        """Log the text at debug level (numbers and bodies never above it) and accept it."""
        log.debug("outbound text to %s from %s: %s", to, from_, body)
        return Sent(provider_id=f"log-{uuid.uuid4().hex}", status="sent")


class TwilioProvider:
    """Sends through Twilio's Messages API with the account's SID and auth token."""

    name = "twilio"

    def __init__(self, account_sid: str, auth_token: str, *, base_url: str | None = None) -> None:
        from twilio.rest import Client

        self.client = Client(account_sid, auth_token)
        if base_url is not None:
            self.client.api.base_url = base_url

    def send(self, *, to: str, from_: str | None, body: str) -> Sent:
        """Create the message at Twilio; a refusal becomes ProviderError."""
        from twilio.base.exceptions import TwilioException

        if not from_:
            raise InvalidInput("from: the twilio provider needs a sending number", field="from")
        try:
            message = self.client.messages.create(to=to, from_=from_, body=body)
        except (TwilioException, OSError) as error:  # requests' errors are OSErrors
            raise ProviderError(f"Twilio refused the message: {error}") from error
        return Sent(provider_id=str(message.sid), status=str(message.status or "queued"))


def provider_for(account: Account) -> Provider:
    """Return the provider the account sends through."""
    if account.provider != "twilio":
        return LogProvider()
    if not account.twilio_account_sid or not account.twilio_auth_token:
        raise ProviderError("the account uses twilio but has no Twilio account SID and auth token")
    return TwilioProvider(account.twilio_account_sid, account.twilio_auth_token)
