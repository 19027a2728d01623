"""Twilio: signed form webhooks (``X-Twilio-Signature``), answers in TwiML, sends by its SDK.

Twilio signs the URL it called and every form field with the account's auth token
(HMAC-SHA1, checked by the SDK's ``RequestValidator``). It reads the webhook's TwiML
answer and sends the ``<Message>`` in it, so the answer costs no API call. Twilio does not
retry an SMS webhook that fails; a retry it does make (Connection Overrides) carries the
same ``MessageSid`` and gets the first answer back.
"""

from __future__ import annotations

from datetime import datetime
from xml.sax.saxutils import escape

from twilio.request_validator import RequestValidator

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
)

REQUIRED = ("From", "To", "MessageSid")


class _Fields:
    """Form fields with repeats, in the shape the SDK's validator reads (``getall``)."""

    def __init__(self, form: tuple[tuple[str, str], ...]) -> None:
        self.form = form

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(dict.fromkeys(name for name, _ in self.form))

    def getall(self, name: str) -> list[str]:
        return [value for key, value in self.form if key == name]


class TwilioProvider(Provider):
    """Twilio Programmable Messaging."""

    name = "twilio"
    title = "Twilio"
    settings = (
        Setting("auth_token", "Checks X-Twilio-Signature; sends.", True, True, True),
        Setting("account_sid", "The AC… account SID; sends.", required_to_send=True),
        Setting("api_base_url", "Twilio's API, for a stand-in in tests.", default=""),
    )

    def verify(self, request: WebhookRequest, config: ProviderConfig, *, now: datetime) -> bool:
        """Return whether X-Twilio-Signature signs the URL and every field with the token."""
        del now
        token, signature = config.get("auth_token"), request.headers.get("x-twilio-signature", "")
        validator = RequestValidator(token)
        return bool(token) and bool(
            validator.validate(request.url, _Fields(request.form), signature)
        )

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        """Return the message of Twilio's form; a missing or repeated field is refused."""
        fields = _Fields(request.form)
        for name in (*REQUIRED, "Body"):
            _check_field(name, fields.getall(name))
        one = {name: (fields.getall(name) or [""])[0] for name in (*REQUIRED, "Body")}
        return [
            inbound_message(
                "Twilio",
                provider_id=one["MessageSid"],
                from_=one["From"],
                to=one["To"],
                body=one["Body"],
                at=None,
            )
        ]

    def answer_in_response(self, reply: str | None, inbound: InboundMessage) -> WebhookAnswer:
        """Return TwiML: Twilio sends the ``<Message>`` it holds."""
        del inbound
        return WebhookAnswer(twiml(reply), "application/xml")

    def send(self, config: ProviderConfig, *, to: str, from_: str | None, body: str) -> Sent:
        """Create the message at Twilio; a refusal becomes ProviderError."""
        from twilio.base.exceptions import TwilioException
        from twilio.rest import Client

        if not from_:
            raise InvalidInput("from: the twilio provider needs a sending number", field="from")
        if not self.can_send(config):
            raise ProviderError("twilio needs the account SID and auth token to send")
        client = Client(config.get("account_sid"), config.get("auth_token"))
        if config.get("api_base_url"):
            client.api.base_url = config.get("api_base_url")
        try:
            message = client.messages.create(to=to, from_=from_, body=body)
        except (TwilioException, OSError) as error:  # requests' errors are OSErrors
            raise ProviderError(f"Twilio refused the message: {error}") from error
        return Sent(provider_id=str(message.sid), status=str(message.status or "queued"))


def _check_field(name: str, values: list[str]) -> None:
    if len(values) > 1:
        raise InvalidInput(f"{name}: Twilio's form field was sent more than once", field=name)
    if not (values[0] if values else "") and name in REQUIRED:
        raise InvalidInput(f"{name}: Twilio's form field is missing", field=name)


def twiml(reply: str | None) -> str:
    """Return a TwiML document that sends ``reply``, or says nothing."""
    if not reply:
        return '<?xml version="1.0" encoding="UTF-8"?><Response/>'
    message = f"<Message>{escape(reply)}</Message>"
    return f'<?xml version="1.0" encoding="UTF-8"?><Response>{message}</Response>'
