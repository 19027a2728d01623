"""Remove from the list, in French: "retirez-moi de votre liste", "supprimez mon numéro"."""

from __future__ import annotations

from optout.detect.families.french.words import LIST, NUMBER, REMOVE
from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    (
        rf"\b{REMOVE}(?: |-)?(?:moi|nous) (?:de |d' ?|des )(?:la |vos |votre |ta |tes |cette |"
        rf"ces |les |ce |l' ?)?(?:\w+ )?{LIST}\b"
    ),
    (
        r"\b(?:me|m' ?|nous) (?:retirer|enlever|supprimer|effacer|rayer|oter|desinscrire) "
        r"(?:de |d' ?|des )(?:la |vos |votre |ta |tes |cette |ces |les |ce |l' ?)?(?:\w+ )?"
        rf"{LIST}\b"
    ),
    rf"\b(?:{REMOVE}|retirer|enlever|supprimer|effacer) (?:mon|notre) {NUMBER}\b",
]
WEAK: list[str] = []
EXAMPLES = (
    "Retirez-moi de votre liste svp",
    "merci de me retirer de vos listes",
    "supprimez mon numéro",
)
