"""Fixtures for the detector tests: the shipped detector and the slow, obvious phrase search."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from optout.detect import Detector
from optout.detect.patterns import Evidence, PhraseMatch, evidence_from
from optout.detect.phrasebook import PHRASES


@pytest.fixture(scope="session")
def detector() -> Detector:
    """Return the detector with the shipped model (loading it once is enough)."""
    return Detector()


@pytest.fixture(scope="session")
def every_pattern() -> Callable[[str], Evidence]:
    """Return the evidence found by searching every phrase pattern, one by one.

    Family by family, each family's matches in table order.

    The gated phrase search must always find exactly this.
    """

    first: dict[str, int] = {}
    for index, phrase in enumerate(PHRASES):
        first.setdefault(phrase.family, index)

    def search(canonical: str) -> Evidence:
        found = []
        for phrase in PHRASES:
            match = phrase.regex.search(canonical)
            if match is not None:
                found.append(PhraseMatch(phrase.family, phrase.strength, *match.span()))
        return evidence_from(sorted(found, key=lambda m: first[m.family]))  # stable

    return search
