"""The `users` and `login_failures` tables: accounts, passwords, failed log-ins."""
import functools
import secrets
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
        self.must_change_password = bool(row.get("must_change_password"))

    @property
    def is_teacher(self):
        return self.role == "teacher"


def create_user(db, username, password, role="student", timezone="UTC", *, one_time=False):
    """Insert an account with a hashed password (a `one_time` one to change at the first log-in);
    raise UsernameTaken if the name is used."""
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    try:
        with write_transaction(db):
            db.execute(
                "INSERT INTO users (username, password_hash, role, timezone, created_at, must_change_password) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [username, generate_password_hash(password), role, timezone, to_iso(utcnow()), int(one_time)],
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
    """The account with this id, or None (also for a removed student: their session ends)."""
    rows = list(query(db, "SELECT * FROM users WHERE id = ? AND removed_at IS NULL", [user_id]))
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
    """Every current student's id and username, by name (removed ones left out)."""
    return list(query(db, "SELECT id, username FROM users WHERE role = 'student' AND removed_at IS NULL "
                          "ORDER BY username COLLATE NOCASE"))


def get_student(db, user_id):
    """The current student account with this id (not a teacher's, not a removed one), or None."""
    return query_one(db, "SELECT id, username, role, created_at FROM users WHERE id = ? AND role = 'student' "
                         "AND removed_at IS NULL", [user_id])


def check_password(db, user_id, password):
    """Whether `password` is this account's password."""
    row = query_one(db, "SELECT password_hash FROM users WHERE id = ?", [user_id])
    return row is not None and check_password_hash(row["password_hash"], password)


def set_password(db, user_id, password, *, one_time=False):
    """Give the account a new password (hashed); a `one_time` one must be changed at the next log-in."""
    with write_transaction(db):
        db.execute("UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?",
                   [generate_password_hash(password), int(one_time), user_id])


def anonymise(db, user_id):
    """A removed student whose answers stay: the name becomes removed-<id>, no password works, never listed."""
    with write_transaction(db):
        name = f"removed-{user_id}"
        if db.execute("SELECT 1 FROM users WHERE username = ? COLLATE NOCASE AND id != ?", [name, user_id]).fetchone():
            name += "-" + secrets.token_hex(3)  # someone registered that name: still anonymous, still unique
        db.execute("UPDATE users SET username = ?, password_hash = ?, removed_at = ? WHERE id = ?",
                   [name, generate_password_hash(secrets.token_urlsafe(32)), to_iso(utcnow()), user_id])


def delete_user(db, user_id):
    """Delete the account row (its answers, cards and sessions must be gone first)."""
    with write_transaction(db):
        username = db.execute("SELECT username FROM users WHERE id = ?", [user_id]).fetchone()
        if username:
            db.execute("DELETE FROM login_failures WHERE username = ? COLLATE NOCASE", [username[0]])
        db.execute("DELETE FROM users WHERE id = ?", [user_id])
