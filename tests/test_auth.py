"""Accounts: register, log in, log out, roles, and what bad input gets."""
import pytest

from quizapp import create_app, users
from quizapp.startup import prepare_instance

from .helpers import PASSWORD, csrf_token, make_user


def test_register_logs_the_new_student_in(client, db):
    response = client.post(
        "/auth/register", data={"username": "ana", "password": PASSWORD, "confirm": PASSWORD}, follow_redirects=True
    )
    assert b"Welcome, ana" in response.data
    assert b"Study now" in response.data
    user = users.find_user(db, "ana")
    assert user.role == "student"
    stored = db.execute("SELECT password_hash FROM users WHERE username = 'ana'").fetchone()[0]
    assert PASSWORD not in stored and stored.startswith(("scrypt:", "pbkdf2:"))


def test_register_page_has_the_contract_labels(client):
    html = client.get("/auth/register").get_data(as_text=True)
    for label in ('for="username">Username<', 'for="password">Password<', 'for="confirm">Confirm password<', ">Register</button>"):
        assert label in html


@pytest.mark.parametrize(
    "data, message",
    [
        ({"username": "", "password": PASSWORD, "confirm": PASSWORD}, "Choose a username."),
        ({"username": "ana", "password": "", "confirm": ""}, "Choose a password."),
        ({"username": "ana", "password": PASSWORD, "confirm": "something else"}, "The passwords do not match."),
        ({"username": "ana", "password": "short", "confirm": "short"}, "Use at least 8 characters."),
        ({"username": "a b<c>", "password": PASSWORD, "confirm": PASSWORD}, "Use letters, digits"),
    ],
)
def test_register_validation(client, db, data, message):
    response = client.post("/auth/register", data=data)
    assert response.status_code == 200
    assert message in response.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM users").fetchone()[0] == 0


def test_taken_username_is_refused_whatever_its_case(client, db):
    make_user(db, "Ana")
    response = client.post("/auth/register", data={"username": "ana", "password": PASSWORD, "confirm": PASSWORD})
    assert "That username is already taken" in response.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM users").fetchone()[0] == 1


def test_login_and_logout(client, db):
    make_user(db, "ana")
    response = client.post("/auth/login", data={"username": "ana", "password": PASSWORD})
    assert response.status_code == 302
    assert "ana" in client.get("/").get_data(as_text=True)
    assert client.post("/auth/logout").status_code == 302
    assert client.get("/study/progress").status_code == 302  # back to the login page


def test_logout_is_not_a_get(client, auth):
    auth.login_as("student")
    assert client.get("/auth/logout").status_code == 405


@pytest.mark.parametrize("username, password", [("ana", "wrong password"), ("nobody", PASSWORD)])
def test_wrong_login_gets_one_message(client, db, username, password):
    make_user(db, "ana")
    html = client.post("/auth/login", data={"username": username, "password": password}).get_data(as_text=True)
    assert "Wrong username or password." in html


@pytest.mark.parametrize(
    "target, expected",
    [("/study/progress", "/study/progress"), ("https://evil.example/", "/"), ("//evil.example/x", "/"), ("/\\evil", "/")],
)
def test_next_only_redirects_inside_the_app(client, db, target, expected):
    make_user(db, "ana")
    response = client.post(f"/auth/login?next={target}", data={"username": "ana", "password": PASSWORD})
    assert response.headers["Location"] == expected


def test_student_is_refused_teacher_pages(client, auth):
    auth.login_as("student")
    assert client.get("/teacher/").status_code == 403
    assert client.get("/teacher/results.csv").status_code == 403


def test_teacher_reaches_teacher_pages(client, auth):
    auth.login_as("teacher")
    assert client.get("/teacher/").status_code == 200


def test_anonymous_is_sent_to_login(client):
    response = client.get("/teacher/")
    assert response.status_code == 302 and "/auth/login" in response.headers["Location"]


def test_unknown_url_is_a_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "There is nothing at this address." in response.get_data(as_text=True)


@pytest.fixture
def csrf_app(tmp_path):
    app = create_app({"TESTING": True, "DATABASE": str(tmp_path / "csrf.db"), "SECRET_KEY": "k", "FSRS_FUZZ": False})
    prepare_instance(app)
    return app


def test_forms_without_csrf_token_are_refused(csrf_app):
    client = csrf_app.test_client()
    response = client.post("/auth/register", data={"username": "ana", "password": PASSWORD, "confirm": PASSWORD})
    assert response.status_code == 400
    assert "security token" in response.get_data(as_text=True)
    token = csrf_token(client.get("/auth/register").get_data(as_text=True))
    response = client.post(
        "/auth/register", data={"username": "ana", "password": PASSWORD, "confirm": PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


def test_secret_key_is_generated_once_with_owner_only_permissions(tmp_path, monkeypatch):
    monkeypatch.delenv("QUIZAPP_SECRET_KEY", raising=False)
    app = create_app({"DATABASE": str(tmp_path / "k.db")})
    assert not app.config.get("SECRET_KEY") and not list(tmp_path.iterdir())  # building the app writes nothing
    prepare_instance(app)
    again = create_app({"DATABASE": str(tmp_path / "k.db")})
    prepare_instance(again)
    assert app.config["SECRET_KEY"] == again.config["SECRET_KEY"] and len(app.config["SECRET_KEY"]) >= 64
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600


def test_secret_key_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "from the environment")
    app = create_app({"DATABASE": str(tmp_path / "e.db")})
    prepare_instance(app)
    assert app.config["SECRET_KEY"] == "from the environment"
    assert not (tmp_path / "secret_key").exists()


def test_security_headers(client):
    headers = client.get("/auth/login").headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("sent, stored", [("Asia/Kolkata", "Asia/Kolkata"), ("Mars/Olympus", "UTC"), (None, "UTC")])
def test_registration_keeps_a_valid_time_zone(client, db, sent, stored):
    data = {"username": "ana", "password": PASSWORD, "confirm": PASSWORD}
    if sent:
        data["timezone"] = sent
    client.post("/auth/register", data=data)
    assert users.find_user(db, "ana").timezone == stored


def test_a_teacher_lands_on_the_dashboard_and_a_student_on_study(client, auth, db):
    from .helpers import make_user

    make_user(db, "mrs_lee", "teacher")
    make_user(db, "pupil")
    assert auth.login("mrs_lee").headers["Location"] == "/teacher/"
    auth.logout()
    assert auth.login("pupil").headers["Location"] == "/"
    auth.logout()
    assert client.post("/auth/login?next=/study/progress",
                       data={"username": "mrs_lee", "password": "correct horse battery"}).headers["Location"] == "/study/progress"
