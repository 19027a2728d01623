"""The ``optout`` command line: one Typer app, its commands grouped by concern."""

from __future__ import annotations

import typer

from optout.cli import detect_commands, feedback_commands, service_commands, user_commands

app = typer.Typer(
    name="optout",
    help="Detect SMS opt-outs, keep the opt-out ledger and serve the suppression API.",
    no_args_is_help=True,
    add_completion=False,
)
detect_commands.register(app)
service_commands.register(app)
user_commands.register(app)
feedback_commands.register(app)
