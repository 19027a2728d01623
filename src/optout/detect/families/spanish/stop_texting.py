"""Stop texting, in Spanish: "ya no quiero mensajes", "basta", "alto"."""

from __future__ import annotations

from optout.detect.families.spanish.words import MESSAGES
from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    (
        rf"\bno (?:quiero|deseo|queremos|necesito) (?:recibir |mas |seguir recibiendo |sus |tus |"
        rf"estos |ningun |ningunos )*(?:{MESSAGES}|nada)"
    ),
    rf"\bno mas {MESSAGES}",
    r"\bcancelar (?:los |mis |estos |sus )?(?:mensajes|textos|notificaciones)\b",
    (
        r"^(?:baja|alto|parar|basta|detener|detente|cancelar|ya basta|no mas)(?: (?:por favor|porfa|"
        r"porfavor|ya|gracias|ahora))*$"
    ),
    r"\bno (?:me |nos )?(?:sigan?|sigas) (?:escribiendo|enviando|mandando|contactando)",
]
WEAK = [
    r"\b(?:baja|alto|parar|basta)(?!\w)",
]
EXAMPLES = (
    "Hiya, basta de mensajes. Bye.",
    "Ya no quiero recibir promociones.",
    "Greetings, ¿Hay manera de cancelar estos textos!",
)
