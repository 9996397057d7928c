"""questions/antecedents.py: a definite subject rewritten to the one earlier thing it can mean, and left
dropped when two fit; questions/vague.py: 'The + name' is no vague subject. Every article here is made up."""
import pytest

import questions

from .helpers import explain_block as block, explain_made as made
from questions.vague import is_letter_digit_name


FILLER = ("Trains in the region carry 20,000 people a day. Most of them travel to work. "
          "Fares rose by 10 percent in 2024. ")


def test_the_company_stays_dropped_when_two_companies_fit():
    one = "Velko Rail, a rail company, opened a line to Orlando in 2023. " + FILLER
    both = ("Velko Rail, a rail company, opened a line to Orlando in 2023. "
            "Marlow Trains, a rail company, runs trains to Miami. " + FILLER)
    ending = "The company hopes to expand the service to Tampa within three years."
    assert any("Velko Rail hopes" in line for line in made(one + ending, "The company hopes"))  # positive control
    assert "dropped: rival-names" in block(both + ending, "The company hopes")  # two of one sort: which?
    assert not made(both + ending, "The company hopes")


def test_these_eruptions_are_the_described_ones_before():
    text = ("Geologists in Norland studied super eruptions at the Karrow crater in 2021. "
            "Super eruptions happen once every 100,000 years. "
            "These eruptions released 500 cubic kilometres of ash over Norland.")
    items = made(text, "These eruptions")
    assert items and all("super eruptions" in line.lower() for line in items), items
    assert any("Super eruptions released" in line for line in items), items  # an introduced kind: no "the"


def test_a_second_one_introduced_without_a_kind_makes_it_ambiguous():
    one = "Geologists in Norland studied a super-eruption at the Karrow crater in 2021. "
    two = one + "In 1999, a stronger eruption hit central Norland. "
    ending = "The eruption released 500 cubic kilometres of ash over Norland."
    assert any("super-eruption released" in line for line in made(one + ending, "The eruption"))  # positive control
    assert "dropped: vague-subject" in block(two + ending, "The eruption")


def test_these_eruptions_stay_dropped_when_two_kinds_were_named():
    text = ("Geologists in Norland studied super eruptions and volcanic eruptions at the Karrow crater. "
            "These eruptions released 500 cubic kilometres of ash over Norland.")
    assert "dropped: vague-subject" in block(text, "These eruptions")


def test_a_described_phrase_of_another_paragraph_counts_when_the_paragraph_has_none():
    text = ("Volcanoes in Norland release liquid sulfate particles into the stratosphere.\n\n"
            "These particles can cool the surface of Norland by 2 degrees for three years.")
    items = made(text, "These particles")
    assert items and all("liquid sulfate particles" in line.lower() for line in items), items
    assert any("Liquid sulfate particles can cool" in line for line in items), items


def test_an_adjective_alone_said_once_describes_and_does_not_name():
    once = "Engineers in Norland tested a novel approach to storing heat in 2022. "
    term = once + "The novel approach uses sand instead of water. "
    ending = "This approach cut heating bills by 30 percent in Karrow."
    assert "dropped: vague-subject" in block(once + ending, "This approach")
    assert any("novel approach cut" in line for line in made(term + ending, "This approach"))  # repeated: a term


def test_the_subjects_own_words_must_be_in_the_antecedent():
    text = ("Officials in Norland drafted a future flood defence plan in 2022. "
            "The current plan is for 400 workers to build a wall along the Karrow river by May.")
    assert not any("flood defence plan is for" in line for line in block(text, "The current plan").splitlines())


@pytest.mark.parametrize("word, name", [("X-59", True), ("A380", True), ("Q-17", True), ("F-35A", True),
                                        ("2024", False), ("COVID", False), ("jet", False), ("3D", False)])
def test_letter_digit_names(word, name):
    token = questions.load_model()(f"The {word} flew.")[1]
    assert is_letter_digit_name(token) is name


def test_the_letter_digit_name_is_no_vague_subject():
    named = "Engineers at Velko built a quiet jet in Ohio. The Q-17 has not yet completed a test flight over the desert."
    plain = "Engineers at Velko built a quiet jet in Ohio. The thing has not yet completed a test flight over the desert."
    assert made(named, "The Q-17")
    assert "dropped: vague-subject" in block(plain, "The thing")  # the control: a bare noun still leans back


def test_a_name_whose_last_word_is_not_its_head_is_not_that_noun():
    text = ("The play \u201cMarrow\u201d opened in Lowmoor in May. The play won the Obie Award for Best New Play in 2023. "
            "The play is entirely in Farsi and runs for 95 minutes.")
    items = made(text, "The play is entirely")
    assert items and all("Obie Award" not in line for line in items), items
    assert any("The play \u201cMarrow\u201d is entirely in" in line for line in items), items  # named by its title


def test_a_name_given_in_apposition_is_the_antecedent_whatever_its_noun():
    text = ("Thousands of people watched the Velmar Cup, a rowing race on the Kell river, in June. "
            "The race covers 3.2 miles from the old mill at Harrow to the stone bridge in Lowmoor.")
    items = made(text, "The race covers")
    assert items and all("Velmar Cup covers" in line or "the Velmar Cup cover" in line for line in items), items


def test_these_particles_are_the_kind_of_particles_the_sentence_before_names():
    """A demonstrative points at the sentence just before: two words of kind said there once name it
    (not across a paragraph, not two kinds; 'the particles' is not rewritten so)."""
    start = "Volcanoes in Norland release sulfur gas. High in the air, the gas turns into dense acidic particles"
    ending = "These particles can cool the ground below for two years."
    items = made(f"{start}. {ending}", "These particles")
    assert any("Dense acidic particles can cool" in line for line in items), items  # positive control
    assert "dropped: vague-subject" in block(f"{start} and light dusty particles. {ending}", "These particles")
    assert "dropped: vague-subject" in block(f"{start}.\n\n{ending}", "These particles")  # another paragraph
    assert not any("Dense acidic" in line for line in made(f"{start}. {ending.replace('These', 'The')}", "The particles"))
