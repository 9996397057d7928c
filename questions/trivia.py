"""Trivia that goes down or out (issue 15): the clearest cases are dropped by named rules, the rest are
features the fitted models weigh (QUESTION-QUALITY.md, "trivial or unimportant").

Dropped (rules.py names them, `--explain` says so):
- bare-month: the key is a month or a weekday alone ("began in _____" = November), or a true/false
  statement swaps one bare month or weekday for another; a full date ("March 3", "June 2024") is kept;
- office-holder: "Who is X's chief executive, according to the article?", "Who (now) heads X?", "Who represents X?": the name of
  whoever holds a job, unless the holder is a main subject of the story (named in the lede and named
  again). Strict blind readers (r13a-r15a) accepted none of the office questions they read;
- who-said: the person who said something instead of what was said: a blank before the saying verb
  ("_____ said the district would ...") or the question "Who said ...?";
- titled-speaker: a blank after the speaker's job title ("Sheriff _____ said ...", "Mayor _____, who voted
  for it, said ..."): the title already says who speaks, the blank asks only the name; kept when the
  speaker is a main subject of the story;
- restated-amount: a blank or question over an amount restated after ', or' in its clause ("cutting _____ jobs, or
  4 percent of its workforce", "$412 million, or _____ per share"; worth.restated_amount, marked by the maker as the
  feature `restated`); a true/false statement swapping one of them is kept;
- said-fragment: a piece of a sentence that opens with its verb of saying ("Said provincial governor Ana Vell, who
  warned ..."), cut from "29 were in the town, said ...";
- span-of-change, speaker-aside, story-topic (background.py): the time over which a change is measured, who said
  it past an aside or the firm of whoever said it, the headline's one subject blanked after the lede; the last two
  are marked by name_items as the features `speaker_aside` and `topic`, and a true statement of the sentence is kept;
- speaker-swap (applied in name_items.true_false, so that what was said is swapped instead): no false statement
  puts another person or body in the place of whoever said it (`speaks`: the subject of a verb of saying, or the
  source after "according to").
Weighed (rank.vector): an office question of someone named once, a name in passing, a specification-like measure, a clock time, an age, a name
in a list of names.
"""
import re

from .amounts import MONTHS, WEEKDAYS
from .background import span_of_change
from .checker import BLANK
from .textnorm import norm, words
from .worth import TITLE_WORDS

CALENDAR = {w.lower() for w in MONTHS + WEEKDAYS}
PARTS_OF_DAY = {"night", "morning", "afternoon", "evening", "early", "late", "mid", "last", "next", "this", "on",
                "in", "by", "until", "since"}
SAYING = ("said", "says", "warned", "warns", "told", "added", "noted", "argued", "cautioned", "insisted", "claimed",
          "stressed", "predicted", "acknowledged", "conceded")
SAID_AFTER_BLANK = re.compile(r"(?:^|(\S+)\s+)" + re.escape(BLANK) + r"(?:\s*\([^)]*\))?\s+(?:" + "|".join(SAYING)
                              + r")\b")
SAID_FIRST = re.compile(r"^(?:" + "|".join(SAYING) + r")\s", re.I)
WHO_SAID = re.compile(r"^Who (?:" + "|".join(SAYING) + r")\b")
WHAT_SAID = re.compile(r"^What (?:" + "|".join(SAYING) + r")\b")  # "What said it accepted ...?": a speaker asked as a thing
BARE_WHAT = re.compile(r"^What (?!(?:percentage|percent|share|proportion|fraction|number|year|age)\b)")
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"}  # a form of address, not a job
OFFICE_PROMPT = re.compile(r"^(?:Who (?:now |currently |still )?(?:is|heads|leads|runs|chairs|represents)\b|According to the article, .+ is " + re.escape(BLANK)
                           + r"\.$)")
UNITS = {"inch", "inches", "gigabyte", "gigabytes", "gb", "tb", "terabyte", "terabytes", "megapixel", "megapixels",
         "mah", "pixels", "hertz", "hz", "ghz", "watts", "watt", "pounds", "ounces", "grams", "kilograms", "kg", "cm",
         "mm", "centimetres", "centimeters", "millimetres", "millimeters", "feet", "foot", "litres", "liters"}
CLOCK = re.compile(r"\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)(?=\W|$)", re.I)
AGE = re.compile(r"\b\d+-year-old\b|\baged \d+", re.I)
PERSONS_OR_BODIES = ("PERSON", "ORG")


def bare_calendar(text):
    """A month or a weekday alone ('November', 'Monday night', 'last March'): no day, no year with it."""
    found = words(text)
    return bool(found) and not any(ch.isdigit() for ch in text) and bool(set(found) & CALENDAR) \
        and set(found) <= CALENDAR | PARTS_OF_DAY


def swapped_words(item):
    """The words a false true/false statement put in place of its sentence's (and the words it took out)."""
    said, source = words(item.get("prompt", "")), words(item.get("source_sentence", ""))
    return [w for w in said if w not in source], [w for w in source if w not in said]


def why_trivial(item):
    """The rule that drops this item as trivia, or None."""
    features = item.get("features") or {}
    if SAID_FIRST.match(item.get("prompt", "")):
        return "said-fragment"  # "Said provincial governor Ana Vell, who warned ...": half a sentence
    if span_of_change(item):
        return "span-of-change"  # "rents have risen by 22 percent in _____": the change is the fact
    stated = item["kind"] == "true_false" and item["answer"] == "True"  # the sentence as it stands is kept
    if features.get("speaker_aside") and not stated:
        return "speaker-aside"  # "Ana Vell of the consultancy _____ said ...": who said it, or her firm, not what
    if features.get("topic") and not stated:
        return "story-topic"  # "factories that make or use _____" in a story headlined and told about it
    if item["kind"] == "true_false":
        put, taken = swapped_words(item)
        if put and taken and set(put + taken) <= CALENDAR | PARTS_OF_DAY and set(put + taken) & CALENDAR:
            return "bare-month"  # "most of them in November" made "... in March", "on Saturday night" "on afternoon"
        return None
    if bare_calendar(item["answer"]):
        return "bare-month"
    if features.get("restated"):
        return "restated-amount"  # "cutting _____ jobs, or 4 percent of its workforce": the stem restates the key
    prompt = item["prompt"]
    if item["kind"] == "short_answer" and BARE_WHAT.match(prompt) and not WHAT_SAID.match(prompt) \
            and features.get("role") not in ("complement", "term"):  # "What is X called?", "What is land runoff?"
        return "what-typed"  # "What has the contractor also lodged?" = claims for $5.1 million in delay costs
    if WHAT_SAID.match(prompt):
        return "who-said"  # "What said it accepted the board's findings?" (a company the model did not call a person)
    if features.get("label") == "ORG" and BLANK in prompt and title_before_blank(prompt):
        features = dict(features, label="PERSON")  # "chief executive _____ said": a person, whatever the model says
    if features.get("label") != "PERSON":
        return None
    if office_question(item) and not main_subject(item):
        return "office-holder"  # a source's job: "Who is the board's chair, according to the article?"
    if WHO_SAID.match(prompt):
        return "who-said"  # "Who said the plant would close?": who said it, not what
    if BLANK not in prompt:
        return None
    said = SAID_AFTER_BLANK.search(prompt)
    if said and not (said.group(1) and said.group(1).lower().strip(".,") in TITLE_WORDS):
        return "who-said"
    titled = title_before_blank(prompt)
    if titled and (said or features.get("attribution")) and not main_subject(item):
        return "titled-speaker"  # "Sheriff _____ said ...", "Mayor _____, who voted for it, said ...": the name alone
    return None


def title_before_blank(prompt):
    """'Sheriff _____', 'chief executive _____': the word before the blank is a job title (not 'Mr.' or 'Dr.')."""
    found = re.search(r"(\S+)\s+" + re.escape(BLANK), prompt)
    word = found.group(1).lower().strip(".,") if found else ""
    return word in TITLE_WORDS and word not in HONORIFICS


def main_subject(item):
    """The person the story is about: named in its first three sentences and named again later."""
    features = item.get("features") or {}
    return features.get("named_early", 0.0) >= 1.0 and features.get("mentions", 0.0) >= 0.5


def office_question(item):
    """'Who is X's chief executive, according to the article?', 'Who heads X?': who holds a job."""
    features = item.get("features") or {}
    return (features.get("label") == "PERSON" and features.get("role") == "title"
            and bool(OFFICE_PROMPT.match(item.get("prompt", ""))))


def office_once(item):
    """An office question of someone named once, outside the lede (a feature the fitted models weigh)."""
    features = item.get("features") or {}
    return office_question(item) and not features.get("lede") and features.get("mentions", 1.0) <= 0.25


def drop_trivia(items, trace=None, index_of=None):
    """The items no trivia rule drops; the rest recorded in the trace."""
    kept = []
    for item in items:
        rule = why_trivial(item)
        if rule is None:
            kept.append(item)
        elif trace is not None and index_of is not None:
            trace.drop(index_of[item["source_sentence"]], rule, f"{item['kind']}: {item['prompt']}")
    return kept


def trivia_values(item, group):
    """passing_name, spec_measure, clock_time, age, listed, office_once (rank.TRIVIA): each 0 or 1."""
    features = item.get("features") or {}
    text = " ".join(swapped_words(item)[0]) if item["kind"] == "true_false" else item["answer"]
    tokens = set(re.findall(r"[a-z]+", text.lower()))
    passing = group in ("person", "org") and features.get("mentions", 1.0) <= 0.25 and not features.get("lede")
    spec = any(ch.isdigit() for ch in text) and bool(tokens & UNITS)
    prompt = item.get("prompt", "")
    listed = BLANK in prompt and bool(re.search(r"(?:[A-Z][\w'-]+,\s+" + re.escape(BLANK) + r"|" + re.escape(BLANK)
                                                + r",\s+[A-Z][\w'-]+ [A-Z])", prompt)) and " and " in norm(prompt)
    return [float(passing), float(spec), float(bool(CLOCK.search(text))), float(bool(AGE.search(text))), float(listed),
            float(office_once(item))]


# Verbs of saying whose subject is only the source of the words ('Holt said the firm had hedged ...'); verbs of
# acting that may be spoken ('announced', 'confirmed', 'presented') are left out: their subject is the actor.
VOICING = {"say", "tell", "add", "warn", "urge", "blame", "argue", "explain", "note", "insist", "claim", "caution",
           "stress", "acknowledge", "concede", "predict", "reply", "respond", "admit", "complain", "contend",
           "describe", "point"}
SPEAKER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}


def speaks(key):
    """Whether the name `key` is who said something rather than what was said: the subject of a verb of saying
    ('Anna Holt said ...', '..., Holt said', 'Helena Fraser of Cobalt Insights said ...', 'The lead prosecutor,
    Deputy District Attorney Samuel Okoro, said ...', 'Pellgrave chief executive Tom Ash said ...', 'X points out
    that ...'), or the source after 'according to' ('according to Pellgrave Securities')."""
    token = key.root
    for _ in range(6):  # up from a name beside the speaker to the speaker: an apposition, 'X and Y', 'X of Y'
        if token.dep_ in ("appos", "conj", "compound", "poss", "nmod") and token.head.i != token.i:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ in ("of", "at", "from") and token.head.head.pos_ in (
                "NOUN", "PROPN"):
            token = token.head.head
        else:
            break
    verb = token.head
    if token.dep_ == "nsubj" and verb.lemma_.lower() in VOICING:
        return verb.lemma_.lower() != "point" or any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return token.dep_ == "pobj" and verb.lower_ == "to" and verb.head.lower_ == "according"
