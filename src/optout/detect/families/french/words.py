"""Vocabulary the French patterns share: SMS spellings ("menvoyer", "jveux", "msg") included."""

from __future__ import annotations

MESSAGES = (
    r"(?:messages?|msgs?|sms|textos?|mails?|notifications?|notifs?|publicites?|pubs?|promos?|"
    r"relances?|spams?)"
)
STOPPING = (
    r"(?:arrete|arretez|arreter|arretes|arette|arettez|arretter|arrettez|stop|stopez|stoppez|"
    r"cesse|cessez|cesser)"
)
"""Stop, said to one or to several: "arrête" alone is everyday chat, so it never stands alone."""
ME = r"(?:me |m' ?|m|nous |n' ?)"
"""Me or us before a verb, apostrophe dropped too ("de menvoyer", "m envoyer")."""
SENDING = (
    r"(?:envoyer|ecrire|texter|spammer|harceler|contacter|appeler|relancer|solliciter|"
    r"deranger|smser|texted|contacted)"
)
"""Sending, as the infinitive after "arrêtez de m'…" or "ne plus m'…". The typo reading takes
"texter" and "contacter" for English typos, so their readings count too."""
SEND_TO_SEVERAL = (
    r"(?:envoyez|ecrivez|textez|contactez|appelez|spammez|harcelez|relancez|sollicitez|derangez)"
)
"""Send, said to several or politely: no third person looks like it."""
SEND_TO_ONE = r"(?:envoie|ecris|texte|texts|contacte|appelle)"
"""Send, said to one: "il m'envoie plus" says the same, so it is read only opening a clause
("texte" is read as the English "texts")."""
NOT_SAID_OF = "".join(
    rf"(?<!\b{who} )(?<!\b{who} ne )"
    for who in ("il", "elle", "on", "ils", "elles", "qui", "tu", "vous", "vs", "personne")
)
"""Not after a subject: "vous ne m'envoyez plus rien" tells, it does not ask."""
NUMBER = r"(?:numero|num|tel|telephone|portable|no)"
LIST = r"(?:liste|listes|fichier|fichiers|base|repertoire|mailing|diffusion|contacts)"
REMOVE = (
    r"(?:retirez|retire|enlevez|enleve|supprimez|supprime|effacez|efface|rayez|raye|otez|ote|"
    r"desinscrivez)"
)
"""Take off, said to one or to several."""
