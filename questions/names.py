"""Names made whole in the parsed paragraphs, before anything is asked of them.

The small model tags each mention on its own: it sees a name in one sentence and misses it in
the next, stops at 'Android' in 'Android 15', never tags some names at all, and makes one date
of an age and a year. These steps mend the docs of one article together.
"""
import re
from collections import Counter

from .amounts import MONTHS, WEEKDAYS
from .lexicon import BODY_ENDINGS
from .stem_fit import noun_gender

NAMELESS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}


def propagate_names(docs):
    """Mark every other mention of a name the model found somewhere in the article.

    The model may see "Farsi" in one sentence and miss it in the next; a name is the
    same name wherever it occurs in one article."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc, Span
    from spacy.util import filter_spans

    patterns = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ not in NAMELESS and ent.text[:1].isupper() and len(ent.text) > 1:
                patterns.setdefault(ent.text, (Counter(), ent))[0][ent.label_] += 1
    if not patterns:
        return
    matcher = PhraseMatcher(docs[0].vocab)
    surnames = set()
    for labels, ent in patterns.values():
        label = labels.most_common(1)[0][0]
        matcher.add(label, [ent.as_doc()])
        last = ent[-1]
        if label == "PERSON" and len(ent) > 1 and last.is_alpha and last.is_title and last.text not in patterns:
            surnames.add(last.text)  # "Margaret Osei", then "Osei received ...": the model may never tag "Osei"
    if surnames:
        matcher.add("PERSON", [Doc(docs[0].vocab, words=[surname]) for surname in sorted(surnames)])
    for doc in docs:
        found = [Span(doc, start, end, label=label) for label, start, end in matcher(doc)
                 if end - start > 1 or doc[start].text not in surnames or doc[start].pos_ == "PROPN"]
        if found:  # the longer name wins: "Lockheed Martin" over "Lockheed" + "Martin"
            doc.ents = filter_spans(list(doc.ents) + found)


UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "meter", "kilometer", "mile",
         "foot", "inch", "kilogram", "gram", "pound", "ton", "liter", "gallon", "percent"}


def tag_untagged_names(docs):
    """'A rocket named Endurance': a capitalised name the small model never tags, written two or more
    times in the article (and once at least inside a sentence), is a name of unknown type."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    runs, counts, inside = [], Counter(), set()
    for doc in docs:
        i = 0
        while i < len(doc):
            token = doc[i]
            if token.pos_ == "PROPN" and not token.ent_type_ and token.text[:1].isupper() and token.is_alpha:
                j = i
                while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN" and not doc[j + 1].ent_type_ and doc[j + 1].is_alpha:
                    j += 1
                text = doc[i : j + 1].text
                runs.append((doc, i, j + 1, text))
                counts[text] += 1
                if not token.is_sent_start:
                    inside.add(text)
                i = j + 1
            else:
                i += 1
    found = {}
    for doc, start, end, text in runs:
        if end - start >= 2 and doc[end - 1].lower_ in BODY_ENDINGS and doc[end - 1].text[:1].isupper():
            found.setdefault(id(doc), (doc, []))[1].append(Span(doc, start, end, label="ORG"))  # "Orlan Reed Guild"
        elif counts[text] >= 2 and text in inside and text.lower() not in STOP_NAMES:
            found.setdefault(id(doc), (doc, []))[1].append(Span(doc, start, end, label="MISC"))
    for doc, spans in found.values():
        doc.ents = filter_spans(list(doc.ents) + spans)


STOP_NAMES = {"i", "mr", "mrs", "ms", "dr", "st", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday"}


def join_name_numbers(docs):
    """'Android 15', 'Apollo 11', 'Landsat-9', 'Gemini VII': a name and the number that belongs to it
    are one name (the small model stops at 'Android' and calls '15' a count)."""
    from spacy.tokens import Span

    for doc in docs:
        found = []
        for ent in doc.ents:
            if ent.label_ not in ("ORG", "PRODUCT", "PERSON", "GPE", "FAC", "EVENT", "WORK_OF_ART", "LAW"):
                continue
            end = ent.end
            if end + 1 < len(doc) + 1 and end < len(doc) and doc[end].text == "-" and not ent[-1].whitespace_:
                end += 1  # "Landsat-9"
            if end >= len(doc):
                continue
            number = doc[end]
            roman = re.fullmatch(r"[IVX]{1,5}", number.text) and ent.label_ != "PERSON"
            if not (number.like_num and number.text[:1].isdigit() and len(number.text) <= 4 or roman):
                continue
            after = doc[end + 1] if end + 1 < len(doc) else None
            if after is not None and (after.text in ("%", "percent") or after.like_num or after.lower_ in UNIT_WORDS):
                continue  # "Google 15 percent", "NASA 2 million": an amount, not part of the name
            if ent.label_ == "PERSON" or doc[ent.end - 1].text[:1].islower():
                continue
            found.append(Span(doc, ent.start, end + 1, label=ent.label_ if ent.label_ != "PERSON" else "PRODUCT"))
        _put_ents(doc, found)


UNIT_WORDS = {"million", "billion", "trillion", "thousand", "hundred", "years", "days", "people", "times", "miles",
              "kilometers", "meters", "feet", "percent", "degrees", "hours", "minutes", "seconds", "months", "weeks"}


MEASURES = {"gigawatt", "megawatt", "kilowatt", "watt", "volt", "kilometer", "kilometre", "km", "mile", "meter",
            "metre", "foot", "feet", "inch", "centimeter", "centimetre", "millimeter", "millimetre", "ton", "tonne",
            "milliliter", "millilitre", "kilolitre", "centilitre", "megalitre", "milligram", "microgram",
            "pound", "kilogram", "kg", "gram", "liter", "litre", "gallon", "barrel", "degree", "acre", "hectare",
            "calorie", "byte", "gigabyte", "terabyte", "knot", "decibel"}


def _put_ents(doc, found):
    """The joined spans in place of the entities they cover."""
    from spacy.util import filter_spans

    if found:
        doc.ents = filter_spans(found + [e for e in doc.ents if not any(f.start <= e.start < f.end for f in found)])


def trim_between(docs):
    """'between 150 millilitres and 3 litres' tagged as 'between 150' and '3 litres': 'between' is no part of
    the lower end (an option 'between 225' would carry it), the amount is '150'; '$3.9 billion to' is
    '$3.9 billion'; a range the model tags whole ('between $4 million and $5 million') stays one."""
    from spacy.tokens import Span

    for doc in docs:
        found = []
        for ent in doc.ents:
            if ent.label_ not in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT") or len(ent) < 2:
                continue
            start, end = ent.start, ent.end
            if ent[-1].lower_ in ("to", "and", "or", "-", "\u2013"):
                end -= 1  # "$3.9 billion to $4.05 billion" tagged as "$3.9 billion to": the end of a range
            if ent[0].lower_ in ("between", "from") and not any(t.lower_ in ("and", "to") for t in doc[start:end]):
                start += 1
            if (start, end) != (ent.start, ent.end) and end > start:
                found.append(Span(doc, start, end, label=ent.label_))
        _put_ents(doc, found)


CURRENCY_SIGNS = {"$", "\u00a3", "\u20ac", "\u00a5"}


def join_currency_signs(docs):
    """'starts at $1,699', 'to $24.50': the model tags the number as money and leaves the sign out, so a blank
    over it reads '$_____' and the key has no currency; the amount is the sign with its number."""
    from spacy.tokens import Span

    for doc in docs:
        found = [Span(doc, ent.start - 1, ent.end, label="MONEY") for ent in doc.ents
                 if ent.label_ in ("MONEY", "CARDINAL") and ent.start > 0 and doc[ent.start - 1].text in CURRENCY_SIGNS
                 and not doc[ent.start - 1].whitespace_]
        _put_ents(doc, found)


def join_measures(docs):
    """'nearly 20 gigawatts', '560 kilograms': the model calls the number a count and leaves the unit out;
    the amount is the number with its unit."""
    from spacy.tokens import Span

    for doc in docs:
        found = []
        for ent in doc.ents:
            if ent.label_ != "CARDINAL" or ent.end >= len(doc):
                continue
            unit = doc[ent.end]
            if unit.pos_ == "NOUN" and unit.lemma_.lower() in MEASURES | {u + "s" for u in MEASURES}:
                found.append(Span(doc, ent.start, ent.end + 1, label="QUANTITY"))
        _put_ents(doc, found)


def join_tallies(docs):
    """'voted 7-2', 'won 3-2', 'a 55-45 split': the model takes the first number alone; the tally is both."""
    from spacy.tokens import Span

    for doc in docs:
        found = []
        for ent in doc.ents:
            if ent.label_ != "CARDINAL" or ent.end + 1 >= len(doc):
                continue
            dash, other = doc[ent.end], doc[ent.end + 1]
            if (dash.text in ("-", "\u2013") and not doc[ent.end - 1].whitespace_ and not dash.whitespace_
                    and other.text.isdigit() and ent.text.isdigit()):
                found.append(Span(doc, ent.start, ent.end + 2, label="CARDINAL"))
        _put_ents(doc, found)


def join_fractions(docs):
    """'about three-and-a-half hours': the model stops at 'about three'; the amount is the whole phrase."""
    from spacy.tokens import Span

    for doc in docs:
        found = []
        for ent in doc.ents:
            if ent.label_ != "CARDINAL":
                continue
            words_after, i = [], ent.end
            while i < len(doc) and len(words_after) < 4:
                if doc[i].text != "-":
                    words_after.append(doc[i])
                i += 1
            if [t.lower_ for t in words_after[:3]] == ["and", "a", "half"] and len(words_after) == 4:
                unit = words_after[3]
                if unit.lemma_.lower() in UNITS:
                    label = "TIME" if unit.lemma_.lower() in ("second", "minute", "hour") else "QUANTITY"
                    found.append(Span(doc, ent.start, unit.i + 1, label=label))
        _put_ents(doc, found)


PERSON_ROLES = {"captain", "coach", "manager", "referee", "umpire"}


def job_before_name(token):
    """'Midfielder' in 'Midfielder Ana Ruiz', 'back' of 'centre-back Ana Ruiz': a job written in front of a
    name (capitalised only when it starts the sentence)."""
    from .lexicon import OCCUPATION_WORDS
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    word = token.lower_
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_:
        word = f"{doc[token.i - 2].lower_}-{word}"
    return (word in OCCUPATION_WORDS | PERSON_ROLES and after is not None and after.pos_ == "PROPN"
            and after.text[:1].isupper() and (token.is_lower or token.i == token.sent.start))


def trim_jobs(docs):
    """'Striker Ana Ruiz' tagged as one organisation: the job is no part of the name, and the name
    after it is a person's ('goalkeeper Ana Ruiz' tagged as a place or a body too)."""
    from spacy.tokens import Span

    for doc in docs:
        fixed, changed = [], False
        for ent in doc.ents:
            start = ent.start + 1 if len(ent) > 1 and job_before_name(ent[0]) else ent.start
            named = doc[start : ent.end]
            job = start > ent.start or (start > 0 and job_before_name(doc[start - 1]))
            if job and (ent.label_ != "PERSON" or start > ent.start) and 1 <= len(named) <= 3 and all(
                    t.is_alpha and t.text[:1].isupper() for t in named):
                fixed.append(Span(doc, start, ent.end, label="PERSON"))
                changed = True
            else:
                fixed.append(ent)
        if changed:
            doc.ents = fixed


def split_two_values(docs):
    """'from 38 percent to 20 percent' tagged as one amount: two values, each with its unit, two facts (the
    old and the new); a range said with 'between' stays one ('between $4 million and $5 million')."""
    from spacy.tokens import Span

    from .checker import two_values

    for doc in docs:
        fixed, changed = [], False
        for ent in doc.ents:
            joint = next((t for t in ent if t.lower_ in ("to", "and", "or") and ent.start < t.i < ent.end - 1), None)
            between = ent.start > 0 and doc[ent.start - 1].lower_ == "between" or ent[0].lower_ == "between"
            if (ent.label_ in ("PERCENT", "MONEY", "QUANTITY", "CARDINAL") and joint is not None and not between
                    and two_values(ent.text)):
                fixed += [Span(doc, ent.start, joint.i, label=ent.label_), Span(doc, joint.i + 1, ent.end, label=ent.label_)]
                changed = True
            else:
                fixed.append(ent)
        if changed:
            doc.ents = fixed


def trim_dates(docs):
    """'children under 15 in 2018': the model makes one date of an age and a year; the date is '2018'.
    'in January, days before he left': the date ends at the comma."""
    from spacy.tokens import Span

    for doc in docs:
        fixed, changed = [], False
        for ent in doc.ents:
            joint = next((t for t in ent if t.lower_ == "in" and t.i > ent.start), None)
            year = doc[joint.i + 1 : ent.end] if joint is not None else None
            before = doc[ent.start : joint.i] if joint is not None else None
            comma = next((t for t in ent if t.text == "," and t.i > ent.start), None)
            if (ent.label_ == "DATE" and year is not None and len(year) == 1 and re.fullmatch(r"\d{4}", year.text)
                    and any(t.like_num for t in before) and not any(t.text in MONTHS or t.text in WEEKDAYS for t in before)):
                fixed.append(Span(doc, year.start, year.end, label="DATE"))
                changed = True
            elif ent.label_ == "DATE" and _period_then_count(ent):
                # "Last year 38,000 planned operations were cancelled": the period, then the count
                fixed += [Span(doc, ent.start, ent.start + 2, label="DATE"),
                          Span(doc, ent.start + 2, ent.end, label="CARDINAL")]
                changed = True
            elif ent.label_ == "DATE" and (count_end := _count_in_period(ent)) is not None:
                fixed.append(Span(doc, ent.start, count_end, label="DATE"))  # "on 63 days last year"
                changed = True
            elif ent.label_ == "DATE" and comma is not None and comma.i + 1 < ent.end and not doc[comma.i + 1].like_num:
                fixed.append(Span(doc, ent.start, comma.i, label="DATE"))  # "in January, days before ...": "January"
                changed = True
            else:
                fixed.append(ent)
        if changed:
            doc.ents = fixed


COUNTED_UNITS = {"day", "night", "week", "month", "weekend", "hour"}
PERIODS = {("last", "year"), ("this", "year"), ("last", "month"), ("this", "month"), ("last", "week"), ("this", "week")}


def _count_in_period(ent):
    """'63 days last year': the model makes one date of a count and the period it was counted in; the
    count ('63 days') is what the sentence tells, the period is true only when the story ran. The end of
    the count, or None."""
    words = [t.lower_ for t in ent]
    if len(words) != 4 or not ent[0].like_num or ent[1].lemma_.lower() not in COUNTED_UNITS:
        return None
    return ent.start + 2 if tuple(words[2:]) in PERIODS else None


def _period_then_count(ent):
    """'Last year 38,000': a period the model ran into the count that follows it (a count, not a year)."""
    words = [t.lower_ for t in ent]
    return (len(words) == 3 and tuple(words[:2]) in PERIODS and ent[2].like_num and ent[2].text[:1].isdigit()
            and not re.fullmatch(r"(1[89]|20)\d\d", ent[2].text))


HE, SHE = {"he", "him", "his", "himself", "mr", "mr.", "sir", "lord"}, {"she", "her", "hers", "herself", "ms", "ms.",
                                                                        "mrs", "mrs.", "miss", "dame", "lady"}


def person_genders(b):
    """{person's name: 'm' or 'f'} where the article says so: a title before the name ('Ms', 'Mr'), or 'he'/'she'
    in the sentence of a mention where no other person is named, or opening the next sentence. Cached."""
    if getattr(b, "_genders", None) is not None:
        return b._genders
    votes = {}
    for index, sentence in enumerate(b.sentences):
        people = {b.lookup[(index, e.start_char)].name for e in sentence.span.ents
                  if (index, e.start_char) in b.lookup and b.lookup[(index, e.start_char)].label == "PERSON"
                  and b.lookup[(index, e.start_char)].human and e.root.dep_ not in ("compound", "amod", "nmod")}
        # not "Lumen customer records", a company the model took for a person
        for ent in sentence.span.ents:
            entity = b.lookup.get((index, ent.start_char))
            if entity is None or entity.label != "PERSON":
                continue
            count = votes.setdefault(entity.name, Counter())
            titles = {ent[0].lower_} | ({ent.doc[ent.start - 1].lower_} if ent.start > 0 else set())  # "Ms Pell"
            count["m"] += 3 * bool(titles & HE)
            count["f"] += 3 * bool(titles & SHE)
            said = noun_gender(ent)
            if said:
                count[said] += 3  # "her son, X", "X became the first woman to ..."
            if len(people) == 1:
                later = [t.lower_ for t in sentence.span if t.i >= ent.end]
                if index + 1 < len(b.sentences):
                    later += [t.lower_ for t in b.sentences[index + 1].span[:1] if t.pos_ == "PRON"]  # not "Ms" of another
                count["m"] += sum(w in HE for w in later)
                count["f"] += sum(w in SHE for w in later)
    found = {name: ("m" if c["m"] > c["f"] else "f") for name, c in votes.items() if c["m"] != c["f"]}
    by_surname = {}
    for name, gender in found.items():
        by_surname.setdefault(name.split()[-1], set()).add(gender)
    for name in votes:  # "Ms Dunmore" said so of "Claire Dunmore"
        genders = by_surname.get(name.split()[-1], set())
        if name not in found and len(genders) == 1:
            found[name] = next(iter(genders))
    b._genders = found
    return b._genders


EXTRA_TITLES = {"superintendent", "councillor", "councilman", "councilwoman", "alderman", "trustee", "registrar",
                "principal", "headteacher", "headmaster", "headmistress", "provost", "rector", "dean"}


def leading_title(name):
    """The job or title a person's name was written with ('Superintendent' of 'Superintendent Lorraine Abernathy'),
    or None: beside names without one it marks the key ('the only option with a title')."""
    from .worth import TITLE_WORDS
    from .lexicon import OCCUPATION_WORDS
    parts = name.split()
    first = parts[0].lower().rstrip(".") if len(parts) >= 2 else ""
    if first in NOT_A_TITLE_HERE:
        return None  # "St Brennan", "Grand Rapids": part of the name
    return parts[0] if first in TITLE_WORDS | OCCUPATION_WORDS | EXTRA_TITLES else None


NOT_A_TITLE_HERE = {"st", "saint", "crown", "grand", "count", "major", "general", "gen"}
