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
        r"^(?:baja|alto|parar|basta|detener|detente|cancelar|cancele|cancelen|ya basta|no mas|salir|"
        r"salirme|quitar|"
        r"quitarme|borrar|borrarme|eliminar|eliminarme|darme de baja|dar de baja|fuera)"
        r"(?: (?:por favor|porfa|"
        r"porfavor|ya|gracias|ahora))*$"
    ),
    r"\bno (?:me |nos )?(?:sigan?|sigas) (?:escribiendo|enviando|mandando|contactando)",
    rf"\bno (?:me |nos )(?:incluyan|incluya|agreguen|pongan|metan) en (?:esos |estos |los |sus )?{MESSAGES}",
    r"\b(?:borrenlo|borrenme|borren mi (?:numero|telefono|cel))\b",
]
WEAK = [
    r"\b(?:baja|alto|parar|basta)(?!\w)",
]
EXAMPLES = (
    "Hiya, basta de mensajes. Bye.",
    "Ya no quiero recibir promociones.",
    "Greetings, ¿Hay manera de cancelar estos textos!",
)
