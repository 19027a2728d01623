"""Remove from the list, in Russian: "удалите мой номер", "уберите меня из базы"."""

from __future__ import annotations

from optout.detect.families.russian.words import NUMBER
from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    (
        r"(?<!\w)(?:удалите|удали|уберите|убери|исключите|исключи|вычеркните|вычеркни|сотрите) "
        rf"(?:меня|нас|мои {NUMBER}|наш {NUMBER}|этот {NUMBER}) (?:из|с|со) (?:\w+ )?(?:списк\w*|"
        r"баз\w*|рассылк\w*|контакт\w*)(?!\w)"
    ),
    (rf"(?<!\w)(?:удалите|удали|сотрите|сотри|уберите) (?:мои|наш|этот) {NUMBER}(?!\w)"),
]
WEAK: list[str] = []
EXAMPLES = ("удалите меня из базы", "Уберите мой номер из списка рассылки", "удалите мой номер")
