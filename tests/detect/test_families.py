"""Auto opt-out families and the hard negatives that use the same words in another sense.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from optout.detect.normalize import normalize
from optout.detect.phrasebook import evidence_in
from optout.domain import Action, Trigger

AUTO_OPT_OUTS = {
    "remove": [
        "Please remove me from your list",
        "take me off this texting list thanks",
        "Delete my number from your database.",
        "remove my number from your contacts please",
        "Take me off the mailing list",
    ],
    "stop texting": [
        "Quit the promo texts already",
        "Cancel thanks",
        "STOP. Thank u",
        "Stop texting me",
        "please stop sending me these messages",
        "No more texts please",
        "quit messaging this number",
        "I don't want to receive these texts anymore",
    ],
    "do not contact": [
        "Do not contact me via text",
        "Do not text me again",
        "don't contact me",
        "Never message this number again.",
        "Please do not text or call me",
    ],
    "wrong number": [
        "You have the wrong number",
        "wrong number",
        "Sorry, wrong person",
        "There is nobody by that name here",
        "This is not Maria's phone anymore, I got this number last month",
        "He doesn't have this number anymore",
        "I'm not a patient at your clinic",
        "She passed away last year, please remove her",
    ],
    "how to opt out": [
        "How do I opt out of these?",
        "how can I unsubscribe",
        "How do I stop these texts?",
    ],
    "opt me out": [
        "Opt me out",
        "please opt me out of this",
        "I want to opt out",
        "I already opted out, why am I still getting these?",
        "I opted out of your texts last week",
    ],
    "consent": [
        "I revoke my consent to receive texts",
        "I withdraw my permission to text me",
        "I never signed up for this",
    ],
    "hostile": [
        "stop fucking texting me",
        "Lose my number",
        "I'm reporting this number as spam",
        "STOP TEXTING ME OR I WILL REPORT YOU TO THE FCC",
        "f off with this junk",
        "Keep texting me and I will sue you",
    ],
    "spelling": [
        "pls stop txting me",
        "remoev me pls",
        "Im optig out",
        "plz remve me frm ur list",
        "dont txt me",
        "unsubcribe",
        "stpo texting me",
        "u have the wrong #",
    ],
    "roundabout": [
        "Sick and tired of your reminders",
        "Your texts aren't wanted here",
        "Stop, you're annoying me",
        "Deactivate my alerts please",
        "She left the church years ago",
        "I'd prefer you not contact me again",
        "These alerts need to end.",
        "Kindly refrain from contacting this phone",
        "Please delist me from the reminders",
        "Keep your texts to yourself.",
        "I've never banked with you, wrong person",
    ],
    "a name, not vocabulary": ["No Kevin here", "I'm Carla, not Karla", "not Mike's phone"],
    "one-word and polite requests": [
        "EXIT",
        "out pls",
        "Remove please, thank you",
        "I'd really like these messages to end, is that possible",
        "Stop begging me for donations",
        "no thank you, please remove",
        "no stop",
        "Unregister",
        "unfollow me pls",
        "withdrawing",
        "disenroll thx",
    ],
    "run together": [
        "takemeoffthislist",
        "Pleaseremoveme",
        "wrongnumberbro",
        "donttextme",
        "optmeout!!",
    ],
    "sms spellings, read as the words they stand for": [
        "im not on ur team anymore",
        "pls take my # off ur list 4 good",
        "i havent worked 4 u in years",
        "S-T-O-P texting me, for the last time",
    ],
    "a request after small talk": [
        "Thanks for the reminder, the bake sale was great. Now please stop the texts",
        "Got my order, all fine. Dont text me about surveys tho.",
        "lol cute dog. unsubscribe me tho",
    ],
    "for someone else, or having left": [
        "my dad is in hospice, please take him off your contact list",
        "Remove her.",
        "we left that gym last spring",
        "Jayden isnt registered there anymore",
        "My daughter no longer lives with us",
        "Enough.",
    ],
    "said plainly by someone unsure of phones": [
        "my doctor said to type STOP. STOP. thanks honey",
        "please help me make them quit",
        "who do i call to get these texts stopped",
        "I already say stop 3 time",
        "Not more message please",
        "please stop to send me",
        "i need them to stop today",
        "update my preferences to no texts",
        "i'll pass on future texts, thanks",
    ],
    "no longer the customer": [
        "we sold the house last spring",
        "We transferred the kids to a different school",
        "i switched to a different pharmacy",
        "haven't been a patient there in years",
    ],
    "spanish, said many ways": [
        "salir",
        "no me incluyan en esos mensajes",
        "stop porque ya me mude",
    ],
    "left, aged out, or wanting off": [
        "outt",
        "stop pls its way too late for this",
        "no idea why im on this but id like off",
        "why do u have my number, delete it",
        "my son isnt on the team anymore",
        "both kids aged out last year",
        "just email me, dont text",
        "landline only please",
    ],
    "no longer there": ["haha i dont live there anymore", "i dont even live in ohio lol"],
    "not who a campaign may text": [
        "im 15",
        "Im 16 i cant even vote lmao",
        "wrong state buddy",
        "no estoy registrado para votar",
    ],
    "the asks for money": [
        "quit asking for $5 every single day",
        "dont ask me for money again",
        "enough with the chip in $5 texts",
        "im good on texts, just mail me stuff",
    ],
    "short replies": ["no more", "no más", "enough already", "block", "stopppp", "END these pls"],
    "a reason, then a keyword": [
        "i have nothing left to give you stop",
        "way too many texts from all of you, STOP",
        "not giving to the alumni fund anymore, unsubscribe",
        "no money for you, sotp",
        "my daughter told me to type stop so stop please",
    ],
    "a keyword, then a reason with no stop between": [
        "stop we moved to ohio last year",
        "stop pls i already gave at church",
        "STOP for real this time",
        "told the office to take me off in march and they keep coming. STOP for real this time",
    ],
    "a keyword, then a clause on a booking": [
        "stop or i report u for harassment",
        "STOP i cancelled my gym membership in june",
        "CANCEL texts only, keep the monthly gift",
    ],
    "offers stopped, whatever is offered": [
        "stop sending me shifts i never signed up w your agency",
    ],
    "no need for the texts, or the keyword typed in vain": [
        "we sold the car, no need to text me anymore",
        "I'd rather not receive these from now on, thank you",
        "how many times do i have to type QUITNOW for this to work",
        "dad passed in may. please stop sending his refill reminders",
    ],
    "typed fast: slips that are words, emoji inside a word": [
        "dint text me",
        "take me off ur lost",
        "Un🚫subscribe me pls",
        "this is nt jakes phone anymore",
        "i all ready told you two stop",
        "where did u get my number? please remove it",
    ],
    "a request buried in an explanation": [
        "lost my job last month so i cant give. please take me off for now",
        "ive had these since 2021, i need to be off this asap",
        "i really need these to end, my phone buzzes all night",
        "we moved away, we wont be needing these anymore. thanks for everything",
        "grandma passed, we dont need the weekly bulletin anymore",
        "no need to keep me on the text list, all the best",
        "please do not write to me anymore, god bless",
        "i voted in 2020. its 2024. please let me go",
    ],
    "still texting, asked why": [
        "why r u still texting me?? i switched banks a year ago",
    ],
    "sent to hell with what is sold": ["go to hell with ur payday loans"],
    "stop with the texts, whatever they are about": [
        "ugh stop w the pizza texts i get it",
    ],
    "voice and autocorrect": [
        "STOP TESTING ME",
        "i dont do texts call my landline",
        "pls stop taxing me",
        "Know more texts thanks",
        "quite messaging me",
        "pls top sending me these",
        "please step texting me",
        "quiet texting me",
        "stoop msgin me",
        "we're not buying so stop tex in",
    ],
    "a keyword as a sentence of its own": [
        "my daughter showed me how, she says write stop. So STOP. Regards, Joan",
        "lunch money is paid for the year. also stop",
    ],
    "rare phrases without the screen's words": [
        "omg shut up with these already",
        "see u in court",
    ],
    "a stop already sent": [
        "I already replied stop twice and they still come",
        "we sent stop last month and the texts keep coming",
    ],
    "a threat over the next text": [
        "if i get one more text from this campaign im calling my lawyer",
        "one more message and im reporting you",
    ],
    "a keyword, then a reason the model knows with it": [
        "stop pls, already gave to the food drive",
        "stop - we rent, no panels for us",
    ],
    "asked before, or asked politely": [
        "i have asked you three times already",
        "Respectfully request that you no longer text this number",
        "mind taking me off your list? thanks",
        "would love to be taken off, thanks",
        "Id appreciate being removed from this list.",
        "nobody here asked for these. remove it",
    ],
    "the sender's junk": ["get this junk off my phone", "please make it stop"],
    "a third development set's shapes": [
        "we moved our son to another school last fall",
        "my dad passed away and we kept his number",
        "mi hija ya no asiste a esa escuela",
        "only email from now on please",
        "text my husbands phone instead, not this one",
        "please no more, thanks",
        "pls dont send any more",
    ],
    "channel named, texts ruled out": [
        "use the club app for updates, not my cell",
        "please use my email for this, not my cell",
        "only reach me through the parent portal not by text",
    ],
    "a keyword as its own sentence, whatever reason follows": [
        "stop. work phone, it goes off in meetings",
        "STOP!! 3am?? really",
        "Quit. I'm on a fixed income",
        "Stop - cancelled my gym membership in March and still hear from you",
    ],
    "a request closing small talk or a run-on": [
        "thx for the reminder but honestly i get like 4 of these a day so pls just take me off ok",
        "got the flyer. cute design. Also please stop the texts, the website is enough",
        "its my work cell so pls remove",
        "Wes passed in the spring, i'm his wife. please take him off",
    ],
    "a stop already sent, or texting declared unwelcome": [
        "i keep typing stop and they keep coming",
        "i replied stop last week and im still getting them",
        "I told you last month to stop.",
        "texting me is not ok, send mail",
    ],
    "no longer a customer, or meant for someone else": [
        "closed my account with you back in 2021",
        "pretty sure this was meant for someone else",
        "i think this is meant for somebody else",
        "i never joined your gym",
        "I didnt opt in to this",
        "i think u meant to text somebody else",
        "this is Jorge's old number, got it in may",
        "my number now. carla had it before me",
        "thats not my name",
        "Not kendra. pls update ur records",
        "hi, this text was sent to me by mistake",
        "Please remove him. Thanks",
    ],
    "another channel, texts refused": [
        "send the statements by mail instead of text",
        "i dont do business over text. email me",
        "call me if you need me. Not texts.",
        "by post only please",
    ],
    "said in a second language, by dictation or through autocorrect": [
        "please not more send to me, thank you",
        "I am not need this messages",
        "stop send please",
        "dont tax me again",
        "who is this? remove be from your list",
        "how do I get this to quit",
        "I stopped these last month already",
        "we are no longer members there",
    ],
    "other languages": [
        "por favor parem de me enviar mensagens",
        "não quero receber mais promoções",
        "me tirem da lista de vocês",
        "huwag nyo na akong i-text please",
        "pakitanggal po ang number ko",
        "làm ơn đừng nhắn tin nữa",
        "退订 谢谢",
        "别再给我发短信了",
    ],
    "said to the sender's face": [
        "STOP STOP you vultures",
        "quit you clowns",
        "how can i make these texts stop??",
        "u have texted me like 12 times today. Enough.",
        "Lifelong independent. Please take my name off your donor list.",
        "my dad has alzheimers, he cant give you money. remove him please",
    ],
    "spanish": [
        "nunca me registre para esto",
        "No me envíe más mensajes",
        "no me envie mas mensajes",
        "Número equivocado",
        "Quítenme de la lista por favor",
        "BAJA",
        "Alto",
        "PARAR",
        "Ya no quiero recibir mensajes",
        "No quiero seguir recibiendo estos mensajes",
        "Quiero salirme de su lista",
        "¿Cómo paro estos mensajes?",
    ],
}

HARD_NEGATIVES = {
    "appointments and orders": [
        "I need to cancel my appointment on Tuesday",
        "Can I cancel my order from yesterday?",
        "the event is cancelled because of rain",
        "my shift ends at 6, can someone cover the end of it",
        "Please end my reservation early, we leave Friday",
        "quit sending me to the eastside warehouse, the lead there yells",
        "stop charging my card i never authorized a recurring donation",
        "how do i stop the monthly and just give once?",
        "my wife is deceased, am i responsible for her loan?",
        "my dad passed in march. can i transfer his points to me?",
        "im not going to unsubscribe but pls fewer texts",
    ],
    "keyword first, said laughing or moved": [
        "Stop, you're making me blush",
        "stop it im dying 😂",
        "stop! y'all are amazing, thank you for the coat drive",
        "STOP 😭 im so proud of him",
    ],
    "a relative takes the message, or a patient not yet": [
        "not Sam, his dad. he'll be at practice",
        "I'm not a member yet, how do I join?",
    ],
    "a past booking, or one's own slip": [
        "I cancelled my membership in June, when do I get my refund?",
        "oops that was meant for my sister",
        "I told you to stop worrying lol",
        "we sat on the front stoop all night",
        "we sat on the stoop texting",
        "Stop my service on the 15th, we are moving",
        "stop for real you're killing me 😂",
    ],
    "stops": [
        "I'm at the bus stop now",
        "Can you stop by the office later?",
        "I can't stop laughing at this",
        "Don't stop, this is great",
        "two more stops and I'm home",
    ],
    "removing something else": [
        "Can you remove the late fee?",
        "Please remove my son from the bus list for Friday",
        "remove the item from my order",
    ],
    "opting out of something else": [
        "My son would like to opt out of the chorus concert.",
        "I opted out of the field trip",
        "we opted out of the school photos this year",
    ],
    "wrong detail": [
        "Please delete the old phone number from my file and use this one",
        "You have the wrong date, it's the 12th",
        "wrong time, we start at 3",
        "I think that's the wrong address",
    ],
    "own mistake": [
        "oops, wrong number, I meant to text my sister",
        "Sorry wrong chat lol",
        "ignore that, it was meant for my husband",
        "Nvm, texted the wrong person, have a good one",
        "It's not a wrong number, I'm his grandmother",
        "Not a wrong #, she's my niece",
        "Meant that picture for my cousin, sorry",
        "Perdón, le mandé esto a la persona equivocada",
        "no need to text me, see u at 6",
        "we got lost on the way home",
        "let me go check and ill text u",
        "let me be honest, the cake was dry",
        "i cant keep getting these wrong lol",
        "we dont need the car anymore, sold it",
        "no teachers here today, its a holiday",
        "stop sending the wrong size!! i ordered a medium",
        "my number changed, please update it",
        "grandpa here. how do i turn off the loud beeping",
        "my mom texted the wrong number again lol",
        "whats ur new number, old one not reachable",
        "not sure. pls update me when u know",
    ],
    "texting welcome": [
        "please do not call, text only",
        "Don't call me at work, texting is fine",
        "Don't text me at the office, use my cell instead",
    ],
    "stay subscribed": [
        "Please keep me on the list",
        "how do i cancel the box itself? not the texts, i like the texts",
        "Don't remove me, I still want these",
        "Can you add me back to the texts?",
        "I never asked you to stop the reminders, where did they go?",
        "I opted out by accident, can you put me back on the list",
        "I texted stop by mistake, please keep the reminders coming",
        "I opted out of the choir reminders by mistake, can I get them back?",
    ],
    "plain replies": ["yes", "ok", "C", "👍", "Thanks!", "see you then", "2"],
    "everyday talk": [
        "Tues if im not wrong!",
        "pls don't leave me alone this weekend",
        "hope I won't get lost on the way",
        "the doctor will make your headache go away",
        "why didn't you text me yesterday?",
        "I don't have the number for the plumber",
        "This isn't funny anymore, my car broke again",
        "Has she moved to Denver yet?",
        "I left my umbrella in the church hall",
        "Stop, you're making me blush",
        "Do you have his number?",
        "Not here!",
        "Hi Sue, can you bring chairs Sunday?",
        "Your text got cut off, what time?",
        "My phone flagged this as spam but I saved you now",
        "take exit 12, then the first left",
        "out of stock?",
        "Out of office until Monday",
        "I dont wanna spam the group chat",
        "Count me out.",
    ],
    "a closing stop of another kind": [
        "one more stop!",
        "ill just wait for the rain to stop",
        "sick today, cancel",
        "we cant stop",
    ],
    "excitement": [
        "stop!! this is the best news ever",
        "STOP that's so cute",
        "omg stop, this price is crazy",
        "Stop they're so cute",
    ],
    "a slip corrected": ["STOP sorry i meant to type yes", "Cancel oops wrong button"],
    "the keyword asked about": ["what happens when u reply stop"],
    "a stop's number": ["stop 4410 main st"],
    "the texts kept, another channel stopped": [
        "stop sending me emails, texts are fine",
        "cancel the robocalls, texts are plenty",
        "unsubscribe me from the newsletter but not the texts",
    ],
    "a wait list": ["remove me from the wait list thanks"],
    "a slogan, or someone else's stop": [
        "End the Fed",
        "STOP THE WAR",
        "someone needs to stop these price hikes",
        "unsubscribe? why would we",
    ],
    "the texts kept at another hour or by someone else": [
        "could you end the texts at 8pm? kids are asleep",
        "not Mike, but I'll tell him you called",
        "how do i stop the emails? texting is fine",
    ],
    "in other languages, in another sense": [
        "meu filho não para de chorar",
        "remova a taxa de entrega por favor",
    ],
    "a permission slip": ["can i revoke the permission slip for the zoo trip?"],
    "opt-out instructions passed on": [
        "fwd from my bank: to stop receiving sms alerts visit the app",
        "got this today, Unsub: text NO to the short code. legit?",
    ],
    "another thing sent, or the contact's own slip": [
        "pls stop sending the paper statements, texts are fine",
        "oops I hit the wrong number, was trying to text my boss",
        "can you take him off the soccer list and add him to swim?",
        "did someone sign me up for the raffle? cool, keep me posted",
    ],
    "removing a fee, or a waitlist, in spanish": [
        "quitenme el cargo de mora porfa",
        "sáquenme de la lista de espera de futbol",
        "ya no tengo la tarjeta, me mandan otra?",
    ],
    "numbers that are no age, and -ing words that are no name": [
        "im 15 min away",
        "nope not donating",
        "stop asking me what i want for my birthday lol",
    ],
}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(family, text) for family, texts in table.items() for text in texts]


@pytest.mark.parametrize(("family", "text"), _cases(AUTO_OPT_OUTS))
def test_auto_opt_out(detector, family, text):
    decision = detector.decide(text)
    assert decision.action is Action.OPT_OUT, (family, decision)
    assert decision.reason
    if decision.trigger is Trigger.AUTO:
        start, end = decision.span
        assert 0 <= start < end <= len(text)


@pytest.mark.parametrize(("family", "text"), _cases(HARD_NEGATIVES))
def test_hard_negative(detector, family, text):
    decision = detector.decide(text)
    assert decision.action is not Action.OPT_OUT, (family, decision)


def test_reason_quotes_the_phrase_that_fired(detector):
    text = "Hi there, you have the wrong number."
    decision = detector.decide(text)
    assert decision.reason.startswith("wrong number:")
    start, end = decision.span
    assert text[start:end].lower() in decision.reason.lower()


def test_guard_names_the_other_sense(detector):
    decision = detector.decide("I need to cancel my appointment on Tuesday")
    assert decision.action is Action.NONE
    assert "appointment" in decision.reason


def test_a_separate_request_beside_a_guard_still_counts(detector):
    decision = detector.decide("Cancel my appointment and stop texting me")
    assert decision.action is Action.OPT_OUT


def test_the_model_can_veto_a_strong_phrase_it_finds_implausible(detector):
    """A strong phrase opts out unless the whole reply scores under the strong threshold."""
    thresholds = detector.model.thresholds
    assert 0.0 <= thresholds.strong < thresholds.weak <= thresholds.plain


def test_a_name_denied_with_its_capital_is_the_wrong_person(detector):
    """A name denied with its capital is the wrong person; "Not Sure" and "not yet" are chat."""
    for text in ("Not Andrea", "No, not Andrea", "New number, not Paul"):
        assert detector.decide(text).action is Action.OPT_OUT, text
    for text in ("Not Sure", "Not yet", "not bad"):
        assert detector.decide(text).action is not Action.OPT_OUT, text


def test_bare_stop_sign_emoji_is_an_opt_out(detector):
    assert detector.decide("🛑").action is Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, you texted the wrong number",
        "I think you meant this for someone else",
        "please no longer contact me via text",
        "please never send me anything again",
    ],
)
def test_the_other_sides_mistake_or_a_negated_welcome_still_opts_out(detector, text):
    assert detector.decide(text).action is Action.OPT_OUT


@pytest.mark.parametrize(
    "text",
    [
        "so i left early",  # "left" only counts as leaving a job or a place
        "no i left already lol",  # "a" once matched the start of "already"
        "she left already, call her cell",
        "you didnt send me any emails",  # what happened, not a request
        "dont go there please, the road is closed",  # no one's child or job
    ],
)
def test_everyday_past_tense_and_directions_are_no_opt_out_phrase(text):
    evidence = evidence_in(normalize(text).text)
    assert not evidence.strong and not evidence.weak, evidence


@pytest.mark.parametrize(
    "text",
    [
        "i retired",
        "I quit in march",
        "He left the school last year",
        "don't send me any more texts",
        "my kids don't go there anymore",
    ],
)
def test_leaving_a_job_or_a_school_and_asking_not_to_send_are_phrases(text):
    evidence = evidence_in(normalize(text).text)
    assert evidence.strong or evidence.weak


@pytest.mark.parametrize(
    "reply",
    [
        "son graduated but my girl starts in fall so keep me on the list, just take his name off",
        "we move in spring but til then keep the texts coming. I'll tell you when to take me off",
        "so many texts tbh but I'd rather know about closures so I'm not opting out lol",
        "please dont take us off the texts, i rely on them",
        "Please take Aunt Rosa off the family texts, she has a new number. Everyone else stays on",
        "can you take his number off instead of mine",
    ],
)
def test_a_reply_that_keeps_the_texts_asks_nothing_to_stop(detector, reply):
    assert detector.decide(reply).action is Action.NONE


@pytest.mark.parametrize(
    "reply",
    [
        "I appreciate the updates but I'm all set now, no need to keep me on the text list",
        "i'm sure the texts were important but i'm not going. remove me so you save a few cents",
        "it's always just new arrivals so yeah no. please remove me. sorry",
        "Nothing against anyone but I'd appreciate not getting the weekly texts anymore",
        "I won't be a patient at your office anymore so there's no need for reminders.",
    ],
)
def test_a_request_after_an_explanation_opts_out(detector, reply):
    assert detector.decide(reply).action is Action.OPT_OUT
