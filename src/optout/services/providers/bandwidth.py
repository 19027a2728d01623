"""Bandwidth Messaging v2: callbacks with basic-auth credentials, answers sent by its API.

Bandwidth sends the callback credentials set on the messaging application as HTTP basic
authentication; both are compared in constant time. The callback carries no signature
or time, so a replay is answered by idempotency: the same ``message.id`` changes nothing.
Bandwidth ignores the callback's body, so the answer is sent with
``POST /api/v2/users/{accountId}/messages``. Bandwidth retries a callback without a 2xx
(or without an answer within 10 seconds) for 24 hours, with the same message id.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from datetime import datetime

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


class BandwidthProvider(Provider):
    """Bandwidth Messaging API v2."""

    name = "bandwidth"
    title = "Bandwidth"
    settings = (
        Setting("callback_username", "The application's callback user.", required_to_receive=True),
        Setting("callback_password", "The application's callback password.", True, True),
        Setting("account_id", "Your Bandwidth account id; sends.", required_to_send=True),
        Setting("application_id", "The messaging application; sends.", required_to_send=True),
        Setting("api_username", "API user; sends.", required_to_send=True),
        Setting("api_password", "API password; sends.", True, required_to_send=True),
        Setting("api_base_url", "Bandwidth's API.", default="https://messaging.bandwidth.com"),
    )

    def verify(self, request: WebhookRequest, config: ProviderConfig, *, now: datetime) -> bool:
        """Return whether the basic credentials are the application's callback credentials."""
        del now
        user, password = _basic(request.headers.get("authorization", ""))
        expected_user = config.get("callback_username").encode()
        expected_password = config.get("callback_password").encode()
        same_user = hmac.compare_digest(user, expected_user)
        same_password = hmac.compare_digest(password, expected_password)
        return bool(expected_user and expected_password) and same_user and same_password

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        """Return the message of every ``message-received`` event; other events are receipts."""
        events = json_body("Bandwidth", request.body)
        return [
            _inbound(event)
            for event in (events if isinstance(events, list) else [events])
            if text_field(event, "type") == "message-received"
        ]

    def send(self, config: ProviderConfig, *, to: str, from_: str | None, body: str) -> Sent:
        """Send with ``POST /api/v2/users/{accountId}/messages``."""
        if not self.can_send(config) or not from_:
            raise ProviderError("bandwidth needs its account, application, API user and a number")
        base = config.get("api_base_url").rstrip("/")
        url = f"{base}/api/v2/users/{config.get('account_id')}/messages"
        message = {
            "to": [to],
            "from": from_,
            "text": body,
            "applicationId": config.get("application_id"),
        }
        auth = (config.get("api_username"), config.get("api_password"))
        answer = post_json("Bandwidth", url, message, auth=auth)
        return Sent(provider_id=text_field(answer, "id"), status="queued")


def _inbound(event: dict[str, object]) -> InboundMessage:
    message = event.get("message")
    return inbound_message(
        "Bandwidth",
        provider_id=text_field(message, "id"),
        from_=text_field(message, "from"),
        to=text_field(event, "to"),
        body=text_field(message, "text"),
        at=_time(text_field(message, "time")),
    )


def _basic(header: str) -> tuple[bytes, bytes]:
    """Return the user and password of a basic authorization header, or empty ones."""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        return b"", b""
    try:
        user, _, password = base64.b64decode(encoded.strip(), validate=True).partition(b":")
    except (binascii.Error, ValueError):
        return b"", b""
    return user, password


def _time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
