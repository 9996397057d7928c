"""The largest import a teacher can send (a 2 MB CSV: one question under its own new title per row, as the
issue's 45,000 titles, plus changes to 50 existing questions, so it is previewed, then confirmed) while 20 students
answer and a `quizapp backup` runs, against `quizapp serve` as `make run` starts it (2 processes x 1 thread).

Prints how long each step of the import took, the students' answer latency (p50, p99, max) before and during it,
how long the backup took, and checks that the review log holds exactly the answers the server acknowledged.
Not a test: machines here are shared and noisy. Usage: .venv/bin/python benchmarks/imports.py [--students N]
"""
import argparse
import os
import sqlite3
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from quizapp.db import connect  # noqa: E402
from quizapp.teacher import formats, question_bank  # noqa: E402
from tests.load_driver import (QUIZAPP, Student, Teacher, free_port, import_csv, keep_answering,  # noqa: E402
                               prepare_database, server_env, start_server, teacher_password, temporary_folder)

LARGEST = 2 * 1024 * 1024  # the app's MAX_CONTENT_LENGTH


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)] if ordered else float("nan")


def largest_file(changed_ids, article):
    """As many one-question-per-title rows as fit in the largest upload (with room for the multipart wrapping)."""
    low, high = 1, 60_000
    while low < high:
        middle = (low + high + 1) // 2
        if len(import_csv(middle, changed_ids, article=article)) <= LARGEST - 4096:
            low = middle
        else:
            high = middle - 1
    return low, import_csv(low, changed_ids, article=article)


def figures(label, latencies):
    return (f"  {label}: {len(latencies)} answers, p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {max(latencies, default=float('nan')) * 1000:.0f} ms")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--think", type=float, default=1.0, help="seconds a student reads the feedback, on average")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1)
    options = parser.parse_args()
    folder = Path(temporary_folder())
    env = server_env(folder, NEW_PER_DAY=100_000, REVIEWS_PER_DAY=100_000, LOGIN_FAILURES_PER_ADDRESS=100_000,
                     REGISTRATIONS_PER_ADDRESS_PER_HOUR=100_000)
    prepare_database(env)
    db = connect(env["QUIZAPP_DATABASE"])
    text = "article,kind,prompt,answer\n" + "".join(f"Warm-up,short_answer,Warm-up question {i}?,Yes\n" for i in range(500))
    question_bank.apply_import(db, formats.parse_questions_csv(text))
    changed = [row[0] for row in db.execute("SELECT id FROM items WHERE prompt LIKE 'Warm-up%' ORDER BY id LIMIT 50")]
    db.close()
    rows, content = largest_file(changed, "Imported unit {i}")
    added_rows, added_content = largest_file([], "First unit {i}")
    port, stop = free_port(), threading.Event()
    base = f"http://127.0.0.1:{port}"
    server = start_server(env, port, workers=options.workers, threads=options.threads)
    steps = {}
    try:
        students = [Student(base, f"student{i}", think=options.think) for i in range(options.students)]
        with ThreadPoolExecutor(len(students)) as pool:
            list(pool.map(lambda s: s.prepare(100), students))
            running = [pool.submit(keep_answering, s, stop) for s in students]
            time.sleep(10)  # answering alone first: the yardstick
            teacher = Teacher(base, "teacher", teacher_password(env)).login()
            added_started = time.perf_counter()  # first the case: only new titles, nothing to preview
            teacher.upload(added_content)  # read and written on their own thread; followed to the end
            added_uploaded, added_ended = teacher.posted_at, time.perf_counter()
            time.sleep(5)
            started = time.perf_counter()
            preview = teacher.upload(content)
            steps["upload request"] = teacher.posted_at - started
            steps["upload to its preview (every row read, checked and planned)"] = time.perf_counter() - started
            backup_started = time.perf_counter()
            backup = subprocess.Popen([str(QUIZAPP), "backup", str(folder / "copy.db")], env=env,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            backup_finished = []
            threading.Thread(target=lambda: (backup.wait(), backup_finished.append(time.perf_counter())),
                             daemon=True).start()
            confirm_started = time.perf_counter()
            teacher.confirm(preview)  # GET the preview, Confirm import, follow the progress page to the end
            ended = time.perf_counter()
            steps["preview page and confirmation (every row written)"] = ended - confirm_started
            backup.communicate(timeout=600)
            backup_took = backup_finished[0] - backup_started if backup_finished else float("nan")
            time.sleep(2)
            stop.set()
            for future in running:
                future.result(timeout=600)
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    sent = [(t, latency) for s in students for t, latency in zip(s.sent_at, s.latencies)]
    before = [latency for t, latency in sent if t < added_started]
    adding = [latency for t, latency in sent if added_started <= t <= added_ended]
    during = [latency for t, latency in sent if started <= t <= ended]
    uploading = [latency for t, latency in sent if started <= t < confirm_started]
    writing = [latency for t, latency in sent if confirm_started <= t <= ended]
    acknowledged = sorted((s.name, item, response) for s in students for item, response in s.acknowledged)
    live = sqlite3.connect(env["QUIZAPP_DATABASE"])
    stored = sorted(live.execute("SELECT users.username, reviews.item_id, reviews.response FROM reviews "
                                 "JOIN users ON users.id = reviews.user_id"))
    imported = live.execute("SELECT count(*) FROM items WHERE prompt LIKE 'Imported question %'").fetchone()[0]
    titles = live.execute("SELECT count(*) FROM articles WHERE title LIKE 'First unit %' OR title LIKE 'Imported unit %'").fetchone()[0]
    live.close()
    errors = [e for s in students for e in s.errors]
    print(f"quizapp import of the largest file, only new questions: {len(added_content) / 1e6:.2f} MB, {added_rows} "
          f"questions under {added_rows} new titles")
    print(f"  upload request: {added_uploaded - added_started:.1f} s; "
          f"upload to last row written: {added_ended - added_started:.1f} s")
    print(figures("answers during it", adding))
    print(f"quizapp import of the largest file, with changes: {len(content) / 1e6:.2f} MB, {rows} new questions under {rows} new "
          f"titles + {len(changed)} changed; {options.students} students answering ({options.think:g} s pause), "
          f"waitress {options.workers} process(es) x {options.threads} thread(s), {os.cpu_count()} cores")
    for step, seconds in steps.items():
        print(f"  {step}: {seconds:.1f} s")
    print(f"  the whole import, upload to last row written: {ended - started:.1f} s")
    print(f"  imported questions: {imported} of {added_rows + rows}; new titles: {titles} of {added_rows + rows}")
    print(f"  quizapp backup, started with the confirmation: {backup_took:.1f} s, exit {backup.returncode}")
    print(figures("answers before any import", before))
    print(figures("answers during the import", during))
    print(figures("  of which while the file was read and planned", uploading))
    print(figures("  of which while the rows were written (and the backup ran)", writing))
    slow = sorted((round(t - confirm_started, 1), round(latency, 1)) for t, latency in sent if latency > 1)
    print(f"  answers slower than 1 s (sent at, in seconds from the confirmation; took): {len(slow)} {slow[:12]}")
    print(f"  acknowledged answers: {len(acknowledged)}, stored: {len(stored)}, identical: {stored == acknowledged}, "
          f"errors: {len(errors)} {errors[:5]}")


if __name__ == "__main__":
    main()
