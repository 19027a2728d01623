"""A database restart under ``optout serve --workers 2``: the service comes back by itself.

After PostgreSQL restarts, every connection a worker's pool holds is dead. The first request
on one of them fails; it must also renew the rest of that worker's pool, so that at most one
request per worker fails after the database is back, and every reply answered 200 (before
and after) is stored and in force.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

OPTOUT = str(Path(sys.executable).with_name("optout"))
WORKERS = 2
pytestmark = pytest.mark.slow


def _served(private_postgres, optout_serve):
    env = os.environ | {"OPTOUT_DATABASE_URL": private_postgres.url, "OPTOUT_LOG_LEVEL": "WARNING"}
    subprocess.run([OPTOUT, "db", "upgrade"], env=env, check=True, capture_output=True)
    created = subprocess.run(
        [OPTOUT, "accounts", "create", "Restart", "--json"],
        env=env,
        check=True,
        capture_output=True,
    )
    keys = json.loads(created.stdout)
    url, _log = optout_serve(env, "--workers", str(WORKERS))
    return (
        url,
        {"Authorization": f"Bearer {keys['inbound_key']}"},
        {"Authorization": f"Bearer {keys['api_key']}"},
    )


def _stop(url: str, headers: dict[str, str], n: int) -> tuple[str, httpx.Response]:
    number = f"+1202555{n:04d}"
    reply = {"from": number, "to": "+12025550100", "body": "STOP", "id": f"SM{n}"}
    # A new connection each time: requests reach both workers, as behind a load balancer.
    return number, httpx.post(f"{url}/v1/inbound", json=reply, headers=headers, timeout=60)


def test_a_restart_fails_at_most_one_request_per_worker(private_postgres, optout_serve):
    url, headers, management = _served(private_postgres, optout_serve)
    with ThreadPoolExecutor(24) as pool:  # fill each worker's pool with open connections
        before = list(pool.map(lambda n: _stop(url, headers, n), range(48)))
    assert all(answer.status_code == 200 for _number, answer in before)

    private_postgres.restart()
    after = [_stop(url, headers, n) for n in range(100, 160)]

    failed = [answer for _number, answer in after if answer.status_code != 200]
    assert len(failed) <= WORKERS, [answer.text for answer in failed]
    for answer in failed:
        assert answer.status_code == 503
        assert answer.headers["retry-after"]
        assert answer.json()["error"]["code"] == "database_unavailable"
    acknowledged = [number for number, answer in before + after if answer.status_code == 200]
    for number in acknowledged:
        contact = httpx.get(f"{url}/v1/contacts/{number}", headers=management, timeout=60)
        assert contact.json()["status"] == "opted_out", number
