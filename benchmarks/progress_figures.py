"""How long the progress page's figures and the teacher's per-student/per-item totals take on a big review log.

Builds a temporary database: STUDENTS students, each with REVIEWS answers over 180 days to the items
of one 200-item article (a quarter of the sessions flashcards), then times, with the median of RUNS:
the student's `services.progress` + `progress.study_progress` (what /study/progress computes) and
`class_results.student_rows` + `class_results.item_rows` (the teacher's Class and Results pages).

Usage: python benchmarks/progress_figures.py [STUDENTS] [REVIEWS] [RUNS]
"""
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import articles, scheduling, users  # noqa: E402
from quizapp.clock import to_iso  # noqa: E402
from quizapp.db import connect, write_transaction  # noqa: E402
from quizapp.schema import migrate  # noqa: E402
from quizapp.study import progress, services  # noqa: E402
from quizapp.teacher import class_results  # noqa: E402

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


def build(db, students, reviews):
    items = [{"kind": "short_answer", "prompt": f"Q{i}?", "answer": f"A{i}", "choices": [], "accepted": [],
              "source_sentence": f"Sentence {i}.", "answer_type": "OTHER", "score": 0.9, "source": "bench"}
             for i in range(200)]
    articles.store_article(db, title="Bench", source="bench.txt", text="bench", items=items, status="approved")
    item_ids = [row[0] for row in db.execute("SELECT id FROM items")]
    rng = random.Random(7)
    people = [users.create_user(db, f"s{n}", "a long password 1") for n in range(students)]
    with write_transaction(db):
        for person in people:
            sessions = [db.execute("INSERT INTO study_sessions (user_id, mode, item_ids, position, created_at) "
                                   "VALUES (?, ?, '[]', 0, ?)", [person.id, mode, to_iso(NOW)]).lastrowid
                        for mode in ("quiz", "quiz", "quiz", "flashcards")]
            rows = []
            for _ in range(reviews):
                answered = NOW - dt.timedelta(minutes=rng.randrange(180 * 24 * 60))
                due = answered + dt.timedelta(minutes=rng.choice([1, 10, 1440 * 3, 1440 * 12, 1440 * 40]))
                rows.append([person.id, rng.choice(item_ids), rng.choice(sessions), 3, rng.random() < 0.8, "x",
                             to_iso(answered), 1000, to_iso(due), 0])
            db.conn.executemany("INSERT INTO reviews (user_id, item_id, session_id, rating, correct, response, answered_at, "
                           "duration_ms, next_due, was_new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            for item_id in item_ids:
                db.execute("INSERT INTO cards (user_id, item_id, state, step, stability, difficulty, due, last_review, "
                           "reps, lapses, last_rating) VALUES (?, ?, 2, NULL, 10, 5, ?, ?, 3, 0, 3)",
                           [person.id, item_id, to_iso(NOW + dt.timedelta(hours=rng.randrange(24 * 60))),
                            to_iso(NOW - dt.timedelta(days=3))])
    return people


def median_ms(run, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main(students=50, reviews=2000, runs=11):
    with tempfile.TemporaryDirectory() as folder:
        db = connect(str(Path(folder) / "bench.db"))
        migrate(db)
        people = build(db, students, reviews)
        scheduler = scheduling.make_scheduler(fuzz=False)
        student = median_ms(lambda: (services.progress(db, people[0], NOW, days=14),
                                     progress.study_progress(db, people[0], NOW)), runs)
        teacher = median_ms(lambda: (class_results.student_rows(db, scheduler, NOW), class_results.item_rows(db)), runs)
        print(f"{students} students x {reviews} reviews ({students * reviews} reviews), 200 items, median of {runs}:")
        print(f"  student progress figures: {student:.1f} ms")
        print(f"  teacher class + results figures: {teacher:.1f} ms")
        db.close()


if __name__ == "__main__":
    main(*[int(arg) for arg in sys.argv[1:4]])
