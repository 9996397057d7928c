"""questions/references.py: what a pronoun or a vague phrase refers to, written into prompts."""
import pytest

import questions
from questions.references import subject_of
from questions.vague import is_vague_phrase

from .helpers import made_prompts as prompts


def first_subject(text):
    return subject_of(next(questions.load_model()(text).sents))


@pytest.mark.parametrize(
    "text, vague",
    [
        ("The deal would cost $5 billion.", True),
        ("This company expects growth.", True),
        ("The teacher, Marjan, bans Farsi in class.", False),  # named by its apposition
        ("The film \u201cParasite\u201d won the prize.", False),  # a quoted title names it
        ("The Brazilian army sent troops.", False),  # one army
        ("The two countries signed a pact.", True),  # which two?
    ],
)
def test_is_vague_phrase(text, vague):
    assert is_vague_phrase(first_subject(text)) is vague


def test_he_is_the_person_just_named():
    found = prompts("Jim Mattis visited India in September. He met Nirmala Sitharaman in New Delhi.")
    assert any(p.startswith("Jim Mattis met") or "Who did Jim Mattis meet" in p for p in found), found


def test_the_agency_is_the_agency_named_before():
    found = prompts("The Rellan Water Commission was set up in 2019 by Lowmoor council. The commission will publish "
                    "readings from 40 wells every month.")
    assert any("the Rellan Water Commission will publish" in p or "The Rellan Water Commission will publish" in p
               for p in found), found
