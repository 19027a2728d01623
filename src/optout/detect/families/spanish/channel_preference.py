"""Channel preference, in Spanish: "solo por correo", "no me manden mensajes, llámenme"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.CHANNEL_PREFERENCE
STRONG = [
    r"\bsolo (?:por |via )?(?:correo|e-?mail|llamada|telefono)\b",
    r"\bno (?:me )?(?:manden|mande|envien|envie|escriban) (?:mensajes|textos|sms)\W+(?:\w+ ){0,3}?(?:llamen|llameme|llamenme|escribanme al correo|por correo)\b",
]
WEAK = [
    r"\b(?:prefiero|mejor) (?:por |un |una )?(?:correo|e-?mail|llamada)\b",
    r"\ben vez de (?:mensajes|textos|sms)\b",
]
EXAMPLES = (
    "solo por correo porfa, no mensajes",
    "no me manden mensajes, llamenme mejor",
)
