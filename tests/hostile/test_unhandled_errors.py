"""Input that once escaped every handler gets a 4xx in the one error shape, on a live connection.

Each case used to raise an exception no handler took: uvicorn answered a plain-text 500 and
closed the connection. Each request here goes over one kept-alive connection to a real
uvicorn server, and the next request must travel on that same connection.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import Request
from sqlalchemy import func, select

from optout.api.app import create_app
from optout.config import Settings
from optout.services.accounts import create_account
from optout.services.users import create_user
from optout.store.tables import Contact, OptEvent

PASSWORD = "correct horse battery"
BIG_ID = 2**63
DEEP = 1_000


@dataclass
class Served:
    """A live server with one account, its key, and one kept-alive client connection."""

    client: httpx.Client
    key: str
    factory: Any

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    def stays_connected(self, answer: httpx.Response) -> None:
        """Assert that the connection that carried ``answer`` carries the next request too."""
        assert answer.headers.get("connection") != "close"
        following = self.client.get("/healthz")
        assert following.status_code == 200
        assert _local_port(following) == _local_port(answer)

    def opted_out(self) -> int:
        with self.factory() as session:
            return session.scalar(select(func.count()).select_from(OptEvent)) or 0


def _local_port(answer: httpx.Response) -> int:
    return int(answer.extensions["network_stream"].get_extra_info("client_addr")[1])


def _fails(request: Request) -> None:
    raise RuntimeError(f"a defect nobody has found yet, on {request.url.path}")


@pytest.fixture
def served(database_url: str, live_server: Callable[..., str]) -> Iterator[Served]:
    app = create_app(Settings(database_url=database_url))
    app.add_api_route("/v1/defect", _fails)  # stands for any bug the handlers do not know
    factory = app.state.session_factory
    with factory.begin() as session:
        account, key = create_account(session, name="Clinic")
        create_user(session, account=account, email="ana@clinic.test", password=PASSWORD)
    url = live_server(app, factory.kw["bind"].dispose)
    with httpx.Client(base_url=url, timeout=60) as client:
        yield Served(client, key, factory)


def _error(answer: httpx.Response, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    body = answer.json()
    assert set(body) == {"error"} and body["error"]["message"]
    return body["error"]


@pytest.mark.parametrize("path", ["/v1/inbound", "/v1/opt-outs", "/v1/suppression/check"])
def test_json_nested_a_thousand_deep_is_invalid_input(served, path):
    deep = b"[" * DEEP + b"]" * DEEP
    for body in (deep, b'{"numbers": ' + deep + b"}"):
        answer = served.client.post(
            path, content=body, headers=served.headers | {"content-type": "application/json"}
        )
        assert _error(answer, 422)["code"] == "invalid_input"
        served.stays_connected(answer)


def test_an_id_past_64_bits_in_a_path_is_invalid_input(served):
    answer = served.client.post(
        f"/v1/auto-opt-outs/{BIG_ID}/opt-back-in", json={"confirm": True}, headers=served.headers
    )
    assert _error(answer, 422)["field"] == "message_id"
    served.stays_connected(answer)


def test_a_csv_field_over_the_csv_limit_is_read_like_any_other(served):
    csv = b'number,note\n+12025550123,ok\n+12025550124,"' + b"x" * 131_073 + b'"\n'
    answer = served.client.post(
        "/v1/opt-outs/import", files={"file": ("big.csv", csv)}, headers=served.headers
    )
    assert answer.status_code == 200, answer.text
    assert answer.json()["opted_out"] == 2  # each line is read on its own, a long one too
    assert served.opted_out() == 2
    served.stays_connected(answer)


def _signed_in(served: Served, email: str = "ana@clinic.test") -> httpx.Response:
    page = served.client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    form = {"email": email, "password": PASSWORD, "csrf_token": token.group(1)}
    return served.client.post("/login", data=form)


def test_a_login_email_of_320_dotted_capital_is_a_wrong_password(served):
    # "İ".lower() is two characters: 320 of them no longer fit the email column.
    answer = _signed_in(served, "İ" * 320)
    assert answer.status_code == 400
    assert "the email or password is wrong" in answer.text
    served.stays_connected(answer)


def test_a_web_import_with_a_long_filename_is_imported(served):
    assert _signed_in(served).status_code == 303
    page = served.client.get("/opt-outs")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token
    name = "n" * 400 + ".csv"
    upload = {"file": (name, io.BytesIO(b"number\n+12025550123\n"), "text/csv")}
    answer = served.client.post(
        "/opt-outs/import", data={"csrf_token": token.group(1)}, files=upload
    )
    assert answer.status_code == 303
    preview = answer.headers["location"]
    assert served.client.get(preview).status_code == 200
    answer = served.client.post(preview, data={"csrf_token": token.group(1)})
    assert answer.status_code == 303
    with served.factory() as session:
        assert session.scalar(select(Contact.status)) == "opted_out"
    served.stays_connected(answer)


def test_an_unexpected_error_is_a_500_in_the_one_shape(served, caplog):
    answer = served.client.get("/v1/defect", headers=served.headers)
    assert _error(answer, 500)["code"] == "internal_error"
    assert "a defect nobody has found yet" in caplog.text  # logged, with its traceback
    served.stays_connected(answer)
