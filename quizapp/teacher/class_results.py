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

from .. import answer_stats, answer_thirds, cards, items, paging, scheduling, users
from ..clock import to_iso
from ..spreadsheets import inert

RESULT_COLUMNS = ["username", "item_id", "article", "kind", "prompt", "response", "correct", "rating", "answered_at",
                  "next_due"]
EXTRA_RESULT_COLUMNS = ["mode", "class", "overruled"]  # after the contract's columns, in CONTRACTS.md section 3's order
SUMMARY_COLUMNS = ["username", "answers", "correct", "accuracy", "items_seen", "items_due", "mastery", "last_answer",
                   "self_rated"]  # answers, correct, accuracy: graded answers only; self_rated: flashcards


def student_rows(db, scheduler, now, *, page=None):
    """One dict per student (every one, or those of `page`, a paging.Page): answers, accuracy, items
    seen and due, mastery, last answer. Answer counts come from the summaries kept on each answer;
    only the cards of the students listed are read for the rest."""
    if page is None:
        listed, user_ids = users.students(db), None
    else:
        listed = users.students_page(db, offset=page.offset, limit=page.size)
        user_ids = [row["id"] for row in listed]
    students = {row["id"]: dict(row, answers=0, correct=0, self_rated=0, last_answer=None, seen=0, due=0, mastery=None)
                for row in listed}
    totals = answer_stats.student_totals(db, user_ids)
    for user_id, student in students.items():
        if user_id in totals:
            answers, correct, last = totals[user_id]
            student.update(answers=answers, correct=correct, last_answer=last)
    for user_id, self_rated in answer_stats.self_rated_per_student(db, students).items():
        students[user_id]["self_rated"] = self_rated  # flashcards: rated by the student, never a right answer
    if user_ids != []:
        for user_id, seen, due, mastery in card_figures(db, scheduler, now, user_ids=user_ids):
            if user_id in students:
                students[user_id].update(seen=seen, due=due, mastery=mastery)
    for student in students.values():
        student["accuracy"] = student["correct"] / student["answers"] if student["answers"] else None
    return list(students.values())


def card_figures(db, scheduler, now, *, user_ids=None):
    """(user id, cards seen, cards due, mastery) per student (of `user_ids` when given): the forgetting
    curve of `scheduling.recall_probability` (whole days elapsed), computed by SQLite when it can."""
    try:
        return cards.recall_per_user(db, to_iso(now), factor=scheduler._FACTOR, decay=scheduler._DECAY,
                                     user_ids=user_ids)
    except cards.NoMathFunctions:
        return _card_figures_in_python(db, scheduler, now, user_ids=user_ids)


def _card_figures_in_python(db, scheduler, now, *, user_ids=None):
    figures, now_text = {}, to_iso(now)
    for user_id, due, stability, last_review, last_rating in cards.card_memory(db, user_ids):
        seen, due_count, recall = figures.get(user_id, (0, 0, 0.0))
        figures[user_id] = (seen + 1, due_count + (due <= now_text),
                            recall + scheduling.card_recall(scheduler, stability, last_review, last_rating, now))
    return [(user_id, seen, due, recall / seen) for user_id, (seen, due, recall) in figures.items()]


def item_rows(db):
    """Every answered item, most missed first, with answers, share correct and discrimination."""
    return _with_discrimination(db, _ranked_items(db))


def item_page(db, page_number, size=paging.PAGE_SIZE):
    """One page of `item_rows` (page number as given in the URL): (rows, paging.Page). The
    discrimination is worked out only for the items shown."""
    rows = _ranked_items(db)
    page = paging.page_of(page_number, len(rows), size)
    return _with_discrimination(db, rows[page.offset:page.offset + page.size]), page


def _ranked_items(db):
    totals = answer_stats.item_totals(db)
    rows = []
    for item in items.items_with_titles(db):
        if item["id"] in totals:
            answers, correct = totals[item["id"]]
            rows.append(dict(item, answers=answers, correct=correct, share=correct / answers,
                             missed=answers - correct, discrimination=None))
    rows.sort(key=lambda r: (r["share"], -r["answers"], r["id"]))
    return rows


def _with_discrimination(db, rows):
    thirds = answer_thirds.item_thirds(db, [row["id"] for row in rows])
    extras = answer_stats.item_extras(db, [row["id"] for row in rows])
    for row in rows:
        row["self_rated"], row["overruled"] = extras.get(row["id"], (0, 0))
        weak_answers, weak_right, strong_answers, strong_right = thirds.get(row["id"], (0, 0, 0, 0))
        if weak_answers and strong_answers:
            row["discrimination"] = strong_right / strong_answers - weak_right / weak_answers
    return rows


def student_detail(db, scheduler, user_id, now, *, cards_page=None, answers_page=None):
    """One student's cards (with recall now) and latest answers, each a page (paging.Page numbers as
    given in the URL); returns (cards, their Page, answers, their Page)."""
    card_page = paging.page_of(cards_page, cards.count_cards(db, user_id))
    student_cards = [dict(row, recall=scheduling.card_recall(scheduler, row["stability"], row["last_review"],
                                                            row["last_rating"], now))
                     for row in cards.student_cards(db, user_id, offset=card_page.offset, limit=card_page.size)]
    answered = (answer_stats.student_totals(db, [user_id]).get(user_id, (0,))[0]
                + answer_stats.self_rated_per_student(db, [user_id]).get(user_id, 0))  # the list shows flashcards too
    answer_page = paging.page_of(answers_page, answered)
    reviews = cards.student_reviews(db, user_id, offset=answer_page.offset, limit=answer_page.size)
    return student_cards, card_page, reviews, answer_page


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
