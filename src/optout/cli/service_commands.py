"""Commands that run and administer the service: serve, db, accounts, import/export."""

from __future__ import annotations

import typer

from optout.config import get_settings
from optout.store.engine import upgrade

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the migrations to OPTOUT_DATABASE_URL."""
    upgrade(get_settings().database_url)
    typer.echo("database is up to date")


def register(app: typer.Typer) -> None:
    """Add the service commands to ``app``."""
    app.add_typer(db_app, name="db")
