"""'Dunmere Properties said it would appeal': the 'it' of what a named body said is that body.

clauses.py drops a sentence whose reported clause has an 'it' subject when a person may be the speaker
('pronoun-subject': "Venn said it would also suspend the tariff" - Venn is no 'it'). When the speaker is the
sentence's own named subject and a body, the 'it' is that body, and the prompt writes it in
(`token._.qtext`; the source sentence stays verbatim):

- the speaker is named and is an organisation, or its name ends in a business word ("Dunmere Properties, which
  owns about 700 homes, said it was disappointed and would appeal" -> it = Dunmere Properties; the small model
  may call the name a person's, its words say otherwise);
- the speaker is someone of a body ("The trust's regional director, Ana Vell, said it had received 900 calls"):
  it = the trust, written as the one name the article gives a trust ("the Orrin Trust"); a body the article
  names none or two of leaves the sentence dropped.

Only when nothing else in the sentence before the 'it' could be meant ("Vell Holdings said the sale, which
..., was late because it ...": the sale).
"""
from .businesses import is_business_name
from .kinds import noun_sort
from .kind_names import _name_of
from .references import _entity_of, noun_key

REPORTING = {"say", "tell", "announce", "add", "state", "confirm", "warn", "explain", "report"}


def _written(name, token):
    return (name[:1].upper() + name[1:] if token.i == token.sent.start else name) + token.whitespace_


def speaker_pronouns(sentences, lookup, linked):
    """Write the speaking body into the 'it' subject of what it said; return the indices rewritten.
    `linked` is kind_names.links (the names the article gives each kind noun)."""
    written = set()
    for sentence in sentences:
        span, index = sentence.span, sentence.index
        root = span.root
        speaker = next((c for c in root.children if c.dep_ == "nsubj"), None)
        clause = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i), None)
        if root.lemma_ not in REPORTING or speaker is None or clause is None:
            continue
        it = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "it"
                   and c.pos_ == "PRON" and c._.qtext is None), None)
        if it is None or any(t.pos_ in ("NOUN", "PROPN") and t.i < it.i and t.i not in {s.i for s in speaker.subtree}
                             and not (t.dep_ == "pobj" and t.head.head.i == root.i) for t in span):
            continue  # "blocked the sale ..., saying it would harm": the sale may be meant
        name = _body(speaker, span, lookup, index, linked)
        if name is True:  # the speaker itself, named just before: 'it' reads as it is (a name there would give
            it._.qtext = it.text_with_ws  # away a blank of the speaker), and the prompt is the sentence's own
        elif name:
            it._.qtext = _written(name, it)
            written.add(index)
    return written


def _body(speaker, span, lookup, index, linked):
    """True when the speaker is a named body itself; the body a person speaks for, as a prompt writes it; or None."""
    entity = _entity_of(speaker, lookup, index)
    if entity is not None:
        if entity.label == "ORG" or is_business_name(entity.name) or any(
                n.lower() == _name_of(entity).lower() and noun_sort(key) == "org" for _, _, key, n, _ in linked):
            return True  # "Housing charity Shelterline said it ...", whatever the model called it
        if entity.label == "PERSON":
            return None  # "Venn said it would ...": Venn is no 'it'
    owner = next((c for c in speaker.children if c.dep_ == "poss"), None)
    if owner is None or any(c.dep_ == "poss" for c in owner.children):
        return None
    owned = _entity_of(owner, lookup, index)
    if owned is not None:
        return _name_of(owned) if owned.label == "ORG" or is_business_name(owned.name) else None
    if owner.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in owner.children):
        return None
    names = {n for at, _, key, n, _ in linked if key == noun_key(owner.lemma_) and at <= index}
    return next(iter(names)) if len(names) == 1 else None  # "The trust's director, Ana Vell, said it ..."
