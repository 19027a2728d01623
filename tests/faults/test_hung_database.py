"""A frozen database: the process stays alive and says so, and API calls answer 503 in time.

The test freezes its own PostgreSQL cluster's main process (SIGSTOP): connecting to it then
hangs for ever, as with a database host that stopped answering. ``/healthz`` and the sign-in
page must still answer at once (neither needs the database; the cookie signing key was read
as the server started), and an API call must give up after ``OPTOUT_DATABASE_TIMEOUT`` with
a 503 and ``Retry-After`` instead of holding the request.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

OPTOUT = str(Path(sys.executable).with_name("optout"))
WAIT = 60
"""Seconds the test waits for an answer before it calls the service hung."""
pytestmark = pytest.mark.slow


def _drop_client_connections(url: str) -> None:
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'"
            )
        )
    admin.dispose()


def test_a_frozen_database_answers_503_and_health_stays_up(private_postgres, optout_serve):
    env = os.environ | {
        "OPTOUT_DATABASE_URL": private_postgres.url,
        "OPTOUT_DATABASE_TIMEOUT": "2",
        "OPTOUT_LOG_LEVEL": "WARNING",
    }
    env.pop("OPTOUT_SECRET_KEY", None)  # the signing key comes from the database
    subprocess.run([OPTOUT, "db", "upgrade"], env=env, check=True, capture_output=True)
    url, _log = optout_serve(env)
    _drop_client_connections(private_postgres.url)  # what the worker holds is gone, too
    private_postgres.hang()
    try:
        _answers_while_frozen(url)
    finally:
        private_postgres.resume()
    answer = httpx.get(f"{url}/v1/contacts/+12025550123", headers=_key(), timeout=WAIT)
    assert answer.status_code == 401  # the database answers again (and the key is unknown)


def _answers_while_frozen(url: str) -> None:
    assert httpx.get(f"{url}/login", timeout=WAIT).status_code == 200
    assert httpx.get(f"{url}/healthz", timeout=WAIT).json() == {"status": "ok"}
    for _ in range(2):  # a dead pooled connection, then a connection that never opens
        answer = httpx.get(f"{url}/v1/contacts/+12025550123", headers=_key(), timeout=WAIT)
        assert answer.status_code == 503
        assert int(answer.headers["retry-after"]) > 0
        assert answer.json()["error"]["code"] == "database_unavailable"
        assert httpx.get(f"{url}/healthz", timeout=WAIT).status_code == 200


def _key() -> dict[str, str]:
    return {"Authorization": "Bearer oo_0123456789ab_not-a-key-of-this-database"}
