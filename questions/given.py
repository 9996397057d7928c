"""Keys the rest of the sentence gives away by arithmetic, not asked at all (rules `sum-in-stem` and
`change-in-stem`): 'a survey of _____ analysts found that 17 predicted a rise, four no change and one a cut'
(the parts add up to it); 'net profit fell 18 percent to _____ from $502 million' (0.82 x 502)."""
import re
from itertools import takewhile

from .bounds import AMOUNT, YEAR, _unit, _value

MONTH_WORDS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"


def sum_in_stem(sentence_text, answer):
    """Whether the rest of the sentence adds up to the key: 'a survey of _____ analysts found that 17 predicted a
    rise, four expected no change and one forecast a cut' (22); 'an additional $31.4 million ..., pushing the total
    to _____, ... the $48.5 million budget' ($79.9 million), or the budget from the other two. Amounts of the key's
    unit and sign ('$' with '$'); a bare count only from counts of two or more ('17', 'four'), never from a year."""
    from itertools import combinations
    from .stem_fit import _digits
    value, unit = _value(answer), _unit(answer)
    position = sentence_text.find(answer)
    if value is None or position < 0:
        return False
    rest = _digits(sentence_text[:position] + " " + sentence_text[position + len(answer):])
    found = []
    for match in AMOUNT.finditer(rest):
        text = match.group(0)
        if text.startswith("$") != answer.startswith("$") or re.fullmatch(r"(?:1[5-9]|20)\d\d", text.split()[0]) \
                or re.search(r"\b(?:" + MONTH_WORDS + r")[a-z]*\.?\s*$", rest[: match.start()]):
            continue  # a year, or the day of a date ("Oct. 24")
        other_unit = _unit(text)
        if unit and not (other_unit == unit or other_unit.startswith(unit.rstrip("$") + " ") or unit == "$"):
            continue  # "$48.5 million budget" is money as "$79.9 million" is
        if not unit and (re.search(r"\d[.,]\d", text) or _value(text) is None):
            continue
        found.append(_value(text))
    if not unit:  # counts: "17 predicted, four expected, one forecast" read "one" too
        found += [1.0] * len(re.findall(r"\bone\s+(?:forecast|said|expected|predicted|voted|abstained)", rest))
    found = found[:8]
    close = lambda a, b: abs(a - b) <= 1e-6 * max(abs(b), 1)  # noqa: E731
    for size in (2, 3, 4):  # the key is the whole, or a part of a whole the sentence gives with the other parts
        if value >= 10 and any(close(sum(parts), value) for parts in combinations(found, size)):
            return True  # not '3' from '1' and '2' of anything
        for whole in (w for w in found if w >= 10 and (size >= 3 or unit)):
            rest_of = [v for v in found if v is not whole]
            if any(close(value + sum(parts), whole) for parts in combinations(rest_of, size - 1)):
                return True
    return False


CHANGE_WORDS = r"(?:up|down|rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|dropped|drop|drops|declined|" \
    r"decline|declines|decreased|decrease|increased|increase|increases|grew|grow|grows|grown|growth|jumped|jump|" \
    r"climbed|climb|slipped|slid|sank|gained|gain|lost|shrank|shrunk|surged|soared|plunged|plummeted|tumbled|eased|" \
    r"cut|cuts|raised|lifted|lowered|reduced|higher|lower)"
PERCENT = r"(?P<{}>\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b)(?!\s*(?:percentage\s+)?points?\b)"
PERCENT_CHANGE = re.compile(r"\b" + CHANGE_WORDS + r"\s+(?:by\s+|of\s+)?(?:(?:nearly|almost|about|around|roughly|"
                            r"some|just)\s+)?" + PERCENT.format("p") + r"|\b" + PERCENT.format("q") +
                            r"\s+(?:[a-z]+\s+)?(?:rise|fall|increase|decrease|drop|decline|gain|jump|cut|growth)\b",
                            re.IGNORECASE)  # "fell 18 percent", "an 18 percent fall"


def _half_unit(number):
    """How far a written figure may be from what it rounds: half its last digit ('411' 0.5, '2.4' 0.05)."""
    digits = number.replace(",", "").lstrip("$")
    return 0.5 * 10 ** -len(digits.split(".")[1]) if "." in digits else 0.5


def _figure(text):
    return re.search(r"\d[\d,]*(?:\.\d+)?", text).group(0)


def _changed_by(a_text, b_text, percent_text):
    """Whether one amount is the other changed by the percentage, as far as the figures' rounding tells."""
    a, b, p = _value(a_text), _value(b_text), float(percent_text)
    if not a or not b:
        return False
    slack = _half_unit(percent_text) + 100 * (_half_unit(_figure(a_text)) / float(_figure(a_text).replace(",", ""))
                                              + _half_unit(_figure(b_text)) / float(_figure(b_text).replace(",", "")))
    return any(abs(abs(x / y - 1) * 100 - p) <= slack + 0.1 for x, y in ((a, b), (b, a)))


NOT_UNITS = {"from", "to", "last", "in", "on", "at", "and", "or", "of", "the", "a", "an", "this", "that", "with",
             "for", "by", "than", "as", "since", "after", "before", "over", "under", "per"}


def _one_unit(a, b):
    """Money with money ('$411 million from' and '$502 million'); else the same first unit word, or one bare count."""
    if a.startswith("$") or b.startswith("$"):
        return a.startswith("$") and b.startswith("$")
    first_a, first_b = (list(takewhile(lambda w: w not in NOT_UNITS, _unit(t).split()))[:1] for t in (a, b))
    return first_a == first_b or not first_a or not first_b


BASE = re.compile(r"\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:(?:a|an|the)\s+)?(?:(?:peak|high|low|"
                  r"record|level|total)\s+of\s+)?$", re.IGNORECASE)  # what the change is counted from


def change_in_stem(sentence_text, answer):
    """Whether the sentence computes the key from a percentage change and another amount: 'net profit fell 18
    percent to _____ from $502 million' ($411 million), '_____, down 34 percent from 9.4 million tonnes', or the
    percentage itself from both amounts ('fell _____ to $411 million from $502 million'). One of the two amounts
    is what the change is counted from ('from', 'compared with'), the figures agree to their rounding, in one unit
    ('$' with '$'); years never count. 'slipped 6 percent to _____, below the $4.35 billion analysts expected'
    gives nothing away."""
    value = _value(answer)
    position = sentence_text.find(answer)
    if value is None or position < 0:
        return False
    changes = list(PERCENT_CHANGE.finditer(sentence_text))
    own = [m for m in changes if position <= m.start("p" if m.group("p") else "q") < position + len(answer)]
    rest = sentence_text[:position] + " " * len(answer) + sentence_text[position + len(answer):]
    taken = [m.span() for m in changes]
    others = [(m.group(0), bool(BASE.search(rest[: m.start()]))) for m in AMOUNT.finditer(rest)
              if not any(s <= m.start() < e for s, e in taken) and not YEAR.fullmatch(m.group(0).split()[0])]
    if own:  # the key is the change: both amounts are in the stem
        percent = own[0].group("p") or own[0].group("q")
        return any(_changed_by(a, b, percent) for i, (a, base_a) in enumerate(others) for b, base_b in others[i + 1:]
                   if (base_a or base_b) and _one_unit(a, b))
    key_is_base = bool(BASE.search(sentence_text[:position]))
    return any(_changed_by(answer, other, change.group("p") or change.group("q")) for change in changes
               for other, base in others if (base or key_is_base) and _one_unit(answer, other))
