"""``POST /webhooks/{provider}/{account_slug}``: every SMS provider's inbound webhook.

The provider plug-in checks the signature or credentials and reads the message; the
answer to the contact goes back in the webhook's response where the provider reads it
(Twilio's TwiML, Plivo's XML), else it is sent through the provider's API once the
webhook is answered. ``/webhooks/twilio/{account_slug}`` is this route for Twilio.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from fastapi import APIRouter, Request, Response
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool

from optout.exceptions import OptoutError
from optout.services.providers import Provider, WebhookAnswer, WebhookRequest, receiving_provider
from optout.services.webhooks import Received, receive_webhook

log = logging.getLogger(__name__)
router = APIRouter(prefix="/webhooks", tags=["webhooks"])
Delivery = tuple[str, str, str]  # to, from, text


@router.post(
    "/{provider}/{account_slug}",
    response_class=Response,
    responses={200: {"content": {"application/xml": {}}, "description": "The provider's answer"}},
)
async def provider_webhook(provider: str, account_slug: str, request: Request) -> Response:
    """Receive one webhook from an SMS provider (``twilio``, ``telnyx``, ``vonage``, …)."""
    plugin = receiving_provider(provider)
    body = await request.body()
    form = await request.form()
    fields = tuple((name, value) for name, value in form.multi_items() if isinstance(value, str))
    webhook = WebhookRequest(_public_url(request), dict(request.headers), body, fields)
    received = await run_in_threadpool(_receive, request, plugin, account_slug, webhook)
    answer, deliveries = _answer(received)
    task = BackgroundTask(_deliver, received, deliveries) if deliveries else None
    return Response(answer.content, media_type=answer.media_type, background=task)


@router.post(
    "/twilio/{account_slug}",
    response_class=Response,
    responses={200: {"content": {"application/xml": {}}, "description": "TwiML"}},
)
async def twilio_webhook(account_slug: str, request: Request) -> Response:
    """Receive one inbound SMS from Twilio; the answer, if any, goes back as TwiML."""
    return await provider_webhook("twilio", account_slug, request)


def _receive(request: Request, provider: Provider, slug: str, webhook: WebhookRequest) -> Received:
    with request.app.state.session_factory() as session, session.begin():
        return receive_webhook(
            session,
            provider=provider,
            slug=slug,
            request=webhook,
            detector=request.app.state.detector,
            now=datetime.now(UTC),
        )


def _answer(received: Received) -> tuple[WebhookAnswer, list[Delivery]]:
    """Return the webhook's answer, and the answers to send through the provider's API."""
    provider = received.provider
    if received.messages:
        inbound, result = received.messages[0]
        in_response = provider.answer_in_response(result.reply, inbound)
        if in_response is not None:
            return in_response, []
    deliveries = [
        (result.number, inbound.to_number, result.reply)
        for inbound, result in received.messages
        if result.reply and not result.duplicate  # a retry's answer went out the first time
    ]
    return provider.acknowledgement, deliveries


def _deliver(received: Received, deliveries: list[Delivery]) -> None:
    """Send each answer; a failure is logged, the reply and its opt-out are stored already."""
    for to, from_, text in deliveries:
        try:
            received.provider.send(received.config, to=to, from_=from_, body=text)
        except OptoutError as error:
            log.warning("%s did not take the answer to a reply: %s", received.provider.name, error)


def _public_url(request: Request) -> str:
    """Return the URL the provider signed: the configured public base URL, else the request's."""
    base: str | None = request.app.state.settings.public_base_url
    if not base:
        return str(request.url)
    query = f"?{request.url.query}" if request.url.query else ""
    return base.rstrip("/") + request.url.path + query
