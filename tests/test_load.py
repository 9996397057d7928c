"""Many students at once against a real server, and a server killed mid-lesson.

Marked slow; they run in `make test` and CI. The figures (throughput, latency) come
from benchmarks/load.py, not from here."""
import signal
import sqlite3
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from .load_driver import Student, free_port, prepare_database, server_env, start_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    folder = tmp_path_factory.mktemp("load")
    env = server_env(folder, NEW_PER_DAY=1000, LOGIN_FAILURES_PER_ADDRESS=10_000, REGISTRATIONS_PER_ADDRESS_PER_HOUR=10_000)
    prepare_database(env)
    return env


def stored_answers(env):
    db = sqlite3.connect(env["QUIZAPP_DATABASE"])
    rows = db.execute("SELECT users.username, reviews.item_id, reviews.response FROM reviews JOIN users ON users.id = reviews.user_id").fetchall()
    check = db.execute("PRAGMA integrity_check").fetchone()[0]
    db.close()
    return rows, check


@pytest.mark.parametrize("workers", [1, 2])
def test_concurrent_students_lose_nothing(prepared, workers):
    port = free_port()
    server = start_server(prepared, port, workers=workers)
    try:
        students = [Student(f"http://127.0.0.1:{port}", f"load{workers}_{i}") for i in range(20)]
        with ThreadPoolExecutor(max_workers=20) as pool:
            list(pool.map(lambda s: s.run(10), students))
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert [e for s in students for e in s.errors] == []
    acknowledged = sorted((s.name, item, response) for s in students for item, response in s.acknowledged)
    assert len(acknowledged) == 200
    rows, check = stored_answers(prepared)
    assert check == "ok"
    assert sorted(r for r in rows if r[0].startswith(f"load{workers}_")) == acknowledged
    if workers > 1:  # stopping `quizapp serve` stops its worker processes too: the port is free again
        import socket

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the workers take a moment to exit on a busy machine
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except OSError:
                break
            time.sleep(0.1)
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_killed_server_keeps_every_acknowledged_answer(prepared):
    port = free_port()
    server = start_server(prepared, port)
    students = [Student(f"http://127.0.0.1:{port}", f"crash{i}", timeout=5) for i in range(10)]
    threads = [threading.Thread(target=s.run, args=(40,)) for s in students]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120  # left as soon as 60 answers are in
    while sum(len(s.acknowledged) for s in students) < 60 and time.monotonic() < deadline:
        time.sleep(0.05)
    server.send_signal(signal.SIGKILL)
    server.wait(timeout=10)
    for thread in threads:
        thread.join(timeout=30)
    # counted, not a set: a missed question comes back in the session and may get the same answer again
    acknowledged = Counter((s.name, item, response) for s in students for item, response in s.acknowledged)
    assert acknowledged.total() >= 60
    rows, check = stored_answers(prepared)
    assert check == "ok"
    assert acknowledged <= Counter(rows)  # every answer the server confirmed survived the kill
    restarted = start_server(prepared, port)  # and the app comes back on the same database
    try:
        again = Student(f"http://127.0.0.1:{port}", "after_crash").run(3)
        assert again.errors == [] and len(again.acknowledged) == 3
    finally:
        restarted.terminate()
        restarted.wait(timeout=10)
