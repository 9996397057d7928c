"""'That's 18% of the global total' after a sentence with one amount: the pronoun is that amount.

A 'That'/'This' subject opening a sentence that restates a measure ('That's equivalent to half of
the lake's water', 'This includes $15 billion for new pipes') points at the one amount the sentence
before it states ('The river carries 1,600 cubic miles (6,700 cubic kilometers) a year.'): the prompt
writes it in, 'The 1,600 cubic miles is equivalent to ...' (`token._.qtext`, as references.py does; the
source sentence stays verbatim). With two amounts before it, or none, or another paragraph, nothing is
written and the sentence stays dropped (rule pronoun-subject).
"""
from .references import subject_of

AMOUNTS = {"MONEY", "QUANTITY"}  # a measure with its unit; a bare count or a share is not what 'that' restates
MEASURES = {"PERCENT", "MONEY", "QUANTITY", "CARDINAL"}
RESTATING_VERBS = {"be", "include", "equal", "represent", "amount", "account", "exceed", "cover"}
SHARE_WORDS = {"equivalent", "half", "third", "quarter", "twice", "double", "triple", "percent", "share", "fraction"}
HEDGES = {"over", "about", "nearly", "almost", "around", "roughly", "some", "approximately", "more", "less", "than",
          "up", "to", "at", "least", "just", "under", "an", "estimated"}


def amount_from_previous(sentences):
    """Write the one amount of the sentence before into each 'That's/This includes' + measure; return the indices."""
    written = set()
    for before, sentence in zip(sentences, sentences[1:]):
        span = sentence.span
        subject = subject_of(span)
        if (subject is None or subject.lower_ not in ("that", "this") or subject.pos_ != "PRON"
                or subject._.qtext is not None or before.span.doc is not span.doc):
            continue
        if any(t.i < subject.i and t._.qtext != "" and not t.is_punct for t in span):
            continue  # "Because of that, ...": not the sentence's opening word
        if _lemma(subject.head) not in RESTATING_VERBS or not _restates_a_measure(span, subject):
            continue
        amounts = {_core(ent) for ent in before.span.ents if ent.label_ in AMOUNTS and not _in_brackets(ent)}
        amounts.discard("")
        if len(amounts) != 1:
            continue  # "$4 billion for roads and $2 billion for rail. This includes ...": which?
        subject._.qtext = "the " + amounts.pop() + subject.whitespace_
        verb = subject.doc[subject.i + 1] if subject.i + 1 < len(subject.doc) else None
        if verb is not None and verb.text.lower() in CONTRACTED_IS:
            subject._.qtext = subject._.qtext.rstrip() + " "
            verb._.qtext = "is" + verb.whitespace_  # "That's" -> "The 1,600 cubic miles is"
        written.add(sentence.index)
    return written


CONTRACTED_IS = ("\u2019s", "'s")


def _lemma(verb):
    """'That\u2019s': the model takes a curly '\u2019s' for a noun; it is 'is'."""
    return "be" if verb.text.lower() in CONTRACTED_IS else verb.lemma_


def _restates_a_measure(span, subject):
    return any(t.i > subject.i and (t.ent_type_ in MEASURES or t.like_num and t.ent_type_ not in ("DATE", "TIME")
                                    or t.lower_ in SHARE_WORDS) for t in span)  # not "in 2019"


def _in_brackets(ent):
    """'(6,700 cubic kilometers)': the same amount in other units."""
    before = ent.doc[ent.sent.start : ent.start].text
    return before.count("(") > before.count(")")


def _core(ent):
    tokens = list(ent)
    while tokens and tokens[0].lower_ in HEDGES:
        tokens = tokens[1:]
    return "".join(t.text_with_ws for t in tokens).strip()
