"""Vocabulary the Haitian Creole patterns share: SMS spellings ("banm", "mw") included."""

from __future__ import annotations

MESSAGES = r"(?:mesaj|mensaje|mesaj yo|mesaj sa yo|teks|texto|sms|msgs?|messages?|piblisite|reklam)"
"""Messages, texts, ads. The typo reading takes "mesaj" for the Spanish "mensaje" and "msg"
for "msgs", so those readings count too."""
SEND = r"(?:voye|vwoye|voyel|ekri|tekste|texte|texts|rele|kontakte|deranje|anmede)"
"""Send, write, text, call, bother ("texte" is read as the English "texts")."""
ME = r"(?:m|mwen|mw|nou)"
TO_ME = r"(?:ban m|banm|ba m|bam|ban mwen|ba mwen|bay mwen|pou mwen|pou m|ban nou|pou nou)"
NOT_SAID_OF = "".join(
    rf"(?<!\b{who} )(?<!\b{who} te )"
    for who in ("li", "l", "yo", "y", "m", "mwen", "mw", "nou", "ou", "w")
)
"""Not after a subject: "li pa voye mesaj ban m anko" tells, it does not ask."""
NUMBER = r"(?:nimewo|nimero|numero|nimewon)"
NAME_OR_NUMBER = r"(?:nimewo|nimero|numero|nimewon|non|nonm)"
"""A number, or a name ("non" alone is also "no", so never in a wrong number)."""
LIST = r"(?:lis|lis la|lis nou|lis ou|lis yo|lis sa|lis sa a|sistem nan|gwoup la)"
