"""Credentials at rest and in use: API keys and passwords are stored only as hashes, keys are
compared in constant time, and a key that is right in all but its secret is refused."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Engine, String, Text, inspect, select, text
from sqlalchemy.orm import Session

from optout.api.app import create_app
from optout.config import Settings
from optout.services.accounts import create_account
from optout.services.users import authenticate_user, create_user
from optout.store.tables import ApiKey, User

PASSWORD = "a long and secret passphrase"


@pytest.fixture
def app(database_url: str) -> Iterator[FastAPI]:
    app = create_app(Settings(database_url=database_url))
    yield app
    app.state.session_factory.kw["bind"].dispose()


@pytest.fixture
def engine(app: FastAPI) -> Engine:
    bound: Engine = app.state.session_factory.kw["bind"]
    return bound


def _every_stored_text(engine: Engine) -> list[str]:
    """Return every text value in every table of the database."""
    values: list[str] = []
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            columns = [
                column["name"]
                for column in inspect(engine).get_columns(table)
                if isinstance(column["type"], String | Text)
            ]
            for column in columns:
                query = text(f'SELECT "{column}" FROM "{table}" WHERE "{column}" IS NOT NULL')
                values.extend(str(value) for value in connection.scalars(query))
    return values


def _new_key(app: FastAPI) -> str:
    with app.state.session_factory() as session, session.begin():
        _account, key = create_account(session, name="Keys")
    return key


def test_api_keys_are_stored_only_as_hashes(app: FastAPI, engine: Engine):
    key = _new_key(app)
    secret = key.split("_", 2)[2]  # oo_<prefix>_<secret>; the secret may hold "_" itself
    stored = _every_stored_text(engine)
    assert not [value for value in stored if secret in value or key in value]
    with Session(engine) as session:
        row = session.scalars(select(ApiKey)).one()
    assert len(row.key_hash) == 64 and int(row.key_hash, 16) >= 0
    assert row.prefix in key


def _status(client: httpx.Client, key: str) -> int:
    headers = {"Authorization": f"Bearer {key}"}
    return client.get("/v1/auto-opt-outs", headers=headers).status_code


def test_a_key_with_the_right_prefix_but_a_wrong_secret_is_refused(
    app: FastAPI, live_server: Any, monkeypatch: pytest.MonkeyPatch
):
    key = _new_key(app)
    compared: list[tuple[Any, Any]] = []
    original = hmac.compare_digest

    def recording_compare_digest(a: Any, b: Any) -> bool:
        compared.append((a, b))
        return original(a, b)

    monkeypatch.setattr(hmac, "compare_digest", recording_compare_digest)
    scheme, prefix, secret = key.split("_", 2)
    wrong_secrets = [secret[:-1] + ("A" if secret[-1] != "A" else "B"), secret[::-1], "x" * 32]
    with httpx.Client(base_url=live_server(app), timeout=10) as client:
        assert _status(client, key) == 200
        for wrong in wrong_secrets:
            assert _status(client, f"{scheme}_{prefix}_{wrong}") == 401
        for broken in ["-", key.upper(), key + "x", prefix, f"Basic {key}", key[: len(key) // 2]]:
            assert _status(client, broken) == 401
    assert len(compared) >= 1 + len(wrong_secrets), "keys must be compared with hmac.compare_digest"


def test_passwords_are_stored_as_argon2id_hashes(app: FastAPI, engine: Engine):
    with app.state.session_factory() as session, session.begin():
        account, _key = create_account(session, name="Users")
        create_user(session, account=account, email="a@clinic.test", password=PASSWORD)
    assert not [value for value in _every_stored_text(engine) if PASSWORD in value]
    with app.state.session_factory() as session, session.begin():
        user = session.scalars(select(User)).one()
        assert user.password_hash.startswith("$argon2id$")
        assert authenticate_user(session, email="a@clinic.test", password=PASSWORD).id == user.id
