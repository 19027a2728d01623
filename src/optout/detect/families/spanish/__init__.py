"""The Spanish opt-out families and guards, one module each."""

from __future__ import annotations

from optout.detect.families.spanish import (
    channel_preference,
    do_not_contact,
    guards,
    how_to_opt_out,
    remove_from_list,
    stop_texting,
    wrong_number,
    wrong_person,
)

FAMILIES = (
    channel_preference,
    wrong_number,
    wrong_person,
    how_to_opt_out,
    remove_from_list,
    do_not_contact,
    stop_texting,
)
"""The family modules (``families.ORDER`` says which is reported first)."""
GUARDS = guards.GUARDS
