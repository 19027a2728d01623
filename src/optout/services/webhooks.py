"""Receiving a provider's webhook: find the account, check the signature, receive each reply.

Every provider goes through this one path. An unknown account, a provider the account has
not configured and a bad signature get the same refusal, so account slugs cannot be found
by trying them. Nothing is stored before the signature holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from optout.detect import Detector
from optout.exceptions import PermissionDenied
from optout.services.inbound import InboundMessage, InboundResult, receive_inbound
from optout.services.provider_settings import provider_config
from optout.services.providers import Provider, ProviderConfig, WebhookRequest
from optout.store.accounts import find_account_by_slug


@dataclass(frozen=True, slots=True)
class Received:
    """What one webhook delivered: each message with its result, and the provider's settings."""

    provider: Provider
    config: ProviderConfig
    messages: list[tuple[InboundMessage, InboundResult]]


def receive_webhook(
    session: Session,
    *,
    provider: Provider,
    slug: str,
    request: WebhookRequest,
    detector: Detector,
    now: datetime,
) -> Received:
    """Check the webhook against the account's settings, then receive every reply it holds."""
    # No slug holds NUL, and PostgreSQL would refuse to compare one: answer without asking.
    account = find_account_by_slug(session, slug) if "\x00" not in slug else None
    config = provider_config(session, account=account, provider=provider) if account else None
    if account is None or config is None or not _verified(provider, request, config, now):
        raise PermissionDenied(
            f"the {provider.title} webhook's signature or credentials do not match this "
            "account's settings; check the URL and the provider settings "
            f"('optout accounts configure SLUG --provider {provider.name} --set …')"
        )
    channel = webhook_channel(provider)
    results = [
        (
            inbound,
            receive_inbound(
                session, account=account, detector=detector, inbound=inbound, channel=channel
            ),
        )
        for inbound in provider.parse(request)
    ]
    return Received(provider, config, results)


def webhook_channel(provider: Provider) -> str:
    """Return how a ledger event names a reply this provider delivered: ``twilio-webhook``."""
    return f"{provider.name}-webhook"


def _verified(
    provider: Provider, request: WebhookRequest, config: ProviderConfig, now: datetime
) -> bool:
    return provider.can_receive(config) and provider.verify(request, config, now=now)
