"""The conversations page in headless Chromium: the Auto Opt-Out folder and Opt back in."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WRONG_NUMBER = "+12025550114"
REMOVE_ME = "+12025550113"
KEYWORD = "+12025550112"


def test_pages_require_sign_in_and_refuse_a_wrong_password(page, site, screenshot):
    page.goto(f"{site.url}/conversations?folder=auto")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    screenshot(page, "login")
    page.get_by_label("Email").fill(site.clinic.email)
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("email or password is wrong")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/conversations\?folder=auto$"))
    page.get_by_role("button", name="Sign out", exact=True).click()
    expect(page.get_by_role("status")).to_contain_text("signed out")
    page.goto(f"{site.url}/opt-outs")
    expect(page).to_have_url(re.compile(r"/login"))


def test_the_auto_opt_out_folder_shows_the_triggering_phrase_and_reason(
    page, site, sign_in, screenshot
):
    sign_in(page, site, site.clinic.email)
    folders = page.get_by_role("list", name="Folders")
    expect(folders.get_by_role("link", name=re.compile("Auto Opt-Out"))).to_contain_text("2")
    folders.get_by_role("link", name=re.compile("Auto Opt-Out")).click()
    expect(page.get_by_role("heading", name="Auto Opt-Out", level=1)).to_be_visible()
    rows = page.locator("li.conversation")
    expect(rows).to_have_count(2)
    wrong = rows.filter(has_text="+1 202-555-0114")
    expect(wrong.locator("a.open mark")).to_have_text(re.compile("wrong number", re.I))
    expect(wrong).to_contain_text("Reason: wrong number")
    expect(rows.filter(has_text="+1 202-555-0113")).to_contain_text("asked to be removed")
    expect(rows.filter(has_text="+1 202-555-0112")).to_have_count(0)
    screenshot(page, "conversations-auto-opt-out")


def test_opening_a_conversation_shows_the_whole_thread(page, site, sign_in, screenshot):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations?folder=auto")
    page.locator("li.conversation", has_text="+1 202-555-0114").locator("a.open").click()
    thread = page.get_by_role("list", name="Messages")
    expect(thread.locator("li.outbound")).to_contain_text("flu shots this Saturday")
    expect(thread.locator("li.inbound")).to_contain_text("nobody named Sam here")
    expect(thread.locator("li.triggering mark")).to_have_text(re.compile("wrong number", re.I))
    expect(page.locator(".status-line")).to_contain_text("Opted out automatically")
    screenshot(page, "conversation-thread")


def test_opt_back_in_warns_cancel_changes_nothing_and_opt_in_undoes(
    page, site, sign_in, screenshot
):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations?folder=auto")
    menu = page.get_by_role("button", name="Conversation actions for +1 202-555-0114").first
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.get_by_role("menuitem", name="Opt back in").click()
    dialog = page.get_by_role("dialog", name="Opt +1 202-555-0114 back in?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("100% sure")
    expect(dialog).to_contain_text(
        re.compile(r"if there is any doubt, it is better to leave them opted out", re.I)
    )
    screenshot(page, "opt-back-in-dialog")

    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert site.contact(site.clinic, WRONG_NUMBER).status == "opted_out"
    menu.click()
    page.get_by_role("menuitem", name="Opt back in").click()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert site.contact(site.clinic, WRONG_NUMBER).status == "opted_out"

    menu.click()
    page.get_by_role("menuitem", name="Opt back in").click()
    dialog.get_by_role("button", name="Opt in").click()
    expect(page.get_by_role("status")).to_contain_text("+1 202-555-0114 is opted back in")
    expect(page.locator("li.conversation", has_text="+1 202-555-0114")).to_have_count(0)
    expect(page.locator("li.conversation")).to_have_count(1)
    expect(page.get_by_role("list", name="Folders")).to_contain_text("1")
    assert site.contact(site.clinic, WRONG_NUMBER).status == "active"
    event = site.last_event(site.clinic, WRONG_NUMBER)
    assert (event.type, event.actor) == ("opt_in", "user:alice@maple.test")
    screenshot(page, "conversations-after-opt-in")


def test_the_menu_works_from_the_keyboard(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations?folder=auto")
    menu = page.get_by_role("button", name="Conversation actions for +1 202-555-0113").first
    menu.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("menuitem", name="Open conversation")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("menuitem", name="Opt back in")).to_be_focused()
    page.keyboard.press("Escape")
    expect(menu).to_be_focused()
    expect(menu).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert site.contact(site.clinic, REMOVE_ME).status == "opted_out"


def test_a_keyword_opt_out_is_labelled_and_offers_no_opt_back_in(page, site, sign_in, screenshot):
    sign_in(page, site, site.clinic.email)
    row = page.locator("li.conversation", has_text="+1 202-555-0112")
    expect(row).to_contain_text("Keyword opt-out")
    page.get_by_role("button", name="Conversation actions for +1 202-555-0112").first.click()
    menu = row.get_by_role("menu")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("menuitem", name="Opt back in")).to_have_count(0)
    expect(menu).to_contain_text("Only they can undo it")
    screenshot(page, "conversations-all-keyword-menu")
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    row.locator("a.open").click()
    expect(page.locator(".status-line")).to_contain_text("Only the contact can undo this")
    assert site.contact(site.clinic, KEYWORD).status_source == "keyword"


def test_opt_back_in_end_to_end_on_each_database(page, make_site, database_url, sign_in):
    site = make_site(database_url)
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations?folder=auto")
    page.get_by_role("button", name="Conversation actions for +1 202-555-0113").first.click()
    page.get_by_role("menuitem", name="Opt back in").click()
    page.get_by_role("dialog").get_by_role("button", name="Opt in").click()
    expect(page.get_by_role("status")).to_contain_text("+1 202-555-0113 is opted back in")
    expect(page.locator("li.conversation")).to_have_count(1)
    assert site.contact(site.clinic, REMOVE_ME).status == "active"
    assert site.last_event(site.clinic, REMOVE_ME).actor == "user:alice@maple.test"


def test_the_pages_fit_a_phone(browser, site, sign_in, screenshot):
    context = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    page = context.new_page()
    try:
        sign_in(page, site, site.clinic.email)
        for path, name in [
            ("/conversations?folder=auto", "phone-auto-opt-out"),
            (
                f"/conversations/{site.clinic.conversations[WRONG_NUMBER]}?folder=auto",
                "phone-thread",
            ),
            ("/opt-outs", "phone-opt-outs"),
        ]:
            page.goto(f"{site.url}{path}")
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
            screenshot(page, name)
        expect(page.get_by_role("link", name="Conversations")).to_be_visible()
    finally:
        context.close()


def test_an_active_contact_can_be_opted_out_from_its_menu(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    page.get_by_role("button", name="Conversation actions for +1 202-555-0111").first.click()
    page.get_by_role("menuitem", name="Opt out").click()
    dialog = page.get_by_role("dialog", name="Opt +1 202-555-0111 out?")
    dialog.get_by_role("button", name="Opt out").click()
    expect(page.get_by_role("status")).to_contain_text("+1 202-555-0111 is opted out")
    expect(page.get_by_role("heading", level=1)).to_have_text("Opted Out")
    expect(page.locator(".status-line")).to_contain_text("Opted out (manual)")
    event = site.last_event(site.clinic, "+12025550111")
    assert (event.type, event.source, event.actor) == ("opt_out", "manual", "user:alice@maple.test")
