"""The English opt-out families and guards, one module each."""

from __future__ import annotations

from optout.detect.families.english import (
    channel_preference,
    consent_withdrawn,
    do_not_contact,
    guards,
    hostile,
    how_to_opt_out,
    opt_out,
    remove_from_list,
    stop_texting,
    unsubscribe,
    wrong_number,
    wrong_person,
)

FAMILIES = (
    channel_preference,
    wrong_number,
    wrong_person,
    how_to_opt_out,
    opt_out,
    consent_withdrawn,
    remove_from_list,
    unsubscribe,
    do_not_contact,
    stop_texting,
    hostile,
)
"""The family modules (``families.ORDER`` says which is reported first)."""
GUARDS = guards.GUARDS
