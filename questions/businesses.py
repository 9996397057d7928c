"""'The company' in a story that names one business by a business word: 'Dunmere Properties', 'Vell Holdings'.

A story may never call its business 'a company' ("Dunmere Properties, which owns about 700 homes, said ...")
and still say 'the company' later ("The company must pay the money within 28 days"). When the article names
exactly one body whose name ends in a word only a business is named with (`BUSINESS_WORDS`: Properties,
Holdings, Group, Ltd, Inc, plc, Partners, Industries ...) and no other body that could be a company, that name
is what 'the company' means (kind_names.py writes it in). Rivals keep the sentence dropped ('unnamed-kind'):
two such names ("Vell Holdings" and "Orrin Group"), a name the article calls a company or firm ("the research
firm Delcor"), a name with no kind word that acts as a subject ("Tessin said ..."), or an unnamed
'a firm'/'a company' in the phrase's paragraph or the sentence before it ("who runs a small firm").
"""
import re

from .lexicon import BUSINESS_WORDS
from .references import noun_key, rendered

COMPANY = noun_key("company")
TRADES = {"company", "firm", "business", "corporation", "maker", "manufacturer", "retailer", "operator", "developer",
          "supplier", "startup", "chain", "brand", "producer", "lender", "insurer", "contractor"}
SPOKEN_LABELS = {"ORG", "OTHER", "PERSON"}  # what the small model calls a business ("Dunmere Properties" a PERSON)


def _bare(name):
    return name[4:] if name.lower().startswith("the ") else name


def _last_word(name):
    words = _bare(name).replace(".", "").split()
    return words[-1].lower() if words else ""


def is_business_name(name):
    """'Dunmere Properties', 'Vell Holdings Ltd', 'Brell Coachworks' (not 'Dunmere', not 'Dunmere Court')."""
    last = _last_word(name)
    return len(_bare(name).split()) >= 2 and (last in BUSINESS_WORDS or len(last) > 5 and last.endswith("works"))


def one_business(sentences, lookup, linked, kind_words):
    """The article's one business name as a prompt writes it ('Dunmere Properties'), or None when it names none,
    two, or another body that could be a company. `linked` is kind_names.links; `kind_words(entity)` the kind
    nouns an entity's names end with."""
    entities = {e.name: e for e in lookup.values() if e.label in SPOKEN_LABELS}
    found = {name for name in entities if is_business_name(name)}
    found |= {run for run in _untagged_runs(sentences) if not any(run.lower() in n.lower() for n in found)}
    if len(found) != 1:
        return None
    name = next(iter(found))
    written = ("the " if name in entities and entities[name].takes_the else "") + _bare(name)
    if any((k == COMPANY or k in TRADES) and n.lower() != written.lower() for _, _, k, n, _ in linked):
        return None  # "the research firm Delcor": another one the article calls a company
    elsewhere = {n.lower() for _, _, k, n, _ in linked if k != COMPANY and k not in TRADES}
    for other in entities.values():
        if other.name == name or other.label != "ORG" or kind_words(other):
            continue  # a person, a product; "the Bramwick Law Centre", "Marlow Court": another sort of body
        if _bare(other.name).lower() in _bare(name).lower() or other.name.lower() in elsewhere or \
                ("the " + _bare(other.name)).lower() in elsewhere:
            continue  # "Dunmere" of "Dunmere Properties"; "housing charity Shelterline" is no company
        if _acts(other, sentences, lookup):
            return None  # "Tessin said it would ...": a body of no stated kind, which may be a company
    return written


def _untagged_runs(sentences):
    """Names the model left untagged that end in a business word: 'Dunmere Properties' as two PROPN words."""
    runs = set()
    for sentence in sentences:
        run = []
        for t in [*sentence.span, None]:
            if t is not None and t.pos_ == "PROPN" and t.is_title and not t.ent_type_:
                run.append(t.text)
                continue
            if len(run) >= 2 and is_business_name(" ".join(run)):
                runs.add(" ".join(run))
            run = []
    return runs


def _acts(entity, sentences, lookup):
    """The entity is the subject of a clause somewhere in the article ("Tessin said ...")."""
    for sentence in sentences:
        for ent in sentence.span.ents:
            if lookup.get((sentence.index, ent.start_char)) is entity and ent.root.dep_ in ("nsubj", "nsubjpass"):
                return True
    return False


def named_before(token, name):
    """The sentence names the business before 'the company' ("Vell's chief executive said the company had ..."): the
    phrase already reads as that one, and the name written in would only say it twice."""
    first = re.escape(_bare(name).split()[0].lower())
    before = "".join(rendered(t) for t in token.doc[token.sent.start : token.i]).lower()  # as the prompt writes it
    return re.search(rf"\b{first}\b", before) is not None


def unnamed_trade_near(sentences, sentence, token):
    """An unnamed 'a firm', 'a company' in the phrase's paragraph before it or in the sentence before ('Ana Vell,
    who runs a small firm, said ...'): 'the company' may be that one."""
    position = next(i for i, s in enumerate(sentences) if s is sentence)
    window = [s for s in sentences[:position] if s.span.doc is sentence.span.doc] + sentences[max(0, position - 1):position]
    for other in window + [sentence]:
        for t in other.span:
            if other is sentence and t.i >= token.i:
                break
            if t.pos_ == "NOUN" and t.lemma_.lower() in TRADES and not t.ent_type_ and any(
                    c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in t.children):
                return True
    return False
