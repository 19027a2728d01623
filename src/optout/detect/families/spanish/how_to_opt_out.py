"""Asks how to opt out, in Spanish: "cómo me doy de baja"."""

from __future__ import annotations

from optout.detect.families.spanish.words import MESSAGES
from optout.domain import Family

FAMILY = Family.HOW_TO_OPT_OUT
STRONG = [
    (
        rf"\bcomo (?:me )?(?:doy de baja|(?:me )?desuscribo|cancelo la suscripcion|(?:cancelo|paro|"
        rf"detengo|quito|bloqueo) (?:los |estos |sus |tus )?{MESSAGES}|dejo de recibir|"
        rf"salgo de (?:la|su|esta) lista)"
    ),
]
WEAK: list[str] = []
EXAMPLES = (
    "¿Cómo dejo de recibir estos mensajes? 😒",
    "¿Cómo dejo de recibir mensajes?",
    "Good afternoon, ¿Cómo dejo de recibir mensajes 🙄 God bless",
)
