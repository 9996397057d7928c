"""Resolving references so a sentence can stand on its own.

"She was born in Iran" means nothing in a quiz; "Grammy was born in Iran" does. For
the subject of a sentence this module finds what a pronoun ("he", "she", "it") or a
vague definite phrase ("the company", "the aircraft") refers to, when that is clear,
and records the replacement on the tokens (`token._.qtext`) so prompts can be written
with it; the source sentence itself stays verbatim. When the referent is not clear,
nothing is recorded and the sentence is not used for a stand-alone question.
"""
import re

from spacy.tokens import Token

from .parse import speech_inside
from .lexicon import FIRST_KIND_NOUNS, HUMAN_NOUNS, KIND_NOUNS, NAME_NOUN_LABELS, SYNONYMS
from .vague import DEMONSTRATIVES, is_vague_phrase
from .nominal import lede_plan, name_act, told_acts

if not Token.has_extension("qtext"):
    Token.set_extension("qtext", default=None)
if not Token.has_extension("plain"):
    Token.set_extension("plain", default=False)  # capitalised only because it opens the sentence ("Railway workers")

PERSON_PRONOUNS = {"he", "she"}
THING_PRONOUNS = {"it"}


def noun_key(lemma):
    """One key for a noun and its near-synonyms."""
    lemma = lemma.lower()
    for group in SYNONYMS:
        if lemma in group:
            return min(group)
    return lemma


def rendered(token):
    """The token as a prompt writes it: its replacement if any, with whitespace."""
    return token.text_with_ws if token._.qtext is None else token._.qtext


def lead_in(token):
    """The words a prompt writes before the token when that is all its replacement does ('According to the
    article, ' before '240' in '240 millimetres of rain had fallen'), else None."""
    written = token._.qtext
    if not written or not written.lower().endswith(token.text_with_ws.lower()) or len(written) == len(token.text_with_ws):
        return None
    lead = written[: len(written) - len(token.text_with_ws)]
    return lead if lead.endswith(", ") else None  # not "Ormsby College's 12 million pound " of a rewritten "grant"


def render(tokens, *, cut=None, insert=""):
    """Text of `tokens` with replacements applied, and the token range `cut` replaced by `insert`.

    A sentence opening on "This year," or "That day," would read as a dangling
    reference out of context, so it is introduced with "According to the article,"."""
    out = []
    for token in tokens:
        if cut and cut[0] <= token.i < cut[1]:
            if token.i == cut[0] and lead_in(token):
                out.append(lead_in(token))  # "According to the article, _____ of rain had fallen ..."
            if token.i == cut[1] - 1:
                out.append(insert + token.whitespace_)
            continue
        out.append(rendered(token))
    text = "".join(out).strip()
    if text.split(" ", 1)[0].lower() in DEMONSTRATIVES - {"the"}:
        return "According to the article, " + text[:1].lower() + text[1:]
    return text[:1].upper() + text[1:] if text else text


def subject_of(span):
    root = span.root
    return next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)


def _replace(token, text):
    """Record that the phrase headed by `token` reads as `text` in prompts."""
    phrase = list(token.subtree)
    for t in phrase:
        t._.qtext = ""
    if phrase[0].i != phrase[0].sent.start and text.startswith("The "):
        text = "the " + text[4:]
    phrase[0]._.qtext = text + phrase[-1].whitespace_


def _is_extraposed(subject):
    """'It is unclear why ...', 'It's not clear what ...': an 'it' that stands for nothing."""
    root = subject.head
    is_be = root.lemma_ == "be" or root.lower_ in ("'s", "\u2019s")  # the model leaves a curly 's unlemmatised
    return is_be and any(t.dep_ in ("ccomp", "xcomp", "advcl", "acomp", "csubj") for t in root.children)


def resolve(sentences, lookup, descriptors=None):
    """Fill in replacements for subjects that refer back; return the indices resolved.

    `descriptors`, when given, collects the common noun each name is introduced with
    ({"Microsoft": "company"}), which makes better wh-words ("Which company ...?")."""
    resolved = set()
    last_person = None  # (sentence index, form, name, gender) of the latest person who was a subject
    previous_thing = None  # (sentence index, phrase) of the latest specific non-person subject
    owner_thing = None  # the same, when no other named body of its sentence could own an "its"
    nouns = {}  # head noun lemma -> (sentence index, the name last given to it)
    linked = {}  # head noun lemma -> every name the article gave it so far
    people = []  # the person names each sentence mentions, by index
    quoted = []  # whether each sentence holds a quotation, by index
    topic = _lede_topic(sentences)  # ("earthquake", "the earthquake that struck eastern Taiwan on Wednesday", index)
    group = None  # (sentence index, phrase) of the people last named together as a subject
    event = _lede_event(sentences)  # "Sunday's parliamentary election": what a later "the result" is of
    called = []  # (sentences told so far, name) of the things the article says are called something
    acts = []  # (sentence index, 'ruling', 'a federal judge') of the acts told by a verb ('ruled')
    plan = lede_plan(sentences)  # (index, 'Vexa Coaches') when the lede says what a named body will do
    told = 0
    for sentence in sentences:
        span, index = sentence.span, sentence.index
        subject = subject_of(span)
        told += not speech_inside(sentence)  # quotations between do not move the story on
        if subject is not None and _umbrella(subject, told, event, called):
            resolved.add(index)
        called += [(told, name) for name in _called_names(span)]
        if subject is not None and name_act(subject, index, acts, plan):
            resolved.add(index)  # "A judge ruled ... The ruling accused ..." -> "The ruling by a judge accused ..."
        acts += [(index, noun, doer) for noun, doer in told_acts(sentence)]
        if (subject is not None and subject.lower_ == "they" and subject._.qtext is None and group
                and index - group[0] == 1 and not _is_extraposed(subject)):
            _replace(subject, group[1])  # "Solberg and her team noticed ... They collected 146 ..."
            resolved.add(index)
        group = _people_together(span, subject, lookup, index)
        if topic and index > topic[2] and any(noun_key(t.lemma_) == noun_key(topic[0]) and _indefinite(t) for t in span):
            topic = None  # "a magnitude 7.6 earthquake" in 1999: "the earthquake" may now be either
        if topic and index > topic[2] and subject is not None and _plain_mention(subject, topic[0]):
            _replace(subject, topic[1])
            resolved.add(index)
        named = {lookup[(index, e.start_char)].name for e in span.ents
                 if (index, e.start_char) in lookup and lookup[(index, e.start_char)].label == "PERSON"
                 and not _business_words(lookup[(index, e.start_char)].name)}  # "Dunmere Properties" is no person
        people.append(named)
        quoted.append(bool(speech_inside(sentence)))
        if last_person and subject is not None and subject.lower_ in PERSON_PRONOUNS:
            others = set().union(*people[last_person[0] + 1 : index]) - {last_person[2]}
            if others:
                last_person = None  # another person came up since: "he" is not clear
        if last_person and subject is not None and subject.lower_ in PERSON_PRONOUNS and _said_so(
                sentences, last_person, index, subject.lower_):  # "In her ruling, Judge Kell agreed ... '...,' she
            last_person = (index - _told_between(quoted, last_person[0], index), *last_person[1:])  # said. She also"
        if subject is not None and _resolve_subject(subject, index, last_person, previous_thing, nouns, linked):
            resolved.add(index)
        if subject is not None and _resolve_owner(subject, index, last_person, owner_thing, people):
            resolved.add(index)
        if not named and subject is not None and subject.pos_ != "PROPN" and subject.lower_ not in PERSON_PRONOUNS and not (
                subject.pos_ == "NOUN" and subject.lemma_.lower() in HUMAN_NOUNS) and _clear_person(
                last_person, people, index):  # "a boy ... with his grandmother": his own, not the last person's
            _resolve_objects(span, last_person[1], last_person[3])
        meant = meaning_clause(span)
        if meant is not None and _resolve_subject(subject_of_clause(meant), index, None, previous_thing, nouns, linked):
            resolved.add(index)  # "This meant it could travel ...": "it" is what the last sentence was about
        _learn_names(span, nouns, lookup, index, descriptors)
        for key, (found_at, name, _) in nouns.items():
            if found_at == index:
                linked.setdefault(key, set()).add(name)
        last_person, previous_thing = _carry(subject, index, lookup, last_person)
        if _quotes_about_a_person(span):
            last_person = None  # '"She never gave up," said Ama Boateng.': two people a later "she" may be
        reported = _reported_subject(span)
        if reported is not None:
            thing = _carry(reported, index, lookup, None)[1]
            previous_thing = thing or previous_thing
        owner_thing = None if previous_thing and subject is not None and _rival_names(span, subject) else previous_thing
        owner_thing = _possessor(subject, index, lookup) or owner_thing  # "X's revenue fell ... Its profit": X's
        # "Turnout was 71.3 percent, according to the CEC. Its chairwoman ...": the CEC's, not turnout's
    return resolved


def _told_between(quoted, start, index):
    """How many sentences between `start` and `index` tell the story: quotations between do not count."""
    return sum(not q for q in quoted[start + 1 : index]) + 1


GENDERED = {"she": {"she", "her", "hers", "herself"}, "he": {"he", "him", "his", "himself"}}


def _said_so(sentences, last_person, index, pronoun):
    """The person's gender is the pronoun's: the article's word for them, or else only that pronoun's forms
    ('her', 'she') outside quotations from where they were last the subject up to `index`, at least once."""
    if last_person[3] is not None:
        return last_person[3] == {"she": "f", "he": "m"}[pronoun]
    other = GENDERED["he" if pronoun == "she" else "she"]
    words = [t.lower_ for s in sentences if last_person[0] <= s.index < index for t in s.span
             if t.pos_ == "PRON" and not in_quotes(t)]
    return any(w in GENDERED[pronoun] for w in words) and not any(w in other for w in words)


def _business_words(name):
    from .businesses import is_business_name  # businesses.py imports this module
    return is_business_name(name)


def _possessor(subject, index, lookup):
    """(index, 'Norvale') when the subject is a named owner's thing ("Norvale's revenue"): what a next 'its' means."""
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None) if subject is not None else None
    entity = _entity_of(owner, lookup, index) if owner is not None else None
    if entity is None or entity.label == "PERSON":
        return None
    return index, ("the " if entity.takes_the else "") + entity.name


def _rival_names(span, subject):
    """Another named body or thing in the sentence, outside its subject, that a later "its" may mean."""
    inside = {t.i for t in subject.subtree}
    return any(e.label_ in ("ORG", "PRODUCT", "FAC", "NORP", "WORK_OF_ART", "LAW", "EVENT") and e.root.i not in inside
               and e.root.dep_ not in ("compound", "amod", "nmod", "poss") for e in span.ents)  # not "Stanford engineers"


def _lede_topic(sentences):
    """What the story opens on, described by what it did: 'A powerful earthquake struck eastern Taiwan
    on Wednesday morning, killing ...' -> 'the earthquake that struck eastern Taiwan on Wednesday morning',
    for later sentences that call it just 'the earthquake'."""
    for sentence in sentences[:2]:
        span = sentence.span
        subject, root = subject_of(span), span.root
        reported = _reported_subject(span)  # "A powerful earthquake struck ..., officials said."
        if reported is not None:
            subject, root = reported, reported.head
        subject, lead = _next_to_verb(subject)
        event = None if subject is not None and _indefinite(lead) else _opening_event(span)
        if event is not None:  # "Rescuers dug ... after a powerful earthquake struck ..."
            subject, root = event
        elif subject is None or subject.tag_ != "NN" or not _indefinite(lead) or root.pos_ != "VERB":
            continue
        elif any(c.dep_ == "ccomp" and c.i < root.i for c in root.children):
            continue  # "A landlord ... must repay 312,000 pounds, a judge ruled on Monday": the judge only reports
        phrase = []
        for token in span.doc[root.i : span.end]:
            if token.is_punct or (token.i != root.i and token.dep_ in ("cc", "conj", "advcl", "mark", "relcl", "ccomp",
                                                                        "xcomp")):
                break
            if token.i != root.i and not any(a.i == root.i for a in token.ancestors):
                break
            phrase.append(token)
        if len(phrase) < 2 or len(phrase) > 10 or any(t.pos_ == "PRON" for t in phrase):
            continue
        return subject.lemma_, f"the {subject.lower_} that {''.join(t.text_with_ws for t in phrase).strip()}", sentence.index
    return None


def _next_to_verb(subject):
    """(head noun, the noun holding the phrase's determiner): 'A magnitude 6.4 earthquake struck ...', which the
    small model parses as two subjects, 'magnitude' and 'earthquake', is about the earthquake, and its 'A' is
    on 'magnitude'. A subject alone is both."""
    if subject is None:
        return None, None
    later = [c for c in subject.head.children if c.dep_ == subject.dep_ and subject.i < c.i < subject.head.i]
    if len(later) != 1 or later[0].pos_ != "NOUN" or any(
            t.pos_ not in ("NUM", "NOUN", "PROPN", "ADJ") for t in subject.doc[subject.i + 1 : later[0].i]):
        return subject, subject
    return later[0], subject


TIME_CLAUSE_MARKS = {"after", "when", "as", "since", "before"}


def _opening_event(span):
    """(subject, verb) of the one 'after/when ...' clause of the sentence, when its subject is 'a/an N' (what
    happened, told in the lede around what followed it: 'Rescuers dug ... after a powerful earthquake struck
    ...'), or None. A clause the parser took for 'after' + a noun and its participle counts when that verb has
    an object ('after a storm destroyed 40 homes'; not 'after a man wounded in ...')."""
    found = []
    for verb in span:
        if verb.dep_ == "advcl" and verb.pos_ == "VERB" and any(
                m.dep_ in ("mark", "advmod") and m.lower_ in TIME_CLAUSE_MARKS for m in verb.children):
            subject = subject_of_clause(verb)
            if subject is not None:
                found.append((subject, verb))
        elif (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and verb.head.dep_ == "pobj"
              and verb.head.head.lower_ in TIME_CLAUSE_MARKS and any(c.dep_ == "dobj" for c in verb.children)):
            noun = subject_of_clause(verb) or verb.head  # "after a magnitude 6.4 earthquake killed ...", however parsed
            if noun.i == verb.i - 1 and noun.pos_ == "NOUN" and verb.head.left_edge.lower_ in ("a", "an"):
                found.append((noun, verb))
            else:
                return None
    if len(found) != 1 or found[0][0].tag_ != "NN" or not (
            _indefinite(found[0][0]) or found[0][1].dep_ == "acl"):
        return None
    return found[0]


def _indefinite(noun):
    return noun.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)


def _plain_mention(subject, lemma):
    """'The earthquake' alone (no words that could make it another one)."""
    phrase = [t for t in subject.subtree]
    return (noun_key(subject.lemma_) == noun_key(lemma) and subject.pos_ == "NOUN" and len(phrase) == 2 and phrase[0].lower_ == "the"
            and subject._.qtext is None)


OBJECT_PRONOUNS = {"him", "her", "his"}
THIRD_PERSON = PERSON_PRONOUNS | OBJECT_PRONOUNS | {"himself", "herself"}


def _resolve_owner(subject, index, last_person, previous_thing, people):
    """'Her son, Kwame Osei, said ...' -> 'Margaret Osei's son, ...'; 'Its chief executive ...' -> 'Nvidia's ...'."""
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ == "PRON" and c._.qtext is None), None)
    if owner is None:
        return False
    if owner.lower_ in ("his", "her") and _clear_person(last_person, people, index) and \
            last_person[3] != {"her": "m", "his": "f"}[owner.lower_]:
        name = last_person[1]
    elif owner.lower_ == "its" and previous_thing and index - previous_thing[0] == 1:
        name = re.sub(r"\s*\([^()]*\)$", "", previous_thing[1])  # not "The Relief Agency (NERA)'s director"
    else:
        return False
    mark = "\u2019s" if "\u2019" in owner.sent.text else "'s"
    owner._.qtext = f"{name}{mark}{owner.whitespace_}"
    return True


def _clear_person(last_person, people, index):
    """The latest person is still the one a pronoun means: near, and nobody else named since."""
    if not last_person or index - last_person[0] > 2:
        return False
    return not set().union(*people[last_person[0] + 1 : index]) - {last_person[2]}


def _resolve_objects(span, name, gender=None):
    """'The university named a laboratory after her', in a sentence about no one else: 'after Osei'
    (never 'her' for a man the article calls 'he', nor 'him' for a woman)."""
    for token in span:
        if token.lower_ not in OBJECT_PRONOUNS or token.pos_ != "PRON" or token._.qtext is not None:
            continue
        if gender == ("m" if token.lower_ == "her" else "f"):
            return
        if in_quotes(token):
            continue
        if token.dep_ == "poss":
            token._.qtext = f"{name}\u2019s{token.whitespace_}" if "\u2019" in span.text else f"{name}'s{token.whitespace_}"
        elif token.dep_ in ("dobj", "pobj", "dative", "iobj") and token.lower_ != "his":
            token._.qtext = name + token.whitespace_
        else:
            continue
        return  # the name once; a later "him" reads back to it ("sentenced Panahi ... and banned him")


def in_quotes(token):
    """The token stands inside a quotation of its sentence."""
    before = token.doc[token.sent.start : token.i].text  # a slice, not the whole doc's text
    return (before.count('"') % 2 == 1) or before.count("“") > before.count("”")


def _quotes_about_a_person(span):
    """A quotation in the sentence speaks of a third person ("she", "him")."""
    return any(t.lower_ in THIRD_PERSON and in_quotes(t) for t in span)


REPORTING = {"say", "explain", "tell", "add", "note", "report", "announce", "write", "state"}


def _reported_subject(span):
    """'The Concorde flew ..., British Airways explained.': what the sentence is about is the
    subject of the reported clause, not the one who reports it."""
    root = span.root
    if root.lemma_ not in REPORTING:
        return None
    clause = next((t for t in root.children if t.dep_ == "ccomp" and t.i < root.i), None)
    return subject_of_clause(clause) if clause is not None else None


def meaning_clause(span):
    """The clause after 'This meant (that)' / 'That means', or None."""
    root, subject = span.root, subject_of(span)
    if root.lemma_ != "mean" or subject is None or subject.lower_ not in ("this", "that"):
        return None
    return next((t for t in root.children if t.dep_ == "ccomp" and t.i > root.i), None)


def subject_of_clause(verb):
    return next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None


def _resolve_subject(subject, index, last_person, previous_thing, nouns, linked):
    if subject is None:
        return False
    word = subject.lower_
    if word in PERSON_PRONOUNS and last_person and index - last_person[0] <= 2:
        if last_person[3] == {"she": "m", "he": "f"}[word]:
            return False  # "Her son, Peter Lind, said ... She studied ...": not "Peter Lind studied"
        _replace(subject, last_person[1])
        return True
    if word in THING_PRONOUNS and previous_thing and index - previous_thing[0] == 1 and not _is_extraposed(subject):
        _replace(subject, previous_thing[1])
        return True
    counted = subject.tag_ == "NNS" or any(t.like_num for t in subject.subtree)  # "the three companies": not one name
    if subject.pos_ == "NOUN" and not counted and is_vague_phrase(subject) and noun_key(subject.lemma_) in nouns:
        found_at, name, described = nouns[noun_key(subject.lemma_)]
        if not _modifiers(subject) <= described:
            return False  # "the fire service" is not "the national weather service AEMET"
        if index - found_at <= (3 if len(linked.get(noun_key(subject.lemma_), ())) > 1 else 12):  # one name for it: stays clear
            _replace(subject, name)
            return True
    return False


def _carry(subject, index, lookup, last_person):
    """What later sentences may refer back to after this one."""
    if subject is None:
        return last_person, None
    entity = _entity_of(subject, lookup, index)
    if entity is None:  # "Its president, Dorval Carter, ...": the person is in an apposition
        named = next((t for t in subject.children if t.dep_ == "appos" and t.ent_type_ == "PERSON"), None)
        if named is not None:
            entity = _entity_of(named, lookup, index)
            subject = named
    if entity is not None and entity.label == "PERSON":
        return (index, _person_form(subject, entity), entity.name, entity.gender), None
    if subject.lower_ in PERSON_PRONOUNS:
        return ((index, *last_person[1:]) if subject._.qtext and last_person else last_person), None
    phrase = list(subject.subtree)
    if subject.tag_ in ("NNS", "NNPS") or any(t.dep_ == "conj" for t in subject.children):
        return last_person, None
    if entity is not None and subject.pos_ == "PROPN" and len(phrase) > 8:  # "Founded in 1994 by ..., Corvane grew"
        return last_person, (index, ("the " if entity.takes_the else "") + entity.name)
    if len(phrase) > 8:
        return last_person, None
    if subject.lower_ in THING_PRONOUNS:
        return last_person, ((index, subject._.qtext.strip()) if subject._.qtext else None)
    if _second_clause_subject(subject):
        return last_person, None  # "Music is at its heart, and the third room is devoted to it. It ...": which?
    if entity is None and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children):
        return last_person, None  # "A fire in 1962 gutted it. It was converted ...": the fire was not converted
    if entity is None and subject.pos_ == "PROPN":
        return last_person, None  # "Olsen shot the film. It won ...": a name the model left untagged may be a person's
    if (entity is not None) or (subject.pos_ == "NOUN" and not is_vague_phrase(subject)):
        return last_person, (index, phrase_text(phrase))
    return last_person, None


def _second_clause_subject(subject):
    """A thing other than `subject` that a later clause of its sentence is about: 'X ..., and the room
    is devoted to it' (a later 'It' may mean either)."""
    verb = subject.head
    for clause in (t for t in verb.children if t.dep_ == "conj"):
        other = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if other is not None and other.pos_ in ("NOUN", "PROPN") and other.lower_ != subject.lower_:
            return True
    return False


def phrase_text(phrase):
    """The phrase as written, with its quotation marks kept whole: '“English”', not 'English”'."""
    text = render(phrase)
    if text.count("\u201c") == text.count("\u201d") and text.count('"') % 2 == 0:
        return text
    text = text.strip("\u201c\u201d\"")
    doc = phrase[0].doc
    if phrase[0].i > 0 and doc[phrase[0].i - 1].text in ("\u201c", '"'):
        return f"\u201c{text}\u201d"
    return text


def _entity_of(token, lookup, index):
    for ent in token.sent.ents:
        if ent.start <= token.i < ent.end:
            return lookup.get((index, ent.start_char))
    return None


def _person_form(subject, entity):
    """The person's name as the subject writes it: the first run of name words only, so 'Maren (Dunmore)', a
    character and the actor in parentheses, is 'Maren', never 'Maren Dunmore'."""
    phrase = []
    for t in subject.subtree:
        if t.ent_type_ == "PERSON":
            phrase.append(t)
        elif phrase:
            break
    return "".join(t.text_with_ws for t in phrase).strip() or entity.name


def _modifiers(noun):
    """The nouns that say what kind: 'fire' in 'the fire service' (adjectives such as 'new' only describe)."""
    return {c.lower_ for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"}


def _link(nouns, noun, index, name):
    """Remember that `noun` ("service" in "the national weather service AEMET") was given `name`,
    with the words that described it, so a differently described one ("the fire service") is not it."""
    nouns[noun_key(noun.lemma_)] = (index, name, _modifiers(noun))


def _learn_names(span, nouns, lookup, index, descriptors=None):
    """Link common nouns to the names the sentence gives them.

    "technology company Apple", "The teacher, Marjan", "Another company is Boom
    Supersonic", "The new aircraft is called X-59", "a project called Quesst"."""
    for ent in span.ents:
        entity = lookup.get((index, ent.start_char))
        if entity is None or entity.label in ("DATE", "TIME", "MONEY", "NUMBER", "PERCENT", "QUANTITY"):
            continue
        root = ent.root
        name = ent.text if not entity.takes_the or ent.text.lower().startswith("the ") else "the " + ent.text
        quoted = ent.start > 0 and ent.doc[ent.start - 1].text in ("\u201c", '"')
        head = root.head
        if quoted and ent.start > 1 and ent.doc[ent.start - 2].pos_ == "NOUN":  # 'The play “English”'
            noun = ent.doc[ent.start - 2]
            _link(nouns, noun, index, f"the {noun.lower_} \u201c{ent.text}\u201d")
        if root.dep_ == "appos" and head.pos_ == "NOUN":
            _link(nouns, head, index, f"the {head.lower_} \u201c{name}\u201d" if quoted else name)
        for child in root.children:
            if child.dep_ in ("compound", "appos") and child.pos_ == "NOUN" and not ent.start <= child.i < ent.end:
                _link(nouns, child, index, f"the {child.lower_} \u201c{name}\u201d" if quoted else name)
                if descriptors is not None and child.i < root.i:
                    descriptors.setdefault(entity.name, child.lemma_.lower())
        if root.dep_ in ("attr", "oprd") and head.lemma_ in ("be", "call", "name", "know"):
            subject = next((t for t in head.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.pos_ == "NOUN":
                _link(nouns, subject, index, name)
            if head.dep_ == "acl" and head.head.pos_ == "NOUN":
                _link(nouns, head.head, index, name)
        if len(ent) >= 2 and entity.label in NAME_NOUN_LABELS:
            for word, kinds in ((ent[-1], KIND_NOUNS), (ent[0], FIRST_KIND_NOUNS)):  # "the Rellan Water Commission"
                if word.is_alpha and word.is_title and word.lower_ in kinds:  # is "the commission"; "Storm Idris" "the storm"
                    key = noun_key(word.lower_)
                    nouns[key] = (index, name, {c.lower_ for c in ent if c.i != word.i and c.pos_ == "NOUN"})


GROUP_NOUNS = HUMAN_NOUNS | {"team", "colleague", "researcher", "scientist", "partner", "wife", "husband", "family",
                             "crew", "staff", "student", "lawyer", "doctor", "engineer", "volunteer"}


def _people_together(span, subject, lookup, index):
    """(index, 'Solberg and her team') when the subject names people together (a person and others,
    joined by 'and'), with no other group of people in the sentence that a later 'they' could mean."""
    if subject is None or subject.pos_ == "PRON" or not any(c.dep_ == "conj" for c in subject.children):
        return None
    members, todo = [], [subject]
    while todo:
        token = todo.pop()
        members.append(token)
        todo += [c for c in token.children if c.dep_ == "conj"]
    person = [m for m in members if m.ent_type_ == "PERSON"]
    if not person or not all(m.ent_type_ == "PERSON" or (m.pos_ == "NOUN" and m.lemma_.lower() in GROUP_NOUNS)
                             for m in members):
        return None
    phrase = list(subject.subtree)
    if len(phrase) > 8 or any(t.is_punct and t.text != "," for t in phrase):
        return None
    inside = {t.i for t in phrase}
    if any(t.i not in inside and t.tag_ in ("NNS", "NNPS") and (t.lemma_.lower() in GROUP_NOUNS
           or t.ent_type_ in ("PERSON", "NORP", "ORG")) for t in span):
        return None  # "Moss and Renn met the farmers. They ...": the farmers, or Moss and Renn?
    return index, "".join(rendered(t) for t in phrase).strip()


RESULT_NOUNS = {"result", "outcome"}
EVENT_NOUNS = {"election", "vote", "referendum", "match", "final", "race", "poll", "ballot", "tournament", "trial",
               "primary", "runoff", "game", "contest"}
UNDERTAKING_NOUNS = {"project", "scheme", "plan", "programme", "program", "line", "route", "service"}


def _lede_event(sentences):
    """The one contest the story opens on ('won Sunday's parliamentary election'), as written, or None."""
    found = []
    for sentence in sentences[:1]:
        for token in sentence.span:
            if token.pos_ == "NOUN" and token.lemma_.lower() in EVENT_NOUNS and token.dep_ in ("dobj", "pobj", "nsubj"):
                phrase = [t for t in token.subtree if t.i <= token.i]  # "Sunday's parliamentary election"
                if len(phrase) <= 6 and not any(t.pos_ == "PRON" or t.is_punct for t in phrase):
                    found.append("".join(t.text_with_ws for t in phrase).strip())
    names = {f.lower() for f in found}
    return found[0] if len(names) == 1 else None


def _called_names(span):
    """'The route, to be called the Harlow Line, ...': the names the sentence gives things."""
    names = []
    for verb in span:
        if verb.lemma_.lower() not in ("call", "name") or verb.tag_ != "VBN" or verb.dep_ not in ("acl", "relcl", "appos"):
            continue
        term = next((c for c in verb.children if c.dep_ == "oprd" and c.pos_ in ("PROPN", "NOUN") and c.ent_type_), None)
        if term is None or term.ent_type_ in ("PERSON", "DATE", "TIME", "MONEY"):
            continue
        phrase = [t for t in term.subtree if t.i > verb.i and not t.is_punct]
        if 1 <= len(phrase) <= 5:
            names.append("".join(t.text_with_ws for t in phrase).strip())
    return names


def _umbrella(subject, index, event, called):
    """'The result gives the Civic Alliance 84 seats' -> 'The result of Sunday's parliamentary election ...'
    (the one contest the story opens on); 'The project will be run by MATA' -> 'The Harlow Line project ...'
    (the one thing the article has just said is called so). Only 'the' and the noun, nothing else."""
    phrase = list(subject.subtree)
    if len(phrase) != 2 or phrase[0].lower_ != "the" or subject.tag_ != "NN" or subject._.qtext is not None:
        return False
    noun = subject.lemma_.lower()
    if noun in RESULT_NOUNS and event is not None and index <= 6:
        start = "The" if phrase[0].i == subject.sent.start else "the"
        phrase[0]._.qtext = f"{start} "
        subject._.qtext = f"{subject.text} of {event}{subject.whitespace_}"
        return True
    recent = {name for at, name in called if index - at <= 3}
    if noun in UNDERTAKING_NOUNS and len(recent) == 1:
        name = next(iter(recent))
        bare = name[4:] if name.lower().startswith("the ") else name
        if bare.lower().endswith(noun):
            return False  # "the Harlow Line" itself is "the line": the noun resolver names it
        start = "The" if phrase[0].i == subject.sent.start else "the"
        phrase[0]._.qtext = f"{start} "
        subject._.qtext = f"{bare} {subject.text}{subject.whitespace_}"
        return True
    return False
