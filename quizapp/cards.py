"""The `cards` and `reviews` tables: each student's FSRS card per item, and every answer given.

`save_card` is the only code that writes a card.
"""
import sqlite3

from . import answer_stats
from .db import query, query_one, write_transaction
from .items import FACT_KEY_SQL
from .scheduling import RATINGS

# FSRS card states as fsrs numbers them (fsrs.State): a lapse is an Again on a card in Review.
REVIEW_STATE = 2
# A flashcard's answer is the student's own rating (self-rated); every other answer was graded by the app.
SELF_RATED = answer_stats.SELF_RATED  # a flashcard: rated by the student, never a graded answer


def get_card(db, user_id, item_id):
    """This student's card for this item as a row, or None when never studied."""
    return query_one(db, "SELECT * FROM cards WHERE user_id = ? AND item_id = ?", [user_id, item_id])


def fact_card(db, user_id, item_id, *, item=None):
    """This student's card for the fact `item_id` asks: the latest-reviewed card of any item of that fact, or None.

    Items that share a fact are one card for scheduling: the form shown next starts from it.
    `item`: that item's row (its article_id, fact and source_sentence), when the caller has just read it."""
    if item is None or item["id"] != item_id:
        item = query_one(db, "SELECT id, article_id, fact, source_sentence FROM items WHERE id = ?", [item_id])
    if item is None:
        return None
    sql = "SELECT cards.* FROM items JOIN cards ON cards.item_id = items.id AND cards.user_id = ? WHERE "
    if item["fact"]:
        sql += "items.article_id = ? AND items.fact = ?"
        params = [user_id, item["article_id"], item["fact"]]
    elif item["source_sentence"]:
        sql += "items.article_id = ? AND coalesce(items.fact, '') = '' AND items.source_sentence = ?"
        params = [user_id, item["article_id"], item["source_sentence"]]
    else:
        sql += "items.id = ?"
        params = [user_id, item_id]
    return query_one(db, sql + " ORDER BY cards.last_review DESC, cards.id DESC LIMIT 1", params)


def latest_fact_cards(db, user_id, *, article_id=None):
    """{fact key: the fact's latest-reviewed card (item_id, state, stability, due, last_review)} for one student."""
    where = "cards.user_id = ?" + (" AND items.article_id = ?" if article_id else "")
    params = [user_id] + ([article_id] if article_id else [])
    rows = query(db,
        "SELECT * FROM (SELECT cards.item_id, cards.state, cards.stability, cards.due, cards.last_review, "
        f"{FACT_KEY_SQL} AS fact_key, row_number() OVER (PARTITION BY {FACT_KEY_SQL} "
        "ORDER BY cards.last_review DESC, cards.id DESC) AS latest "
        f"FROM cards JOIN items ON items.id = cards.item_id WHERE {where}) WHERE latest = 1", params)
    return {row["fact_key"]: row for row in rows}


def missed_at_latest_session(db, user_id, fact_items):
    """Of {fact key: its item ids}, the facts whose first try in the latest session that asked them was wrong."""
    latest = {}  # fact key -> (session id, first try right?) of the latest session
    owner = {item_id: key for key, item_ids in fact_items.items() for item_id in item_ids}
    for batch in _chunks(list(owner)):
        marks = ", ".join("?" * len(batch))
        for item_id, session_id, correct in db.execute(
                f"SELECT item_id, session_id, correct FROM reviews WHERE user_id = ? AND item_id IN ({marks}) "
                "ORDER BY id", [user_id, *batch]):
            key = owner[item_id]
            if key not in latest or latest[key][0] != session_id:
                latest[key] = (session_id, correct)
    return {key for key, (_, correct) in latest.items() if not correct}


def _chunks(values, size=500):
    return [values[start:start + size] for start in range(0, len(values), size)]


# A card's review as one statement: inserted with reps 1, or the existing card updated (reps + 1, a lapse counted
# when the rating is Again on a card in Review, from its state before this statement). `reps` is then 1 only for a
# card this statement inserted: save_card is the only writer of cards and every card starts at reps 1.
SAVE_CARD = f"""
INSERT INTO cards (user_id, item_id, state, step, stability, difficulty, due, last_review, reps, lapses, last_rating)
VALUES (:user, :item, :state, :step, :stability, :difficulty, :due, :last_review, 1, 0, :rating)
ON CONFLICT (user_id, item_id) DO UPDATE SET
    state = excluded.state, step = excluded.step, stability = excluded.stability, difficulty = excluded.difficulty,
    due = excluded.due, last_review = excluded.last_review, reps = reps + 1,
    lapses = lapses + (:again AND state = {REVIEW_STATE}), last_rating = excluded.last_rating
RETURNING reps
"""


def save_card(db, user_id, item_id, outcome, *, rating, revise=False):
    """Store the card `outcome` (a `scheduling.outcomes` row) chosen with `rating`; returns True for a new card.

    With `revise`, the outcome replaces that of the card's last review instead of
    counting as one more (a right answer the student then rated Hard or Easy)."""
    last_rating = int(RATINGS[rating])
    with write_transaction(db):
        if revise:
            old = get_card(db, user_id, item_id)
            if old is not None:
                db.execute("UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
                           "last_rating = ? WHERE id = ?",
                           [outcome["state"], outcome["step"], outcome["stability"], outcome["difficulty"],
                            outcome["due"], last_rating, old["id"]])
                return False
        (reps,), = db.execute(SAVE_CARD, {
            "user": user_id, "item": item_id, "state": outcome["state"], "step": outcome["step"],
            "stability": outcome["stability"], "difficulty": outcome["difficulty"], "due": outcome["due"],
            "last_review": outcome["last_review"], "rating": last_rating, "again": int(rating == "Again"),
        }).fetchall()  # all: the statement runs to its end
    return reps == 1


def record_review(db, *, user_id, item_id, session_id, rating, correct, response, answered_at, duration_ms,
                  next_due, was_new, self_rated=None, row=False):
    """Add one answer to `reviews` (and to the answer summaries); returns its id.

    `self_rated`: whether the session is a flashcard one, when the caller has its row (None: looked up).
    `row`: return the review's row as stored (what `get_review` would read next) instead of its id."""
    with write_transaction(db):
        if self_rated is None:
            self_rated = answer_stats.self_rated_session(db, session_id)
        if self_rated:
            answer_stats.add_self_rated(db, user_id, item_id)
        else:
            answer_stats.add_answer(db, user_id, item_id, correct, answered_at)
        cursor = db.execute(
            "INSERT INTO reviews (user_id, item_id, session_id, rating, correct, response, answered_at, duration_ms, "
            "next_due, was_new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + (" RETURNING *" if row else ""),
            [user_id, item_id, session_id, rating, int(correct), response, answered_at, duration_ms, next_due,
             int(was_new)],
        )
        if not row:
            return cursor.lastrowid
        stored = cursor.fetchall()  # in full: the statement is done once its one row is read
        return dict(zip([column[0] for column in cursor.description], stored[0]))


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
        user_id, item_id = db.execute("SELECT user_id, item_id FROM reviews WHERE id = ?", [review_id]).fetchone()
        answer_stats.refresh(db, user_id, item_id)  # the summaries count it right now


def undo_lapse(db, user_id, item_id):
    """The wrong answer that counted as a lapse was overruled: the card has one lapse fewer."""
    with write_transaction(db):
        db.execute("UPDATE cards SET lapses = max(lapses - 1, 0) WHERE user_id = ? AND item_id = ?", [user_id, item_id])


def answers_since(db, user_id, since, *, new):
    """How many answers this user gave since `since` to items new to them (new=1) or not (new=0).

    A missed item's later tries in the same session count for neither daily limit (Anki's learning steps)."""
    firsts = {}
    for session_id, item_id, was_new in db.execute(
            "SELECT session_id, item_id, was_new FROM reviews WHERE user_id = ? AND answered_at >= ? ORDER BY id",
            [user_id, since]):
        firsts.setdefault((session_id, item_id), was_new)  # the first try of each item in each session
    return sum(1 for was_new in firsts.values() if was_new == new)


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
    """When (ISO text) the next fact of this user comes due (its latest card), or None."""
    return min((card["due"] for card in latest_fact_cards(db, user_id, article_id=article_id).values()), default=None)


def session_reviews(db, session_id):
    """The answers of one study session with their items, when each card comes back and whether it was
    self-rated (a flashcard)."""
    return list(query(db,
        f"SELECT reviews.*, items.prompt, items.answer, items.kind, cards.due AS card_due, {SELF_RATED} AS self_rated "
        "FROM reviews "
        "JOIN items ON items.id = reviews.item_id "
        "LEFT JOIN cards ON cards.item_id = reviews.item_id AND cards.user_id = reviews.user_id "
        "WHERE reviews.session_id = ? ORDER BY reviews.id", [session_id]))


def card_counts(db, user_id, due_before, due_before_week):
    """(cards, due before `due_before`, due before `due_before_week`) for one student.

    Counted per fact (its latest card), as sessions schedule them: an item of a fact shown in another form
    since is not due on its own."""
    seen = today = week = 0
    for card in latest_fact_cards(db, user_id).values():
        seen += 1
        today += card["due"] < due_before
        week += card["due"] < due_before_week
    return seen, today, week


def answers_by_time(db, user_id, since):
    """(answered_at, correct, self-rated 0/1) of this student's answers since `since`."""
    return db.execute(f"SELECT answered_at, correct, {SELF_RATED} FROM reviews WHERE user_id = ? AND answered_at >= ?",
                      [user_id, since]).fetchall()


def answer_totals(db, user_id):
    """(graded answers, right ones, self-rated answers) of one student, ever: a flashcard is no right answer."""
    return db.execute(f"SELECT count(*) - coalesce(sum(self_rated), 0), coalesce(sum(correct * (1 - self_rated)), 0), "
                      f"coalesce(sum(self_rated), 0) FROM (SELECT correct, {SELF_RATED} AS self_rated FROM reviews "
                      "WHERE user_id = ?)", [user_id]).fetchone()


def review_history(db, user_id):
    """(item id, rating, answered_at) of every answer of one student, oldest first: what their memory model is fitted on."""
    return db.execute("SELECT item_id, rating, answered_at FROM reviews WHERE user_id = ? ORDER BY answered_at, id",
                      [user_id]).fetchall()


def review_count(db, user_id):
    """How many answers this student has given, ever."""
    return db.execute("SELECT count(*) FROM reviews WHERE user_id = ?", [user_id]).fetchone()[0]


RECALL_SQL = """
SELECT user_id, count(*), sum(due <= :now), avg(CASE
    WHEN stability IS NULL OR stability <= 0 OR last_review IS NULL OR last_rating IS NULL OR last_rating = 1 THEN 0.0
    ELSE pow(1 + :factor * max(0, CAST(round((julianday(:now) - julianday(last_review)) * 86400) AS INTEGER) / 86400)
                 / stability, :decay) END)
FROM cards {where} GROUP BY user_id
"""


def _only_users(user_ids):
    """(WHERE clause, parameters) keeping the cards of these users; no clause for None (everyone)."""
    if user_ids is None:
        return "", {}
    marks = ",".join(f":u{n}" for n in range(len(user_ids)))
    return f"WHERE user_id IN ({marks})", {f"u{n}": user_id for n, user_id in enumerate(user_ids)}


def recall_per_user(db, now_iso, *, factor, decay, user_ids=None):
    """(user id, cards, cards due, mean recall) per student (of `user_ids` when given), FSRS's forgetting
    curve computed by SQLite.

    Raises NoMathFunctions when SQLite was built without pow()."""
    where, only = _only_users(user_ids)
    try:
        return db.execute(RECALL_SQL.format(where=where),
                          {"now": now_iso, "factor": factor, "decay": decay, **only}).fetchall()
    except sqlite3.OperationalError as error:
        if "no such function" in str(error):
            raise NoMathFunctions(str(error)) from error
        raise


class NoMathFunctions(Exception):
    """This SQLite has no math functions (built without SQLITE_ENABLE_MATH_FUNCTIONS)."""


def card_memory(db, user_ids=None):
    """(user id, due, stability, last review, last rating) of every card (of `user_ids` when given)."""
    where, only = _only_users(user_ids)
    return db.execute(f"SELECT user_id, due, stability, last_review, last_rating FROM cards {where}", only).fetchall()


def student_cards(db, user_id, *, offset=0, limit=-1):
    """One student's cards with their items and how many of their answers were wrong, soonest due first
    (a page of them with `offset` and `limit`)."""
    return list(query(db,
        "SELECT cards.*, items.prompt, items.answer, items.kind, "
        "coalesce(answer_stats.answers - answer_stats.correct, 0) AS wrong "
        "FROM cards JOIN items ON items.id = cards.item_id LEFT JOIN answer_stats ON answer_stats.user_id = "
        "cards.user_id AND answer_stats.item_id = cards.item_id WHERE cards.user_id = ? "
        "ORDER BY cards.due, cards.id LIMIT ? OFFSET ?", [user_id, limit, offset]))


def count_cards(db, user_id):
    """How many cards (items met) one student has."""
    return db.execute("SELECT count(*) FROM cards WHERE user_id = ?", [user_id]).fetchone()[0]


def student_reviews(db, user_id, *, offset=0, limit=200):
    """One student's latest answers with their items, and whether each was self-rated (a page of them with `offset`)."""
    return list(query(db,
        f"SELECT reviews.*, items.prompt, items.answer, {SELF_RATED} AS self_rated FROM reviews "
        "JOIN items ON items.id = reviews.item_id "
        "WHERE reviews.user_id = ? ORDER BY reviews.id DESC LIMIT ? OFFSET ?", [user_id, limit, offset]))


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
        answer_stats.forget_user(db, user_id)
        db.execute("DELETE FROM reviews WHERE user_id = ?", [user_id])
        db.execute("DELETE FROM cards WHERE user_id = ?", [user_id])
