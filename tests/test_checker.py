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


@pytest.mark.parametrize(
    "item, defect",
    [
        # a swap beside its own hedge
        (dict(GOOD, kind="true_false", answer="False", choices=["True", "False"], accepted=[],
              prompt="Experts say about about 97 percent of people must be immune."), "repeated-word"),
        # half of a range
        (dict(GOOD, kind="fill_blank", prompt="The firm expects revenue of _____ $4.05 billion.", answer="$3.9 billion to",
              source_sentence="The firm expects revenue of $3.9 billion to $4.05 billion.", choices=[]), "dangling-answer"),
        # a word inside a name spelt out before its acronym
        (dict(GOOD, kind="fill_blank", prompt="Observers from the Organization for Security and Co-operation in _____ "
              "(OSCE) said the vote was fair.", answer="Europe", choices=[], source_sentence="Observers from the "
              "Organization for Security and Co-operation in Europe (OSCE) said the vote was fair."), "blank-inside-name"),
        # the source of a figure
        (dict(GOOD, kind="fill_blank", prompt="Turnout was 71 percent, according to the _____.", answer="CEC",
              choices=[], source_sentence="Turnout was 71 percent, according to the CEC."), "blank-is-the-source"),
    ],
)
def test_blanks_and_swaps_that_test_nothing_or_read_wrong_are_rejected(item, defect):
    assert defect in checker.defects(item)


@pytest.mark.parametrize(
    "item",
    [
        # positive controls beside each rule above: the same shapes, read right
        dict(GOOD, kind="true_false", answer="True", choices=["True", "False"], accepted=[],
             prompt="Experts say about 97 percent of people must be immune."),
        dict(GOOD, kind="fill_blank", prompt="The firm expects revenue of $3.9 billion to _____.", answer="$4.05 billion",
             source_sentence="The firm expects revenue of $3.9 billion to $4.05 billion.", choices=[]),
        dict(GOOD, kind="fill_blank", prompt="Observers from the _____ (OSCE) said the vote was fair.",
             answer="Organization for Security and Co-operation in Europe", choices=[], source_sentence="Observers from "
             "the Organization for Security and Co-operation in Europe (OSCE) said the vote was fair."),
        dict(GOOD, kind="fill_blank", prompt="Turnout was 71 percent, according to the _____'s climate agency.",
             answer="European Union", choices=[],
             source_sentence="Turnout was 71 percent, according to the European Union's climate agency."),
    ],
)
def test_the_same_shapes_read_right_pass(item):
    assert checker.defects(item) == []
