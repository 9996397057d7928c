"""questions/antecedents.py: a pronoun subject given its one antecedent (a clause before it in its own
sentence, or the previous sentence's subject of agreeing number and sort), and a 'this/these' phrase
anywhere in a sentence rewritten to the one phrase of the last sentences it points at. Each case is a
(text, the sentence asked about, what a prompt must say, what no prompt may say) row; a dropped row
says so with its rule. Every article here is made up."""
import pytest

from .helpers import explain_block as block, explain_made as made


RESOLVED = [
    # 'they': the previous subject, plural by its verb where the tag says singular ("fish are")
    ("Velkan fish are known for their bright fins. They are sold in Karrow markets for 12 dollars.",
     "They are sold", "Velkan fish are sold", "They are sold"),
    # a chain: the 'they' resolved before is the antecedent of the next
    ("Velkan fish are known for their bright fins. They are sold in Karrow markets. They live for about 9 years "
     "in Lake Ormen.", "They live", "Velkan fish live", "They live"),
    # 'it': the previous subject; the copula's complement ("part of ...") is the subject itself, no rival
    ("The Ormen bridge is part of the Karrow ring road. It was opened by Mayor Ada Lind in 1987.",
     "It was opened", "the Ormen bridge was opened", "It was opened"),
    # 'it': a noun inside a clause the previous verb takes ("how the river floods") is no rival
    ("The Lowmoor survey explains how the river floods each spring. It also counts 40 bridges across Norland.",
     "It also counts", "the Lowmoor survey also counts", "It also counts"),
    # the subject of a clause before it in its own sentence, written in (a question of the main clause
    # alone must still say who): no "Which country do they aim to ...?"
    ("When the Korvath probe reached Mars in 2019, it sent back 40 images of the surface.",
     "When the Korvath probe", "the Korvath probe sent back", ", it sent"),
    ("While Norland officials say they like the plan, they aim to sell the Ormen bridge to Velko by 2027.",
     "While Norland officials", "Norland officials aim to sell", "they aim"),
    # 'these X' after the verb: the one phrase of the sentences before with that noun and its kind
    ("Geologists in Norland studied the ambipolar electric field in 2020. Engineers at Velko measured "
     "this electric field at 250 kilometres above Norland.", "Engineers at Velko",
     "measured the ambipolar electric field", "this electric field"),
]


@pytest.mark.parametrize("text, opening, wanted, unwanted", RESOLVED)
def test_resolved(text, opening, wanted, unwanted):
    items = made(text, opening)
    assert any(wanted.lower() in line.lower() for line in items), items
    if unwanted:
        assert not any(unwanted in line.split(": ", 1)[1] for line in items), items


DROPPED = [
    # (text, sentence, rule, the same story with the ambiguity taken away: resolved, the positive control)
    ("The Velmar Institute sent the samples to labs in Norway in 2021. They found 40 kinds of lead in Lake Ormen.",
     "They found", "pronoun-subject",
     ("The Velmar scientists sent a report to Norway in 2021. They found 40 kinds of lead in Lake Ormen.",
      "The Velmar scientists found")),
    # a second plural subject in what was said: the officials or the satellites?
    ("Norland officials said the satellites had failed in May. They will ask Velko for 40 million dollars by 2027.",
     "They will ask", "pronoun-subject",
     ("Norland officials said in May that the plan had failed. They will ask Velko for 40 million dollars by 2027.",
      "Norland officials will ask")),
    # number must agree: a singular subject is no 'they'
    ("The Karrow council opened a library in 2020. They hired 12 staff from Lowmoor.", "They hired",
     "pronoun-subject",
     ("The Karrow councillors opened a library in 2020. They hired 12 staff from Lowmoor.",
      "The Karrow councillors hired")),
    # a thing just introduced ('a fire') is not yet what 'it' means
    ("A fire in 1962 gutted the Ormen hall. It was converted into a museum in 1990.", "It was converted",
     "pronoun-subject",
     ("The Ormen hall burned in 1962. It was converted into a museum in 1990.",
      "The Ormen hall was converted")),
]


@pytest.mark.parametrize("text, opening, rule, control", DROPPED)
def test_dropped_when_ambiguous(text, opening, rule, control):
    assert f"dropped: {rule}" in block(text, opening)
    assert not made(text, opening)
    other, wanted = control
    items = made(other, opening)
    assert any(wanted.lower() in line.lower() for line in items), items


def test_a_clause_before_with_a_vague_subject_does_not_anchor_the_pronoun():
    vague = "Velkan fish are sold in Karrow. When the students speak Norlandic, they get 20 marks from Lowmoor."
    named = "Velkan fish are sold in Karrow. When Lowmoor students speak Norlandic, they get 20 marks from Lowmoor."
    assert "dropped: pronoun-subject" in block(vague, "When the students")
    assert made(named, "When Lowmoor students")  # positive control: a subject that says whose


def test_this_phrase_points_only_at_the_last_sentences():
    near = ("Geologists in Norland studied the ambipolar electric field in 2020. "
            "Engineers at Velko measured this electric field at 250 kilometres above Norland.")
    far = ("Geologists in Norland studied the ambipolar electric field in 2020. Storms hit Karrow in 2021. "
           "Floods closed 40 roads in Lowmoor. Engineers at Velko measured this electric field at 250 "
           "kilometres above Norland.")
    assert any("ambipolar electric field" in line for line in made(near, "Engineers at Velko"))
    assert "dropped: points-back" in block(far, "Engineers at Velko")


def test_a_this_phrase_is_not_written_when_the_rewrite_would_lose_what_says_which():
    lost = "Velko has now completed six launch tests of its Korvath rocket. Four of those tests were carried out in 2024."
    whole = "Velko engineers ran launch tests at Karrow in 2022. Four of those tests were carried out in 2024 at Lowmoor."
    assert "dropped: points-back" in block(lost, "Four of those")  # not "Four of the launch tests"
    assert any("Four of the launch tests" in line for line in made(whole, "Four of those"))  # positive control


def test_a_this_phrase_stays_dropped_when_a_plainer_mention_of_its_noun_is_nearer():
    two = ("Velko runner Ada Lind set a new marathon world record in Karrow in May. Lind beat the old record held "
           "by Mira Holt by 40 seconds. Holt set that record in Lowmoor in 2019.")
    one = ("In May, Velko runner Ada Lind set a new marathon world record. Lind ran 40 seconds faster than "
           "Mira Holt. Holt watched that record in Lowmoor with 2,000 fans.")
    assert "dropped: points-back" in block(two, "Holt set")  # not "the marathon world record": the old one
    assert any("the marathon world record" in line for line in made(one, "Holt watched"))  # positive control


def test_they_is_what_was_said_of_when_the_speaker_does_not_agree():
    said = ("The Norland agency said electric ferries belong to a new class of boat. "
            "They carry 40 passengers across Lake Ormen in 12 minutes.")
    two = ("The Norland agency said electric ferries would replace the old diesel boats. "
           "They carry 40 passengers across Lake Ormen in 12 minutes.")
    assert any("electric ferries carry" in line.lower() for line in made(said, "They carry"))
    assert "dropped: pronoun-subject" in block(two, "They carry")  # the ferries or the diesel boats?


def test_it_never_means_a_name_the_model_left_untagged():
    import questions

    text = ('"The Tin Harbour" opens in Skarn\n\n'
            'About ten minutes into "The Tin Harbour," Petra Olsen\'s second feature, a baker counts coins at a table. '
            "Olsen shot the film over nine weeks in the winter of 2023. "
            "It won the Golden Gull award at the Maro Film Festival in May.\n")
    prompts = [item["prompt"] for item in questions.generate(text)]
    assert not any("Olsen won" in p for p in prompts), prompts  # the film won, not its director
    assert any(p.startswith("Olsen shot the film") for p in prompts), prompts  # positive control


def test_a_hyphen_the_model_takes_for_the_subject_breaks_nothing():
    # the small model parses "cross-examination" as "cross" + a hyphen subject: the article is still read,
    # and the sentence after it, with a plain subject, still gives its items (the positive control)
    text = ("Under cross-examination, defence lawyer Omar Reyes sought to show that the mayor had approved the "
            "payments. The Karrow council approved a budget of 40 million dollars in March 2021.")
    assert made(text, "The Karrow council")
    block(text, "Under cross-examination")  # explained, not raised
