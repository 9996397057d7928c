"""Entities across an article: one canonical name per thing, its aliases, its type.

spaCy's small model labels each mention on its own and sometimes wrongly ("Mattis"
as a place). Consolidating mentions - a surname is the person whose full name came
earlier, "U.S." is "the United States" - gives the right type, the fair alternative
answers, and distractors that are never another name for the key.
"""
import re
from collections import Counter
from dataclasses import dataclass, field

from .kind_words import ORG_HEADS
from .lexicon import COMPANY_NOUNS
from .stem_fit import majority as _majority, mention_gender
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


FIRM_TAILS = {"systems", "inc", "corp", "corporation", "group", "technologies", "airways", "airlines", "aerospace",
              "holdings", "bank", "motors", "therapeutics", "pharmaceuticals", "industries", "ltd", "plc", "llc",
              "co", "company", "labs", "software", "energy", "securities", "partners", "media", "foods",
              "communications", "insights", "networks", "solutions", "analytics", "consulting"}


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
    relative: bool = False  # named first as someone's relative ("her daughter, Maren Lind"; "his son Peter Lind")
    sort: str = None  # person, org, place or thing by the article's evidence (kinds.kind_table), None if unsure
    gender: str = None  # 'f' or 'm' as the words at its mentions say (a title, 'her son, X', 'she'), else None

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


THING_NOUNS = {"service", "app", "application", "plan", "programme", "program", "scheme", "ship", "vessel", "boat",
               "satellite", "spacecraft", "probe", "rocket", "drug", "vaccine", "treatment", "device", "system",
               "platform", "tool", "vehicle", "car", "phone", "model", "product", "project", "software", "game", "robot",
               "telescope", "mission", "aircraft", "plane", "jet", "train", "engine", "chip", "machine", "package"}
BODY_NOUNS = ORG_HEADS | COMPANY_NOUNS | {"consultancy", "charity", "watchdog", "regulator", "operator"}
HUMAN_WORDS = {"he", "she", "his", "her", "him", "said", "says", "told", "who", "mr", "mrs", "ms", "dr"}


def _human_evidence(ent, text):
    """Whether this mention shows a person: two or more words of a name, a title before it, or a
    'he', 'she', 'said', 'who' near it."""
    from .lexicon import FIRST_KIND_NOUNS, KIND_NOUNS
    if len(words(text)) >= 2 and (words(text)[-1] in KIND_NOUNS or words(text)[0] in FIRST_KIND_NOUNS):
        return False  # "Storm Idris", "Read Together Program": named like a thing
    if len(words(text)) >= 2 and all(w[:1].isalpha() for w in words(text)):
        return True
    doc = ent.doc
    before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    after = {t.lower_ for t in doc[ent.end : min(ent.end + 3, len(doc))]}
    from .worth import TITLE_WORDS
    return before in TITLE_WORDS or bool(after & HUMAN_WORDS)  # "Naidu said", not "NASA said Odysseus"


def _plain_opening(first, capitalised):
    """'Dry lightning storms started ...': a word of the dictionary, capitalised only because it opens the
    sentence (the article never writes it with a capital elsewhere, and the next word is not a name's),
    though the model tags it a proper noun; 'Kestrel will ...' after '... the probe Kestrel' keeps its capital."""
    from lemminflect import getAllLemmas
    after = first.nbor(1) if first.i + 1 < len(first.doc) else None
    return (first.text not in capitalised and after is not None and after.is_lower and len(first) > 1
            and bool(getAllLemmas(first.lower_)))


def consolidate(sentences):
    """Map each (sentence index, mention start) to one Entity; return (entities, lookup).

    A name's type is the one most of its mentions get (the model labels each mention
    on its own), and a surname or first-and-last name joins the person met earlier."""
    mentions = []
    votes = {}
    common = {t.text for sent in sentences for t in sent if t.is_lower and t.is_alpha}  # "lava", "sending"
    capitalised = {t.text for sent in sentences for t in list(sent)[1:] if t.is_title}  # "Kestrel" mid-sentence
    for sent in sentences:
        first = sent[0]
        if first.is_title and not first.ent_type_ and (first.lower_ in common or _plain_opening(first, capitalised)):
            first._.plain = True  # "Railway workers went ...", where the article also writes "railway"
    found = [(index, ent, _in_context(ent, LABELS.get(ent.label_)), strip_article(ent.text))
             for index, sent in enumerate(sentences) for ent in sent.ents]
    looks = [_looks_like_a_name(ent, label) for _, ent, label, _ in found]
    proper = {text for (_, _, _, text), named in zip(found, looks) if named}
    for (index, ent, label, text), named in zip(found, looks):
        if label in NAMED_LABELS and len(ent) == 1 and ent.text.lower() in common and ent.text[:1].isupper():
            ent[0]._.plain = True
            continue  # "Lava was flowing ...": a capital at the start of a sentence, not a name
        if label and words(text) and (named or text in proper and ent[0].is_title):
            # "Orvane was founded in 2017": the model tags a new name opening a sentence as a common noun,
            # but the same name mid-sentence as a proper one
            mentions.append((index, ent, text))
            votes.setdefault(norm(text), Counter())[label] += 1
    entities, lookup, people, genders = [], {}, [], {}
    firms = {text.split()[0] for _, ent, text in mentions if len(text.split()) >= 2
             and _vote(votes[norm(text)], text) == "ORG" and text.split()[-1].lower().strip(".,") in FIRM_TAILS}
    for index, ent, text in mentions:
        label = _vote(votes[norm(text)], text)
        if label == "PERSON" and " " not in text and text in firms:
            label = "ORG"  # "Corvane" after "Corvane Systems": the company for short, whatever the model says
        seen_as = _in_context(ent, LABELS[ent.label_])
        if label != "PERSON" and (_is_surname(text, people) or MIDDLE_INITIAL.fullmatch(text)):
            label = "PERSON"  # "Helena V. Strandqvist, a glaciologist": a first name, an initial, a surname
        gender = mention_gender(ent, sentences, index) if label == "PERSON" else None
        entity = _match(entities, people, text, label, gender, genders)
        if entity is None:
            entity = Entity(name=text, label=label, first_sentence=index)
            entities.append(entity)
            if label == "PERSON":
                people.append(entity)
        elif len(words(text)) > 1 and any(p is entity for p in people):
            people.remove(entity)  # the person last named in full is the one a surname alone means
            people.append(entity)
        entity.forms.add(text)
        if gender:
            genders.setdefault(id(entity), Counter())[gender] += 1
        entity.labels[seen_as] += 1
        entity.term |= label == "OTHER"  # named, but of no type we can pick options of
        entity.plural |= ent.root.tag_ == "NNPS" and ent.root.text.endswith("s")
        before = [t.lower_ for t in ent.doc[max(ent.start - 2, 0) : ent.start]]
        entity.term |= before[-1:] in (["called"], ["named"]) and label not in ("PERSON",) or before == ["known", "as"]
        entity.mentions += 1
        entity.human |= _human_evidence(ent, text)
        entity.relative |= entity.mentions == 1 and _named_as_relative(ent)
        entity.takes_the |= _written_with_the(ent)
        entity.standalone |= ent.root.dep_ != "compound" or len(ent) > 1 or (len(text) >= 3 and text.isupper())
        entity.participant |= ent.root.dep_ not in ("compound", "amod", "nmod", "poss") and not in_title(ent)
        lookup[(index, ent.start_char)] = entity
    _places_by_their_people(entities, {t.lower_ for sent in sentences for t in sent if t.text[:1].isupper()})
    for entity in entities:
        entity.gender = _majority(genders.get(id(entity)))
    return entities, lookup


def _places_by_their_people(entities, capitalised):
    """'Ostravia' beside 'Ostravian farmers': a country the model took for an organisation or a person,
    known by the name of its people (a country of a story, even one the country list does not hold)."""
    nations = [e.name.lower() for e in entities if e.label == "NORP"]
    adjectives = nations + [w for w in capitalised if w.endswith(("an", "ian", "ese", "i"))]

    def known_by(name, words):
        return any(word.startswith(name[:-1]) and len(name) < len(word) <= len(name) + 3 for word in words)

    for entity in entities:
        name = entity.name.lower()
        if " " in name or len(name) < 5:
            continue
        if (entity.label == "ORG" and known_by(name, adjectives)) or (
                entity.label == "PERSON" and not entity.human and known_by(name, nations)):
            entity.label, entity.human = "GPE", False


PLACE_NOUNS = {"city", "town", "village", "region", "province", "state", "county", "district", "island", "capital",
               "port", "suburb", "municipality", "neighborhood", "neighbourhood", "prefecture"}


def _in_context(ent, label):
    """The type the words around a mention give it, where they contradict the model's label."""
    if label != "PERSON" or ent.root.dep_ in ("compound", "amod", "nmod", "poss"):
        return label  # "the Trump administration": a person's name as a modifier
    head = ent.root.head
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.lower_ in BODY_NOUNS:
        return "ORG"  # "the research firm Fjellmark Insights", "the consultancy Marr": a body, not a person
    if before is not None and before.lower_ in ("called", "named") and before.head.lemma_.lower() in THING_NOUNS:
        return "PRODUCT"  # "The service, called Skyreach Horizon, will use ...": a thing's name, not a person's
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


RELATIVES = {"daughter", "son", "wife", "husband", "widow", "widower", "mother", "father", "brother", "sister",
             "grandson", "granddaughter", "niece", "nephew", "cousin", "partner", "child", "children", "stepson",
             "stepdaughter"}


def _named_as_relative(ent):
    """'Her daughter, Maren Lind', 'his son Peter Lind': the mention is set beside a word for a relative."""
    root = ent.root
    if root.dep_ == "appos" and root.head.lemma_.lower() in RELATIVES:
        return True
    return any(c.dep_ in ("compound", "appos", "nmod") and c.lemma_.lower() in RELATIVES and c.i < ent.start
               for c in root.children)


def _written_with_the(ent):
    """'the United States' yes; 'the Iran nuclear deal' no (there 'the' belongs to 'deal'); "the Harlow Water
    Board's report" yes: the parse gives the name itself the 'the' ("Iran's deal" has none to give)."""
    the = ent[0] if ent[0].lower_ == "the" else ent.doc[ent.start - 1] if ent.start > 0 else None
    if the is None or the.lower_ != "the":
        return False
    if ent.root.dep_ == "poss":
        return the.dep_ == "det" and the.head.i == ent.root.i
    return ent.root.dep_ not in ("compound", "amod", "nmod")


def _match(entities, people, text, label, gender=None, genders=None):
    tokens = words(text)
    named = [p for p in reversed(people) if len(tokens) == 1 and tokens[0] == words(p.name)[-1]]
    if len(named) > 1:  # "Her son, Peter Lind, said ... Dr. Lind became the first woman to ...": hers; and where
        # the sentence says no gender, or both are hers, not a relative named in full ("Her daughter, Maren Lind"),
        # for the story calls its relatives by their full names: the surname alone is the story's own person
        said = {id(p): _majority((genders or {}).get(id(p))) for p in named}
        named.sort(key=lambda p: ((said[id(p)] != gender, said[id(p)] is not None) if gender else (), p.relative))
    if named:  # a surname, whatever label the model gave it, is the person of that name named last ('her son, Peter Lind')
        return named[0]
    for person in people:
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


MIDDLE_INITIAL = re.compile(r"[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+(?:-[A-Z][a-z]+)?")
