"""A PostgreSQL cluster of the test's own, to stop, hang and restart (never the shared server).

``private_postgres`` runs ``initdb`` into a temporary directory and ``pg_ctl`` on a free port,
as the ``postgres`` user when the tests run as root (PostgreSQL refuses to run as root).
Where no PostgreSQL binaries are installed the tests skip and say why, or fail where
``OPTOUT_REQUIRE_POSTGRES`` is set.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class PrivateCluster:
    """A running PostgreSQL cluster that belongs to one test."""

    bin_dir: Path
    data_dir: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def pg_ctl(self, *args: str) -> None:
        """Run ``pg_ctl`` on this cluster and wait for it to finish."""
        options = f"-p {self.port} -k {self.data_dir} -c listen_addresses=127.0.0.1"
        command = [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), "-w", "-o", options]
        _run_as_owner([*command, "-l", str(self.data_dir / "log"), *args])

    def restart(self) -> None:
        """Stop the server, dropping every connection, and start it again."""
        self.pg_ctl("-m", "fast", "restart")

    def postmaster_pid(self) -> int:
        """Return the process id of the server's main process."""
        return int((self.data_dir / "postmaster.pid").read_text().split()[0])

    def hang(self) -> None:
        """Freeze the server's main process: it accepts connections and never answers them."""
        os.kill(self.postmaster_pid(), signal.SIGSTOP)

    def resume(self) -> None:
        """Let a frozen server run again."""
        os.kill(self.postmaster_pid(), signal.SIGCONT)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _run_as_owner(command: list[str]) -> None:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)


@pytest.fixture
def private_postgres() -> Iterator[PrivateCluster]:
    """Return a fresh PostgreSQL cluster on a free port, removed after the test."""
    bin_dir = _binaries()
    if bin_dir is None:
        reason = "no PostgreSQL binaries under /usr/lib/postgresql/*/bin (initdb)"
        if os.environ.get("OPTOUT_REQUIRE_POSTGRES"):
            pytest.fail(f"{reason} (OPTOUT_REQUIRE_POSTGRES is set)")
        pytest.skip(reason)
    data_dir = Path(tempfile.mkdtemp(prefix="optout-pg-"))
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        os.chown(data_dir, owner.pw_uid, owner.pw_gid)
    _run_as_owner([str(bin_dir / "initdb"), "-D", str(data_dir), "-U", "postgres", "-A", "trust"])
    cluster = PrivateCluster(bin_dir, data_dir, _free_port())
    cluster.pg_ctl("start")
    try:
        yield cluster
    finally:
        cluster.resume()
        cluster.pg_ctl("-m", "immediate", "stop")
        shutil.rmtree(data_dir, ignore_errors=True)
