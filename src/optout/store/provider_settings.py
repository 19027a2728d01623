"""Each account's provider settings: ``(account, provider, name) -> value`` rows."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from optout.store.tables import ProviderSetting


def settings_of(session: Session, *, account_id: int, provider: str) -> dict[str, str]:
    """Return the account's settings for ``provider`` by name."""
    rows = session.execute(
        select(ProviderSetting.name, ProviderSetting.value).where(
            ProviderSetting.account_id == account_id, ProviderSetting.provider == provider
        )
    )
    return {str(name): str(value) for name, value in rows}


def configured_providers(session: Session, *, account_id: int) -> list[str]:
    """Return the names of the providers the account has any setting for."""
    rows = session.scalars(
        select(ProviderSetting.provider)
        .where(ProviderSetting.account_id == account_id)
        .distinct()
        .order_by(ProviderSetting.provider)
    )
    return list(rows)


def put_setting(
    session: Session, *, account_id: int, provider: str, name: str, value: str | None
) -> None:
    """Set one setting, or remove it when ``value`` is None."""
    found = session.scalars(
        select(ProviderSetting).where(
            ProviderSetting.account_id == account_id,
            ProviderSetting.provider == provider,
            ProviderSetting.name == name,
        )
    ).one_or_none()
    if value is None:
        if found is not None:
            session.execute(delete(ProviderSetting).where(ProviderSetting.id == found.id))
        return
    if found is None:
        session.add(
            ProviderSetting(account_id=account_id, provider=provider, name=name, value=value)
        )
    else:
        found.value = value
    session.flush()
