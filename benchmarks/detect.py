"""Detector throughput against Spoke's default auto-optout regex, and single-reply latency.

Both run in this process over the same replies (by default the 49k ordinary SMS in
``../shared/eval/real-sms/ordinary.txt``). Other processes share the machine, so both are
warmed up first and then timed in interleaved rounds, alternating which goes first; the
ratio is taken round by round and reported as the median with its spread (min–max), so a
busy spell slows both sides of one ratio alike. Figures are printed, never asserted.

    .venv/bin/python benchmarks/detect.py [PATH] [--rounds N]
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from optout.detect import Detector
from optout.detect.screen import which_may_opt_out

DEFAULT_REPLIES = Path(__file__).resolve().parents[2] / "shared/eval/real-sms/ordinary.txt"
ROUNDS = 11
SPOKE_AUTO_OPTOUT = re.compile(
    r"^\s*stop\b|\bremove me\s*$|remove my name|\btake me off th\w+ list|\blose my number|"
    r"don\W?t contact me|delete my number|I opt out|stop2quit|stopall|^\s*unsubscribe\s*$|"
    r"^\s*cancel\s*$|^\s*end\s*$|^\s*quit\s*$",
    re.IGNORECASE,
)
"""Spoke's default auto-optout pattern, searched in each reply as Spoke does."""


def spoke_many(texts: list[str]) -> list[bool]:
    """Return whether Spoke's regex flags each reply."""
    search = SPOKE_AUTO_OPTOUT.search
    return [search(text) is not None for text in texts]


def timed(run: Callable[[], object]) -> float:
    """Return the wall-clock seconds of one call."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def interleaved(
    ours: Callable[[], object], theirs: Callable[[], object], rounds: int
) -> tuple[list[float], list[float]]:
    """Return per-round times of both, alternating which of the two runs first."""
    mine: list[float] = []
    spoke: list[float] = []
    for round_ in range(rounds):
        if round_ % 2:
            spoke.append(timed(theirs))
            mine.append(timed(ours))
        else:
            mine.append(timed(ours))
            spoke.append(timed(theirs))
    return mine, spoke


def latencies(detector: Detector, texts: list[str]) -> list[float]:
    """Return the time of ``decide`` on each reply alone, in milliseconds."""
    timings = []
    clock = time.perf_counter_ns
    for text in texts:
        start = clock()
        detector.decide(text)
        timings.append((clock() - start) / 1e6)
    return timings


def percentile(values: list[float], share: float) -> float:
    """Return the ``share`` quantile of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    """Print throughput ratio and latency figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_REPLIES)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    texts = [line for line in args.path.read_text(encoding="utf-8").split("\n") if line]
    detector = Detector()
    for _ in range(2):  # warm up: model loaded, word caches filled, regexes compiled
        detector.decide_many(texts)
        spoke_many(texts)
    mine, spoke = interleaved(
        lambda: detector.decide_many(texts), lambda: spoke_many(texts), args.rounds
    )
    ratios = sorted(theirs / ours for ours, theirs in zip(mine, spoke, strict=True))
    single = latencies(detector, texts)
    flagged = sum(d.opts_out for d in detector.decide_many(texts))
    looked = len(which_may_opt_out(texts))
    median_mine, median_spoke = statistics.median(mine), statistics.median(spoke)
    print(f"replies: {len(texts)} from {args.path.name}, {args.rounds} interleaved rounds")
    print(f"candidates:          {looked} ({looked / len(texts):.1%}) looked at past the screen")
    print(
        f"spoke regex:         {median_spoke:.3f} s median, "
        f"{len(texts) / median_spoke:,.0f} msgs/s  ({sum(spoke_many(texts))} flagged)"
    )
    print(
        f"decide_many:         {median_mine:.3f} s median, "
        f"{len(texts) / median_mine:,.0f} msgs/s  ({flagged} opted out)"
    )
    print(
        f"throughput ratio:    {statistics.median(ratios):.2f}x Spoke's regex, median "
        f"(spread {ratios[0]:.2f}-{ratios[-1]:.2f}; >= 0.5 wanted)"
    )
    print(f"decide latency p50:  {statistics.median(single):.4f} ms")
    print(f"decide latency p99:  {percentile(single, 0.99):.4f} ms (< 1 ms wanted)")
    print(f"decide latency max:  {max(single):.4f} ms")


if __name__ == "__main__":
    main()
