"""The ``log`` provider: records outbound texts without sending them (trials and tests)."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import ClassVar

from optout.services.inbound import InboundMessage
from optout.services.providers.base import (
    Provider,
    ProviderConfig,
    Sent,
    Setting,
    WebhookRequest,
)

log = logging.getLogger(__name__)


class LogProvider(Provider):
    """Sends nothing and receives no webhook: replies come through ``POST /v1/inbound``."""

    name = "log"
    title = "Log only"
    settings: ClassVar[tuple[Setting, ...]] = ()
    receives = False

    def verify(self, request: WebhookRequest, config: ProviderConfig, *, now: datetime) -> bool:
        """Accept no webhook."""
        del request, config, now
        return False

    def parse(self, request: WebhookRequest) -> list[InboundMessage]:
        """Read nothing: no webhook reaches this provider."""
        del request
        return []

    def send(
        self, config: ProviderConfig | None = None, *, to: str, from_: str | None, body: str
    ) -> Sent:
        """Log the text at debug level (numbers and bodies never above it) and accept it."""
        del config
        log.debug("outbound text to %s from %s: %s", to, from_, body)
        return Sent(provider_id=f"log-{uuid.uuid4().hex}", status="sent")
