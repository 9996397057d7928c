"""questions/quotes.py: a named speaker's one quoted sentence that states a fact is asked as reported speech
('According to Mara Holt, the orbit now takes _____.'); feelings, beliefs and predictions in quotes are not,
and the speaker is never the blank. Every "not asked" row has a near-identical asked row beside it (the
positive control). Every article here is made up."""
import pytest

from .helpers import explain_made as made

STORY = ("The Orlan Space Agency said on Monday that its probe had changed the orbit of the small moon Tessa. "
         "Mara Holt leads the mission team at the agency. ")

ASKED = [
    # the quotation opens the sentence, its speaker after the verb of saying
    ('"The orbit now takes 11 hours and 4 minutes," said Mara Holt, who leads the team.', '"The orbit',
     "According to Mara Holt, the orbit now takes _____."),
    # the quotation closes the sentence; the surname is written as the article's full name
    ('Holt said, "Any lake deeper than 40 metres keeps a cold layer all summer."', "Holt said",
     "According to Mara Holt, any lake deeper than _____ keeps"),
    # the speaker before the verb
    ('"The probe reached Tessa after 212 days in space," Holt said.', '"The probe',
     "According to Mara Holt, the probe reached Tessa after _____ in space."),
]


@pytest.mark.parametrize("sentence, opening, wanted", ASKED)
def test_fact_in_quotation_asked_as_reported_speech(sentence, opening, wanted):
    lines = made(STORY + sentence, opening)
    assert any(wanted in line for line in lines), lines
    assert not any(line.endswith("-> Mara Holt") or "-> Holt" in line for line in lines
                   if "According to" in line), lines  # the speaker is in the lead-in, never the blank


NOT_ASKED = [
    # a feeling, a belief, a prediction: no fact; beside each, the same shape stating a fact is asked
    ('"We are thrilled that the orbit now takes 11 hours," said Mara Holt.',
     '"The orbit now takes 11 hours," said Mara Holt.'),
    ('"I think the orbit now takes 11 hours," said Mara Holt.',
     '"The orbit now takes 11 hours," said Mara Holt.'),
    ('"The orbit will take 11 hours by June," said Mara Holt.',
     '"The orbit took 11 hours in June," said Mara Holt.'),
    # no one named says it: a slogan, not a speaker's words
    ('"The orbit now takes 11 hours" was the slogan on the agency\'s posters.',
     '"The orbit now takes 11 hours," said Mara Holt.'),
]


@pytest.mark.parametrize("dropped, control", NOT_ASKED)
def test_opinion_or_unattributed_quotation_not_asked(dropped, control):
    assert not any("According to" in line for line in made(STORY + dropped, dropped[:12])), made(STORY + dropped, dropped[:12])
    assert any("According to Mara Holt, the orbit" in line for line in made(STORY + control, control[:12]))


def test_quotation_fragment_is_a_statement():
    """'a "rubble pile" object' is a fragment inside the writer's own statement: the sentence is asked as written."""
    text = STORY + 'The probe hit a "rubble pile" moon of 160 metres across in September 2025.'
    lines = made(text, "The probe hit")
    assert any("160 metres" in line or "September 2025" in line for line in lines), lines
    assert not any("According to" in line for line in lines), lines


def test_whole_sentence_items_read_as_written():
    """The lead-in is written only in the quotation's own items: the office item of the same sentence
    quotes the sentence as the article has it."""
    text = STORY + '"The orbit now takes 11 hours and 4 minutes," said Mara Holt, who leads the mission team.'
    lines = made(text, '"The orbit')
    assert any("According to Mara Holt, the orbit now takes _____." in line for line in lines), lines
    assert not any('"According to' in line or "According to Mara Holt, the orbit now takes 11 hours and 4 minutes. said"
                   in line for line in lines), lines


def test_quotation_of_two_sentences_takes_its_speaker_from_the_second():
    """A quotation that runs over two sentences names its speaker where it closes: the first sentence is
    asked with that speaker; a quotation that never names one is not (positive control beside it)."""
    named = STORY + '"The orbit now takes 11 hours and 4 minutes. Tessa was never this fast," said Mara Holt.'
    assert any("According to Mara Holt, the orbit now takes _____." in line for line in made(named, '"The orbit'))
    unnamed = STORY + '"The orbit now takes 11 hours and 4 minutes. Tessa was never this fast."'
    assert not any("According to" in line for line in made(unnamed, '"The orbit'))


def test_quotation_without_a_figure_not_asked():
    """'The backlog is no longer a temporary effect of a bad winter': a view, no figure to recall (a question
    would also lose its 'no longer'); the same quotation with its figure is asked."""
    view = STORY + '"The orbit is no longer a strange effect of a bad winter," said Mara Holt.'
    assert not any("According to" in line for line in made(view, '"The orbit'))
    figure = STORY + '"The orbit is now 4,000 kilometres wide, after a bad winter," said Mara Holt.'
    assert any("According to Mara Holt, the orbit is now _____" in line for line in made(figure, '"The orbit'))
