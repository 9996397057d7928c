"""Whose words: the organisation the article gives a speaker, and 'the company' in what that speaker said.

"Marta Ilves, the chief executive of Corvane, said ... Analysts at Brightline Research said ... Ilves said
the company would also cut prices": the company Ilves speaks of is her own, Corvane, never the analysts'
firm. `affiliations` reads the article's shapes that give a person an organisation:
- an apposition with a role and the body: 'Marta Ilves, the chief executive of Corvane', '..., a spokesman
  for the Tarrow Water Board', '..., an engineer at Delcor';
- a role with the body before the name: 'Corvane chief executive Marta Ilves', "Corvane's chief executive,
  Marta Ilves".
`speakers_body` gives, for a phrase inside what someone said ('Ilves said the company would ...'), that
speaker's organisation, or None. Word lists are general English (kinds.py, attribution.py).
"""
from .attribution import ROLE_HEADS
from .kinds import ORG_HEADS, PERSON_NOUNS

SAYING = {"say", "tell", "add", "explain", "note", "announce", "state", "confirm", "warn", "write", "insist",
          "expect", "estimate", "hope", "promise", "predict", "claim", "argue", "believe"}
BODY_LABELS = {"ORG"}
ROLES = ROLE_HEADS | PERSON_NOUNS


def _body_of(role, lookup, index):
    """The ORG name a role noun says the person works for: 'of/at/for/with X', 'X chief executive', "X's chief"."""
    for child in role.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "with"):
            for obj in child.children:
                name = _org_name(obj, lookup, index)
                if name:
                    return name
        if child.dep_ in ("compound", "poss", "nmod") and child.i < role.i:
            name = _org_name(child, lookup, index)
            if name:
                return name
    return None


def _org_name(token, lookup, index):
    if not token.ent_type_:
        return None
    ent = next((e for e in token.sent.ents if e.start <= token.i < e.end), None)
    entity = lookup.get((index, ent.start_char)) if ent is not None else None
    return entity.name if entity is not None and entity.label in BODY_LABELS else None


def affiliations(sentences, lookup):
    """{person's name as written and by its last word: the organisation the article gives them}; a person
    given two organisations is left out."""
    found = {}
    for sentence in sentences:
        for ent in sentence.span.ents:
            entity = lookup.get((sentence.index, ent.start_char))
            if entity is None or len(entity.name.split()) < 2 or entity.label in BODY_LABELS and not _is_person(ent):
                continue
            roles = [c for c in ent.root.children if c.dep_ == "appos" and c.lemma_.lower() in ROLES]
            if ent.root.dep_ == "appos" and ent.root.head.lemma_.lower() in ROLES:
                roles.append(ent.root.head)  # "Corvane's chief executive, Marta Ilves"
            before = ent.doc[ent.start - 1] if ent.start > 0 else None
            if before is not None and before.lemma_.lower() in ROLES and before.head.i == ent.root.i:
                roles.append(before)  # "Corvane chief executive Marta Ilves"
            bodies = {b for b in (_body_of(r, lookup, sentence.index) for r in roles) if b}
            for key in (entity.name, entity.name.split()[-1]):
                found.setdefault(key, set()).update(bodies)
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


def _is_person(ent):
    """A name the model called a body that an apposition of a role shows to be a person ('Marta Ilves, the
    chief executive of ...')."""
    if ent[-1].lower_ in ORG_HEADS:
        return False  # "Delcor Labs, the owner of ...": a body that owns another
    return any(c.dep_ == "appos" and c.lemma_.lower() in ROLES for c in ent.root.children) or (
        ent.start > 0 and ent.doc[ent.start - 1].lemma_.lower() in ROLES)


def speakers_body(token, known):
    """The organisation of the one who says what `token` stands in ('Ilves said the company would ...'), by
    the table `known` (affiliations), or None."""
    node = token
    while node.head.i != node.i:
        clause, node = node, node.head
        if node.lemma_.lower() in SAYING and clause.dep_ in ("ccomp", "parataxis"):  # not "Speaking at ..., X said"
            speaker = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if speaker is None:
                return None
            ent = next((e for e in speaker.sent.ents if e.start <= speaker.i < e.end), None)
            name = ent.text if ent is not None else speaker.text
            name = name[4:] if name.lower().startswith("the ") else name
            return known.get(name) or known.get(name.split()[-1])
    return None
