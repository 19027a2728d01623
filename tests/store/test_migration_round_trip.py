"""Migrations keep every row: a step down and up again, and a migration that rebuilds tables.

SQLite alters a table by copying it and dropping the original. Run with foreign keys on,
that drop deletes the rows of every table that refers to it through ``ON DELETE CASCADE``
(an account's keys, users and contacts), so the migrations must run with them off.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from optout.store.engine import alembic_config, make_engine, upgrade

NOW = "CURRENT_TIMESTAMP"
SEED = [
    "INSERT INTO accounts (id, slug, name, provider, opt_out_confirmation_enabled, created_at) "
    f"VALUES (1, 'maple', 'Maple', 'log', true, {NOW})",
    f"INSERT INTO site_secrets (name, value, created_at) VALUES ('session', 'k', {NOW})",
    "INSERT INTO api_keys (id, account_id, prefix, key_hash, created_at) "
    f"VALUES (1, 1, 'oo_abcd', 'h', {NOW})",
    "INSERT INTO users (id, account_id, email, password_hash, created_at) "
    f"VALUES (1, 1, 'ana@maple.test', 'h', {NOW})",
    "INSERT INTO contacts (id, account_id, number, status, created_at) "
    f"VALUES (1, 1, '+12025550100', 'active', {NOW})",
    f"INSERT INTO conversations (id, account_id, contact_id, created_at) VALUES (1, 1, 1, {NOW})",
    "INSERT INTO messages (id, account_id, conversation_id, contact_id, direction, provider_id, "
    "from_number, to_number, body, campaign, created_at) VALUES (1, 1, 1, 1, 'inbound', 'SM1', "
    f"'+12025550100', '+12025550199', 'STOP', 'spring', {NOW})",
    "INSERT INTO opt_events (id, account_id, contact_id, type, source, actor, message_id, "
    f"created_at) VALUES (1, 1, 1, 'opt_out', 'keyword', 'contact', 1, {NOW})",
    "UPDATE contacts SET status = 'opted_out', status_source = 'keyword', "
    f"status_changed_at = {NOW}, status_event_id = 1 WHERE id = 1",
    f"INSERT INTO sign_in_failures (id, email, at) VALUES (1, 'ana@maple.test', {NOW})",
    f"INSERT INTO ended_sessions (id, ended_at) VALUES ('s1', {NOW})",
    f"INSERT INTO live_watches (account_id, until) VALUES (1, {NOW})",
    "INSERT INTO provider_settings (id, account_id, provider, name, value, updated_at) "
    f"VALUES (1, 1, 'twilio', 'auth_token', 't', {NOW})",
    "INSERT INTO message_reviews (id, account_id, message_id, outcome, actor, created_at) "
    f"VALUES (1, 1, 1, 'kept', 'user:ana@maple.test', {NOW})",
    "INSERT INTO import_previews (token, account_id, user_id, filename, numbers, skipped, "
    f"created_at) VALUES ('t1', 1, 1, 'list.csv', '+12025550101', '[]', {NOW})",
    "INSERT INTO folder_counts (id, account_id, conversations) VALUES (1, 1, 1)",
]
DERIVED = "messages_fts"
"""SQLite's full-text index of message bodies and its shadow tables: derived from messages.

(``campaign_days`` is derived too, by triggers: the seed's reply fills its one row.)"""
TRIAL = '''
"""a trial migration that rebuilds the tables others refer to"""
import sqlalchemy as sa
from alembic import op

revision = "trial"
down_revision = "{head}"

TABLES = ("accounts", "contacts", "conversations", "messages", "users", "api_keys")


def _recreate():
    return "always" if op.get_bind().dialect.name == "sqlite" else "auto"


def upgrade():
    for table in TABLES:
        with op.batch_alter_table(table, recreate=_recreate()) as batch:
            batch.add_column(sa.Column("trial", sa.Integer()))


def downgrade():
    for table in TABLES:
        with op.batch_alter_table(table, recreate=_recreate()) as batch:
            batch.drop_column("trial")
'''


@pytest.fixture
def seeded(database_url: str) -> Iterator[tuple[str, Engine]]:
    """Return the test database, with one row in every table, and an engine on it."""
    engine = make_engine(database_url)
    with engine.begin() as connection:
        for statement in SEED:
            connection.execute(text(statement))
    try:
        yield database_url, engine
    finally:
        engine.dispose()
        upgrade(database_url)


def _counts(engine: Engine) -> dict[str, int]:
    names = inspect(engine).get_table_names()
    tables = [n for n in names if n != "alembic_version" and not n.startswith(DERIVED)]
    with engine.connect() as connection:
        return {
            t: connection.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables
        }


def _head(config: Config) -> str:
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def test_the_seed_fills_every_table(seeded):
    _, engine = seeded
    assert set(_counts(engine).values()) == {1}, "add a row of each new table to SEED"


def test_a_step_down_and_up_again_keeps_every_row(seeded):
    url, engine = seeded
    config = alembic_config(url)
    before = _counts(engine)
    command.downgrade(config, "-1")
    kept = set(_counts(engine))  # a table the last migration made goes down with it
    command.upgrade(config, "head")
    after = _counts(engine)
    assert {t: after[t] for t in kept} == {t: before[t] for t in kept}


def test_a_migration_rebuilding_the_referenced_tables_keeps_every_row(seeded, tmp_path: Path):
    url, engine = seeded
    config = alembic_config(url)
    head = _head(config)
    (tmp_path / "trial.py").write_text(TRIAL.format(head=head))
    packaged = resources.files("optout") / "migrations" / "versions"
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", f"{packaged}{os.pathsep}{tmp_path}")
    before = _counts(engine)
    command.upgrade(config, "trial")
    assert _counts(engine) == before
    command.downgrade(config, head)
    assert _counts(engine) == before
