"""Guards: German hard negatives, where opt-out words are used in another sense.

A strong phrase that a guard overlaps does not opt out on its own; a separate request in the
same reply still does. Each guard is listed under the sense it recognises."""

from __future__ import annotations

GUARDS = {
    "the sender's own mistake": [
        r"\b(?:ich habe|hab) (?:mich verwahlt|die falsche (?:nummer|number) (?:gewahlt|gewaehlt|getippt))\b",
        r"\b(?:sorry|entschuldigung),? falsche nummer\b",
    ],
}
