"""What the stem and the key say of an amount: its unit and value, a hedge in front of it, and bounds the
stem sets by arithmetic ('less than half of 210 millimetres', 'down 34 percent from _____', 'and again in
2021', 'between 20 and _____ percent'), so that no option is ruled out by the stem itself (distractors.py)."""
import re

FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 0.25,
             "one quarter": 0.25, "a fifth": 0.2, "one fifth": 0.2, "a tenth": 0.1, "one tenth": 0.1,
             "two thirds": 2 / 3, "two-thirds": 2 / 3, "three quarters": 0.75, "three-quarters": 0.75,
             "twice": 2.0, "double": 2.0, "three times": 3.0, "triple": 3.0}
BELOW = {"less than", "under", "below", "fewer than", "not even", "barely"}
ABOVE = {"more than", "over", "above", "at least"}
FRACTION_PHRASE = re.compile(
    r"\b(?P<cmp>less than|more than|fewer than|under|over|below|above|at least|nearly|almost|about|around|roughly|"
    r"some|just over|just under)?\s*(?P<frac>" + "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True))
    + r")\b(?: of)?(?P<gap>(?:\s+[A-Za-z'\u2019-]+){0,5}?)\s+"
    r"(?P<amount>\$?\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?[^,;.]*)",
    re.IGNORECASE)


def stem_bound(sentence_text, answer):
    """What the stem says of the key by arithmetic: 'averaged _____, less than half the long-term
    average of 210 millimetres' -> ('below', 105). ('near', x) for 'nearly a fifth of 2.2 million',
    where the stem gives the key away and no option is fair; None when the stem says nothing."""
    value, unit = _value(answer), _unit(answer)
    if value is None:
        return None
    text = sentence_text.replace(answer, " ")
    for match in FRACTION_PHRASE.finditer(text):
        amount = match.group("amount")
        other, other_unit = _value(amount), _unit(amount.split(" of ")[0])
        if other is None or not other_unit.startswith(unit.split()[0] if unit else ""):
            continue
        target = FRACTIONS[match.group("frac").lower()] * other
        if not 0.2 <= value / target <= 5:
            continue  # the fraction is of something else
        return (_side(match.group("cmp")), target)
    return None


def _side(comparator, flipped=False):
    """'below' for 'less than half of ...', 'above' for 'more than ...', 'near' for 'about' or none; `flipped`
    when the key is the base the multiple is of ('6.8, more than three times the key': below)."""
    comparator = (comparator or "").lower()
    side = "below" if comparator in BELOW or comparator == "just under" else \
        "above" if comparator in ABOVE or comparator == "just over" else "near"
    return {"below": "above", "above": "below"}.get(side, side) if flipped else side


MULTIPLE_BEFORE = re.compile(
    r"\b(?P<cmp>less than|more than|under|over|below|above|at least|nearly|almost|about|around|roughly|just over|"
    r"just under)?\s*(?P<frac>" + "|".join(sorted(map(re.escape, FRACTIONS), key=len, reverse=True))
    + r")\b(?: of)?(?:\s+[A-Za-z'\u2019-]+){0,5}?\s*$", re.IGNORECASE)


def base_bound(sentence_text, answer):
    """The key as the base of a multiple stated before it: 'rose by 6.8 percent, more than three times the
    central bank's target of _____' (2 percent) -> ('below', 2.27); None when no amount of the key's unit
    comes before the multiple in its clause."""
    value, at = _value(answer), sentence_text.find(answer)
    if value is None or at < 0:
        return None
    before = sentence_text[:at]
    match = MULTIPLE_BEFORE.search(before)
    if match is None:
        return None
    clause = re.split(r"[;:]", before[: match.start()])[-1]
    amounts = [m.group(0) for m in AMOUNT.finditer(clause) if _value(m.group(0)) and _comparable(m.group(0), answer)]
    if not amounts:
        return None
    target = _value(amounts[-1]) / FRACTIONS[match.group("frac").lower()]
    if not 0.2 <= value / target <= 5:
        return None  # the multiple is of something else
    return (_side(match.group("cmp"), flipped=True), target)  # more than three times the key: below 6.8 / 3


YEAR = re.compile(r"(?:1[5-9]|20)\d\d\b")
CHANGE = re.compile(r"\b(?P<dir>down|up|lower|higher|fell|rose|dropped|climbed)\b(?!\s+to\s)(?:\s+[\w.%$,-]+){0,4}?\s+"
                    r"from\b", re.IGNORECASE)  # "rose to 18 from 12": moved_bound's
DOWN = {"down", "lower", "fell", "dropped"}
CLAUSE_BREAK = re.compile(r";|\b(?:while|but|whereas|although|compared with)\b", re.IGNORECASE)
CHANGE_REACH = 60  # "took _____ of the council's 45 seats, up from 16": the change is of the clause's amount


def _levels(text, fits, start, end):
    """The amounts of text[start:end] that `fits` accepts, less a whole a part is counted of ('of the council's
    45 seats')."""
    return [m for m in AMOUNT.finditer(text, start, end) if fits(m.group(0)) and not _a_whole(text[: m.start()])]


def _a_whole(before):
    """Whether an amount after `before` is the whole of a part counted just before it ('19 of the council's')."""
    return re.search(r"\d[\d,.]*%?(?:\s+[a-z]+)?\s+of\s+" + WHOSE + r"$", before) is not None


def change_bound(sentence_text, answer):
    """'... at 6.2 million tonnes, down 34 percent from _____': the key is above 6.2 million tonnes;
    '_____, down 34 percent from 9.4 million tonnes': below 9.4 million; 'took _____ of the council's 45 seats,
    up from 16': above 16 (the last amount of the clause before the change, a whole it counts of aside).
    None when the stem says nothing."""
    value, unit = _value(answer), _unit(answer)
    position = sentence_text.find(answer)
    if value is None or position < 0 or not unit and YEAR.fullmatch(answer.strip()) or \
            _a_whole(sentence_text[:position]):
        return None

    def fits(text):  # a bare count ("up from _____ in 2014") is of what the amount before it counts ("29 pupils")
        return _same_unit(text, unit) if unit else not re.search(r"%|percent|\$", text) and not YEAR.match(text.strip())

    for match in CHANGE.finditer(sentence_text):
        down = match.group("dir").lower() in DOWN
        if position >= match.end():  # the key is what it changed from
            breaks = list(CLAUSE_BREAK.finditer(sentence_text, 0, match.start()))
            before = _levels(sentence_text, fits, breaks[-1].end() if breaks else 0, match.start())
            if before and position - match.end() < 3:
                other = _value(before[-1].group(0))
                return ("above", other) if down else ("below", other)
        elif position + len(answer) <= match.start():
            between = sentence_text[position + len(answer): match.start()]
            if len(between) > CHANGE_REACH or CLAUSE_BREAK.search(between) or \
                    _levels(sentence_text, fits, position + len(answer), match.start()):
                continue  # another clause, or another amount the change is of
            after = AMOUNT.match(sentence_text[match.end():].lstrip())
            if after and fits(after.group(0)):
                other = _value(after.group(0))
                return ("below", other) if down else ("above", other)
    return None


UP_VERBS = r"deepen|deepened|deepening|widen|widened|widening|raise|raised|raising|increase|increased|increasing|" \
    r"expand|expanded|expanding|extend|extended|extending|lift|lifted|lifting|boost|boosted|boosting|grow|grew|grown|" \
    r"growing|lengthen|lengthened|enlarge|enlarged"
DOWN_VERBS = r"cut|cutting|reduce|reduced|reducing|lower|lowered|lowering|shrink|shrank|shrunk|shrinking|narrow|" \
    r"narrowed|narrowing|trim|trimmed|trimming|slash|slashed|slashing|decrease|decreased|decreasing|shorten|shortened"
MOVE = re.compile(rf"\b(?:(?P<up>{UP_VERBS})|(?P<down>{DOWN_VERBS}))\b(?P<gap>(?:\s+[\w'\u2019-]+){{0,8}}?)\s+from\s+",
                  re.IGNORECASE)


def moved_bound(sentence_text, answer):
    """'to deepen the channel from 11 metres to _____': the key is above 11 metres ('above', 11); 'from _____ to
    14 metres': below 14; a cut the other way round; 'narrowed to _____ from 37.5 percent': below 37.5, 'rose to
    18 from _____': below 18. None without such a verb, or with amounts in two units."""
    position, value = sentence_text.find(answer), _value(answer)
    if position < 0 or value is None:
        return None
    for match in TO_FROM.finditer(sentence_text):
        up = match.group("up") is not None
        for mine, other, went in (("to", "from", True), ("from", "to", False)):
            if match.start(mine) == position and match.group(mine).startswith(answer.split()[0]) and \
                    _comparable(match.group(other), answer):
                side = "above" if up == went else "below"  # where it went is past where it started
                return (side, _value(match.group(other)))
    for match in MOVE.finditer(sentence_text):
        up = match.group("up") is not None
        rest = sentence_text[match.end():]
        if position == match.end():  # "from _____ to 14 metres": where it started
            after = re.match(r"\s*to\s+(" + AMOUNT.pattern + ")", sentence_text[position + len(answer):])
            if after and _comparable(after.group(1), answer):
                return ("below", _value(after.group(1))) if up else ("above", _value(after.group(1)))
        first = re.match(AMOUNT.pattern + r"\s+to\s+$", rest[: position - match.end()]) if position > match.end() else None
        if first and _comparable(first.group(0).rsplit(" to", 1)[0], answer):
            other = _value(first.group(0))
            return ("above", other) if up else ("below", other)
    return None


def _comparable(other, answer):
    """Two amounts one change reads: in one unit, or one of them bare, and money or a share only with its like."""
    share = lambda text: bool(re.search(r"%|\bper ?cent\b", text))  # noqa: E731
    if other.startswith("$") != answer.startswith("$") or share(other) != share(answer):
        return False
    unit, other_unit = _unit(answer).rstrip("$"), _unit(other).rstrip("$")
    return not unit or not other_unit or _same_unit(other, _unit(answer)) or _same_unit(answer, _unit(other))


def _same_unit(text, unit):
    """'9.4 million tonnes last year' counts tonnes, as '6.2 million tonnes' does."""
    found = _unit(text)
    return found == unit or found.startswith(unit.rstrip("$") + " ") and found.endswith("$") == unit.endswith("$")


AMOUNT = re.compile(r"\$?\d[\d,]*(?:\.\d+)?%?(?:\s+(?:thousand|million|billion|trillion))?(?:\s+[a-z%]+){0,2}")


def later_year(sentence_text, answer):
    """'Tensions rose in _____, when ..., and again in 2021': the key came before 2021 (or None)."""
    position = sentence_text.find(answer)
    match = re.search(r"\b(?:and again|again|then|later|and later|until|before)\s+in\s+(\d{4})\b",
                      sentence_text[position + len(answer):]) if position >= 0 else None
    return int(match.group(1)) if match else None


HEDGE = r"(?:about|around|roughly|nearly|almost|some|approximately|close to|an estimated|estimated)"
HEDGE_MARGIN = 0.15  # "about 4 percent": 4.1 percent is about 4 percent too


def hedge_bound(sentence_text, answer):
    """'kept its forecast of about _____' (4 percent), or a key 'nearly 850': an option as near as 4.1 percent is
    a second right answer, so none within HEDGE_MARGIN of the key ('apart', 4); None for a key stated plainly."""
    position, value = sentence_text.find(answer), _value(answer)
    if position < 0 or value is None:
        return None
    if re.search(r"\b" + HEDGE + r"\s+$", sentence_text[:position], re.IGNORECASE) or \
            re.match(HEDGE + r"\s", answer, re.IGNORECASE):
        return ("apart", value)
    return None


def _within(option, bound):
    side, target = bound
    value = _value(option)
    if value is None or side == "near":
        return False  # "nearly a fifth of 2.2 million hectares" names the key: a typed item instead
    if side == "apart":
        return abs(value - target) > HEDGE_MARGIN * target
    return value < target if side == "below" else value > target
LEADING_HEDGES = re.compile(r"^(?:(?:an estimated|estimated|only|just|about|around|nearly|almost|approximately|roughly|some|over|under|up to|"
                            r"above|below|beyond|upwards of|close to|well over|well under|just over|just under|"
                            r"more than|less than|fewer than|at least|at most|as many as|as much as|as few as|as little as)\s+)+",
                            re.IGNORECASE)


def bare_amount(name):
    """'Only 78 percent', 'Up to 90 percent', 'above 85 percent' as options beside '64 percent': '78 percent',
    '90 percent', '85 percent'."""
    return LEADING_HEDGES.sub("", name).strip() or name


MAGNITUDES = {"thousand", "million", "billion", "trillion", "hundred"}


def _unit(text):
    """What an amount counts, every word after its number: 'cubic metres' is no 'metres'."""
    number = re.search(r"\d", text)
    after = text[number.start():] if number else text
    words = [w.lower() for w in re.findall(r"[A-Za-z%]+", after) if w.lower() not in MAGNITUDES]
    return " ".join(words) + ("$" if "$" in text else "")


SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def magnitude(text):
    """The magnitude word an amount is written in ('$2.4 billion' -> 'billion', '$600 million' -> 'million',
    '410,000' -> '')."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?\s+(thousand|million|billion|trillion)\b", text, re.IGNORECASE)
    return match.group(1).lower() if match else ""


def _value(text):
    """The amount as a number, its magnitude word counted: '9.4 million tonnes' is 9,400,000."""
    match = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    if not match:
        return None
    scale = next((SCALE[w] for w in re.findall(r"[a-z]+", text[match.end():].lower())[:1] if w in SCALE), 1)
    return float(match.group(0).replace(",", "")) * scale


def range_bound(sentence_text, answer):
    """'revenue of _____ to $4.05 billion', 'between _____ and 30 percent': the key is below the range's other
    end; 'between 20 and _____ percent', '$3.9 billion to _____': above it. 'from 22 percent to _____' is a
    change, up or down, and bounds nothing; None when the key is no end of a range in one unit."""
    position, unit = sentence_text.find(answer), _unit(answer)
    if position < 0 or _value(answer) is None:
        return None
    words = unit.rstrip("$").split()
    number = r"(\$?\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?)"
    tail = r"(?:\s+" + r"\s+".join(map(re.escape, words)) + r")?" if words else ""
    before_text = sentence_text[:position]
    after = re.match(r"\s*(to|and|-|\u2013)\s*" + number + tail + r"\b", sentence_text[position + len(answer):])
    if after and (re.search(r"\bfrom\s*$", before_text) or after.group(1) == "and" and not
                  re.search(r"\bbetween\s*$", before_text)):
        after = None  # "from _____ to 20 percent": a change; "30 and 12 jets": two counts, not a range
    after = after and re.match(r"\s*(?:to|and|-|\u2013)\s*" + number, after.group(0))
    before = re.search(r"(?:\bbetween\s+|(?<!from )(?<=\s))" + number + tail + r"\s+(and|to|-|\u2013)\s*$", before_text)
    if before and (before.group(2) == "and") != bool(re.search(r"\bbetween\s+\S+(?:\s+\S+){0,3}\s+and\s*$",
                                                              before_text)):
        before = None  # "and" only closes a range opened by "between"
    if before and re.search(r"\bfrom\s+" + number + tail + r"\s+to\s*$", before_text):
        before = None  # "from 22 percent to _____": a change
    for match, side in ((after, "below"), (before, "above")):
        if match and match.group(1).startswith("$") == unit.endswith("$"):
            return (side, _value(match.group(1) + " " + " ".join(words)))
    return None


NUMBER = r"(\$?\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?)"
WHOSE = r"(?:(?:the|its|their|his|her|all|[\w-]+['\u2019]s)\s+){0,3}"  # "of the region's", "of its"


def whole_bound(sentence_text, answer):
    """'_____ of the region's 1.64 million registered voters', 'taking _____ of the 55 seats': a part is
    below its whole ('below', 1.64 million); '1.12 million of the region's _____ voters': the whole is above
    the part ('above', 1.12 million). None when the key is neither; a share ('40 percent of the 55 seats')
    counts in another unit and is bounded by nothing here."""
    position, value, unit = sentence_text.find(answer), _value(answer), _unit(answer)
    if position < 0 or value is None or "percent" in unit or "%" in answer:
        return None
    after = re.match(r"\s+of\s+" + WHOSE + NUMBER + r"(?![\d.,]*\s*(?:percent|%))", sentence_text[position + len(answer):])
    if after and _value(after.group(1)) > value and after.group(1).startswith("$") == answer.startswith("$"):
        return ("below", _value(after.group(1)))
    before = re.search(r"(?<![\w.,$])" + NUMBER + r"(?:\s+[a-z]+)?\s+of\s+" + WHOSE + r"$", sentence_text[:position])
    if before and _value(before.group(1)) < value and before.group(1).startswith("$") == answer.startswith("$"):
        return ("above", _value(before.group(1)))
    return None


NOT_A_MAJORITY = re.compile(r"\b(?:short of|without|lost|lose|loses|losing|no|not|failed|fail|fails|minority|"
                            r"deprived|denied|missed|miss|misses)\b", re.IGNORECASE)


def majority_bound(sentence_text, answer):
    """'won an outright majority ..., taking _____ of the 55 seats': more than half of the whole ('above', 27.5);
    'taking 29 of the _____ seats': a whole under twice the part ('below', 58). None where the sentence denies
    the majority ('fell short of a majority') or names no whole."""
    bound = whole_bound(sentence_text, answer)
    if bound is None or not re.search(r"\bmajority\b", sentence_text, re.IGNORECASE) or \
            NOT_A_MAJORITY.search(sentence_text):
        return None
    return ("above", bound[1] / 2) if bound[0] == "below" else ("below", bound[1] * 2)


THRESHOLD = re.compile(r"\b(?P<near>just|narrowly|barely|only just)?\s*(?P<side>short of|below|under|(?:cleared|"
                       r"cleared|passed|crossed|exceeded|topped|surpassed|beat|beaten|beating|clearing|passing|"
                       r"crossing|exceeding|topping))\s+(?:the\s+|a\s+)?" + NUMBER + r"\s*(?P<unit>percent|%)?"
                       r"(?:\s+[\w-]+){0,2}?\s+(?:threshold|mark|barrier|hurdle|minimum|bar|target|line)\b",
                       re.IGNORECASE)


def threshold_bounds(sentence_text, answer):
    """'fell just short of the 5 percent threshold ..., finishing with _____': below 5 percent, and near it
    ('just'); 'cleared the 5 percent threshold with _____': above it. Only for a key after the threshold in
    the same clause (no 'while', 'but' or ';' between) and in its unit; [] when the stem says nothing."""
    position, value, unit = sentence_text.find(answer), _value(answer), _unit(answer)
    if position < 0 or value is None:
        return []
    for match in THRESHOLD.finditer(sentence_text[:position]):
        between = sentence_text[match.end():position]
        if re.search(r"\b(?:while|but|whereas|although)\b|;", between) or AMOUNT.search(between):
            continue  # "Y fell short of the 5 percent mark, while X won _____": another party's share
        if bool(match.group("unit")) != ("percent" in unit or "%" in answer):
            continue
        target = _value(match.group(3))
        below = match.group("side").lower() in ("short of", "below", "under")
        bounds = [("below", target) if below else ("above", target)]
        if match.group("near"):
            bounds.append(("above", target * 0.8) if below else ("below", target * 1.25))
        return bounds
    return []


COMPARED = re.compile(r"\b(?P<far>well|far|much|comfortably)?(?:just|still|even|slightly)?\s*(?P<side>below|under|short of|"
                      r"beneath|above|over|beyond|exceeding|higher than|lower than|less than|more than)\s+(?:the\s+|a\s+)?"
                      r"(?:(?:[\w-]+['\u2019]s\s+|[a-z-]+\s+){0,4}?(?:target|limit|threshold|level|average|rate|goal|"
                      r"ceiling|cap|minimum|maximum|mark|norm|benchmark)\s+of\s+)?$",
                      re.IGNORECASE)  # "well above the central bank's target of _____"
FAR_MARGIN = 1.1  # "well above 5.3%": the option is more than a tenth of it away (not 5%)
FALL_WORDS = r"(?:fallen|fell|falls|dropped|drops|declined|declines|decreased|eased|slipped|shrank|shrunk)"
RISE_WORDS = r"(?:risen|rose|rises|climbed|climbs|increased|increases|grew|grown|jumped|soared|edged up|edging up|" \
             r"inched up|inching up|crept up|creeping up)"

FIGURE = r"\$?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s+(?:thousand|million|billion|trillion))?"  # "64," ends at "64"
TO_FROM = re.compile(rf"\b(?:(?P<up>{UP_VERBS}|{RISE_WORDS[3:-1]})|(?P<down>{DOWN_VERBS}|{FALL_WORDS[3:-1]}))\b"
                     r"(?:\s+[\w'\u2019%.$-]+){0,6}?\s+to\s+(?P<to>" + FIGURE + r"(?:\s+(?!from\b)[a-z%]+){0,2}?)"
                     r"\s+from\s+(?P<from>" + FIGURE + r"(?:\s+[a-z%]+){0,2})", re.IGNORECASE)


def compared_bounds(sentence_text, answer):
    """'has fallen to 81 percent, well below the _____ that health authorities say is needed': the key is
    above 81 percent; 'rose to 81 percent, above the _____ target': below it (the last amount of the key's
    unit before the comparison, in the same clause). 'fallen ... from a peak of _____ in April to 37 last
    week': above 37; 'risen from a low of _____ to 37': below it. [] when the stem says nothing."""
    position, value, unit = sentence_text.find(answer), _value(answer), _unit(answer)
    if position < 0 or value is None:
        return []
    bounds, before = [], sentence_text[:position]
    compared = COMPARED.search(before)
    if compared:
        clause = re.split(r";|\b(?:while|but|whereas|although)\b", before[: compared.start()])[-1]
        stated = [m for m in AMOUNT.finditer(clause) if (_same_unit(m.group(0), unit) or not unit)
                  and m.group(0).startswith("$") == answer.startswith("$")]  # a bare key: what the clause measured
        if stated:
            side = compared.group("side").lower()
            below = side in ("below", "under", "short of", "beneath", "lower than", "less than")
            margin = FAR_MARGIN if compared.group("far") else 1.0  # "well above 5.3%": not 5% either
            bound = _value(stated[-1].group(0))
            bounds.append(("above", bound * margin) if below else ("below", bound / margin))
    change = re.search(r"\b(?P<dir>" + FALL_WORDS + "|" + RISE_WORDS + r")\b[^;]*?\bfrom\s+(?:a\s+(?:peak|high|low|"
                       r"record|level)\s+of\s+)?$", before, re.IGNORECASE)
    if change:
        target = re.match(r"[^;]*?\bto\s+" + NUMBER + r"(?P<rest>(?:\s+[a-z%]+){0,2})", sentence_text[position + len(answer):])
        if target and target.group(1).startswith("$") == answer.startswith("$") and \
                (not unit.rstrip("$") or (target.group("rest").strip() + " ").startswith(unit.rstrip("$").split()[0] + " ")):
            fell = re.fullmatch(FALL_WORDS, change.group("dir"), re.IGNORECASE) is not None
            bounds.append(("above" if fell else "below", _value(target.group(1))))
    moved = re.search(r"\b(?P<dir>" + FALL_WORDS + "|" + RISE_WORDS + r")\b[^;]*?\bfrom\s+" + NUMBER +
                      r"(?P<rest>(?:\s+[a-z%]+){0,2}?)\s+to\s+$", before, re.IGNORECASE)
    if moved and moved.group(2).startswith("$") == answer.startswith("$") and (
            not unit.rstrip("$") or not moved.group("rest").strip() or
            (moved.group("rest").strip() + " ").startswith(unit.rstrip("$").split()[0] + " ")):
        fell = re.fullmatch(FALL_WORDS, moved.group("dir"), re.IGNORECASE) is not None
        bounds.append(("below" if fell else "above", _value(moved.group(2))))  # "rose from 28 percent to _____"
    return bounds


def stem_bounds(sentence_text, answer):
    """Every bound the sentence sets on its amount key (an empty list when it sets none)."""
    found = [stem_bound(sentence_text, answer), base_bound(sentence_text, answer), change_bound(sentence_text, answer), moved_bound(sentence_text, answer),
             range_bound(sentence_text, answer), whole_bound(sentence_text, answer),
             majority_bound(sentence_text, answer), hedge_bound(sentence_text, answer),
             *threshold_bounds(sentence_text, answer), *compared_bounds(sentence_text, answer)]
    return [bound for bound in found if bound is not None]


def stem_allows(sentence_text, answer, option):
    """Whether the option is one the sentence does not rule out as the key ('took _____ of the 45 seats, up from
    16': no 14; 'of about _____' (4 percent): no 4.1 percent)."""
    return all(_within(option, bound) for bound in stem_bounds(sentence_text, answer))

