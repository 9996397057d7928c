"""The generator's final gate (questions/checker.py): every rule a machine can check rejects its bad item."""
import pytest

import questions
from questions import checker

from .helpers import SEED

ARTICLE = "The Pentagon said on Monday that Jim Mattis will lead the talks in Brussels next week."
GOOD = {
    "kind": "short_answer",
    "prompt": "Who will lead the talks in Brussels next week?",
    "answer": "Jim Mattis",
    "choices": [],
    "accepted": [],
    "source_sentence": ARTICLE,
}
CHOICE = dict(GOOD, kind="multiple_choice", choices=["Jim Mattis", "Mike Pompeo", "John Kelly", "Rex Tillerson"])


def test_a_good_item_passes():
    assert checker.defects(GOOD, ARTICLE) == []
    assert checker.defects(CHOICE, ARTICLE) == []


@pytest.mark.parametrize(
    "change, defect",
    [
        ({"kind": "essay"}, "unknown-kind"),
        ({"answer": " "}, "empty"),
        ({"source_sentence": "Jim Mattis will lead the talks in Paris next month."}, "unsourced"),
        ({"source_sentence": "Jim Mattis will lead"}, "fragment-source"),
        ({"prompt": "He will lead the talks in Brussels, says who?"}, "vague-start"),
        ({"prompt": "Who leads?"}, "length"),
        ({"answer": "Mike Pompeo"}, "answer-not-in-source"),
        ({"prompt": "Will Jim Mattis lead the talks in Brussels next week?"}, "answer-leak"),
        ({"kind": "fill_blank", "prompt": "The talks in Brussels next week will be led by someone."}, "bad-blank"),
        ({"choices": ["Jim Mattis", "Mike Pompeo", "John Kelly"]}, "bad-choices"),
        ({"kind": "true_false", "answer": "Yes", "choices": ["True", "False"]}, "bad-tf"),
    ],
)
def test_each_rule_rejects_its_bad_item(change, defect):
    assert defect in checker.defects(dict(GOOD, **change), ARTICLE)


def test_a_distractor_that_is_also_right_is_rejected():
    item = dict(CHOICE, choices=["Jim Mattis", "Mattis", "John Kelly", "Rex Tillerson"])
    assert "distractor-also-correct" in checker.defects(item, ARTICLE)


def test_a_false_statement_the_article_makes_is_rejected():
    item = dict(GOOD, kind="true_false", prompt="Jim Mattis will lead the talks in Brussels next week.",
                answer="False", choices=["True", "False"])
    assert "false-statement-is-in-article" in checker.defects(item, ARTICLE)


def test_the_generator_keeps_only_what_the_gate_lets_through(monkeypatch):
    text = SEED.read_text(encoding="utf-8")
    assert questions.generate(text, source=str(SEED))
    monkeypatch.setattr(checker, "defects", lambda item, article_text=None, *, article_norm=None: ["rejected"])
    assert questions.generate(text, source=str(SEED)) == []
