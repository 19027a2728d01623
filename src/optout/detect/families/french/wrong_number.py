"""Wrong number, in French: "mauvais numéro", "vous vous êtes trompé de numéro"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.WRONG_NUMBER
STRONG = [
    r"\bmauvais (?:numero|num|no|destinataire)\b",
    r"\b(?:erreur de|trompes? de|trompez de|trompee de) (?:numero|num|personne|destinataire)\b",
    r"\bpas (?:le )?bon (?:numero|num|destinataire)\b",
    (
        r"\b(?:c'est|cest|c est|ce n'est|ce nest|ce n est) pas le (?:numero|num|tel|portable|"
        r"telephone) (?:de |d' ?)\w+"
    ),
    (
        r"\b(?:il n'y a|il ny a|il y a|y a|ya|y'a) (?:personne|pas de \w+|aucun \w+|aucune \w+) "
        r"(?:a ce numero|a ce num|sur ce numero|de ce nom|qui s'appelle|qui sappelle)\b"
    ),
]
WEAK = [
    (
        r"\bconnais (?:pas|point) (?:cette personne|ce monsieur|cette dame|cette madame|ce mr|"
        r"cette mme)\b"
    ),
]
EXAMPLES = (
    "mauvais numéro",
    "vous vous êtes trompé de numéro",
    "c'est pas le numéro de Julie",
)
