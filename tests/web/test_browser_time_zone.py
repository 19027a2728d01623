"""The account's time zone, set on the Settings page and used by every page, in Chromium."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from optout.store.tables import Account, Message

pytestmark = pytest.mark.browser


def _received_at(site, number):
    with site.session_factory() as session:
        query = select(Message.created_at).where(
            Message.conversation_id == site.clinic.conversations[number],
            Message.direction == "inbound",
        )
        return session.scalars(query).one()


def _clock(moment) -> str:
    """Return a regular expression for the time as Chromium writes it in en-US: 9:04 PM."""
    hour = moment.hour % 12 or 12
    return rf"{hour}:{moment:%M}\s?{'AM' if moment.hour < 12 else 'PM'}"


def test_the_accounts_time_zone_is_shown_to_every_reader(browser, site, sign_in, screenshot):
    # A reader in Tokyo sees the office's time, not their own.
    context = browser.new_context(
        viewport={"width": 1280, "height": 820}, timezone_id="Asia/Tokyo", locale="en-US"
    )
    page = context.new_page()
    sign_in(page, site, site.clinic.email)
    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_label("Show times in")).to_have_value("")
    page.get_by_label("Show times in").select_option("America/Chicago")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("status")).to_have_text(
        "Times are now shown in America/Chicago, on every page and for everyone here."
    )
    expect(page.get_by_label("Show times in")).to_have_value("America/Chicago")
    screenshot(page, "settings-time-zone")
    with site.session_factory() as session:
        assert session.get_one(Account, site.clinic.account_id).time_zone == "America/Chicago"

    number = "+12025550113"
    received = _received_at(site, number).astimezone(ZoneInfo("America/Chicago"))
    page.goto(f"{site.url}/conversations/{site.clinic.conversations[number]}?folder=auto")
    status = page.locator(".status-line")
    expect(status).to_contain_text(re.compile(rf"Reply received .*{_clock(received)} C[SD]T"))
    page.goto(f"{site.url}/opt-outs?q=2025550113")
    row = page.get_by_role("row", name=re.compile(r"\+1 202-555-0113"))
    expect(row).to_contain_text(re.compile(rf"{_clock(received)} C[SD]T"))
    context.close()


def test_an_account_without_a_zone_shows_each_reader_their_own(browser, site, sign_in):
    context = browser.new_context(timezone_id="Asia/Tokyo", locale="en-US")
    page = context.new_page()
    sign_in(page, site, site.clinic.email)
    number = "+12025550113"
    received = _received_at(site, number).astimezone(ZoneInfo("Asia/Tokyo"))
    page.goto(f"{site.url}/conversations/{site.clinic.conversations[number]}?folder=auto")
    expect(page.locator(".status-line")).to_contain_text(
        re.compile(rf"Reply received .*{_clock(received)} GMT\+9")
    )
    context.close()
