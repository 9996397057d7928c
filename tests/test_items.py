"""The items table (items.py): the item rules, the row mapping, statuses and bulk approval."""
import pytest

from quizapp import db as database
from quizapp import items

from .helpers import make_article, make_item


@pytest.mark.parametrize(
    "item, field",
    [
        (make_item(kind="essay"), "kind"),
        (make_item(prompt="  "), "prompt"),
        (make_item(answer=""), "answer"),
        (make_item(kind="true_false", answer="Yes", choices=["True", "False"]), "answer"),
        (make_item(kind="multiple_choice", answer="A", choices=["A", "B"]), "choices"),
        (make_item(kind="multiple_choice", answer="A", choices=["A", "a", "B"]), "choices"),
        (make_item(kind="multiple_choice", answer="D", choices=["A", "B", "C"]), "answer"),
        (make_item(kind="fill_blank", prompt="No blank here."), "prompt"),
        (make_item(kind="short_answer", choices=["A", "B", "C"]), "choices"),
    ],
)
def test_validation_names_the_bad_field(item, field):
    assert field in items.validate_item(item)


def test_a_valid_item_has_no_errors():
    assert items.validate_item(make_item(kind="fill_blank", prompt="_____ leads the team.")) == {}


def test_true_false_gets_fixed_choices():
    cleaned = items.clean_item(make_item(kind="true_false", answer="True ", choices=["x"]))
    assert cleaned["choices"] == ["True", "False"] and cleaned["answer"] == "True"


def test_stored_items_come_back_with_their_lists(db):
    make_article(db, [make_item(kind="multiple_choice", prompt="Who?", answer="B", choices=["A", "B", "C"],
                                accepted=["bee"])])
    item = items.get_item(db, db.execute("SELECT id FROM items").fetchone()[0])
    assert item["choices"] == ["A", "B", "C"] and item["accepted"] == ["bee"]
    assert items.get_item(db, 999) is None


def test_the_same_generated_item_is_stored_once(db):
    make_article(db, [make_item(), make_item()])
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 1


def test_update_keeps_the_id(db):
    make_article(db, [make_item()])
    item_id = db.execute("SELECT id FROM items").fetchone()[0]
    items.update_item(db, item_id, make_item(prompt="Who runs the team?"), status="retired")
    assert db.execute("SELECT id, prompt, status FROM items").fetchall() == [(item_id, "Who runs the team?", "retired")]


def test_approve_above_commits_in_batches(db, monkeypatch):
    make_article(db, [make_item(prompt=f"Q{i}?", score=i / 10) for i in range(7)], status="draft")
    commits = []
    real = database.write_transaction
    monkeypatch.setattr(items, "write_transaction", lambda db: (commits.append(1), real(db))[1])
    monkeypatch.setattr(items, "batches", lambda rows: database.batches(rows, 2))
    assert items.approve_above(db, 0.25) == 4
    assert len(commits) == 2
    assert sorted(r[0] for r in db.execute("SELECT score FROM items WHERE status = 'approved'")) == [0.3, 0.4, 0.5, 0.6]


def test_set_status_refuses_an_unknown_status(db):
    with pytest.raises(ValueError):
        items.set_status(db, [1], "lost")


def test_unseen_items_skip_unapproved_ones(db):
    make_article(db, [make_item(prompt="A?"), make_item(prompt="B?")])
    first, second = [r[0] for r in db.execute("SELECT id FROM items ORDER BY id")]
    items.set_status(db, [second], "draft")
    assert items.unseen_item_ids(db, 1) == [first]


def test_the_app_knows_the_kinds_and_the_blank_of_the_generator():
    from questions import checker

    assert set(items.KINDS) == checker.KINDS and items.BLANK == checker.BLANK
