"""How a hand-written reply is varied: framing, SMS spelling, typos, case, punctuation, and the
surface forms of a standard keyword. Part of the corpus build (see ``build.py``); stdlib only.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

ENDINGS = ("", "", ".", "!", "!!", "!!!", "...", " .", "?!", " 🙄", " 😡", " 🙏")
SMS_SPELLING = (
    (r"\byou\b", "u"), (r"\byour\b", "ur"), (r"\bplease\b", "pls"), (r"\bplease\b", "plz"),
    (r"\btext\b", "txt"), (r"\btexts\b", "txts"), (r"\bdon't\b", "dont"), (r"\bcan't\b", "cant"),
    (r"\bI'm\b", "im"), (r"\bmessages\b", "msgs"), (r"\bmessage\b", "msg"), (r"\bthanks\b", "thx"),
    (r"\bthank you\b", "ty"), (r"\bare\b", "r"), (r"\bbecause\b", "bc"), (r"\bfor\b", "4"),
    (r"\bokay\b", "ok"), (r"(?<=\S )number\b", "#"), (r"\bright now\b", "rn"), (r"\bwith\b", "w/"),
)  # fmt: skip
FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


@dataclass(frozen=True)
class Pools:
    """The framing material of one split."""

    greetings: list[str]
    signoffs: list[str]
    leadins: list[str]


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
    return bare + rng.choice(ENDINGS)


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


def variant(text: str, pools: Pools, rng: random.Random, *, leadin: bool) -> str:
    """Return one noisy, framed variant of a reply (possibly the reply unchanged)."""
    for chance, change in NOISE:
        if rng.random() < chance:
            text = change(text, rng)
    if rng.random() < 0.45:
        text = frame(text, pools, rng, leadin=leadin)
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


# How real people mangle a reply on a phone, for the train split only: the held-out split and
# the probes keep the spelling their authors wrote, so that they measure rather than echo this.
KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
LOOK_ALIKES = {"o": "0", "s": "5", "e": "3", "a": "4", "i": "1", "t": "7"}
EMOJI = ("😡", "🙄", "😤", "🤬", "🙏", "😂", "👍", "🛑", "❌", "😒", "💀", "🤦‍♀️", "😭", "✋")
EFFECT_NOTES = (
    " (Sent with Slam Effect)",
    " (sent with Loud Effect)",
    " (Sent with Gentle Effect)",
)


def keyboard_slip(text: str, rng: random.Random) -> str:
    """Replace one letter of one word with a key beside it ("stop" -> "stip")."""
    letters = [i for i, char in enumerate(text) if char.lower() in "".join(KEY_ROWS)]
    if not letters:
        return text
    i = rng.choice(letters)
    row = next(r for r in KEY_ROWS if text[i].lower() in r)
    j = row.index(text[i].lower())
    beside = [row[k] for k in (j - 1, j + 1) if 0 <= k < len(row)]
    return text[:i] + rng.choice(beside) + text[i + 1 :]


def dropped_or_doubled(text: str, rng: random.Random) -> str:
    """Drop or double one letter anywhere, short replies included ("Sop", "Stopp")."""
    letters = [i for i, char in enumerate(text) if char.isalpha()]
    if len(letters) < 3:
        return text
    i = rng.choice(letters)
    return text[:i] + text[i + 1 :] if rng.random() < 0.5 else text[:i] + text[i] + text[i:]


def look_alike(text: str, rng: random.Random) -> str:
    """Write one letter as the digit that looks like it ("5top")."""
    places = [i for i, char in enumerate(text) if char.lower() in LOOK_ALIKES]
    if not places:
        return text
    i = rng.choice(places)
    return text[:i] + LOOK_ALIKES[text[i].lower()] + text[i + 1 :]


def run_on(text: str, _rng: random.Random) -> str:
    """Drop every stop and comma: one breathless run of words, lower case."""
    return " ".join(re.sub(r"[.,;:!?]+", " ", text).split()).lower()


def case_chaos(text: str, rng: random.Random) -> str:
    """Shout, whisper, or capitalise at random, as a phone and a hurry do."""
    roll = rng.random()
    if roll < 0.4:
        return text.upper()
    if roll < 0.8:
        return text.lower()
    return " ".join(word.capitalize() for word in text.split(" "))


def emoji_tail(text: str, rng: random.Random) -> str:
    """End with one to three emoji, or a phone's effect note."""
    if rng.random() < 0.15:
        return text + rng.choice(EFFECT_NOTES)
    return f"{text} {''.join(rng.choice(EMOJI) for _ in range(rng.randint(1, 3)))}"


REAL_NOISE: tuple[tuple[float, Callable[[str, random.Random], str]], ...] = (
    (0.5, sms_spelling),
    (0.3, keyboard_slip),
    (0.25, dropped_or_doubled),
    (0.05, look_alike),
    (0.3, run_on),
    (0.3, case_chaos),
    (0.25, emoji_tail),
)


def real_variant(text: str, rng: random.Random) -> str:
    """Return a reply mangled the way replies arrive from real phones (train split only)."""
    for chance, change in REAL_NOISE:
        if rng.random() < chance:
            text = change(text, rng)
    return " ".join(text.split())
