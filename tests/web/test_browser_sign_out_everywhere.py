"""Sign out everywhere in headless Chromium: two browsers of one user, one button."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_signing_out_everywhere_ends_the_other_browsers_session(
    page, browser, site, sign_in, screenshot
):
    other = browser.new_context()
    try:
        phone = other.new_page()
        sign_in(phone, site, site.clinic.email)
        sign_in(page, site, site.clinic.email)
        screenshot(page, "sign-out-everywhere")
        page.get_by_role("button", name="Sign out everywhere").click()
        expect(page).to_have_url(re.compile(r"/login$"))
        expect(page.get_by_role("status")).to_contain_text("signed out on every device")
        phone.goto(f"{site.url}/opt-outs")
        expect(phone).to_have_url(re.compile(r"/login\?next=/opt-outs$"))
        sign_in(phone, site, site.clinic.email)
        expect(phone.get_by_role("button", name="Sign out everywhere")).to_be_visible()
    finally:
        other.close()
