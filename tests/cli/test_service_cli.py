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
from optout.config import get_settings
from optout.services.demo import seed_demo
from optout.store.engine import make_engine, make_session_factory
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


def test_accounts_create_prints_slug_and_key_as_json():
    created = json.loads(_run("accounts", "create", "Maple Clinic", "--json"))
    assert created["slug"] == "maple-clinic"
    assert created["api_key"].startswith("oo_")
    second = json.loads(_run("accounts", "create", "Maple Clinic", "--json"))
    assert second["slug"] == "maple-clinic-2"


def test_accounts_create_keeps_the_twilio_token(env_database):
    created = json.loads(_run("accounts", "create", "T", "--twilio-auth-token", "tok", "--json"))
    engine = make_engine(env_database)
    with make_session_factory(engine)() as session:
        account = session.query(Account).filter_by(slug=created["slug"]).one()
        assert account.twilio_auth_token == "tok"
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
    """Run what `make serve` runs, on each test database, and use the key it prints."""
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
        key = _api_key_from(process)
        base = f"http://127.0.0.1:{port}"
        _wait_for(base)
        folder = httpx.get(f"{base}/v1/auto-opt-outs", headers={"Authorization": f"Bearer {key}"})
        assert folder.status_code == 200 and folder.json()["items"]
    finally:
        process.terminate()
        process.wait(timeout=30)
        process.stdout.close()


def _api_key_from(process):
    for line in process.stdout:
        if line.startswith("API key"):
            return line.split()[-1]
    raise AssertionError("optout serve --demo printed no API key")


def _wait_for(base):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/healthz").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise AssertionError("optout serve did not answer /healthz")
