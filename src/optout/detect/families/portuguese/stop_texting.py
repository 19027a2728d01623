"""Stop texting, in Portuguese: "pare de me mandar mensagem", "não quero mais receber"."""

from __future__ import annotations

from optout.detect.families.portuguese.words import MESSAGES, SEND
from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    rf"\b(?:pare|parem|para|parar|deixe|deixem|deixa|chega) de (?:me |nos )?{SEND}\b",
    (
        rf"\bnao (?:quero|queremos|desejo|preciso|gostaria de) (?:mais )?(?:receber |ver |essas |"
        rf"estas |suas |seus |mais |nenhuma |as |os )*{MESSAGES}"
    ),
    r"\bnao (?:me |nos )?(?:mande|mandem|manda|envie|enviem|envia|escreva|escrevam) mais\b",
    rf"\bchega de {MESSAGES}",
    (
        r"^(?:pare|parem|parar|sair|descadastrar|cancelar inscricao)(?: (?:por favor|pfv|pf|"
        r"obrigad[oa]|ja|agora))*$"
    ),
]
WEAK = [r"\bnao quero mais\b"]
EXAMPLES = (
    "pare de me mandar mensagem",
    "não quero mais receber essas mensagens obrigado",
    "por favor não me mandem mais",
)
