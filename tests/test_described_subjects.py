"""Definite subjects that are clear once their one referent is written in (issue 14, 'resolve, don't drop'):

- kind_names.set_off: 'The district, which serves ...,' is 'the district' with a clause that only describes it;
  the article's one name for the district is written before the comma, the clause kept.
- vague.naming_clause: 'The drug, known as VX-12,' names itself in its own comma-set clause.
- references._opening_event: the lede's 'after a strong earthquake killed ...' is what a later 'The quake' means.
Every article here is invented for the test; each 'not asked' has a positive control beside it."""
from tests.helpers import explain_block, made_prompts as prompts


DISTRICT = ("Pupils in the Carrow Valley School District made gains in reading this year, officials said on Monday.\n\n"
            "The district, which serves about 18,200 students across 29 schools, had made reading its top priority "
            "in 2021. Teachers were given new phonics books last spring.")


def test_a_described_kind_noun_gets_the_one_name_before_its_comma():
    found = prompts(DISTRICT)
    assert any(p.startswith("The Carrow Valley School District, which serves about") for p in found), found
    assert not any(p.startswith("The district, which") for p in found), found


def test_a_described_kind_noun_with_two_names_stays_dropped():
    text = ("Pupils in the Carrow Valley School District and the Elmside School District made gains in reading this "
            "year, officials said on Monday.\n\n"
            "The district, which serves about 18,200 students across 29 schools, had made reading its top priority "
            "in 2021. Teachers in Elmside were given 4,000 new phonics books last spring.")
    found = prompts(text)
    assert not any("18,200" in p or "29 schools" in p or "_____ schools" in p for p in found), found
    assert any("4,000" in p or "_____ new phonics" in p for p in found), found  # positive control


def test_a_cooperative_is_a_kind_with_a_name():
    text = ("A judge ruled on Tuesday that Halmer Foods broke its contract with the Tessel Valley Dairy Cooperative.\n\n"
            "The cooperative, which represents 48 farms in the hills west of Marlow, had sued for $6.1 million.")
    found = prompts(text)
    assert any(p.startswith("The Tessel Valley Dairy Cooperative, which represents") for p in found), found


def test_a_comma_clause_that_is_not_set_off_is_left_to_the_other_rules():
    text = ("Pupils in the Carrow Valley School District made gains in reading this year, officials said on Monday.\n\n"
            "The district of the western hills, the board said, will hire 40 tutors in 2025. "
            "The Carrow Valley School District spent $2.3 million on books.")
    found = prompts(text)
    assert not any(p.startswith("The Carrow Valley School District of the western hills") for p in found), found
    assert any("$2.3 million" in p or "spent _____" in p for p in found), found  # positive control


def test_a_subject_named_in_its_own_known_as_clause_stands():
    text = ("An experimental pill cut migraine days by half in a large trial, researchers said on Monday.\n\n"
            "The drug, known as VX-12, is being developed by Orlen Therapeutics in Kessby.")
    found = prompts(text)
    assert any("Orlen Therapeutics" in p or ("_____" in p and "VX-12" in p) for p in found), found


def test_known_as_a_description_does_not_name_the_subject():
    text = ("An experimental pill cut migraine days by half in a large trial, researchers said on Monday. "
            "Doctors in Kessby praised the results.\n\n"
            "The drug, known as a blocker, is being developed by Orlen Therapeutics in Kessby. "
            "Orlen Therapeutics employs 1,200 people.")
    block = explain_block(text, "The drug, known as a blocker")
    assert "made " not in block, block
    assert "vague-subject" in block or "unnamed-kind" in block, block
    assert "made " in explain_block(text, "Orlen Therapeutics employs"), text  # positive control


def test_the_ledes_event_in_an_after_clause_names_the_later_quake():
    text = ("Rescuers dug through collapsed homes on Thursday after a magnitude 6.4 earthquake killed at least 37 "
            "people in the north of Velmora.\n\n"
            "The quake struck at 5:10 a.m. on Tuesday at a depth of 9 kilometres, according to the national "
            "seismology office.")
    found = prompts(text)
    assert any(p.startswith("The earthquake that killed at least 37 people") for p in found), found
    assert not any(p.startswith("The quake struck") for p in found), found


def test_two_events_in_the_lede_name_no_later_quake():
    text = ("Rescuers dug through collapsed homes on Thursday after a magnitude 6.4 earthquake killed at least 37 "
            "people, and engineers checked bridges after a flood destroyed 20 roads in the north of Velmora.\n\n"
            "The quake struck at 5:10 a.m. on Tuesday at a depth of 9 kilometres, according to the national "
            "seismology office.")
    found = prompts(text)
    assert not any("The earthquake that killed" in p for p in found), found
    assert any("killed at least _____ people" in p for p in found), found  # positive control: the lede is asked


def test_a_participle_without_an_object_is_no_event():
    text = ("Police closed a road on Thursday after a man wounded in a crash was taken to hospital in Velmora.\n\n"
            "The man was 43, police said.")
    found = prompts(text)
    assert not any(p.startswith("The man that") for p in found), found


def test_a_name_called_a_network_is_the_company_that_acts_next():
    text = ("Velkan Mobile, the largest mobile network in Dorrin, said on Friday that thieves had stolen the records "
            "of about 1.4 million customers.\n\n"
            "The company said the thieves got into its systems through a supplier's account over 12 days.")
    found = prompts(text)
    assert any(p.startswith("Velkan Mobile said the thieves got into its systems") for p in found), found


def test_the_company_after_a_network_and_another_company_stays_dropped():
    text = ("Velkan Mobile, the largest mobile network in Dorrin, said on Friday that thieves had stolen the records "
            "of about 1.4 million customers, and Orsk Systems said it had found the breach.\n\n"
            "The company said the thieves got into its systems through a supplier's account over 12 days.")
    found = prompts(text)
    assert not any("got into its systems" in p for p in found), found
    assert any("1.4 million" in p or "_____ customers" in p for p in found), found  # positive control


def test_an_office_of_a_body_written_at_a_sentence_start_reads_lowercase_mid_question():
    text = ("The Norland Relief Agency opened 14 shelters on Monday after floods hit the coast.\n\n"
            "The agency's director, Mara Quell, said 2,300 people had left their homes.")
    found = prompts(text)
    assert not any("Who is The " in p for p in found), found
    assert any(p.startswith("Who is the Norland Relief Agency's director") for p in found) or any(
        "Mara Quell" in p or "2,300" in p or "_____ people" in p for p in found), found  # positive control
