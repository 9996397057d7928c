"""Is this typed answer right? Fair matching of a response against an item's key.

Both sides are brought to one comparable form, a tuple of tokens: Unicode digits read
as digits (NFKC, then `unicodedata.decimal`), case, punctuation and leading articles
dropped, number words turned into digits (`text2num`), amounts written one way ("$6bn" =
"6 billion dollars", "1,235" = "1235"), letters and digits joined alike ("X-59" = "X59"),
and the forms of `ANSWER_FORMS` (acronyms, months, units after a number) replaced by one
name. Symbols that carry meaning ("C++", "C#", an emoji) are kept.

A response is right when that form equals the key's, or one of its accepted forms, or, for
a person, the key without its middle names or initials. Failing that, a typo is forgiven
(`rapidfuzz`'s Levenshtein distance) in proportion to the key's length, with the same first
letter and never in digits: "1235" is not "1253". `grade` says how the key spells an
answer it accepted as a typo, so the feedback can say "Correct (spelled ...)".
"""
import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein
from text_to_num import alpha2digit, text2num

CHOICE_KINDS = ("multiple_choice", "true_false")  # answered by picking an option, not by typing
_ARTICLES = {"the", "a", "an"}
_CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_CURRENCY_WORDS = {"dollar": "dollars", "usd": "dollars", "euro": "euros", "pound": "pounds"}
_SHORT_SCALES = {"bn": "billion", "b": "billion", "m": "million", "mn": "million", "k": "thousand", "tn": "trillion"}
_SCALE_WORDS = {"million": 10**6, "billion": 10**9, "trillion": 10**12}
_NUMBER = re.compile(r"\d+(?:\.\d+)?")

# One line per thing: the name every form stands for, then its forms. A line marked
# "unit" is a unit, read so only right after a number ("5 m" is 5 meters, "m" alone is not).
ANSWER_FORMS = """
us: u.s. | us | usa | u.s.a. | united states | united states of america | america
uk: u.k. | uk | britain | great britain | united kingdom
un: u.n. | un | united nations
eu: e.u. | eu | european union
uae: u.a.e. | uae | united arab emirates
ussr: u.s.s.r. | ussr | soviet union
january: jan | january
february: feb | february
march: mar | march
april: apr | april
june: jun | june
july: jul | july
august: aug | august
september: sep | sept | september
october: oct | october
november: nov | november
december: dec | december
unit km: km | kms | kilometer | kilometers | kilometre | kilometres
unit m: m | meter | meters | metre | metres
unit cm: cm | centimeter | centimeters | centimetre | centimetres
unit mm: mm | millimeter | millimeters | millimetre | millimetres
unit kg: kg | kgs | kilo | kilos | kilogram | kilograms | kilogramme | kilogrammes
unit g: g | gram | grams
unit t: tonne | tonnes | metric ton | metric tons
unit lb: lb | lbs
unit mi: mi | mile | miles
unit ft: ft | foot | feet
unit mph: mph | miles per hour | miles an hour
unit kmh: kmh | kph | km h | kilometers per hour | kilometres per hour | kilometers an hour | kilometres an hour
unit percent: percent | pct | per cent
unit degf: degrees fahrenheit | degree fahrenheit | fahrenheit | degrees f | degree f | deg f | f
unit degc: degrees celsius | degree celsius | celsius | centigrade | degrees c | degree c | deg c | c
unit gw: gw | gigawatt | gigawatts
unit mw: mw | megawatt | megawatts
unit kw: kw | kilowatt | kilowatts
"""


class Grade(NamedTuple):
    """The verdict on a typed answer; `spelled` is the key's spelling when a typo was forgiven."""
    correct: bool
    spelled: str | None = None


def _digits(text):
    """Every Unicode decimal digit (Arabic-Indic, Devanagari, full-width...) as its ASCII digit."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and unicodedata.decimal(ch, None) is not None
                   else ch for ch in text)


def _currency_first(match):
    symbol, amount, scale = match.groups()
    words = [amount]
    if scale:
        words.append(_SHORT_SCALES.get(scale, scale))
    words.append(_CURRENCY[symbol])
    return " ".join(words)


def _number_words(text):
    """Number words as digits ("twenty-five" = "25"), by text2num; text it cannot read stays as it is."""
    try:
        return alpha2digit(text, "en")
    except Exception:  # text2num is strict about odd input; an answer never makes grading fail
        return text


def _single_number_word(token):
    if not token.isalpha() or token in _ARTICLES:
        return token
    try:
        return str(text2num(token, "en"))
    except Exception:
        return token


def _plain(text):
    """The cleaned text, before tokens: Unicode, case, quotes, amounts, acronyms, symbols."""
    text = _digits(unicodedata.normalize("NFKC", text or "")).lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"([$€£¥])\s*(\d[\d.]*)(?:\s*(bn|mn|tn|[bmk]|thousand|million|billion|trillion)\b)?", _currency_first, text)
    text = re.sub(r"\s*%", " percent ", text)
    text = re.sub(r"°\s*([fc])\b", r" degrees \1 ", text)
    text = text.replace("°", " degrees ")
    text = re.sub(r"(?<=\w)'s\b", "", text)  # a possessive; "'S'" (a quoted letter S) stays S
    text = re.sub(r"\b[a-z](?:\.[a-z])+\b\.?", lambda m: m.group(0).replace(".", ""), text)  # U.S.A. = USA
    text = re.sub(r"(?<=[a-z])[-\s]?(?=\+\+)", "", text)  # C++ stays C++, never C
    text = re.sub(r"\+(?=\d)", "", text)
    text = re.sub(r"(?<=[^\W\d_])-(?=\d)|(?<=\d)-(?=[^\W\d_])", "", text)  # X-59 = X59
    text = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?)([^\W\d_]+)\b", r"\1 \2", text)  # 1235km = 1235 km
    kept = []
    for ch in text:
        if ch.isalnum() or ch in ".-+#_" or ch.isspace():
            kept.append(ch)
        elif unicodedata.category(ch) in ("So", "Sk", "Sm", "Sc", "Mn", "Cf", "Cs", "Co"):
            kept.append(f" {ch} " if unicodedata.category(ch) == "So" else ch)  # an emoji is a token of its own
        else:
            kept.append(" ")
    text = "".join(kept)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    text = text.replace("-", " ").replace("_", " ")
    return _number_words(text)


def _amounts(tokens):
    """One way of writing an amount: '6 1000000000' and '6000000000' are '6 billion'; '6 1000' is '6000'."""
    out = []
    for token in tokens:
        token = _CURRENCY_WORDS.get(token, token)
        if out and _NUMBER.fullmatch(out[-1]) and token in {"1000", "1000000", "1000000000", "1000000000000"}:
            out[-1] = str(Decimal(out[-1]) * int(token))
        elif out and _NUMBER.fullmatch(out[-1]) and token in _SCALE_WORDS:
            out[-1] = str(Decimal(out[-1]) * _SCALE_WORDS[token])
        else:
            out.append(_single_number_word(token))
    shown = []
    for token in out:
        if _NUMBER.fullmatch(token):
            token = _scaled(token)
        shown.extend(token.split())
    return shown


def _scaled(number):
    try:
        value = Decimal(number)
    except InvalidOperation:
        return number
    for word, size in sorted(_SCALE_WORDS.items(), key=lambda pair: -pair[1]):
        if value >= size and (value / size) == (value / size).quantize(Decimal("0.001")):
            return f"{_plain_decimal(value / size)} {word}"
    return _plain_decimal(value) if "." in number else number


def _plain_decimal(value):
    return format(value.normalize(), "f")


def _load_forms(table):
    forms = {}
    for line in table.strip().splitlines():
        head, _, rest = line.partition(":")
        unit = head.startswith("unit ")
        name = head.removeprefix("unit ").strip()
        for form in rest.split("|"):
            tokens = tuple(_amounts(_plain(form).split()))
            forms[tokens] = (name, unit)
    return forms, max(len(tokens) for tokens in forms)


_FORMS, _LONGEST_FORM = _load_forms(ANSWER_FORMS)


def _named(tokens):
    """Each form of ANSWER_FORMS as its one name, the longest form first; units only after a number."""
    out, i = [], 0
    while i < len(tokens):
        for size in range(min(_LONGEST_FORM, len(tokens) - i), 0, -1):
            found = _FORMS.get(tuple(tokens[i:i + size]))
            if found and (not found[1] or (out and _NUMBER.fullmatch(out[-1]))):
                out.append(found[0])
                i += size
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def normalize(text):
    """The comparable form of an answer: a list of lowercase tokens."""
    return list(_normal_form(text or ""))


@functools.lru_cache(maxsize=4096)  # keys come back often; the work is pure
def _normal_form(text):
    tokens = _amounts(_plain(text).split())
    while tokens and tokens[0] in _ARTICLES and len(tokens) > 1:
        tokens = tokens[1:]
    return tuple(_named(tokens))


def _initialled(text):
    """Written as a name with an initial ("James N. Mattis"): capitalised words, a capital and a dot."""
    words = (text or "").split()
    return bool(re.search(r"\b[A-Z]\.\s+[A-Z]", text or "")) and all(word[0].isupper() for word in words)


def _name_variants(tokens, person, initialled):
    """A name without its middle initials (a PERSON key, or one written with initials), and a
    PERSON key without any middle names. Other keys keep every word: "Vitamin D deficiency"."""
    variants = [tokens]
    if len(tokens) >= 3 and all(token.isalpha() for token in tokens):
        if person or initialled:
            variants.append([tokens[0], *[t for t in tokens[1:-1] if len(t) > 1], tokens[-1]])
        if person:
            variants.append([tokens[0], tokens[-1]])
    return variants


def edit_distance(a, b, limit=2):
    """Levenshtein distance between two strings (rapidfuzz), `limit + 1` for anything past `limit`."""
    return Levenshtein.distance(a, b, score_cutoff=limit)


def _typo_allowance(text):
    if len(text) >= 20:
        return 3
    if len(text) >= 10:
        return 2
    return 1 if len(text) >= 5 else 0


def _amount_words(tokens):
    """The numbers with the word right after each (its scale or unit): never open to a typo."""
    return [(token, tokens[i + 1] if i + 1 < len(tokens) else "") for i, token in enumerate(tokens)
            if re.search(r"\d", token)]


def _is_typo(said, wanted):
    """Word by word, a few letters off in proportion to each word's length (and the whole's): never a
    word more or less, another first letter, another digit, or another scale or unit of a number."""
    if len(said) != len(wanted) or _amount_words(said) != _amount_words(wanted):
        return False
    budget = _typo_allowance(" ".join(wanted))
    for mine, theirs in zip(said, wanted):
        if mine == theirs:
            continue
        if mine[0] != theirs[0] or re.search(r"\d", mine + theirs):
            return False
        allowance = min(_typo_allowance(theirs), budget)
        distance = edit_distance(mine, theirs, allowance)
        if allowance == 0 or distance > allowance:
            return False
        budget -= distance
    return True


def grade(response, answer, accepted=(), *, person=False):
    """Grade a typed `response` against `answer` and its `accepted` forms.

    `person` (the key names a person) makes middle names and initials optional; a name
    written with an initial ("James N. Mattis") may leave it out. `spelled` is the key's
    own spelling when only a typo was forgiven."""
    said_tokens = normalize(response)
    if not said_tokens:
        return Grade(False)
    said_forms = {" ".join(v) for v in _name_variants(said_tokens, person, _initialled(response))}
    keys = [(key, normalize(key), _initialled(key)) for key in [answer, *accepted] if key]
    for key, tokens, initialled in keys:
        if tokens and any(" ".join(v) in said_forms for v in _name_variants(tokens, person, initialled)):
            return Grade(True)
    for key, tokens, initialled in keys:
        if tokens and any(_is_typo(said_tokens, v) for v in _name_variants(tokens, person, initialled)):
            return Grade(True, key.strip())
    return Grade(False)


def is_correct(response, answer, accepted=(), *, person=False):
    """True when the typed `response` is a fair form of `answer` or an accepted form."""
    return grade(response, answer, accepted, person=person).correct


def is_choice_correct(choice, answer):
    """Multiple choice and true/false: the picked option is the key."""
    return (choice or "").strip() == answer.strip()


def grade_answer(item, response):
    """Grade a response to an item: the picked option for choice kinds, fair matching for typed ones.

    A typed answer's grade is kept per (key, accepted forms, person?, response): checking it and showing its
    feedback both grade it, and a class gives the same answers to one item."""
    if item["kind"] in CHOICE_KINDS:
        return Grade(is_choice_correct(response, item["answer"]))
    return _typed_grade(response, item["answer"], tuple(item.get("accepted") or ()), item.get("answer_type") == "PERSON")


@functools.lru_cache(maxsize=4096)
def _typed_grade(response, answer, accepted, person):
    return grade(response, answer, accepted, person=person)


def is_answer_correct(item, response):
    """Whether a response to an item is right (see `grade_answer`)."""
    return grade_answer(item, response).correct
