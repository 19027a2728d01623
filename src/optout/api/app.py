"""The FastAPI application: ``create_app(settings)`` builds it, doing no work at import time."""

from __future__ import annotations

import gc
import math
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.telemetry import TelemetryConfig

from optout import web
from optout.api import access_log
from optout.api.body_limit import BodyLimit
from optout.api.credentials_first import CredentialsFirst
from optout.api.errors import LastResort, error_responses, install_error_handlers
from optout.api.inbound_lane import InboundLane
from optout.api.routes import (
    auto_opt_outs,
    classify,
    contacts,
    health,
    inbound,
    messages,
    opt_out_files,
    opt_out_keywords,
    opt_outs,
    providers,
    reports,
    suppression,
)
from optout.api.webhooks import providers as provider_webhooks
from optout.config import Settings, get_settings
from optout.detect import Detector
from optout.store.engine import make_engine, make_session_factory

BULK_PATHS = ("/suppression/check", "/import")
STREAMED_PATHS = (suppression.FILE_PATH,)
"""Bodies of any size, read by their routes as they stream in: never buffered here."""
NO_TELEMETRY: TelemetryConfig = {"tracing": False, "metrics": False, "logs": False}
BULK_FACTOR = 16
"""Bulk endpoints accept this many times ``max_body_bytes`` (100,000+ numbers per call)."""


def create_app(settings: Settings | None = None, *, detector: Detector | None = None) -> FastAPI:
    """Build the app for ``settings`` (the environment's when None); migrations are not run."""
    settings = settings or get_settings()
    app = FastAPI(
        title="optout",
        summary="Opt-out detection, the opt-out ledger and the suppression API for SMS senders.",
        version="0.1.0",
        # Not instrumented with OpenTelemetry: without this, every request asks whether it is.
        telemetry=NO_TELEMETRY,
        lifespan=web.lifespan,
    )
    app.state.settings = settings
    engine = make_engine(settings.database_url, timeout=settings.database_timeout)
    app.state.engine = engine
    app.state.session_factory = make_session_factory(engine, default_region=settings.default_region)
    app.state.detector = detector or Detector()
    install_error_handlers(app)
    access_log.install()
    routers = (
        health,
        inbound,
        contacts,
        opt_outs,
        auto_opt_outs,
        suppression,
        messages,
        opt_out_files,
        opt_out_keywords,
        classify,
        reports,
        providers,
    )
    for module in routers:
        app.include_router(module.router, responses=error_responses())
    app.include_router(provider_webhooks.router, responses=error_responses())
    web.mount(app)
    limit_for = _limits(settings.max_body_bytes)
    app.add_middleware(BodyLimit, limit_for=limit_for, read_timeout=settings.body_read_timeout)
    app.add_middleware(
        CredentialsFirst,
        is_bulk=lambda path: (limit_for(path) or math.inf) > settings.max_body_bytes,
        signed_in=web.has_session,
    )
    app.add_middleware(LastResort)  # whatever the layers inside let through
    limit, timeout = settings.max_body_bytes, settings.body_read_timeout
    app.add_middleware(InboundLane, limit=limit, read_timeout=timeout)  # outermost
    return app


def create_served_app() -> FastAPI:
    """Build the app of one server process: warmed up, what it built out of the collector's way.

    The detector builds its automata and patterns for the first reply it reads, unless
    warmed up here (the first inbound reply would wait most of a second). Its model and
    tables are over 100,000 objects that live as long as the process, and a full garbage
    collection walked them all: about 70 ms with every request waiting. Frozen, a collection
    walks only what requests leave behind.
    """
    app = create_app()
    app.state.detector.warm_up()  # its tables are built now, not for the first reply
    gc.collect()
    gc.freeze()
    return app


def _limits(limit: int) -> Callable[[str], int | None]:
    def limit_for(path: str) -> int | None:
        if path in STREAMED_PATHS:
            return None
        return limit * BULK_FACTOR if path.endswith(BULK_PATHS) else limit

    return limit_for
