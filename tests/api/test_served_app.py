"""The app of a server process: what it built at start is frozen out of the collector's way."""

from __future__ import annotations

import gc

from optout.api.app import create_served_app
from optout.config import get_settings


def test_the_served_app_is_frozen_with_its_detector(monkeypatch, tmp_path):
    monkeypatch.setenv("OPTOUT_DATABASE_URL", f"sqlite:///{tmp_path / 'served.sqlite3'}")
    get_settings.cache_clear()
    try:
        app = create_served_app()
        collected = gc.get_objects()
        assert gc.get_freeze_count() > 0
        assert all(held is not app.state.detector for held in collected)
        assert all(held is not app for held in collected)
        app.state.session_factory.kw["bind"].dispose()
    finally:
        gc.unfreeze()
        get_settings.cache_clear()
