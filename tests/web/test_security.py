"""Sign-in, session cookie, CSRF and headers, checked over HTTP against the real server."""

from __future__ import annotations

import re

import httpx
import pytest

PASSWORD = "correct horse battery"


def _token(response: httpx.Response) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', response.text)
    assert found, "the page has no CSRF token"
    return found.group(1)


@pytest.fixture
def client(site):
    with httpx.Client(base_url=site.url, follow_redirects=False, timeout=10) as client:
        yield client


def _sign_in(client: httpx.Client, email: str, next_path: str = "/conversations") -> httpx.Response:
    token = _token(client.get("/login"))
    form = {"email": email, "password": PASSWORD, "csrf_token": token, "next": next_path}
    return client.post("/login", data=form)


def test_pages_answer_with_security_headers(client):
    response = client.get("/login")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in response.text and " style=" not in response.text


def test_the_session_cookie_is_signed_httponly_and_samesite(client, site):
    response = _sign_in(client, site.clinic.email)
    assert response.status_code == 303 and response.headers["location"] == "/conversations"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    value = client.cookies["optout_session"]
    client.cookies.set("optout_session", value[:-3] + ("AAA" if value[-3:] != "AAA" else "BBB"))
    assert client.get("/conversations").status_code == 303  # tampered: signed out


def test_a_post_without_the_csrf_token_is_refused(client, site):
    _sign_in(client, site.clinic.email)
    for path in [
        "/opt-outs/opt-in",
        "/opt-outs/import",
        "/opt-outs",
        "/logout",
        f"/conversations/{site.clinic.conversations['+12025550114']}/opt-back-in",
    ]:
        response = client.post(path, data={"number": "+12025550199"})
        assert response.status_code == 403, path
    assert site.contact(site.clinic, "+12025550114").status == "opted_out"
    assert client.get("/conversations").status_code == 200  # still signed in


def test_signing_in_needs_the_forms_token_too(client, site):
    form = {"email": site.clinic.email, "password": PASSWORD, "csrf_token": "forged"}
    assert client.post("/login", data=form).status_code == 403


@pytest.mark.parametrize("target", ["https://evil.test/", "//evil.test/x", "/\\evil.test"])
def test_sign_in_never_redirects_off_site(client, site, target):
    response = _sign_in(client, site.clinic.email, next_path=target)
    assert response.headers["location"] == "/conversations"


def test_another_accounts_conversation_is_not_found_and_cannot_be_changed(client, site):
    _sign_in(client, site.dental.email)
    theirs = site.clinic.conversations["+12025550114"]
    assert client.get(f"/conversations/{theirs}").status_code == 404
    token = _token(client.get("/conversations"))
    response = client.post(f"/conversations/{theirs}/opt-back-in", data={"csrf_token": token})
    assert response.status_code == 404
    assert site.contact(site.clinic, "+12025550114").status == "opted_out"
    export = client.get("/opt-outs/export.csv").text
    assert "+12025550150" in export and "+1202555011" not in export


def test_unknown_folders_and_mangled_cursors_do_not_break_the_page(client, site):
    _sign_in(client, site.clinic.email)
    assert client.get("/conversations?folder=nonsense").status_code == 404
    response = client.get("/conversations?folder=auto&after=garbage")
    assert response.status_code == 200 and "cursor is not valid" in response.text
    assert client.get("/opt-outs?after=garbage").status_code == 200
    assert client.get(f"/conversations/{10**30}").status_code == 404
    assert client.get("/conversations?after=" + "9" * 40).status_code == 200


def test_the_api_is_left_alone(client):
    response = client.get("/healthz")
    assert "set-cookie" not in response.headers
    assert "content-security-policy" not in response.headers


def test_a_keyword_opt_out_cannot_be_undone_by_a_forged_form_either(client, site):
    _sign_in(client, site.clinic.email)
    token = _token(client.get("/opt-outs"))
    response = client.post("/opt-outs/opt-in", data={"csrf_token": token, "number": "+12025550112"})
    assert response.status_code == 303
    assert "only the contact can reverse" in client.get("/opt-outs").text
    keyword = site.clinic.conversations["+12025550112"]
    client.post(f"/conversations/{keyword}/opt-back-in", data={"csrf_token": token})
    assert site.contact(site.clinic, "+12025550112").status == "opted_out"


def test_guessing_passwords_is_stopped_after_five_tries(client, site):
    for _ in range(5):
        token = _token(client.get("/login"))
        form = {"email": site.clinic.email, "password": "guess", "csrf_token": token}
        assert client.post("/login", data=form).status_code == 400
    response = _sign_in(client, site.clinic.email)
    assert response.status_code == 429
    assert "Too many wrong passwords" in response.text
    assert _sign_in(client, site.dental.email).status_code == 303


def test_an_import_from_the_page_records_who_imported_it(client, site):
    _sign_in(client, site.clinic.email)
    token = _token(client.get("/opt-outs"))
    files = {"file": ("march.csv", b"number\n+12025550177\n", "text/csv")}
    response = client.post("/opt-outs/import", data={"csrf_token": token}, files=files)
    assert response.status_code == 303
    preview = response.headers["location"]
    assert preview.startswith("/opt-outs/import/")
    assert client.post(preview, data={"csrf_token": token}).status_code == 303
    event = site.last_event(site.clinic, "+12025550177")
    assert (event.source, event.actor) == ("import", f"user:{site.clinic.email}")
    assert event.note == "imported from march.csv"
