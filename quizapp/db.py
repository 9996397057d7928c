"""The SQLite database: one connection per worker thread, and the one way to write."""
import contextlib
import os
import sqlite3
import tempfile
import threading
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows: SQLite's busy wait alone
    fcntl = None

from flask import current_app, g
from sqlite_utils import Database

MAX_ROWID = 2**63 - 1  # SQLite's largest integer: ids from URLs and forms are checked against it
BATCH_SIZE = 200  # rows per transaction in long writes: a student's answer waits behind one batch at most


def connect(path):
    """Open the database file with the settings every connection needs."""
    if path != ":memory:":
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        owner_only(path)
    conn = sqlite3.connect(path, timeout=10, check_same_thread=False)
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode=WAL")  # persistent: set once per file
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    conn.execute("PRAGMA synchronous=NORMAL")
    return Database(conn, execute_plugins=False)


def owner_only(path):
    """The database file, made if missing, readable by its owner only (0600) like the signing key.

    SQLite gives its -wal and -shm files the database file's permissions. An existing file
    is never opened here: closing any descriptor of the database file drops every POSIX lock
    this process holds on it, those of the other threads' connections too, and a `quizapp
    backup` closing its connection then believes it is the last one, checkpoints and removes
    the log the server is still writing to (acknowledged answers lost). Path-based calls only."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        os.close(fd)  # a file made just now: no connection holds a lock on it yet
    for name in (path, path + "-wal", path + "-shm"):
        with contextlib.suppress(FileNotFoundError):
            if os.stat(name).st_mode & 0o077:
                with contextlib.suppress(PermissionError):  # another account's file: theirs to fix
                    os.chmod(name, 0o600)  # a database made before this rule


def query(db, sql, params=()):
    """Rows of a SELECT as dicts, straight from sqlite3.

    sqlite-utils' `Database.query` wraps every statement in a SAVEPOINT; on the
    request path that costs more than the small queries themselves."""
    cursor = db.conn.execute(sql, params)
    keys = [column[0] for column in cursor.description]
    return (dict(zip(keys, row)) for row in cursor)


def query_one(db, sql, params=()):
    """The first row of a SELECT as a dict, or None."""
    return next(query(db, sql, params), None)


_threads = threading.local()


def get_db():
    """This thread's connection to the app's database, opened once and reused.

    Opening and closing a WAL database per request costs more than the request:
    closing the last connection checkpoints the log. The server's worker threads are
    a fixed pool, so one connection per thread is a small, bounded number."""
    db = g.get("db")  # called several times a request: one look-up through the proxy
    if db is None:
        path = current_app.config["DATABASE"]
        cached = getattr(_threads, "db", None)
        if cached is None or cached[0] != path:
            if cached is not None:
                cached[1].close()
            _threads.db = cached = (path, connect(path))
        g.db = db = cached[1]
    return db


def close_db(exc=None):
    """Teardown: never leave a half-done transaction on a reused connection."""
    db = g.pop("db", None)
    if db is not None and db.conn.in_transaction:
        db.conn.rollback()


def init_app(app):
    """Close the request's connection at teardown."""
    app.teardown_appcontext(close_db)


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
    """Every write goes through here: BEGIN IMMEDIATE under the writers' lock, COMMIT or ROLLBACK.

    Taking the write lock before reading means read-then-write steps (answering,
    rating) cannot interleave between two requests of the same student. Writers queue
    first on a thread lock, then on a file lock shared by every server process: the
    kernel wakes the next writer the moment the lock is free, where SQLite's own busy
    wait sleeps in steps of up to 100 ms and, under a class-sized load, turns into long
    tails. Called inside another write_transaction on the same connection, it joins it."""
    if getattr(db, "quizapp_writing", False):
        yield db
        return
    with _WRITERS:
        fd = _lock_file(db)
        if fd is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            db.conn.execute("BEGIN IMMEDIATE")
            db.quizapp_writing = True
            try:
                yield db
            except BaseException:
                db.conn.execute("ROLLBACK")
                raise
            else:
                db.conn.execute("COMMIT")
            finally:
                db.quizapp_writing = False
        finally:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)


def batches(rows, size=BATCH_SIZE):
    """`rows` in lists of at most `size`, for long writes committed a batch at a time."""
    rows = list(rows)
    for start in range(0, len(rows), size):
        yield rows[start:start + size]



class BackupFailed(Exception):
    """The backup could not be made; nothing was left at the target path."""


def backup(source_path, target_path):
    """Copy the live database to `target_path`, owner-only (0600), never a partial or unchecked file.

    The copy is made under a temporary name beside the target, in one step of SQLite's
    backup API: one read snapshot, which in WAL mode never waits for the students'
    writes and is never restarted by them (a step of a few pages at a time starts
    over after every write of another connection, and under a class never ends).
    Then `PRAGMA integrity_check`, and only then the copy gets its name, by a hard
    link that never replaces an existing file. A failure or an interrupt leaves nothing."""
    target = Path(target_path)
    if target.exists():
        raise FileExistsError(f"{target} already exists")
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent or ".")
    os.close(fd)  # mkstemp made it 0600; SQLite keeps the mode of the file it opens
    try:
        source = sqlite3.connect(source_path, timeout=30)
        try:
            copy = sqlite3.connect(temporary)
            try:
                source.backup(copy, pages=-1)
                copy.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
                check = copy.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                copy.close()
        finally:
            source.close()
        if check != "ok":
            raise BackupFailed(f"the copy failed its integrity check ({check})")
        with open(temporary, "rb") as handle:
            os.fsync(handle.fileno())
        os.link(temporary, target)
    except sqlite3.Error as error:
        raise BackupFailed(str(error)) from None
    finally:
        for leftover in (temporary, temporary + "-journal", temporary + "-wal", temporary + "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)
