"""Commands for the people who sign in to the pages: ``optout users create``."""

from __future__ import annotations

from typing import Annotated

import typer

from optout.config import get_settings
from optout.exceptions import OptoutError
from optout.services.accounts import get_account_by_slug
from optout.services.users import create_user
from optout.store.engine import make_engine, make_session_factory

users_app = typer.Typer(help="People who sign in to the pages.", no_args_is_help=True)


@users_app.command("create")
def users_create(
    account: Annotated[str, typer.Option(help="Slug of the user's account.")],
    email: Annotated[str, typer.Option(help="The email the user signs in with.")],
) -> None:
    """Create a user of ACCOUNT; the password is asked for twice, without echo."""
    password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    engine = make_engine(get_settings().database_url)
    try:
        with make_session_factory(engine).begin() as session:
            user = create_user(
                session,
                account=get_account_by_slug(session, account),
                email=email,
                password=password,
            )
            address = user.email
    except OptoutError as error:
        typer.echo(f"error: {error.message}", err=True)
        raise typer.Exit(1) from error
    finally:
        engine.dispose()
    typer.echo(f"user {address} can now sign in to account {account}")


def register(app: typer.Typer) -> None:
    """Add the user commands to ``app``."""
    app.add_typer(users_app, name="users")
