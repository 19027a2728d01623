"""What the pages print: escaped text with the triggering phrase marked, numbers, reasons."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from optout.web import labels
from optout.web.rendering import display_number, display_time, highlight


def test_the_triggering_phrase_is_marked_and_everything_is_escaped():
    body = "<b>wrong number</b> & <script>x</script>"
    html = str(highlight(body, (3, 15)))
    assert (
        html == "&lt;b&gt;<mark>wrong number</mark>&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;"
    )


@pytest.mark.parametrize("span", [None, (5, 2), (0, 99), (-1, 3)])
def test_a_missing_or_impossible_span_marks_nothing(span):
    assert str(highlight("stop <now>", span)) == "stop &lt;now&gt;"


def test_numbers_are_shown_as_people_write_them():
    assert display_number("+12025550100") == "+1 202-555-0100"
    assert display_number("+442071838750") == "+44 20 7183 8750"
    assert display_number("not a number") == "not a number"


def test_times_are_machine_readable_for_the_local_time_script():
    html = str(display_time(datetime(2026, 1, 2, 3, 4, tzinfo=UTC), detailed=True))
    assert html == (
        '<time datetime="2026-01-02T03:04:00+00:00" data-format="detailed">'
        "Jan 02, 2026, 03:04 UTC</time>"
    )
    assert str(display_time(None)) == ""


def test_times_are_written_in_the_accounts_zone_for_pages_without_the_script():
    moment = datetime(2026, 1, 2, 3, 4, tzinfo=UTC)
    html = str(display_time(moment, detailed=True, zone="America/Chicago"))
    assert html == (
        '<time datetime="2026-01-02T03:04:00+00:00" data-format="detailed">'
        "Jan 01, 2026, 21:04 CST</time>"
    )


@pytest.mark.parametrize(
    ("reason", "words"),
    [
        ('wrong number: "wrong number"', "wrong number"),
        ('remove from list: "remove me from your list"', "asked to be removed"),
        ('do not contact: "no me envíe"', "asked not to be contacted"),
        ('wrong person: "not Sam"', "wrong number"),
        ('stop sign: "🛑"', "sent a stop sign"),
        ('opt-out intent: "who is this"', "wrong number"),
        ('opt-out intent: "please take me off"', "asked to be removed"),
        ('"stop texting"', "asked to stop texting"),
        ('opt-out intent: "no gracias"', "opt-out intent"),
        (None, "asked not to be texted"),
    ],
)
def test_reasons_are_put_in_words(reason, words):
    assert labels.reason(reason) == words


def test_sources_and_events_have_names():
    assert labels.source("keyword") == "Keyword"
    assert labels.source("nonsense") == "nonsense"
    assert labels.event("opt_in", "manual") == "Opted back in (manual)"
