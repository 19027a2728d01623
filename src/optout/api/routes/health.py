"""Liveness: answers without touching the database."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    """Return ok while the process serves requests."""
    return {"status": "ok"}
