"""Issue 12, case 7: logging out (or a new password) ends the session; remember-me tokens rotate and die."""
import pytest

from quizapp import create_app, users
from quizapp.clock import utcnow
from quizapp.db import connect
from quizapp.startup import prepare_instance
from quizapp.study import services as practice

from .helpers import PASSWORD, make_article, make_item, make_user


@pytest.fixture
def site(tmp_path):
    """The app, not named `app`: pytest-flask would push one request context for the whole test, and
    Flask-Login's user cached in its `g` would then outlive logouts and cross between clients."""
    site = create_app({"TESTING": True, "DATABASE": str(tmp_path / "test.db"), "SECRET_KEY": "test key",
                       "WTF_CSRF_ENABLED": False, "FSRS_FUZZ": False})
    prepare_instance(site)
    return site


@pytest.fixture
def db(site):
    database = connect(site.config["DATABASE"])
    yield database
    database.close()


@pytest.fixture
def client(site):
    return site.test_client()


def logged_in(client):
    """Whether this client's cookies open the student's dashboard (the welcome page otherwise)."""
    response = client.get("/")
    assert response.status_code == 200
    return "Log out" in response.get_data(as_text=True)


def cookie(client, name):
    found = client.get_cookie(name)
    return found.value if found else None


@pytest.fixture
def other(site):
    """A second browser: another device, or an attacker with copied cookies."""
    return site.test_client()


def test_a_copied_session_cookie_dies_at_logout(client, other, db):
    make_article(db, [make_item("short_answer", "Who leads?", "Ana Lopez")], title="News")
    ana = make_user(db, "ana")
    client.post("/auth/login", data={"username": "ana", "password": PASSWORD})
    session_id = practice.start_session(db, ana, utcnow())
    client.get(f"/study/{session_id}")
    other.set_cookie("session", cookie(client, "session"))
    assert logged_in(other)  # control: the copy works while the session lasts
    client.post("/auth/logout")
    assert not logged_in(client)
    assert not logged_in(other)
    item_id = db.execute("SELECT id FROM items").fetchone()[0]
    answer = other.post(f"/study/{session_id}/answer", data={"item_id": item_id, "response": "Ana Lopez"})
    assert answer.status_code == 302 and "/auth/login" in answer.headers["Location"]
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_remember_me_tokens_differ_per_login_and_die_at_logout(site, client, db):
    make_user(db, "ana")
    tokens = []
    for _ in range(2):
        client.post("/auth/login", data={"username": "ana", "password": PASSWORD, "remember": "y"})
        tokens.append(cookie(client, "remember_token"))
        client.delete_cookie("session")  # a browser closed and opened again: only the remember-me cookie is left
        assert logged_in(client)
    assert None not in tokens and tokens[0] != tokens[1]
    stolen = site.test_client()
    stolen.set_cookie("remember_token", tokens[1])
    assert logged_in(stolen)  # control: the token works until logout
    client.post("/auth/logout")
    for token in tokens:
        fresh = site.test_client()
        fresh.set_cookie("remember_token", token)
        assert not logged_in(fresh)


def test_logout_ends_the_sessions_on_every_device(client, other, db):
    make_user(db, "ana")
    for browser in (client, other):
        assert browser.post("/auth/login", data={"username": "ana", "password": PASSWORD}).status_code == 302
    assert logged_in(other)
    client.post("/auth/logout")
    assert not logged_in(other)
    assert other.post("/auth/login", data={"username": "ana", "password": PASSWORD}).status_code == 302
    assert logged_in(other)  # logging in again works at once


def test_a_new_password_ends_the_old_sessions(client, db):
    ana = make_user(db, "ana")
    client.post("/auth/login", data={"username": "ana", "password": PASSWORD})
    assert logged_in(client)
    users.set_password(db, ana.id, "a brand new passphrase")
    assert not logged_in(client)
    assert users.authenticate(db, "ana", PASSWORD) is None
    assert users.authenticate(db, "ana", "a brand new passphrase").id == ana.id


@pytest.mark.parametrize("session_id", ["1", "1:x", "x:0", "99999999999999999999999:0", "", "1:0:0:0"])
def test_a_cookie_without_the_current_version_names_nobody(db, session_id):
    ana = make_user(db, "ana")
    assert users.load_session_user(db, f"{ana.id}:0:abc").id == ana.id  # control
    expected = ana.id if session_id == "1:0:0:0" else None
    found = users.load_session_user(db, session_id)
    assert (found.id if found else None) == expected
