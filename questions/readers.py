"""'you' meaning people in general: 'If you walk after dinner, your blood sugar falls faster.'

Advice and explainer prose speaks to the reader, but its fact is general: what happens when
anyone walks after dinner. Such a sentence is no writer talking to the reader (clauses.py
`writer-to-reader`) when the writer does not speak of themselves ('I', 'we', 'our') and the
sentence states something rather than telling the reader what to do (an imperative is advice,
advice.py). Its prompts say 'people' for the first 'you' and 'they', 'them', 'their' after it,
which agree with the same verbs ('you are' -> 'people are'). A 'your' before any 'you' ('change
one fourth of your tank's water') has no such form and keeps the sentence dropped.
"""
from .parse import _quote_depth

WRITER = {"i", "me", "my", "mine", "we", "us", "our", "ours", "myself", "ourselves"}
LATER = {"you": "they", "your": "their", "yours": "theirs", "yourself": "themselves", "yourselves": "themselves"}
OBJECT_DEPS = ("dobj", "pobj", "dative", "iobj")


def general_you(span):
    """The tokens to rewrite {token: text} when the sentence's 'you' means people in general, else None."""
    tokens = [t for t in span if not t.is_space]
    reader = [t for t in tokens if t.lower_ in LATER and t.pos_ == "PRON" and not _quoted(span, t)]
    if not reader:
        return None
    root = span.root
    if root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in root.children):
        return None  # an imperative: advice, asked only as someone's advice
    if any(t.lower_ in WRITER and t.pos_ == "PRON" and not _quoted(span, t) for t in tokens):
        return None  # "we", "our": the writer speaking
    if span.text.rstrip().endswith("?") or reader[0].lower_ != "you" or reader[0].dep_ not in ("nsubj", "nsubjpass"):
        return None  # "your tank's water" first: a person's what?
    if any(t.lower_ == "thank" for t in tokens):
        return None
    rewrite = {}
    for position, token in enumerate(reader):
        if position == 0:
            text = "people"
        elif token.lower_ == "you" and token.dep_ in OBJECT_DEPS:
            text = "them"
        else:
            text = LATER[token.lower_]
        if token.text[:1].isupper():
            text = text[:1].upper() + text[1:]
        rewrite[token] = text + token.whitespace_
    return rewrite


def _quoted(span, token):
    return _quote_depth(span.doc[span.start : token.i].text, 0) > 0


def rewrite_general_you(sentences):
    """Write 'people' / 'they' / 'their' into the prompts of every sentence whose 'you' is general."""
    for sentence in sentences:
        found = general_you(sentence.span)
        if not found or any(t._.qtext is not None for t in found):
            continue
        for token, text in found.items():
            token._.qtext = text
