"""Guards: Russian hard negatives, where opt-out words are used in another sense.

A strong phrase that a guard overlaps does not opt out on its own; a separate request in the
same reply still does. Each guard is listed under the sense it recognises."""

from __future__ import annotations

GUARDS = {
    "the sender's own mistake": [
        (
            r"(?<!\w)(?<!ты )(?<!вы )(?:набрал|набрала|написал|написала|отправил|отправила|"
            r"ошибся|ошиблась|перепутал|перепутала) (?:не тот номер|не на тот номер|"
            r"неправильныи номер|номером|номер)(?!\w)"
        ),
        r"(?<!\w)(?:мы|я) не туда (?:попали|попал|попала|пришли|зашли|свернули)(?!\w)",
    ],
}
