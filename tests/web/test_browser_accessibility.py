"""Keyboard, screen reader, phone and no-JavaScript use of the conversations page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WRONG_NUMBER = "+12025550114"


def test_focus_moves_to_the_flash_after_an_action(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations?folder=auto")
    page.get_by_role("button", name="Conversation actions for +1 202-555-0114").first.click()
    page.get_by_role("menuitem", name="Opt back in").click()
    page.get_by_role("dialog").get_by_role("button", name="Opt in").click()
    status = page.get_by_role("status")
    expect(status).to_contain_text("+1 202-555-0114 is opted back in")
    expect(page.locator(".flashes")).to_be_focused()


def test_home_and_end_jump_to_the_first_and_last_menu_item(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations?folder=auto")
    menu = page.get_by_role("button", name="Conversation actions for +1 202-555-0113").first
    menu.focus()
    page.keyboard.press("Enter")
    first = page.get_by_role("menuitem", name="Open conversation")
    last = page.get_by_role("menuitem", name="Opt back in")
    expect(first).to_be_focused()
    page.keyboard.press("End")
    expect(last).to_be_focused()
    page.keyboard.press("Home")
    expect(first).to_be_focused()
    page.keyboard.press("Escape")
    page.keyboard.press(" ")
    expect(first).to_be_focused()


def test_phone_targets_are_44_pixels_and_the_sign_outs_stand_apart(browser, site, sign_in):
    context = browser.new_context(viewport={"width": 375, "height": 812}, reduced_motion="reduce")
    page = context.new_page()
    try:
        sign_in(page, site, site.clinic.email)
        page.goto(f"{site.url}/conversations?folder=auto")
        menu = page.get_by_role("button", name="Conversation actions for +1 202-555-0114").first
        box = menu.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
        out = page.get_by_role("button", name="Sign out", exact=True).bounding_box()
        everywhere = page.get_by_role("button", name="Sign out everywhere").bounding_box()
        assert out["height"] >= 44 and everywhere["height"] >= 44, (out, everywhere)
        left, right = sorted([out, everywhere], key=lambda b: b["x"])
        assert right["x"] - (left["x"] + left["width"]) >= 16, (out, everywhere)
    finally:
        context.close()


def test_undo_works_without_javascript(page_without_javascript, site, sign_in, screenshot):
    page = page_without_javascript
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations?folder=auto")
    page.get_by_role("button", name="Conversation actions for +1 202-555-0114").first.click()
    expect(page.get_by_role("heading", name="Opt +1 202-555-0114 back in?")).to_be_visible()
    expect(page.locator(".warning")).to_contain_text("100% sure")
    screenshot(page, "opt-back-in-without-javascript")
    page.get_by_role("link", name="Cancel").click()
    assert site.contact(site.clinic, WRONG_NUMBER).status == "opted_out"
    page.goto(f"{site.url}/conversations?folder=auto")
    page.get_by_role("button", name="Conversation actions for +1 202-555-0114").first.click()
    page.get_by_role("button", name="Opt in").click()
    expect(page.get_by_role("status")).to_contain_text("+1 202-555-0114 is opted back in")
    assert site.contact(site.clinic, WRONG_NUMBER).status == "active"
