"""Entities across an article: one canonical name per thing, its aliases, its type.

spaCy's small model labels each mention on its own and sometimes wrongly ("Mattis"
as a place). Consolidating mentions - a surname is the person whose full name came
earlier, "U.S." is "the United States" - gives the right type, the fair alternative
answers, and distractors that are never another name for the key.
"""
import re
from dataclasses import dataclass, field

from .textnorm import norm, words

LABELS = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "FAC",
    "DATE": "DATE", "TIME": "TIME", "MONEY": "MONEY", "CARDINAL": "NUMBER", "QUANTITY": "QUANTITY",
    "PERCENT": "PERCENT", "EVENT": "EVENT", "PRODUCT": "PRODUCT", "WORK_OF_ART": "WORK_OF_ART",
    "LAW": "LAW", "LANGUAGE": "LANGUAGE",
}
# General knowledge, not any article's: keeps countries among countries in options.
COUNTRIES = {
    "afghanistan", "argentina", "australia", "austria", "bangladesh", "belgium", "brazil", "britain", "canada",
    "chile", "china", "colombia", "cuba", "denmark", "egypt", "ethiopia", "finland", "france", "germany", "greece",
    "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan", "jordan", "kenya", "lebanon",
    "libya", "malaysia", "mexico", "morocco", "nepal", "netherlands", "new zealand", "nigeria", "north korea",
    "norway", "pakistan", "peru", "philippines", "poland", "portugal", "qatar", "russia", "saudi arabia",
    "singapore", "south africa", "south korea", "spain", "sri lanka", "sudan", "sweden", "switzerland", "syria",
    "taiwan", "thailand", "turkey", "ukraine", "united kingdom", "united states", "venezuela", "vietnam", "yemen",
    "soviet union", "england", "scotland", "wales", "u.s", "u.k", "us", "uk", "united arab emirates", "qatar",
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


@dataclass
class Entity:
    """One thing the article names, with every form it is named by."""

    name: str
    label: str
    forms: set = field(default_factory=set)
    mentions: int = 0
    first_sentence: int = 0
    takes_the: bool = False  # written "the United States", not "United States"

    @property
    def is_country(self):
        return self.label == "GPE" and norm(self.name).removeprefix("the ") in COUNTRIES


def strip_article(text):
    """'the United States' -> 'United States'; the answer key never starts with 'the'."""
    return re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


def initials(text):
    return "".join(w[0] for w in words(text) if w[0].isalpha())


def is_alias(a, b):
    """True when a and b name the same thing as far as a reader is concerned."""
    na, nb = norm(strip_article(a)), norm(strip_article(b))
    if not na or not nb:
        return False
    if na == nb:
        return True
    wa, wb = words(na), words(nb)
    if _contains(wa, wb) or _contains(wb, wa):
        return True
    compact_a, compact_b = re.sub(r"[^a-z]", "", na), re.sub(r"[^a-z]", "", nb)
    return (len(wb) > 1 and compact_a == initials(nb)) or (len(wa) > 1 and compact_b == initials(na))


def _contains(hay, needle):
    return any(hay[i : i + len(needle)] == needle for i in range(len(hay) - len(needle) + 1))


def consolidate(sentences):
    """Map each (sentence index, mention text) to one Entity; return (entities, lookup)."""
    entities, lookup = [], {}
    people = []
    for index, sent in enumerate(sentences):
        for ent in sent.ents:
            label = LABELS.get(ent.label_)
            text = strip_article(ent.text)
            if not label or not words(text):
                continue
            entity = _match(entities, people, text, label)
            if entity is None:
                entity = Entity(name=text, label=label, first_sentence=index)
                entities.append(entity)
                if label == "PERSON":
                    people.append(entity)
            entity.forms.add(text)
            entity.mentions += 1
            entity.takes_the |= _written_with_the(ent)
            lookup[(index, ent.start_char)] = entity
    return entities, lookup


def _written_with_the(ent):
    """'the United States' yes; 'the Iran nuclear deal' no (there 'the' belongs to 'deal')."""
    if ent.root.dep_ in ("compound", "amod", "nmod", "poss"):
        return False
    return ent.text.lower().startswith("the ") or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the")


def _match(entities, people, text, label):
    tokens = words(text)
    for person in people:  # a surname, whatever label the model gave it, is the person met earlier
        if len(tokens) == 1 and tokens[0] == words(person.name)[-1]:
            return person
        if len(tokens) > 1 and tokens[-1] == words(person.name)[-1] and tokens[0] == words(person.name)[0]:
            return person
    for entity in entities:
        if entity.label == label and is_alias(entity.name, text) and label not in ("NUMBER", "MONEY", "PERCENT", "DATE", "QUANTITY", "TIME"):
            return entity
        if entity.label == label and norm(entity.name) == norm(text):
            return entity
    return None


def date_style(text):
    """A coarse format class so date options look alike: weekday, year, month day, ..."""
    t = text.strip()
    if t in WEEKDAYS:
        return "weekday"
    if re.fullmatch(r"(in )?\d{4}", t):
        return "year"
    if re.fullmatch(r"[A-Z][a-z]+\.? \d{1,2}, \d{4}", t):
        return "month-day-year"
    if re.fullmatch(r"[A-Z][a-z]+\.? \d{1,2}", t):
        return "month-day"
    if re.fullmatch(r"[A-Z][a-z]+ \d{4}", t):
        return "month-year"
    if t in MONTHS:
        return "month"
    if re.fullmatch(r"\d+ (years?|months?|weeks?|days?|decades?)", t):
        return "duration:" + re.sub(r"s$", "", t.split()[1])
    return None


def _numbers(text):
    return re.findall(r"\d[\d,]*(?:\.\d+)?", text)


def number_variants(text):
    """Same-unit, same-magnitude variants of a number phrase: '$6 billion' -> '$4 billion', ..."""
    found = _numbers(text)
    if len(found) != 1:
        return []
    raw = found[0]
    value = float(raw.replace(",", ""))
    if value == 0:
        return []
    is_year = re.fullmatch(r"(1[5-9]|20)\d\d", raw) is not None
    if is_year:
        candidates = [value - 3, value - 1, value + 2, value + 4]
    elif value < 10 and value == int(value):
        candidates = [value + d for d in (-2, -1, 1, 2, 3, 5)]
    else:
        candidates = [value * f for f in (0.5, 0.75, 1.5, 2, 3)]
    out = []
    for candidate in candidates:
        if candidate <= 0 or candidate == value:
            continue
        shown = _format_like(raw, candidate)
        variant = text.replace(raw, shown, 1)
        if variant != text and variant not in out:
            out.append(variant)
    return out


def _format_like(raw, value):
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    if decimals:
        return f"{value:,.{decimals}f}" if "," in raw else f"{value:.{decimals}f}"
    value = round(value)
    return f"{value:,}" if "," in raw else str(value)


def date_variants(text):
    """Same-style variants of a date: other weekdays, other months, shifted years."""
    style = date_style(text)
    if style == "weekday":
        i = WEEKDAYS.index(text.strip())
        return [WEEKDAYS[(i + d) % 7] for d in (1, 2, -1, 3)]
    if style == "month":
        i = MONTHS.index(text.strip())
        return [MONTHS[(i + d) % 12] for d in (2, 4, -3, 6)]
    if style in ("year", "month-day-year", "month-year") or (style or "").startswith("duration"):
        return number_variants(text) if style != "month-day-year" else _shift_year(text)
    if style == "month-day":
        day = int(_numbers(text)[0])
        return [re.sub(r"\d{1,2}$", str(d), text) for d in {(day + 9) % 28 + 1, (day + 17) % 28 + 1, (day + 4) % 28 + 1} if d != day]
    return []


def _shift_year(text):
    year = int(text[-4:])
    return [text[:-4] + str(year + d) for d in (-2, -1, 1, 3)]
