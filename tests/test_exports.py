"""The question-bank exports of issue 13: the Anki deck's subdecks, tags, style and true/false fronts; GIFT's accepted forms."""
import io
import json
import sqlite3
import zipfile

import pytest

from quizapp import items
from quizapp.teacher import anki, formats, question_bank

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


def open_collection(data, tmp_path, name="collection.anki2"):
    """The .apkg's SQLite collection: (decks by name, models, notes as dicts)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    path = tmp_path / name
    path.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(path)
    decks_json, models_json = connection.execute("SELECT decks, models FROM col").fetchone()
    decks = {deck["name"]: deck for deck in json.loads(decks_json).values()}
    notes = []
    for note_id, guid, fields, tags, deck_id in connection.execute(
            "SELECT notes.id, guid, flds, tags, cards.did FROM notes JOIN cards ON cards.nid = notes.id ORDER BY notes.id"):
        question, options, answer, source, item_id = fields.split("\x1f")
        notes.append({"id": note_id, "guid": guid, "question": question, "options": options, "answer": answer,
                      "source": source, "item_id": int(item_id), "tags": tags.split(), "deck_id": deck_id})
    connection.close()
    return decks, json.loads(models_json), notes


def test_anki_deck_has_a_subdeck_per_article(stored, tmp_path):
    decks, _, notes = open_collection(formats.questions_apkg(stored), tmp_path)
    assert {"quizapp", "quizapp::Iran talks: {day 1}", "quizapp::Climate summit, Paris 2026"} <= set(decks)
    assert decks["quizapp"]["id"] == formats.ANKI_DECK_ID
    by_item = {item["id"]: item for item in stored}
    names_by_id = {deck["id"]: name for name, deck in decks.items()}
    assert len(notes) == len(stored) == 5
    for note in notes:
        assert names_by_id[note["deck_id"]] == "quizapp::" + " ".join(by_item[note["item_id"]]["article_title"].split())


def test_anki_notes_are_tagged_with_their_kind_and_article(stored, tmp_path):
    _, _, notes = open_collection(formats.questions_apkg(stored), tmp_path)
    by_item = {item["id"]: item for item in stored}
    for note in notes:
        item = by_item[note["item_id"]]
        article = "iran-talks-day-1" if item["article_title"].startswith("Iran") else "climate-summit-paris-2026"
        assert sorted(note["tags"]) == sorted([f"article::{article}", f"kind::{item['kind']}"])
        assert all(" " not in tag for tag in note["tags"])


@pytest.mark.parametrize("title, slug", [
    ("Iran talks: {day 1}", "iran-talks-day-1"), ("  Café  Müller_2 ", "café-müller-2"), ("::--::", ""),
])
def test_tag_slugs_have_no_spaces_or_punctuation(title, slug):
    assert anki.tag_slug(title) == slug


def test_an_article_title_with_double_colons_stays_one_subdeck():
    assert anki.deck_name("Part 1 :: the start") == "quizapp::Part 1 : the start"
    assert anki.deck_name("  ") == "quizapp::Untitled article"
    assert anki.deck_name('The "new"\x07 deal:\n part 2') == "quizapp::The new deal: part 2"
    assert anki.note_tags({"kind": "short_answer", "article_title": "!!!", "article_id": 7})[1] == "article::id-7"


def test_true_false_fronts_say_true_or_false_above_the_statement(stored, tmp_path):
    decks, models, notes = open_collection(formats.questions_apkg(stored), tmp_path)
    statements = [n for n in notes if n["question"].find("buys oil from Iran.") >= 0 and not n["options"]]
    assert len(statements) == 2
    for note in statements:
        ask, statement = note["question"].index("True or false?"), note["question"].index("buys oil from Iran.")
        assert ask < statement
    false_one = next(n for n in statements if "India" in n["question"])
    assert false_one["answer"] == "False" and "China buys oil" in false_one["source"]
    # no front of any note is a bare statement: the front template shows only the Question field and the options
    (model,) = models.values()
    assert model["tmpls"][0]["qfmt"].startswith("{{Question}}")
    assert all(n["question"].startswith("<div class=ask>True or false?</div>") for n in statements)


def test_multiple_choice_options_are_listed_on_the_front(stored, tmp_path):
    _, _, notes = open_collection(formats.questions_apkg(stored), tmp_path)
    (choice,) = [n for n in notes if n["options"]]
    assert choice["options"] == "<li>China</li><li>India</li><li>Peru</li>"
    assert "True or false?" not in choice["question"]


def test_anki_note_type_has_a_readable_style(stored, tmp_path):
    _, models, _ = open_collection(formats.questions_apkg(stored), tmp_path)
    model = models[str(formats.ANKI_MODEL_ID)]
    css = model["css"]
    assert "font-size: 24px" in css and "text-align: center" in css
    assert "hr#answer" in css and ".answer" in css and ".nightMode" in css
    assert "<hr id=answer><div class=answer>{{Answer}}</div>" in model["tmpls"][0]["afmt"]
    assert [f["name"] for f in model["flds"]] == ["Question", "Options", "Answer", "Source", "ItemId"]


def test_anki_ids_are_stable_across_exports(db, stored, tmp_path):
    decks, models, notes = open_collection(formats.questions_apkg(stored), tmp_path)
    make_article(db, [make_item("short_answer", "Who chairs the summit?", "Ana Lopez")], title="A later article", source="later.txt")
    decks_again, models_again, notes_again = open_collection(
        formats.questions_apkg(items.approved_items(db)), tmp_path, "again.anki2")
    guids = {n["item_id"]: n["guid"] for n in notes}
    assert {n["item_id"]: n["guid"] for n in notes_again if n["item_id"] in guids} == guids
    assert len(set(guids.values())) == len(guids)
    assert {name: d["id"] for name, d in decks_again.items() if name in decks} == {name: d["id"] for name, d in decks.items()}
    assert list(models_again) == list(models) == [str(formats.ANKI_MODEL_ID)]


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
    assert question_bank.apply_import(db, parsed) == (0, 0)  # the same questions: nothing to write
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
