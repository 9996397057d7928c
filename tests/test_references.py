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


KELL = ("Judge Mira Kell at Orn County Court found that the landlord broke its agreements in 2023.\n\n"
        "In her ruling, Judge Kell agreed with the tenants on both points. "
        "\"The landlord was free to raise the rent, but only as the contract allowed,\" she said. "
        "\"It chose instead to give tenants four weeks.\"\n\n"
        "The court ordered the landlord to repay 312,000 pounds. "
        "She also awarded each of the 41 households 2,500 pounds in damages.")


@pytest.mark.parametrize("text, wanted, unwanted", [
    # quotations between do not move the story on: 'she' is still Judge Kell, whom the article calls 'her'
    (KELL, "Kell also awarded", "She also awarded"),
    # the article says 'he' of Kell: 'She' is no one named, and the sentence stays dropped
    (KELL.replace("In her ruling", "In his ruling").replace("she said", "he said"), None, "also awarded"),
])
def test_she_after_quotations_is_the_one_woman_named(text, wanted, unwanted):
    found = prompts(text)
    assert any("ordered the landlord to repay" in p for p in found), found  # positive control
    assert wanted is None or any(p.startswith(wanted) for p in found), found
    assert not any(p.startswith(unwanted) or f" {unwanted}" in p for p in found), found


ORN_QUAKE = ("A magnitude 6.4 earthquake struck the hill province of Orn early on Friday, killing at least 30 people, "
             "officials said. Rescue workers searched the town of Kessby. The quake was centred about 23 kilometres "
             "north of Kessby at a depth of 12 kilometres.")


@pytest.mark.parametrize("text, wanted", [
    # 'magnitude' and 'earthquake' both parsed as subjects: the story opens on the earthquake, next to its verb
    (ORN_QUAKE, "The earthquake that struck the hill province of Orn early on Friday was centred"),
    # a second quake told of before 'The quake': which one? left dropped
    (ORN_QUAKE.replace("Rescue workers searched the town of Kessby.", "In 1952, a magnitude 6.1 quake hit Kessby."),
     None),
])
def test_the_lede_topic_is_the_noun_next_to_its_verb(text, wanted):
    found = prompts(text)
    assert any("30" in p or "Kessby" in p for p in found), found  # positive control
    assert not any(p.startswith("The quake was") or p.startswith("The magnitude that") for p in found), found
    assert wanted is None or any(p.startswith(wanted) for p in found), found
    assert wanted is not None or not any("23 kilometres" in p for p in found), found


ORLA = ("The Orla probe reached the asteroid Vell on Tuesday, the Kessby Space Agency said, beginning a mission to "
        "collect rock samples that scientists hope will date the asteroid.\n\n"
        "Engineers in Kessby cheered as the first images arrived. "
        "The mission, which cost 900 million dollars, was launched in March 2021 from Orn.")


@pytest.mark.parametrize("text, wanted", [
    # the lede's object and what it is for name the later 'The mission'
    (ORLA, "The mission to collect rock samples, which cost"),
    # a second mission told of between: which one? left dropped
    (ORLA.replace("Engineers in Kessby cheered as the first images arrived.",
                  "In 2019 the agency flew a mission to the comet Tarn."), None),
])
def test_the_lede_object_names_a_later_mission(text, wanted):
    found = prompts(text)
    assert any("Vell" in p or "Orla" in p for p in found), found  # positive control
    assert not any(p.startswith("The mission, which") for p in found), found
    assert wanted is None or any(p.startswith(wanted) or "the mission to collect rock samples" in p for p in found), found
    assert wanted is not None or not any("900 million" in p for p in found), found


@pytest.mark.parametrize("text, asked", [
    # 'its' in the phrase leans on the lede: no cut of it stands alone, and the sentence stays dropped
    (ORLA.replace("rock samples that scientists hope will date the asteroid", "rock samples from its surface"), False),
    (ORLA, True),  # positive control: the same story with a phrase that stands alone
])
def test_a_lede_object_with_a_pronoun_in_it_names_nothing(text, asked):
    found = prompts(text)
    assert any("Vell" in p or "Orla" in p for p in found), found
    assert any("900 million" in p for p in found) == asked, found
    assert not any("samples from," in p or "The mission, which" in p for p in found), found


def test_a_lead_in_does_not_hide_the_pronoun_it_stands_before():
    # 'The company said it would continue ...' with no company named: 'According to the article, it would continue
    # ...' still has 'it' for its subject, and nothing is asked of that clause
    text = ("Velby Travel will cut seven rural bus routes from May, leaving 14 villages without a service.\n\n"
            "The Marn Valley council said it would review the decision at its next meeting.\n\n"
            "The company said it would continue to run its town network in Darnby and the express service to the "
            "airport.\n\n"
            "The company said the Darnby depot would stay open until 2030.")
    found = prompts(text)
    assert not any(p.startswith("According to the article, it ") for p in found)
    # positive control: the same lead-in before a subject that names its thing is asked
    assert any(p.startswith("According to the article, the Darnby depot would stay open until") for p in found)
