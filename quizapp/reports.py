"""The `reports` table: students flagging a question, and the teacher dealing with it."""
from .clock import to_iso, utcnow
from .db import batches, query, write_transaction


def report_problem(db, item_id, user_id, reason, now=None):
    """Record a student's report on an item."""
    with write_transaction(db):
        db.execute("INSERT INTO reports (item_id, user_id, reason, created_at) VALUES (?, ?, ?, ?)",
                   [item_id, user_id, reason.strip(), to_iso(now or utcnow())])


def has_open_report(db, item_id, user_id):
    """Whether this student has a report on this item the teacher has not dealt with yet."""
    return db.execute("SELECT 1 FROM reports WHERE item_id = ? AND user_id = ? AND resolved_at IS NULL",
                      [item_id, user_id]).fetchone() is not None


def reports_since(db, user_id, since):
    """How many reports this student sent since `since`."""
    return db.execute("SELECT count(*) FROM reports WHERE user_id = ? AND created_at >= ?",
                      [user_id, to_iso(since)]).fetchone()[0]


def item_reports(db, item_id):
    """The reports on one item with who sent them, newest first."""
    return list(query(db,
        "SELECT reports.*, users.username FROM reports JOIN users ON users.id = reports.user_id "
        "WHERE item_id = ? ORDER BY reports.id DESC", [item_id]))


def resolve_reports(db, item_id):
    """Mark the open reports on an item as dealt with."""
    with write_transaction(db):
        db.execute("UPDATE reports SET resolved_at = ? WHERE item_id = ? AND resolved_at IS NULL",
                   [to_iso(utcnow()), item_id])


def delete_user_reports(db, user_id):
    """Delete the reports a student sent (their account is being deleted)."""
    with write_transaction(db):
        db.execute("DELETE FROM reports WHERE user_id = ?", [user_id])


def open_reasons(db, item_ids):
    """{item id: [reasons of its open reports, oldest first]} for these items."""
    reasons = {}
    for batch in batches(item_ids, 500):
        marks = ", ".join("?" * len(batch))
        for item_id, reason in db.execute(f"SELECT item_id, reason FROM reports WHERE resolved_at IS NULL "
                                          f"AND item_id IN ({marks}) ORDER BY id", batch):
            reasons.setdefault(item_id, []).append(reason)
    return reasons
