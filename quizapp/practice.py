"""Study sessions: which items to study, answering, rating, summaries and progress.

A session is a row holding its planned queue of item ids and a position. The item at
the position is the one being shown; its four FSRS outcomes are computed when it is
first shown and kept on the row, so the intervals on the buttons are the ones applied.
Every step that reads and then writes runs under BEGIN IMMEDIATE, so a double click
or a resubmitted form records one answer, never two.
"""
import datetime as dt
import json
from zoneinfo import ZoneInfo

from . import grading, scheduling
from .clock import from_iso, to_iso
from .db import query, write_transaction


class NotCurrentItem(ValueError):
    """The answer is for an item that is not the one being shown."""


class AlreadyRecorded(ValueError):
    """The answer or rating was already recorded (double click, back and resubmit)."""


def local_midnight(now, timezone):
    """The start of the user's local day containing `now`, in UTC."""
    local = now.astimezone(ZoneInfo(timezone or "UTC"))
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return start.astimezone(dt.timezone.utc)


def new_items_today(db, user_id, now, timezone):
    """How many items this user met for the first time since local midnight."""
    return _answers_today(db, user_id, now, timezone, new=1)


def _answers_today(db, user_id, now, timezone, *, new):
    since = to_iso(local_midnight(now, timezone))
    row = db.execute(
        "SELECT count(*) FROM reviews WHERE user_id = ? AND was_new = ? AND answered_at >= ?", [user_id, new, since]
    ).fetchone()
    return row[0]


def due_item_ids(db, user_id, now, *, article_id=None, limit=10):
    """Approved items whose card is due for this user, most overdue first."""
    sql = (
        "SELECT cards.item_id FROM cards JOIN items ON items.id = cards.item_id "
        "WHERE cards.user_id = ? AND cards.due <= ? AND items.status = 'approved'"
    )
    params = [user_id, to_iso(now)]
    if article_id:
        sql += " AND items.article_id = ?"
        params.append(article_id)
    sql += " ORDER BY cards.due LIMIT ?"
    return [row[0] for row in db.execute(sql, params + [limit]).fetchall()]


def new_item_ids(db, user_id, *, article_id=None, limit=10):
    """Approved items this user has never studied, best first, one per sentence before repeats."""
    sql = (
        "SELECT items.id, items.source_sentence FROM items WHERE items.status = 'approved' "
        "AND NOT EXISTS (SELECT 1 FROM cards WHERE cards.user_id = ? AND cards.item_id = items.id)"
    )
    params = [user_id]
    if article_id:
        sql += " AND items.article_id = ?"
        params.append(article_id)
    sql += " ORDER BY items.article_id, items.score DESC, items.id"
    firsts, repeats, seen = [], [], set()
    for item_id, sentence in db.execute(sql, params).fetchall():
        (repeats if sentence in seen else firsts).append(item_id)
        seen.add(sentence)
        if len(firsts) >= limit:
            break
    return (firsts + repeats)[:limit]


def plan_session(db, user, now, *, article_id=None, size=10, new_per_day=20, reviews_per_day=200):
    """Due items first (up to the daily review limit), then new ones up to today's new-item limit."""
    review_room = max(reviews_per_day - _answers_today(db, user.id, now, user.timezone, new=0), 0)
    due = due_item_ids(db, user.id, now, article_id=article_id, limit=min(size, review_room)) if review_room else []
    room = min(size - len(due), max(new_per_day - new_items_today(db, user.id, now, user.timezone), 0))
    fresh = new_item_ids(db, user.id, article_id=article_id, limit=room) if room > 0 else []
    return due + fresh


def start_session(db, user, now, *, mode="quiz", article_id=None, size=10, new_per_day=20, reviews_per_day=200):
    """Create a session and return its id, or None when nothing is due or new."""
    item_ids = plan_session(
        db, user, now, article_id=article_id, size=size, new_per_day=new_per_day, reviews_per_day=reviews_per_day
    )
    if not item_ids:
        return None
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO study_sessions (user_id, article_id, mode, item_ids, position, created_at) "
            "VALUES (?, ?, ?, ?, 0, ?)",
            [user.id, article_id or None, mode, json.dumps(item_ids), to_iso(now)],
        )
    return cursor.lastrowid


def next_due(db, user_id, article_id=None):
    """When the next card of this user comes due, or None."""
    sql = "SELECT min(cards.due) FROM cards JOIN items ON items.id = cards.item_id WHERE cards.user_id = ? AND items.status = 'approved'"
    params = [user_id]
    if article_id:
        sql += " AND items.article_id = ?"
        params.append(article_id)
    return from_iso(db.execute(sql, params).fetchone()[0])


def get_session(db, user_id, session_id):
    """The user's own session row, or None (another student's session is not theirs)."""
    rows = list(query(db, "SELECT * FROM study_sessions WHERE id = ? AND user_id = ?", [session_id, user_id]))
    return rows[0] if rows else None


def get_item(db, item_id):
    rows = list(query(db, "SELECT * FROM items WHERE id = ?", [item_id]))
    if not rows:
        return None
    item = dict(rows[0])
    item["choices"] = json.loads(item["choices"] or "[]")
    item["accepted"] = json.loads(item["accepted"] or "[]")
    return item


def _card_row(db, user_id, item_id):
    rows = list(query(db, "SELECT * FROM cards WHERE user_id = ? AND item_id = ?", [user_id, item_id]))
    return rows[0] if rows else None


def current_item_id(session):
    item_ids = json.loads(session["item_ids"])
    position = session["position"]
    return item_ids[position] if position < len(item_ids) else None


def show_current(db, scheduler, session, now):
    """What the student sees now: the item, its outcomes (made once), and the answer if checked.

    Returns None when the session is over."""
    item_id = current_item_id(session)
    if item_id is None:
        return None
    stored = json.loads(session["outcomes"]) if session["outcomes"] else None
    review_id = session["review_id"]
    if stored is None or stored["item_id"] != item_id:
        with write_transaction(db):  # first showing: compute the four outcomes once, under the write lock
            row = db.execute("SELECT outcomes, review_id FROM study_sessions WHERE id = ?", [session["id"]]).fetchone()
            stored = json.loads(row[0]) if row[0] else None
            if stored is None or stored["item_id"] != item_id:
                stored = _show(db, scheduler, session["id"], session["user_id"], item_id, now)
            review_id = row[1]
    review = next(query(db, "SELECT * FROM reviews WHERE id = ?", [review_id]), None) if review_id else None
    intervals = {
        name: scheduling.interval_label(from_iso(card["due"]) - now) for name, card in stored["ratings"].items()
    }
    item_ids = json.loads(session["item_ids"])
    return {
        "item": get_item(db, item_id),
        "review": review,
        "intervals": intervals,
        "number": session["position"] + 1,
        "total": len(item_ids),
    }


def _show(db, scheduler, session_id, user_id, item_id, now, prepared=None):
    """Inside a write transaction: the four outcomes of `item_id`, computed once and kept on the session.

    `prepared` is what `_outcomes` worked out before the transaction began; it is used
    when the card has not changed since, so the scheduler's work stays outside the lock."""
    row = _card_row(db, user_id, item_id)
    if prepared is None or prepared[0] != (item_id, row):
        prepared = _outcomes(scheduler, item_id, now, row)
    stored = prepared[1]
    db.execute("UPDATE study_sessions SET outcomes = ?, shown_at = ? WHERE id = ?",
               [json.dumps(stored), to_iso(now), session_id])
    return stored


def _outcomes(scheduler, item_id, now, row):
    """((item id, card row), the outcomes to keep) for the card in `row` (None: never studied)."""
    card = scheduling.card_from_row(row, card_id=item_id)
    return (item_id, row), {"item_id": item_id, "ratings": scheduling.outcomes(scheduler, card, now)}


def _prepare_next(db, scheduler, session_id, now):
    """Before the write lock: the outcomes of the item after the current one, or None."""
    state = _locked_state(db, session_id)  # read without the lock: checked again under it
    item_ids = json.loads(state["item_ids"])
    upcoming = state["position"] + 1
    if upcoming >= len(item_ids):
        return None
    item_id = item_ids[upcoming]
    return _outcomes(scheduler, item_id, now, _card_row(db, state["user_id"], item_id))


def _locked_state(db, session_id):
    return next(query(db, "SELECT * FROM study_sessions WHERE id = ?", [session_id]))


def seen_item_ids(state):
    """The items this session has shown so far, the current one included."""
    return json.loads(state["item_ids"])[: state["position"] + 1]


def _done_item_ids(state):
    return json.loads(state["item_ids"])[: state["position"]]


def _apply(db, state, item_id, rating, now, *, correct, response):
    """Write the card and a review row for `rating`; returns the review id."""
    outcome = json.loads(state["outcomes"])["ratings"][rating]
    old = _card_row(db, state["user_id"], item_id)
    lapse = int(rating == "Again" and old is not None and old["state"] == 2)
    if old is None:
        db.execute(
            "INSERT INTO cards (user_id, item_id, state, step, stability, difficulty, due, last_review, reps, lapses) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
            [state["user_id"], item_id, outcome["state"], outcome["step"], outcome["stability"],
             outcome["difficulty"], outcome["due"], outcome["last_review"], lapse],
        )
    else:
        db.execute(
            "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?, last_review = ?, "
            "reps = reps + 1, lapses = lapses + ? WHERE id = ?",
            [outcome["state"], outcome["step"], outcome["stability"], outcome["difficulty"], outcome["due"],
             outcome["last_review"], lapse, old["id"]],
        )
    shown = from_iso(state["shown_at"]) or now
    cursor = db.execute(
        "INSERT INTO reviews (user_id, item_id, session_id, rating, correct, response, answered_at, duration_ms, "
        "next_due, was_new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [state["user_id"], item_id, state["id"], int(scheduling.RATINGS[rating]), int(correct), response,
         to_iso(now), int(max((now - shown).total_seconds(), 0) * 1000), outcome["due"], int(old is None)],
    )
    return cursor.lastrowid


def _guard(state, item_id):
    """Raise unless `item_id` is the item being shown in this session."""
    if item_id == current_item_id(state) and state["outcomes"]:
        return
    if item_id in _done_item_ids(state):
        raise AlreadyRecorded("That answer was already recorded.")
    raise NotCurrentItem("That is not the question being shown. Answer the question on the page.")


def check_answer(db, session_id, item_id, response, now):
    """Grade a quiz answer on the spot and schedule it (Again if wrong, Good if right).

    The grading happens before the write lock is taken; under it, only the checks and the writes."""
    item = get_item(db, item_id)
    if item is None:
        raise NotCurrentItem("That is not the question being shown. Answer the question on the page.")
    if item["kind"] in ("multiple_choice", "true_false"):
        correct = grading.is_choice_correct(response, item["answer"])
    else:
        correct = grading.is_correct(response, item["answer"], item["accepted"])
    rating = "Good" if correct else "Again"
    with write_transaction(db):
        state = _locked_state(db, session_id)
        _guard(state, item_id)
        if state["review_id"]:
            raise AlreadyRecorded("That answer was already recorded.")
        review_id = _apply(db, state, item_id, rating, now, correct=correct, response=response or "")
        db.execute("UPDATE study_sessions SET review_id = ? WHERE id = ?", [review_id, session_id])
    return correct


def rate(db, session_id, item_id, rating, now, scheduler=None):
    """Apply the student's rating and move on to the next item.

    In a quiz the answer is already recorded: a right answer may be re-rated Hard,
    Good or Easy, a wrong one stays Again. On a flashcard the rating is the answer.
    With a `scheduler` the next item is shown in the same transaction (its outcomes
    made now), for the card that goes straight back to the student."""
    if rating not in scheduling.RATINGS:
        raise ValueError("Choose one of Again, Hard, Good or Easy.")
    prepared = _prepare_next(db, scheduler, session_id, now) if scheduler is not None else None
    with write_transaction(db):
        state = _locked_state(db, session_id)
        _guard(state, item_id)
        if state["review_id"]:
            review = next(query(db, "SELECT * FROM reviews WHERE id = ?", [state["review_id"]]))
            if review["correct"] and rating != "Again":
                outcome = json.loads(state["outcomes"])["ratings"][rating]
                db.execute(
                    "UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ? "
                    "WHERE user_id = ? AND item_id = ?",
                    [outcome["state"], outcome["step"], outcome["stability"], outcome["difficulty"], outcome["due"],
                     state["user_id"], item_id],
                )
                db.execute(
                    "UPDATE reviews SET rating = ?, next_due = ? WHERE id = ?",
                    [int(scheduling.RATINGS[rating]), outcome["due"], review["id"]],
                )
        elif state["mode"] == "flashcards":
            _apply(db, state, item_id, rating, now, correct=rating != "Again", response=None)
        else:
            raise NotCurrentItem("Check your answer before rating it.")
        item_ids = json.loads(state["item_ids"])
        position = state["position"] + 1
        db.execute(
            "UPDATE study_sessions SET position = ?, outcomes = NULL, shown_at = NULL, review_id = NULL, "
            "finished_at = ? WHERE id = ?",
            [position, to_iso(now) if position >= len(item_ids) else None, session_id],
        )
        if scheduler is not None and position < len(item_ids):
            _show(db, scheduler, session_id, state["user_id"], item_ids[position], now, prepared)


def session_summary(db, session_id):
    """Score, missed items with their answers, and when each item comes back."""
    rows = list(
        query(db, 
            "SELECT reviews.*, items.prompt, items.answer, items.kind, cards.due AS card_due FROM reviews "
            "JOIN items ON items.id = reviews.item_id "
            "LEFT JOIN cards ON cards.item_id = reviews.item_id AND cards.user_id = reviews.user_id "
            "WHERE reviews.session_id = ? ORDER BY reviews.id",
            [session_id],
        )
    )
    correct = sum(row["correct"] for row in rows)
    return {
        "answered": len(rows),
        "correct": correct,
        "percent": round(100 * correct / len(rows)) if rows else 0,
        "missed": [row for row in rows if not row["correct"]],
        "reviews": rows,
    }


def progress(db, user, now, *, days=14):
    """Items seen, due today and this week, and answers and accuracy per local day."""
    tz = ZoneInfo(user.timezone or "UTC")
    midnight = local_midnight(now, user.timezone)
    end_today = midnight + dt.timedelta(days=1)
    seen, due_today, due_week = db.execute(
        "SELECT count(*), sum(due < ?), sum(due < ?) FROM cards WHERE user_id = ?",
        [to_iso(end_today), to_iso(midnight + dt.timedelta(days=7)), user.id],
    ).fetchone()
    start = midnight - dt.timedelta(days=days - 1)
    per_day = {(start + dt.timedelta(days=i)).astimezone(tz).date(): [0, 0] for i in range(days)}
    for answered_at, correct in db.execute(
        "SELECT answered_at, correct FROM reviews WHERE user_id = ? AND answered_at >= ?", [user.id, to_iso(start)]
    ).fetchall():
        day = from_iso(answered_at).astimezone(tz).date()
        if day in per_day:
            per_day[day][0] += 1
            per_day[day][1] += correct
    totals = db.execute("SELECT count(*), coalesce(sum(correct), 0) FROM reviews WHERE user_id = ?", [user.id]).fetchone()
    return {
        "seen": seen,
        "due_today": due_today or 0,
        "due_week": due_week or 0,
        "answers": totals[0],
        "accuracy": round(100 * totals[1] / totals[0]) if totals[0] else None,
        "days": [{"day": day, "answers": a, "correct": c} for day, (a, c) in per_day.items()],
    }
