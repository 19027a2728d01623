"""Request and answer bodies of the REST API, kept apart from the ORM tables."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from optout.domain import ContactStatus, Decision, EventSource, EventType, Family


def _no_nul(value: str) -> str:
    # PostgreSQL cannot store NUL in text; refuse it here rather than fail at the database.
    if "\x00" in value:
        raise ValueError("must not contain NUL (\\u0000) characters")
    return value


NoNul = AfterValidator(_no_nul)
MAX_NUMBER_CHARS = 64
Number = Annotated[
    str, Field(min_length=1, max_length=MAX_NUMBER_CHARS, examples=["+12025550123"]), NoNul
]
Body = Annotated[str, Field(max_length=10_000), NoNul]
MAX_SUPPRESSION_NUMBERS = 500_000


class ErrorDetail(BaseModel):
    """What went wrong, and which field, if one did."""

    code: str = Field(examples=["invalid_input"])
    message: str
    field: str | None = None


class ErrorOut(BaseModel):
    """Every error answer of the API: ``{"error": {"code", "message"}}``."""

    error: ErrorDetail


class Strict(BaseModel):
    """A request body that refuses unknown fields."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class InboundIn(Strict):
    """An inbound reply, as any SMS platform can describe it."""

    from_: Number = Field(alias="from")
    to: Number
    body: Body
    id: Annotated[str, Field(min_length=1, max_length=128, description="The provider's id."), NoNul]
    received_at: datetime | None = None
    prompt: Body | None = Field(
        None,
        description="The text the reply answers, for platforms that keep their own outbound "
        "log; otherwise the latest text sent through this service within the reply window.",
    )


class DecisionOut(BaseModel):
    """The detector's decision."""

    action: str
    trigger: str | None
    exclusion: str | None
    confidence: float
    reason: str
    span: list[int] | None
    family: Family | None = Field(
        description="What the opt-out said (stop texting, wrong number, keyword, …); set on "
        "every opt-out and on one an exclusion kept back, null otherwise."
    )

    @classmethod
    def of(cls, decision: Decision) -> DecisionOut:
        """Return the answer form of ``decision``."""
        return cls(**decision.to_dict())


class ContactOut(BaseModel):
    """A contact's number and whether it may be texted."""

    number: str = Field(description="E.164 where it can be made, else the sender as given.")
    status: ContactStatus
    validated: bool = Field(
        description="False when the number could not be validated (an area code too new for "
        "the number metadata, a short code, an alphanumeric sender): it is kept as given."
    )


class InboundOut(BaseModel):
    """What receiving an inbound reply did."""

    message_id: int
    decision: DecisionOut
    reply: str | None
    contact: ContactOut
    duplicate: bool = Field(
        False,
        description="True for a retry: this message id from the same sender with the same body "
        "was received before (the first answer is given again). A reused id with another sender "
        "or body is a new message.",
    )


class EventOut(BaseModel):
    """One entry of the opt-out ledger (read from a stored event's attributes)."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    type: EventType
    source: EventSource
    actor: str
    at: datetime = Field(validation_alias="created_at")
    reason: str | None
    confidence: float | None
    family: Family | None = Field(
        description="What a keyword or auto opt-out said (see the decision's family)."
    )
    note: str | None
    message_id: int | None
    channel: str | None = Field(
        description="The credential or channel that delivered the reply behind the event: "
        "'inbound-key:<prefix>', 'twilio-webhook' or 'demo'; null for changes people made "
        "(their key or user is the actor)."
    )


class ContactHistoryOut(ContactOut):
    """A contact with its ledger events, oldest first."""

    events: list[EventOut]


class OptOutIn(Strict):
    """Opt a number out on the account holder's word."""

    number: Number
    note: Annotated[str, Field(max_length=1000), NoNul] | None = None


class ConfirmIn(Strict):
    """A change that lets a number be texted again; ``confirm`` must be true."""

    confirm: bool = False


class OptInIn(ConfirmIn):
    """Opt a number back in."""

    number: Number


class AutoOptOutOut(BaseModel):
    """A message in the Auto Opt-Out folder."""

    model_config = ConfigDict(from_attributes=True)

    id: int
    number: str
    body: str
    reason: str
    span: list[int] | None
    confidence: float | None
    at: datetime
    conversation_id: int


class AutoOptOutPage(BaseModel):
    """One page of the Auto Opt-Out folder; pass ``next`` as ``after`` for the next."""

    items: list[AutoOptOutOut]
    next: str | None
    total: int


class SuppressionIn(Strict):
    """Numbers to check, in any format."""

    numbers: Annotated[list[str], Field(max_length=MAX_SUPPRESSION_NUMBERS)]


class SuppressionOut(BaseModel):
    """Which of the numbers are opted out (E.164), and which could not be read as numbers."""

    opted_out: list[str]
    invalid: list[str]


class MessageIn(Strict):
    """An outbound text."""

    to: Number
    body: Annotated[str, Field(min_length=1, max_length=1600), NoNul]
    from_: Number | None = Field(None, alias="from")
    campaign: Annotated[str, Field(min_length=1, max_length=100), NoNul] | None = Field(
        None, description="The broadcast this text belongs to, a name the sender chooses."
    )


class MessageOut(BaseModel):
    """An outbound text handed to the provider."""

    id: int
    to: str
    from_: str = Field(serialization_alias="from")
    body: str
    status: str
    provider: str
    provider_id: str | None
    campaign: str | None


class ImportOut(BaseModel):
    """What a CSV import did."""

    opted_out: int
    already_opted_out: int
    invalid: list[str]


class OptOutOut(BaseModel):
    """An opt-out in force."""

    model_config = ConfigDict(from_attributes=True)

    number: str
    source: EventSource
    at: datetime
    reason: str | None
    actor: str
    note: str | None


class OptOutPage(BaseModel):
    """One page of opt-outs; pass ``next`` as ``after`` for the next."""

    items: list[OptOutOut]
    next: str | None


Keyword = Annotated[str, Field(min_length=1, max_length=40, examples=["LEAVE4GOOD"]), NoNul]
MAX_CLASSIFY_REPLIES = 1_000


class ClassifyReply(Strict):
    """One reply to classify, with the text it answers if known."""

    body: Body
    prompt: Body | None = Field(None, description="The outbound text the reply answers.")


class ClassifyIn(Strict):
    """Replies to classify without storing anything."""

    replies: Annotated[list[ClassifyReply], Field(min_length=1, max_length=MAX_CLASSIFY_REPLIES)]
    keywords: Annotated[list[Keyword], Field(max_length=20)] = Field(
        default_factory=list, description="Opt-out keywords the sender declared."
    )


class ClassifyOut(BaseModel):
    """The decision for each reply, in order."""

    decisions: list[DecisionOut]


class ProviderIn(Strict):
    """Some of an account's settings for one provider, by name; ``""`` removes one."""

    settings: dict[Annotated[str, Field(max_length=64)], Annotated[str, Field(max_length=4096)]]


class ProviderOut(BaseModel):
    """An account's settings for one provider; secrets read ``(set)``."""

    provider: str
    settings: dict[str, str]
    receives_webhooks: bool
    can_send: bool
    sends_outbound: bool


class OptOutKeywordsIn(Strict):
    """The account's own opt-out keywords, replacing the ones it had."""

    keywords: Annotated[list[Keyword], Field(max_length=20)]


class OptOutKeywordsOut(BaseModel):
    """The account's own opt-out keywords, beside the standard ones."""

    keywords: list[str]
