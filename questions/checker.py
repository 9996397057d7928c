"""The final gate: the rules of QUESTION-QUALITY.md that a machine can check.

The generator drops every item for which `defects` is not empty, and the tests use
the same function, so both share one definition of "acceptable".
"""
import re

from .textnorm import contains_phrase, norm, words

KINDS = {"multiple_choice", "true_false", "fill_blank", "short_answer"}
VAGUE_STARTS = {"he", "she", "they", "it", "its", "his", "her", "their", "we", "i", "this", "these", "those", "them",
                "that", "there", "you", "our", "my"}
BLANK = "_____"


def defects(item, article_text=None, *, article_norm=None):
    """The list of rules this item breaks (empty when it passes).

    Pass the article (or its `norm`, when checking many items) to check sourcing."""
    if article_norm is None and article_text is not None:
        article_norm = norm(article_text)
    kind, prompt, answer = item.get("kind"), item.get("prompt") or "", item.get("answer") or ""
    source = item.get("source_sentence") or ""
    choices, accepted = item.get("choices") or [], item.get("accepted") or []
    if kind not in KINDS:
        return ["unknown-kind"]
    if not prompt.strip() or not answer.strip():
        return ["empty"]
    found = []
    if article_norm is not None and norm(source) not in article_norm:
        found.append("unsourced")
    if "\n" in source.strip() or not re.search(r"[.?!][\"'\u201d\u2019)]?\s*$", source.strip()) or len(words(source)) < 6:
        found.append("fragment-source")
    first = words(prompt)[:1]
    if first and first[0] in VAGUE_STARTS:
        found.append("vague-start")
    if not 4 <= len(words(prompt)) <= 70:
        found.append("length")
    if prompt.count("\u201c") != prompt.count("\u201d") or prompt.count('"') % 2:
        found.append("unbalanced-quotes")  # a sentence cut inside a quotation
    if re.search(r"\b(\w+) \1\b", prompt, re.IGNORECASE) and not re.search(r"\b(\w+) \1\b", source, re.IGNORECASE):
        found.append("repeated-word")  # "about about 97 percent": a swap or a blank beside its own hedge
    if kind == "true_false":
        if answer not in ("True", "False") or list(choices) != ["True", "False"]:
            found.append("bad-tf")
        elif answer == "False" and article_norm is not None and norm(prompt) in article_norm:
            found.append("false-statement-is-in-article")
        return found
    if not any(contains_phrase(source, a) for a in [answer, *accepted]):
        found.append("answer-not-in-source")
    if any(len(norm(a)) >= 3 and contains_phrase(prompt.replace("_", " "), a) for a in [answer, *accepted]):
        found.append("answer-leak")
    if re.search(r"\b(?:to|and|or|of|from|than|by|with)$", norm(answer)):
        found.append("dangling-answer")  # "$3.9 billion to": half of a range
    if kind in ("fill_blank", "multiple_choice") and BLANK in prompt:
        found.extend(_blank_defects(prompt, answer))
    before_blank = prompt.split(BLANK)[0] if BLANK in prompt else ""
    a_range = re.search(r"\bbetween\s*$", before_blank, re.IGNORECASE) or answer.lower().startswith("between ")
    if kind != "true_false" and two_values(answer) and not a_range:
        found.append("two-values")  # "from _____ by 2029" over "38 percent to 20 percent": two facts in one key
    if kind == "fill_blank" and item.get("phrase"):
        found.extend(_phrase_blank_defects(item, answer))
    if kind == "fill_blank" and (len(re.findall(r"_{3,}", prompt)) != 1 or BLANK not in prompt):
        found.append("bad-blank")
    if kind != "fill_blank" and "___" in prompt and kind != "multiple_choice":
        found.append("bad-blank")
    if kind == "multiple_choice":
        found.extend(_choice_defects(answer, accepted, choices))
    elif choices:
        found.append("bad-choices")
    return found


JOINERS = {"to", "and", "or"}
NUMBER_NAMES = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "twenty", "thirty", "forty", "fifty", "hundred", "a", "an"}
MAX_PHRASE_BLANK_WORDS = 4  # readers r0-r10 accepted 53% of 4-word typed blanks (a leading article aside), 32% of 5-word
NUMBER_WORDS = re.compile(r"\d|\b(?:january|february|march|april|may|june|july|august|september|october|november|"
                          r"december|spring|summer|autumn|fall|winter)\b", re.IGNORECASE)


def two_values(answer):
    """'38 percent to 20 percent', '$5 million and $7 million': two amounts, each with its own unit, in one
    key (a range written with one unit, 'five to ten years', '2 to 3 percent', is one fact)."""
    tokens = re.findall(r"[$\u00a3\u20ac%]|[\w.,'-]+", answer.lower())
    for i, token in enumerate(tokens):
        if token not in JOINERS:
            continue
        left, right = tokens[:i], tokens[i + 1 :]
        if not (any(re.search(r"\d", t) for t in left) and any(re.search(r"\d", t) for t in right)):
            continue
        units = lambda side: {t for t in side if not re.search(r"\d", t) and t not in NUMBER_NAMES}
        if units(left) & units(right):
            return True
    return False


def _phrase_blank_defects(item, answer):
    """A typed blank over a phrase that is not a name: no longer than four words (a long phrase has many
    fair wordings), and not an action that holds a date or an amount ('expected to _____' over 'begin in
    spring 2026': the verb is no fact; the name stage blanks the date itself)."""
    found = []
    typed = answer.split()[1:] if answer.split()[0].lower() in ("the", "a", "an") else answer.split()
    if len(typed) > MAX_PHRASE_BLANK_WORDS:  # "a U.S. appeals court" is four words to type, "the" optional
        found.append("long-blank")
    if (item.get("features") or {}).get("role") == "action" and NUMBER_WORDS.search(answer):
        found.append("action-blank")
    return found


def _choice_defects(answer, accepted, choices):
    low = [norm(c) for c in choices]
    if len(choices) != 4 or low.count(norm(answer)) != 1 or len(set(low)) != len(low):
        return ["bad-choices"]
    keys = {norm(a) for a in [answer, *accepted]}
    for choice in choices:
        if norm(choice) == norm(answer):
            continue
        if norm(choice) in keys or any(contains_phrase(k, choice) or contains_phrase(choice, k) for k in keys):
            return ["distractor-also-correct"]
    return []


def _blank_defects(prompt, answer):
    """Blanks that test nothing: a word inside a name the sentence spells out before its acronym
    ('Co-operation in _____ (OSCE)'), or the source after 'according to'."""
    found = []
    after = prompt.split(BLANK, 1)[1]
    acronym = re.match(r"\s*\(([A-Z]{2,})\)", after)
    initials = "".join(w[0] for w in re.split(r"[\s-]+", answer) if w[:1].isupper())
    if acronym and not (len(initials) >= 2 and (acronym.group(1).startswith(initials) or initials.startswith(acronym.group(1)))):
        found.append("blank-inside-name")
    if re.search(r"\baccording to (?:the )?$", prompt.split(BLANK, 1)[0], re.IGNORECASE) and re.match(r"\s*(?:[.,;:]|$)", after):
        found.append("blank-is-the-source")
    return found
