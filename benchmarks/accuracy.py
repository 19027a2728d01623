"""Detector accuracy on every labelled set, for this checkout or an earlier release beside it.

Run it once per release in the same session to compare (the previous release's ``src`` first
on ``PYTHONPATH``). Labelled files are read here, not through the package, so an older
release is measured on exactly the same replies; a release that takes no context is asked
without it. Figures are printed, never asserted.

    .venv/bin/python benchmarks/accuracy.py
    PYTHONPATH=../previous/src .venv/bin/python benchmarks/accuracy.py
"""

from __future__ import annotations

import inspect
import json
import random
import sys
from pathlib import Path

from optout.detect import Detector

CORPUS = Path(__file__).resolve().parents[1] / "src/optout/detect/corpus"
sys.path.insert(0, str(CORPUS))  # this checkout's noise, whichever release is measured
from variants import real_variant  # noqa: E402

REAL_SMS = Path(__file__).resolve().parents[2] / "shared/eval/real-sms"
OPT_OUT_LABELS = {"KW", "AUTO", "OUT"}
NOISY_SEED = 20261207
MEASURES = (
    "heldout.tsv",
    "probe.tsv",
    "probe2.tsv",
    "probe3.jsonl",
    "probe4.jsonl",
    "probe5.jsonl",
    "probe8.jsonl",
    "probe9.jsonl",
    "probe10.jsonl",
    "probe11.jsonl",
)
"""Sets never tuned on: the held-out split and the probes, each measured once when added."""
DEVELOPMENT = (
    "probe6.jsonl",
    "probe7.jsonl",
    "dev.jsonl",
    "dev2.jsonl",
    "dev3.jsonl",
    "dev4.jsonl",
    "dev5.jsonl",
    "dev6.jsonl",
    "dev7.jsonl",
    "dev8.jsonl",
    "dev9.jsonl",
    "dev10.jsonl",
    "dev11.jsonl",
    "dev12.jsonl",
    "dev13.jsonl",
    "dev14.jsonl",
    "dev15.jsonl",
    "dev16.jsonl",
    "dev17.jsonl",
    "dev18.jsonl",
    "dev19.jsonl",
    "dev20.jsonl",
    "dev21.jsonl",
    "dev22.jsonl",
    "dev23.jsonl",
    "dev24.jsonl",
)
"""Sets written blind, measured once, then read for what the detector missed."""
NOISY_PER_REPLY = 3


def labelled(path: Path) -> list[tuple[str, str, str | None]]:
    """Return (label, body, prompt) for each scored line of a TSV or JSON-lines file."""
    rows = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("{"):
            item = json.loads(line)
            rows.append((item["label"], item["body"], item.get("prompt")))
        else:
            label, _, text = line.partition("\t")
            rows.append((label, text, None))
    return [row for row in rows if row[0] != "SKIP"]


def opted_out(detector: Detector, texts: list[str], prompts: list[str | None]) -> list[bool]:
    """Return whether each reply is found to be an opt-out (applied or excluded)."""
    if "contexts" in inspect.signature(detector.decide_many).parameters:
        from optout.domain import ReplyContext

        contexts = [ReplyContext(prompt=p) if p else None for p in prompts]
        decisions = detector.decide_many(texts, contexts=contexts)
    else:
        decisions = detector.decide_many(texts)
    return [d.action.value == "opt_out" or d.exclusion is not None for d in decisions]


def score(detector: Detector, rows: list[tuple[str, str, str | None]]) -> str:
    """Return recall and false-positive rate on labelled rows."""
    found = opted_out(detector, [r[1] for r in rows], [r[2] for r in rows])
    positives = [f for (label, _, _), f in zip(rows, found, strict=True) if label in OPT_OUT_LABELS]
    negatives = [f for (label, _, _), f in zip(rows, found, strict=True) if label == "NONE"]
    recall = sum(positives) / max(len(positives), 1)
    false = sum(negatives) / max(len(negatives), 1)
    return f"recall {recall:.3f} ({len(positives)})  false positives {false:.2%} ({len(negatives)})"


def main() -> None:
    """Print each set's figures."""
    detector = Detector()
    for name in (*MEASURES, *DEVELOPMENT):
        if (CORPUS / name).exists():
            tuned = "  (development set: tuned on)" if name in DEVELOPMENT else ""
            print(f"{name:14} {score(detector, labelled(CORPUS / name))}{tuned}")
    rng = random.Random(NOISY_SEED)
    held = labelled(CORPUS / "heldout.tsv")
    noisy = [
        (label, real_variant(text, rng), None)
        for label, text, _ in held
        if label in OPT_OUT_LABELS | {"NONE"}
        for _ in range(NOISY_PER_REPLY)
    ]
    print(f"{'noisy heldout':14} {score(detector, noisy)}")
    ordinary = [t for t in (REAL_SMS / "ordinary.txt").read_text().split("\n") if t.strip()]
    hits = sum(opted_out(detector, ordinary, [None] * len(ordinary)))
    print(
        f"{'ordinary SMS':14} false opt-outs {hits} of {len(ordinary)} ({hits / len(ordinary):.3%})"
    )
    real = [t for t in (REAL_SMS / "optout.txt").read_text().split("\n") if t.strip()]
    print(
        f"{'real opt-outs':14} {sum(opted_out(detector, real, [None] * len(real)))} of {len(real)}"
    )


if __name__ == "__main__":
    main()
