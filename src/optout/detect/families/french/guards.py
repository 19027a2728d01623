"""Guards: French hard negatives, where opt-out words are used in another sense.

A strong phrase that a guard overlaps does not opt out on its own; a separate request in the
same reply still does. Each guard is listed under the sense it recognises."""

from __future__ import annotations

GUARDS = {
    "the sender's own mistake": [
        (
            r"\b(?:j'ai|jai|j ai|je suis) (?:\w+ )?(?:compose|fait|appele|ecrit|envoye|texte|"
            r"tombe sur)(?: (?:a|au|sur))? (?:le |un )?mauvais (?:numero|num)\b"
        ),
        r"\bje me suis trompee? de (?:numero|num|personne)\b",
    ],
}
