"""questions/phrasing.py: a sentence and one of its phrases into a grammatical wh-question."""
from dataclasses import dataclass

import pytest

import questions
from questions.phrasing import category, question_for, wh_word


@dataclass
class Named:
    name: str
    label: str
    is_country: bool = False
    human: bool = True
    mentions: int = 1
    labels: dict = None
    reliable: bool = True
    participant: bool = True


@pytest.mark.parametrize(
    "entity, subject, preposition, wh",
    [
        (Named("Jim Mattis", "PERSON"), True, None, "Who"),
        (Named("Dimorphos", "PERSON", human=False), True, None, None),  # one word taken for a person
        (Named("Japan", "GPE", is_country=True), False, "to", "Which country"),
        (Named("Paris", "GPE"), False, "in", "Where"),
        (Named("March", "DATE"), False, "in", "When"),
        (Named("$5 billion", "MONEY"), False, None, "How much"),
        (Named("Guaiba River", "LOC"), True, None, "Which river"),
    ],
)
def test_wh_word(entity, subject, preposition, wh):
    assert wh_word(entity, subject=subject, preposition=preposition) == wh


def test_category_reads_the_kind_off_the_name():
    assert category("the Guaiba River") == "river" and category("Paris") is None


def test_a_question_moves_the_object_to_the_front_with_do_support():
    span = next(questions.load_model()("Apple sold 10 million phones in May.").sents)
    key = span.doc[6:7]  # "May"
    assert question_for(span, key, Named("May", "DATE")) == "When did Apple sell 10 million phones?"
