"""The answer summaries: `answer_stats` per (student, item), `student_totals` per student, `item_totals` per item
(and, in `quizapp/answer_thirds.py`, the weakest and strongest third's answers per item).

They hold what the teacher's pages would otherwise add up over every review: counts of
answers and right answers, and the first and latest answer (the first one's correctness is
an assignment's score). `add_answer` keeps them current; `cards.record_review`, the one
place a review is stored, calls it inside its transaction. Ties in time go to the older
review, as `ORDER BY answered_at, id` does. Whatever else changes a review's `correct` or
deletes reviews must call `refresh` or `forget_user`, so the summaries never drift.
"""
from . import answer_thirds
from .db import query, write_transaction

# A flashcard answer is rated by the student: counted apart (`self_rated_counts`), never a graded answer here.
SELF_RATED = ("EXISTS (SELECT 1 FROM study_sessions WHERE study_sessions.id = reviews.session_id "
              "AND study_sessions.mode = 'flashcards')")

ADD_PAIR = """
INSERT INTO answer_stats (user_id, item_id, answers, correct, first_answered_at, first_correct, last_answered_at)
VALUES (:user, :item, 1, :correct, :at, :correct, :at)
ON CONFLICT (user_id, item_id) DO UPDATE SET
    answers = answers + 1,
    correct = correct + excluded.correct,
    first_correct = CASE WHEN excluded.first_answered_at < first_answered_at THEN excluded.first_correct
                         ELSE first_correct END,
    first_answered_at = min(first_answered_at, excluded.first_answered_at),
    last_answered_at = max(last_answered_at, excluded.last_answered_at)
"""
ADD_STUDENT = """
INSERT INTO student_totals (user_id, answers, correct, first_answered_at, last_answered_at)
VALUES (:user, 1, :correct, :at, :at)
ON CONFLICT (user_id) DO UPDATE SET
    answers = answers + 1, correct = correct + excluded.correct,
    first_answered_at = min(first_answered_at, excluded.first_answered_at),
    last_answered_at = max(last_answered_at, excluded.last_answered_at)
"""
ADD_ITEM = """
INSERT INTO item_totals (item_id, answers, correct) VALUES (:item, 1, :correct)
ON CONFLICT (item_id) DO UPDATE SET answers = answers + 1, correct = correct + excluded.correct
"""

# From scratch, out of `reviews`: the migration's back-fill (schema.py) and `refresh` use these.
PAIRS_FROM_REVIEWS = """
INSERT INTO answer_stats (user_id, item_id, answers, correct, first_answered_at, first_correct, last_answered_at)
SELECT user_id, item_id, answers, right, answered_at, correct, last FROM (
    SELECT user_id, item_id, answered_at, correct,
           row_number() OVER (PARTITION BY user_id, item_id ORDER BY answered_at, id) AS position,
           count(*) OVER (PARTITION BY user_id, item_id) AS answers,
           sum(correct) OVER (PARTITION BY user_id, item_id) AS right,
           max(answered_at) OVER (PARTITION BY user_id, item_id) AS last
    FROM reviews WHERE ({where}) AND NOT {self_rated})
WHERE position = 1
"""
STUDENTS_FROM_PAIRS = """
INSERT INTO student_totals (user_id, answers, correct, first_answered_at, last_answered_at)
SELECT user_id, sum(answers), sum(correct), min(first_answered_at), max(last_answered_at) FROM answer_stats
WHERE {where} GROUP BY user_id
ON CONFLICT (user_id) DO UPDATE SET answers = excluded.answers, correct = excluded.correct,
    first_answered_at = excluded.first_answered_at, last_answered_at = excluded.last_answered_at
"""
ITEMS_FROM_PAIRS = """
INSERT INTO item_totals (item_id, answers, correct)
SELECT item_id, sum(answers), sum(correct) FROM answer_stats WHERE {where} GROUP BY item_id
"""


SELF_RATED_FROM_REVIEWS = f"""
INSERT INTO self_rated_counts (user_id, item_id, answers)
SELECT user_id, item_id, count(*) FROM reviews WHERE {SELF_RATED} GROUP BY user_id, item_id
"""


def self_rated_session(db, session_id):
    """Whether answers of this study session are self-rated (flashcards)."""
    row = db.execute("SELECT mode FROM study_sessions WHERE id = ?", [session_id]).fetchone() if session_id else None
    return bool(row) and row[0] == "flashcards"


def add_self_rated(db, user_id, item_id):
    """Count one more self-rated (flashcard) answer, apart from the graded ones."""
    db.execute("INSERT INTO self_rated_counts (user_id, item_id, answers) VALUES (?, ?, 1) "
               "ON CONFLICT (user_id, item_id) DO UPDATE SET answers = answers + 1", [user_id, item_id])


def self_rated_per_student(db, user_ids):
    """{user id: self-rated answers} of these students."""
    ids = list(user_ids)
    if not ids:
        return {}
    return dict(db.execute(f"SELECT user_id, sum(answers) FROM self_rated_counts WHERE user_id IN "
                           f"({','.join('?' * len(ids))}) GROUP BY user_id", ids).fetchall())


def item_extras(db, item_ids):
    """{item id: (self-rated answers, answers overruled by "I was right")} of these items."""
    ids = list(item_ids)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    found = {item_id: [0, 0] for item_id in ids}
    for item_id, answers in db.execute(f"SELECT item_id, sum(answers) FROM self_rated_counts WHERE item_id IN ({marks}) "
                                       "GROUP BY item_id", ids):
        found[item_id][0] = answers
    for item_id, overruled in db.execute(f"SELECT item_id, count(*) FROM reviews WHERE overruled_at IS NOT NULL "
                                         f"AND item_id IN ({marks}) GROUP BY item_id", ids):
        found[item_id][1] = overruled
    return {item_id: tuple(pair) for item_id, pair in found.items()}


def add_answer(db, user_id, item_id, correct, answered_at):
    """Count one more answer in every summary (called where the review row is stored)."""
    params = {"user": user_id, "item": item_id, "correct": int(bool(correct)), "at": answered_at}
    with write_transaction(db):
        db.execute(ADD_PAIR, params)
        (third,), = db.execute(ADD_STUDENT + " RETURNING third", params).fetchall()  # all: the statement runs to its end
        db.execute(ADD_ITEM, params)
        answer_thirds.count_one_answer(db, user_id, item_id, correct, third=third)


def refresh(db, user_id, item_id):
    """Recompute the summaries this (student, item) touches from the reviews: after a review's
    `correct` changed or a review was deleted."""
    with write_transaction(db):
        third = answer_thirds.third_of(db, user_id)
        answer_thirds.take_counts(db, user_id, third, item_id)
        db.execute("DELETE FROM answer_stats WHERE user_id = ? AND item_id = ?", [user_id, item_id])
        db.execute(PAIRS_FROM_REVIEWS.format(where="user_id = :user AND item_id = :item", self_rated=SELF_RATED),
                   {"user": user_id, "item": item_id})
        answer_thirds.add_counts(db, user_id, third, item_id)
        if db.execute("SELECT 1 FROM answer_stats WHERE user_id = ? LIMIT 1", [user_id]).fetchone():
            db.execute(STUDENTS_FROM_PAIRS.format(where="user_id = ?"), [user_id])
        else:
            db.execute("DELETE FROM student_totals WHERE user_id = ?", [user_id])
        db.execute("DELETE FROM item_totals WHERE item_id = ?", [item_id])
        db.execute(ITEMS_FROM_PAIRS.format(where="item_id = ?"), [item_id])
        answer_thirds.rebalance(db)


def forget_user(db, user_id):
    """Take a student's answers out of every summary (their reviews are being deleted)."""
    with write_transaction(db):
        answer_thirds.take_counts(db, user_id, answer_thirds.third_of(db, user_id))
        db.execute("UPDATE item_totals SET answers = item_totals.answers - s.answers, correct = item_totals.correct - s.correct "
                   "FROM (SELECT item_id, answers, correct FROM answer_stats WHERE user_id = ?) AS s "
                   "WHERE item_totals.item_id = s.item_id", [user_id])
        db.execute("DELETE FROM item_totals WHERE answers <= 0")
        db.execute("DELETE FROM answer_stats WHERE user_id = ?", [user_id])
        db.execute("DELETE FROM student_totals WHERE user_id = ?", [user_id])
        db.execute("DELETE FROM self_rated_counts WHERE user_id = ?", [user_id])
        answer_thirds.rebalance(db)


def student_totals(db, user_ids=None):
    """{user id: (answers, correct, last answer)} for these students (None: everyone), those who answered."""
    sql, params = "SELECT user_id, answers, correct, last_answered_at FROM student_totals", []
    if user_ids is not None:
        params = list(user_ids)
        sql += f" WHERE user_id IN ({','.join('?' * len(params))})"
    return {row[0]: row[1:] for row in db.execute(sql, params)}


def item_totals(db):
    """{item id: (answers, correct)} for every item answered at least once."""
    return {row[0]: (row[1], row[2]) for row in db.execute("SELECT item_id, answers, correct FROM item_totals "
                                                           "WHERE answers > 0")}


def pair_rows(db, user_id):
    """{item id: row} of one student's per-item summaries."""
    return {row["item_id"]: row for row in query(db, "SELECT * FROM answer_stats WHERE user_id = ?", [user_id])}


# Per student of a page of a class (by name), over the approved questions of an article: questions
# answered, first answers right, first and latest answer.
CLASS_PROGRESS = """
WITH listed AS (
    SELECT users.id, users.username FROM class_members JOIN users ON users.id = class_members.user_id
    WHERE class_members.class_id = :class ORDER BY users.username COLLATE NOCASE, users.id LIMIT :limit OFFSET :offset)
SELECT listed.id, listed.username, count(s.item_id), coalesce(sum(s.first_correct), 0), min(s.first_answered_at),
       max(s.last_answered_at)
FROM listed LEFT JOIN answer_stats AS s ON s.user_id = listed.id AND s.item_id IN (
    SELECT id FROM items WHERE article_id = :article AND status = 'approved')
GROUP BY listed.id ORDER BY listed.username COLLATE NOCASE, listed.id
"""


def class_progress(db, class_id, article_id, *, offset=0, limit=-1):
    """[(user id, username, answered, first answers right, first answer, last answer)] for the students of
    a class (a page of them with `offset` and `limit`), over the article's approved questions, by name."""
    return db.execute(CLASS_PROGRESS, {"class": class_id, "article": article_id, "limit": limit,
                                       "offset": offset}).fetchall()


def class_answers(db, class_id, article_id):
    """[(user id, item id, answers, right answers)] of a class's students on the article's approved questions."""
    return db.execute(
        "SELECT s.user_id, s.item_id, s.answers, s.correct FROM class_members "
        "JOIN answer_stats AS s ON s.user_id = class_members.user_id AND s.item_id IN ("
        " SELECT id FROM items WHERE article_id = :article AND status = 'approved') "
        "WHERE class_members.class_id = :class", {"class": class_id, "article": article_id}).fetchall()
