"""Studying (study/services.py): choosing what to study, due items first, then new ones within the daily limit."""
import datetime as dt
import json

from quizapp import cards, scheduling
from quizapp.db import write_transaction
from quizapp.study import services as practice
from quizapp.clock import to_iso

from .helpers import make_article, make_item, make_user

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


def items(n, sentence=lambda i: f"Sentence {i} names Person{i} here."):
    return [make_item("short_answer", f"Question {i}?", f"Answer{i}", source_sentence=sentence(i), score=1 - i / 100)
            for i in range(n)]


def ids(db):
    return [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]


def answer_all(db, session_id, now, rating="Good"):
    """Rate every item of the session `rating`; an item missed (Again) comes back and is then rated Good."""
    scheduler = scheduling.make_scheduler(fuzz=False)
    rated = set()
    while True:
        session = practice.get_session(db, session_id_user(db, session_id), session_id)
        shown = practice.show_current(db, scheduler, session, now)
        if shown is None:
            return
        item_id = shown["item"]["id"]
        practice.rate(db, session_id, item_id, "Good" if item_id in rated else rating, now)
        rated.add(item_id)


def session_id_user(db, session_id):
    return db.execute("SELECT user_id FROM study_sessions WHERE id = ?", [session_id]).fetchone()[0]


def flash_session(db, user, now, **options):
    return practice.start_session(db, user, now, mode="flashcards", **options)


def test_new_items_best_first_never_two_of_one_sentence(db):
    user = make_user(db)
    made = items(4, sentence=lambda i: "Same sentence." if i < 2 else f"Sentence {i}.")
    for number, item in enumerate(made):
        item["fact"] = f"fact{number}"  # two facts of one sentence
    make_article(db, made)
    first, second, third, fourth = ids(db)
    plan = practice.plan_study(db, user, NOW, size=4)
    assert plan.item_ids == [first, third, fourth]
    assert plan.note == ("Only 3 questions are left to study today; 1 more shares a sentence with one in this session "
                         "and comes in a later one.")
    assert practice.plan_session(db, user, NOW, size=3) == [first, third, fourth]  # control: as asked, no note
    assert practice.plan_study(db, user, NOW, size=3).note is None


def test_due_items_come_before_new_ones(db):
    user = make_user(db)
    make_article(db, items(6))
    session_id = flash_session(db, user, NOW, size=2)
    answer_all(db, session_id, NOW, rating="Again")  # due again in a minute
    later = NOW + dt.timedelta(minutes=30)
    planned = practice.plan_session(db, user, later, size=4)
    assert planned[:2] == ids(db)[:2]
    assert planned[2:] == ids(db)[2:4]


def test_daily_new_item_limit(db):
    user = make_user(db)
    make_article(db, items(30))
    session_id = flash_session(db, user, NOW, size=10, new_per_day=12)
    answer_all(db, session_id, NOW, rating="Easy")
    assert len(practice.plan_session(db, user, NOW, size=10, new_per_day=12)) == 2
    tomorrow = NOW + dt.timedelta(days=1)
    assert len(practice.plan_session(db, user, tomorrow, size=10, new_per_day=12)) == 10


def test_the_day_starts_at_local_midnight(db):
    assert practice.local_midnight(NOW, "UTC") == dt.datetime(2026, 11, 25, tzinfo=dt.timezone.utc)
    tokyo = practice.local_midnight(NOW, "Asia/Tokyo")  # 21:00 in Tokyo
    assert tokyo == dt.datetime(2026, 11, 24, 15, tzinfo=dt.timezone.utc)


def test_outcomes_are_kept_while_the_card_is_shown(db):
    user = make_user(db)
    make_article(db, items(1))
    session_id = flash_session(db, user, NOW)
    scheduler = scheduling.make_scheduler(fuzz=True)
    session = practice.get_session(db, user.id, session_id)
    first = practice.show_current(db, scheduler, session, NOW)
    again = practice.show_current(db, scheduler, session, NOW + dt.timedelta(seconds=30))
    stored = json.loads(db.execute("SELECT outcomes FROM study_sessions").fetchone()[0])
    assert first["intervals"]["Good"] and stored["item_id"] == first["item"]["id"]
    assert json.loads(db.execute("SELECT outcomes FROM study_sessions").fetchone()[0]) == stored
    assert again["item"]["id"] == first["item"]["id"]


def test_lapses_count_failed_reviews(db):
    user = make_user(db)
    make_article(db, items(1))
    answer_all(db, flash_session(db, user, NOW), NOW, rating="Easy")
    due = db.execute("SELECT due FROM cards").fetchone()[0]
    later = dt.datetime.fromisoformat(due) + dt.timedelta(hours=1)
    answer_all(db, flash_session(db, user, later), later, rating="Again")
    assert db.execute("SELECT reps, lapses FROM cards").fetchone() == (3, 1)  # Easy; Again, then Good when it came back
    assert db.execute("SELECT count(*), sum(was_new) FROM reviews").fetchone() == (3, 1)


def test_progress_counts(db):
    user = make_user(db)
    make_article(db, items(3))
    answer_all(db, flash_session(db, user, NOW), NOW, rating="Again")
    stats = practice.progress(db, user, NOW, days=7)
    # flashcards are self-rated: counted apart, never graded answers (no accuracy from them); each missed
    # item came back in the session and was rated again: six self-rated answers
    assert (stats["seen"], stats["due_today"], stats["due_week"], stats["answers"], stats["accuracy"]) == (3, 3, 3, 0, None)
    assert stats["self_rated"] == 6
    assert stats["days"][-1] == {"day": NOW.date(), "answers": 0, "correct": 0, "self_rated": 6}


def test_daily_review_limit(db):
    user = make_user(db)
    make_article(db, items(5))
    answer_all(db, flash_session(db, user, NOW, size=5), NOW, rating="Again")
    later = NOW + dt.timedelta(minutes=20)
    assert len(practice.plan_session(db, user, later, size=5, reviews_per_day=2)) == 2
    answer_all(db, flash_session(db, user, later, size=5, reviews_per_day=2), later, rating="Again")
    much_later = later + dt.timedelta(minutes=20)
    assert practice.plan_session(db, user, much_later, size=5, reviews_per_day=2) == []


def test_outcomes_worked_out_before_the_lock_are_redone_when_the_card_changed_since(db):
    """rate() schedules the next item before taking the write lock; if that card was answered
    meanwhile (the same student in another tab), the outcomes kept are those of the card as it is now."""
    user = make_user(db)
    make_article(db, items(2))
    session_id = practice.start_session(db, user, NOW, size=2)
    scheduler = scheduling.make_scheduler(fuzz=False)
    second = ids(db)[1]
    stale = practice._prepare_next(db, scheduler, session_id, NOW)
    assert stale[1]["item_id"] == second
    other = flash_session(db, user, NOW, size=2)  # the other tab answers the second item first
    practice.show_current(db, scheduler, practice.get_session(db, user.id, other), NOW)
    practice.rate(db, other, ids(db)[0], "Good", NOW)
    practice.show_current(db, scheduler, practice.get_session(db, user.id, other), NOW)
    practice.rate(db, other, second, "Again", NOW)
    with write_transaction(db):
        kept = practice._show(db, scheduler, session_id, user.id, second, NOW, stale)
    card = scheduling.card_from_row(cards.get_card(db, user.id, second), card_id=second)
    assert kept["ratings"] == scheduling.outcomes(scheduler, card, NOW) != stale[1]["ratings"]


def test_a_rating_with_a_scheduler_shows_the_next_item_in_the_same_transaction(db):
    """The card sent straight back after a rating has its four outcomes made and kept already."""
    user = make_user(db)
    make_article(db, items(3))
    session_id = flash_session(db, user, NOW, size=3)
    scheduler = scheduling.make_scheduler(fuzz=False)
    first = practice.show_current(db, scheduler, practice.get_session(db, user.id, session_id), NOW)
    later = NOW + dt.timedelta(seconds=30)
    practice.rate(db, session_id, first["item"]["id"], "Good", later, scheduler=scheduler)
    row = db.execute("SELECT position, outcomes, shown_at, item_ids FROM study_sessions WHERE id = ?", [session_id]).fetchone()
    assert row[0] == 1
    assert json.loads(row[1])["item_id"] == json.loads(row[3])[1]
    assert row[2] == to_iso(later)
    practice.rate(db, session_id, json.loads(row[3])[1], "Good", later, scheduler=None)
    assert db.execute("SELECT outcomes FROM study_sessions WHERE id = ?", [session_id]).fetchone()[0] is None
