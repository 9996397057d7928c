"""Items from what the article says a person is: the office or organisation beside a name.

'"...," said Mayor Lena Farrow.' is someone's words, and who said them is trivia; but the
article also says who holds an office ('Who is the mayor?') and which body a person speaks
or works for ('Oskar Vint is the finance spokesman for _____.'). These facts stand outside
the quotation, so they are asked even when the sentence is dropped as quoted speech
(clauses.why_unusable 'quoted-speech'). Three shapes, all outside any quotation:
- a title before the name: 'Mayor Lena Farrow', 'TWU president Karl Benning';
- an apposition after it: 'Oskar Vint, the finance spokesman for the Green Reform Party',
  'Dr. Ana Lisk, a soil chemist at the Brenner Institute';
- the name in apposition to the office: 'Its chairwoman, Judge Mara Telk, said ...'.
'Who is ...?' asks only an office that one person holds in the article and that says whose
it is (a named body, a possessive the article names: 'the county's' -> 'Hollow County's'),
or one whose words the article uses for nobody else. 'a soil chemist at ...' is one of
several: only the body is asked.
"""
import re

from . import checker
from .name_items import OFFICES
from .parse import _quote_depth
from .references import rendered
from .textnorm import norm

OWNER_LABELS = ("ORG", "GPE", "NORP", "FAC", "LOC")
HONORIFICS = {"dr.", "dr", "mr.", "mr", "mrs.", "mrs", "ms.", "ms", "prof.", "professor", "captain", "judge", "sir",
              "dame", "rev.", "father", "sister", "lord", "lady", "sen.", "rep.", "gen.", "col.", "lt.", "sgt."}
FORMER = {"former", "late", "then", "acting", "interim", "outgoing", "incoming", "ex", "retired", "future", "one",
          "another", "other"}
ROLE_HEADS = {"president", "minister", "secretary", "governor", "administrator", "spokesperson", "spokesman",
              "spokeswoman", "director", "ceo", "chairman", "chairwoman", "chair", "mayor", "senator", "ambassador",
              "chief", "commissioner", "chancellor", "premier", "leader", "founder", "executive", "coach", "speaker",
              "attorney", "envoy", "sheriff", "head", "officer", "editor", "manager", "curator", "epidemiologist",
              "ecologist", "economist", "scientist", "researcher", "engineer", "analyst", "author", "co-author",
              "professor", "biologist", "chemist", "physicist", "historian", "lawyer", "adviser", "advisor",
              "superintendent", "principal", "treasurer", "inspector", "captain", "trustee", "owner", "partner",
              "astronomer", "geologist", "doctor", "surgeon", "architect", "designer", "planner", "organiser",
              "organizer", "coordinator", "representative", "deputy", "vice", "general", "judge", "prosecutor"}
MAX_OFFICE_WORDS = 12
ONE_HOLDER = {"mayor", "governor", "premier", "chancellor", "sheriff", "superintendent", "principal"}  # of the place


def office_items(b, sentence):
    """The items of every office or body the sentence gives a named person, outside quotations."""
    items = []
    span = sentence.span
    for ent in span.ents:
        entity = b.lookup.get((sentence.index, ent.start_char))
        if entity is None or entity.label != "PERSON" or not entity.human or _quoted(sentence, ent):
            continue
        for office in offices_of(ent):
            items += _items_for(b, sentence, ent, entity, office)
    return items


def _quoted(sentence, ent):
    """The name stands inside a quotation (a sentence that opens inside one counts from its closing mark)."""
    span = sentence.span
    before = span.doc[span.start : ent.start].text
    return _quote_depth(before, 1 if sentence.starts_in_quote else 0) > 0


class Office:
    """What the sentence says a person is: its tokens, 'the' or 'a', and where it stands."""

    def __init__(self, tokens, definite, place):
        self.tokens, self.definite, self.place = tokens, definite, place

    def owners(self):
        """The named bodies inside the office ('the Green Reform Party' in '... spokesman for ...')."""
        seen, found = set(), []
        for ent in self.tokens[0].doc.ents:
            if ent.label_ in OWNER_LABELS and ent.start >= self.tokens[0].i and ent.end <= self.tokens[-1].i + 1:
                if ent.root.dep_ in ("pobj", "compound", "poss") and ent.start not in seen:
                    seen.add(ent.start)
                    found.append(ent)
        return found


def offices_of(ent):
    """Every office the sentence gives the person of `ent`, before the name or in apposition."""
    found = []
    before = _office_before(ent)
    if before is not None:
        found.append(before)
    root = ent.root
    for appos in (c for c in root.children if c.dep_ == "appos" and c.i >= ent.end and c.pos_ == "NOUN"):
        for head in [appos] + [c for c in appos.children if c.dep_ == "conj" and c.pos_ == "NOUN"]:
            office = _office_phrase(head, ent.end)
            if office is not None:
                found.append(office)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < ent.start:
        office = _office_phrase(root.head, root.head.left_edge.i, stop=ent.start)
        if office is not None:
            office.place = "title"
            found.append(office)
    return found


def _office_before(ent):
    """'Mayor Lena Farrow', 'TWU president Karl Benning', 'chief executive Ana Moss': the words before the
    name that make one noun phrase with it, without the honorific ('Dr.', 'Captain')."""
    doc, i = ent.doc, ent.start - 1
    tokens = []
    while i >= ent.sent.start and doc[i].head.i in set(range(ent.start, ent.end)) | {t.i for t in tokens} and doc[i].dep_ in (
            "compound", "amod", "nmod") and doc[i].ent_type_ != "PERSON":
        tokens.insert(0, doc[i])
        i -= 1
    while tokens and tokens[-1].lower_ in HONORIFICS:
        tokens.pop()
    if not tokens or tokens[-1].lower_ not in OFFICES | ONE_HOLDER or any(t.lower_ in FORMER for t in tokens):
        return None  # "NASA scientist Glyn Collinson", "the American physicist Robert Keane": one of many
    if i >= ent.sent.start and doc[i].lower_ in FORMER:
        return None  # "former Mayor Ana Moss"
    if any(t.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL") or t.is_punct for t in tokens):
        return None
    return Office(tokens, True, "before")


def _office_phrase(head, start, stop=None):
    """The apposition headed by `head`, from `start`, cut at the first comma, clause or parenthesis."""
    if head.lemma_.lower() not in ROLE_HEADS:
        return None
    tokens = [t for t in head.subtree if t.i >= start and (stop is None or t.i < stop)]
    if head.dep_ == "appos" or stop is None:
        tokens = [t for t in tokens if not any(c.i == t.i for c in head.children if c.dep_ in ("conj", "cc"))
                  and not any(a.dep_ == "conj" and a.head.i == head.i for a in t.ancestors)]
    cut = min((t.left_edge.i if t.dep_ != "punct" else t.i for t in tokens if t.i > head.i and (
        t.is_punct or t.dep_ in ("relcl", "acl") or t.dep_ in ("cc", "conj") and t.head.i == head.i)), default=None)
    # "minister for water and environment" stays whole; "a co-author ... and a behavioural ecologist" is two
    if cut is not None:
        tokens = [t for t in tokens if t.i < cut]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    if not tokens or len(tokens) > MAX_OFFICE_WORDS or any(t.is_punct and t.text not in ("'s", "\u2019s")
                                                           for t in tokens):
        return None
    if any(t.lower_ in FORMER or t.ent_type_ in ("DATE", "TIME", "PERSON") for t in tokens):
        return None
    first = tokens[0].lower_
    if first in ("a", "an"):
        return Office(tokens, False, "after")
    if first == "the" or any(t.dep_ == "poss" for t in tokens):
        return Office(tokens, True, "after")
    return None


def _owner_text(b, office):
    """The office as a prompt writes it, its possessive named: 'the county's health officer' ->
    "Hollow County's health officer", 'Its chairwoman' -> "the Lindell Electoral Board's chairwoman".
    None when a possessive says whose only as 'the county' and the article has no one county."""
    parts = []
    tokens = office.tokens
    dropped = {c.i for t in tokens if t.dep_ == "poss" and t.pos_ == "NOUN" for c in t.children if c.dep_ == "det"}
    for t in tokens:
        if t.i in dropped and not (t._.qtext or "").strip():
            continue  # kept when kind_names.py wrote the owner's name into it ("Hollow County's")
        if t.dep_ == "poss" and t.pos_ == "NOUN" and t._.qtext is None and not t.ent_type_:
            name = _the_one_named(b, t.lemma_.lower())
            if name is None:
                return None
            parts.append((None, name + t.whitespace_))
            continue
        if office.place == "before" and len(tokens) == 1 and t.lower_ in ROLE_HEADS and not t.ent_type_:
            parts.append((None, t.lower_ + t.whitespace_))  # "Mayor Lena Farrow": "the mayor"
            continue
        if t.dep_ == "poss" and t.pos_ == "PRON" and t._.qtext is None:
            return None  # "her spokesman": whose?
        parts.append((t, None))
    return "".join(rendered(t) if t is not None else s for t, s in parts).strip()


def _the_one_named(b, noun):
    """The one name the article gives a body of this kind ('Hollow County' for 'the county'), or None."""
    names = {e.name for e in b.entities if e.label in OWNER_LABELS and e.name.split()[-1].lower() == noun}
    return next(iter(names)) if len(names) == 1 else None


def _held_by_one(b, office, text, entity):
    """'Who is the mayor?' has one answer: the article gives these words, as an office, to this person
    only, and (a bare title such as 'Mayor' or 'the state epidemiologist') uses them nowhere else."""
    holders = b.office_holders().get(norm(text), set())
    if holders != {entity.name}:
        return False
    head = office.tokens[-1] if office.place == "before" else next(
        (t for t in office.tokens if t.head.i not in {u.i for u in office.tokens} or t.head.i == t.i), office.tokens[-1])
    if head.lower_ not in OFFICES | ONE_HOLDER and not (
            any(t.dep_ == "poss" for t in office.tokens) or any(o.label_ in ("ORG", "FAC") for o in office.owners())):
        return False  # "the Belgian art historian Marguerite Aerts": a description, not an office of a body
    if office.owners() or any(t.dep_ == "poss" for t in office.tokens) or any(
            t.text.isupper() and t.is_alpha and len(t) >= 2 for t in office.tokens):
        return True  # whose office it is: "the Green Reform Party's", "Hollow County's", "TWU president"
    content = [t for t in office.tokens if t.lower_ not in ("the", "a", "an")]
    if len(content) == 1 and content[0].lower_ not in ONE_HOLDER:
        return False  # "the general", "Minister Jan Valcik": of what?
    if office.place == "before" and len(content) > 1 and (content[-1].lower_ not in OFFICES or not all(
            t.text[:1].isupper() for t in content)):
        return False  # "the American physicist Robert Keane", "longtime leader Howard Kessler": a description
    head = norm(" ".join(t.text for t in content))
    return b.article_norm.count(head) == b.office_mentions().get(norm(text), 0)


def _items_for(b, sentence, ent, entity, office):
    items = []
    text = _owner_text(b, office)
    if text is None:
        return items
    common = {"source_sentence": sentence.text, "source": b.source}
    base = b.score(sentence, entity, ent)
    name = entity.name
    if office.definite and _held_by_one(b, office, text, entity):
        title = text if re.match(r"^(?:the |(?:[A-Z][^ ]* )*[A-Z][^ ]*['\u2019]s )", text) else "the " + text
        title = "the " + title[4:] if title.startswith("The ") and not title[4:5].islower() else title  # mid-question
        question = f"Who is {title}, according to the article?"
        accepted = sorted({name.split()[-1], ent.text} - {name})
        person = dict(common, answer_type="PERSON", fact=name, features=b.features(sentence, "PERSON", "title", ent, ent))
        items.append(dict(kind="short_answer", prompt=question, answer=name, choices=[], accepted=accepted,
                          score=base + 0.02, **person))
    if office.place == "before":
        return items  # "TWU president Karl Benning": the body is asked with the office, not alone
    for owner in office.owners():
        owner_entity = b.lookup.get((sentence.index, owner.start_char))
        if owner_entity is None or owner_entity.label not in ("ORG", "FAC") or owner.root.dep_ == "poss":
            continue  # "_____'s general manager": the who-item asks this office
        works_at = owner.root.dep_ == "pobj" and owner.root.head.lower_ == "at"  # not "spokesman for" a party
        if works_at and b.times_named(sentence, ent.root) <= 1 and b.times_named(sentence, owner.root) <= 1:
            if b.trace is not None:
                b.trace.drop(sentence.index, "passer-by-detail", owner.text)
            continue  # "Tom Ash, an analyst at Kerrow Capital, said ...": where a passing source works is trivia
        answer = owner.text[4:] if owner.text.lower().startswith("the ") else owner.text
        stem = "".join(checker.BLANK + t.whitespace_ if t.i == owner.end - 1 else ("" if owner.start <= t.i < owner.end
                       else rendered(t)) for t in office.tokens).strip()
        stem = re.sub(r"\bthe " + re.escape(checker.BLANK), "the " + checker.BLANK, stem)
        if stem.startswith("the ") or stem.startswith("The "):
            stem = "the " + stem[4:]
        prompt = f"According to the article, {name} is {stem}."
        accepted = sorted({f for f in owner_entity.forms} | {"the " + answer} - {answer})
        org = dict(common, answer_type=owner_entity.label, fact=answer,
                   features=b.features(sentence, owner_entity.label, "object", owner, owner))
        score = b.score(sentence, owner_entity, owner)
        items.append(dict(kind="fill_blank", prompt=prompt, answer=answer, choices=[], accepted=accepted,
                          score=score, **org))  # typed: a party among firms and ministries would give it away
    return items


def office_index(b):
    """(holders, mentions): who holds each office as written, and how often each is written as an office."""
    holders, mentions = {}, {}
    for sentence in b.sentences:
        for ent in sentence.span.ents:
            entity = b.lookup.get((sentence.index, ent.start_char))
            if entity is None or entity.label != "PERSON" or _quoted(sentence, ent):
                continue
            for office in offices_of(ent):
                text = _owner_text(b, office)
                if text is None:
                    continue
                holders.setdefault(norm(text), set()).add(entity.name)
                mentions[norm(text)] = mentions.get(norm(text), 0) + 1
    return holders, mentions
