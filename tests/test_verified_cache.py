"""Security review of the verified-value cache (quizapp/extensions.py, `_OnceSignerSerializer`): a session cookie or
CSRF token it remembers as verified never outlives a log-out, never verifies as another user, and does not
survive the secret key it was verified under. Real app, real SQLite file, the cache warmed before every check."""
import re

from quizapp import create_app

from .helpers import PASSWORD, make_user

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def _app(db, **config):
    path = db.conn.execute("PRAGMA database_list").fetchone()[2]
    return create_app({"TESTING": True, "DATABASE": path, "SECRET_KEY": "old key", "FSRS_FUZZ": False, **config})


def _log_in(app, name):
    client = app.test_client()
    page = client.get("/auth/login").get_data(as_text=True)
    reply = client.post("/auth/login", data={"username": name, "password": PASSWORD,
                                             "csrf_token": TOKEN.search(page).group(1)})
    assert reply.status_code == 302
    return client


def _with_cookie(app, value):
    """A new browser holding a copied session cookie."""
    client = app.test_client()
    client.set_cookie("session", value)
    return client


def _remembered(app):
    return len(app.session_interface.get_signing_serializer(app).__dict__.get("_verified", {}))


def test_a_copied_cookie_is_refused_after_log_out_though_its_signature_is_remembered(db):
    make_user(db, "ana")
    app = _app(db)
    ana = _log_in(app, "ana")
    copied = ana.get_cookie("session").value
    assert ana.get("/auth/password").status_code == 200
    assert _with_cookie(app, copied).get("/auth/password").status_code == 200  # positive control: the copy works
    assert _remembered(app) >= 1  # ... and its signature is now remembered as verified
    page = ana.get("/auth/password").get_data(as_text=True)
    assert ana.post("/auth/logout", data={"csrf_token": TOKEN.search(page).group(1)}).status_code == 302
    replay = _with_cookie(app, copied).get("/auth/password")  # the same bytes: a cache hit, the user still checked
    assert replay.status_code == 302 and "/auth/login" in replay.headers["Location"]


def test_a_new_password_ends_a_copied_cookie_that_was_remembered(db):
    make_user(db, "ana")
    app = _app(db)
    ana = _log_in(app, "ana")
    thief = _with_cookie(app, ana.get_cookie("session").value)
    assert thief.get("/auth/password").status_code == 200  # remembered now
    page = ana.get("/auth/password").get_data(as_text=True)
    changed = ana.post("/auth/password", data={"csrf_token": TOKEN.search(page).group(1), "current": PASSWORD,
                                               "new": "a new long password", "confirm": "a new long password",
                                               "timezone": "UTC"})
    assert changed.status_code == 302, changed.get_data(as_text=True)[:500]
    assert ana.get("/auth/password").status_code == 200  # her own browser goes on
    assert thief.get("/auth/password").status_code == 302  # the copy does not


def test_each_remembered_cookie_verifies_only_as_its_own_user(db):
    make_user(db, "ana")
    make_user(db, "ben")
    app = _app(db)
    clients = {name: _log_in(app, name) for name in ("ana", "ben")}
    for _ in range(2):  # the second round is served from the cache
        for name, client in clients.items():
            page = client.get("/auth/password").get_data(as_text=True)
            other = "ben" if name == "ana" else "ana"
            assert f'class="who">{name}<' in page and f'class="who">{other}<' not in page
    cookies = {name: client.get_cookie("session").value for name, client in clients.items()}
    assert cookies["ana"] != cookies["ben"]
    serializer = app.session_interface.get_signing_serializer(app)
    users = {name: serializer.loads(value)["_user_id"].split(":")[0] for name, value in cookies.items()}
    assert users["ana"] != users["ben"]


def test_a_remembered_cookie_lasts_while_its_key_is_a_fallback_and_not_after(db):
    make_user(db, "ana")
    app = _app(db)
    ana = _log_in(app, "ana")
    assert ana.get("/auth/password").status_code == 200  # remembered under the old key
    app.config.update(SECRET_KEY="new key", SECRET_KEY_FALLBACKS=["old key"])
    app.secret_key = "new key"
    assert ana.get("/auth/password").status_code == 200  # positive control: the old key is still accepted
    app.config["SECRET_KEY_FALLBACKS"] = []
    assert ana.get("/auth/password").status_code == 302  # the old key retired: the remembered cookie with it


def test_a_remembered_csrf_token_is_refused_once_the_key_changes(db):
    make_user(db, "ana")
    app = _app(db)
    ana = _log_in(app, "ana")
    page = ana.get("/auth/password").get_data(as_text=True)
    old = TOKEN.search(page).group(1)
    wrong = {"current": "not it", "new": "a new long password", "confirm": "a new long password", "timezone": "UTC"}
    assert ana.post("/auth/password", data={**wrong, "csrf_token": old}).status_code == 400  # form error: token good
    assert "That is not your current password" in ana.post(
        "/auth/password", data={**wrong, "csrf_token": old}).get_data(as_text=True)  # remembered, still good
    app.config.update(SECRET_KEY="new key", SECRET_KEY_FALLBACKS=["old key"])  # the session survives ...
    app.secret_key = "new key"
    refused = ana.post("/auth/password", data={**wrong, "csrf_token": old})  # ... a token of the old key does not
    assert refused.status_code == 400 and "security token" in refused.get_data(as_text=True)
    assert "That is not your current password" not in refused.get_data(as_text=True)
    fresh = TOKEN.search(ana.get("/auth/password").get_data(as_text=True)).group(1)
    assert "That is not your current password" in ana.post(
        "/auth/password", data={**wrong, "csrf_token": fresh}).get_data(as_text=True)
