"""Consent withdrawn, in Spanish: "nunca me inscribí a esto", "yo no autoricé estos mensajes"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.CONSENT_WITHDRAWN
STRONG = [
    (
        r"\b(?:nunca|jamas|yo no|no) (?:me |nos |les |le )?(?:inscribi|inscribimos|suscribi|suscribimos|"
        r"registre|registramos|apunte|apuntamos|autorice|autorizamos|di (?:mi |el )?(?:permiso|"
        r"consentimiento|numero))\w*(?: (?:a|en|para|por) (?:esto|estos|esta|estas|eso|sus|tus|"
        r"ningun\w*)| (?:estos|estas|sus|tus|los|las) (?:mensajes|textos|msjs|alertas)|\W*$)"
    ),
]
WEAK: list[str] = []
EXAMPLES = (
    "nunca me inscribi a esto",
    "Yo no autoricé estos mensajes.",
    "jamas les di mi numero",
)
