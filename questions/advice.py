"""Advice to the reader: 'Walk for ten minutes after each meal.', 'Check the forecast.'

An imperative tells the reader what to do; as a quiz item it is a fact only as what someone
advises. So an imperative is asked only when its paragraph says who gives the advice: the
sentence before it (or the first of a run of imperatives) has an advising verb with a subject
that names someone ('Experts suggest a few simple steps ...', 'The researchers recommend ...'),
and its prompts say so ('Experts suggest: check _____, and be patient.'). An imperative no one
is said to advise is dropped (rule `advice-unattributed`).
"""
from .references import subject_of

ADVISING = {"suggest", "recommend", "advise", "urge", "encourage", "offer", "share", "give", "list"}
ADVICE_NOUNS = {"step", "tip", "way", "thing", "idea", "suggestion", "recommendation", "advice", "rule", "measure",
                "precaution", "guideline", "strategy"}
OPENERS = {"also", "then", "always", "never", "first", "next", "finally", "just", "simply", "please", "do", "don't",
           "not", "n't"}


def is_imperative(span):
    """'Go far away from city lights.', 'Also, check the forecast.': a verb in its base form that
    opens the sentence, with no subject."""
    root = span.root
    if root.tag_ != "VB" or root.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "expl")
                                                                    for c in root.children):
        return False
    before = [t for t in span if t.i < root.i and not t.is_punct]
    return all(t.lower_ in OPENERS or t.dep_ in ("aux", "neg", "advmod") and t.head.i == root.i for t in before)


def advisor(sentences, position):
    """'Experts suggest' for the imperative at `position`: who the paragraph says advises it, or None."""
    doc = sentences[position].span.doc
    i = position - 1
    while i >= 0 and sentences[i].span.doc is doc and is_imperative(sentences[i].span):
        i -= 1  # a run of steps: who gives them is said before the first
    if i < 0 or sentences[i].span.doc is not doc:
        return None
    span = sentences[i].span
    root, subject = span.root, subject_of(span)
    if root.lemma_ not in ADVISING or subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    if root.lemma_ in ("offer", "share", "give", "list") and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in ADVICE_NOUNS for c in root.children):
        return None  # "The city offers free parking": no advice
    who = "".join(t.text_with_ws if t._.qtext is None else t._.qtext for t in subject.subtree).strip()
    return f"{who} {root.text}"


def attribute(items, lead):
    """The imperative's items with who advises it written before the prompt ('Experts suggest: check _____.')."""
    for item in items:
        prompt = item["prompt"]
        item["prompt"] = f"{lead}: {prompt[:1].lower()}{prompt[1:]}"
    return [item for item in items if item["kind"] in ("fill_blank", "multiple_choice", "true_false")]
