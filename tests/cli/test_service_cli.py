"""The service commands, run through the real Typer app against a real database."""

from __future__ import annotations

import csv
import getpass
import io
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from optout.cli import app
from optout.cli.database import NOT_MIGRATED
from optout.config import get_settings
from optout.domain import KeyPurpose
from optout.exceptions import AuthenticationFailed
from optout.services.api_keys import authenticate_api_key
from optout.services.demo import seed_demo
from optout.store.engine import make_engine, make_session_factory
from optout.store.provider_settings import settings_of
from optout.store.tables import Account

runner = CliRunner()


@pytest.fixture(autouse=True)
def env_database(database_url, monkeypatch):
    """Point the command line's settings at the test database."""
    monkeypatch.setenv("OPTOUT_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def _run(*args):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_accounts_create_prints_slug_and_keys_as_json():
    created = json.loads(_run("accounts", "create", "Maple Clinic", "--json"))
    assert set(created) == {"slug", "api_key", "inbound_key"}
    assert created["slug"] == "maple-clinic"
    assert created["api_key"].startswith("oo_")
    assert created["inbound_key"].startswith("ooin_")
    second = json.loads(_run("accounts", "create", "Maple Clinic", "--json"))
    assert second["slug"] == "maple-clinic-2"


def test_accounts_create_keeps_the_twilio_token(env_database):
    created = json.loads(_run("accounts", "create", "T", "--twilio-auth-token", "tok", "--json"))
    engine = make_engine(env_database)
    with make_session_factory(engine)() as session:
        account = session.query(Account).filter_by(slug=created["slug"]).one()
        twilio = settings_of(session, account_id=account.id, provider="twilio")
        assert twilio == {"auth_token": "tok"}
    engine.dispose()


def test_import_then_export(tmp_path):
    slug = json.loads(_run("accounts", "create", "Clinic", "--json"))["slug"]
    path = tmp_path / "numbers.csv"
    path.write_text("number\n2025550140\n(202) 555-0141\nbad\n", encoding="utf-8")
    output = _run("import-opt-outs", slug, str(path))
    assert "opted out 2" in output and "invalid 1" in output
    rows = list(csv.DictReader(io.StringIO(_run("export", slug))))
    who = f"cli:{getpass.getuser()}"
    assert [(row["number"], row["source"], row["actor"], row["note"]) for row in rows] == [
        ("+12025550140", "import", who, "imported from numbers.csv"),
        ("+12025550141", "import", who, "imported from numbers.csv"),
    ]


def test_accounts_rotate_key_revokes_the_old_key_of_that_kind(env_database):
    created = json.loads(_run("accounts", "create", "Maple Clinic", "--json"))
    rotated = json.loads(_run("accounts", "rotate-key", "maple-clinic", "--inbound", "--json"))
    assert rotated["purpose"] == "inbound" and rotated["key"].startswith("ooin_")
    engine = make_engine(env_database)
    with make_session_factory(engine)() as session:
        assert (
            authenticate_api_key(session, rotated["key"], KeyPurpose.INBOUND).slug
            == created["slug"]
        )
        assert authenticate_api_key(session, created["api_key"]).slug == created["slug"]
        with pytest.raises(AuthenticationFailed):
            authenticate_api_key(session, created["inbound_key"], KeyPurpose.INBOUND)
    management = json.loads(_run("accounts", "rotate-key", "maple-clinic", "--json"))
    with make_session_factory(engine)() as session:
        with pytest.raises(AuthenticationFailed):
            authenticate_api_key(session, created["api_key"])
        assert authenticate_api_key(session, management["key"]).slug == created["slug"]
    engine.dispose()


def test_an_unknown_account_is_a_clear_error():
    result = runner.invoke(app, ["export", "nobody"])
    assert result.exit_code == 1
    assert "no account has the slug 'nobody'" in result.output


def test_db_upgrade_is_idempotent():
    assert "up to date" in _run("db", "upgrade")


def test_seed_demo_fills_an_empty_database_once(env_database):
    engine = make_engine(env_database)
    factory = make_session_factory(engine)
    info = seed_demo(factory, get_settings())
    assert info is not None and info.api_key.startswith("oo_")
    assert info.inbound_key.startswith("ooin_")
    assert seed_demo(factory, get_settings()) is None
    engine.dispose()


def test_accounts_configure_changes_the_replies(env_database):
    slug = json.loads(_run("accounts", "create", "Clinic", "--json"))["slug"]
    _run(
        "accounts",
        "configure",
        slug,
        "--opt-out-confirmation",
        "Bye from Clinic.",
        "--help-text",
        "Call 555-0100.",
    )
    engine = make_engine(env_database)
    with make_session_factory(engine)() as session:
        account = session.query(Account).filter_by(slug=slug).one()
        assert (account.opt_out_confirmation, account.help_text) == (
            "Bye from Clinic.",
            "Call 555-0100.",
        )
        assert account.opt_out_confirmation_enabled is True
    engine.dispose()
    _run("accounts", "configure", slug, "--no-confirm-opt-outs")
    with make_session_factory(engine)() as session:
        assert (
            session.query(Account).filter_by(slug=slug).one().opt_out_confirmation_enabled is False
        )
    engine.dispose()


def test_serve_demo_migrates_seeds_and_serves(tmp_path):
    """Run what `make serve` runs, on each test database, and use the keys it prints."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # OPTOUT_DATABASE_URL: the test database
    command = [
        str(Path(sys.executable).with_name("optout")),
        "serve",
        "--demo",
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        keys = _keys_from(process)
        base = f"http://127.0.0.1:{port}"
        _wait_for(base)
        management = {"Authorization": f"Bearer {keys['Management API key']}"}
        folder = httpx.get(f"{base}/v1/auto-opt-outs", headers=management)
        assert folder.status_code == 200 and folder.json()["items"]
        reply = {"from": "+12025550188", "to": "+12025550100", "body": "STOP", "id": "SMtry"}
        inbound = {"Authorization": f"Bearer {keys['Inbound key']}"}
        assert httpx.post(f"{base}/v1/inbound", json=reply, headers=inbound).status_code == 200
        assert httpx.post(f"{base}/v1/inbound", json=reply, headers=management).status_code == 403
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()


def _keys_from(process):
    keys = {}
    for line in process.stdout:
        for name in ("Management API key", "Inbound key"):
            if line.startswith(name):
                keys[name] = line.split()[-1]
        if len(keys) == 2:
            return keys
    raise AssertionError(f"optout serve --demo printed only {sorted(keys)}")


def _wait_for(base):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("optout serve did not answer /healthz")


def test_accounts_configure_sets_any_providers_settings_and_hides_secrets():
    created = runner.invoke(app, ["accounts", "create", "Clinic", "--json"])
    slug = json.loads(created.output)["slug"]
    result = runner.invoke(
        app,
        ["accounts", "configure", slug, "--provider", "plivo"]
        + ["--set", "auth_id=MA1", "--set", "auth_token=secret-token"],
    )
    assert result.exit_code == 0, result.output
    assert "auth_id=MA1" in result.output and "secret-token" not in result.output
    assert "sends outbound texts" in result.output
    refused = runner.invoke(app, ["accounts", "configure", slug, "--set", "auth_id=MA2"])
    assert refused.exit_code != 0 and "--provider" in refused.output


def test_accounts_configure_adds_lists_and_removes_opt_out_keywords():
    slug = json.loads(_run("accounts", "create", "Clinic", "--json"))["slug"]
    added = _run(
        "accounts", "configure", slug, "--opt-out-keyword", "LEAVE4GOOD",
        "--opt-out-keyword", "byebye",
    )  # fmt: skip
    assert "opt-out keywords of its own: LEAVE4GOOD, BYEBYE" in added
    removed = _run("accounts", "configure", slug, "--remove-opt-out-keyword", "BYEBYE")
    assert "opt-out keywords of its own: LEAVE4GOOD" in removed
    assert "opt-out keywords of its own: LEAVE4GOOD" in _run("accounts", "configure", slug)
    refused = runner.invoke(app, ["accounts", "configure", slug, "--opt-out-keyword", "STOP"])
    assert refused.exit_code != 0
    assert "STOP is a standard keyword that opts out already" in refused.output


def test_accounts_configure_sets_the_time_zone_and_refuses_an_unknown_one():
    slug = json.loads(_run("accounts", "create", "Clinic", "--json"))["slug"]
    assert "time zone: each reader their own" in _run("accounts", "configure", slug)
    chosen = _run("accounts", "configure", slug, "--time-zone", "america/chicago")
    assert "time zone: America/Chicago" in chosen
    refused = runner.invoke(app, ["accounts", "configure", slug, "--time-zone", "America/Chicgo"])
    assert refused.exit_code != 0
    assert "'America/Chicgo' is not a time zone" in refused.output
    assert "Did you mean America/Chicago?" in refused.output
    assert "time zone: America/Chicago" in _run("accounts", "configure", slug)


@pytest.mark.parametrize(
    "command",
    [
        ["accounts", "create", "Clinic", "--json"],
        ["accounts", "configure", "clinic"],
        ["accounts", "rotate-key", "clinic"],
        ["export", "clinic"],
        ["feedback", "export"],
    ],
)
def test_a_command_on_a_database_nobody_migrated_says_what_to_run(command, tmp_path, monkeypatch):
    monkeypatch.setenv("OPTOUT_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    get_settings.cache_clear()
    result = runner.invoke(app, command)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [NOT_MIGRATED]
