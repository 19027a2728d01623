"""The texts sent back to a contact: plain, no marketing, per account."""

from __future__ import annotations

from optout.domain import ReplyAccount


def opt_out_reply(account: ReplyAccount) -> str | None:
    """Return the one-time opt-out confirmation, or None when the account turned it off."""
    if not account.opt_out_confirmation_enabled:
        return None
    return account.opt_out_confirmation or (
        f"{account.name}: You are unsubscribed and will get no more messages. "
        "Reply START to resubscribe."
    )


def opt_in_reply(account: ReplyAccount) -> str:
    """Return the confirmation sent after the contact opts back in."""
    return account.opt_in_confirmation or (
        f"{account.name}: You are subscribed again. Reply STOP to unsubscribe."
    )


def help_reply(account: ReplyAccount) -> str:
    """Return the answer to HELP or INFO."""
    return account.help_text or (
        f"{account.name}: Reply STOP to unsubscribe or START to resubscribe."
    )
