"""Progress like a study app (study/progress.py): forecast, true retention per week, per article, on a hand-made log."""
import datetime as dt

import pytest

from quizapp import cards, scheduling, study_sessions, users
from quizapp.clock import to_iso
from quizapp.study import progress
from quizapp.study import services as practice
from quizapp.teacher import class_results

from .helpers import PASSWORD, make_article, make_item, make_user

UTC = dt.timezone.utc
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday: its week starts Monday 2026-11-23


def at(text):
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def card(db, user, item_id, due):
    outcome = {"state": 2, "step": None, "stability": 5.0, "difficulty": 5.0, "due": to_iso(at(due)),
               "last_review": to_iso(NOW - dt.timedelta(days=1))}
    cards.save_card(db, user.id, item_id, outcome, rating="Good")


def review(db, user, item_id, session_id, answered, next_due, correct):
    cards.record_review(db, user_id=user.id, item_id=item_id, session_id=session_id, rating=3 if correct else 1,
                        correct=correct, response="typed", answered_at=to_iso(at(answered)), duration_ms=1000,
                        next_due=to_iso(at(next_due)), was_new=False)


@pytest.fixture
def log(db):
    """Article A (3 items, a1 a2 met) and B (2 items, both met); quiz answers and flashcards (self-rated)."""
    user = make_user(db, "ada")
    make_article(db, [make_item("short_answer", f"A{i}?", f"AnswerA{i}") for i in range(3)], title="A", source="a")
    make_article(db, [make_item("short_answer", f"B{i}?", f"AnswerB{i}") for i in range(2)], title="B", source="b",
                 text="article B")
    a1, a2, _, b1, b2 = [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]
    quiz = study_sessions.create_session(db, user.id, [a1], mode="quiz", article_id=None, created_at=to_iso(NOW))
    flash = study_sessions.create_session(db, user.id, [a1], mode="flashcards", article_id=None, created_at=to_iso(NOW))
    for answered, next_due, correct in [
        ("2026-11-10T10:00", "2026-11-10T10:10", 1),  # learning step
        ("2026-11-10T10:10", "2026-11-13T10:10", 1),  # graduates: 3 days
        ("2026-11-13T11:00", "2026-11-20T11:00", 1),  # learned, right (week of 11-09)
        ("2026-11-20T09:00", "2026-11-20T09:10", 0),  # learned, wrong: a lapse (week of 11-16)
        ("2026-11-20T09:10", "2026-11-24T09:10", 1),  # relearning step: not a learned card's answer
        ("2026-11-24T10:00", "2026-12-05T10:00", 1),  # learned, right (week of 11-23)
    ]:
        review(db, user, a1, quiz, answered, next_due, correct)
    review(db, user, a2, quiz, "2026-11-16T08:00", "2026-11-16T08:01", 0)
    review(db, user, a2, quiz, "2026-11-16T08:05", "2026-11-18T08:05", 1)
    review(db, user, a2, flash, "2026-11-18T09:00", "2026-11-25T09:00", 1)  # learned but self-rated: not retention
    review(db, user, a2, quiz, "2026-11-25T08:00", "2026-11-25T08:10", 0)  # learned, wrong (week of 11-23)
    review(db, user, b1, flash, "2026-11-23T07:00", "2026-11-30T07:00", 1)
    review(db, user, b2, quiz, "2026-11-24T07:00", "2027-01-10T07:00", 1)
    for item_id, due in [(a1, "2026-12-05T10:00"), (a2, "2026-11-25T08:10"), (b1, "2026-11-30T07:00"),
                         (b2, "2027-01-10T07:00")]:
        card(db, user, item_id, due)
    return user


def test_forecast_counts_overdue_today_and_each_day_after(db, log):
    days = progress.forecast(db, log.id, "UTC", NOW, days=30)
    assert len(days) == 30 and days[0]["day"] == dt.date(2026, 11, 25)
    assert {i: d["due"] for i, d in enumerate(days) if d["due"]} == {0: 1, 5: 1, 10: 1}  # a2 overdue, b1, a1
    figures = progress.study_progress(db, log, NOW, weeks=3)
    assert (figures["due_7"], figures["due_30"]) == (2, 3)  # b2 is due in 46 days


def test_forecast_days_are_the_students_own(db):
    """Due at 00:30 in Auckland (11:30 UTC) is tomorrow there at 23:00, the same day in UTC."""
    make_article(db, [make_item()])
    kiwi = users.create_user(db, "kiwi", PASSWORD, timezone="Pacific/Auckland")
    item_id = db.execute("SELECT id FROM items").fetchone()[0]
    card(db, kiwi, item_id, "2026-11-25T11:30")
    now = at("2026-11-25T10:00")
    assert [d["due"] for d in progress.forecast(db, kiwi.id, "Pacific/Auckland", now, days=3)] == [0, 1, 0]
    assert [d["due"] for d in progress.forecast(db, kiwi.id, "UTC", now, days=3)] == [1, 0, 0]


def test_true_retention_per_week_counts_graded_answers_to_learned_cards(db, log):
    figures = progress.study_progress(db, log, NOW, weeks=3)
    assert [(w["week"], w["reviews"], w["right"], w["retention"]) for w in figures["weeks"]] == [
        (dt.date(2026, 11, 9), 1, 1, 100), (dt.date(2026, 11, 16), 1, 0, 0), (dt.date(2026, 11, 23), 2, 1, 50)]
    assert (figures["retention"], figures["retention_reviews"]) == (50, 4)


def test_breakdown_per_article(db, log):
    rows = progress.study_progress(db, log, NOW)["articles"]
    assert [(r["title"], r["met"], r["questions"], r["due_week"], r["answers"], r["right"], r["accuracy"], r["retention"],
             r["self_rated"]) for r in rows] == [
        ("A", 2, 3, 1, 9, 6, 67, 50, 1),
        ("B", 2, 2, 1, 1, 1, 100, None, 1),
    ]


def test_flashcards_are_no_right_answers_for_the_student_or_the_class(db, log):
    stats = practice.progress(db, log, NOW, days=14)
    assert (stats["answers"], stats["accuracy"], stats["self_rated"]) == (10, 70, 2)
    assert stats["days"][-1] == {"day": dt.date(2026, 11, 25), "answers": 1, "correct": 0, "self_rated": 0}
    assert stats["days"][-3] == {"day": dt.date(2026, 11, 23), "answers": 0, "correct": 0, "self_rated": 1}
    (row,) = class_results.student_rows(db, scheduling.make_scheduler(fuzz=False), NOW)
    assert (row["answers"], row["correct"], row["self_rated"], row["accuracy"]) == (10, 7, 2, pytest.approx(0.7))
    per_item = {r["prompt"]: (r["answers"], r["correct"], r["self_rated"]) for r in class_results.item_rows(db)}
    assert per_item == {"A0?": (6, 5, 0), "A1?": (3, 1, 1), "B1?": (1, 1, 0)}  # B0 was only self-rated


def test_the_progress_page_shows_the_figures(client, auth, db, log):
    auth.login("ada")
    html = client.get("/study/progress").get_data(as_text=True)
    assert 'class="chart forecast"' in html and "Reviews due per day, the next 30 days" in html
    assert '<strong id="due-30">' in html
    assert '<td data-label="Article">A</td><td data-label="Items met">2 of 3</td>' in html
    assert '<td data-label="Article">B</td><td data-label="Items met">2 of 2</td>' in html
    assert "graded answers" in html and "self-rated flashcard answers" in html


def test_an_empty_log_has_no_figures(db):
    user = make_user(db, "new")
    figures = progress.study_progress(db, user, NOW, weeks=2)
    assert (figures["due_7"], figures["due_30"], figures["retention"], figures["articles"]) == (0, 0, None, [])
    assert figures["weeks"] == []  # no weeks before the first answer to a learned item (see the test above)


def test_an_assignment_scores_graded_answers_only(db, log):
    """ada's article A: graded answers to A0 (first right) and A1 (first wrong); her flashcard-only B0 is no answer."""
    from quizapp import assignments, classes
    from quizapp.teacher import class_work

    teacher = make_user(db, "mrs_lee", "teacher")
    class_id = classes.create_class(db, teacher.id, "Year 9")
    classes.add_member(db, class_id, log.id)
    a_id, b_id = [row[0] for row in db.execute("SELECT id FROM articles ORDER BY id")]
    (row_a,), *_ = class_work.assignment_report(db, assignments.create_assignment(db, class_id, a_id))
    assert (row_a["answered"], row_a["right"], row_a["score"]) == (2, 1, 0.5)
    (row_b,), *_ = class_work.assignment_report(db, assignments.create_assignment(db, class_id, b_id))
    assert (row_b["answered"], row_b["right"], row_b["score"]) == (1, 1, 1.0)  # B1 in a quiz; B0 self-rated only


def test_discrimination_compares_graded_answers_of_the_strongest_and_weakest_thirds(db):
    make_article(db, [make_item("short_answer", f"Q{i}?", f"Answer{i}") for i in range(2)], title="D")
    q0, q1 = [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]
    strong, middle, weak = (make_user(db, name) for name in ("strong", "middle", "weak"))
    for person, right in ((strong, [1, 1, 1]), (middle, [1, 0, 1]), (weak, [0, 0, 1])):
        quiz = study_sessions.create_session(db, person.id, [q0], mode="quiz", article_id=None, created_at=to_iso(NOW))
        for n, (item_id, correct) in enumerate(zip([q0, q0, q1], right)):
            review(db, person, item_id, quiz, f"2026-11-2{n}T10:00", f"2026-11-2{n}T11:00", correct)
    flash = study_sessions.create_session(db, weak.id, [q0], mode="flashcards", article_id=None, created_at=to_iso(NOW))
    for _ in range(3):  # the weak student rates q0 Good on flashcards: no right answers for the class's figures
        review(db, weak, q0, flash, "2026-11-24T10:00", "2026-11-30T10:00", 1)
    rows = {r["prompt"]: r for r in class_results.item_rows(db)}
    assert (rows["Q0?"]["answers"], rows["Q0?"]["correct"], rows["Q0?"]["self_rated"]) == (6, 3, 3)
    assert rows["Q0?"]["discrimination"] == pytest.approx(1.0)  # strong 2 of 2, weak 0 of 2
    assert rows["Q1?"]["discrimination"] == pytest.approx(0.0)
    assert [r["prompt"] for r in class_results.item_rows(db)] == ["Q0?", "Q1?"]  # most missed first
