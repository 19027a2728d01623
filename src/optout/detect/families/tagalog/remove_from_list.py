"""Remove from the list, in Tagalog: "pakitanggal na po number ko"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    (
        r"\b(?:paki-?tanggal|pakitanggal|tanggalin|tanggalin nyo|alisin|paki-?alis|burahin)(?: (?:na|"
        r"po|nyo|ninyo|mo|ang|yung))* (?:number|numero|num|pangalan) ko\b"
    ),
    r"\b(?:paki-?tanggal|tanggalin|alisin) (?:na )?(?:po )?(?:ako|kami) sa (?:list|listahan|group)",
]
WEAK: list[str] = []
EXAMPLES = ("pakitanggal na po number ko sa list nyo",)
