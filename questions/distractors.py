"""Options for a multiple-choice item: three things of the key's kind from the same article.

Never another name for the key, never a name of its own sentence, never a fragment; a
state among states, a party among parties; numbers and dates in the key's own format.
"""
import hashlib
import random
import re

from . import phrasing
from .amounts import date_style, date_variants, number_variants
from .entities import CITY_OR_STATE, US_STATES, WELL_KNOWN_COUNTRIES, is_alias, place_kind
from .textnorm import contains_phrase

NUMERIC = {"MONEY", "NUMBER", "PERCENT", "QUANTITY"}


def _seed(*parts):
    return int(hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12], 16)


def options_for(b, entity, answer, sentence):
    """Three options of the same type and format as the key, never another name for it,
    and whether all three come from the article itself."""
    in_sentence = b.names_in[sentence.index]
    pool = []
    if entity.label not in NUMERIC:
        for other in sorted(b.entities, key=lambda e: (-e.mentions, e.first_sentence)):
            if other is entity or other.kind != entity.kind or other.name in in_sentence or not other.participant:
                continue
            if entity.label == "PERSON" and not other.human:
                continue  # "Storm Idris", "Rellan": not someone to offer among people
            if not other.reliable or other.term or (
                    other.label in ("ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW") and other.mentions < 2
                    and len(other.name.split()) < 2 and not other.name.isupper()):  # "Wireless": a fragment
                continue
            if entity.label == "GPE" and other.is_country != entity.is_country:
                continue
            if entity.label == "GPE" and not entity.is_country and place_kind(other.name) != place_kind(answer):
                continue  # states among states, cities among cities: not "Texas" for "Dallas"
            if entity.label == "NORP" and _people_word(other.name) != _people_word(answer):
                continue  # "Iranians" is no option for "_____ romantic comedies" ("American")
            if entity.label == "DATE" and (date_style(other.name) is None or date_style(other.name) != date_style(answer)):
                continue
            if entity.label in ("ORG", "PERSON", "GPE") and _model_code(other.name) != _model_code(answer):
                continue  # "C-190", an aircraft, among companies
            if entity.label == "TIME" and _time_style(other.name) != _time_style(answer):
                continue  # "11:20 on the night of" is no swap for "nearly two hours"
            if entity.label == "ORG" and None not in (org_class(answer), org_class(other.name)) and \
                    org_class(answer) != org_class(other.name):
                continue  # "National Assembly" is no option among parties, nor a court among companies
            pool.append(other.name.split()[-1] if entity.label == "PERSON" and len(answer.split()) == 1 else other.name)
    if entity.label == "DATE":
        pool = _dates_like(pool, answer, sentence.text)
    if entity.label == "ORG" and _acronym(answer):
        pool = [name for name in pool if _acronym(name)]  # "NSI" among "NERA", "CSA", not beside full names
    last = answer.split()[-1].lower() if answer.split() else ""
    pool.sort(key=lambda name: name.split()[-1].lower() != last)  # "Conservative Party" for "Liberal Party" first
    if entity.label in ("LOC", "FAC") and phrasing.category(answer):
        pool = [name for name in pool if phrasing.category(name)]  # a canal among canals and seas, not continents
    if entity.label in NUMERIC:
        pool = _amounts_like(b, entity, answer, in_sentence)
    from_article = len(pool)
    if entity.label in NUMERIC:
        pool += number_variants(answer)
    elif entity.label == "DATE":
        pool += date_variants(answer)
    elif entity.is_country or (entity.label == "GPE" and place_kind(answer) == "state"):
        known = WELL_KNOWN_COUNTRIES if entity.is_country else US_STATES - CITY_OR_STATE
        fallback = sorted(c.title() for c in known)
        random.Random(_seed(answer, sentence.text)).shuffle(fallback)
        pool += fallback
    chosen, article_options = [], 0
    rewritten = [re.sub(r"['\u2019]s$", "", t._.qtext.strip()) for t in sentence.span if t._.qtext]
    for position, option in enumerate(pool):
        if len(chosen) == 3:
            break
        if any(is_alias(option, form) for form in [answer, *entity.forms]) or contains_phrase(sentence.text, option):
            continue
        if entity.label == "PERSON" and len(option.split()) > 1 and contains_phrase(sentence.text, option.split()[-1]):
            continue  # "Marcus Dyer" where the stem already says "Dyer ... were remanded"
        if any(is_alias(option, name) for name in rewritten if name):
            continue  # "Mark Carney's main opponent was _____": not "Mark Carney" among the options
        if any(is_alias(option, c) for c in chosen):
            continue
        chosen.append(option)
        article_options += position < from_article
    return (chosen, article_options == 3) if len(chosen) == 3 else (None, False)


ORG_CLASSES = {
    "party": {"party", "alliance", "front", "movement", "coalition", "bloc", "league", "democrats", "republicans",
              "greens", "socialists", "conservatives", "liberals", "union"},
    "legislature": {"assembly", "parliament", "congress", "senate", "council", "duma", "diet", "house"},
    "court": {"court", "tribunal"},
    "agency": {"agency", "commission", "department", "ministry", "administration", "bureau", "office", "authority",
               "service", "directorate", "board"},
    "document": {"report", "act", "plan", "review", "study", "agreement", "treaty", "accord", "bill"},
    "company": {"inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "systems", "technologies",
                "holdings", "airlines", "motors", "bank"},
    "school": {"university", "college", "school", "institute", "academy"},
    "club": {"club", "fc", "united", "rovers", "city", "athletic", "wanderers"},
}


def _model_code(name):
    """'C-190', 'VX-218', 'A350': letters joined to digits, the way products are named."""
    return bool(re.search(r"\b[A-Z]{1,4}-?\d{2,}", name))


def _time_style(text):
    """A clock time, a length of time, or a part of the day."""
    if re.search(r"\d:\d\d|\b[ap]\.m\.|\bGMT\b|\bnoon\b|\bmidnight\b", text, re.IGNORECASE):
        return "clock"
    if re.search(r"\b(?:seconds?|minutes?|hours?)\b", text, re.IGNORECASE):
        return "length"
    return "part of day"


def _acronym(name):
    letters = name.replace(".", "").replace("&", "")
    return len(letters) >= 2 and letters.isupper() and " " not in letters


def org_class(name):
    """What kind of body a name says it is, by its head word ('Homeland Movement': a party), or None."""
    head = re.sub(r"[^a-z]", "", name.split()[-1].lower()) if name.split() else ""
    first = re.sub(r"[^a-z]", "", name.split()[0].lower()) if name.split() else ""
    for kind, heads in ORG_CLASSES.items():
        if head in heads or (kind in ("legislature", "agency", "court", "school") and first in heads):
            return kind  # "Ministry of Health", "University of Bergen": the head comes first
    return None


def _dates_like(pool, answer, sentence_text):
    """Dates a reader cannot rule out from the stem: in the month the sentence names ('sessions in May,
    beginning on _____': May dates only), and years nearest the key's first."""
    month = next((w for w in re.findall(r"[A-Z][a-z]+\.?", answer) if w.rstrip(".").lower()[:3] in MONTHS), None)
    if month and sentence_text.count(month) > answer.count(month):
        pool = [name for name in pool if month in name]
    if re.fullmatch(r"\d{4}", answer):  # not 1934 for the death of a man born in 1450: years near the key
        near = [name for name in pool if not re.fullmatch(r"\d{4}", name) or abs(int(name) - int(answer)) <= YEARS_NEAR]
        pool = sorted(near, key=lambda name: abs(int(name) - int(answer)) if re.fullmatch(r"\d{4}", name) else 10_000)
    return pool


YEARS_NEAR = 30
MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
LEADING_HEDGES = re.compile(r"^(?:(?:only|just|about|around|nearly|almost|approximately|roughly|some|over|under|up to|"
                            r"more than|less than|fewer than|at least|at most|as many as|as much as|as few as|as little as)\s+)+",
                            re.IGNORECASE)


def bare_amount(name):
    """'Only 78 percent', 'Up to 90 percent' as options beside '64 percent': '78 percent', '90 percent'."""
    return LEADING_HEDGES.sub("", name).strip() or name


def _amounts_like(b, entity, answer, in_sentence):
    """Other amounts of the story in the key's unit and near its size ('62 patients' beside '48
    patients'): plausible because the story itself gives them."""
    unit, value = _unit(answer), _value(answer)
    if value is None or not unit:
        return []
    found = []
    for other in b.entities:
        if other is entity or other.label != entity.label or other.name in in_sentence:
            continue
        other_value = _value(other.name)
        if _unit(other.name) == unit and other_value and other_value != value and 0.2 <= other_value / value <= 5:
            found.append(other.name if LEADING_HEDGES.match(answer) else bare_amount(other.name))
    return sorted(dict.fromkeys(found), key=lambda name: abs(_value(name) - value))


MAGNITUDES = {"thousand", "million", "billion", "trillion", "hundred"}


def _unit(text):
    """What an amount counts, every word after its number: 'cubic metres' is no 'metres'."""
    number = re.search(r"\d", text)
    after = text[number.start():] if number else text
    words = [w.lower() for w in re.findall(r"[A-Za-z%]+", after) if w.lower() not in MAGNITUDES]
    return " ".join(words) + ("$" if "$" in text else "")


SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _value(text):
    """The amount as a number, its magnitude word counted: '9.4 million tonnes' is 9,400,000."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if not match:
        return None
    scale = next((SCALE[w] for w in re.findall(r"[a-z]+", text[match.end():].lower())[:1] if w in SCALE), 1)
    return float(match.group(0).replace(",", "")) * scale


def _people_word(name):
    """'Iranians', 'Canadians': a nationality as a plural noun, not an adjective."""
    return name.endswith("s") and not name.endswith(("ss", "ese"))
