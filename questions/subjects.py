"""Item maker for a subject that is itself the fact: 'Oxygen produces green and red light.' asked as
'What produces green and red light?', 'Female betta fish can live with other fish.' as 'Which
betta fish can live with other fish?'.

In explainers the thing a sentence is about is often what a teacher asks for: which gas gives
which colour, which fish can share a tank. The other makers ask what the sentence says of its
subject, never the subject itself, unless it is a name. Here the subject is asked when it is a
common noun phrase that says what kind of thing, not which one (no 'the', 'this', 'its': those
are named elsewhere, and 'What offers the service?' -> 'the clinic' is trivia), not people who
only report ('Researchers found ...', 'Experts say ...'), and the verb says something of it (not
'be' or 'have', whose complement is the fact). 'What' when the phrase is a bare noun, 'Which N'
when words before the noun pick out the kind ('Female betta fish'); a plural subject with a
present verb and no auxiliary ('Warm winters cause ...') has no 'What' form that agrees, so it
is asked only as 'Which N'.
"""
import re

from .constituents import QUANTIFIERS
from .generic import PEOPLE
from .attribution import ROLE_HEADS
from .lexicon import HUMAN_NOUNS
from .phrasing import _finish
from .references import rendered, subject_of
from .textnorm import contains_phrase, norm, words

REPORTERS = {"researcher", "scientist", "expert", "official", "study", "report", "survey", "analyst", "critic",
             "supporter", "author", "observer", "doctor", "historian", "economist", "team", "data", "evidence",
             "finding", "result", "source", "estimate", "model", "figure", "number", "rate", "level"}
NOT_ASKED_VERBS = {"be", "have", "say", "tell", "add", "note", "explain", "report", "announce", "include", "mean",
                   "find", "show", "suggest", "believe", "think", "know", "become", "seem", "appear", "remain", "get"}
NEEDS_AN_OWNER = {"vote", "talk", "revenue", "sale", "share", "price", "cost", "profit", "growth", "demand", "work", "crop",
                  "yield", "delivery", "output", "income", "spending", "support", "opposition", "damage", "service",
                  "traffic", "turnout", "attendance", "performance", "debt", "loss", "gain", "rate", "total"}
LEANING = {"then", "result", "news", "announcement", "confirmation", "decision", "move", "change", "incident", "event",
           "remaining", "latter", "former", "same"}
PERSON_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee", "man", "woman", "men", "women")
SINGULAR = {"are": "is", "were": "was", "have": "has", "do": "does"}  # "What was used ...?", not "What were used ...?"
MAX_SUBJECT_WORDS, MAX_PROMPT_WORDS = 8, 22


def subject_answer(span):
    """(subject tokens, 'What'/'Which N', verb) when the clause's subject can be asked, else None."""
    root = span.root
    subject = subject_of(span)
    if root.pos_ not in ("VERB", "AUX") or subject is None or subject.i > root.i or root.lemma_ in NOT_ASKED_VERBS:
        return None
    if subject.pos_ != "NOUN" or subject.ent_type_ or subject._.qtext is not None:
        return None
    tokens = [t for t in subject.subtree]
    if tokens[0].i != _first_word(span).i or any(t._.qtext is not None or t.is_punct for t in tokens):
        return None  # "In the pet trade, ...": an opening phrase; "The slug, a species ...": an aside
    lemma = subject.lemma_.lower()
    if lemma in PEOPLE | HUMAN_NOUNS | REPORTERS | ROLE_HEADS or lemma.endswith(PERSON_ENDINGS) or len(
            words(" ".join(t.text for t in tokens))) > MAX_SUBJECT_WORDS:
        return None  # "Lawyers for the firm": who, not what (a 'water' or a 'computer' is lost with them)
    before = [t for t in tokens if t.i < subject.i]
    after = [t for t in tokens if t.i > subject.i]
    if any(t.dep_ in ("det", "poss", "predet") and t.lower_ not in ("a", "an") or t.lower_ in QUANTIFIERS
           or t.ent_type_ in ("CARDINAL", "PERSON", "ORG", "GPE") for t in before) or any(
            t.pos_ == "PRON" or t.lower_ in ("this", "that", "these", "those", "such") for t in tokens):
        return None  # "The clinic", "Its chief", "Many fish", "Two drugs", "a walk like this"
    if any(t.lower_ == "the" for t in tokens) or not after and (
            lemma in NEEDS_AN_OWNER or lemma.endswith(("ion", "ing", "ment", "ery", "ance", "ence", "ies"))):
        return None  # "Shares in the company", "Construction", "Funding", "Talks": of what?
    plural = subject.tag_ == "NNS" or subject.lemma_.lower() == "fish" and root.tag_ in ("VBP",)
    aux = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i]
    if before and not after and all(t.dep_ in ("amod", "compound") for t in before) and not any(
            t.dep_ == "det" for t in tokens):
        kinds = [t for t in before if t.dep_ == "compound"]  # "betta" in "female betta fish" stays with the noun
        modifiers = [t for t in before if t.dep_ == "amod"]
        if not modifiers:
            return None  # "Stream gauges": a compound alone picks out no kind
        head = " ".join([t.text for t in kinds if t.i > modifiers[-1].i] + [subject.text])
        return tokens, f"Which {head}", root
    if not aux and root.tag_ in ("VBP", "VB"):
        return None  # "What cause more fires?" would not agree
    if before and any(t.dep_ == "det" for t in tokens) or not before and not after or after:
        return tokens, "What", root  # "Oxygen", "A 10-minute walk after each meal"
    return None


def _first_word(span):
    return next(t for t in span if not t.is_punct and not t.is_space and t._.qtext != "")


def subject_items(b, view):
    """A short answer and a blank for the subject of a clause that stands alone, when it is the fact."""
    span = view.span
    found = subject_answer(span)
    if found is None:
        return []
    tokens, wh, root = found
    end = _predicate_end(span, root)
    verb = next((c for c in root.children if c.dep_ in ("aux", "auxpass") and c.i < root.i), root)
    predicate = "".join(rendered(t) for t in span.doc[tokens[-1].i + 1 : end]).strip().rstrip(",;:.")
    if wh == "What" and verb.lower_ in SINGULAR and predicate.startswith(verb.text + " "):
        predicate = SINGULAR[verb.lower_] + predicate[len(verb.text):]
    answer = "".join(t.text_with_ws for t in tokens).strip()
    prompt = _finish(f"{wh} {predicate}")
    if prompt is None or len(prompt.split()) > MAX_PROMPT_WORDS or len(words(predicate)) < 3:
        return []
    shown = list(span.doc[tokens[-1].i + 1 : end])
    if not shown or shown[0].i != min([root.i] + [c.i for c in root.children if c.dep_ in ("aux", "auxpass", "neg", "advmod")
                                                   and tokens[-1].i < c.i < root.i]):
        return []  # "Crops harvested later in the year are ...": the parse cut the subject short
    if any(t.lower_ in ("they", "them", "their", "it", "its") and t.pos_ == "PRON" and t._.qtext is None
           or t.lower_ in LEANING for t in shown):
        return []  # "their value" of a subject the prompt made singular; "as a result", "since then", "on the news"
    if _written_as_a_name(b.text, tokens[0]):
        return []  # "Boom has been testing ...": a company the model read as a noun
    if contains_phrase(prompt, answer) or any(norm(w) in norm(prompt).split() for w in words(answer)
                                              if len(w) > 3 and wh == "What"):
        return []  # the stem gives the answer away
    accepted = sorted({answer[2:] if answer.lower().startswith("a ") else answer[3:] if answer.lower().startswith("an ")
                       else answer} - {answer})
    if wh.startswith("Which"):
        accepted = sorted(set(accepted) | {tokens[0].text})  # "female"
    features = dict(b.features(view, "PHRASE", "subject", None, None), answer_words=min(len(tokens), 10) / 10)
    common = {"source_sentence": view.text, "source": b.source, "answer_type": "OTHER", "phrase": True,
              "features": features}
    score = b.sentence_score(view) + 0.05
    return [dict(kind="short_answer", prompt=prompt, answer=answer, choices=[], accepted=accepted,
                 score=score + 0.03, **common)]  # no blank: '_____ will come from several sources.' is a guess


def _written_as_a_name(text, first):
    """The subject's first word is capitalised where no sentence starts ('tests by Boom'): a name."""
    return first.pos_ != "DET" and bool(re.search(r"[a-z,;] " + re.escape(first.text) + r"\b", text))


def _predicate_end(span, root):
    """The end of the main clause: before a second clause with its own subject (', and when it falls, ...')."""
    for child in root.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.i > root.i and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            cut = child.left_edge.i
            while cut > root.i and (span.doc[cut - 1].is_punct or span.doc[cut - 1].dep_ == "cc"):
                cut -= 1
            return cut
    end = span.end
    while end > span.start and span.doc[end - 1].is_punct:
        end -= 1
    return end
