"""``optout feedback export``: people's verdicts on replies, as labelled examples to retrain on."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from optout.cli.database import command_session
from optout.services.accounts import get_account_by_slug
from optout.services.reviews import feedback

feedback_app = typer.Typer(
    help="People's verdicts on replies, to retrain on.", no_args_is_help=True
)


@feedback_app.command("export")
def feedback_export(
    account: Annotated[
        str | None, typer.Option(help="Only this account's slug (default: every account).")
    ] = None,
) -> None:
    """Write every reviewed reply to stdout as JSON lines.

    Each line is {body, prompt, decision, human_label, family, at}: the reply, the text sent
    last before it (null if none), what the detector did (opt_out or none), what a person
    decided (opt_out or not_opt_out), the family of opt-out the detector read, and when.
    """
    with command_session() as session, session.begin():
        account_id = get_account_by_slug(session, account).id if account else None
        for example in feedback(session, account_id=account_id):
            sys.stdout.write(json.dumps(example, ensure_ascii=False) + "\n")


def register(app: typer.Typer) -> None:
    """Add the feedback commands to ``app``."""
    app.add_typer(feedback_app, name="feedback")
