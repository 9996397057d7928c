"""'The company', 'these eruptions': a definite subject rewritten to the one earlier thing it can mean.

A subject made of 'the/this/these/that/those' and a noun ("The company hopes ...", "These
particles can ...") leans on an earlier sentence. When the article before it gives exactly
one antecedent with that head noun, the prompt writes it in (`token._.qtext`, as
references.py does; the source sentence stays verbatim):

- a named thing the article describes with the noun ("Brightline, a rail company", "the
  rail company Brightline", "Brightline is a company", "the Lowmoor Water Commission"), or
  else
- an earlier phrase with the same head noun and a word that says which kind ("liquid sulfate
  particles" for "These particles"; an adjective alone, "super eruptions", only when the
  article says it twice or more: "a novel approach" said once describes, it does not name).

Two or more antecedents (two companies named, "volcanic eruptions" and "super eruptions"):
nothing is written and the sentence stays dropped. Runs after references.py and the
clear-noun rules of clauses.py, on subjects they left unresolved; a subject those rules already let
stand ("the agency" of a story with one agency) is left as it is.
"""
from collections import Counter

from .clauses import clear_definite
from .kinds import mention_votes, noun_sort
from .references import noun_key, subject_of
from .vague import DEMONSTRATIVES, is_vague_phrase

NAMED = {"ORG", "PRODUCT", "FAC", "GPE", "LOC", "EVENT", "WORK_OF_ART", "LAW", "NORP"}
UNNAMED = {"DATE", "TIME", "MONEY", "NUMBER", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
ANOTHER_ONE = {"same", "similar", "other", "another", "such", "different", "separate", "next", "previous",
               "first", "second", "third", "last", "latter", "former", "earlier", "later"}
# Words before a noun that do not say which one it is: "the new plan", "other tests", "the largest eruptions".
NOT_WHICH = {"new", "other", "same", "first", "second", "last", "next", "such", "many", "several", "more", "most",
             "few", "own", "similar", "different", "recent", "current", "previous", "former", "latest", "further",
             "additional", "certain", "various", "main", "major", "big", "small", "large", "huge", "great", "good",
             "bad", "important", "possible", "potential", "initial", "final", "early", "late", "entire", "whole",
             "actual", "real", "original", "key", "top", "high", "low", "long", "short", "old", "young", "one"}


def resolve_definites(sentences, lookup, clear=frozenset()):
    """Write the one antecedent into each definite subject that has exactly one, and undo a name written
    where two fit; return (the indices resolved, the indices undone)."""
    resolved, dropped = set(), set()
    for position, sentence in enumerate(sentences):
        subject = subject_of(sentence.span)
        if subject is None or not _pointing_subject(subject, written=True) or clear_definite(subject, clear):
            continue  # "the agency" of a story with one agency already stands alone (clauses.py)
        found = _scoped(sentences[:position], lookup, subject)
        written = "".join(t._.qtext or "" for t in subject.subtree if (t._.qtext or "").strip().lower() != "the")
        if written:  # references.py or clauses.py named it: kept unless two things fit
            if len(found) > 1:
                for t in subject.subtree:
                    t._.qtext = None
                dropped.add(sentence.index)
        elif len(found) == 1 and next(iter(found.values())) is not None:
            _write(subject, next(iter(found.values())))
            resolved.add(sentence.index)
    return resolved, dropped


def _scoped(earlier, lookup, subject):
    """The antecedents of the subject's own paragraph before it, or, when it has none, of the article before it."""
    paragraph = [s for s in earlier if s.span.doc is subject.doc]
    key = noun_key(subject.lemma_)
    said = Counter(w.strip(" -").lower() for s in earlier for t in s.span if t.pos_ == "NOUN"
                   and noun_key(t.lemma_) == key and t.dep_ != "compound" for w in _which(t)[0])
    return _antecedents(paragraph, lookup, subject, said) or _antecedents(earlier, lookup, subject, said)


def _pointing_subject(subject, written=False):
    """'The company', 'These eruptions', 'the rail company': a determiner, words that describe, the noun
    (with nothing written into it yet, or, `written`, whatever is)."""
    if subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    phrase = list(subject.subtree)
    det = phrase[0]
    if det.dep_ != "det" or det.lower_ not in DEMONSTRATIVES:
        return False
    if any(t.i > subject.i for t in phrase) or not written and any(t._.qtext is not None for t in phrase):
        return False  # "The company, which ...", "the results of the study": more than the phrase
    if any(t.lower_ in ANOTHER_ONE for t in phrase):
        return False  # "The same flight", "the other company": it says how it differs, which the name would lose
    if any(t.like_num or t.ent_type_ or t.dep_ == "poss" for t in phrase[1:-1]):
        return False  # "the two companies", "the team's models"
    return det.lower_ != "the" or is_vague_phrase(subject)


def _which(noun):
    """The words before `noun` that say which kind ('super', 'aerosol', 'rail'), lowercased, in order, and
    whether one of them is a noun, a name or a hyphened word ('sulfate', 'Safe Drinking Water Act', 'super-'),
    which name a kind from one mention, where an adjective alone ('a novel approach') only describes."""
    doc, words, i, classing = noun.doc, [], noun.i - 1, False
    while i >= noun.sent.start:
        token = doc[i]
        if token.text == "-" and i - 1 >= noun.sent.start and not doc[i - 1].whitespace_ and not token.whitespace_:
            words.insert(0, doc[i - 1].lower_ + "-")  # "super-eruptions"
            i, classing = i - 2, True
            continue
        if not token.is_alpha or token.pos_ not in ("ADJ", "NOUN", "PROPN") or token.tag_ in ("JJR", "JJS"):
            break
        if token.dep_ not in ("amod", "compound", "nmod") or not token.i < token.head.i <= noun.i:
            break  # "Volcanoes in Norland release liquid particles": the parse's own phrase, not a run of words
        if token.ent_type_ in UNNAMED or token.lower_ in NOT_WHICH:
            break
        proper = token.pos_ == "PROPN" or token.ent_type_ or (token.text.isupper() and len(token.text) > 1)
        words.insert(0, (token.text if proper else token.lower_) + " ")  # "Safe Drinking Water Act", "liquid"
        i, classing = i - 1, classing or bool(proper) or token.pos_ == "NOUN"
    return tuple(words), classing


def _antecedents(earlier, lookup, subject, said):
    """What `subject` can mean in the sentences `earlier`: {key: text to write, or None for a rival that
    cannot be written ("a stronger earthquake")}. A named thing described with the noun wins over a phrase."""
    key = noun_key(subject.lemma_)
    named, phrases, described = {}, {}, {}
    own = {t.lower_ for t in subject.subtree if t.i != subject.i and t.dep_ != "det" and t.is_alpha}
    for sentence in earlier:
        span = sentence.span
        for ent in span.ents:
            entity = lookup.get((sentence.index, ent.start_char))
            label = entity.label if entity is not None else ent.label_
            if label not in NAMED and not (label == "PERSON" and noun_sort(subject.lemma_) in ("org", "place", "thing")):
                continue  # a "PERSON" the article calls a company is one
            nouns = {noun_key(n) for _, _, n in mention_votes(ent) if n} | {  # "the Copper Oar, a rowing race"
                noun_key(t.lemma_) for t in [*ent.root.children, ent.root.head] if t.pos_ == "NOUN"
                and (t.dep_ == "appos" and t.head.i == ent.root.i or ent.root.dep_ == "appos" and t.i == ent.root.head.i)}
            if len(ent) >= 2 and ent[-1].is_title and ent[-1].i == ent.root.i:  # not "the Award for Best Play"
                nouns.add(noun_key(ent[-1].lemma_))  # "the Lowmoor Water Commission" is "the commission"
            around = {t.lower_ for t in ent.root.subtree} | (
                {t.lower_ for t in ent.root.head.subtree} if ent.root.dep_ == "appos" else set())
            if key in nouns and own <= around:  # "the fire service" is not "the weather service AEMET"
                name = entity.name if entity is not None else ent.text  # a name the model tagged once
                bare = name[4:] if name.lower().startswith("the ") else name
                takes_the = entity.takes_the if entity is not None else ent.text.lower().startswith("the ")
                named[bare.lower()] = ("the " + bare) if takes_the else bare
        for token in span:
            if token.pos_ != "NOUN" or noun_key(token.lemma_) != key or token.ent_type_ or token.dep_ == "compound":
                continue  # "post-eruption cooling" is no eruption
            which, classing = _which(token)
            kinds = {w.strip(" -").lower() for w in which}
            before = {t.lower_ for t in token.subtree if t.i < token.i}
            if not which:
                if any(c.lower_ in ("a", "an", "another") and subject.tag_ == "NN" or c.like_num for c in token.children):
                    phrases[("another", sentence.index, token.i)] = None  # "a stronger earthquake": a second one
                continue
            if not own <= before | kinds or kinds <= own:
                continue  # "The current plan" is not "the future defence plan"
            definite = subject.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("a", "an")
                                                    for c in token.children)  # "(a) super eruption(s)": "super eruptions"
            described[tuple(sorted(kinds))] = ("the " if definite else "") + "".join(which) + subject.text, classing
    for key_words, (text, classing) in described.items():  # an adjective alone names a kind the article repeats
        phrases[key_words] = text if classing or all(said[w] >= 2 for w in key_words) else None
    return named or phrases


def _write(subject, text):
    phrase = list(subject.subtree)
    for t in phrase:
        t._.qtext = ""
    phrase[0]._.qtext = text + phrase[-1].whitespace_
