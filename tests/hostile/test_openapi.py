"""The OpenAPI document holds: schemathesis sends generated requests, valid and not, to every
operation of the app on PostgreSQL, and each answer must carry a status the document
declares, in the declared content type and shape, and never be a server error.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.schemas import APIOperation
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from optout.api.app import create_app
from optout.config import Settings
from optout.services.accounts import create_account

# PostgreSQL is the stricter store: it refuses NUL characters in text, for one.
pytestmark = pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
EXAMPLES = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def openapi_app(database_url: str) -> Iterator[FastAPI]:
    app = create_app(Settings(database_url=database_url, max_body_bytes=64 * 1024))
    yield app
    app.state.session_factory.kw["bind"].dispose()


@pytest.fixture
def api_key(openapi_app: FastAPI) -> str:
    with openapi_app.state.session_factory() as session, session.begin():
        _account, key = create_account(session, name="Schema", twilio_auth_token="t" * 32)
    return key


def _problems(operation: APIOperation, mode: GenerationMode, key: str) -> list[str]:
    """Return how ``operation`` broke its documented contract, if it did, on generated cases."""
    problems: list[str] = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(case=operation.as_strategy(generation_mode=mode))
    def exercise(case: schemathesis.Case) -> None:
        try:
            case.call_and_validate(headers={"Authorization": f"Bearer {key}"}, checks=CHECKS)
        except (Exception, BaseExceptionGroup) as failure:  # a group of the failed checks
            problems.append(f"{operation.label} ({mode}): {_describe(failure)}")
            raise

    try:
        exercise()
    except Unsatisfiable:  # nothing to make invalid, e.g. an operation without parameters
        assert mode is GenerationMode.NEGATIVE
    except (Exception, BaseExceptionGroup):  # recorded; the last is the one Hypothesis shrank to
        assert problems
    return problems[-1:]


def _describe(failure: Exception) -> str:
    found = failure.exceptions if isinstance(failure, BaseExceptionGroup) else [failure]
    return "; ".join(f"{type(one).__name__}: {one}"[:600] for one in found)


def test_every_operation_answers_as_documented(openapi_app: FastAPI, api_key: str) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", openapi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 10, [operation.label for operation in operations]
    problems = [
        problem
        for operation in operations
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
        for problem in _problems(operation, mode, api_key)
    ]
    assert not problems, "\n\n".join(problems)
