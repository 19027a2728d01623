"""Live streams: bounded per process, told of their own account's changes, ended on close.

Over HTTP, against the app served by uvicorn on PostgreSQL: a reply committed by another
process reaches an open stream, and a stream beyond the limit is refused with 503.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import anyio
import httpx
import pytest

from optout.config import Settings
from optout.services.inbound import InboundMessage, receive_inbound
from optout.store.tables import Account
from optout.web.live_streams import LiveStreams, StreamsFull, stream_limit


def test_a_process_holds_a_bounded_number_of_streams():
    streams = LiveStreams(limit=2)
    first, _second = streams.open(1), streams.open(2)
    with pytest.raises(StreamsFull):
        streams.open(1)
    first.close()
    first.close()  # twice is harmless
    assert streams.count == 1
    streams.open(1)
    assert streams.count == 2


def test_streams_never_take_more_than_half_a_workers_connections():
    assert stream_limit(Settings(live_streams=64, max_connections=256)) == 64
    assert stream_limit(Settings(live_streams=64, max_connections=40)) == 20


def test_a_change_reaches_its_accounts_streams_and_closing_ends_them(run_async):
    run_async(_a_change_reaches_its_accounts_streams_and_closing_ends_them())


async def _a_change_reaches_its_accounts_streams_and_closing_ends_them() -> None:
    streams = LiveStreams(limit=10)
    ours, also_ours, theirs = streams.open(1), streams.open(1), streams.open(2)
    for _ in range(3):
        streams.publish(1)
    with anyio.fail_after(10):
        assert await ours.next_change() is True  # three changes, one event
        assert await also_ours.next_change() is True
        streams.close()
        assert await theirs.next_change() is False
        assert await ours.next_change() is False
    with pytest.raises(StreamsFull):
        streams.open(3)


@pytest.fixture
def one_stream_site(make_site, postgres_url, monkeypatch):
    monkeypatch.setenv("OPTOUT_LIVE_STREAMS", "1")
    return make_site(postgres_url)


@pytest.fixture
def signed_in(one_stream_site, sign_in_over_http) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=one_stream_site.url, timeout=30) as client:
        sign_in_over_http(client, one_stream_site.clinic.email)
        yield client


def _events(lines: Iterator[str]) -> Iterator[str]:
    return (line.removeprefix("event: ") for line in lines if line.startswith("event: "))


def test_a_committed_reply_reaches_an_open_stream_and_a_second_is_refused(
    one_stream_site, signed_in, web_detector
):
    site = one_stream_site
    with signed_in.stream("GET", "/conversations/events") as stream:
        assert stream.headers["content-type"].startswith("text/event-stream")
        events = _events(stream.iter_lines())
        assert next(events) == "ready"
        refused = signed_in.get("/conversations/events")
        assert refused.status_code == 503
        assert int(refused.headers["retry-after"]) > 0
        with site.session_factory.begin() as session:  # as another worker would
            account = session.get_one(Account, site.clinic.account_id)
            inbound = InboundMessage("+12025550111", "+12025550100", "STOP", "stream-1")
            receive_inbound(
                session, account=account, detector=web_detector, inbound=inbound, channel="t"
            )
        assert next(events) == "change"
    # The closed stream's place comes back once the server sees the page gone.
    deadline = time.monotonic() + 30
    status = 503
    while status == 503 and time.monotonic() < deadline:
        with signed_in.stream("GET", "/conversations/events") as again:
            status = again.status_code
    assert status == 200


def test_a_page_on_sqlite_has_no_stream_and_asks_instead(site, sign_in_over_http):
    with httpx.Client(base_url=site.url, timeout=30) as client:
        sign_in_over_http(client, site.clinic.email)
        page = client.get("/conversations")
        assert "data-live=" in page.text and "data-events=" not in page.text
        assert client.get("/conversations/events").status_code == 404
        live = client.get("/conversations/live", params={"since": "2020-01-01T00:00:00+00:00"})
        assert live.json()["new"] == 4 and live.json()["new_text"] == "4 new replies — show"
