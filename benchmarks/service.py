"""Service benchmark: inbound replies per second vs. a bare /healthz, and bulk suppression.

For each database this script starts one ``optout serve`` (uvicorn, 1 worker) on
127.0.0.1 and measures, against that same server:

1. requests per second of ``GET /healthz`` and of ``POST /v1/inbound`` (the real detector
   and database, a unique provider id and a realistic reply each), and their ratio;
2. the time to check 1,000,000 numbers (half opted out, half in national format) against
   1,000,000 opt-outs over HTTP two ways: as one file, one number a line, streamed to
   ``POST /v1/suppression/check-file``, and as JSON through ``POST /v1/suppression/check``
   in batches of 100,000, two in flight; and on PostgreSQL, in the same rounds, the best
   plain SQL for the same check from a client that holds the numbers as keys already:
   index probes in batches, or one ``COPY`` into a temporary table and one join (by hash or
   by probes; by hash with the answer joined into one text by PostgreSQL, as the server
   does). The file check and the plain SQL run next to each other, in turn first; it prints
   each way over the plain SQL as the median of the rounds' ratios (each over that round's
   best plain SQL) with their spread, and its best round over the best plain SQL's.

The opt-outs are seeded with one ``INSERT … SELECT`` over a generated series, not through
the API, and the contacts vacuumed. PostgreSQL runs in a database of its own
(``optout_bench``, created afresh) on the server named by ``OPTOUT_BENCH_POSTGRES_URL``.
Figures are printed; nothing is asserted.

    .venv/bin/python benchmarks/service.py
    .venv/bin/python benchmarks/service.py --database sqlite --opt-outs 100000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from optout.domain import KeyPurpose
from optout.services.accounts import create_account, issue_api_key
from optout.store.engine import make_engine, make_session_factory, upgrade

HOST = "127.0.0.1"
OPTOUT = Path(sys.executable).with_name("optout")
POSTGRES_URL = os.environ.get(
    "OPTOUT_BENCH_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/optout_bench"
)
BATCH = 100_000
REPLIES = [
    "Yes, 10am works", "STOP", "please remove me from your list", "ok thanks", "wrong number",
    "Can I cancel my appointment on Friday?", "who is this?", "HELP", "👍", "stop texting me",
    "See you Saturday!", "no me envíe más mensajes", "Is parking free?", "START",
]  # fmt: skip


@contextmanager
def database(kind: str, postgres_url: str = POSTGRES_URL) -> Iterator[str]:
    """Yield the URL of an empty, migrated database of ``kind`` (PostgreSQL: ``postgres_url``)."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            url = f"sqlite:///{folder}/bench.sqlite3"
            upgrade(url)
            yield url
        return
    name = make_url(postgres_url).database
    admin = create_engine(
        make_url(postgres_url).set(database="postgres"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    upgrade(postgres_url)
    yield postgres_url
    admin.dispose()


def make_account(url: str) -> tuple[int, str, str]:
    """Create the benchmark's account; return its id, management key and inbound key."""
    engine = make_engine(url)
    with make_session_factory(engine)() as session, session.begin():
        account, key = create_account(session, name="Bench")
        inbound_key = issue_api_key(session, account=account, purpose=KeyPurpose.INBOUND)
        account_id = account.id
    engine.dispose()
    return account_id, key, inbound_key


SET_STATUS_FROM_EVENTS = (
    "UPDATE contacts SET status = 'opted_out', status_source = e.source, "
    "status_changed_at = e.created_at, status_event_id = e.id "
    "FROM opt_events AS e WHERE e.contact_id = contacts.id"
)
"""The database ties each status to its event: events first, then the status they set."""


def seed_opt_outs(url: str, account_id: int, count: int) -> float:
    """Insert ``count`` opt-outs (+1202555xxxx…) with their ledger events; return seconds."""
    engine = make_engine(url)
    started = time.perf_counter()
    series = (
        "generate_series(1, :n) AS s(i)"
        if engine.dialect.name == "postgresql"
        else "(WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < :n) "
        "SELECT i FROM r) AS s"
    )
    number = "'+1202' || CAST(5550000 + i AS TEXT)"
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO contacts (id, account_id, number, status, created_at) "
                f"SELECT i, :a, {number}, 'active', CURRENT_TIMESTAMP FROM {series}"
            ),
            {"a": account_id, "n": count},
        )
        connection.execute(
            text(
                "INSERT INTO opt_events (id, account_id, contact_id, type, source, actor, "
                "created_at) SELECT i, :a, i, 'opt_out', 'import', 'import:bench.csv', "
                f"CURRENT_TIMESTAMP FROM {series}"
            ),
            {"a": account_id, "n": count},
        )
        connection.execute(text(SET_STATUS_FROM_EVENTS))
        if engine.dialect.name == "postgresql":
            for table in ("contacts", "opt_events"):
                connection.execute(text(f"SELECT setval('{table}_id_seq', :n)"), {"n": count})
    if engine.dialect.name == "postgresql":
        # The status update left a dead row per contact: vacuumed, as autovacuum would, so
        # that no round reads them, or waits for autovacuum, and another does not.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM ANALYZE contacts"))
    engine.dispose()
    return time.perf_counter() - started


@contextmanager
def server(url: str) -> Iterator[str]:
    """Run ``optout serve`` on a free loopback port; yield its base URL."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "OPTOUT_DATABASE_URL": url, "OPTOUT_LOG_LEVEL": "WARNING"}
    command = [str(OPTOUT), "serve", "--host", HOST, "--port", str(port)]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    base = f"http://{HOST}:{port}"
    try:
        _wait_until_up(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("optout serve exited before it answered")
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError("optout serve did not answer within 60 s")


def _request(base: str, method: str, path: str, key: str, body: bytes | None) -> bytes:
    host = base.removeprefix("http://")
    head = f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {key}\r\n"
    if body is None:
        return (head + "\r\n").encode()
    head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    return head.encode() + body


async def _exchange(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, raw: bytes) -> int:
    writer.write(raw)
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
    await reader.readexactly(length)
    return status


async def _drive(port: int, requests: list[bytes], connections: int) -> tuple[float, int]:
    """Send ``requests`` over keep-alive connections; return (seconds, errors)."""
    queue = iter(requests)
    errors = 0

    async def connection() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(HOST, port)
        for raw in queue:
            if await _exchange(reader, writer, raw) >= 400:
                errors += 1
        writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(connections)))
    return time.perf_counter() - started, errors


def rate(base: str, requests: list[bytes], connections: int) -> tuple[float, int]:
    """Return (requests per second, errors) for ``requests`` sent to ``base``."""
    port = int(base.rsplit(":", 1)[1])
    seconds, errors = asyncio.run(_drive(port, requests, connections))
    return len(requests) / seconds, errors


def inbound_requests(base: str, key: str, count: int, run: str) -> list[bytes]:
    """Return ``count`` distinct inbound replies from 2,000 contacts."""
    requests = []
    for index in range(count):
        body = {
            "from": f"+1415555{index % 2000:04d}",
            "to": "+12025550100",
            "body": REPLIES[index % len(REPLIES)],
            "id": f"{run}-{index}",
        }
        requests.append(_request(base, "POST", "/v1/inbound", key, json.dumps(body).encode()))
    return requests


PLAIN_JOIN = (
    "SELECT c.number FROM {source} JOIN contacts AS c ON c.account_id = %(account)s "
    "AND c.number = n.value WHERE c.status = 'opted_out'"
)
ONLY = {
    "hash": "SELECT set_config('enable_nestloop', 'off', true), set_config('jit', 'off', true), "
    "set_config('work_mem', '128MB', true)",
    "probes": "SELECT set_config('enable_hashjoin', 'off', true), set_config('jit', 'off', true), "
    "set_config('enable_mergejoin', 'off', true), set_config('work_mem', '32MB', true)",
}


def plain_sql(
    url: str, account_id: int, keys: list[str], *, floor_last: bool
) -> dict[str, tuple[float, int]]:
    """Return (seconds, found) of each plain SQL way to check ``keys`` (E.164 already).

    The way that is usually fastest, the server's own, runs last or first (``floor_last``),
    so that it runs right next to the HTTP check it is the floor of.
    """
    dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    timings = {}
    ways: list[tuple[str, Callable[..., int]]] = [
        ("index probes, 100,000 a batch", _probes),
        ("COPY + hash join", partial(_copied, join="hash")),
        ("COPY + index probes", partial(_copied, join="probes")),
        ("COPY + hash join, answer as one text", partial(_copied, join="hash", as_text=True)),
    ]
    with psycopg.connect(dsn) as connection:
        for name, run in ways if floor_last else ways[::-1]:
            started = time.perf_counter()
            with connection.transaction():
                found = run(connection, account_id, keys)
            timings[name] = (time.perf_counter() - started, found)
    return timings


def _probes(connection: psycopg.Connection, account_id: int, keys: list[str]) -> int:
    connection.execute(ONLY["probes"])
    statement = PLAIN_JOIN.format(source="unnest(string_to_array(%(keys)s, ',')) AS n(value)")
    found = 0
    for start in range(0, len(keys), BATCH):
        values = {"account": account_id, "keys": ",".join(keys[start : start + BATCH])}
        found += len(connection.execute(statement, values).fetchall())
    return found


def _copied(
    connection: psycopg.Connection,
    account_id: int,
    keys: list[str],
    join: str,
    as_text: bool = False,
) -> int:
    connection.execute(ONLY[join])
    connection.execute("CREATE TEMPORARY TABLE checked (value text) ON COMMIT DROP")
    with connection.cursor().copy("COPY checked (value) FROM STDIN") as copy:
        copy.write("\n".join(keys) + "\n")
    statement = PLAIN_JOIN.format(source="checked AS n")
    if not as_text:
        return len(connection.execute(statement, {"account": account_id}).fetchall())
    # PostgreSQL joins the keys found into one text: the driver reads one value, not rows.
    statement = f"SELECT string_agg(number, E'\\n') FROM ({statement}) AS found"
    answer = connection.execute(statement, {"account": account_id}).fetchone()
    return answer[0].count("\n") + 1 if answer and answer[0] else 0


def check_numbers(base: str, key: str, args: argparse.Namespace) -> tuple[float, int]:
    """Check ``args.check`` numbers in batches, ``args.parallel`` at a time; (seconds, found)."""
    payloads = [
        json.dumps({"numbers": [_number(i, args.opt_outs) for i in range(start, stop)]}).encode()
        for start, stop in _batches(args.check, args.batch)
    ]
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
    with httpx.Client(base_url=base, headers=headers, timeout=120) as http:

        def check(payload: bytes) -> int:
            response = http.post("/v1/suppression/check", content=payload)
            response.raise_for_status()
            return len(response.json()["opted_out"])

        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.parallel) as pool:
            found = sum(pool.map(check, payloads))
        return time.perf_counter() - started, found


def check_file(base: str, key: str, args: argparse.Namespace) -> tuple[float, int]:
    """Check ``args.check`` numbers, one a line, in one streamed call; (seconds, found)."""
    body = "".join(_number(i, args.opt_outs) + "\n" for i in range(args.check)).encode()
    headers = {"Authorization": f"Bearer {key}", "Content-Type": "text/plain"}
    with httpx.Client(base_url=base, headers=headers, timeout=120) as http:
        started = time.perf_counter()
        response = http.post("/v1/suppression/check-file", content=body)
        response.raise_for_status()
        found = len(response.json()["opted_out"])
        return time.perf_counter() - started, found


def _batches(total: int, size: int) -> list[tuple[int, int]]:
    return [(start, min(start + size, total)) for start in range(0, total, size)]


def _number(index: int, opted_out: int) -> str:
    """Even indexes: an opted-out number in national format; odd: a clean unknown E.164."""
    if index % 2 == 0:
        return f"202{5550000 + 1 + (index // 2) % opted_out}"
    return f"+1303{5550000 + index // 2}"


def _key(index: int, opted_out: int) -> str:
    """Return the key of :func:`_number` ``index``: what a client with clean data holds."""
    number = _number(index, opted_out)
    return number if number.startswith("+") else "+1" + number


def suppression(url: str, kind: str, account_id: int, key: str, args: argparse.Namespace) -> None:
    """Check the numbers over HTTP, both ways, and on PostgreSQL by plain SQL, round after round.

    The file check and the plain SQL run next to each other, in turn first, so that a busy
    spell on the shared machine slows both sides of a round's ratio alike.
    """
    keys = [_key(i, args.opt_outs) for i in range(args.check)] if kind == "postgresql" else []
    ways = {"one streamed file": check_file, f"JSON batches of {args.batch:,}": check_numbers}
    http: dict[str, list[float]] = {way: [] for way in ways}
    plain: dict[str, list[float]] = {}
    with server(url) as base:
        for round_ in range(1, args.rounds + 1):
            order = list(ways.items()) if round_ % 2 else list(ways.items())[::-1]
            for step, (way, check) in enumerate(order):
                if keys and step == 1:  # between the two: next to the file, before or after
                    timings = plain_sql(url, account_id, keys, floor_last=round_ % 2 == 0)
                    for name, (took, found) in timings.items():
                        plain.setdefault(name, []).append(took)
                        print(
                            f"[{kind}] round {round_}: plain SQL, {name}: {took:.2f} s ({found:,})"
                        )
                seconds, found = check(base, key, args)
                http[way].append(seconds)
                print(f"[{kind}] round {round_}: HTTP, {way}: {seconds:.2f} s ({found:,} found)")
    print(
        f"[{kind}] suppression check of {args.check:,} numbers against {args.opt_outs:,} opt-outs"
    )
    for way, times in http.items():
        parallel = f", {args.parallel} in flight" if way.startswith("JSON") else ""
        print(f"[{kind}] HTTP, {way}{parallel}: best {min(times):.2f} s")
    if plain:
        print_floor_ratios(kind, http, plain)


def print_floor_ratios(
    kind: str, http: dict[str, list[float]], plain: dict[str, list[float]]
) -> None:
    """Print each HTTP way over the best plain SQL: best over best, and round by round."""
    name, best = min(((n, min(t)) for n, t in plain.items()), key=lambda item: item[1])
    floors = [min(round_) for round_ in zip(*plain.values(), strict=True)]
    print(f"[{kind}] best plain SQL: {best:.2f} s ({name})")
    for way, seconds in http.items():
        ratios = sorted(s / f for s, f in zip(seconds, floors, strict=True))
        print(
            f"[{kind}] suppression HTTP ({way}) / plain SQL: {statistics.median(ratios):.2f}x "
            f"median of {len(ratios)} rounds (spread {ratios[0]:.2f}-{ratios[-1]:.2f}); "
            f"best over best {min(seconds) / best:.2f}x"
        )


def bench(kind: str, args: argparse.Namespace) -> None:
    """Run every measurement on one database and print the figures."""
    with database(kind) as url:
        account_id, key, inbound_key = make_account(url)
        seeded = seed_opt_outs(url, account_id, args.opt_outs)
        print(f"[{kind}] seeded {args.opt_outs:,} opt-outs in {seeded:.1f} s")
        if args.only_suppression:
            suppression(url, kind, account_id, key, args)
            return
        with server(url) as base:
            health = [_request(base, "GET", "/healthz", key, None)] * args.requests
            rate(base, health[: args.requests // 10], args.connections)  # warm up
            health_rps, health_errors = rate(base, health, args.connections)
            inbound = inbound_requests(base, inbound_key, args.requests, kind)
            warm = inbound_requests(base, inbound_key, 200, f"warm-{kind}")
            rate(base, warm, args.connections)
            inbound_rps, inbound_errors = rate(base, inbound, args.connections)
            print(f"[{kind}] GET /healthz      {health_rps:8.0f} req/s ({health_errors} errors)")
            print(f"[{kind}] POST /v1/inbound  {inbound_rps:8.0f} req/s ({inbound_errors} errors)")
            print(f"[{kind}] inbound / healthz ratio {inbound_rps / health_rps:.3f}")
        suppression(url, kind, account_id, key, args)


def main() -> None:
    """Parse the options and run the benchmark on each database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--opt-outs", type=int, default=1_000_000)
    parser.add_argument("--check", type=int, default=1_000_000)
    parser.add_argument("--parallel", type=int, default=2, help="Suppression batches in flight.")
    parser.add_argument("--batch", type=int, default=BATCH, help="Numbers per suppression call.")
    parser.add_argument("--rounds", type=int, default=5, help="Suppression checks, each way.")
    parser.add_argument("--only-suppression", action="store_true", help="Skip the inbound rates.")
    args = parser.parse_args()
    kinds = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    for kind in kinds:
        bench(kind, args)


if __name__ == "__main__":
    main()
