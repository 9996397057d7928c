"""Entities across an article: one canonical name per thing, its aliases, its type.

spaCy's small model labels each mention on its own and sometimes wrongly ("Mattis"
as a place). Consolidating mentions - a surname is the person whose full name came
earlier, "U.S." is "the United States" - gives the right type, the fair alternative
answers, and distractors that are never another name for the key.
"""
import re
from collections import Counter
from dataclasses import dataclass, field

from .textnorm import norm, words

LABELS = {
    "PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "FAC",
    "DATE": "DATE", "TIME": "TIME", "MONEY": "MONEY", "CARDINAL": "NUMBER", "QUANTITY": "QUANTITY",
    "PERCENT": "PERCENT", "EVENT": "EVENT", "PRODUCT": "PRODUCT", "WORK_OF_ART": "WORK_OF_ART",
    "LAW": "LAW", "LANGUAGE": "LANGUAGE", "MISC": "OTHER",
}
# General knowledge, not any article's: keeps countries among countries in options.
WELL_KNOWN_COUNTRIES = {  # fallback options: countries a student has heard of
    "afghanistan", "argentina", "australia", "austria", "bangladesh", "belgium", "brazil", "britain", "canada",
    "chile", "china", "colombia", "cuba", "denmark", "egypt", "ethiopia", "finland", "france", "germany", "greece",
    "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "japan", "jordan", "kenya", "lebanon",
    "libya", "malaysia", "mexico", "morocco", "nepal", "netherlands", "new zealand", "nigeria", "north korea",
    "norway", "pakistan", "peru", "philippines", "poland", "portugal", "qatar", "russia", "saudi arabia",
    "singapore", "south africa", "south korea", "spain", "sri lanka", "sudan", "sweden", "switzerland", "syria",
    "thailand", "turkey", "ukraine", "united kingdom", "united states", "venezuela", "vietnam", "yemen",
}
COUNTRIES = {  # UN members and observers by their everyday English names, and a few historic/short forms
    "afghanistan", "albania", "algeria", "andorra", "angola", "antigua and barbuda", "argentina", "armenia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium",
    "belize", "benin", "bhutan", "bolivia", "bosnia and herzegovina", "botswana", "brazil", "brunei", "bulgaria",
    "burkina faso", "burundi", "cabo verde", "cape verde", "cambodia", "cameroon", "canada",
    "central african republic", "chad", "chile", "china", "colombia", "comoros", "congo", "costa rica",
    "ivory coast", "cote d'ivoire", "croatia", "cuba", "cyprus", "czech republic", "czechia",
    "democratic republic of the congo", "denmark", "djibouti", "dominica", "dominican republic", "ecuador", "egypt",
    "el salvador", "equatorial guinea", "eritrea", "estonia", "eswatini", "ethiopia", "fiji", "finland", "france",
    "gabon", "gambia", "georgia", "germany", "ghana", "greece", "grenada", "guatemala", "guinea", "guinea-bissau",
    "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq", "ireland", "israel",
    "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kiribati", "kosovo", "kuwait", "kyrgyzstan",
    "laos", "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg",
    "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "marshall islands", "mauritania", "mauritius",
    "mexico", "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar",
    "namibia", "nauru", "nepal", "netherlands", "new zealand", "nicaragua", "niger", "nigeria", "north korea",
    "north macedonia", "norway", "oman", "pakistan", "palau", "palestine", "panama", "papua new guinea",
    "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda",
    "saint kitts and nevis", "saint lucia", "saint vincent and the grenadines", "samoa", "san marino",
    "sao tome and principe", "saudi arabia", "senegal", "serbia", "seychelles", "sierra leone", "singapore",
    "slovakia", "slovenia", "solomon islands", "somalia", "south africa", "south korea", "south sudan", "spain",
    "sri lanka", "sudan", "suriname", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania",
    "thailand", "timor-leste", "east timor", "togo", "tonga", "trinidad and tobago", "tunisia", "turkey",
    "turkiye", "turkmenistan", "tuvalu", "uganda", "ukraine", "united arab emirates", "united kingdom",
    "united states", "uruguay", "uzbekistan", "vanuatu", "vatican", "venezuela", "vietnam", "yemen", "zambia",
    "zimbabwe", "soviet union", "england", "scotland", "wales", "u.s", "u.k", "us", "uk", "usa", "britain",
}
PUBLIC_BODIES = {"administration", "department", "agency", "ministry", "court", "council", "congress", "parliament",
                 "senate", "pentagon", "commission", "committee", "office", "service", "army", "navy", "police",
                 "government", "nato", "un", "faa", "nasa", "fbi", "cia", "eu", "who", "imf", "bureau", "authority"}
US_STATES = {
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
    "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
    "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada",
    "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma",
    "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas", "utah",
    "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming",
}
CITY_OR_STATE = {"new york", "washington", "georgia"}  # a state, a city or a country: it depends on the story


def place_kind(name):
    """'state' for a U.S. state, 'other' for any other place that is not a country, None when it could be either."""
    key = norm(name).removeprefix("the ")
    if key in CITY_OR_STATE:
        return None
    return "state" if key in US_STATES else "other"


NAMED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "NORP"}
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
    standalone: bool = False  # named on its own at least once, not only inside a title ("Defense Secretary")
    participant: bool = False  # at least once a subject or object, not only a modifier ("U.S. officials")
    labels: Counter = field(default_factory=Counter)  # what the model called each mention
    plural: bool = False  # "iPhones": a product line, not an organization, whatever the label
    term: bool = False  # "known as Advanced Air Mobility": a name being defined, of no clear type
    human: bool = False  # a first and last name, a title, or a "he"/"she" near it: a person for sure

    @property
    def reliable(self):
        """The type is trustworthy enough to pick options of the same type: the mentions
        agree, and no short acronym is taken for a place or a person ("AI" as a place)."""
        if len(self.labels) > 1 and self.labels.most_common(1)[0][1] < 2 * sum(self.labels.values()) / 3:
            return False
        short_caps = self.name.isupper() and len(self.name.replace(".", "")) <= 4
        if self.label == "PERSON" and not self.human:
            return False  # "Dimorphos", "Hera": one word the model took for a name of someone
        if self.term or (self.plural and self.label in ("ORG", "PERSON", "PRODUCT")):
            return False
        return not (short_caps and self.label in ("GPE", "PERSON", "LOC", "NORP") and not self.is_country)

    @property
    def kind(self):
        """A finer type for options: government bodies apart from companies and groups."""
        if self.label == "ORG":
            return "ORG:public" if set(words(self.name)) & PUBLIC_BODIES else "ORG"
        return self.label

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
    wa, wb = _singular(words(na)), _singular(words(nb))
    if _contains(wa, wb) or _contains(wb, wa):
        return True
    compact_a, compact_b = re.sub(r"[^a-z]", "", na), re.sub(r"[^a-z]", "", nb)
    return (len(wb) > 1 and compact_a == initials(nb)) or (len(wa) > 1 and compact_b == initials(na))


def same_thing(short, full):
    """Stricter than is_alias, for merging mentions: 'Boom' is 'Boom Supersonic' (a leading
    part), 'FAA' is 'Federal Aviation Administration'; 'Defense' is not 'Major U.S. Defense Partner'."""
    ns, nf = norm(strip_article(short)), norm(strip_article(full))
    if ns == nf:
        return True
    ws, wf = words(ns), words(nf)
    if len(ws) < len(wf) and wf[: len(ws)] == ws:
        return True
    compact = re.sub(r"[^a-z]", "", ns)
    capitals = "".join(w[0] for w in wf if w[0].isalpha() and "." not in w)
    is_acronym = len(ws) == 1 or all(len(w) == 1 for w in ws)
    return is_acronym and len(wf) > 1 and len(compact) >= 2 and (compact == initials(nf) or compact == capitals)


def _is_acronym(text):
    letters = re.sub(r"[^A-Za-z]", "", text)
    return 2 <= len(letters) <= 6 and letters.isupper()


def _singular(tokens):
    return tuple(t[:-1] if len(t) > 3 and t.endswith("s") and not t.endswith("ss") else t for t in tokens)


def _contains(hay, needle):
    return any(hay[i : i + len(needle)] == needle for i in range(len(hay) - len(needle) + 1))


HUMAN_WORDS = {"he", "she", "his", "her", "him", "said", "says", "told", "who", "mr", "mrs", "ms", "dr"}


def _human_evidence(ent, text):
    """Whether this mention shows a person: two or more words of a name, a title before it, or a
    'he', 'she', 'said', 'who' near it."""
    if len(words(text)) >= 2 and all(w[:1].isalpha() for w in words(text)):
        return True
    doc = ent.doc
    before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    after = {t.lower_ for t in doc[ent.end : min(ent.end + 3, len(doc))]}
    from .worth import TITLE_WORDS
    return before in TITLE_WORDS or bool(after & HUMAN_WORDS)  # "Naidu said", not "NASA said Odysseus"


def consolidate(sentences):
    """Map each (sentence index, mention start) to one Entity; return (entities, lookup).

    A name's type is the one most of its mentions get (the model labels each mention
    on its own), and a surname or first-and-last name joins the person met earlier."""
    mentions = []
    votes = {}
    common = {t.text for sent in sentences for t in sent if t.is_lower and t.is_alpha}  # "lava", "sending"
    for sent in sentences:
        first = sent[0]
        if first.is_title and first.lower_ in common and not first.ent_type_:
            first._.plain = True  # "Railway workers went ...", where the article also writes "railway"
    for index, sent in enumerate(sentences):
        for ent in sent.ents:
            label = _in_context(ent, LABELS.get(ent.label_))
            text = strip_article(ent.text)
            if label in NAMED_LABELS and len(ent) == 1 and ent.text.lower() in common and ent.text[:1].isupper():
                ent[0]._.plain = True
                continue  # "Lava was flowing ...": a capital at the start of a sentence, not a name
            if label and words(text) and _looks_like_a_name(ent, label):
                mentions.append((index, ent, text))
                votes.setdefault(norm(text), Counter())[label] += 1
    entities, lookup, people = [], {}, []
    for index, ent, text in mentions:
        label = _vote(votes[norm(text)], text)
        seen_as = _in_context(ent, LABELS[ent.label_])
        if label != "PERSON" and _is_surname(text, people):
            label = "PERSON"
        entity = _match(entities, people, text, label)
        if entity is None:
            entity = Entity(name=text, label=label, first_sentence=index)
            entities.append(entity)
            if label == "PERSON":
                people.append(entity)
        entity.forms.add(text)
        entity.labels[seen_as] += 1
        entity.term |= label == "OTHER"  # named, but of no type we can pick options of
        entity.plural |= ent.root.tag_ == "NNPS" and ent.root.text.endswith("s")
        before = [t.lower_ for t in ent.doc[max(ent.start - 2, 0) : ent.start]]
        entity.term |= before[-1:] in (["called"], ["named"]) and label not in ("PERSON",) or before == ["known", "as"]
        entity.mentions += 1
        entity.human |= _human_evidence(ent, text)
        entity.takes_the |= _written_with_the(ent)
        entity.standalone |= ent.root.dep_ != "compound" or len(ent) > 1 or (len(text) >= 3 and text.isupper())
        entity.participant |= ent.root.dep_ not in ("compound", "amod", "nmod", "poss") and not in_title(ent)
        lookup[(index, ent.start_char)] = entity
    return entities, lookup


PLACE_NOUNS = {"city", "town", "village", "region", "province", "state", "county", "district", "island", "capital",
               "port", "suburb", "municipality", "neighborhood", "neighbourhood", "prefecture"}


def _in_context(ent, label):
    """The type the words around a mention give it, where they contradict the model's label."""
    if label != "PERSON" or ent.root.dep_ in ("compound", "amod", "nmod", "poss"):
        return label  # "the Trump administration": a person's name as a modifier
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        return "GPE"  # "the nearby city of Larissa"
    if ent.start > 0 and ent.doc[ent.start - 1].lower_ == "the":
        return "OTHER"  # "won the Oscar for best picture": no one's name follows "the"
    return label


_PREFERENCE = ["PERSON", "GPE", "ORG", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "OTHER",
               "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "NUMBER"]


COMPANY_WORDS = {"inc", "corp", "corporation", "company", "co", "ltd", "llc", "group", "innovation", "innovations",
                 "technologies", "technology", "systems", "airways", "airlines", "motors", "labs", "bank", "holdings",
                 "industries", "media", "energy", "pharmaceuticals", "university", "institute", "foundation",
                 "association", "agency", "council", "party", "times", "news", "supersonic", "aerospace"}


def _vote(counter, text=""):
    label = max(counter, key=lambda label: (counter[label], -_PREFERENCE.index(label)))
    if label == "PERSON" and set(words(text)) & COMPANY_WORDS:
        return "ORG"  # "Aurora Innovation" is a company whatever the model thought
    if label == "PERSON" and _is_acronym(text):
        return "ORG"  # "known as JAXA": news writes no one's name in capitals
    return label


def _is_surname(text, people):
    tokens = words(text)
    return len(tokens) == 1 and any(tokens[0] == words(p.name)[-1] for p in people)


NAMES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


def _looks_like_a_name(ent, label):
    """'Attendees' tagged as an organization is a common noun, not a name."""
    if label not in NAMES:
        return True
    return any(t.pos_ == "PROPN" or (t.text.isupper() and len(t.text) > 1) for t in ent)


def in_title(ent):
    """'Secretary of State' in 'Secretary of State Mike Pompeo': part of a person's title."""
    token = ent.root
    for _ in range(4):
        if token.dep_ not in ("compound", "nmod", "pobj", "prep") or token.head.i == token.i:
            return False
        token = token.head
        if token.ent_type_ == "PERSON":
            return token.i >= ent.end  # a title comes before the name; "Madan of Brookings" is an affiliation
    return False


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
        if entity.label == label and label not in ("NUMBER", "MONEY", "PERCENT", "DATE", "QUANTITY", "TIME") and (
            same_thing(text, entity.name) or (_is_acronym(entity.name) and same_thing(entity.name, text))
        ):  # a later short form names the earlier full name; "Apple" then "Apple Intelligence" are two things
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
    elif ("%" in text or "percent" in text.lower()) and 10 <= value <= 100:  # a share: other plausible shares
        candidates = [round(value * f) for f in (0.5, 0.75)] + [value + d for d in (-20, -10, 10, 20)]
    elif value < 10 and value == int(value):
        candidates = [value + d for d in (-2, -1, 1, 2, 3, 5)]
    else:
        candidates = [value * f for f in (0.5, 0.75, 1.5, 2, 3)]
        if re.search(r"\b(thousand|million|billion|trillion)\b", text, re.IGNORECASE):
            # "$730 million": "$1095 million" is no way to write an amount; stay under the next scale word
            candidates = [c for c in candidates + [value * f for f in (0.6, 1.2, 1.25)] if c < 1000]
    share = ("%" in text or "percent" in text.lower()) and value <= 100  # a share of something stays a share
    out, taken = [], []
    for candidate in candidates:
        if candidate <= 0 or candidate == value or (share and candidate > 100):
            continue
        if share and any(abs(candidate - other) < 0.08 * max(candidate, other) for other in [value, *taken]):
            continue  # "55 percent" next to "56 percent" is no choice
        taken.append(candidate)
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


_WORDS_FOR = {n: w for w, n in [(w, i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())]}
_NUMBERS_FOR = {w: n for n, w in _WORDS_FOR.items()}


def number_word_forms(text):
    """'17 years' <-> 'seventeen years', '$6 billion' -> '6 billion dollars': other fair ways to type it."""
    forms = []
    match = re.fullmatch(r"(\d+)(\s.*)?", text)
    if match and int(match.group(1)) in _WORDS_FOR:
        forms.append(_WORDS_FOR[int(match.group(1))] + (match.group(2) or ""))
    first, _, rest = text.partition(" ")
    if first.lower() in _NUMBERS_FOR:
        forms.append(str(_NUMBERS_FOR[first.lower()]) + (" " + rest if rest else ""))
    money = re.fullmatch(r"\$(\d[\d,.]*)(\s(?:million|billion|trillion))?", text)
    if money:
        forms.append(f"{money.group(1)}{money.group(2) or ''} dollars")
    return forms


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
        if counts[text] >= 2 and text in inside and text.lower() not in STOP_NAMES:
            found.setdefault(id(doc), (doc, []))[1].append(Span(doc, start, end, label="MISC"))
    for doc, spans in found.values():
        doc.ents = filter_spans(list(doc.ents) + spans)


STOP_NAMES = {"i", "mr", "mrs", "ms", "dr", "st", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday"}


def join_name_numbers(docs):
    """'Android 15', 'Apollo 11', 'Landsat-9', 'Gemini VII': a name and the number that belongs to it
    are one name (the small model stops at 'Android' and calls '15' a count)."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

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
        if found:
            doc.ents = filter_spans(found + [e for e in doc.ents if not any(f.start <= e.start < f.end for f in found)])


UNIT_WORDS = {"million", "billion", "trillion", "thousand", "hundred", "years", "days", "people", "times", "miles",
              "kilometers", "meters", "feet", "percent", "degrees", "hours", "minutes", "seconds", "months", "weeks"}


def join_fractions(docs):
    """'about three-and-a-half hours': the model stops at 'about three'; the amount is the whole phrase."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

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
        if found:
            doc.ents = filter_spans(found + [e for e in doc.ents if not any(f.start <= e.start < f.end for f in found)])


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
            elif ent.label_ == "DATE" and comma is not None and comma.i + 1 < ent.end and not doc[comma.i + 1].like_num:
                fixed.append(Span(doc, ent.start, comma.i, label="DATE"))  # "in January, days before ...": "January"
                changed = True
            else:
                fixed.append(ent)
        if changed:
            doc.ents = fixed
