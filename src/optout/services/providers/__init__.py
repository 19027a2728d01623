"""SMS providers as plug-ins: one class each, found by name in :mod:`.registry`.

An account's settings for each provider are data (:mod:`optout.services.provider_settings`);
outbound texts go through the account's chosen provider, webhooks arrive from any
provider the account has configured.
"""

from optout.services.providers.base import (
    Provider,
    ProviderConfig,
    Sent,
    Setting,
    WebhookAnswer,
    WebhookRequest,
)
from optout.services.providers.registry import PROVIDERS, provider_named, receiving_provider

__all__ = [
    "PROVIDERS",
    "Provider",
    "ProviderConfig",
    "Sent",
    "Setting",
    "WebhookAnswer",
    "WebhookRequest",
    "provider_named",
    "receiving_provider",
]
