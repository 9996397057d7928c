"""Background readers call trivial (reading r19u): a year told in a side clause, the time span beside a
change, the speaker or the speaker's firm past an aside, a piece of a sentence opening with 'said', and a
word capitalised only because it opened the sentence. Sentences written for the test; each refusal has a
positive control beside it, so a generator that asks nothing fails."""
import pytest

import questions
from questions import background, trivia


def doc(text):
    return questions.load_model()(text)


def span(d, text):
    start = d.text.index(text)
    return d.char_span(start, start + len(text))


def asked(text, answer):
    """The items of a short article whose answer is `answer`."""
    return [i for i in questions.generate(text) if i["answer"] == answer and i["kind"] != "true_false"]


@pytest.mark.parametrize("sentence, year, aside", [
    ("The council's own target, set in 2019, is that no family should wait more than a year.", "2019", True),
    ("The agency was fined for spending 3 million crowns on repairs in 2021 without checking the work.", "2021",
     True),
    ("A brass band from the tannery, which closed in 1987, played at the opening.", "1987", True),
    # positive controls: the year of the main event, a launch in a side clause, a change measured from a year
    ("The council set its target in 2019 after a long review.", "2019", False),
    ("The original Orvel, which launched in 2023, was criticised for its weight.", "2023", False),
    ("The town's population rose from about 6,000 in 1870 to 40,000 in 1900.", "1870", False),
    ("Waiting lists began rising sharply in 2022, when a strike by nurses postponed 9,000 operations.", "2022", False),
    ("Ms. Oduya, who became chief executive in 2022, ended her talk by holding up the phone.", "2022", False),
])
def test_a_year_told_in_a_side_clause(sentence, year, aside):
    d = doc(sentence)
    assert background.year_in_aside(span(d, year)) is aside


def test_the_side_clause_year_is_not_asked_and_the_main_events_is():
    text = ("Kelby Council promised to house every family on its waiting list within a year. "
            "The council's own target, set in 2019, is that no family should wait more than a year for a home. "
            "The Marrin bridge was closed in 2021 after an inspection found deep cracks in its piers.")
    assert not asked(text, "2019")
    assert asked(text, "2021")  # control


@pytest.mark.parametrize("item, trivial", [
    ({"kind": "fill_blank", "prompt": "Rents in Kelby have risen by 20 percent in _____, while wages rose 9 percent.",
      "answer": "four years",
      "source_sentence": "Rents in Kelby have risen by 20 percent in four years, while wages rose 9 percent."}, True),
    ({"kind": "fill_blank", "prompt": "The waiting list reached a record 2,400, up from 1,600 _____ ago.",
      "answer": "two years", "source_sentence": "The waiting list reached a record 2,400, up from 1,600 two years ago."},
     True),
    # positive controls: a length of time that is the fact, a record kept over a span
    ({"kind": "fill_blank", "prompt": "The crossing took _____ in an open boat.", "answer": "four years",
      "source_sentence": "The crossing took four years in an open boat."}, False),
    ({"kind": "fill_blank", "prompt": "It was the first fall in _____.", "answer": "seven years",
      "source_sentence": "It was the first fall in seven years."}, False),
    ({"kind": "fill_blank", "prompt": "The union wants a pay rise of 9 percent over _____.", "answer": "two years",
      "source_sentence": "The union wants a pay rise of 9 percent over two years."}, False),
])
def test_the_time_span_beside_a_change(item, trivial):
    assert background.span_of_change(item) is trivial


@pytest.mark.parametrize("sentence, key, label, refused", [
    ("Tomas Reel of the consultancy Marr Analytics said the region needed 900 homes.", "Tomas Reel", "PERSON", True),
    ("Tomas Reel of the consultancy Marr Analytics said the region needed 900 homes.", "Marr Analytics", "ORG",
     True),
    ("Ivo Sand, an economist at the Lund Institute, said rents would keep rising.", "the Lund Institute", "ORG",
     True),
    # positive controls: an office of the story's body, and a body that acts
    ("Ida Roe, leader of the Farmers Union, said the union would strike.", "the Farmers Union", "ORG", False),
    ("Marr Analytics sold its office in Kelby to Lund Capital.", "Marr Analytics", "ORG", False),
    ("Ana Prell, a 34-year-old nurse who takes two buses to work, said she would have to pay for taxis.",
     "Ana Prell", "PERSON", False),
    ("The Selv Basin Alliance, a coalition of 30 groups, said the dam would flood 4,000 hectares.",
     "The Selv Basin Alliance", "ORG", False),
])
def test_the_speaker_or_the_speakers_firm_past_an_aside(sentence, key, label, refused):
    d = doc(sentence)
    assert background.speaker_aside(span(d, key), label) is refused


def test_the_speakers_firm_is_not_asked_and_what_was_said_is():
    text = ("Kelby needs 900 new homes a year to keep up with demand, a report found on Monday. "
            "Tomas Reel of the consultancy Marr Analytics said the region would need 900 homes a year until 2035.")
    items = questions.generate(text)
    assert not [i for i in items if i["answer"] in ("Marr Analytics", "Tomas Reel")]
    assert [i for i in items if "Marr Analytics" in i["prompt"] and "_____" in i["prompt"]]  # control: what he said


def test_a_piece_opening_with_said_is_no_item():
    piece = {"kind": "true_false", "prompt": "Said provincial governor Ana Vell, who warned that the toll would rise.",
             "answer": "True", "source_sentence": "Of the dead, 29 were in the town, said provincial governor Ana Vell, "
             "who warned that the toll would rise."}
    assert trivia.why_trivial(piece) == "said-fragment"
    whole = dict(piece, prompt="Provincial governor Ana Vell warned that the toll would rise.")
    assert trivia.why_trivial(whole) is None  # control


def test_a_word_capitalised_only_as_the_opening_is_lower_case_in_a_question():
    text = ("Wildfires burned 300,000 hectares in Oskar Province this year. "
            "Dry lightning storms started 61 percent of the fires. "
            "The probe Kestrel reached the asteroid in June. Kestrel will map the surface for eight months.")
    prompts = [i["prompt"] for i in questions.generate(text)]
    assert any("did dry lightning storms start" in p for p in prompts)
    assert not any("did Dry lightning" in p for p in prompts)
    assert not any(" kestrel" in p for p in prompts)  # control: a name the article capitalises mid-sentence


TOPIC_STORY = """{headline}

The government of Orvania will ban the chemical DPX in toys from 2029, the health ministry said on Monday.
DPX is used to make plastic toys soft and bendable.
Studies have linked DPX to liver damage in young children.
Makers of toys have used DPX since the 1970s, the ministry said.
The ban will also cover DPX in baby bottles and teething rings.
Shops will have two years to sell their remaining stock.
Tests by the ministry found DPX in 41 percent of toys sold in Orvania last year.
About 9,000 people work in factories that make or use DPX, according to the industry federation.
"""


def test_the_storys_topic_is_not_blanked_after_the_lede():
    text = TOPIC_STORY.format(headline="Orvania to Ban Toy Chemical DPX")
    later = [i for i in questions.generate(text) if "factories that make or use" in i["prompt"]]
    assert later and not [i for i in later if i["answer"] == "DPX" and i["kind"] != "true_false"]
    assert [i for i in later if i["answer"] == "9,000"]  # control: the sentence's own fact is asked


def test_a_name_the_headline_does_not_give_is_asked():
    text = TOPIC_STORY.format(headline="Orvania to Ban a Toy Chemical")
    later = [i for i in questions.generate(text) if "factories that make or use" in i["prompt"]]
    assert [i for i in later if i["answer"] == "DPX"]
