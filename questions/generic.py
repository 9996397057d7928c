"""Subjects of explainers: 'the X' after the article's one X, 'it'/'they' after a generic subject,
'this X' of the sentence just before.

Explainers and study reports name few things; their sentences lean on a common noun introduced
once ('a new study ...', then 'The study followed ...'), on a term just defined ('An X is a Y.
In the north, people call it ...'), on a generic plural ('Storms are ... They can ...'). Each rule
here says when such a subject means one thing only, so the sentence stands alone (clauses.py) or
its prompt writes the thing in (`token._.qtext`, as references.py does; the source stays verbatim):

- `known_before`: 'the (adj) N' is clear at a sentence when the article before it mentions N,
  introduces it ('a/an N') at most once, never as one of several ('another N', 'two Ns', 'the
  other N') and never with a second kind ('the electric field' and 'the magnetic field').
  Introductions after the sentence do not count ('a larger study' at the end is another study),
  unless the article introduces three or more of the kind ('a private spacecraft', 'its SLIM
  spacecraft', 'a spacecraft called Hera'): then 'the spacecraft' needs the article's context.
- `carry_pronouns`: an 'it'/'they' subject with nothing before it in its sentence means the
  previous sentence's subject when that subject is a thing the article talks about in general
  (a bare plural 'Storms', a bare mass noun 'Insulin', 'An aurora' of a definition) or is clear,
  agrees in number, and no other noun of that number in the previous main clause could be meant.
  A defined term ('An X is a Y') stays what 'it' means in its paragraph while no other singular
  thing becomes a subject.
- `this_from_previous`: 'This/These N' whose previous sentence has exactly one phrase headed by N,
  an 'N of X' that says what it is, is that phrase ('a steady flow of charged particles' -> 'The
  steady flow of charged particles'); no name or number in it, at most seven words.
"""
from .references import noun_key, subject_of

MAX_RESCUED = 45  # tokens: a longer sentence is a list run together, its blanks a reading test (makers.py)
PEOPLE = {"man", "woman", "person", "people", "official", "child", "boy", "girl", "player", "leader", "member",
          "group", "other", "one", "way", "thing", "number", "percentage", "figure", "change", "issue", "problem",
          "year", "month", "week", "day", "time", "moment", "period", "point", "answer", "question", "kind", "part",
          "term", "word", "name", "case", "reason", "result", "fact", "idea", "place", "area", "side", "end"}
ONE_OF_SEVERAL = {"another", "other", "second", "third", "separate", "different", "earlier", "previous", "next",
                  "same", "similar", "many", "several", "some", "few", "both", "two", "three", "each", "every", "more",
                  "most", "all", "such", "larger", "smaller", "bigger", "new"}
DESCRIBING = {"new", "recent", "latest", "first", "small", "large", "huge", "big", "major", "main", "whole", "steady",
              "strong", "weak", "own", "early", "late"}


def _kinds(noun):
    """The words right before `noun` that say which kind ('magnetic' field, 'blood sugar' level)."""
    return frozenset(c.lower_ for c in noun.children if c.dep_ in ("amod", "compound") and c.i < noun.i
                     and c.is_alpha and c.lower_ not in DESCRIBING and not c.ent_type_)


def _definite_subject(subject):
    """'The study', 'the magnetic field': 'the', at most one word of kind, a common noun."""
    phrase = [t for t in subject.subtree if not t.is_punct]
    return (subject.pos_ == "NOUN" and not subject.ent_type_ and 2 <= len(phrase) <= 3 and phrase[0].lower_ == "the"
            and phrase[-1].i == subject.i and not any(t.like_num or t.ent_type_ for t in phrase)
            and subject.lemma_.lower() not in PEOPLE)


def known_before(sentences):
    """{sentence index: lemmas whose 'the N' subject is clear there} (see the module's first rule)."""
    mentions = {}  # lemma -> [(sentence index, token)]
    for sentence in sentences:
        for token in sentence.span:
            if token.pos_ == "NOUN" and token.dep_ != "compound" and not token.ent_type_:
                mentions.setdefault(noun_key(token.lemma_), []).append((sentence.index, token))
    known = {}
    for sentence in sentences:
        subject = subject_of(sentence.span)
        if subject is None or subject._.qtext is not None or not _definite_subject(subject) or len(
                sentence.span) > MAX_RESCUED:
            continue
        key = noun_key(subject.lemma_)
        earlier = [t for index, t in mentions.get(key, []) if index < sentence.index]
        if sum(_introduces(t) for _, t in mentions.get(key, [])) >= 3:
            continue  # "a private spacecraft", "its SLIM spacecraft", "a spacecraft called Hera": the story of many
        if earlier and _one_thing(earlier, subject):
            known.setdefault(sentence.index, set()).add(subject.lemma_.lower())
    return {index: frozenset(lemmas) for index, lemmas in known.items()}


def _introduces(token):
    """'a spacecraft', 'its SLIM spacecraft': a mention that brings in one more thing of the kind."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") or c.dep_ in ("compound", "nmod", "amod")
               and (c.pos_ == "PROPN" or c.ent_type_) for c in token.children)


def _one_thing(earlier, subject):
    introduced, kinds = 0, set()
    for token in earlier:
        words = {c.lower_ for c in token.children if c.dep_ in ("det", "amod", "nummod", "predet")}
        if words & ONE_OF_SEVERAL - {"new"} or any(c.like_num and c.dep_ == "nummod" for c in token.children):
            return False  # "another study", "two studies": more than one
        if subject.tag_ == "NN" and token.tag_ == "NNS" and not words & {"the", "these", "those"}:
            return False  # "studies" in general before "the study"
        introduced += bool(words & {"a", "an"})
        if _kinds(token):
            kinds.add(_kinds(token))
    own = _kinds(subject)
    if introduced > 1 or any(not (own <= k) for k in kinds):
        return False  # "a study ... a second study", "the electric field" before "the magnetic field"
    return len({k for k in kinds if not any(k < other for other in kinds)}) <= 1


def _plural(subject):
    """The subject's number as its verb shows it ('Prediabetes is': one), else as its tag does."""
    verbs = [subject.head] + [c for c in subject.head.children if c.dep_ in ("aux", "auxpass") and c.i > subject.i]
    tags = {v.tag_ for v in verbs}
    if "VBZ" in tags:
        return False
    if "VBP" in tags or subject.head.lower_ in ("were",):
        return True
    return subject.tag_ in ("NNS", "NNPS")


def _generic(subject):
    """'Storms', 'Insulin', 'Geomagnetic storms', 'An aurora': a thing spoken of in general."""
    phrase = [t for t in subject.subtree if not t.is_punct]
    if not phrase or subject.pos_ not in ("NOUN", "PROPN") or phrase[-1].i != subject.i or len(phrase) > 3 or (
            subject.ent_type_ and not (subject.pos_ == "NOUN" and subject.is_sent_start)):  # "Hailstorms" taken for a place
        return False
    if subject.pos_ == "PROPN" and (len(phrase) > 1 or not subject.is_sent_start):
        return False  # "Insulin" opening a sentence, no name the model found: the word, capitalised
    if not all(t.dep_ in ("amod", "compound", "det") for t in phrase[:-1]):
        return False
    dets = [t.lower_ for t in phrase if t.dep_ == "det"]
    return not dets or dets == ["a"] or dets == ["an"]


def _is_definition(sentence):
    root = sentence.span.root
    return root.lemma_ == "be" and any(c.dep_ == "attr" for c in root.children)


def _phrase_text(subject):
    text = "".join(t.text_with_ws if t._.qtext is None else t._.qtext for t in subject.subtree).strip()
    first = subject.doc[subject.left_edge.i]
    if first.lower_ in ("a", "an"):
        return "the " + text.split(" ", 1)[1]
    return text[:1].lower() + text[1:] if first.pos_ != "PROPN" else text


def _rivals(sentence, antecedent, plural):
    """Nouns of the previous sentence's main clause, other than its subject and what the subject is said
    to be, that agree in number with the pronoun (a clause that goes on with the same pronoun aside)."""
    root = sentence.span.root
    skip = set()
    for c in root.children:
        if c.dep_ == "attr" or c.dep_ == "conj" and any(s.dep_ in ("nsubj", "nsubjpass") and s.pos_ == "PRON"
                                                      for s in c.children):
            skip |= {t.i for t in c.subtree}  # "Sunspots are dark areas", "..., but they can cause problems"
    skip |= {t.i for t in antecedent.subtree}
    tags = ("NNS", "NNPS") if plural else ("NN", "NNP")
    return [t for t in root.subtree if t.i not in skip and t.pos_ in ("NOUN", "PROPN") and t.tag_ in tags
            and t.dep_ != "compound"]


def carry_pronouns(sentences, known):
    """Write the antecedent into 'it'/'they' subjects (the module's second rule); return the indices written."""
    written, previous, topic = set(), None, None  # previous: (sentence, token, text, plural); topic: (doc, term)
    for sentence in sentences:
        subject = subject_of(sentence.span)
        if topic is not None and topic[0] is not sentence.span.doc:
            topic = None
        antecedent = None
        pronoun = _leading_pronoun(sentence.span) if len(sentence.span) <= MAX_RESCUED else None
        if pronoun is not None and pronoun._.qtext:  # written in already (references.py): the chain goes on
            antecedent = pronoun._.qtext.strip()
        elif pronoun is not None:
            plural = pronoun.lower_ == "they"
            chained = previous is not None and previous[1].lower_ == pronoun.lower_  # "They can ... They can ..."
            if previous is not None and previous[1].doc is sentence.span.doc and previous[3] == plural \
                    and (chained or not _rivals(previous[0], previous[1], plural)):
                antecedent = previous[2]
            elif not plural and topic is not None:
                antecedent = topic[1]
            if antecedent is not None and not _is_extraposed(pronoun):
                pronoun._.qtext = antecedent + pronoun.whitespace_
                written.add(sentence.index)
            else:
                antecedent = None
        for token in sentence.span:  # "people call it the aurora borealis": the term's paragraph goes on
            if (token.lower_ == "it" and token.dep_ == "dobj" and token._.qtext is None and topic is not None
                    and token.head.lemma_ in ("call", "name") and any(c.dep_ == "oprd" for c in token.head.children)):
                token._.qtext = topic[1] + token.whitespace_
                written.add(sentence.index)
        previous = None
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and (
                _generic(subject) or subject.lemma_.lower() in known.get(sentence.index, ())):
            previous = (sentence, subject, _phrase_text(subject), _plural(subject))
        elif antecedent is not None and subject is not None and pronoun.i == subject.i:
            previous = (sentence, subject, antecedent, subject.lower_ == "they")  # "They can ... They can ..."
        if subject is not None and not _plural(subject) and _generic(subject) and _is_definition(sentence):
            topic = (sentence.span.doc, _phrase_text(subject))
        elif subject is not None and subject.tag_ in ("NN", "NNP") and subject.pos_ != "PRON":
            topic = None  # another singular thing is spoken of now
    return written


def _leading_pronoun(span):
    """The 'it'/'they' that opens the sentence (after an opening phrase and its comma) as a clause's subject."""
    first = _first_word(span)
    subject = subject_of(span)
    if subject is not None and subject.lower_ in ("it", "they") and subject.i == first.i + _opening(span):
        return subject
    if first.lower_ in ("it", "they") and first.dep_ in ("nsubj", "nsubjpass"):
        return first  # "It usually causes no symptoms, so most people ... do not know"
    return None


def _first_word(span):
    return next(t for t in span if not t.is_punct and not t.is_space)


def _opening(span):
    """How many tokens an opening phrase takes before the subject ('In the south, it ...', 'There, they ...')."""
    subject = subject_of(span)
    first = _first_word(span)
    before = [t for t in span if first.i <= t.i < subject.i]
    if not before:
        return 0
    if before[-1].text == "," and not any(t.pos_ in ("PRON", "NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass")
                                          for t in before):
        return len(before)
    return -1  # something else before the pronoun: leave it


def _is_extraposed(subject):
    root = subject.head
    return subject.lower_ == "it" and root.lemma_ == "be" and any(
        t.dep_ in ("ccomp", "xcomp", "csubj") for t in root.children)


TERM_NOUNS = {"term", "word", "name", "phrase", "expression"}


def the_term(sentences):
    """'... is called a geomagnetic storm. The term means ...': 'The term' is the term just given
    (a 'call'/'name' complement or 'known as' of the sentence before, in its paragraph)."""
    written = set()
    for before, sentence in zip(sentences, sentences[1:]):
        subject = subject_of(sentence.span)
        if before.span.doc is not sentence.span.doc or subject is None or subject.lemma_.lower() not in TERM_NOUNS:
            continue
        phrase = list(subject.subtree)
        if len(phrase) != 2 or phrase[0].lower_ not in ("the", "this") or subject._.qtext is not None:
            continue
        terms = [t for t in before.span if t.dep_ == "oprd" and t.head.lemma_ in ("call", "name", "term", "dub")
                 or t.dep_ == "pobj" and t.head.lower_ == "as" and t.head.head.lemma_ in ("know", "call")]
        if len(terms) != 1 or terms[0].pos_ not in ("NOUN", "PROPN"):
            continue
        tokens = [t for t in _noun_phrase(terms[0]) or [] if t.dep_ != "det"]
        if not tokens:
            continue
        name = "".join(t.text_with_ws for t in tokens).strip()
        phrase[1]._.qtext = f"{subject.text} \u201c{name}\u201d" + subject.whitespace_
        written.add(sentence.index)
    return written


def this_from_previous(sentences):
    """'This flow is called the solar wind' after '... gives off a steady flow of charged particles.'
    (the module's third rule); return the indices written."""
    written = set()
    for before, sentence in zip(sentences, sentences[1:]):
        subject = subject_of(sentence.span)
        if before.span.doc is not sentence.span.doc or subject is None or subject.pos_ != "NOUN":
            continue
        phrase = list(subject.subtree)
        if len(phrase) != 2 or phrase[0].lower_ not in ("this", "these") or phrase[0]._.qtext is not None:
            continue
        same = [t for t in before.span if t.pos_ == "NOUN" and t.dep_ != "compound" and t.tag_ == subject.tag_
                and noun_key(t.lemma_) == noun_key(subject.lemma_)]
        if len(same) != 1:
            continue
        tokens = _noun_phrase(same[0])
        if tokens is None or not any(c.dep_ == "prep" and c.lower_ == "of" for c in same[0].children) or any(
                t.ent_type_ or t.like_num for t in tokens) or len(tokens) > 7:
            continue  # "a flow of charged particles" says what it is; "a novel approach" only describes (antecedents.py)
        if tokens[0].lower_ in ("a", "an", "the"):
            tokens = tokens[1:]
        text = "the " + "".join(t.text_with_ws for t in tokens).strip()
        for t in phrase:
            t._.qtext = ""
        phrase[0]._.qtext = text + phrase[-1].whitespace_
        written.add(sentence.index)
    return written


def _noun_phrase(noun):
    """The phrase headed by `noun`, cut before a relative clause or a comma; None when it is a pronoun's or a name's."""
    cut = min([c.left_edge.i for c in noun.children if c.dep_ in ("relcl", "acl") and c.i > noun.i]
              + [t.i for t in noun.subtree if t.i > noun.i and t.is_punct] + [noun.right_edge.i + 1])
    tokens = [t for t in sorted(noun.subtree, key=lambda t: t.i) if t.i < cut]
    if any(t.pos_ == "PRON" or t._.qtext is not None for t in tokens) or len(tokens) > 8:
        return None
    return tokens
