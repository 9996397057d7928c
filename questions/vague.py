"""Phrases that point back without naming: 'the deal', 'this company', 'the two countries'.

A definite phrase names its referent only with a name, a quoted title, an apposition or a
clause that says which one; otherwise it leans on an earlier sentence and must be resolved
(references.py) or the sentence does not stand alone (clauses.py).
"""
import re

DEMONSTRATIVES = {"the", "this", "that", "these", "those"}
LETTER_DIGIT = re.compile(r"^(?=.*\d)(?=.*[A-Z])[A-Z0-9][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")  # "X-59", "F-35A", "A380"


def is_letter_digit_name(token):
    """'X-59', 'A380', 'Q-17': a capital letter and digits in one word names one thing."""
    return bool(LETTER_DIGIT.match(token.text)) and token.text[:1].isalpha()


def is_vague_phrase(token):
    """'the deal', 'this company': a definite phrase with nothing that names its referent.

    What follows a comma ("The deal, estimated at around $6 billion, ...") describes the
    thing without saying which it is, so only the phrase before it counts."""
    phrase = list(token.subtree)
    if is_letter_digit_name(token) or (token.pos_ == "PROPN" and token.text[:1].isupper()):
        return False  # "The X-59", "The Concorde": a name, whatever its article
    if any(c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_) for c in token.children):
        return False  # "The teacher, Marjan, ..."
    if any(t.text in ('"', "\u201c") for t in phrase):
        return False  # 'The film "Parasite"': a quoted title names it
    after = token.doc[phrase[-1].i + 1] if phrase[-1].i + 1 < len(token.doc) else None
    if after is not None and after.pos_ == "PROPN" and after.ent_type_:
        return False  # "the Nairobi-based charity Book Aid Kenya", however the model parsed it
    comma = next((t.i for t in phrase if t.text == "," and t.i > token.i), None)
    if comma is not None:
        if any(c.dep_ == "acl" and c.i > comma and (_names_something(c) or naming_clause(c)) for c in token.children):
            return False  # "The study, published on Wednesday in The Lancet Public Health, ...": that study
        phrase = [t for t in phrase if t.i < comma]
    if token.pos_ == "PRON":
        return token.lower_ not in ("anyone", "everyone", "someone", "nobody", "everybody")
    if any(_the_few(t) for t in phrase):
        return True  # "Trade between the two countries": which two?
    naming = [t for t in phrase if not _in_hyphenated_modifier(t)  # "The California-based company" names no company
              and t.ent_type_ not in ("ORDINAL", "CARDINAL")]  # nor do "The first", "The two men"
    if token.pos_ == "PROPN" or any((t.ent_type_ and t.ent_type_ != "NORP") or t.pos_ in ("PROPN", "NUM") for t in naming):
        return False
    if any(t.dep_ in ("relcl", "acl", "prep") for t in phrase):
        return False
    if any(t.dep_ in ("det", "predet") and t.lower_ in DEMONSTRATIVES - {"the"} | {"both"} for t in phrase):
        return True  # "that British political consulting company", "Both numbers" point back, whatever their length
    nationality = any(t.ent_type_ == "NORP" for t in phrase)  # "the Brazilian army" is one army
    words = [t for t in phrase if not t.is_punct]  # "the California-based company" is three words and a hyphen
    return len(words) <= 4 and not nationality and any(t.dep_ == "det" and t.lower_ == "the" for t in phrase)


NAMING_VERBS = {"know", "call", "name", "dub", "term", "nickname"}


def naming_clause(clause):
    """'known as VX-218', 'called scintillons', 'named Vitrella lumina': a clause that gives the thing its name
    (the name or term itself, not 'known as a painkiller', which only says what it is)."""
    if clause.lemma_.lower() not in NAMING_VERBS or clause.tag_ != "VBN":
        return False
    names = [c for c in clause.children if c.dep_ == "oprd"] + [
        g for c in clause.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children if g.dep_ == "pobj"]
    return len(names) == 1 and names[0].pos_ in ("NOUN", "PROPN") and not any(
        t.dep_ in ("det", "poss") or t.pos_ == "PRON" for t in names[0].subtree)


def _names_something(clause):
    return any(t.ent_type_ in ("ORG", "WORK_OF_ART", "PERSON", "FAC", "EVENT", "LAW", "PRODUCT") for t in clause.subtree)


def _the_few(token):
    """'the two countries', 'the three companies': a count of things named before, not a name."""
    noun = token.head
    return (token.lower_ in ("two", "three", "four", "both") and token.dep_ == "nummod" and noun.tag_ == "NNS"
            and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)
            and not any(c.ent_type_ and c.ent_type_ not in ("CARDINAL", "ORDINAL") for c in noun.children))


def _in_hyphenated_modifier(token):
    """'California' in 'California-based', 'state' in 'state-owned'."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].pos_ in ("VERB", "ADJ")


def names_its_subject(span):
    """'The new aircraft is called X-59': the sentence itself says what its subject is."""
    root = span.root
    subject = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if root.lemma_ == "be" and subject is not None and subject.pos_ == "NOUN" and any(
            t.tag_ in ("JJS", "RBS") for t in subject.subtree if t.i < subject.i) and any(
            t.dep_ in ("attr", "acomp") for t in root.children):
        return True  # "The most common color is green": a superlative and what it is
    return root.lemma_ in ("be", "call", "name", "know") and any(
        t.dep_ in ("attr", "oprd") and t.ent_type_ for t in root.subtree if t.head.i == root.i or t.head.head.i == root.i
    )


MEASURE_NOUNS = {"figure", "number", "rate", "share", "total", "proportion", "percentage"}
PLAIN_ADJECTIVES = {"latest", "new", "overall", "final", "current", "annual", "average", "same", "official", "actual",
                    "national", "previous", "earlier", "highest", "lowest", "first", "last", "whole", "real"}


def measure_of_nothing(token):
    """'In Osterby the figure is 58 percent', 'Holt said the rate had doubled': 'the figure', 'the number', 'the
    rate', 'the share', 'the total' or 'the proportion' as the subject of a clause with nothing that says of what
    (no 'of ...', no noun before it as in 'the unemployment rate', no clause after it)."""
    if (token.lemma_.lower() not in MEASURE_NOUNS or token.pos_ != "NOUN" or token.dep_ not in ("nsubj", "nsubjpass")
            or token._.qtext is not None):
        return False
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those") for c in token.children):
        return False
    return not any(c.dep_ in ("compound", "poss", "nmod", "nummod", "prep", "relcl", "acl", "appos")
                   or c.dep_ == "amod" and c.lower_ not in PLAIN_ADJECTIVES or c._.qtext for c in token.children)


def demonstrative_subject(token):
    """'Venn said that was "not under consideration"', 'Officials warned this could take years': a 'that',
    'this', 'these' or 'those' standing alone as the subject of a clause, with nothing in the sentence saying what
    it is: no noun before it but the speaker's own words ('make sure it contains meat because that is what they
    eat' says; 'That plan was approved', a determiner with its noun, is no pronoun)."""
    if not (token.lower_ in ("this", "that", "these", "those") and token.tag_ == "DT"
            and token.dep_ in ("nsubj", "nsubjpass") and token._.qtext is None and token.head.dep_ != "relcl"
            and token.head.pos_ in ("VERB", "AUX")  # "expected that share to ...": a determiner the model misread
            and not any(c.pos_ in ("NOUN", "PROPN") for c in token.children)):
        return False
    outer = token.head.head
    speaker = {t.i for c in outer.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    return not any(t.i < token.i and t.pos_ in ("NOUN", "PROPN") and t.i not in speaker and t._.qtext is None
                   for t in token.sent)
