"""Issue 12, case 5 (found by its load test): opening another connection in a server process must not drop the
locks the process's other connections hold, or a `quizapp backup` closing its own connection removes the log the
server still writes to, and the answers written after it are lost."""
import os
import subprocess
import sys

from quizapp.db import connect, write_transaction

CLOSE_ANOTHER_CONNECTION = """
import sqlite3, sys
other = sqlite3.connect(sys.argv[1])
other.execute("SELECT count(*) FROM answers").fetchone()
other.close()  # as `quizapp backup` does at its end: the last connection to close checkpoints and removes the log
"""


def test_a_new_connection_keeps_the_others_locks(tmp_path):
    path = str(tmp_path / "live.db")
    first = connect(path)  # a server thread's connection, kept open
    first.execute("CREATE TABLE answers (id INTEGER PRIMARY KEY, text TEXT)")
    with write_transaction(first):
        first.execute("INSERT INTO answers (text) VALUES ('before')")
    second = connect(path)  # another thread's first request opens its own connection
    subprocess.run([sys.executable, "-c", CLOSE_ANOTHER_CONNECTION, path], check=True, timeout=60)
    assert os.path.exists(path + "-wal")  # the server's connections are still open: the log stays
    with write_transaction(first):
        first.execute("INSERT INTO answers (text) VALUES ('after')")
    first.conn.close()
    second.conn.close()
    reopened = connect(path)
    assert [row[0] for row in reopened.execute("SELECT text FROM answers ORDER BY id")] == ["before", "after"]
    reopened.conn.close()
