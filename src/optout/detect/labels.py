"""Labelled replies: the ``LABEL<TAB>text`` format of the corpus and of ``optout eval``.

Labels (see ``corpus/README.md`` for the rules): ``KW`` a keyword opt-out, ``AUTO`` an
opt-out in other words, ``OUT`` an opt-out either way, ``IN`` an opt-in, ``HELP`` a help
request, ``NONE`` not an opt-out, ``SKIP`` kept but not scored. Blank lines and lines
starting with ``#`` are ignored. A line may instead be a JSON object
``{"label": ..., "body": ..., "prompt": ...}``, for replies that need the text they answer
(``prompt`` is optional; other keys, such as ``family``, are ignored).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

from optout.exceptions import InvalidInput


class Label(StrEnum):
    """What a labelled reply is, as far as opting out goes."""

    KW = "KW"
    AUTO = "AUTO"
    OUT = "OUT"
    IN = "IN"
    HELP = "HELP"
    NONE = "NONE"
    SKIP = "SKIP"

    @property
    def opts_out(self) -> bool:
        """Return whether a reply with this label asks to opt out."""
        return self in (Label.KW, Label.AUTO, Label.OUT)


@dataclass(frozen=True, slots=True)
class LabelledReply:
    """One reply with its label and the line it came from."""

    label: Label
    text: str
    line: int
    prompt: str | None = None


def parse_labelled(content: str, *, source: str) -> list[LabelledReply]:
    """Return the labelled replies in ``content``; ``source`` names it in errors."""
    replies = []
    for number, line in enumerate(content.split("\n"), start=1):
        if line.strip() and not line.startswith("#"):
            replies.append(_parse_line(line, number, source))
    return replies


def _parse_line(line: str, number: int, source: str) -> LabelledReply:
    """Return the reply on one line, or say exactly what is wrong with it."""
    if line.startswith("{"):
        return _parse_json_line(line, number, source)
    label, tab, text = line.partition("\t")
    if not tab:
        raise InvalidInput(f"{source} line {number}: expected LABEL<TAB>text, found no tab")
    try:
        return LabelledReply(Label(label.strip().upper()), text, number)
    except ValueError:
        known = ", ".join(Label)
        raise InvalidInput(
            f"{source} line {number}: unknown label {label!r}; use one of {known}"
        ) from None


def _parse_json_line(line: str, number: int, source: str) -> LabelledReply:
    """Return the reply on a JSON line ``{"label", "body", "prompt"?}``."""
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        raise InvalidInput(f"{source} line {number}: not valid JSON: {error.msg}") from None
    body, prompt = (item.get("body"), item.get("prompt")) if isinstance(item, dict) else (0, 0)
    if not isinstance(body, str) or not (prompt is None or isinstance(prompt, str)):
        raise InvalidInput(
            f'{source} line {number}: a JSON line needs a "body" string and may have a '
            '"prompt" string'
        )
    reply = _parse_line(f"{item.get('label', '')}\t{body}", number, source)
    return LabelledReply(reply.label, reply.text, number, prompt)
