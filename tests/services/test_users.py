"""Users who sign in: creation rules and password checks, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from argon2 import PasswordHasher

from optout.exceptions import AuthenticationFailed, Conflict, InvalidInput
from optout.services import users
from optout.services.users import authenticate_user, create_user, end_all_sessions

PASSWORD = "a long enough password"


@pytest.fixture(autouse=True)
def cheap_password_hashing(monkeypatch):
    """Hash with small Argon2 costs; the production ones are slow on purpose."""
    monkeypatch.setattr(
        users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )


def test_a_user_signs_in_with_their_email_in_any_case(db_session, account):
    user = create_user(db_session, account=account, email=" Ana@Clinic.Test ", password=PASSWORD)
    assert user.email == "ana@clinic.test"
    assert PASSWORD not in user.password_hash and user.password_hash.startswith("$argon2id$")
    assert authenticate_user(db_session, email="ANA@clinic.test", password=PASSWORD).id == user.id


@pytest.mark.parametrize(
    ("email", "password"),
    [("ana@clinic.test", "wrong password"), ("nobody@clinic.test", PASSWORD), ("", "")],
)
def test_a_wrong_email_or_password_is_refused_with_one_message(
    db_session, account, email, password
):
    create_user(db_session, account=account, email="ana@clinic.test", password=PASSWORD)
    with pytest.raises(AuthenticationFailed, match="email or password is wrong"):
        authenticate_user(db_session, email=email, password=password)


@pytest.mark.parametrize(
    ("email", "password", "field"),
    [
        ("not-an-email", PASSWORD, "email"),
        ("a@b", PASSWORD, "email"),
        ("a@b.test", "short", "password"),
    ],
)
def test_bad_input_names_the_field(db_session, account, email, password, field):
    with pytest.raises(InvalidInput) as error:
        create_user(db_session, account=account, email=email, password=password)
    assert error.value.field == field


def test_an_email_belongs_to_one_user(db_session, account):
    create_user(db_session, account=account, email="ana@clinic.test", password=PASSWORD)
    with pytest.raises(Conflict, match="already exists"):
        create_user(db_session, account=account, email="ANA@clinic.test", password=PASSWORD)


def test_ending_all_sessions_raises_only_that_users_version(db_session, account):
    ana = create_user(db_session, account=account, email="ana@clinic.test", password=PASSWORD)
    bo = create_user(db_session, account=account, email="bo@clinic.test", password=PASSWORD)
    assert ana.session_version == bo.session_version == 0
    end_all_sessions(db_session, user_id=ana.id)
    end_all_sessions(db_session, user_id=ana.id)
    assert (ana.session_version, bo.session_version) == (2, 0)


class _CountingHasher(PasswordHasher):
    """A hasher that records how many verifications ran at the same moment, at most."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.lock = threading.Lock()
        self.running = self.most = 0

    def verify(self, hash, password):  # noqa: A002
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        try:
            time.sleep(0.01)  # holds the slot as a real 64 MiB hash would
            return super().verify(hash, password)
        finally:
            with self.lock:
                self.running -= 1


def test_eighty_sign_ins_at_once_hash_two_at_a_time(monkeypatch):
    # Each real check takes 64 MiB: eighty at once took 1.5 GB in one worker.
    hasher = _CountingHasher()
    monkeypatch.setattr(users, "_hasher", hasher)
    users._dummy_hash.cache_clear()
    together = threading.Barrier(80)

    def sign_in(_n: int) -> None:
        together.wait()
        with pytest.raises(AuthenticationFailed):
            users.check_password(None, "a guess")

    with ThreadPoolExecutor(80) as pool:
        list(pool.map(sign_in, range(80)))
    users._dummy_hash.cache_clear()
    assert 1 <= hasher.most <= users.CONCURRENT_HASHES
