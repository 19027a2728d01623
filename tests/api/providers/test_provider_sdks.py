"""The providers' own SDKs agree with the formats the webhook tests sign and with our checks."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from plivo.utils.signature_v3 import construct_post_url, get_signature_v3
from telnyx.lib.webhook_verification import WebhookVerificationError, verify_webhook_signature

from conftest import PLIVO_TOKEN, TELNYX_PUBLIC, plivo_headers, telnyx_signed, webhook
from optout.services.providers import PROVIDERS, WebhookRequest


def _telnyx_request(content: bytes, headers: dict[str, str]) -> WebhookRequest:
    return WebhookRequest("http://testserver/webhooks/telnyx/clinic", headers, content)


def _sdk_accepts(content: bytes, headers: dict[str, str]) -> bool:
    try:
        verify_webhook_signature(content, headers, TELNYX_PUBLIC)
    except WebhookVerificationError:
        return False
    return True


def test_telnyxs_sdk_and_our_check_agree_on_genuine_and_forged_webhooks():
    genuine = webhook("telnyx", "clinic", id="m-1")
    cases = {
        "genuine": (genuine.content, genuine.headers),
        "other key": telnyx_signed(genuine.content, time.time(), Ed25519PrivateKey.generate()),
        "stale": telnyx_signed(genuine.content, time.time() - 400),
        "tampered": (genuine.content.replace(b"STOP", b"STAR"), genuine.headers),
    }
    telnyx = PROVIDERS["telnyx"]
    config = telnyx.config({"public_key": TELNYX_PUBLIC})
    for name, (content, headers) in cases.items():
        ours = telnyx.verify(_telnyx_request(content, headers), config, now=datetime.now(UTC))
        assert ours == _sdk_accepts(content, headers) == (name == "genuine"), name


@pytest.mark.parametrize(
    "url", ["https://example.com/webhooks/plivo/clinic", "http://testserver/w"]
)
def test_plivos_sdk_signs_the_v3_string_exactly_as_the_tests_build_it(url):
    fields = {"From": "14155550123", "To": "14155550100", "Text": "STOP", "MessageUUID": "u-1"}
    headers = plivo_headers(url, fields)
    nonce = headers["x-plivo-signature-v3-nonce"]
    signed = construct_post_url(url, dict(fields)).decode()
    sdk = get_signature_v3(PLIVO_TOKEN.encode(), signed, nonce.encode())
    assert base64.b64decode(sdk) == base64.b64decode(headers["x-plivo-signature-v3"])
