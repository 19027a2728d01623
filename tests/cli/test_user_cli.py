"""``optout users create``: the password is asked twice, hidden, and the user can sign in."""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher
from typer.testing import CliRunner

from optout.cli import app
from optout.config import get_settings
from optout.services import users
from optout.services.users import authenticate_user
from optout.store.engine import make_engine, make_session_factory

runner = CliRunner()
PASSWORD = "a long enough password"


@pytest.fixture(autouse=True)
def env_database(database_url, monkeypatch):
    """Point the command line at the test database; hash with small Argon2 costs."""
    monkeypatch.setenv("OPTOUT_DATABASE_URL", database_url)
    monkeypatch.setattr(
        users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


@pytest.fixture
def slug():
    created = runner.invoke(app, ["accounts", "create", "Maple Clinic", "--json"])
    return json.loads(created.output)["slug"]


def _create(slug: str, email: str, typed: str):
    return runner.invoke(app, ["users", "create", "--account", slug, "--email", email], input=typed)


def test_the_created_user_signs_in_with_the_typed_password(env_database, slug):
    result = _create(slug, "Ana@Clinic.test", f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    assert "ana@clinic.test can now sign in to account maple-clinic" in result.output
    engine = make_engine(env_database)
    with make_session_factory(engine)() as session:
        assert authenticate_user(session, email="ana@clinic.test", password=PASSWORD)
    engine.dispose()


def test_the_password_must_be_typed_the_same_twice(slug):
    result = _create(
        slug, "ana@clinic.test", f"{PASSWORD}\nsomething else\n{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output


@pytest.mark.parametrize(
    ("account", "email", "message"),
    [
        ("nobody", "ana@clinic.test", "no account has the slug 'nobody'"),
        (None, "not-an-email", "is not an email address"),
    ],
)
def test_bad_input_is_a_clear_error(slug, account, email, message):
    result = _create(account or slug, email, f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 1
    assert message in result.output


def test_a_short_password_is_refused(slug):
    result = _create(slug, "ana@clinic.test", "short\nshort\n")
    assert result.exit_code == 1
    assert "at least 10 characters" in result.output
