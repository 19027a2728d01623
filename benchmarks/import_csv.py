"""CSV import benchmark: lines per second of ``optout import-opt-outs``, on SQLite and PostgreSQL.

Writes a CSV of distinct numbers (a ``number`` header, then ``--lines`` US numbers in
national format, a few not numbers at all), creates an account on a fresh database, and
times the real command, progress bar and all, committing a batch at a time. The baseline
is the same file read and every number parsed without touching the database, so the ratio
says how much of the time the database takes. PostgreSQL runs in a database of its own
(``optout_bench_import``, created afresh) on the server named by
``OPTOUT_BENCH_POSTGRES_URL``. Figures are printed; nothing is asserted.

    .venv/bin/python benchmarks/import_csv.py                       # 100,000 lines, both
    .venv/bin/python benchmarks/import_csv.py --lines 1000000 --database postgresql
"""

from __future__ import annotations

import argparse
import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from service import database  # the sibling benchmark's database set-up (this folder is on the path)

from optout.exceptions import InvalidPhoneNumber
from optout.numbers import DEFAULT_REGION, normalise
from optout.services.accounts import create_account
from optout.store.engine import make_engine, make_session_factory

OPTOUT = Path(sys.executable).with_name("optout")
POSTGRES_URL = os.environ.get(
    "OPTOUT_BENCH_POSTGRES_URL",
    "postgresql+psycopg://postgres@127.0.0.1:5432/optout_bench_import",
)


def write_csv(path: Path, lines: int) -> None:
    """Write a header and ``lines`` rows: distinct numbers, one in 1,000 not a number."""
    with path.open("w", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["name", "number"])
        for i in range(lines):
            exchange = 200 + i // 10_000 % 800
            number = f"({201 + i // 8_000_000}) {exchange}-{i % 10_000:04d}"
            writer.writerow([f"n{i}", "not a number" if i % 1000 == 999 else number])


def parse_only(path: Path) -> float:
    """Return the seconds it takes to read the file and parse every number, nothing stored."""
    started = time.perf_counter()
    region = DEFAULT_REGION
    with path.open(newline="") as file:
        for row in csv.reader(file):
            try:
                normalise(row[1], region)
            except InvalidPhoneNumber:
                pass
    return time.perf_counter() - started


def run_import(url: str, path: Path) -> tuple[float, str]:
    """Run ``optout import-opt-outs`` on a new account; return seconds and its summary."""
    engine = make_engine(url)
    with make_session_factory(engine).begin() as session:
        account, _key = create_account(session, name="Bench")
        slug = account.slug
    engine.dispose()
    env = os.environ | {"OPTOUT_DATABASE_URL": url}
    started = time.perf_counter()
    done = subprocess.run(
        [str(OPTOUT), "import-opt-outs", slug, str(path)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - started, done.stdout.strip()


def main() -> None:
    """Print lines per second of an import next to parsing the same file alone."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--lines", type=int, default=100_000)
    args = parser.parse_args()
    kinds = ["sqlite", "postgresql"] if args.database == "both" else [args.database]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "numbers.csv"
        write_csv(path, args.lines)
        baseline = parse_only(path)
        print(f"{args.lines:,} lines; parsing alone: {args.lines / baseline:,.0f} lines/s")
        for kind in kinds:
            with database(kind, POSTGRES_URL) as url:
                seconds, summary = run_import(url, path)
            rate = args.lines / seconds
            print(
                f"{kind:10s} import: {seconds:6.1f} s, {rate:8,.0f} lines/s, "
                f"{seconds / baseline:4.1f}x parsing alone ({summary})"
            )


if __name__ == "__main__":
    main()
