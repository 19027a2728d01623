"""The providers optout speaks, by name: adding one is a class and a line here."""

from __future__ import annotations

from optout.exceptions import InvalidInput, UnknownProvider
from optout.services.providers.bandwidth import BandwidthProvider
from optout.services.providers.base import Provider
from optout.services.providers.log import LogProvider
from optout.services.providers.plivo import PlivoProvider
from optout.services.providers.telnyx import TelnyxProvider
from optout.services.providers.twilio import TwilioProvider
from optout.services.providers.vonage import VonageProvider

PROVIDERS: dict[str, Provider] = {
    provider.name: provider
    for provider in (
        LogProvider(),
        TwilioProvider(),
        TelnyxProvider(),
        VonageProvider(),
        PlivoProvider(),
        BandwidthProvider(),
    )
}


def provider_named(name: str, *, field: str = "provider") -> Provider:
    """Return the provider called ``name``, or raise InvalidInput listing the names."""
    provider = PROVIDERS.get(name)
    if provider is None:
        raise InvalidInput(f"{field}: use one of {sorted(PROVIDERS)}", field=field)
    return provider


def receiving_provider(name: str) -> Provider:
    """Return the provider whose webhooks arrive under ``name``, or raise UnknownProvider."""
    provider = PROVIDERS.get(name)
    if provider is None or not provider.receives:
        names = sorted(n for n, p in PROVIDERS.items() if p.receives)
        raise UnknownProvider(f"no provider is called {name!r}; webhooks exist for {names}")
    return provider
