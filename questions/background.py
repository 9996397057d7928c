"""Background a sentence gives beside its fact, which readers call trivial when blanked (issue 15):
- aside-year: a bare year told in a side clause about something else ('The target, set in 2019, is that
  ...', 'a band from the mill, which closed in 1987, played', 'fined for spending 3 million on repairs in
  2021'); the year of what the sentence is about is kept ('The bridge opened in 1932', 'In 2003 the
  theatre reopened'), and so is the year of a founding, a birth, a launch, whichever clause tells it;
- span-of-change: the length of time beside a change ('rents have risen by 20 percent in _____', 'up from
  0.8 million _____ ago'); the change is the fact ('the first fall in _____' is a record and is kept);
- speaker-aside: who said it, past an aside the who-said rule's 'blank before said' misses ('_____ of the
  consultancy Marr Analytics said ...'), or the firm of whoever said it ('Ana Vell of the consultancy _____
  said ...', 'Tom Ash, an analyst at _____, said ...');
- story-topic: the one thing the story is about, named in its headline, blanked after the lede ('factories
  that make or use _____' in a story headlined about the chemical).
A true statement of the sentence is kept in all of them (trivia.why_trivial).
"""
import re

from .checker import BLANK
from .textnorm import words

YEAR = re.compile(r"^(?:(?:early |late |mid-)?(?:January|February|March|April|May|June|July|August|September|October|"
                  r"November|December|spring|summer|autumn|fall|winter)\s+(?:of\s+)?)?(?:1[5-9]\d\d|20\d\d)$", re.I)
# The year is the fact of these verbs, whichever clause tells it: what came into being, ended a life, took office.
FOUNDING = {"found", "establish", "bear", "build", "open", "launch", "complete", "die", "create", "introduce",
            "discover", "invent", "publish", "release", "elect", "unveil", "form", "start", "begin", "sign", "pass",
            "enact", "adopt", "inaugurate", "construct", "set up", "win", "award", "take over", "take office", "retire", "become"}
SIDE_CLAUSES = ("acl", "relcl", "pcomp")  # a participle, a relative clause, a gerund after a preposition
RECORD_WORDS = {"first", "last", "since", "until", "ever", "record", "highest", "lowest", "biggest", "largest",
                "smallest", "worst", "best", "most", "least", "fewest", "only"}


def year_in_aside(ent):
    """'The target, set in _____, is that ...' = 2019: a bare year (or a month and year) after 'in', told of
    a verb in a side clause (a participle, a relative clause, a gerund) that founds or launches nothing."""
    if not YEAR.match(ent.text.strip()) or ent.root.dep_ != "pobj" or ent.root.head.lower_ != "in":
        return False
    verb = ent.root.head.head
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in SIDE_CLAUSES:
        return False
    if verb.lemma_.lower() in FOUNDING or any(c.dep_ == "prt" and f"{verb.lemma_} {c.lower_}" in FOUNDING
                                              or c.dep_ == "dobj" and f"{verb.lemma_} {c.lower_}" in FOUNDING
                                              for c in verb.children):
        return False  # "the original Arc, which launched in 2023": the launch is a fact of its own
    clause = list(verb.subtree) + [verb.head]
    if {t.lower_ for t in clause} & RECORD_WORDS - {"since", "until"} or any(t.tag_ in ("JJS", "RBS") for t in clause):
        return False  # "who first noticed the slugs in 2021", "the last time it happened, in 1952"
    if any(c.dep_ == "prep" and c.lower_ == "from" for c in verb.children) or any(
            t.lower_ in ("will", "would") for t in list(verb.children) + list(verb.head.children)):
        return False  # "the population rising from 8,000 in 1870 to ...": the change; "will ..., dropping it in 2029"
    return True


LENGTH = re.compile(r"^(?:(?:about|nearly|almost|more than|just over|just under|roughly) )?(?:\d[\d,.]*|a|an|one|two|"
                    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty|fifty|a few|"
                    r"several)[- ](?:years?|months?|weeks?|days?|decades?|quarters?)$", re.I)
CHANGE = (r"\b(?:risen|rose|rising|fallen|fell|falling|climbed|grown|grew|increased|decreased|dropped|declined|"
          r"jumped|surged|soared|slumped|doubled|tripled|trebled|halved|up|down)\b(?:\s+(?:sharply|steadily))?"
          r"(?:\s+by)?(?:\s+(?:about |nearly |almost |more than |some )?[\d,.]+\s*(?:%|percent|per cent|"
          r"percentage points?))?")
BESIDE_CHANGE = CHANGE + r"\s+(?:in|over|during|within)\s+(?:the\s+(?:past|last|previous)\s+)?"


def span_of_change(item):
    """'rents have risen by 22 percent in _____' = three years, 'up from 0.9 million _____ ago': the length of
    time over which a change is measured, asked beside the change (a blank or a question over it)."""
    answer = item["answer"].strip()
    if item["kind"] == "true_false" or not LENGTH.match(answer):
        return False
    sentence = item.get("source_sentence", "")
    key = re.escape(answer)
    if re.search(BESIDE_CHANGE + key + r"\b", sentence, re.I):
        return not re.search(r"\b(?:first|biggest|largest|highest|lowest|worst|best|smallest)\b[^,.;]*"
                             + BESIDE_CHANGE + key, sentence, re.I)  # "the first fall in seven years"
    return bool(re.search(r"\b(?:up|down|rising|falling|compared)\b[^.;]*\bfrom\b[^.;]*\b" + key + r" ago\b",
                          sentence, re.I)) or (BLANK in item["prompt"] and bool(re.search(
                              r"\bfrom\b[^.;]*" + re.escape(BLANK) + r" ago\b", item["prompt"])))


def speaker_aside(ent, label):
    """'_____ of the consultancy Marr Analytics said ...', '_____, an analyst at Marr, said ...' (the speaker,
    an aside between the name and the verb, which the who-said rule's 'blank before said' misses), and
    'Ana Vell of the consultancy _____ said ...', 'Tom Ash, an analyst at _____, said ...' (the firm of a
    speaker described as one of many). An office is kept: 'Ida Roe, leader of the _____, said ...'."""
    from .attribution import ROLE_HEADS
    from .trivia import speaks
    described = any(c.dep_ == "appos" and c.lemma_.lower() in ROLE_HEADS for c in ent.root.children)
    if not speaks(ent) or label not in ("PERSON", "ORG", "FAC"):
        return False
    root = ent.root
    if root.dep_ in ("nsubj", "nsubjpass"):  # the speaker: "_____ of the consultancy ...", "_____, an analyst at"
        if label != "PERSON" and not described:
            return False  # "The Serin Alliance, a coalition of 30 groups, said ...": a body of the story speaks
        return any(c.dep_ == "prep" and c.lower_ == "of" and c.i == ent.end for c in root.children) or any(
            _one_of_many(c) for c in root.children if c.dep_ == "appos" and c.i > root.i)
    token = root
    while token.dep_ in ("appos", "compound") and token.head.i != token.i:
        token = token.head  # "the consultancy Marr Analytics"
    if token.dep_ != "pobj" or token.head.lower_ not in ("of", "at"):
        return False
    holder = token.head.head
    return holder.dep_ in ("nsubj", "nsubjpass") and token.head.lower_ == "of" and (
        holder.ent_type_ == "PERSON" or holder.pos_ == "PROPN") or _one_of_many(holder)


def _one_of_many(noun):
    """'an analyst at ...', 'a fund manager at ...', 'a crane operator with ...': a job that many people hold at a
    body, not an office ('a nurse who takes two buses to work, said' describes the speaker, who is the news)."""
    return noun.dep_ == "appos" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children) and any(
        c.dep_ == "prep" and c.lower_ in ("at", "with", "for", "in") for c in noun.children)


TOPIC_MENTIONS = 5  # named in at least this many sentences
TOPIC_LEAD = 3  # and this many times as often as any other name that is not a person's
NAMED = {"ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "OTHER"}
LEDE = 3  # the first sentences, where the story says what it is about


def story_topic(b):
    """The one thing the story is about: named in the headline, in at least TOPIC_MENTIONS sentences, and
    TOPIC_LEAD times as often as any other name but a person's ('BOS' in 'Government to Ban Chemical BOS', named
    in 8 sentences, the next name in 2). None when the headline names no such thing or two compete ('Norland to
    Buy Kestrel', 7 and 6). A person is never the topic here: an obituary's subject is asked as a person."""
    if not b.title_words:
        return None
    named = {}
    for names in b.names_in:
        for name in names:
            named[name] = named.get(name, 0) + 1
    ranked = sorted((e for e in b.entities if e.label in NAMED), key=lambda e: -named.get(e.name, 0))
    if not ranked:
        return None
    topic, count = ranked[0], named.get(ranked[0].name, 0)
    if count < TOPIC_MENTIONS or not any(set(words(f)) and set(words(f)) <= b.title_words
                                          for f in topic.forms | {topic.name}):
        return None
    rival = named.get(ranked[1].name, 0) if len(ranked) > 1 else 0
    return topic.name if rival * TOPIC_LEAD <= count else None


def topic_given(b, sentence, entity):
    """'factories that make or use _____' = BOS, late in a story about BOS: the topic, blanked where the
    sentence tells something else about it, asks nothing a reader of the headline does not know."""
    return sentence.index >= LEDE and entity.name == b.topic
