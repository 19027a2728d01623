"""The app of a server process: what it built at start is frozen out of the collector's way."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

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


WARM_UP_CHECK = """
from optout.api.app import create_served_app
from optout.detect import phrasebook, screen

assert phrasebook._BOOK._built is None, "built before the app"
create_served_app()
assert phrasebook._BOOK._built is not None, "phrase automaton not built at start"
assert screen._batch_pattern.cache_info().currsize == 1, "batch screen not built at start"
"""


def test_the_served_app_builds_the_detectors_tables_before_its_first_reply(tmp_path):
    # in a fresh interpreter: the tables are built once per process, on first use
    environment = {**os.environ, "OPTOUT_DATABASE_URL": f"sqlite:///{tmp_path / 'warm.sqlite3'}"}
    run = subprocess.run(
        [sys.executable, "-c", WARM_UP_CHECK], env=environment, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
