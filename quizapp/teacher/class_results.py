"""How the class is doing: per student, per item, one student in detail, and the CSV exports.

Mastery is the mean recall probability FSRS predicts now over the items a student has seen;
an item whose latest answer was wrong, or that was never rated, counts as 0 (FSRS's curve
alone says 100% for anything reviewed today, right or wrong). The
discrimination index of an item is the share of the strongest third of the class
(by overall accuracy) that got it right minus the share of the weakest third: items
near zero or below do not tell strong from weak students and deserve a look.
The results CSV is a public contract (CONTRACTS.md section 3): one row per answer, oldest first.
"""
import csv
import io

from .. import cards, items, scheduling, users
from ..clock import to_iso
from ..spreadsheets import inert

RESULT_COLUMNS = ["username", "item_id", "article", "kind", "prompt", "response", "correct", "rating", "answered_at",
                  "next_due"]
EXTRA_RESULT_COLUMNS = ["mode", "class", "overruled"]  # after the contract's columns, in CONTRACTS.md section 3's order
SUMMARY_COLUMNS = ["username", "answers", "correct", "accuracy", "items_seen", "items_due", "mastery", "last_answer",
                   "self_rated"]  # answers, correct, accuracy: graded answers only; self_rated: flashcards


def student_rows(db, scheduler, now):
    """One dict per student: graded and self-rated answers, accuracy (graded only), items seen and due, mastery,
    last answer. A flashcard is rated by the student, so it never counts as a right answer."""
    students = {row["id"]: dict(row, answers=0, correct=0, self_rated=0, last_answer=None, seen=0, due=0, mastery=None)
                for row in users.students(db)}
    for user_id, answers, correct, last, self_rated in cards.answer_totals_per_user(db):
        if user_id in students:
            students[user_id].update(answers=answers, correct=correct, last_answer=last, self_rated=self_rated)
    for user_id, seen, due, mastery in card_figures(db, scheduler, now):
        if user_id in students:
            students[user_id].update(seen=seen, due=due, mastery=mastery)
    for student in students.values():
        student["accuracy"] = student["correct"] / student["answers"] if student["answers"] else None
    return list(students.values())


def card_figures(db, scheduler, now):
    """(user id, cards seen, cards due, mastery) per student: the forgetting curve of
    `scheduling.recall_probability` (whole days elapsed), computed by SQLite when it can."""
    try:
        return cards.recall_per_user(db, to_iso(now), factor=scheduler._FACTOR, decay=scheduler._DECAY)
    except cards.NoMathFunctions:
        return _card_figures_in_python(db, scheduler, now)


def _card_figures_in_python(db, scheduler, now):
    figures, now_text = {}, to_iso(now)
    for user_id, due, stability, last_review, last_rating in cards.card_memory(db):
        seen, due_count, recall = figures.get(user_id, (0, 0, 0.0))
        figures[user_id] = (seen + 1, due_count + (due <= now_text),
                            recall + scheduling.card_recall(scheduler, stability, last_review, last_rating, now))
    return [(user_id, seen, due, recall / seen) for user_id, (seen, due, recall) in figures.items()]


def item_rows(db):
    """One dict per item answered in a quiz: graded answers, share correct, discrimination, answers marked right
    by "I was right" (overruled) and self-rated flashcard answers (counted apart); most missed first."""
    accuracy = {user_id: correct / answers for user_id, answers, correct, _, _ in cards.answer_totals_per_user(db)
                if answers}
    ranked = sorted(accuracy, key=lambda u: accuracy[u])
    third = len(ranked) // 3
    weak, strong = set(ranked[:third]), set(ranked[-third:]) if third else set()
    per_item = {}
    for item_id, user_id, correct, self_rated, overruled in cards.answers_per_item(db):
        stats = per_item.setdefault(item_id, {"answers": 0, "correct": 0, "strong": [], "weak": [], "self_rated": 0,
                                              "overruled": 0})
        if self_rated:
            stats["self_rated"] += 1
            continue
        stats["answers"] += 1
        stats["overruled"] += overruled
        stats["correct"] += correct
        if user_id in strong:
            stats["strong"].append(correct)
        elif user_id in weak:
            stats["weak"].append(correct)
    rows = []
    for item in items.items_with_titles(db):
        stats = per_item.get(item["id"])
        if not stats or not stats["answers"]:
            continue
        share = stats["correct"] / stats["answers"]
        discrimination = None
        if stats["strong"] and stats["weak"]:
            discrimination = sum(stats["strong"]) / len(stats["strong"]) - sum(stats["weak"]) / len(stats["weak"])
        rows.append(dict(item, answers=stats["answers"], correct=stats["correct"], share=share,
                         missed=stats["answers"] - stats["correct"], discrimination=discrimination,
                         overruled=stats["overruled"], self_rated=stats["self_rated"]))
    rows.sort(key=lambda r: (r["share"], -r["answers"], r["id"]))
    return rows


def student_detail(db, scheduler, user_id, now):
    """One student's cards (with recall now) and latest answers."""
    student_cards = [dict(row, recall=scheduling.card_recall(scheduler, row["stability"], row["last_review"],
                                                            row["last_rating"], now))
                     for row in cards.student_cards(db, user_id)]
    return student_cards, cards.student_reviews(db, user_id)


def summary_csv(rows):
    """The per-student summary as CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SUMMARY_COLUMNS)
    for row in rows:
        writer.writerow([inert(v) for v in [
            row["username"], row["answers"], row["correct"],
            "" if row["accuracy"] is None else f"{row['accuracy']:.3f}", row["seen"], row["due"],
            "" if row["mastery"] is None else f"{row['mastery']:.3f}", row["last_answer"] or "", row["self_rated"],
        ]])
    return buffer.getvalue()


def result_rows(db):
    """Yield each answer as a list of cells in RESULT_COLUMNS + EXTRA_RESULT_COLUMNS order, streaming from the database."""
    for row in cards.result_rows(db):
        row = list(row)
        row[7] = scheduling.RATING_NAMES[row[7]]
        row[12] = int(row[12])
        yield row


def results_csv(db):
    """Yield the results CSV text in chunks: the header, then one line per answer."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(RESULT_COLUMNS + EXTRA_RESULT_COLUMNS)
    yield buffer.getvalue()
    for row in result_rows(db):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([inert(cell) for cell in row])
        yield buffer.getvalue()
