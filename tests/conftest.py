"""Shared fixtures: real SQLite and real PostgreSQL databases, migrated with Alembic.

PostgreSQL tests use ``OPTOUT_TEST_POSTGRES_URL`` (default: the local server's ``test``
database). Each pytest-xdist worker gets a database of its own, created on the server and
named after its process, so parallel runs never see each other's rows. Where no server
answers, those tests skip and say why (or fail, where ``OPTOUT_REQUIRE_POSTGRES`` is set).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from sqlalchemy import Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from optout.store.engine import make_engine, upgrade

POSTGRES_URL = os.environ.get(
    "OPTOUT_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
OPTOUT = str(Path(sys.executable).with_name("optout"))
"""The ``optout`` command of the environment running the tests."""


def _postgres_unavailable_reason() -> str | None:
    try:
        probe = create_engine(POSTGRES_URL, connect_args={"connect_timeout": 3})
        with probe.connect():
            pass
        probe.dispose()
    except Exception as error:  # any failure to connect means "no server here"
        return f"PostgreSQL not reachable at {POSTGRES_URL}: {type(error).__name__}"
    return None


@pytest.fixture(scope="session")
def postgres_server_url(worker_id: str) -> Iterator[str]:
    """Return the URL of a freshly created, migrated PostgreSQL database for this test process."""
    reason = _postgres_unavailable_reason()
    if reason and os.environ.get("OPTOUT_REQUIRE_POSTGRES"):
        pytest.fail(f"{reason} (OPTOUT_REQUIRE_POSTGRES is set)")
    if reason:
        pytest.skip(reason)
    # The process id keeps concurrent test runs on one server (CI beside a developer) apart.
    name = f"optout_test_{worker_id}_{os.getpid()}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    upgrade(url)
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a migrated SQLite file that tests copy instead of migrating each time."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    upgrade(f"sqlite:///{path}")
    return path


def _truncate_all(url: str) -> None:
    engine = make_engine(url)
    tables = [t for t in inspect(engine).get_table_names() if t != "alembic_version"]
    with engine.begin() as connection:
        # The ledger refuses TRUNCATE; a test database is emptied by lifting that on purpose,
        # inside the transaction that empties it.
        connection.execute(text("ALTER TABLE opt_events DISABLE TRIGGER opt_events_no_truncate"))
        connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        connection.execute(text("ALTER TABLE opt_events ENABLE TRIGGER opt_events_no_truncate"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Return the URL of an empty, migrated database: SQLite, then PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "optout.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    yield request.getfixturevalue("postgres_url")


@pytest.fixture
def postgres_url(postgres_server_url: str) -> str:
    """Return the URL of this test process's PostgreSQL database, emptied."""
    _truncate_all(postgres_server_url)
    return postgres_server_url


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """Return an engine on the test database."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def db_session(engine: Engine) -> Iterator[Session]:
    """Return a session inside a transaction that is rolled back after the test.

    Code under test may call ``session.begin()``/``commit()``; those become savepoints.
    """
    with engine.connect() as connection:
        transaction = connection.begin()
        session = Session(bind=connection, join_transaction_mode="create_savepoint")
        yield session
        session.close()
        transaction.rollback()


@pytest.fixture
def live_server() -> Iterator[Callable[[Any], str]]:
    """Return a factory that serves an ASGI app with a real uvicorn on a free loopback port.

    ``base_url = live_server(app)``; every server started is stopped after the test, then
    its ``on_stop`` runs (disposing an engine there, not earlier, leaves no request of the
    server holding a connection of a disposed pool).
    """
    servers: list[tuple[uvicorn.Server, threading.Thread, Callable[[], object]]] = []

    def start(app: Any, on_stop: Callable[[], object] = lambda: None) -> str:
        port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 10
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("uvicorn did not start within 10 s")
            time.sleep(0.01)
        servers.append((server, thread, on_stop))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread, on_stop in servers:
        server.should_exit = True
        thread.join(timeout=10)
        on_stop()


@pytest.fixture
def run_async() -> Callable[[Coroutine[Any, Any, Any]], Any]:
    """Return a function that runs a coroutine to its end on a loop of its own, in a thread.

    Not on the test's thread: a browser test earlier in the same process (Playwright's sync
    API) keeps an event loop there.
    """

    def run(coroutine: Coroutine[Any, Any, Any]) -> Any:
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, coroutine).result()

    return run


def free_port() -> int:
    """Return a TCP port on the loopback interface that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Served:
    """An ``optout serve`` process started by a test: its URL, its output and the process."""

    url: str
    log: Path
    process: subprocess.Popen[bytes]


@pytest.fixture
def optout_server(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    """Return a factory that runs ``optout serve`` as a real process on a free port.

    ``served = optout_server(env, "--workers", "2")`` waits for ``/healthz``; the server's
    output goes to ``served.log``; every server started is stopped after the test.
    """
    servers: list[subprocess.Popen[bytes]] = []

    def start(env: dict[str, str], *args: str) -> Served:
        port = free_port()
        log = tmp_path / f"serve-{port}.log"
        with log.open("wb") as output:
            command = [OPTOUT, "serve", "--port", str(port), *args]
            servers.append(subprocess.Popen(command, env=env, stdout=output, stderr=output))
        url = f"http://127.0.0.1:{port}"
        _wait_for_health(url, servers[-1], log)
        return Served(url, log, servers[-1])

    yield start
    for server in servers:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def optout_serve(
    optout_server: Callable[..., Served],
) -> Callable[..., tuple[str, Path]]:
    """Return a factory like ``optout_server``'s that returns ``(url, log)``."""

    def start(env: dict[str, str], *args: str) -> tuple[str, Path]:
        served = optout_server(env, *args)
        return served.url, served.log

    return start


def _wait_for_health(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120  # migrations, two workers and the model, on a busy machine
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"optout serve did not start (exit {server.poll()}):\n{log.read_text()}")
