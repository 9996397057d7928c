"""Openings that lean on the sentence before, and what is left of a sentence once its connective goes.

'But Lindqvist said ...' reads fine without its 'But'; 'But the category was growing ...' does not, for
'the category' is a thing named before. 'What follows is ...', 'To receive one, owners should ...' and 'Her
second, after ..., is ...' point back however they are written. clauses.py drops the sentences these
rules find (rule 'points-back' or 'vague-subject'); the connective itself is dropped from prompts here.
"""
from .references import subject_of

LEADING_CONJUNCTIONS = {"but", "and", "yet", "so", "or"}
ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "last", "latter", "former", "next", "other", "latest"}
POINTING_FREE_RELATIVES = {"what", "which"}
POINTING_VERBS = {"follow", "come", "happen", "remain", "result"}
STAND_INS = {"one", "it", "them", "this", "that", "these", "those", "some"}


def drop_leading_conjunction(span):
    """'But Lindqvist said ...' -> 'Lindqvist said ...' in prompts (the sentence itself stays verbatim); returns
    whether a conjunction went. A conjunction before a comma ('And, ...') or in a short sentence stays."""
    tokens = [t for t in span if not t.is_space]
    if len(tokens) < 6 or tokens[0].lower_ not in LEADING_CONJUNCTIONS or tokens[0]._.qtext is not None:
        return False
    if tokens[1].is_punct or tokens[0].dep_ not in ("cc", "advmod", "mark", "dep", "prep"):
        return False
    tokens[0]._.qtext = ""
    return True


def opened_by_conjunction(span):
    """The sentence opened on a conjunction that drop_leading_conjunction took out of its prompts."""
    first = next((t for t in span if not t.is_space), None)
    return first is not None and first.lower_ in LEADING_CONJUNCTIONS and first._.qtext == ""


def unnamed_after_conjunction(span, is_vague):
    """'But the film belongs to Rombouts', 'But Lindqvist said the category was growing': once the 'But' goes, a
    subject (of the sentence or of what someone said) that is 'the N' with no name written in still means a thing of
    the sentence before. `is_vague(token)` says whether a phrase names nothing (vague.is_vague_phrase)."""
    if not opened_by_conjunction(span):
        return False
    subjects = [subject_of(span)] + [c for t in span if t.dep_ == "ccomp" for c in t.children
                                     if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s is not None and s.pos_ == "NOUN" and s._.qtext is None
               and not any(t._.qtext for t in s.subtree) and is_vague(s) for s in subjects)


def pointing_opening(tokens):
    """'What follows is less a thriller than ...' (what follows what?), 'To receive one, owners should ...'
    (one of what?): an opening that stands for something of the sentence before."""
    if len(tokens) < 4:
        return False
    first, second = tokens[0], tokens[1]
    if first.lower_ in POINTING_FREE_RELATIVES and second.lemma_.lower() in POINTING_VERBS and second.pos_ == "VERB":
        return True
    if first.lower_ == "to" and second.pos_ in ("VERB", "AUX"):
        comma = next((t.i for t in tokens[:8] if t.text == ","), None)
        return comma is not None and any(t.lower_ in STAND_INS and t.pos_ in ("PRON", "NUM") and t._.qtext is None
                                         for t in tokens[2 : comma - tokens[0].i])
    return False


def ordinal_alone(subject):
    """'Her second, after she meets ..., is far more dangerous', 'The first was ...': an ordinal with no noun
    after it, whose noun ('instinct', 'goal') is in the sentence before."""
    return (subject is not None and subject.lower_ in ORDINAL_WORDS and subject.pos_ in ("ADJ", "NUM", "NOUN", "ADV")
            and not any(c.lower_ == "of" or c.pos_ in ("NOUN", "PROPN") and c.dep_ != "poss" for c in subject.children))


def name_the_ordinals(sentences):
    """'Maren's first instinct is to sell ... Her second, after ..., is far more dangerous': the second of the
    noun the sentence before counted ('Her second instinct'); returns the indices written."""
    written = set()
    for before, sentence in zip(sentences, sentences[1:]):
        subject = subject_of(sentence.span)
        if not ordinal_alone(subject) or subject._.qtext is not None:
            continue
        counted = {t.head for t in before.span if t.dep_ == "amod" and t.lower_ in ORDINAL_WORDS
                   and t.head.pos_ == "NOUN" and t.head.tag_ == "NN"}
        if len(counted) == 1:
            noun = counted.pop()
            subject._.qtext = f"{subject.text} {noun.text}{subject.whitespace_}"
            written.add(sentence.index)
    return written
