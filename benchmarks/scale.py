"""A big school: 10,000 students x 200 items and 2 million reviews.

Prints how long choosing the next items to study takes (p50/p99 over many students)
and the time and peak memory of `quizapp export-results` streaming every row.
Targets (issue #5): p99 under 20 ms; export peak memory under 200 MB.
Usage: .venv/bin/python benchmarks/scale.py [--students N] (building the database takes a few minutes)
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
from quizapp.schema import migrate  # noqa: E402
from quizapp.users import User  # noqa: E402

ITEMS = 200
NOW = dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc)


def build(path, students):
    db = connect(path)
    migrate(db)
    conn = db.conn
    rng = random.Random(7)
    with conn:
        conn.execute("INSERT INTO articles (title, source, text, text_hash, created_at) VALUES ('Big', 'big', 'x', 'h', ?)", [to_iso(NOW)])
        conn.executemany(
            "INSERT INTO items (article_id, item_key, kind, prompt, answer, choices, accepted, source_sentence, answer_type, score, status, created_at) "
            "VALUES (1, ?, 'short_answer', ?, 'A', '[]', '[]', 'A is it.', 'OTHER', ?, 'approved', ?)",
            [(f"k{i}", f"Question {i}?", rng.random(), to_iso(NOW)) for i in range(ITEMS)])
        conn.executemany("INSERT INTO users (username, password_hash, role, timezone, created_at) VALUES (?, 'x', 'student', 'UTC', ?)",
                         [(f"s{u}", to_iso(NOW)) for u in range(students)])
    for first in range(0, students, 500):
        cards, reviews = [], []
        for user in range(first + 1, min(first + 500, students) + 1):
            for item in range(1, ITEMS + 1):
                due = NOW + dt.timedelta(hours=rng.randint(-72, 24 * 30))
                answered = NOW - dt.timedelta(minutes=rng.randint(1, 60 * 24 * 60))
                cards.append((user, item, 2, 10.0, 5.0, to_iso(due), to_iso(answered)))
                reviews.append((user, item, 3, 1, "A", to_iso(answered), 4000, to_iso(due), 0))
        with conn:
            conn.executemany("INSERT INTO cards (user_id, item_id, state, stability, difficulty, due, last_review, reps) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, 1)", cards)
            conn.executemany("INSERT INTO reviews (user_id, item_id, rating, correct, response, answered_at, duration_ms, next_due, was_new) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", reviews)
    conn.execute("ANALYZE")
    db.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=10_000)
    parser.add_argument("--samples", type=int, default=2000)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="quizapp-scale-")
    path = os.path.join(folder, "big.db")
    started = time.perf_counter()
    build(path, options.students)
    size = os.path.getsize(path) / 1e6
    print(f"built {options.students} students x {ITEMS} items, {options.students * ITEMS:,} reviews "
          f"in {time.perf_counter() - started:.0f} s ({size:.0f} MB)")

    db = connect(path)
    for label, when in (("with items due", NOW), ("with nothing due (every item checked for newness)", NOW - dt.timedelta(days=120))):
        rng = random.Random(1)
        timings = []
        for _ in range(options.samples):
            user = User({"id": rng.randint(1, options.students), "username": "x", "role": "student", "timezone": "UTC"})
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
    print(f"class page figures (answers, accuracy, due, mastery) for {len(rows)} students: "
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
