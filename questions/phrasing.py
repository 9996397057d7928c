"""Turning a sentence and one of its phrases into a grammatical wh-question.

Three shapes, all read off the dependency parse:
- the phrase is the subject: the wh-word takes its place ("Who confirmed ...?");
- the phrase is the agent of a passive: the question turns active ("The X-59 was built
  by Lockheed Martin" -> "Which company built the X-59?");
- the phrase is an object, a place or a time inside the main verb's phrase: the
  wh-word moves to the front and the subject inverts with the auxiliary, with
  do-support when there is none ("When did the Pentagon threaten ...?", "What did
  Apple announce it was launching?", "Where will the leaders meet?").
Resolved references (`token._.qtext`) are written in. Whatever the rules are not
sure of gives None, and no question is made.
"""
import re

from .lexicon import CATEGORY_WORDS, ORGANIZATION_WORDS
from .constituents import clause_ends as _ends
from .names import job_before_name
from .references import phrase_text, rendered

SUBJECTS = {"nsubj", "nsubjpass"}
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "who", "which", "there"}
PATH_DEPS = {"dobj", "pobj", "prep", "xcomp", "ccomp", "attr", "oprd", "dative", "acomp", "npadvmod", "conj"}
VERB_TAGS = {"VBD": "did", "VBZ": "does", "VBP": "do"}
NAMED = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def wh_word(entity, *, subject, preposition=None, descriptor=None):
    """The wh-phrase for an answer of this type, or None when no natural one exists."""
    label = entity.label
    if label == "ORG" and getattr(entity, "sort", None) in ("place", "thing") and not category(entity.name):
        label = "GPE" if entity.sort == "place" else "PRODUCT"  # the article shows the model's "ORG" wrong
    if descriptor and label in ("ORG", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT", "LAW"):
        return f"Which {descriptor}"
    if label == "PERSON":
        return "Who" if getattr(entity, "human", True) else None
    kind = category(entity.name)
    if kind and label in ("LOC", "FAC", "GPE", "ORG") and not entity.is_country:
        if label != "ORG" and preposition in ("in", "at") and not subject:
            return "Where"
        return f"Which {kind}"  # "Which river rose ...?" for "the Guaiba River"
    if label in ("DATE", "TIME"):
        return None if subject else "When"
    if label in ("GPE", "LOC", "FAC"):
        if preposition in ("in", "at") and not subject:
            return "Where"
        if entity.is_country:
            return "Which country"
        return None if subject else "Which place"  # a "place" that says or founds things is a mislabel
    if label == "NORP":
        return "Which group"
    if label == "ORG":
        if _looks_like_organization(entity.name) or _surely_organization(entity):
            return "Which organization"
        return None if subject else "What"
    if label == "MONEY":
        return "How much" if not subject else None
    if label in ("PRODUCT", "WORK_OF_ART", "LAW", "EVENT", "LANGUAGE"):
        return "What"
    return None






def category(name):
    """'river' for 'the Guaiba River': a name that says what kind of thing it is."""
    tokens = name.split()
    return tokens[-1].lower() if len(tokens) >= 2 and tokens[-1][:1].isupper() and tokens[-1].lower() in CATEGORY_WORDS else None


def _surely_organization(entity):
    """A name the model called an organization every one of at least three times ('Google')."""
    return entity.mentions >= 3 and set(entity.labels) == {"ORG"} and entity.reliable and entity.participant


def _looks_like_organization(name):
    """Trust the model's ORG label only with an organization word or an acronym in the name."""
    tokens = name.replace(".", "").split()
    return any(t.lower() in ORGANIZATION_WORDS for t in tokens) or any(len(t) >= 3 and t.isupper() for t in tokens)


def _text(tokens):
    return "".join(rendered(t) for t in tokens).strip()


def _covers(key, token):
    """The key is the whole phrase headed by `token`, give or take a determiner, a hedge
    or a title in front of a name ("U.S. Defense Secretary Jim Mattis")."""
    left, right = token.left_edge.i, token.right_edge.i
    doc = token.doc
    aside = next((c for c in token.children if c.dep_ == "appos" and c.i > token.i and doc[c.left_edge.i - 1].text == ","),
                 None)
    if aside is not None:  # "Adrian Dyer, a professor at RMIT," is Adrian Dyer: the aside goes with the phrase
        right = aside.left_edge.i - 2
    while left < right and (doc[left].dep_ in ("det", "quantmod", "advmod") or doc[left].lower_ in ("about", "around")):
        left += 1
    while left < key.start and doc[left].dep_ in ("compound", "nmod", "amod", "punct", "det") and doc[left].head.i >= left:
        left += 1  # a title or descriptor before the name: "U.S. Defense Secretary", "technology company"
    return key.start <= left and right < key.end and key.start <= token.i < key.end


def _lower_first(text, token):
    if token._.qtext:
        if token._.qtext[:1].islower():
            return text[:1].lower() + text[1:]  # "super eruptions", written in for "These eruptions"
        return "the " + text[4:] if text.startswith("The ") else text
    if token._.plain:
        return text[:1].lower() + text[1:]  # "Railway workers", when the article writes "railway" elsewhere
    if job_before_name(token) and token.i == token.sent.start:
        return text[:1].lower() + text[1:]  # "Midfielder Ana Ruiz added ..." -> "What did midfielder Ana Ruiz add?"
    if token.pos_ == "PROPN" or (token.ent_type_ in NAMED and token.pos_ != "DET") or (
            token.text.isupper() and len(token.text) > 1) or token.text == "I":
        return text  # "Kenyan runner Kelvin Kiptum" keeps its capital
    return text[:1].lower() + text[1:]


STALE_ENDING = re.compile(r",?\s+(?:(?:earlier |later )?(?:last|this|next) (?:week|month|year|quarter|weekend|spring|"
                          r"summer|fall|autumn|winter)|yesterday|today|tomorrow|recently)$", re.IGNORECASE)


ACCORDING = "According to the article, "


def _finish(text):
    text = " ".join(text.replace(" ,", ",").split()).strip(",;: ")
    if ACCORDING in text[1:] or ACCORDING.lower() in text[1:]:  # a clause lifted out of a finding, moved into a question
        text = text.replace(ACCORDING, "").replace(ACCORDING.lower(), "") + ", according to the article"
    if text.count("\u201c") != text.count("\u201d") or text.count('"') % 2:
        return None  # the question would end inside a quotation
    text = STALE_ENDING.sub("", text)  # "... last week?" means nothing once the story is old
    return text[:1].upper() + text[1:] + "?"


def question_for(span, key, entity, descriptor=None):
    """A wh-question whose answer is `key`, or None."""
    return (subject_question(span, key, entity, descriptor) or passive_question(span, key, entity, descriptor)
            or object_question(span, key, entity, descriptor))


PASSIVE_TENSES = {"was": "VBD", "were": "VBD", "is": "VBZ", "are": "VBZ"}


def passive_question(span, key, entity, descriptor=None):
    """'The X-59 was built by Lockheed Martin in California.' -> 'Which company built the X-59 in California?'"""
    from lemminflect import getInflection

    root = span.root
    auxes = [t for t in root.children if t.dep_ in ("aux", "auxpass")]
    subject = next((t for t in root.children if t.dep_ == "nsubjpass"), None)
    agent = next((t for t in root.children if t.dep_ == "agent"), None)
    if root.tag_ != "VBN" or subject is None or agent is None or len(auxes) != 1 or auxes[0].lower_ not in PASSIVE_TENSES:
        return None
    by = next((t for t in agent.children if t.dep_ == "pobj"), None)
    if by is None or not _covers(key, by) or any(t.dep_ == "conj" for t in by.children):
        return None
    if any(t.dep_ == "neg" or (t.dep_ in ("cc", "conj") and t.i > root.i) for t in root.children):
        return None
    wh = wh_word(entity, subject=True, descriptor=descriptor)
    verb = getInflection(base_form(root), tag=PASSIVE_TENSES[auxes[0].lower_])
    if wh is None or not verb:
        return None
    tokens = _ends(span)
    left, right = subject.left_edge.i, subject.right_edge.i
    if any(not t.is_punct and t.dep_ != "cc" for t in tokens if t.i < left):
        return None  # material before the subject we cannot place
    between = [t for t in tokens if right < t.i < root.i and t.i != auxes[0].i]
    if any(not t.is_punct for t in between):
        return None  # "was jointly operated": an adverb we would have to move
    rest = [t for t in tokens if t.i > root.i and not (agent.left_edge.i <= t.i <= agent.right_edge.i)]
    subject_text = _lower_first(phrase_text(list(span.doc[left : right + 1])), span.doc[left])
    return _finish(f"{wh} {verb[0]} {subject_text} {_text(rest)}")


def subject_question(span, key, entity, descriptor=None):
    """'Jim Mattis confirmed X.' -> 'Who confirmed X?' when the key is the subject."""
    root = span.root
    subject = next((t for t in root.children if t.dep_ in SUBJECTS), None)
    if subject is None or root.pos_ not in ("VERB", "AUX"):
        return None
    counted_noun = _counted_noun(key, entity)
    share = _share_of(key, entity)
    if share is not None and share[0].i == subject.i:  # "About 12 percent of trade passes ..." -> "What percentage of trade passes ...?"
        wh, plural_ok = share[1], True
    elif counted_noun is not None and counted_noun.i == subject.i:  # "300 scientists worked" -> "How many scientists ...?"
        counted = [t for t in subject.subtree if t.i >= key.end and not t.is_punct
                   and not (t.dep_ == "det" and t.head.i == subject.i)]  # "the" of "the United States" stays
        if not counted or any(t.dep_ == "conj" for t in subject.children):
            return None
        wh, plural_ok = "How many " + _text(counted), True
    elif _covers(key, subject):
        wh, plural_ok = wh_word(entity, subject=True, descriptor=descriptor), False
    else:
        return None
    if wh is None or (not plural_ok and (subject.tag_ in ("NNS", "NNPS") or any(t.dep_ == "conj" for t in subject.children))):
        return None
    left, right = subject.left_edge.i, subject.right_edge.i
    tokens = _ends(span)
    lead = [t for t in tokens if t.i < left]
    while lead and (lead[0].dep_ == "cc" or lead[0].is_punct):
        lead = lead[1:]
    rest = [t for t in tokens if t.i > right]
    second = next((t for t in root.children if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.i > root.i), None)
    cc = next((t for t in root.children if t.dep_ == "cc" and second is not None and root.i < t.i < second.i), None)
    if cc is not None and len(tokens) >= 25:  # "Who confirmed X, but said Y?": ask about the first verb phrase only
        rest = [t for t in rest if t.i < cc.i]
        while rest and rest[-1].is_punct:
            rest = rest[:-1]
    if not rest or rest[0].is_punct or any(t.pos_ in ("VERB", "AUX") or t.dep_ == "mark" for t in lead):
        return None
    if root.lemma_ == "be" and root.tag_ == "VBP" and not plural_ok:
        return None  # "are" after a singular wh-word
    if any(t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJECTS for c in t.children)
           for t in root.children):
        return None  # "X ordered buses, and Y plans ...": the question would swallow a second clause
    body = _text(rest)
    if lead:
        tail = _text([t for t in lead if not (t.is_punct and t.i == left - 1)]).rstrip(",")
        attribution = re.search(r",\s+according to\b", body)
        if attribution:  # "... in April, according to the data", not "... according to the data in April"
            body = f"{body[:attribution.start()]} {_lower_first(tail, lead[0])}{body[attribution.start():]}"
        else:
            body = f"{body} {_lower_first(tail, lead[0])}"
    return _finish(f"{wh} {body}")


def object_question(span, key, entity, descriptor=None):
    """Questions about an object, place or time inside the main verb's phrase, with inversion."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    subject = next((t for t in root.children if t.dep_ in SUBJECTS), None)
    if subject is None or subject.i > root.i or key.start <= subject.i < key.end:
        return None
    if subject.lower_ in PRONOUNS and subject._.qtext is None:
        return None
    counted = _counted_noun(key, entity)
    share = _share_of(key, entity)
    if share is not None:  # "made up more than 40 percent of the cases" -> "What percentage of the cases ...?"
        if share[0].dep_ != "dobj":
            return None
        target, preposition = _target(root, span.doc[share[0].left_edge.i : share[0].right_edge.i + 1])
        word, wh = None, share[1]
        if target is None or preposition is not None:
            return None
    elif counted is not None:
        phrase = [t for t in counted.subtree if t.i >= key.end]
        if counted.dep_ not in ("dobj", "npadvmod") or len(phrase) > 4 or any(
                t.dep_ in ("prep", "relcl", "acl", "punct") for t in phrase):
            return None  # only a short counted phrase moves well: "How many new teachers ..."
        target, preposition = _target(root, span.doc[counted.left_edge.i : counted.right_edge.i + 1])
        word = None
        wh = "How many " + _text(phrase)
        if target is None or preposition is not None:
            return None
    else:
        target, preposition = _target(root, key)
        if target is None:
            return None
        word = preposition.lower_ if preposition is not None else None
        wh = wh_word(entity, subject=False, preposition=word, descriptor=descriptor)
    if wh is None or (wh == "When" and _is_duration(key)):
        return None
    if preposition is not None and preposition.head.pos_ in ("NOUN", "PROPN") and wh not in ("When", "Where"):
        return None  # "Which place did he grow up in the village of?": a preposition stranded inside a noun phrase
    if preposition is not None and preposition.head.lower_ == "according":
        return None  # "What did X sell ..., according to?": the source of a claim is never the object asked
    if wh in ("When", "Where", "How much") and preposition is not None:
        allowed = {"When": ("in", "on", "at", "during"), "Where": ("in", "at"), "How much": ("for", "at")}
        if word not in allowed[wh]:
            return None
        if wh == "How much" and word != "for":
            return None  # "How much do estimates put the damage?" lost its "at", and "At how much ...?" is no English
        if wh == "How much":  # "How much were the heaters sold at stores?" lost its "for": "For how much were ..."
            wh = "For how much"
    drop = _drop(target, key, preposition, wh)
    if wh == "When" and _two_times(root, key):
        return None  # "When did Nvidia say Wednesday that sales rose ...?": which of the two times is asked?
    if wh in ("When", "Where") and _verb_before(root, key):
        return None  # "When did the board agree to review the results? June": June is the review's time
    if wh in ("When", "Where") and _glued_after(span, root, drop):
        return None  # "When does the policy take effect, at the start of the term?": the phrase says when too
    if preposition is not None and preposition.head.pos_ in ("NOUN", "PROPN") and not drop[0] <= preposition.i <= drop[1]:
        return None  # "... during an event in?": a preposition left behind inside a noun phrase
    if root.lemma_ == "be" and any(t.dep_ in ("attr", "acomp") for t in root.children) and target.dep_ not in ("attr", "acomp"):
        if not (preposition is not None and preposition.head.i == root.i):
            return None  # "Where is X Y?" from "X is Y in Z"
    s_left, s_right = subject.left_edge.i, subject.right_edge.i
    tokens = _ends(span)
    if not tokens or drop[1] > tokens[-1].i:
        return None  # the key is in an aside the question leaves out
    before = [t for t in tokens if t.i < s_left and not (drop[0] <= t.i <= drop[1])]
    if any(not t.is_punct and t.dep_ != "cc" for t in before):
        return None  # material before the subject we cannot place
    if any(t.dep_ == "neg" for t in root.children):
        return None
    if any(t.dep_ == "cc" or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")) for t in root.children if t.i > root.i):
        return None  # two coordinated clauses: the question would ask about both
    subject_text = _lower_first(phrase_text(list(span.doc[s_left : s_right + 1])), span.doc[s_left])
    keep = [t for t in tokens if t.i > s_right and not (drop[0] <= t.i <= drop[1])]
    if wh == "For how much":
        keep = [t for t in keep if t.i != preposition.i]  # the preposition went to the front
    stranded = next((n for n, t in enumerate(keep) if preposition is not None and t.i == preposition.i), None)
    if stranded is not None and stranded + 1 < len(keep) and keep[stranded].lower_ in ("from", "between") and \
            keep[stranded + 1].pos_ in ("ADP", "CCONJ"):
        return None  # "travel from to New York": half of a "from ... to" pair
    if (stranded is not None and stranded + 1 < len(keep) and keep[stranded + 1].pos_ == "ADP"
            and wh.split()[0] in ("Which", "What", "Who")):
        keep = keep[:stranded] + keep[stranded + 1 :]  # "win the top prize at on Saturday" -> "At which festival ..."
        wh = f"{preposition.lower_.capitalize()} {'whom' if wh == 'Who' else wh[0].lower() + wh[1:]}"
    auxes = [t for t in root.children if t.dep_ in ("aux", "auxpass") and t.i < root.i]
    if auxes:
        first = auxes[0]
        return _finish(f"{wh} {first.lower_} {subject_text} {_text([t for t in keep if t.i != first.i])}")
    if root.lemma_ == "be":
        return _finish(f"{wh} {root.lower_} {subject_text} {_text([t for t in keep if t.i != root.i])}")
    do = VERB_TAGS.get(root.tag_)
    base = base_form(root)
    if do == "do" and _singular(subject) and root.lower_ == base:
        do = "did"  # "AI spread quickly": with a singular subject a bare verb can only be the past
    if do is None:
        return None
    body = "".join(base + root.whitespace_ if t.i == root.i else rendered(t) for t in keep)
    return _finish(f"{wh} {do} {subject_text} {body}")


def base_form(verb):
    """The verb's dictionary form for do-support: 'fine' for 'fined', where the small
    model's lemmatiser says 'fin'. LemmInflect's lexicon knows English verb forms."""
    from lemminflect import getLemma  # its lexicon loads on first use (~0.2 s)

    lemmas = getLemma(verb.lower_, upos="VERB") if verb.text.islower() else ()
    return lemmas[0] if lemmas else verb.lemma_


def _two_times(root, key):
    """The key is a time inside a reported clause and the reporting verb has a time of its own."""
    node, embedded = key.root, False
    while node.i != root.i and node.head.i != node.i:
        embedded |= node.dep_ in ("ccomp", "xcomp", "advcl")
        node = node.head
    own_time = any(t.ent_type_ in ("DATE", "TIME") and not key.start <= t.i < key.end
                   and (t.head.i == root.i or (t.head.dep_ == "prep" and t.head.head.i == root.i)) for t in root.subtree)
    return embedded and own_time


LEADING_TO = {"expect", "schedule", "plan", "aim", "set", "due", "hope", "want", "need", "try", "begin", "start",
              "continue", "intend", "seek", "prepare", "go", "have", "wish", "like", "tend", "use"}


def _verb_before(root, key):
    """A time or place that may be another verb's: the key hangs from a verb below the root ('agreed to
    review the plan in June'), or a 'to'-verb of the root stands between the root and the key. A root that
    only leads to its 'to'-verb ('is scheduled to begin in March', 'plans to announce ... in June') asks that
    verb's time, as the question reads."""
    def other(verb):
        return verb.dep_ != "xcomp" or verb.head.i != root.i or root.lemma_.lower() not in LEADING_TO

    node = key.root
    while node.i != root.i and node.head.i != node.i:
        if node.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl") and node.pos_ in ("VERB", "AUX") and other(node):
            return True
        node = node.head
    return any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i < key.start and other(c)
               for c in root.children)


WHEN_WHERE_PREPS = {"at", "in", "on", "near", "during", "by", "before", "after", "around", "outside", "inside", "within",
                    "from", "until", "till", "throughout", "across"}  # not ', with service expected to start ...'


def _glued_after(span, root, drop):
    """The phrase left out is followed by ', at the start of ...', ', near the border': a second phrase of
    the same sort the question would keep, glued to its end after a comma."""
    after = [t for t in span if t.i > drop[1]]
    return len(after) >= 2 and after[0].text == "," and after[1].lower_ in WHEN_WHERE_PREPS and after[1].dep_ == "prep" and (
        after[1].head.i == root.i or drop[0] <= after[1].head.i <= drop[1])


def _singular(subject):
    return subject.tag_ in ("NN", "NNP") and not any(t.dep_ == "conj" for t in subject.children)


def _target(root, key):
    """(head token of the key, its preposition or None) when the key sits inside the main verb's phrase."""
    head = key.root if _covers(key, key.root) else None
    if head is None or head.dep_ not in ("dobj", "pobj", "attr", "npadvmod", "oprd"):
        return None, None
    node, depth = head, 0
    while node.i != root.i:
        depth += 1
        if depth > 4:
            return None, None  # too deep to move out of
        fronted = node.head.i == root.i and node.dep_ in ("npadvmod", "prep")  # "Last week, ...", "In May, ..."
        if node.dep_ not in PATH_DEPS or (node.i < root.i and not fronted):
            return None, None
        node = node.head
    return head, (head.head if head.dep_ == "pobj" else None)


AMOUNT_WORDS = {"about", "around", "nearly", "almost", "more", "less", "fewer", "than", "over", "under", "roughly",
                "some", "just", "only", "approximately", "at", "least", "most", "up", "to"}


def _share_of(key, entity):
    """('percent' token, 'What percentage of global trade') for '12 percent of global trade', else None."""
    head = key.root
    if entity.label != "PERCENT" or head.lower_ not in ("percent", "%") or head.i != key.end - 1:
        return None
    of = next((t for t in head.children if t.dep_ == "prep" and t.lower_ == "of" and t.i == key.end), None)
    if of is None or len(list(of.subtree)) > 5 or any(
            t.dep_ in ("relcl", "acl", "punct") or (t.dep_ == "prep" and t.i != of.i) for t in of.subtree):
        return None  # "of people from the disease": the parse has swallowed the verb's phrase
    if any(t.i < key.start and t.lower_ not in AMOUNT_WORDS for t in head.subtree if not t.is_punct):
        return None  # words before the amount ("the remaining 40 percent"); "about", "more than" may go
    return head, "What percentage " + _text(list(of.subtree))


def _counted_noun(key, entity):
    """'five' in 'failed the test five times' -> 'times': the noun a number counts."""
    if entity.label not in ("NUMBER", "QUANTITY") or key.root.dep_ != "nummod":
        return None
    noun = key.root.head
    doc = key.doc
    hedge = doc[noun.left_edge.i : key.start]  # "More than", "about", "around"
    if noun.pos_ != "NOUN" or noun.tag_ != "NNS" or any(t.dep_ not in ("det", "advmod", "amod", "quantmod") or t.like_num
                                                       for t in hedge if t.lower_ not in ("than", "more", "less", "about", "around", "nearly", "almost", "over")):
        return None
    return noun


def _drop(head, key, preposition, wh):
    """The tokens the question leaves out: the whole 'in June' for When/Where, else the key's phrase
    (a stranded preposition stays: "Which country did X sell jets to?")."""
    if preposition is not None and wh in ("When", "Where", "How much") and (
            preposition.right_edge.i < key.end or head.head.i == preposition.i):
        return preposition.left_edge.i, preposition.right_edge.i  # "in Washington, D.C.," goes whole
    return head.left_edge.i, head.right_edge.i


def _is_duration(key):
    units = ("year", "month", "week", "day", "decade", "hour", "minute", "century")
    return any(t.lower_.rstrip("s") in units for t in key) and any(t.like_num for t in key)
