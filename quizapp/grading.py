"""Is this typed answer right? Tolerant matching of a response against an item's key.

A response matches when, after normalising case, punctuation, leading articles,
number words, currency and percent signs, it equals the answer or one of the
accepted forms, or is one small typo away from one of them (same first letter). Digits never get the
typo allowance: "17" is not "18".
"""
import re
import unicodedata

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS)}
NUMBER_WORDS.update({word: 20 + 10 * i for i, word in enumerate(_TENS)})
_SCALES = {"hundred": 100, "thousand": 1000}
_ARTICLES = {"the", "a", "an"}
_CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds", "¥": "yen"}
_CURRENCY_WORDS = {"dollar": "dollars", "usd": "dollars", "euro": "euros", "pound": "pounds"}
CHOICE_KINDS = ("multiple_choice", "true_false")  # answered by picking an option, not by typing
_SHORT_SCALES = {"bn": "billion", "b": "billion", "m": "million", "mn": "million", "k": "thousand", "tn": "trillion"}


def normalize(text):
    """The comparable form of an answer: a list of lowercase tokens."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"([$€£¥])\s*(\d[\d.]*)(?:\s*(bn|mn|tn|[bmk]|thousand|million|billion|trillion)\b)?", _currency_first, text)
    text = re.sub(r"(\d)\s*%", r"\1 percent", text)
    text = text.replace("per cent", "percent")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^\w.\s-]", " ", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    text = text.replace("-", " ")
    tokens = [_CURRENCY_WORDS.get(t, t) for t in text.split()]
    tokens = _numbers_to_digits(tokens)
    while tokens and tokens[0] in _ARTICLES and len(tokens) > 1:
        tokens = tokens[1:]
    return tokens


def _currency_first(match):
    symbol, amount, scale = match.groups()
    words = [amount]
    if scale:
        words.append(_SHORT_SCALES.get(scale, scale))
    words.append(_CURRENCY[symbol])
    return " ".join(words)


def _numbers_to_digits(tokens):
    """Turn runs of number words ("twenty one", "three hundred") into digits."""
    out, value, in_number = [], 0, False
    for token in tokens + [""]:
        if token in NUMBER_WORDS:
            value += NUMBER_WORDS[token]
            in_number = True
        elif token in _SCALES and in_number:
            value = max(value, 1) * _SCALES[token]
        elif token == "and" and in_number:
            continue
        else:
            if in_number:
                out.append(str(value))
                value, in_number = 0, False
            if token:
                out.append(token)
    return out


def edit_distance(a, b, limit=2):
    """Levenshtein distance between two strings, stopping early past `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _typo_allowance(text):
    if re.search(r"\d", text):
        return 0
    if len(text) >= 10:
        return 2
    return 1 if len(text) >= 5 else 0


def is_correct(response, answer, accepted=()):
    """True when the typed `response` is a fair form of `answer` or an accepted form."""
    said = " ".join(normalize(response))
    if not said:
        return False
    for key in [answer, *accepted]:
        wanted = " ".join(normalize(key))
        if not wanted:
            continue
        if said == wanted:
            return True
        if re.sub(r"\D", "", said) != re.sub(r"\D", "", wanted):
            continue
        if said[0] == wanted[0] and edit_distance(said, wanted) <= _typo_allowance(wanted):
            return True
    return False


def is_choice_correct(choice, answer):
    """Multiple choice and true/false: the picked option is the key."""
    return (choice or "").strip() == answer.strip()


def is_answer_correct(item, response):
    """Grade a response to an item: the picked option for choice kinds, tolerant matching for typed ones."""
    if item["kind"] in CHOICE_KINDS:
        return is_choice_correct(response, item["answer"])
    return is_correct(response, item["answer"], item["accepted"])
