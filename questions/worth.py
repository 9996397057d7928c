"""Which phrases of a sentence are worth a question: the rules that keep trivia, half
names, giveaways and stale dates out of the quiz (QUESTION-QUALITY.md rules 5 and 6)."""
from .amounts import MONTHS, WEEKDAYS
from .entities import in_title
from .textnorm import norm


def not_worth_asking(ent, entity, key):
    """Why not to ask about this mention, as a bool: each rule below has its own test table."""
    if in_title(ent) or place_qualifier(ent) or modifies_a_crowd(ent) or relative_date(entity, key):
        return True
    if known_to_all(ent) or where_shares_trade(ent):
        return True  # "a storm reached _____" (Earth), "shares fell on the stock exchange in _____"
    if a_conversion(ent) or a_range_end(ent):
        return True  # "(850 cubic kilometers)" beside its miles, "from 1980 to _____"
    if describes_a_name(ent) or spelled_out_before(ent) or cut_short(ent) or an_age(ent):
        return True  # "the _____ space agency NASA", "intelligence (_____)", "_____ do Sul", "Panahi, _____,"
    named = entity.reliable or entity.term or names_its_head(ent, entity)
    return ent.root.dep_ in MODIFIER and not named  # "new _____ tools" ("AI")


NAMED_THINGS = {"probe", "spacecraft", "mission", "rover", "lander", "orbiter", "telescope", "satellite", "rocket",
                "ship", "vessel", "ferry", "boat", "aircraft", "plane", "jet", "drone", "train", "phone", "handset",
                "app", "programme", "program", "project", "scheme", "drug", "vaccine", "reactor", "festival"}


def names_its_head(ent, entity):
    """'the Kestrel probe', 'the Orla ferry': the name of the thing its noun says, when the article also names it
    on its own ('Kestrel will then ...'): the name is what to know, not a modifier in passing."""
    head = ent.root.head
    return (ent.root.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() in NAMED_THINGS
            and entity is not None and entity.participant)


CROWDS = {"official", "officials", "leader", "leaders", "media", "company", "companies", "government", "force",
          "forces", "troops", "people", "citizens", "lawmakers", "authorities", "experts", "students", "workers",
          "users", "voters", "groups", "firms", "side", "sides", "army", "military", "navy", "police", "soldiers",
          "farmers", "families", "residents", "fans"}


MODIFIER = ("compound", "amod", "nmod")


NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "NORP"}
TITLE_WORDS = {"president", "vice", "administrator", "minister", "prime", "governor", "gov", "judge", "justice",
               "secretary", "senator", "sen", "representative", "rep", "general", "gen", "king", "queen", "prince",
               "princess", "pope", "mayor", "chancellor", "chairman", "chairwoman", "chair", "ceo", "director", "dr",
               "mr", "mrs", "ms", "professor", "prof", "coach", "captain", "capt", "ambassador", "commissioner",
               "sheriff", "chief", "speaker", "premier", "emperor", "sultan", "sheikh", "bishop", "cardinal",
               "father", "sister", "lord", "lady", "sir", "dame", "admiral", "colonel", "col", "lieutenant", "lt",
               "sergeant", "sgt", "major", "officer", "agent", "detective", "inspector", "deputy", "assistant",
               "associate", "attorney", "lawyer", "spokesperson", "spokesman", "spokeswoman", "leader", "founder",
               "host", "anchor", "reporter", "author", "writer", "actor", "actress", "singer", "rapper", "player",
               "runner", "striker", "goalkeeper", "quarterback", "manager", "executive", "economist", "scientist",
               "researcher", "doctor", "nurse", "teacher", "student", "activist", "rabbi", "imam", "reverend", "rev",
               "saint", "st", "crown", "grand", "duke", "duchess", "count", "baron", "auditor", "treasurer",
               "trustee", "councilman", "councilwoman", "councillor", "congressman", "congresswoman", "assemblyman",
               "assemblywoman", "delegate", "envoy", "consul", "marshal", "pastor", "ayatollah"}
NAME_PARTICLES = {"da", "de", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "bin", "al"}


def cut_short(ent):
    """The model's entity ends inside a longer name: 'RMIT' of 'RMIT University', 'Rio Grande'
    of 'Rio Grande do Sul'. A blank there would leave half a name in the prompt."""
    doc = ent.doc
    after = doc[ent.end] if ent.end < len(doc) else None
    if (ent.start > 0 and doc[ent.start - 1].text == "-" and not doc[ent.start - 2].whitespace_) or (
            after is not None and after.text == "-" and not ent[-1].whitespace_):
        return True  # 'off-_____', '_____-based': half of a hyphenated word
    if ent.label_ not in NAMES:
        return False
    if after is not None and after.pos_ == "PROPN" and after.text[:1].isupper() and not after.ent_type_:
        return True
    particle_then_name = ent.end + 1 < len(doc) and doc[ent.end + 1].text[:1].isupper()
    if after is not None and after.text in NAME_PARTICLES and particle_then_name:
        return True
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is None:
        return False
    if (ent.label_ == "PERSON" and len(ent) == 1 and before.pos_ == "PROPN" and before.text[:1].isupper()
            and not before.ent_type_ and before.head.i == ent.root.i and before.lower_.rstrip(".") not in TITLE_WORDS):
        return True  # "Eliud _____": a surname alone, its first name outside the model's entity
    if (before.pos_ == "PROPN" and before.dep_ == "compound" and before.head.i == ent.root.i and before.ent_iob_ != "O"
            and before.ent_type_ not in ("GPE", "NORP", "LOC") and before.lower_.rstrip(".") not in TITLE_WORDS):
        return True  # "Lockheed" + "Martin": the model cut one name in two
    return (before.text in NAME_PARTICLES and ent.start > 1
            and doc[ent.start - 2].pos_ == "PROPN" and doc[ent.start - 2].text[:1].isupper())


def spelled_out_before(ent):
    """'(AI)' right after 'artificial intelligence', ', or NOAA' after 'the National Oceanic and Atmospheric
    Administration': the blank is given away by the words before it (initials counted with or without the
    small words: 'memorandum of understanding (MOU)')."""
    doc, letters = ent.doc, ent.text.replace(".", "")
    if not (letters.isupper() and 2 <= len(letters) <= 8 and ent.start >= len(letters) + 1):
        return False
    bracketed = doc[ent.start - 1].text == "(" and ent.end < len(doc) and doc[ent.end].text == ")"
    restated = ent.start >= 2 and doc[ent.start - 1].lower_ == "or" and doc[ent.start - 2].text == ","
    if not (bracketed or restated):
        return False
    stop = ent.start - (1 if bracketed else 2)
    before = [t for t in doc[max(stop - len(letters) * 2, 0) : stop] if t.is_alpha]
    content = [t for t in before if t.lower_ not in ("of", "and", "for", "the")]
    for kept in (content, before):
        initials = "".join(t.text[0] for t in kept[-len(letters):]).upper()
        if initials == letters.upper():
            return True
    return False


DETAIL_LABELS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "ORDINAL"}
JOBS = {"analyst", "professor", "economist", "scientist", "researcher", "historian", "lecturer", "fellow", "expert",
        "consultant", "strategist", "specialist", "engineer", "lawyer", "chemist", "biologist", "physicist",
        "ecologist", "epidemiologist", "geologist", "astronomer", "director", "manager", "partner", "adviser",
        "advisor", "spokesman", "spokeswoman", "spokesperson", "owner", "founder", "employee", "doctor", "curator"}


def passer_by_detail(ent, mentions_of, key_mentions=1):
    """Trivia about a passer-by, someone the article names once (or a body named once that comments):
    - a date, a length of time or a count inside the clause that describes them: 'Harold Bell, 70, who
      has lived on the street since 1981, said ...', or inside the apposition of a body that comments:
      'the Hill Alliance, a coalition of 12 groups, said ...' ('the Rural Party, which holds 41 seats,
      said ...' tells what a player of the story holds);
    - a name the article gives once, inside that clause or inside their apposition: 'Ann Roe, who runs a
      bakery in Selby, said ...', 'Tom Ash, an analyst at Kerrow Capital, said ...';
    - where they work, when the sentence is only that: 'Ann Roe is a professor at Selby University.'
    `mentions_of(token)` is how many times the article names the person or body of that token (0: none);
    `key_mentions` how many times it names the key."""
    if ent.label_ not in DETAIL_LABELS and key_mentions > 1:
        return False  # "Ann Roe, the head of Selby School, said ...": the school is the story's
    token = ent.root
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "acl") and token.i != ent.root.i:
            described = token.head
            if described.dep_ == "appos" and not described.ent_type_:
                described = described.head  # "Ann Roe, a cook who ...": the cook is Ann Roe
            someone = described.ent_type_ == "PERSON" or any(c.lower_ in ("who", "whose") for c in token.children)
            return 0 < mentions_of(described) <= 1 and someone  # "who": a person, whatever the model's label
        if token.dep_ == "appos" and token.i != ent.root.i and token.head.i < token.i:
            return _passing(token.head, mentions_of)
        if token.dep_ == "attr" and token.lemma_.lower() in JOBS and token.head.lemma_ == "be":
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            return subject is not None and ent.label_ not in DETAIL_LABELS and 0 < mentions_of(subject) <= 1
        token = token.head
    return False


REACTIONS = {"say", "welcome", "warn", "criticise", "criticize", "praise", "add", "tell", "argue", "note", "urge",
             "respond", "condemn", "call", "describe", "complain", "question", "oppose"}


def _passing(described, mentions_of):
    """Named once, and a person, or a body that comments: 'the Hill Alliance, a coalition of 12 groups,
    said ...' ('the Hill Alliance, a coalition of 12 groups, sued the city' is a player of the story)."""
    if not 0 < mentions_of(described) <= 1:
        return False
    if described.ent_type_ == "PERSON":
        return True
    token = described
    while token.dep_ in ("pobj", "prep", "appos", "compound") and token.head.i != token.i:
        token = token.head  # "Ann Roe, head of the Hill Alliance, a coalition of 12 groups, said": Roe said
    return token.dep_ == "nsubj" and token.head.lemma_.lower() in REACTIONS


KNOWN_TO_ALL = {"earth", "sun", "moon"}


def known_to_all(ent):
    """'the Earth', 'the Sun', 'the Moon': everyone knows the answer without reading ('a storm reached _____')."""
    return norm(ent.text).removeprefix("the ") in KNOWN_TO_ALL


EXCHANGE_WORDS = {"exchange", "bourse"}


def where_shares_trade(ent):
    """'shares fell on the stock exchange in Ardley', 'rose in trading on the Norland Stock Exchange': where the
    shares of the story trade is no fact of the story."""
    if ent.label_ not in NAMES:
        return False  # a place the model may take for anyone ('Varnholm' as a person)
    if ent[-1].lower_ in EXCHANGE_WORDS and ent.root.dep_ == "pobj":
        return True
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "of"):
        head = head.head
    elif ent.root.dep_ not in ("compound", "poss", "nmod"):
        return False
    return head.lemma_.lower() in EXCHANGE_WORDS


def modifies_a_crowd(ent):
    """'U.S. officials', 'Indian media': the nationality of a crowd is rarely the fact that matters."""
    return ent.root.dep_ in MODIFIER and ent.root.head.lower_ in CROWDS


def names_a_kind_of_thing(ent):
    """'COVID-19' in 'the COVID-19 pandemic': a name used as a modifier says what kind of thing the
    head is, and another name of its label in its place ('the UNICEF pandemic') is nonsense, not a
    plausible option. Places, nationalities, people and amounts as modifiers swap well ('Indian
    military', 'its 2 percent target')."""
    kinds = ("ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC")
    return ent.root.dep_ in ("compound", "nmod") and ent.label_ in kinds


def describes_a_name(ent):
    """'American' in 'the American space agency NASA' or 'German carmaker Volkswagen': a
    descriptor in front of a name, answerable without reading the article."""
    head, doc = ent.root.head, ent.doc
    if ent.label_ not in ("NORP", "GPE") or ent.root.dep_ not in MODIFIER or head.pos_ != "NOUN" or head.i < ent.end:
        return False
    after = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if after is not None and after.text == "," and head.i + 2 < len(doc):
        after = doc[head.i + 2]  # "its Chinese parent, ByteDance"
    return after is not None and after.pos_ == "PROPN" and after.ent_type_ not in ("", "NORP", "DATE", "TIME")


RELATIVE = {"this", "last", "next", "earlier", "later", "ago", "recently", "yesterday", "today", "tomorrow", "coming",
            "past", "previous", "current", "now", "soon"}


def relative_date(entity, key):
    """'last week', 'earlier this month': true only on the day the story ran, stale in a quiz;
    'the year', 'decades': no date at all (no number, no name of a month, day or holiday)."""
    if entity.label not in ("DATE", "TIME"):
        return False
    if [t.lower_ for t in key] in (["one", "day"], ["some", "day"], ["someday"]):
        return True  # "which could one day inspire new drugs": some time, not a date
    if all(t.text in WEEKDAYS or t.is_punct for t in key):
        return True  # "on Tuesday": the day of the week of a meeting is trivia, and stale once the week is over
    return bool({t.lower_ for t in key} & RELATIVE) or not any(t.like_num or t.text[:1].isupper() for t in key)


def place_qualifier(ent):
    """'California' in 'Palmdale, California', 'D.C.' in 'Washington, D.C.': asking it tests nothing."""
    doc = ent.doc
    return (ent.label_ == "GPE" and ent.start >= 2 and doc[ent.start - 1].text == ","
            and doc[ent.start - 2].ent_type_ == "GPE")


VAGUE_AMOUNTS = {"one", "two", "zero", "dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"}


def meaningful_number(key):
    """Counts worth asking: '20 tractor-trailers', 'five times', 'more than half of the economy'; not 'one' in
    'one of them', not 'the second half' (of a game), not 'thousands of fans' (no number to know)."""
    text = key.text.lower()
    if text in ("half", "quarter"):
        following = key.doc[key.end] if key.end < len(key.doc) else None
        return following is not None and following.lower_ == "of"
    return any(c.isdigit() for c in text) or text not in VAGUE_AMOUNTS


def an_age(ent):
    """'Jafar Panahi, 64, has been ...': a person's age set off by commas is trivia, not the story."""
    doc = ent.doc
    if len(ent) != 1 or not ent[0].like_num or ent.start < 2 or ent.end >= len(doc):
        return False
    name = doc[ent.start - 2]
    return (doc[ent.start - 1].text == "," and doc[ent.end].text == "," and name.text not in MONTHS
            and (name.ent_type_ == "PERSON" or name.pos_ == "PROPN"))


def conversion_after(key):
    """'(850 cubic kilometers)' right after '204 cubic miles': the same amount in other units, or None."""
    doc = key.doc
    if key.end >= len(doc) or doc[key.end].text != "(" or not any(t.like_num for t in key):
        return None
    close = next((t.i for t in doc[key.end : min(key.end + 8, len(doc))] if t.text == ")"), None)
    if close is None or not any(t.like_num for t in doc[key.end : close]):
        return None
    return doc[key.end : close + 1]


def a_conversion(ent):
    """'850 cubic kilometers' in '204 cubic miles (850 cubic kilometers)': asking it shows the answer beside it."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != "(" or not any(t.like_num for t in ent):
        return False
    return doc[ent.start - 2].like_num or doc[ent.start - 2].ent_type_ in ("QUANTITY", "CARDINAL", "MONEY", "PERCENT")


AMOUNT_TYPES = {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
RESTATING_HEDGES = {"about", "around", "roughly", "nearly", "almost", "approximately", "some", "just", "over", "under",
                    "more", "less", "fewer", "than"}
RESTATED_REACH = 8  # words of the first amount's own phrase before ', or' ("2 percent of global shipments last year")
OTHER_TERMS = {"for", "with", "without", "in", "at"}  # "10 euros, or 8 euros for children": another price


def restated_amount(ent):
    """'4 percent of its workforce' in 'cutting 1,800 jobs, or 4 percent of its workforce', '$1.36 per share' in
    '$412 million, or $1.36 per share', and the first amount of each: one amount and its restatement after ', or'
    in the same clause (as a conversion in brackets, a_conversion), so the blank over either shows the other."""
    if not any(_an_amount(t) for t in ent) or ent.label_ in ("DATE", "TIME", "ORDINAL"):
        return False
    doc, start, end = ent.doc, ent.sent.start, ent.sent.end
    i = ent.start - 1
    while i > start and (doc[i].lower_ in RESTATING_HEDGES or doc[i].tag_ == "$"):
        i -= 1
    if i - 2 >= start and doc[i].lower_ == "or" and doc[i - 1].text == "," and _restating(doc[i + 1 : ent.end]):
        before = _amount_before(doc, i - 2, start)  # ", or 4 percent ..." after "1,800 jobs"
        if before is not None:
            return True
    j = ent.end
    while j < min(end, ent.end + RESTATED_REACH) and doc[j].text != "," and not (doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX")
                                                                   or _an_amount(doc[j])):
        j += 1  # "1,800 jobs", "2 percent of global shipments last year": the amount's own phrase
    if j + 2 >= end or doc[j].text != "," or doc[j + 1].lower_ != "or":
        return False
    k = j + 2
    while k < end - 1 and doc[k].lower_ in RESTATING_HEDGES:
        k += 1
    after = next((e for e in doc.ents if e.start <= k < e.end), doc[k : k + 1])
    return _an_amount(doc[k]) and _restating(doc[k : after.end])


def _an_amount(token):
    return token.ent_type_ in AMOUNT_TYPES or token.tag_ == "$" or (
        token.like_num and token.ent_type_ not in ("DATE", "TIME", "ORDINAL"))


def _amount_before(doc, i, start):
    """The amount whose noun phrase ends at token i ('1,800' of '1,800 jobs'), or None."""
    for j in range(i, max(start, i - RESTATED_REACH) - 1, -1):
        if _an_amount(doc[j]):
            return doc[j]
        if doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX"):
            return None
    return None


def _restating(span):
    """The amount after ', or' says the first in other terms: a unit of its own ('4 percent', '$1.36', 'a third'),
    not a bare count ('2 candidates, or 3 in the larger wards') nor one for others ('8 euros for children')."""
    root = span.root
    counted = root.head if root.dep_ in ("nummod", "quantmod") and root.head.pos_ == "NOUN" and \
        span.end <= root.head.i <= span.end + 2 else None  # "roughly 24 million units", "two incubation periods"
    if counted is None and all(t.like_num or t.lower_ in RESTATING_HEDGES for t in span):
        return False
    noun = counted or (root.head if root.dep_ in ("nummod", "quantmod") else root)
    return not any(c.dep_ == "prep" and c.lower_ in OTHER_TERMS for c in noun.children)


def a_range_end(ent):
    """'from 1980 to 2009', '1980-2009': one end of a range is no fact on its own."""
    doc = ent.doc
    if ent[0].lower_ == "between" and ent.end + 1 < len(doc) and doc[ent.end].lower_ == "and" and doc[ent.end + 1].like_num:
        return True  # "between the ages of 45 | and 75": half of the range
    if ent.label_ != "DATE" or len(ent) != 1:
        return False
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    after = doc[ent.end].lower_ if ent.end < len(doc) else ""
    beyond = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    return (before in ("to", "through", "and", "-", "\u2013") and ent.start > 1 and doc[ent.start - 2].like_num) or (
        after in ("to", "through", "-", "\u2013") and beyond is not None and beyond.like_num)


def qualified_place(ent):
    """'Washington' in 'Washington, D.C.', 'Denver' in 'Denver, Colorado': the place beside it gives it away."""
    doc = ent.doc
    return (ent.label_ == "GPE" and ent.end + 1 < len(doc) and doc[ent.end].text == ","
            and doc[ent.end + 1].ent_type_ == "GPE" and doc[ent.end + 1].text in ("D.C.", "DC") )


BOUNDS = {("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("at", "most"), ("up", "to")}
BOUND_WORDS = {"over", "under", "above", "below", "exceeding", "exceeds", "beyond"}


def bound_not_value(key):
    """'more than £450 million', 'under 15': a bound, not a value; another amount in its place may be true too."""
    doc = key.doc
    before = [t.lower_ for t in doc[max(key.start - 2, 0) : key.start]]
    inside = [t.lower_ for t in key[:2]]
    return bool(BOUNDS & {tuple(before[-2:]), tuple(inside)} or BOUND_WORDS & set(before[-1:] + inside[:1]))


PEOPLE_NOUNS = {"member", "official", "councillor", "councilor", "lawmaker", "voter", "resident", "people", "leader",
                "negotiator", "union", "worker", "campaigner", "activist", "parent", "tenant", "minister"}


def share_of_nothing(span):
    """'Union leaders had asked for 8 percent but ...': a percentage that people ask, push or settle for,
    with no 'of' saying of what; the whole it is a share of is in another sentence. ('Turnout rose to 62
    percent', 'asked for 20 percent of the homes' say it.) The percentage token, or None."""
    for token in span:
        if token.lower_ not in ("percent", "%", "per") or not token.ent_type_ == "PERCENT":
            continue
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) or token.dep_ != "pobj":
            continue
        verb = token.head.head
        if token.head.lower_ != "for" or verb.pos_ not in ("VERB", "AUX"):
            continue  # "a rise of 5 percent", "won by 58 percent", "demanding 7 percent" (a raise): said of what
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and (subject.ent_type_ == "PERSON" or subject.lemma_.lower() in PEOPLE_NOUNS):
            return token
    return None
