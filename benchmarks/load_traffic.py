"""The load benchmark's clients: fresh replies over kept-alive HTTP/1.1 connections.

The clients speak HTTP/1.1 over asyncio streams themselves: an httpx client spends more CPU
per request than the server under test, and on a 2-core machine both share the same cores.

Every phase sends replies no phase sent before: its numbers and bodies are drawn from a
generator seeded with the phase's own prefix, so a warmed database holds none of its
contacts and no cache in the server has seen its texts. About two in five are opt-outs from
contacts who never opted out, each writing a ledger event and a status change.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import uvloop

HOST = "127.0.0.1"
SENDER = "+14155550100"
AREA_CODES = (212, 206, 303, 312, 415, 510, 617, 646, 650, 718)
NAMES = ("Sam", "Ana", "Lee", "Maria", "Tom", "Priya", "Jo", "Chris", "Dana", "Luis", "Kim")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
OPT_OUTS = (
    "STOP", "Stop {n}", "stop please {name}", "Please stop texting me {name}",
    "remove me from this list {n}", "wrong number, I am not {name}", "STOP texting me",
    "unsubscribe {name}", "Do not text me again {name}",
)  # fmt: skip
CHAT = (
    "Thanks {name}!", "ok {n}", "See you at {h}pm", "Can I move it to {h}pm on {day}?",
    "who is this? {n}", "Got it, thank you so much {name}", "Yes, {h} works",
    "no I can't make it on {day}", "👍 {n}", "running {n} min late", "HELP", "START",
)  # fmt: skip
OPT_OUT_SHARE = 0.4
Stream = tuple[asyncio.StreamReader, asyncio.StreamWriter]


def fresh_reply(rng: random.Random) -> tuple[str, str]:
    """Return a sender and a reply text drawn from ``rng``: an opt-out two times in five."""
    number = f"+1{rng.choice(AREA_CODES)}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
    template = rng.choice(OPT_OUTS if rng.random() < OPT_OUT_SHARE else CHAT)
    words = {"name": rng.choice(NAMES), "n": rng.randint(1, 99_999), "h": rng.randint(1, 12)}
    return number, template.format(day=rng.choice(DAYS), **words)


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
    number, text = fresh_reply(rng)
    body = {"from": number, "to": SENDER, "body": text, "id": f"{load.prefix}-{client}-{index}"}
    return "POST", json.dumps(body).encode()


async def _drive(load: Load, client: int) -> Phase:
    phase, rng = Phase(), random.Random(f"{load.prefix}/{client}")
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
