"""``/v1/providers``: the account's SMS provider settings, secrets never shown back."""

from __future__ import annotations

from fastapi import APIRouter

from optout.api.deps import AccountDep, SessionDep
from optout.api.schemas import ProviderIn, ProviderOut
from optout.services.provider_settings import ProviderView, configure_provider, describe_providers

router = APIRouter(prefix="/v1", tags=["providers"])


@router.get("/providers")
def get_providers(account: AccountDep, session: SessionDep) -> list[ProviderOut]:
    """The providers the account has settings for, secrets shown as ``(set)``."""
    return [_out(view) for view in describe_providers(session, account=account)]


@router.put("/providers/{provider}")
def put_provider(
    provider: str, body: ProviderIn, account: AccountDep, session: SessionDep
) -> ProviderOut:
    """Set some of the account's settings for ``provider`` (``""`` removes one).

    Once the provider has everything a send needs, outbound texts go through it.
    """
    return _out(
        configure_provider(session, account=account, provider=provider, values=body.settings)
    )


def _out(view: ProviderView) -> ProviderOut:
    return ProviderOut(
        provider=view.provider,
        settings=view.settings,
        receives_webhooks=view.receives_webhooks,
        can_send=view.can_send,
        sends_outbound=view.sends_outbound,
    )
