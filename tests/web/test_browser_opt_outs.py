"""The opt-outs page, tenant isolation and CSRF, in headless Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_opting_a_number_out_from_the_opt_outs_page(page, site, sign_in, screenshot):
    sign_in(page, site, site.clinic.email)
    page.get_by_role("link", name="Opt-outs").click()
    table = page.get_by_role("table")
    expect(table.get_by_role("row")).to_have_count(4)  # header + keyword + two auto
    expect(table.get_by_role("row", name=re.compile(r"\+1 202-555-0112"))).to_contain_text(
        "Keyword"
    )
    page.get_by_label("Phone number").fill("(202) 555-0199")
    page.get_by_label("Note").fill("Asked on the phone")
    page.get_by_role("button", name="Opt out").click()
    expect(page.get_by_role("status")).to_contain_text("+1 202-555-0199 is opted out")
    row = page.get_by_role("row", name=re.compile(r"\+1 202-555-0199"))
    expect(row).to_contain_text("Manual")
    expect(row).to_contain_text("Asked on the phone")
    event = site.last_event(site.clinic, "+12025550199")
    assert (event.type, event.source, event.actor) == ("opt_out", "manual", "user:alice@maple.test")

    page.get_by_role("link", name="Clear").click()
    page.get_by_role("searchbox", name="Search by number").fill("202.555.0113")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("table").get_by_role("row")).to_have_count(2)
    expect(page.get_by_role("table")).to_contain_text("asked to be removed")
    page.get_by_role("link", name="Clear").click()
    screenshot(page, "opt-outs")


def test_a_bad_number_says_what_to_type_and_keeps_what_was_typed(page, site, sign_in, screenshot):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/opt-outs")
    page.get_by_label("Phone number").fill("( - )")
    page.get_by_label("Note").fill("asked at the desk")
    page.get_by_role("button", name="Opt out").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Enter a phone number with its area code, e.g. (202) 555-0123"
    )
    expect(page.get_by_label("Phone number")).to_have_value("( - )")
    expect(page.get_by_label("Phone number")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Phone number")).to_be_focused()
    expect(page.get_by_label("Note")).to_have_value("asked at the desk")
    screenshot(page, "opt-outs-bad-number")
    page.set_viewport_size({"width": 375, "height": 812})
    screenshot(page, "phone-opt-outs-bad-number")
    page.reload()
    expect(page.get_by_label("Phone number")).to_have_value("")  # shown once, not kept forever


def test_download_all_as_csv(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/opt-outs")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download all as CSV").click()
    text = download.value.path().read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith('"number","source"')
    assert '"+12025550113","auto"' in text and '"+12025550112","keyword"' in text


def test_another_accounts_user_sees_none_of_it(page, site, sign_in, screenshot):
    sign_in(page, site, site.dental.email)
    expect(page.locator("li.conversation")).to_have_count(1)
    expect(page.locator("main")).not_to_contain_text("202-555-011")
    page.goto(f"{site.url}/conversations?folder=auto")
    expect(page.locator("li.conversation")).to_have_count(1)
    clinic_conversation = site.clinic.conversations["+12025550114"]
    response = page.goto(f"{site.url}/conversations/{clinic_conversation}")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
    screenshot(page, "not-found")
    page.goto(f"{site.url}/opt-outs?q=2025550114")
    expect(page.get_by_role("table")).to_have_count(0)
    page.goto(f"{site.url}/opt-outs")
    expect(page.locator("main")).not_to_contain_text("202-555-011")


def test_a_forged_cross_site_post_is_refused(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    target = site.clinic.conversations["+12025550114"]
    forged = (
        f'<form method="post" action="{site.url}/conversations/{target}/opt-back-in">'
        '<input type="hidden" name="csrf_token" value="guessed"></form>'
        "<script>document.forms[0].submit()</script>"
    )
    # Same site (another port of 127.0.0.1), so the browser still sends the session cookie:
    # only the CSRF token stands between the forged form and the ledger.
    page.route(
        "http://127.0.0.1:9/**", lambda route: route.fulfill(body=forged, content_type="text/html")
    )
    with page.expect_response(re.compile(r"/opt-back-in$")) as answer:
        page.goto("http://127.0.0.1:9/evil")
    assert answer.value.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("This form has expired")
    assert site.contact(site.clinic, "+12025550114").status == "opted_out"


def test_a_manual_opt_out_can_be_undone_from_both_pages(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/opt-outs")
    page.get_by_label("Phone number").fill("+1 202 555 0111")
    page.get_by_role("button", name="Opt out").click()
    expect(page.get_by_role("status")).to_contain_text("is opted out")
    page.get_by_role("link", name="Clear").click()
    keyword = page.get_by_role("row", name=re.compile(r"\+1 202-555-0112"))
    expect(keyword).to_contain_text("Only the contact can undo")
    expect(keyword.get_by_role("button")).to_have_count(0)

    page.get_by_role("button", name="Opt +1 202-555-0111 back in").click()
    dialog = page.get_by_role("dialog", name="Opt +1 202-555-0111 back in?")
    expect(dialog).to_contain_text("100% sure")
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_role("button", name="Opt +1 202-555-0111 back in")).to_be_focused()
    assert site.contact(site.clinic, "+12025550111").status == "opted_out"

    page.goto(f"{site.url}/conversations?folder=opted-out")
    page.get_by_role("button", name="Conversation actions for +1 202-555-0111").first.click()
    page.get_by_role("menuitem", name="Opt back in").click()
    page.get_by_role("dialog", name="Opt +1 202-555-0111 back in?").get_by_role(
        "button", name="Opt in"
    ).click()
    expect(page.get_by_role("status")).to_contain_text("+1 202-555-0111 is opted back in")
    expect(page.locator("li.conversation", has_text="+1 202-555-0111")).to_have_count(0)
    event = site.last_event(site.clinic, "+12025550111")
    assert (event.type, event.actor) == ("opt_in", "user:alice@maple.test")
