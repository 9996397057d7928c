"""Options the stem's own words rule out: an amount the stem already states, a date on the other side of a
date the stem puts before or after the key, a person of the other gender where the stem says 'she' or 'he'
of the blank. Each rule reads only the sentence and general English (distractors.py applies them). Also the
gender the words at a person's mention say (a title, 'her son, X', 'she' after it), which entities.py reads
to tell two people of one surname apart and references.py to keep 'she' from a man the article calls 'Mr'."""
import re
from collections import Counter

from .amounts import _NUMBERS_FOR, year_month
from .bounds import _unit, _value

AMOUNT_LABELS = {"MONEY", "NUMBER", "PERCENT", "QUANTITY", "DATE", "CARDINAL", "TIME"}
WORD_NUMBER = re.compile(r"\b(" + "|".join(sorted(_NUMBERS_FOR, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _digits(text):
    """'three to five years' -> '3 to 5 years': number words written as digits."""
    return WORD_NUMBER.sub(lambda m: str(_NUMBERS_FOR[m.group(1).lower()]), text)


def _amounts(text):
    """(value, unit) of each amount of a phrase; a range's two ends each ('3 to 5 years': 3 and 5 years)."""
    text = _digits(text)
    numbers = list(re.finditer(r"\$?\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?", text))
    if not numbers:
        return []
    unit = _unit(text[numbers[-1].start():])
    unit = re.sub(r"^(?:to|and|or)\s+", "", unit)
    return [(_value(m.group(0)), unit + ("$" if m.group(0).startswith("$") and not unit.endswith("$") else ""))
            for m in numbers]


def stated_amount(option, span, ent):
    """Whether the option is an amount the stem itself states in another phrase: 'bettas live three to five
    years, but some live _____' offers no '5 years' (of the stem's range, in words or digits)."""
    found = _amounts(option)
    if len(found) != 1 or found[0][0] is None:
        return False
    value, unit = found[0]
    if not unit:
        return False  # a bare count ('10') may count anything else the stem counts ('one in ten buses')
    inside = range(ent.start, ent.end) if ent is not None else range(0)
    for other in span.ents:
        if other.label_ not in AMOUNT_LABELS or other.start in inside or (ent is not None and other.end > ent.start
                                                                          and other.start < ent.end):
            continue
        if any(v == value and (u == unit or _singular(u) == _singular(unit)) for v, u in _amounts(other.text)):
            return True
    return False


def _singular(unit):
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in unit.split())


def same_side_of_stem_dates(option, answer, span, ent):
    """Whether the option stands on the key's side of every other date of the stem: 'left Earth in March 2019
    ..., and swung back past Earth in _____' (November 2020) offers no 2017; 'graduating in _____ (1962), and
    earned her doctorate there in 1967' no 1971. Dates before Christ and dates the sentence leaves
    undated ('last year') bound nothing."""
    key = year_month(answer)
    if key is None or re.search(r"\bB\.?C\b", span.text):
        return True
    mine = year_month(option)
    if mine is None:
        return True
    for other in span.ents:
        if other.label_ != "DATE" or (other.end > ent.start and other.start < ent.end):
            continue
        when = year_month(other.text)
        if when is None or re.search(r"\b(?:1[5-9]|20)\d\d\s*(?:-|\u2013|to)\s*\d{2,4}\b", other.text):
            continue  # "the 1979-80 season", "2020 to 2024": a span, not one date
        yearly = re.fullmatch(r"\d{4}", other.text.strip()) or re.fullmatch(r"\d{4}", answer.strip()) or \
            re.fullmatch(r"\d{4}", option.strip())
        a, b, o = (k[0] for k in (key, when, mine)) if yearly else (key, when, mine)
        if a == b:
            continue
        if (a < b) != (o < b) or o == b:
            return False
    return True


FEMALE_NOUNS = {"woman", "women", "mother", "daughter", "wife", "widow", "sister", "girl", "aunt", "niece",
                "grandmother", "granddaughter", "queen", "princess", "duchess", "actress", "chairwoman", "spokeswoman",
                "businesswoman", "congresswoman", "sportswoman", "policewoman", "heroine", "lady", "mum", "mom",
                "stepmother", "stepdaughter", "bride", "girlfriend", "countess", "empress", "nun", "abbess",
                "waitress", "hostess", "councilwoman", "horsewoman", "craftswoman", "noblewoman", "grandma"}
MALE_NOUNS = {"man", "men", "father", "son", "husband", "widower", "brother", "boy", "uncle", "nephew", "grandfather",
              "grandson", "king", "prince", "duke", "dad", "stepfather", "stepson", "groom", "boyfriend", "emperor",
              "monk", "abbot", "grandpa"}  # not "chairman", "spokesman": news still writes them of women too
SHE_WORDS, HE_WORDS = {"she", "her", "hers", "herself"}, {"he", "him", "his", "himself"}


def noun_gender(ent):
    """'f' or 'm' where a gendered noun is said of this mention of a person: in apposition ('her son, X',
    'X, an actress'), before it ('actress X'), or after 'be'/'become' ('X became the first woman to ...');
    else None."""
    root = ent.root
    nouns = [c for c in root.children if c.dep_ in ("appos", "compound") and c.i not in range(ent.start, ent.end)]
    if root.dep_ == "appos":
        nouns.append(root.head)
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in ("be", "become", "remain"):
        nouns += [c for c in root.head.children if c.dep_ in ("attr", "acomp", "oprd")]
    if ent.start > 0 and ent.doc[ent.start - 1].pos_ == "NOUN":
        nouns.append(ent.doc[ent.start - 1])
    words = {t.lower_ for t in nouns if t.pos_ in ("NOUN", "PROPN")}
    female, male = bool(words & FEMALE_NOUNS), bool(words & MALE_NOUNS)
    return "f" if female and not male else "m" if male and not female else None


def stem_gender(b, sentence, ent, stem=None):
    """'f' or 'm' when the stem itself says the blank's gender: a gendered noun said of it, or 'she'/'he' after
    it in a sentence that names no other person and says no other gendered person ('_____, who runs a small
    firm, said she noticed ...'); None when the stem does not say, or says both."""
    said = noun_gender(ent)
    if said:
        return said
    key = b.lookup.get((sentence.index, ent.start_char))
    span = sentence.span if stem is None else stem
    for other in span.ents:
        entity = b.lookup.get((sentence.index, other.start_char))
        if entity is not None and entity is not key and entity.label == "PERSON" and entity.human and \
                other.root.dep_ not in ("compound", "amod", "nmod"):  # not "Lumora customer records"
            return None
    if any(t.lower_ in FEMALE_NOUNS | MALE_NOUNS and t.pos_ == "NOUN" for t in span if t.i not in
           range(ent.start, ent.end)):
        return None  # "_____ said his mother ...": the mother may be the one a later "she" means
    later = {t.lower_ for t in span if t.i >= ent.end and t.pos_ == "PRON"}
    female, male = bool(later & SHE_WORDS), bool(later & HE_WORDS)
    return "f" if female and not male else "m" if male and not female else None


def majority(votes):
    """'f' or 'm' when the votes lean one way, else None."""
    if not votes or votes["f"] == votes["m"]:
        return None
    return "f" if votes["f"] > votes["m"] else "m"


TITLE_GENDER = {"mr": "m", "sir": "m", "lord": "m", "ms": "f", "mrs": "f", "miss": "f", "dame": "f", "lady": "f"}


def mention_gender(ent, sentences, index):
    """'f' or 'm' where the words at one mention of a person say it: a title ('Ms Lind'), a gendered noun
    ('her son, X', 'X became the first woman to ...'), or 'she'/'he' after it in a sentence that names no
    other person, or opening the next one; else None."""
    before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
    if before in TITLE_GENDER or ent[0].lower_.rstrip(".") in TITLE_GENDER:
        return TITLE_GENDER.get(before) or TITLE_GENDER[ent[0].lower_.rstrip(".")]
    said = noun_gender(ent)
    if said:
        return said
    sentence = sentences[index]
    if any(e.label_ == "PERSON" and e.start != ent.start and e.root.dep_ not in ("compound", "amod", "nmod")
           for e in sentence.ents):
        return None
    later = [t.lower_ for t in sentence if t.i >= ent.end]
    if index + 1 < len(sentences):
        later.append(sentences[index + 1][0].lower_)
    votes = Counter("f" if w in SHE_WORDS else "m" for w in later if w in SHE_WORDS | HE_WORDS)
    return majority(votes)


def named_by_kind_noun(option, answer, span, ent):
    """Whether the stem names the option's kind as another party: 'The _____ said it understood ... but urged the
    bank to pause' rules out 'Kestrel Reserve Bank' (the bank is not the one who urged it), unless the key is of
    that kind too (then 'the bank' may be the key itself)."""
    parts = option.split()
    head = parts[-1].lower() if len(parts) >= 2 else ""
    if not head or head == answer.split()[-1].lower():
        return False
    inside = range(ent.start, ent.end) if ent is not None else range(0)
    return any(t.lower_ == head and not t.ent_type_ and t.i not in inside and t.i > 0 and t.doc[t.i - 1].lower_ == "the"
               for t in span)
