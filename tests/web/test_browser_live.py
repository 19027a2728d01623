"""An open conversations page keeps its counts current and offers new messages, in Chromium."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.tables import Account, utcnow

pytestmark = pytest.mark.browser

SENDER = "+12025550100"


def test_a_reply_stored_elsewhere_updates_the_open_page(page, site, web_detector, sign_in):
    sign_in(page, site, site.clinic.email)
    page.clock.install()
    page.goto(f"{site.url}/conversations?folder=auto")
    auto = page.get_by_role("list", name="Folders").get_by_role(
        "link", name=re.compile("Auto Opt-Out")
    )
    expect(auto).to_contain_text("2")
    with site.session_factory.begin() as session:  # another worker stores a reply
        account = session.get_one(Account, site.clinic.account_id)
        at = utcnow() + timedelta(seconds=5)
        inbound = InboundMessage("+12025550171", SENDER, "stop texting me", "live-1", at)
        receive_inbound(
            session, account=account, detector=web_detector, inbound=inbound, channel="test"
        )
    page.clock.run_for(6_000)
    expect(auto).to_contain_text("3")
    expect(page.locator("li.conversation")).to_have_count(2)  # the list does not jump
    page.get_by_role("button", name="1 new reply — show").click()
    expect(page.locator("li.conversation")).to_have_count(3)


def test_without_javascript_the_page_offers_to_check_again(
    page_without_javascript, site, web_detector, sign_in
):
    page = page_without_javascript
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations")
    expect(page.locator("li.conversation")).to_have_count(4)
    with site.session_factory.begin() as session:
        account = session.get_one(Account, site.clinic.account_id)
        inbound = InboundMessage("+12025550171", SENDER, "Is parking free?", "no-js-1")
        receive_inbound(
            session, account=account, detector=web_detector, inbound=inbound, channel="test"
        )
    page.get_by_role("link", name="Check for new replies").click()
    expect(page.locator("li.conversation").first).to_contain_text("Is parking free?")
    expect(page.locator("li.conversation")).to_have_count(5)
