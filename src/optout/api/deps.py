"""Dependencies shared by the routes: the database session, the detector, the account.

A ``/v1`` route runs inside the transaction :func:`get_account` opens: one unit of work per
request, committed before the answer leaves.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Annotated, Any

from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from optout.config import Settings
from optout.detect import Detector
from optout.domain import KeyPurpose
from optout.exceptions import InvalidInput
from optout.services.api_keys import authenticate_api_key, key_actor
from optout.store.tables import Account

_bearer = HTTPBearer(auto_error=False, description="An API key from 'optout accounts create'.")


def get_session(request: Request) -> Iterator[Session]:
    """Yield a session for this request; routes open the transaction they need."""
    with request.app.state.session_factory() as session:
        yield session


async def get_settings_dep(request: Request) -> Settings:
    """Return the app's settings."""
    settings: Settings = request.app.state.settings
    return settings


async def get_detector(request: Request) -> Detector:
    """Return the app's one shared detector."""
    detector: Detector = request.app.state.detector
    return detector


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
DetectorDep = Annotated[Detector, Depends(get_detector)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
RowId = Annotated[int, Path(ge=1, le=2**63 - 1, description="An id the API gave.")]
"""An id in a path: the databases' ids are signed 64-bit integers."""


def get_account(
    session: SessionDep, credentials: Credentials, request: Request
) -> Iterator[Account]:
    """Authenticate the API key and hold the request's transaction open around the route.

    Used with ``scope="function"``: the transaction commits (or rolls back on an error)
    before the answer is sent, and key check and work share one transaction.
    """
    with session.begin():
        yield _authenticate(session, credentials.credentials if credentials else None, request)


@contextmanager
def authenticated(
    request: Request, key: str | None, purpose: KeyPurpose = KeyPurpose.MANAGEMENT
) -> Iterator[tuple[Session, Account]]:
    """Open a session and transaction, check the ``purpose`` key in it, commit on leaving.

    For a sync route that does its whole unit of work in one threadpool trip.
    """
    with request.app.state.session_factory() as session, session.begin():
        yield session, _authenticate(session, key, request, purpose)


def bearer_key(headers: Mapping[str, str]) -> str | None:
    """Return the key of an ``Authorization: Bearer`` header, read as ``HTTPBearer`` reads it.

    For a route that takes no dependencies: solving them costs more than the lookup.
    """
    scheme, _, key = headers.get("authorization", "").partition(" ")
    key = key.strip()
    return key if key and scheme.lower() == "bearer" else None


def _authenticate(
    session: Session,
    key: str | None,
    request: Request,
    purpose: KeyPurpose = KeyPurpose.MANAGEMENT,
) -> Account:
    account = authenticate_api_key(session, key, purpose)
    request.state.actor = key_actor(key, purpose)
    return account


def get_actor(
    request: Request, _account: Annotated[Account, Depends(get_account, scope="function")]
) -> str:
    """Return how the ledger names the caller: ``api-key:<prefix>``."""
    actor: str = request.state.actor
    return actor


AccountDep = Annotated[Account, Depends(get_account, scope="function")]
ActorDep = Annotated[str, Depends(get_actor)]


async def json_body(request: Request) -> Any:
    """Return the request's JSON body (None when empty), read on the event loop."""
    return parsed_json(await request.body())


def parsed_json(raw: bytes) -> Any:
    """Return a request body's JSON (None when empty), or say why it is not JSON."""
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        raise InvalidInput("body: the request body is not valid JSON") from None
    except RecursionError:
        raise InvalidInput("body: the JSON is nested too deeply") from None
