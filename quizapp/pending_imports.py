"""The `pending_imports` table: an import that changes existing questions, held as previewed until the teacher confirms.

The plan is stored whole (JSON), so the confirmation applies exactly what the preview
showed; `applied` counts the plan's entries already written, advanced inside each
batch's transaction, so a second confirmation (a double click, or one after a crash)
carries on where the first stopped and never writes an entry twice.
"""
import datetime as dt
import json
import secrets

from .clock import to_iso, utcnow
from .db import query_one, write_transaction

KEEP_FOR = dt.timedelta(days=1)  # a preview nobody confirmed is dropped after a day


def hold(db, user_id, plan, summary):
    """Store a plan (a list of JSON-able entries) for `user_id`; returns its token."""
    token = secrets.token_urlsafe(18)
    now = utcnow()
    with write_transaction(db):
        db.execute("DELETE FROM pending_imports WHERE created_at < ?", [to_iso(now - KEEP_FOR)])
        db.execute("INSERT INTO pending_imports (token, user_id, created_at, summary, plan, applied) VALUES (?, ?, ?, ?, ?, 0)",
                   [token, user_id, to_iso(now), json.dumps(summary), json.dumps(plan)])
    return token


def find(db, token, user_id):
    """The pending import with this token if it is this user's: a dict with `plan` and `summary` decoded, or None."""
    row = query_one(db, "SELECT * FROM pending_imports WHERE token = ? AND user_id = ?", [token, user_id])
    if row is None:
        return None
    row["plan"] = json.loads(row["plan"] or "[]")
    row["summary"] = json.loads(row["summary"] or "{}")
    return row


def applied_count(db, pending_id):
    """How many of the plan's entries are written (read inside the batch's transaction)."""
    row = db.execute("SELECT applied FROM pending_imports WHERE id = ?", [pending_id]).fetchone()
    return row[0] if row else None


def advance(db, pending_id, applied):
    """Record that the first `applied` entries are written (call inside the batch's transaction)."""
    db.execute("UPDATE pending_imports SET applied = ? WHERE id = ?", [applied, pending_id])


def finish(db, pending_id, summary):
    """The whole plan is written: keep the outcome, drop the plan."""
    with write_transaction(db):
        db.execute("UPDATE pending_imports SET finished_at = ?, plan = '[]', summary = ? WHERE id = ?",
                   [to_iso(utcnow()), json.dumps(summary), pending_id])


def drop(db, pending_id):
    """Forget a pending import (cancelled, or refused at confirmation)."""
    with write_transaction(db):
        db.execute("DELETE FROM pending_imports WHERE id = ?", [pending_id])
