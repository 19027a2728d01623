"""The opt-out vocabulary the screen (:mod:`.screen`) looks for, as data.

``WORD_STEMS``: a regex alternation of word openings (``$`` ends a whole word) that make any
reply holding them a candidate. ``PHRASES``: ``head head: follower, follower`` lines, where a
common word is vocabulary only when one of its followers comes next ("take me", "not her").
``CORE_WORDS``: words whose one-letter typos count too (the mender's typos,
:func:`.typos.corrections`, which leave real words alone).
"""

from __future__ import annotations

WORD_STEMS = (
    # stop, remove, unsubscribe, opt out, consent, cancel
    r"stop|stp|sotp|stah|quit$|quits$|quitt|ceas|halt|discontinu|nomore|remov|remv|rmv|"
    r"delet|eras|unsub|unsuscr|unlist|unfollow|opt$|opt-|optout|opted|opting|revok|withdr|rescind|r"
    r"etract|consent|"
    r"permission|authori[sz]|cancel|disable|pause|"
    # texting and contact
    r"text(?!book)|txt|msg|messag|mesag|sms|spam|notific|alerts?$|marketing|promo|ads$|advert|"
    r"robot|contact|dnc$|lists?$|listed|database|directory|"
    # wrong number or person, moved, died
    r"wrong|incorrect|number|numbr|nmbr|nobody|noone|moved|died|deceas|retired|"
    r"hospice|resign|revoc|unwanted|unsolicit|murio|fallec|"
    # hostility
    r"fuck|f\*|fck|fuk|fk$|screw|bugger|scam|harass|lawsuit|lawyer|attorney|sue$|"
    r"fcc|ftc|tcpa|gtfo|gttfo|stfu|wtf$|"
    # Spanish, unaccented
    r"numero|equivoc|envi[ae]|mand[ae]|escrib|baja$|alto$|parar$|salir$|basta|deten|lista|quit[ae]n|quitam"
    r"e|quitar|"
    r"sacam|saquen|saque|borr[ae]|elimin|mensaj|desuscrib|molest|llam|nadie|ningun|dej[ae]n?me|"
    r"permiso|vayan|suscrip|reported$|scam$|sue$|quitad|"
    # Portuguese, unaccented: its one-word requests (its phrases are read off the patterns)
    r"descadastr|mensag|engano|exclua|excluam|excluir|pare$|parem$|sair$|"
    # Tagalog: texting as one word ("itext", "magtext"), removing ("pakitanggal")
    r"itext|magtext|pakitanggal|tanggalin|"
    # French and Haitian Creole, unaccented: one-word requests ("arretez", "desabonner", "dezabone")
    r"arretez|desabonn|desinscri|desincri|dezabon|"
    # Polish typed without its letters ("wysylac", "wiadomosci"): sending, messages, signing off
    r"wysylac|wysylaj|przysylaj|wiadomosc|wypisz|wypiszcie|"
    # German, unaccented: stopping, signing off, dialling wrong ("aufhoren", "abmelden")
    r"aufhor|aufhoer|abmeld|austrag|abbestell|verwahlt|"
    # leaving a list or program in other words
    r"delist|unenrol|disenrol|unregist|deregist|deactivat|terminat|exclud|annoy|pester|roster|recycl|wipe|bothering|"
    r"nuisance|garbage|outreach|landline|handset|lwayer|reprot|mute$|ping$|"
    r"faintest|remuv|denunci|acoso|desus|escri|bajen|dejen$|conn?ozco|cliente|paciente|"
    # the person is gone, said without a keyword ("scrub my #", "she passed")
    r"scrub|passed$|un5ub|uns[uv]b|"
    # a child moved to another school, said with the child's name ("we transferred Aiden to")
    r"transferr"
)
PHRASES = """
    no: more, one$, body, longer, mas, quiero, conozco, soy, vive, sigan, me$, es$, trabajo,
        mr$, ms$, mrs$, dr$, kids, kid$, children, child, contact, tengo
    mo: longer, more
    someone somebody someome someonw: else
    opr: out
    this my ur your his her their old new same: #
    end: these, this, the, all, your, ur, them, thanks, thank, thx, pls, please, plz, now
    take tk takke tkae: me, us, my, this, back, his #, her #, his number, her number, their #,
        their number
    get: bent, me, us, my, lost, out of, off this, off your, off ur, off the, the hell, the fuck,
        tf out
    drop lose forget purge: me, us, my, this, dead
    never: done, did business, sign, subscri, agree, ask, call, been, ben, work, appl,
        heard, shop, made, text, tet, contact, gave, consent, attend, regist, enrol, had,
        signed, ever, again, get, send, snd
    didn't didnt: sign, subscri, agree, ask, consent
    not: me$, her$, him$, interested, related, sure who, call, phone, ring, a$, an$, the$,
        your$, ur$, who$, that$, for me, 4 me,
        meant, on staff, on your, on ur, enrolled, registered, associated, whoever, employed,
        interested in, send, be contacted, get these, get any, try to reach, try to contact,
        try to call, my name
    don't dont: have grand, call, phone, ring, know any, know a$, know an$, know who,
        even live, even go to, even attend, even work, even have a, even have kids,
        know him, know her,
        have a$, have an$, have any, have kids, have children, work$, wrk, go to, live$,
        belong, attend, use this, want these, want this, want ur, want your, want to get,
        want any, send, add my, add me, add us
    doesn't doesnt: live, work, go to, use, have this, attend, belong
    i'm im: not$, no longer
    there's theres: no$
    there: is no, are no
    texted typed gave given: the wrong, wrong, you a fake, u a fake, to you by, to u by
    have: no kids, no children, no child, only had
    changed: their number, his number, her number
    late: mother, father, husband, wife, mom, dad, son, daughter, grand, brother, sister
    calling leave lv lave leae leeave leavve: me, us
    hit: me up, us up
    reach: out
    rather: not
    belongs: to
    that: name
    this: phone, cell, isn't, isnt, is not, is nt, aint, ain't, is a new, used to, msg, message,
        wasn't, was my, was her, was his, is a work, is a company, is a business
    live lives: here
    new: owner, phone
    previous prior former: owner
    who: the, tf, is this, are you, r u, u think, you think, that is
    go: to hell, away, f$, fuck, screw, f*
    kiss: my ass, my arse, my butt
    die: in a fire
    sick: of, and tired
    dare: text, message, contact
    nerve: texting, messaging
    piss pss buzz: off
    report reported reporting: you, this, u, your, ur, to, as
    block blocked blocking: this, your, ur, you, u, the
    passed: away, on, in$, last, recently, earlier
    person: you, your, u$
    have: my number, my #, this number, this #
    someone somebody: else$
    confused mixed mistaken: with, me, us, up, identity
    hasn't hasnt haven't havent: had, used
    reached: at this, on this
    eat: shit
    want: out$, off$
    count: me out
    taken: off
    turn: these off, this off, them off, it off, off$
    update: your, ur
    old: information, info, number
    used: to be
    laid: off
    para: de
    nao: quero mais, me mande, me mandem, me envie, me enviem, mande mais, mandem mais
    me: out$, off$, outta, tire$, tira$, tirem$, remova, removam
    i'm im: out$, done, outta
    knock: it off, off
    cut: it out, me$, us$, my
    give: it a rest
    gave: you my, u my, your, ur
    how: did you get, did u get, did you find, did u find, did you guys
    bother: me, us, someone, somebody
    getting: off, these, this stuff, them anymore, any more
    hear: from you again, from u again, from y'all again, from your company, from ur company
    stay: away, off, the hell
    eff f: off
    never: stayed, ordered, played, bank, volunteer, schedul, bought, used, visited, purchas,
        donat, joined, vot, went, lived, owned, rent, book, been, shop
    business: line, number, phone, cell
    different: person, guy, lady, girl, man, woman, number, #
    no: idea who, clue who, autorizo, me interesa
    this: mobile, line, landline
    he she they: passed, died, is deceased, no longer
    he's she's hes shes: gone, passed, deceased, no longer, not with us
    exit: this, the, these
    top sop step quiet quite stoop: sending, calling, bugging, contacting, emailing, spamming,
        msgin, txtin
    sai: so
    let: me go, us go, me be, us be, me off, us off, this number go, my number go
    need: these to end, them to end, these to stop, to be off, off this, off the
    keep: getting these, getting them, getting your, getting ur, getting this, me on
    needing: these, them, the
    need: the, these, your
    begging: no more, u, you
    be: in touch
    of: touch
    as: junk
    my: name's, name is, name isnt, name isn't, details, dad's gone, mom has, phone alone,
        # alone, number alone
    name's: not
    leave: my
    get: in touch, in tocuh, the f, off my
    back: off, the hell off
    keep: ur garbage, your garbage, ur crap, your crap, ur junk, your junk
    bin: my
    shut: this off, off, it off, these off
    i'm im: a landline, calling my
    who: invited, innvited
    you've youve: reached, got a, got the
    want need: the other, some other
    must: want
    have: no connection, nothing to do, no account, no wish, no idea who
    nope: not
    ths tihs: isnt, isn't, is not
    that's thats: not my, not me
    aren't arent: the
    isn't isnt: me$, his anymore, hers anymore, his phone, her phone, enrolled, registered,
        a member, a student, a patient, attending, employed
    aren't arent: enrolled, registered, members, a member, students, patients, attending
    never: met, seen, taken, heard, neevr
    lost: my husband, my wife, my mom, my dad, my son, my daughter
    dot: want, txt, text, msg, contact
    not: tet, tet me
    don't dont dnt: tet, tet me, be in touch, get in, include, ping, use my, hav kids, want these
    sop stoop: sending, texting, bothering, blowing, messaging
    no1: named, here
    why: am i still, do i still, are you still, r u still, is this still,
        am i getting, do i keep, do you keep, do u keep, are you texting, r u texting,
        are you messaging, you texting, u texting
    part: of this, of these, of your, of ur
    mom dad mother father husband wife son daughter brother sister grandma grandpa
        grandmother grandfather aunt uncle nana: passed, lives in, lives with, moved, no longer
    wong rong wromg: person, number, numbr, #, no$, num
    aqui aca: no
    salirme salirnos: de
    worked: for you, for u, for your, for ur, there, with you, with u, 4 u, 4 you, 4 ur, 4 your
    #: changed, was reassigned, was recycled, has been reassigned, belongs, is now mine,
        is mine now, used to belong, is no longer
    left: the company, the church, the team, the school, the job, the firm, the practice,
        the club, the group, your company, ur company, in 19, in 20, years ago, a while ago,
        last year, last month, that church, that school, that team, that job, that gym,
        that company, that practice, that club, that congregation, that parish, that league,
        that daycare, that program,
        the gym, the league, the daycare, the program, the congregation, the parish,
        your church, ur church, your school, ur school, your gym, ur gym
    lives: elsewhere, somewhere else, out of, overseas, abroad
    ya yo: no$
    email emails mail letters letter calls post: only
    am: not$
    idk: who this, who u, who you, who dis, who that
    stay: out
    only: contact me, contact us, reach me, reach us, message me, email me, mail me, call me
    switch move change put: me to e, me to mail, me to call, me over to, us to e, us to mail,
        us over to, my account to, my number to
    me us: instead
    prefer: email, emails, an email, e mail, mail, letters, calls, phone calls, a call,
        a phone call, to be called, to be emailed, to be e, a letter
    rather: get e, get mail, get a call, get calls, get letters, have e, have a call,
        receive e, receive mail, you call, you e, be called, be emailed
    by via through thru: email only, mail only, phone only, email instead, mail instead,
        phone instead, email from now, mail from now, phone from now
    solo solamente: por correo, por email, por mail, por llamada, correo, email, llamadas,
        llamada, telefono, por telefono, via correo
    mejor: correo, email, e-mail, por correo, por email, llamada, una llamada
    tired: of
    asked: you twice, u twice, you three, u three, you several, you multiple, you many,
        you before, u before, nicely, politely, twice, three times, several times,
        you 2, you 3, you 4, you 5, you 6, you 7, you 8, you 9, you 1, u 2, u 3, u 4, u 5, u 6,
        u 7, u 8, u 9, u 1, 2 times, 3 times, 4 times, 5 times, 6 times
    junk crap garbage shit bs stuff: off my
    make: it stop, it end, them stop, these stop, this stop
    s: t o p
    im i'm: 13$, 14$, 15$, 16$, 17$, only 1, just 1, not american, not a citizen, not old
    i we: cant vote, can't vote, cannot vote, cant even vote, can't even vote
    cant can't cannot: vote, even vote
    ask asking: me for money, for money, me for donations, for donations, me for a dime,
        for a dime, me for cash
    panhandling: me
    whoever: you think, u think
    aged: out
    like love prefer want: off$, off of, to get off, to be off
    kids kid son daughter grandson granddaughter children child grandkids boy girl: arent,
        aren't, isnt, isn't, doesnt, doesn't, dont, don't, no longer
    sold: the house, our house, my house, the home, our home, the condo, the apartment,
        the property
    transferred: the kids, our kids, my kids, my son, my daughter, him to, her to, them to
    switched: to a different, to another, to a new, pharmacies, clinics, doctors, schools
    haven't havent hasn't hasnt: been a patient, been a member, been a customer, been a client,
        been a student, been there
    relocated: to, out of
    update: my preferences, my settings
    more: of these, of them, of your
    area: anymore, any more, no more
    who: ever you think, ever u think
    estoy estamos: registrado, registrada, registrados, inscrito, inscrita
    q: u i t
    on un: subscribe
    forget: you ever, u ever
    appreciate: being taken, being removed, being dropped
    taking getting: me off, us off
    lay: off
    prefer: not
    don't dont dnt: need these, need this, need your, need ur, need any, need the texts,
        need the msgs, need the messages, need them anymore, need the reminders, need the
        updates, need the alerts, need reminders
    transferred switched: to a different, to another, to a new
    kept: the line, the number, his number, her number
    only: email, mail, calls, letters
    hijo hija nino nina nieto nieta hijos hijas: ya no
    not: living, members, a member, receive, receiving, getting these, getting any, by text,
        by txt, by sms, via text, through text, thru text, my cell, my phone, my mobile
    instead: of text, of txt, of sms, of my cell, of my phone, of my mobile
    these: to end, anymore, any more
    enough: already
    closed cancelled canceled ended terminated: my account, our account, the account,
        my membership, our membership, my subscription, my policy
    nunca jamas: me inscrib, nos inscrib, me suscrib, nos suscrib, me registr, me apunt,
        les di, di mi, autoric
    yo: no autoric, no me inscrib, no me suscrib, no me registr
    dont don't never: tax me, tax us
    not: more write, more send, more text, more message, more contact, need more, need this,
        need these, need any
    stop: send$, sent$, write$
"""
CORE_WORDS = (
    "stop remove number wrong person unsubscribe contact text texts texting message "
    "messages delete cancel list spam permission consent leave alone take these want receive "
    "block blocking bothering harassment opt unsub quit unenroll removed msgs optout reach "
    "opting"
).split()
