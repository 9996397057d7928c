"""What the answer's feedback shows beside the verdict (no Flask, no SQL).

The order of a multiple-choice item's options for one showing, and, for a true/false
item, the article's sentence with the words the statement changed.
"""
import difflib
import functools
import random
import re

WORD = re.compile(r"\S+")
NOT_WORD = re.compile(r"\W+")


def choice_order(choices, *, showing):
    """The options in the order of this showing: shuffled, the same order every time for the same `showing`.

    `showing` names one showing of an item (its session, its place in the queue, the item), so a reload
    keeps the order and the next showing of the item may differ; a string seed is the same in every process."""
    order = list(choices or [])
    random.Random(f"choices:{showing}").shuffle(order)
    return order


def _key(word):
    return NOT_WORD.sub("", word.casefold())


def statement_changes(sentence, statement):
    """The article's `sentence` as segments against the true/false `statement`, compared word by word.

    Returns a list of dicts: `text` (words of the sentence, as written), `changed` (the statement
    said something else here) and `was` (what the statement said instead, '' when it left words out).
    Words the statement added where the sentence has none come as a segment with `text` '' and `was`.
    Worked out once per (sentence, statement) in a process: every student's feedback on the item shows the same."""
    return [dict(segment) for segment in _statement_changes(sentence, statement)]


@functools.lru_cache(maxsize=2048)
def _statement_changes(sentence, statement):
    source, shown = WORD.findall(sentence or ""), WORD.findall(statement or "")
    shown_keys, source_keys = [_key(w) for w in shown], [_key(w) for w in source]
    if shown_keys == source_keys:  # nothing changed: what difflib would say, without it
        return tuple([{"text": " ".join(source), "changed": False, "was": ""}] if source else [])
    matcher = difflib.SequenceMatcher(a=shown_keys, b=source_keys, autojunk=False)
    segments = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        text, was = " ".join(source[j1:j2]), " ".join(shown[i1:i2])
        if tag == "equal" or (tag == "insert" and not _inside(matcher, i1, len(shown))):
            segments.append({"text": text, "changed": False, "was": ""})  # context the statement left out
        elif tag == "delete":
            segments.append({"text": "", "changed": True, "was": was})
        else:
            segments.append({"text": text, "changed": True, "was": was})
    return tuple(s for s in segments if s["text"] or s["was"])


def _inside(matcher, position, length):
    """Whether words the sentence has and the statement lacks sit between words the two share (a real change)
    rather than before or after the part of the sentence the statement was made from."""
    return 0 < position < length


def changed_pairs(segments):
    """(what the statement said, what the article says) for each change, in order."""
    return [(s["was"], s["text"]) for s in segments if s["changed"]]
