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
A new language is a new package here with the same layout, listed in ``LANGUAGES``.
"""

from __future__ import annotations

from types import ModuleType

from optout.detect.families import english, spanish
from optout.detect.patterns import Phrase, Strength, phrases
from optout.domain import Family

LANGUAGES: dict[str, ModuleType] = {"en": english, "es": spanish}
"""Each language's package, by its tag."""
ORDER = (
    Family.WRONG_NUMBER,
    Family.WRONG_PERSON,
    Family.HOW_TO_OPT_OUT,
    Family.OPT_OUT,
    Family.CONSENT_WITHDRAWN,
    Family.CHANNEL_PREFERENCE,
    Family.REMOVE_FROM_LIST,
    Family.UNSUBSCRIBE,
    Family.DO_NOT_CONTACT,
    Family.STOP_TEXTING,
    Family.HOSTILE,
)
"""The phrase families, in the order a reply's evidence is reported: where phrases of two
families match, the earlier family's is the reason given (within it, the first listed)."""


def family_modules() -> list[tuple[str, ModuleType]]:
    """Return every family module with its language tag, in ``ORDER``."""
    found = [(tag, module) for tag, package in LANGUAGES.items() for module in package.FAMILIES]
    return sorted(found, key=lambda item: ORDER.index(item[1].FAMILY))


def phrase_table() -> tuple[Phrase, ...]:
    """Return every guard, then every family's strong and weak patterns, compiled."""
    table = [
        phrase
        for package in LANGUAGES.values()
        for sense, patterns in package.GUARDS.items()
        for phrase in phrases(sense, Strength.GUARD, patterns)
    ]
    for _, module in family_modules():
        table += phrases(module.FAMILY, Strength.STRONG, module.STRONG)
        table += phrases(module.FAMILY, Strength.WEAK, module.WEAK)
    return tuple(table)
