"""Opting out a CSV file from the Opt-outs page: preview, confirm, summary, in Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from optout.store.tables import Contact, ImportPreview, OptEvent

pytestmark = pytest.mark.browser

LIST = (
    "number,name\n"
    "(202) 555-0161,Ana\n"
    "+12025550162,Ben\n"
    "not a number,Cal\n"
    "12,Dee\n"
    "(202) 555-0112,Eve\n"
    "202-555-0161,Ana again\n"
)


def _upload(page, site, path):
    page.goto(f"{site.url}/opt-outs")
    page.get_by_label("CSV file").set_input_files(str(path))
    page.get_by_role("button", name="Upload CSV").click()


def _imported(site) -> int:
    with site.session_factory() as session:
        query = select(func.count()).select_from(OptEvent).where(OptEvent.source == "import")
        return session.scalar(query) or 0


def test_a_file_is_previewed_and_opted_out_only_when_confirmed(
    page, site, sign_in, tmp_path, screenshot
):
    sign_in(page, site, site.clinic.email)
    upload = tmp_path / "list.csv"
    upload.write_text(LIST, encoding="utf-8")
    _upload(page, site, upload)

    expect(page.get_by_role("heading", level=1)).to_have_text("Check list.csv before opting out")
    expect(page.get_by_role("heading", name="3 numbers found")).to_be_visible()
    found = page.get_by_role("list", name="Numbers found").get_by_role("listitem")
    expect(found).to_have_text(["+1 202-555-0161", "+1 202-555-0162", "+1 202-555-0112"])
    expect(page.locator("main")).to_contain_text("1 of them is opted out already")
    expect(page.locator("main")).to_contain_text("2 numbers will be opted out")
    expect(page.locator("main")).to_contain_text("1 line repeats a number listed earlier")
    expect(page.get_by_role("heading", name="2 lines not read")).to_be_visible()
    skipped = page.get_by_role("table").get_by_role("row")
    expect(skipped.nth(1)).to_have_text(re.compile(r"4\s*not a number\s*No digits"))
    expect(skipped.nth(2)).to_have_text(re.compile(r"5\s*12\s*Too few digits"))
    assert _imported(site) == 0  # nothing is opted out before the confirm
    assert site.contact(site.clinic, "+12025550111").status == "active"
    screenshot(page, "opt-outs-import-preview")
    page.set_viewport_size({"width": 375, "height": 812})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "phone-opt-outs-import-preview")
    page.set_viewport_size({"width": 1280, "height": 820})

    page.get_by_role("button", name="Opt out 2 numbers").click()
    expect(page.locator(".flash-success")).to_have_text(
        "list.csv: 2 numbers opted out, 2 were opted out already. 2 lines are not phone numbers "
        "and were skipped (line 4: not a number; line 5: 12)."
    )
    expect(page.locator(".flashes")).to_be_focused()  # focus lands on the summary
    expect(page.get_by_role("row", name=re.compile(r"\+1 202-555-0161"))).to_contain_text("Import")
    assert _imported(site) == 2
    event = site.last_event(site.clinic, "+12025550162")
    assert (event.source, event.actor, event.note) == (
        "import",
        "user:alice@maple.test",
        "imported from list.csv",
    )


def test_a_confirm_is_used_once_and_only_by_who_uploaded(page, browser, site, sign_in, tmp_path):
    sign_in(page, site, site.clinic.email)
    upload = tmp_path / "one.csv"
    upload.write_text("+12025550171\n", encoding="utf-8")
    _upload(page, site, upload)
    expect(page.get_by_role("heading", name="1 number found")).to_be_visible()
    preview_url = page.url

    other = browser.new_context().new_page()  # another account's user, with a CSRF token
    sign_in(other, site, site.dental.email)
    other.goto(preview_url)
    expect(other.get_by_role("alert")).to_contain_text("expired or was used already")
    assert site_has(site, "+12025550171") is False

    page.get_by_role("button", name="Opt out 1 number").click()
    expect(page.locator(".flash-success")).to_have_text("one.csv: 1 number opted out.")
    page.goto(preview_url)  # the preview is gone: a second confirm cannot import again
    expect(page.get_by_role("alert")).to_contain_text("upload the file again")
    with site.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(ImportPreview)) == 0
    other.context.close()


def site_has(site, number: str) -> bool:
    """Return whether the clinic has a contact for ``number``."""
    with site.session_factory() as session:
        query = select(Contact.id).where(
            Contact.account_id == site.clinic.account_id, Contact.number == number
        )
        return session.scalar(query) is not None


def test_cancel_opts_nothing_out(page, site, sign_in, tmp_path):
    sign_in(page, site, site.clinic.email)
    upload = tmp_path / "maybe.csv"
    upload.write_text("number\n+12025550181\n+12025550182\n", encoding="utf-8")
    _upload(page, site, upload)
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator(".flash-warning")).to_have_text("Nothing was opted out.")
    assert _imported(site) == 0


def test_an_empty_file_is_a_warning_and_a_file_without_numbers_offers_no_confirm(
    page, site, sign_in, tmp_path, screenshot
):
    sign_in(page, site, site.clinic.email)
    empty = tmp_path / "empty.csv"
    empty.write_text("number\n\n", encoding="utf-8")
    _upload(page, site, empty)
    warning = page.locator(".flash-warning")
    expect(warning).to_have_text("empty.csv has no phone numbers in it, so nothing was opted out.")
    expect(warning).to_have_attribute("role", "status")
    screenshot(page, "opt-outs-import-empty")

    names = tmp_path / "names.csv"
    names.write_text("number\nAna\n", encoding="utf-8")
    _upload(page, site, names)
    expect(page.get_by_role("heading", name="0 numbers found")).to_be_visible()
    expect(page.get_by_role("heading", name="1 line not read")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Opt out"))).to_have_count(0)
    page.get_by_role("button", name="Choose another file").click()
    expect(page).to_have_url(re.compile(r"/opt-outs$"))
