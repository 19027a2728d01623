"""Searching conversations: numbers in any format, words, dates, folders and capped counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from optout.exceptions import InvalidInput
from optout.services import conversation_search, reviews
from optout.services.conversation_search import read_filters
from optout.services.conversations import Folder, count_folder, list_conversations
from optout.services.inbound import InboundMessage, receive_inbound

START = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
SENDER = "+12025550100"
LONG = (
    "Hi, I got your message about the flu clinic but I have moved to another state and I "
    "do not need these reminders any more, so please remove me from your list. Thank you "
    "for all the help over the years, the staff were always lovely to my kids."
)


@pytest.fixture(autouse=True)
def replies(db_session, account, detector):
    """Receive five replies, one a day from START."""
    for day, (number, body) in enumerate(
        [
            ("+12025550111", "Yes please, 10am works for me"),
            ("+12025550112", "STOP"),
            ("+12025550113", "Please remove me from your list"),
            ("+12025550114", "wrong number, nobody named Sam here"),
            ("+12025550115", LONG),
        ]
    ):
        inbound = InboundMessage(number, SENDER, body, f"s{day}", START + timedelta(days=day))
        receive_inbound(
            db_session, account=account, detector=detector, inbound=inbound, channel="test"
        )


def _numbers(db_session, account, folder=Folder.ALL, **search):
    filters = read_filters(search.get("q"), search.get("since"), search.get("until"))
    page = list_conversations(db_session, account_id=account.id, folder=folder, filters=filters)
    return [row.number for row in page.rows]


@pytest.mark.parametrize("typed", ["(202) 555-0113", "202.555.0113", "+1 202 555 0113", "5550113"])
def test_a_number_is_found_in_any_format(db_session, account, typed):
    assert _numbers(db_session, account, q=typed) == ["+12025550113"]


def test_words_find_conversations_holding_every_word(db_session, account):
    assert _numbers(db_session, account, q="nobody SAM") == ["+12025550114"]
    assert _numbers(db_session, account, q="remove list") == ["+12025550115", "+12025550113"]
    assert _numbers(db_session, account, Folder.AUTO, q="remove list") == ["+12025550113"]
    assert _numbers(db_session, account, q="remove giraffe") == []


def test_dates_keep_conversations_whose_latest_message_falls_within(db_session, account):
    found = _numbers(db_session, account, since="2026-11-03", until="2026-11-04")
    assert found == ["+12025550113", "+12025550112"]


def test_needs_review_is_searched_too(db_session, account):
    filters = read_filters("moved state", None, None)
    page = reviews.needs_review(db_session, account_id=account.id, filters=filters)
    assert [item.number for item in page.items] == ["+12025550115"]
    nothing = read_filters("(202) 555-0111", None, None)
    assert reviews.needs_review(db_session, account_id=account.id, filters=nothing).items == []


@pytest.mark.parametrize(
    ("q", "since", "until", "message"),
    [
        ("!!!", None, None, "Enter words from a message, or a phone number with its area code"),
        (None, "3 Dec", None, "Enter the From date as year-month-day, e.g. 2026-12-03"),
        (None, "2026-12-05", "2026-12-01", "The To date is before the From date"),
    ],
)
def test_a_search_that_cannot_be_read_says_what_to_type(q, since, until, message):
    with pytest.raises(InvalidInput, match=message):
        read_filters(q, since, until)


def test_searched_counts_stop_at_the_cap_and_folder_counts_do_not(db_session, account, monkeypatch):
    searched = read_filters(None, "2026-11-01", None)
    assert count_folder(db_session, account_id=account.id, folder=Folder.ALL) == 5
    assert count_folder(db_session, account_id=account.id, folder=Folder.OPTED_OUT) == 3
    monkeypatch.setattr(conversation_search, "COUNT_CAP", 2)
    assert count_folder(db_session, account_id=account.id, folder=Folder.ALL, filters=searched) == 3
    assert count_folder(db_session, account_id=account.id, folder=Folder.ALL) == 5


def _numbers_listed(session, account, filters, folder=Folder.ALL):
    """Return the numbers a folder lists under ``filters``, in page order."""
    page = list_conversations(session, account_id=account.id, folder=folder, filters=filters)
    return [row.number for row in page.rows]


def test_a_source_keeps_the_contacts_whose_opt_out_came_from_it(db_session, account):
    def found(source, folder=Folder.ALL):
        filters = read_filters(None, None, None, source=source)
        return _numbers_listed(db_session, account, filters, folder)

    assert found("keyword") == ["+12025550112"]
    assert found("auto") == ["+12025550114", "+12025550113"]
    assert found("auto", Folder.OPTED_OUT) == ["+12025550114", "+12025550113"]
    assert found("import") == []
    with pytest.raises(InvalidInput, match="Choose the opt-out source from the list"):
        read_filters(None, None, None, source="robot")


def test_a_family_keeps_the_opt_outs_and_replies_that_said_it(db_session, account):
    def found(family, folder=Folder.ALL):
        filters = read_filters(None, None, None, family=family)
        return _numbers_listed(db_session, account, filters, folder)

    assert found("wrong number") == ["+12025550114"]
    assert found("keyword", Folder.OPTED_OUT) == ["+12025550112"]
    assert found("hostile demand") == []
    waiting = reviews.needs_review(
        db_session,
        account_id=account.id,
        filters=read_filters(None, None, None, family="remove from list"),
    )
    assert [item.number for item in waiting.items] == ["+12025550115"]
    with pytest.raises(InvalidInput, match="Choose the kind of opt-out from the list"):
        read_filters(None, None, None, family="robot")


def test_dates_are_days_in_the_accounts_time_zone(db_session, account):
    def found(zone):
        filters = read_filters(None, "2026-11-03", "2026-11-03", zone=ZoneInfo(zone))
        return _numbers_listed(db_session, account, filters)

    # The replies came at 09:00 UTC: 23:00 the day before in Honolulu.
    assert found("UTC") == ["+12025550112"]
    assert found("Pacific/Honolulu") == ["+12025550113"]
