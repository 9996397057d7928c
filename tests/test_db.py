"""The database: migrations, pragmas, the init-db command."""
import os
import subprocess
import sys

import pytest

from quizapp.db import connect, write_transaction
from quizapp.schema import migrate, migrations


def test_migrations_are_idempotent(tmp_path):
    db = connect(str(tmp_path / "a.db"))
    migrate(db)
    migrate(db)
    assert {"users", "articles", "items", "cards", "reviews", "study_sessions"} <= set(db.table_names())
    applied = [row[0] for row in db.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    assert applied[:3] == ["m0001_initial", "m0002_reports_and_jobs", "m0003_login_attempts"]
    assert "m0004_teacher_cards_last_rating" in applied
    assert "m0008_hardening_throttle_tables" in applied  # later steps may come from other branches
    assert applied == [m.name for m in migrations.applied(db)]
    assert {"reports", "jobs"} <= set(db.table_names()) and "updated_at" in db["items"].columns_dict


def test_connection_settings(tmp_path):
    db = connect(str(tmp_path / "b.db"))
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_foreign_keys_are_enforced(tmp_path):
    db = connect(str(tmp_path / "c.db"))
    migrate(db)
    import sqlite3

    import pytest

    with pytest.raises(sqlite3.IntegrityError):
        with db.atomic():
            db.execute("INSERT INTO cards (user_id, item_id, state, due) VALUES (99, 99, 1, 'x')")


def test_cards_are_indexed_by_user_and_due(tmp_path):
    db = connect(str(tmp_path / "d.db"))
    migrate(db)
    plan = db.execute("EXPLAIN QUERY PLAN SELECT item_id FROM cards WHERE user_id = 1 AND due <= 'z'").fetchall()
    assert "idx_cards_user_id_due" in str(plan)


def test_init_db_command(runner, app):
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0
    assert "Database ready" in result.output


def _other_process_can_lock(path):
    """Whether a separate process gets the write lock file at once (it exits 0 if it does)."""
    code = (
        "import fcntl, os, sys\n"
        "fd = os.open(sys.argv[1], os.O_RDWR)\n"
        "try:\n    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\nexcept BlockingIOError:\n    sys.exit(1)\n"
    )
    return subprocess.run([sys.executable, "-c", code, path], timeout=30).returncode == 0


def test_writers_of_every_process_queue_on_one_file_lock(tmp_path):
    """A server process holding a write transaction makes the other processes' writers wait on
    the lock file (woken by the kernel), not on SQLite's sleeping busy wait."""
    db = connect(str(tmp_path / "quizapp.db"))
    migrate(db)
    lock = str(tmp_path / "quizapp.db-writelock")
    with write_transaction(db):
        assert oct(os.stat(lock).st_mode & 0o777) == "0o600"
        assert not _other_process_can_lock(lock)
    assert _other_process_can_lock(lock)


def test_a_failed_write_transaction_releases_the_lock(tmp_path):
    db = connect(str(tmp_path / "quizapp.db"))
    migrate(db)
    with pytest.raises(ZeroDivisionError):
        with write_transaction(db):
            db.execute("INSERT INTO users (username, password_hash, role, created_at) VALUES ('a', 'h', 'student', 'now')")
            1 / 0
    assert db.execute("SELECT count(*) FROM users").fetchone()[0] == 0
    assert _other_process_can_lock(str(tmp_path / "quizapp.db-writelock"))
