"""The `cards` and `reviews` tables: each student's FSRS card per item, and every answer given.

`save_card` is the only code that writes a card.
"""
import sqlite3

from .db import query, query_one, write_transaction
from .scheduling import RATINGS

# FSRS card states as fsrs numbers them (fsrs.State): a lapse is an Again on a card in Review.
REVIEW_STATE = 2
# A flashcard's answer is the student's own rating (self-rated); every other answer was graded by the app.
SELF_RATED = ("EXISTS (SELECT 1 FROM study_sessions WHERE study_sessions.id = reviews.session_id "
              "AND study_sessions.mode = 'flashcards')")


def get_card(db, user_id, item_id):
    """This student's card for this item as a row, or None when never studied."""
    return query_one(db, "SELECT * FROM cards WHERE user_id = ? AND item_id = ?", [user_id, item_id])


def save_card(db, user_id, item_id, outcome, *, rating, revise=False):
    """Store the card `outcome` (a `scheduling.outcomes` row) chosen with `rating`; returns True for a new card.

    With `revise`, the outcome replaces that of the card's last review instead of
    counting as one more (a right answer the student then rated Hard or Easy)."""
    with write_transaction(db):
        old = get_card(db, user_id, item_id)
        last_rating = int(RATINGS[rating])
        if revise and old is not None:
            db.execute("UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_rating = ? "
                       "WHERE id = ?",
                       [outcome["state"], outcome["step"], outcome["stability"], outcome["difficulty"],
                        outcome["due"], last_rating, old["id"]])
            return False
        lapse = int(rating == "Again" and old is not None and old["state"] == REVIEW_STATE)
        if old is None:
            db.execute(
                "INSERT INTO cards (user_id, item_id, state, step, stability, difficulty, due, last_review, reps, "
                "lapses, last_rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                [user_id, item_id, outcome["state"], outcome["step"], outcome["stability"], outcome["difficulty"],
                 outcome["due"], outcome["last_review"], lapse, last_rating],
            )
        else:
            db.execute(
                "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, "
                "reps = reps + 1, lapses = lapses + ?, last_rating = ? WHERE id = ?",
                [outcome["state"], outcome["step"], outcome["stability"], outcome["difficulty"], outcome["due"],
                 outcome["last_review"], lapse, last_rating, old["id"]],
            )
    return old is None


def record_review(db, *, user_id, item_id, session_id, rating, correct, response, answered_at, duration_ms,
                  next_due, was_new):
    """Add one answer to `reviews`; returns its id."""
    with write_transaction(db):
        return db.execute(
            "INSERT INTO reviews (user_id, item_id, session_id, rating, correct, response, answered_at, duration_ms, "
            "next_due, was_new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [user_id, item_id, session_id, rating, int(correct), response, answered_at, duration_ms, next_due,
             int(was_new)],
        ).lastrowid


def get_review(db, review_id):
    """The review row with this id, or None."""
    return query_one(db, "SELECT * FROM reviews WHERE id = ?", [review_id])


def change_review_rating(db, review_id, rating, next_due):
    """The student rated a right answer: the review keeps the rating they chose."""
    with write_transaction(db):
        db.execute("UPDATE reviews SET rating = ?, next_due = ? WHERE id = ?", [rating, next_due, review_id])


def mark_overruled(db, review_id, *, rating, next_due, overruled_at):
    """"I was right": the review counts as a right answer with `rating`, and says when the student overruled it."""
    with write_transaction(db):
        db.execute("UPDATE reviews SET correct = 1, rating = ?, next_due = ?, overruled_at = ? WHERE id = ?",
                   [rating, next_due, overruled_at, review_id])


def undo_lapse(db, user_id, item_id):
    """The wrong answer that counted as a lapse was overruled: the card has one lapse fewer."""
    with write_transaction(db):
        db.execute("UPDATE cards SET lapses = max(lapses - 1, 0) WHERE user_id = ? AND item_id = ?", [user_id, item_id])


def answers_since(db, user_id, since, *, new):
    """How many answers this user gave since `since` to items new to them (new=1) or not (new=0)."""
    return db.execute(
        "SELECT count(*) FROM reviews WHERE user_id = ? AND was_new = ? AND answered_at >= ?", [user_id, new, since]
    ).fetchone()[0]


def due_item_ids(db, user_id, now_iso, *, article_id=None, limit=10):
    """Approved items whose card is due for this user, most overdue first."""
    sql = (
        "SELECT cards.item_id FROM cards JOIN items ON items.id = cards.item_id "
        "WHERE cards.user_id = ? AND cards.due <= ? AND items.status = 'approved'"
    )
    params = [user_id, now_iso]
    if article_id:
        sql += " AND items.article_id = ?"
        params.append(article_id)
    sql += " ORDER BY cards.due LIMIT ?"
    return [row[0] for row in db.execute(sql, params + [limit]).fetchall()]


def next_due(db, user_id, article_id=None):
    """When (ISO text) the next card of this user comes due, or None."""
    sql = ("SELECT min(cards.due) FROM cards JOIN items ON items.id = cards.item_id "
           "WHERE cards.user_id = ? AND items.status = 'approved'")
    params = [user_id]
    if article_id:
        sql += " AND items.article_id = ?"
        params.append(article_id)
    return db.execute(sql, params).fetchone()[0]


def session_reviews(db, session_id):
    """The answers of one study session with their items and when each card comes back."""
    return list(query(db,
        "SELECT reviews.*, items.prompt, items.answer, items.kind, cards.due AS card_due FROM reviews "
        "JOIN items ON items.id = reviews.item_id "
        "LEFT JOIN cards ON cards.item_id = reviews.item_id AND cards.user_id = reviews.user_id "
        "WHERE reviews.session_id = ? ORDER BY reviews.id", [session_id]))


def card_counts(db, user_id, due_before, due_before_week):
    """(cards, due before `due_before`, due before `due_before_week`) for one student."""
    seen, today, week = db.execute(
        "SELECT count(*), sum(due < ?), sum(due < ?) FROM cards WHERE user_id = ?", [due_before, due_before_week, user_id]
    ).fetchone()
    return seen, today or 0, week or 0


def answers_by_time(db, user_id, since):
    """(answered_at, correct, self-rated 0/1) of this student's answers since `since`."""
    return db.execute(f"SELECT answered_at, correct, {SELF_RATED} FROM reviews WHERE user_id = ? AND answered_at >= ?",
                      [user_id, since]).fetchall()


def answer_totals(db, user_id):
    """(graded answers, right ones, self-rated answers) of one student, ever: a flashcard is no right answer."""
    return db.execute(f"SELECT count(*) - coalesce(sum(self_rated), 0), coalesce(sum(correct * (1 - self_rated)), 0), "
                      f"coalesce(sum(self_rated), 0) FROM (SELECT correct, {SELF_RATED} AS self_rated FROM reviews "
                      "WHERE user_id = ?)", [user_id]).fetchone()


def answer_totals_per_user(db):
    """(user id, graded answers, right ones, last answer time, self-rated answers) for every student who answered."""
    self_rated = "(sessions.mode IS 'flashcards')"  # SELF_RATED as a join: one pass over the whole table is cheaper
    return db.execute(f"SELECT reviews.user_id, count(*) - sum({self_rated}), sum(correct * (1 - {self_rated})), "
                      f"max(answered_at), sum({self_rated}) FROM reviews "
                      "LEFT JOIN study_sessions AS sessions ON sessions.id = reviews.session_id "
                      "GROUP BY reviews.user_id").fetchall()


def answers_per_item(db):
    """(item id, user id, correct, self-rated 0/1, overruled 0/1) of every answer."""
    return db.execute(f"SELECT item_id, user_id, correct, {SELF_RATED}, overruled_at IS NOT NULL FROM reviews").fetchall()


RECALL_SQL = """
SELECT user_id, count(*), sum(due <= :now), avg(CASE
    WHEN stability IS NULL OR stability <= 0 OR last_review IS NULL OR last_rating IS NULL OR last_rating = 1 THEN 0.0
    ELSE pow(1 + :factor * max(0, CAST(round((julianday(:now) - julianday(last_review)) * 86400) AS INTEGER) / 86400)
                 / stability, :decay) END)
FROM cards GROUP BY user_id
"""


def recall_per_user(db, now_iso, *, factor, decay):
    """(user id, cards, cards due, mean recall) per student, FSRS's forgetting curve computed by SQLite.

    Raises NoMathFunctions when SQLite was built without pow()."""
    try:
        return db.execute(RECALL_SQL, {"now": now_iso, "factor": factor, "decay": decay}).fetchall()
    except sqlite3.OperationalError as error:
        if "no such function" in str(error):
            raise NoMathFunctions(str(error)) from error
        raise


class NoMathFunctions(Exception):
    """This SQLite has no math functions (built without SQLITE_ENABLE_MATH_FUNCTIONS)."""


def card_memory(db):
    """(user id, due, stability, last review, last rating) of every card."""
    return db.execute("SELECT user_id, due, stability, last_review, last_rating FROM cards").fetchall()


def student_cards(db, user_id):
    """One student's cards with their items and how many of their answers were wrong, soonest due first."""
    return list(query(db,
        "SELECT cards.*, items.prompt, items.answer, items.kind, (SELECT count(*) FROM reviews "
        "WHERE reviews.user_id = cards.user_id AND reviews.item_id = cards.item_id AND reviews.correct = 0) AS wrong "
        "FROM cards JOIN items ON items.id = cards.item_id WHERE cards.user_id = ? ORDER BY cards.due", [user_id]))


def student_reviews(db, user_id, *, limit=200):
    """One student's latest answers with their items, and whether each was self-rated."""
    return list(query(db,
        f"SELECT reviews.*, items.prompt, items.answer, {SELF_RATED} AS self_rated FROM reviews "
        "JOIN items ON items.id = reviews.item_id "
        "WHERE reviews.user_id = ? ORDER BY reviews.id DESC LIMIT ?", [user_id, limit]))


def result_rows(db):
    """Every answer as (username, item id, article, kind, prompt, response, correct, rating number,
    answered at, next due, mode, class, overruled), oldest first, streamed from the database. The mode is
    `flashcard` for a self-rated card, else `quiz`; the class is the student's classes by name, `; `
    between them, empty when in none; overruled is 1 when the student said "I was right", else 0."""
    return db.execute(
        "SELECT users.username, reviews.item_id, articles.title, items.kind, items.prompt, reviews.response, "
        "reviews.correct, reviews.rating, reviews.answered_at, reviews.next_due, "
        "CASE WHEN study_sessions.mode = 'flashcards' THEN 'flashcard' ELSE 'quiz' END, "
        "coalesce((SELECT group_concat(name, '; ') FROM (SELECT classes.name FROM class_members "
        "  JOIN classes ON classes.id = class_members.class_id WHERE class_members.user_id = reviews.user_id "
        "  ORDER BY classes.name COLLATE NOCASE)), ''), reviews.overruled_at IS NOT NULL FROM reviews "
        "JOIN users ON users.id = reviews.user_id JOIN items ON items.id = reviews.item_id "
        "JOIN articles ON articles.id = items.article_id "
        "LEFT JOIN study_sessions ON study_sessions.id = reviews.session_id ORDER BY reviews.answered_at, reviews.id"
    )


def delete_user_history(db, user_id):
    """Delete a student's answers and cards (their account is being deleted)."""
    with write_transaction(db):
        db.execute("DELETE FROM reviews WHERE user_id = ?", [user_id])
        db.execute("DELETE FROM cards WHERE user_id = ?", [user_id])
