"""Answers that are not names: the phrases of a clause that carry its fact.

A news sentence's fact is as often a noun phrase ("a loosely packed rubble pile"), an
action ("to search for signs of life"), a cause ("because it always faces away from
Earth") or a description ("slightly elongated") as it is a name or a number. This stage
reads them off the dependency parse of a clause that stands alone: each `Constituent`
is a span of the clause with its role, the wh-phrase that asks for it and the tokens a
question leaves out.
"""
from dataclasses import dataclass

from .references import in_quotes

CONTENT = {"NOUN", "PROPN", "NUM", "VERB", "ADJ"}
PRONOUN_WORDS = {"it", "they", "them", "this", "that", "these", "those", "he", "she", "him", "her", "we", "us",
                 "something", "anything", "everything", "nothing", "one", "ones", "some", "others", "all", "both",
                 "what", "which", "who", "much", "many", "more", "most", "lot", "way", "ways", "thing", "things",
                 "part", "kind", "kinds", "number", "plans", "plan", "example", "time", "times", "people"}
PURPOSE_VERBS = {"design", "aim", "plan", "expect", "hope", "want", "seek", "intend", "use", "need", "try", "work",
                 "help", "mean", "set", "schedule", "propose", "vow", "pledge", "promise", "agree", "decide", "choose",
                 "allow", "permit", "enable", "require", "continue", "begin", "start", "fail", "manage", "offer",
                 "ask", "urge", "tell", "order", "prepare", "build", "create", "develop"}
NAMING_VERBS = {"call", "name", "term", "dub", "nickname", "know"}  # "is called substrate", "known as hanami"
INFINITIVE_NOUNS = {"plan", "effort", "attempt", "ability", "decision", "right", "way", "chance", "need", "time",
                    "money", "power", "deal", "agreement", "bid", "move", "push", "proposal", "opportunity", "permission",
                    "order", "call", "promise", "commitment", "reason", "request", "offer", "bill", "law", "rule",
                    "measure", "program", "programme", "campaign", "project", "funding", "fund", "tool", "technology",
                    "place", "one", "first", "last", "person", "country", "company", "capacity", "authority", "desire",
                    "goal", "aim", "mission", "wish", "willingness", "failure", "refusal", "pressure", "license"}
CAUSE_MARKS = {"because", "since", "as"}
ASIDE_STARTS = {"including", "which", "such", "especially", "particularly", "notably"}  # an aside after the purpose
MAX_ANSWER_WORDS = 8  # longer, no one recalls it word for word
MAX_REASON_WORDS = 16  # a cause, a purpose or an action is asked as a whole clause ("Why ...?"), never blanked


@dataclass(frozen=True)
class Constituent:
    """A phrase of a clause that a question can ask for."""

    start: int  # token range of the answer in the doc
    end: int
    role: str  # object, complement, description, action, purpose, cause, means, subject, member
    wh: str  # the wh-phrase that asks for it ("What", "Why", "How")
    drop: tuple  # (first, last) token indices a question leaves out
    do_word: bool = False  # the question ends on "to do" ("What is X designed to do?")


def _words(tokens):
    return [t for t in tokens if not t.is_punct and t.tag_ != "POS"]  # "the Earth's field" is three words


POSSESSIVES = {"their", "its", "his", "her", "our"}  # left outside a blank: 'known for their _____'
QUANTIFIERS = {"some", "many", "most", "several", "all", "both", "each", "few", "other", "such", "any", "much", "no"}


def split_by_the_parse(tokens):
    """The parse cut a phrase in two ('create digital versions of many kinds of identification (ID)
    cards': 'cards' hangs outside it), so a blank over it would leave half a phrase behind."""
    doc = tokens.doc if hasattr(tokens, "doc") else tokens[0].doc
    end = tokens[-1].i + 1
    after = next((doc[i] for i in range(end, min(end + 4, len(doc))) if not doc[i].is_punct), None)
    if after is not None and after.pos_ in ("NOUN", "PROPN") and after.dep_ not in ("npadvmod",) and (
            after.i == end or doc[end].text in ("(", ")")):
        return True
    if any(t.lower_ == "between" for t in tokens) and end < len(doc) and doc[end].lower_ == "and":
        return True  # "between the ages of 45 | and 75": the range goes on past the phrase
    inside = {t.i for t in tokens}
    return any(t.head.i in inside and t.i not in inside and t.dep_ in ("amod", "compound", "det", "nummod", "poss")
               and not (t.dep_ == "poss" and t.lower_ in POSSESSIVES and t.i == tokens[0].i - 1)
               for t in doc[max(tokens[0].i - 3, 0) : min(end + 3, len(doc))])


def worth_as_answer(tokens, *, clause=False, loose=False, term=False, longest=MAX_ANSWER_WORDS):
    """A phrase a student can be asked to give: a few words with content, not a pronoun or a filler
    (a whole clause, a cause or a purpose, may have a pronoun for its subject: 'it always faces away').

    `loose`: the phrase is what the sentence is there to say (a cause, a purpose, what a thing is
    known for), so plain words are a fact too ('to purify the water'); `term`: the name a sentence
    gives a thing ('is called substrate'), one word is enough; `longest`: a reason or an action, asked by
    'Why ...?' or 'What is X designed to do?', may run to a clause's length (no blank is made over it)."""
    shown = _words(tokens)
    if shown and split_by_the_parse(tokens):
        return False
    if not shown or len(shown) > longest:
        return False
    content = [t for t in shown if t.pos_ in CONTENT and not t.is_stop and t.lower_ not in PRONOUN_WORDS]
    if term and len(content) == 1 and len(content[0].text) >= 4 and content[0].is_alpha:
        pass  # "substrate", "the ionosphere": the term the sentence defines
    elif len(content) < 2:
        return False  # "data", "a spacecraft", "the festival": a word any sentence of the story could end on
    listed = any(t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") and t.head in shown for t in shown)
    specific = any(t.ent_type_ or t.like_num or t.pos_ == "PROPN" or (t.dep_ == "compound" and t.pos_ == "NOUN")
                   for t in shown) or len(content) >= 3 or listed  # "meat or insects": a list is a fact
    if not (specific or loose or term):
        return False  # "fresh water", "numerous estimates", "a fun hobby": wording, not a fact to recall
    if shown[0].lower_ == "the" and len(shown) <= 3 and not term:
        return False  # "the short-lived blooms": what the story already talks about, not a fact
    if shown[-1].pos_ in ("ADP", "CCONJ", "DET", "SCONJ", "PART") or shown[0].lower_ in ("well", "and", "or", "but"):
        return False  # "equitable job creation and innovation in", "well as thousands": cut by the parse
    if (shown[0].pos_ == "PRON" and not (clause and shown[0].lower_ in ("it", "they")))\
            or shown[0].lower_ in ("this", "these", "those", "that", "such", "its", "their"):
        return False  # "this reduces ...", "its own": what it stands for is elsewhere
    if any(t.pos_ == "PRON" and t.lower_ in ("it", "they", "them", "he", "she", "him", "her") for t in shown[clause:]):
        return False
    text = "".join(t.text_with_ws for t in tokens)
    if text.count("\u201c") != text.count("\u201d") or text.count('"') % 2:
        return False  # half a quotation
    if in_quotes(tokens[0]) and tokens[0].text not in ("\u201c", '"'):
        return False  # inside someone's words
    return True


def _trimmed(tokens):
    """Without the leading article and the trailing punctuation: 'the ionosphere' -> 'ionosphere' stays typed whole."""
    tokens = list(tokens)
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in (")", "\u201d", '"')):
        tokens = tokens[:-1]
    while tokens and tokens[0].is_punct and tokens[0].text not in ("(", "\u201c", '"'):
        tokens = tokens[1:]
    return tokens


def _span_of(tokens):
    tokens = _trimmed(tokens)
    return (tokens[0].i, tokens[-1].i + 1) if tokens else None


def _subtree(token, *, stop_at_clause=True):
    """The phrase headed by `token`, cut before a relative clause or an aside after a comma or a dash
    (a list's commas stay: 'sensors, power flow control devices, and analytical tools')."""
    tokens = sorted(token.subtree, key=lambda t: t.i)
    if not stop_at_clause:
        return tokens
    doc, ids = token.doc, {t.i for t in tokens}
    cut = None
    for t in tokens:
        if t.i <= token.i:
            continue
        if t.dep_ == "relcl" or t.text in ("\u2013", "\u2014", ";", ":") or (t.text == "-" and t.whitespace_):
            cut = t.left_edge.i if t.dep_ == "relcl" else t.i
            break
        if t.text == ",":
            following = [doc[i] for i in range(t.i + 1, min(t.i + 4, len(doc))) if i in ids]
            if not any(f.dep_ in ("conj", "cc") for f in following):
                cut = t.i
                break
    if cut is not None:
        tokens = [t for t in tokens if t.i < cut]
    return tokens


def quoted_terms(span):
    """'a roughly symmetrical “oblate spheroid” shape': a term the article puts in quotation marks."""
    found, doc = [], span.doc
    opening = None
    for t in span:
        if t.text in ("\u201c", "\u2018") or (t.text == '"' and opening is None):
            opening = t.i
        elif t.text in ("\u201d", "\u2019", '"') and opening is not None:
            inner = doc[opening + 1 : t.i]
            defined = opening > 0 and doc[opening - 1].lemma_ in ("mean", "as", "call", "name")  # 'mean “new day”'
            opening = None
            while len(inner) > 1 and inner[-1].is_punct:
                inner = inner[:-1]  # 'meaning “of the spring.”'
            if 1 <= len(inner) <= 4 and all(w.is_lower or w.is_punct or w.like_num for w in inner):
                plain = [w for w in inner if w.is_alpha and not w.is_stop and len(w.text) >= 4]
                if worth_as_answer(inner) or (1 <= len(inner) <= 2 and len(inner.text) >= 6) or (defined and plain):
                    found.append(Constituent(inner.start, inner.end, "term", "", (inner.start, inner.end - 1)))
    return found


NAMING_VERBS = {"know", "call", "name", "dub", "term", "nickname"}


def named_terms(span):
    """'a trick known as kleptoplasty', 'tiny sacs, called glowbodies', 'a species that scientists have
    named Lumbra velox': the name the article gives a thing (a term, often no entity at all)."""
    found = []
    for verb in span:
        if verb.lemma_.lower() not in NAMING_VERBS or verb.tag_ != "VBN" or verb.dep_ not in ("acl", "relcl", "appos",
                                                                                             "amod"):
            continue
        term = next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "PROPN")), None)
        if verb.dep_ == "amod":  # "the sacs, called glowbodies, ...": the parser hangs "called" on the name
            term = verb.head if verb.head.i == verb.i + 1 and verb.head.dep_ == "appos" else None
        if term is None:
            as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
            term = next((c for c in as_.children if c.dep_ == "pobj"), None) if as_ is not None else None
        if term is None or term.pos_ not in ("NOUN", "PROPN") or in_quotes(term):
            continue
        tokens = [t for t in term.subtree if t.i > verb.i]
        cut = next((t.i for t in tokens if t.i > term.i and (t.is_punct or t.dep_ in ("relcl", "acl", "cc", "prep"))),
                   None)
        if any(t.i >= cut and t.text[:1].isupper() for t in tokens if cut is not None):
            continue  # "called Attitudes on an Interconnected World": a title goes on past the cut
        tokens = [t for t in tokens if cut is None or t.i < cut]
        name = next((e for e in span.doc.ents if e.start <= term.i < e.end), None)
        if name is not None and (name.end > tokens[-1].i + 1 or name.start < tokens[0].i and
                                 span.doc[name.start].lower_ != "the"):
            continue  # part of a longer name ("Attitudes" of "Attitudes on an Interconnected World")
        if tokens and tokens[0].lower_ in ("the", "a", "an"):
            tokens = tokens[1:]
        if not tokens or len(tokens) > 4 or not span.start <= tokens[0].i <= tokens[-1].i < span.end:
            continue
        if any(t.pos_ == "PRON" or t.is_punct for t in tokens) or tokens[-1].i != term.i:
            continue
        found.append(Constituent(tokens[0].i, tokens[-1].i + 1, "term", "", (tokens[0].i, tokens[-1].i)))
    return found


def constituents(span, subject):
    """The constituents of the clause `span` worth asking for, given its (usable) subject."""
    from .frames import (FRAMES, _framed, _frame_object, _name_given, _names_given_inside, _reasons_and_glosses,
                         asks_for_its_complement)

    root = span.root
    found = []
    if root.pos_ == "ADJ" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in root.children):
        # "Dating the pots is hard because floods left no layers": the parser roots the clause on 'hard'
        return [c for child in root.children if child.dep_ == "advcl" and span.start <= child.i < span.end
                for c in _cause_or_purpose(child)]
    if root.pos_ not in ("VERB", "AUX"):
        return found
    for child in root.children:
        if not span.start <= child.i < span.end:
            continue
        dep = child.dep_
        if dep == "dobj":
            found += _noun_phrase(child, "object", "What")
        elif dep == "attr" and root.lemma_ == "be" and not _framed(child):
            found += _noun_phrase(child, "complement", "What", term=asks_for_its_complement(root))
        elif dep == "acomp" and child.pos_ == "ADJ":
            found += _description(child)
        elif dep == "xcomp":
            found += _action(root, child)
        elif dep == "advcl":
            found += _cause_or_purpose(child)
        elif dep == "prep" and child.lower_ == "by":
            found += _means(child)
        elif dep == "prep" and child.lower_ in FRAMES.get(root.lemma_, ()):
            found += _frame_object(child, "What")
        elif dep == "oprd" and root.lemma_ in NAMING_VERBS:
            found += _name_given(child, "What")
        if dep in ("acomp", "attr"):
            found += [c for p in child.children if p.dep_ == "prep" and p.lower_ in FRAMES.get(child.lemma_, ())
                      for c in _frame_object(p, "What")]
        elif dep == "ccomp" and root.lemma_ in FINDING_VERBS:
            found += _reported(child)
    found += quoted_terms(span)
    found += named_terms(span)
    found += _deeper(span, root)
    found += _names_given_inside(span, root)
    found += _reasons_and_glosses(span, root)
    return [c for c in found if c.end - c.start >= 1]


FINDING_VERBS = {"show", "find", "indicate", "suggest", "reveal", "confirm", "mean", "say", "explain", "note",
                 "report", "announce", "estimate", "predict", "conclude", "demonstrate", "believe", "think", "know",
                 "add", "state", "warn", "argue", "claim", "discover", "learn", "determine"}


def _noun_phrase(head, role, wh, term=False):
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ and all(t.ent_type_ for t in head.subtree):
        return []  # a name alone is asked by the entity stage
    doc = head.doc
    if role == "subject" and (head.head.lemma_ in FINDING_VERBS or doc[head.left_edge.i].lower_ in QUANTIFIERS or any(
            c.dep_ in ("appos", "compound") and c.ent_type_ and c.i > head.i for c in head.children)):
        return []  # who reported it ("Japanese space officials said"), or a descriptor before a name
    if role == "object" and head.head.i + 1 < head.left_edge.i and doc[head.left_edge.i - 1].is_punct:
        return []  # an object after a comma is a misparse ("crashed it into the rock, about 11 million km away")
    tokens = _subtree(head)
    after = doc[tokens[-1].i + 1] if tokens[-1].i + 1 < len(doc) else None
    if role == "object" and after is not None and after.dep_ in ("prt", "advmod") and after.pos_ in ("ADP", "ADV", "PART"):
        return []  # "touched down the wrong way up": not a thing that was touched
    span = _span_of(tokens)
    if span is None or not worth_as_answer(head.doc[span[0] : span[1]], term=term):
        return []
    whole = sorted(head.subtree, key=lambda t: t.i)
    return [Constituent(span[0], span[1], role, wh, (whole[0].i, whole[-1].i))]


def _description(adjective):
    tokens = _subtree(adjective, stop_at_clause=False)
    span = _span_of(tokens)
    if span is None or not worth_as_answer(adjective.doc[span[0] : span[1]]):
        return []
    return [Constituent(span[0], span[1], "description", "", (tokens[0].i, tokens[-1].i))]


def _action(root, xcomp):
    """'is designed to search for signs of life' -> 'search for signs of life' (What is X designed to do?)."""
    to = next((t for t in xcomp.children if t.dep_ == "aux" and t.lower_ == "to"), None)
    if to is None or root.lemma_ not in PURPOSE_VERBS:
        return []
    attr = next((t for t in xcomp.children if t.dep_ == "attr"), None)
    if xcomp.lemma_ == "be" and attr is not None:  # "is designed to be a reusable vehicle" (What is X designed to be?)
        return _noun_phrase(attr, "complement", "What")
    if xcomp.pos_ != "VERB":
        return []
    tokens = [t for t in sorted(xcomp.subtree, key=lambda t: t.i) if t.i > to.i]
    span = _span_of(tokens)
    passive = root.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in root.children)  # "is needed to move the water"
    if span is None or not worth_as_answer(xcomp.doc[span[0] : span[1]], loose=passive, longest=MAX_REASON_WORDS):
        return []
    return [Constituent(span[0], span[1], "action", "What", (span[0], tokens[-1].i), do_word=True)]


def _cause_or_purpose(clause):
    """'because it always faces away from Earth' (Why?), 'to cut emissions' (Why? / What for?)."""
    tokens = sorted(clause.subtree, key=lambda t: t.i)
    mark = next((t for t in clause.children if t.dep_ == "mark"), None)
    to = next((t for t in clause.children if t.dep_ == "aux" and t.lower_ == "to"), None)
    if mark is not None and mark.lower_ in CAUSE_MARKS and mark.i == tokens[0].i:
        if mark.lower_ in ("as", "since") and not any(t.dep_ in ("nsubj", "nsubjpass") for t in clause.children):
            return []  # "as part of", "since 2020": not a cause
        if mark.lower_ == "as" and clause.lemma_ in NAMING_VERBS | {"say", "report", "expect", "describe", "note"}:
            return []  # "Fenwold Solar, as the scheme is known, ...": an aside, not a cause
        body = [t for t in tokens if t.i > mark.i]
        relative = next((t for t in body if t.dep_ == "relcl"), None)
        if relative is not None and len(_words(body)) > MAX_ANSWER_WORDS:
            body = [t for t in body if t.i < relative.left_edge.i]  # "oxygen is plentiful at the height (where ...)"
        span = _span_of(body)
        if span is None or len(_words(body)) < 3 or not worth_as_answer(clause.doc[span[0] : span[1]], clause=True,
                                                                          loose=True, longest=MAX_REASON_WORDS):
            return []
        wh = "Why" if mark.lower_ == "because" else ""  # "since it opened", "as engineers inspect": a time, as often
        return [Constituent(span[0], span[1], "cause", wh, (tokens[0].i, tokens[-1].i))]
    if to is not None and to.i == tokens[0].i and clause.pos_ == "VERB":
        before = clause.doc[to.i - 1] if to.i > 0 else None
        if before is not None and (before.pos_ in ("PROPN", "PRON") or before.pos_ == "NOUN" and before.lemma_.lower() in INFINITIVE_NOUNS):
            return []  # "announced plans to have ...": the plans, not a purpose
        body = [t for t in tokens if t.i >= to.i]
        aside = next((t.i for t in body if t.text == "," and t.i + 1 < len(t.doc)
                      and t.doc[t.i + 1].lower_ in ASIDE_STARTS), None)
        body = [t for t in body if aside is None or t.i < aside]  # "to strengthen the grid, including programs ..."
        span = _span_of(body)
        if span is None or not worth_as_answer(clause.doc[span[0] : span[1]], loose=True, longest=MAX_REASON_WORDS):
            return []
        return [Constituent(span[0], span[1], "purpose", "Why", (tokens[0].i, tokens[-1].i))]
    return []


def _means(by):
    """'by trapping outgoing heat energy' (How?)."""
    gerund = next((t for t in by.children if t.dep_ == "pcomp" and t.tag_ == "VBG"), None)
    if gerund is None:
        return []
    tokens = sorted(gerund.subtree, key=lambda t: t.i)
    span = _span_of(tokens)
    if span is None or not worth_as_answer(by.doc[span[0] : span[1]], longest=MAX_REASON_WORDS):
        return []
    whole = sorted(by.subtree, key=lambda t: t.i)
    return [Constituent(span[0], span[1], "means", "How", (whole[0].i, whole[-1].i))]


def _deeper(span, root):
    """Objects and actions of the verbs below the main one ('a new tool that permits users to create
    digital versions of ID cards'): asked only as blanks, a question would have to carry the clause."""
    found = []
    for verb in span:
        if verb.i == root.i or verb.pos_ != "VERB" or verb.dep_ in ("ccomp",) and verb.head.i == root.i:
            continue
        for child in verb.children:
            if child.dep_ == "dobj":
                found += _noun_phrase(child, "object", "")
            elif child.dep_ == "xcomp":
                found += _action(verb, child)
        found += _what_it_is_for(verb)
    return [Constituent(c.start, c.end, c.role, "", c.drop) for c in found]


def _what_it_is_for(verb):
    """'humanity's first mission to intentionally move a celestial object': what the noun is there to do."""
    to = next((t for t in verb.children if t.dep_ == "aux" and t.lower_ == "to"), None)
    if verb.dep_ not in ("acl", "relcl") or to is None or to.i != verb.left_edge.i or verb.head.pos_ != "NOUN" or verb.head.i != to.i - 1:
        return []
    tokens = [t for t in _subtree(verb) if t.i > to.i]
    span = _span_of(tokens)
    record = any(c.lower_ in ("first", "only", "last") or c.tag_ == "JJS" for c in verb.head.children)  # "the first X to"
    if span is None or not worth_as_answer(verb.doc[span[0] : span[1]], loose=record):
        return []
    return [Constituent(span[0], span[1], "action", "", (span[0], span[1] - 1))]


def _reported(verb):
    """'showed that a kinetic impactor could deflect a hazardous asteroid': the object of what was shown."""
    found = []
    for child in verb.children:
        if child.dep_ == "dobj":
            found += [c for c in _noun_phrase(child, "object", "What")]
        elif child.dep_ == "attr" and verb.lemma_ == "be":
            from .frames import asks_for_its_complement

            found += _noun_phrase(child, "complement", "What", term=asks_for_its_complement(verb))
        elif child.dep_ == "acomp" and child.pos_ == "ADJ":
            found += _description(child)
        elif child.dep_ == "xcomp":
            found += _action(verb, child)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if modal and obj is not None and verb.pos_ == "VERB":  # "could deflect a hazardous asteroid"
        end = _span_of(_subtree(obj))
        if end is not None and worth_as_answer(verb.doc[verb.i : end[1]]):
            found.append(Constituent(verb.i, end[1], "action", "", (verb.i, end[1] - 1)))
    # asked only as a blank: the question would have to carry the whole report
    return [Constituent(c.start, c.end, c.role, "", c.drop) for c in found]


def clause_ends(span):
    """A question's words: no end punctuation, no closing aside (', with the first tenants moving in by June')."""
    tokens = [t for t in span if not t.is_space]
    cut = next((n for n, t in enumerate(tokens[1:-1], 1) if t.lower_ == "with" and tokens[n - 1].text == ","
                and any(c.tag_ in ("VBG", "VBN") and (c.dep_ == "pcomp" or c.dep_ in ("acl", "amod") and c.head.dep_ == "pobj")
                        for c in t.subtree) and t.right_edge.i >= tokens[-1].i - 1), None)
    tokens = tokens[: cut - 1] if cut else tokens
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens
