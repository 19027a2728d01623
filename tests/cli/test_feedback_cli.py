"""``optout feedback export``: every reviewed reply as a labelled JSON line."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from typer.testing import CliRunner

from optout.cli import app
from optout.config import get_settings
from optout.detect import Detector
from optout.domain import ReviewOutcome
from optout.services import reviews
from optout.services.accounts import create_account
from optout.services.inbound import InboundMessage, receive_inbound
from optout.services.outbound import send
from optout.store.engine import make_engine, make_session_factory

runner = CliRunner()
SENDER = "+12025550100"
START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
LONG = (
    "Hi, I got your message about the flu clinic but I have moved to another state and I "
    "do not need these reminders any more, so please remove me from your list. Thank you "
    "for all the help over the years, the staff were always lovely to my kids."
)


@pytest.fixture(scope="module")
def detector() -> Detector:
    """Return one detector for the module."""
    return Detector()


@pytest.fixture
def env_database(database_url, monkeypatch):
    """Point the command line's settings at the test database."""
    monkeypatch.setenv("OPTOUT_DATABASE_URL", database_url)
    get_settings.cache_clear()
    yield database_url
    get_settings.cache_clear()


def _reviewed_account(url, detector, name, verdicts):
    engine = make_engine(url)
    with make_session_factory(engine).begin() as session:
        account, _key = create_account(session, name=name)
        for index, (number, body, outcome) in enumerate(verdicts):
            sent = send(
                session, account=account, to=number, body="Flu shots Sat", from_number=SENDER
            )
            sent.created_at = START
            at = START + timedelta(minutes=index + 1)
            inbound = InboundMessage(number, SENDER, body, f"{name}-{index}", at)
            result = receive_inbound(
                session, account=account, detector=detector, inbound=inbound, channel="test"
            )
            reviews.review(
                session,
                account=account,
                message_ids=[result.message_id],
                outcome=outcome,
                actor="user:dana@school.org",
            )
        slug = account.slug
    engine.dispose()
    return slug


def test_export_writes_one_labelled_line_per_reviewed_reply(env_database, detector):
    slug = _reviewed_account(
        env_database,
        detector,
        "Maple",
        [
            ("+12025550111", "wrong number, nobody named Sam here", ReviewOutcome.OPTED_BACK_IN),
            ("+12025550112", "please remove me from your list", ReviewOutcome.KEPT),
            ("+12025550113", LONG, ReviewOutcome.OPTED_OUT),
        ],
    )
    _reviewed_account(
        env_database,
        detector,
        "Harbor",
        [("+12025550114", "stop texting me", ReviewOutcome.KEPT)],
    )
    result = runner.invoke(app, ["feedback", "export", "--account", slug])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [set(line) for line in lines] == [
        {"body", "prompt", "decision", "human_label", "family", "at"}
    ] * 3
    assert [(x["decision"], x["human_label"], x["family"]) for x in lines] == [
        ("opt_out", "not_opt_out", "wrong number"),
        ("opt_out", "opt_out", "remove from list"),
        ("none", "opt_out", "remove from list"),
    ]
    assert {line["prompt"] for line in lines} == {"Flu shots Sat"}
    everyone = runner.invoke(app, ["feedback", "export"])
    assert len(everyone.output.splitlines()) == 4


def test_export_on_a_database_not_set_up_says_what_to_run(tmp_path, monkeypatch):
    monkeypatch.setenv("OPTOUT_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    get_settings.cache_clear()
    try:
        result = runner.invoke(app, ["feedback", "export"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert "run `optout db upgrade`" in result.output
