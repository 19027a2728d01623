"""Wrong number, in Polish: "zły numer", "pomylił się pan numerem", "to nie jest numer Ani"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.WRONG_NUMBER
STRONG = [
    r"\b(?:z[łl]y|b[łl]edny|niew[łl]asciwy|nieprawid[łl]owy) (?:numer|number|nr)\b",
    (
        r"\bpomyli(?:[łl](?:a|es|as|y|yscie)?|li|liscie)(?: sie)?(?: (?:pan|pani|panstwo))?"
        r"(?: sie)? (?:z )?(?:numer|number|numerem|nr|osob\w*)\b"
    ),
    r"\bpomy[łl]ka (?:z numerem|numeru|w numerze)\b",
    r"\bto nie (?:jest )?(?:numer|number|nr|telefon) (?!tylko\b)\w+",
    (
        r"\b(?:pod tym numerem|pod tym nr) (?:nie ma|nikt|nie mieszka)\b|\bnie ma (?:tu |tutaj )?"
        r"(?:nikogo takiego|takiej osoby|nikogo o (?:takim|tym) imieniu)\b"
    ),
]
WEAK = [r"\bnie znam (?:tej osoby|takiej osoby|tego pana|tej pani|nikogo takiego)\b"]
EXAMPLES = ("zły numer", "pomylił się pan numerem", "to nie jest numer Ani")
