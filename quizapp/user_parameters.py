"""The `user_parameters` table: a student's own FSRS parameters (NULL: FSRS's defaults) and their latest fit."""
import json

from .db import query_one, write_transaction


def get_parameters(db, user_id):
    """The student's row, or None when no fit was ever started for them."""
    return query_one(db, "SELECT * FROM user_parameters WHERE user_id = ?", [user_id])


def own_parameters(row):
    """The fitted parameters of a row as a list of floats, or None for FSRS's defaults."""
    return json.loads(row["parameters"]) if row and row["parameters"] else None


def start_fit(db, user_id, job_id, started_at):
    """A fit is running for this student as job `job_id`."""
    with write_transaction(db):
        db.execute("INSERT INTO user_parameters (user_id, job_id, attempted_at) VALUES (?, ?, ?) "
                   "ON CONFLICT (user_id) DO UPDATE SET job_id = excluded.job_id, attempted_at = excluded.attempted_at",
                   [user_id, job_id, started_at])


def finish_fit(db, user_id, *, reviews, parameters, since, log_loss_default, log_loss_fitted, message):
    """Record a fit of `reviews` reviews: the parameters now in use (None: the defaults) and how they compared."""
    with write_transaction(db):
        db.execute("UPDATE user_parameters SET fitted_reviews = ?, parameters = ?, since = ?, log_loss_default = ?, "
                   "log_loss_fitted = ?, message = ? WHERE user_id = ?",
                   [reviews, json.dumps(parameters) if parameters is not None else None, since, log_loss_default,
                    log_loss_fitted, message, user_id])


def note_attempt(db, user_id, reviews, message):
    """A fit of `reviews` reviews ended without a result: the parameters in use stay, the next fit waits for growth."""
    with write_transaction(db):
        db.execute("UPDATE user_parameters SET fitted_reviews = ?, message = ? WHERE user_id = ?",
                   [reviews, message, user_id])


def delete_user_parameters(db, user_id):
    """The student's account is being deleted: their memory model goes with it."""
    with write_transaction(db):
        db.execute("DELETE FROM user_parameters WHERE user_id = ?", [user_id])
