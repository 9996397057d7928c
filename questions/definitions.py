"""Item maker for definitions: 'An X is a Y that ...' asked as 'What is an X?'.

Explainers define their terms ('Prediabetes is a condition in which ...', 'Sunspots are dark,
cooler areas on the sun's surface', 'The solar cycle is a period of about 11 years in which
...'). A definition is longer than the phrases constituents.py lets a student type, and it is
the fact a teacher asks first. A sentence defines when its verb is 'be', its subject is a common
noun with no name in it (a term, not 'the answer' or 'the result'), and its complement says what
kind of thing the term is and which one (a noun with a modifier or a clause after it). Each
definition gives a short answer ('What is prediabetes?'); when the article defines three or more
other terms, their definitions are the options of a multiple choice too: a student who knows the
terms tells them apart, one who does not cannot guess from the wording.

A term is as often defined in an apposition ('Each volunteer wore a glucose monitor, a small
sensor that measures sugar levels every few minutes'): `apposition_definitions` finds a common
noun (not a name) followed by a comma or dash and a noun phrase that says what kind of thing it
is and which one (a clause or a phrase after its noun), whatever the rest of the sentence does.
"""
from .constituents import QUANTIFIERS, _words
from .generic import PEOPLE
from .references import rendered, subject_of
from .textnorm import norm

MIN_WORDS, MAX_WORDS = 3, 16
NOT_TERMS = PEOPLE | {"goal", "aim", "purpose", "plan", "problem", "challenge", "hope", "fear", "concern", "risk",
                      "priority", "task", "job", "difference", "finding", "conclusion", "message", "lesson", "news",
                      "source", "cause", "effect", "outcome", "truth", "key", "rule", "step"}
NOT_KINDS = {"one", "thing", "way", "reason", "result", "answer", "question", "problem", "issue", "part", "example"}
ASIDES = {",", ";", ":", "\u2014", "\u2013", "("}


def definition(span):
    """(term text, definition text, plural) when the clause `span` defines its subject, else None."""
    root = span.root
    subject = subject_of(span)
    attr = next((c for c in root.children if c.dep_ == "attr"), None)
    if root.lemma_ != "be" or subject is None or attr is None or subject.i > root.i or attr.i < root.i:
        return None
    if any(c.dep_ == "neg" for c in root.children) or any(c.dep_ in ("aux", "advmod") and c.i < root.i
                                                          for c in root.children):
        return None  # "X is not a Y", "X may be a Y", "X now is a Y": no definition
    if root.tag_ not in ("VBZ", "VBP") or subject.left_edge.i != _first_word(span).i:
        return None  # "Many supporters were students", "For Washingtonians, the blossoms are a sign": not timeless
    restated = subject.pos_ == "PRON" and subject.lower_ in ("these", "this") and bool((subject._.qtext or "").strip())
    if subject._.qtext is not None and not restated or any(
            t.tag_ in ("JJS", "RBS") or t.lower_ in ("only", "first", "last") or t.ent_type_ == "ORDINAL"
            for t in [*subject.subtree, *attr.subtree]):
        return None  # "The comedy" written as a name, "the largest single winner", "the only memorial": no term
    if attr.left_edge.i != next(t.i for t in attr.subtree) or attr.doc[attr.left_edge.i].pos_ not in (
            "DET", "ADJ", "NOUN", "PROPN", "NUM"):
        return None  # "is about four students": the verb's phrase, not what it is
    term = [t for t in subject.subtree]
    if not restated and not _a_term(subject, term):
        return None  # (restated.py wrote the term of the sentence before into 'These are ...')
    if attr.pos_ != "NOUN" or attr.ent_type_ or attr.lemma_.lower() in NOT_KINDS:
        return None
    tokens = _defining_phrase(attr)
    words = _words(tokens)
    if tokens is None or not MIN_WORDS <= len(words) <= MAX_WORDS:
        return None
    if not any(t.dep_ in ("prep", "relcl", "acl") and t.head.i == attr.i and t.i > attr.i for t in tokens) \
            and len([t for t in tokens if t.dep_ == "amod" and t.head.i == attr.i]) < 1:
        return None  # "a problem", "the main reason": a word, not what the term is
    term_text = "".join(rendered(t) for t in term).strip()
    first = term[0]
    if not (first.ent_type_ or first.pos_ == "PROPN" and not first.is_sent_start):
        term_text = term_text[:1].lower() + term_text[1:]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return term_text, text, root.lower_ in ("are", "were")


MAX_APPOSITION_WORDS = 20
EVENT_NOUNS = {"move", "step", "decision", "saving", "increase", "rise", "drop", "cut", "fall", "order", "deal",
               "investment", "award", "record", "concept", "trick", "idea", "change", "effort", "gain", "loss",
               "amount", "sum", "total", "jump", "figure", "development", "sign", "blow", "boost", "setback"}
DASHES = {",", "\u2013", "\u2014", "-", "--"}
TERM_DETERMINERS = {"a", "an", "the"}


def apposition_definitions(span):
    """[(term, definition, plural)] for each 'TERM, a KIND that ...' in the sentence `span` (outside quotes)."""
    from .references import in_quotes

    found = []
    doc = span.doc
    for comma in span:
        if comma.text not in DASHES or comma.i + 2 >= span.end or comma.i - 1 < span.start:
            continue
        det, head = doc[comma.i + 1], doc[comma.i - 1]  # the noun right before the comma is the term
        appos = det.head
        if det.dep_ != "det" or det.lower_ not in TERM_DETERMINERS or appos.pos_ != "NOUN" or appos.i <= det.i:
            continue
        if appos.ent_type_ or in_quotes(appos) or not _apposed(appos, head):
            continue
        if head.pos_ != "NOUN" or head.ent_type_ or not head.text.islower() or head.lemma_.lower() in NOT_TERMS:
            continue
        term = [t for t in head.subtree if head.left_edge.i <= t.i <= head.i]
        term = term[next((k for k, t in enumerate(term) if t.dep_ == "det"), 0):]
        if not term or len(term) > 4 or not all(t.dep_ in ("det", "amod", "compound") for t in term[:-1]):
            continue
        if any(t.pos_ == "PRON" or t.is_punct and t.tag_ != "HYPH" or t.like_num or t.ent_type_ or t.lower_ in QUANTIFIERS
               for t in term):
            continue  # 'its lymph', 'two drugs': not a term
        if term[0].dep_ == "det" and term[0].lower_ not in TERM_DETERMINERS:
            continue  # 'this scheme', 'another system'
        if appos.lemma_.lower() in NOT_KINDS | PEOPLE | EVENT_NOUNS:
            continue  # 'X, one of ...', 'X, a group of people', '..., a move that ...': of the whole clause
        stop = next((t.i for t in doc[det.i : span.end] if (t.text in ASIDES or t.text in DASHES) and not any(
            c.dep_ in ("conj", "cc") for c in doc[t.i + 1 : t.i + 3])), span.end)  # 'its heart, liver and ...' stays whole
        tokens = [t for t in doc[det.i : stop]]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        if not tokens or tokens[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ") or appos.i > tokens[-1].i:
            continue
        if not any(t.dep_ in ("prep", "relcl", "acl") and t.head.i == appos.i and t.i > appos.i for t in tokens):
            continue  # 'a glass frog': what kind, not which one
        if any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("first", "last", "only") or t.lemma_ in ("call", "name", "know", "dub")
               and t.tag_ == "VBN" for t in tokens):
            continue  # '..., the largest order in its history', '..., a trick known as X': a record or a name, not a definition
        if any(t.dep_ == "conj" and t.head.i == head.i for t in doc[head.i : span.end]):
            continue  # 'apples, a pear that ...': a list, not a definition
        if any(t.pos_ == "PRON" and t.tag_ not in ("WDT", "WP", "WP$") and not _named_before(t, tokens) or t.lower_ in (
                "this", "these", "that", "those") and t.tag_ == "DT" for t in tokens):
            continue  # 'the fluid that flows through its tissues': whose? ('animals ... their own light' is theirs)
        if not MIN_WORDS <= len(_words(tokens)) <= MAX_APPOSITION_WORDS:
            continue
        term_text = "".join(t.text_with_ws for t in term).strip()
        if term[0].dep_ == "det":
            term_text = term_text[:1].lower() + term_text[1:]  # "The slug" at a sentence's start
        text = "".join(t.text_with_ws for t in tokens).strip()
        found.append((term_text, text, head.tag_ == "NNS"))
    return found


def _named_before(pronoun, tokens):
    """A noun of the pronoun's number before it in the definition itself ('an animal absorbs light and gives it off')."""
    plural = pronoun.lower_ in ("they", "them", "their", "themselves")
    return pronoun.lower_ in ("it", "its", "they", "them", "their", "themselves") and any(
        t.i < pronoun.i and t.pos_ == "NOUN" and (t.tag_ == "NNS") == plural for t in tokens)


def _apposed(noun, head):
    """The parser hung `noun` on the term as an apposition, or took it for a second object of the
    verb ('offers a service for children with asthma, a lung disease that ...')."""
    if noun.dep_ == "appos":
        return True
    return noun.dep_ == "dobj" and any(c.dep_ == "dobj" and c.i < head.i for c in noun.head.children)


def _first_word(span):
    return next(t for t in span if not t.is_punct and not t.is_space)


def _a_term(subject, term):
    """'An aurora', 'Prediabetes', 'Sunspots', 'The solar cycle': a common noun, at most two words before it."""
    if subject.pos_ not in ("NOUN", "PROPN") or subject.lemma_.lower() in NOT_TERMS or len(term) > 4:
        return False
    if any(t.ent_type_ and t.ent_type_ not in ("NORP",) for t in term) or any(t.like_num for t in term):
        return False  # "NASA is an agency": a name's description, asked by the name makers
    if subject.pos_ == "PROPN" and not subject.is_sent_start:
        return False
    if term[-1].i != subject.i or any(t.is_punct or t.pos_ == "PRON" and t._.qtext is None for t in term):
        return False  # "The study, published ...", "Its aim"
    dets = [t.lower_ for t in term if t.dep_ in ("det", "poss")]
    if dets and dets[0] not in ("a", "an", "the") or any(t.lower_ in QUANTIFIERS for t in term):
        return False  # "This flow", "Their goal", "Many supporters"
    return all(t.dep_ in ("det", "amod", "compound") for t in term[:-1])


def _defining_phrase(attr):
    """The complement, cut before an aside ('..., including insulin', '..., where it is used')."""
    tokens = sorted(attr.subtree, key=lambda t: t.i)
    cut = next((t.i for t in tokens if t.i > attr.i and t.text in ASIDES
                and not any(c.dep_ in ("conj", "cc") for c in t.doc[t.i + 1 : t.i + 3])), None)
    if cut is not None:
        tokens = [t for t in tokens if t.i < cut]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens or tokens[-1].pos_ in ("ADP", "DET", "CCONJ", "SCONJ"):
        return None
    return tokens


def definition_items(found, *, common_for, score_for, distractors=3):
    """Items of the article's definitions `found`: [(sentence, term, definition, plural)], in order."""
    items = []
    for position, (sentence, term, text, plural) in enumerate(found):
        prompt = f"What {'are' if plural else 'is'} {term}?"
        if len(prompt.split()) < 4:
            prompt = "According to the article, " + prompt[:1].lower() + prompt[1:]  # "What is insulin?" is too short
        accepted = [text.split(" ", 1)[1]] if text.lower().startswith(("a ", "an ", "the ")) else []
        common = common_for(sentence)
        base = dict(source_sentence=sentence.text, answer_type="OTHER", **common)
        items.append(dict(kind="short_answer", prompt=prompt, answer=text, choices=[], accepted=accepted,
                          score=score_for(sentence) + 0.1, **base))
        others = [d for _, t, d, _ in _nearest(found, position) if norm(t) != norm(term) and norm(d) != norm(text)]
        if len(others) >= distractors:
            choices = sorted([text] + others[:distractors], key=norm)
            items.append(dict(kind="multiple_choice", prompt=prompt, answer=text, choices=choices, accepted=[],
                              score=score_for(sentence) + 0.08, **base))
    return items


def _nearest(found, position):
    """The other definitions, nearest in the article first (they share a topic), ties to the earlier."""
    others = [(abs(i - position), i, entry) for i, entry in enumerate(found) if i != position]
    return [entry for _, _, entry in sorted(others, key=lambda x: (x[0], x[1]))]
