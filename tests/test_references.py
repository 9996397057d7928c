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


def test_an_amount_right_after_the_lead_in_of_a_vague_source_is_still_asked():
    # 'The weather service said 180 millimetres ...' stands alone as 'According to the article, 180 millimetres ...';
    # the lead-in written before '180' is no rewriting of the amount itself
    text = ("Heavy rain fell across the Orran valley this week, and the river burst its banks at Telby on Friday.\n\n"
            "The weather service said 180 millimetres of rain had fallen on the hills since Tuesday, more than the "
            "area normally receives in a month.\n\n"
            "About 2,400 people were moved from Telby to schools in the nearby town of Marsh End.")
    items = questions.generate(text, source="rain.txt")
    blanks = [it["prompt"] for it in items if it["kind"] == "fill_blank" and it["answer"] == "180 millimetres"]
    assert blanks and all(p.startswith("According to the article, _____ of rain had fallen") for p in blanks)


def test_the_speaker_of_a_report_in_the_lede_is_not_what_the_story_is_about():
    # "..., a judge ruled on Monday in a case that ...": the judge reports the lede's news, so a later
    # "The judge" is not written "The judge that ruled on Monday in a case"
    ruled = ("A landlord who raised rents at a block of flats in Dorvel acted unlawfully and must repay 90,000 pounds "
             "to its tenants, a judge ruled on Monday in a case that campaigners say matters.\n\n"
             "The judge ordered the landlord to repay all rent charged above the permitted level.")
    assert not any("the judge that ruled" in p.lower() for p in prompts(ruled))
    # positive control: an event the lede opens on is still written out for a later 'The earthquake'
    struck = ("A powerful earthquake struck the hill town of Dorvel early on Monday, killing at least 12 people.\n\n"
              "The earthquake destroyed 300 homes in the town.")
    assert any(p.startswith("The earthquake that struck the hill town of Dorvel") for p in prompts(struck))
