"""Plivo: V3-signed form webhooks (signature and nonce), answers in Plivo XML.

Plivo signs the URL it called, every form field and a fresh nonce with the account's
auth token (``X-Plivo-Signature-V3`` and ``X-Plivo-Signature-V3-Nonce``), checked by the
Plivo SDK's own ``validate_v3_signature``. The signature carries no time: a replayed copy
is the same ``MessageUUID`` and changes nothing, and a forged field breaks the signature.
Plivo reads the webhook's XML answer and sends the ``<Message>`` in it. A copy Plivo sends
again after a failed delivery carries the same ``MessageUUID``.
"""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape, quoteattr

from plivo.exceptions import PlivoRestError
from plivo.utils.signature_v3 import validate_v3_signature

from optout.exceptions import InvalidInput, ProviderError
from optout.services.inbound import InboundMessage
from optout.services.providers.base import (
    Provider,
    ProviderConfig,
    Sent,
    Setting,
    WebhookAnswer,
    WebhookRequest,
    inbound_message,
    post_json,
    text_field,
)

REQUIRED = ("From", "To", "MessageUUID")


class PlivoProvider(Provider):
    """Plivo Messaging."""

    name = "plivo"
    title = "Plivo"
    settings = (
        Setting("auth_token", "Checks X-Plivo-Signature-V3; sends.", True, True, True),
        Setting("auth_id", "The MA…/SA… auth ID; sends.", required_to_send=True),
        Setting("api_base_url", "Plivo's API.", default="https://api.plivo.com"),
    )

    def verify(self, request: WebhookRequest, config: ProviderConfig, *, now: datetime) -> bool:
        """Return whether the V3 signature signs the URL, the fields and the nonce."""
        del now
        token = config.get("auth_token")
        nonce = request.headers.get("x-plivo-signature-v3-nonce", "")
        signature = request.headers.get("x-plivo-signature-v3", "")
        if not (token and nonce and signature):
            return False
        try:
            return bool(
                validate_v3_signature(
                    "POST", request.url, nonce, token, signature, _params(request)
                )
            )
        except (PlivoRestError, ValueError, TypeError):  # the SDK's checks of its arguments
            return False

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        """Return the message of Plivo's form; a missing or repeated field is refused."""
        fields = _params(request)
        for name in (*REQUIRED, "Text"):
            if isinstance(fields.get(name), list):
                raise InvalidInput(
                    f"{name}: Plivo's form field was sent more than once", field=name
                )
        if fields.get("Type", "sms") not in ("sms", "mms"):
            return []
        message = inbound_message(
            "Plivo",
            provider_id=text_field(fields, "MessageUUID"),
            from_=_plus(text_field(fields, "From")),
            to=_plus(text_field(fields, "To")),
            body=text_field(fields, "Text"),
            at=None,
        )
        return [message]

    def answer_in_response(self, reply: str | None, inbound: InboundMessage) -> WebhookAnswer:
        """Return Plivo XML: Plivo sends the ``<Message>`` it holds, from our number."""
        if not reply:
            return WebhookAnswer("<Response></Response>", "application/xml")
        attributes = f"src={quoteattr(inbound.to_number)} dst={quoteattr(inbound.from_number)}"
        message = f"<Message {attributes}>{escape(reply)}</Message>"
        return WebhookAnswer(f"<Response>{message}</Response>", "application/xml")

    def send(self, config: ProviderConfig, *, to: str, from_: str | None, body: str) -> Sent:
        """Send with ``POST /v1/Account/{auth_id}/Message/``."""
        if not self.can_send(config) or not from_:
            raise ProviderError("plivo needs an auth ID, an auth token and a sending number")
        auth_id = config.get("auth_id")
        url = f"{config.get('api_base_url').rstrip('/')}/v1/Account/{auth_id}/Message/"
        message = {"src": from_, "dst": to, "text": body}
        answer = post_json("Plivo", url, message, auth=(auth_id, config.get("auth_token")))
        ids = answer.get("message_uuid") if isinstance(answer, dict) else None
        first = ids[0] if isinstance(ids, list) and ids and isinstance(ids[0], str) else ""
        return Sent(provider_id=first, status="queued")


def _params(request: WebhookRequest) -> dict[str, str | list[str]]:
    """Return the form as Plivo signs it: one value per field, a list for a repeated one."""
    params: dict[str, str | list[str]] = {}
    for name, value in request.form:
        held = params.get(name)
        if held is None:
            params[name] = value
        else:
            params[name] = [*([held] if isinstance(held, str) else held), value]
    return params


def _plus(number: str) -> str:
    """Return Plivo's number (digits, no +) with its +; other senders as they are."""
    return f"+{number}" if number.isascii() and number.isdigit() else number
