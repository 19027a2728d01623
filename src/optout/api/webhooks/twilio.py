"""``POST /webhooks/twilio/{account_slug}``: Twilio's inbound SMS webhook, answered in TwiML."""

from __future__ import annotations

from xml.sax.saxutils import escape

from fastapi import APIRouter, Request, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import ImmutableMultiDict
from twilio.request_validator import RequestValidator

from optout.exceptions import InvalidInput, PermissionDenied
from optout.services.accounts import get_account_by_slug
from optout.services.inbound import InboundMessage, receive_inbound

router = APIRouter(prefix="/webhooks", tags=["webhooks"])
REQUIRED = ("From", "To", "MessageSid")
TWILIO_CHANNEL = "twilio-webhook"
"""How a ledger event names a reply Twilio delivered, signed with the account's auth token."""


@router.post(
    "/twilio/{account_slug}",
    response_class=Response,
    responses={200: {"content": {"application/xml": {}}, "description": "TwiML"}},
)
async def twilio_inbound(account_slug: str, request: Request) -> Response:
    """Receive one inbound SMS from Twilio; the reply, if any, goes back as TwiML."""
    form = await request.form()
    # Every value, repeats included: Twilio signs them all, and a repeated field is refused.
    params = ImmutableMultiDict([(k, v) for k, v in form.multi_items() if isinstance(v, str)])
    signature = request.headers.get("X-Twilio-Signature", "")
    url = _public_url(request)
    reply = await run_in_threadpool(_receive, request, account_slug, params, signature, url)
    return Response(twiml(reply), media_type="application/xml")


def _receive(
    request: Request, slug: str, params: ImmutableMultiDict[str, str], signature: str, url: str
) -> str | None:
    with request.app.state.session_factory() as session, session.begin():
        account = get_account_by_slug(session, slug)
        token = account.twilio_auth_token
        if not token or not RequestValidator(token).validate(url, params, signature):
            raise PermissionDenied(
                "the X-Twilio-Signature does not match this account's auth token"
            )
        inbound = _inbound(params)
        detector = request.app.state.detector
        result = receive_inbound(
            session, account=account, detector=detector, inbound=inbound, channel=TWILIO_CHANNEL
        )
        return result.reply


def _inbound(params: ImmutableMultiDict[str, str]) -> InboundMessage:
    for name in (*REQUIRED, "Body"):
        _check_field(name, params.getlist(name))
    body = params.get("Body", "")
    return InboundMessage(params["From"], params["To"], body, params["MessageSid"])


def _check_field(name: str, values: list[str]) -> None:
    if len(values) > 1:
        raise InvalidInput(f"{name}: Twilio's form field was sent more than once", field=name)
    value = values[0] if values else ""
    if "\x00" in value:
        raise InvalidInput(f"{name}: must not contain NUL characters", field=name)
    if not value and name in REQUIRED:
        raise InvalidInput(f"{name}: Twilio's form field is missing", field=name)


def _public_url(request: Request) -> str:
    """Return the URL Twilio signed: the configured public base URL, else the request's."""
    base: str | None = request.app.state.settings.public_base_url
    if not base:
        return str(request.url)
    query = f"?{request.url.query}" if request.url.query else ""
    return base.rstrip("/") + request.url.path + query


def twiml(reply: str | None) -> str:
    """Return a TwiML document that sends ``reply``, or says nothing."""
    if not reply:
        return '<?xml version="1.0" encoding="UTF-8"?><Response/>'
    message = f"<Message>{escape(reply)}</Message>"
    return f'<?xml version="1.0" encoding="UTF-8"?><Response>{message}</Response>'
