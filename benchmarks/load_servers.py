"""The load benchmark's servers: started in a process group, measured through ``/proc``.

A server counts as ready only when every one of its worker processes serves: each has the
listening socket in its event loop's epoll set (``/proc/PID/fdinfo``). Answering ``/healthz``
proves only that one worker does; the others may still be loading the detector, and a
burst measured then runs on fewer workers than it claims.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine, text

HOST = "127.0.0.1"
START_SECONDS = 90


@contextmanager
def running_server(
    command: list[str], env: dict[str, str], port: int, workers: int, log: Path
) -> Iterator[int]:
    """Start ``command`` in a process group of its own; stop it (and its workers) after."""
    with log.open("wb") as output:
        server = subprocess.Popen(
            command, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            _wait_until_serving(server, port, workers, log)
            yield server.pid
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()


def _wait_until_serving(
    server: subprocess.Popen[bytes], port: int, workers: int, log: Path
) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"{server.args} exited with {server.returncode}:\n{log.read_text()}")
        if len(serving_workers(server.pid, port)) >= workers:
            return
        time.sleep(0.2)
    raise SystemExit(f"not every worker served within {START_SECONDS} s:\n{log.read_text()}")


def serving_workers(root: int, port: int) -> list[int]:
    """Return the processes under ``root`` whose event loop waits on the listening socket."""
    listener = _listening_inode(port)
    if listener is None:
        return []
    return [pid for pid in process_tree(root) if _polls(pid, listener)]


def _listening_inode(port: int) -> str | None:
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":  # 0A: LISTEN
            return fields[9]
    return None


def _polls(pid: int, inode: str) -> bool:
    try:
        links = {entry.name: os.readlink(entry) for entry in Path(f"/proc/{pid}/fd").iterdir()}
    except OSError:
        return False
    sockets = {fd for fd, link in links.items() if link == f"socket:[{inode}]"}
    for fd, link in links.items():
        if link == "anon_inode:[eventpoll]" and sockets & _watched(pid, fd):
            return True
    return False


def _watched(pid: int, epoll_fd: str) -> set[str]:
    try:
        lines = Path(f"/proc/{pid}/fdinfo/{epoll_fd}").read_text().splitlines()
    except OSError:
        return set()
    return {line.split()[1] for line in lines if line.startswith("tfd:")}


def process_tree(root: int) -> list[int]:
    """Return ``root`` and every process descending from it."""
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


def cpu_seconds(pid: int) -> float:
    """Return the CPU time (user and system) process ``pid`` has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def resident_mb(pids: list[int]) -> dict[int, float]:
    """Return each process's resident memory in MB."""
    sizes: dict[int, float] = {}
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                sizes[pid] = int(line.split()[1]) / 1024
    return sizes


@dataclass(frozen=True)
class Usage:
    """CPU seconds used so far by the server and its database, and database sessions opened."""

    app: float
    db: float = 0.0
    sessions: int = 0


def usage(server: int, url: str) -> Usage:
    """Return what the server's processes and its database backends have used so far."""
    app = sum(cpu_seconds(pid) for pid in process_tree(server))
    if not url.startswith("postgresql"):
        return Usage(app)
    engine = create_engine(url)
    backends = "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
    sessions = "SELECT sessions FROM pg_stat_database WHERE datname = current_database()"
    with engine.connect() as connection:
        pids = list(connection.scalars(text(backends + " AND pid <> pg_backend_pid()")))
        opened = int(connection.scalar(text(sessions)) or 0)
    engine.dispose()
    return Usage(app, sum(cpu_seconds(pid) for pid in pids), opened)
