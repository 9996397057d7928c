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
