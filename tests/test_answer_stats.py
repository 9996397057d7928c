"""The answer summaries (quizapp/answer_stats.py, answer_thirds.py) against a from-scratch count of the review log.

Every test builds a hand-made review log through `cards.record_review` (the one place a
review is stored), then compares each summary table, and the teacher's figures read from
them, with the same figures computed here in plain Python from the `reviews` table.
"""
import datetime as dt
import random

import pytest

from quizapp import answer_stats, answer_thirds, assignments, cards, classes, users
from quizapp.schema import migrations
from quizapp.teacher import class_results, class_work

from .helpers import make_article, make_item, make_user

START = dt.datetime(2026, 11, 1, 8, tzinfo=dt.timezone.utc)


def iso(minutes):
    return (START + dt.timedelta(minutes=minutes)).isoformat(timespec="seconds")


def record(db, user_id, item_id, correct, minutes):
    cards.record_review(db, user_id=user_id, item_id=item_id, session_id=None, rating=3 if correct else 1,
                        correct=correct, response="x", answered_at=iso(minutes), duration_ms=1000,
                        next_due=iso(minutes + 60), was_new=False)


def all_reviews(db):
    return db.execute("SELECT id, user_id, item_id, correct, answered_at FROM reviews ORDER BY answered_at, id").fetchall()


def expected_pairs(db):
    """{(user, item): (answers, correct, first at, first correct, last at)} from the reviews, oldest first."""
    pairs = {}
    for _, user_id, item_id, correct, at in all_reviews(db):
        answers, right, first_at, first_correct, _ = pairs.get((user_id, item_id), (0, 0, at, correct, at))
        pairs[(user_id, item_id)] = (answers + 1, right + correct, first_at, first_correct, at)
    return pairs


def expected_thirds(db):
    """(weak ids, strong ids): the ranking the results page has always used (a stable sort by share right)."""
    totals = {}
    for _, user_id, _, correct, _ in sorted(all_reviews(db), key=lambda r: r[1]):
        answers, right = totals.get(user_id, (0, 0))
        totals[user_id] = (answers + 1, right + correct)
    accuracy = {user_id: right / answers for user_id, (answers, right) in totals.items()}
    ranked = sorted(accuracy, key=lambda u: accuracy[u])
    third = len(ranked) // 3
    return set(ranked[:third]), set(ranked[-third:]) if third else set()


def assert_summaries_match(db):
    pairs = expected_pairs(db)
    stored = {(r[0], r[1]): tuple(r[2:]) for r in db.execute(
        "SELECT user_id, item_id, answers, correct, first_answered_at, first_correct, last_answered_at FROM answer_stats")}
    assert stored == pairs
    students, per_item = {}, {}
    for (user_id, item_id), (answers, right, first_at, _, last_at) in pairs.items():
        a, c, f, l = students.get(user_id, (0, 0, first_at, last_at))
        students[user_id] = (a + answers, c + right, min(f, first_at), max(l, last_at))
        a, c = per_item.get(item_id, (0, 0))
        per_item[item_id] = (a + answers, c + right)
    assert {r[0]: tuple(r[1:]) for r in db.execute(
        "SELECT user_id, answers, correct, first_answered_at, last_answered_at FROM student_totals")} == students
    assert answer_stats.item_totals(db) == per_item
    weak, strong = expected_thirds(db)
    thirds = dict(db.execute("SELECT user_id, third FROM student_totals").fetchall())
    assert {u for u, t in thirds.items() if t == 0} == weak
    assert {u for u, t in thirds.items() if t == 2} == strong
    by_third = {}
    for (user_id, item_id), (answers, right, *_) in pairs.items():
        for group, members in ((0, weak), (2, strong)):
            if user_id in members:
                a, c = by_third.get((item_id, group), (0, 0))
                by_third[(item_id, group)] = (a + answers, c + right)
    assert {(r[0], r[1]): (r[2], r[3]) for r in db.execute(
        "SELECT item_id, third, answers, correct FROM item_third_totals WHERE answers > 0")} == by_third


def old_item_rows(db):
    """The results page's figures as they were computed before the summaries: over every review."""
    weak, strong = expected_thirds(db)
    per_item = {}
    for _, user_id, item_id, correct, _ in all_reviews(db):
        stats = per_item.setdefault(item_id, {"answers": 0, "correct": 0, "strong": [], "weak": []})
        stats["answers"] += 1
        stats["correct"] += correct
        if user_id in strong:
            stats["strong"].append(correct)
        elif user_id in weak:
            stats["weak"].append(correct)
    rows = []
    for item_id, stats in per_item.items():
        discrimination = None
        if stats["strong"] and stats["weak"]:
            discrimination = sum(stats["strong"]) / len(stats["strong"]) - sum(stats["weak"]) / len(stats["weak"])
        rows.append((item_id, stats["answers"], stats["correct"], stats["correct"] / stats["answers"], discrimination))
    rows.sort(key=lambda r: (r[3], -r[1], r[0]))
    return rows


@pytest.fixture
def school(db):
    """Seven students (one a teacher's account would not be: all students here) and six items in two articles."""
    first = make_article(db, [make_item(prompt=f"First {n}?", answer=f"A{n}") for n in range(3)], title="First",
                         source="first.txt")
    second = make_article(db, [make_item(prompt=f"Second {n}?", answer=f"B{n}") for n in range(3)], title="Second",
                          source="second.txt")
    people = [make_user(db, f"pupil{n}") for n in range(7)]
    item_ids = [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]
    return people, item_ids, first, second


def test_each_answer_keeps_every_summary_equal_to_a_count_from_scratch(db, school):
    people, item_ids, _, _ = school
    rng = random.Random(13)
    for step in range(260):
        user = rng.choice(people)
        # times out of order and repeated: the first answer is the oldest, ties go to the older review
        record(db, user.id, rng.choice(item_ids), rng.random() < 0.6, rng.choice([rng.randint(0, 500), 250]))
        if step % 37 == 0:
            assert_summaries_match(db)
    assert_summaries_match(db)


def test_the_results_page_figures_equal_the_old_computation_over_every_review(db, school):
    people, item_ids, _, _ = school
    rng = random.Random(5)
    for _ in range(150):
        record(db, rng.choice(people).id, rng.choice(item_ids), rng.random() < rng.choice([0.3, 0.8]), rng.randint(0, 900))
    got = [(r["id"], r["answers"], r["correct"], r["share"], r["discrimination"]) for r in class_results.item_rows(db)]
    assert got == old_item_rows(db)
    assert any(row[4] not in (None, 0) for row in got)  # the thirds differ: the comparison means something
    page, at = class_results.item_page(db, "2", size=4)
    assert at.number == 2 and [r["id"] for r in page] == [r[0] for r in old_item_rows(db)[4:8]]


def test_ties_in_accuracy_are_ranked_by_id_as_before(db, school):
    people, item_ids, _, _ = school
    for n, user in enumerate(people):  # everyone 1 of 2 right, except the last two
        record(db, user.id, item_ids[0], True, n)
        record(db, user.id, item_ids[1], n >= 5, 100 + n)
    assert_summaries_match(db)
    weak, strong = expected_thirds(db)
    assert weak == {people[0].id, people[1].id} and strong == {people[5].id, people[6].id}


def test_too_few_students_have_no_thirds_until_the_third_one_answers(db, school):
    people, item_ids, _, _ = school
    record(db, people[0].id, item_ids[0], True, 1)
    record(db, people[1].id, item_ids[0], False, 2)
    assert_summaries_match(db)
    assert class_results.item_rows(db)[0]["discrimination"] is None
    record(db, people[2].id, item_ids[0], True, 3)
    assert_summaries_match(db)
    assert class_results.item_rows(db)[0]["discrimination"] is not None  # the positive control


def test_a_changed_review_and_a_deleted_student_are_refreshed_exactly(db, school):
    people, item_ids, _, _ = school
    rng = random.Random(2)
    for _ in range(120):
        record(db, rng.choice(people).id, rng.choice(item_ids), rng.random() < 0.5, rng.randint(0, 300))
    review_id, user_id, item_id = db.execute("SELECT id, user_id, item_id FROM reviews WHERE correct = 0 LIMIT 1").fetchone()
    db.execute("UPDATE reviews SET correct = 1 WHERE id = ?", [review_id])  # as an overruled answer would be
    db.conn.commit()
    answer_stats.refresh(db, user_id, item_id)
    assert_summaries_match(db)
    class_work.remove_student(db, people[3].id, keep_answers=False)
    assert_summaries_match(db)
    class_work.remove_student(db, people[4].id, keep_answers=True)  # answers kept: the summaries keep them too
    assert_summaries_match(db)


def test_the_class_page_figures_come_from_the_summaries(db, school):
    people, item_ids, _, _ = school
    rng = random.Random(9)
    for _ in range(80):
        record(db, rng.choice(people[:5]).id, rng.choice(item_ids), rng.random() < 0.5, rng.randint(0, 300))
    from quizapp import scheduling
    from quizapp.paging import Page

    scheduler, now = scheduling.make_scheduler(fuzz=False), START + dt.timedelta(days=1)
    rows = {r["id"]: r for r in class_results.student_rows(db, scheduler, now)}
    for user in people:
        answers = [r for r in all_reviews(db) if r[1] == user.id]
        assert rows[user.id]["answers"] == len(answers)
        assert rows[user.id]["correct"] == sum(r[3] for r in answers)
        assert rows[user.id]["last_answer"] == (max(r[4] for r in answers) if answers else None)
    page = class_results.student_rows(db, scheduler, now, page=Page(2, len(people), 3))
    assert [r["username"] for r in page] == ["pupil3", "pupil4", "pupil5"]
    assert [r["answers"] for r in page] == [rows[users.find_user(db, n).id]["answers"] for n in ("pupil3", "pupil4", "pupil5")]


def old_assignment_rows(db, assignment_id):
    """Per student of the class: (answered, first answers right, first answer, last answer) over every review."""
    assignment = assignments.get_assignment(db, assignment_id)
    approved = {q["id"] for q in assignments.assigned_items(db, assignment_id)}
    out = {}
    for member in classes.members(db, assignment["class_id"]):
        first, times = {}, []
        for _, user_id, item_id, correct, at in all_reviews(db):
            if user_id == member["id"] and item_id in approved:
                first.setdefault(item_id, correct)
                times.append(at)
        out[member["username"]] = (len(first), sum(first.values()), min(times, default=None), max(times, default=None))
    return out


def test_the_assignment_figures_equal_a_count_over_every_review(db, school):
    people, item_ids, first, _ = school
    teacher = make_user(db, "teacher1", role="teacher")
    class_id = classes.create_class(db, teacher.id, "7B")
    for user in people[:5]:
        classes.add_member(db, class_id, user.id)
    assignment_id = assignments.create_assignment(db, class_id, first)
    db.execute("UPDATE items SET status = 'retired' WHERE id = ?", [item_ids[2]])  # a retired question no longer counts
    db.conn.commit()
    rng = random.Random(4)
    for _ in range(120):
        record(db, rng.choice(people).id, rng.choice(item_ids), rng.random() < 0.5, rng.randint(0, 300))
    rows, counts, missed = class_work.assignment_report(db, assignment_id)
    expected = old_assignment_rows(db, assignment_id)
    assert {r["username"]: (r["answered"], r["right"], r["first_answer"], r["last_answer"]) for r in rows} == expected
    assert counts == (5, sum(1 for v in expected.values() if v[0]), sum(1 for v in expected.values() if v[0] == 2))
    members = {u.id for u in people[:5]}
    wrong = {}
    for _, user_id, item_id, correct, _ in all_reviews(db):
        if user_id in members and item_id in item_ids[:2]:
            answers, misses = wrong.get(item_id, (0, 0))
            wrong[item_id] = (answers + 1, misses + 1 - correct)
    assert {q["id"]: (q["answers"], q["missed"]) for q in missed} == {k: v for k, v in wrong.items() if v[1]}


def test_the_migration_back_fills_the_summaries_from_the_reviews(tmp_path):
    from quizapp.db import connect

    db = connect(str(tmp_path / "old.db"))
    migrations.apply(db, stop_before="m0011_scale_answer_summaries")
    db.execute("INSERT INTO articles (id, title, source, text, text_hash, created_at) VALUES (1, 'a', 's', 't', 'h', '2026')")
    for item_id in (1, 2, 3):
        db.execute("INSERT INTO items (id, article_id, item_key, kind, prompt, answer, status) "
                   "VALUES (?, 1, ?, 'short_answer', 'q', 'a', 'approved')", [item_id, str(item_id)])
    for user_id in range(1, 8):
        db.execute("INSERT INTO users (id, username, password_hash, created_at) VALUES (?, ?, 'x', '2026')",
                   [user_id, f"s{user_id}"])
    rng = random.Random(8)
    for _ in range(200):
        db.execute("INSERT INTO reviews (user_id, item_id, rating, correct, answered_at, next_due) VALUES (?, ?, 3, ?, ?, '2027')",
                   [rng.randint(1, 7), rng.randint(1, 3), int(rng.random() < 0.5), iso(rng.choice([5, rng.randint(0, 99)]))])
    db.conn.commit()
    migrations.apply(db)
    assert_summaries_match(db)
    # and the kept-current path carries on from the back-filled state
    record(db, 1, 2, True, 1000)
    assert_summaries_match(db)
    db.close()


def test_a_page_of_students_and_a_thirds_lookup_of_nothing_read_nothing(db):
    assert answer_stats.student_totals(db, []) == {}
    assert answer_thirds.item_thirds(db, []) == {}


def test_flashcards_are_counted_apart_and_i_was_right_counts_in_the_summaries(db):
    """A self-rated flashcard answer is no graded answer in any summary, but is counted apart; an answer
    overruled by "I was right" is right in the summaries at once."""
    from quizapp import study_sessions

    user = make_user(db, "ada")
    make_article(db, [make_item("short_answer", f"Q{i}?", f"A{i}") for i in range(2)])
    first, second = [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]
    flash = study_sessions.create_session(db, user.id, [first], mode="flashcards", article_id=None, created_at=iso(0))
    quiz = study_sessions.create_session(db, user.id, [second], mode="quiz", article_id=None, created_at=iso(0))
    cards.record_review(db, user_id=user.id, item_id=first, session_id=flash, rating=3, correct=True, response=None,
                        answered_at=iso(1), duration_ms=1000, next_due=iso(60), was_new=True)
    wrong = cards.record_review(db, user_id=user.id, item_id=second, session_id=quiz, rating=1, correct=False,
                                response="A9", answered_at=iso(2), duration_ms=1000, next_due=iso(3), was_new=True)
    # positive control: the quiz answer is a graded answer in every summary
    assert answer_stats.student_totals(db, [user.id])[user.id][:2] == (1, 0)
    assert answer_stats.item_totals(db) == {second: (1, 0)}
    assert answer_stats.self_rated_per_student(db, [user.id]) == {user.id: 1}
    assert answer_stats.item_extras(db, [first, second]) == {first: (1, 0), second: (0, 0)}
    cards.mark_overruled(db, wrong, rating=3, next_due=iso(600), overruled_at=iso(4))
    assert answer_stats.student_totals(db, [user.id])[user.id][:2] == (1, 1)
    assert answer_stats.item_totals(db) == {second: (1, 1)}
    assert answer_stats.item_extras(db, [second]) == {second: (0, 1)}
    # and the migration's back-fill, from the reviews alone, gives the same
    before = {table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
              for table in ("answer_stats", "self_rated_counts")}
    for table in ("answer_stats", "self_rated_counts"):
        db.execute(f"DELETE FROM {table}")
    db.execute(answer_stats.PAIRS_FROM_REVIEWS.format(where="1 = 1", self_rated=answer_stats.SELF_RATED))
    db.execute(answer_stats.SELF_RATED_FROM_REVIEWS)
    assert {table: db.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("answer_stats", "self_rated_counts")} == before
