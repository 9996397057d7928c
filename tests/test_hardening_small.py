"""Issue 12, case 9: look-alike usernames, `back=`, no-store, owner-only files, a trusted proxy, a password policy."""
import os
import stat
import subprocess
import sys
import time

import http.client
import pytest

from quizapp import create_app, users
from quizapp.db import connect
from quizapp.startup import prepare_instance

from .helpers import PASSWORD, make_article, make_item, make_user
from .load_driver import QUIZAPP, free_port


def register(client, username, password=PASSWORD, **extra):
    return client.post("/auth/register", data={"username": username, "password": password, "confirm": password}, **extra)


@pytest.mark.parametrize("look_alike", ["ana\n", "ana\r\n", " ana ", "ANA\n"])
def test_a_username_with_a_trailing_newline_is_the_same_name(client, db, look_alike):
    make_user(db, "ana")
    response = register(client, look_alike)
    assert "That username is already taken." in response.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM users").fetchone()[0] == 1
    assert client.post("/auth/login", data={"username": "ana\n", "password": PASSWORD}).status_code == 302


def test_a_new_name_with_a_trailing_newline_is_stored_without_it(client, db):
    assert register(client, "ben\n").status_code == 302
    assert [row[0] for row in db.execute("SELECT username FROM users")] == ["ben"]


@pytest.mark.parametrize("back, expected", [
    ("https://evil.example/", "/teacher/questions"), ("//evil.example/", "/teacher/questions"),
    ("/teacher/review", "/teacher/review"), ("/x\r\nSet-Cookie: a=b", "/teacher/questions"),
])
def test_the_question_editor_goes_back_only_to_app_paths(client, auth, db, back, expected):
    make_article(db, [make_item("short_answer", "Who leads?", "Ana Lopez")], title="News")
    auth.login_as("teacher", "mrs_lee")
    item_id = db.execute("SELECT id FROM items").fetchone()[0]
    response = client.post(f"/teacher/questions/{item_id}/edit", query_string={"back": back}, data={
        "article": 1, "kind": "short_answer", "prompt": "Who leads now?", "answer": "Ana Lopez"})
    assert response.status_code == 302 and response.headers["Location"] == expected


def test_personal_pages_and_exports_are_not_stored_by_caches(client, auth, db):
    make_article(db, [make_item("short_answer", "Who leads?", "Ana Lopez")], title="News")
    assert "no-store" not in client.get("/auth/login").headers.get("Cache-Control", "")  # control: a public page
    assert "no-store" not in client.get("/static/style.css").headers.get("Cache-Control", "")
    auth.login_as("student", "ana")
    for url in ("/", "/study/progress"):
        assert client.get(url).headers.get("Cache-Control") == "no-store", url
    auth.logout()
    auth.login_as("teacher", "mrs_lee")
    for url in ("/teacher/", "/teacher/results.csv", "/teacher/questions.csv", "/teacher/summary.csv", "/teacher/questions"):
        response = client.get(url)
        response.get_data()  # a streamed export ends its request context
        assert response.status_code == 200 and response.headers.get("Cache-Control") == "no-store", url


def test_the_database_is_owner_only_and_an_old_one_is_made_so(tmp_path):
    old = umask = os.umask(0o022)
    try:
        new_path = tmp_path / "new" / "quizapp.db"
        connect(str(new_path)).close()
        assert stat.S_IMODE(new_path.stat().st_mode) == 0o600
        legacy = tmp_path / "legacy.db"
        legacy.touch(mode=0o644)
        legacy.chmod(0o644)
        app = create_app({"DATABASE": str(legacy), "SECRET_KEY": "k"})
        prepare_instance(app)
        db = connect(str(legacy))
        db.execute("INSERT INTO registrations (address, registered_at) VALUES ('x', 'y')")
        db.conn.commit()
        for path in (legacy, tmp_path / "legacy.db-wal", tmp_path / "legacy.db-shm"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        db.close()
    finally:
        os.umask(umask if old is None else old)


@pytest.mark.parametrize("behind_proxy", [False, True])
def test_behind_a_proxy_the_forwarded_scheme_and_address_count(tmp_path, behind_proxy):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "p.db"), "SECRET_KEY": "k", "WTF_CSRF_ENABLED": False,
                      "BEHIND_PROXY": behind_proxy})
    prepare_instance(app)
    db = connect(app.config["DATABASE"])
    make_user(db, "ana")
    client = app.test_client()
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "10.20.30.40", "X-Forwarded-Host": "quiz.school.example"}
    client.post("/auth/login", data={"username": "ana", "password": "wrong"}, headers=forwarded)
    response = client.post("/auth/login", data={"username": "ana", "password": PASSWORD}, headers=forwarded)
    assert response.status_code == 302
    cookies = response.headers.getlist("Set-Cookie")
    assert all(("; Secure" in c) == behind_proxy for c in cookies) and cookies
    client.post("/auth/login", data={"username": "ana", "password": "wrong"}, headers=forwarded)
    addresses = [row[0] for row in db.execute("SELECT address FROM login_failures")]
    assert addresses == (["10.20.30.40"] if behind_proxy else ["127.0.0.1"])
    db.close()


@pytest.mark.slow
def test_serve_behind_proxy_sets_secure_cookies(tmp_path):
    env = {**os.environ, "QUIZAPP_DATABASE": str(tmp_path / "s.db"), "QUIZAPP_SECRET_KEY": "k"}
    port = free_port()
    server = subprocess.Popen([str(QUIZAPP), "serve", "--port", str(port), "--behind-proxy"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
                connection.request("GET", "/auth/login", headers={"X-Forwarded-Proto": "https"})
                reply = connection.getresponse()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "serve did not start"
                time.sleep(0.2)
        cookies = [v for k, v in reply.getheaders() if k.lower() == "set-cookie"]
        assert cookies and all("; Secure" in c for c in cookies)
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("username, password, message", [
    ("ana", "short", "Use at least 8 characters."),
    ("teacher", "teacher1", "Choose a password that is not your username."),
    ("mrs_lee12", "MRS_LEE12", "Choose a password that is not your username."),
    ("ana", "password", "That password is among the most common ones; choose another."),
    ("ana", "Password123", "That password is among the most common ones; choose another."),
    ("ana", "12345678", "That password is among the most common ones; choose another."),
    ("ana", "correct horse battery", None),
    ("ana", "banana bread 7", None),
])
def test_password_policy(username, password, message):
    assert users.password_problem(username, password) == message


def test_registration_refuses_a_weak_password_next_to_the_field(client, db):
    html = register(client, "ana", "password").get_data(as_text=True)
    assert 'id="password-error">That password is among the most common ones' in html
    assert 'value="ana"' in html  # the username typed is kept
    assert db.execute("SELECT count(*) FROM users").fetchone()[0] == 0
    assert register(client, "ana").status_code == 302  # control


def test_add_user_refuses_a_weak_password(runner, db):
    result = runner.invoke(["add-user", "kim", "--password", "kim12345"])
    assert result.exit_code == 1 and "not your username" in result.output and "Traceback" not in result.output
    assert runner.invoke(["add-user", "kim", "--password", "password1"]).exit_code == 1
    assert users.find_user(db, "kim") is None
