"""Issue 13: the Anki export imports into Anki's own library (the `anki` package, Anki's Rust backend) with its
subdecks and tags, and a newer export updates the notes an older one made instead of adding copies.

Everything runs offline: a fresh collection in tmp_path, the .apkg from the teacher's download page."""
import time

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest  # the `test` extra

from quizapp import items
from quizapp.teacher import anki as quizapp_anki

from .helpers import make_article, make_item

SUMMIT = "Climate summit, Paris 2026"
TALKS = "Iran talks: day 1"
BANK = {
    SUMMIT: [
        make_item("multiple_choice", "Where is the summit held?", "Paris", choices=["Paris", "Rome", "Oslo"],
                  source_sentence="The summit is held in Paris."),
        make_item("true_false", "The summit lasts two weeks.", "True", choices=["True", "False"],
                  source_sentence="The summit lasts two weeks."),
        make_item("fill_blank", "The fund is worth _____, officials said.", "$6 billion",
                  accepted=["6 billion dollars"], source_sentence="The fund is worth $6 billion, officials said."),
        make_item("short_answer", "Who chairs the summit?", "Ana Lopez", accepted=["Lopez"]),
    ],
    TALKS: [
        make_item("multiple_choice", "Which country buys oil from Iran?", "China", choices=["China", "India", "Peru"],
                  source_sentence="China buys oil from Iran."),
        make_item("true_false", "India buys oil from Iran.", "False", choices=["True", "False"],
                  source_sentence="China buys oil from Iran."),
        make_item("short_answer", "Who leads the team?", "Jim Mattis", accepted=["Mattis"]),
    ],
}
KIND_TAGS = {"multiple_choice", "true_false", "fill_blank", "short_answer"}


@pytest.fixture
def bank(db):
    """Two articles of approved items, plus a draft beside them that the export must leave out."""
    article_ids = {title: make_article(db, kinds, title=title, source=f"{i}.txt")
                   for i, (title, kinds) in enumerate(BANK.items())}
    items.create_item(db, article_ids[TALKS], make_item("short_answer", "Who hosts the talks?", "Oman"),
                      status="draft")
    return article_ids


def download_apkg(client, tmp_path, name):
    """The .apkg exactly as a teacher downloads it."""
    response = client.get("/teacher/questions.apkg")
    assert response.status_code == 200
    path = tmp_path / name
    path.write_bytes(response.data)
    return path


def import_into(collection, path):
    """Anki's own .apkg import with its defaults (update notes and note types only if the file is newer)."""
    return collection.import_anki_package(
        ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions()))


@pytest.fixture
def collection(tmp_path):
    folder = tmp_path / "anki-profile"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    yield col
    col.close()


def notes_by_item_id(col):
    notes = [col.get_note(note_id) for note_id in col.find_notes("")]
    return {int(note["ItemId"]): note for note in notes}


def test_anki_imports_the_export_with_a_subdeck_per_article_and_tags(client, auth, db, bank, collection, tmp_path):
    auth.login_as("teacher")
    exported = items.approved_items(db)
    assert len(exported) == sum(len(kinds) for kinds in BANK.values())
    assert collection.note_count() == 0  # positive control: a fresh collection, nothing imported yet

    result = import_into(collection, download_apkg(client, tmp_path, "quizapp.apkg"))

    assert len(result.log.new) == len(exported)
    assert collection.note_count() == len(exported) == collection.card_count()
    deck_names = {deck.name for deck in collection.decks.all_names_and_ids()}
    assert {"quizapp", f"quizapp::{SUMMIT}", f"quizapp::{TALKS}"} <= deck_names
    notes = notes_by_item_id(collection)
    assert set(notes) == {item["id"] for item in exported}  # the draft is not there
    for item in exported:
        note = notes[item["id"]]
        kind_tags = {tag.removeprefix("kind::") for tag in note.tags if tag.startswith("kind::")}
        assert kind_tags == {item["kind"]}
        assert [t for t in note.tags if t.startswith("article::")] == [f"article::{quizapp_anki.tag_slug(item['article_title'])}"]
        (card,) = note.cards()
        assert collection.decks.name(card.did) == f"quizapp::{item['article_title']}"
    assert {item["kind"] for item in exported} == KIND_TAGS
    # Anki's search finds the tags too (tags are hierarchical, `kind::true_false` under `kind`)
    assert len(collection.find_notes("tag:kind::true_false")) == 2
    assert len(collection.find_notes(f'"deck:quizapp::{TALKS}"')) == len(BANK[TALKS])


def test_a_true_false_card_asks_true_or_false_in_anki(client, auth, db, bank, collection, tmp_path):
    auth.login_as("teacher")
    import_into(collection, download_apkg(client, tmp_path, "quizapp.apkg"))
    by_kind = {}
    for note in notes_by_item_id(collection).values():
        (card,) = note.cards()
        by_kind.setdefault([t for t in note.tags if t.startswith("kind::")][0], []).append(card)
    true_false = by_kind["kind::true_false"]
    assert len(true_false) == 2
    for card in true_false:
        question = card.question()  # rendered by Anki from the note type's front template
        assert "True or false?" in question
        assert question.index("True or false?") < question.index("<div class=statement>")
    for card in by_kind["kind::short_answer"] + by_kind["kind::multiple_choice"]:  # positive control beside it
        assert "True or false?" not in card.question()
    (mc,) = [c for c in by_kind["kind::multiple_choice"] if "Paris" in c.question()]
    assert "<li>Rome</li>" in mc.question()
    assert "<div class=answer>Paris</div>" in mc.answer()


def test_importing_a_newer_export_updates_the_notes_instead_of_adding_copies(client, auth, db, bank, collection,
                                                                            tmp_path):
    auth.login_as("teacher")
    import_into(collection, download_apkg(client, tmp_path, "first.apkg"))
    first = notes_by_item_id(collection)
    (edited,) = [i for i in items.approved_items(db) if i["prompt"] == "Who leads the team?"]
    items.update_item(db, edited["id"], {**edited, "prompt": "Who leads the negotiating team?"})
    later = make_article(db, [make_item("short_answer", "Who mediates?", "Oman")], title="A later article",
                         source="later.txt")
    # Anki updates a note only when the file's copy is newer, and note times are whole seconds: wait for the next
    # second so this export is "newer" the way a teacher's next-day export is (this wait is not a timing assertion).
    time.sleep(1.05)

    result = import_into(collection, download_apkg(client, tmp_path, "second.apkg"))

    exported = items.approved_items(db)
    assert collection.note_count() == len(exported) == len(first) + 1
    assert len(result.log.new) == 1
    # every note of the older file comes back "updated" (the file's copy is newer), none as a duplicate
    assert sorted(int(note.fields[4]) for note in result.log.updated) == sorted(first)
    assert len(result.log.duplicate) == 0
    notes = notes_by_item_id(collection)
    assert {item_id: notes[item_id].id for item_id in first} == {item_id: note.id for item_id, note in first.items()}
    assert "Who leads the negotiating team?" in notes[edited["id"]]["Question"]
    assert "Who leads the team?" in first[edited["id"]]["Question"]  # what the first import had
    (new_note,) = [note for item_id, note in notes.items() if item_id not in first]
    assert collection.decks.name(new_note.cards()[0].did) == "quizapp::A later article"
    assert later in {item["article_id"] for item in exported}
    assert len(collection.find_notes("")) == len(set(collection.find_notes("")))  # one note per item, no copies
    assert [m.name for m in collection.models.all_names_and_ids()].count("quizapp question") == 1
