"""Remove from the list, in Portuguese: "remova meu número", "me tira dessa lista"."""

from __future__ import annotations

from optout.detect.families.portuguese.words import NUMBER
from optout.domain import Family

FAMILY = Family.REMOVE_FROM_LIST
STRONG = [
    (
        rf"\b(?:remova|removam|remove|remover|tire|tirem|tira|tirar|retire|retirem|exclua|excluam|"
        rf"excluir|apague|apaguem|apagar|delete|deletem|deletar) (?:o |a )?(?:meu|minha|nosso|esse|"
        rf"este|o) {NUMBER}\b"
    ),
    (
        r"\b(?:me |nos )?(?:remova|removam|remove|tire|tirem|tira|exclua|excluam) (?:da|dessa|desta|"
        r"de sua|da sua|do seu|do|desse|deste) (?:\w+ )?(?:lista|cadastro|grupo|sistema|base)\b"
    ),
    r"\bme (?:tire|tirem|tira|remova|removam|exclua|excluam|descadastre|descadastrem|descadastra)\b",
    r"\bdescadastr(?:ar|e|em|a|o)\b",
]
WEAK: list[str] = []
EXAMPLES = (
    "Por favor remove meu número, I don't want car",
    "me tira dessa lista por favor",
    "quero me descadastrar",
)
