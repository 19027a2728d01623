"""Remove from list, in Spanish: "sáquenme de la lista", "borren mi número"."""

from __future__ import annotations

from optout.detect.families.spanish.words import LIST
from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    (
        rf"\b(?:quit\w*|saque\w*|saca\w*|borre\w*|borra\w*|elimin\w*|remuev\w*|dar\w*|"
        rf"den\w*) (?:\w+ ){{0,3}}?(?:de|del) (?:la |su |sus |esta |este |vuestra |tu )?{LIST}"
    ),
    r"\b(?:borr|elimin)\w* (?:mi numero|mis datos|este numero|mi telefono)(?!\w)",
    (
        r"\b(?:borren|borrame|borrenme|eliminenme|eliminame|quitenme|quitame|saquenme|sacame|"
        r"bajenme|bajame)(?!\w)"
    ),
    r"\b(?:paren|pare|detengan|deten) (?:los|sus|estos|de enviar) (?:mensajes|textos)",
    r"\bya no me interesa\b|\bno autorizo\b",
    (
        r"\b(?:retiro|revoco|cancelo|quito|retiramos) (?:mi |el |nuestro )?(?:consentimiento|"
        r"permiso|autorizacion)"
    ),
    r"\bcancel\w* (?:mi |la |su |esta )?(?:suscripcion|subscripcion)",
    (
        r"\bno (?:quiero|deseo|queremos) (?:estar|seguir|permanecer) en (?:su|esta|la|sus|"
        r"este) (?:lista|grupo|base|sistema)"
    ),
    r"\b(?:saquen|quiten|borren|eliminen) (?:mi|este|su) numero\b",
    (
        rf"\b(?:quiero|queremos|deseo|me quiero|nos queremos) salir(?:me|nos)? de (?:la |su |esta |"
        rf"sus |este |tu )?{LIST}"
    ),
    r"\bya no (?:me )?(?:manden|envien|escriban|mande|envie|contacten)\b",
    r"\b(?:dar(?:me)?|denme|deme|dame|dese|doy|darse|darnos|dar) de baja\b",
    r"\bdesuscrib\w*|\bdesuscripcion\b|\bcancelar (?:la |mi )?(?:suscripcion|subscripcion)(?!\w)",
]
WEAK: list[str] = []
EXAMPLES = (
    "Bájenme de la lista.",
    "No autorizo que me envíen mensajes?!",
    "por favor quítenme",
)
