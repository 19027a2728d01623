"""An account's settings for each SMS provider: configure, read, describe without secrets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from optout.exceptions import InvalidInput
from optout.services.providers import Provider, ProviderConfig, provider_named
from optout.store.provider_settings import configured_providers, put_setting, settings_of
from optout.store.tables import Account

SECRET_SHOWN_AS = "(set)"
MAX_VALUE = 4096


@dataclass(frozen=True, slots=True)
class ProviderView:
    """What the API and the command line show of a provider's settings: no secret."""

    provider: str
    settings: dict[str, str]
    receives_webhooks: bool
    can_send: bool
    sends_outbound: bool


def configure_provider(
    session: Session, *, account: Account, provider: str, values: Mapping[str, str]
) -> ProviderView:
    """Set the account's settings for ``provider`` ('' removes one) and describe them.

    Once the provider has everything a send needs, the account's outbound texts go through
    it: the provider configured last is the one that sends.
    """
    plugin = provider_named(provider)
    known = {setting.name: setting for setting in plugin.settings}
    for name, value in values.items():
        if name not in known:
            raise InvalidInput(f"{name}: {provider} takes {sorted(known)}", field=name)
        if len(value) > MAX_VALUE or "\x00" in value:
            raise InvalidInput(f"{name}: at most {MAX_VALUE} characters, no NUL", field=name)
    for name, value in values.items():
        put_setting(
            session, account_id=account.id, provider=provider, name=name, value=value or None
        )
    if plugin.can_send(provider_config(session, account=account, provider=plugin)):
        account.provider = provider
    session.flush()
    return describe_provider(session, account=account, provider=plugin)


def provider_config(session: Session, *, account: Account, provider: Provider) -> ProviderConfig:
    """Return the account's settings for ``provider``, defaults filled in."""
    return provider.config(settings_of(session, account_id=account.id, provider=provider.name))


def describe_provider(session: Session, *, account: Account, provider: Provider) -> ProviderView:
    """Return the provider's settings as shown to the account holder: secrets hidden."""
    stored = settings_of(session, account_id=account.id, provider=provider.name)
    config = provider.config(stored)
    secret = {setting.name for setting in provider.settings if setting.secret}
    shown = {
        name: SECRET_SHOWN_AS if name in secret else value for name, value in sorted(stored.items())
    }
    return ProviderView(
        provider.name,
        shown,
        provider.receives and provider.can_receive(config),
        provider.can_send(config),
        account.provider == provider.name,
    )


def describe_providers(session: Session, *, account: Account) -> list[ProviderView]:
    """Return every provider the account has settings for, and the one it sends through."""
    names = set(configured_providers(session, account_id=account.id)) | {account.provider}
    return [
        describe_provider(session, account=account, provider=provider_named(name))
        for name in sorted(names)
    ]


def sending_provider(session: Session, *, account: Account) -> tuple[Provider, ProviderConfig]:
    """Return the provider the account's outbound texts go through, with its settings."""
    provider = provider_named(account.provider)
    return provider, provider_config(session, account=account, provider=provider)
