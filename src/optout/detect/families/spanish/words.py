"""Vocabulary the Spanish patterns share: SMS spellings and common typos included."""

from __future__ import annotations

MESSAGES = r"(?:mensajes|mensaje|textos|texto|sms|msj|msjs|mensajitos|notificaciones|promociones)"
SEND = (
    r"(?:envie|envies|envien|envian|enviar|mande|mandes|manden|mandar|escriba|escribas|"
    r"escriban|escribir|contacte|contactes|contacten|contactar|textee|textees|texteen|textear|"
    r"molesten|moleste|molestar)"
)
LIST = r"(?:lista|lita|listas|grupo|base de datos|contactos|sistema|registro|directorio)"
