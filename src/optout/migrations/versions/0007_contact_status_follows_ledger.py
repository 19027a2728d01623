"""the database ties each contact's status to its latest ledger event; TRUNCATE is refused

A contact's ``status``, ``status_source`` and ``status_event_id`` must say what its latest
``opt_events`` entry says: an opt-out event means ``opted_out``, an opt-in ``active``, with
the event's source and id; a contact without events is ``active``. Until now only the code
kept that promise, and an ``UPDATE contacts SET status = 'active'`` opted a number back in
with no trace in the ledger.

PostgreSQL checks every contact whose status columns changed, and every contact that got a
new event, when the transaction commits (deferred constraint triggers): whatever order the
statements of one transaction ran in, a status and its event commit together or not at
all. It also refuses ``TRUNCATE opt_events``, which skips row triggers.

SQLite cannot defer a check, so it checks when the status changes: the event must be
written first, in the same transaction, as the code does. A new contact must start
``active``. (An event written with no status change is caught only on PostgreSQL.)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 06:10:00
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

MESSAGE = "contacts.status must follow the latest opt_events entry of the contact"


def _postgres_check(name: str, contact: str) -> str:
    """Return a trigger function refusing a contact whose status is not its latest event's.

    One query: the contact, its latest event (none: it must be active, with no source and no
    event), and whether any of the three status columns disagrees with that event.
    """
    return f"""
    CREATE FUNCTION {name}() RETURNS trigger AS $$
    BEGIN
        PERFORM 1 FROM contacts AS c
          LEFT JOIN LATERAL (
              SELECT e.id, e.type, e.source FROM opt_events AS e
              WHERE e.contact_id = c.id ORDER BY e.id DESC LIMIT 1
          ) AS latest ON true
         WHERE c.id = {contact}
           AND (c.status_event_id IS DISTINCT FROM latest.id
                OR c.status_source IS DISTINCT FROM latest.source
                OR c.status IS DISTINCT FROM
                   CASE latest.type WHEN 'opt_out' THEN 'opted_out' ELSE 'active' END);
        IF FOUND THEN
            RAISE EXCEPTION '{MESSAGE} (contact %)', {contact}
                USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NULL;
    END;
    $$ LANGUAGE plpgsql
    """


POSTGRES = [
    _postgres_check("contacts_status_follows_ledger", "NEW.id"),
    _postgres_check("opt_events_set_contact_status", "NEW.contact_id"),
    """
    CREATE CONSTRAINT TRIGGER contacts_status_on_insert AFTER INSERT ON contacts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.status <> 'active' OR NEW.status_source IS NOT NULL
          OR NEW.status_event_id IS NOT NULL)
    EXECUTE FUNCTION contacts_status_follows_ledger()
    """,
    """
    CREATE CONSTRAINT TRIGGER contacts_status_on_update
    AFTER UPDATE OF status, status_source, status_event_id ON contacts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status
          OR OLD.status_source IS DISTINCT FROM NEW.status_source
          OR OLD.status_event_id IS DISTINCT FROM NEW.status_event_id)
    EXECUTE FUNCTION contacts_status_follows_ledger()
    """,
    """
    CREATE CONSTRAINT TRIGGER opt_events_set_contact_status AFTER INSERT ON opt_events
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    EXECUTE FUNCTION opt_events_set_contact_status()
    """,
    """
    CREATE TRIGGER opt_events_no_truncate BEFORE TRUNCATE ON opt_events
    FOR EACH STATEMENT EXECUTE FUNCTION opt_events_append_only()
    """,
]

SQLITE_FOLLOWS_LATEST_EVENT = """
    (NEW.status = 'active' AND NEW.status_source IS NULL AND NEW.status_event_id IS NULL
     AND NOT EXISTS (SELECT 1 FROM opt_events WHERE contact_id = NEW.id))
    OR EXISTS (
        SELECT 1 FROM opt_events AS e
        WHERE e.id = NEW.status_event_id AND e.contact_id = NEW.id
          AND e.source = NEW.status_source
          AND NEW.status = CASE e.type WHEN 'opt_out' THEN 'opted_out' ELSE 'active' END
          AND e.id = (SELECT max(id) FROM opt_events WHERE contact_id = NEW.id)
    )
"""

SQLITE = [
    f"""
    CREATE TRIGGER contacts_status_on_insert BEFORE INSERT ON contacts
    WHEN NEW.status <> 'active' OR NEW.status_source IS NOT NULL
         OR NEW.status_event_id IS NOT NULL
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
    f"""
    CREATE TRIGGER contacts_status_on_update
    BEFORE UPDATE OF status, status_source, status_event_id ON contacts
    WHEN NOT ({SQLITE_FOLLOWS_LATEST_EVENT})
    BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
    """,
]


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for statement in POSTGRES if postgres else SQLITE:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TRIGGER contacts_status_on_insert")
        op.execute("DROP TRIGGER contacts_status_on_update")
        return
    op.execute("DROP TRIGGER opt_events_no_truncate ON opt_events")
    op.execute("DROP TRIGGER opt_events_set_contact_status ON opt_events")
    op.execute("DROP TRIGGER contacts_status_on_update ON contacts")
    op.execute("DROP TRIGGER contacts_status_on_insert ON contacts")
    op.execute("DROP FUNCTION opt_events_set_contact_status()")
    op.execute("DROP FUNCTION contacts_status_follows_ledger()")
