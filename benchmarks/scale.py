"""A big school: 10,000 students x 200 items and 2 million reviews.

The school: one teacher; 8 articles of 25 approved questions (the 200 items) and one of 150
drafts; classes of 33 students and one year group of 1,000, each class assigned the first
article; every student answered every item once, right with a chance that depends on the
student. The database is built on the schema before m0011, so the migration's back-fill of
the answer summaries is timed too.

Prints how long choosing the next items to study takes (p50/p99 over many students),
the time and peak memory of `quizapp export-results` streaming every row, and p50/p99 of
the teacher's pages (the class, a class's own page, results, an assignment, a student)
requested through the Flask test client against the big database (the whole request:
routing, log-in check, queries, template; no network or WSGI server).
Targets: plan p99 under 20 ms (issue #5); export peak memory under 200 MB; teacher pages
p99 under 300 ms (issue #13).
Usage: .venv/bin/python benchmarks/scale.py [--students N] [--page-samples N] [--keep PATH] (building takes minutes);
       .venv/bin/python benchmarks/scale.py --pages-only PATH  (the teacher's pages again, on a kept database)
"""
import argparse
import datetime as dt
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp.study import services as practice  # noqa: E402
from quizapp.clock import to_iso  # noqa: E402
from quizapp.db import connect  # noqa: E402
from quizapp.schema import migrate, migrations  # noqa: E402
from quizapp.users import User, create_user  # noqa: E402

ITEMS = 200
ARTICLES = 8  # of ITEMS // ARTICLES approved questions each; one more article holds DRAFTS drafts
DRAFTS = 150
CLASS_SIZE = 33
YEAR_GROUP = 1000  # one big class as well: the first YEAR_GROUP students
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc)
TEACHER_PASSWORD = "a teacher at a big school"


def build(path, students):
    """The school's database; returns (seconds the m0011 back-fill took, class ids, assignment ids)."""
    db = connect(path)
    migrations.apply(db, stop_before="m0011_scale_answer_summaries")
    conn = db.conn
    rng = random.Random(7)
    per_article = ITEMS // ARTICLES
    with conn:
        for article in range(1, ARTICLES + 2):
            conn.execute("INSERT INTO articles (id, title, source, text, text_hash, created_at) VALUES (?, ?, ?, 'x', ?, ?)",
                         [article, f"Article {article}", f"big{article}", f"h{article}", to_iso(NOW)])
        conn.executemany(
            "INSERT INTO items (article_id, item_key, kind, prompt, answer, choices, accepted, source_sentence, answer_type, score, status, created_at) "
            "VALUES (?, ?, 'short_answer', ?, 'A', '[]', '[]', 'A is it.', 'OTHER', ?, ?, ?)",
            [(1 + i // per_article, f"k{i}", f"Question {i}?", rng.random(), "approved", to_iso(NOW)) for i in range(ITEMS)]
            + [(ARTICLES + 1, f"d{i}", f"Draft {i}?", rng.random(), "draft", to_iso(NOW)) for i in range(DRAFTS)])
        conn.executemany("INSERT INTO users (username, password_hash, role, timezone, created_at) VALUES (?, 'x', 'student', 'UTC', ?)",
                         [(f"s{u}", to_iso(NOW)) for u in range(students)])
    teacher = create_user(db, "teacher", TEACHER_PASSWORD, "teacher")
    class_ids = []
    with conn:
        for number, first in enumerate(range(1, students + 1, CLASS_SIZE)):
            class_ids.append(conn.execute("INSERT INTO classes (teacher_id, name, join_code, created_at) VALUES (?, ?, ?, ?)",
                                          [teacher.id, f"Class {number + 1}", f"C{number:05d}", to_iso(NOW)]).lastrowid)
            conn.executemany("INSERT INTO class_members (class_id, user_id, joined_at) VALUES (?, ?, ?)",
                             [(class_ids[-1], user, to_iso(NOW)) for user in range(first, min(first + CLASS_SIZE, students + 1))])
        year = conn.execute("INSERT INTO classes (teacher_id, name, join_code, created_at) VALUES (?, 'Year group', 'YEAR00', ?)",
                            [teacher.id, to_iso(NOW)]).lastrowid
        conn.executemany("INSERT INTO class_members (class_id, user_id, joined_at) VALUES (?, ?, ?)",
                         [(year, user, to_iso(NOW)) for user in range(1, min(YEAR_GROUP, students) + 1)])
        assignment_ids = [conn.execute("INSERT INTO assignments (class_id, article_id, due_date, created_at) VALUES (?, 1, '2026-12-01', ?)",
                                       [class_id, to_iso(NOW)]).lastrowid for class_id in class_ids + [year]]
    for first in range(0, students, 500):
        cards, reviews = [], []
        for user in range(first + 1, min(first + 500, students) + 1):
            skill = rng.uniform(0.4, 0.95)
            for item in range(1, ITEMS + 1):
                due = NOW + dt.timedelta(hours=rng.randint(-72, 24 * 30))
                answered = NOW - dt.timedelta(minutes=rng.randint(1, 60 * 24 * 60))
                right = rng.random() < skill
                rating = 3 if right else 1
                cards.append((user, item, 2, 10.0, 5.0, to_iso(due), to_iso(answered), rating))
                reviews.append((user, item, rating, int(right), "A", to_iso(answered), 4000, to_iso(due), 0))
        with conn:
            conn.executemany("INSERT INTO cards (user_id, item_id, state, stability, difficulty, due, last_review, reps, last_rating) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)", cards)
            conn.executemany("INSERT INTO reviews (user_id, item_id, rating, correct, response, answered_at, duration_ms, next_due, was_new) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", reviews)
    started = time.perf_counter()
    migrate(db)
    backfill = time.perf_counter() - started
    conn.execute("ANALYZE")
    db.close()
    return backfill, class_ids + [year], assignment_ids


def percentiles(timings):
    timings = sorted(timings)
    return statistics.median(timings) * 1000, timings[min(len(timings) - 1, int(0.99 * len(timings)))] * 1000


def time_answers(path, students, samples):
    """p50/p99 of storing one answer: the review row and every summary (cards.record_review), on the big database."""
    from quizapp import cards as card_store

    db = connect(path)
    rng = random.Random(11)
    timings = []
    for n in range(samples):
        start = time.perf_counter()
        card_store.record_review(db, user_id=rng.randint(1, students), item_id=rng.randint(1, ITEMS), session_id=None,
                                 rating=3, correct=rng.random() < 0.5, response="A",
                                 answered_at=to_iso(NOW + dt.timedelta(seconds=n)), duration_ms=3000,
                                 next_due=to_iso(NOW + dt.timedelta(days=2)), was_new=False)
        timings.append(time.perf_counter() - start)
    db.close()
    p50, p99 = percentiles(timings)
    print(f"storing an answer (review row and summaries, one transaction): p50 {p50:.2f} ms, p99 {p99:.2f} ms "
          f"over {samples} answers")


def time_pages(path, students, class_ids, assignment_ids, samples):
    """p50/p99 of each teacher page through the Flask test client, logged in as the teacher."""
    from quizapp import create_app

    app = create_app({"DATABASE": path, "SECRET_KEY": "scale", "WTF_CSRF_ENABLED": False, "FSRS_FUZZ": False},
                     instance_path=Path(path).parent / "instance")
    client = app.test_client()
    login = client.post("/auth/login", data={"username": "teacher", "password": TEACHER_PASSWORD})
    assert login.status_code == 302, login.status_code
    rng = random.Random(3)
    student_pages, item_pages = -(-students // 50), -(-ITEMS // 50)
    pages = {
        "class (/teacher/, 50 students a page)": lambda: f"/teacher/?page={rng.randint(1, student_pages)}",
        f"a class's page ({CLASS_SIZE} students)": lambda: f"/teacher/classes/{rng.choice(class_ids[:-1])}",
        f"the year group's page ({YEAR_GROUP} students, 50 a page)":
            lambda: f"/teacher/classes/{class_ids[-1]}?page={rng.randint(1, -(-YEAR_GROUP // 50))}",
        "results (50 questions a page)": lambda: f"/teacher/results?page={rng.randint(1, item_pages)}",
        f"an assignment ({CLASS_SIZE} students)": lambda: f"/teacher/assignments/{rng.choice(assignment_ids[:-1])}",
        f"the year group's assignment ({YEAR_GROUP} students, 50 a page)":
            lambda: f"/teacher/assignments/{assignment_ids[-1]}?page={rng.randint(1, -(-YEAR_GROUP // 50))}",
        "a student (200 items, 50 a page)": lambda: f"/teacher/students/{rng.randint(1, students)}",
        "review queue (150 drafts, 50 a page)": lambda: f"/teacher/review?page={rng.randint(1, 3)}",
        "question bank (350 questions, 50 a page)": lambda: f"/teacher/questions?page={rng.randint(1, 7)}",
    }
    for label, url in pages.items():
        for _ in range(5):  # warm the connection and the page cache
            client.get(url())
        timings = []
        for _ in range(samples):
            target = url()
            start = time.perf_counter()
            response = client.get(target)
            timings.append(time.perf_counter() - start)
            assert response.status_code == 200, (target, response.status_code)
        p50, p99 = percentiles(timings)
        print(f"teacher page {label}: p50 {p50:.1f} ms, p99 {p99:.1f} ms over {samples} requests (target p99 < 300 ms)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=2000)
    parser.add_argument("--page-samples", type=int, default=200)
    parser.add_argument("--keep", help="build the database at this path and keep it (default: a temporary folder)")
    parser.add_argument("--pages-only", metavar="PATH", help="only time the teacher's pages, on a database built with --keep")
    options = parser.parse_args()
    if options.pages_only:
        db = connect(options.pages_only)
        class_ids = [row[0] for row in db.execute("SELECT id FROM classes ORDER BY id")]
        assignment_ids = [row[0] for row in db.execute("SELECT id FROM assignments ORDER BY id")]
        students = db.execute("SELECT count(*) FROM users WHERE role = 'student'").fetchone()[0]
        db.close()
        time_pages(options.pages_only, students, class_ids, assignment_ids, options.page_samples)
        time_answers(options.pages_only, students, options.page_samples)
        return
    folder = tempfile.mkdtemp(prefix="quizapp-scale-")
    path = options.keep or os.path.join(folder, "big.db")
    started = time.perf_counter()
    backfill, class_ids, assignment_ids = build(path, options.students)
    size = os.path.getsize(path) / 1e6
    print(f"built {options.students} students x {ITEMS} items, {options.students * ITEMS:,} reviews "
          f"in {time.perf_counter() - started:.0f} s ({size:.0f} MB); migration m0011 (answer summaries) "
          f"back-filled them in {backfill:.1f} s")
    time_pages(path, options.students, class_ids, assignment_ids, options.page_samples)
    time_answers(path, options.students, options.page_samples)

    db = connect(path)
    for label, when in (("with items due", NOW), ("with nothing due (every item checked for newness)", NOW - dt.timedelta(days=120))):
        rng = random.Random(1)
        timings = []
        for _ in range(options.samples):
            user = User({"id": rng.randint(1, options.students), "username": "x", "role": "student", "timezone": "UTC", "session_version": 0})
            start = time.perf_counter()
            practice.plan_session(db, user, when, size=10, new_per_day=20)
            timings.append(time.perf_counter() - start)
        timings.sort()
        p99 = timings[int(0.99 * len(timings))]
        print(f"choosing the next 10 items {label}: p50 {statistics.median(timings) * 1000:.2f} ms, "
              f"p99 {p99 * 1000:.2f} ms over {options.samples} students (target p99 < 20 ms)")
    from quizapp import scheduling
    from quizapp.teacher import class_results as classresults

    start = time.perf_counter()
    rows = classresults.student_rows(db, scheduling.make_scheduler(fuzz=False), NOW)
    print(f"summary CSV figures (answers, accuracy, due, mastery) for all {len(rows)} students: "
          f"{time.perf_counter() - start:.2f} s")
    db.close()

    quizapp = Path(sys.executable).with_name("quizapp")
    start = time.perf_counter()
    subprocess.run([str(quizapp), "export-results", "--out", os.devnull], check=True,
                   env={**os.environ, "QUIZAPP_DATABASE": path, "QUIZAPP_SECRET_KEY": "scale"})
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"export-results of {options.students * ITEMS:,} rows: {elapsed:.1f} s, peak memory {peak:.0f} MB (target < 200 MB)")


if __name__ == "__main__":
    main()
