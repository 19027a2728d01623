"""The provider interface: what every SMS provider plug-in implements.

A provider is one class with a ``name``, the settings an account gives it and four
abilities: :meth:`Provider.verify` a webhook's signature or credentials,
:meth:`Provider.parse` it into an :class:`InboundMessage`, answer in the webhook's own
response (:meth:`Provider.answer_in_response`, where the provider reads the response) or
let the answer be sent through its API, and :meth:`Provider.send` an outbound text.
Nothing here knows about FastAPI: the HTTP layer hands over a :class:`WebhookRequest`.
"""

from __future__ import annotations

import json
import logging
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

import httpx

from optout.exceptions import InvalidInput, ProviderError
from optout.services.inbound import InboundMessage

log = logging.getLogger(__name__)
MAX_PROVIDER_ID = 128
"""Longest message id stored; a longer one is refused with 422, not a database error."""
SEND_TIMEOUT = httpx.Timeout(10.0)
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Setting:
    """One value an account gives a provider; a secret is never shown back."""

    name: str
    help: str
    secret: bool = False
    required_to_receive: bool = False
    required_to_send: bool = False
    default: str | None = None


@dataclass(frozen=True, slots=True)
class WebhookRequest:
    """A webhook as the HTTP layer received it: the URL the provider called, headers, body."""

    url: str
    headers: Mapping[str, str]  # names in lower case
    body: bytes
    form: tuple[tuple[str, str], ...] = ()  # form fields in order, repeats kept


@dataclass(frozen=True, slots=True)
class WebhookAnswer:
    """What the webhook answers the provider: a body and its media type."""

    content: str
    media_type: str


@dataclass(frozen=True, slots=True)
class Sent:
    """The provider's answer to a send."""

    provider_id: str
    status: str


@dataclass(frozen=True, slots=True)
class ProviderConfig:
    """An account's settings for one provider, defaults filled in."""

    values: Mapping[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str:
        """Return the setting, or '' when the account has not set it."""
        return self.values.get(name, "")


class Provider(ABC):
    """One SMS provider: webhooks in, texts out."""

    name: ClassVar[str]
    title: ClassVar[str]
    settings: ClassVar[tuple[Setting, ...]]
    receives: ClassVar[bool] = True
    acknowledgement: ClassVar[WebhookAnswer] = WebhookAnswer("", "text/plain")
    """The webhook's answer when the answer to the contact goes through the API."""

    @abstractmethod
    def verify(self, request: WebhookRequest, config: ProviderConfig, *, now: datetime) -> bool:
        """Return whether the webhook carries this account's valid signature or credentials."""

    @abstractmethod
    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        """Return the webhook's inbound messages: none for a delivery receipt or status."""

    def answer_in_response(
        self, reply: str | None, inbound: InboundMessage
    ) -> WebhookAnswer | None:
        """Return the webhook answer that carries ``reply``, or None to send it by the API."""
        del reply, inbound
        return None

    @abstractmethod
    def send(self, config: ProviderConfig, *, to: str, from_: str | None, body: str) -> Sent:
        """Send ``body`` to ``to`` and return the provider's id and status."""

    def config(self, values: Mapping[str, str]) -> ProviderConfig:
        """Return ``values`` with this provider's defaults filled in."""
        defaults = {s.name: s.default for s in self.settings if s.default is not None}
        return ProviderConfig({**defaults, **values})

    def can_receive(self, config: ProviderConfig) -> bool:
        """Return whether ``config`` holds everything a webhook is checked against."""
        return all(config.get(s.name) for s in self.settings if s.required_to_receive)

    def can_send(self, config: ProviderConfig) -> bool:
        """Return whether ``config`` holds everything a send needs."""
        return all(config.get(s.name) for s in self.settings if s.required_to_send)


def clean_text(value: str) -> str:
    """Return ``value`` with NUL replaced: a carrier may deliver one, no database stores it."""
    return value.replace("\x00", "\ufffd")


def inbound_message(
    provider: str, *, provider_id: str, from_: str, to: str, body: str, at: datetime | None
) -> InboundMessage:
    """Return the inbound message, NUL replaced; a missing or overlong id is refused."""
    if not provider_id:
        raise InvalidInput(f"the {provider} webhook carries no message id", field="id")
    if len(provider_id) > MAX_PROVIDER_ID:
        raise InvalidInput(
            f"the {provider} message id is over {MAX_PROVIDER_ID} characters", field="id"
        )
    if not from_:
        raise InvalidInput(f"the {provider} webhook names no sender", field="from")
    texts = (clean_text(provider_id), clean_text(from_), clean_text(to), clean_text(body))
    return InboundMessage(texts[1], texts[2], texts[3], texts[0], _plausible(at))


def _plausible(at: datetime | None) -> datetime | None:
    """Return the provider's receipt time, or None (now) when it is implausible."""
    if at is not None and at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    if at is None or not EARLIEST <= at <= datetime.now(UTC) + timedelta(days=1):
        return None
    return at


def json_body(provider: str, body: bytes) -> Any:
    """Return the webhook's JSON body, or raise InvalidInput naming the provider."""
    try:
        return json.loads(body)
    except (ValueError, RecursionError) as error:
        raise InvalidInput(f"the {provider} webhook's body is not JSON", field="body") from error


def post_json(
    provider: str, url: str, payload: Mapping[str, Any], *, auth: Any = None, headers: Any = None
) -> Any:
    """POST ``payload`` as JSON to the provider's API; a refusal becomes ProviderError."""
    try:
        response = httpx.post(url, json=payload, auth=auth, headers=headers, timeout=SEND_TIMEOUT)
    except httpx.HTTPError as error:
        raise ProviderError(f"{provider} could not be reached: {error}") from error
    if response.is_error:
        raise ProviderError(f"{provider} refused the message ({response.status_code})")
    try:
        return response.json()
    except ValueError as error:
        raise ProviderError(f"{provider} answered something other than JSON") from error


def text_field(container: Any, name: str) -> str:
    """Return ``container[name]`` when it is a string, else ''."""
    value = container.get(name) if isinstance(container, dict) else None
    return value if isinstance(value, str) else ""
