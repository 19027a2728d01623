"""No phone number and no message text in the logs above DEBUG.

``optout serve`` runs as in production (INFO, uvicorn's access log on) while inbound replies,
the Twilio webhook, outbound sends, look-ups, opt-outs and suppression checks go through it;
then everything it wrote is searched for the numbers and the words of the messages.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from twilio.request_validator import RequestValidator

OPTOUT = str(Path(sys.executable).with_name("optout"))
TOKEN = "twilio-token-for-the-log-test"
NUMBERS = ["4155550123", "4155550124", "4155550125", "4155550126", "4155550127"]
WORDS = ["XYZZY", "PLUGH", "FROBOZZ", "GRUE", "remove me"]


@dataclass(frozen=True)
class Served:
    """A running ``optout serve`` and the account it was given."""

    url: str
    slug: str
    key: str
    log: Path
    inbound_key: str


@pytest.fixture
def served(tmp_path: Path, optout_serve: Callable[..., tuple[str, Path]]) -> Served:
    env = {**os.environ, "OPTOUT_DATABASE_URL": f"sqlite:///{tmp_path / 'logs.sqlite3'}",
           "OPTOUT_LOG_LEVEL": "INFO"}  # fmt: skip
    command = [OPTOUT, "accounts", "create", "Logs", "--twilio-auth-token", TOKEN, "--json"]
    subprocess.run([OPTOUT, "db", "upgrade"], env=env, check=True, capture_output=True)
    created = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    account = json.loads(created.stdout)
    url, log = optout_serve(env)
    return Served(url, account["slug"], account["api_key"], log, account["inbound_key"])


def _drive_every_flow(served: Served) -> None:
    headers = {"Authorization": f"Bearer {served.key}"}
    with httpx.Client(base_url=served.url, headers=headers) as api:
        _drive(api, served)


def _drive(api: httpx.Client, served: Served) -> None:
    a, b, c, d, e = (f"+1{number}" for number in NUMBERS)
    inbound = {"Authorization": f"Bearer {served.inbound_key}"}
    for body, number in [("Please remove me XYZZY", a), ("STOP", b), ("START", b), ("HELP", c)]:
        reply = {"from": number, "to": "+14155550100", "body": body, "id": f"SM-{body}"}
        assert api.post("/v1/inbound", json=reply, headers=inbound).status_code == 200
    blank = {**reply, "from": " "}
    assert api.post("/v1/inbound", json=blank, headers=inbound).status_code == 422
    webhook = f"{served.url}/webhooks/twilio/{served.slug}"
    form = {"From": d, "To": "+14155550100", "MessageSid": "SM-w", "Body": "stop texting PLUGH"}
    signature = RequestValidator(TOKEN).compute_signature(webhook, form)
    assert httpx.post(webhook, data=form, headers={"X-Twilio-Signature": signature}).is_success
    assert api.post("/v1/messages", json={"to": c, "body": "See you FROBOZZ"}).status_code == 201
    assert api.post("/v1/messages", json={"to": a, "body": "GRUE"}).status_code == 409
    assert api.post("/v1/opt-outs", json={"number": e, "note": "GRUE"}).status_code == 201
    assert api.get(f"/v1/contacts/{a}").status_code == 200
    assert api.get(f"/v1/contacts/{e}").status_code == 200
    assert api.get("/v1/opt-outs", params={"search": NUMBERS[0]}).status_code == 200
    assert api.post("/v1/suppression/check", json={"numbers": [a, b, e]}).status_code == 200
    assert api.get("/v1/opt-outs/export").status_code == 200


def test_no_number_or_message_text_is_logged_above_debug(served: Served):
    _drive_every_flow(served)
    time.sleep(0.5)  # let the server write its last access-log lines
    logged = served.log.read_text()
    assert "/v1/inbound" in logged, "the access log should be on, as in production"
    leaks = [piece for piece in NUMBERS + WORDS if piece.lower() in logged.lower()]
    lines = [line for line in logged.splitlines() if any(p.lower() in line.lower() for p in leaks)]
    assert not leaks, "\n".join(lines[:10])
