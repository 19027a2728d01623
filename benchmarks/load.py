"""Load: a burst of inbound replies, as after a broadcast, against the service and its floor.

For each database (SQLite with 1 worker, PostgreSQL with 2) this script starts ``optout
serve`` itself, creates an account with ``optout accounts create --json``, waits until every
worker serves, then drives ``POST /v1/inbound`` from separate client processes over loopback
with a bounded number of keep-alive connections (:mod:`load_traffic`). Every phase sends
fresh numbers and texts; two in five are opt-outs that write a ledger event, and the script
prints how many did. It prints replies per second, p50/p99 latency, errors, the ratio to a
bare ``GET /healthz``, the CPU the server's processes and its PostgreSQL backends spent per
reply, each worker's resident memory after warm-up and after every round (flat after
warm-up: the second half of the rounds adds next to nothing), and how many of the accepted
replies are in the database afterwards (it must be all of them).

On PostgreSQL it also starts the floor (:mod:`floor`): the least Python that does the same
durable work, on the same database and account. Rounds alternate between the servers, and
the script prints, per round and as the median, ``inbound vs floor: throughput R, p99 P,
app cpu C`` (optout ÷ floor). ``--baseline PATH`` adds a third server, another checkout's
``optout`` command, measured in the same rounds: the code before a change, beside it.

Every phase stops at ``--requests`` requests or ``--seconds`` seconds, whichever comes
first, and traffic only ever goes to 127.0.0.1. PostgreSQL runs in a database of its own
(``optout_load``, dropped and created again on each run) on the server named by
``OPTOUT_LOAD_POSTGRES_URL`` (default: the local server's ``postgres`` user).

    .venv/bin/python benchmarks/load.py                       # both databases
    .venv/bin/python benchmarks/load.py --database postgresql --rounds 5 --seconds 10
    .venv/bin/python benchmarks/load.py --database postgresql --baseline ../main/.venv/bin/optout
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path

from load_servers import resident_mb, running_server, serving_workers, usage
from load_traffic import HOST, Result, Target, run_phase
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

BENCHMARKS = Path(__file__).resolve().parent
OPTOUT = Path(sys.executable).with_name("optout")
POSTGRES_URL = os.environ.get(
    "OPTOUT_LOAD_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/optout_load"
)


@dataclass(frozen=True)
class Server:
    """One server under test: its name in the report, its port and process, its workers."""

    name: str
    port: int
    pid: int
    workers: int


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


def serve_command(name: str, port: int, workers: int, baseline: str | None) -> list[str]:
    """Return the command that starts server ``name`` (optout, floor or before)."""
    if name == "floor":
        application = ["-m", "uvicorn", "floor:create_app", "--factory", "--app-dir"]
        where = [str(BENCHMARKS), "--no-access-log", "--log-level", "warning"]
        return [sys.executable, *application, *where, "--loop", "uvloop", "--http", "httptools",
                "--host", HOST, "--port", str(port), "--workers", str(workers)]  # fmt: skip
    command = str(OPTOUT) if name == "optout" else str(baseline)
    return [command, "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)]


def measured(server: Server, url: str, run: Callable[[], Result]) -> Result:
    """Run one phase and add the server's and the database's CPU per accepted request."""
    before = usage(server.pid, url)
    result = run()
    after = usage(server.pid, url)
    per_request = 1000 / max(1, result.accepted)
    return replace(
        result,
        app_cpu_ms=(after.app - before.app) * per_request,
        db_cpu_ms=(after.db - before.db) * per_request,
        sessions=after.sessions - before.sessions - 1,  # less the one that asked
    )


def count_stored(url: str, prefix: str) -> tuple[int, int]:
    """Return how many inbound replies with ids starting ``prefix`` are stored, and how many
    ledger events they wrote."""
    engine = create_engine(url)
    query = text(
        "SELECT count(DISTINCT m.id), count(e.id) FROM messages m"
        " LEFT JOIN opt_events e ON e.message_id = m.id"
        " WHERE m.direction = 'inbound' AND m.provider_id LIKE :p"
    )
    with engine.connect() as connection:
        stored, events = connection.execute(query, {"p": f"{prefix}-%"}).one()
    engine.dispose()
    return int(stored), int(events)


@dataclass
class Run:
    """Every server's measured phases on one database, and what they stored."""

    url: str
    results: dict[str, list[Result]]
    stored: dict[str, list[tuple[int, int]]]


def bench(database: str, workers: int, options: argparse.Namespace, work: Path) -> None:
    """Run warm-up, /healthz and rounds of /v1/inbound against one database and print them."""
    url = (
        f"sqlite:///{work / 'load.sqlite3'}" if database == "sqlite" else fresh_postgres_database()
    )
    env = {**os.environ, "OPTOUT_DATABASE_URL": url, "OPTOUT_LOG_LEVEL": "WARNING"}
    optout(env, "db", "upgrade")
    account = json.loads(optout(env, "accounts", "create", f"load-{database}", "--json"))
    names = ["optout"]
    if database == "postgresql":
        names += ["floor"] + (["before"] if options.baseline else [])
    tag, run = f"run{secrets.token_hex(4)}", Run(url, {}, {})
    with ExitStack() as stack:
        pool = stack.enter_context(
            ProcessPoolExecutor(options.clients, mp_context=get_context("spawn"))
        )
        servers = [_start(stack, name, workers, env, options, work) for name in names]
        target = {s.name: Target(s.port, account["inbound_key"], options.connections,
                                 options.clients) for s in servers}  # fmt: skip
        bounds = (options.requests, options.seconds)
        for server in servers:
            if server.name != "floor":  # the floor answers nothing but replies
                run_phase(pool, target[server.name], "/healthz", f"{tag}-wh", 500, 10)
            run_phase(pool, target[server.name], "/v1/inbound", f"{tag}-{server.name}-w", 500, 10)
        main = servers[0]
        health = measured(
            main, url, lambda: run_phase(pool, target["optout"], "/healthz", "h", *bounds)
        )
        memory = [_worker_memory(main)]  # after warm-up, then after each round
        for round_ in range(options.rounds):
            order = servers[round_ % len(servers) :] + servers[: round_ % len(servers)]
            for server in order:
                prefix = f"{tag}-{server.name}-{round_}"
                result = measured(
                    server,
                    url,
                    lambda s=server, p=prefix: run_phase(
                        pool, target[s.name], "/v1/inbound", p, *bounds
                    ),  # fmt: skip
                )
                run.results.setdefault(server.name, []).append(result)
                run.stored.setdefault(server.name, []).append(count_stored(url, prefix))
            memory.append(_worker_memory(main))
    report(f"{database} x{workers} worker(s)", health, run, postgres=database == "postgresql")
    _report_memory(memory, run.results["optout"])


def _start(
    stack: ExitStack,
    name: str,
    workers: int,
    env: dict[str, str],
    options: argparse.Namespace,
    work: Path,
) -> Server:
    port = free_port()
    command = serve_command(name, port, workers, options.baseline)
    pid = stack.enter_context(running_server(command, env, port, workers, work / f"{name}.log"))
    return Server(name, port, pid, workers)


def _worker_memory(server: Server) -> dict[int, float]:
    return resident_mb(serving_workers(server.pid, server.port))


def report(title: str, health: Result, run: Run, *, postgres: bool) -> None:
    """Print one database's figures: each server's rounds, then the ratios to the floor."""
    print(f"\n== {title}")
    _line("/healthz", health, postgres=postgres)
    for name, results in run.results.items():
        for result, (stored, events) in zip(results, run.stored[name], strict=True):
            _line(f"{name} inbound", result, postgres=postgres)
            verdict = "ok" if stored == result.accepted else "MISMATCH"
            share = events / stored if stored else 0.0
            print(f"  {'':<16} stored {stored} of {result.accepted} accepted ({verdict});"
                  f" ledger events written: {events} ({share:.0%})")  # fmt: skip
    inbound = run.results["optout"]
    ratio = statistics.median(r.per_second for r in inbound) / health.per_second
    print(f"  inbound / healthz ratio: {ratio:.2f}")
    if postgres:
        print(f"  new database sessions during inbound rounds: {[r.sessions for r in inbound]}")
    for name in run.results:
        if name != "floor" and "floor" in run.results:
            _versus_floor(name, run.results[name], run.results["floor"])


def _line(label: str, result: Result, *, postgres: bool) -> None:
    database = f" + PostgreSQL {result.db_cpu_ms:.2f} ms" if postgres else ""
    print(
        f"  {label:<16} {result.per_second:6.0f} req/s  p50 {result.p50_ms:5.1f} ms"
        f"  p99 {result.p99_ms:6.1f} ms  errors {result.errors}  ({result.accepted} in"
        f" {result.seconds:.1f} s)  CPU per request: app {result.app_cpu_ms:.2f} ms{database}"
    )
    for sample in result.error_samples:
        print(f"    error: {sample}")


def _versus_floor(name: str, results: list[Result], floor: list[Result]) -> None:
    """Print the round-by-round ratios of ``name`` to the floor, then their medians."""
    pairs = list(zip(results, floor, strict=True))
    ratios = [
        (a.per_second / b.per_second, a.p99_ms / b.p99_ms, a.app_cpu_ms / b.app_cpu_ms)
        for a, b in pairs
    ]
    throughput, p99, cpu = (statistics.median(column) for column in zip(*ratios, strict=True))
    label = "inbound" if name == "optout" else f"{name} inbound"
    print(
        f"  {label} vs floor: throughput {throughput:.2f}, p99 {p99:.2f}, app cpu {cpu:.2f}"
        f"  ({_absolute(results)} against {_absolute(floor)})"
    )
    for round_, (r, p, c) in enumerate(ratios):
        print(f"    round {round_ + 1}: throughput {r:.2f}, p99 {p:.2f}, app cpu {c:.2f}")


def _absolute(results: list[Result]) -> str:
    rate = statistics.median(r.per_second for r in results)
    p99 = statistics.median(r.p99_ms for r in results)
    cpu = statistics.median(r.app_cpu_ms for r in results)
    return f"{rate:.0f}/s, p99 {p99:.1f} ms, {cpu:.2f} ms"


def _report_memory(memory: list[dict[int, float]], results: list[Result]) -> None:
    """Print each worker's resident memory after warm-up and after every round, and how much
    it grew over the first half of the rounds and over the second: flat is a second half
    near zero."""
    replies = [result.accepted for result in results]
    half = len(replies) // 2
    print(f"  optout worker memory (MB) after warm-up, then after each round of"
          f" {'/'.join(str(n) for n in replies)} replies:")  # fmt: skip
    for pid, start in sorted(memory[0].items()):
        sizes = [snapshot.get(pid, 0.0) for snapshot in memory]
        first, second = sizes[half] - start, sizes[-1] - sizes[half]
        print(
            f"    worker {pid}: {' -> '.join(f'{size:.1f}' for size in sizes)};"
            f" first {half} round(s) {first:+.1f} MB ({sum(replies[:half])} replies),"
            f" last {len(replies) - half} {second:+.1f} MB ({sum(replies[half:])} replies)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--requests", type=int, default=20_000, help="per phase, at most")
    parser.add_argument("--seconds", type=float, default=15.0, help="per phase, at most")
    parser.add_argument("--rounds", type=int, default=3, help="inbound phases per server")
    parser.add_argument("--connections", type=int, default=32, help="keep-alive connections")
    parser.add_argument("--clients", type=int, default=2, help="client processes")
    parser.add_argument("--postgres-workers", type=int, default=2)
    parser.add_argument("--baseline", help="another checkout's optout command, measured beside")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="optout-load-") as work:
        if options.database in ("sqlite", "both"):
            bench("sqlite", 1, options, Path(work))
        if options.database in ("postgresql", "both"):
            bench("postgresql", options.postgres_workers, options, Path(work))


if __name__ == "__main__":
    main()
