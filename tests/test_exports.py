"""The question-bank exports of issue 13: GIFT carries every accepted form of a typed answer."""
import pytest

from quizapp import items
from quizapp.teacher import formats, question_bank

from .helpers import make_article, make_item

TALKS = [
    make_item("true_false", "India buys oil from Iran.", "False", choices=["True", "False"],
              source_sentence="China buys oil from Iran."),
    make_item("true_false", "China buys oil from Iran.", "True", choices=["True", "False"]),
    make_item("multiple_choice", "Which country buys oil from Iran?", "China", choices=["China", "India", "Peru"]),
]
CLIMATE = [
    make_item("fill_blank", "The deal is worth _____, officials said.", "$6 billion",
              accepted=["6 billion dollars", "six billion dollars"]),
    make_item("short_answer", "Who leads the team?", "Jim Mattis", accepted=["Mattis", "General Mattis"]),
]


@pytest.fixture
def stored(db):
    make_article(db, TALKS, title="Iran talks: {day 1}", source="talks.txt")
    make_article(db, CLIMATE, title="Climate  summit, Paris 2026", source="climate.txt")
    return items.approved_items(db)


# --- GIFT ---------------------------------------------------------------------------------

def test_gift_typed_answers_carry_every_accepted_form(stored):
    text = formats.questions_gift(stored)
    assert "The deal is worth {=$6 billion =6 billion dollars =six billion dollars}, officials said." in text
    assert "Who leads the team? {=Jim Mattis =Mattis =General Mattis}" in text
    assert "Which country buys oil from Iran? {=China ~India ~Peru}" in text
    assert "India buys oil from Iran. {FALSE}" in text and "China buys oil from Iran. {TRUE}" in text


def test_gift_accepted_forms_are_escaped_and_listed_once():
    item = {"id": 3, "article_title": "Code", "kind": "short_answer", "prompt": "Which language?", "answer": "C#",
            "accepted": ["C#", "C sharp", "a=b {x} ~y: \\z"], "choices": []}
    text = formats.questions_gift([item])
    assert "::Q3::Which language? {=C\\# =C sharp =a\\=b \\{x\\} \\~y\\: \\\\z}" in text
    (parsed,) = formats.parse_gift(text)
    assert parsed.item["answer"] == "C#"
    assert parsed.item["accepted"] == ["C sharp", "a=b {x} ~y: \\z"]


def test_gift_round_trip_keeps_the_accepted_forms(db, stored):
    tricky = make_item("fill_blank", "Tickets cost _____ each.", "£5", accepted=["5 pounds", "five = 5 #GBP", "{five}"])
    make_article(db, [tricky], title="Prices", source="prices.txt")
    before = items.approved_items(db)
    parsed = formats.parse_gift(formats.questions_gift(before))
    assert question_bank.apply_import(db, parsed) == (0, 6)
    after = {item["id"]: item for item in items.approved_items(db)}
    for item in before:
        assert (after[item["id"]]["answer"], after[item["id"]]["accepted"]) == (item["answer"], item["accepted"])
        assert after[item["id"]]["prompt"] == item["prompt"]
    assert formats.questions_gift(list(after.values())) == formats.questions_gift(before)


def test_gift_import_reads_moodle_feedback_and_weights_apart_from_the_forms():
    text = "What is 2+2? {=four#right! =%100%4 =%50%4.0#close enough}\n\nPick {=a#yes ~b#no ~c}\n"
    short, choice = formats.parse_gift(text)
    assert (short.item["answer"], short.item["accepted"]) == ("four", ["4", "4.0"])
    assert choice.item["choices"] == ["a", "b", "c"] and choice.item["answer"] == "a"


def test_gift_escaped_braces_and_backslashes_before_the_answer_part():
    text = "A set is written \\{1, 2\\} in C:\\\\ {=braces =curly braces}\n"
    (parsed,) = formats.parse_gift(text)
    assert parsed.item["prompt"] == "A set is written {1, 2} in C:\\"
    assert parsed.item["accepted"] == ["curly braces"]
