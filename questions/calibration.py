"""How sure we are that a reader hands an item out unedited: the acceptance model and the calibrated score.

The ranker (rank.py) says how much a fact matters; this second model says how likely a
blind reader is to accept the item as written. It is a logistic regression over the
item's own form (kind, answer type, length, words that lean on another sentence, what the
options of a multiple choice look like) and the ranker's importance, fitted by
`python -m questions.fit_calibration` from the verdicts of blind readings kept in
`tests/data/readings/`. Its weights and the calibration knots are data,
`lexicon/acceptance.json`.

The calibrated score maps the model's output so that the contract holds where it was
measured: items scored at least 0.7 were accepted by blind readers at least 90% of the time on
readings held out one at a time (each with a model and cut fitted without it: fit_validation.py).
Each kind of item has its own cut, folded by the fitting script into the weight of its kind
feature, so one knot at 0.7 serves all; the knots are written with the weights.
"""
import functools
import json
import math
from pathlib import Path

from .textnorm import norm, words

MODEL = Path(__file__).parent / "lexicon" / "acceptance.json"
READY = 0.7  # the score from which an item is ready to study unedited (quizapp generate --min-score's default)
PRONOUNS = {"he", "she", "they", "it", "his", "her", "its", "their", "them", "him"}
POINTERS = {"this", "that", "these", "those", "such", "same", "similar", "other", "another", "others", "also"}
LEANING_STARTS = {"but", "however", "also", "others", "another", "meanwhile", "instead", "still", "yet", "then",
                  "and", "so", "both", "each", "all"}

FORM = ("prompt_words", "sentence_words", "answer_words_n", "the_noun_start", "pronouns", "pointers", "leaning_start",
        "according", "quoted", "question_form", "commas", "digits_answer", "tf_false", "tf_verbatim",
        "mc_from_article", "mc_length_spread", "mc_case_mismatch", "mc_numeric", "importance")


def feature_names():
    from .rank import feature_names as ranker_names  # rank imports this module

    return ranker_names() + list(FORM)


def form_values(item, article_norm=""):
    """The item's form as numbers, in the order of FORM."""
    prompt, answer, source = item["prompt"], item["answer"], item["source_sentence"]
    prompt_words, kind = words(prompt), item["kind"]
    tokens = prompt.split()
    the_noun = len(tokens) > 1 and tokens[0] == "The" and tokens[1][:1].islower()
    choices = [c for c in item.get("choices") or [] if norm(c) != norm(answer)] if kind == "multiple_choice" else []
    lengths = [len(words(c)) for c in choices + [answer]] if choices else [0]
    return [
        len(prompt_words) / 30,
        len(words(source)) / 40,
        len(words(answer)) / 5 if kind != "true_false" else 0.0,
        float(the_noun),
        min(sum(w in PRONOUNS for w in prompt_words), 3) / 2,
        float(any(w in POINTERS for w in prompt_words)),
        float(bool(prompt_words) and prompt_words[0] in LEANING_STARTS),
        float("according to the article" in norm(prompt)),
        float('"' in prompt or "\u201c" in prompt),
        float(prompt.rstrip().endswith("?")),
        min(prompt.count(","), 6) / 3,
        float(kind != "true_false" and any(ch.isdigit() for ch in answer)),
        float(kind == "true_false" and answer == "False"),
        float(kind == "true_false" and norm(prompt) == norm(source)),
        (sum(norm(c) in article_norm for c in choices) / len(choices)) if choices and article_norm else 0.0,
        (max(lengths) - min(lengths)) / 4 if choices else 0.0,
        float(bool(choices) and any(c[:1].isupper() != answer[:1].isupper() for c in choices)),
        float(bool(choices) and any(ch.isdigit() for ch in answer)),
        float(item.get("importance", 0.5)),
    ]


def vector(item, article_norm=""):
    from .rank import vector as ranker_vector

    return ranker_vector(item) + form_values(item, article_norm)


@functools.lru_cache(maxsize=1)
def load_model(path=MODEL):
    """{feature: weight}, bias and the calibration knots [(model output, score), ...]."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return dict(zip(data["features"], data["weights"])), data["bias"], [tuple(k) for k in data["knots"]]


def acceptance(item, article_norm="", model=None):
    """The model's probability that a blind reader accepts the item unedited."""
    named, bias, _ = model or load_model()
    z = bias + sum(named.get(name, 0.0) * value for name, value in zip(feature_names(), vector(item, article_norm)))
    return 1 / (1 + math.exp(-max(min(z, 30), -30)))


def calibrated(value, knots):
    """The score for a ranking value: piecewise linear through the fitted knots (increasing)."""
    if value <= knots[0][0]:
        return knots[0][1]
    for (x0, y0), (x1, y1) in zip(knots, knots[1:]):
        if value <= x1:
            return y0 + (y1 - y0) * (value - x0) / ((x1 - x0) or 1)
    return knots[-1][1]
