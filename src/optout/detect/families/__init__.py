"""The opt-out families and their guards: one module per family and language.

A family module (``english/wrong_number.py``) holds everything the detector knows about
replies of that family in that language:

- ``FAMILY``: the :class:`optout.domain.Family` an opt-out it finds reports;
- ``STRONG``: patterns enough on their own, unless a guard overlaps them;
- ``WEAK``: patterns that are evidence the intent model must confirm;
- ``EXAMPLES``: replies of the family, written the way people type, that its tests decide.

``<language>/guards.py`` lists the guards, the same words in another sense ("cancel my
appointment", "the bus stop"), by the sense they recognise; ``<language>/words.py`` holds
the vocabulary the language's patterns share. Patterns match the canonical text of
:mod:`optout.detect.normalize`: lower case, no accents, straight quotes, single spaces.
A new family is a new module in a language's package (found, not listed) and a member of
``Family``, whose order says which family's phrase is reported when two match. A new
language is a new package here with the same layout, listed in ``LANGUAGES``.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from pkgutil import iter_modules
from types import ModuleType

from optout.detect.patterns import Phrase, Strength, phrases
from optout.domain import Family

LANGUAGES = {
    "en": "english",
    "es": "spanish",
    "pt": "portuguese",
    "tl": "tagalog",
    "vi": "vietnamese",
    "zh": "chinese",
    "fr": "french",
    "ht": "haitian_creole",
    "ru": "russian",
    "ko": "korean",
    "ar": "arabic",
    "pl": "polish",
    "de": "german",
}
"""Each language's tag and its package here."""
SHARED = frozenset({"guards", "words"})
"""The modules of a language package that are not a family: its guards and shared words."""


def language_package(tag: str) -> ModuleType:
    """Return the package of a language's families, by its tag."""
    return import_module(f"{__name__}.{LANGUAGES[tag]}")


@cache
def family_modules() -> tuple[tuple[str, ModuleType], ...]:
    """Return every family module with its language tag, in the order of ``Family``.

    Found, not listed: a module added to a language's package is a family of it.
    """
    found = []
    for tag in LANGUAGES:
        package = language_package(tag)
        for module in iter_modules(package.__path__):
            if module.name not in SHARED:
                found.append((tag, import_module(f"{package.__name__}.{module.name}")))
    order = list(Family)
    return tuple(sorted(found, key=lambda item: order.index(item[1].FAMILY)))


def phrase_table() -> tuple[Phrase, ...]:
    """Return every guard, then every family's strong and weak patterns, compiled."""
    table = [
        phrase
        for tag in LANGUAGES
        for sense, patterns in import_module(
            f"{language_package(tag).__name__}.guards"
        ).GUARDS.items()
        for phrase in phrases(sense, Strength.GUARD, patterns)
    ]
    for _, module in family_modules():
        table += phrases(module.FAMILY, Strength.STRONG, module.STRONG)
        table += phrases(module.FAMILY, Strength.WEAK, module.WEAK)
    return tuple(table)
