"""Which sentences stand on their own, and the clauses that do when the sentence does not.

A sentence is usable as the basis of an item when its subject is named (or resolved, or a
noun the story uses for one thing only), nothing in it points back to the sentence before,
and it is not someone's quoted words or the writer talking to the reader; `why_unusable`
names the rule (rules.py) when it is not. `clause_views` lifts out the clauses that stand
alone: what a finding says ('The team found that ...'), the sentence after an opening phrase
that points back, the second of two coordinated clauses, the clause after 'This meant'.
"""
import re
from collections import Counter

from . import checker, leaning, opinions, phrasing, worth
from .parse import Sentence, _quote_depth, speech_inside
from .lexicon import HUMAN_NOUNS
from .references import (_is_extraposed, _reported_subject, in_quotes, lead_in, meaning_clause, subject_of,
                         subject_of_clause)
from .vague import demonstrative_subject, is_letter_digit_name, is_vague_phrase, measure_of_nothing, names_its_subject


def usable(sentence, clear_nouns=frozenset()):
    """A sentence that stands on its own (after resolving its subject) as the basis of a question."""
    return why_unusable(sentence, clear_nouns) is None


MAX_SENTENCE_TOKENS = 80  # longer, a sentence is a list or a paragraph run together


def why_unusable(sentence, clear_nouns=frozenset(), *, advised=False):
    """The name of the rule (rules.py) that makes the sentence unusable on its own, or None.

    `clear_nouns` are the nouns the story uses for one thing only ('the study', 'the
    team'): a subject made of 'the' and one of them is clear without a name. `advised`: the
    sentence is an imperative its paragraph says someone advises (advice.py), so it is no
    writer talking to the reader for having no subject."""
    span, text = sentence.span, sentence.text
    tokens = [t for t in span if not t.is_space]
    if len(tokens) < 5:
        return "too-short"
    if len(tokens) > MAX_SENTENCE_TOKENS:
        return "too-long"
    if not re.search(r"[.!][\"'\u201d\u2019)]*$", text):
        return "not-a-statement"
    if speech_inside(sentence):
        return "quoted-speech"
    if sentence.listed and not has_finite_verb(span):
        return "verbless-fragment"
    if _speaks_to_reader(span, advised):
        return "writer-to-reader"
    if opinions.writers_opinion(span):
        return "opinion-as-fact"
    subject = subject_of(span)
    reported = _reported_subject(span)
    if reported is not None and subject is not None and subject.pos_ == "NOUN" and any(
            t.ent_type_ in worth.NAMES for t in reported.subtree):
        subject = reported  # "Japan's economy shrank ..., the government said": the sentence is about the economy
    main = _clause_before_each(span, subject)
    if main is not None:
        subject = main  # "The farm will have 32 turbines, each rated at 15 megawatts": the farm, not "each"
    if subject is not None and _as_written(subject):
        if subject.pos_ == "PRON" or subject.lower_ in checker.VAGUE_STARTS:
            return "pronoun-subject"
        if _a_share_of_no_one(subject) or leaning.ordinal_alone(subject):
            return "vague-subject"  # "Nearly two-thirds said ...": two-thirds of whom?
        if is_vague_phrase(subject) and (subject.pos_ in ("ADJ", "NUM") or not names_its_subject(span)):
            if not clear_definite(subject, clear_nouns) and not _named_in_apposition(subject):
                return "vague-subject"  # "The first was Geoff Hurst": the first what?
    first = next((t for t in tokens if t.dep_ != "cc" and not t.is_punct), None)
    if first is None or (first.pos_ == "PRON" and _as_written(first) and first.lower_ in checker.VAGUE_STARTS):
        return "pronoun-start"
    if any(_points_back(t) for t in tokens) or _leaning_opening(tokens) or leaning.pointing_opening(tokens):
        return "points-back"
    if leaning.unnamed_after_conjunction(span, is_vague_phrase):
        return "points-back"
    if worth.share_of_nothing(span) is not None:
        return "share-unstated"
    if _someone_unnamed(span, subject):
        return "someone-unnamed"
    if any(_reported_pronoun(t) or demonstrative_subject(t) for t in tokens):
        return "pronoun-subject"
    if any(measure_of_nothing(t) for t in tokens):
        return "vague-subject"  # "In Osterby the figure is 58 percent": the figure of what?
    if any(_unanchored_pronoun(t) for t in tokens):
        return "pronoun-unanchored"
    if any(object_it_unanchored(t) for t in tokens):
        return "object-pronoun-unresolved"
    return None


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}


def has_finite_verb(span):
    """Whether the sentence says something of something: a verb with tense ('opened', 'will open'), or an
    imperative at its root ('Walk after meals.'). 'A pay rise of 9 percent over two years, compared with
    ...', an item of a list whose lead-in ('The union has set out four demands:') is another paragraph,
    has none: a fragment, which no question or true/false statement can be made of."""
    root = span.root
    if any(c.dep_ in SUBJECTS for c in root.children) or root.tag_ == "VB":
        return True  # "Endurance launched from Norway" (tagged as a participle): a subject says it is a clause
    heads, i = [root], 0
    while i < len(heads):  # the root and what is conjoined to it ("... rose, and prices fell")
        heads += [c for c in heads[i].children if c.dep_ in ("conj", "ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
        i += 1
    return any(h.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in h.children)
               for h in heads)


SHARE_WORDS = {"many", "some", "most", "all", "few", "several", "half", "none", "each", "both", "one", "two",
               "three", "four", "five", "majority", "third", "quarter", "fifth", "rest", "number", "percent"}
PLURAL_PRONOUNS = {"they", "them", "their"}


def _unanchored_pronoun(token):
    """'Okafor made them pay', 'Without changes in diet, many of them will develop ...': a 'them' or
    'they' (or an 'it') with nothing before it in its sentence that it could mean, so it means
    something of another sentence. A share 'of them' never counts the nouns before it."""
    if (token.pos_ != "PRON" or token._.qtext is not None or token.dep_ == "expl" or in_quotes(token)
            or token.lower_ not in PLURAL_PRONOUNS | {"it", "its"}):
        return False
    if token.lower_ == "it" and token.dep_ in ("nsubj", "nsubjpass") and _is_extraposed(token):
        return False  # "It is not clear whether ...": stands for nothing
    share = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    if (share is not None and share.lower_ in SHARE_WORDS and share.dep_ in ("nsubj", "nsubjpass")
            and share.head == token.sent.root):
        return True  # "..., many of them will develop": of whom? (not "31 expeditions, many of them ...")
    plural = token.lower_ in PLURAL_PRONOUNS
    if token.dep_ == "poss":
        phrase_end, root = max(t.i for t in token.head.subtree), token.sent.root
        if phrase_end < root.i and any(t.pos_ in ("NOUN", "PROPN") for t in token.doc[phrase_end + 1 : root.i]):
            return False  # "Despite their small share, rivers ...": the subject after the opening phrase
    for before in token.sent:
        if before.i >= token.i:
            return True
        if before._.qtext is not None and not (plural and before.ent_type_ == "PERSON"):
            return False  # a name written in before it ('Lindale Athletic'); one person is no 'them'
        if before.pos_ == "PROPN" and (not plural or before.ent_type_ in ("ORG", "NORP", "GPE")):
            return False
        if before.pos_ == "NOUN" and (plural or before.tag_ == "NN"):  # "fish" is tagged singular
            return False
        if plural and before.dep_ == "conj" and before.pos_ in ("NOUN", "PROPN"):
            return False  # "Hale and Prior ... their"
    return True


def object_it_unanchored(token):
    """An object 'it' with nothing before it in its sentence that it can mean (its verb's subject cannot)."""
    if token.lower_ != "it" or token.dep_ not in ("dobj", "pobj", "dative") or token._.qtext is not None:
        return False
    if in_quotes(token):
        return False
    verb = token.head.head if token.dep_ == "pobj" else token.head
    own = set()
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            own |= {t.i for t in c.subtree}
    for before in token.sent:
        if before.i >= token.i:
            return True
        if before.i in own or before.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "PERSON"):
            continue
        if before._.qtext or before.pos_ == "PROPN" or before.pos_ == "NOUN" and before.tag_ == "NN":
            return False
    return True


def _clause_before_each(span, subject):
    """The subject of the main clause when the parser took a trailing 'each rated at ...' for the
    sentence's own verb and the main clause for its complement; None otherwise."""
    root = span.root
    if subject is None or subject.lower_ not in ("each", "both", "all") or root.tag_ not in ("VBN", "VBG"):
        return None
    main = next((c for c in root.children if c.dep_ == "ccomp" and c.i < subject.i), None)
    found = subject_of_clause(main)
    return found if found is not None and found.pos_ != "PRON" else None


def _reported_pronoun(token):
    """'Valcik said it would also suspend the tariff': the 'it' of what someone said is named elsewhere."""
    if not (token.lower_ in ("it", "they") and token.pos_ == "PRON" and token.dep_ in ("nsubj", "nsubjpass")
            and token._.qtext is None and token.head.dep_ == "ccomp"
            and token.head.head.lemma_ in ("say", "tell", "announce", "add", "state", "confirm", "warn")):
        return False
    speaker = {t.i for c in token.head.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
    if not any(token.doc[i].ent_type_ == "PERSON" for i in speaker):
        return False  # "The agency said it had set up 27 shelters": the agency itself
    return not any(t.i < token.i and t.pos_ in ("NOUN", "PROPN") and t.i not in speaker
                   for t in token.sent)  # "blocked the sale ..., saying it would harm": the sale


def _named_in_apposition(subject):
    """'The slug, a species that researchers have named Aeolidia noctiluca, is ...': the subject's own
    apposition gives its name."""
    return any(c.dep_ == "appos" and any(t.ent_type_ and t.pos_ == "PROPN" for t in c.subtree) for c in subject.children)


def _leaning_opening(tokens):
    """'Among them was ...', 'If it succeeds, ...': a pronoun in the opening words means something of
    another sentence."""
    return (len(tokens) > 2 and tokens[0].pos_ in ("ADP", "SCONJ") and tokens[1].pos_ == "PRON"
            and tokens[1].lower_ in ("it", "they", "them", "those", "these") and tokens[1]._.qtext is None)


def _a_share_of_no_one(subject):
    """'Nearly two-thirds', '32 percent', 'Most': a share as the subject, with no 'of ...' to say of what."""
    if is_letter_digit_name(subject):
        return False  # "The X-59 has not yet flown": a name the model took for a number
    share = subject.pos_ == "NUM" or subject.lower_ in ("percent", "%", "most", "half", "many", "some", "majority") \
        or subject.ent_type_ in ("PERCENT", "CARDINAL")
    return share and not any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children)


def clear_definite(subject, clear_nouns):
    """'The study', 'the researchers': 'the' and a noun the story uses for one thing only."""
    phrase = [t for t in subject.subtree if not t.is_punct]
    return (subject.pos_ == "NOUN" and subject.lemma_.lower() in clear_nouns and len(phrase) <= 3
            and phrase[0].lower_ == "the" and not any(t.like_num or t.ent_type_ == "ORDINAL" for t in phrase))


PEOPLE_NOUNS = {"man", "woman", "person", "people", "official", "officials", "child", "boy", "girl", "player",
                "leader", "member", "group", "other", "one", "first", "second", "last", "latter", "former", "way",
                "time", "year", "day", "number", "percentage", "figure", "change", "issue", "problem", "thing"}
OTHER_ONE = {"another", "second", "other", "earlier", "previous", "next", "separate", "different"}


CONNECTIVES = {"then", "consequently", "therefore", "thus", "also", "instead", "however", "meanwhile", "similarly",
               "likewise", "moreover", "furthermore", "additionally", "still", "yet", "otherwise", "besides", "hence",
               "so", "now", "again", "finally", "first", "second", "third", "next", "later"}
CONNECTIVE_PHRASES = [("for", "example"), ("for", "instance"), ("in", "addition"), ("as", "a", "result"),
                      ("in", "contrast"), ("by", "contrast"), ("on", "the", "other", "hand"), ("in", "fact"), ("at", "the", "same", "time")]


def _drop_leading_connective(span):
    """'Consequently, the Administration remains ...', 'For example, the Maya built ...': the word that ties
    the sentence to the one before goes, in prompts; the sentence itself stays verbatim."""
    tokens = [t for t in span if not t.is_space]
    lowered = [t.lower_ for t in tokens]
    for phrase in [(word,) for word in CONNECTIVES] + CONNECTIVE_PHRASES:
        n = len(phrase)
        if tuple(lowered[:n]) == phrase and len(tokens) > n + 4 and tokens[n].text == ",":
            for t in tokens[: n + 1]:
                t._.qtext = ""
            return
        if n > 1 and len(tokens) > n + 4 and tokens[0].text != "," and any(
                tuple(lowered[i : i + n]) == phrase and tokens[i - 1].text == "," and tokens[i + n].text == ","
                for i in range(1, min(len(tokens) - n, 12))):
            i = next(i for i in range(1, min(len(tokens) - n, 12)) if tuple(lowered[i : i + n]) == phrase
                     and tokens[i - 1].text == "," and tokens[i + n].text == ",")
            for t in tokens[i : i + n + 1]:
                t._.qtext = ""  # "Around the year 1000 A.D., for example, the Maya built ..."
            return


def _definite_for_demonstratives(sentences, clear):
    """'These results indicate ...' in a story with one set of results: 'The results indicate ...'."""
    for sentence in sentences:
        for token in sentence.span:
            head = token.head
            if (token.dep_ == "det" and token.lower_ in ("this", "these", "that", "those") and token._.qtext is None
                    and head.pos_ == "NOUN" and head.lemma_.lower() in clear and head._.qtext is None):
                token._.qtext = "the" + token.whitespace_


def _name_the_clear_ones(sentences, clear, lookup):
    """'Google has added a new tool ...', then 'The tool is part of ...' -> 'Google's new tool is part of ...';
    and 'It was first announced in May' right after -> 'The tool was first announced in May'."""
    introduced = {}
    previous = None
    single = _introduced_once(sentences)
    for sentence in sentences:
        span = sentence.span
        subject = subject_of(span)
        if subject is not None and subject._.qtext is None:
            phrase = [t for t in subject.subtree]
            lemma = subject.lemma_.lower()
            plain = subject.pos_ == "NOUN" and subject.tag_ == "NN" and phrase[0].lower_ == "the"
            if (clear_definite(subject, clear) or plain and lemma in single) and lemma in introduced and len(phrase) == 2:
                owner_phrase = introduced[lemma]
                phrase[0]._.qtext = ""
                subject._.qtext = owner_phrase + subject.whitespace_
            elif (subject.lower_ in ("it", "they") and previous is not None and not _rival_nouns(previous)
                  and (subject.lower_ == "it") == (previous.tag_ == "NN") and not _extraposed(subject)):
                subject._.qtext = _definite_text(previous) + subject.whitespace_
        for token in span:
            if (token.pos_ == "NOUN" and token.dep_ == "dobj" and token.lemma_.lower() in clear | single
                    and token.lemma_.lower() not in introduced
                    and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)):
                verb = token.head  # "has won a grant", "was awarded a grant to establish a centre"
                while verb.dep_ in ("xcomp", "advcl") and verb.i != span.root.i and verb.head.i != verb.i:
                    verb = verb.head
                owner = subject_of(span) if verb.i == span.root.i else None
                if owner is not None and owner.pos_ == "PROPN" and owner.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
                    adjectives = ["".join(t.text_with_ws for t in c.subtree).strip() for c in token.children
                                  if c.dep_ in ("amod", "compound") and c.i < token.i]  # "12 million pound"
                    name = "".join(t.text_with_ws for t in owner.subtree).strip()
                    introduced[token.lemma_.lower()] = f"{name}'s {' '.join(adjectives + [token.text])}"
        previous = subject if subject is not None and clear_definite(subject, clear) else None


def _introduced_once(sentences):
    """Nouns the story introduces once ('a 24 million pound grant') and never as one of several
    ('another grant', 'two grants', 'grants'): 'the grant' later is that one."""
    once, many = Counter(), set()
    for sentence in sentences:
        for token in sentence.span:
            if token.pos_ != "NOUN":
                continue
            lemma = token.lemma_.lower()
            dets = {c.lower_ for c in token.children if c.dep_ in ("det", "amod", "nummod")}
            if token.tag_ == "NNS" or dets & OTHER_ONE or any(c.like_num for c in token.children):
                many.add(lemma)
            if dets & {"a", "an"}:
                once[lemma] += 1
    return frozenset(lemma for lemma, n in once.items() if n == 1 and lemma not in many
                     and lemma not in PEOPLE_NOUNS and lemma not in TIME_NOUNS)


def _rival_nouns(subject):
    """'The Maya built a pyramid ...': 'It' in the next sentence may be the pyramid, not the Maya."""
    root = subject.head
    return any(t.dep_ in ("dobj", "attr", "pobj", "oprd") and t.pos_ in ("NOUN", "PROPN") and t.i != subject.i
               for t in root.subtree)


def _definite_text(subject):
    text = "".join(t.text_with_ws if t._.qtext is None else t._.qtext for t in subject.subtree).strip()
    return "the " + text[4:] if text.startswith("The ") else text


def _extraposed(subject):
    root = subject.head
    return root.lemma_ == "be" and any(t.dep_ in ("ccomp", "xcomp", "advcl", "acomp", "csubj") for t in root.children)


def clear_nouns(sentences):
    """Nouns the story uses, with 'the', in two or more sentences and never for a second thing of the kind."""
    seen, mixed, introduced = Counter(), set(), Counter()
    for sentence in sentences:
        found = set()
        for token in sentence.span:
            if token.pos_ != "NOUN":
                continue
            lemma = token.lemma_.lower()
            dets = {c.lower_ for c in token.children if c.dep_ in ("det", "amod", "nummod")}
            if dets & OTHER_ONE or any(c.like_num for c in token.children) or token.tag_ == "NNS" and not dets:
                mixed.add(lemma)
            introduced[lemma] += bool(dets & {"a", "an"})
            if introduced[lemma] > 1:
                mixed.add(lemma)  # "a powerful earthquake", later "a stronger earthquake": two of them
            if "the" in dets or token.dep_ in ("nsubj", "nsubjpass"):
                found.add(lemma)
        seen.update(found)
    return frozenset(lemma for lemma, n in seen.items() if n >= 2 and lemma not in mixed and lemma not in PEOPLE_NOUNS)


def _someone_unnamed(span, subject):
    """'Iran had stopped him from leaving': a person the sentence never names, nor any sentence it could lean on."""
    if any(e.label_ == "PERSON" for e in span.ents) or (subject is not None and subject.lower_ in ("he", "she")):
        return False
    if any(t._.qtext and t.lower_ in ("him", "her", "his") for t in span):
        return False  # named once in the prompt ("sentenced Panahi ... and banned him")
    return any(t.lower_ in ("him", "her", "he", "she") and t.dep_ != "poss" and t.pos_ == "PRON" and t._.qtext is None
               and not in_quotes(t) and not _someone_before(t, span) for t in span)


def _someone_before(pronoun, span):
    """'The mayor said she ...', 'a boy ... with his ...': a person the pronoun can mean, before it."""
    return any(t.i < pronoun.i and ((t.pos_ == "NOUN" and t.lemma_.lower() in HUMAN_NOUNS | PERSON_ROLES) or t._.qtext)
               for t in span)


PERSON_ROLES = {"mayor", "manager", "director", "minister", "president", "coach", "chief", "spokesman", "spokeswoman",
                "spokesperson", "executive", "governor", "leader", "captain", "chairman", "chairwoman", "curator",
                "author", "scientist", "researcher", "writer", "artist", "painter", "judge", "senator", "founder"}


TIME_NOUNS = {"year", "month", "week", "day", "time", "morning", "afternoon", "evening", "night", "spring", "summer",
              "fall", "autumn", "winter", "season", "decade", "century", "moment", "period", "quarter", "weekend", "point"}


def _as_written(token):
    """Nothing written in for the token but, at most, a lead-in before it: 'According to the article, it would
    ...' still has 'it' for its subject."""
    return token._.qtext is None or lead_in(token) is not None


def _points_back(token):
    """'that record', 'these plans', 'such a step', 'did so': a thing named in an earlier sentence (times are dated elsewhere)."""
    if token.lower_ == "so" and token.i > 0 and token.doc[token.i - 1].lemma_ == "do":
        return True  # "Apple did so on Tuesday": did what?
    pointing = (token.dep_ == "det" and token.lower_ in ("this", "that", "these", "those")) or (
        token.lower_ == "such" and token.dep_ in ("predet", "amod", "det"))
    if token.lower_ in ("same", "similar") and token.dep_ == "amod" and token.head.pos_ == "NOUN":
        return True  # "The same basin", "A similar game": the one of the sentence before
    if pointing and token.head.lemma_.lower() in ("day", "time", "moment", "point", "occasion", "stage"):
        return token._.qtext is None  # "On this day", "at that point"
    return (pointing and token._.qtext is None and token.head.pos_ == "NOUN"
            and token.head.lemma_.lower() not in TIME_NOUNS)


def _speaks_to_reader(span, advised=False):
    """'Here is a look back at the stories we covered', 'please contact ...': the writer talking, not a fact."""
    def outside_quotes(t):
        return not _quote_depth(span.doc[span.start : t.i].text, 0)  # a slice, not the whole doc's text

    root = span.root
    if not advised and root.tag_ == "VB" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux") for c in root.children) and (
            outside_quotes(root)):
        return True  # "For more details, please contact the press office.": an imperative, to the reader
    for t in span:
        if t.pos_ != "PRON" or not outside_quotes(t) or t._.qtext is not None:
            continue  # a 'you' written as 'people' (readers.py) is no reader spoken to
        if t.lower_ in ("i", "you", "your", "me", "my"):
            return True
        comparing = any(c.dep_ == "mark" and c.lower_ in ("than", "as") for c in t.head.children)
        if t.lower_ == "us" or (t.lower_ == "we" and not comparing) or (t.lower_ == "our" and t.i - span.start < 2):
            return True  # "the stories we covered": the writer; "our nation's drinking water" is the country's
    return False


FINDING = {"show", "find", "indicate", "suggest", "reveal", "confirm", "demonstrate", "conclude", "estimate",
           "predict", "say", "report", "note", "explain", "add", "believe", "warn", "announce", "state"}


def finding_clause(span):
    """What was found or said, as a clause of its own, when who found it is only 'the team', 'they',
    'these results': 'They found that cooling would not exceed 2.7 degrees' -> 'According to the
    article, cooling would not exceed 2.7 degrees'. 'That is why the President launched ...' ->
    'the President launched ...'."""
    root, subject = span.root, subject_of(span)
    if subject is None or subject._.qtext is not None:
        return None
    vague = subject.pos_ == "PRON" or is_vague_phrase(subject) or any(_points_back(t) for t in subject.subtree)
    if not vague:
        return None
    if root.lemma_ == "be" and subject.lower_ in ("that", "this"):
        clause = next((c for c in root.children if c.dep_ in ("ccomp", "advcl", "attr") and c.i > root.i), None)
        why = span.doc[root.i + 1] if root.i + 1 < span.end else None
        if clause is None or why is None or why.lower_ != "why":
            return None
        return span.doc[why.i + 1 : span.end]
    if root.lemma_ not in FINDING:
        return None
    clause = next((c for c in root.children if c.dep_ == "ccomp" and c.i > root.i), None)
    if clause is None or subject_of_clause(clause) is None:
        return None
    start = clause.left_edge.i + (clause.left_edge.dep_ == "mark")
    end = span.end if not any(t.i > clause.right_edge.i and not t.is_punct for t in span) else clause.right_edge.i + 1
    first = span.doc[start]
    written = first._.qtext if first._.qtext is not None else first.text_with_ws  # "the council" named already
    if not (first.pos_ == "PROPN" or first.ent_type_ or first.text.isupper()):
        written = written[:1].lower() + written[1:]
    first._.qtext = f"According to the article, {written}"
    return span.doc[start:end]


def fronted_reference(span):
    """The sentence after an opening phrase that points back ('Alongside this announcement, ...',
    'In this area, ...'), when only that phrase leans on the sentence before."""
    subject = subject_of(span)
    if subject is None or subject.left_edge.i <= span.start:
        return None
    lead = span.doc[span.start : subject.left_edge.i]
    comma = next((t for t in reversed(lead) if t.text == ","), None)
    if comma is None or comma.i != subject.left_edge.i - 1 or not any(_points_back(t) for t in lead):
        return None
    if any(_points_back(t) for t in span.doc[comma.i + 1 : span.end]):
        return None
    return span.doc[comma.i + 1 : span.end]


def clause_views(sentence):
    """The second clause of "It's not clear what that means, but India received a waiver."
    as a sentence of its own, when the first clause cannot stand alone but the second can."""
    span = sentence.span
    found = finding_clause(span)
    if found is not None:  # "The team found that Dimorphos' orbit is now slightly elongated."
        yield Sentence(sentence.index, found, sentence.text, sentence.starts_in_quote)
    fronted = fronted_reference(span)
    if fronted is not None:  # "With these changes, most projects now qualify ...": the rest stands alone
        yield Sentence(sentence.index, fronted, sentence.text, sentence.starts_in_quote)
    meant = meaning_clause(span)
    if meant is not None:  # "This meant it could travel ...": the clause, its subject resolved
        start = meant.left_edge.i + (meant.left_edge.dep_ == "mark")
        yield Sentence(sentence.index, span.doc[start : span.end], sentence.text, sentence.starts_in_quote)
    for child in span.root.children:
        if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX") or child.i < span.root.i:
            continue
        if not any(t.dep_ in phrasing.SUBJECTS for t in child.children):
            continue
        start = child.left_edge.i
        if start <= span.start or not (span.doc[start - 1].is_punct or span.doc[start - 1].dep_ == "cc"):
            continue
        if span.doc[start].i == child.i and child.lemma_ in FINDING:
            continue  # "..., said provincial governor Ana Vell, who warned ...": the speaker, not a clause
        yield Sentence(sentence.index, span.doc[start : span.end], sentence.text, sentence.starts_in_quote)
