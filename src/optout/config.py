"""Settings, read from the environment (``OPTOUT_*``) and an optional ``.env`` file."""

from __future__ import annotations

from functools import lru_cache

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///optout.sqlite3"


class Settings(BaseSettings):
    """Runtime configuration of the service."""

    model_config = SettingsConfigDict(env_prefix="OPTOUT_", env_file=".env", extra="ignore")

    database_url: str = Field(
        DEFAULT_DATABASE_URL,
        description="SQLAlchemy URL; SQLite file in the working directory by default.",
    )
    default_region: str = Field("US", description="Region for numbers written without +country.")
    secret_key: str | None = Field(
        None,
        description="Signs session cookies. Unset: a random key is kept in the database.",
    )
    max_body_bytes: int = Field(1_048_576, gt=0, description="Largest request body accepted.")
    database_timeout: float = Field(
        10.0,
        gt=0,
        description="Seconds a request waits for a database connection, a statement or a lock "
        "before it is answered 503 with Retry-After.",
    )
    body_read_timeout: float = Field(
        30.0, gt=0, description="Seconds a request body may take to arrive; 408 after that."
    )
    max_connections: int = Field(
        256,
        gt=0,
        description="Connections (and requests) one worker process holds at once; beyond "
        "them it answers 503 at once.",
    )
    live_streams: int = Field(
        64,
        gt=0,
        description="Open Conversations pages one worker process keeps current by a live "
        "stream (PostgreSQL), at most half of max_connections; pages beyond them ask every "
        "few seconds instead.",
    )
    reply_window_hours: float = Field(
        72,
        gt=0,
        description="A reply answers the latest text sent to its number this many hours before.",
    )
    log_level: str = Field("INFO")
    public_base_url: str | None = Field(
        None, description="External URL of the service, used to check Twilio signatures."
    )

    @field_validator("secret_key")
    @classmethod
    def _refuse_placeholder_secret(cls, value: str | None) -> str | None:
        if value is not None and (len(value) < 32 or value.lower() in {"changeme", "secret"}):
            raise ValueError("OPTOUT_SECRET_KEY must be at least 32 random characters")
        return value

    @field_validator("default_region")
    @classmethod
    def _upper_region(cls, value: str) -> str:
        return value.upper()


@lru_cache
def get_settings() -> Settings:
    """Return the process's settings, read once."""
    return Settings()
