"""Item makers for answers that are not names: a blank over the phrase, and a wh-question.

A constituent (see constituents.py) becomes a fill-in-the-blank item (the clause as the
article writes it, references resolved, the phrase blanked) and, when the clause turns
into a question cleanly, a short-answer item ("What is the explorer designed to do?",
"Why is the area known as the far side?"). Their answers are typed, never offered as
options: three plausible wrong phrases of the same kind cannot be read off an article.
"""
import re

from . import checker
from .constituents import constituents
from .phrasing import PRONOUNS, SUBJECTS, VERB_TAGS, _ends, _finish, _lower_first, base_form
from .references import phrase_text, render, rendered
from .textnorm import contains_phrase, norm, words

MAX_QUESTION_WORDS = 24
MAX_BLANK_CONTEXT = 45  # a blank in a 70-word sentence is a reading test, not a question
ROLE_WEIGHT = {"object": 0.08, "complement": 0.08, "action": 0.09, "cause": 0.09, "purpose": 0.08, "means": 0.07,
               "description": 0.06, "subject": 0.05, "term": 0.1}
ARTICLES = ("the ", "a ", "an ")
STOP_WORDS = {"the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "by", "with", "from", "as", "is",
              "are", "was", "were", "be", "been", "do", "does", "did", "it", "its", "their", "they", "this", "that"}


def answer_forms(doc, start, end):
    """The phrase as written, and the fair other ways to type it (without 'the', without the quotation marks)."""
    answer = doc[start:end].text
    forms = set()
    low = answer.lower()
    for article in ARTICLES:
        if low.startswith(article):
            forms.add(answer[len(article) :])
    if low.startswith("to "):
        forms.add(answer[3:])
    stripped = answer.strip("\u201c\u201d\"\u2018\u2019'")
    if stripped != answer:
        forms.add(stripped)
    root = doc[start:end].root
    place = next((c for c in root.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "from")
                  and c.right_edge.i == end - 1 and c.i > start + 1), None)
    if place is not None:
        forms.add(doc[start : place.i].text)  # "Boom Supersonic in Colorado": the name without its place
    gloss = _gloss_after(doc, start, end)
    if gloss:
        forms.add(gloss)  # "the aurora borealis, or northern lights": the other name is right too
    aside = re.sub(r"\s*\([^()]*\)\s*$", "", answer)
    if aside != answer and aside:
        forms.add(aside)  # "539 cubic miles (2,246 cubic kilometers)": the first unit alone
    return answer, sorted(f for f in forms if f and norm(f) != norm(answer))


def _gloss_after(doc, start, end):
    """'..., or northern lights' right after a term: the other name the sentence gives it."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ != "or":
        return None
    conj = next((t for t in doc[end + 2 :] if t.dep_ == "conj" and start <= t.head.i < end), None)
    if conj is None:
        return None
    tokens = [t for t in conj.subtree if t.i >= end + 2]
    return "".join(t.text_with_ws for t in tokens).strip() if 1 <= len(tokens) <= 4 else None


def fill_blank_prompt(tokens, start, end):
    """The clause with the phrase blanked, ending like a sentence."""
    text = render(tokens, cut=(start, end), insert=checker.BLANK)
    text = text.rstrip(",;: ")
    if not re.search(r"[.!?][\"'\u201d\u2019)]*$", text):
        text += "."
    return text


DEFINING_ROLES = ("complement", "term")  # "What are X known for?", "What is X called?": the predicate says what is asked
MEANING_VERBS = {"mean", "stand", "signify"}  # "What does drought mean?"
DEFINING_NOUNS = {"name", "term", "word", "nickname", "meaning", "goal", "aim", "purpose", "source", "cause", "reason",
                  "result", "definition", "title", "motto", "symbol"}
AIM_VERBS = {"aim", "design", "intend", "seek", "strive"}  # "What does the Kelby mission aim to do?": its one aim
REASONS = ("cause", "purpose")  # "Why is a filter needed?": the sentence's own reason, asked in few words


def question(span, drop, wh, *, do_word=False, role=""):
    """A wh-question that leaves out the tokens `drop` (first, last) of the clause `span`, or None."""
    root = span.root
    subject = next((t for t in root.children if t.dep_ in SUBJECTS or t.dep_ == "csubj"), None)  # "Why is dating the pots hard?"
    if not wh or subject is None or subject.i > root.i or drop[0] <= subject.i <= drop[1]:
        return None
    if subject.lower_ in PRONOUNS and subject._.qtext is None:
        return None
    if any(t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.i > root.i for t in root.children):
        return None  # two coordinated clauses: the question would ask about both
    tokens = _ends(span)
    if not tokens or drop[1] > tokens[-1].i:
        return None  # the phrase is in an aside the question leaves out
    s_left, s_right = subject.left_edge.i, subject.right_edge.i
    dropped = lambda t: drop[0] <= t.i <= drop[1]
    lead = [t for t in tokens if t.i < s_left and not dropped(t)]
    while lead and (lead[0].dep_ == "cc" or lead[0].is_punct or lead[0].lower_ in ("however", "then", "also")):
        lead = lead[1:]
    if any(t.pos_ in ("VERB", "AUX") or t.dep_ == "mark" for t in lead):
        return None
    keep = _without_trailing_clause([t for t in tokens if t.i > s_right and not dropped(t)], root, drop)
    shown_first = next((t for t in span.doc[s_left : s_right + 1] if rendered(t).strip()), span.doc[s_left])
    subject_text = _lower_first(phrase_text(list(span.doc[s_left : s_right + 1])), shown_first)  # "Google's new tool"
    auxes = [t for t in root.children if t.dep_ in ("aux", "auxpass") and t.i < root.i and t.lower_ != "to"]
    if auxes:
        front, body = auxes[0].lower_, _body(keep, drop, skip=auxes[0].i, do_word=do_word)
    elif root.lemma_ == "be":
        front, body = root.lower_, _body(keep, drop, skip=root.i, do_word=do_word)
    else:
        front = VERB_TAGS.get(root.tag_)
        if front is None:
            return None
        if front == "do" and subject.tag_ in ("NN", "NNP") and root.lower_ == base_form(root):
            front = "did"
        body = _body(keep, drop, skip=None, do_word=do_word, base=(root.i, base_form(root)))
    if role in DEFINING_ROLES and root.lemma_ == "be" and not (
            body.split()[-1:] and body.split()[-1] in ("of", "for", "as", "in") or not body
            and subject.lemma_.lower() in DEFINING_NOUNS):
        role = ""  # "What is the United States currently?": only a name, a source, a goal ... is defined so
        # (a reason keeps its role: "Why are larger pens better?" says enough in three words)
    if not body.strip() and not (root.lemma_ == "be" and role in DEFINING_ROLES):
        return None  # "What is another name for bettas?" needs no more than its subject
    tail = ""
    if lead:
        tail = " " + _lower_first("".join(rendered(t) for t in lead).strip().rstrip(","), lead[0])
    said = [w for w in f"{subject_text} {body}".split() if w.lower().strip(",.") not in STOP_WORDS]
    least = 2 if root.lemma_ in MEANING_VERBS or role in REASONS or role == "term" and subject._.qtext or \
        role == "action" and root.lemma_ in AIM_VERBS else \
        3 if role in DEFINING_ROLES else 4  # "What is the aurora called?": the subject written in says which
    if len(said) < least:
        return None  # "What do pet stores sell?": too little said to have one answer
    text = _finish(f"{wh} {front} {subject_text} {body}{tail}")
    if text is None or len(text.split()) > MAX_QUESTION_WORDS:
        return None
    return re.sub(r",\s*([,?])", r"\1", text)


CONTRASTS = ("while", "whereas")


def _aside(clause):
    """', while the league took ...' (another actor's clause), ', up from 27 percent' (the change): asides.
    A condition or a cause (', as long as ...', ', because ...') is part of what is asked."""
    if clause.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in CONTRASTS for c in clause.children)
    return clause.dep_ == "advmod" and clause.lower_ in ("up", "down") and any(c.lower_ == "from" for c in clause.children)


def _without_trailing_clause(keep, root, drop):
    """'What did the party win, up from 27.3 percent ...?', 'What did X win, while Y took ...?': a clause set
    off by a comma right after the asked phrase is about the sentence, not the question; it is left out."""
    comma = next((t for t in keep if t.i > drop[1]), None)
    if comma is None or comma.text != "," or comma.i != drop[1] + 1 or comma.i + 1 >= len(comma.doc):
        return keep
    clause = comma.doc[comma.i + 1]
    while clause.head.i != root.i and clause.head.i != clause.i:
        clause = clause.head
    if clause.head.i != root.i or clause.left_edge.i != comma.i + 1 or not _aside(clause):
        return keep
    return [t for t in keep if not comma.i <= t.i <= clause.right_edge.i]


def _body(keep, drop, *, skip, do_word, base=None):
    out, placed = [], False
    for token in keep:
        if token.i == skip:
            continue
        if do_word and not placed and token.i > drop[1]:
            out.append("do ")
            placed = True
        if base is not None and token.i == base[0]:
            out.append(base[1] + token.whitespace_)
        else:
            out.append(rendered(token))
    if do_word and not placed:
        out.append(" do")
    return "".join(out).strip()


def constituent_items(view, subject, *, common, base, tokens=None):
    """Fill-in-the-blank and short-answer items for every constituent of a clause that stands alone."""
    items = []
    shown = tokens if tokens is not None else list(view)
    shown_ids = {t.i for t in shown}
    for found in constituents(view, subject):
        if not all(i in shown_ids for i in range(found.start, found.end)):
            continue
        doc = view.doc
        if any(doc[i]._.qtext is not None for i in range(found.start, found.end)):
            continue  # inside a phrase the prompt rewrites
        answer, accepted = answer_forms(doc, found.start, found.end)
        score = base + ROLE_WEIGHT.get(found.role, 0.05)
        features = dict(common["features"], role=found.role, answer_words=min(found.end - found.start, 10) / 10)
        kept = dict(common, answer_type="OTHER", phrase=True, features=features)
        blanked = fill_blank_prompt(shown, found.start, found.end)
        context = len(words(blanked)) - 1  # the words around the blank
        if max(5, len(words(answer)) + 2) <= context <= MAX_BLANK_CONTEXT and len(words(answer)) <= 5:
            shown_forms = [a for a in accepted if not contains_phrase(blanked, a)]  # ", or northern lights" stays shown
            items.append(dict(kind="fill_blank", prompt=blanked, answer=answer, choices=[], accepted=shown_forms,
                              score=score, **kept))
        asked = question(view, found.drop, found.wh, do_word=found.do_word, role=found.role)
        if asked:
            items.append(dict(kind="short_answer", prompt=asked, answer=answer, choices=[], accepted=accepted,
                              score=score + 0.03, **kept))
    blanks = [i["answer"] for i in items if i["kind"] == "fill_blank"]
    return [i for i in items if i["kind"] != "fill_blank" or not any(
        norm(other) != norm(i["answer"]) and contains_phrase(i["answer"], other) for other in blanks)]
    # "a deal to _____" (share sensitive defense equipment) beside "a deal to share _____": the shorter blank
