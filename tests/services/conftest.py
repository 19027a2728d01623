"""Fixtures for service tests: an account inside the rolled-back test transaction."""

from __future__ import annotations

import pytest

from optout.detect import Detector
from optout.services.accounts import create_account


@pytest.fixture(scope="session")
def detector() -> Detector:
    """Return one detector for the whole run."""
    return Detector()


@pytest.fixture
def account(db_session):
    """Return a fresh account."""
    account, _key = create_account(db_session, name="Clinic")
    return account
