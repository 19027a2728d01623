"""Commands for the people who sign in to the pages: ``optout users create``."""

from __future__ import annotations

from typing import Annotated

import typer

from optout.cli.database import command_session
from optout.services.accounts import get_account_by_slug
from optout.services.users import create_user

users_app = typer.Typer(help="People who sign in to the pages.", no_args_is_help=True)


@users_app.command("create")
def users_create(
    account: Annotated[str, typer.Option(help="Slug of the user's account.")],
    email: Annotated[str, typer.Option(help="The email the user signs in with.")],
) -> None:
    """Create a user of ACCOUNT; the password is asked for twice, without echo."""
    password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with command_session() as session, session.begin():
        user = create_user(
            session, account=get_account_by_slug(session, account), email=email, password=password
        )
        address = user.email
    typer.echo(f"user {address} can now sign in to account {account}")


def register(app: typer.Typer) -> None:
    """Add the user commands to ``app``."""
    app.add_typer(users_app, name="users")
