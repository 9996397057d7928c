"""Names the small model cuts in two or runs past their end, mended in the parsed paragraphs.

Each step is one pattern of the model's, stated with the example it exists for:
- 'the Sailors' Front' tagged as two names, 'Sailors' and 'Front', around the apostrophe;
- 'the Fishers and Hills League' tagged as 'Fishers' and 'Hills League';
- "the Orn Nurses' and Midwives' Union" tagged as "the Orn Nurses'" and "Midwives' Union";
- 'the Isotope Laboratory (IL' with the opening parenthesis of its acronym inside the name;
- '2750 BC' with 'BC' taken for an organisation;
- "the Harlow Water Board's report" with the possessive "'s" inside the name.
"""
from .names import _put_ents

APOSTROPHES = {"'", "\u2019"}
GROUP_HEADS = {"league", "party", "union", "front", "alliance", "movement", "association", "federation", "council",
               "congress", "bloc", "coalition", "society", "guild"}
ERAS = {"BC", "AD", "BCE", "CE", "B.C.", "A.D.", "B.C.E.", "C.E."}
NUMBER_LABELS = {"DATE", "CARDINAL"}


def mend_names(docs):
    for doc in docs:
        join_across_apostrophes(doc)
        join_coordinated_groups(doc)
        join_possessive_pairs(doc)
        close_parentheses(doc)
        join_eras(doc)
        end_before_possessive(doc)


def join_across_apostrophes(doc):
    """'The far-left Sailors' Front': the plural possessive is part of the name, not its end."""
    from spacy.tokens import Span

    ents, found = list(doc.ents), []
    for first, second in zip(ents, ents[1:]):
        mark = first.end
        if (second.start == mark + 1 and doc[mark].text in APOSTROPHES and not doc[mark - 1].whitespace_
                and first.text.endswith("s") and first.label_ not in NUMBER_LABELS and second.label_ not in NUMBER_LABELS):
            found.append(Span(doc, first.start, second.end, label="ORG"))
    _put_ents(doc, found)


def join_coordinated_groups(doc):
    """'the Fishers and Hills League': one party named for two groups of people, which the model tags as
    'Hills League' (and 'Fishers' alone, or not at all). Only a single plural word between 'the' and 'and'
    and a group's head noun at the end join ('the Treasury and the Federal Reserve Bank' stay two)."""
    from spacy.tokens import Span

    found = []
    for ent in doc.ents:
        if ent.start < 3 or ent[-1].lower_ not in GROUP_HEADS:
            continue
        the, word, conjunction = doc[ent.start - 3], doc[ent.start - 2], doc[ent.start - 1]
        if (the.lower_ == "the" and conjunction.lower_ == "and" and word.is_title and word.text.endswith("s")
                and word.tag_ in ("NNS", "NNPS", "NNP") and word.ent_iob_ in ("B", "O")
                and (word.ent_iob_ == "O" or doc[word.i + 1].ent_iob_ != "I")):
            found.append(Span(doc, word.i, ent.end, label="ORG"))
    _put_ents(doc, found)


def join_possessive_pairs(doc):
    """"the Orn Nurses' and Midwives' Union": a body named for two groups, each in the plural possessive, which
    the model tags as two names ("the Orn Nurses'" and "Midwives' Union"). Joined only when the first name ends
    on the apostrophe of a plural and the second ends on a group's head noun ('Britain and the Union' stay two)."""
    from spacy.tokens import Span

    ents, found = list(doc.ents), []
    for first, second in zip(ents, ents[1:]):
        body = first[:-1] if first[-1].lower_ == "and" else first
        between = doc[body.end : second.start]
        if (len(body) >= 2 and body[-1].text in APOSTROPHES and body[-2].text.endswith("s") and body[-2].is_title
                and [t.lower_ for t in between] == ["and"] and second[-1].lower_ in GROUP_HEADS
                and second.label_ not in NUMBER_LABELS):
            found.append(Span(doc, first.start, second.end, label="ORG"))
    _put_ents(doc, found)


def close_parentheses(doc):
    """'the Isotope Laboratory (IL': a name that opens a parenthesis and does not close it ends before it;
    the acronym inside is a name of its own."""
    from spacy.tokens import Span

    fixed, changed = [], False
    for ent in doc.ents:
        opening = next((t for t in ent if t.text == "("), None)
        if opening is None or any(t.text == ")" for t in ent) or opening.i == ent.start:
            fixed.append(ent)
            continue
        changed = True
        fixed.append(Span(doc, ent.start, opening.i, label=ent.label_))
        inside = doc[opening.i + 1 : ent.end]
        if len(inside) == 1 and inside.text.isupper():
            fixed.append(Span(doc, inside.start, inside.end, label=ent.label_))
    if changed:
        doc.ents = fixed


def end_before_possessive(doc):
    """"the Harlow Water Board's report" tagged with the "'s": a name ends before its possessive (a name
    written in for "the board" must be "the Harlow Water Board", not lose its last word, "Board")."""
    from spacy.tokens import Span

    fixed, changed = [], False
    for ent in doc.ents:
        if len(ent) > 1 and ent[-1].tag_ == "POS" and ent[-1].lower_ in ("'s", "\u2019s"):  # not "Nations'" (stray-apostrophe)
            fixed.append(Span(doc, ent.start, ent.end - 1, label=ent.label_))
            changed = True
        else:
            fixed.append(ent)
    if changed:
        doc.ents = fixed


def join_eras(doc):
    """'between 2850 and 2750 BC': the era belongs to the year before it; it is no organisation."""
    from spacy.tokens import Span

    fixed, changed, skip = [], False, set()
    for ent in doc.ents:
        if ent.start in skip:
            continue
        era = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ in NUMBER_LABELS and era is not None and era.text in ERAS and ent[-1].like_num:
            fixed.append(Span(doc, ent.start, ent.end + 1, label="DATE"))
            skip.add(ent.end)
            changed = True
        elif ent.text in ERAS and ent.start > 0 and doc[ent.start - 1].like_num:
            changed = True  # the era after a number the model did not tag: not a name
        else:
            fixed.append(ent)
    if changed:
        doc.ents = fixed
