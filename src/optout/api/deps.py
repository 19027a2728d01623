"""Dependencies shared by the routes: the database session, the detector, the account.

A ``/v1`` route runs inside the transaction :func:`get_account` opens: one unit of work per
request, committed before the answer leaves.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from optout.config import Settings
from optout.detect import Detector
from optout.services.accounts import authenticate_api_key, key_prefix
from optout.store.tables import Account

_bearer = HTTPBearer(auto_error=False, description="An API key from 'optout accounts create'.")


def get_session(request: Request) -> Iterator[Session]:
    """Yield a session for this request; routes open the transaction they need."""
    with request.app.state.session_factory() as session:
        yield session


def get_settings_dep(request: Request) -> Settings:
    """Return the app's settings."""
    settings: Settings = request.app.state.settings
    return settings


def get_detector(request: Request) -> Detector:
    """Return the app's one shared detector."""
    detector: Detector = request.app.state.detector
    return detector


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
DetectorDep = Annotated[Detector, Depends(get_detector)]
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def get_account(
    session: SessionDep, credentials: Credentials, request: Request
) -> Iterator[Account]:
    """Authenticate the API key and hold the request's transaction open around the route.

    Used with ``scope="function"``: the transaction commits (or rolls back on an error)
    before the answer is sent, and key check and work share one transaction.
    """
    key = credentials.credentials if credentials else None
    with session.begin():
        account = authenticate_api_key(session, key)
        request.state.actor = f"api-key:{key_prefix(key or '')}"
        yield account


def get_actor(
    request: Request, _account: Annotated[Account, Depends(get_account, scope="function")]
) -> str:
    """Return how the ledger names the caller: ``api-key:<prefix>``."""
    actor: str = request.state.actor
    return actor


AccountDep = Annotated[Account, Depends(get_account, scope="function")]
ActorDep = Annotated[str, Depends(get_actor)]
