"""The `users` and `login_failures` tables: accounts, passwords, failed log-ins."""
import functools
import sqlite3

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from .clock import to_iso, utcnow
from .db import query, query_one, write_transaction

ROLES = ("student", "teacher")


class UsernameTaken(Exception):
    """The username is used by another account (names are compared without case)."""


class User(UserMixin):
    """The logged-in user Flask-Login keeps: id, name, role and time zone."""

    def __init__(self, row):
        self.id = row["id"]
        self.username = row["username"]
        self.role = row["role"]
        self.timezone = row["timezone"] or "UTC"

    @property
    def is_teacher(self):
        return self.role == "teacher"


def create_user(db, username, password, role="student", timezone="UTC"):
    """Insert an account with a hashed password; raise UsernameTaken if the name is used."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    try:
        with write_transaction(db):
            db.execute(
                "INSERT INTO users (username, password_hash, role, timezone, created_at) VALUES (?, ?, ?, ?, ?)",
                [username, generate_password_hash(password), role, timezone, to_iso(utcnow())],
            )
    except sqlite3.IntegrityError as error:
        if "users.username" not in str(error):
            raise
        raise UsernameTaken(f"The username {username!r} is already taken.") from None
    return find_user(db, username)


def find_user(db, username):
    """The account with this name (any case), or None."""
    rows = list(query(db, "SELECT * FROM users WHERE username = ? COLLATE NOCASE", [username]))
    return User(rows[0]) if rows else None


def load_user(db, user_id):
    """The account with this id, or None."""
    rows = list(query(db, "SELECT * FROM users WHERE id = ?", [user_id]))
    return User(rows[0]) if rows else None


def authenticate(db, username, password):
    """The user when the password is right, else None (same answer for an unknown name)."""
    rows = list(query(db, "SELECT * FROM users WHERE username = ? COLLATE NOCASE", [username]))
    if not rows:
        check_password_hash(_dummy_hash(), password)  # same time as a wrong password: names stay private
        return None
    return User(rows[0]) if check_password_hash(rows[0]["password_hash"], password) else None


@functools.cache
def _dummy_hash():
    return generate_password_hash("not a real password")


def recent_failures(db, username, address, now, window):
    """Failed log-ins in the last `window` for this account and from this address."""
    since = to_iso(now - window)
    by_name = db.execute(
        "SELECT count(*) FROM login_failures WHERE username = ? COLLATE NOCASE AND failed_at >= ?", [username, since]
    ).fetchone()[0]
    by_address = db.execute(
        "SELECT count(*) FROM login_failures WHERE address = ? AND failed_at >= ?", [address, since]
    ).fetchone()[0]
    return by_name, by_address


def record_failure(db, username, address, now):
    """Remember a failed log-in for the throttle."""
    with write_transaction(db):
        db.execute("INSERT INTO login_failures (username, address, failed_at) VALUES (?, ?, ?)",
                   [username, address, to_iso(now)])


def clear_failures(db, username):
    """A successful log-in forgets the account's failures."""
    with write_transaction(db):
        db.execute("DELETE FROM login_failures WHERE username = ? COLLATE NOCASE", [username])


def students(db):
    """Every student's id and username, by name."""
    return list(query(db, "SELECT id, username FROM users WHERE role = 'student' ORDER BY username COLLATE NOCASE"))


def get_student(db, user_id):
    """The student account with this id (not a teacher's), or None."""
    return query_one(db, "SELECT id, username, role, created_at FROM users WHERE id = ? AND role = 'student'", [user_id])
