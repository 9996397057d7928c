"""Rank and select: how much each item matters and how sure we are of it, then the best spread over the story.

The score is a logistic model over each item's features (where its sentence stands, what
kind of answer it asks for, which kind of item it is ...). Its weights are data,
`lexicon/ranker.json`, fitted by `python -m questions.fit_ranker` from labelled items: items
that ask a fact an independent reader listed as one a quiz should ask, and items blind
readers accepted. Then a greedy pick spreads the best items over facts and sentences.
"""
import functools
import heapq
import json
import math
from collections import Counter, defaultdict
from pathlib import Path

from . import calibration
from .textnorm import norm
from .trivia import trivia_values

WEIGHTS = Path(__file__).parent / "lexicon" / "ranker.json"
KINDS = ("multiple_choice", "true_false", "fill_blank", "short_answer")
LABEL_GROUPS = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "group",
                "DATE": "date", "TIME": "date", "NUMBER": "count", "QUANTITY": "count", "MONEY": "amount",
                "PERCENT": "amount", "PHRASE": "phrase"}
GROUPS = ("person", "org", "place", "group", "date", "count", "amount", "name", "phrase")
ROLES = ("name", "title", "object", "complement", "action", "cause", "purpose", "means", "description", "subject",
         "term")
NUMERIC = ("position", "lede", "central", "mentions", "modifier", "long", "resolved", "relative_date", "answer_words",
           "first_mention", "subject", "in_title", "attribution")
TRIVIA = ("passing_name", "spec_measure", "clock_time", "age", "listed", "office_once")  # trivia.trivia_values


def feature_names():
    return ([f"kind={k}" for k in KINDS] + [f"group={g}" for g in GROUPS] + [f"role={r}" for r in ROLES]
            + list(NUMERIC) + ["form_score"] + list(TRIVIA))


def vector(item):
    """The item's features as numbers, in the order of feature_names()."""
    features = item.get("features") or {}
    group = LABEL_GROUPS.get(features.get("label"), "name")
    values = [float(item["kind"] == k) for k in KINDS] + [float(group == g) for g in GROUPS]
    values += [float(features.get("role") == r) for r in ROLES]
    values += [float(features.get(name, 0.0)) for name in NUMERIC]
    values += [float(item.get("form_score", 0.5))]  # not whether a statement is true: the judge's quirk, not worth
    return values + trivia_values(item, group)


@functools.lru_cache(maxsize=1)
def load_weights(path=WEIGHTS):
    """{feature name: weight} and the bias, from the fitted file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return dict(zip(data["features"], data["weights"])), data["bias"]


def importance(item, weights):
    """The fitted model's probability for this item, rounded."""
    named, bias = weights
    z = bias + sum(named.get(name, 0.0) * value for name, value in zip(feature_names(), vector(item)))
    return 1 / (1 + math.exp(-z))


# items of one kind a sentence may give: more, and each blank gives away the other's answer
PER_SENTENCE = {"fill_blank": 2, "short_answer": 4, "multiple_choice": 1, "true_false": 1}
MAX_SAME_ANSWER = 4  # items of one kind with the same answer: more is a drill, not a quiz


def rank(items, *, limit=None, trace=None, index_of=None, keep_features=False, select=True, article_norm=""):
    """Best first, spread over the story: a second item of the same fact, sentence or answer waits
    behind the first items of the others (a greedy pick, each score lowered by what was picked
    before it), and at most a few items of one kind with the same answer or sentence (`select=False`
    keeps them all, in the same order: what the makers made, for their tests)."""
    weights, model = load_weights(), calibration.load_model()
    knots = model[2]
    pool = []
    for item in sorted(items, key=lambda it: (it["source_sentence"], it["kind"], it["prompt"])):
        item.pop("phrase", None)
        item["form_score"] = item["score"]
        item["importance"] = importance(item, weights)
        item["acceptance"] = calibration.acceptance(item, article_norm, model)
        item["score"] = item["acceptance"]  # the acceptance model weighs the importance among its features
        pool.append((item, norm(item["answer"]) if item["kind"] != "true_false" else item["source_sentence"]))
    facts, sentences, answers, per_sentence, same, kinds = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
    kept, held, ceiling, waiting, below_ready = [], [], 1.0, [], False
    blanked = defaultdict(set)  # sentence -> the answers of its blanks picked so far

    def calibrated_value(value):
        return calibration.calibrated(value, knots)

    def adjusted(entry):
        item, answer = entry
        return item["score"] - (REPEAT_FACT * facts[item.get("fact")] + REPEAT_SENTENCE * sentences[item["source_sentence"]]
                                + REPEAT_ANSWER * answers[answer] + REPEAT_KIND * kinds[item["kind"]])

    heap = [(-adjusted(entry), n) for n, entry in enumerate(pool)]
    heapq.heapify(heap)
    while heap or waiting:  # a lazy greedy pick: penalties only grow, so a stale score is an upper bound
        if not heap:  # only second blanks left, every item before them ready: they come last, as drafts
            below_ready = True
            for m in waiting:
                heapq.heappush(heap, (-adjusted(pool[m]), m))
            waiting.clear()
        _, n = heapq.heappop(heap)
        fresh = (-adjusted(pool[n]), n)
        if heap and fresh > heap[0]:
            heapq.heappush(heap, fresh)
            continue
        item, answer = pool[n]
        rule = None
        if select and not keep_features and _second_blank(item, blanked) and not below_ready and \
                calibrated_value(min(ceiling, max(adjusted((item, answer)), 0.0))) >= calibration.READY:
            waiting.append(n)  # each blank gives the other's answer: the second waits until the scores are drafts'
            continue
        if keep_features or not select:
            pass  # every candidate, whatever the caps would keep (for fitting, and for the makers' tests)
        elif per_sentence[(item["source_sentence"], item["kind"])] >= PER_SENTENCE.get(item["kind"], 2):
            rule = "sentence-full"  # one sentence is not the whole quiz
        elif item["kind"] != "true_false" and same[(item["kind"], answer)] >= MAX_SAME_ANSWER:
            rule = "answer-repeated"
        if rule:
            held.append((item, answer, rule))
            continue
        ceiling = min(ceiling, max(adjusted((item, answer)), 0.0))
        item["score"] = _draft_if(below_ready, round(calibration.calibrated(ceiling, knots), 3))
        if waiting and item["score"] < calibration.READY:
            for m in waiting:  # below the ready mark now: the second blanks take their places by score
                heapq.heappush(heap, (-adjusted(pool[m]), m))
            waiting.clear()
        if is_blank(item):
            blanked[item["source_sentence"]].add(norm(item["answer"]))
        facts[item.get("fact")] += 1
        sentences[item["source_sentence"]] += 1
        answers[answer] += 1
        per_sentence[(item["source_sentence"], item["kind"])] += 1
        same[(item["kind"], answer)] += 1
        kinds[item["kind"]] += 1
        _finish(item, keep_features)
        kept.append(item)
    for item, answer, rule in held:
        place = (item["source_sentence"], item["kind"])
        room = len(kept) < MIN_ITEMS or per_sentence[place] < LATER_PER_SENTENCE.get(item["kind"], 2)
        drilled = item["kind"] != "true_false" and same[(item["kind"], answer)] >= MAX_SAME_ANSWER
        if rule == "sentence-full" and room and not drilled:  # behind the rest: a busy sentence has more to ask
            per_sentence[place] += 1
            same[(item["kind"], answer)] += 1
            ceiling = min(ceiling, max(adjusted((item, answer)), 0.0))
            item["score"] = _draft_if(below_ready or _second_blank(item, blanked),
                                      round(calibration.calibrated(ceiling, knots), 3))
            below_ready |= item["score"] < calibration.READY
            if is_blank(item):
                blanked[item["source_sentence"]].add(norm(item["answer"]))
            _finish(item, keep_features)
            kept.append(item)
        elif trace is not None:
            trace.drop(index_of[item["source_sentence"]], rule, f"{item['kind']}: {item['prompt']}")
    return kept[:limit] if limit else kept


def is_blank(item):
    """A fill-in-the-blank, or a multiple choice over a blank in its sentence."""
    return item["kind"] == "fill_blank" or (item["kind"] == "multiple_choice" and "_____" in item["prompt"])


def _second_blank(item, blanked):
    """A blank over a sentence that already gave one with another answer: each gives the other's answer."""
    return is_blank(item) and bool(blanked[item["source_sentence"]] - {norm(item["answer"])})


def _draft_if(below, score):
    """Below the ready mark once an item had to be put there, so that scores stay in order."""
    return min(score, round(calibration.READY - 0.001, 3)) if below else score


def _finish(item, keep_features):
    if not keep_features:
        for key in ("features", "form_score", "importance", "acceptance"):
            item.pop(key, None)


MIN_ITEMS = 30  # below this many, the caps on items per sentence give way
# after every item within the caps: more of one sentence (a lede of four facts), each behind all the others
LATER_PER_SENTENCE = {"fill_blank": 3, "short_answer": 5, "multiple_choice": 2, "true_false": 1}


REPEAT_FACT, REPEAT_SENTENCE, REPEAT_ANSWER, REPEAT_KIND = 0.3, 0.15, 0.06, 0.04  # each kind present among the best
