"""Build the detector's labelled corpus (``train.tsv``, ``heldout.tsv``) from hand-written seeds.

A build-time tool, never imported by the package: run it as
``python src/optout/detect/corpus/build.py`` (``--check`` verifies the committed files instead of
writing them). Everything is deterministic: fixed seeds, sorted inputs, no clock.

Each split has its own seed directory (``seeds/train``, ``seeds/heldout``) written in different
voices, with files named ``LABEL.family.txt`` holding one hand-written reply per line, and
``_*.txt`` pools of greetings, sign-offs and lead-ins used to frame them. Standard keywords are
generated here as surface forms (case, punctuation, spacing, full-width, stop-sign emoji) and the
forms are dealt to the two splits so that no line appears in both.
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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "seeds"
SPLITS = ("train", "heldout")
LABELS = ("KW", "AUTO", "OUT", "IN", "HELP", "NONE", "SKIP")
SEED = 20241126

# How many lines each label should reach per split; every seed is used at least once as written,
# and the rest are framed or noisy variants spread evenly over the seeds.
TARGETS: dict[str, dict[str, int]] = {
    "train": {"AUTO": 2600, "NONE": 3250, "IN": 90, "HELP": 60, "OUT": 34, "SKIP": 24},
    "heldout": {"AUTO": 660, "NONE": 820, "IN": 30, "HELP": 24, "OUT": 10, "SKIP": 8},
}
# Labels whose seeds are whole, fixed messages: never framed or noised beyond case.
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
FIXED_FAMILIES = {("IN", "keyword"), ("HELP", "keyword"), ("KW", "keyword")}

OPT_OUT_TERMS = (
    "stop", "end", "cancel", "unsubscribe", "quit", "stopall", "stop all", "revoke",
    "optout", "opt out", "opt-out",
)  # fmt: skip
OPT_IN_TERMS = ("start", "unstop")
HELP_TERMS = ("help", "info")

ENDINGS = ("", "", ".", "!", "!!", "!!!", "...", " .", "?!", " 🙄", " 😡", " 🙏")
SMS_SPELLING = (
    (r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bplease\b", "pls"), (r"\bplease\b", "plz"),
    (r"\btext\b", "txt"), (r"\btexts\b", "txts"), (r"\bdon't\b", "dont"), (r"\bcan't\b", "cant"),
    (r"\bI'm\b", "im"), (r"\bmessages\b", "msgs"), (r"\bmessage\b", "msg"), (r"\bthanks\b", "thx"),
    (r"\bthank you\b", "ty"), (r"\bare\b", "r"), (r"\bbecause\b", "bc"), (r"\bfor\b", "4"),
    (r"\bokay\b", "ok"), (r"\bnumber\b", "#"), (r"\bright now\b", "rn"), (r"\bwith\b", "w/"),
)  # fmt: skip


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


@dataclass(frozen=True)
class Pools:
    """The framing material of one split."""

    greetings: list[str]
    signoffs: list[str]
    leadins: list[str]


def read_lines(path: Path) -> list[str]:
    """Return the non-blank, non-comment lines of a seed file, stripped."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def load_seeds(split: str) -> SeedMap:
    """Return the hand-written replies of one split keyed by (label, family)."""
    seeds: SeedMap = {}
    for path in sorted((SEEDS / split).glob("[A-Z]*.txt")):
        label, family = path.stem.split(".", 1)
        if label not in LABELS:
            raise SystemExit(f"{path}: unknown label {label!r}; use one of {', '.join(LABELS)}")
        seeds[(label, family)] = read_lines(path)
    return seeds


def load_pools(split: str) -> Pools:
    """Return the greetings, sign-offs and lead-ins of one split."""
    folder = SEEDS / split
    return Pools(*(read_lines(folder / f"_{name}.txt") for name in Pools.__annotations__))


def surface_forms(term: str, *, emoji: bool) -> list[str]:
    """Return the ways a standard keyword is typed as a whole message."""
    words = [term.upper(), term.lower(), term.title(), term.capitalize()]
    if " " in term:
        words += [term.replace(" ", "  ").upper(), term.replace(" ", "").title()]
    forms: list[str] = []
    for word in dict.fromkeys(words):
        forms += [word, f"{word}.", f"{word}!", f"{word}!!", f" {word} ", f"{word}?", f'"{word}"']
        forms += [f"*{word}*", f"{word}...", f"'{word}'", word.translate(FULL_WIDTH)]
        if emoji:
            forms += [f"🛑 {word}", f"{word} 🛑", f"🛑{word}"]
    return list(dict.fromkeys(forms))


FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


def deal_keywords(rng: random.Random) -> dict[str, list[Example]]:
    """Deal a sample of each keyword's surface forms to the splits, about 70% to train."""
    dealt: dict[str, list[Example]] = {split: [] for split in SPLITS}
    groups = (("KW", OPT_OUT_TERMS, 22), ("IN", OPT_IN_TERMS, 18), ("HELP", HELP_TERMS, 16))
    for label, terms, per_term in groups:
        for term in terms:
            forms = rng.sample(surface_forms(term, emoji=label == "KW"), per_term)
            cut = round(per_term * 0.7)
            dealt["train"] += [Example(label, "keyword", form, term) for form in forms[:cut]]
            dealt["heldout"] += [Example(label, "keyword", form, term) for form in forms[cut:]]
    return dealt


def sms_spelling(text: str, rng: random.Random) -> str:
    """Rewrite a few words the way people type them on a phone."""
    for pattern, short in SMS_SPELLING:
        if rng.random() < 0.6:
            text = re.sub(pattern, short, text, flags=re.IGNORECASE)
    return text


def typo(text: str, rng: random.Random) -> str:
    """Swap, drop or double one letter in one longer word of a reply of three words or more."""
    words = text.split(" ")
    candidates = [i for i, word in enumerate(words) if len(word) >= 4 and word.isalpha()]
    if not candidates or len(words) < 3:  # a typo in a one- or two-word reply is a new word
        return text
    i = rng.choice(candidates)
    word, k = words[i], rng.randrange(1, len(words[i]) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        word = word[: k - 1] + word[k] + word[k - 1] + word[k + 1 :]
    elif kind == 1:
        word = word[:k] + word[k + 1 :]
    else:
        word = word[:k] + word[k] + word[k:]
    words[i] = word
    return " ".join(words)


def strip_accents(text: str) -> str:
    """Drop accents the way many Spanish speakers type on an English keyboard."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")


def recase(text: str, rng: random.Random) -> str:
    """Change the capitalisation of a reply."""
    roll = rng.random()
    if roll < 0.45:
        return text.lower()
    if roll < 0.55 and len(text) < 90:
        return text.upper()
    return text[:1].upper() + text[1:]


def repunctuate(text: str, rng: random.Random) -> str:
    """Change how a reply ends."""
    bare = text.rstrip(".!? ")
    return bare + rng.choice(
        ["", "", ".", "!", "!!", "!!!", "...", " .", "?!", " 🙄", " 😡", " 🙏"]
    )


def frame(text: str, pools: Pools, rng: random.Random, *, leadin: bool) -> str:
    """Put a greeting, a lead-in (when ``leadin``) or a sign-off around a reply."""
    roll = rng.random()
    if roll < 0.35:
        return join_greeting(rng.choice(pools.greetings), text)
    if roll < 0.6:
        return f"{text} {rng.choice(pools.signoffs)}"
    if roll < 0.8 and leadin:
        return f"{rng.choice(pools.leadins)} {text}"
    return f"{join_greeting(rng.choice(pools.greetings), text)} {rng.choice(pools.signoffs)}"


def join_greeting(greeting: str, text: str) -> str:
    """Put a greeting before a reply, lower-casing its first letter after a comma."""
    if greeting.endswith(",") and text[:2] != "I " and text[:2] != "I'":
        text = text[:1].lower() + text[1:]
    return f"{greeting} {text}"


def variant(text: str, family: str, pools: Pools, rng: random.Random) -> str:
    """Return one noisy, framed variant of a reply (possibly the reply unchanged)."""
    for chance, change in NOISE:
        if rng.random() < chance:
            text = change(text, rng)
    if rng.random() < 0.45:
        text = frame(text, pools, rng, leadin=family not in NO_LEADIN)
    if rng.random() < 0.5:
        text = recase(text, rng)
    return " ".join(text.split()) if "  " in text.strip() else text


# Noise applied to the reply itself, before it is framed and re-cased.
NOISE: tuple[tuple[float, Callable[[str, random.Random], str]], ...] = (
    (0.35, sms_spelling),
    (0.15, typo),
    (0.45, repunctuate),
    (0.15, lambda text, _rng: strip_accents(text)),
)


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
            noisy = variant(text, fam, pools, rng)
            if noisy not in seen and noisy.strip():
                seen.add(noisy)
                examples.append(Example(label, fam, noisy, text))
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
    for split in SPLITS:
        examples = dedupe(keywords[split] + expand(seeds[split], split, rng), taken)
        validate(examples)
        rng.shuffle(examples)
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
            path.write_text(content, encoding="utf-8", newline="\n")
    sys.stdout.write(summary(files))
    return 0


def _current(path: Path, content: str) -> bool:
    return path.exists() and path.read_text(encoding="utf-8") == content


if __name__ == "__main__":
    sys.exit(main())
