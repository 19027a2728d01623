"""Wrong person, in Spanish: "ya no vive aquí", "nadie con ese nombre"."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.WRONG_PERSON
STRONG = [
    r"\b(?:ya no|yo no) (?:soy|trabajo|vive|vivo|es|estudio)(?!\w)",
    (
        r"\b(?:ya no|yo no) tengo (?:este|ese|el|su) (?:numero|telefono|celular|cel)\b"
        r"|\b(?:ya no|yo no) tengo (?:hijos|ninos|nietos) (?:en|ahi|alli)\b"
    ),
    r"\bnadie (?:con ese nombre|se llama|vive|aqui)|\bno hay (?:ningun|ninguna|nadie)",
    (
        r"\b(?:mi|nuestro|nuestra|mis|nuestros) (?:hijo|hija|nino|nina|nieto|nieta)s? ya no "
        r"(?:va|van|asiste|asisten|estudia|estudian|vive|viven)\b"
    ),
    r"\bno (?:estoy|estamos) (?:registrad[oa]s?|inscrit[oa]s?) (?:para votar|aqui|en)\b",
    r"\bse (?:equivocaron|equivoco|han equivocado) (?:de (?:numero|persona))?",
]
WEAK: list[str] = []
EXAMPLES = (
    "Ya no soy miembro de esa igleia.",
    "Se Cambió De Número, Este Ya No Es Suyo.",
    "Yo no soy Miguel.",
)
