"""What the message a reply answers tells the detector: its declared keyword, its greeting.

A mass text often names its own opt-out keyword ("Reply LEAVE4GOOD to stop", "Text END to
opt out", "Responde BAJA para no recibir más"); a reply that is that keyword, however
typed, is a keyword opt-out. A text that greets someone by name ("Hi Tamara, ...") makes
"Who is Tamara?" or "no Tamara here" a reply from the wrong person.
"""

from __future__ import annotations

import re
from functools import lru_cache

from optout.detect.keywords import KEYWORDS
from optout.detect.mistyped_keywords import compact
from optout.detect.typos import misspellings
from optout.domain import ReplyContext

_DECLARED = re.compile(
    r"\b(?:reply|respond|text|txt|send|sms|type|responde|responda|contesta|env[ií]a|envie|"
    r"manda|escribe|r[ée]pondez|r[ée]ponds|envoyez|tapez)\s+(?:with\s+|con\s+)?[\"'“‘«]?"
    r"(?P<keyword>[A-Za-z0-9][A-Za-z0-9 _-]{0,20}?)"
    r"[\"'”’»]?\s*,?\s+(?:to|para|and|y|if|si|pour)\s+"
    r"(?:(?!(?:or|o|and|y|reply|text|txt|responde|responda)\b)\w+\s+){0,3}?"
    r"(?:stop|opt[ -]?out|unsub(?:scribe)?|end|cancel(?:ar)?(?!\s+(?:your|the|my|this|an?|su|la|"
    r"tu|el|sus|mis)\b)|quit|be removed|remove|leave|no longer|no recibir|dejar de|darte de baja|"
    r"darse de baja|salir|baja|ser eliminad[oa]|ser borrad[oa]|eliminar|no quier\w+|no dese\w+|"
    r"turn (?:them |these |it )?off|ne plus|arr[eê]ter|(?:vous |se )?d[ée]s(?:inscri|abonn)\w*)",
    re.IGNORECASE,
)
"""Where a text tells its readers which word opts them out."""
_KEYWORD_AFTER = re.compile(
    r"(?i:\b(?:to|para) (?:stop|opt[ -]?out|unsub\w*|end|quit|leave|no recibir|dejar de recibir|"
    r"darte de baja|darse de baja|salir)(?:\s+[\w']+){0,4}?,?\s+(?:reply|text|txt|send|responde|"
    r"responda|envia|envie|escribe)\s+(?:with\s+|con\s+)?)[\"'“‘«]?(?P<keyword>[A-Z0-9]{2,20})\b"
)
"""A keyword named after what it does ("To stop these alerts reply DROP")."""
_OR_KEYWORD = re.compile(
    r"\b(?:or|o)\s+[\"'“‘«]?(?P<keyword>[A-Z0-9]{2,15})[\"'”’»]?\s+(?:to|para)\s+(?:stop|"
    r"opt[ -]?out|unsub\w*|end|quit|be removed|leave|no recibir|salir|darte de baja|"
    r"darse de baja|ser eliminad[oa])"
)
"""A keyword offered as the other choice ("Reply YES to RSVP or REMOVE to opt out")."""
_WORDS_OF_LEAVING = "STOP|QUIT|END|UNSUB|CANCEL|OPTOUT|LEAVE|REMOVE"
_BARE_KEYWORD = re.compile(
    rf"\b[A-Z]*(?:{_WORDS_OF_LEAVING})[A-Z]*[0-9][A-Z0-9]*\b"
    rf"|\b[A-Z]*[0-9]+(?:{_WORDS_OF_LEAVING})[A-Z0-9]*\b"
)
"""A keyword a text names without saying so, in capitals with a digit ("... for Council
STOP2END", "STOP2QUIT"): campaign texts close on one."""
_GREETING = re.compile(
    r"^\W*(?:[A-Za-z][\w&'’. -]{0,40}:\s+)?"  # the sender's name first ("Glow Bar: Hi Destiny!")
    r"(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hola|buenos d[ií]as|"
    r"buenas tardes|buenas noches|querid[oa]|estimad[oa])\s*,?\s+(?:there\s+)?"
    r"(?:(?:mr|mrs|ms|miss|dr|sr|sra|brother|sister|pastor|coach|deacon|elder)\.?\s+)?"
    r"(?P<name>[A-Z][A-Za-z'-]+)"
    r"|(?P<opening>[A-Z][a-z'-]+)(?:\s+(?-i:[A-Z][a-z'-]+))?\s*(?:[,!]|\s[-–—]\s))",
    re.IGNORECASE,
)
"""A greeting by name ("Hi Tamara, ...", "Dear Mrs. Whitfield"), or a text opening on a name
("Kevin! Kayla here", "Nicole, we need ...", "Marcus - final reminder", "Dominic Russo, a
balance of ..."), after the sender's name where the text opens on it ("Glow Bar: Hi
Destiny! ...", "Sparkly: Ashley, 3 people liked your profile")."""
_ADDRESSED = re.compile(
    r"\b(?i:message|msg|notice|reminder|call|letter|update) for (?:(?i:mr|mrs|ms|miss|dr)\.?\s+)?"
    r"(?P<name>[A-Z][a-z'-]+)(?P<opening>)"
)
"""A text addressed to a name ("Important message for Gregory Pham regarding ...")."""
_GREETING_WORDS = frozenset(
    "there all everyone friend friends folks team neighbor neighbour".split()
)
_OPENING_WORDS = frozenset(
    """reminder reminders urgent alert alerts attention breaking important note notice update
    updates congrats congratulations thanks thank welcome sorry good great quick final last
    hello hey hi hola yes no wow today tonight tomorrow heads psst friendly happy hurry
    deadline news flash sale save reply please join help parents families members
    students team everyone folks friends neighbors voters supporters patients customers
    monday tuesday wednesday thursday friday saturday sunday weekend january february march
    april may june july august september october november december new free big just only
    limited last this come meet volunteers guests fans shoppers donors members staff
    employees coaches riders""".split()
)
"""Words a text may open on before a comma or "!" that are no name ("Reminder: ...", "Good
news, ...", "Parents, ...")."""
_NOT_NAMES = _GREETING_WORDS | _OPENING_WORDS


def declared_keywords(context: ReplyContext | None) -> tuple[str, ...]:
    """Return the opt-out keywords the account declared and the answered text named."""
    if context is None:
        return ()
    return context.keywords + _declared_in(context.prompt or "")


@lru_cache(maxsize=1024)
def _declared_in(prompt: str) -> tuple[str, ...]:
    """Return the opt-out keywords a text names ("Reply LEAVE4GOOD to stop")."""
    named = [match.group("keyword").strip() for match in _DECLARED.finditer(prompt)]
    named = [word for word in named if not re.search(r"\s(?:or|o|to|para)\s", word)]
    named += [match.group("keyword") for match in _OR_KEYWORD.finditer(prompt)]
    named += [match.group("keyword") for match in _KEYWORD_AFTER.finditer(prompt)]
    named += _BARE_KEYWORD.findall(prompt)
    # a standard keyword is read as one already
    return tuple(dict.fromkeys(word for word in named if word.lower() not in KEYWORDS))


def greeted_name(context: ReplyContext | None) -> str | None:
    """Return the first name the answered text greets ("Hi Tamara, ..." gives "tamara"), or
    the one it is addressed to ("Important message for Gregory Pham ...")."""
    if context is None or not context.prompt:
        return None
    for match in (_GREETING.match(context.prompt), _ADDRESSED.search(context.prompt)):
        if match is None:
            continue  # "Hi, this is a reminder for Denise Hall's ...": addressed, not greeted
        typed = match.group("name") or match.group("opening")
        name = typed.lower()
        if typed[0].isupper() and name not in _NOT_NAMES and len(name) > 1:
            return name
    return None


@lru_cache(maxsize=1024)
def _asked_about(name: str) -> re.Pattern[str]:
    """Return the shapes of a canonical reply saying ``name`` is not who answered.

    The name may be mistyped by one letter ("jazmine" for Jasmine, "terence" for Terrence);
    "not me" alone answers the greeting too.
    """
    spellings = {name}
    if len(name) >= 5:
        spellings |= misspellings(name, slips=True)
    n = "(?:" + "|".join(map(re.escape, sorted(spellings, key=len, reverse=True))) + ")"
    return re.compile(
        rf"\bwho(?:'?s| is| tf is| the (?:hell|heck|fuck) is| dat| that)? "
        rf"(?:an? |(?:mr|mrs|ms|miss|dr)\.? )?{n}\b"
        rf"|\b(?:not|no|isn'?t|isnt|aint|ain'?t|never heard of|don'?t know|dont know|"
        rf"no one named|nobody named|no one by|nobody by|there'?s no|theres no|wrong) "
        rf"(?:\w+ ){{0,2}}{n}\b"
        rf"|\b{n}\b.{{0,30}}\b(?:not here|(?:doesn'?t|doesnt|does not|don'?t|dont) (?:live|work|"
        rf"have|use|own|go|attend|belong|stay|exist)|no longer|isn'?t|wrong|"
        rf"hasn'?t|hasnt|ain'?t|aint|never lived|moved|passed|died|not me|not this|new number|"
        rf"no vive|no es|ya no)"
        # a relative's name, the phone the reply's own ("Roberto es mi papá, él no tiene
        # celular", "Jamal's my brother, this is MY phone")
        rf"|\b{n}\b.{{0,40}}\b(?:this is my (?:phone|number|cell|#)|(?:este|el) (?:numero|"
        rf"telefono|celular) es mio|(?:no tiene|doesn'?t have|does not have) (?:a |un )?(?:cell|"
        rf"celular|phone|telefono))"
        rf"|\b{n}\W*(?:who|quien)\b"
        rf"|\bno (?:se|conozco a|conocemos a|hay ningun[ao]?|vive ningun[ao]?) (?:quien es )?{n}\b"
        rf"|\b{n} ?\?+ ?(?:no|nope|not|that'?s not|thats not|never|you'?re thinking|ur thinking|"
        rf"u r thinking|you have|u have|you got|u got|idk|i don'?t|i dont|wrong)\b"
        rf"|^{n}$"
        r"|^(?:not me|wrong (?:person|guy|girl|lady|one)|(?:i'?ve |i have |i )?never heard of "
        r"(?:her|him|them|this person|that person)|(?:i )?(?:don'?t|dont|do not) know (?:her|him|"
        r"them|this person|who that is))\W*$"
    )


def wrong_person_span(canonical: str, name: str) -> tuple[int, int] | None:
    """Return where a canonical reply says the greeted ``name`` is someone else, if it does."""
    match = _asked_about(name).search(canonical)
    return match.span() if match else None


_NOT_HAVING = (
    r"(?:don'?t|dont|do not|never|didn'?t|didnt|did not|have never|'ve never|ve never) (?:even )?"
)
_DENIALS = re.compile(
    rf"\b(?:i|we) {_NOT_HAVING}(?:have|had|own|owned|use|used) (?:a|an|any) "
    rf"(?P<thing>[\w']+(?: [\w']+)?)"
    rf"|\b(?:i|we) {_NOT_HAVING}(?:have|had) (?P<kin>kids|children|pets)\b"
    rf"|\b(?:i|we) (?:no longer|don'?t|dont|do not|never|haven'?t|have not) (?:even )?"
    rf"(?:work|worked|volunteer|volunteered|play|played|go|went|attend|attended|shop|shopped|bank|banked|live|"
    rf"lived)(?: (?:for|at|with|to|in|on))? (?:the )?(?P<named>[\w']+(?: [\w']+)?)"
    rf"|\bnot my (?P<mine>kid|kids|child|son|daughter|school|student|dog|cat|pet|car)\b"
    rf"|(?:\b(?:i|we) {_NOT_HAVING}|^never (?:even )?)(?P<deal>ordered|order|banked|bank|shopped|"
    rf"shop|bought|buy|borrowed|insured) (?:anything |nothing |a thing )?(?:from|with|at|through) "
    rf"(?:you|u|y'?all|your|ur)\b"
    rf"|\bnever (?:been|gone|went) to (?:a |an |the )?(?:dr\.? |doctor )?(?P<place>[\w']+)"
)
"""A reply denying what the answered text takes for granted: having the thing ("I don't even
have a dog", "never had a policy with you"), dealing with the sender ("never banked with u"),
or having been to the place ("never been to a dr levin")."""
_STEM_ENDINGS = ("'s", "ing", "ed", "es", "s")


def _stem(word: str) -> str:
    """Return a word without a possessive or a common ending ("banking", "banked": "bank")."""
    for ending in _STEM_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


_PRESUMED = {
    "kid": "parent guardian student school elementary middle class teacher grade child",
    "child": "parent guardian student school elementary middle class teacher grade kid",
    "children": "parent guardian student school elementary middle class teacher grade",
    "son": "parent guardian student school elementary middle class teacher grade",
    "daughter": "parent guardian student school elementary middle class teacher grade",
    "dog": "pet grooming groomer vet paw puppy",
    "cat": "pet grooming groomer vet paw kitten",
    "pet": "grooming groomer vet paw puppy kitten",
    "car": "vehicle recall dealership auto oil tire",
}
"""What a text about something presumes one has ("Dear Parent/Guardian" presumes a child)."""


@lru_cache(maxsize=1024)
def _prompt_stems(prompt: str) -> frozenset[str]:
    """Return the stems of the answered text's words of three letters or more."""
    return frozenset(_stem(word) for word in re.findall(r"[a-z']{3,}", prompt.lower()))


def _presumed_by(word: str, stems: frozenset[str]) -> bool:
    """Return whether the answered text's words presume ``word`` ("kids" after "Parent")."""
    stem = _stem(word)
    return stem in stems or not stems.isdisjoint(_PRESUMED.get(stem, "").split())


def denied_premise_span(canonical: str, prompt: str) -> tuple[int, int] | None:
    """Return where a reply denies what the answered text takes for granted, if it does.

    "I don't have a storage unit" after "Your storage unit gate code has changed": the text
    reached someone who is not its customer, patient or client. Only a denial naming
    something the text itself names counts; without the text it is everyday talk.
    """
    stems = _prompt_stems(prompt)
    for match in _DENIALS.finditer(canonical):
        if match.group("named"):  # a place or employer: named in the text, capitalised
            names = _prompt_names(prompt)
            if any(_stem(word) in names for word in match.group("named").split()):
                return match.span()
            continue
        named = next((group for group in match.groups() if group), "")
        if any(_presumed_by(word, stems) for word in named.split() if len(word) >= 3):
            return match.span()
    return None


@lru_cache(maxsize=1024)
def _prompt_names(prompt: str) -> frozenset[str]:
    """Return the stems of the answered text's capitalised words: its sender, places, people."""
    capitalised = re.findall(r"\b[A-Z][a-zA-Z']{2,}", prompt)
    return frozenset(
        _stem(word.lower()) for word in capitalised if word.lower() not in _OPENING_WORDS
    )


_ANSWER_ASKED = re.compile(
    r"\b(?i:reply|respond|text|txt|responde|responda|r[ée]pondez)\s+(?i:with\s+)?"
    r"(?P<first>[A-Z][A-Z0-9]*)(?P<others>(?:\s*(?:,|/|or|o|ou)\s*[A-Z][A-Z0-9]*)*)\b"
)
"""The answers a text asks for in capitals ("Reply C to confirm", "Reply STOOP, PORCH or
DOOR")."""
_LEAVING = re.compile(
    r"(?i)\b(?:opt[- ]?out|stop|unsub\w*|quit|cancel|remove|leave|end|baja|salir|no longer)\b"
)
"""Words saying that an answer asked for opts out ("Opt-out: reply OUT")."""
_INSTRUCTION = re.compile(r"(?i)\b(?:reply|text|txt|msg|responde|responda|r[ée]pondez)\b[^.!?\n]*")
"""A text's instruction to reply, to the end of its sentence."""


@lru_cache(maxsize=1024)
def answers_asked(prompt: str) -> frozenset[str]:
    """Return the answers, in lower case, that a text asks for ("stoop" of "Reply STOOP,
    PORCH or DOOR"), but for keywords: a reply that is one of them answers the question,
    however near a keyword it is spelled."""
    found = set()
    for match in _ANSWER_ASKED.finditer(prompt):
        before = re.split(r"[.!?]\s", prompt[: match.start()])[-1]
        after = re.split(r"[,.;:!?]", prompt[match.end() :], maxsplit=1)[0]
        if _LEAVING.search(f"{before} {after}") is not None:
            continue  # "Opt-out: reply OUT": the answer that opts out
        found.add(match.group("first"))
        found.update(re.findall(r"[A-Z][A-Z0-9]*", match.group("others")))
    return frozenset(word.lower() for word in found if word.lower() not in KEYWORDS)


@lru_cache(maxsize=1024)
def _words_beside_instructions(prompt: str) -> frozenset[str]:
    """Return the words of a text outside its instructions to reply ("end" of "Registration
    closes end of month. Reply STOP to opt out")."""
    return frozenset(re.findall(r"\w+", _INSTRUCTION.sub(" ", prompt).lower()))


_ECHO = re.compile(r"^\W*(?P<words>\w+(?: \w+)?)\s*\?+\W*$")


def echoes_a_word_asked(text: str, prompt: str) -> bool:
    """Return whether a reply asks back about a word of the text it answers ("cancelled?"
    after "Games may be cancelled due to rain", "end?" after "closes end of month").

    A keyword echoed from the text's own instruction to reply ("STOP?" after "Reply STOP to
    opt out") is no echo: the contact is trying it.
    """
    asked = _ECHO.match(text)
    if asked is None:
        return False
    words = asked.group("words").lower().split()
    return _words_beside_instructions(prompt).issuperset(words)


def answers_the_text(
    text: str, prompt: str, declared: tuple[str, ...], name: str | None = None
) -> bool:
    """Return whether a reply answers the text it replies to, not the opt-out: one of the
    answers it asks for ("Stoop" to "Reply STOOP, PORCH or DOOR"), unless declared as an
    opt-out keyword, or one of its words asked back ("cancelled?"), unless it is the name
    the text greets ("Deshawn??" asks who that is)."""
    typed = compact(text)
    if typed in answers_asked(prompt):
        return typed not in {compact(keyword) for keyword in declared}
    return (name is None or name not in text.lower()) and echoes_a_word_asked(text, prompt)
