"""The families as the detector's unit: each module's examples, and a phrase book without slips."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from optout.detect.families import LANGUAGES, family_modules
from optout.detect.phrasebook import PHRASES
from optout.domain import Action

MODULES = family_modules()


@pytest.mark.parametrize(
    ("tag", "module"), MODULES, ids=[f"{t}-{m.__name__.rsplit('.', 1)[1]}" for t, m in MODULES]
)
def test_a_family_modules_examples_opt_out_as_that_family(detector, tag, module):  # noqa: ARG001
    assert module.EXAMPLES, f"{module.__name__} has no examples"
    for example in module.EXAMPLES:
        decision = detector.decide(example)
        assert (decision.action, decision.family) == (Action.OPT_OUT, module.FAMILY), example


def test_each_language_has_one_module_per_family():
    families = Counter((tag, module.FAMILY) for tag, module in MODULES)
    assert max(families.values()) == 1
    assert {tag for tag, _ in MODULES} == set(LANGUAGES)


def test_no_two_patterns_in_the_book_are_the_same():
    repeated = Counter(phrase.regex.pattern for phrase in PHRASES)
    assert [pattern for pattern, count in repeated.items() if count > 1] == []


GROUP_OPENING = re.compile(r"\((?:\?(?:[:=!]|<[=!]|P<\w+>))?")
"""A group's opening: ``(``, ``(?:``, ``(?=``, ``(?<!``, ``(?P<name>``."""


def _has_empty_alternative(pattern: str) -> bool:
    """Return whether the pattern's source has an empty alternative: ``a||b``, ``(|a)``, ``(?:a|)``.

    Read off the source, not the parse: the parser factors ``moved|move`` into ``move(?:d|)``.
    """
    index, in_class, branch_start = 0, False, True
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index, branch_start = index + 2, False
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class, branch_start = True, False
        elif char == "(":
            index, branch_start = GROUP_OPENING.match(pattern, index).end(), True  # type: ignore[union-attr]
            continue
        elif char in "|)" and branch_start:
            return True
        else:
            branch_start = char == "|"
        index += 1
    return branch_start


def test_no_pattern_has_an_empty_alternative():
    assert all(map(_has_empty_alternative, ["a(?:b||c)d", "(?:|a)", "(a|)", "a|"]))
    assert not any(map(_has_empty_alternative, ["a(?:b|c)?d", r"[|(]", r"\(|x", "(?::|a)"]))
    empty = [p.regex.pattern for p in PHRASES if _has_empty_alternative(p.regex.pattern)]
    assert empty == []
