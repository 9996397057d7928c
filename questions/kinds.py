"""What sort of thing a name names, judged from more than the model's label.

The small model's labels let a town, a wind farm and a company all be "ORG". The article
itself usually says which: the name's own head noun ("Saltbank Wind Farm", "the Rural
Party"), the common noun it is given ("the energy company Northwind", "Helix, a chip
maker", "the coastal towns of A, B and C", "X is a town"), and what the sentences do with it
("based in X", "near X": a place; "X said", "X signed": someone who acts, a person or an
organisation). Each piece of evidence is a vote for one of four sorts:

    person   someone
    org      a company, an agency, a party, a school, a union ...
    place    a town, a country, a region, a street, a river ...
    thing    a facility, a project, a product, a document, an event

Options of a multiple choice and the swap of a false statement must be of the key's sort
(distractors.py). Every word list (kind_words.py) is general English, never a name of any article.
"""
import re
from collections import Counter

from .textnorm import words
from .kind_words import (  # noqa: F401 (other modules import the word lists from here)
    PLACE_HEADS, THING_HEADS, ORG_HEADS, FIRST_THING, FIRST_PLACE, PLACE_NOUNS, AGENT_NOUNS, GRAINS, NATION_HEADS,
    STAKE_NOUNS, ORG_NOUNS, PERSON_NOUNS, THING_NOUNS, PLACE_HOLDINGS, ORG_HOLDINGS, ORG_OF, ORG_IN, PERSON_TITLES,
    PLACE_PREPS, WEAK_PLACE_PREPS, PLACE_VERBS, AGENT_VERBS)

SORTS = ("person", "org", "place", "thing")
SORTED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART"}


def _head_word(name):
    """The word a name says its kind with: the last, or the one before 'of' or 'for' ('University of Bergen',
    'the Verran Prize for Fiction')."""
    tokens = before_of([w for w in words(name) if w not in ("the",)])
    return tokens[-1] if tokens else ""


def before_of(tokens):
    """A name's words up to its first 'of' or 'for' after the first word: where its head noun ends
    ('University of Bergen', 'Centre for Policy Studies')."""
    joint = next((i for i, w in enumerate(tokens) if i > 0 and w in ("of", "for")), None)
    return tokens if joint is None else tokens[:joint]


def head_sort(name):
    """The sort a name's own words give it, or None: 'Saltbank Wind Farm' a thing, 'Union Square' a place."""
    tokens = [w for w in words(name) if w != "the"]
    if len(tokens) < 2:
        return None
    head, first = _head_word(name), tokens[0]
    if first in FIRST_THING:
        return "thing"
    if first in FIRST_PLACE:
        return "place"
    if re.fullmatch(r"\d{1,4}", tokens[-1]) and first not in ("local", "route", "highway"):
        return "thing"  # "Skyline 400", "Orbiter 2": a model or a mission, not a maker
    if head in ORG_HEADS or len(head) > 5 and head.endswith("works"):  # "Voltan Coachworks", "Brell Ironworks"
        return "org"
    if head in PLACE_HEADS:
        return "place"
    if head in THING_HEADS:
        return "thing"
    return None


def noun_sort(lemma):
    """The sort a common noun given to a name says ('company' org, 'town' place, 'nurse' person)."""
    lemma = lemma.lower()
    for sort, nouns in (("person", PERSON_NOUNS), ("place", PLACE_NOUNS), ("org", ORG_NOUNS), ("thing", THING_NOUNS)):
        if lemma in nouns:
            return sort
    return "agent" if lemma in AGENT_NOUNS else None


LABEL_CLASHES = {"place": {"ORG", "PERSON"}, "org": {"PERSON", "GPE", "LOC"}, "person": {"ORG", "GPE", "LOC"}}


def label_fits(lemma, label):
    """A kind noun may name a name of that label: 'the city' a place (never 'the City Audit Office', an
    organisation whose name holds the word), 'the agency' no person or place, 'the mayor' no organisation."""
    return label not in LABEL_CLASHES.get(noun_sort(lemma) or "", ())


def _first_conjunct(token):
    """'the towns of A, B and C': B and C are said of what A is said of."""
    while token.head.i != token.i and (token.dep_ == "conj" or token.dep_ == "appos" and token.pos_ == "PROPN"
                                       and token.head.pos_ == "PROPN" and token.head.dep_ in ("appos", "conj")):
        token = token.head  # "markets: A, the B Islands and C": B and C are markets as A is
    return token


def mention_votes(ent):
    """(sort, weight, noun) triples the words around one mention give: descriptors weigh 3, roles 1-2."""
    votes = []
    root = _first_conjunct(ent.root)
    inside = range(ent.start, ent.end)
    for child in ent.root.children:  # "the energy company Northwind", "Helix, a chip maker"
        if child.dep_ in ("compound", "appos", "nmod") and child.pos_ == "NOUN" and child.i not in inside:
            sort = noun_sort(child.lemma_)
            if sort:
                votes.append((sort, 3, child.lemma_.lower()))
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.i not in inside:  # "the regulator, X"
        sort = noun_sort(head.lemma_)
        if sort:
            votes.append((sort, 3, head.lemma_.lower()))
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":  # "the coastal towns of X"
        if noun_sort(head.head.lemma_) == "place":
            votes.append(("place", 3, head.head.lemma_.lower()))
    if root.dep_ in ("attr", "nsubj") and head.lemma_ in ("be", "become", "remain"):  # "X is a town"
        other = next((t for t in head.children if t.dep_ in ("attr", "nsubj") and t.i != root.i
                      and t.pos_ == "NOUN"), None)
        if other is not None and noun_sort(other.lemma_):
            votes.append((noun_sort(other.lemma_), 3, other.lemma_.lower()))
    if root.dep_ in ("attr", "oprd") and head.lemma_ in ("call", "name", "know", "dub") and head.dep_ == "acl" \
            and head.head.pos_ == "NOUN":  # "The program, called X"; "the battery, called X": a thing by default
        votes.append((noun_sort(head.head.lemma_) or "thing", 3, head.head.lemma_.lower()))
    if root.dep_ == "pobj" and head.lower_ in ("as", "including", "like") and head.head.pos_ == "NOUN" \
            and (head.lower_ != "as" or any(c.lower_ == "such" for c in head.children)) \
            and noun_sort(head.head.lemma_):  # "rivals such as X", "towns including X"
        votes.append((noun_sort(head.head.lemma_), 3, head.head.lemma_.lower()))
    votes += _list_votes(ent)
    if ent.root.dep_ == "compound" and ent.root.head.lemma_.lower() in NATION_HEADS:
        votes.append(("place", 3, None))  # "the Kest government", "the Varn economy"
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.pos_ == "NOUN" and before.dep_ != "compound" or (
            before is not None and before.pos_ == "NOUN" and before.head.i not in inside):
        near = doc[max(before.i - 3, 0) : before.i]
        if any(t.dep_ == "det" or t.tag_ == "POS" for t in near) and noun_sort(before.lemma_):
            votes.append((noun_sort(before.lemma_), 3, before.lemma_.lower()))  # "the campaign group X"
    if root.dep_ == "pobj" and head.dep_ == "prep":
        prep, governor = head.lower_, head.head
        if prep in PLACE_PREPS or (prep in ("in", "at") and governor.lemma_ in PLACE_VERBS):
            votes.append(("place", 2, None))  # "near X", "based in X", "born in X"
        elif prep in WEAK_PLACE_PREPS and governor.pos_ in ("VERB", "AUX") and prep in ("in", "at"):
            votes.append(("place", 1, None))  # "fished out of X", "met in X"
        elif prep == "to" and governor.lemma_.lower() in ("trip", "visit", "journey", "flight", "voyage", "move"):
            votes.append(("place", 2, None))  # "her last trip to X"
        elif prep == "in" and governor.pos_ == "NOUN" and governor.lemma_.lower() in ORG_IN:
            votes.append(("org", 3, None))  # "shares in X": a company
        elif prep == "in" and governor.pos_ == "NOUN" and governor.lemma_.lower() not in STAKE_NOUNS:
            votes.append(("place", 1, None))  # "the market in X", "prices in X"; not "a stake in X"
        elif prep == "at" and governor.pos_ == "NOUN" and governor.lemma_.lower() not in PERSON_NOUNS:
            votes.append(("place", 1, None))  # "the boardwalk at X" (a nurse at X: a place of work, no person)
        elif prep == "of" and governor.lemma_.lower() in ORG_OF:
            votes.append(("org", 3, None))  # "the chief executive of X", "shareholders of X"
    if ent.root.dep_ in ("poss", "compound") and ent.root.head.lemma_.lower() in ORG_HOLDINGS and \
            ent.root.head.i not in inside:
        votes.append(("org", 3, None))  # "X shareholders", "X's chief executive": a body
    if ent.root.dep_ == "poss" and ent.root.head.lemma_.lower() in PLACE_HOLDINGS:
        votes.append(("place", 2, None))  # "Students in Arlow's middle schools", "Svalbard's glaciers"
    if ent.end + 1 < len(doc) and doc[ent.end].text == "-" and doc[ent.end + 1].lower_ == "based":
        votes.append(("place", 2, None))  # "Halbridge-based"
    if ent.root.dep_ == "nsubjpass" and ent.root.head.lower_ == "born" or (
            before is not None and before.lower_.rstrip(".") in PERSON_TITLES) or any(
            c.dep_ in ("appos", "amod", "npadvmod") and c.like_num and c.i == ent.end + 1 for c in ent.root.children):
        votes.append(("person", 3, None))  # "X was born", "Dr X", "X, 52,": someone, whatever the label says
    if ent.root.dep_ in ("nsubj",) and ent.root.head.lemma_ in AGENT_VERBS:
        votes.append(("agent", 1, None))  # someone who said, signed, approved: a person or an organisation
    return votes


def _list_votes(ent):
    """'X and three other markets', 'X, Y and other towns': the noun after 'other' says what X is."""
    doc, i = ent.doc, ent.end
    while i < len(doc) and i < ent.end + 8 and (doc[i].ent_type_ or doc[i].text == "," or doc[i].lower_ == "the"):
        i += 1  # past the rest of a list of names
    if i >= len(doc) or doc[i].lower_ not in ("and", "or"):
        return []
    after = doc[i + 1 : i + 4]
    other = next((t for t in after if t.lower_ == "other"), None)
    noun = doc[other.i + 1] if other is not None and other.i + 1 < len(doc) else None
    if noun is None or noun.pos_ != "NOUN" or not noun_sort(noun.lemma_):
        return []
    return [(noun_sort(noun.lemma_), 3, noun.lemma_.lower())]


def _label_sort(entity):
    return {"PERSON": "person" if entity.human else None, "ORG": "org", "GPE": "place", "LOC": "place",
            "FAC": "thing", "PRODUCT": "thing", "EVENT": "thing", "LAW": "thing", "WORK_OF_ART": "thing",
            "NORP": None}.get(entity.label)


def tally(entity, votes):
    """The sort with most evidence, or None when nothing speaks for one."""
    score = Counter()
    label = _label_sort(entity)
    if label:
        score[label] += 1 if label != "person" or _person_shown(entity, votes) else 0.5
    own = head_sort(entity.name)
    if own:
        score[own] += 3
    if entity.is_country:
        return "place"  # a country is a place, whatever it says, signs or buys ("India, the largest buyer")
    for sort, weight, _ in votes:
        if sort == "agent":
            score["person"] += weight
            score["org"] += weight
        else:
            score[sort] += weight
    if not score:
        return None
    best = max(SORTS, key=lambda s: score[s])
    ties = [s for s in SORTS if score[s] == score[best]]
    if len(ties) > 1:
        return label if label in ties else None
    return best


def _person_shown(entity, votes):
    """Whether more than the model's label says the name is someone's: a person noun beside it, a gender
    ('Ms', 'she'), or the surname alone elsewhere ('Keller' after 'Anna Keller'). Two capitalised words alone
    ('Coldwater Rise', 'Fenwick Moss') may as well be a company or a place, and weaker evidence outweighs them."""
    if entity.gender or any(sort == "person" for sort, _, _ in votes):
        return True
    parts = words(entity.name)
    return len(parts) > 1 and any(words(form) == parts[-1:] for form in entity.forms)


def article_votes(b):
    """{entity name: [(sort, weight, noun), ...]} over every mention of the article (computed once)."""
    cached = getattr(b, "_sort_votes", None)
    if cached is not None:
        return cached
    found = {}
    for sentence in b.sentences:
        for ent in sentence.span.ents:
            entity = b.lookup.get((sentence.index, ent.start_char))
            if entity is not None:
                found.setdefault(entity.name, []).extend(mention_votes(ent))
    orgs = {e.name for e in b.entities if e.label == "ORG" and " " not in e.name
            and tally(e, found.get(e.name, [])) == "org"}  # not "Kest" of "Kest Stock Exchange", a country
    for entity in b.entities:  # "Apple Intelligence" after "Apple": a product of the company, not another one
        first, _, rest = entity.name.partition(" ")
        if first in orgs and rest and head_sort(entity.name) is None and words(rest)[-1:] != [] and \
                words(rest)[-1] not in ORG_HEADS:
            found.setdefault(entity.name, []).append(("thing", 3, None))
    b._sort_votes = found
    return found


def sort_of(b, entity, ent=None):
    """The sort of an entity of the article; with `ent`, the mention asked about counts twice
    (its role in the sentence: 'based in _____' asks for a place)."""
    if ent is None:
        return kind_table(b).get(entity.name, (None, None))[0]
    return tally(entity, article_votes(b).get(entity.name, []) + mention_votes(ent))


def grain(votes):
    """The size of place the article's descriptors give a name ('the town of X': a settlement), or None."""
    found = Counter(g for _, _, noun in votes if noun for g, nouns in GRAINS.items() if noun in nouns)
    return found.most_common(1)[0][0] if found else None


def kind_table(b):
    """The article's table of kinds: {entity name: (sort, grain)}, one entry per name, from every mention's
    evidence and its own head words (computed once per article; options and swaps read it)."""
    cached = getattr(b, "_kind_table", None)
    if cached is None:
        votes = article_votes(b)
        cached = b._kind_table = {e.name: (tally(e, votes.get(e.name, [])), grain(votes.get(e.name, [])))
                                  for e in b.entities if e.label in SORTED_LABELS}
        for entity in b.entities:
            entity.sort = cached.get(entity.name, (None, None))[0]  # the wh-word reads it (phrasing.wh_word)
    return cached


def same_grain(b, key, options):
    """Whether the article gives the key and every option one size of place ('the towns of A, B and C')."""
    table = kind_table(b)
    grains = {table.get(name.removeprefix("the "), (None, None))[1] for name in [key.name, *options]}
    return len(grains) == 1 and None not in grains


def described(b, entity, sort):
    """Whether the article's own words (a descriptor, a head noun) say the name is of that sort."""
    return head_sort(entity.name) == sort or any(s == sort and w >= 3 for s, w, _ in article_votes(b).get(entity.name, []))


def same_kind(b, key, key_sort, other):
    """Whether `other` may stand where the key stands: of the key's label and finer kind, or of another
    label the article's words show to be of the key's sort (a name the model calls a company, among places
    when the article writes 'the Kest government'; roles alone, 'X said', are not enough); never of a
    known other size of place."""
    if other.label not in SORTED_LABELS or key.label not in SORTED_LABELS:
        return other.kind == key.kind
    table = kind_table(b)
    other_sort, other_grain = table.get(other.name, (None, None))
    key_grain = table.get(key.name, (None, None))[1]
    if key_sort == "place" and key_grain and other_grain and key_grain != other_grain:
        return False  # a town among markets, a province among towns
    if other.label == key.label:
        return other.kind == key.kind  # one label: its finer kind as before (an agency is no company)
    if key_sort in (None, "person") or other_sort != key_sort:
        return False  # people only from names the model and the article agree are people
    if key_sort == "thing":  # things are of many kinds: an app is no operating system, a card no battery
        nouns = [{n for s, w, n in article_votes(b).get(e.name, []) if s == "thing" and n} for e in (key, other)]
        return bool(nouns[0] & nouns[1])
    return all(_label_sort(e) == key_sort or described(b, e, key_sort) for e in (key, other))  # words, not votes


ROLE_CLASSES = {"athlete": {"striker", "midfielder", "defender", "forward", "winger", "goalkeeper", "keeper",
                            "centre-back", "center-back", "fullback", "quarterback", "pitcher", "batter", "bowler",
                            "batsman", "sprinter", "runner", "swimmer", "cyclist", "player", "captain"},
                "staff": {"coach", "manager"}, "official": {"referee", "umpire"}}


def role_class(word):
    """'midfielder' -> 'athlete', 'coach' -> 'staff'; any other job is a class of its own ('nurse')."""
    return next((name for name, jobs in ROLE_CLASSES.items() if word in jobs), word)


def person_roles(b):
    """Each person of the article -> the classes of the jobs it writes beside their name ('centre-back Ana
    Ruiz', 'the referee, Ana Ruiz', 'Ana Ruiz, a nurse'), cached on the Builder."""
    if getattr(b, "_roles", None) is not None:
        return b._roles
    from .lexicon import OCCUPATION_WORDS
    from .names import PERSON_ROLES, job_before_name
    jobs = OCCUPATION_WORDS | PERSON_ROLES
    b._roles = {}
    for sentence in b.sentences:
        for ent in sentence.span.ents:
            entity = b.lookup.get((sentence.index, ent.start_char))
            if entity is None or entity.label != "PERSON":
                continue
            doc, found = ent.doc, set()
            if ent.start > 0 and job_before_name(doc[ent.start - 1]):
                before = doc[ent.start - 1]
                hyphened = ent.start >= 3 and doc[ent.start - 2].text == "-"
                found.add(f"{doc[ent.start - 3].lower_}-{before.lower_}" if hyphened else before.lower_)
            nouns = [c for c in ent.root.children if c.dep_ == "appos"] + (
                [ent.root.head] if ent.root.dep_ == "appos" else [])
            found |= {t.lower_ for t in nouns if t.lower_ in jobs}
            b._roles.setdefault(entity.name, set()).update(role_class(w) for w in found)
    return b._roles


def same_role(b, key, other):
    """A person may stand in for another unless the article gives both jobs of different classes (a coach
    is no option among players, a player no referee)."""
    roles = person_roles(b)
    mine, theirs = roles.get(key.name, set()), roles.get(other.name, set())
    return not (mine and theirs) or bool(mine & theirs)
