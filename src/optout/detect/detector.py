"""The detector cascade: screen, normalise, keyword, phrase evidence and the model.

1. An ASCII reply that is a bare keyword is answered at once; one the screen finds could
   not be an opt-out gets the shared "none" decision (most replies end here).
2. Otherwise the reply is normalised and matched against the standard keywords.
3. Phrase patterns gather evidence: strong opt-out phrases, weak ones, and guards for the
   same words in another sense. A strong phrase no guard overlaps opts out; otherwise the
   intent model decides, with a threshold that depends on the evidence (tuned by
   cross-validation on the training split).
4. An auto opt-out is then checked against the exclusion rules of :mod:`.policy`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import NamedTuple

from optout.detect.context import (
    answers_the_text,
    declared_keywords,
    denied_premise_span,
    greeted_name,
    wrong_person_span,
)
from optout.detect.families.english.guards import AMONG_FRIENDS
from optout.detect.help_requests import help_decision, help_request, mentions_help
from optout.detect.keywords import STOP_SIGNS, match_keyword
from optout.detect.mistyped_keywords import (
    MAX_READ_CHARS,
    keyword_suspects,
    read_keyword,
    sender_code_decision,
    slip_of_a_named_keyword,
)
from optout.detect.model import IntentModel, model_document
from optout.detect.normalize import NormalizedText, normalize, rough_fold
from optout.detect.patterns import Evidence, PhraseMatch, Strength
from optout.detect.phrasebook import reading
from optout.detect.policy import auto_opt_out_exclusion
from optout.detect.reactions import own_words
from optout.detect.screen import may_opt_out, may_opt_out_folded, which_may_opt_out
from optout.domain import NO_DECISION, Action, Decision, Family, ReplyContext, Trigger

WARM_UP_REPLIES = (
    "ok",
    "STOP",
    "please stop texting me, wrong number",
    "Not Mike, no Kevin here",
    "what is this? help",
    "pls dont txt me agian",
    "número equivocado, no me envíe más mensajes 🛑",
    "Sotp",
    'Liked "Reply STOP to opt out"',
    "Stop. way too many texts",
)
"""Replies that between them take every path of the cascade (see :meth:`Detector.warm_up`)."""
STRONG_PHRASE_CONFIDENCE = 0.95
"""The least confidence reported for an opt-out phrase that no guard or the model vetoes."""
_ASCII_EDGES = "".join(chr(c) for c in range(128) if not chr(c).isalnum())
_WORDISH_EDGES = frozenset("'*#\x00")
"""Characters the screen reads as part of a word (see :func:`_decide_ascii_as_typed`)."""
PHONE_WORDS_DECISION = Decision(
    Action.NONE, confidence=1.0, reason="only the phone's words: a reaction or an effect note"
)
"""The decision for a reply made only of what the phone added: a reaction quoting a message,
or an effect note, with no words of the contact's own."""
_FIRST_SENTENCE = re.compile(r"(?P<first>[^.!?,;:()]{1,24}?) *(?:[.!?,;:()]+| - |$)")
"""The opening sentence of a canonical reply, up to its first stop or comma."""
_LAST_CLAUSE = re.compile(r"[.!?,;:]+ *(?P<last>[^ .!?,;:()]{4,24})[ .!?]*$")
"""The closing clause of a canonical reply, when it is one word after a stop or comma."""
_CLOSING_KEYWORDS = frozenset({"STOP", "STOPALL", "QUIT", "UNSUBSCRIBE", "REVOKE", "OPT OUT"})
"""Keywords that close a reason as a request ("no money for you, stop"); a closing CANCEL or
END more often cancels a booking or ends a thought ("sick today, cancel")."""
_CLOSING_INITIALS = frozenset(keyword[0].lower() for keyword in _CLOSING_KEYWORDS)
"""The letters a closing keyword opens with: a sentence opening otherwise is read no further."""
_NOT_CLOSING_STOP = frozenset(
    "can't cant cannot don't dont won't wont never not to it let bus next last first one 1 2 "
    "non more pit full rest truck the a my your ur our this that his her their will would "
    "should could must gonna gotta didn't doesn't i we they he she".split()
)
"""Words before a closing "stop" with no comma that make it another stop ("one more stop",
"the rain to stop", "can't stop")."""
_CLOSING_FILLERS = frozenset("please pls plz now thanks thx ty already".split())
"""Words that may follow a closing "stop" ("so STOP PLEASE")."""
_INSISTING = (
    "for real|fr|for good|forever|this time|once and for all|for the last time|seriously|"
    "immediately|right now|asap|i mean it|i'm serious|im serious"
)
"""What may follow a keyword to insist on it ("STOP for real this time", "quit for good")."""
_SERVICES = (
    "(?:service|account|order|payment|subscription|plan|card|membership|delivery|mail|"
    "newspaper|paper|auto ?pay|policy|insurance|coverage|check|claim|prescription|refill|"
    "appointment|appt|reservation|booking|lease|utilities|water|power|gas|internet|cable)"
)
"""What a keyword may stop that is no text ("Stop my service on the 30th")."""
_INSISTED = re.compile(rf"(?: (?:{_INSISTING}))+$")
_KEYWORD_THEN_CLAUSE = re.compile(
    r"^(?P<first>(?:stop|stp|quit|unsubscribe|stopall)(?: (?:stop|stp|quit|unsubscribe|stopall))*)"
    r"(?: (?:please+|pl[sz]+|now|thanks|thx))*"
    rf" (?=(?:{_INSISTING})(?: (?:{_INSISTING}))*[ .!]*$"
    rf"|my (?!{_SERVICES}\b)"
    r"|(?:i|i'm|im|we|we're|he|she|they|our|this|not|no|wrong|never|got|already|just|"
    r"don't|dont|bc|because|cuz|since|its|it's|ya|porque|x favor|por favor|que|q|yo|mi|estoy|me)\b"
    r"|(?:you|u|ya|y'all|yall) (?:\w+ )?(?:creeps?|freaks?|idiots?|losers?|morons?|clowns?|"
    r"scammers?|spammers?|vultures?|leeches|parasites?|crooks?|liars?|jerks?|fools?|bastards?|"
    r"assholes?|weirdos?|lunatics?|nutjobs?)\b)"
)
"""A keyword opening a reply with no stop after it, where a new clause starts at once ("stop
we adopted a dog already", "stop pls got a new gym"), the keyword is insisted on ("STOP for
real this time") or the sender is named for what they are ("QUIT QUIT QUIT you freaks"):
"stop by", "stop it" and a service stopped ("Stop my service on the 30th") go on otherwise."""


_SENTENCE_OPENERS = ("so", "also")
"""Words that may open a keyword's own sentence ("... for the year. also stop")."""
_OPENER_BEFORE = re.compile(rf"(?<=[.! ])(?:{'|'.join(_SENTENCE_OPENERS)})$")
_OPENER_FIRST = re.compile(rf"^(?:(?:{'|'.join(_SENTENCE_OPENERS)}) )+")
_SAID_INITIALS = _CLOSING_INITIALS.union(opener[0] for opener in _SENTENCE_OPENERS)
"""The letters a later sentence that is a closing keyword opens with, an opener or not."""
_SENTENCE = re.compile(r"[^.!?\n]+[.!?\n]*")
"""A sentence of a canonical reply, with the stops that end it."""
_CLAUSE_BREAK = re.compile(r"(?:[,;]| (?:so|and|but|also|now|then|plus|&))(?= )")
"""Where a new clause of a run-on sentence starts ("... 5 of these a week so pls take me off")."""
REQUEST_FAMILIES = frozenset(
    {
        Family.STOP_TEXTING,
        Family.REMOVE_FROM_LIST,
        Family.UNSUBSCRIBE,
        Family.DO_NOT_CONTACT,
        Family.OPT_OUT,
        Family.CONSENT_WITHDRAWN,
        Family.HOSTILE,
    }
)
"""Families that ask for something: a request means what it says in whichever sentence it
stands ("the fireworks were great! but pls take me off"). Whether someone is the wrong
person, by contrast, hangs on the whole reply ("My uncle died of cancer")."""


class _Pending(NamedTuple):
    """A reply with opt-out vocabulary, waiting for the model to read ``document``.

    A named tuple: thousands are made per batch, and a tuple is the cheapest to make.
    """

    text: str
    normal: NormalizedText
    evidence: Evidence
    document: str
    request_document: str | None
    """The sentence that holds a strong request, read alone, when the reply has others."""
    settled: bool
    """Whether the reply's own words settle it, so the model may not veto: it says the person
    the answered text greeted is someone else ("Marcus who? lol" after "Hey Marcus!"), or it
    opens with a keyword as its own sentence and gives a reason ("stop. my phone buzzes during
    class"), which opts out whatever the reason unless a guard shows another sense."""


class Detector:
    """Decide whether an inbound reply opts its sender out, opts them in, or asks for help."""

    def __init__(self, model: IntentModel | None = None) -> None:
        self._model = model or IntentModel.shipped()

    @property
    def model(self) -> IntentModel:
        """Return the intent model this detector uses."""
        return self._model

    def warm_up(self) -> None:
        """Build now what is otherwise built for the first reply a process reads.

        The batch screen, the phrase search's automaton and the compiled patterns are made
        on first use, so importing the detector stays quick; building them takes most of a
        second. A server calls this as it starts, so its first inbound reply does not wait.
        """
        self.decide_many(WARM_UP_REPLIES)
        for text in WARM_UP_REPLIES:
            self.decide(text)

    def decide(
        self,
        text: str,
        *,
        context: ReplyContext | None = None,
        last_unstop_at: datetime | None = None,
        now: datetime | None = None,
    ) -> Decision:
        """Return the decision for one reply received at ``now``, in ``context`` if known."""
        own = own_words(text)
        if own is not None:
            return self._decide_own_words(text, own, context, last_unstop_at, now)
        early = self._decide_before_model(text, context, last_unstop_at, now)
        if isinstance(early, Decision):
            return early
        return self._conclude(early, self._probabilities([early])[0], last_unstop_at, now)

    def _decide_own_words(
        self,
        text: str,
        own: tuple[int, int],
        context: ReplyContext | None,
        last_unstop_at: datetime | None,
        now: datetime | None,
    ) -> Decision:
        """Return the decision on the contact's own words, placed back in the whole reply."""
        start, end = own
        if start == end:
            return PHONE_WORDS_DECISION
        decision = self.decide(
            text[start:end], context=context, last_unstop_at=last_unstop_at, now=now
        )
        if decision.span is None:
            return decision
        return replace(decision, span=(decision.span[0] + start, decision.span[1] + start))

    def decide_many(
        self,
        texts: Iterable[str],
        *,
        contexts: Sequence[ReplyContext | None] | None = None,
        last_unstop_at: Sequence[datetime | None] | None = None,
        now: Sequence[datetime | None] | None = None,
    ) -> list[Decision]:
        """Return the decision for each reply, in order (optionally with context and times).

        Replies are screened together in one compiled-regex pass; the shared "none"
        decision stands for every reply without opt-out vocabulary that is too long to be
        a mistyped keyword and has no context, so only the others cost a Python call, and
        the model scores all that need it in one batch.
        """
        texts = list(texts)
        situations = list(contexts or [None] * len(texts))
        unstops = list(last_unstop_at or [None] * len(texts))
        moments = list(now or [None] * len(texts))
        decisions = [NO_DECISION] * len(texts)
        pending: list[tuple[int, _Pending]] = []
        to_read, suspects = _screened(texts, situations)
        for position in to_read:
            text, context = texts[position], situations[position]
            if own_words(text) is not None:
                decisions[position] = self.decide(
                    text, context=context, last_unstop_at=unstops[position], now=moments[position]
                )
                continue
            early = self._decide_before_model(
                text,
                context,
                unstops[position],
                moments[position],
                may_be_keyword=position in suspects or context is not None,
            )
            if isinstance(early, Decision):
                decisions[position] = early
            else:
                pending.append((position, early))
        scores = self._probabilities([item for _, item in pending])
        for (position, item), probability in zip(pending, scores, strict=True):
            decisions[position] = self._conclude(
                item, probability, unstops[position], moments[position]
            )
        return decisions

    def _probabilities(self, pending: list[_Pending]) -> list[float]:
        """Return each reply's opt-out probability, scored as one batch.

        A strong request buried in a longer reply is scored on its own sentence too, and
        the greater of the two counts (see :func:`_request_document`).
        """
        documents = [item.document for item in pending]
        requests = [
            (k, item.request_document)
            for k, item in enumerate(pending)
            if item.request_document is not None
        ]
        scores = self._model.probabilities(documents + [document for _, document in requests])
        for offset, (k, _) in enumerate(requests):
            scores[k] = max(scores[k], scores[len(documents) + offset])
        return [float(score) for score in scores[: len(documents)]]

    def _decide_before_model(
        self,
        text: str,
        context: ReplyContext | None,
        last_unstop_at: datetime | None,
        now: datetime | None,
        *,
        may_be_keyword: bool = True,
    ) -> Decision | _Pending:
        """Return the decision if no model is needed for it, else what the model must read.

        ``may_be_keyword``: False when a batch's look for keyword suspects ruled out that
        the reply reads as a mistyped keyword, so it is not read again.
        """
        declared = declared_keywords(context)
        name = greeted_name(context)
        prompt = context.prompt if context is not None else None
        if prompt and (slip := slip_of_a_named_keyword(text, prompt)) is not None:
            return slip.decision()  # "Quite" after "Reply QUIT to stop"
        if prompt and answers_the_text(text, prompt, declared, name):
            return NO_DECISION
        # what the answered text says makes a reply with no opt-out vocabulary one: the name
        # it greets said to be someone else's ("Who is Tamara?"), what it takes for granted denied
        canonical = normalize(text).text if name is not None or declared else ""
        read_whole = (
            (name is not None and wrong_person_span(canonical, name) is not None)
            or (bool(declared) and _says_a_declared_keyword(canonical, declared))
            or (bool(prompt) and denied_premise_span(text.lower(), prompt or "") is not None)
        )
        if text.isascii():
            as_typed = _decide_ascii_as_typed(
                text, declared, read_whole, may_be_keyword=may_be_keyword
            )
            if isinstance(as_typed, Decision):
                return as_typed
            normal, checked = as_typed
        elif not read_whole and not may_opt_out_folded(rough_fold(text)):
            return _mistyped(text, declared, may_be_keyword) or NO_DECISION
        else:
            normal, checked = normalize(text), False
        keyword = None if checked else match_keyword(normal.text)
        if keyword is not None:
            return keyword.decision(normal.span)
        mistyped = None if checked else _mistyped(text, declared, may_be_keyword)
        if mistyped is not None:
            return mistyped
        if not normal.text:
            return _stop_sign(text, last_unstop_at, now)
        if not checked and not read_whole and not may_opt_out(normal.text):
            return _help(text, normal) or NO_DECISION
        read = reading(normal.text)
        said = None if name is None else _someone_else_greeted(normal.text, name)
        evidence = evidence_with_context(read.evidence, normal.text, declared, said, prompt)
        evidence = _named_someone_else(text, evidence)
        document = model_document(read.text, evidence)
        request = _request_document(normal.text, evidence)
        greeted = said is not None and not any(said.overlaps(g) for g in evidence.guards)
        settled = greeted or _keyword_led(normal.text, evidence)
        return _Pending(text, normal, evidence, document, request, settled)

    def _conclude(
        self,
        pending: _Pending,
        probability: float,
        last_unstop_at: datetime | None,
        now: datetime | None,
    ) -> Decision:
        """Return the decision for a reply the model has read, given its opt-out probability."""
        text, normal, evidence = pending.text, pending.normal, pending.evidence
        if not pending.settled and not self._model.thresholds.opts_out(evidence, probability):
            return _not_opted_out(text, normal, evidence, probability)
        decision = self._auto_opt_out(text, normal, evidence, probability)
        exclusion = auto_opt_out_exclusion(text, last_unstop_at=last_unstop_at, now=now)
        if exclusion is None:
            return decision
        return replace(decision, action=Action.NONE, exclusion=exclusion)

    def _auto_opt_out(
        self, text: str, normal: NormalizedText, evidence: Evidence, probability: float
    ) -> Decision:
        """Return the auto opt-out decision, explained by a phrase or the model."""
        phrase = evidence.unguarded_strong
        if phrase is not None:
            confidence = max(probability, STRONG_PHRASE_CONFIDENCE)
            return _phrase_decision(text, normal, phrase, confidence)
        if evidence.weak and not evidence.guards:
            return _phrase_decision(text, normal, evidence.weak[0], probability)
        span = self._model.strongest_phrase(normal.text) or (0, len(normal.text))
        start, end = normal.original_span(*span)
        reason = f'{Family.INTENT}: "{text[start:end]}"'
        return Decision(
            Action.OPT_OUT, Trigger.AUTO, None, probability, reason, (start, end), Family.INTENT
        )


def _decide_ascii_as_typed(
    text: str, declared: tuple[str, ...], read_whole: bool, *, may_be_keyword: bool
) -> Decision | tuple[NormalizedText, bool]:
    """Return the decision an ASCII reply gets as typed (not normalised), else its canonical form.

    With the form comes whether the keyword and vocabulary checks made on the reply as
    typed hold for it too: they do when its core was already canonical and its edges
    hold no character the screen reads as part of a word. ``read_whole``: the answered
    text makes the reply worth reading without opt-out vocabulary.
    """
    lowered = text.lower()
    core = lowered.strip(_ASCII_EDGES)
    keyword = match_keyword(core)
    if keyword is not None:
        start = len(lowered) - len(lowered.lstrip(_ASCII_EDGES))
        return keyword.decision((start, start + len(core)))
    mistyped = _mistyped(text, declared, may_be_keyword)
    if mistyped is not None:
        return mistyped
    if read_whole:
        return normalize(text), False
    if not may_opt_out(lowered):
        if not mentions_help(lowered):
            return NO_DECISION
        return _help(text, normalize(text)) or NO_DECISION  # read as every reply is: canonical
    normal = normalize(text)
    edges = lowered.replace(core, "", 1)  # core opens with a letter or digit: never in an edge
    return normal, normal.text == core and _WORDISH_EDGES.isdisjoint(edges)


def _stop_sign(text: str, last_unstop_at: datetime | None, now: datetime | None) -> Decision:
    """Return an auto opt-out for a reply made only of stop-sign emoji, else "none"."""
    signs = [index for index, char in enumerate(text) if char in STOP_SIGNS]
    if not signs or any(c.isalnum() for c in text):
        return NO_DECISION
    span = (signs[0], signs[-1] + 1)
    exclusion = auto_opt_out_exclusion(text, last_unstop_at=last_unstop_at, now=now)
    action = Action.NONE if exclusion else Action.OPT_OUT
    reason = f'stop sign: "{text[span[0] : span[1]]}"'
    confidence = STRONG_PHRASE_CONFIDENCE
    return Decision(action, Trigger.AUTO, exclusion, confidence, reason, span, Family.STOP_SIGN)


def _phrase_decision(
    text: str, normal: NormalizedText, phrase: PhraseMatch, confidence: float
) -> Decision:
    """Return an auto opt-out explained by the phrase that matched."""
    start, end = normal.original_span(phrase.start, phrase.end)
    family = Family(phrase.family)
    reason = f'{family}: "{text[start:end]}"'
    return Decision(Action.OPT_OUT, Trigger.AUTO, None, confidence, reason, (start, end), family)


def _not_opted_out(
    text: str, normal: NormalizedText, evidence: Evidence, probability: float
) -> Decision:
    """Return a "none" decision, naming the guard that vetoed opt-out words if one did.

    A reply that asks for help with the messages gets the help decision instead.
    """
    helped = _help(text, normal)
    if helped is not None:
        return helped
    if not evidence.guards:
        return Decision(Action.NONE, None, None, 1.0 - probability, NO_DECISION.reason)
    guard = evidence.guards[0]
    start, end = normal.original_span(guard.start, guard.end)
    reason = f'{guard.family}: "{text[start:end]}"'
    return Decision(Action.NONE, None, None, 1.0 - probability, reason, (start, end))


def _help(text: str, normal: NormalizedText) -> Decision | None:
    """Return the help decision if the reply asks for help with the messages."""
    span = help_request(normal.text)
    return None if span is None else help_decision(text, normal.original_span(*span))


def replies_to_read(texts: list[str], contexts: list[ReplyContext | None]) -> list[int]:
    """Return the positions of the replies that need more than the shared "none".

    Those the batch screen keeps, short ones that may be a mistyped keyword, and those
    with a context (a declared keyword or a greeted name may make any reply count).
    """
    return _screened(texts, contexts)[0]


def _screened(
    texts: list[str], contexts: list[ReplyContext | None]
) -> tuple[list[int], frozenset[int]]:
    """Return the replies to read (:func:`replies_to_read`) and those that may be a keyword."""
    kept = set(which_may_opt_out(texts))
    short = [i for i, text in enumerate(texts) if len(text) <= MAX_READ_CHARS]
    suspects = frozenset(short[j] for j in keyword_suspects([texts[i] for i in short]))
    kept.update(suspects)
    kept.update(i for i, context in enumerate(contexts) if context is not None)
    return sorted(kept), suspects


def _closing_keyword(canonical: str, declared: tuple[str, ...]) -> tuple[int, int] | None:
    """Return where a reason's closing keyword is ("no money for you, sotp"), or None.

    After a stop or comma, one word that reads as a closing keyword, typos too; with no
    comma, a last "stop" after three words or more, unless the word before it makes it
    another stop.
    """
    closing = _LAST_CLAUSE.search(canonical)
    if closing is not None and closing.start() > 0:
        keyword = read_keyword(closing.group("last"), declared)
        if keyword is not None and (keyword.declared or keyword.keyword in _CLOSING_KEYWORDS):
            return closing.span("last")
    words = canonical.rstrip(".! ").split(" ")
    while len(words) > 3 and words[-1] in _CLOSING_FILLERS:
        words.pop()  # "... so STOP PLEASE"
    if len(words) >= 3 and words[-1] == "stop" and words[-2] not in _NOT_CLOSING_STOP:
        end = len(" ".join(words))
        return end - len("stop"), end
    return None


def _keyword_sentence(canonical: str, declared: tuple[str, ...]) -> tuple[int, int] | None:
    """Return where a later sentence of the reply is a keyword alone ("my nurse told me to
    write STOP. STOP. thank you dear"), or insisted on ("... STOP for real this time"), or
    None; the first sentence is read as keyword-first."""
    for sentence in list(_SENTENCE.finditer(canonical))[1:]:
        typed = sentence.group().strip(" .!?\n")
        if not declared and typed[:1] not in _SAID_INITIALS:
            continue  # insisting comes off the end, so no opener or closing keyword opens it
        said = _INSISTED.sub("", typed)
        if not 0 < len(said) <= 24:
            continue
        said_first = _OPENER_FIRST.sub("", said)
        if not declared and (said.count(" ") > 2 or said_first[0] not in _CLOSING_INITIALS):
            continue  # a closing keyword, typed with a filler or two at most ("also stop")
        keyword = read_keyword(said, declared)
        if keyword is not None and (keyword.declared or keyword.keyword in _CLOSING_KEYWORDS):
            start = sentence.start() + sentence.group().index(said[0])
            return start, start + len(said)
    return None


def _asked(opening: re.Match[str]) -> bool:
    """Return whether a reply's opening sentence is a question ("end2stop? whats that")."""
    return "?" in opening.group()[opening.end("first") - opening.start() :]


def _says_a_declared_keyword(canonical: str, declared: tuple[str, ...]) -> bool:
    """Return whether a reply opens on, closes on or holds as a sentence a declared keyword
    ("LEAVE4GOOD. ur juice gave me a stomach ache"): words the screen does not know."""
    opening = _FIRST_SENTENCE.match(canonical)
    if opening is not None and (keyword := read_keyword(opening.group("first"), declared)):
        return keyword.declared and not _asked(opening)
    return (
        _closing_keyword(canonical, declared) is not None
        or _keyword_sentence(canonical, declared) is not None
    )


def _mistyped(text: str, declared: tuple[str, ...], may_be_keyword: bool = True) -> Decision | None:
    """Return the keyword opt-out a short reply stands for once typos are read through.

    ``may_be_keyword`` False: a batch's look for keyword suspects ruled the reply out.
    """
    if not may_be_keyword or len(text) > MAX_READ_CHARS:
        return None
    keyword = read_keyword(text, declared)
    return keyword.decision() if keyword is not None else sender_code_decision(text)


def _request_document(canonical: str, evidence: Evidence) -> str | None:
    """Return the model's document for the clause that holds a strong request, read alone.

    A request buried after small talk ("Package came, box was crushed. Dont text me about
    reviews tho", "i get like 5 of these a week so pls just take me off ok thx") reads as
    small talk to the model when the whole reply is read; the request's own clause, from
    where it opens (after the stop a phrase may take in: ". please remove me") to the end of
    its sentence, is what the contact asks. None when that is the whole reply or the reply
    holds no unguarded strong request.
    """
    phrase = evidence.unguarded_strong_of(REQUEST_FAMILIES)
    if phrase is None:
        return None
    said = canonical[phrase.start : phrase.end]
    opens = phrase.start + len(said) - len(said.lstrip(".!?,; "))  # ". please remove me"
    sentence = next((s for s in _SENTENCE.finditer(canonical) if s.end() > opens), None)
    if sentence is None:
        return None
    start, end = sentence.start(), sentence.end()
    for clause in _CLAUSE_BREAK.finditer(canonical, start, opens):
        start = clause.end()
    own = canonical[start:end].strip()
    if len(own) == len(canonical.strip()):
        return None
    read = reading(own)
    if read.evidence.unguarded_strong is None:
        return None
    return model_document(read.text, read.evidence)


_NAME_DENIED_AS_TYPED = re.compile(
    r"\W*(?i:(?:(?:nope|no|sorry|um|uh|lol),? )?not )[A-Z][a-z]+(?i:(?: lol| sorry| here)?)\W*$"
)
"""A whole reply denying a name, as typed, with the name's capital ("Not Andrea"), which
the reading lower-cases."""


def _named_someone_else(text: str, evidence: Evidence) -> Evidence:
    """Return the evidence with a weak "not <name>" made strong if ``text`` denies a name as typed.

    Said alone, "not andrea" may answer anything; "Not Andrea", with the capital a phone
    gives a name it knows, says the text reached someone else. The weak pattern has already
    ruled out the everyday words ("Not Sure", "Not Yet").
    """
    if _NAME_DENIED_AS_TYPED.match(text) is None:
        return evidence
    if evidence.unguarded_strong is not None or evidence.guards:
        return evidence
    for weak in evidence.weak:
        if weak.family is Family.WRONG_PERSON:
            named = PhraseMatch(Family.WRONG_PERSON, Strength.STRONG, weak.start, weak.end)
            return Evidence((named, *evidence.strong), evidence.weak, evidence.guards)
    return evidence


def _keyword_led(canonical: str, evidence: Evidence) -> bool:
    """Return whether a keyword is a sentence of the reply, not asked ("end?").

    One that opens the reply ("Stop. way too many texts") or stands alone after others ("he
    says to write stop. So STOP. Thank you").
    """
    first = evidence.strong[0] if evidence.strong else None
    if first is None or evidence.guards:
        return False
    after = canonical[first.end :].lstrip()
    if first.family is Family.KEYWORD_FIRST:
        return not after.startswith("?")
    before = _OPENER_BEFORE.sub("", canonical[: first.start].rstrip())
    after = _INSISTED.sub("", f" {after.rstrip(' .!')}").lstrip()
    return (
        first.family is Family.KEYWORD_LAST
        and before.rstrip().endswith((".", "!"))
        and after[:1] in ("", ".", "!")
    )


def _someone_else_greeted(canonical: str, name: str) -> PhraseMatch | None:
    """Return where the reply says the greeted ``name`` is someone else, if it does."""
    span = wrong_person_span(canonical, name)
    return None if span is None else PhraseMatch(Family.WRONG_PERSON, Strength.STRONG, *span)


def evidence_with_context(
    evidence: Evidence,
    canonical: str,
    declared: tuple[str, ...],
    greeted_elsewhere: PhraseMatch | None,
    prompt: str | None = None,
) -> Evidence:
    """Return the evidence with what only the whole reply or its context shows.

    A reply that opens with a keyword as its own sentence and goes on ("Stop. way too many
    texts", "Quit, I can't afford it"), or closes a reason with one ("I have nothing left
    to give, stop"), is strong evidence unless a guard shows another sense; so is saying
    that the person the answered text greeted is someone else, or denying what the text
    takes for granted ("I don't have a storage unit"). A laugh in a reply to a mass text is
    no banter between friends: its guard is dropped there. ``greeted_elsewhere`` is where
    the reply says the greeted person is someone else (:func:`_someone_else_greeted`).
    """
    if prompt and any(guard.family == AMONG_FRIENDS for guard in evidence.guards):
        guards = tuple(guard for guard in evidence.guards if guard.family != AMONG_FRIENDS)
        evidence = Evidence(evidence.strong, evidence.weak, guards)
    found = []
    if not evidence.guards:
        opening = _FIRST_SENTENCE.match(canonical)
        if opening is not None and opening.end() < len(canonical) and not _asked(opening):
            first = opening.group("first")
            if read_keyword(first, declared) is not None:  # opt-out keywords only, typos too
                found.append(PhraseMatch(Family.KEYWORD_FIRST, Strength.STRONG, 0, len(first)))
        if not found and (unpunctuated := _KEYWORD_THEN_CLAUSE.match(canonical)) is not None:
            found.append(
                PhraseMatch(Family.KEYWORD_FIRST, Strength.STRONG, *unpunctuated.span("first"))
            )
        closing = None if found else _closing_keyword(canonical, declared)
        if closing is None and not found:
            closing = _keyword_sentence(canonical, declared)
        if closing is not None:
            found.append(PhraseMatch(Family.KEYWORD_LAST, Strength.STRONG, *closing))
    if greeted_elsewhere is not None:
        found.append(greeted_elsewhere)
    if prompt and (denied := denied_premise_span(canonical, prompt)) is not None:
        found.append(PhraseMatch(Family.WRONG_PERSON, Strength.STRONG, *denied))
    if not found:
        return evidence
    return Evidence((*found, *evidence.strong), evidence.weak, evidence.guards)
