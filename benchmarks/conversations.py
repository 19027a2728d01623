"""Conversations page benchmark: each folder, its count and each search, at two sizes.

Seeds one account with N conversations (half of the contacts opted out, a fifth of those
automatically, each with its triggering message and ledger event; one active contact in 25
with a long opt-out reply waiting in Needs review; replies drawn from ten realistic texts,
one in 10,000 holding a rare word) by bulk insert, then times the whole Conversations page
of every folder (a signed-in ``GET /conversations?folder=…`` through the app: its queries,
counts and template), the first and the eleventh page of every folder, the folder counts,
and searches by a whole number, part of a number, a common word, a rare word and a date
range. Each is printed at both sizes with the ratio of the larger to the smaller: work that
grew with the data would show a ratio near the ratio of the sizes. The last line is the
worst ratio of the pages. Figures are printed; nothing is asserted.

    .venv/bin/python benchmarks/conversations.py --sizes 10000 1000000
    .venv/bin/python benchmarks/conversations.py --url postgresql+psycopg://postgres@127.0.0.1/bench
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert, text
from sqlalchemy.orm import Session

with warnings.catch_warnings():  # starlette would rather have httpx2; httpx serves here
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from optout.api.app import create_app
from optout.config import Settings
from optout.services.conversation_search import Filters, read_filters
from optout.services.conversations import (
    Folder,
    count_folder,
    count_unreviewed_auto_opt_outs,
    list_conversations,
)
from optout.services.reviews import count_needs_review, needs_review
from optout.services.users import create_user
from optout.store.engine import make_engine, make_session_factory, upgrade
from optout.store.tables import Account, Contact, Conversation, Message, OptEvent

BASE = datetime(2026, 1, 1, tzinfo=UTC)
EMAIL, PASSWORD = "bench@bench.test", "bench password 1"
BODY = "please remove me from your list"
REPLIES = [
    "Yes please, 10am works for me",
    "Can I move my appointment to Friday?",
    "ok thanks",
    "Is the clinic open on Saturday?",
    "Who is this?",
    "See you then",
    "Running 10 minutes late",
    "Do you take walk-ins?",
    "Thank you so much!",
    "What should I bring?",
]
LONG = BODY + ". " + "I have moved away and the reminders are no use to me now. " * 4


def _waits(index: int, source: str | None) -> bool:
    return source is None and index % 25 == 1


def _body(index: int, source: str | None) -> str:
    if source == "auto":
        return BODY
    if _waits(index, source):
        return LONG
    if index % 10_000 == 7:
        return "is the giraffe exhibit open"
    return REPLIES[index % len(REPLIES)]


def _rows(index: int) -> dict[str, dict[str, Any]]:
    at = BASE + timedelta(seconds=index)
    source = ("auto" if index % 10 == 0 else "keyword") if index % 2 == 0 else None
    contact = {
        "id": index,
        "account_id": 1,
        "number": f"+1202{2_000_000 + index:07d}",
        "created_at": at,
        "status": "active",  # then set from the events (the database ties the two)
    }
    conversation = {
        "id": index,
        "account_id": 1,
        "contact_id": index,
        "last_message_at": at,
        "last_message_body": _body(index, source),
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
        "body": _body(index, source),
        "created_at": at,
        "span_start": 7,
        "span_end": 16,
        "reason": 'remove from list: "remove me"',
        "action": "opt_out" if source == "auto" else "none",
        "trigger": "auto" if source == "auto" or _waits(index, source) else None,
        "exclusion": "too_long" if _waits(index, source) else None,
        "confidence": 0.9,
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
    with make_session_factory(engine)() as session, session.begin():
        account = session.get_one(Account, 1)
        create_user(session, account=account, email=EMAIL, password=PASSWORD)


def timed(run: Callable[[], object], repeat: int = 5) -> float:
    """Return the best wall time of ``run`` in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best * 1000


def operations(session: Session, count: int) -> dict[str, Callable[[], object]]:
    """Return what to time: every folder's pages, the counts, and each kind of search."""
    found: dict[str, Callable[[], object]] = {}
    for folder in Folder:
        after = None
        for _ in range(10):
            after = _page(session, folder, after, Filters()).next
        found[f"{folder.value} page 1"] = partial(_page, session, folder, None, Filters())
        found[f"{folder.value} page 11"] = partial(_page, session, folder, after, Filters())
    found["folder counts"] = partial(_counts, session)
    middle = BASE + timedelta(seconds=count // 2)
    digits = f"{2_000_000 + count // 2 + 1:07d}"
    searches = {
        "whole number": (f"(202) {digits[:3]}-{digits[3:]}", None, None),
        "part of a number": (digits[2:], None, None),
        "common word": ("appointment", None, None),
        "rare word": ("giraffe", None, None),
        "one day": (None, middle.date().isoformat(), middle.date().isoformat()),
    }
    for name, (q, since, until) in searches.items():
        filters = read_filters(q, since, until)
        found[f"search {name}"] = partial(_page, session, Folder.ALL, None, filters)
        found[f"count {name}"] = partial(
            count_folder, session, account_id=1, folder=Folder.ALL, filters=filters
        )
    return found


def _page(session: Session, folder: Folder, after: str | None, filters: Filters) -> Any:
    if folder is Folder.REVIEW:
        return needs_review(session, account_id=1, after=after, filters=filters)
    return list_conversations(session, account_id=1, folder=folder, after=after, filters=filters)


def _counts(session: Session) -> None:
    for folder in (Folder.ALL, Folder.OPTED_OUT):
        count_folder(session, account_id=1, folder=folder)
    count_needs_review(session, account_id=1)
    count_unreviewed_auto_opt_outs(session, account_id=1)


def measure(url: str, count: int) -> dict[str, float]:
    """Return the best time of each operation in milliseconds, the whole pages first."""
    results = pages(url)
    engine = make_engine(url)
    with make_session_factory(engine)() as session:
        results |= {name: timed(run) for name, run in operations(session, count).items()}
    engine.dispose()
    return results


def pages(url: str) -> dict[str, float]:
    """Return the best time of each folder's whole page, signed in, through the app."""
    with TestClient(create_app(Settings(database_url=url))) as client:
        login = client.get("/login").text
        token = login.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
        form = {"email": EMAIL, "password": PASSWORD, "csrf_token": token}
        signed_in = client.post("/login", data=form, follow_redirects=False)
        assert signed_in.headers.get("location") == "/conversations", "could not sign in"

        def page(folder: Folder) -> None:
            response = client.get(f"/conversations?folder={folder.value}")
            assert response.status_code == 200 and "conversation" in response.text

        return {f"PAGE {folder.value}": timed(partial(page, folder), 7) for folder in Folder}


def _seeded(url: str, count: int) -> str:
    upgrade(url)
    engine = make_engine(url)
    started = time.perf_counter()
    seed(engine, count)
    engine.dispose()
    print(f"seeded {count:,} conversations in {time.perf_counter() - started:.1f} s", flush=True)
    return url


def _best(runs: list[dict[str, float]]) -> dict[str, float]:
    return {name: min(run[name] for run in runs) for name in runs[0]}


def main() -> None:
    """Seed a database per size (SQLite in a temporary folder unless --url), measure.

    Both SQLite files are kept and measured in turn, round after round, so that a machine
    busier during one size than the other does not pass for growth; each figure is the best
    of its rounds. A ``--url`` database is emptied between sizes and measured once per size.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--url", help="an empty database, emptied between sizes; default: temporary SQLite files"
    )
    parser.add_argument("--sizes", type=int, nargs=2, default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=3, help="SQLite: turns at each size")
    args = parser.parse_args()
    small, large = args.sizes
    runs: dict[int, list[dict[str, float]]] = {small: [], large: []}
    with tempfile.TemporaryDirectory() as folder:
        if args.url:
            runs[small].append(measure(_seeded(args.url, small), small))
            _empty(args.url)
            runs[large].append(measure(_seeded(args.url, large), large))
        else:
            urls = {n: _seeded(f"sqlite:///{Path(folder) / f'bench-{n}.sqlite3'}", n) for n in runs}
            for _ in range(args.rounds):
                for count, url in urls.items():
                    runs[count].append(measure(url, count))
    _report(small, _best(runs[small]), large, _best(runs[large]))


def _report(small: int, first: dict[str, float], large: int, second: dict[str, float]) -> None:
    print(f"{'':24} {small:>10,} {large:>10,}   ratio")
    for name, ms in first.items():
        print(f"{name:24} {ms:8.2f}ms {second[name]:8.2f}ms {second[name] / ms:6.2f}x")
    ratios = {name: second[name] / ms for name, ms in first.items() if name.startswith("PAGE")}
    worst = max(ratios, key=ratios.__getitem__)
    print(
        f"Conversations page at {large:,} vs {small:,} conversations: {ratios[worst]:.2f}x "
        f"at worst ({worst.removeprefix('PAGE ')}), "
        + ", ".join(f"{name.removeprefix('PAGE ')} {r:.2f}x" for name, r in ratios.items())
    )


def _empty(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE opt_events DISABLE TRIGGER opt_events_no_truncate"))
        names = ", ".join(("message_reviews", "opt_events", "messages", "conversations"))
        connection.execute(text(f"TRUNCATE {names}, contacts, users, accounts CASCADE"))
        connection.execute(text("ALTER TABLE opt_events ENABLE TRIGGER opt_events_no_truncate"))
    engine.dispose()


if __name__ == "__main__":
    main()
