"""The `jobs` table: background work a teacher started (generating questions), and how it went."""
from .clock import to_iso, utcnow
from .db import query_one, write_transaction


def create_job(db, user_id, title, message):
    """A running job; returns its id."""
    with write_transaction(db):
        return db.execute(
            "INSERT INTO jobs (user_id, title, state, message, created_at) VALUES (?, ?, 'running', ?, ?)",
            [user_id, title, message, to_iso(utcnow())],
        ).lastrowid


def finish_job(db, job_id, *, state, message, article_id=None):
    """Record the end of a job: 'done' or 'failed', with what the teacher should read."""
    with write_transaction(db):
        db.execute("UPDATE jobs SET state = ?, message = ?, article_id = ?, finished_at = ? WHERE id = ?",
                   [state, message, article_id, to_iso(utcnow()), job_id])


def get_job(db, job_id, user_id):
    """The job row if it is this user's, else None."""
    return query_one(db, "SELECT * FROM jobs WHERE id = ? AND user_id = ?", [job_id, user_id])


def forget_article(db, article_id):
    """The article is gone: jobs that made it no longer point at it."""
    with write_transaction(db):
        db.execute("UPDATE jobs SET article_id = NULL WHERE article_id = ?", [article_id])


def delete_user_jobs(db, user_id):
    """The account is being deleted: its jobs go with it."""
    with write_transaction(db):
        db.execute("DELETE FROM jobs WHERE user_id = ?", [user_id])
