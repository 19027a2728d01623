"""How ``optout serve`` runs its processes: a worker that starts slowly is not killed, and a
worker holds a bounded number of connections."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

pytestmark = pytest.mark.slow

SLOW_START = """
import ctypes


def create():
    # Start-up work that keeps the interpreter lock, as loading and warming up the detector
    # does on a busy machine: the worker's health-check thread cannot answer meanwhile.
    ctypes.PyDLL("libc.so.6").sleep(8)
    return app


async def app(scope, receive, send):
    if scope["type"] == "lifespan":
        while (await receive())["type"] != "lifespan.shutdown":
            await send({"type": "lifespan.startup.complete"})
        await send({"type": "lifespan.shutdown.complete"})
        return
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})
"""
RUN = """
import sys, uvicorn
from optout.cli.service_commands import server_options
from optout.config import Settings
uvicorn.run("slow_start:create", factory=True, host="127.0.0.1", port=int(sys.argv[1]),
            workers=2, **server_options(Settings()))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_workers_that_start_slowly_are_not_killed(tmp_path: Path):
    (tmp_path / "slow_start.py").write_text(SLOW_START)
    port, log = _free_port(), tmp_path / "serve.log"
    env = os.environ | {"PYTHONPATH": str(tmp_path), "OPTOUT_LOG_LEVEL": "INFO"}
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-c", RUN, str(port)],
            cwd=tmp_path,
            env=env,
            stdout=output,
            stderr=output,
        )
    try:
        _wait_for(f"http://127.0.0.1:{port}/", server, log)
    finally:
        server.terminate()
        server.wait(timeout=60)
    text = log.read_text()
    assert "died" not in text and "was not ready" not in text, text
    assert text.count("Started server process") == 2, text


def _wait_for(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and server.poll() is None:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError(f"the workers never started:\n{log.read_text()}")


def test_a_worker_answers_503_beyond_its_connections(tmp_path: Path, optout_serve):
    env = os.environ | {
        "OPTOUT_DATABASE_URL": f"sqlite:///{tmp_path / 'optout.sqlite3'}",
        "OPTOUT_MAX_CONNECTIONS": "3",
    }
    url, _log = optout_serve(env)
    address = urlsplit(url)
    idle = [socket.create_connection((address.hostname, address.port)) for _ in range(3)]
    try:
        deadline = time.monotonic() + 30
        status = httpx.get(f"{url}/healthz", timeout=10).status_code
        while status != 503 and time.monotonic() < deadline:  # the idle ones are accepted
            status = httpx.get(f"{url}/healthz", timeout=10).status_code
        assert status == 503
    finally:
        for connection in idle:
            connection.close()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and status != 200:  # once the server sees them closed
        status = httpx.get(f"{url}/healthz", timeout=10).status_code
    assert status == 200
