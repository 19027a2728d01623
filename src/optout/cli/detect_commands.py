"""Commands around the detector: classify, eval, train."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from optout.detect import Detector


def classify(texts: Annotated[list[str] | None, typer.Argument(help="Messages.")] = None) -> None:
    """Print one JSON decision per message."""
    detector = Detector()
    for text in texts or []:
        typer.echo(json.dumps({"text": text, **detector.decide(text).to_dict()}))


def register(app: typer.Typer) -> None:
    """Add the detector commands to ``app``."""
    app.command()(classify)
