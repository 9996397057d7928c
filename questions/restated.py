"""'That's 18% of the global total' after a sentence with one amount: the pronoun is that amount.

A 'That'/'This' subject opening a sentence that restates a measure ('That's equivalent to half of
the lake's water', 'This includes $15 billion for new pipes') points at the one amount the sentence
before it states ('The river carries 1,600 cubic miles (6,700 cubic kilometers) a year.'): the prompt
writes it in, 'The 1,600 cubic miles is equivalent to ...' (`token._.qtext`, as references.py does; the
source sentence stays verbatim). With two amounts before it, or none, or another paragraph, nothing is
written and the sentence stays dropped (rule pronoun-subject).

So too 'These are pieces of video made to ...' right after 'One aim was to fight deepfakes.': a 'These are' /
'This is' + noun that defines, after a sentence with one noun of its number, is that noun ('Deepfakes are
pieces of video ...', which definitions.py then asks as 'What are deepfakes?').
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
    for before, sentence, subject in _opening_pronouns(sentences, ("that", "this")):
        span = sentence.span
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


def _opening_pronouns(sentences, pronouns):
    """(sentence before, sentence, subject) for each sentence whose subject is one of `pronouns`, unwritten, as its
    opening word ('Because of that, ...' is not), with the sentence before in its paragraph."""
    for before, sentence in zip(sentences, sentences[1:]):
        span = sentence.span
        subject = subject_of(span)
        if (subject is None or subject.lower_ not in pronouns or subject.pos_ != "PRON"
                or subject._.qtext is not None or before.span.doc is not span.doc):
            continue
        if any(t.i < subject.i and t._.qtext != "" and not t.is_punct for t in span):
            continue
        yield before, sentence, subject


CONTRACTED_IS = ("\u2019s", "'s")


def _lemma(verb):
    """'That\u2019s': the model takes a curly '\u2019s' for a noun; it is 'is'."""
    return "be" if verb.text.lower() in CONTRACTED_IS else verb.lemma_


def term_from_previous(sentences):
    """Write the one noun of the sentence before into each 'These are' / 'This is' + defining noun; return the indices."""
    written = set()
    for before, sentence, subject in _opening_pronouns(sentences, ("these", "this")):
        root = subject.head
        attr = next((c for c in root.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if root.lemma_ != "be" or attr is None:
            continue  # "This is where ...": a place, not a definition
        tag = "NNS" if subject.lower_ == "these" else "NN"
        nouns = [t for t in before.span if t.pos_ == "NOUN" and t.tag_ == tag and t.dep_ != "compound"
                 and not t.ent_type_ and t.lemma_.lower() not in TIME_WORDS]
        if len(nouns) != 1 or any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("the",)
                                  for c in nouns[0].children) or nouns[0].lemma_ == attr.lemma_:
            continue  # "three cars and two vans. These are ...": which? "a plan. This is a plan ...": nothing said
        words = [t for t in nouns[0].subtree if t.i <= nouns[0].i and t.dep_ in ("amod", "compound", "det")]
        text = "".join(t.text_with_ws for t in words if t.i < nouns[0].i) + nouns[0].text
        subject._.qtext = text + subject.whitespace_
        written.add(sentence.index)
    return written


TIME_WORDS = {"year", "month", "week", "day", "time", "hour", "minute", "decade", "century", "season"}


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
