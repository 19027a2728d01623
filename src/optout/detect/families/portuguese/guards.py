"""Guards: Portuguese hard negatives, where opt-out words are used in another sense.

A strong phrase that a guard overlaps does not opt out on its own; a separate request in the
same reply still does. Each guard is listed under the sense it recognises."""

from __future__ import annotations

GUARDS = {
    "removing something else": [
        (
            r"\b(?:remova|removam|tire|tirem|tira|retire|exclua|cancele|cancelem) (?:a|o|essa|esse|"
            r"essa|minha|meu) (?:\w+ )?(?:taxa|multa|cobranca|juros|pedido|consulta|agendamento|"
            r"reserva|item|foto)\b"
        ),
    ],
    "everyday talk, not opting out": [
        r"\bnao para de (?:chorar|chover|tocar|falar)\b",
    ],
}
