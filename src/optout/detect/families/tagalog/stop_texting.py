"""Stop texting, in Tagalog and Taglish: "wag nyo na po ako i-text", "tigilan nyo na"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    (
        r"\b(?:wag|huwag|h'wag)(?: (?:na|nyo|ninyo|mo|po|ako|akong|kami|na kayong|kayong))* (?:i-?text|"
        r"mag-?text|magtext|itext|i text|mag text|padalhan|i-?message|mag-?message|tawagan|"
        r"mag-?send|i-?send)\b"
    ),
    r"\b(?:tigilan|tigil|itigil) (?:nyo |ninyo |mo )?(?:na )?(?:po )?(?:ang )?(?:pag-?text|text|mga text)",
]
WEAK = [r"\btama na po\b", r"\btigilan (?:nyo|mo) na\b"]
EXAMPLES = ("wag nyo na po ako i-text", "Tama na po, wag na mag text")
