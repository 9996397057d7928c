"""The SQLite database: one connection per request, schema through migrations."""
import contextlib
import os
import sqlite3
import threading

try:
    import fcntl
except ImportError:  # Windows: SQLite's busy wait alone
    fcntl = None

import click
from flask import current_app, g
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("quizapp")


@migrations()
def m0001_initial(db):
    db["users"].create(
        {
            "id": int,
            "username": str,
            "password_hash": str,
            "role": str,
            "timezone": str,
            "created_at": str,
        },
        pk="id",
        not_null={"username", "password_hash", "role", "created_at"},
        defaults={"role": "student", "timezone": "UTC"},
    )
    db.execute("CREATE UNIQUE INDEX idx_users_username ON users(username COLLATE NOCASE)")
    db["articles"].create(
        {
            "id": int,
            "title": str,
            "source": str,
            "text": str,
            "text_hash": str,
            "created_at": str,
        },
        pk="id",
        not_null={"title", "source", "text", "text_hash", "created_at"},
    )
    db["articles"].create_index(["text_hash"], unique=True)
    db["items"].create(
        {
            "id": int,
            "article_id": int,
            "item_key": str,
            "kind": str,
            "prompt": str,
            "answer": str,
            "choices": str,
            "accepted": str,
            "source_sentence": str,
            "answer_type": str,
            "score": float,
            "status": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "item_key", "kind", "prompt", "answer", "status"},
        defaults={"status": "approved", "choices": "[]", "accepted": "[]", "score": 0.0},
    )
    db["items"].create_index(["article_id", "item_key"], unique=True)
    db["items"].create_index(["status"])
    db["cards"].create(
        {
            "id": int,
            "user_id": int,
            "item_id": int,
            "state": int,
            "step": int,
            "stability": float,
            "difficulty": float,
            "due": str,
            "last_review": str,
            "reps": int,
            "lapses": int,
        },
        pk="id",
        foreign_keys=[("user_id", "users", "id"), ("item_id", "items", "id")],
        not_null={"user_id", "item_id", "state", "due"},
        defaults={"reps": 0, "lapses": 0},
    )
    db["cards"].create_index(["user_id", "item_id"], unique=True)
    db["cards"].create_index(["user_id", "due"])
    db["study_sessions"].create(
        {
            "id": int,
            "user_id": int,
            "article_id": int,
            "mode": str,
            "item_ids": str,
            "position": int,
            "outcomes": str,
            "shown_at": str,
            "review_id": int,
            "created_at": str,
            "finished_at": str,
        },
        pk="id",
        foreign_keys=[("user_id", "users", "id"), ("article_id", "articles", "id")],
        not_null={"user_id", "mode", "item_ids", "position", "created_at"},
        defaults={"position": 0},
    )
    db["reviews"].create(
        {
            "id": int,
            "user_id": int,
            "item_id": int,
            "session_id": int,
            "rating": int,
            "correct": int,
            "response": str,
            "answered_at": str,
            "duration_ms": int,
            "next_due": str,
            "was_new": int,
        },
        pk="id",
        foreign_keys=[
            ("user_id", "users", "id"),
            ("item_id", "items", "id"),
            ("session_id", "study_sessions", "id"),
        ],
        not_null={"user_id", "item_id", "rating", "correct", "answered_at", "next_due"},
    )
    db["reviews"].create_index(["user_id", "answered_at"])
    db["reviews"].create_index(["item_id"])


@migrations()
def m0002_reports_and_jobs(db):
    db["reports"].create(
        {"id": int, "item_id": int, "user_id": int, "reason": str, "created_at": str, "resolved_at": str},
        pk="id",
        foreign_keys=[("item_id", "items", "id"), ("user_id", "users", "id")],
        not_null={"item_id", "user_id", "reason", "created_at"},
    )
    db["reports"].create_index(["item_id"])
    db["jobs"].create(
        {"id": int, "user_id": int, "title": str, "state": str, "message": str, "article_id": int,
         "created_at": str, "finished_at": str},
        pk="id",
        foreign_keys=[("user_id", "users", "id")],
        not_null={"user_id", "title", "state", "created_at"},
    )
    db["items"].add_column("updated_at", str)


@migrations()
def m0003_login_attempts(db):
    db["login_failures"].create(
        {"id": int, "username": str, "address": str, "failed_at": str}, pk="id", not_null={"username", "failed_at"}
    )
    db["login_failures"].create_index(["username", "failed_at"])
    db["login_failures"].create_index(["address", "failed_at"])


def connect(path):
    """Open the database file with the settings every connection needs."""
    if path != ":memory:":
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    conn = sqlite3.connect(path, timeout=10, check_same_thread=False)
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode=WAL")  # persistent: set once per file
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA synchronous=NORMAL")
    return Database(conn, execute_plugins=False)


def migrate(db):
    """Apply pending migrations; safe to call on every start."""
    migrations.apply(db)


def query(db, sql, params=()):
    """Rows of a SELECT as dicts, straight from sqlite3.

    sqlite-utils' `Database.query` wraps every statement in a SAVEPOINT; on the
    request path that costs more than the small queries themselves."""
    cursor = db.conn.execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return (dict(zip(keys, row)) for row in cursor)


_threads = threading.local()


def get_db():
    """This thread's connection to the app's database, opened once and reused.

    Opening and closing a WAL database per request costs more than the request:
    closing the last connection checkpoints the log. The server's worker threads are
    a fixed pool, so one connection per thread is a small, bounded number."""
    if "db" not in g:
        path = current_app.config["DATABASE"]
        cached = getattr(_threads, "db", None)
        if cached is None or cached[0] != path:
            if cached is not None:
                cached[1].close()
            _threads.db = cached = (path, connect(path))
        g.db = cached[1]
    return g.db


def close_db(exc=None):
    db = g.pop("db", None)
    if db is not None and db.conn.in_transaction:
        db.conn.rollback()  # never leave a half-done transaction on a reused connection


@click.command("init-db")
def init_db_command():
    """Create or migrate the database (idempotent)."""
    db = connect(current_app.config["DATABASE"])
    migrate(db)
    db.close()
    click.echo(f"Database ready at {current_app.config['DATABASE']}.")


def init_app(app):
    app.teardown_appcontext(close_db)
    app.cli.add_command(init_db_command)


_WRITERS = threading.Lock()
_lock_files = {}


def _lock_file(db):
    """A file beside the database that writers of every process queue on (None in memory)."""
    if not hasattr(db, "quizapp_lock_fd"):
        path = db.conn.execute("PRAGMA database_list").fetchone()[2]
        if not path or fcntl is None:
            db.quizapp_lock_fd = None
        else:
            if path not in _lock_files:
                _lock_files[path] = os.open(path + "-writelock", os.O_RDWR | os.O_CREAT, 0o600)
            db.quizapp_lock_fd = _lock_files[path]
    return db.quizapp_lock_fd


@contextlib.contextmanager
def write_transaction(db):
    """BEGIN IMMEDIATE: take the write lock before reading, so read-then-write steps
    (answering, rating) cannot interleave between two requests of the same student.

    Writers queue first on a thread lock, then on a file lock shared by every server
    process: the kernel wakes the next writer the moment the lock is free, where
    SQLite's own busy wait sleeps in steps of up to 100 ms and, under a class-sized
    load, turns into long tails."""
    with _WRITERS:
        fd = _lock_file(db)
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.conn.execute("ROLLBACK")
                raise
            else:
                db.conn.execute("COMMIT")
        finally:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
