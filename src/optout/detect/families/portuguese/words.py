"""Vocabulary the Portuguese patterns share: SMS spellings and common typos included."""

from __future__ import annotations

MESSAGES = (
    r"(?:mensagens|mensagem|msgs?|msg|sms|textos?|torpedos?|notificacoes|notificacao|"
    r"promocoes|promocao|alertas?|propagandas?|zap)"
)
SEND = (
    r"(?:mandar|mande|mandem|manda|mandando|enviar|envie|enviem|envia|enviando|escrever|"
    r"escreva|escrevam|escrevendo|ligar|ligando|incomodar|incomodando|encher|perturbar)"
)
NUMBER = r"(?:numero|telefone|celular|contato|cel|n)"
