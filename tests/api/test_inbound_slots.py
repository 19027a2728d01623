"""A worker stores a few inbound replies at once; the others wait their turn, none is lost."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx

from optout.api.routes.inbound import INBOUND_SLOTS


def _post(base_url: str, headers: dict[str, str], payload: object) -> httpx.Response:
    return httpx.post(f"{base_url}/v1/inbound", json=payload, headers=headers, timeout=60)


def _reply(index: int) -> dict[str, str]:
    return {"from": f"+1202555{index:04d}", "to": "+12025550100", "body": "STOP",
            "id": f"SM-slot-{index}"}  # fmt: skip


class _CountingDetector:
    """The real detector, slowed a little, counting how many replies it decides at once."""

    def __init__(self, detector: Any) -> None:
        self._detector, self._lock = detector, threading.Lock()
        self.busy = self.peak = 0

    def decide(self, *args: Any, **kwargs: Any) -> Any:
        with self._lock:
            self.busy += 1
            self.peak = max(self.peak, self.busy)
        time.sleep(0.02)  # long enough for every waiting request to pile up
        try:
            return self._detector.decide(*args, **kwargs)
        finally:
            with self._lock:
                self.busy -= 1


def test_more_replies_at_once_than_slots_are_all_stored(app, live_server, tenant):
    counting = app.state.detector = _CountingDetector(app.state.detector)
    base_url, count = live_server(app), 4 * INBOUND_SLOTS
    with ThreadPoolExecutor(count) as threads:
        answers = list(threads.map(lambda i: _post(base_url, tenant.inbound_headers, _reply(i)),
                                   range(count)))  # fmt: skip
    assert [answer.status_code for answer in answers] == [200] * count
    assert len({answer.json()["message_id"] for answer in answers}) == count
    assert {answer.json()["contact"]["status"] for answer in answers} == {"opted_out"}
    assert counting.peak <= INBOUND_SLOTS
    if app.state.session_factory.kw["bind"].dialect.name == "postgresql":
        assert counting.peak > 1  # replies were stored side by side (SQLite takes one at a time)


def test_refused_replies_give_their_slot_back(app, live_server, tenant):
    base_url = live_server(app)
    wrong_key = {"Authorization": "Bearer oo_000000000000_wrongwrongwrongwrongwrong"}
    for index in range(2 * INBOUND_SLOTS):
        assert _post(base_url, wrong_key, _reply(index)).status_code == 401
        assert _post(base_url, tenant.inbound_headers, {"from": "+12025550123"}).status_code == 422
    assert _post(base_url, tenant.inbound_headers, _reply(1)).status_code == 200
