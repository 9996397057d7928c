"""Amounts and dates as a student types and recognises them: their style, plausible neighbours
of the same style and magnitude for options, and the other fair ways of writing them."""
import re

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


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
    elif SHARE.search(text) and 10 <= value <= 100:  # a share: other plausible shares
        candidates = [round(value * f) for f in (0.5, 0.75)] + [value + d for d in (-20, -10, 10, 20)]
    elif value < 10 and value == int(value):
        candidates = [value + d for d in (-2, -1, 1, 2, 3, 5)]
    else:
        candidates = [value * f for f in (0.5, 0.75, 1.5, 2, 3)]
        if re.search(r"\b(thousand|million|billion|trillion)\b", text, re.IGNORECASE):
            # "$730 million": "$1095 million" is no way to write an amount; stay under the next scale word,
            # and over one of this one ("$1.8 billion": no "$0.9 billion")
            candidates = [c for c in candidates + [value * f for f in (0.6, 1.2, 1.25)]
                          if c < 1000 and (c >= 1 or value < 1)]
    share = bool(SHARE.search(text)) and value <= 100  # a share of something stays a share
    small_coin = re.search(r"(?<!per )\b(?:cents?|pence|p)\b", text) is not None and value < 100  # "90 cents", not "135 cents"
    if small_coin:
        candidates += [value + d for d in (-30, -20, -10, 10)]
    step = None if is_year else round_step(raw)
    if step:  # "about 850": 450, 650, 1,300, never 638 or 1,275 beside a round figure
        candidates = [round(c / step) * step for c in candidates]
    out, taken = [], []
    for candidate in candidates:
        if candidate <= 0 or candidate == value or (share and candidate > 100) or (small_coin and candidate >= 100):
            continue
        if share and any(abs(candidate - other) < 0.08 * max(candidate, other) for other in [value, *taken]):
            continue  # "55 percent" next to "56 percent" is no choice
        taken.append(candidate)
        shown = _format_like(raw, candidate)
        variant = agree(text.replace(raw, shown, 1), raw, shown)
        if variant != text and variant not in out:
            out.append(variant)
    return out


SHARE = re.compile(r"%|\bper ?cent\b", re.IGNORECASE)


def round_step(raw):
    """The roundness of a whole number written with trailing zeros ('850' -> 50, '4,000' -> 1000, '90' -> 10,
    '31,500' -> 500), or None ('71', '9.7'): its options are rounded to it, as a reader expects."""
    digits = raw.replace(",", "")
    if "." in digits or not digits.isdigit() or not digits.endswith("0"):
        return None
    if int(digits) < 100:
        return 5  # "90 cents": 45, 70, 135; a step of 10 leaves a round '10' too few options
    zeros = len(digits) - len(digits.rstrip("0"))
    step = 10 ** zeros
    return step * 5 if digits.rstrip("0")[-1] == "5" and len(digits.rstrip("0")) > 1 else step


IRREGULAR = {"feet": "foot", "people": "person", "children": "child", "men": "man", "women": "woman",
             "teeth": "tooth", "mice": "mouse"}
UNCOUNTED = {"percent", "per", "cent", "%", "million", "billion", "trillion", "thousand", "hundred", "dozen"}


def singular(word):
    if word.lower() in IRREGULAR:
        return IRREGULAR[word.lower()]
    if re.search(r"[^aeiou]ies$", word):
        return word[:-3] + "y"
    if re.search(r"(ch|sh|ss|x)es$", word):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 2 else word


def plural(word):
    back = {v: k for k, v in IRREGULAR.items()}
    if word.lower() in back:
        return back[word.lower()]
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if re.search(r"(ch|sh|ss|x)$", word):
        return word + "es"
    return word if word.endswith("s") else word + "s"


UNIT_ADJECTIVES = {"square", "cubic", "metric", "nautical", "light", "short", "long", "imperial"}


def agree(text, was, now):
    """The unit after a number agrees with it when the number becomes or stops being 1: '1 litre',
    '2 litres', '1 square metre' (never '1 litres')."""
    if (was == "1") == (now == "1"):
        return text
    match = re.search(r"(?<![\d.,])" + re.escape(now) + r"\s+((?:[a-z]+\s+)?)([a-z]+(?:-[a-z]+)?)\b", text)
    if match is None or match.group(1) and match.group(1).strip() not in UNIT_ADJECTIVES:
        return text  # "1 million people", "2 of them": nothing to make agree
    unit = match.group(2)
    if unit in UNCOUNTED:
        return text
    *head, last = unit.split("-")
    wanted = singular(last) if now == "1" else plural(last)
    return text[: match.start(2)] + "-".join(head + [wanted]) + text[match.end(2):]


def _format_like(raw, value):
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    if decimals:
        return f"{value:,.{decimals}f}" if "," in raw else f"{value:.{decimals}f}"
    value = round(value)
    grouped = "," in raw or (len(raw) <= 3 and value >= 1000)  # "850" -> "1,300": written as news writes it
    return f"{value:,}" if grouped else str(value)


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


FUTURE_AUX = {"will", "shall", "'ll"}
INTENT_VERBS = {"expect", "plan", "intend", "aim", "hope"}
FUTURE_VERBS = {"expect", "schedule", "due", "set", "plan", "intend", "aim"}  # "is expected to begin in _____"
PLEDGE_VERBS = {"pledge", "promise", "vow", "offer", "agree", "aim", "plan", "intend", "target", "hope", "commit"}


def _lemma(token):
    """The verb's lemma; 'hopes' is 'hope' (the small model reads it as 'hop')."""
    lower = token.lower_
    return "hope" if lower in ("hopes", "hoping", "hope") else token.lemma_.lower()


def _pledged(token):
    """Whether the verb is what someone pledges, promises, offers or aims to do: 'has pledged to build', 'offered
    to protect', 'is committed to reaching'."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if token.dep_ == "xcomp" and token.tag_ == "VB" and infinitive:
        return _lemma(token.head) in PLEDGE_VERBS
    return token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ == "to" and \
        _lemma(token.head.head) in PLEDGE_VERBS


def future_stem(key):
    """Whether the key dates something still to come in its sentence: 'will take place in _____', 'is
    expected to open in _____', 'is due in _____', what is pledged or offered ('has pledged to build 1,200 homes
    by _____', 'offered to protect jobs until _____'; not the pledge's own date, 'pledged in _____ to build')."""
    token = key.root
    if token.head.lower_ in ("until", "by") and _lemma(token.head.head) in PLEDGE_VERBS and any(
            _pledged(c) for c in token.head.head.children):
        return True  # "offered until _____ to protect jobs": the parser hangs the date on the offer
    while True:
        if _pledged(token):
            return True
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
            return True
        if token.lemma_.lower() in FUTURE_VERBS and token.tag_ == "VBN" and any(
                c.dep_ in ("auxpass", "aux") for c in token.children):
            return True
        if _lemma(token) in INTENT_VERBS and token.tag_ in ("VBZ", "VBP", "VBG"):
            return True  # "which it expects to release in _____", "plans to open in _____"
        if token.head.i == token.i or token.dep_ in ("relcl", "advcl", "ccomp", "conj"):
            return False  # another clause: its tense is its own
        token = token.head


def in_past_tense(key):
    """Whether the date's clause is told in the past tense ('was appointed in _____', 'left Earth in _____')."""
    token = _clause_verb(key)
    if token is None or future_stem(key) or key.root.head.lower_ in ("until", "till", "through", "to"):
        return False  # "signed a contract until June 2027": the end of what was signed, still to come
    modal = any(c.tag_ == "MD" or c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return token.tag_ == "VBD" or token.tag_ == "VBN" and not modal


def _clause_verb(key):
    token = key.root
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else None


def told_as_past(key):
    """Whether the clause of the date tells what is or was, not what someone plans or hopes: its verb is no
    infinitive nor a verb after a modal ('to reach Jupiter by 2030', 'could open in 2031'), and not a future."""
    token = _clause_verb(key)
    if token is None or future_stem(key):
        return False
    return token.tag_ != "VB"


DATE_LINE = re.compile(r"^\s*(?:[A-Z][A-Za-z.' -]*,\s*)?(" + "|".join(MONTHS) + r")\.?\s+\d{1,2},\s+(\d{4})\s*$",
                       re.IGNORECASE | re.MULTILINE)


def article_now(text):
    """(year, month) of the article's own date line ('SEPTEMBER 18, 2024'), or None."""
    match = DATE_LINE.search(text)
    if match is None:
        return None
    return int(match.group(2)), [m.lower() for m in MONTHS].index(match.group(1).lower()) + 1


def year_month(text):
    """(year, month) of a date option ('March 2025' -> (2025, 3), '2025' -> (2025, 12): all of it), or None."""
    year = re.search(r"\b(1[5-9]|20)\d\d\b", text)
    if year is None:
        return None
    month = next((i + 1 for i, m in enumerate(MONTHS) if re.search(r"\b" + m[:3], text)), 12)
    return int(year.group(0)), month


def later_dates(answer, now):
    """Dates in the key's style after `now`, nearest the key first: options for 'will take place in _____'."""
    key = year_month(answer)
    style = date_style(answer)
    if key is None or style not in ("year", "month-year"):
        return []
    if style == "year":
        found = [str(key[0] + d) for d in (1, 2, -1, 3, 4, 5)]
    else:
        month = MONTHS[key[1] - 1]
        found = [f"{m} {key[0] + d}" for d in (0, 1, -1, 2) for m in [month] + MONTHS if f"{m} {key[0] + d}" != answer]
    return [d for d in dict.fromkeys(found) if year_month(d) > now]


def earlier_dates(answer):
    """Dates in the key's style before it, nearest first: options for a past date once the later ones are
    ruled out ('a judge ruled in August 2024', in a story of 2024: no 'August 2026')."""
    key, style = year_month(answer), date_style(answer)
    if key is None or style not in ("year", "month-year"):
        return []
    if style == "year":
        return [str(key[0] - d) for d in (1, 2, 3, 4, 5, 6)]
    month = answer.split()[0]
    return [f"{month} {key[0] - d}" for d in (1, 2, 3, 4)]


def past_tense_year(b, answer):
    """The latest year the article dates in a clause told in the past tense, the key's own year aside, or None."""
    if getattr(b, "_past_tense_years", None) is None:
        b._past_tense_years = [(year_month(e.text)[0], e.text) for s in b.sentences for e in s.span.ents
                               if e.label_ == "DATE" and re.search(r"\b(1[5-9]|20)\d\d\b", e.text) and in_past_tense(e)]
    years = [year for year, text in b._past_tense_years if year_month(text) != year_month(answer)]
    return max(years) if years else None
