"""Guards: Chinese hard negatives, where opt-out words are used in another sense.

A strong phrase that a guard overlaps does not opt out on its own; a separate request in the
same reply still does. Each guard is listed under the sense it recognises."""

from __future__ import annotations

GUARDS = {
    "the sender's own mistake": [r"我(?:刚才|刚刚|剛才|剛剛|不小心)?(?:打|发|發)(?:错|錯)"],
}
