"""Commands that run and administer the service: serve, db, accounts, import/export."""

from __future__ import annotations

import getpass
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import Progress
from sqlalchemy.orm import sessionmaker

from optout.cli.database import command_session
from optout.config import Settings, get_settings
from optout.domain import KeyPurpose
from optout.services.accounts import (
    configure_account,
    create_account,
    get_account_by_slug,
    issue_api_key,
    rotate_api_key,
    set_opt_out_keywords,
)
from optout.services.demo import DemoInfo, seed_demo
from optout.services.ledger_csv import export_opt_outs, import_opt_outs
from optout.services.provider_settings import ProviderView, configure_provider
from optout.services.time_zones import set_time_zone
from optout.store.engine import make_engine, make_session_factory, upgrade

db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
accounts_app = typer.Typer(help="Accounts (tenants) and their API keys.", no_args_is_help=True)


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply the migrations to OPTOUT_DATABASE_URL."""
    upgrade(get_settings().database_url)
    typer.echo("database is up to date")


WORKER_START_SECONDS = 120
"""How long a worker may go without answering the supervisor's health check before it is
killed and replaced. uvicorn's default is 5 s, and a worker answers from a thread that
needs the interpreter lock: while the worker starts (loading the detector's model, building
its automata) on a busy machine, it could not, and was killed over and over before its
first start completed (five times in about 40 s)."""


def server_options(settings: Settings) -> dict[str, Any]:
    """Return uvicorn's settings for a server process (besides the app, host and port)."""
    return {
        "timeout_worker_healthcheck": WORKER_START_SECONDS,
        # Beyond this many open connections (and requests) a worker answers 503 at once
        # instead of accepting more bodies to hold.
        "limit_concurrency": settings.max_connections,
        "log_level": settings.log_level.lower(),
    }


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    demo: Annotated[bool, typer.Option(help="Seed a demo account on an empty database.")] = False,
) -> None:
    """Migrate the database and serve the API (and pages) with uvicorn."""
    import uvicorn

    settings = get_settings()
    upgrade(settings.database_url)
    if demo:
        engine = make_engine(settings.database_url)
        factory = make_session_factory(engine, default_region=settings.default_region)
        info = seed_demo(factory, settings)
        engine.dispose()
        _print_demo(info, f"http://{host}:{port}")
    uvicorn.run(
        "optout.api.app:create_served_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        **server_options(settings),
    )


def _print_demo(info: DemoInfo | None, url: str) -> None:
    if info is None:
        typer.echo("The database already has accounts; no demo was added.")
        typer.echo(f"Sign in at {url}/login (add a user with 'optout users create').")
        return
    typer.echo(f"Sign in at {url}/login as {info.user_email}, password {info.user_password}")
    typer.echo(f"Demo account '{info.account_slug}' with {info.conversations} conversations.")
    typer.echo(f"Management API key (shown once): {info.api_key}")
    typer.echo(f"Inbound key, for the delivery channel only (shown once): {info.inbound_key}")
    typer.echo(f"API docs: {url}/docs")
    typer.echo(f"Try: curl -H 'Authorization: Bearer {info.api_key}' {url}/v1/auto-opt-outs")
    reply = '{"from": "+12025550188", "to": "+12025550100", "body": "STOP", "id": "SMtry"}'
    typer.echo(
        f"and: curl -H 'Authorization: Bearer {info.inbound_key}' "
        f"-H 'Content-Type: application/json' -d '{reply}' {url}/v1/inbound"
    )


@accounts_app.command("create")
def accounts_create(
    name: Annotated[str, typer.Argument(help="The account's name.")],
    twilio_auth_token: Annotated[str | None, typer.Option(help="Checks Twilio webhooks.")] = None,
    twilio_account_sid: Annotated[str | None, typer.Option(help="Sends through Twilio.")] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print {slug, api_key, inbound_key} as JSON.")
    ] = False,
) -> None:
    """Create an account; print its management and inbound keys, shown only this once."""
    provider = "twilio" if twilio_account_sid and twilio_auth_token else "log"
    with command_session() as session, session.begin():
        account, key = create_account(
            session,
            name=name,
            provider=provider,
            twilio_account_sid=twilio_account_sid,
            twilio_auth_token=twilio_auth_token,
        )
        inbound_key = issue_api_key(session, account=account, purpose=KeyPurpose.INBOUND)
    if as_json:
        typer.echo(json.dumps({"slug": account.slug, "api_key": key, "inbound_key": inbound_key}))
        return
    typer.echo(f"account: {account.slug}\napi key (shown once): {key}")
    typer.echo(f"inbound key, for the delivery channel only (shown once): {inbound_key}")


@accounts_app.command("rotate-key")
def accounts_rotate_key(
    slug: Annotated[str, typer.Argument(help="The account's slug.")],
    inbound: Annotated[
        bool, typer.Option("--inbound", help="Rotate the inbound key, not the management key.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print {slug, purpose, key}.")] = False,
) -> None:
    """Revoke the account's management (or inbound) keys and print the new one, shown once."""
    purpose = KeyPurpose.INBOUND if inbound else KeyPurpose.MANAGEMENT
    with command_session() as session, session.begin():
        account = get_account_by_slug(session, slug)
        key = rotate_api_key(session, account=account, purpose=purpose)
    if as_json:
        typer.echo(json.dumps({"slug": account.slug, "purpose": purpose.value, "key": key}))
        return
    typer.echo(f"{purpose.value} key of {account.slug} (shown once; the old one is revoked): {key}")


@accounts_app.command("configure")
def accounts_configure(
    slug: Annotated[str, typer.Argument(help="The account's slug.")],
    opt_out_confirmation: Annotated[
        str | None, typer.Option(help="The one-time reply confirming an opt-out.")
    ] = None,
    confirm_opt_outs: Annotated[
        bool | None, typer.Option(help="Send the opt-out confirmation at all.")
    ] = None,
    opt_in_confirmation: Annotated[str | None, typer.Option(help="The reply to START.")] = None,
    help_text: Annotated[str | None, typer.Option(help="The reply to HELP.")] = None,
    twilio_account_sid: Annotated[str | None, typer.Option(help="Sends through Twilio.")] = None,
    twilio_auth_token: Annotated[str | None, typer.Option(help="Checks Twilio webhooks.")] = None,
    provider: Annotated[
        str | None, typer.Option(help="The SMS provider the --set values are for.")
    ] = None,
    values: Annotated[
        list[str] | None,
        typer.Option("--set", help="KEY=VALUE, a setting of --provider (repeat it)."),
    ] = None,
    opt_out_keywords: Annotated[
        list[str] | None,
        typer.Option(
            "--opt-out-keyword",
            help="An opt-out keyword of the account's own, e.g. LEAVE4GOOD (repeat it).",
        ),
    ] = None,
    removed_keywords: Annotated[
        list[str] | None,
        typer.Option("--remove-opt-out-keyword", help="Stop reading this keyword (repeat it)."),
    ] = None,
    time_zone: Annotated[
        str | None,
        typer.Option(help="The pages' time zone, e.g. America/Chicago ('' for each reader's)."),
    ] = None,
) -> None:
    """Set an account's reply texts, opt-out keywords, time zone and SMS providers' settings.

    With no option, it prints the account's opt-out keywords, time zone and provider.
    """
    settings = _settings(provider, values or [])
    with command_session() as session, session.begin():
        account = get_account_by_slug(session, slug)
        if provider is not None:
            view = configure_provider(session, account=account, provider=provider, values=settings)
            typer.echo(_describe(view))
        account = configure_account(
            session,
            account=account,
            opt_out_confirmation=opt_out_confirmation,
            opt_out_confirmation_enabled=confirm_opt_outs,
            opt_in_confirmation=opt_in_confirmation,
            help_text=help_text,
            twilio_account_sid=twilio_account_sid,
            twilio_auth_token=twilio_auth_token,
        )
        keywords = set_opt_out_keywords(
            session, account=account, add=opt_out_keywords or (), remove=removed_keywords or ()
        )
        if time_zone is not None:
            set_time_zone(session, account=account, time_zone=time_zone)
        typer.echo(f"account {account.slug} updated (provider: {account.provider})")
        typer.echo(f"opt-out keywords of its own: {', '.join(keywords) or 'none'}")
        typer.echo(f"time zone: {account.time_zone or 'each reader their own'}")


def _settings(provider: str | None, values: list[str]) -> dict[str, str]:
    """Return the --set values by name; --set needs --provider."""
    if values and provider is None:
        raise typer.BadParameter("--set needs --provider NAME", param_hint="--set")
    settings: dict[str, str] = {}
    for value in values:
        name, equals, setting = value.partition("=")
        if not equals or not name:
            raise typer.BadParameter(f"{value!r} is not KEY=VALUE", param_hint="--set")
        settings[name.strip()] = setting
    return settings


def _describe(view: ProviderView) -> str:
    shown = ", ".join(f"{name}={value}" for name, value in view.settings.items()) or "none"
    uses = "receives webhooks" if view.receives_webhooks else "receives no webhook yet"
    sends = "sends outbound texts" if view.sends_outbound else "does not send"
    return f"provider {view.provider}: {shown} ({uses}, {sends})"


def import_opt_outs_command(
    account: Annotated[str, typer.Argument(help="The account's slug.")],
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV of numbers.")],
) -> None:
    """Opt out every number of a CSV file (a 'number' column, or the first column)."""
    lines = file.read_text(encoding="utf-8-sig").splitlines()
    with command_session() as session:
        with session.begin():
            account_id = get_account_by_slug(session, account).id
        sessions = sessionmaker(bind=session.get_bind(), expire_on_commit=False)
        with Progress(transient=True) as progress:
            task = progress.add_task("importing", total=len(lines))
            summary = import_opt_outs(
                sessions,
                account_id=account_id,
                lines=lines,
                filename=file.name,
                actor=command_line_actor(),
                progress=lambda line: progress.update(task, completed=line),
            )
    typer.echo(
        f"opted out {summary.opted_out}, already opted out {summary.already_opted_out}, "
        f"invalid {len(summary.invalid)}"
    )
    for problem in summary.invalid[:20]:
        typer.echo(f"  {problem}", err=True)


def command_line_actor() -> str:
    """Return how the ledger names whoever runs the command: ``cli:<login>``."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no login name for this process's user
        return f"cli:uid-{os.getuid()}"


def export(account: Annotated[str, typer.Argument(help="The account's slug.")]) -> None:
    """Write the account's opt-outs in force to stdout as CSV."""
    with command_session() as session, session.begin():
        for line in export_opt_outs(session, account=get_account_by_slug(session, account)):
            sys.stdout.write(line)


def register(app: typer.Typer) -> None:
    """Add the service commands to ``app``."""
    app.add_typer(db_app, name="db")
    app.add_typer(accounts_app, name="accounts")
    app.command()(serve)
    app.command("import-opt-outs")(import_opt_outs_command)
    app.command()(export)
