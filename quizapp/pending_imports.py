"""The `pending_imports` table: an import that changes existing questions, held as previewed until the teacher confirms.

The plan is stored whole (JSON), so the confirmation applies exactly what the preview
showed; `applied` counts the plan's entries already written, advanced inside each
batch's transaction, so a confirmation that stopped (a crash) carries on where it
stopped and never writes an entry twice. `worked_at` is the writer's heartbeat: one
writer at a time, another only when the last one has been silent for `SILENT`.
"""
import datetime as dt
import json
import secrets

from .clock import to_iso, utcnow
from .db import query_one, write_transaction

KEEP_FOR = dt.timedelta(days=1)  # a preview nobody confirmed is dropped after a day
SILENT = dt.timedelta(seconds=30)  # a writer this long without a batch is gone (the server stopped)


def hold(db, user_id, plan, summary, *, reading=False):
    """Store a plan (a list of JSON-able entries) for `user_id`; returns its token.

    With `reading`, an empty one whose file a worker is still reading (it is that worker's: `worked_at`)."""
    token = secrets.token_urlsafe(18)
    now = utcnow()
    with write_transaction(db):
        db.execute("DELETE FROM pending_imports WHERE created_at < ?", [to_iso(now - KEEP_FOR)])
        db.execute("INSERT INTO pending_imports (token, user_id, created_at, summary, plan, applied, worked_at) "
                   "VALUES (?, ?, ?, ?, ?, 0, ?)",
                   [token, user_id, to_iso(now), json.dumps(summary), json.dumps(plan), to_iso(now) if reading else None])
    return token


def set_plan(db, pending_id, plan, summary):
    """The file is read: its plan, waiting for a confirmation (or for the writer that claims it)."""
    with write_transaction(db):
        db.execute("UPDATE pending_imports SET plan = ?, summary = ?, worked_at = NULL WHERE id = ?",
                   [json.dumps(plan), json.dumps(summary), pending_id])


def find(db, token, user_id, *, with_plan=True):
    """The pending import with this token if it is this user's (`plan`, `summary`, `errors` decoded), or None."""
    columns = "*" if with_plan else "id, token, user_id, created_at, summary, applied, worked_at, errors, finished_at"
    row = query_one(db, f"SELECT {columns} FROM pending_imports WHERE token = ? AND user_id = ?", [token, user_id])
    if row is None:
        return None
    if with_plan:
        row["plan"] = json.loads(row["plan"] or "[]")
    row["summary"] = json.loads(row["summary"] or "{}")
    row["errors"] = json.loads(row["errors"] or "[]")
    return row


def claim(db, pending_id):
    """Become the import's one writer (True), unless another wrote a batch within `SILENT` or it is finished."""
    now = utcnow()
    with write_transaction(db):
        return db.execute("UPDATE pending_imports SET worked_at = ?, errors = NULL WHERE id = ? AND finished_at IS NULL "
                          "AND (worked_at IS NULL OR worked_at < ?)", [to_iso(now), pending_id, to_iso(now - SILENT)]).rowcount == 1


def applied_count(db, pending_id):
    """How many of the plan's entries are written (read inside the batch's transaction)."""
    row = db.execute("SELECT applied FROM pending_imports WHERE id = ?", [pending_id]).fetchone()
    return row[0] if row else None


def advance(db, pending_id, applied):
    """Record that the first `applied` entries are written (call inside the batch's transaction)."""
    db.execute("UPDATE pending_imports SET applied = ?, worked_at = ? WHERE id = ?", [applied, to_iso(utcnow()), pending_id])


def finish(db, pending_id, summary):
    """The whole plan is written: keep the outcome, drop the plan."""
    with write_transaction(db):
        db.execute("UPDATE pending_imports SET finished_at = ?, plan = '[]', summary = ?, worked_at = NULL WHERE id = ?",
                   [to_iso(utcnow()), json.dumps(summary), pending_id])


def fail(db, pending_id, errors):
    """The writer stopped: keep why, for the teacher; the import may be confirmed again or cancelled."""
    with write_transaction(db):
        db.execute("UPDATE pending_imports SET errors = ?, worked_at = NULL WHERE id = ?", [json.dumps(errors), pending_id])


def drop(db, pending_id):
    """Forget a pending import (cancelled)."""
    with write_transaction(db):
        db.execute("DELETE FROM pending_imports WHERE id = ?", [pending_id])
