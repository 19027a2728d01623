"""``POST /v1/suppression/check`` and ``/check-file``: which of many numbers are opted out."""

from __future__ import annotations

from contextlib import aclosing
from functools import partial
from typing import Any

from anyio import to_thread
from fastapi import APIRouter, Request, Response
from pydantic_core import to_json

from optout.api.deps import AccountDep, SessionDep, SettingsDep
from optout.api.number_lines import blocking, line_blocks
from optout.api.schemas import SuppressionIn, SuppressionOut
from optout.services.suppression import (
    SuppressedLines,
    check_suppression,
    check_suppression_lines,
)

router = APIRouter(prefix="/v1", tags=["suppression"])
FILE_PATH = "/v1/suppression/check-file"


@router.post("/suppression/check")
def post_suppression_check(
    body: SuppressionIn, account: AccountDep, session: SessionDep
) -> SuppressionOut:
    """Return the opted-out ones among up to 500,000 numbers written in any format."""
    result = check_suppression(session, account=account, numbers=body.numbers)
    return SuppressionOut(opted_out=result.opted_out, invalid=result.invalid)


_FILE_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "Numbers in any format, one a line (UTF-8); blank lines are skipped.",
        "content": {"text/plain": {"schema": {"type": "string"}, "example": "202-555-0123\n"}},
    }
}


@router.post(
    "/suppression/check-file",
    response_model=SuppressionOut,
    responses={408: {"description": "The body stopped arriving for the read timeout."}},
    openapi_extra=_FILE_BODY,
)
async def post_suppression_check_file(
    request: Request, account: AccountDep, session: SessionDep, settings: SettingsDep
) -> Response:
    """Return the opted-out ones among any number of numbers, one a line, streamed in.

    The body is read as it arrives and the numbers are joined with the ledger once; the
    opted-out keys come in no set order, each once.
    """
    async with aclosing(line_blocks(request, settings.body_read_timeout)) as blocks:
        check = partial(check_suppression_lines, session, account=account, lines=blocking(blocks))
        result = await to_thread.run_sync(check)
    return Response(_answer(result), media_type="application/json")


def _answer(result: SuppressedLines) -> bytes:
    """Return the answer's JSON: the keys' array is their text with its line breaks replaced.

    A million keys then cost a few milliseconds instead of a Python string each; a key with
    a character JSON escapes (none but a sender's, if any) takes the slow way.
    """
    keys = result.opted_out.encode()
    if not keys or keys.translate(None, _NOT_ESCAPED_IN_JSON):
        opted_out = [to_json(result.opted_out.split("\n") if keys else [])]
    else:
        opted_out = [b'["', keys.replace(b"\n", b'","'), b'"]']
    return b"".join([b'{"opted_out":', *opted_out, b',"invalid":', to_json(result.invalid), b"}"])


_NOT_ESCAPED_IN_JSON = bytes(set(range(0x20, 0x100)) - set(b'"\\')) + b"\n"
"""The bytes JSON writes as they are (the line breaks become the array's separators)."""
