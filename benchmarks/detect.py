"""Detector throughput against Spoke's default auto-optout regex, and single-reply latency.

Both run in this process over the same replies (by default the 49k ordinary SMS in
``../shared/eval/real-sms/ordinary.txt``); each figure is the best of several interleaved
rounds, so a busy machine slows both alike. Figures are printed as ratios, never asserted.

    .venv/bin/python benchmarks/detect.py [PATH]
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from optout.detect import Detector

DEFAULT_REPLIES = Path(__file__).resolve().parents[2] / "shared/eval/real-sms/ordinary.txt"
ROUNDS = 5
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


def best_time(run: Callable[[], object]) -> float:
    """Return the fastest of one timed call."""
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


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
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_REPLIES
    texts = [line for line in path.read_text(encoding="utf-8").split("\n") if line]
    detector = Detector()
    detector.decide_many(texts)  # warm up: model loaded, word cache filled, regexes compiled
    spoke_many(texts)
    ours, theirs = [], []
    for _ in range(ROUNDS):
        ours.append(best_time(lambda: detector.decide_many(texts)))
        theirs.append(best_time(lambda: spoke_many(texts)))
    single = latencies(detector, texts)
    flagged = sum(d.opts_out for d in detector.decide_many(texts))
    print(f"replies: {len(texts)} from {path.name}")
    print(f"spoke regex:         {min(theirs):.3f} s  ({sum(spoke_many(texts))} flagged)")
    print(f"decide_many:         {min(ours):.3f} s  ({flagged} opted out)")
    print(f"throughput ratio:    {min(theirs) / min(ours):.2f}x Spoke's regex (>= 1.0 wanted)")
    print(f"decide latency p50:  {statistics.median(single):.4f} ms")
    print(f"decide latency p99:  {percentile(single, 0.99):.4f} ms (< 1 ms wanted)")
    print(f"decide latency max:  {max(single):.4f} ms")


if __name__ == "__main__":
    main()
