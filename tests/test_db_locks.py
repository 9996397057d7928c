"""Opening the database never drops the locks of the connections already open in this process."""
import sqlite3
import subprocess
import sys

from quizapp.db import connect


def test_a_second_connection_keeps_the_first_ones_wal_alive(tmp_path):
    path = str(tmp_path / "live.db")
    first = connect(path)
    first.conn.execute("CREATE TABLE t (x)")
    first.conn.execute("INSERT INTO t VALUES (1)")
    first.conn.commit()
    second = connect(path)  # as a server thread's first request does
    # another process opens and closes the database: with this process's locks gone it would
    # checkpoint and delete the -wal file the first connection still writes to
    subprocess.run([sys.executable, "-c", f"import sqlite3; c = sqlite3.connect({path!r}); "
                    "c.execute('SELECT count(*) FROM t').fetchone(); c.close()"], check=True)
    first.conn.execute("INSERT INTO t VALUES (2)")
    first.conn.commit()
    fresh = sqlite3.connect(path)
    assert fresh.execute("SELECT count(*) FROM t").fetchone() == (2,)  # the write is there for everyone
    fresh.close()
    second.close()
    first.close()
