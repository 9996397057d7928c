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

The same is done for a 'this/these' phrase anywhere else in the sentence ("Scientists had theorized
this electric field began ..." -> "the ambipolar electric field"), and a pronoun subject is given its
one antecedent (`resolve_pronouns`): the subject of a clause before it in its own sentence ("When
the probe reached Mars, it sent ..."), or the previous sentence's subject
when it agrees in number and sort and nothing else in that sentence does ("Betta fish are kept as
pets. They live ..." -> "Betta fish live ...").
"""
from collections import Counter

from .clauses import TIME_NOUNS, clear_definite
from .kinds import mention_votes, noun_sort
from .lexicon import HUMAN_NOUNS
from .parse import speech_inside
from .references import noun_key, rendered, subject_of
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
        elif position and subject.doc[subject.left_edge.i].lower_ in ("this", "these"):
            near = _just_before(sentences[position - 1], lookup, subject)
            if near is not None:  # "... turns into dense acidic particles. These particles can ..."
                _write(subject, near)
                resolved.add(sentence.index)
    for position, sentence in enumerate(sentences):  # "Scientists had theorized this electric field began ..."
        for noun in _pointing_phrases(sentence.span):  # 'this' points at the last sentence or two, not further
            found = _scoped(sentences[max(0, position - 2):position], lookup, noun, whole=True)
            if len(found) == 1 and next(iter(found.values())) is not None:
                text = next(iter(found.values()))
                if noun.dep_ == "pobj" and noun.head.lower_ == "of" and text[:1].islower() and not text.startswith("the "):
                    text = "the " + text  # "Four of those tests": "Four of the launch tests", not "of launch tests"
                _write(noun, text)
                resolved.add(sentence.index)
    return resolved, dropped


def _pointing_phrases(span):
    """The 'this/these/that/those' + noun phrases of the sentence other than its subject, with nothing
    written into them ('this electric field', 'these new foams'; not 'this year', 'this form of ID')."""
    subject = subject_of(span)
    for token in span:
        if (token.dep_ == "det" and token.lower_ in DEMONSTRATIVES - {"the"} and token._.qtext is None
                and token.head.pos_ == "NOUN" and token.head is not subject
                and token.head.lemma_.lower() not in TIME_NOUNS and _pointing_subject(token.head)):
            yield token.head


def _scoped(earlier, lookup, subject, whole=False):
    """The antecedents of the subject's own paragraph before it, or, when it has none, of the article before it
    (`whole`: a phrase that says more than its words of kind, 'six launch tests of its rocket', is not written)."""
    paragraph = [s for s in earlier if s.span.doc is subject.doc]
    key = noun_key(subject.lemma_)
    said = Counter(w.strip(" -").lower() for s in earlier for t in s.span if t.pos_ == "NOUN"
                   and noun_key(t.lemma_) == key and t.dep_ != "compound" for w in _which(t)[0])
    return _antecedents(paragraph, lookup, subject, said, whole) or _antecedents(earlier, lookup, subject, said, whole)


def _just_before(previous, lookup, subject):
    """'These particles' right after a sentence that names one kind of particles ('dense acidic particles'):
    a demonstrative points at the sentence before, so a phrase said there once names it (not so 'the')."""
    if previous.span.doc is not subject.doc:
        return None  # the sentence before is in another paragraph
    said = Counter(w.strip(" -").lower() for t in previous.span for w in _which(t)[0])
    found = _antecedents([previous], lookup, subject, said, near=True)
    return next(iter(found.values())) if len(found) == 1 else None


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


def _antecedents(earlier, lookup, subject, said, whole=False, near=False):
    """What `subject` can mean in the sentences `earlier`: {key: text to write, or None for a rival that
    cannot be written ("a stronger earthquake")}. A named thing described with the noun wins over a phrase.
    `near`: the sentence just before a 'this/these' subject, where two words of kind said once name it."""
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
            if whole and which and any(c.dep_ in ("nummod", "poss", "prep", "relcl", "acl") for c in token.children):
                phrases[("more", sentence.index, token.i)] = None  # "the launch tests" would lose "six ... of its rocket"
                continue
            kinds = {w.strip(" -").lower() for w in which}
            before = {t.lower_ for t in token.subtree if t.i < token.i}
            if not which:
                if whole:
                    phrases[("plain", sentence.index, token.i)] = None  # "the old record": 'that record' may be it
                    continue
                if any(c.lower_ in ("a", "an", "another") and subject.tag_ == "NN" or c.like_num for c in token.children):
                    phrases[("another", sentence.index, token.i)] = None  # "a stronger earthquake": a second one
                continue
            if not own <= before | kinds or kinds <= own:
                continue  # "The current plan" is not "the future defence plan"
            definite = subject.tag_ != "NNS" or any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("a", "an")
                                                    for c in token.children)  # "(a) super eruption(s)": "super eruptions"
            described[tuple(sorted(kinds))] = ("the " if definite else "") + "".join(which) + subject.text, classing
    for key_words, (text, classing) in described.items():  # an adjective alone names a kind the article repeats
        phrases[key_words] = text if classing or near and len(key_words) >= 2 or all(said[w] >= 2 for w in key_words) \
            else None  # near: two words of kind ('dense acidic particles'), where one ('a novel approach') describes
    return named or phrases


def _write(subject, text):
    phrase = list(subject.subtree)
    for t in phrase:
        t._.qtext = ""
    phrase[0]._.qtext = text + phrase[-1].whitespace_


SUBORDINATORS = {"when", "as", "if", "once", "after", "before", "while", "because", "although", "though", "since",
                 "until", "whenever", "where", "unless"}
ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "appos", "dative", "conj"}  # a place in a phrase
# ('known for their colors', 'in ice cores') is no rival for the subject: a pronoun subject means a subject


def resolve_pronouns(sentences, clear=frozenset()):
    """'It'/'they' as a sentence's subject, given its one antecedent; return the indices resolved.

    - A clause before it in its own sentence whose subject agrees, and nothing else there that does:
      "When the Korvath probe reached Mars, it sent ..." -> "..., the Korvath probe sent ...".
    - Otherwise the previous sentence's subject, when it agrees (singular thing for 'it', plural for
      'they'), stands alone (a name, a clear noun, or a phrase written in already) and no other noun
      of that sentence agrees: "Betta fish are known as pets. They live alone" -> "Betta fish live
      alone"; not after "The team sent the samples to labs." (the samples or the labs?)."""
    resolved = set()
    for position, sentence in enumerate(sentences):
        span = sentence.span
        pronoun = subject_of(span)
        if (pronoun is None or pronoun.lower_ not in ("it", "they") or pronoun.pos_ != "PRON"
                or pronoun._.qtext is not None or _stands_for_nothing(pronoun) or speech_inside(sentence)):
            continue
        plural = pronoun.lower_ == "they"
        anchor = _anchored_before(pronoun, plural, clear)
        if anchor is not None:  # written in: a question made of the main clause alone must still name it
            pronoun._.qtext = _as_written(anchor) + pronoun.whitespace_
            resolved.add(sentence.index)
            continue
        if any(t.i < pronoun.i and _agrees(t, plural) for t in span) or position == 0:
            continue  # "In the first tank, they ...": something before it in its own sentence may be meant
        previous = sentences[position - 1]
        if previous.index != sentence.index - 1 or speech_inside(previous):
            continue
        text = _antecedent_text(previous.span, plural, clear)
        if text is not None:
            start = pronoun.i == span.start
            pronoun._.qtext = (text[:1].upper() + text[1:] if start else text) + pronoun.whitespace_
            resolved.add(sentence.index)
    return resolved


def _agrees(token, plural):
    """A noun (or a name) that 'they' (`plural`) or 'it' could mean."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod"):
        return False
    if token.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"):
        return False
    if token.lemma_.lower() in TIME_NOUNS:
        return False
    if plural:
        return token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children) or _plural_verb(token)
    return token.tag_ in ("NN", "NNP") and not _plural_verb(token) and not any(c.dep_ == "conj" for c in token.children) and token.ent_type_ != "PERSON" and token.lemma_.lower() not in HUMAN_NOUNS


def _plural_verb(subject):
    """'Betta fish are known ...': the verb says the subject is plural where the tag does not ('fish' is NN)."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = subject.head
    return any(t.tag_ == "VBP" or t.lower_ in ("are", "were") for t in [verb, *verb.children]
               if t.i == verb.i or t.dep_ in ("aux", "auxpass"))


def _stands(subject, clear):
    """The phrase names what it is about out of context: a name, a bare plural, a clear noun, or written in."""
    phrase = list(subject.subtree)
    if any(t._.qtext is not None for t in phrase):
        return subject.pos_ != "PRON" or bool((subject._.qtext or "").strip())
    if any(t.pos_ == "PRON" for t in phrase) or len(phrase) > 8 or any(t.text in ",;:()" for t in phrase):
        return False
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "some", "many", "each", "every", "one")
           for c in subject.children):
        return False  # "A fire gutted it. It was ...": a thing just introduced, not yet a topic
    return clear_definite(subject, clear) or not is_vague_phrase(subject)


def _anchored_before(pronoun, plural, clear):
    """The subject of the one clause before the pronoun that it means, or None: 'As Dimorphos orbits, it
    ...', 'Even when particles fall back to Earth, they ...'."""
    verb = pronoun.head
    clauses = [c for c in verb.children if c.dep_ == "advcl" and c.i < pronoun.i
               and any(m.dep_ in ("mark", "advmod") and m.lower_ in SUBORDINATORS and m.i < c.i for m in c.children)]
    if len(clauses) != 1:
        return None
    clause = clauses[0]
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not _agrees(subject, plural) or not _stands(subject, clear):
        return None
    inside = {t.i for t in subject.subtree}
    rival = any(t.i not in inside and t.i < pronoun.i and _agrees(t, plural) and t.dep_ in ("nsubj", "nsubjpass")
                   for t in pronoun.sent)  # "When the probe reached Mars, it ...": the clause's subject, not its object
    return None if rival else subject


REPORTING = {"say", "tell", "announce", "report", "add", "state", "confirm", "warn", "explain", "note", "write",
             "believe", "think", "find", "show", "suggest", "estimate", "predict", "expect", "hope", "fear", "claim"}
EMBEDDED = {"ccomp", "advcl", "relcl", "acl", "xcomp", "pcomp", "csubj", "csubjpass", "parataxis"}


def _rival(token):
    """A noun of the previous sentence that a pronoun subject could mean instead of that sentence's subject:
    an argument of its main clause ("sent the samples"), or the subject of what someone said or found
    ("The agency said the satellite had failed."). A copula's complement is the subject itself ("The tool
    is part of X"); a noun down inside another clause ("explores how one's personality can change") or a
    phrase ("known for their colors") is not what a next sentence's 'it' is about."""
    if token.dep_ not in ARGUMENTS:
        return False
    if token.dep_ == "attr" and token.head.lemma_ in ("be", "become", "remain"):
        return False
    head = token.head
    while head.dep_ != "ROOT" and head.head.i != head.i:
        if head.dep_ in EMBEDDED:
            reported = head.dep_ == "ccomp" and head.head.lemma_ in REPORTING and head.head.dep_ in ("ROOT", "conj")
            return reported and token.dep_ in ("nsubj", "nsubjpass") and token.head.i == head.i
        head = head.head
    return True


def _stands_for_nothing(pronoun):
    """'It is unclear why ...', 'It is important to ...' ('They are popular with ...' stands for something)."""
    root = pronoun.head
    return pronoun.lower_ == "it" and (root.lemma_ == "be" or root.lower_ in ("'s", "\u2019s")) and any(
        t.dep_ in ("ccomp", "xcomp", "advcl", "csubj") for t in root.children)


def _antecedent_text(span, plural, clear):
    """The previous sentence's subject as a prompt writes it, when it is the one thing there a pronoun
    of that number can mean; else None."""
    subject = subject_of(span)
    if subject is None:
        return None
    if subject.pos_ == "PRON":
        if subject.lower_ != ("they" if plural else "it") or not (subject._.qtext or "").strip():
            return None
    elif not _agrees(subject, plural) and not (plural and subject.pos_ == "PROPN" and subject.tag_ == "NNPS"):
        return _reported_antecedent(span, plural, clear)
    if not _stands(subject, clear):
        return None
    if plural and subject.pos_ != "PRON" and any(t._.qtext is not None for t in subject.subtree):
        return None  # what another rule wrote into 'The worms' may be a singular's ("the worm that ...")
    inside = {t.i for t in subject.subtree}
    if any(t.i not in inside and _agrees(t, plural) and _rival(t) for t in span):
        return None  # "The team sent the samples to labs. They ...": the samples or the labs?
    return _as_written(subject)


def _reported_antecedent(span, plural, clear):
    """'The FAA said air taxis belong to a new kind of aircraft. They ...': when the subject does not agree,
    the subject of what it said, when that is the one noun of the sentence that does."""
    fitting = [t for t in span if _agrees(t, plural) and t.dep_ in ARGUMENTS]  # anywhere: "would replace the boats"
    if len(fitting) != 1:
        return None
    found = fitting[0]
    clause = found.head
    if found.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or clause.head.lemma_ not in REPORTING:
        return None
    return _as_written(found) if _stands(found, clear) else None


def _as_written(subject):
    """The subject's phrase as a prompt writes it, lowercased where only the sentence's start capitalised it."""
    phrase = list(subject.subtree)
    text = "".join(rendered(t) for t in phrase).strip()
    if text.startswith("The "):
        text = "the " + text[4:]
    first = phrase[0]
    if first.i == first.sent.start and first._.qtext is None and first.pos_ != "PROPN" and not first.ent_type_ \
            and not first.text.isupper():
        text = text[:1].lower() + text[1:]  # "Scientists" opened its sentence; "then scientists ..."
    return text
