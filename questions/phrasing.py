"""Turning a sentence and one of its phrases into a grammatical wh-question.

Two shapes, both from the dependency parse:
- the phrase is the subject: replace it by the wh-word ("Who confirmed ...?");
- the phrase is an object, a place or a time of the main verb: move the wh-word to
  the front and invert, with do-support when there is no auxiliary
  ("When did the Pentagon threaten ...?", "Where will the leaders meet?").
Anything the rules are not sure of gives None, and no question is made.
"""
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "who", "which", "there"}
SUBJECTS = {"nsubj", "nsubjpass"}


def wh_word(entity, *, subject):
    """The wh-phrase for an answer of this type."""
    label = entity.label
    if label == "PERSON":
        return "Who" if subject else "Whom"
    if label in ("DATE", "TIME"):
        return "When"
    if label == "GPE":
        return "Which country" if entity.is_country else "Which place"
    if label == "NORP":
        return "Which group"
    if label == "ORG":
        return "Which organization"
    if label == "MONEY":
        return "How much money" if subject else "How much"
    if label in ("NUMBER", "PERCENT", "QUANTITY", "LANGUAGE", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "LOC"):
        return None
    return None


def _text(tokens):
    out = ""
    for token in tokens:
        out += token.text + token.whitespace_
    return out.strip()


def _subtree_span(token):
    left, right = token.left_edge.i, token.right_edge.i
    return left, right


def _covers(ent, token):
    """The entity is the whole phrase headed by `token` (give or take a determiner)."""
    left, right = _subtree_span(token)
    doc = token.doc
    while left < right and doc[left].dep_ == "det":
        left += 1
    return ent.start <= left and right < ent.end and ent.start <= token.i < ent.end


def _lower_first(text, first_token):
    if first_token.pos_ == "PROPN" or first_token.text.isupper() or first_token.text == "I":
        return text
    return text[:1].lower() + text[1:]


def _ends(sent):
    tokens = list(sent)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return tokens


def subject_question(sent, ent, entity):
    """'Jim Mattis confirmed X.' -> 'Who confirmed X?' when the entity is the subject."""
    root = sent.root
    subject = next((t for t in root.children if t.dep_ in SUBJECTS), None)
    if subject is None or not _covers(ent, subject) or root.pos_ not in ("VERB", "AUX"):
        return None
    wh = wh_word(entity, subject=True)
    if wh is None or wh == "When":
        return None
    left, right = _subtree_span(subject)
    tokens = _ends(sent)
    lead = [t for t in tokens if t.i < left]
    while lead and (lead[0].dep_ == "cc" or lead[0].is_punct or lead[0].lower_ in ("but", "and", "so", "yet")):
        lead = lead[1:]
    rest = [t for t in tokens if t.i > right]
    if not rest or _has_clause(lead) or _is_plural(subject):
        return None
    body = _text(rest)
    if lead:
        tail = _text([t for t in lead if not (t.is_punct and t.i == left - 1)]).rstrip(",")
        body = f"{body} {_lower_first(tail, lead[0])}"
    return f"{wh} {body}?"


def object_question(sent, ent, entity):
    """Questions about an object, place or time of the main verb, with inversion."""
    root = sent.root
    if root.pos_ not in ("VERB", "AUX") or root.tag_ not in ("VBD", "VBZ", "VBP", "VB", "VBN", "VBG"):
        return None
    subject = next((t for t in root.children if t.dep_ in SUBJECTS), None)
    if subject is None or subject.lower_ in PRONOUNS or subject.i > root.i or ent.start <= subject.i < ent.end:
        return None
    target, drop = _target(root, ent)
    if target is None:
        return None
    wh = wh_word(entity, subject=False)
    if wh is None:
        return None
    if wh == "When" and (_is_duration(ent) or target.dep_ == "pobj" and target.head.lower_ not in ("in", "on", "at", "during", "since")):
        return None
    if target.dep_ == "pobj" and wh != "When":
        if entity.label in ("GPE", "LOC", "FAC") and target.head.lower_ in ("in", "at"):
            wh = "Where"
        else:
            drop = (ent.start, ent.end - 1)
    s_left, s_right = _subtree_span(subject)
    tokens = _ends(sent)
    if any(t.i < s_left for t in tokens) and not _only_dropped(tokens, s_left, drop):
        return None
    auxes = [t for t in root.children if t.dep_ in ("aux", "auxpass") and t.i < root.i]
    negs = [t for t in root.children if t.dep_ == "neg"]
    if negs:
        return None
    subject_text = _lower_first(_text(sent.doc[s_left : s_right + 1]), sent.doc[s_left])
    if subject.lower_ in PRONOUNS:
        return None
    keep = [t for t in tokens if t.i > s_right and not drop[0] <= t.i <= drop[1]]
    if auxes:
        first = auxes[0]
        rest = [t for t in keep if t.i != first.i]
        front = f"{wh} {first.lower_} {subject_text}"
    elif root.lemma_ == "be":
        rest = [t for t in keep if t.i != root.i]
        front = f"{wh} {root.lower_} {subject_text}"
    else:
        do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_)
        if do is None:
            return None
        body = "".join(root.lemma_ + root.whitespace_ if t.i == root.i else t.text + t.whitespace_ for t in keep)
        return _finish(f"{wh} {do} {subject_text} {body}")
    return _finish(f"{front} {_text(rest)}")


def _finish(text):
    text = " ".join(text.replace(" ,", ",").split()).rstrip(",;: ")
    return text + "?"


def _only_dropped(tokens, s_left, drop):
    before = [t for t in tokens if t.i < s_left]
    return all(drop[0] <= t.i <= drop[1] or t.is_punct for t in before)


def _target(root, ent):
    """The token of the entity that hangs off the main verb, and the span to remove."""
    for token in ent:
        head = token.head
        if token.dep_ in ("dobj", "attr", "npadvmod", "oprd") and head == root and _covers(ent, token):
            return token, _drop_span(token)
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.head == root and _covers(ent, token):
            left, right = _subtree_span(head)
            return token, (left, right)
    return None, None


def _drop_span(token):
    left, right = _subtree_span(token)
    doc = token.doc
    if right + 1 < len(doc) and doc[right + 1].text == "," and left > 0 and doc[left - 1].text == ",":
        right += 1
    elif right + 1 < len(doc) and doc[right + 1].text == "," and token.dep_ == "npadvmod":
        right += 1
    return left, right


def _is_duration(ent):
    return any(t.lower_.rstrip("s") in ("year", "month", "week", "day", "decade", "hour", "minute") for t in ent) and any(
        t.like_num for t in ent
    )


def _has_clause(tokens):
    return any(t.pos_ in ("VERB", "AUX") or t.dep_ == "mark" for t in tokens)


def _is_plural(token):
    return token.tag_ in ("NNS", "NNPS") or any(t.dep_ == "conj" for t in token.children)
