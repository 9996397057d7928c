"""The critic's judgement is no fact to quiz (opinions.py, rule `opinion-as-fact`); the facts of a review are."""
import pytest

from .helpers import explain_block

REVIEW = ('"The Tin Harbour" review: a quiet film about debt\n\n'
          'About ten minutes into "The Tin Harbour," Petra Olsen\'s quietly devastating second feature, a baker counts '
          'coins at a kitchen table in the port town of Skarn. '
          "Karin Vell, best known until now for the stage, is very good as Ida, all sharp looks and short answers. "
          "The film is the rare drama about money that understands money is never just money. "
          "The script is uneven in its second half. "
          "Olsen shot the film over nine weeks in the winter of 2023 in Skarn. "
          "The film won the Golden Gull award at the Maro Film Festival in May. "
          "Critics at the festival called the ending brilliant. "
          "A powerful storm hit the coast of Skarn during the shoot, and the crew lost four days.\n")


@pytest.mark.parametrize("opening", ["About ten minutes into", "Karin Vell, best known", "The film is the rare",
                                     "The script is uneven"])
def test_the_critics_judgement_gives_no_item(opening):
    block = explain_block(REVIEW, opening)
    assert "opinion-as-fact" in block and "made " not in block, block


@pytest.mark.parametrize("opening", ["Olsen shot the film", "The film won the Golden Gull",
                                     "Critics at the festival called", "A powerful storm hit"])
def test_the_facts_of_a_review_and_judgements_said_to_be_someones_are_asked(opening):
    block = explain_block(REVIEW, opening)  # positive controls: facts, an opinion held by critics, a storm's force
    assert "opinion-as-fact" not in block and "made " in block, block


def test_a_quoted_judgement_is_not_the_writers():
    text = ('Theatre reopens after a year\n\nThe Grand Lark Theatre in Odden reopened on Friday with a new play by Mara '
            'Quist. "It is a brilliant, moving evening," said Tomas Ekberg, the theatre\'s director, who spent 2.1 '
            "million crowns on the new stage.\n")
    assert "opinion-as-fact" not in explain_block(text, '"It is a brilliant')


def test_the_shared_fair_forms_of_a_typed_answer():
    from questions.accepted import forms

    assert forms("71 percent") == ["71%"]
    assert forms("4.5%") == ["4.5 percent"]
    assert forms("Oct. 24") == ["October 24"]
    assert forms("Ada Lind", "PERSON") == ["Lind"]
    assert forms("Tomas Ek Jr.", "PERSON") == ["Ek"]
    assert forms("the Lenn River", "LOC") == ["Lenn River"]
    assert forms("Orrin Bay", "PERSON") == []  # a place the model took for a person
    assert forms("Mayor", "PERSON") == [] and forms("May") == [] and forms("Ada Lind", "ORG") == []


def test_widened_forms_reach_typed_items_and_never_give_the_answer_away():
    from questions.accepted import widen

    typed = {"kind": "fill_blank", "prompt": "A survey found that _____ of teachers agree.", "answer": "71 percent",
             "accepted": [], "answer_type": "PERCENT"}
    leaky = {"kind": "short_answer", "prompt": "Who did Lind meet on Monday?", "answer": "Ada Lind", "accepted": [],
             "answer_type": "PERSON"}
    chosen = {"kind": "multiple_choice", "prompt": "_____ of teachers agree.", "answer": "71 percent", "accepted": [],
              "answer_type": "PERCENT", "choices": ["71 percent", "50 percent", "60 percent", "80 percent"]}
    widen([typed, leaky, chosen])
    assert typed["accepted"] == ["71%"]
    assert leaky["accepted"] == []  # "Lind" stands in the question
    assert chosen["accepted"] == []  # options, not typing


def test_a_generated_percentage_blank_accepts_the_sign():
    import questions

    text = ("Teachers back phone ban\n\nA survey of 400 teachers in Arlow found that 71 percent of them wanted phones "
            "banned from classrooms, the district's education office said on Monday.\n")
    blanks = [item for item in questions.generate(text) if item["kind"] in ("fill_blank", "short_answer")
              and item["answer"] == "71 percent"]
    assert blanks and all("71%" in item["accepted"] for item in blanks), blanks
