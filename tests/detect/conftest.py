"""Fixtures for the detector tests: one shipped detector shared by the whole session."""

from __future__ import annotations

import pytest

from optout.detect import Detector


@pytest.fixture(scope="session")
def detector() -> Detector:
    """Return the detector with the shipped model (loading it once is enough)."""
    return Detector()
