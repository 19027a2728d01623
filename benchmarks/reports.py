"""Reports benchmark: each report table at 1,000,000 messages, as a ratio to 10,000.

Seeds one account with a year of campaign sends (a hundred campaigns), a reply to every
fifth send (answering it, with its campaign), an opt-out in every tenth reply (auto and
keyword in turn, auto ones across the reason families), the account holder undoing every
tenth auto opt-out and keeping a third of the others on review, by bulk insert (the
database's triggers fill the campaign rollup as they would for the service's writes);
then times each table of the Reports page over the last 30 and 90 days, and the campaign
table counted from the messages instead of the rollup (``from messages``, what the page
read before the rollup), checking both give the same rows. Both sizes spread their
messages over the same year, so a period holds a hundred times as many rows at 1M as at
10k: a ratio near 1 means the table reads only what it shows, a ratio near 100 that it
reads every campaign text of the period, and one far above 100 would mean a scan of the
whole history. Figures are printed; nothing is asserted.

    .venv/bin/python benchmarks/reports.py
    .venv/bin/python benchmarks/reports.py --url postgresql+psycopg://postgres@127.0.0.1/bench
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, inspect, text

from optout.services.report_tables import GroupBy, report_table
from optout.services.reports import Period, opt_outs_by_campaign, opt_outs_by_campaign_from_messages
from optout.store.engine import make_engine, make_session_factory, upgrade
from optout.store.tables import Account, Contact, Conversation, Message, MessageReview, OptEvent

BASE = datetime(2026, 1, 1, tzinfo=UTC)
DAYS = 365
CAMPAIGNS = 100
FAMILIES = ['wrong number: "wrong number"', 'remove from list: "remove me"', 'stop texting: "stop"']
BATCH = 20_000
KEPT = {"account_id": 1, "outcome": "kept", "actor": "bench", "created_at": BASE}
STATUS_FROM_LEDGER = """
    UPDATE contacts SET status = CASE e.type WHEN 'opt_out' THEN 'opted_out' ELSE 'active' END,
        status_source = e.source, status_event_id = e.id, status_changed_at = e.created_at
    FROM opt_events AS e
    WHERE e.id = (SELECT max(id) FROM opt_events AS l WHERE l.contact_id = contacts.id)
"""
"""Each contact's status as its latest ledger event says (the database checks it)."""


def _sends(messages: int) -> int:
    return max(messages * 5 // 6, 1)  # a reply to every fifth send: 6 messages per 5 sends


def _send_rows(s: int, sends: int, contacts: int) -> list[dict[str, Any]]:
    """Return the rows of send ``s``: its message, and the reply and events it drew."""
    at = BASE + timedelta(seconds=s * DAYS * 86_400 / sends)
    contact = s % contacts + 1
    common = {"account_id": 1, "conversation_id": contact, "contact_id": contact}
    campaign = f"campaign-{s * CAMPAIGNS // sends:03d}"
    rows: list[dict[str, Any]] = [
        {"table": "messages", "id": s + 1, "direction": "outbound", "created_at": at}
        | common
        | {"campaign": campaign, "body": "Sale!"}
    ]
    if s % 5:
        return rows
    reply_id, answered = sends + s // 5 + 1, at + timedelta(minutes=1)
    rows.append(
        {"table": "messages", "id": reply_id, "direction": "inbound", "created_at": answered}
        | common
        | {"answers_id": s + 1, "campaign": campaign, "body": "no thanks"}
    )
    if s % 50 == 0:
        auto = s % 100 == 0
        reason = FAMILIES[s // 100 % len(FAMILIES)] if auto else None
        rows.append(_event(contact, "opt_out", "auto" if auto else "keyword", answered, reason))
        rows[-1]["message_id"] = reply_id
        if s % 1000 == 0:
            rows.append(_event(contact, "opt_in", "manual", answered + timedelta(hours=1), None))
        elif auto and s % 300 == 0:
            rows.append({"table": "message_reviews", "message_id": reply_id} | KEPT)
    return rows


def _event(contact: int, type_: str, source: str, at: datetime, reason: str | None) -> dict:
    return {
        "table": "opt_events",
        "account_id": 1,
        "contact_id": contact,
        "type": type_,
        "source": source,
        "actor": "bench",
        "reason": reason,
        "created_at": at,
    }


def _people(contacts: int) -> Iterator[tuple[Any, list[dict[str, Any]]]]:
    numbers = [f"+1202{n:07d}" for n in range(1, contacts + 1)]
    yield (
        Contact,
        [{"id": n, "account_id": 1, "number": numbers[n - 1]} for n in range(1, contacts + 1)],
    )
    yield (
        Conversation,
        [
            {"id": n, "account_id": 1, "contact_id": n, "last_message_at": BASE}
            for n in range(1, contacts + 1)
        ],
    )


def seed(engine: Engine, messages: int) -> None:
    """Insert one account with ``messages`` messages (and their contacts and events) in bulk."""
    sends = _sends(messages)
    contacts = max(sends // 10, 1)
    account = {"id": 1, "slug": "bench", "name": "Bench", "provider": "log", "created_at": BASE}
    with engine.begin() as connection:
        connection.execute(insert(Account), [account | {"opt_out_confirmation_enabled": True}])
        for table, rows in _people(contacts):
            for start in range(0, len(rows), BATCH):
                connection.execute(insert(table), rows[start : start + BATCH])
        for start in range(0, sends, BATCH):
            batch = [
                r
                for s in range(start, min(start + BATCH, sends))
                for r in _send_rows(s, sends, contacts)
            ]
            _insert(connection, batch)
        connection.execute(text(STATUS_FROM_LEDGER))
    # One transaction's million trigger updates leave the rollup's old row versions behind
    # on PostgreSQL; with writes in their own transactions, pruning and autovacuum clear them.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(
            text("VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE")
        )


def _insert(connection: Any, rows: list[dict[str, Any]]) -> None:
    outbound = [r for r in rows if r["table"] == "messages" and r["direction"] == "outbound"]
    inbound = [r for r in rows if r["table"] == "messages" and r["direction"] == "inbound"]
    events = [r for r in rows if r["table"] == "opt_events"]
    reviews = [_plain(r) for r in rows if r["table"] == "message_reviews"]
    defaults = {"from_number": "+1", "to_number": "+1"}
    for group in (outbound, inbound):
        if group:
            connection.execute(insert(Message), [_plain(r) | defaults for r in group])
    if events:
        connection.execute(
            insert(OptEvent), [_plain(r) | {"message_id": r.get("message_id")} for r in events]
        )
    if reviews:
        connection.execute(insert(MessageReview), reviews)


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in row.items() if key != "table"}


def timed(run: Callable[[], object], repeat: int = 5) -> float:
    """Return the best wall time of ``run`` in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def measure(url: str) -> dict[str, float]:
    """Return the time of each report table over the last 30 and 90 days, in ms."""
    last = (BASE + timedelta(days=DAYS - 1)).date()
    engine = make_engine(url)
    results: dict[str, float] = {}
    with make_session_factory(engine)() as session:
        for days in (30, 90):
            period = Period(last - timedelta(days=days - 1), last)
            for group_by in GroupBy:
                results[f"{group_by.value}, {days} days"] = timed(
                    lambda g=group_by, p=period: report_table(
                        session, account_id=1, period=p, group_by=g
                    )
                )
            scope = {"account_id": 1, "period": period}
            plain = opt_outs_by_campaign_from_messages(session, **scope)
            if opt_outs_by_campaign(session, **scope) != plain:
                raise SystemExit(f"the rollup differs from the messages over {days} days")
            results[f"campaign from messages, {days} days"] = timed(
                lambda p=period: opt_outs_by_campaign_from_messages(session, account_id=1, period=p)
            )
    engine.dispose()
    return results


def run(url: str, messages: int) -> dict[str, float]:
    """Seed ``messages`` messages into the empty database at ``url`` and measure it."""
    upgrade(url)
    engine = make_engine(url)
    started = time.perf_counter()
    seed(engine, messages)
    engine.dispose()
    print(f"seeded {messages:,} messages in {time.perf_counter() - started:.1f} s")
    results = measure(url)
    _empty(url)
    return results


def _empty(url: str) -> None:
    """Empty a PostgreSQL database for the next size (SQLite runs use a file per size).

    The ledger refuses TRUNCATE; this benchmark's database lifts that on purpose, inside the
    transaction that empties it.
    """
    if not url.startswith("postgresql"):
        return
    engine = make_engine(url)
    names = [t for t in inspect(engine).get_table_names() if t != "alembic_version"]
    guard = "TRIGGER opt_events_no_truncate"
    with engine.begin() as connection:
        connection.execute(text(f"ALTER TABLE opt_events DISABLE {guard}"))
        connection.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
        connection.execute(text(f"ALTER TABLE opt_events ENABLE {guard}"))
    engine.dispose()


def main() -> None:
    """Measure a small and a large account on SQLite (temporary files) or on --url."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an empty database; default: temporary SQLite files")
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--large", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        urls = [args.url or f"sqlite:///{Path(folder) / name}" for name in ("s.db", "l.db")]
        small, large = run(urls[0], args.small), run(urls[1], args.large)
    print("the campaign rollup gave the same rows as the messages at both sizes")
    print(f"{'table, period':37} {args.small:>10,} {args.large:>12,}   ratio")
    for name, ms in small.items():
        print(f"{name:37} {ms:8.1f} ms {large[name]:9.1f} ms {large[name] / ms:7.1f}x")


if __name__ == "__main__":
    main()
