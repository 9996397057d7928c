"""The `users`, `login_failures` and `registrations` tables: accounts, passwords, failed log-ins, sign-ups per address."""
import functools
import re
import secrets
import sqlite3
from pathlib import Path

from flask_login import UserMixin
from werkzeug.security import check_password_hash, generate_password_hash

from .clock import from_iso, to_iso, utcnow
from .db import query, query_one, write_transaction

ROLES = ("student", "teacher")
MAX_USERNAME = 40


MIN_PASSWORD = 8
COMMON_PASSWORDS = Path(__file__).with_name("data") / "common-passwords.txt"


@functools.cache
def _common_passwords():
    lines = COMMON_PASSWORDS.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def password_problem(username, password):
    """Why a school would refuse this password for this account, or None when it is fine."""
    if len(password) < MIN_PASSWORD:
        return f"Use at least {MIN_PASSWORD} characters."
    folded, name = password.casefold(), (username or "").strip().casefold()
    if name and (folded == name or (_core(name) and _core(folded) == _core(name))):  # also "teacher1", "!kim2024"
        return "Choose a password that is not your username."
    if folded in _common_passwords():
        return "That password is among the most common ones; choose another."
    return None


def _core(text):
    """Text without the digits and signs around it."""
    return re.sub(r"^[\W\d_]+|[\W\d_]+$", "", text)


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
        self.session_version = row["session_version"]

    @functools.cached_property
    def login_nonce(self):
        """Made when first asked for (a log-in asks; the user loaded for every other request never does)."""
        return secrets.token_urlsafe(9)

    def get_id(self):
        """What the session and the remember-me cookie hold: the id, the session version, and a value
        new on every log-in (so no two log-ins share a remember-me token)."""
        return f"{self.id}:{self.session_version}:{self.login_nonce}"

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


def load_session_user(db, session_id):
    """The account a session or remember-me cookie's id names, or None once its session version is over."""
    user_id, _, rest = (session_id or "").partition(":")
    version = rest.partition(":")[0]
    if not (user_id.isdigit() and version.isdigit()) or len(user_id) > 19:
        return None  # also a cookie from before session versions: log in again
    user = load_user(db, int(user_id))
    return user if user is not None and user.session_version == int(version) else None


def end_sessions(db, user_id):
    """End every session and remember-me cookie of this account (log-out, a new password)."""
    with write_transaction(db):
        db.execute("UPDATE users SET session_version = session_version + 1 WHERE id = ?", [user_id])


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


def failures_since(db, since, *, address, username=None):
    """(how many, the latest time) of the failed log-ins since `since` from `address`, for `username` when given."""
    sql, params = "SELECT count(*), max(failed_at) FROM login_failures WHERE address = ? AND failed_at >= ?", [address, to_iso(since)]
    if username is not None:
        sql += " AND username = ? COLLATE NOCASE"
        params.append(username)
    count, latest = db.execute(sql, params).fetchone()
    return count, (from_iso(latest) if latest else None)


def record_failure(db, username, address, now):
    """Remember a failed (or not yet checked) log-in for the throttle; returns its row id."""
    with write_transaction(db):
        return db.execute("INSERT INTO login_failures (username, address, failed_at) VALUES (?, ?, ?)",
                          [username[:MAX_USERNAME], address, to_iso(now)]).lastrowid


def prune_failures(db, before):
    """Forget failed log-ins older than `before`: the table stays as small as the throttle's window."""
    with write_transaction(db):
        db.execute("DELETE FROM login_failures WHERE failed_at < ?", [to_iso(before)])


def clear_failures(db, username, address):
    """A successful log-in forgets that account's failures from that address (not other addresses')."""
    with write_transaction(db):
        db.execute("DELETE FROM login_failures WHERE username = ? COLLATE NOCASE AND address = ?", [username, address])


def registrations_since(db, address, since):
    """How many accounts were registered from `address` since `since`."""
    return db.execute("SELECT count(*) FROM registrations WHERE address = ? AND registered_at >= ?",
                      [address, to_iso(since)]).fetchone()[0]


def record_registration(db, address, now, *, forget_before):
    """Count a registration from `address`, and forget those older than `forget_before`."""
    with write_transaction(db):
        db.execute("DELETE FROM registrations WHERE registered_at < ?", [to_iso(forget_before)])
        db.execute("INSERT INTO registrations (address, registered_at) VALUES (?, ?)", [address, to_iso(now)])


def students(db):
    """Every current student's id and username, by name (removed ones left out)."""
    return list(query(db, "SELECT id, username FROM users WHERE role = 'student' AND removed_at IS NULL "
                          "ORDER BY username COLLATE NOCASE"))


def students_page(db, *, offset, limit):
    """One page of `students`: current students' ids and usernames, by name."""
    return list(query(db, "SELECT id, username FROM users WHERE role = 'student' AND removed_at IS NULL "
                          "ORDER BY username COLLATE NOCASE LIMIT ? OFFSET ?", [limit, offset]))


def count_students(db):
    """How many current students there are."""
    return db.execute("SELECT count(*) FROM users WHERE role = 'student' AND removed_at IS NULL").fetchone()[0]


def get_student(db, user_id):
    """The current student account with this id (not a teacher's, not a removed one), or None."""
    return query_one(db, "SELECT id, username, role, created_at FROM users WHERE id = ? AND role = 'student' "
                         "AND removed_at IS NULL", [user_id])


def check_password(db, user_id, password):
    """Whether `password` is this account's password."""
    row = query_one(db, "SELECT password_hash FROM users WHERE id = ?", [user_id])
    return row is not None and check_password_hash(row["password_hash"], password)


def set_password(db, user_id, password, *, one_time=False):
    """Give the account a new password (hashed); its sessions everywhere end; a `one_time` one must be
    changed at the next log-in."""
    with write_transaction(db):
        db.execute("UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?",
                   [generate_password_hash(password), int(one_time), user_id])
        end_sessions(db, user_id)


def adopt_timezone(db, user, zone):
    """An account still on the UTC default (made by a teacher, or registered without the page's script)
    takes the zone of the browser it logs in from; a zone once set is kept."""
    if user.timezone == "UTC" and zone and zone != "UTC":
        with write_transaction(db):
            db.execute("UPDATE users SET timezone = ? WHERE id = ? AND timezone = 'UTC'", [zone, user.id])
        user.timezone = zone


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
