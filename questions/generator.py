"""Article text in, ranked quiz items out.

Overgenerate from every usable sentence and every named phrase in it (four kinds of
item per fact), drop what the quality gate rejects, score, order. Deterministic: the
same text always gives the same items in the same order.
"""
import hashlib
import random
import re
from dataclasses import dataclass

from . import checker, phrasing
from .cleaning import story_paragraphs
from .entities import COUNTRIES, consolidate, date_style, date_variants, is_alias, number_variants, strip_article
from .textnorm import contains_phrase, norm, words

ASKABLE = {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "MONEY", "NUMBER", "PERCENT", "EVENT", "FAC", "PRODUCT",
           "LAW", "QUANTITY", "WORK_OF_ART"}
LABEL_WEIGHT = {"PERSON": 0.12, "MONEY": 0.12, "PERCENT": 0.1, "ORG": 0.1, "GPE": 0.09, "EVENT": 0.09, "DATE": 0.08,
                "NUMBER": 0.08, "QUANTITY": 0.08, "LAW": 0.07, "NORP": 0.05, "LOC": 0.06, "FAC": 0.06}
NUMERIC = {"MONEY", "NUMBER", "PERCENT", "QUANTITY"}
CONJUNCTIONS = {"but", "and", "so", "yet", "still", "however", "also"}
QUOTE_CHARS = "\"\u201c\u201d"


@dataclass
class Sentence:
    index: int
    span: object  # the spaCy Span
    text: str  # verbatim from the article


def article_sentences(text, docs, paragraphs):
    sentences = []
    for paragraph, doc in zip(paragraphs, docs):
        for span in doc.sents:
            verbatim = text[paragraph.start + span.start_char : paragraph.start + span.end_char].strip()
            if verbatim:
                sentences.append(Sentence(len(sentences), span, verbatim))
    return sentences


def usable(sentence):
    """A sentence that stands on its own as the basis of a question."""
    span, text = sentence.span, sentence.text
    tokens = [t for t in span if not t.is_space]
    if not 6 <= len(tokens) <= 50 or not text.rstrip("\"'\u201d\u2019)").endswith("."):
        return False
    if text[0] in QUOTE_CHARS + "'\u2018" or any(len(q.split()) > 4 for q in re.findall(r"[\"\u201c]([^\"\u201d]*)[\"\u201d]", text)):
        return False
    first = next((t for t in tokens if t.lower_ not in CONJUNCTIONS and not t.is_punct), None)
    if first is None or first.lower_ in phrasing.PRONOUNS or first.lower_ in checker.VAGUE_STARTS:
        return False
    root = span.root
    subject = next((t for t in root.children if t.dep_ in phrasing.SUBJECTS), None)
    if subject is not None:
        if subject.lower_ in phrasing.PRONOUNS or subject.lower_ in checker.VAGUE_STARTS:
            return False
        phrase = list(subject.subtree)
        if any(t.lower_ in ("the", "this", "that", "these", "those") and t.dep_ == "det" for t in phrase) and not any(
            t.pos_ in ("PROPN", "NUM") or t.ent_type_ for t in phrase
        ) and len(phrase) <= 3:
            return False  # "The deal would ...": a reference the reader cannot resolve
    return True


def _seed(*parts):
    return int(hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:12], 16)


class Builder:
    """Makes the items of one article."""

    def __init__(self, text, sentences, source):
        self.text, self.sentences, self.source = text, sentences, source
        self.entities, self.lookup = consolidate([s.span for s in sentences])
        self.total = max(len(sentences), 1)

    def answer_forms(self, ent, entity):
        """(key, accepted) for one mention: the key as written, other fair forms accepted."""
        mention = strip_article(ent.text)
        key = entity.name if entity.label == "PERSON" else mention
        forms = {mention, entity.name} | ({f for f in entity.forms if is_alias(f, mention)} if entity.label not in NUMERIC | {"DATE"} else set())
        if entity.label == "PERSON":
            forms.add(words(entity.name)[-1].title() if entity.name.split()[-1].lower() == words(entity.name)[-1] else entity.name.split()[-1])
        if ent.text.lower().startswith("the "):
            forms.add("the " + mention)
        accepted = sorted(f for f in forms if norm(f) != norm(key))
        return key, accepted

    def distractors(self, entity, key, sentence, *, article_only=False):
        """Three options of the same type and format as the key, never another name for it."""
        in_sentence = {self.lookup[k].name for k in self.lookup if k[0] == sentence.index}
        pool = []
        if entity.label not in NUMERIC:
            for other in sorted(self.entities, key=lambda e: (-e.mentions, e.first_sentence)):
                if other is entity or other.label != entity.label or other.name in in_sentence:
                    continue
                if entity.label == "GPE" and other.is_country != entity.is_country:
                    continue
                if entity.label == "DATE" and (date_style(other.name) is None or date_style(other.name) != date_style(key)):
                    continue
                pool.append(other.name)
        if not article_only:
            if entity.label in NUMERIC:
                pool += number_variants(key)
            elif entity.label == "DATE":
                pool += date_variants(key)
            elif entity.is_country:
                pool += sorted(c.title() for c in COUNTRIES if "." not in c and len(c) > 2)
        chosen = []
        for option in pool:
            if len(chosen) == 3:
                break
            if any(is_alias(option, form) for form in [key, *entity.forms]) or contains_phrase(sentence.text, option):
                continue
            if any(is_alias(option, c) for c in chosen):
                continue
            chosen.append(option)
        if entity.is_country and len(chosen) == 3:
            rng = random.Random(_seed(key, sentence.text))
            article_options = [c for c in chosen if c in {e.name for e in self.entities}]
            fallback = [c for c in chosen if c not in article_options]
            rng.shuffle(fallback)
            chosen = article_options + fallback
        return chosen if len(chosen) == 3 else None

    def blank(self, sentence, ent, key_text):
        """The sentence with the mention replaced by _____ (keeping a leading 'the')."""
        lead = ent.text.lower().find(key_text.lower())
        start = ent.start_char + max(lead, 0)
        end = start + len(key_text) if lead >= 0 else ent.end_char
        raw, span = sentence.span.doc.text, sentence.span
        return " ".join((raw[span.start_char : start] + checker.BLANK + raw[end : span.end_char]).split())

    def items_for(self, sentence):
        items = []
        true_false_done = False
        for ent in sentence.span.ents:
            entity = self.lookup.get((sentence.index, ent.start_char))
            if entity is None or entity.label not in ASKABLE or _inside_quotes(sentence.span, ent):
                continue
            mention = strip_article(ent.text)
            if len(norm(mention)) < 2 or (entity.label == "NUMBER" and not any(c.isdigit() for c in mention) and len(mention) < 4):
                continue
            key, accepted = self.answer_forms(ent, entity)
            base_score = self.score(sentence, entity)
            blanked = self.blank(sentence, ent, mention)
            accepted_blank = [a for a in accepted if norm(a) != norm(mention)]
            fill_key = mention if entity.label != "PERSON" else key
            question = phrasing.subject_question(sentence.span, ent, entity) or phrasing.object_question(sentence.span, ent, entity)
            common = {"source_sentence": sentence.text, "answer_type": entity.label, "source": self.source}
            items.append(dict(kind="fill_blank", prompt=blanked, answer=fill_key,
                              choices=[], accepted=sorted(set(accepted_blank + ([mention] if fill_key != mention else [])) - {fill_key}),
                              score=base_score + 0.03, **common))
            if question:
                items.append(dict(kind="short_answer", prompt=question, answer=key, choices=[], accepted=accepted,
                                  score=base_score + 0.06, **common))
            options = self.distractors(entity, key, sentence)
            if options:
                choices = options + [key]
                random.Random(_seed(sentence.text, key)).shuffle(choices)
                strong = self.distractors(entity, key, sentence, article_only=True) is not None
                items.append(dict(kind="multiple_choice", prompt=question or blanked, answer=key, choices=choices,
                                  accepted=accepted, score=base_score + (0.07 if strong else 0.03), **common))
                if not true_false_done:
                    true_false_done = True
                    items.append(self.true_false(sentence, ent, entity, options, base_score, common))
        return items

    def true_false(self, sentence, ent, entity, options, base_score, common):
        """The sentence as it stands (True), or with one fact swapped for a same-type option (False)."""
        statement = " ".join(sentence.text.split())
        by_name = {e.name: e for e in self.entities}
        swaps = [o for o in options if (by_name[o].takes_the if o in by_name else False) == entity.takes_the]
        person_modifier = entity.label == "PERSON" and ent.root.dep_ == "compound"  # "the Trump administration"
        if _seed(sentence.text) % 2 and swaps and not person_modifier:
            raw, span = sentence.span.doc.text, sentence.span
            lead = ent.text.lower().find(strip_article(ent.text).lower())
            start = ent.start_char + max(lead, 0)
            false = " ".join((raw[span.start_char : start] + swaps[0] + raw[ent.end_char : span.end_char]).split())
            if norm(false) not in norm(self.text):
                return dict(kind="true_false", prompt=false, answer="False", choices=["True", "False"], accepted=[],
                            score=base_score, **common)
        return dict(kind="true_false", prompt=statement, answer="True", choices=["True", "False"], accepted=[],
                    score=base_score - 0.02, **common)

    def score(self, sentence, entity):
        position = 1 - sentence.index / self.total
        length = len(sentence.span)
        value = 0.45 + 0.15 * position + 0.15 * min(entity.mentions, 4) / 4 + LABEL_WEIGHT.get(entity.label, 0.03)
        if length > 35:
            value -= 0.05
        return value


def _inside_quotes(span, ent):
    before = span.doc.text[span.start_char : ent.start_char]
    return sum(before.count(q) for q in "\u201c\"") % 2 == 1 or before.count("\u201c") > before.count("\u201d")


def build_items(text, doc_iter, *, source="", limit=None):
    """Items for one article from its parsed story paragraphs, best first."""
    paragraphs = story_paragraphs(text)
    sentences = article_sentences(text, doc_iter(paragraphs), paragraphs)
    builder = Builder(text, sentences, source)
    items, seen = [], set()
    for sentence in sentences:
        if not usable(sentence):
            continue
        for item in builder.items_for(sentence):
            key = (item["kind"], norm(item["prompt"]))
            if key in seen or checker.defects(item, text):
                continue
            seen.add(key)
            item["score"] = round(min(max(item["score"], 0.0), 1.0), 3)
            items.append(item)
    return rank(items, limit=limit)


def rank(items, *, limit=None):
    """Best first, with a growing penalty for asking about the same answer again."""
    order = lambda it: (-it["score"], it["source_sentence"], it["kind"], it["prompt"])
    asked = {}
    for item in sorted(items, key=order):
        key = norm(item["answer"]) if item["kind"] != "true_false" else item["source_sentence"]
        item["score"] = round(max(item["score"] - 0.04 * asked.get(key, 0), 0.0), 3)
        asked[key] = asked.get(key, 0) + 1
    items.sort(key=order)
    return items[:limit] if limit else items
