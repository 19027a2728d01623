"""Load: a burst of inbound replies, as after a broadcast, against the running service.

For each database (SQLite with 1 worker, PostgreSQL with 2) this script starts
``optout serve`` itself, creates an account with ``optout accounts create --json``, then
drives ``POST /v1/inbound`` from separate client processes over loopback with a bounded
number of keep-alive connections. It prints replies per second sustained, p50/p99 latency,
errors, the ratio to a bare ``GET /healthz`` on the same server, and how many of the accepted
replies are in the database afterwards (it must be all of them).

It also prints the CPU the server's processes and its PostgreSQL backends spent per request
(and the rate that CPU allows on this machine's cores), which stays meaningful when other
work shares the machine, and how many database sessions were opened during the burst (a
pool that is too small opens one for most requests).

The clients speak HTTP/1.1 over asyncio streams themselves: an httpx client spends more CPU
per request than the server under test, and on a 2-core machine both share the same cores.

Every phase stops at ``--requests`` requests or ``--seconds`` seconds, whichever comes
first, and traffic only ever goes to 127.0.0.1. PostgreSQL runs in a database of its own
(``optout_load``, dropped and created again on each run) on the server named by
``OPTOUT_LOAD_POSTGRES_URL`` (default: the local server's ``postgres`` user).

    .venv/bin/python benchmarks/load.py                       # both databases
    .venv/bin/python benchmarks/load.py --database postgresql --requests 20000 --seconds 20
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from multiprocessing import get_context
from pathlib import Path

import httpx
import uvloop
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

HOST = "127.0.0.1"
OPTOUT = Path(sys.executable).with_name("optout")
POSTGRES_URL = os.environ.get(
    "OPTOUT_LOAD_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/optout_load"
)
SENDER = "+14155550100"
Stream = tuple[asyncio.StreamReader, asyncio.StreamWriter]
REPLIES = [
    "STOP", "Stop", "stop please", "Thanks!", "ok", "See you then", "Can I move it to 3pm?",
    "remove me from this list", "wrong number", "START", "HELP", "no", "Yes", "👍",
    "Please don't text me again", "who is this?", "Got it, thank you so much",
]  # fmt: skip


@dataclass
class Phase:
    """What one client process measured."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    started: float = 0.0
    ended: float = 0.0


@dataclass(frozen=True)
class Load:
    """One phase of traffic: where to send it, how much, and for how long at most."""

    port: int
    path: str
    inbound_key: str
    prefix: str
    requests: int
    seconds: float
    connections: int
    start_at: float


def _request(load: Load, client: int, index: int, rng: random.Random) -> tuple[str, bytes | None]:
    if load.path == "/healthz":
        return "GET", None
    body = {
        "from": f"+1415{rng.randint(2_000_000, 9_999_999)}",
        "to": SENDER,
        "body": rng.choice(REPLIES),
        "id": f"{load.prefix}-{client}-{index}",
    }
    return "POST", json.dumps(body).encode()


async def _drive(load: Load, client: int) -> Phase:
    phase, rng = Phase(), random.Random(client)
    counter = iter(range(load.requests))
    await asyncio.sleep(max(0.0, load.start_at - time.time()))
    phase.started = time.perf_counter()
    deadline = phase.started + load.seconds

    async def connection() -> None:
        stream: Stream | None = None
        for index in counter:
            if time.perf_counter() >= deadline:
                break
            request = _encode(load, *_request(load, client, index, rng))
            began = time.perf_counter()
            try:
                stream = stream or await asyncio.open_connection(HOST, load.port)
                status, body, keep_alive = await _exchange(*stream, request)
            except (OSError, asyncio.IncompleteReadError, ValueError) as error:
                _error(phase, f"{type(error).__name__}: {error}")
                stream = _close(stream)
                continue
            if 200 <= status < 300:
                phase.latencies.append(time.perf_counter() - began)
            else:
                _error(phase, f"{status} {body[:200]!r}")
            stream = stream if keep_alive else _close(stream)
        _close(stream)

    await asyncio.gather(*(connection() for _ in range(load.connections)))
    phase.ended = time.perf_counter()
    return phase


def _encode(load: Load, method: str, body: bytes | None) -> bytes:
    head = (
        f"{method} {load.path} HTTP/1.1\r\nHost: {HOST}:{load.port}\r\n"
        f"Authorization: Bearer {load.inbound_key}\r\n"
    )
    if body is not None:
        head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
    return (head + "\r\n").encode() + (body or b"")


async def _exchange(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes
) -> tuple[int, bytes, bool]:
    """Send one request on a kept-alive connection; return (status, body, still open)."""
    writer.write(request)
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower()
    status = int(head[9:12])
    headers = dict(line.split(":", 1) for line in head.split("\r\n")[1:] if ":" in line)
    if "chunked" in headers.get("transfer-encoding", ""):
        raise ValueError("chunked answers are not read by this client")
    body = await reader.readexactly(int(headers.get("content-length", "0")))
    return status, body, "close" not in headers.get("connection", "")


def _close(stream: Stream | None) -> Stream | None:
    """Close ``stream``; return what the caller holds afterwards: nothing."""
    if stream is not None:
        stream[1].close()
    return None


def _error(phase: Phase, sample: str) -> None:
    phase.errors += 1
    if len(phase.error_samples) < 3:
        phase.error_samples.append(sample)


def _client_process(load: Load, client: int) -> Phase:
    return uvloop.run(_drive(load, client))


@dataclass(frozen=True)
class Result:
    """Every client's measurements of one phase, added up."""

    path: str
    accepted: int
    errors: int
    seconds: float
    p50_ms: float
    p99_ms: float
    error_samples: list[str]
    app_cpu_ms: float = 0.0
    db_cpu_ms: float = 0.0
    sessions: int = 0

    @property
    def per_second(self) -> float:
        return self.accepted / self.seconds if self.seconds else 0.0


@dataclass(frozen=True)
class Target:
    """The server under load and how hard to press it."""

    port: int
    inbound_key: str
    connections: int
    clients: int


def run_phase(
    pool: ProcessPoolExecutor, target: Target, path: str, prefix: str, requests: int, seconds: float
) -> Result:
    """Send one phase of traffic from the target's client processes; return what they measured."""
    clients = target.clients
    share = Load(
        port=target.port,
        path=path,
        inbound_key=target.inbound_key,
        prefix=prefix,
        requests=max(1, requests // clients),
        seconds=seconds,
        connections=max(1, target.connections // clients),
        start_at=time.time() + 1.0,
    )
    phases = list(pool.map(_client_process, [share] * clients, range(clients)))
    latencies = sorted(latency for phase in phases for latency in phase.latencies)
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return Result(
        path=share.path,
        accepted=len(latencies),
        errors=sum(phase.errors for phase in phases),
        seconds=max(phase.ended - phase.started for phase in phases),
        p50_ms=quantiles[49] * 1000,
        p99_ms=quantiles[98] * 1000,
        error_samples=[sample for phase in phases for sample in phase.error_samples],
    )


def free_port() -> int:
    """Return a TCP port on loopback that nothing listens on."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def fresh_postgres_database() -> str:
    """Drop and create the load database; return its URL."""
    url = make_url(POSTGRES_URL)
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    admin.dispose()
    return url.render_as_string(hide_password=False)


def optout(env: dict[str, str], *args: str) -> str:
    """Run the ``optout`` command line and return what it printed."""
    done = subprocess.run(
        [str(OPTOUT), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"optout {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


@contextmanager
def running_server(env: dict[str, str], port: int, workers: int, log: Path) -> Iterator[int]:
    """Start ``optout serve`` in a process group of its own; stop it (and its workers) after."""
    command = [str(OPTOUT), "serve", "--host", HOST, "--port", str(port)]
    with log.open("wb") as output:
        server = subprocess.Popen(
            [*command, "--workers", str(workers)],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            _wait_until_healthy(server, port, log)
            yield server.pid
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def _wait_until_healthy(server: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"optout serve exited with {server.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"http://{HOST}:{port}/healthz", timeout=1).is_success:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"optout serve did not answer /healthz within 60 s:\n{log.read_text()}")


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _process_tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError):
            continue
    tree, frontier = [root], [root]
    while frontier:
        frontier = [pid for pid, parent in parents.items() if parent in frontier]
        tree.extend(frontier)
    return tree


@dataclass(frozen=True)
class Usage:
    """CPU seconds used so far by the server and its database, and database sessions opened."""

    app: float
    db: float = 0.0
    sessions: int = 0


def usage(server: int, url: str) -> Usage:
    """Return what the server's processes and its database backends have used so far."""
    app = sum(_cpu_seconds(pid) for pid in _process_tree(server))
    if not url.startswith("postgresql"):
        return Usage(app)
    engine = create_engine(url)
    backends = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
    sessions = "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"
    with engine.connect() as connection:
        pids = list(connection.scalars(text(backends + " AND pid <> pg_backend_pid()")))
        opened = int(connection.scalar(text(sessions)) or 0)
    engine.dispose()
    return Usage(app, sum(_cpu_seconds(pid) for pid in pids), opened)


def measured(server: int, url: str, run: Callable[[], Result]) -> Result:
    """Run one phase and add the server's and the database's CPU per accepted request."""
    before = usage(server, url)
    result = run()
    after = usage(server, url)
    per_request = 1000 / max(1, result.accepted)
    return replace(
        result,
        app_cpu_ms=(after.app - before.app) * per_request,
        db_cpu_ms=(after.db - before.db) * per_request,
        sessions=after.sessions - before.sessions - 1,  # less the one that asked
    )


def count_stored(url: str, prefix: str) -> int:
    """Return how many inbound messages with provider ids starting ``prefix`` are stored."""
    engine = create_engine(url)
    query = text(
        "SELECT count(*) FROM messages WHERE direction = 'inbound' AND provider_id LIKE :p"
    )
    with engine.connect() as connection:
        stored = int(connection.execute(query, {"p": f"{prefix}-%"}).scalar_one())
    engine.dispose()
    return stored


def bench(database: str, workers: int, options: argparse.Namespace, work: Path) -> None:
    """Run warm-up, /healthz and /v1/inbound phases against one database and print them."""
    if database == "sqlite":
        url = f"sqlite:///{work / 'load.sqlite3'}"
    else:
        url = fresh_postgres_database()
    env = {**os.environ, "OPTOUT_DATABASE_URL": url, "OPTOUT_LOG_LEVEL": "WARNING"}
    optout(env, "db", "upgrade")
    account = json.loads(optout(env, "accounts", "create", f"load-{database}", "--json"))
    port, tag = free_port(), f"run{secrets.token_hex(4)}"
    target = Target(port, account["inbound_key"], options.connections, options.clients)
    bounds = (options.requests, options.seconds)
    with (
        running_server(env, port, workers, work / f"serve-{database}.log") as server,
        ProcessPoolExecutor(options.clients, mp_context=get_context("spawn")) as pool,
    ):
        run_phase(pool, target, "/healthz", "warm", 500, 10)
        run_phase(pool, target, "/v1/inbound", "warm", 500, 10)
        health = measured(server, url, lambda: run_phase(pool, target, "/healthz", "h", *bounds))
        inbound = measured(
            server, url, lambda: run_phase(pool, target, "/v1/inbound", tag, *bounds)
        )
    title = f"{database} x{workers} worker(s)"
    report(title, health, inbound, count_stored(url, tag), postgres=database == "postgresql")


def report(title: str, health: Result, inbound: Result, stored: int, *, postgres: bool) -> None:
    """Print one database's figures."""
    ratio = inbound.per_second / health.per_second if health.per_second else 0.0
    print(f"\n== {title}")
    for result in (health, inbound):
        print(
            f"  {result.path:<12} {result.per_second:8.0f} req/s  p50 {result.p50_ms:6.1f} ms"
            f"  p99 {result.p99_ms:6.1f} ms  errors {result.errors}"
            f"  ({result.accepted} in {result.seconds:.1f} s)"
        )
        database = f" + PostgreSQL {result.db_cpu_ms:.2f} ms" if postgres else ""
        print(
            f"  {'':<12} server CPU per request: app {result.app_cpu_ms:.2f} ms{database}"
            f" -> at most {_ceiling(result):.0f} req/s on {os.cpu_count()} cores"
        )
        for sample in result.error_samples:
            print(f"    error: {sample}")
    print(f"  inbound / healthz ratio: {ratio:.2f}")
    if postgres:
        print(f"  new database sessions during the inbound phase: {inbound.sessions}")
    verdict = "ok" if stored == inbound.accepted else "MISMATCH"
    print(f"  accepted replies stored: {stored} of {inbound.accepted} accepted ({verdict})")


def _ceiling(result: Result) -> float:
    """Return the rate the server could reach if it had every core to itself."""
    cpu_ms = result.app_cpu_ms + result.db_cpu_ms
    return (os.cpu_count() or 1) * 1000 / cpu_ms if cpu_ms else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--requests", type=int, default=20_000, help="per phase, at most")
    parser.add_argument("--seconds", type=float, default=15.0, help="per phase, at most")
    parser.add_argument("--connections", type=int, default=32, help="keep-alive connections")
    parser.add_argument("--clients", type=int, default=2, help="client processes")
    parser.add_argument("--postgres-workers", type=int, default=2)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="optout-load-") as work:
        if options.database in ("sqlite", "both"):
            bench("sqlite", 1, options, Path(work))
        if options.database in ("postgresql", "both"):
            bench("postgresql", options.postgres_workers, options, Path(work))


if __name__ == "__main__":
    main()
