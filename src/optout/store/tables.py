"""The database schema: accounts, contacts, conversations, messages and the opt-out ledger.

Also the state every worker process shares: site secrets and recent wrong passwords.

``opt_events`` is append-only: the migrations install triggers that refuse UPDATE, DELETE
and (PostgreSQL) TRUNCATE on it, and :mod:`optout.store.engine` refuses them in the ORM as
well. A contact's ``status`` and the event that set it are always written in one
transaction, and the database refuses a status that is not what the contact's latest event
says (migration 0007).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from optout.domain import Decision
from optout.store.decisions import DECISION_COLUMNS, stored_decision

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite's INTEGER PRIMARY KEY is its rowid; BigInteger alone would not autoincrement there.
Id = BigInteger().with_variant(Integer(), "sqlite")


def utcnow() -> datetime:
    """Return the current time, timezone-aware in UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timestamp stored in UTC and always read back timezone-aware.

    SQLite keeps no zone, PostgreSQL does; this type makes both return aware UTC values.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:  # noqa: ARG002
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; optout stores only timezone-aware times")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:  # noqa: ARG002
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """Declarative base with a stable constraint naming convention for migrations."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Account(Base):
    """A tenant: an organisation that sends texts through one SMS platform account."""

    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str] = mapped_column(String(20), default="log")  # outbound texts go here
    opt_out_confirmation_enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    opt_out_confirmation: Mapped[str | None] = mapped_column(Text)
    opt_in_confirmation: Mapped[str | None] = mapped_column(Text)
    help_text: Mapped[str | None] = mapped_column(Text)
    opt_out_keywords: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The account's own opt-out keywords beside the standard ones, one per line."""
    time_zone: Mapped[str | None] = mapped_column(String(64))
    """The IANA zone the pages show times in; None shows each reader their own."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def declared_keywords(self) -> tuple[str, ...]:
        """Return the account's own opt-out keywords, in the order they were added."""
        return keywords_of(self.opt_out_keywords)


def keywords_of(opt_out_keywords: str | None) -> tuple[str, ...]:
    """Return the keywords an account's ``opt_out_keywords`` column holds, one per line."""
    return tuple(line for line in (opt_out_keywords or "").split("\n") if line)


class ProviderSetting(Base):
    """One setting an account gives an SMS provider (a credential, key or URL), as data.

    Secrets are kept like API credentials of the account's own SMS platform account: in
    the database, never shown back by the API or the command line.
    """

    __tablename__ = "provider_settings"
    __table_args__ = (UniqueConstraint("account_id", "provider", "name"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    provider: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class ApiKey(Base):
    """An API key of an account, stored as a SHA-256 hash; ``prefix`` finds it fast."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    prefix: Mapped[str] = mapped_column(String(16), unique=True)
    key_hash: Mapped[str] = mapped_column(String(64))
    purpose: Mapped[str] = mapped_column(
        String(12), default="management", server_default="management"
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class User(Base):
    """A person who signs in to the pages on behalf of one account."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    """Sessions signed in under an older version are over ("sign out everywhere")."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Contact(Base):
    """A phone number an account texts, with its current opt-out status.

    ``status`` mirrors the latest event in ``opt_events`` for this contact;
    ``status_event_id`` points at it.
    """

    __tablename__ = "contacts"
    __table_args__ = (
        UniqueConstraint("account_id", "number"),
        # Opt-outs in force, newest first, per account and source (the Auto Opt-Out folder).
        Index(
            "ix_contacts_account_status_event",
            "account_id",
            "status",
            "status_source",
            "status_event_id",
        ),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    number: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(12), default="active")
    status_source: Mapped[str | None] = mapped_column(String(12))
    status_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Not a foreign key: contacts and opt_events would reference each other.
    status_event_id: Mapped[int | None] = mapped_column(Id)
    last_unstop_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Kept by the database's triggers for the folder counts (migration 0014); never written
    # by the code.
    has_messages: Mapped[bool] = mapped_column(Boolean, server_default=false())
    """Its conversation holds a message: it shows in All (and Opted Out, if opted out)."""
    waiting_reviews: Mapped[int] = mapped_column(Integer, server_default="0")
    """Its replies that look like opt-outs and that nobody reviewed yet."""
    status_kept: Mapped[bool] = mapped_column(Boolean, server_default=false())
    """Someone chose to keep the auto opt-out in force (a review "kept" of its message).

    Only read while the status is an auto opt-out; under any other status it means nothing."""


class Conversation(Base):
    """The thread between an account and one contact."""

    __tablename__ = "conversations"
    __table_args__ = (
        UniqueConstraint("contact_id"),
        Index("ix_conversations_account_last", "account_id", "last_message_at"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    last_message_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_message_body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    contact: Mapped[Contact] = relationship(lazy="joined")


_CAMPAIGN = "campaign IS NOT NULL"


def _only(condition: str) -> dict[str, Any]:
    """Return the options of a partial index holding only the rows meeting ``condition``."""
    return {"sqlite_where": text(condition), "postgresql_where": text(condition)}


LOOKALIKE = text(
    "direction = 'inbound' AND (exclusion IN ('too_long', 'recent_unstop') OR "
    "(action = 'none' AND \"trigger\" IS NULL AND confidence <= 0.5))"
)
"""An inbound reply that looks like an opt-out but was not applied: an auto opt-out kept
back by the length or UNSTOP rule, or a "none" whose opt-out probability is
:data:`optout.domain.REVIEW_FROM` or more (its confidence is ``1 - probability``)."""


class Message(Base):
    """One SMS, inbound or outbound, with the detector's decision for inbound ones.

    ``(account_id, direction, provider_id)`` is unique so a provider's retry of the same
    message is recognised; ``reply`` keeps the answer given the first time. An outbound
    text may name its ``campaign``; an inbound reply's ``answers_id`` is the outbound text
    it answered (the latest one to the contact within the reply window), if any, and its
    ``campaign`` that text's campaign.
    """

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("account_id", "direction", "provider_id"),
        Index("ix_messages_conversation_created", "conversation_id", "created_at"),
        # The Reports page and a campaign's conversations: campaign texts and the replies
        # to them, by time and by name. Partial: other messages are written to neither.
        Index(
            "ix_messages_campaign_time",
            "account_id",
            "created_at",
            "campaign",
            "direction",
            **_only(_CAMPAIGN),
        ),
        Index("ix_messages_campaign_name", "account_id", "campaign", **_only(_CAMPAIGN)),
        # Replies that look like opt-outs but were not applied (the Needs review folder).
        Index(
            "ix_messages_account_lookalike",
            "account_id",
            "id",
            sqlite_where=LOOKALIKE,
            postgresql_where=LOOKALIKE,
        ),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    direction: Mapped[str] = mapped_column(String(8))
    provider_id: Mapped[str | None] = mapped_column(String(128))
    from_number: Mapped[str] = mapped_column(String(64))
    to_number: Mapped[str] = mapped_column(String(64))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    status: Mapped[str | None] = mapped_column(String(20))
    action: Mapped[str | None] = mapped_column(String(10))
    trigger: Mapped[str | None] = mapped_column(String(10))
    exclusion: Mapped[str | None] = mapped_column(String(16))
    confidence: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)
    span_start: Mapped[int | None] = mapped_column(Integer)
    span_end: Mapped[int | None] = mapped_column(Integer)
    family: Mapped[str | None] = mapped_column(String(24))
    reply: Mapped[str | None] = mapped_column(Text)
    campaign: Mapped[str | None] = mapped_column(String(100))
    # Not a foreign key: adding one would rebuild the table on SQLite (migration 0008).
    answers_id: Mapped[int | None] = mapped_column(Id)

    @property
    def decision(self) -> Decision:
        """Return the decision stored on this inbound reply (see :mod:`.decisions`)."""
        return stored_decision({name: getattr(self, name) for name in DECISION_COLUMNS})


class OptEvent(Base):
    """One entry of the append-only opt-out ledger: who, when, why, and the message behind it."""

    __tablename__ = "opt_events"
    __table_args__ = (
        Index("ix_opt_events_contact", "contact_id", "id"),
        Index("ix_opt_events_account_created", "account_id", "created_at"),
        Index("ix_opt_events_message", "message_id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    type: Mapped[str] = mapped_column(String(8))
    source: Mapped[str] = mapped_column(String(12))
    actor: Mapped[str] = mapped_column(String(320))
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float | None] = mapped_column(Float)
    family: Mapped[str | None] = mapped_column(String(24))
    """What the opt-out said, for keyword and auto opt-outs (see ``domain.Family``)."""
    note: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class CampaignDay(Base):
    """One campaign's texts sent, replies and opt-outs on one UTC day, for the Reports page.

    Written only by the database's triggers (migration 0017), in the transaction of the
    message or ledger event that changes a count; ``opt_outs`` counts ledger opt-outs made
    that day whose message carries the campaign. Never written by the code.
    """

    __tablename__ = "campaign_days"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    campaign: Mapped[str] = mapped_column(String(100), primary_key=True)
    sent: Mapped[int] = mapped_column(Integer)
    replies: Mapped[int] = mapped_column(Integer)
    opt_outs: Mapped[int] = mapped_column(Integer)


class MessageReview(Base):
    """A person's verdict on a reply the detector read as (possibly) an opt-out.

    Append-only like ``opt_events`` (triggers in the migration, a guard in the ORM); the
    verdict and the ledger event it causes, if any, are written in one transaction.
    """

    __tablename__ = "message_reviews"
    __table_args__ = (
        Index("ix_message_reviews_message", "message_id"),
        Index("ix_message_reviews_account", "account_id", "id"),
    )

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    message_id: Mapped[int] = mapped_column(ForeignKey("messages.id"))
    outcome: Mapped[str] = mapped_column(String(16))
    actor: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class LiveWatch(Base):
    """An account whose Conversations page a server holds open: its changes are announced.

    PostgreSQL sends ``NOTIFY optout_changes`` for a watched account's new messages, ledger
    events and reviews until ``until`` (migration 0015); a server renews the accounts it
    streams to.
    """

    __tablename__ = "live_watches"

    account_id: Mapped[int] = mapped_column(
        ForeignKey("accounts.id", ondelete="CASCADE"), primary_key=True
    )
    until: Mapped[datetime] = mapped_column(UTCDateTime)


class FolderCount(Base):
    """Changes to an account's folder counts; the account's counts are the sums of its rows.

    Only the database's triggers write here (migration 0014), in the transaction of the
    change they count: a reply, an opt-out or opt-in, a review. Each change is a row of its
    own, so concurrent replies never wait on one counter; every 64th row folds the account's
    rows into one, so a sum reads a few dozen rows however large the account.
    """

    __tablename__ = "folder_counts"
    __table_args__ = (Index("ix_folder_counts_account", "account_id"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    conversations: Mapped[int] = mapped_column(Integer, server_default="0")
    opted_out: Mapped[int] = mapped_column(Integer, server_default="0")
    auto_opt_outs: Mapped[int] = mapped_column(Integer, server_default="0")
    auto_unreviewed: Mapped[int] = mapped_column(Integer, server_default="0")
    needs_review: Mapped[int] = mapped_column(Integer, server_default="0")
    auto_opt_outs_made: Mapped[int] = mapped_column(Integer, server_default="0")
    auto_opt_outs_undone: Mapped[int] = mapped_column(Integer, server_default="0")


class SiteSecret(Base):
    """Secrets the service creates for itself (e.g. the session signing key), shared by workers."""

    __tablename__ = "site_secrets"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SignInFailure(Base):
    """One wrong password given for an email on the sign-in page.

    Not tied to ``users``: unknown emails are counted too, so the pause reveals nothing.
    """

    __tablename__ = "sign_in_failures"
    __table_args__ = (Index("ix_sign_in_failures_email_at", "email", "at"),)

    id: Mapped[int] = mapped_column(Id, primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class EndedSession(Base):
    """A signed-in session ended by "Sign out": its cookie is refused from then on.

    The cookie is signed and kept by the browser; without this record a copy of it would
    stay valid until it expires, whatever the user did.
    """

    __tablename__ = "ended_sessions"
    __table_args__ = (Index("ix_ended_sessions_ended_at", "ended_at"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    ended_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ImportPreview(Base):
    """An uploaded file's numbers, read but not yet opted out: the user confirms them first.

    The confirm applies exactly these numbers, found by an unguessable token that only the
    user who uploaded the file can use; a preview is used once.
    """

    __tablename__ = "import_previews"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    filename: Mapped[str] = mapped_column(String(200))
    numbers: Mapped[str] = mapped_column(Text)
    """The ledger keys found, one per line in the file's order (repeats kept)."""
    skipped: Mapped[str] = mapped_column(Text)
    """The lines not read, as JSON ``[[line, value, why], …]``."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
