"""Stop texting, in Tagalog and Taglish: "wag nyo na po ako i-text", "tigilan nyo na", "ayoko na
ng text" ("mensahe" is read as the Spanish "mensaje")."""

from __future__ import annotations

from optout.domain import Family

FAMILY = Family.STOP_TEXTING
STRONG = [
    (
        r"\b(?:wag|huwag|h'wag)(?: (?:na|nyo|ninyo|mo|po|ako|akong|kami|na kayong|kayong))* (?:i-?text|"
        r"mag-?text|magtext|itext|i text|mag text|padalhan|i-?message|mag-?message|tawagan|"
        r"mag-?send|i-?send)\b"
    ),
    (
        r"\b(?:tigilan|tigil|itigil|paki-?tigil|pakitigilan|paki-?itigil) (?:nyo |ninyo |mo )?"
        r"(?:na )?(?:po )?(?:ang |yung )?(?:pag-?text|pagtetext|text|mga text|pag-?message|"
        r"pagpapadala)"
    ),
    (
        r"\b(?:(?:ayoko|ayaw ko|ayaw namin) na|ayaw na namin)(?: po)?(?: (?:makatanggap|tumanggap|"
        r"makareceive|maka-receive|mareceive|ma-receive) ng)?(?: (?:ng|mga|ganitong|ganyang|"
        r"inyong|nyong|nyo|ninyong))* (?:text|txt|texts|mensahe|mensaje|message|messages|sms|msg)\b"
    ),
]
WEAK = [r"\btama na po\b", r"\btigilan (?:nyo|mo) na\b"]
EXAMPLES = (
    "wag nyo na po ako i-text",
    "Tama na po, wag na mag text",
    "pakitigil na po ang pag-text",
    "ayoko na po makatanggap ng text",
)
