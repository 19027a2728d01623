"""Conversations page benchmark: one page of each folder at 100,000 conversations.

Seeds one account with 100,000 conversations (half of the contacts opted out, a fifth of
those automatically, each with its triggering message and ledger event) by bulk insert,
then times the first and a deep page of All, Auto Opt-Out and Opted Out, and the Auto
Opt-Out count, as ratios to the first page of All. A page that sorted the whole folder
would show up as a ratio far above 1. Figures are printed; nothing is asserted.

    .venv/bin/python benchmarks/conversations.py
    .venv/bin/python benchmarks/conversations.py --url postgresql+psycopg://postgres@127.0.0.1/bench
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, text

from optout.services.conversations import Folder, count_auto_opt_outs, list_conversations
from optout.store.engine import make_engine, make_session_factory, upgrade
from optout.store.tables import Account, Contact, Conversation, Message, OptEvent

BASE = datetime(2026, 1, 1, tzinfo=UTC)
BODY = "please remove me from your list"


def _rows(index: int) -> dict[str, dict[str, Any]]:
    at = BASE + timedelta(seconds=index)
    source = ("auto" if index % 10 == 0 else "keyword") if index % 2 == 0 else None
    contact = {
        "id": index,
        "account_id": 1,
        "number": f"+1202{index:07d}",
        "created_at": at,
        "status": "active",  # then set from the events (the database ties the two)
    }
    conversation = {
        "id": index,
        "account_id": 1,
        "contact_id": index,
        "last_message_at": at,
        "last_message_body": BODY,
        "created_at": at,
    }
    message = {
        "id": index,
        "account_id": 1,
        "conversation_id": index,
        "contact_id": index,
        "direction": "inbound",
        "from_number": contact["number"],
        "to_number": "+1",
        "body": BODY,
        "created_at": at,
        "span_start": 7,
        "span_end": 16,
        "reason": 'remove from list: "remove me"',
    }
    event = {
        "id": index,
        "account_id": 1,
        "contact_id": index,
        "type": "opt_out",
        "source": source,
        "actor": "bench",
        "message_id": index,
        "created_at": at,
    }
    return {
        "contacts": contact,
        "conversations": conversation,
        "messages": message,
        "events": event if source else {},
    }


def seed(engine: Engine, count: int) -> None:
    """Insert one account and ``count`` conversations in bulk."""
    tables = {
        "contacts": Contact,
        "conversations": Conversation,
        "messages": Message,
        "events": OptEvent,
    }
    with engine.begin() as connection:
        connection.execute(
            insert(Account),
            [
                {
                    "id": 1,
                    "slug": "bench",
                    "name": "Bench",
                    "provider": "log",
                    "opt_out_confirmation_enabled": True,
                    "created_at": BASE,
                }
            ],
        )
        for start in range(1, count + 1, 10_000):
            batch = [_rows(i) for i in range(start, min(start + 10_000, count + 1))]
            for name, table in tables.items():
                values = [row[name] for row in batch if row[name]]
                connection.execute(insert(table), values)
        connection.execute(
            text(
                "UPDATE contacts SET status = 'opted_out', status_source = e.source, "
                "status_changed_at = e.created_at, status_event_id = e.id "
                "FROM opt_events AS e WHERE e.contact_id = contacts.id"
            )
        )
        connection.execute(text("ANALYZE"))


def timed(run: Callable[[], object], repeat: int = 5) -> float:
    """Return the best wall time of ``run`` in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def measure(url: str) -> None:
    """Print the time of each folder's first and tenth page, as ratios to All's first."""
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        results: dict[str, float] = {}
        for folder in Folder:
            after = None
            for _ in range(10):
                after = list_conversations(session, account_id=1, folder=folder, after=after).next
            results[f"{folder.value} page 1"] = timed(
                lambda f=folder: list_conversations(session, account_id=1, folder=f)
            )
            results[f"{folder.value} page 11"] = timed(
                lambda f=folder, a=after: list_conversations(
                    session, account_id=1, folder=f, after=a
                )
            )
        results["auto count"] = timed(lambda: count_auto_opt_outs(session, account_id=1))
    engine.dispose()
    baseline = results["all page 1"]
    for name, ms in results.items():
        print(f"{name:22} {ms:8.1f} ms   {ms / baseline:5.2f}x all page 1")


def main() -> None:
    """Seed a fresh database (SQLite in a temporary folder unless --url) and measure it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an empty database; default: a temporary SQLite file")
    parser.add_argument("--conversations", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.url or f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        upgrade(url)
        engine = make_engine(url)
        started = time.perf_counter()
        seed(engine, args.conversations)
        engine.dispose()
        print(
            f"seeded {args.conversations:,} conversations in {time.perf_counter() - started:.1f} s"
        )
        measure(url)


if __name__ == "__main__":
    main()
