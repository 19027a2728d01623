"""Guards: Spanish hard negatives, where opt-out words are used in another sense.

A strong phrase that a guard overlaps does not opt out on its own ("cancel my appointment",
"the bus stop"); a separate request in the same reply still does. Each guard is listed
under the sense it recognises, which a vetoed reply's reason names."""

from __future__ import annotations

GUARDS = {
    "removing something else": [
        r"\b(?:saquen|quiten|borren) a (?:mi|nuestro|nuestra) (?:hij[oa]|nin[oa]) de\b",
        (
            r"\b(?:quitenme|quiteme|quitame|quitenos|bajenme|bajeme|bajame|eliminen|borren|"
            r"cancelen|perdonenme) (?:el|la|los|las|ese|esa|este|esta) (?:\w+ )?(?:cargo|recargo|"
            r"multa|cuota|cobro|interes|intereses|deuda|pago|cita|factura|mora)\b"
        ),
        (
            r"\b(?:saquenme|sacame|saqueme|quitenme|quiteme|quitame|bajenme|borrenme)?(?:\s+\w+){0,3}"
            r"\s*lista de espera\b"
        ),
    ],
    "the sender's own mistake": [
        r"\bme equivoque de (?:persona|numero)\b",
        (
            r"\b(?:le |les )?(?:escribi|mande|envie) (?:\w+ ){0,2}?(?:a la|al|el|la) (?:persona|"
            r"numero) equivocad[oa]\b"
        ),
    ],
    "texting is welcome": [
        r"\bmejor (?:por )?(?:mensaje|texto|whatsapp)|\bsolo (?:mensajes|texto)",
        r"\bno me (?:manden|mande|envien|envie|mandes) (?:cartas|correos|emails|llamadas)\b",
    ],
    "wants to stay subscribed": [
        (
            r"(?<!no deseo )(?<!no quiero )\b(?:volver a recibir|seguir recibiendo|"
            r"no dej[ae]n? de (?:mandar|enviar|escribir))"
        ),
    ],
}
