"""Answers a sentence exists to give, read off the frame around them: what a thing is known or
prized for ('known for their bright colors'), the name it is given ('is called substrate', 'a
festival, known as hanami'), what it is part or a kind of, a cause after 'because of' / 'due to',
and the phrase that says what a common noun stands for ('land runoff — the rainwater and
snowmelt'). Plain words are a fact here: the frame says they are what the sentence is about.
"""
from .constituents import NAMING_VERBS, POSSESSIVES, Constituent, _span_of, _subtree, worth_as_answer
# a verb or an adjective and the preposition whose object is what the sentence says of its subject
FRAMES = {"know": ("for", "as"), "prize": ("for",), "value": ("for",), "praise": ("for",), "note": ("for",),
          "remember": ("for",), "famous": ("for",), "renowned": ("for",), "notorious": ("for",), "popular": ("for",),
          "use": ("for", "as"), "make": ("of", "from"), "consist": ("of",), "compose": ("of",), "derive": ("from",),
          "describe": ("as",), "regard": ("as",), "refer": ("to",), "part": ("of",), "kind": ("of",),
          "type": ("of",), "form": ("of",), "rich": ("in",), "responsible": ("for",),
          "interfere": ("with",), "depend": ("on",), "rely": ("on",), "protect": ("from", "against"),
          "lead": ("to",), "contribute": ("to",), "result": ("in",),
          # what a thing becomes, is tied to, or earns: "condense into liquid drops", "qualify for a grant"
          "qualify": ("for",), "turn": ("into",), "change": ("into",), "convert": ("into",), "condense": ("into",),
          "evolve": ("into",), "split": ("into",), "divide": ("into",), "link": ("to",), "belong": ("to",),
          "liken": ("to",), "compare": ("to", "with")}


def _framed(head):
    """'part of the Google Wallet app': the fact is the object of the frame, not the frame's noun."""
    return any(p.dep_ == "prep" and p.lower_ in FRAMES.get(head.lemma_, ()) for p in head.children) and len(
        [t for t in head.subtree if t.i < head.i]) <= 1


def _frame_object(prep, wh):
    """'known for their bright colors' -> 'bright colors' (What are X known for?); 'is part of the
    Google Wallet app' -> 'the Google Wallet app'; 'known as the ionosphere' -> a term."""
    pobj = next((t for t in prep.children if t.dep_ == "pobj"), None)
    naming = prep.lower_ == "as" and prep.head.lemma_ in NAMING_VERBS
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or (all(t.ent_type_ for t in pobj.subtree) and not naming):
        return []  # a name alone is asked by the entity stage, unless the sentence gives it ("known as Nowruz")
    tokens = _subtree(pobj)
    gloss = next((t for t in tokens if t.dep_ == "conj" and t.head.i == pobj.i and t.i >= 2 and t.n_lefts == 0
                  and t.doc[t.i - 1].lower_ == "or" and t.doc[t.i - 2].text == ","), None)
    if gloss is not None:  # "a NASA project, or mission": the second word restates the first
        tokens = [t for t in tokens if t.i < gloss.i - 2]
    if tokens and tokens[0].lower_ in POSSESSIVES and tokens[0].head.i == pobj.i:
        tokens = tokens[1:]  # "their bright colors": whose is plain from the sentence, the fact is the colors
    cut = next((c.i for c in pobj.children if naming and c.dep_ == "prep" and c.i > pobj.i), None)
    if cut is not None:  # "known as sakura in Japanese": the name, not where it is used
        tokens = [t for t in tokens if t.i < cut]
    span = _span_of(tokens)
    if span is None or not worth_as_answer(prep.doc[span[0] : span[1]], loose=True, term=naming):
        return []
    whole = sorted(pobj.subtree, key=lambda t: t.i)
    return [Constituent(span[0], span[1], "term" if naming else "complement", wh, (whole[0].i, whole[-1].i))]


def _name_given(oprd, wh):
    """'In the trade, this is called substrate', 'The feast is called Nowruz': the name the sentence
    gives a thing (a name too: that it names this thing is the fact). A second name after ', or'
    ('the aurora borealis, or northern lights') restates it: the answer is the first, the second is accepted."""
    if oprd.pos_ not in ("NOUN", "PROPN", "ADJ", "X"):
        return []
    tokens = _subtree(oprd)
    gloss = next((t for t in tokens if t.dep_ == "conj" and t.head.i == oprd.i and t.i >= 2
                  and t.doc[t.i - 1].lower_ == "or" and t.doc[t.i - 2].text == ","), None)
    gloss = gloss or next((t for t in tokens if t.dep_ == "conj" and t.head.i == oprd.i and t.left_edge.i >= 2
                           and t.doc[t.left_edge.i - 1].lower_ == "or" and t.doc[t.left_edge.i - 2].text == ","), None)
    if gloss is not None:
        tokens = [t for t in tokens if t.i < gloss.left_edge.i - 2]
    span = _span_of(tokens)
    if span is None or not worth_as_answer(oprd.doc[span[0] : span[1]], term=True) or _title_goes_on(oprd.doc, span):
        return []
    whole = sorted(oprd.subtree, key=lambda t: t.i)
    return [Constituent(span[0], span[1], "term", wh, (whole[0].i, whole[-1].i))]


def _title_goes_on(doc, span):
    """'called Attitudes on an Interconnected World': the parse kept one word of a title."""
    after = [t for t in doc[span[1] : span[1] + 3]]
    if not after or not doc[span[0]].text[:1].isupper():
        return False
    return after[0].text[:1].isupper() or (after[0].is_lower and any(t.text[:1].isupper() for t in after[1:])
                                           and after[0].pos_ in ("ADP", "CCONJ", "DET"))


def _names_given_inside(span, root):
    """'a spring festival, known as hanami', 'a layer called the ozone layer': a name given inside a
    noun phrase, asked only as a blank (a question would have to carry the whole phrase)."""
    found = []
    for verb in span:
        if verb.i == root.i or verb.dep_ != "acl" or verb.lemma_ not in NAMING_VERBS or verb.tag_ != "VBN":
            continue
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "as":
                found += _frame_object(child, "")
            elif child.dep_ == "oprd":
                found += _name_given(child, "")
    return found


def _reasons_and_glosses(span, root):
    """'rose because of a shortage of steel', 'due to a lack of observations' (a cause: Why?), and a
    phrase that says what a common noun stands for: 'land runoff — the rainwater and snowmelt',
    'two kinds of drums, the tabla and the dhol' (a blank only; a name's aside is its title, not asked)."""
    found = []
    for token in span:
        if token.dep_ == "prep" and token.lower_ in ("because", "due", "owing"):
            link = next((c for c in token.children if c.dep_ in ("pcomp", "prep") and c.lower_ in ("of", "to")), None)
            pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if link is not None and pobj is None:
                pobj = next((c for c in link.children if c.dep_ == "pobj"), None)
            if link is None or pobj is None or pobj.pos_ not in ("NOUN", "PROPN"):
                continue
            tokens = _span_of(_subtree(pobj))
            if tokens is None or not worth_as_answer(span.doc[tokens[0] : tokens[1]], loose=True):
                continue
            whole = sorted(token.subtree, key=lambda t: t.i)
            wh = "Why" if token.head.i == root.i else ""
            found.append(Constituent(tokens[0], tokens[1], "cause", wh, (whole[0].i, whole[-1].i)))
        elif token.dep_ == "appos" and token.pos_ == "NOUN" and token.head.pos_ == "NOUN" and not token.head.ent_type_:
            before = span.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
            if before is None or before.text not in (",", ":", "\u2014", "\u2013", "-"):
                continue
            tokens = _span_of(_subtree(token))
            if tokens is None or not worth_as_answer(span.doc[tokens[0] : tokens[1]], loose=True):
                continue
            found.append(Constituent(tokens[0], tokens[1], "complement", "", (tokens[0], tokens[1] - 1)))
    return found


ANSWERED_NOUNS = {"cause", "reason", "source", "culprit", "trigger", "winner", "aim", "goal", "purpose", "result",
                  "problem", "concern", "priority", "explanation", "factor", "driver", "target", "focus"}


def asks_for_its_complement(verb):
    """'The main cause of the fires was lightning': a subject that asks a question the complement answers, so
    one word is the whole fact (not so 'The festival was a success')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in ANSWERED_NOUNS and any(
        c.dep_ == "det" and c.lower_ == "the" for c in subject.children)
