"""Options for a multiple-choice item: three things of the key's kind from the same article.

Never another name for the key, never a name of its own sentence, never a fragment; a
state among states, a party among parties; numbers and dates in the key's own format.
"""
import hashlib
from collections import Counter
import random
import re

from . import phrasing
from .amounts import (article_now, date_style, date_variants, earlier_dates, future_stem, later_dates, number_variants,
                      in_past_tense, past_tense_year, told_as_past, year_month)
from . import kinds
from .kinds import described
from .names import leading_title, person_genders
from .bounds import (LEADING_HEDGES, _unit, _value, bare_amount, change_bound, later_year, magnitude,  # noqa: F401
                     stem_allows, stem_bound)
from . import stem_fit
from .entities import CITY_OR_STATE, US_STATES, WELL_KNOWN_COUNTRIES, is_alias, place_kind
from .textnorm import contains_phrase

NUMERIC = {"MONEY", "NUMBER", "PERCENT", "QUANTITY"}


def _seed(*parts):
    return int(hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12], 16)


def options_for(b, entity, answer, sentence, ent=None, stem_end=None):
    """Three options of the same type and format as the key, never another name for it,
    and whether all three come from the article itself. `stem_end`: where the prompt cuts the sentence
    short (the stem's own words, that rule options out, end there)."""
    in_sentence = b.names_in[sentence.index]
    stem = sentence.span if stem_end is None else sentence.span.doc[sentence.span.start : stem_end]
    pool = []
    if entity.label not in NUMERIC:
        pool = [name for name in typed_pool(b, entity, answer, sentence, ent, stem)]
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
        month = article_month(b.text)
        if month is not None and answer.strip() in MONTH_NAMES:
            pool += [m for m in MONTH_NAMES if m not in pool]  # enough months on the key's side of the date
            pool = [m for m in pool if _same_side(m, answer, month)]
    now = story_now(b, answer) if entity.label == "DATE" and ent is not None and year_month(answer) is not None else None
    key_date = year_month(answer) if now is not None else None
    to_come = key_date is not None and (future_stem(ent) or article_now(b.text) is not None and key_date[0] > now[0])
    if to_come and key_date > now:
        pool = [o for o in pool if year_month(o) is not None and year_month(o) > now]  # a date to come: no past one
        pool += later_dates(answer, now)
    elif key_date is not None and not future_stem(ent):
        latest = max(now[0], key_date[0])
        if in_past_tense(ent):  # "was appointed in _____": no later than what the story tells as done
            latest = max(past_tense_year(b, answer) or key_date[0], key_date[0])
        pool = [o for o in pool if year_month(o) is None or year_month(o)[0] <= latest]  # past: no future option
        pool += [d for d in earlier_dates(answer) if year_month(d) is not None and year_month(d)[0] <= latest]
    if entity.label in NUMERIC:
        pool = [o for o in pool if stem_allows(sentence.text, answer, o) and _same_precision(o, answer)]
    if entity.label in NUMERIC or entity.label == "DATE":
        pool = [o for o in pool if not stem_fit.stated_amount(o, stem, ent)]  # "three to five years": not "5 years"
    if entity.label == "DATE" and ent is not None:
        pool = [o for o in pool if stem_fit.same_side_of_stem_dates(o, answer, stem, ent)]
    if entity.label == "DATE" and re.fullmatch(r"\d{4}", answer.strip()):
        later = later_year(sentence.text, answer)
        if later is not None:
            pool = [o for o in pool if not re.fullmatch(r"\d{4}", o.strip()) or int(o) < later]
    elif entity.is_country or (entity.label == "GPE" and place_kind(answer) == "state"):
        known = WELL_KNOWN_COUNTRIES if entity.is_country else US_STATES - CITY_OR_STATE
        fallback = sorted(c.title() for c in known)
        random.Random(_seed(answer, sentence.text)).shuffle(fallback)
        pool += fallback
    chosen, article_options = [], 0
    slot = _slot_article(ent) if entity.label not in NUMERIC | {"DATE", "TIME"} else None
    rewritten = [re.sub(r"['\u2019]s$", "", t._.qtext.strip()) for t in sentence.span if t._.qtext]
    if entity.label == "PERSON" and leading_title(answer):
        return None, False  # "Superintendent X" among bare names is the odd one out: typed instead
    for position, option in enumerate(pool):
        if len(chosen) == 3:
            break
        if entity.label == "PERSON" and leading_title(option):
            option = option.split(" ", 1)[1]  # "Lorraine Abernathy" beside "Ray Oyelaran", no title of her own
        if any(is_alias(option, form) for form in [answer, *entity.forms]) or contains_phrase(sentence.text, option):
            continue
        if entity.label == "PERSON" and option.split()[-1] == answer.split()[-1]:
            continue  # "Ms Dunmore" is "Claire Dunmore" again
        if entity.label == "PERSON" and len(answer.split()) > 1 and len(option.split()) == 1:
            continue  # "Goli" among full names: the one name that is not a full name is no option
        if entity.label == "PERSON" and len(option.split()) > 1 and contains_phrase(sentence.text, option.split()[-1]):
            continue  # "Marcus Dyer" where the stem already says "Dyer ... were remanded"
        if any(is_alias(option, name) for name in rewritten if name):
            continue  # "Mark Carney's main opponent was _____": not "Mark Carney" among the options
        if any(is_alias(option, c) for c in chosen) or (
                entity.label == "ORG" and stem_fit.named_by_kind_noun(option, answer, stem, ent)):
            continue  # "... but urged the bank to pause": no bank among the options for who urged it
        if entity.label == "PERSON" and any(option.split()[-1] == c.split()[-1] for c in chosen):
            continue  # "Ms Dunmore" beside "Claire Dunmore": one person twice
        other = b.by_name.get(option) if slot is not None else None
        if other is not None and slot == "the" and not other.takes_the:
            continue  # "the _____": a name never written with "the" does not fit, whatever its kind
        if other is not None and slot == "bare" and other.takes_the and not entity.takes_the and \
                kinds.sort_of(b, other) == "place" and not (other.is_country or entity.is_country):
            option = "the " + option  # "the market in _____": "the Varn Islands", as the article writes it
            # (countries keep name_items' rule: with "the" beside those without, no multiple choice)
        chosen.append(option)
        article_options += position < from_article
    return (chosen, article_options == 3) if len(chosen) == 3 else (None, False)


def _slot_article(ent):
    """'the' when the blank comes after 'the', 'bare' inside a sentence without it, None at its start."""
    if ent is None or ent.start <= ent.sent.start or ent.text.lower().startswith("the ") or \
            ent.root.dep_ in ("compound", "amod", "nmod", "poss"):
        return None  # "the _____ nuclear deal": "the" is the deal's, any country fits
    return "the" if ent.doc[ent.start - 1].lower_ == "the" else "bare"


def story_now(b, answer=None):
    """(year, month) the story is told from: its date line, else the latest year it tells of in a clause
    that is not about the future ('went public in 2013', not 'expects to release in 2027'), the key's own
    year aside; None without such years."""
    dated = article_now(b.text)
    if dated is not None:
        return dated
    if getattr(b, "_past_years", None) is None:
        years = [e for s in b.sentences for e in s.span.ents
                 if e.label_ == "DATE" and re.search(r"\b(1[5-9]|20)\d\d\b", e.text) and not future_stem(e)]
        done = [e for e in years if told_as_past(e)]  # "passed 400 in 2021", not "to reach Jupiter by 2030"
        b._past_years = [(year_month(e.text)[0], e.text) for e in done or years]
    past = [year for year, text in b._past_years if answer is None or year_month(text) != year_month(answer)]
    return (max(past), 12) if past else None


def swap_for(b, entity, answer, sentence, ent=None, stem=None, by_stem_gender=True):
    """One name of the article of the key's kind to swap into a false statement, or None
    (for a key that has too few such names for a multiple choice)."""
    for option in typed_pool(b, entity, answer, sentence, ent, stem, by_stem_gender):
        if not (any(is_alias(option, form) for form in [answer, *entity.forms])
                or contains_phrase(sentence.text, option)):
            return option
    return None


def described_as(key):
    """'the Harbor Accord, a ten-year programme': the common noun the sentence puts beside the key in
    apposition ('programme'), or None."""
    appos = next((t for t in key.root.children if t.dep_ == "appos" and t.i >= key.end and t.pos_ == "NOUN"
                  and not t.ent_type_), None)
    return appos.lemma_.lower() if appos is not None else None


def fits_description(b, option, noun):
    """Whether the article says the option is that kind of thing too: described so ('Y, a programme'), named so
    ('the Coast Programme'), or a body of the same class ('the Water Agency' for 'an agency'). Another name
    in its place would make 'Y, a ten-year programme' of a survey office or a storm class."""
    if b.descriptors.get(option) == noun or (option.split() and option.split()[-1].lower() in (noun, noun + "s")):
        return True
    noun_class = org_class(noun)
    return noun_class is not None and org_class(option) == noun_class


def typed_pool(b, entity, answer, sentence, ent=None, stem=None, by_stem_gender=True):
    """Names of the article of the key's kind, most mentioned first: the same label and
    finer kind, the same sort by the article's own evidence (kinds.py: a place for a place, a
    company for a company), the same class of body; never a name of the key's own sentence."""
    in_sentence = b.names_in[sentence.index]
    key_sort = kinds.sort_of(b, entity, ent) if entity.label in kinds.SORTED_LABELS else None
    key_class = body_class(b, entity, answer)
    own = _own_bodies(b, entity)
    key_grain = kinds.kind_table(b).get(entity.name, (None, None))[1]
    genders = person_genders(b) if entity.label == "PERSON" else {}
    said = stem_fit.stem_gender(b, sentence, ent, stem) if entity.label == "PERSON" and ent is not None and \
        by_stem_gender else None
    key_gender = said or genders.get(entity.name)
    for other in sorted(b.entities, key=lambda e: (kinds.kind_table(b).get(e.name, (None, None))[1] != key_grain,
                                                   bool(key_gender) and genders.get(e.name) != key_gender,
                                                   -e.mentions, e.first_sentence)):
        if other is entity or other.name in in_sentence or not other.participant:
            continue
        if other.name in own or entity.name in _own_bodies(b, other):
            continue  # "Ilves said" -> "Corvane said": her own company said so too, a false statement still true
        if not kinds.same_kind(b, entity, key_sort, other):
            continue
        if entity.label == "PERSON" and not other.human:
            continue  # "Storm Idris", "Rellan": not someone to offer among people
        if entity.label == "PERSON" and not kinds.same_role(b, entity, other):
            continue  # a coach among players, a player for the referee
        if entity.label == "PERSON" and len({key_gender, genders.get(other.name)} - {None}) > 1:
            continue  # "the local MP, _____, said he ...": no woman the article calls "she" among the options
        if said is not None and genders.get(other.name) != said:
            continue  # "_____, who runs a firm, said she ...": only women the article calls "she" or "Ms"
        if not (other.reliable or other.label != entity.label and described(b, other, key_sort)) or other.term or (
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
        if entity.label == "ORG" and not _same_class(key_class, body_class(b, other)):
            continue  # "National Assembly" is no option among parties, nor a court among companies
        if other.label != entity.label and key_sort == "org" and (key_class is None or body_class(b, other) != key_class):
            continue  # a body the model labels otherwise: only of the key's known class (a company for a company)
        if key_sort is not None and kinds.sort_of(b, other) != key_sort:
            continue  # a town or a wind farm among companies, though the model calls all three "ORG"
        yield (surname(other.name) if entity.label == "PERSON" and len(answer.split()) == 1 else other.name)


def _own_bodies(b, entity):
    """The organisations the article gives the person (speakers.affiliations, by full name or surname)."""
    if getattr(b, "_affiliations", None) is None:
        from .speakers import affiliations
        b._affiliations = affiliations(b.sentences, b.lookup)
    return {b._affiliations[form] for form in {entity.name, *entity.forms} if form in b._affiliations}


POST_NOMINALS = {"KC", "QC", "Jr.", "Jr", "Sr.", "Sr", "MP", "OBE", "CBE", "MBE", "II", "III", "PhD"}


def surname(name):
    """'Richard Penhale KC' -> 'Penhale': the last word that is a name, not letters after it."""
    tokens = [t for t in name.replace(",", " ").split() if t not in POST_NOMINALS] or name.split()
    return tokens[-1]


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
    "association": {"federation", "confederation", "association", "chamber", "guild", "society"},  # of members
    "charity": {"charity", "foundation", "trust"},
    "club": {"club", "fc", "united", "rovers", "city", "athletic", "wanderers"},
}


def body_class(b, entity, answer=None):
    """What kind of body an organisation is: by its own name's head word, then by the article's
    descriptors of it ('Helix, a chip maker': a company), or None."""
    return (org_class(entity.name) or (org_class(answer) if answer else None)
            or described_class(b, entity))


NOUN_CLASSES = {  # the class of body a descriptor says (org_class says it from the name)
    "company": {"company", "firm", "business", "corporation", "maker", "manufacturer", "startup", "retailer",
                "lender", "insurer", "automaker", "carmaker", "chipmaker", "publisher", "broadcaster", "developer",
                "producer", "chain", "brand", "bank", "airline", "carrier", "operator", "supplier", "contractor",
                "utility", "giant", "conglomerate", "distributor", "exporter", "importer", "miner", "provider",
                "subsidiary", "newspaper"},
    "school": {"university", "college", "school", "institute", "academy"},
    "party": {"party"},
    "agency": {"agency", "regulator", "authority", "ministry", "department", "watchdog", "commission", "board",
               "body"},
    "union": {"union"},
    "court": {"court", "tribunal"},
    "association": {"federation", "confederation", "association", "chamber", "guild", "society", "lobby"},
    "charity": {"charity", "foundation", "trust"},
}


def described_class(b, entity):
    """The class of body the article's own descriptors give a name ('Helix, a chip maker': a company), or None."""
    nouns = Counter(noun for sort, _, noun in kinds.article_votes(b).get(entity.name, []) if sort == "org" and noun)
    for noun, _ in nouns.most_common():
        for kind, members in NOUN_CLASSES.items():
            if noun in members:
                return kind
    return None


STRICT_CLASS = True  # a key of a known class takes options known to be of that class only


def _same_class(key_class, other_class):
    if key_class is None:
        return True
    return other_class == key_class if STRICT_CLASS else other_class in (None, key_class)


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
    tokens = kinds.before_of(name.split())  # "Technical University of Lindau": the head comes before "of"
    head = re.sub(r"[^a-z]", "", tokens[-1].lower()) if tokens else ""
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
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December"]
DATELINE = re.compile(r"^[A-Z][A-Z.'\- ]+,\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
                      r"\s+\d{1,2}\b", re.MULTILINE)


def article_month(text):
    """The month of the article's dateline ('TORVEN, Aug. 6 —'), 1-12, or None."""
    match = DATELINE.search(text)
    if not match:
        return None
    return [m[:3].lower() for m in MONTH_NAMES].index(match.group(1)[:3].lower()) + 1


def _same_side(option, answer, month):
    """A month on the same side of the article's month as the key: before it for what happened
    ('Temperatures in June were ...' in an August story), after it for a forecast ('into September')."""
    key, other = MONTH_NAMES.index(answer.strip()) + 1, MONTH_NAMES.index(option) + 1 if option in MONTH_NAMES else None
    if other is None or key == month:
        return other is not None and other != month
    return (other - month) * (key - month) > 0


MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}


def _same_precision(option, answer):
    """'11.2 percent' among '9 percent', '18 percent', '12 percent' is the one with a decimal (readers of r17: the
    odd one out); amounts in a magnitude word ('$2.4 billion', '$3 billion') are written either way."""
    decimal = lambda text: bool(re.search(r"\d\.\d", text))  # noqa: E731
    return bool(magnitude(answer)) or decimal(option) == decimal(answer)


def _amounts_like(b, entity, answer, in_sentence):
    """Other amounts of the story in the key's unit, magnitude word and near its size ('62 patients' beside '48
    patients'; '$1.1 billion', not '$600 million', beside '$2.4 billion'): plausible because the story gives them."""
    unit, value = _unit(answer), _value(answer)
    if value is None or not unit:
        return []
    found = []
    for other in b.entities:
        if other is entity or other.label != entity.label or other.name in in_sentence:
            continue
        other_value = _value(other.name)
        if magnitude(other.name) != magnitude(answer):
            continue  # "$2.4 billion" among "$600 million" and "$502 million" is the odd one out
        if _unit(other.name) == unit and other_value and other_value != value and 0.2 <= other_value / value <= 5:
            found.append(other.name if LEADING_HEDGES.match(answer) else bare_amount(other.name))
    return sorted(dict.fromkeys(found), key=lambda name: abs(_value(name) - value))


def _people_word(name):
    """'Iranians', 'Canadians': a nationality as a plural noun, not an adjective."""
    return name.endswith("s") and not name.endswith(("ss", "ese"))
