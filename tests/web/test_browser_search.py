"""Searching the conversations page in headless Chromium: numbers, words, dates, counts."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _search(page):
    return page.get_by_role("search", name="Search conversations")


def test_search_by_number_or_words_links_to_the_conversation(page, site, sign_in, screenshot):
    sign_in(page, site, site.clinic.email)
    folders = page.get_by_role("list", name="Folders")
    expect(folders.get_by_role("link", name=re.compile("^All"))).to_contain_text("4")
    expect(folders.get_by_role("link", name=re.compile("Opted Out"))).to_contain_text("3")
    expect(page.locator(".range")).to_have_text("1–4 of 4")

    _search(page).get_by_label("Number or words").fill("(202) 555-0114")
    _search(page).get_by_role("button", name="Search").click()
    rows = page.get_by_role("list", name="Conversations in All").get_by_role("listitem")
    expect(rows).to_have_count(1)
    expect(page.locator(".range")).to_have_text("1–1 of 1 matching your search")
    expect(_search(page).get_by_label("Number or words")).to_have_value("(202) 555-0114")

    _search(page).get_by_label("Number or words").fill("remove list")
    _search(page).get_by_role("button", name="Search").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("+1 202-555-0113")
    screenshot(page, "conversations-search")
    rows.first.get_by_role("link", name=re.compile("202-555-0113")).click()
    expect(page.get_by_role("heading", name="+1 202-555-0113", level=2)).to_be_visible()
    expect(_search(page).get_by_label("Number or words")).to_have_value("remove list")

    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{site.url}/conversations?folder=all&q=remove+list")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, "phone-conversations-search")


def test_a_search_that_cannot_be_read_says_what_to_type_and_keeps_it(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/conversations?folder=auto&q=wrong&from=3+Dec")
    expect(page.get_by_role("alert")).to_have_text(
        "Enter the From date as year-month-day, e.g. 2026-12-03"
    )
    expect(_search(page).get_by_label("Number or words")).to_have_value("wrong")


def test_an_opt_out_links_to_its_conversation(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}/opt-outs")
    page.get_by_role("link", name="+1 202-555-0114").click()
    expect(page.get_by_role("heading", name="+1 202-555-0114", level=2)).to_be_visible()
    thread = page.get_by_role("list", name="Messages")
    expect(thread).to_contain_text("nobody named Sam here")


def test_the_source_filter_keeps_opt_outs_of_one_source(page, site, sign_in, screenshot):
    sign_in(page, site, site.clinic.email)
    _search(page).get_by_label("Opt-out source").select_option("Keyword")
    _search(page).get_by_role("button", name="Search").click()
    rows = page.get_by_role("list", name="Conversations in All").get_by_role("listitem")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("+1 202-555-0112")
    expect(page.locator(".range")).to_have_text("1–1 of 1 matching your search")
    expect(_search(page).get_by_label("Opt-out source")).to_have_value("keyword")

    _search(page).get_by_label("Opt-out source").select_option("Auto")
    _search(page).get_by_role("button", name="Search").click()
    expect(rows).to_have_count(2)
    expect(page.locator(".range")).to_have_text("1–2 of 2 matching your search")
    screenshot(page, "conversations-source-filter")
    page.get_by_role("list", name="Folders").get_by_role(
        "link", name=re.compile("Opted Out")
    ).click()
    expect(_search(page).get_by_label("Opt-out source")).to_have_value("auto")
    rows = page.get_by_role("list", name="Conversations in Opted Out").get_by_role("listitem")
    expect(rows).to_have_count(2)
    rows.first.get_by_role("link", name=re.compile("202-555-0114")).click()
    expect(page.get_by_role("heading", name="+1 202-555-0114", level=2)).to_be_visible()
    expect(_search(page).get_by_label("Opt-out source")).to_have_value("auto")


def test_what_they_said_keeps_the_opt_outs_of_one_family(page, site, sign_in):
    sign_in(page, site, site.clinic.email)
    _search(page).get_by_label("What they said").select_option("Wrong number")
    _search(page).get_by_role("button", name="Search").click()
    rows = page.get_by_role("list", name="Conversations in All").get_by_role("listitem")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("+1 202-555-0114")
    expect(_search(page).get_by_label("What they said")).to_have_value("wrong number")
    _search(page).get_by_label("What they said").select_option("Hostile demand")
    _search(page).get_by_role("button", name="Search").click()
    expect(_search(page).get_by_label("What they said")).to_have_value("hostile demand")
    expect(page.get_by_role("link", name=re.compile("202-555-01"))).to_have_count(0)
