"""Build the detector's labelled corpus (``train.tsv``, ``heldout.tsv``) from hand-written seeds.

A build-time tool, never imported by the package: run it as
``python src/optout/detect/corpus/build.py`` (``--check`` verifies the committed files instead of
writing them). Everything is deterministic: fixed seeds, sorted inputs, no clock.

Each split has its own seed directory (``seeds/train``, ``seeds/heldout``) written in different
voices, with files named ``LABEL.family.txt`` holding one hand-written reply per line, and
``_*.txt`` pools of greetings, sign-offs and lead-ins used to frame them (the noise itself is in
``variants.py``). Standard keywords are generated as surface forms (case, punctuation, spacing,
full-width, stop-sign emoji) and the forms are dealt to the two splits so that no line appears in
both. Only the standard library is used.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# Imported as part of the package (and by mypy) or run as a script with this folder on sys.path.
if TYPE_CHECKING or __package__:
    from optout.detect.corpus.variants import (
        Pools,
        real_variant,
        strip_accents,
        surface_forms,
        variant,
    )
else:
    from variants import Pools, real_variant, strip_accents, surface_forms, variant

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
SPLITS = ("train", "heldout")
LABELS = ("KW", "AUTO", "OUT", "IN", "HELP", "NONE", "SKIP")
SEED = 20241126

# How many lines each label should reach per split; every seed is used at least once as written,
# and the rest are framed or noisy variants spread evenly over the seeds.
TARGETS: dict[str, dict[str, int]] = {
    "train": {"AUTO": 6000, "NONE": 6800, "IN": 120, "HELP": 80, "OUT": 34, "SKIP": 24},
    "heldout": {"AUTO": 690, "NONE": 860, "IN": 30, "HELP": 24, "OUT": 10, "SKIP": 8},
}
# The train split gives every seed the same number of variants, each from a generator of its
# own, and orders lines by seed: a new seed adds its lines and moves none. Per seed, as written
# plus: framed or noisy variants, and variants mangled as real phones mangle them.
TRAIN_VARIANTS = {"AUTO": 1, "NONE": 1, "IN": 1, "HELP": 1, "OUT": 1, "SKIP": 0}
TRAIN_REAL_VARIANTS = {"AUTO": 1, "NONE": 1, "IN": 0, "HELP": 0, "OUT": 0, "SKIP": 0}
# Not-opt-out families that reuse the opt-out words in another sense get twice the variants, so
# most NONE lines are hard negatives rather than ordinary chat.
HARD_NEGATIVES = {
    "cancel_end", "channel_pref", "decline", "list_number", "long", "negated", "other_sense",
    "remove_other", "stay_on", "stop_other", "text_talk", "wrong_other",
}  # fmt: skip
# Lead-ins say who is writing ("This is Mark, Ella's dad"), which would contradict a wrong number.
NO_LEADIN = {"wrong_number"}
# Labels whose held-out seeds must be new sentences, not just new spellings of train ones.
OPEN_LABELS = {"AUTO", "NONE", "IN"}
# Generated keyword forms are whole messages: never framed or noised.
FIXED_FAMILIES = {("IN", "keyword"), ("HELP", "keyword"), ("KW", "keyword")}

OPT_OUT_TERMS = (
    "stop", "end", "cancel", "unsubscribe", "quit", "stopall", "stop all", "revoke",
    "optout", "opt out", "opt-out",
)  # fmt: skip
OPT_IN_TERMS = ("start", "unstop")
# Forms the corpus must hold whatever the sampling deals (deduplicated against the sample).
REQUIRED = {
    "KW": [
        "Stop",
        "STOP.",
        " stop ",
        "Stop!!",
        "ＳＴＯＰ",
        "OPT-OUT",
        "stop all",
        "Unsubscribe.",
        "🛑 STOP",
    ],
    "IN": ["Start", "Unstop", "START.", "unstop!"],
    "HELP": ["Help", "Info?", "HELP.", "info"],
}
HELP_TERMS = ("help", "info")


# Hand-written replies keyed by (label, family).
SeedMap = dict[tuple[str, str], list[str]]


@dataclass(frozen=True)
class Example:
    """One labelled reply, the family it was written for and the seed it was made from."""

    label: str
    family: str
    text: str
    seed: str

    @property
    def group(self) -> str:
        """Return a stable id shared by every line made from the same seed."""
        return hashlib.sha1(f"{self.label}\t{self.seed}".encode()).hexdigest()[:10]


def load_seeds(split: str) -> SeedMap:
    """Return the hand-written replies of one split keyed by (label, family)."""
    seeds: SeedMap = {}
    for path in sorted((SEEDS / split).glob("[A-Z]*.txt")):
        label, family = path.stem.split(".", 1)
        if label not in LABELS:
            raise SystemExit(f"{path}: unknown label {label!r}; use one of {', '.join(LABELS)}")
        seeds[(label, family)] = read_lines(path)
    return seeds


def read_lines(path: Path) -> list[str]:
    """Return the non-blank, non-comment lines of a seed file, stripped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def load_pools(split: str) -> Pools:
    """Return the greetings, sign-offs and lead-ins of one split."""
    folder = SEEDS / split
    return Pools(*(read_lines(folder / f"_{name}.txt") for name in Pools.__annotations__))


def deal_keywords(rng: random.Random) -> dict[str, list[Example]]:
    """Deal each keyword's surface forms to the splits, about 70% to train.

    The plain upper- and lower-case forms always go to train; the rest are sampled.
    """
    dealt: dict[str, list[Example]] = {split: [] for split in SPLITS}
    groups = (("KW", OPT_OUT_TERMS, 22), ("IN", OPT_IN_TERMS, 18), ("HELP", HELP_TERMS, 16))
    for label, terms, per_term in groups:
        for term in terms:
            plain = [term.upper(), term.lower()]
            forms = [form for form in surface_forms(term, emoji=label == "KW") if form not in plain]
            forms = plain + rng.sample(forms, per_term - len(plain))
            cut = round(per_term * 0.7)
            dealt["train"] += [Example(label, "keyword", form, term) for form in forms[:cut]]
            dealt["heldout"] += [Example(label, "keyword", form, term) for form in forms[cut:]]
        for form in REQUIRED[label]:
            dealt["train"].append(Example(label, "keyword", form, keyword_of(form, terms)))
    return dealt


def keyword_of(form: str, terms: Iterable[str]) -> str:
    """Return the standard term a surface form spells, so its group matches the term's."""
    key = normal_key(unicodedata.normalize("NFKC", form))
    return next(term for term in terms if normal_key(term) == key)


def expand(seeds: SeedMap, split: str, rng: random.Random) -> list[Example]:
    """Return each seed as written plus variants until every label reaches its target."""
    pools = load_pools(split)
    examples: list[Example] = []
    for label, target in TARGETS[split].items():
        pairs = [
            (fam, text) for (lab, fam), texts in seeds.items() if lab == label for text in texts
        ]
        examples += [Example(label, fam, text, text) for fam, text in pairs]
        seen = {text for _fam, text in pairs}
        cycle = [pair for pair in pairs if (label, pair[0]) not in FIXED_FAMILIES]
        cycle += [pair for pair in cycle if pair[0] in HARD_NEGATIVES]
        for attempt in range(target * 20):
            if len(seen) >= target or not cycle:
                break
            fam, text = cycle[attempt % len(cycle)]
            noisy = variant(text, pools, rng, leadin=fam not in NO_LEADIN)
            if noisy not in seen and noisy.strip():
                seen.add(noisy)
                examples.append(Example(label, fam, noisy, text))
    return examples


def expand_stably(seeds: SeedMap, split: str) -> list[Example]:
    """Return each seed as written plus a fixed number of variants made from the seed alone.

    Each seed's variants come from a generator seeded by the seed itself, so adding or
    removing a seed changes no other seed's lines; hard negatives get twice the variants.
    """
    pools = load_pools(split)
    examples: list[Example] = []
    for (label, fam), texts in sorted(seeds.items()):
        fixed = (label, fam) in FIXED_FAMILIES
        repeat = 2 if fam in HARD_NEGATIVES else 1
        for text in texts:
            rng = random.Random(f"{SEED}:{split}:{label}:{text}")
            lines = [text]
            for _ in range(0 if fixed else TRAIN_VARIANTS[label] * repeat):
                lines.append(variant(text, pools, rng, leadin=fam not in NO_LEADIN))
            for _ in range(0 if fixed else TRAIN_REAL_VARIANTS[label] * repeat):
                lines.append(real_variant(text, rng))
            unique = [line for line in dict.fromkeys(lines) if line.strip()]
            examples += [Example(label, fam, line, text) for line in unique]
    return examples


def dedupe(examples: Iterable[Example], taken: set[str]) -> list[Example]:
    """Drop lines whose text was already used (in this split or in train)."""
    kept: list[Example] = []
    for example in examples:
        if example.text not in taken:
            taken.add(example.text)
            kept.append(example)
    return kept


def normal_key(text: str) -> str:
    """Return a reply reduced to lower-case letters and digits, for overlap checks."""
    return " ".join(re.sub(r"[^\w]+", " ", strip_accents(text).casefold()).split())


def check_seed_overlap(train: SeedMap, held: SeedMap) -> None:
    """Refuse held-out seeds that are a train seed in other case or punctuation.

    Short closed sets (help requests, polite keyword opt-outs, skips) only need to differ exactly.
    """

    def key(label: str, text: str) -> str:
        return normal_key(text) if label in OPEN_LABELS and normal_key(text) else text

    train_keys = {key(label, text) for (label, _), texts in train.items() for text in texts}
    clashes = [
        text
        for (label, _), texts in held.items()
        for text in texts
        if key(label, text) in train_keys
    ]
    if clashes:
        raise SystemExit("held-out seeds repeat train seeds:\n  " + "\n  ".join(clashes))


def check_consistency(seeds: dict[str, SeedMap], keywords: dict[str, list[Example]]) -> None:
    """Refuse the same reply (up to case, accents and punctuation) under two labels."""
    labels: dict[str, set[str]] = {}
    pairs = [
        (lab, text)
        for split in seeds.values()
        for (lab, _), texts in split.items()
        for text in texts
    ]
    pairs += [(example.label, example.text) for dealt in keywords.values() for example in dealt]
    for label, text in pairs:
        labels.setdefault(normal_key(text) or text, set()).add(label)
    clashes = sorted(f"{key!r}: {sorted(found)}" for key, found in labels.items() if len(found) > 1)
    if clashes:
        raise SystemExit("replies labelled two ways:\n  " + "\n  ".join(clashes))


def validate(examples: list[Example]) -> None:
    """Refuse unknown labels, empty texts and texts that would break the TSV format."""
    for example in examples:
        if example.label not in LABELS or not example.text.strip():
            raise SystemExit(f"bad example: {example}")
        if example.text.startswith("#"):  # readers skip lines starting with '#' as comments
            raise SystemExit(f"text starts with '#': {example.text!r}")
        if any(char in example.text for char in "\t\r\n"):
            raise SystemExit(f"tab or newline in: {example.text!r}")


def build() -> dict[str, list[Example]]:
    """Return the examples of both splits, shuffled, with no text shared between them."""
    rng = random.Random(SEED)
    keywords = deal_keywords(rng)
    seeds = {split: load_seeds(split) for split in SPLITS}
    check_seed_overlap(seeds["train"], seeds["heldout"])
    check_consistency(seeds, keywords)
    taken: set[str] = set()
    result: dict[str, list[Example]] = {}
    for split in reversed(SPLITS):
        # Each split draws from its own generator and held-out is dealt first, so growing
        # train never changes held-out: a train line that happens to equal one is dropped.
        split_rng = random.Random(f"{SEED}:{split}")
        if split == "train":
            examples = dedupe(keywords[split] + expand_stably(seeds[split], split), taken)
            examples.sort(key=lambda example: (example.group, example.text))
        else:
            examples = dedupe(keywords[split] + expand(seeds[split], split, split_rng), taken)
            split_rng.shuffle(examples)
        validate(examples)
        result[split] = examples
    return result


def render(examples: list[Example]) -> str:
    """Return the TSV text of a split."""
    return "".join(f"{example.label}\t{example.text}\n" for example in examples)


def render_groups(examples: list[Example]) -> str:
    """Return ``family<TAB>group`` for each line of a split, in the same order.

    Lines made from one seed share a group, so cross-validation can keep them in one fold.
    """
    return "".join(f"{example.label}.{example.family}\t{example.group}\n" for example in examples)


def manifest(splits: dict[str, list[Example]]) -> str:
    """Return the JSON count of lines per split, label and family."""
    counts: dict[str, dict[str, int]] = {}
    for split, examples in splits.items():
        tally = Counter(f"{example.label}.{example.family}" for example in examples)
        counts[split] = dict(sorted(tally.items()))
        counts[split]["total"] = len(examples)
    return json.dumps(counts, indent=2, ensure_ascii=False) + "\n"


def outputs() -> dict[Path, str]:
    """Return every file the build produces and its content."""
    splits = build()
    files = {HERE / f"{split}.tsv": render(examples) for split, examples in splits.items()}
    for split, examples in splits.items():
        files[HERE / f"{split}.groups.tsv"] = render_groups(examples)
    files[HERE / "manifest.json"] = manifest(splits)
    return files


def summary(files: dict[Path, str]) -> str:
    """Return one line per split with its count of lines per label."""
    lines = []
    for path, content in files.items():
        if path.name in {f"{split}.tsv" for split in SPLITS}:
            tally = Counter(line.split("\t", 1)[0] for line in content.splitlines())
            counts = " ".join(f"{label}={tally[label]}" for label in LABELS)
            lines.append(f"{path.name}: {sum(tally.values())} lines  {counts}\n")
    return "".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Write the corpus files, or with ``--check`` verify the committed ones are current."""
    parser = argparse.ArgumentParser(description="Build the detector's labelled corpus.")
    parser.add_argument("--check", action="store_true", help="verify instead of writing")
    args = parser.parse_args(argv)
    files = outputs()
    stale = [path.name for path, content in files.items() if not _current(path, content)]
    if args.check and stale:
        sys.stderr.write(f"out of date: {', '.join(stale)}; run build.py to regenerate\n")
        return 1
    if not args.check:
        for path, content in files.items():
            path.write_bytes(content.encode("utf-8"))
    sys.stdout.write(summary(files))
    return 0


def _current(path: Path, content: str) -> bool:
    """Return whether a file already holds exactly these bytes."""
    return path.exists() and path.read_bytes() == content.encode("utf-8")


if __name__ == "__main__":
    sys.exit(main())
