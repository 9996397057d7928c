"""Facts that were dropped and are now asked (issue 14, recall): a term defined in an apposition
(definitions.apposition_definitions), what a 'who' clause says a named person did (relatives.py),
'you' meaning people in general (readers.py). Every sentence here is made up; every "not asked"
test has a positive control in the same text."""
import questions

from .helpers import explain_block as block, explain_made as made


def items_of(text, sentence_start):
    return [i for i in questions.generate(text, select=False) if i["source_sentence"].startswith(sentence_start)]


CLINIC = "The town of Orrin Vale opened a health clinic on Monday. "
PASSPORT = "Each patient receives a health passport, a small booklet that records every visit to the clinic. "
ASTHMA = "The clinic runs a walk-in service for children with asthma, a lung disease that narrows the airways. "


def test_a_term_defined_in_an_apposition_is_asked_what_it_is():
    short = [i for i in items_of(CLINIC + PASSPORT, "Each patient") if i["prompt"] == "What is a health passport?"]
    assert short and short[0]["answer"] == "a small booklet that records every visit to the clinic"
    assert short[0]["kind"] == "short_answer" and "small booklet that records every visit to the clinic" in short[0]["accepted"]


def test_a_second_object_the_parser_took_for_the_apposition_is_still_the_terms_definition():
    prompts = {i["prompt"]: i["answer"] for i in items_of(CLINIC + ASTHMA, "The clinic runs")}
    assert prompts.get("According to the article, what is asthma?") == "a lung disease that narrows the airways"


def test_an_apposition_that_says_what_kind_but_not_which_is_no_definition():
    kind_only = "Each patient receives a health passport, a booklet, at the front desk. "
    text = CLINIC + kind_only + ASTHMA
    assert not any(i["prompt"] == "What is a health passport?" for i in items_of(text, "Each patient"))
    assert any(i["prompt"].endswith("what is asthma?") for i in items_of(text, "The clinic runs"))  # positive control


def test_a_term_with_a_pronoun_or_a_name_is_no_definition():
    text = (CLINIC + "The nurses check its water supply, a tank that holds rain from the roof. "
            "Staff trained with Dr. Ilse Varn, a doctor who works in the capital. " + ASTHMA)
    prompts = [i["prompt"] for i in questions.generate(text, select=False)]
    assert not any(p.startswith(("What is its water supply", "What is Dr.", "What is Ilse")) for p in prompts), prompts
    assert "According to the article, what is asthma?" in prompts  # positive control


def test_an_apposition_in_a_quotation_is_not_asked_as_a_definition():
    text = CLINIC + '"Every child gets a health passport, a small booklet that records every visit," said Dr. Ilse Varn. ' + ASTHMA
    prompts = [i["prompt"] for i in questions.generate(text, select=False)]
    assert "What is a health passport?" not in prompts
    assert "According to the article, what is asthma?" in prompts  # positive control


SPOKE = '"We have treated more than 400 patients in the first week alone," said Dr. Pella Marrow, '


def test_who_a_named_person_is_said_to_be_is_asked_from_a_quotation():
    text = CLINIC + SPOKE + "the clinic's chief physician, who led the building project for five years."
    lines = made(text, '"We have treated')
    assert any("Who led the building project for five years? -> Pella Marrow" in line for line in lines), lines


def test_who_clause_of_speaking_or_leaning_on_another_sentence_is_not_asked():
    text = (CLINIC + SPOKE + "who declined to give the names of the patients. "
            "The nurse in charge is Tobin Ashe, who also wrote it. "
            "The clinic was planned by Ona Brisk, who has lived in Orrin Vale since 1978.")
    prompts = [i["prompt"] for i in questions.generate(text, select=False)]
    assert not any(p.startswith(("Who declined", "Who also wrote", "Who wrote")) for p in prompts), prompts
    assert "Who has lived in Orrin Vale since 1978?" in prompts  # positive control


def test_a_who_clause_inside_a_quotation_is_not_asked():
    text = (CLINIC + '"I thank Dr. Pella Marrow, who led the building project for five years," said Ona Brisk. '
            "The clinic was planned by Tobin Ashe, who has lived in Orrin Vale since 1978.")
    prompts = [i["prompt"] for i in questions.generate(text, select=False)]
    assert "Who led the building project for five years?" not in prompts
    assert "Who has lived in Orrin Vale since 1978?" in prompts  # positive control


def test_a_who_clause_on_a_team_asks_with_a_singular_verb_and_never_accepts_part_of_its_name():
    """'Castlebrook United, ..., who have won the cup nine times': a team is one thing in the question ('Who has won
    ...?'), and 'United' alone is not the club; a person's surname stays an accepted answer (control)."""
    text = ("Dunmore Rovers reached the final of the national cup on Saturday. On April 20 they will face Castlebrook "
            "United, the reigning league champions, who have won the cup nine times. The final was planned by Maria "
            "Jensen, who has lived in Orrin Vale since 1978.")
    items = {i["prompt"]: i for i in questions.generate(text, select=False) if i["prompt"].startswith("Who")}
    assert "Who have won the cup nine times?" not in items
    team = items["Who has won the cup nine times?"]
    assert team["answer"] == "Castlebrook United" and "United" not in team["accepted"]
    assert "Jensen" in items["Who has lived in Orrin Vale since 1978?"]["accepted"]  # control: a person's surname


WALK = "If you walk for ten minutes after dinner, your blood sugar falls by about 20 percent. "


def test_you_meaning_people_in_general_is_asked_as_people():
    lines = made("Short walks help the body. " + WALK, "If you walk")
    assert any("If people walk for ten minutes after dinner, their blood sugar falls by about _____. -> 20 percent"
               in line for line in lines), lines
    assert not any(" you " in line.split("->")[0] for line in lines)


def test_the_writer_speaking_or_a_your_first_stays_dropped():
    text = ("Short walks help the body. We asked 30 families how you should store rice at home. "
            "It is suggested to change one fourth of your tank's water once every week. " + WALK)
    assert "dropped: writer-to-reader" in block(text, "We asked")
    assert "dropped: writer-to-reader" in block(text, "It is suggested")
    assert any("20 percent" in line for line in made(text, "If you walk"))  # positive control


FISH = "Moon fish are small tropical fish kept in home tanks. "


def test_a_subject_that_picks_out_a_kind_is_asked_which_kind():
    text = FISH + "Female moon fish can live with other fish peacefully."
    lines = made(text, "Female moon fish")
    assert any("Which moon fish can live with other fish peacefully? -> Female moon fish" in line for line in lines), lines


def test_a_definite_or_reporting_subject_is_not_asked_for_itself():
    text = (FISH + "The shop sells moon fish to collectors in the city. "
            "Researchers found more than 40 kinds of moon fish in one river. "
            "Female moon fish can live with other fish peacefully.")
    prompts = [i["prompt"] for i in questions.generate(text, select=False)]
    assert not any(p.startswith(("What sells", "Which shop", "What found", "Who found")) for p in prompts), prompts
    assert "Which moon fish can live with other fish peacefully?" in prompts  # positive control


def test_a_who_clause_true_of_many_or_saying_too_little_is_not_asked():
    text = (CLINIC + "Dr. Ilse Varn, a surgeon who was not involved in the project, praised the clinic. "
            "Mayor Ona Brisk, who voted in favor, called the clinic a gift. "
            "Tobin Ashe, who was appointed in 2021, runs the front desk. "
            "The clinic was planned by Pella Marrow, who has lived in Orrin Vale since 1978.")
    prompts = [i["prompt"] for i in questions.generate(text, select=False)]
    assert not any(p.startswith(("Who was not involved", "Who voted", "Who was appointed")) for p in prompts), prompts
    assert "Who has lived in Orrin Vale since 1978?" in prompts  # positive control


def test_an_apposition_about_the_whole_clause_or_a_name_is_no_definition():
    text = (CLINIC + "The clinic will offer free check-ups, a saving of about 40 dollars for each family. "
            "The town won a grant for children's health, the largest award in its history. "
            "Staff use a cold box, a trick known as passive cooling. " + ASTHMA)
    prompts = [i["prompt"] for i in questions.generate(text, select=False)]
    assert not any(p.startswith(("What are free check-ups", "What is children's health", "What is a cold box"))
                   for p in prompts), prompts
    assert "According to the article, what is asthma?" in prompts  # positive control


def test_a_subject_that_needs_an_owner_or_leans_back_is_not_asked_for_itself():
    text = (FISH + "Funding will come from several sources. Tank prices rose sharply as a result. "
            "Female moon fish can live with other fish peacefully.")
    prompts = [i["prompt"] for i in questions.generate(text, select=False)]
    assert not any(p.startswith(("What will come", "Which prices", "What rose")) for p in prompts), prompts
    assert "Which moon fish can live with other fish peacefully?" in prompts  # positive control
