"""What makes an acknowledged opt-out survive a crash of the machine, not only of the process."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from optout.store.engine import make_engine

FULL = 2
"""``PRAGMA synchronous`` answers 2 for FULL (1 is NORMAL)."""


def test_sqlite_syncs_every_commit_to_disk(tmp_path: Path) -> None:
    # In WAL mode, NORMAL syncs only at checkpoints: a power cut can drop commits whose
    # opt-outs were already acknowledged. FULL syncs the log on every commit.
    engine = make_engine(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == FULL
    engine.dispose()
