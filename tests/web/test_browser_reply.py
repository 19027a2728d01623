"""The reply box of a thread, in headless Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from optout.domain import EventSource
from optout.services import ledger
from optout.store.tables import Account, Message

pytestmark = pytest.mark.browser

ACTIVE = "+12025550111"


def _sent(site, number):
    with site.session_factory() as session:
        query = select(Message.body).where(
            Message.to_number == number, Message.direction == "outbound"
        )
        return list(session.scalars(query.order_by(Message.id)))


def test_a_reply_is_sent_and_shows_in_the_thread(page, site, sign_in, screenshot):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations/{site.clinic.conversations[ACTIVE]}?folder=all")
    page.get_by_label("Reply to +1 202-555-0111").fill("Yes, Friday at 10 is free. See you then!")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status")).to_have_text("Sent to +1 202-555-0111.")
    thread = page.get_by_role("list", name="Messages")
    expect(thread.locator("li.outbound").last).to_contain_text("Friday at 10 is free")
    assert _sent(site, ACTIVE)[-1] == "Yes, Friday at 10 is free. See you then!"
    screenshot(page, "thread-reply-sent")
    page.set_viewport_size({"width": 375, "height": 812})
    screenshot(page, "phone-thread-reply-sent")


def test_a_reply_to_a_number_that_opted_out_meanwhile_is_refused_and_kept(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations/{site.clinic.conversations[ACTIVE]}?folder=all")
    page.get_by_label("Reply to +1 202-555-0111").fill("Can you come at 11 instead?")
    with site.session_factory.begin() as session:  # a STOP arrives while they type
        account = session.get_one(Account, site.clinic.account_id)
        ledger.opt_out(
            session, account=account, number=ACTIVE, source=EventSource.KEYWORD, actor="contact"
        )
    before = _sent(site, ACTIVE)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("alert")).to_contain_text("Not sent: +1 202-555-0111 has opted out")
    expect(page.get_by_label("Reply to +1 202-555-0111")).to_have_value(
        "Can you come at 11 instead?"
    )
    assert _sent(site, ACTIVE) == before
    page.reload()
    expect(page.locator(".reply-box")).to_contain_text("has opted out, so they cannot be texted")
    expect(page.get_by_role("button", name="Send")).to_have_count(0)
