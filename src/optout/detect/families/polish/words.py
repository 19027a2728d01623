"""Vocabulary the Polish patterns share, as the canonical text spells it ("ł" or "l")."""

from __future__ import annotations

MESSAGES = (
    r"(?:sms\w*|esemes\w*|wiadomosc\w*|wiadomosci|powiadomien\w*|reklam\w*|spam\w*|ofert|"
    r"newsletter\w*|mms\w*)"
)
"""Texts, messages, notifications, ads, offers (any ending: "smsow", "wiadomosci")."""
SEND_TO_SEVERAL = (
    r"(?:piszcie|wysy[łl]ajcie|przysy[łl]ajcie|smsujcie|spamujcie|dzwoncie|zawracajcie|"
    r"nekajcie)"
)
"""Write, send, text, call, bother: said to several."""
SEND_TO_ONE = r"(?:pisz|wysy[łl]aj|przysy[łl]aj|smsuj|spamuj|dzwon|zawracaj|nekaj)"
SENDING = (
    r"(?:pisac|wysy[łl]ac|przysy[łl]ac|smsowac|esemesowac|spamowac|dzwonic|zawracac|nekac|"
    r"zasypywac)"
)
"""The infinitive after "proszę nie" and "przestańcie" ("proszę nie pisać")."""
TO_ME = r"(?:do mnie|do nas|mi|nam|na ten numer|na ten nr|na moj numer|na moj nr)"
ANY_MORE = r"(?:juz|wiecej)"
NUMBER = r"(?:numer|number|nr|telefon|dane|kontakt)"
"""A number, contact or details; the typo reading takes "numer" for "number"."""
LIST = (
    r"(?:listy|list|bazy|rejestru|subskrypcji|newslettera|wysy[łl]ki|"
    r"kontaktow)"
)
REMOVING = (
    r"(?:usun|usuncie|usunac|wykresl|wykreslcie|wykreslic|skresl|skreslcie|skasuj|skasujcie|"
    r"skasowac|wypisz|wypiszcie|wyrzuc|wyrzuccie)"
)
"""Delete, cross out, sign out, throw out: said to one or to several."""
