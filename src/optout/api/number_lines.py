"""A request body of numbers, one a line, read in blocks as it streams in.

The bulk suppression check of a file (``POST /v1/suppression/check-file``) has no size
limit: its body is never held whole. Each block is checked as the JSON check's numbers are
(UTF-8, no NUL, at most 64 characters a number) before the route sees it, and a body that
stops arriving for the read timeout is answered 408.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator, Iterator

import numpy as np
from anyio import fail_after, from_thread
from starlette.requests import Request

from optout.api.schemas import MAX_NUMBER_CHARS
from optout.exceptions import InvalidInput, RequestTimeout

BLOCK_BYTES = 1 << 20
"""About how much of the body makes one block: enough that a block's overhead is noise."""
_LONGEST_LINE_BYTES = 4 * MAX_NUMBER_CHARS + 1  # UTF-8 characters, and a "\r"


async def line_blocks(request: Request, read_timeout: float) -> AsyncGenerator[bytes]:
    """Yield the body in blocks of whole lines, each ended by a newline, checked."""
    chunks: list[bytes] = []
    size = lines_before = 0
    async for chunk in _chunks(request, read_timeout):
        chunks.append(chunk)
        size += len(chunk)
        if size >= BLOCK_BYTES:
            pending = b"".join(chunks)
            cut = pending.rfind(b"\n") + 1
            block, rest = _check(pending[:cut], lines_before), pending[cut:]
            if len(rest) > _LONGEST_LINE_BYTES:  # a line that is no number, still arriving
                raise _refused(lines_before + block.count(b"\n") + 1, _TOO_LONG)
            lines_before += block.count(b"\n")
            chunks, size = [rest], len(rest)
            yield block
    last = b"".join(chunks)
    if last:
        yield _check(last if last.endswith(b"\n") else last + b"\n", lines_before)


def blocking(blocks: AsyncIterator[bytes]) -> Iterator[bytes]:
    """Yield ``blocks`` in a worker thread, each one awaited on the event loop."""
    while (block := from_thread.run(_next, blocks)) is not None:
        yield block


async def _next(blocks: AsyncIterator[bytes]) -> bytes | None:
    return await anext(blocks, None)


async def _chunks(request: Request, read_timeout: float) -> AsyncIterator[bytes]:
    """Yield the body's chunks as they arrive; 408 if one takes longer than ``read_timeout``."""
    stream = request.stream().__aiter__()
    while True:
        try:
            with fail_after(read_timeout):
                chunk = await anext(stream, None)
        except TimeoutError:
            raise RequestTimeout(f"the request body stalled for {read_timeout:g} s") from None
        if chunk is None:
            return
        yield chunk


def _check(block: bytes, lines_before: int) -> bytes:
    """Return ``block``, refused (422) if it is no UTF-8, holds a NUL or too long a number."""
    try:
        text = block.decode()
    except UnicodeDecodeError as error:
        line = lines_before + block.count(b"\n", 0, error.start) + 1
        raise _refused(line, "is not valid UTF-8") from None
    if "\x00" in text:
        raise _refused(lines_before + text.count("\n", 0, text.index("\x00")) + 1, _NUL)
    long_lines = _long_lines(block)
    lines = text.split("\n") if long_lines else []
    for index in long_lines:
        if len(lines[index].removesuffix("\r")) > MAX_NUMBER_CHARS:
            raise _refused(lines_before + index + 1, _TOO_LONG)
    return block


def _long_lines(block: bytes) -> list[int]:
    """Return the indexes of the lines of ``block`` that may be over the limit (in bytes)."""
    ends = np.flatnonzero(np.frombuffer(block, dtype=np.uint8) == ord("\n"))
    lengths = np.diff(ends, prepend=-1) - 1
    return [int(index) for index in np.flatnonzero(lengths > MAX_NUMBER_CHARS)]


def _refused(line: int, problem: str) -> InvalidInput:
    return InvalidInput(f"line {line}: {problem}", field="body")


_NUL = "must not contain NUL (\\u0000) characters"
_TOO_LONG = f"a number is at most {MAX_NUMBER_CHARS} characters"
