"""The cards and reviews tables (cards.py): one function saves a card."""
from quizapp import cards

from .helpers import make_article, make_item, make_user

OUTCOME = {"state": 2, "step": None, "stability": 3.0, "difficulty": 5.0, "due": "2026-11-28T12:00:00+00:00",
           "last_review": "2026-11-25T12:00:00+00:00"}


def setup_card(db):
    user = make_user(db)
    make_article(db, [make_item()])
    return user.id, db.execute("SELECT id FROM items").fetchone()[0]


def test_a_first_save_creates_the_card(db):
    user_id, item_id = setup_card(db)
    assert cards.save_card(db, user_id, item_id, OUTCOME, rating="Good") is True
    card = cards.get_card(db, user_id, item_id)
    assert (card["due"], card["reps"], card["lapses"], card["stability"]) == (OUTCOME["due"], 1, 0, 3.0)


def test_again_on_a_card_in_review_is_a_lapse(db):
    user_id, item_id = setup_card(db)
    cards.save_card(db, user_id, item_id, OUTCOME, rating="Good")
    assert cards.save_card(db, user_id, item_id, dict(OUTCOME, state=3), rating="Again") is False
    card = cards.get_card(db, user_id, item_id)
    assert (card["reps"], card["lapses"], card["state"]) == (2, 1, 3)


def test_only_again_on_a_card_in_review_is_a_lapse_and_every_save_after_the_first_is_no_new_card(db):
    """The upsert counts a lapse from the card's state before it (Review), never for Again on a learning
    card or for Good on a card in Review; reps count every save; only the first save says new."""
    user_id, item_id = setup_card(db)
    learning = dict(OUTCOME, state=1)
    assert cards.save_card(db, user_id, item_id, learning, rating="Again") is True  # new: nothing to lapse
    assert cards.save_card(db, user_id, item_id, learning, rating="Again") is False  # learning: no lapse
    assert cards.save_card(db, user_id, item_id, OUTCOME, rating="Good") is False  # now in Review
    assert (cards.get_card(db, user_id, item_id)["reps"], cards.get_card(db, user_id, item_id)["lapses"]) == (3, 0)
    assert cards.save_card(db, user_id, item_id, OUTCOME, rating="Good") is False  # Good in Review: no lapse
    assert cards.save_card(db, user_id, item_id, dict(OUTCOME, state=3), rating="Again") is False  # a lapse
    card = cards.get_card(db, user_id, item_id)
    assert (card["reps"], card["lapses"], card["state"], card["last_rating"]) == (5, 1, 3, 1)


def test_a_revised_rating_of_a_card_never_saved_saves_it_as_new(db):
    user_id, item_id = setup_card(db)
    assert cards.save_card(db, user_id, item_id, OUTCOME, rating="Easy", revise=True) is True
    assert (cards.get_card(db, user_id, item_id)["reps"], cards.get_card(db, user_id, item_id)["last_rating"]) == (1, 4)


def test_a_revised_rating_replaces_the_last_outcome_without_counting_a_review(db):
    user_id, item_id = setup_card(db)
    cards.save_card(db, user_id, item_id, OUTCOME, rating="Good")
    later = dict(OUTCOME, due="2026-12-09T12:00:00+00:00", stability=9.0)
    cards.save_card(db, user_id, item_id, later, rating="Easy", revise=True)
    card = cards.get_card(db, user_id, item_id)
    assert (card["due"], card["stability"], card["reps"]) == (later["due"], 9.0, 1)


def test_reviews_are_recorded_and_counted(db):
    user_id, item_id = setup_card(db)
    review_id = cards.record_review(db, user_id=user_id, item_id=item_id, session_id=None, rating=3, correct=True,
                                    response="Mattis", answered_at="2026-11-25T12:00:00+00:00", duration_ms=1200,
                                    next_due=OUTCOME["due"], was_new=True)
    assert cards.get_review(db, review_id)["response"] == "Mattis"
    assert cards.answers_since(db, user_id, "2026-11-25T00:00:00+00:00", new=1) == 1
    assert cards.answers_since(db, user_id, "2026-11-26T00:00:00+00:00", new=1) == 0
    assert cards.answer_totals(db, user_id) == (1, 1, 0)  # graded, right, self-rated


def test_due_items_are_the_approved_ones_due_by_now(db):
    user_id, item_id = setup_card(db)
    cards.save_card(db, user_id, item_id, OUTCOME, rating="Good")
    assert cards.due_item_ids(db, user_id, "2026-11-27T00:00:00+00:00") == []
    assert cards.due_item_ids(db, user_id, "2026-11-29T00:00:00+00:00") == [item_id]
    assert cards.next_due(db, user_id) == OUTCOME["due"]


def test_class_figures_fall_back_to_python_only_without_math_functions(db, monkeypatch):
    import sqlite3

    import pytest

    from quizapp import scheduling
    from quizapp.teacher import class_results

    user_id, item_id = setup_card(db)
    cards.save_card(db, user_id, item_id, OUTCOME, rating="Good")
    scheduler = scheduling.make_scheduler(fuzz=False)
    now = scheduling.from_iso("2026-11-26T12:00:00+00:00")
    expected = class_results.card_figures(db, scheduler, now)
    monkeypatch.setattr(cards, "RECALL_SQL", cards.RECALL_SQL.replace("pow(", "no_such_pow("))
    assert [row[:3] for row in class_results.card_figures(db, scheduler, now)] == [row[:3] for row in expected]

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(cards, "recall_per_user", locked)
    with pytest.raises(sqlite3.OperationalError, match="locked"):  # not mistaken for missing math functions
        class_results.card_figures(db, scheduler, now)
