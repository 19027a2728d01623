"""Stop texting, in French: "arrêtez de m'envoyer des messages", "je veux plus recevoir de sms"."""

from __future__ import annotations

from optout.detect.families.french.words import (
    ME,
    MESSAGES,
    NOT_SAID_OF,
    SEND_TO_ONE,
    SEND_TO_SEVERAL,
    SENDING,
    STOPPING,
)
from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    rf"\b{STOPPING}(?: (?:svp|stp|donc|maintenant|tout de suite))? de {ME}{SENDING}\b",
    (
        rf"\b{STOPPING}(?: (?:svp|stp|donc))? (?:de |d' ?)(?:envoyer|ecrire|texter|mettre) "
        rf"(?:des |vos |ces |tes |de |les )?{MESSAGES}\b"
    ),
    rf"\b{STOPPING} (?:avec )?(?:les|vos|ces|tes|de) {MESSAGES}\b",
    rf"{NOT_SAID_OF}\b(?:ne |n')?{ME}{SEND_TO_SEVERAL}(?: (?:svp|stp))? (?:plus|pu|jamais)\b",
    rf"(?:^|[,.!?] )(?:ne )?(?:me |m' ?|m){SEND_TO_ONE} plus\b",
    rf"\b(?:ne|merci de|veuillez|svp|stp) plus {ME}{SENDING}\b",
    (
        r"\b(?:ne |n')?(?:veux|veut|voulons|souhaite|souhaitons|desire) (?:plus|pas) (?:etre|"
        r"etres) (?:contacte|contactee|contacted|contactes|sollicite|sollicitee|relance|"
        r"relancee|derange|derangee)"
    ),
    (
        r"\b(?:j'? ?|je )?(?:ne |n')(?:veux|veut|voulons|souhaite|souhaitons|desire) plus "
        rf"(?:recevoir |de |d' ?|vos |ces |tes |les |des |aucun |votre )*{MESSAGES}\b"
    ),
    (
        r"(?:\b|(?<=\bj))(?:veux|veut|voulons|souhaite|souhaitons|desire|veu) (?:plus|pas) "
        rf"recevoir (?:de |d' ?|vos |ces |tes |les |des |aucun |votre )*{MESSAGES}\b"
    ),
    (
        r"(?:\b|(?<=\bj))(?:veux|veut|voulons|veu) (?:plus|pas) (?:de )?(?:vos|ces|tes|votre|ta) "
        rf"{MESSAGES}\b"
    ),
    r"\bdes(?:abonn|inscri|incri)\w*",
    r"^(?:arretez|stoppez)(?: (?:svp|stp|merci|s'il vous plait|maintenant))*$",
]
WEAK = [rf"^(?:plus de|pas de) {MESSAGES}(?: (?:svp|stp|merci))*$"]
EXAMPLES = (
    "Arrêtez de m'envoyer des SMS svp",
    "ne m'envoyez plus de messages merci",
    "jveux plus recevoir de msg",
    "comment me désabonner",
)
