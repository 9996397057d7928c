"""Issue 12, case 4: `quizapp backup` finishes while students write, and never leaves a partial file."""
import os
import sqlite3
import stat
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from quizapp import db as database

from .load_driver import QUIZAPP, Student, free_port, prepare_database, server_env, start_server

FILLER_ROWS = 2500  # 25 MB: a few thousand pages, far more than one step of a page-by-page backup


def fill(path):
    """A database of some size, as after a few terms of answers."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, data BLOB)")
    conn.execute(f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {FILLER_ROWS}) "
                 "INSERT INTO filler (data) SELECT randomblob(10000) FROM n")
    conn.commit()
    conn.close()


class Writer(threading.Thread):
    """Another connection committing small writes without pause, the way a class answering does."""

    def __init__(self, path):
        super().__init__(daemon=True)
        self.path, self.stop, self.commits = path, threading.Event(), 0

    def run(self):
        conn = sqlite3.connect(self.path, timeout=30)
        while not self.stop.is_set():
            conn.execute("INSERT INTO filler (data) VALUES (x'00')")
            conn.commit()
            self.commits += 1
            time.sleep(0.002)
        conn.close()


def run_backup(env, target, timeout=60):
    return subprocess.run([str(QUIZAPP), "backup", str(target)], env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture
def big(tmp_path):
    env = {**os.environ, "QUIZAPP_DATABASE": str(tmp_path / "live.db"), "QUIZAPP_SECRET_KEY": "k"}
    subprocess.run([str(QUIZAPP), "init-db"], env=env, check=True, capture_output=True, timeout=120)
    fill(env["QUIZAPP_DATABASE"])
    return env


def test_backup_finishes_while_another_connection_writes(big, tmp_path):
    writer = Writer(big["QUIZAPP_DATABASE"])
    writer.start()
    try:
        time.sleep(0.2)
        target = tmp_path / "copy.db"
        try:
            result = run_backup(big, target)
        except subprocess.TimeoutExpired:
            pytest.fail("the backup did not finish in 60 s beside a writer")
        assert result.returncode == 0, result.stderr
        assert writer.is_alive() and writer.commits > 10  # the writer kept writing throughout
    finally:
        writer.stop.set()
        writer.join(timeout=10)
    copy = sqlite3.connect(target)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT count(*) FROM filler").fetchone()[0] >= FILLER_ROWS
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one self-contained file
    copy.close()
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temporary left


def test_a_failed_backup_leaves_no_file(tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database" * 1000)
    target = tmp_path / "copy.db"
    with pytest.raises(database.BackupFailed):
        database.backup(str(broken), str(target))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.db"]


def test_the_copy_gets_its_name_only_once_checked(tmp_path, monkeypatch):
    """Interrupted (here: the check says no) before the end, there is no file under the target's name."""
    source = tmp_path / "live.db"
    fill(str(source))
    target = tmp_path / "copy.db"
    seen = []
    real_link = os.link

    def link(src, dst):
        seen.append((os.path.exists(dst), sqlite3.connect(src).execute("PRAGMA integrity_check").fetchone()[0]))
        return real_link(src, dst)

    monkeypatch.setattr(database.os, "link", link)
    database.backup(str(source), str(target))
    assert seen == [(False, "ok")] and target.exists()
    with pytest.raises(FileExistsError):
        database.backup(str(source), str(target))  # never over an existing file


@pytest.mark.slow
def test_backup_under_a_class_of_students_on_a_real_server(tmp_path):
    env = server_env(tmp_path, NEW_PER_DAY=1000, LOGIN_FAILURES_PER_ADDRESS=10_000, REGISTRATIONS_PER_ADDRESS_PER_HOUR=10_000)
    prepare_database(env)
    fill(env["QUIZAPP_DATABASE"])
    port = free_port()
    server = start_server(env, port, workers=2, threads=2)
    try:
        students = [Student(f"http://127.0.0.1:{port}", f"pupil{i}", think=0.05) for i in range(8)]
        with ThreadPoolExecutor(len(students)) as pool:
            prepared = list(pool.map(lambda s: s.prepare(20), students))
            running = [pool.submit(s.answer_all, 20) for s in prepared]
            time.sleep(1)
            before = sum(len(s.acknowledged) for s in students)
            started = time.monotonic()
            result = run_backup(env, tmp_path / "copy.db", timeout=90)
            took = time.monotonic() - started
            during = sum(len(s.acknowledged) for s in students) - before
            for future in running:
                future.result(timeout=180)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert result.returncode == 0, result.stderr
    assert took < 30
    assert [e for s in students for e in s.errors] == []
    assert before > 0 and during >= 0
    acknowledged = sorted((s.name, item, response) for s in students for item, response in s.acknowledged)
    stored = sqlite3.connect(env["QUIZAPP_DATABASE"])
    rows = sorted(stored.execute("SELECT users.username, reviews.item_id, reviews.response FROM reviews "
                                 "JOIN users ON users.id = reviews.user_id").fetchall())
    stored.close()
    assert rows == acknowledged  # every acknowledged answer stored, none lost while the backup ran
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
