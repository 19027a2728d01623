"""Vocabulary the German patterns share, as the canonical text spells it ("o" or "oe" for "ö"),
and as the typo reading, which knows no German, may take it ("nummer" for "number", "ist" for
"list")."""

from __future__ import annotations

MESSAGES = (
    r"(?:sms|nachricht(?:en)?|textnachricht(?:en)?|texte|werbung|werbe-?sms|newsletter|"
    r"benachrichtigung(?:en)?|mitteilung(?:en)?|spam)"
)
"""Texts, messages, ads, newsletters, notifications."""
SENDING = r"(?:schicken|senden|schreiben|zusenden|zuschicken|simsen|kontaktieren|anschreiben)"
"""The infinitive after "bitte nicht mehr" ("bitte nicht mehr schreiben")."""
SEND_TO_ONE = r"(?:schick|sende|schreib|simse|kontaktier)"
SEND_TO_SEVERAL = r"(?:schickt|sendet|schreibt|simst|kontaktiert)"
TO_ME = r"(?:mir|uns|an (?:diese|meine) (?:nummer|number|handynummer))"
STOP_DOING = r"(?:aufhoren|aufhoeren|aufzuhoren|aufzuhoeren)"
"""To stop ("aufhören"), as the canonical text spells it."""
NUMBER = r"(?:nummer|number|handynummer|telefonnummer|rufnummer|daten|kontaktdaten)"
IS = r"(?:ist|list)"
"""Is: the typo reading takes "ist" for "list"."""
