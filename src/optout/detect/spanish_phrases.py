"""Spanish opt-out phrases, accents folded away by normalisation ("número" is "numero").

They report the same families as the English ones, so a reason reads the same in both.
"""

from __future__ import annotations

from optout.detect.patterns import Strength, phrases

S = Strength.STRONG

MESSAGES = r"(?:mensajes|mensaje|textos|texto|sms|msj|msjs|mensajitos|notificaciones|promociones)"
SEND = (
    r"(?:envie|envies|envien|envian|enviar|mande|mandes|manden|mandar|escriba|escribas|"
    r"escriban|escribir|contacte|contactes|contacten|contactar|textee|textees|texteen|textear|"
    r"molesten|moleste|molestar)"
)
LIST = r"(?:lista|lita|listas|grupo|base de datos|contactos|sistema|registro|directorio)"

WEAK_SPANISH = phrases("stop texting", Strength.WEAK, [r"\b(?:baja|alto|parar|basta)(?!\w)"])

SPANISH = [
    *phrases(
        "do not contact",
        S,
        [
            rf"\bno (?:me |nos )?(?:vuelva[ns]? a |sigan? )?{SEND}(?:me|nos)?\b",
            rf"\b(?:deje|dejen|deja|dejar|pare|paren|para|parar|basta) de {SEND}(?:me|nos)?\b",
        ],
    ),
    *phrases(
        "stop texting",
        S,
        [
            rf"\bno (?:quiero|deseo|queremos|necesito) (?:recibir |mas |seguir recibiendo |sus |"
            rf"tus |estos |ningun |ningunos )*(?:{MESSAGES}|nada)",
            rf"\bno mas {MESSAGES}",
            r"\bcancelar (?:los |mis |estos |sus )?(?:mensajes|textos|notificaciones)\b",
            r"^(?:baja|alto|parar|basta|detener|detente|cancelar|ya basta)(?: (?:por favor|"
            r"porfa|porfavor|ya|gracias|ahora))*$",
            r"\bno (?:me |nos )?(?:sigan?|sigas) (?:escribiendo|enviando|mandando|contactando)",
        ],
    ),
    *phrases(
        "wrong number",
        S,
        [
            r"\b(?:numero|num|#|persona) (?:equivocad[oa]|incorrect[oa]|erroneo|errado)(?!\w)",
            r"\bse (?:equivoco|equivocaron|equivoca|equivocan) de (?:numero|persona)(?!\w)",
            r"\bno tengo (?:hijos|hij[oa]s?|ninos|nietos) (?:en|que)\b",
            r"\bno conozco a\b",
            r"\b(?:este|esta|ese) no es (?:el|su|mi) (?:numero|telefono|celular)(?!\w)",
            r"\bno conozco a (?:nadie|ninguna persona|ningun|esa persona|ese)(?!\w)",
            r"\b(?:aqui|aca) no (?:vive|hay nadie|existe)(?!\w)",
            r"^(?:\w+\W+)?(?:numero )?equivocad[oa]\W*$",
            r"\bno soy (?:esa|esta|la|el|quien|su) (?:persona|senora?|cliente|paciente|que)",
            r"\bno soy (?:quien|a quien|la persona que|el que|la que) (?:busca|buscan|piensa|"
            r"piensan|cree|creen)",
            r"\b(?:este|ese) (?:numero|telefono|celular) no es (?:de|del)\b",
            r"\b(?:ya no|no) (?:tiene|usa|es de) (?:este|ese|el) (?:numero|telefono|celular)",
            r"\b(?:este|ese) (?:numero|telefono|celular) ya no es (?:de|del)\b",
            r"\b(?:fallecio|murio)\b|\bno conozco a (?:ese|esa) (?:senor|senora|persona|muchach[oa]"
            r")",
        ],
    ),
    *phrases(
        "remove from list",
        S,
        [
            rf"\b(?:quit\w*|saque\w*|saca\w*|borre\w*|borra\w*|elimin\w*|remuev\w*|dar\w*|"
            rf"den\w*) (?:\w+ ){{0,3}}?(?:de|del) (?:la |su |sus |esta |este |vuestra |tu )?{LIST}",
            r"\b(?:borr|elimin)\w* (?:mi numero|mis datos|este numero|mi telefono)(?!\w)",
            r"\b(?:borren|borrame|borrenme|eliminenme|eliminame|quitenme|quitame|saquenme|sacame|"
            r"bajenme|bajame)(?!\w)",
            r"\b(?:paren|pare|detengan|deten) (?:los|sus|estos|de enviar) (?:mensajes|textos)",
            r"\bya no me interesa\b|\bno autorizo\b",
            r"\b(?:retiro|revoco|cancelo|quito|retiramos) (?:mi |el |nuestro )?(?:consentimiento|"
            r"permiso|autorizacion)",
            r"\bcancel\w* (?:mi |la |su |esta )?(?:suscripcion|subscripcion)",
            r"\bno (?:quiero|deseo|queremos) (?:estar|seguir|permanecer) en (?:su|esta|la|sus|este)"
            r" "
            r"(?:lista|grupo|base|sistema)",
            r"\b(?:saquen|quiten|borren|eliminen) (?:mi|este|su) numero\b",
            rf"\b(?:quiero|queremos|deseo|me quiero|nos queremos) salir(?:me|nos)? de (?:la |su |"
            rf"esta |sus |este |tu )?{LIST}",
            r"\bya no (?:me )?(?:manden|envien|escriban|mande|envie|contacten)\b",
            r"\b(?:dar(?:me)?|denme|deme|dame|dese|doy|darse|darnos|dar) de baja\b",
            r"\bdesuscrib\w*|\bdesuscripcion\b|\bcancelar (?:la |mi )?(?:suscripcion|"
            r"subscripcion)(?!\w)",
        ],
    ),
    *phrases(
        "asks how to opt out",
        S,
        [
            r"\bcomo (?:me )?(?:doy de baja|(?:me )?desuscribo|cancelo la suscripcion|"
            rf"(?:cancelo|paro|detengo|quito|bloqueo) (?:los |estos |sus |tus )?{MESSAGES}|"
            r"dejo de recibir|salgo de (?:la|su|esta) lista)",
        ],
    ),
]
