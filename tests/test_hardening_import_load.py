"""Issue 12, case 5: students' answers keep being acknowledged and stored while a teacher runs a large import
(previewed, then confirmed) and `quizapp backup` runs, on a real server. Figures: benchmarks/imports.py."""
import sqlite3
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from quizapp.db import connect
from quizapp.teacher import formats, question_bank

from .load_driver import (QUIZAPP, Student, Teacher, free_port, import_csv, keep_answering, prepare_database,
                          server_env, start_server, teacher_password)

pytestmark = pytest.mark.slow

WARM_UP, CHANGED, NEW_ROWS = 300, 50, 8000  # 8,000 titles: a file of 0.5 MB (benchmarks/imports.py: the 2 MB largest)


def warm_up(env):
    """Approved questions enough for every student to keep answering, and for the import to change some of."""
    db = connect(env["QUIZAPP_DATABASE"])
    text = "article,kind,prompt,answer\n" + "".join(f"Warm-up,short_answer,Warm-up question {i}?,Yes\n" for i in range(WARM_UP))
    question_bank.apply_import(db, formats.parse_questions_csv(text))
    ids = [row[0] for row in db.execute("SELECT id FROM items WHERE prompt LIKE 'Warm-up question %' ORDER BY id")]
    db.close()
    return ids


def stored_answers(path):
    db = sqlite3.connect(path)
    rows = sorted(db.execute("SELECT users.username, reviews.item_id, reviews.response FROM reviews "
                             "JOIN users ON users.id = reviews.user_id"))
    counts = db.execute("SELECT (SELECT count(*) FROM items WHERE prompt LIKE 'Imported question %'), "
                        "(SELECT count(*) FROM items WHERE prompt LIKE 'Reworded question %'), "
                        "(SELECT count(*) FROM articles WHERE title LIKE 'Imported unit %'), "
                        "(SELECT count(*) FROM items WHERE prompt LIKE 'Warm-up question %')").fetchone()
    db.close()
    return rows, counts


def test_answers_are_kept_while_a_large_import_and_a_backup_run(tmp_path):
    env = server_env(tmp_path, NEW_PER_DAY=10_000, REVIEWS_PER_DAY=10_000, LOGIN_FAILURES_PER_ADDRESS=10_000,
                     REGISTRATIONS_PER_ADDRESS_PER_HOUR=10_000)
    prepare_database(env)
    changed_ids = warm_up(env)[:CHANGED]
    port, stop = free_port(), threading.Event()
    base = f"http://127.0.0.1:{port}"
    log_path = tmp_path / "server.log"
    with open(log_path, "w") as log:
        server = start_server(env, port, workers=2, threads=2, log=log)  # two processes, as `make run`
        try:
            students = [Student(base, f"pupil{i}", think=0.05) for i in range(8)]
            with ThreadPoolExecutor(len(students)) as pool:
                list(pool.map(lambda s: s.prepare(100), students))
                running = [pool.submit(keep_answering, s, stop) for s in students]
                teacher = Teacher(base, "teacher", teacher_password(env)).login()
                preview = teacher.upload(import_csv(NEW_ROWS, changed_ids))
                before = sum(len(s.acknowledged) for s in students)
                backup = subprocess.Popen([str(QUIZAPP), "backup", str(tmp_path / "copy.db")], env=env,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                page = teacher.confirm(preview) if preview else ""  # the whole import is written as the students answer
                during = sum(len(s.acknowledged) for s in students) - before
                _, backup_error = backup.communicate(timeout=120)
                stop.set()
                for future in running:
                    future.result(timeout=120)
        finally:
            stop.set()
            server.terminate()
            server.wait(timeout=30)
    assert preview is not None  # it changes 50 questions: previewed first, the old text beside the new
    assert "Reworded question" in page and "Warm-up question" in page
    assert backup.returncode == 0, backup_error
    assert [e for s in students for e in s.errors] == []  # no 500, no "database is locked", nothing refused
    assert during > 0  # students were answering, and being answered, while the import was written
    server_log = log_path.read_text()
    assert "database is locked" not in server_log and "Traceback" not in server_log, server_log[-2000:]
    acknowledged = sorted((s.name, item, response) for s in students for item, response in s.acknowledged)
    stored, counts = stored_answers(env["QUIZAPP_DATABASE"])
    assert stored == acknowledged  # every acknowledged answer is in the database, and nothing else
    assert counts == (NEW_ROWS, CHANGED, NEW_ROWS, WARM_UP - CHANGED)  # and the whole import too
    copy = sqlite3.connect(tmp_path / "copy.db")
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
