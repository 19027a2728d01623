"""Two pages on two workers of a real ``optout serve`` on PostgreSQL take a reply live.

The reply is posted to ``/v1/inbound`` (reaching either worker); each page hears of it
through its own worker's stream, fed by PostgreSQL's NOTIFY, without a reload.
"""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.postgres, pytest.mark.slow]

ACTIVE = "+12025550111"
SENDER = "+12025550100"
ATTEMPTS = 40
"""New browser contexts tried for a stream on the other worker (the kernel picks one)."""


def _open(browser, site, sign_in, path):
    context = browser.new_context(viewport={"width": 1280, "height": 820}, reduced_motion="reduce")
    context.set_default_timeout(20_000)
    page = context.new_page()
    sign_in(page, site, site.clinic.email)
    page.goto(f"{site.url}{path}")
    return page, _stream_process(page)


def _stream_process(page) -> str:
    """Wait for the page's live stream; return the server process holding it."""
    live = page.locator("[data-live]")
    expect(live).to_have_attribute("data-stream", re.compile(r"^[0-9a-f]{8}$"))
    return str(live.get_attribute("data-stream"))


def _on_another_worker(browser, site, sign_in, path, taken):
    for _ in range(ATTEMPTS):
        page, process = _open(browser, site, sign_in, path)
        if process != taken:
            return page
        page.context.close()
    raise AssertionError(f"no stream reached the second worker in {ATTEMPTS} tries")


def _badge(page, folder):
    folders = page.get_by_role("list", name="Folders")
    return folders.get_by_role("link", name=re.compile(folder)).locator("[data-count]")


def test_a_reply_reaches_pages_on_both_workers_without_reload(
    browser, served_site, sign_in, screenshot
):
    thread_path = f"/conversations/{served_site.clinic.conversations[ACTIVE]}?folder=all"
    thread_page, first = _open(browser, served_site, sign_in, thread_path)
    list_page = _on_another_worker(browser, served_site, sign_in, "/conversations", first)
    for page in (thread_page, list_page):
        expect(_badge(page, "Opted Out")).to_have_text(re.compile("^3"))
        page.evaluate("window.notReloaded = true")

    reply = {"from": ACTIVE, "to": SENDER, "body": "STOP", "id": "live-workers-1"}
    answer = httpx.post(
        f"{served_site.url}/v1/inbound", json=reply, headers=served_site.inbound_headers
    )
    assert answer.status_code == 200, answer.text

    messages = thread_page.get_by_role("list", name="Messages")
    expect(messages.get_by_role("listitem").nth(-2)).to_contain_text("STOP")
    expect(messages.get_by_role("listitem").last).to_contain_text(
        "Automatic answer: opt-out confirmation"
    )
    show = list_page.get_by_role("button", name="1 new reply — show")
    expect(show).to_be_visible()
    for page in (thread_page, list_page):
        expect(_badge(page, "Opted Out")).to_have_text(re.compile("^4"))
    screenshot(list_page, "live-new-replies")
    screenshot(thread_page, "live-thread-answer")
    list_page.set_viewport_size({"width": 375, "height": 812})
    screenshot(list_page, "phone-live-new-replies")
    thread_page.set_viewport_size({"width": 375, "height": 812})
    screenshot(thread_page, "phone-live-thread-answer")
    list_page.set_viewport_size({"width": 1280, "height": 820})

    show.click()
    rows = list_page.get_by_role("list", name="Conversations in All").get_by_role("listitem")
    expect(rows.first).to_contain_text("+1 202-555-0111")
    expect(rows.first).to_contain_text("STOP")
    expect(rows.first.get_by_role("link").first).to_be_focused()
    expect(show).to_be_hidden()
    for page in (thread_page, list_page):
        assert page.evaluate("window.notReloaded") is True
        page.context.close()


def test_the_server_stops_at_once_with_a_stream_open(served_site, sign_in_over_http):
    served = served_site.served
    with httpx.Client(base_url=served.url, timeout=60) as client:
        sign_in_over_http(client, served_site.clinic.email)
        with client.stream("GET", "/conversations/events") as stream:
            assert stream.status_code == 200
            lines = stream.iter_lines()
            assert next(lines) == "event: ready"
            served.process.terminate()
            # Without the stream ending as the server stops, uvicorn waits for it for ever.
            assert served.process.wait(timeout=60) == 0
            for _line in lines:  # the worker ended the stream: reading it comes to an end
                pass
    log = served.log.read_text()
    assert "graceful shutdown exceeded" not in log, log
    assert log.count("Finished server process") == 2, log
