"""The `study_sessions` table: a session's planned queue of item ids, its position, and what is shown.

The item at the position is the one being shown; its four FSRS outcomes are kept on
the row from its first showing (`outcomes`), with the review of its answer once checked.
"""
import json
from types import MappingProxyType

from .db import query_one, write_transaction

# The decoded `item_ids` and `outcomes` of session rows, by their text. Every answer and rating reads them
# several times, and a session's texts come back unchanged from one request to the next (the rating writes
# the outcomes the answer then reads): each text is decoded once per process. What is kept cannot be
# changed (a tuple, read-only mappings), so no caller can change what the next one reads. Past
# DECODED_KEPT texts all are forgotten.
DECODED_KEPT = 4096
_decoded = {}


def _frozen(text, freeze):
    value = _decoded.get(text)
    if value is None:
        value = freeze(text)
        if len(_decoded) >= DECODED_KEPT:
            _decoded.clear()
        _decoded[text] = value
    return value


def _queue(text):
    return tuple(json.loads(text))


def _outcomes(text):
    return json.loads(text, object_hook=MappingProxyType)


def create_session(db, user_id, item_ids, *, mode, article_id, created_at):
    """A new session over `item_ids`; returns its id."""
    with write_transaction(db):
        return db.execute(
            "INSERT INTO study_sessions (user_id, article_id, mode, item_ids, position, created_at) "
            "VALUES (?, ?, ?, ?, 0, ?)",
            [user_id, article_id or None, mode, json.dumps(item_ids), created_at],
        ).lastrowid


def get_session(db, session_id, user_id=None):
    """The session row, or None; with `user_id`, only that user's own session."""
    if user_id is None:
        return query_one(db, "SELECT * FROM study_sessions WHERE id = ?", [session_id])
    return query_one(db, "SELECT * FROM study_sessions WHERE id = ? AND user_id = ?", [session_id, user_id])


def item_ids(session):
    """The planned queue of a session row, as a tuple."""
    return _frozen(session["item_ids"], _queue)


def stored_outcomes(session):
    """The outcomes kept for the item being shown ({"item_id", "ratings"}, read-only), or None."""
    return _frozen(session["outcomes"], _outcomes) if session["outcomes"] else None


def outcomes_text(outcomes):
    """The `outcomes` column's text for these outcomes (remembered as what it decodes to: a copy, read-only)."""
    text = json.dumps(outcomes)
    _frozen(text, lambda _: _freeze(outcomes))
    return text


def _freeze(value):
    """A read-only copy of decoded JSON: what `json.loads(json.dumps(value), object_hook=MappingProxyType)` gives."""
    if isinstance(value, dict):
        return MappingProxyType({key: _freeze(item) for key, item in value.items()})
    if isinstance(value, (list, tuple)):
        return [_freeze(item) for item in value]
    return value


def queue_text(item_ids):
    """The `item_ids` column's text for this queue."""
    return json.dumps(item_ids)


def keep_outcomes(db, session_id, outcomes, shown_at):
    """The item is shown: keep its four outcomes and the time it was first shown."""
    with write_transaction(db):
        db.execute("UPDATE study_sessions SET outcomes = ?, shown_at = ? WHERE id = ?",
                   [outcomes_text(outcomes), shown_at, session_id])


def keep_review(db, session_id, review_id):
    """The shown item's answer is checked: its review is `review_id`."""
    with write_transaction(db):
        db.execute("UPDATE study_sessions SET review_id = ? WHERE id = ?", [review_id, session_id])


def move_to(db, session_id, position, *, finished_at=None, item_ids=None, outcomes=None, shown_at=None):
    """Show the item at `position` next (nothing shown yet); `finished_at` when past the end.

    `item_ids`: the queue as it is now (a missed item put back in it); None keeps it.
    `outcomes` and `shown_at`: that item is shown at once, as `keep_outcomes` would keep it (one statement);
    the text of the outcomes kept is returned."""
    text = outcomes_text(outcomes) if outcomes is not None else None
    with write_transaction(db):
        db.execute(
            "UPDATE study_sessions SET position = ?, outcomes = ?, shown_at = ?, review_id = NULL, "
            "finished_at = ?, item_ids = coalesce(?, item_ids) WHERE id = ?",
            [position, text, shown_at if outcomes is not None else None, finished_at,
             queue_text(item_ids) if item_ids is not None else None, session_id],
        )
    return text


def delete_user_sessions(db, user_id):
    """Delete a student's sessions (their account is being deleted, their reviews first)."""
    with write_transaction(db):
        db.execute("DELETE FROM study_sessions WHERE user_id = ?", [user_id])
