"""'The ruling' told first as a verb: 'A federal judge ruled on Monday that ... The ruling accused X of ...'.

A bare 'the ruling', 'the decision', 'the request', 'the proposal' or 'the announcement' that opens a sentence
names the act an earlier sentence told with its verb ('ruled', 'decided', 'asked ... to', 'proposed',
'announced'). When exactly one such verb came in the two sentences before, and its doer is named (a name, or
'a/an' and a noun or two: 'a federal judge'), the phrase is written 'The ruling by a federal judge'. Two such
verbs, or a doer that is only 'he' or 'they', leave it as it was (the sentence stays dropped as vague-subject).
"""
from .parse import speech_inside

NOMINALS = {"ruling": "rule", "decision": "decide", "request": "ask", "proposal": "propose",
            "announcement": "announce"}
WHAT_WAS_DONE = {"rule": ("ccomp", "prep"), "decide": ("xcomp", "ccomp"), "ask": ("xcomp",),
                 "propose": ("dobj", "xcomp", "ccomp"), "announce": ("dobj", "ccomp")}  # 'ruled that', 'asked X to'
NAMED = ("PERSON", "ORG", "GPE", "NORP")
WINDOW = 2


def told_acts(sentence):
    """(noun, doer) for each verb of the sentence a later 'the N' may name; doer None when it is not named."""
    if speech_inside(sentence):
        return []  # a quotation's 'we decided' is the speaker's, told in their words
    acts = []
    for verb in sentence.span:
        noun = next((n for n, v in NOMINALS.items() if v == verb.lemma_.lower()), None)
        if noun is None or verb.pos_ != "VERB" or not any(c.dep_ in WHAT_WAS_DONE[verb.lemma_.lower()]
                                                          for c in verb.children):
            continue
        acts.append((noun, _doer(verb)))
    return acts


def _doer(verb):
    """'a federal judge', 'TikTok', 'the Orlan Audit Office' as written, or None ('he', 'they', no subject)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject._.qtext is not None:
        return None
    phrase = list(subject.subtree)
    comma = next((t.i for t in phrase if t.text == "," and t.i > subject.i), None)  # "Vexa, the largest ...,": Vexa
    phrase = [t for t in phrase if comma is None or t.i < comma]
    if len(phrase) > 5 or any(t.is_punct or t.pos_ == "PRON" for t in phrase):
        return None
    named = subject.ent_type_ in NAMED and all(  # "the Orlan Audit Office", "video service Vexa"
        t.ent_type_ in NAMED or t.lower_ == "the" or (t.dep_ in ("compound", "amod") and t.i < subject.i
                                                      and t.text.islower()) for t in phrase)
    of_name = subject.pos_ == "NOUN" and phrase[0].lower_ == "the" and any(  # "the government of Orlan"
        c.dep_ == "prep" and c.lower_ == "of" and c.i == subject.i + 1 for c in subject.children) and all(
        t.ent_type_ in NAMED for t in phrase[subject.i - phrase[0].i + 2:])
    indefinite = subject.pos_ == "NOUN" and phrase[0].lower_ in ("a", "an") and all(
        t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") for t in phrase)
    if not (named or indefinite or of_name):
        return None
    text = "".join(t.text_with_ws for t in phrase).strip()
    return text


PLAN_VERBS = {"plan", "decide", "vote", "agree"}


def lede_plan(sentences):
    """(index, doer) of what the lede says a named body will do or plans to do ('Vexa Coaches, the largest
    operator in Orn, will withdraw seven routes ...', 'The government of Orlan plans to ban ...'), for a later
    bare 'The decision'; None when the opening tells no such plan, or two."""
    found = []
    for sentence in sentences[:2]:
        root = sentence.span.root
        for verb in [root] + [c for c in root.children if c.dep_ == "ccomp"]:  # "..., the minister announced"
            planned = verb.lemma_.lower() in PLAN_VERBS or any(
                c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children)
            doer = _doer(verb) if planned and verb.pos_ == "VERB" else None
            if doer is not None and not doer.lower().startswith(("a ", "an ")):
                found.append((sentence.index, doer))
    return found[0] if len(found) == 1 else None


def name_act(subject, index, acts, lede_plan=None):
    """Write 'The ruling' as 'The ruling by a federal judge' when one act of the last two sentences is it.

    `acts` is a list of (sentence index, noun, doer) told so far; `lede_plan` what the lede says a named body
    will do (a bare 'The decision' after it, with no decision told between, is that). Returns True when the
    subject was written."""
    phrase = list(subject.subtree)
    if (len(phrase) != 2 or phrase[0].lower_ != "the" or subject.tag_ != "NN" or subject._.qtext is not None
            or subject.lower_ not in NOMINALS):
        return False
    near = [doer for at, noun, doer in acts if noun == subject.lower_ and 0 < index - at <= WINDOW]
    if not near and subject.lower_ == "decision" and lede_plan is not None and index - lede_plan[0] <= WINDOW:
        near = [lede_plan[1]]  # "Vexa will close seven routes ... The decision follows ..."
    if len(near) != 1 or near[0] is None:
        return False  # 'The judge ruled ... and the board decided ... The decision': one, or two rival acts
    start = "The" if phrase[0].i == subject.sent.start else "the"
    phrase[0]._.qtext = f"{start} "
    subject._.qtext = f"{subject.text} by {near[0]}{subject.whitespace_}"
    return True
