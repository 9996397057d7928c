"""The other fair forms of a typed answer that every maker shares: "71%" for "71 percent", "October 24" for
"Oct. 24", the surname alone for a person named in full, the name without its "the".

The app's grading accepts these forms on its own (quizapp/grading.py); listing them in `accepted` is
for the teacher reading the item, for exports (GIFT, Anki) and for anyone grading by the list alone.
A form the prompt itself contains is never added: it would give the answer away.
"""
import re

from .name_items import NAME_TAILS
from .textnorm import contains_phrase, norm

TYPED = ("fill_blank", "short_answer")
MONTHS = {"Jan.": "January", "Feb.": "February", "Mar.": "March", "Apr.": "April", "Aug.": "August",
          "Sept.": "September", "Sep.": "September", "Oct.": "October", "Nov.": "November", "Dec.": "December"}
_MONTH = re.compile(r"\b(" + "|".join(re.escape(m) for m in MONTHS) + r")(?=\s|$)")
_PERCENT = re.compile(r"(\d[\d.,]*)\s*(?:percent|per cent)\b")
_SIGN = re.compile(r"(\d[\d.,]*)%")
SUFFIXES = {"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"}


def widen(items):
    """Add the shared fair forms to each typed item's `accepted` (in place); returns the items."""
    for item in items:
        if item["kind"] not in TYPED:
            continue
        have = {norm(a) for a in [item["answer"], *item.get("accepted", [])]}
        prompt = item["prompt"].replace("_", " ")
        for form in forms(item["answer"], item.get("answer_type")):
            if norm(form) not in have and not contains_phrase(prompt, form):
                item.setdefault("accepted", []).append(form)
                have.add(norm(form))
    return items


def forms(answer, answer_type=None):
    """Other ways of writing `answer` that mean the same ('71 percent' -> '71%', 'Oct. 24' -> 'October 24')."""
    found = []
    if _PERCENT.search(answer):
        found.append(_PERCENT.sub(r"\1%", answer))
    if _SIGN.search(answer):
        found.append(_SIGN.sub(r"\1 percent", answer))
    if _MONTH.search(answer):
        found.append(_MONTH.sub(lambda m: MONTHS[m.group(1)], answer))
    if answer_type == "PERSON":
        names = [w for w in answer.split() if w.lower() not in SUFFIXES]
        if len(names) >= 2 and names[-1][:1].isupper() and names[-1].lower() not in NAME_TAILS:
            found.append(names[-1])  # "Lind" for "Ada Lind"; not "Bay" for "Orrin Bay" taken for a person
    if answer.lower().startswith("the ") and len(answer.split()) > 1:
        found.append(answer[4:])
    return found
