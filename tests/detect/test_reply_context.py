"""The message a reply answers: declared keywords, greeted names, and reactions quoting it."""

from __future__ import annotations

import pytest

from optout.domain import Action, ReplyContext, Trigger

BLAST = "Hi Tamara, the food drive is Saturday! Reply LEAVE4GOOD to stop these texts."


@pytest.mark.parametrize("reply", ["Leave4good", "leave 4 good.", "Laeve4Good", "LeaveGood"])
def test_the_keyword_the_answered_text_declares_opts_out(detector, reply):
    decision = detector.decide(reply, context=ReplyContext(prompt=BLAST))
    assert (decision.action, decision.trigger) == (Action.OPT_OUT, Trigger.KEYWORD)
    assert decision.reason.startswith("keyword LEAVE4GOOD (declared by the sender")


def test_a_keyword_the_account_declares_opts_out(detector):
    decision = detector.decide("bye bye", context=ReplyContext(keywords=("BYEBYE",)))
    assert decision.trigger is Trigger.KEYWORD
    assert detector.decide("bye bye").action is Action.NONE


@pytest.mark.parametrize(
    "prompt",
    [
        "Text END to opt out of alerts",
        "Responde BAJA para no recibir más mensajes",
        "Reply 'QUITNOW' to unsubscribe",
    ],
)
def test_declared_keywords_are_read_off_the_answered_text(detector, prompt):
    word = {"Text": "END", "Resp": "baja", "Repl": "quitnow"}[prompt[:4]]
    decision = detector.decide(word, context=ReplyContext(prompt=prompt))
    assert decision.action is Action.OPT_OUT


def test_a_declared_number_is_a_keyword_though_other_numbers_are_not(detector):
    context = ReplyContext(prompt="Bingo night Friday at 7! Reply 42 to be removed from this list.")
    decision = detector.decide("42", context=context)
    assert (decision.action, decision.trigger) == (Action.OPT_OUT, Trigger.KEYWORD)
    assert detector.decide("43", context=context).action is Action.NONE
    assert detector.decide("42").action is Action.NONE


def test_a_declared_keyword_typed_as_words_a_filler_holds_is_read(detector):
    """ "No thanks." is NOTHANKS where the text declares it, though "thanks" alone is a filler."""
    context = ReplyContext(prompt="Rate your visit 1-5! Reply NOTHANKS to opt out")
    assert detector.decide("No thanks.", context=context).trigger is Trigger.KEYWORD
    assert detector.decide("No thanks.").action is Action.NONE
    assert detector.decide("thanks!", context=context).action is Action.NONE


def test_not_me_answers_a_greeting_by_name(detector):
    greeted = ReplyContext(prompt="Dwayne, your e-statement is ready to view.")
    assert detector.decide("not me", context=greeted).reason.startswith("wrong person")
    asked = ReplyContext(prompt="Who can bring snacks Saturday? Reply by noon")
    assert detector.decide("not me", context=asked).action is Action.NONE


def test_a_greeting_alone_does_not_send_chat_to_the_model(detector):
    """A reply to a text that greets a name is read whole only where it says the name is
    someone else's; "marcus already gave" is chat, whatever the model makes of it."""
    greeted = ReplyContext(prompt="MATCH ENDS TONIGHT: Marcus, your gift goes 5X! Text QUIT2END")
    assert detector.decide("Marcus already gave, thx", context=greeted).action is Action.NONE
    assert detector.decide("who's marcus", context=greeted).reason.startswith("wrong person")


def test_a_declared_keyword_opening_a_reason_opts_out(detector):
    context = ReplyContext(prompt="Deli Dan: 2-for-1 subs today! Reply BYE2STOP to end")
    assert detector.decide("bye2stop. ur subs made me sick", context=context).opts_out
    assert detector.decide("bye2stop? whats that mean lol", context=context).opts_out is False


@pytest.mark.parametrize(
    ("prompt", "reply", "opts_out"),
    [
        ("Hola Ramiro, soy Ana de la campaña.", "Ramiro es mi papá, este número es mío", True),
        ("Hi Jalen, your order shipped!", "jalen's my brother, this is my phone", True),
        ("Hi Karen, vote Tuesday!", "karen is my wife, ill tell her", False),
        ("Hi Dario, your refill is ready.", "dario is my son, can he pick it up?", False),
    ],
)
def test_the_greeted_name_said_to_be_a_relative(detector, prompt, reply, opts_out):
    decision = detector.decide(reply, context=ReplyContext(prompt=prompt))
    assert decision.opts_out is opts_out, decision


def test_a_name_not_known_in_spanish_is_the_wrong_person(detector):
    context = ReplyContext(prompt="Hola Lupita, tu cita es el martes a las 3.")
    decision = detector.decide("no se quien es lupita", context=context)
    assert decision.reason.startswith("wrong person")


def test_a_keyword_declared_to_unsub_is_read(detector):
    context = ReplyContext(prompt="Spring sale on now! Txt BYE7 to unsub.")
    assert detector.decide("bye7", context=context).trigger is Trigger.KEYWORD


@pytest.mark.parametrize("reply", ["Who is Tamara?", "no tamara here", "Tamara?", "not tamara"])
def test_asking_after_the_greeted_name_is_the_wrong_person(detector, reply):
    decision = detector.decide(reply, context=ReplyContext(prompt=BLAST))
    assert decision.action is Action.OPT_OUT
    assert decision.reason.startswith("wrong person")


@pytest.mark.parametrize(
    ("prompt", "reply"),
    [
        ("Derek! Kim here from the Ruiz campaign. Can you chip in?", "derek who?"),
        ("Dana, your refill is ready at Elm Pharmacy.", "dana?? never heard of her"),
        ("Dear Mrs. Okafor, your policy statement is ready.", "who is mrs okafor"),
        ("Hi there Priya! Tryouts are Saturday.", "wrong priya bro"),
        ("Hey Jasmine, it's Leo from the food bank!", "not jazmine lol"),
        ("Hi Terrence, your loan is approved.", "terence? thats not me"),
        ("Hello Dwight, this is Lakeside Collections.", "dwight hasnt lived here in years"),
        ("Nail Studio 9: Hi Renata! Your fill is Thursday at 3.", "who is renata"),
        ("PowerGym: Marisol, your membership renews 12/01.", "not marisol. new number"),
        ("Important message for Norma Diaz regarding your account.", "who tf is norma"),
        ("Hi Brother Earl! We missed you at Bible study.", "who is earl??"),
    ],
)
def test_a_reply_denying_the_greeted_name_is_the_wrong_person_however_it_is_typed(
    detector, prompt, reply
):
    decision = detector.decide(reply, context=ReplyContext(prompt=prompt))
    assert decision.action is Action.OPT_OUT, decision
    assert decision.reason.startswith("wrong person")
    assert detector.decide_many([reply], contexts=[ReplyContext(prompt=prompt)]) == [decision]


@pytest.mark.parametrize(
    ("prompt", "reply"),
    [
        ("Reminder, practice moved to 5pm.", "reminder who?"),
        ("Sunday, join us for worship at 10!", "sunday who? i work sundays"),
        ("Shelter Paws: Meet Biscuit! He loves belly rubs.", "meet who? lol"),
        ("Food Pantry: Volunteers! You're on for Sat 8am.", "volunteers who? lol"),
    ],
)
def test_a_text_opening_on_a_word_greets_no_one(detector, prompt, reply):
    assert detector.decide(reply, context=ReplyContext(prompt=prompt)).action is Action.NONE


@pytest.mark.parametrize(
    ("prompt", "reply"),
    [
        ("Paws & Claws: your dog is booked for grooming Sat 10am", "i dont even have a dog"),
        ("Dear Parent/Guardian: early dismissal Friday.", "I don't have kids"),
        ("Thanks for your order from HomeNest!", "i never ordered anything from u"),
        ("Your SecureHome alarm renewal is coming up.", "i dont even have an alarm"),
        ("Dr. Levin's office: please complete your intake forms.", "never been to a dr levin"),
    ],
)
def test_denying_what_the_answered_text_takes_for_granted_is_the_wrong_person(
    detector, prompt, reply
):
    decision = detector.decide(reply, context=ReplyContext(prompt=prompt))
    assert decision.action is Action.OPT_OUT, decision
    assert detector.decide(reply).action is Action.NONE  # without the text: everyday talk


@pytest.mark.parametrize(
    "reply", ["I don't have the order number, can you resend?", "i dont have time today"]
)
def test_not_having_something_else_is_no_denial(detector, reply):
    context = ReplyContext(prompt="Your order ships today! Reply with any questions.")
    assert detector.decide(reply, context=context).action is Action.NONE


def test_a_laugh_in_a_reply_to_a_mass_text_is_no_banter(detector):
    """Among friends "take me off lol" is a joke; to a pizza shop's blast it asks to leave."""
    blast = ReplyContext(
        prompt="Tony's Pizza: 2 large for $19.99 this weekend! Reply STOP to opt out"
    )
    assert detector.decide("take me off lol", context=blast).action is Action.OPT_OUT
    assert detector.decide("take me off lol").action is Action.NONE


@pytest.mark.parametrize(
    ("prompt", "reply"),
    [
        ("Town hall Thursday 7pm. Reply YES to RSVP or REMOVE to opt out.", "remove"),
        ("Encuesta para padres. Responda QUITAR para ser eliminado de la lista.", "QUITARR"),
        ("Clase gratis el sábado! Responde NO si ya no quieres recibir mensajes.", "No"),
    ],
)
def test_keywords_declared_as_the_other_choice_or_in_spanish_are_read(detector, prompt, reply):
    decision = detector.decide(reply, context=ReplyContext(prompt=prompt))
    assert (decision.action, decision.trigger) == (Action.OPT_OUT, Trigger.KEYWORD)


@pytest.mark.parametrize(
    ("prompt", "reply"),
    [
        ("Reply YES to RSVP or REMOVE to opt out.", "YES"),
        ("Reply C to cancel your appointment, or call us.", "C"),
    ],
)
def test_a_choice_that_is_no_opt_out_is_no_declared_keyword(detector, prompt, reply):
    assert detector.decide(reply, context=ReplyContext(prompt=prompt)).action is Action.NONE


def test_leaving_the_sender_it_names_is_the_wrong_person(detector):
    context = ReplyContext(prompt="Harbor Logistics: your shift tomorrow starts at 6am.")
    assert detector.decide("I no longer work at Harbor", context=context).action is Action.OPT_OUT
    assert detector.decide("i dont work tomorrow", context=context).action is Action.NONE


def test_a_keyword_named_after_what_it_does_is_declared(detector):
    context = ReplyContext(prompt="Picture day is Thursday. To stop these alerts reply DROPME.")
    decision = detector.decide("dropme", context=context)
    assert (decision.action, decision.trigger) == (Action.OPT_OUT, Trigger.KEYWORD)
    quiet = ReplyContext(prompt="To stop texting the coach, text the office instead.")
    assert detector.decide("the", context=quiet).action is Action.NONE


def test_a_keyword_a_campaign_text_closes_on_is_declared(detector):
    context = ReplyContext(prompt="Have you voted yet? -Lena Park for Council STOP2END")
    decision = detector.decide("stop2ned", context=context)
    assert (decision.action, decision.trigger) == (Action.OPT_OUT, Trigger.KEYWORD)
    assert "STOP2END" in decision.reason


def test_the_greeted_name_said_as_the_contact_is_no_opt_out(detector):
    context = ReplyContext(prompt=BLAST)
    assert detector.decide("yes this is tamara, see you saturday", context=context).action is (
        Action.NONE
    )


def test_batch_and_single_decisions_agree_with_context(detector):
    replies = ["Who is Tamara?", "Leave5Good", "thanks!", "STOP"]
    contexts = [ReplyContext(prompt=BLAST)] * len(replies)
    single = [detector.decide(r, context=c) for r, c in zip(replies, contexts, strict=True)]
    assert detector.decide_many(replies, contexts=contexts) == single


@pytest.mark.parametrize(
    "reply",
    [
        'Liked "Vote Tuesday! Reply STOP to opt out"',
        "Loved \u201cFood drive Saturday. Text STOP to quit\u201d",
        'Emphasized "Reply STOP to end"',
        'Removed a like from "Reply STOP to opt out"',
        'Reacted 👍 to "Reply STOP to opt out"',
        'Le gustó "Responde STOP para cancelar"',
        'Reaccionó con 😂 a "Reply STOP to opt out"',
        'Le da risa "Responde STOP para cancelar"',
        'Le encanta "Responde BAJA para no recibir más"',
        "‼️ “Early voting starts Monday at City Hall. Reply STOP to opt out”",
    ],
)
def test_a_reaction_quoting_our_message_is_no_opt_out(detector, reply):
    assert detector.decide(reply).action is Action.NONE
    assert detector.decide_many([reply])[0].action is Action.NONE


def test_a_stop_sign_before_a_quote_is_no_tapback(detector):
    assert detector.decide('🛑 "stop texting me"').action is Action.OPT_OUT


def test_a_reaction_is_decided_on_the_contacts_own_words(detector):
    reply = 'Liked "Reply STOP to opt out" and please stop texting me'
    decision = detector.decide(reply)
    assert decision.action is Action.OPT_OUT
    start, end = decision.span
    assert "stop texting me" in reply[start:end]


@pytest.mark.parametrize(
    ("reply", "own_words"),
    [
        ("How do I disable these? (sent with Loud Effect)", "How do I disable these?"),
        ("Stop (sent with Slam Effect)", "Stop"),
        ("quitenme de la lista [Enviado con efecto Portazo]", "quitenme de la lista"),
    ],
)
def test_a_reply_sent_with_an_effect_is_decided_without_the_phones_note(detector, reply, own_words):
    decision = detector.decide(reply)
    assert decision.action is Action.OPT_OUT
    start, end = decision.span
    assert reply[start:end] in own_words
    assert detector.decide_many([reply]) == [decision]


def test_an_effect_note_alone_is_no_opt_out(detector):
    assert detector.decide("(Sent with Slam Effect)").action is Action.NONE


@pytest.mark.parametrize(
    "reply",
    [
        "Stop. Way too many texts from all of you",
        "STOP!! I have nothing left to give",
        "Quit, I can't afford it",
        "Sotp. you people text every day",
    ],
)
def test_a_keyword_as_the_opening_sentence_opts_out(detector, reply):
    assert detector.decide(reply).action is Action.OPT_OUT


@pytest.mark.parametrize(
    "reply", ["Stop by the office tomorrow", "End of the day works", "Cancel my appointment"]
)
def test_a_keyword_in_another_sense_is_not_an_opening_opt_out(detector, reply):
    assert detector.decide(reply).action is Action.NONE


@pytest.mark.parametrize(
    "reply", ["start. I want the texts again", "help, what is this", "unstop, add me back"]
)
def test_an_opening_opt_in_or_help_keyword_is_no_opt_out_evidence(reply):
    from optout.detect.detector import evidence_with_context
    from optout.detect.patterns import NO_EVIDENCE
    from optout.domain import Family

    evidence = evidence_with_context(NO_EVIDENCE, reply, (), None)
    assert all(match.family != Family.KEYWORD_FIRST for match in evidence.strong)
    opening = evidence_with_context(NO_EVIDENCE, "quit, I can't afford it", (), None)
    assert [match.family for match in opening.strong] == [Family.KEYWORD_FIRST]


@pytest.mark.parametrize(
    ("prompt", "reply"),
    [
        ("Where should we leave it? Reply STOOP, PORCH or DOOR. Reply STOP to opt out", "stoop"),
        ("Oak Park Little League: Games may be cancelled due to rain, update at 3pm", "cancelled?"),
        ("Registration closes end of month. Reply STOP to opt out", "end?"),
    ],
)
def test_a_reply_answering_the_text_itself_is_no_keyword(detector, prompt, reply):
    assert detector.decide(reply).action is Action.OPT_OUT  # without the text: a keyword
    assert detector.decide(reply, context=ReplyContext(prompt=prompt)).action is Action.NONE


@pytest.mark.parametrize(
    ("prompt", "reply"),
    [
        ("Rally Saturday! Opt-out: reply OUT", "OUT"),
        ("Registration closes end of month. Reply STOP to opt out", "STOP?"),
        ("Hi Deshawn! Your registration is incomplete. Reply STOP to opt out", "Deshawn??"),
    ],
)
def test_an_answer_that_opts_out_or_asks_who_is_still_read(detector, prompt, reply):
    decision = detector.decide(reply, context=ReplyContext(prompt=prompt))
    assert decision.action is Action.OPT_OUT


@pytest.mark.parametrize(
    ("prompt", "reply"),
    [
        ("Boulangerie Dupont: 2 pour 1 ce samedi! Répondez ARRET pour ne plus recevoir", "arret"),
        ("Route 4 delayed 15 min. Reply OFF to turn off alerts", "offf"),
        ("NEW drops every day!! Reply ENOUGH to stop", "enuf"),
    ],
)
def test_keywords_declared_in_french_or_to_turn_alerts_off_are_read(detector, prompt, reply):
    decision = detector.decide(reply, context=ReplyContext(prompt=prompt))
    assert (decision.action, decision.trigger) == (Action.OPT_OUT, Trigger.KEYWORD)


def test_a_text_addressed_to_a_name_after_a_bare_greeting_names_them(detector):
    prompt = "Hi, this is a reminder for Denise Hall's appointment Thursday. Reply STOP to opt out"
    decision = detector.decide("never heard of her", context=ReplyContext(prompt=prompt))
    assert decision.action is Action.OPT_OUT
    assert detector.decide("never heard of her").action is Action.NONE
