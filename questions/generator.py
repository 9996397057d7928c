"""Article text in, ranked quiz items out.

Overgenerate from every usable sentence and every named phrase in it (four kinds of
item per fact), drop what the quality gate rejects, score, order. Deterministic: the
same text always gives the same items in the same order.
"""
import hashlib
import random
import re
from collections import Counter
from dataclasses import dataclass

from . import checker, makers, phrasing, worth
from .rank import rank
from .cleaning import story_paragraphs
from .entities import (CITY_OR_STATE, US_STATES, WELL_KNOWN_COUNTRIES, consolidate, date_style, date_variants,
                       is_alias, join_fractions, join_name_numbers, tag_untagged_names, number_variants, number_word_forms, place_kind, propagate_names,
                       trim_dates)
from .references import (_reported_subject, subject_of_clause, in_quotes, is_vague_phrase, meaning_clause, names_its_subject, render,
                         resolve, subject_of)
from .textnorm import contains_phrase, norm, words

ASKABLE = {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "NUMBER", "PERCENT", "EVENT", "FAC",
           "PRODUCT", "LAW", "QUANTITY", "WORK_OF_ART", "LANGUAGE", "OTHER"}
LABEL_WEIGHT = {"PERSON": 0.12, "MONEY": 0.12, "PERCENT": 0.1, "ORG": 0.1, "GPE": 0.09, "EVENT": 0.09, "DATE": 0.08,
                "NUMBER": 0.08, "QUANTITY": 0.08, "LAW": 0.07, "PRODUCT": 0.08, "WORK_OF_ART": 0.07, "FAC": 0.06,
                "LOC": 0.06, "NORP": 0.03, "LANGUAGE": 0.04, "TIME": 0.05}
NUMERIC = {"MONEY", "NUMBER", "PERCENT", "QUANTITY"}
HEDGES = {"about", "around", "nearly", "almost", "approximately", "roughly", "some", "over", "under", "only", "just",
          "more", "less", "than", "up", "to", "at", "least", "most", "the", "a", "an"}
MAX_QUESTION_WORDS = 24  # longer, a question is the sentence again with a wh-word, and hard to parse
AMOUNT_HEDGES = {"as", "many", "much", "few"}  # "as many as 87 million"
OPEN_QUOTES, CLOSE_QUOTES = "\u201c", "\u201d"


@dataclass
class Sentence:
    index: int
    span: object  # the spaCy Span
    text: str  # verbatim from the article
    starts_in_quote: bool = False


def article_sentences(text, docs, paragraphs):
    """Every sentence of the story with its verbatim text and whether it opens inside a quotation."""
    sentences = []
    for paragraph, doc in zip(paragraphs, docs):
        depth = 0
        for span in doc.sents:
            verbatim = text[paragraph.start + span.start_char : paragraph.start + span.end_char].strip()
            if verbatim:
                sentences.append(Sentence(len(sentences), span, verbatim, depth > 0))
            depth = _quote_depth(span.text, depth)
    return sentences


def _quote_depth(text, depth):
    for char in text:
        if char == OPEN_QUOTES:
            depth = 1
        elif char == CLOSE_QUOTES:
            depth = 0
        elif char == '"':
            depth = 1 - depth
    return depth


def speech_inside(sentence):
    """Quoted speech as the sentence's body: it starts inside or with a quoted clause, or leaves one open.

    A quotation attributed inside the sentence ('X said the models were "designed ..."')
    keeps its speaker, so the facts outside the quotation can still be asked about."""
    text = sentence.text
    if sentence.starts_in_quote or _quote_depth(text, 0) > 0:
        return True
    opening = re.match(r"[\"\u201c]([^\"\u201d]*)[\"\u201d]", text)
    return bool(opening and len(opening.group(1).split()) >= 4)


def usable(sentence, clear_nouns=frozenset()):
    """A sentence that stands on its own (after resolving its subject) as the basis of a question."""
    return why_unusable(sentence, clear_nouns) is None


MAX_SENTENCE_TOKENS = 80  # longer, a sentence is a list or a paragraph run together


def why_unusable(sentence, clear_nouns=frozenset()):
    """The name of the rule (rules.py) that makes the sentence unusable on its own, or None.

    `clear_nouns` are the nouns the story uses for one thing only ('the study', 'the
    team'): a subject made of 'the' and one of them is clear without a name."""
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
    if _speaks_to_reader(span):
        return "writer-to-reader"
    subject = subject_of(span)
    reported = _reported_subject(span)
    if reported is not None and subject is not None and subject.pos_ == "NOUN" and any(
            t.ent_type_ in worth.NAMES for t in reported.subtree):
        subject = reported  # "Japan's economy shrank ..., the government said": the sentence is about the economy
    if subject is not None and subject._.qtext is None:
        if subject.pos_ == "PRON" or subject.lower_ in checker.VAGUE_STARTS:
            return "pronoun-subject"
        if is_vague_phrase(subject) and (subject.pos_ in ("ADJ", "NUM") or not names_its_subject(span)):
            if not clear_definite(subject, clear_nouns):
                return "vague-subject"  # "The first was Geoff Hurst": the first what?
    first = next((t for t in tokens if t.dep_ != "cc" and not t.is_punct), None)
    if first is None or (first.pos_ == "PRON" and first._.qtext is None and first.lower_ in checker.VAGUE_STARTS):
        return "pronoun-start"
    if any(_points_back(t) for t in tokens):
        return "points-back"
    if _someone_unnamed(span, subject):
        return "someone-unnamed"
    return None


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
                      ("in", "contrast"), ("on", "the", "other", "hand"), ("in", "fact"), ("at", "the", "same", "time")]


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
    for sentence in sentences:
        span = sentence.span
        subject = subject_of(span)
        if subject is not None and subject._.qtext is None:
            phrase = [t for t in subject.subtree]
            lemma = subject.lemma_.lower()
            if clear_definite(subject, clear) and lemma in introduced and len(phrase) == 2:
                owner_phrase = introduced[lemma]
                phrase[0]._.qtext = ""
                subject._.qtext = owner_phrase + subject.whitespace_
            elif (subject.lower_ in ("it", "they") and previous is not None and not _rival_nouns(previous)
                  and (subject.lower_ == "it") == (previous.tag_ == "NN") and not _extraposed(subject)):
                subject._.qtext = _definite_text(previous) + subject.whitespace_
        for token in span:
            if (token.pos_ == "NOUN" and token.dep_ == "dobj" and token.lemma_.lower() in clear
                    and token.lemma_.lower() not in introduced
                    and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)):
                owner = subject_of(span) if token.head.i == span.root.i else None
                if owner is not None and owner.pos_ == "PROPN" and owner.ent_type_ in ("ORG", "PERSON", "GPE", "NORP"):
                    adjectives = [c.text for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i]
                    name = "".join(t.text_with_ws for t in owner.subtree).strip()
                    introduced[token.lemma_.lower()] = f"{name}'s {' '.join(adjectives + [token.text])}"
        previous = subject if subject is not None and clear_definite(subject, clear) else None


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
    return any(t.lower_ in ("him", "her") and t.dep_ != "poss" and t.pos_ == "PRON" and t._.qtext is None
               and not in_quotes(t) for t in span)


TIME_NOUNS = {"year", "month", "week", "day", "time", "morning", "afternoon", "evening", "night", "spring", "summer",
              "fall", "autumn", "winter", "season", "decade", "century", "moment", "period", "quarter", "weekend", "point"}


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


def _speaks_to_reader(span):
    """'Here is a look back at the stories we covered': the writer talking, not a fact."""
    def outside_quotes(t):
        return not _quote_depth(span.doc.text[span.start_char : t.idx], 0)

    for t in span:
        if t.pos_ != "PRON" or not outside_quotes(t):
            continue
        if t.lower_ in ("i", "you", "your", "me", "my"):
            return True
        comparing = any(c.dep_ == "mark" and c.lower_ in ("than", "as") for c in t.head.children)
        if t.lower_ == "us" or (t.lower_ == "we" and not comparing) or (t.lower_ == "our" and t.i - span.start < 2):
            return True  # "the stories we covered": the writer; "our nation's drinking water" is the country's
    return False


def _seed(*parts):
    return int(hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12], 16)


def key_span(ent):
    """The part of an entity a student should type: without 'the', 'about', 'more than', 'as many as'."""
    start, end, numeric = ent.start, ent.end, any(t.like_num for t in ent)
    while start < end - 1 and not ent.doc[start].like_num and (
            ent.doc[start].lower_ in HEDGES or (numeric and ent.doc[start].lower_ in AMOUNT_HEDGES)):
        start += 1
    if end - 1 > start and ent.doc[end - 1].text in ("'s", "\u2019s"):
        end -= 1  # "the European Union's climate agency": the answer is "European Union"
    return ent.doc[start:end]


class Builder:
    """Makes the items of one article."""

    def __init__(self, text, sentences, source, trace=None):
        self.text, self.sentences, self.source, self.trace = text, sentences, source, trace
        self.article_norm = norm(text)
        self.entities, self.lookup = consolidate([s.span for s in sentences])
        self.by_name = {e.name: e for e in self.entities}
        self.names_in = [set() for _ in sentences]  # the names each sentence mentions, by index
        for (index, _), entity in self.lookup.items():
            self.names_in[index].add(entity.name)
        self.descriptors = {}
        self.resolved = resolve(sentences, self.lookup, self.descriptors)
        self._relabel_companies()
        self.total = max(len(sentences), 1)
        self.titles = {}  # a title as written -> the people the article gives it to
        for sentence in sentences:
            for ent in sentence.span.ents:
                entity = self.lookup.get((sentence.index, ent.start_char))
                title = title_of(ent) if entity is not None and entity.label == "PERSON" else None
                if title:
                    self.titles.setdefault(norm(title), set()).add(entity.name)
        self.keywords = _keywords(sentences)
        for sentence in sentences:
            _drop_leading_connective(sentence.span)
        self.clear = clear_nouns(sentences)
        _definite_for_demonstratives(sentences, self.clear)
        _name_the_clear_ones(sentences, self.clear, self.lookup)

    def _relabel_companies(self):
        """'Nvidia became the first company', 'XTB, a trading company': whatever the model
        called it (a place, a person), the article says it is an organization."""
        said = dict(self.descriptors)
        for sentence in self.sentences:
            root = sentence.span.root
            subject = subject_of(sentence.span)
            attr = next((t for t in root.children if t.dep_ == "attr"), None)
            if subject is None or attr is None or root.lemma_ not in ("be", "become", "remain"):
                continue
            entity = next((self.lookup.get((sentence.index, e.start_char)) for e in sentence.span.ents
                           if e.start <= subject.i < e.end), None)
            if entity is not None:
                said.setdefault(entity.name, attr.lemma_.lower())
        for name, noun in said.items():
            entity = self.by_name.get(name)
            if entity is None or noun not in COMPANY_NOUNS:
                continue
            if entity.label in ("GPE", "PERSON", "LOC"):
                entity.label = "ORG"
                entity.labels = Counter({"ORG": 1})
            if entity.label == "ORG":  # "Which company did Huang start ...?", "Which company is the fourth-largest steel maker?"
                self.descriptors.setdefault(name, "company" if noun in BUSINESS_NOUNS else noun)

    def answer_forms(self, key, entity):
        """(answer, accepted) for one mention: the answer as written, other fair forms accepted."""
        mention = key.text
        as_written = key.root.dep_ == "compound"  # "the Trump administration": the surname is the answer
        answer = entity.name if entity.label == "PERSON" and is_alias(mention, entity.name) and not as_written else mention
        forms = {mention, answer}
        if entity.label not in NUMERIC | {"DATE"}:
            forms |= {f for f in entity.forms if is_alias(f, mention)}
        if entity.label == "PERSON":
            forms.add(entity.name.split()[-1])
        if entity.takes_the and key.start > 0 and key.doc[key.start - 1].lower_ == "the":
            forms.add("the " + mention)
        if entity.label in NUMERIC | {"DATE"}:
            forms |= set(number_word_forms(mention))
        accepted = sorted(f for f in forms if norm(f) != norm(answer))
        return answer, accepted

    def distractors(self, entity, answer, sentence):
        """Three options of the same type and format as the key, never another name for it,
        and whether all three come from the article itself."""
        in_sentence = self.names_in[sentence.index]
        pool = []
        if entity.label not in NUMERIC:
            for other in sorted(self.entities, key=lambda e: (-e.mentions, e.first_sentence)):
                if other is entity or other.kind != entity.kind or other.name in in_sentence or not other.participant:
                    continue
                if not other.reliable or other.term or (
                        other.label in ("ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW") and other.mentions < 2
                        and len(other.name.split()) < 2 and not other.name.isupper()):  # "Wireless": a fragment
                    continue
                if entity.label == "GPE" and other.is_country != entity.is_country:
                    continue
                if entity.label == "GPE" and not entity.is_country and place_kind(other.name) != place_kind(answer):
                    continue  # states among states, cities among cities: not "Texas" for "Dallas"
                if entity.label == "NORP" and _people_word(other.name) != _people_word(answer):
                    continue  # "Iranians" is no option for "_____ romantic comedies" ("American")
                if entity.label == "DATE" and (date_style(other.name) is None or date_style(other.name) != date_style(answer)):
                    continue
                pool.append(other.name.split()[-1] if entity.label == "PERSON" and len(answer.split()) == 1 else other.name)
        last = answer.split()[-1].lower() if answer.split() else ""
        pool.sort(key=lambda name: name.split()[-1].lower() != last)  # "Conservative Party" for "Liberal Party" first
        if entity.label in ("LOC", "FAC") and phrasing.category(answer):
            pool = [name for name in pool if phrasing.category(name)]  # a canal among canals and seas, not continents
        from_article = len(pool)
        if entity.label in NUMERIC:
            pool += number_variants(answer)
        elif entity.label == "DATE":
            pool += date_variants(answer)
        elif entity.is_country or (entity.label == "GPE" and place_kind(answer) == "state"):
            known = WELL_KNOWN_COUNTRIES if entity.is_country else US_STATES - CITY_OR_STATE
            fallback = sorted(c.title() for c in known)
            random.Random(_seed(answer, sentence.text)).shuffle(fallback)
            pool += fallback
        chosen, article_options = [], 0
        for position, option in enumerate(pool):
            if len(chosen) == 3:
                break
            if any(is_alias(option, form) for form in [answer, *entity.forms]) or contains_phrase(sentence.text, option):
                continue
            if any(is_alias(option, re.sub(r"['\u2019]s$", "", t._.qtext.strip())) for t in sentence.span if t._.qtext):
                continue  # "Mark Carney's main opponent was _____": not "Mark Carney" among the options
            if any(is_alias(option, c) for c in chosen):
                continue
            chosen.append(option)
            article_options += position < from_article
        return (chosen, article_options == 3) if len(chosen) == 3 else (None, False)

    def items_for(self, sentence):
        items = []
        tf_done = False
        tokens = list(sentence.span)
        for ent in sentence.span.ents:
            entity = self.lookup.get((sentence.index, ent.start_char))
            if entity is None or entity.label not in ASKABLE:
                continue
            key = key_span(ent)
            skip = self.why_not_asked(sentence, ent, entity, key)
            if skip:
                if self.trace is not None:
                    self.trace.drop(sentence.index, skip, ent.text)
                continue
            answer, accepted = self.answer_forms(key, entity)
            converted = worth.conversion_after(key)
            if converted is not None:  # "204 cubic miles (850 cubic kilometers)": the blank takes both
                accepted = sorted(set(accepted) | {answer, converted.text.strip("() ")})
                key = key.doc[key.start : converted.end]
                answer = key.text
            base = self.score(sentence, entity, ent)
            shown = _first_clause(sentence.span, tokens, key)
            blanked = _article_before(_full_stop(render(shown, cut=(key.start, key.end), insert=checker.BLANK), shown, tokens),
                                      checker.BLANK)
            common = {"source_sentence": sentence.text, "answer_type": entity.label, "source": self.source,
                      "fact": answer, "features": self.features(sentence, entity.label, "name", key, ent)}
            fill_answer = answer if entity.label == "PERSON" else key.text  # the full name, even for "Mattis"
            fill_accepted = sorted({a for a in accepted + [key.text, answer] if norm(a) != norm(fill_answer)})
            if worth.qualified_place(ent) or "(n) " + checker.BLANK in blanked:
                blanked = None  # "_____, D.C.": the place beside the blank gives it away; "a(n) _____" reads badly
            else:
                items.append(dict(kind="fill_blank", prompt=blanked, answer=fill_answer, choices=[],
                                  accepted=fill_accepted, score=base + 0.03, **common))
            question = phrasing.question_for(sentence.span, key, entity, self.descriptors.get(entity.name))
            if question and len(question.split()) > MAX_QUESTION_WORDS:
                question = None  # a question that long is the sentence again with a wh-word
            if key.start > 0 and key.doc[key.start - 1].text in (OPEN_QUOTES, '"'):
                question = None  # a quoted title moved out of its quotation marks leaves them behind: '", by'

            if question:
                items.append(dict(kind="short_answer", prompt=question, answer=answer, choices=[], accepted=accepted,
                                  score=base + 0.08, **common))
            swappable = entity.reliable and not worth.names_a_kind_of_thing(ent) and converted is None
            options, strong = self.distractors(entity, answer, sentence) if swappable else (None, False)
            if options and not (strong or entity.label in NUMERIC | {"DATE"}):
                options = None  # countries or names from outside the story are no plausible options: typed instead
            if options and entity.label in ("GPE", "LOC", "FAC") and not entity.is_country:
                options = None  # "Orange River", "Africa" for "Earth": places of the story are seldom of one kind
            if options and entity.is_country and any(
                    self.by_name[o].takes_the != entity.takes_the for o in options if o in self.by_name):
                options = None  # "the fall of the _____": only "the Soviet Union" fits, not "Japan"
            if options and (question or blanked):
                choices = options + [answer]
                random.Random(_seed(sentence.text, answer)).shuffle(choices)
                items.append(dict(kind="multiple_choice", prompt=question or blanked, answer=answer, choices=choices,
                                  accepted=accepted, score=base + (0.07 if strong else 0.03), **common))
                if not tf_done:
                    statement = self.true_false(sentence, shown, key, entity, options, base, common)
                    if statement:
                        tf_done = True
                        items.append(statement)
        return items

    def title_items(self, sentence):
        """'Indian Defense Minister Nirmala Sitharaman' -> 'Who is the Indian Defense Minister, according
        to the article?': the title and the name stand on their own, whatever the rest of the sentence does."""
        if sentence.starts_in_quote:
            return []
        items = []
        for ent in sentence.span.ents:
            entity = self.lookup.get((sentence.index, ent.start_char))
            if entity is None or entity.label != "PERSON" or _inside_quotes(sentence.span, ent):
                continue
            title = title_of(ent)
            if title is None or self.titles.get(norm(title)) != {entity.name} or _former(ent, title):
                continue  # no title, one that two people hold in this article, or one held no more
            the = "" if "'s " in title or "’s " in title else "the "  # "Kenya's President"
            answer, accepted = entity.name, sorted({entity.name.split()[-1], ent.text} - {entity.name})
            common = {"source_sentence": sentence.text, "answer_type": "PERSON", "source": self.source,
                      "fact": answer, "features": self.features(sentence, "PERSON", "title", ent, ent)}
            base = self.score(sentence, entity, ent) - 0.02
            question = f"Who is {the}{title}, according to the article?"
            items.append(dict(kind="short_answer", prompt=question, answer=answer, choices=[], accepted=accepted,
                              score=base + 0.06, **common))
            items.append(dict(kind="fill_blank", prompt=f"According to the article, {the}{title} is {checker.BLANK}.",
                              answer=answer, choices=[], accepted=accepted, score=base, **common))
            options, strong = self.distractors(entity, answer, sentence) if entity.reliable else (None, False)
            if options and strong:
                choices = options + [answer]
                random.Random(_seed(sentence.text, answer, title)).shuffle(choices)
                items.append(dict(kind="multiple_choice", prompt=question, answer=answer, choices=choices,
                                  accepted=accepted, score=base + (0.05 if strong else 0.01), **common))
        return items

    def true_false(self, sentence, tokens, key, entity, options, base, common):
        """The sentence as the prompt writes it (True), or with one fact swapped (False)."""
        full = list(sentence.span)
        true_text = _full_stop(render(tokens), tokens, full)
        person_modifier = entity.label == "PERSON" and key.root.dep_ == "compound"  # "the Trump administration"
        swaps = [o for o in options if (self.by_name[o].takes_the if o in self.by_name else False) == entity.takes_the]
        if _seed(sentence.text) % 2 and swaps and not person_modifier:
            false = _article_before(_full_stop(render(tokens, cut=(key.start, key.end), insert=swaps[0]), tokens, full),
                                    swaps[0])
            if norm(false) not in self.article_norm:
                return dict(kind="true_false", prompt=false, answer="False", choices=["True", "False"], accepted=[],
                            score=base, **common)
        return dict(kind="true_false", prompt=true_text, answer="True", choices=["True", "False"], accepted=[],
                    score=base - 0.02, **common)

    def why_not_asked(self, sentence, ent, entity, key):
        """The rule that keeps this mention from being asked, or None."""
        if _inside_quotes(sentence.span, ent):
            return "inside-quotation"
        if any(t._.qtext is not None for t in ent):
            return "rewritten-phrase"
        if len(norm(key.text)) < 2 or (entity.label == "NUMBER" and not worth.meaningful_number(key)):
            return "too-small"
        if ent.text.endswith(("'", "\u2019")):
            return "stray-apostrophe"  # "the United Nations' cultural agency"
        if entity.label != "PERSON" and not entity.standalone and len(key) == 1:
            return "title-fragment"  # "Defense" in "Defense Secretary"
        if worth.not_worth_asking(ent, entity, key):
            return "not-worth-asking"
        return None

    def constituent_items(self, sentence):
        common = {"source_sentence": sentence.text, "source": self.source,
                  "features": self.features(sentence, "PHRASE", "phrase", None, None)}
        return makers.constituent_items(sentence.span, subject_of(sentence.span), common=common,
                                        base=self.sentence_score(sentence))

    def features(self, sentence, label, role, key, ent):
        """What the ranker (rank.py) weighs: where the sentence stands, how central it is, what is asked."""
        content = {t.lemma_.lower() for t in sentence.span if t.pos_ in ("NOUN", "PROPN")}
        entity = self.lookup.get((sentence.index, ent.start_char)) if ent is not None else None
        return {
            "position": 1 - sentence.index / self.total, "lede": float(sentence.index < 3),
            "central": len(content & self.keywords) / max(len(self.keywords), 1),
            "label": label, "role": role, "mentions": min(entity.mentions, 4) / 4 if entity is not None else 0.0,
            "modifier": float(ent is not None and ent.root.dep_ in ("compound", "amod", "nmod", "poss")),
            "long": float(len(sentence.span) > 35), "resolved": float(sentence.index in self.resolved),
            "relative_date": float(label == "DATE" and key is not None and date_style(key.text) is None),
            "answer_words": min(len(key), 10) / 10 if key is not None else 0.0,
        }

    def sentence_score(self, sentence):
        """How much the sentence matters to the story, whatever is asked of it."""
        position = 1 - sentence.index / self.total
        content = {t.lemma_.lower() for t in sentence.span if t.pos_ in ("NOUN", "PROPN")}
        central = len(content & self.keywords) / max(len(self.keywords), 1)
        value = 0.4 + 0.12 * position + 0.15 * central + 0.06
        if len(sentence.span) > 35:
            value -= 0.08
        if sentence.index in self.resolved:
            value -= 0.02
        return value

    def score(self, sentence, entity, ent):
        """Importance of the sentence and the fact, and how clear the item will be."""
        position = 1 - sentence.index / self.total
        content = {t.lemma_.lower() for t in sentence.span if t.pos_ in ("NOUN", "PROPN")}
        central = len(content & self.keywords) / max(len(self.keywords), 1)
        value = 0.4 + 0.12 * position + 0.12 * min(entity.mentions, 4) / 4 + 0.15 * central
        value += LABEL_WEIGHT.get(entity.label, 0.03)
        if ent.root.dep_ in ("compound", "amod", "nmod"):
            value -= 0.12  # a modifier ("U.S. officials") is a weaker fact than a participant
        elif ent.root.dep_ == "poss":
            value -= 0.05
        if len(sentence.span) > 35:
            value -= 0.08  # a long sentence makes a long prompt
        if sentence.index in self.resolved:
            value -= 0.02
        if entity.label == "DATE" and date_style(ent.text) is None:
            value -= 0.05  # "last week", "this year": true only relative to the article's date
        return value


BUSINESS_NOUNS = {"company", "firm", "business", "corporation", "maker", "manufacturer", "startup", "retailer", "lender",
                  "insurer", "automaker", "carmaker", "chipmaker", "publisher", "broadcaster", "developer", "producer",
                  "chain", "brand"}
COMPANY_NOUNS = {"company", "firm", "business", "corporation", "maker", "manufacturer", "bank", "startup", "retailer",
                 "airline", "carrier", "lender", "insurer", "automaker", "carmaker", "chipmaker", "broadcaster",
                 "publisher", "newspaper", "brand", "chain", "developer", "producer", "group", "agency", "organization",
                 "university", "club", "team", "party", "union", "network"}

OFFICES = {"president", "minister", "secretary", "governor", "administrator", "spokesperson", "spokesman",
           "spokeswoman", "director", "ceo", "chairman", "chairwoman", "mayor", "senator", "ambassador", "chief",
           "commissioner", "chancellor", "premier", "king", "queen", "general", "leader", "founder", "executive",
           "coach", "speaker", "attorney", "justice", "envoy", "sheriff", "head", "officer", "editor", "manager"}


def _title_before(ent):
    """'U.S. Secretary of State' before 'Mike Pompeo', 'Kenya's President' before 'William Ruto':
    a title of office with something that says whose, or None."""
    doc, i, parts = ent.doc, ent.start - 1, []
    while i >= ent.sent.start:
        token = doc[i]
        joins = token.lower_ == "of" and parts and parts[0].text[:1].isupper()
        if not (token.text[:1].isupper() or token.text in ("'s", "\u2019s") or joins) or token.ent_type_ == "PERSON":
            break
        parts.insert(0, token)
        i -= 1
    while parts and (parts[0].lower_ in ("the", "of") or parts[0].lower_ in FORMER or parts[0].text in ("'s", "\u2019s")):
        parts = parts[1:]
    office = bool(parts) and parts[-1].lower_ in OFFICES or (len(parts) >= 3 and parts[-2].lower_ == "of" and parts[-3].lower_ in OFFICES)
    if len(parts) < 2 or not office or any(t.ent_type_ in ("DATE", "TIME") for t in parts):
        return None  # "Governor" alone says nothing; "Secretary of State" is an office too
    return "".join(t.text_with_ws for t in parts).strip()


def title_of(ent):
    """The office the sentence gives a person, before the name or in an apposition after it."""
    return _title_before(ent) or _title_after(ent)


def _title_after(ent):
    """'Marion Ackermann, director of the Dresden State Art Collections': an office of a named
    body, held by this one person ('a spokesman for ...' is one of several; 'the company's
    chief' does not say which company)."""
    appos = next((t for t in ent.root.children if t.dep_ == "appos" and t.i >= ent.end), None)
    if appos is None or appos.lemma_.lower() not in OFFICES:
        return None
    phrase = [t for t in appos.subtree if t.i >= ent.end]
    stop = next((t.i for t in phrase if t.is_punct or t.dep_ in ("relcl", "acl", "cc")), None)
    if stop is not None:
        phrase = [t for t in phrase if t.i < stop]
    if not phrase or phrase[0].lower_ in ("a", "an", "one", "another") or len(phrase) > 10:
        return None
    if any(t.lower_ in FORMER or t.ent_type_ in ("DATE", "TIME", "PERSON") for t in phrase):
        return None
    whose = [t for t in phrase if t.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC") and t.i != appos.i]
    if not whose or any(t.dep_ == "poss" and not t.ent_type_ for t in phrase):
        return None
    if phrase[0].lower_ == "the":
        phrase = phrase[1:]
    return "".join(t.text_with_ws for t in phrase).strip()


FORMER = {"former", "late", "then", "acting", "interim", "outgoing", "incoming", "ex", "retired", "future"}


def _former(ent, title):
    """'former U.S. Secretary of State Rex Tillerson': he is not the one to name as holding it."""
    words_before = ent.doc[max(ent.start - len(title.split()) - 2, 0) : ent.start]
    return any(t.lower_ in FORMER for t in words_before)


def _people_word(name):
    """'Iranians', 'Canadians': a nationality as a plural noun, not an adjective."""
    return name.endswith("s") and not name.endswith(("ss", "ese"))


def _article_before(text, inserted):
    """'an _____' would hint at the answer: 'a(n) _____'. A swapped-in option gets the
    article it needs: 'a Chinese jury', not 'an Chinese jury'."""
    def fix(match):
        article = match.group(1)
        if inserted == checker.BLANK:
            return f"{article[0]}(n) {inserted}"
        wanted = "an" if inserted[:1].lower() in "aeiou" else "a"
        return f"{article[0]}{wanted[1:]} {inserted}"
    return re.sub(r"\b([Aa]n?) " + re.escape(inserted), fix, text, count=1)


def _first_clause(span, tokens, key):
    """'X confirmed he will discuss Y, but said Z.' asked about X or Y needs only its first part.

    Long sentences whose main verb is coordinated with a second verb phrase ("..., but
    said ...") are cut before the conjunction when the key lies before it."""
    if len(tokens) < 25:
        return tokens
    root = span.root
    for child in root.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.i > key.end:
            cc = next((t for t in root.children if t.dep_ == "cc" and key.end <= t.i < child.i), None)
            if cc is None or cc.lower_ in ("or", "nor"):
                return tokens  # "... must be born there or have lived there": the cut would change the rule
            end = cc.i
            while end > 0 and span.doc[end - 1].is_punct:
                end -= 1
            return [t for t in tokens if t.i < end]
    return tokens


def _full_stop(text, shown, tokens):
    """A cut-short sentence still ends like a sentence, and so does one whose last word, with
    its full stop, was the key ('... go to the U.S.' -> '... go to the _____.')."""
    if len(shown) != len(tokens):
        text = text.rstrip(",;: ")
        return text if text.endswith(".") else text + "."  # "... 8:30 p.m." keeps one full stop
    return text + "." if text.endswith(checker.BLANK) else text


def _keywords(sentences, top=12):
    counts = Counter(t.lemma_.lower() for s in sentences for t in s.span if t.pos_ in ("NOUN", "PROPN") and not t.is_stop)
    return {word for word, _ in counts.most_common(top)}


def _inside_quotes(span, ent):
    before = span.doc.text[span.start_char : ent.start_char]
    return _quote_depth(before, 0) > 0 and not ent.doc[ent.start - 1].text in (OPEN_QUOTES, '"')


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
    lowered = first.text if first.pos_ == "PROPN" or first.ent_type_ or first.text.isupper() else first.lower_
    first._.qtext = f"According to the article, {lowered}{first.whitespace_}"
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
        yield Sentence(sentence.index, span.doc[start : span.end], sentence.text, sentence.starts_in_quote)


def build_items(text, doc_iter, *, source="", limit=None, trace=None, keep_features=False, select=True):
    """Items for one article from its parsed story paragraphs, best first.

    The stages in order: the story's paragraphs, the parse, names across the article and
    what each vague phrase refers to (Builder), the clauses that stand alone, the items of
    each clause's names and phrases, the gate, the ranking. `trace` (rules.Trace) collects
    what each stage dropped and why."""
    paragraphs = story_paragraphs(text)
    docs = list(doc_iter(paragraphs))
    propagate_names(docs)
    tag_untagged_names(docs)
    join_name_numbers(docs)
    join_fractions(docs)
    trim_dates(docs)
    sentences = article_sentences(text, docs, paragraphs)
    builder = Builder(text, sentences, source, trace)
    items, seen = [], set()
    for sentence in sentences:
        if trace is not None:
            trace.sentences[sentence.index] = sentence.text
        reason = why_unusable(sentence, builder.clear)
        views = [sentence] if reason is None else list(clause_views(sentence))
        made = []
        for view in views:
            view_reason = why_unusable(view, builder.clear) if view is not sentence else None
            if view_reason is None:
                made += builder.items_for(view)
                made += builder.constituent_items(view)
        if reason is not None and not made and trace is not None:
            trace.drop(sentence.index, reason)
        for item in made + builder.title_items(sentence):
            key = (item["kind"], norm(item["prompt"]))
            found = checker.defects(item, article_norm=builder.article_norm)
            if key in seen or found:
                if trace is not None:
                    trace.drop(sentence.index, "duplicate" if key in seen else "gate",
                               f"{item['kind']}: {item['prompt']} ({', '.join(found)})" if found else item["prompt"])
                continue
            seen.add(key)
            items.append(item)
    assign_facts(items)
    return rank(items, limit=limit, trace=trace, index_of={s.text: s.index for s in sentences},
                keep_features=keep_features, select=select)


def assign_facts(items):
    """Items asking the same thing of the same sentence share a fact id, whatever their kind: the
    same answer, or one answer inside the other ('oblate spheroid' in 'an oblate spheroid shape')."""
    by_sentence = {}
    for item in items:
        by_sentence.setdefault(item["source_sentence"], []).append(item)
    for sentence, group in by_sentence.items():
        answers = sorted({item.get("fact") or item["answer"] for item in group}, key=lambda a: len(words(a)))
        owner = {}
        for answer in answers:
            owner[answer] = next((o for o in answers[: answers.index(answer)] if owner.get(o) == o
                                  and contains_phrase(answer, o)), answer)
        for item in group:
            key = owner[item.get("fact") or item["answer"]]
            item["fact"] = hashlib.sha256(f"{norm(sentence)}\x1f{norm(key)}".encode()).hexdigest()[:12]


