"""Article text in, ranked quiz items out: the stages in order.

1. parse.py        the story's paragraphs (cleaning.py), parsed once, as Sentences
2. Builder         names across the article (entities.py) and what each vague phrase refers to
                   (references.py), how much each sentence matters
3. clauses.py      which sentences and clauses stand on their own, and why the others do not
4. name_items.py   items of names, numbers and dates (wording: phrasing.py, options: distractors.py)
   makers.py       items of phrases that are not names (constituents.py)
5. checker.py      the gate: rules a machine can check
6. rank.py         importance (fitted weights) and a selection spread over facts and sentences
Every drop is recorded with its named rule (rules.py) when a Trace is given. Deterministic:
the same text always gives the same items in the same order.
"""
import hashlib
import re
from collections import Counter

from . import (accepted, advice, attribution, background, checker, definitions, generic, kind_names, kinds, leaning,
               lede_object, makers, namings, quotes, readers, relatives, reported, restated, subjects, trivia, worth)
from .clauses import (_definite_for_demonstratives, _drop_leading_connective, _name_the_clear_ones, clause_views,
                      clear_nouns, why_unusable)
from .amounts import date_style
from .lexicon import BUSINESS_NOUNS, COMPANY_NOUNS
from .given import change_in_stem, sum_in_stem
from .entities import consolidate
from .name_items import _inside_quotes, name_items, title_items, title_of
from .parse import parse_story
from .rank import rank
from .antecedents import resolve_definites, resolve_pronouns
from .references import lead_in, resolve, subject_of
from .textnorm import contains_phrase, norm, words

REPORTING_VERBS = {"say", "tell", "add", "explain", "note", "announce", "report", "state", "write", "warn"}
STOP_TITLE_WORDS = {"the", "a", "an", "of", "to", "in", "on", "for", "and", "with", "as", "at", "by", "from", "its",
                    "is", "are", "new", "after"}
LABEL_WEIGHT = {"PERSON": 0.12, "MONEY": 0.12, "PERCENT": 0.1, "ORG": 0.1, "GPE": 0.09, "EVENT": 0.09, "DATE": 0.08,
                "NUMBER": 0.08, "QUANTITY": 0.08, "LAW": 0.07, "PRODUCT": 0.08, "WORK_OF_ART": 0.07, "FAC": 0.06,
                "LOC": 0.06, "NORP": 0.03, "LANGUAGE": 0.04, "TIME": 0.05}


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
        from .cleaning import title_of as headline
        self.title_words = set(words(headline(text, fallback=""))) - STOP_TITLE_WORDS
        self.topic = background.story_topic(self)  # "BOS" in a story headlined and told about BOS
        for sentence in sentences:
            _drop_leading_connective(sentence.span)
            leaning.drop_leading_conjunction(sentence.span)  # 'But Lindqvist said ...' -> 'Lindqvist said ...'
        readers.rewrite_general_you(sentences)  # 'If you walk ...' -> 'If people walk ...'
        self.clear = clear_nouns(sentences)
        _definite_for_demonstratives(sentences, self.clear)
        _name_the_clear_ones(sentences, self.clear, self.lookup)
        named, undone = resolve_definites(sentences, self.lookup, self.clear)  # 'The company' -> the one company named before
        self.resolved = (self.resolved | named) - undone
        self.resolved |= resolve_pronouns(sentences, self.clear)  # 'It'/'they': the one subject it can mean
        self.resolved |= reported.speaker_pronouns(sentences, self.lookup, kind_names.links(sentences, self.lookup))
        self.resolved |= lede_object.name_purposes(sentences)  # 'The mission' -> 'The mission to collect rock samples'
        self.resolved |= restated.amount_from_previous(sentences)  # "That's 18% of ..." after one amount
        self.resolved |= restated.term_from_previous(sentences)  # "These are pieces of video ..." after "deepfakes"
        self.known = generic.known_before(sentences)  # 'The study' after the article's one study
        named, self.unnamed = kind_names.name_kinds(sentences, self.lookup, self.clear)  # 'the company' -> its one name
        self.resolved |= named | kind_names.object_it(sentences, self.clear)  # 'called it' -> the one thing before
        self.resolved |= generic.this_from_previous(sentences) | generic.the_term(sentences) | generic.carry_pronouns(sentences, self.known)
        self.resolved |= leaning.name_the_ordinals(sentences)  # 'Her second, after ...' -> 'Her second instinct'
        kinds.kind_table(self)  # each name's kind by the article's evidence, for options, swaps and wh-words

    def clear_at(self, sentence):
        """The nouns whose 'the N' subject is clear at this sentence (not one that kind_names.py found unnamed)."""
        unnamed = {self.unnamed[sentence.index][1]} if sentence.index in self.unnamed else set()
        return (self.clear | self.known.get(sentence.index, frozenset())) - unnamed

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
        for sentence in self.sentences:  # "Lumora Telecom, the second-largest mobile network in Estavia, said ..."
            for ent in sentence.span.ents:
                entity = self.lookup.get((sentence.index, ent.start_char))
                noun = next((c for c in ent.root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.i >= ent.end
                             and c.lemma_.lower() in COMPANY_NOUNS), None)
                if entity is not None and noun is not None:
                    said.setdefault(entity.name, noun.lemma_.lower())
        for name, noun in said.items():
            entity = self.by_name.get(name)
            if entity is None or noun not in COMPANY_NOUNS:
                continue
            if entity.label in ("GPE", "PERSON", "LOC"):
                entity.label = "ORG"
                entity.labels = Counter({"ORG": 1})
            if entity.label == "ORG":  # "Which company did Huang start ...?", "Which company is the fourth-largest steel maker?"
                self.descriptors.setdefault(name, "company" if noun in BUSINESS_NOUNS else noun)

    def name_of(self, sentence):
        """The article's full name of a mention of this sentence ('Vell' -> 'Ana Vell')."""
        def full(ent):
            entity = self.lookup.get((sentence.index, ent.start_char))
            return entity.name if entity is not None else ent.text
        return full

    def office_holders(self):
        """Each office as written ('the finance spokesman for the Green Reform Party') -> who holds it."""
        if not hasattr(self, "_offices"):
            self._offices = attribution.office_index(self)
        return self._offices[0]

    def office_mentions(self):
        self.office_holders()
        return self._offices[1]

    def why_not_asked(self, sentence, ent, entity, key):
        """The rule that keeps this mention from being asked, or None."""
        if _inside_quotes(sentence.span, ent):
            return "inside-quotation"
        if any(t._.qtext is not None and lead_in(t) is None for t in ent):
            return "rewritten-phrase"  # (not a lead-in written before it: 'According to the article, 240 millimetres')
        if len(norm(key.text)) < 2 or (entity.label == "NUMBER" and not worth.meaningful_number(key)):
            return "too-small"
        if ent.text.endswith(("'", "\u2019")):
            return "stray-apostrophe"  # "the United Nations' cultural agency"
        if entity.label != "PERSON" and not entity.standalone and len(key) == 1:
            return "title-fragment"  # "Defense" in "Defense Secretary"
        if worth.not_worth_asking(ent, entity, key):
            return "not-worth-asking"
        if entity.label in ("MONEY", "NUMBER", "QUANTITY", "PERCENT") and sum_in_stem(sentence.text, key.text):
            return "sum-in-stem"
        if entity.label in ("MONEY", "NUMBER", "QUANTITY", "PERCENT") and change_in_stem(sentence.text, key.text):
            return "change-in-stem"
        if worth.passer_by_detail(ent, lambda token: self.times_named(sentence, token),
                                  self.times_named(sentence, ent.root, labels=None)):
            return "passer-by-detail"
        if background.year_in_aside(ent):
            return "aside-year"
        return None

    def times_named(self, sentence, token, labels=("PERSON", "ORG")):
        """How many times the article names the person or body this token is part of (0 when it is neither;
        `labels=None`: whatever it names):
        the mentions the model tagged, or the times the article writes a person's surname or a body's name
        or short form, whichever is more ('Local 318' three times, once tagged inside a longer name)."""
        for ent in sentence.span.ents:
            if ent.start <= token.i < ent.end:
                entity = self.lookup.get((sentence.index, ent.start_char))
                if entity is None or (labels is not None and entity.label not in labels):
                    return 0
                forms = [entity.name.split()[-1]] if entity.label == "PERSON" else [entity.name] + [
                    f for f in entity.forms if f.isupper() and len(f) >= 2]
                written = max(len(re.findall(r"\b" + re.escape(norm(f)) + r"\b", self.article_norm)) for f in forms)
                return max(entity.mentions, written)
        return 0

    def definition_common(self, sentence):
        return {"source": self.source, "features": dict(self.features(sentence, "PHRASE", "complement", None, None),
                                                        answer_words=1.0)}

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
            "first_mention": float(entity is not None and entity.first_sentence == sentence.index),
            "named_early": float(entity is not None and entity.first_sentence < 3),  # named in the lede (trivia.main_subject)
            "subject": float(ent is not None and ent.root.dep_ in ("nsubj", "nsubjpass")),
            "in_title": float(key is not None and bool(set(words(key.text)) & self.title_words)),
            "attribution": float(ent is not None and ent.root.head.lemma_ in REPORTING_VERBS
                                 and ent.root.dep_ in ("nsubj", "nsubjpass")),
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


def _keywords(sentences, top=12):
    counts = Counter(t.lemma_.lower() for s in sentences for t in s.span if t.pos_ in ("NOUN", "PROPN") and not t.is_stop)
    return {word for word, _ in counts.most_common(top)}


def build_items(text, doc_iter, *, source="", limit=None, trace=None, keep_features=False, select=True):
    """Items for one article from its parsed story paragraphs, best first.

    The stages in order: the story's paragraphs, the parse, names across the article and
    what each vague phrase refers to (Builder), the clauses that stand alone, the items of
    each clause's names and phrases, the gate, the ranking. `trace` (rules.Trace) collects
    what each stage dropped and why."""
    sentences = parse_story(text, doc_iter)
    builder = Builder(text, sentences, source, trace)
    items, seen, defined = [], set(), []
    for sentence in sentences:
        if trace is not None:
            trace.sentences[sentence.index] = sentence.text
        lead = advice.advisor(sentences, sentence.index) if advice.is_imperative(sentence.span) else ""
        if lead is None:  # "Walk after each meal." with no one said to advise it
            if trace is not None:
                trace.drop(sentence.index, "advice-unattributed")
            continue
        reason = why_unusable(sentence, builder.clear_at(sentence), advised=bool(lead))
        if sentence.index in builder.unnamed and reason in (None, "vague-subject"):
            reason = builder.unnamed[sentence.index][0]  # "The company went public ...": which company?
        views = [sentence] if reason is None else list(clause_views(sentence))
        if sentence.index in builder.unnamed:  # "The team found that X": X stands alone, the unnamed team is left out
            subject = subject_of(sentence.span)
            views = [v for v in views if subject is not None and not v.span.start <= subject.i < v.span.end]
        made = []
        for view in views:
            view_reason = why_unusable(view, builder.clear_at(sentence)) if view is not sentence else None
            if view_reason is None:
                made += _view_items(builder, sentence, view, defined)
        quoted = quotes.reported_view(sentence, builder.name_of, sentences[sentence.index + 1 : sentence.index + 4]) \
            if reason in (None, "quoted-speech") else None
        if quoted is not None:  # '"The orbit now takes 11 hours," said Ana Vell.': 'According to Ana Vell, ...'
            view, saved = quotes.apply(sentence, quoted)
            if why_unusable(view, builder.clear_at(sentence)) is None:  # a question would put the lead-in inside it
                made += [i for i in _view_items(builder, sentence, view, []) if i["prompt"].startswith("According")]
            quotes.restore(saved)  # the whole sentence's items read as written
        if reason not in NOT_THE_WRITERS_FACTS:  # "cooling - sometimes called volcanic winter -": asked on its own
            made += namings.naming_items(sentence, common=builder.definition_common(sentence),
                                         score=builder.sentence_score(sentence))
        if reason not in NOT_THE_WRITERS_FACTS:  # "..., a small sensor that measures ...": a term defined in passing
            for term, text, plural in definitions.apposition_definitions(sentence.span):
                if not any(norm(d[1]) == norm(term) for d in defined):
                    defined.append((sentence, term, text, plural))
        if reason is not None and not made and trace is not None:
            trace.drop(sentence.index, reason)
        if lead:  # "Experts suggest: check _____."
            made = advice.attribute(made, lead)
        else:
            made += title_items(builder, sentence) + attribution.office_items(builder, sentence)
            made += relatives.relative_items(builder, sentence)  # '..., who led the study': 'Who led the study?'
        _gate(builder, sentence, made, items, seen, trace)
    by_text = {d[0].text: d[0] for d in defined}  # 'What is prediabetes?': options are the article's other definitions
    for item in definitions.definition_items(defined, common_for=builder.definition_common,
                                             score_for=builder.sentence_score):
        _gate(builder, by_text[item["source_sentence"]], [item], items, seen, trace)
    assign_facts(accepted.widen(items))
    index_of = {s.text: s.index for s in sentences}
    if select:  # select=False: what the makers made, for their tests
        items = trivia.drop_trivia(items, trace, index_of)
    return rank(items, limit=limit, trace=trace, index_of=index_of,
                keep_features=keep_features, select=select, article_norm=builder.article_norm)


def _view_items(builder, sentence, view, defined):
    """The items of a sentence or clause that stands alone; a definition it gives goes to `defined`."""
    made = name_items(builder, view)
    made += builder.constituent_items(view)
    made += subjects.subject_items(builder, view)  # 'Oxygen produces green light': 'What produces ...?'
    found = definitions.definition(view.span)
    if found is not None and not any(d[0].index == sentence.index for d in defined):
        defined.append((sentence, *found))
    return made


NOT_THE_WRITERS_FACTS = {"quoted-speech", "writer-to-reader", "not-a-statement", "too-short", "too-long", "opinion-as-fact"}


def _gate(builder, sentence, made, items, seen, trace):
    """Keep the items the gate passes and that were not made before; record the rest."""
    for item in made:
        key = (item["kind"], norm(item["prompt"]))
        found = checker.defects(item, article_norm=builder.article_norm)
        if sentence.list_item and item["prompt"].endswith("?") and not found and key not in seen:
            if trace is not None:  # "What do the key specifications include?": every item of the list answers it
                trace.drop(sentence.index, "one-of-a-list", f"{item['kind']}: {item['prompt']}")
            continue
        if key in seen or found:
            if trace is not None:
                trace.drop(sentence.index, "duplicate" if key in seen else "gate",
                           f"{item['kind']}: {item['prompt']} ({', '.join(found)})" if found else item["prompt"])
            continue
        seen.add(key)
        items.append(item)


def assign_facts(items):
    """Items asking the same thing of the same sentence share a fact id, whatever their kind: the
    same answer, or one answer inside the other ('oblate spheroid' in 'an oblate spheroid shape')."""
    by_sentence = {}
    for item in items:
        by_sentence.setdefault(item["source_sentence"], []).append(item)
    for sentence, group in by_sentence.items():
        answers = sorted({item.get("fact") or item["answer"] for item in group}, key=lambda a: (len(words(a)), a))
        owner = {}
        for answer in answers:
            owner[answer] = next((o for o in answers[: answers.index(answer)] if owner.get(o) == o
                                  and contains_phrase(answer, o)), answer)
        for item in group:
            key = owner[item.get("fact") or item["answer"]]
            item["fact"] = hashlib.sha256(f"{norm(sentence)}\x1f{norm(key)}".encode()).hexdigest()[:12]
