"""Número equivocado: the sender has the wrong number ("número equivocado")."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.WRONG_NUMBER
STRONG = [
    r"\b(?:numero|num|#|persona) (?:equivocad[oa]|incorrect[oa]|erroneo|errado)(?!\w)",
    r"\bse (?:equivoco|equivocaron|equivoca|equivocan) de (?:numero|persona)(?!\w)",
    r"\bno tengo (?:hijos|hij[oa]s?|ninos|nietos) (?:en|que)\b",
    r"\bno conozco a\b",
    r"\b(?:este|esta|ese) no es (?:el|su|mi) (?:numero|telefono|celular)(?!\w)",
    r"\bno conozco a (?:nadie|ninguna persona|ningun|esa persona|ese)(?!\w)",
    r"\b(?:aqui|aca) no (?:vive|hay nadie|existe)(?!\w)",
    r"^(?:\w+\W+)?(?:numero )?equivocad[oa]\W*$",
    r"\bno soy (?:esa|esta|la|el|quien|su) (?:persona|senora?|cliente|paciente|que)",
    (
        r"\bno soy (?:quien|a quien|la persona que|el que|la que) (?:busca|buscan|piensa|piensan|"
        r"cree|creen)"
    ),
    r"\b(?:este|ese) (?:numero|telefono|celular) no es (?:de|del)\b",
    r"\b(?:ya no|no) (?:tiene|usa|es de) (?:este|ese|el) (?:numero|telefono|celular)",
    r"\b(?:este|ese) (?:numero|telefono|celular) ya no es (?:de|del)\b",
    r"\b(?:fallecio|murio)\b|\bno conozco a (?:ese|esa) (?:senor|senora|persona|muchach[oa])",
]
WEAK: list[str] = []
EXAMPLES = (
    "mi esposa falleció, les pido que ya no le esccriban.",
    "perdone p3ro usted se equivocó de persona",
    "Mi mamá murió en enero, dejen de mandarle mensajes.",
)
