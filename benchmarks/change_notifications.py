"""What announcing changes costs an inbound reply on PostgreSQL (migration 0014's triggers).

Replies are committed through ``receive_inbound`` (the real detector and database, one
transaction each) from several threads at once, with the ``*_notify_change`` triggers
enabled and then disabled, in interleaved rounds on the same database, while a listener
drains the channel as a running server's does. Printed: replies per second each way per
round, each round's ratio (on / off) and the median ratio. Nothing is asserted.

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
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from optout.detect import Detector
from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.change_feed import CHANNEL, conninfo
from optout.store.engine import make_engine, make_session_factory
from optout.store.tables import Account
from service import REPLIES, database, make_account  # the sibling benchmark (on the path)

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
        ratios = []
        for round_ in range(args.rounds):
            rates = {}
            for enabled in (True, False) if round_ % 2 == 0 else (False, True):
                set_triggers(factory, enabled)
                rates[enabled] = commit_replies(
                    factory, detector, account_id, args.replies, args.threads
                )
            ratios.append(rates[True] / rates[False])
            print(
                f"round {round_ + 1}: announced {rates[True]:7.1f}/s  silent {rates[False]:7.1f}/s"
                f"  ratio {ratios[-1]:.3f}"
            )
        stop.set()
        listener.join()
        set_triggers(factory, True)
        engine.dispose()
    print(
        f"median ratio announced / silent: {statistics.median(ratios):.3f} "
        f"(range {min(ratios):.3f}-{max(ratios):.3f}, {args.threads} threads)"
    )


if __name__ == "__main__":
    main()
