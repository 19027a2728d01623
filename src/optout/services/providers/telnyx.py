"""Telnyx: Ed25519-signed JSON webhooks (API v2), answers sent through its Messages API.

Telnyx signs ``"{telnyx-timestamp}|{raw body}"`` with its Ed25519 key; the account's public
key (Mission Control, Keys & Credentials) checks it, with ``cryptography``. A timestamp
more than five minutes from now is refused, so a captured webhook cannot be replayed
later; within the window a replay carries the same message id and changes nothing.
Telnyx ignores the webhook's body: the answer is sent with ``POST /v2/messages``. Telnyx
retries a webhook that does not get a 2xx, at the failover URL if one is set, with the
same message id.
"""

from __future__ import annotations

import base64
import binascii
from datetime import UTC, datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from optout.exceptions import InvalidInput, ProviderError
from optout.services.inbound import InboundMessage
from optout.services.providers.base import (
    Provider,
    ProviderConfig,
    Sent,
    Setting,
    WebhookRequest,
    inbound_message,
    json_body,
    post_json,
    text_field,
)

TOLERANCE_SECONDS = 300


class TelnyxProvider(Provider):
    """Telnyx Messaging, API v2."""

    name = "telnyx"
    title = "Telnyx"
    settings = (
        Setting("public_key", "The account's base64 Ed25519 public key.", required_to_receive=True),
        Setting("api_key", "API v2 key (KEY…); sends.", secret=True, required_to_send=True),
        Setting("messaging_profile_id", "Sends from this profile (optional).", default=""),
        Setting("api_base_url", "Telnyx's API.", default="https://api.telnyx.com"),
    )

    def verify(self, request: WebhookRequest, config: ProviderConfig, *, now: datetime) -> bool:
        """Return whether the Ed25519 signature holds and its timestamp is within 5 minutes."""
        stamp = request.headers.get("telnyx-timestamp", "")
        if not stamp.isascii() or not stamp.isdigit():
            return False
        if abs(now.timestamp() - int(stamp)) > TOLERANCE_SECONDS:
            return False
        try:
            key = Ed25519PublicKey.from_public_bytes(_b64(config.get("public_key")))
            signature = _b64(request.headers.get("telnyx-signature-ed25519", ""))
            key.verify(signature, stamp.encode() + b"|" + request.body)
        except (ValueError, InvalidSignature):
            return False
        return True

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        """Return the message of a ``message.received`` event; other events are receipts."""
        data = json_body("Telnyx", request.body)
        event = data.get("data") if isinstance(data, dict) else None
        if text_field(event, "event_type") != "message.received":
            return []
        payload = event.get("payload") if isinstance(event, dict) else None
        if not isinstance(payload, dict):
            raise InvalidInput("the Telnyx event has no payload", field="payload")
        receivers = payload.get("to")
        first = receivers[0] if isinstance(receivers, list) and receivers else {}
        message = inbound_message(
            "Telnyx",
            provider_id=text_field(payload, "id"),
            from_=text_field(payload.get("from"), "phone_number"),
            to=text_field(first, "phone_number"),
            body=text_field(payload, "text"),
            at=_time(text_field(payload, "received_at")),
        )
        return [message]

    def send(self, config: ProviderConfig, *, to: str, from_: str | None, body: str) -> Sent:
        """Send with ``POST /v2/messages`` and the account's API key."""
        if not self.can_send(config):
            raise ProviderError("the account uses telnyx but has no Telnyx API key")
        message = {"to": to, "text": body}
        message |= {"from": from_} if from_ else {}
        if config.get("messaging_profile_id"):
            message["messaging_profile_id"] = config.get("messaging_profile_id")
        url = config.get("api_base_url").rstrip("/") + "/v2/messages"
        headers = {"Authorization": f"Bearer {config.get('api_key')}"}
        answer = post_json("Telnyx", url, message, headers=headers)
        data = answer.get("data") if isinstance(answer, dict) else None
        return Sent(provider_id=text_field(data, "id"), status="queued")


def _b64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as error:
        raise ValueError("not base64") from error


def _time(text: str) -> datetime | None:
    """Return Telnyx's ISO 8601 time, or None when it sends none we can read."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
