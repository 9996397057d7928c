"""How long the teacher's results by fact (`fact_results.fact_rows`, /teacher/articles/<id>/facts) take.

Builds a temporary database: one article of FACTS facts in two forms each (multiple choice, a blank), STUDENTS
students each with a card and an answer summary for about 60% of its items (random states), then prints the
median and the slowest of RUNS calls, for every student and for one class of a tenth of them.

Usage: python benchmarks/fact_results.py [STUDENTS] [FACTS] [RUNS]
"""
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quizapp import articles, classes, users  # noqa: E402
from quizapp.db import connect, write_transaction  # noqa: E402
from quizapp.schema import migrate  # noqa: E402
from quizapp.teacher import fact_results  # noqa: E402

NOW = "2026-11-25T09:00:00+00:00"


def build(db, students, facts):
    made = [{"kind": kind, "prompt": f"Q{n} {kind}?", "answer": f"A{n}",
             "choices": [f"A{n}", "B", "C", "D"] if kind == "multiple_choice" else [], "accepted": [],
             "source_sentence": f"Sentence {n} says A{n}.", "answer_type": "OTHER", "score": 0.9, "fact": f"f{n}",
             "source": "bench"} for n in range(facts) for kind in ("multiple_choice", "fill_blank")]
    article_id, _ = articles.store_article(db, title="Bench", source="bench.txt", text="bench", items=made)
    item_ids = [row[0] for row in db.execute("SELECT id FROM items")]
    people = [users.create_user(db, f"s{n}", "a long password 1").id for n in range(students)]
    teacher = users.create_user(db, "teacher", "a long password 1", "teacher").id
    class_id = classes.create_class(db, teacher, "Bench class")
    rng = random.Random(7)
    with write_transaction(db):
        for user_id in people:
            for item_id in item_ids:
                if rng.random() < 0.6:
                    db.execute("INSERT INTO cards (user_id, item_id, state, step, stability, difficulty, due, "
                               "last_review, reps, lapses, last_rating) VALUES (?, ?, ?, 0, 3.0, 5.0, ?, ?, 1, 0, 3)",
                               [user_id, item_id, rng.choice([1, 2, 3]), NOW, NOW])
                    answers = rng.randint(1, 4)
                    db.execute("INSERT INTO answer_stats VALUES (?, ?, ?, ?, ?, 1, ?)",
                               [user_id, item_id, answers, rng.randint(0, answers), NOW, NOW])
    for user_id in people[: max(1, students // 10)]:
        classes.add_member(db, class_id, user_id)
    return article_id, class_id, db.execute("SELECT count(*) FROM cards").fetchone()[0]


def timed(call, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, max(times) * 1000


def main(students=300, facts=30, runs=20):
    folder = tempfile.mkdtemp(prefix="quizapp-bench-facts-")
    db = connect(str(Path(folder) / "bench.db"))
    migrate(db)
    article_id, class_id, card_count = build(db, students, facts)
    print(f"{facts} facts ({2 * facts} items), {students} students, {card_count} cards, {runs} runs")
    for label, scope in (("every student", None), (f"a class of {max(1, students // 10)}", class_id)):
        median, slowest = timed(lambda: fact_results.fact_rows(db, article_id, class_id=scope), runs)
        print(f"fact_rows, {label}: median {median:.1f} ms, slowest {slowest:.1f} ms")


if __name__ == "__main__":
    main(*(int(value) for value in sys.argv[1:4]))
