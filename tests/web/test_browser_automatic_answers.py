"""What the service texted back on its own shows in the thread, in order, in Chromium."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.tables import Account, utcnow

pytestmark = pytest.mark.browser

STOPPED = "+12025550112"  # replied STOP in the seed
SENDER = "+12025550100"


def test_each_automatic_answer_follows_the_reply_it_answered(
    page, site, web_detector, sign_in, screenshot
):
    with site.session_factory.begin() as session:
        account = session.get_one(Account, site.clinic.account_id)
        for index, body in enumerate(["HELP", "START", "thanks"], start=1):
            at = utcnow() + timedelta(seconds=index)
            inbound = InboundMessage(STOPPED, SENDER, body, f"answers-{index}", at)
            receive_inbound(
                session, account=account, detector=web_detector, inbound=inbound, channel="test"
            )
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations/{site.clinic.conversations[STOPPED]}?folder=all")
    messages = page.get_by_role("list", name="Messages").get_by_role("listitem")
    expect(messages).to_have_count(8)
    expect(messages).to_contain_text(
        [
            "You sent: Maple Street Clinic: flu shots this Saturday 9-1. Reply to book a time.",
            "They wrote: STOP",
            "Answered automatically: Maple Clinic: You are unsubscribed",
            "They wrote: HELP",
            "Answered automatically: Maple Clinic: Reply STOP to unsubscribe or START",
            "They wrote: START",
            "Answered automatically: Maple Clinic: You are subscribed again.",
            "They wrote: thanks",  # nothing to answer
        ]
    )
    expect(messages.nth(2)).to_contain_text("Automatic answer: opt-out confirmation")
    expect(messages.nth(4)).to_contain_text("Automatic answer: HELP answer")
    expect(messages.nth(6)).to_contain_text("Automatic answer: opt-in confirmation")
    screenshot(page, "thread-automatic-answers")
    page.set_viewport_size({"width": 375, "height": 812})
    screenshot(page, "phone-thread-automatic-answers")
