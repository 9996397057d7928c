"""How the class is doing: per student, per item, and one student in detail.

Mastery is the mean recall probability FSRS predicts for a student's cards now. The
discrimination index of an item is the share of the strongest third of the class
(by overall accuracy) that got it right minus the share of the weakest third: items
near zero or below do not tell strong from weak students and deserve a look.
"""
import csv
import io
import sqlite3

from . import scheduling
from .clock import to_iso
from .results import inert
from .db import query

SUMMARY_COLUMNS = ["username", "answers", "correct", "accuracy", "items_seen", "items_due", "mastery", "last_answer"]


def student_rows(db, scheduler, now):
    """One dict per student: answers, accuracy, items seen and due, mastery, last answer."""
    students = {row["id"]: dict(row, answers=0, correct=0, last_answer=None, seen=0, due=0, mastery=None)
                for row in query(db, "SELECT id, username FROM users WHERE role = 'student' ORDER BY username COLLATE NOCASE")}
    for user_id, answers, correct, last in db.execute(
        "SELECT user_id, count(*), sum(correct), max(answered_at) FROM reviews GROUP BY user_id"
    ):
        if user_id in students:
            students[user_id].update(answers=answers, correct=correct, last_answer=last)
    try:
        cards = _card_figures_in_sql(db, scheduler, now)
    except sqlite3.OperationalError:  # an SQLite built without its math functions (no pow)
        cards = _card_figures_in_python(db, scheduler, now)
    for user_id, seen, due, mastery in cards:
        if user_id in students:
            students[user_id].update(seen=seen, due=due, mastery=mastery)
    for student in students.values():
        student["accuracy"] = student["correct"] / student["answers"] if student["answers"] else None
    return list(students.values())


RECALL_SQL = """
SELECT user_id, count(*), sum(due <= :now), avg(CASE
    WHEN stability IS NULL OR stability <= 0 OR last_review IS NULL THEN 0.0
    ELSE pow(1 + :factor * max(0, CAST(round((julianday(:now) - julianday(last_review)) * 86400) AS INTEGER) / 86400)
                 / stability, :decay) END)
FROM cards GROUP BY user_id
"""


def _card_figures_in_sql(db, scheduler, now):
    """(user id, cards seen, cards due, mastery) per student, the forgetting curve computed by SQLite:
    the same formula as `scheduling.recall_probability` (whole days elapsed), one pass over the cards."""
    params = {"now": to_iso(now), "factor": scheduler._FACTOR, "decay": scheduler._DECAY}
    return db.execute(RECALL_SQL, params).fetchall()


def _card_figures_in_python(db, scheduler, now):
    figures, now_text = {}, to_iso(now)
    for user_id, due, stability, last_review in db.execute("SELECT user_id, due, stability, last_review FROM cards"):
        seen, due_count, recall = figures.get(user_id, (0, 0, 0.0))
        figures[user_id] = (seen + 1, due_count + (due <= now_text),
                            recall + scheduling.recall_probability(scheduler, stability, last_review, now))
    return [(user_id, seen, due, recall / seen) for user_id, (seen, due, recall) in figures.items()]


def item_rows(db):
    """One dict per answered item: answers, share correct, discrimination; most missed first."""
    accuracy = {user_id: correct / answers for user_id, answers, correct in db.execute(
        "SELECT user_id, count(*), sum(correct) FROM reviews GROUP BY user_id")}
    ranked = sorted(accuracy, key=lambda u: accuracy[u])
    third = len(ranked) // 3
    weak, strong = set(ranked[:third]), set(ranked[-third:]) if third else set()
    per_item = {}
    for item_id, user_id, correct in db.execute("SELECT item_id, user_id, correct FROM reviews"):
        stats = per_item.setdefault(item_id, {"answers": 0, "correct": 0, "strong": [], "weak": []})
        stats["answers"] += 1
        stats["correct"] += correct
        if user_id in strong:
            stats["strong"].append(correct)
        elif user_id in weak:
            stats["weak"].append(correct)
    rows = []
    for item in query(db, 
        "SELECT items.id, items.kind, items.prompt, items.answer, items.status, articles.title AS article_title "
        "FROM items JOIN articles ON articles.id = items.article_id"
    ):
        stats = per_item.get(item["id"])
        if not stats:
            continue
        share = stats["correct"] / stats["answers"]
        discrimination = None
        if stats["strong"] and stats["weak"]:
            discrimination = sum(stats["strong"]) / len(stats["strong"]) - sum(stats["weak"]) / len(stats["weak"])
        rows.append(dict(item, answers=stats["answers"], correct=stats["correct"], share=share,
                         missed=stats["answers"] - stats["correct"], discrimination=discrimination))
    rows.sort(key=lambda r: (r["share"], -r["answers"], r["id"]))
    return rows


def student_detail(db, scheduler, user_id, now):
    """One student's cards (with recall now) and latest answers."""
    cards = []
    for row in query(db, 
        "SELECT cards.*, items.prompt, items.answer, items.kind FROM cards JOIN items ON items.id = cards.item_id "
        "WHERE cards.user_id = ? ORDER BY cards.due", [user_id]
    ):
        cards.append(dict(row, recall=scheduling.retrievability(scheduler, row, now)))
    reviews = list(query(db, 
        "SELECT reviews.*, items.prompt, items.answer FROM reviews JOIN items ON items.id = reviews.item_id "
        "WHERE reviews.user_id = ? ORDER BY reviews.id DESC LIMIT 200", [user_id]))
    return cards, reviews


def summary_csv(rows):
    """The per-student summary as CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SUMMARY_COLUMNS)
    for row in rows:
        writer.writerow([inert(v) for v in [
            row["username"], row["answers"], row["correct"],
            "" if row["accuracy"] is None else f"{row['accuracy']:.3f}", row["seen"], row["due"],
            "" if row["mastery"] is None else f"{row['mastery']:.3f}", row["last_answer"] or "",
        ]])
    return buffer.getvalue()
