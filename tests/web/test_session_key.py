"""The session signing key: created once in the database and shared by every worker."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from argon2 import PasswordHasher

from optout.config import Settings
from optout.services import users
from optout.services.demo import seed_demo
from optout.services.users import authenticate_user
from optout.store.engine import make_engine, make_session_factory
from optout.web.auth import session_secret


def test_every_worker_gets_the_same_key_created_once(database_url):
    engines = [make_engine(database_url) for _ in range(4)]
    factories = [make_session_factory(engine) for engine in engines]
    with ThreadPoolExecutor(4) as pool:
        keys = set(pool.map(session_secret, factories))
    assert len(keys) == 1 and len(keys.pop()) >= 48
    for engine in engines:
        engine.dispose()


def test_the_demo_has_a_user_who_can_sign_in(sqlite_url, monkeypatch):
    monkeypatch.setattr(
        users, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    )
    engine = make_engine(sqlite_url)
    factory = make_session_factory(engine)
    info = seed_demo(factory, Settings(database_url=sqlite_url))
    assert info is not None and len(info.user_password) >= 12
    with factory.begin() as session:
        user = authenticate_user(session, email=info.user_email, password=info.user_password)
        assert user.email == "demo@example.com"
    engine.dispose()
