"""What the pages print: escaped text with the triggering phrase marked, numbers, reasons."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from optout.detect import Detector
from optout.domain import Family
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
    ("reply", "words"),
    [
        ("sorry wrong number", "wrong number"),
        ("this isnt Sam, you have the wrong person", "wrong number"),
        ("please remove me from your list", "asked to be removed"),
        ("no me envíe más mensajes", "asked not to be contacted"),
        ("🛑", "sent a stop sign"),
        ("STOP", "replied with an opt-out keyword"),
        ("Stop. way too many texts", "opened with an opt-out keyword"),
    ],
)
def test_an_opt_outs_family_is_put_in_words(reply, words):
    assert labels.family(Detector().decide(reply).family) == words


def test_every_family_has_words_and_no_family_reads_as_a_plain_request():
    assert set(labels.FAMILIES) == set(Family)
    assert labels.family(None) == labels.family("no such family") == "asked not to be texted"


def test_sources_and_events_have_names():
    assert labels.source("keyword") == "Keyword"
    assert labels.source("nonsense") == "nonsense"
    assert labels.event("opt_in", "manual") == "Opted back in (manual)"
