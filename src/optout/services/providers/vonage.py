"""Vonage Messages API: JWT-signed JSON webhooks, answers sent through its Messages API.

Vonage signs each webhook with a JWT in ``Authorization: Bearer``, HS256 with the
account's signature secret, whose ``payload_hash`` claim is the SHA-256 of the body
(checked with PyJWT, the hash with hashlib). A token issued more than five minutes ago is
refused, so a captured webhook cannot be replayed later; a copy within the window carries
the same ``message_uuid`` and changes nothing. Vonage ignores the webhook's body, so the
answer is sent with ``POST /v1/messages``. Vonage retries a webhook that gets no 200 for
up to 24 hours, with the same ``message_uuid``.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

import httpx
import jwt

from optout.exceptions import ProviderError
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
from optout.services.providers.telnyx import TOLERANCE_SECONDS

INBOUND_FIELDS = ("message_uuid", "from", "to", "text")


class VonageProvider(Provider):
    """Vonage Messages API (SMS channel)."""

    name = "vonage"
    title = "Vonage"
    settings = (
        Setting("signature_secret", "Checks the webhook's JWT.", True, required_to_receive=True),
        Setting("api_key", "Sends (basic authentication).", required_to_send=True),
        Setting("api_secret", "Sends (basic authentication).", True, required_to_send=True),
        Setting("api_base_url", "Vonage's API.", default="https://api.nexmo.com"),
    )

    def verify(self, request: WebhookRequest, config: ProviderConfig, *, now: datetime) -> bool:
        """Return whether the bearer JWT is signed with the secret and hashes this body."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        secret = config.get("signature_secret")
        if scheme.lower() != "bearer" or not secret:
            return False
        try:
            claims = jwt.decode(
                token, secret, algorithms=["HS256"], options={"require": ["iat", "payload_hash"]}
            )
        except jwt.InvalidTokenError:
            return False
        issued = claims["iat"]
        if not isinstance(issued, int | float) or abs(now.timestamp() - issued) > TOLERANCE_SECONDS:
            return False
        digest = hashlib.sha256(request.body).hexdigest()
        return hmac.compare_digest(str(claims["payload_hash"]).lower(), digest)

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        """Return the message of an inbound webhook; a status webhook is a receipt."""
        data = json_body("Vonage", request.body)
        if not isinstance(data, dict) or "status" in data and "text" not in data:
            return []
        message = inbound_message(
            "Vonage",
            provider_id=text_field(data, "message_uuid"),
            from_=_e164(text_field(data, "from")),
            to=_e164(text_field(data, "to")),
            body=text_field(data, "text"),
            at=_time(text_field(data, "timestamp")),
        )
        return [message]

    def send(self, config: ProviderConfig, *, to: str, from_: str | None, body: str) -> Sent:
        """Send an SMS with ``POST /v1/messages``, authenticated by the API key and secret."""
        if not self.can_send(config) or not from_:
            raise ProviderError("vonage needs an API key, an API secret and a sending number")
        message = {
            "message_type": "text",
            "channel": "sms",
            "to": to.lstrip("+"),
            "from": from_.lstrip("+"),
            "text": body,
        }
        auth = httpx.BasicAuth(config.get("api_key"), config.get("api_secret"))
        url = config.get("api_base_url").rstrip("/") + "/v1/messages"
        answer = post_json("Vonage", url, message, auth=auth)
        return Sent(provider_id=text_field(answer, "message_uuid"), status="queued")


def _e164(number: str) -> str:
    """Return Vonage's number (digits, no +) with its +; alphanumeric senders as they are."""
    return f"+{number}" if number.isascii() and number.isdigit() else number


def _time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
