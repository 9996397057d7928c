"""'The company', 'the species', 'of the province': a common noun for a kind of thing, written as the one name
the article gives it, or the sentence dropped when the article gives it none or two.

clauses.py lets a subject such as 'the company' stand when the story uses the noun for one thing only
(`clear_nouns`, generic.known_before), and antecedents.py then leaves it as it is. A reader who meets
"The company went public in 2013" alone still asks "which company?". This stage runs after those rules
(and after references.py and antecedents.py wrote what they could) and finishes the job:

- `links`: the names the article gives each noun: an apposition ("Norvale Foods, the Kessby-based maker
  of ...", "a new species, Hylis rubra", "the species, named X"), a noun in front of the name ("the research
  firm Delcor"), a copula ("Tamsin Rail is a company"), "the province of X", a name that ends in the noun
  ("the Clean Harbours Act" is "the act" and, by synonym, "the law"). Each link keeps the nouns in front of
  the kind noun ("research" in "research firm"), which say what sort of company it is.
- `name_kinds`: each 'the (adjective) N' (subject, object or 'of the N'; 'the N's' too) with exactly one
  linked name before it is written as that name. With two or more, the one the story is about (the lede's
  subject, else the one mentioned most) is meant only when every other one is of another sort (its link
  has a noun of sort, "research firm", that the story's own link lacks); otherwise the reference is
  ambiguous ('rival-names'). A name references.py wrote in is checked the same way: "the company said"
  after "the research firm Delcor" is the story's company, not Delcor.
- With no name and no rival, a team 'from' a named body, introduced once ("a team from the Orlen Museum"),
  is "the team from the Orlen Museum". Otherwise a subject that is a common noun for a kind of thing
  (`COMMON_KINDS`: company, species, province, law, plant, team, group, study ...) stays unnamed, and the
  sentence is dropped ('unnamed-kind'); a noun the story names by its own phrase ("the earthquake that
  struck ...", written in by references.py) or that is no kind of thing ("the market") is left as it is.
- `object_it`: an object 'it' ("called it", "through it") with nothing before it in its sentence that it can
  mean (its own verb's subject cannot be its object) is given the previous sentence's one subject when that
  sentence has no rival (antecedents.py's rule for subjects); otherwise clauses.py drops it.
"""
from . import businesses, speakers
from .antecedents import _antecedent_text
from .clauses import object_it_unanchored
from .references import _reported_subject, noun_key, subject_of
from .kinds import ORG_HEADS, label_fits, noun_sort
from .lexicon import COMMON_KINDS, KIND_NOUNS

DESCRIBING = {"new", "same", "main", "whole", "entire", "local", "national", "provincial", "federal", "regional"}
NAME_LABELS = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "LAW", "WORK_OF_ART", "NORP", "PERSON"}
FROM_PREPS = {"from", "at", "of", "led"}


def _name(ent, entity):
    name = entity.name if entity is not None else ent.text
    bare = name[4:] if name.lower().startswith("the ") else name
    takes = entity.takes_the if entity is not None else ent.text.lower().startswith("the ")
    return ("the " + bare) if takes else bare


def _sort_words(noun):
    """Nouns in front of a kind noun that say its sort: 'research' in 'the research firm'."""
    return frozenset(c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                     and c.i < noun.i and not c.ent_type_)


SAME_BOTH = {"species", "series", "headquarters", "means", "aircraft"}  # one word for one and for many


def _one(noun):
    """A singular noun: 'company'; 'species', which the tagger may take for a plural, too."""
    return noun.tag_ == "NN" or noun.lower_ in SAME_BOTH


def _word(noun):
    """The noun's dictionary form ('species', which the lemmatizer makes 'specie')."""
    return noun.lower_ if noun.lower_ in SAME_BOTH else noun.lemma_.lower()


def _extended(ent):
    """The phrase head of a name the model cut short ('Hylis' of 'Hylis rubra', the second word its head)."""
    root = ent.root
    if root.dep_ == "compound" and root.head.i == ent.end and root.head.pos_ in ("NOUN", "PROPN") \
            and not root.head.ent_type_ and root.head.is_alpha:
        return root.head
    return None


def _ent_links(ent):
    """The nouns the sentence links to the mention `ent`."""
    root = _extended(ent) or ent.root
    head = root.head
    inside = range(ent.start, ent.end)
    found = []
    if root.dep_ == "appos" and head.pos_ == "NOUN":
        found.append(head)  # "a new species, Hylis rubra"
    for child in root.children:
        if child.dep_ in ("appos", "compound", "nmod") and child.pos_ == "NOUN" and child.i not in inside:
            found.append(child)  # "Norvale Foods, the ... maker", "the research firm Delcor"
    if root.dep_ in ("attr", "oprd") and head.lemma_ in ("be", "call", "name", "know", "dub"):
        if head.dep_ == "acl" and head.head.pos_ == "NOUN":
            found.append(head.head)  # "The species, named X"
        found += [t for t in head.children if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"]  # "The N is X"
    if root.dep_ == "nsubj" and head.lemma_ == "be":
        found += [t for t in head.children if t.dep_ == "attr" and t.pos_ == "NOUN"]  # "X is a company"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and not any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.head.children):
        found.append(head.head)  # "the province of X" (not "a member of X")
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if (before is not None and before.pos_ == "NOUN" and before.dep_ == root.dep_ and before.head.i == root.head.i
            and any(c.dep_ == "det" and c.lower_ == "the" for c in before.children)):
        found.append(before)  # "The ferry Orla Dawn ran aground": the model makes two subjects of one
    if len(ent) >= 2 and ent[-1].is_title and ent[-1].pos_ in ("PROPN", "NOUN") and ent[-1].lower_ in COMMON_KINDS | KIND_NOUNS:
        found.append(ent[-1])  # "the Clean Harbours Act", "the Tarrow Water Board"
    first = ent[1] if ent[0].lower_ == "the" and len(ent) > 2 else ent[0]
    if len(ent) >= 2 and first.i != ent.end - 1 and first.is_title and first.lower_ in COMMON_KINDS:
        found.append(first)  # "the Museum Van Roosendael", "the University of Bergen"
    return found


def links(sentences, lookup):
    """[(sentence index, token index, key, name, sort words)]: each name the article gives a noun."""
    found = []
    for sentence in sentences:
        for ent in sentence.span.ents:
            entity = lookup.get((sentence.index, ent.start_char))
            label = entity.label if entity is not None else ent.label_
            if label not in NAME_LABELS:
                continue
            for noun in _ent_links(ent):
                if noun.lemma_.lower() in DESCRIBING or not noun.is_alpha or not _one(noun) and noun.pos_ == "NOUN":
                    continue  # "three other markets: Castria, ...": one of several
                if ent.start <= noun.i < ent.end - 1 and not label_fits(_word(noun), label):
                    continue  # a word inside the name, not its head: "the City Audit Office" is no city
                name = _name(ent, entity)
                longer = _extended(ent)
                if longer is not None and not name.endswith(longer.text):
                    name = f"{ent.text} {longer.text}"  # "Hylis rubra"
                found.append((sentence.index, noun.i, noun_key(_word(noun)), name, _sort_words(noun)))
            for noun, name in _inner_places(ent):
                found.append((sentence.index, noun.i, noun_key(noun.lower_), name, frozenset()))
    return found + _lede_link(sentences, lookup)


def _lede_link(sentences, lookup):
    """'Veltrona on Wednesday unveiled the Arc F7, a phone that the company says is ...': the story's first
    sentence calls its named subject 'the company' itself, with no other body named between."""
    if not sentences:
        return []
    span, subject = sentences[0].span, subject_of(sentences[0].span)
    ent = next((e for e in span.ents if subject is not None and e.start <= subject.i < e.end), None)
    entity = lookup.get((sentences[0].index, ent.start_char)) if ent is not None else None
    if entity is None or entity.label != "ORG":
        return []
    for token in span[ent.end - span.start :]:
        if token.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
            return []  # "Veltrona said Korvane, the company that ...": which?
        phrase = _phrase(token) if token.pos_ == "NOUN" and noun_sort(_word(token)) == "org" else None
        if phrase is not None:
            return [(sentences[0].index, token.i, noun_key(_word(token)), _name(ent, entity), frozenset())]
    return []


PLACE_WORDS = {"town", "city", "county", "province", "state", "district", "village", "region", "borough"}


def _inner_places(ent):
    """(noun token, place name) for a name with a place word inside: 'the Harwick Town Council' -> 'town', 'Harwick'."""
    for word in ent[1:-1]:
        before = [t for t in ent if t.i < word.i and t.lower_ != "the"]
        if word.is_title and word.lower_ in PLACE_WORDS and before and all(t.pos_ == "PROPN" for t in before):
            return [(word, "".join(t.text_with_ws for t in before).strip())]
    return []


def _phrase(token):
    """'the (describing adjective) N' and nothing more, with nothing written into it, or None.

    A comma-set clause after the noun describes the thing without saying which it is ('The district,
    which serves 27,500 students, ...'): the phrase is the words before the comma (`set_off`)."""
    phrase = [t for t in token.subtree if t.tag_ != "POS" and t.dep_ != "case"]
    if phrase and phrase[-1].i != token.i:
        phrase = set_off(token)
    if token.pos_ != "NOUN" or not _one(token) or token.ent_type_ or not phrase or phrase[-1].i != token.i:
        return None
    if phrase[0].lower_ != "the" or phrase[0].dep_ != "det" or len(phrase) > 3:
        return None
    if any(t.is_punct or (t.i not in (phrase[0].i, token.i) and t.lower_ not in DESCRIBING) for t in phrase):
        return None
    return phrase


SET_OFF = {"relcl", "acl", "appos"}


def set_off(noun):
    """The words of 'The N, which/carried out/known as ..., V' before the comma, when everything after the noun is
    one comma-set clause that describes it (a 'which' clause, a participle), closed by a comma before the verb; else
    None. 'The district, which serves ...,' -> [The, district]; not 'the district of X', 'The survey found ...'."""
    doc = noun.doc
    after = [t for t in noun.subtree if t.i > noun.i]
    if not after or noun.i + 1 >= len(doc) or doc[noun.i + 1].text != "," or after[-1].text != ",":
        return None
    clauses = [c for c in noun.children if c.i > noun.i and not c.is_punct]
    if len(clauses) != 1 or clauses[0].dep_ not in SET_OFF or clauses[0].pos_ not in ("VERB", "AUX"):
        return None
    if any(t.text in ('"', "\u201c") for t in after):
        return None  # 'The drug, known as "VX"': a name, not a description (vague.py)
    return [t for t in noun.subtree if t.i <= noun.i and t.tag_ != "POS" and t.dep_ != "case"]


def _main_name(sentences, lookup):
    """The name the story is about: its first sentence's subject."""
    if not sentences:
        return None
    span = sentences[0].span
    subject = subject_of(span)
    for ent in span.ents:
        if subject is not None and ent.start <= subject.i < ent.end:
            return _name(ent, lookup.get((sentences[0].index, ent.start_char)))
    return None


def _choose(candidates, main, counts, own_sorts):
    """The name among `candidates` ({name: sort words of its links}) that 'the N' means, or None."""
    fitting = {n: s for n, s in candidates.items() if own_sorts <= s}  # "the fire service" is a fire service
    fitting = {n: s for n, s in fitting.items() if not any(  # "Dunmore" (of its Health Department) is "Dunmore County"
        o != n and set(n.lower().split()) - {"the"} < set(o.lower().split()) for o in fitting)}
    if len(fitting) == 1:
        return next(iter(fitting))
    if not fitting:
        return None
    chosen = main if main in fitting else max(fitting, key=lambda n: counts.get(n, 0))
    if chosen != main and sorted(counts.get(n, 0) for n in fitting)[-2:] == [counts.get(chosen, 0)] * 2:
        return None  # two as often: neither is the story's
    mine = fitting[chosen]
    if all(sorts and not sorts <= mine for n, sorts in fitting.items() if n != chosen):
        return chosen  # the others are a research firm, an investment bank: another sort of company
    return None


def _write(phrase, noun, text):
    text = text.removesuffix("'s").removesuffix("\u2019s")
    if not text.lower().startswith("the ") and text.split()[-1].lower() in (COMMON_KINDS | KIND_NOUNS) - PLACE_WORDS \
            and text.split()[-1].istitle():
        text = "the " + text  # "the Joint Velka Commission"
    start = phrase[0].i == phrase[0].sent.start or (phrase[0].i > phrase[0].sent.start
                                                     and phrase[0].nbor(-1).text in ('"', "\u201c"))
    if start and text.startswith("the "):
        text = "The " + text[4:]
    elif start:
        text = text[:1].upper() + text[1:]
    possessive = next((c for c in noun.children if c.tag_ == "POS" or c.dep_ == "case"), None)
    for t in phrase:
        t._.qtext = ""
    if possessive is not None:
        mark = possessive.text[:1] if text.endswith("s") else possessive.text  # "Veltrona Systems'", not "Systems's"
        phrase[0]._.qtext = text + mark + possessive.whitespace_
        possessive._.qtext = ""
    else:
        phrase[0]._.qtext = text + noun.whitespace_


def name_kinds(sentences, lookup, clear=frozenset()):
    """Write the one name into each 'the N' that has one (the module's rules); return
    ({indices written}, {index: (rule, noun lemma)} of the sentences to drop)."""
    linked = links(sentences, lookup)
    main = _main_name(sentences, lookup)
    counts = {}
    for entity in lookup.values():
        counts[_name_of(entity)] = max(counts.get(_name_of(entity), 0), entity.mentions)
    intro = _introductions(sentences)
    others = {}  # key -> the names linked to another noun only ("the HomeVault 10", a battery, is no company)
    for _, _, k, name, _ in linked:
        for other in {k2 for _, _, k2, _, _ in linked} - {k}:
            others.setdefault(other, set()).add(name)
    for k in list(others):
        others[k] -= {name for _, _, k2, name, _ in linked if k2 == k}
    written, dropped = set(), {}
    known = speakers.affiliations(sentences, lookup)
    entities = {e.name: e for e in lookup.values()}
    business = businesses.one_business(sentences, lookup, linked, lambda e: _kind_words(e, lookup))
    for sentence in sentences:
        span = sentence.span
        subject = subject_of(span)
        heads = {t.i for t in (subject, _reported_subject(span)) if t is not None}  # "The plant will ..., the firm said"
        for token in span:
            phrase = _phrase(token)
            if phrase is None or _in_quotes(token) or token.dep_ == "appos":  # "Norvale, the company, said"
                continue
            key = noun_key(_word(token))
            described = any(t.i > token.i and t.tag_ != "POS" for t in token.subtree)  # "The N, which ...,": named, never dropped here
            trade = {name for _, _, k2, name, _ in linked if key in TRADE_KEYS and k2 in TRADE_KEYS}  # "X, a mobile network"
            candidates = {}
            for index, at, k, name, sorts in linked:
                if k == key and (index < sentence.index or index == sentence.index and at < token.i):  # token indices
                    # are a paragraph's: an earlier sentence's link at the same index is another token
                    candidates.setdefault(name, set()).update(sorts)
            own_body = _speakers_body(token, known, entities, lookup, key)
            if own_body is not None and (own_body in candidates or all(candidates.values())):
                _write(phrase, token, own_body)  # "Ilves, the chief executive of Corvane, ... Ilves said the company"
                written.add(sentence.index)  # (not when the article names another union: "Local 318" is no "union")
                continue
            own = _sort_words(token)
            already = "".join(t._.qtext or "" for t in phrase).strip().removesuffix("'s").removesuffix("\u2019s")
            in_subject = token.i in heads or token.head.head.i in heads and token.head.lower_ == "of"
            if already:  # references.py or clauses.py wrote it in: checked when it wrote one of the names
                names = {n.lower() for n in candidates}
                mine = _choose({n: frozenset(s) for n, s in candidates.items()}, main, counts, own) if candidates else None
                if mine is not None and already.lower().removeprefix("the ") in names - {mine.lower()} and \
                        mine.lower() not in span.text.lower():  # "the research firm Delcor" named last: the story's own
                    _write(phrase, token, mine)  # company is meant ("Ilves said the company ...")
                    written.add(sentence.index)
                    continue
                if already.lower() not in names and not (already.lower().startswith("the ")
                                                        and already[4:].lower() in names):
                    if _word(token) in COMMON_KINDS and _actors(sentences, lookup, sentence, token, {already}):
                        for t in phrase:  # "The Front trailed ..., since the party was founded": not the party
                            t._.qtext = None  # references.py named from further back
                        if in_subject and not described:
                            dropped[sentence.index] = ("rival-names", token.lemma_.lower())
                    continue
            choice = _choose({n: frozenset(s) for n, s in candidates.items()}, main, counts, own) if candidates else None
            here = {name for index, at, k, name, _ in linked if k == key and index == sentence.index and at < token.i}
            here |= {n for n in candidates if n.lower().removeprefix("the ") in span.text[: token.idx - span.start_char].lower()}
            if len(here) > 1 or here and choice not in here:
                choice = next(iter(here)) if len(here) == 1 else None  # "The Front trailed, its worst since the party ..."
            if not in_subject and _word(token) not in COMMON_KINDS:
                choice = None  # "caused the lander to crash": an object is named only for a common kind noun
            if choice is None and not candidates and not own:
                choice = _introduced(intro.get(_word(token), []), sentence.index)
            if choice is None and not candidates and not already and noun_sort(_word(token)) == "org":
                actors = _actors(sentences, lookup, sentence, token, set().union(*others.values()) - trade if others else set(),
                                 subjects=True)  # "The RMTA said ... The agency estimates ...": the one that acted
                nearby = _actors(sentences, lookup, sentence, token, set())  # "The Front trailed ..., the party": which?
                choice = actors.pop() if len(actors) == 1 and {n.lower() for n in nearby} <= {n.lower() for n in actors} else None
                if choice is None and business and key == businesses.COMPANY and {n.lower() for n in nearby} <= {
                        business.lower()} and not businesses.unnamed_trade_near(sentences, sentence, token) \
                        and not businesses.named_before(token, business):
                    choice = business  # "Dunmere Properties, which owns ..., said ... The company must pay ...": the one
            if choice is not None and candidates and _unlinked_rival(sentences, lookup, sentence, token, choice,
                                                                     set(candidates) | others.get(key, set()) - trade):
                choice = None  # "Aurora said it planned ... The company hopes ...": Aurora, or the company named before?
            if choice is not None and _names_itself(token, choice):
                continue  # "The plan, called Care Now, includes ...": its own words name it
            if choice is not None:
                _write(phrase, token, choice)
                written.add(sentence.index)
            elif candidates and already:  # references.py wrote a name that a rival makes unclear: undone
                for t in phrase:
                    t._.qtext = None
                if in_subject and not described:
                    dropped[sentence.index] = ("rival-names", token.lemma_.lower())
            elif in_subject and (candidates or _word(token) in COMMON_KINDS) and not already and not described:
                dropped[sentence.index] = ("rival-names" if candidates else "unnamed-kind", token.lemma_.lower())
    written |= _life_stages(sentences, linked)
    return written, dropped


# Nouns for a business: a name the article calls one of them ("Lumora, a mobile network") may be what "the company" means
TRADES = {"company", "firm", "business", "corporation", "maker", "manufacturer", "network", "carrier", "airline", "operator",
          "retailer", "lender", "insurer", "startup", "chain", "brand", "producer", "developer", "publisher", "broadcaster"}
TRADE_KEYS = {noun_key(t) for t in TRADES}


def _speakers_body(token, known, entities, lookup, key):
    """The speaker's own organisation, as a prompt writes it, for 'the company' in what they said, when it is
    a body of that kind (its name ends in no other kind noun: 'the Tarrow Water Board' is no company)."""
    if noun_sort(_word(token)) != "org":
        return None
    name = speakers.speakers_body(token, known)
    entity = entities.get(name) if name else None
    if entity is None or any(noun_key(w) != key for w in _kind_words(entity, lookup)):
        return None
    if entity.name.lower() in token.doc[token.sent.start : token.i].text.lower():
        return None  # "Ilves, the chief executive of Corvane, said the company ...": the sentence says which
    return _name_of(entity)


SORT_LABELS = {"org": {"ORG"}, "place": {"GPE", "LOC"}, "thing": {"PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "FAC"}}


def _unlinked_rival(sentences, lookup, sentence, token, choice, candidates):
    """Another name of the noun's sort ('Aurora' for 'the company') that the phrase may mean: a subject or
    object (or agent) in its paragraph before it or in the sentence before, other than the names linked to
    the noun."""
    return bool(_actors(sentences, lookup, sentence, token, {n.lower() for n in candidates} | {choice.lower()}))


OTHER_KINDS = COMMON_KINDS | KIND_NOUNS | {"trust", "bureau", "administration", "police"}


def _kind_words(entity, lookup):
    """The kind nouns the entity's names end with ('authority' of 'the Riverton Transit Authority'; of 'the RTA'
    too, when the article spells the acronym out)."""
    forms = {entity.name, *entity.forms}
    short = entity.name[4:] if entity.name.lower().startswith("the ") else entity.name
    if short.isupper() and short.isalpha():
        forms |= {e.name for e in lookup.values()
                  if "".join(w[0] for w in e.name.split() if w[:1].isupper()) == short}
    return {form.split()[-1].lower() for form in forms if form.split() and form.split()[-1].lower() in OTHER_KINDS}


def _actors(sentences, lookup, sentence, token, known, subjects=False):
    """The names of the noun's sort, other than `known`, that act or are acted on in the phrase's paragraph
    before it or in the sentence before (a name the article gives another noun is of another sort)."""
    labels = SORT_LABELS.get(noun_sort(_word(token)) or "", set())
    known = {n.lower() for n in known}
    found = set()
    position = next(i for i, s in enumerate(sentences) if s is sentence)
    window = [s for s in sentences[:position] if s.span.doc is sentence.span.doc] + sentences[max(0, position - 1):position]
    for other in window + [sentence]:
        for ent in other.span.ents:
            entity = lookup.get((other.index, ent.start_char))
            if entity is None or (other is sentence and (subjects or ent.start >= token.i)):
                continue
            if subjects and ent.root.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if entity.label not in labels and not ("ORG" in labels and (ent[-1].lower_ in ORG_HEADS or entity.label == "OTHER"
                                                                      and _name_of(entity).split()[-1].isupper())):
                continue  # "Tessin Labs", whatever the model called it, is a company
            if ent.root.dep_ in ("compound", "amod", "nmod", "poss") or _name_of(entity).lower() in known:
                continue
            if any(set(_name_of(entity).lower().split()) - {"the"} <= set(k.split()) for k in known):
                continue  # "Northwind" of "Northwind Renewables"
            if any(noun_key(w) != noun_key(_word(token)) for w in _kind_words(entity, lookup)):
                continue  # "the Riverton Transit Authority (RTA)" is no union
            if ent.root.dep_ in ("nsubj", "nsubjpass", "dobj") or ent.root.dep_ == "pobj" and ent.root.head.lower_ == "by":
                found.add(_name_of(entity))  # one who acts or is acted on, not a place something happens in
    return found


LIFE_STAGES = {"adult", "male", "female", "juvenile", "larva", "larvae", "hatchling", "tadpole", "chick", "seedling"}


def _life_stages(sentences, linked):
    """'Adults measure 19 mm', in a story that names one species before it: 'Adults of Hylis rubra measure ...'."""
    written = set()
    for sentence in sentences:
        subject = subject_of(sentence.span)
        if subject is None or subject.tag_ != "NNS" or subject.lemma_.lower() not in LIFE_STAGES or any(
                True for _ in subject.children) or subject._.qtext is not None:
            continue
        names = {name for index, _, key, name, _ in linked if key == noun_key("species") and index < sentence.index}
        if len(names) == 1:
            text = f"{subject.text} of {next(iter(names))}"
            subject._.qtext = (text[:1].upper() + text[1:] if subject.i == subject.sent.start else text) + subject.whitespace_
            written.add(sentence.index)
    return written


def _names_itself(token, name):
    """The noun's own phrase holds the name ("the plan, called Care Now", "the act, the Clean Harbours Act")."""
    own = " ".join(t.lower_ for t in token.subtree if t.i > token.i)
    bare = name.lower().removeprefix("the ")
    return bool(own) and f" {bare} " in f" {own} "


def _name_of(entity):
    bare = entity.name[4:] if entity.name.lower().startswith("the ") else entity.name
    return ("the " + bare) if entity.takes_the else bare


def _in_quotes(token):
    before = token.doc[token.sent.start : token.i].text
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


INTRODUCING = {"publish", "carry", "conduct", "lead", "run", "base", "hold", "fund", "organise", "organize"}


def _introductions(sentences):
    """{noun: 'the team from the Orlen Museum'} for a noun introduced once ('a/an N', never again so), with
    a phrase right after it that names who or where ('from/at/by/of ...', 'published in ...', 'carried out
    at ...'): 'a study by researchers at the University of Eastmoor', 'The study, carried out at the X, ...'."""
    found = {}  # lemma -> [(sentence index, 'a' or 'the', text or None)]
    for sentence in sentences:
        for token in sentence.span:
            dets = {c.lower_ for c in token.children if c.dep_ == "det"}
            if token.pos_ != "NOUN" or not dets & {"a", "an", "the"}:
                continue
            text = _naming_tail(token)
            found.setdefault(_word(token), []).append((sentence.index, "a" if dets & {"a", "an"} else "the",
                                                       f"the {token.text} {text}" if text else None))
    return found


def _introduced(mentions, index):
    """The naming phrase of the one thing of the kind introduced before sentence `index` ('a larger study'
    later is another one, but does not count here), or None."""
    before = [m for m in mentions if m[0] < index]
    if sum(m[1] == "a" for m in before) > 1:
        return None
    return next((text for _, _, text in before if text), None)


def _naming_tail(token):
    """The words after `token` up to the end of the first name they give, when a 'from/at/by/of' phrase or an
    'X-ed ...' clause right after it names a body or place, in at most ten words; else None."""
    after = [t for t in token.doc[token.i + 1 : token.i + 3] if t.text != ","]
    child = next((c for c in token.children if c.i in {t.i for t in after} and (
        c.dep_ == "prep" and c.lower_ in FROM_PREPS | {"by"} or c.dep_ == "acl" and c.lemma_.lower() in INTRODUCING)), None)
    if child is None:
        return None
    tokens = sorted(child.subtree, key=lambda t: t.i)
    end = next((t.i for t in reversed(tokens) if t.ent_type_ in ("ORG", "GPE", "FAC", "LOC")), None)
    if end is None:
        return None
    tail = [t for t in tokens if t.i <= end]
    if len(tail) > 10 or any(t.pos_ == "PRON" or t.text in ",;()" for t in tail):
        return None
    while end + 1 < len(token.doc) and token.doc[end + 1].ent_type_ == token.doc[end].ent_type_ and token.doc[end + 1].ent_iob_ == "I":
        end += 1
        tail.append(token.doc[end])  # the name whole
    return "".join(t.text_with_ws for t in tail).strip()


def object_it(sentences, clear=frozenset()):
    """Write the previous sentence's one subject into an unanchored object 'it'; return the indices written."""
    written = set()
    for position, sentence in enumerate(sentences):
        for token in sentence.span:
            if not object_it_unanchored(token) or position == 0:
                continue
            previous = sentences[position - 1]
            if previous.index != sentence.index - 1 or previous.span.doc is not sentence.span.doc:
                break
            text = _antecedent_text(previous.span, False, clear)
            if text:
                token._.qtext = text + token.whitespace_
                written.add(sentence.index)
            break
    return written
