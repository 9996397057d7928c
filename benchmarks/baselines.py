"""The two yardsticks benchmarks/load.py serves beside quizapp, each under waitress the way
`quizapp serve` serves (SO_REUSEPORT workers, the same threads and switch interval).

- `bare`: a Flask route that does nothing (the issue's baseline).
- `floor`: the least an answer can do on the fixed stack: read the signed session cookie,
  load the user with Flask-Login from SQLite, check the CSRF token (Flask-WTF), insert one
  row in a write transaction, redirect. No template, no scheduling: what any authenticated
  form POST costs before quizapp's own work starts.

Usage: python benchmarks/baselines.py bare|floor PORT THREADS DATABASE
"""
import fcntl
import logging
import os
import socket
import sqlite3
import sys
import threading

import waitress
from flask import Flask, redirect, request
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user
from flask_wtf.csrf import CSRFProtect, generate_csrf


def bare_app():
    app = Flask("bare")

    @app.post("/answer")
    def answer():
        return "", 302, {"Location": "/"}

    return app


class User(UserMixin):
    def __init__(self, user_id):
        self.id = user_id


def floor_app(database):
    app = Flask("floor")
    app.config.update(SECRET_KEY="floor benchmark key", SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
    CSRFProtect(app)
    logins = LoginManager(app)
    setup = sqlite3.connect(database)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.executescript(
        "CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT);"
        "CREATE TABLE IF NOT EXISTS answers (id INTEGER PRIMARY KEY, user_id INTEGER, response TEXT);"
    )
    setup.close()

    local, write_lock = threading.local(), threading.Lock()
    lock_fd = os.open(database + "-writelock", os.O_RDWR | os.O_CREAT, 0o600)

    def db():  # one connection per server thread, kept open, as quizapp does
        if not hasattr(local, "db"):
            local.db = sqlite3.connect(database, isolation_level=None)
            local.db.execute("PRAGMA synchronous=NORMAL")
            local.db.execute("PRAGMA busy_timeout=10000")
        return local.db

    @logins.user_loader
    def load_user(user_id):
        row = db().execute("SELECT id FROM users WHERE id = ?", [int(user_id)]).fetchone()
        return User(row[0]) if row else None

    @app.get("/login")
    def login():
        user_id = db().execute("INSERT INTO users (name) VALUES ('student')").lastrowid
        login_user(User(user_id))
        return f'<input name="csrf_token" type="hidden" value="{generate_csrf()}">'

    @app.post("/answer")
    @login_required
    def answer():
        connection = db()
        with write_lock:  # writers queue on a thread lock, then a file lock, as in quizapp.db
            fcntl.flock(lock_fd, fcntl.LOCK_EX)
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.execute("INSERT INTO answers (user_id, response) VALUES (?, ?)",
                                   [current_user.id, request.form.get("response", "")])
                connection.execute("COMMIT")
            finally:
                fcntl.flock(lock_fd, fcntl.LOCK_UN)
        return redirect("/")

    return app


def main():
    kind, port, threads, database = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    sys.setswitchinterval(0.0005)  # as `quizapp serve` does
    app = bare_app() if kind == "bare" else floor_app(database)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(1024)
    print("listening", flush=True)  # benchmarks/load.py starts posting once every process has said so
    waitress.serve(app, sockets=[sock], threads=threads, _quiet=True)


if __name__ == "__main__":
    main()
