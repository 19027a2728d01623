"""What announcing changes costs an inbound reply on PostgreSQL (migration 0015's triggers).

Replies are committed through ``receive_inbound`` (the real detector and database, one
transaction each) from several threads at once, in interleaved rounds on the same database,
three ways: with the ``*_notify_change`` triggers disabled (the baseline), enabled for an
account no page watches (the usual case), and enabled for a watched account (a
Conversations page open during a broadcast), while a listener drains the channel as a
running server's does. Printed: replies per second each way per round, and the median ratio
of each way to the baseline. Nothing is asserted.

    .venv/bin/python benchmarks/change_notifications.py --rounds 7 --replies 400 --threads 8
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from itertools import count

import psycopg
from service import REPLIES, database, make_account  # the sibling benchmark (on the path)
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from optout.detect import Detector
from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.change_feed import CHANNEL, WATCH, conninfo, watch_accounts
from optout.store.engine import make_engine, make_session_factory
from optout.store.tables import Account, utcnow

TABLES = ("messages", "opt_events", "message_reviews")
_numbers = count(1)


def set_triggers(factory: sessionmaker[Session], enabled: bool) -> None:
    """Turn the change triggers on or off."""
    verb = "ENABLE" if enabled else "DISABLE"
    with factory.begin() as session:
        for table in TABLES:
            session.execute(text(f"ALTER TABLE {table} {verb} TRIGGER {table}_notify_change"))


def commit_replies(
    factory: sessionmaker[Session], detector: Detector, account_id: int, n: int, threads: int
) -> float:
    """Commit ``n`` replies from ``threads`` threads; return replies per second."""

    def one(index: int) -> None:
        number = f"+1303{next(_numbers):07d}"
        inbound = InboundMessage(number, "+12025550100", REPLIES[index % len(REPLIES)], number)
        with factory.begin() as session:
            account = session.get_one(Account, account_id)
            receive_inbound(
                session, account=account, detector=detector, inbound=inbound, channel="bench"
            )

    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, range(n)))
    return n / (time.perf_counter() - started)


def drain(url: str, stop: threading.Event) -> None:
    """Listen on the channel and read every notification, as a server process does."""
    with psycopg.connect(conninfo(url), autocommit=True) as connection:
        connection.execute(f"LISTEN {CHANNEL}")
        while not stop.is_set():
            for _note in connection.notifies(timeout=0.5):
                pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--replies", type=int, default=400)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    detector = Detector()
    detector.warm_up()
    with database("postgresql") as url:
        account_id, _key, _inbound = make_account(url)
        engine = make_engine(url, pool_size=args.threads + 2)
        factory = make_session_factory(engine)
        stop = threading.Event()
        listener = threading.Thread(target=drain, args=(url, stop))
        listener.start()
        commit_replies(factory, detector, account_id, args.replies // 4, args.threads)  # warm
        ways = ("silent", "unwatched", "watched")
        ratios: dict[str, list[float]] = {way: [] for way in ways[1:]}
        for round_ in range(args.rounds):
            rates = {}
            for way in ways if round_ % 2 == 0 else ways[::-1]:
                set_triggers(factory, way != "silent")
                watched = utcnow() if way == "watched" else utcnow() - WATCH * 2
                with factory.begin() as session:
                    watch_accounts(session, account_ids=[account_id], now=watched)
                rates[way] = commit_replies(
                    factory, detector, account_id, args.replies, args.threads
                )
            for way in ways[1:]:
                ratios[way].append(rates[way] / rates["silent"])
            print(f"round {round_ + 1}: " + "  ".join(f"{w} {rates[w]:6.1f}/s" for w in ways))
        stop.set()
        listener.join()
        set_triggers(factory, True)
        engine.dispose()
    for way, values in ratios.items():
        print(
            f"{way} / silent: median {statistics.median(values):.3f} "
            f"(range {min(values):.3f}-{max(values):.3f}, {args.threads} threads)"
        )


if __name__ == "__main__":
    main()
