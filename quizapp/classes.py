"""The `classes` and `class_members` tables: a teacher's classes, their join codes and their students."""
import secrets
import sqlite3

from .clock import to_iso, utcnow
from .db import query, query_one, write_transaction

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed from a board
CODE_LENGTH = 6


def new_join_code():
    """A short code a student can type: six letters and digits, none that look alike."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normal_code(code):
    """A typed code as stored: upper case, no spaces or dashes."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def create_class(db, teacher_id, name):
    """A new class of this teacher with a fresh join code; returns its id."""
    for _ in range(20):
        try:
            with write_transaction(db):
                return db.execute(
                    "INSERT INTO classes (teacher_id, name, join_code, created_at) VALUES (?, ?, ?, ?)",
                    [teacher_id, name.strip(), new_join_code(), to_iso(utcnow())],
                ).lastrowid
        except sqlite3.IntegrityError as error:
            if "classes.join_code" not in str(error):
                raise
    raise RuntimeError("could not find a free join code")


def teacher_classes(db, teacher_id):
    """This teacher's classes with how many students each has, by name."""
    return list(query(db,
        "SELECT classes.*, (SELECT count(*) FROM class_members WHERE class_id = classes.id) AS students "
        "FROM classes WHERE teacher_id = ? ORDER BY name COLLATE NOCASE, id", [teacher_id]))


def get_class(db, class_id):
    """The class row, or None."""
    return query_one(db, "SELECT * FROM classes WHERE id = ?", [class_id])


def class_by_code(db, code):
    """The class with this join code (as typed: any case, spaces and dashes ignored), or None."""
    return query_one(db, "SELECT * FROM classes WHERE join_code = ?", [normal_code(code)])


def add_member(db, class_id, user_id):
    """Put a student in a class; returns False when they were in it already."""
    with write_transaction(db):
        return db.execute("INSERT OR IGNORE INTO class_members (class_id, user_id, joined_at) VALUES (?, ?, ?)",
                          [class_id, user_id, to_iso(utcnow())]).rowcount == 1


def members(db, class_id, *, offset=0, limit=-1):
    """The students of a class (id, username), by name; a page of them with `offset` and `limit`."""
    return list(query(db,
        "SELECT users.id, users.username FROM class_members JOIN users ON users.id = class_members.user_id "
        "WHERE class_members.class_id = ? ORDER BY users.username COLLATE NOCASE, users.id LIMIT ? OFFSET ?",
        [class_id, limit, offset]))


def count_members(db, class_id):
    """How many students a class has."""
    return db.execute("SELECT count(*) FROM class_members WHERE class_id = ?", [class_id]).fetchone()[0]


def student_classes(db, user_id):
    """The classes a student is in, by name."""
    return list(query(db,
        "SELECT classes.id, classes.name FROM class_members JOIN classes ON classes.id = class_members.class_id "
        "WHERE class_members.user_id = ? ORDER BY classes.name COLLATE NOCASE", [user_id]))


def remove_from_all(db, user_id):
    """Take a student out of every class."""
    with write_transaction(db):
        db.execute("DELETE FROM class_members WHERE user_id = ?", [user_id])
