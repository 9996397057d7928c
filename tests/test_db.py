"""The database: migrations, pragmas, the init-db command."""
from quizapp.db import connect, migrate, migrations


def test_migrations_are_idempotent(tmp_path):
    db = connect(str(tmp_path / "a.db"))
    migrate(db)
    migrate(db)
    assert {"users", "articles", "items", "cards", "reviews", "study_sessions"} <= set(db.table_names())
    applied = [row[0] for row in db.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    assert applied == ["m0001_initial", "m0002_reports_and_jobs", "m0003_login_attempts"]
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
