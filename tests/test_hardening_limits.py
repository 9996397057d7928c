"""Issue 12, cases 1-3: a throttle that cannot lock out the owner, and inputs bounded where they enter."""
import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from quizapp import users
from quizapp.auth import services as auth_services
from quizapp.clock import to_iso, utcnow
from quizapp.study import services as practice

from .helpers import PASSWORD, make_article, make_item, make_user
from .load_driver import TOKEN, Browser, free_port, prepare_database, server_env, start_server

ATTACKER = {"REMOTE_ADDR": "10.6.6.6"}


def failures(db, **where):
    sql = "SELECT count(*) FROM login_failures" + "".join(
        f" {'WHERE' if i == 0 else 'AND'} {k} = ?" for i, k in enumerate(where))
    return db.execute(sql, list(where.values())).fetchone()[0]


def age_failures(db, seconds):
    """Move every failed log-in `seconds` into the past."""
    for row_id, at in db.execute("SELECT id, failed_at FROM login_failures").fetchall():
        moved = dt.datetime.fromisoformat(at) - dt.timedelta(seconds=seconds)
        db.execute("UPDATE login_failures SET failed_at = ? WHERE id = ?", [to_iso(moved), row_id])
    db.conn.commit()


# --- case 1: throttling ---------------------------------------------------------------

def test_wrong_passwords_from_elsewhere_never_lock_out_the_owner(client, db, app):
    make_user(db, "teacher", role="teacher")
    answers = [client.post("/auth/login", data={"username": "teacher", "password": "guess"}, environ_base=ATTACKER)
               for _ in range(12)]
    assert [r.status_code for r in answers] == [200] * 5 + [429] * 7  # the attacker's address is paused
    assert client.post("/auth/login", data={"username": "teacher", "password": PASSWORD},
                       environ_base=ATTACKER).status_code == 429  # even with the right password, from there
    assert client.post("/auth/login", data={"username": "teacher", "password": PASSWORD}).status_code == 302  # the owner's own device


def test_an_address_over_the_limit_waits_longer_after_each_failure(client, db, app):
    make_user(db, "ana")
    for _ in range(5):
        client.post("/auth/login", data={"username": "ana", "password": "guess"}, environ_base=ATTACKER)
    paused = client.post("/auth/login", data={"username": "ana", "password": "guess"}, environ_base=ATTACKER)
    assert paused.status_code == 429 and "Wait 1 minute and try again." in paused.get_data(as_text=True)
    age_failures(db, 61)  # the first pause is over: one more try
    assert client.post("/auth/login", data={"username": "ana", "password": "guess"}, environ_base=ATTACKER).status_code == 200
    age_failures(db, 61)  # one minute is no longer enough after a sixth failure
    again = client.post("/auth/login", data={"username": "ana", "password": PASSWORD}, environ_base=ATTACKER)
    assert again.status_code == 429 and "Wait 1 minute" in again.get_data(as_text=True)
    age_failures(db, 60)
    assert client.post("/auth/login", data={"username": "ana", "password": PASSWORD}, environ_base=ATTACKER).status_code == 302
    assert failures(db, address="10.6.6.6") == 0  # the right password forgets that address's failures for ana


def test_the_backoff_doubles_and_stops_at_the_lock_time():
    now, lock = utcnow(), dt.timedelta(minutes=15)
    waits = [auth_services.backoff(n, now, 5, now, lock) for n in (4, 5, 6, 7, 8, 9, 40)]
    assert waits == [dt.timedelta(minutes=m) for m in (0, 1, 2, 4, 8, 15, 15)]


def test_guessing_many_accounts_from_one_address_backs_off(client, db, app):
    app.config["LOGIN_FAILURES_PER_ADDRESS"] = 4
    make_user(db, "ana")
    for name in ("a1", "a2", "a3", "a4"):
        assert client.post("/auth/login", data={"username": name, "password": "nope"}, environ_base=ATTACKER).status_code == 200
    assert client.post("/auth/login", data={"username": "ana", "password": PASSWORD}, environ_base=ATTACKER).status_code == 429
    assert client.post("/auth/login", data={"username": "ana", "password": PASSWORD}).status_code == 302


def test_old_failures_are_pruned(client, db):
    make_user(db, "ana")
    db.execute("INSERT INTO login_failures (username, address, failed_at) VALUES ('x', '1.2.3.4', '2000-01-01T00:00:00+00:00')")
    db.conn.commit()
    client.post("/auth/login", data={"username": "ana", "password": "guess"})
    assert failures(db, address="1.2.3.4") == 0 and failures(db) == 1


def test_parallel_guesses_cannot_pass_the_limit(db, app):
    """The service itself, from many threads at once on their own connections."""
    make_user(db, "ana")
    from quizapp.db import connect

    start = threading.Barrier(16)

    def guess(_):
        conn = connect(app.config["DATABASE"])
        try:
            start.wait()
            auth_services.log_in(conn, "ana", "guess", "10.6.6.6", utcnow(), per_account=5, per_address=30, lock_minutes=15)
            return "wrong"
        except auth_services.TooManyFailures:
            return "paused"
        finally:
            conn.close()

    with ThreadPoolExecutor(16) as pool:
        outcomes = list(pool.map(guess, range(16)))
    assert outcomes.count("wrong") == 5 and outcomes.count("paused") == 11
    assert failures(db, username="ana") == 5


@pytest.mark.slow
def test_parallel_guesses_against_a_real_server(tmp_path):
    env = server_env(tmp_path)
    prepare_database(env)
    port = free_port()
    server = start_server(env, port, threads=4, workers=2)
    try:
        base = f"http://127.0.0.1:{port}"
        browsers = [Browser(30) for _ in range(16)]
        tokens = [TOKEN.search(b.get(f"{base}/auth/login").text).group(1) for b in browsers]
        start = threading.Barrier(len(browsers))

        def guess(pair):
            browser, token = pair
            start.wait()
            return browser.post(f"{base}/auth/login", {"csrf_token": token, "username": "teacher", "password": "guess"}).status_code

        with ThreadPoolExecutor(len(browsers)) as pool:
            codes = list(pool.map(guess, zip(browsers, tokens)))
        assert sorted(codes) == [200] * 5 + [429] * 11
    finally:
        server.terminate()
        server.wait(timeout=10)
    import sqlite3
    stored = sqlite3.connect(env["QUIZAPP_DATABASE"])
    assert stored.execute("SELECT count(*) FROM login_failures").fetchone()[0] == 5
    stored.close()


# --- case 2: nothing unbounded is stored from the log-in and registration forms --------

def test_a_huge_username_on_login_is_refused_before_anything_is_stored(client, db):
    make_user(db, "ana")
    response = client.post("/auth/login", data={"username": "x" * 1_000_000, "password": "guess"})
    assert response.status_code == 200
    assert "A username has at most 40 characters." in response.get_data(as_text=True)
    assert failures(db) == 0
    client.post("/auth/login", data={"username": "x" * 40, "password": "guess"})
    assert failures(db) == 1  # control: a wrong log-in of normal size is counted


def test_a_huge_username_on_registration_is_refused(client, db):
    response = client.post("/auth/register", data={"username": "x" * 1_000_000, "password": PASSWORD, "confirm": PASSWORD})
    assert "A username has at most 40 characters." in response.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM users").fetchone()[0] == 0


def test_registrations_per_address_per_hour(client, db, app):
    app.config["REGISTRATIONS_PER_ADDRESS_PER_HOUR"] = 3

    def register(name, **extra):
        client.post("/auth/logout")
        return client.post("/auth/register", data={"username": name, "password": PASSWORD, "confirm": PASSWORD}, **extra)

    assert [register(f"pupil{i}").status_code for i in range(3)] == [302] * 3
    refused = register("pupil3")
    assert refused.status_code == 429 and "Too many accounts were registered" in refused.get_data(as_text=True)
    assert users.find_user(db, "pupil3") is None
    assert register("pupil3", environ_base={"REMOTE_ADDR": "10.1.1.1"}).status_code == 302  # another network
    db.execute("UPDATE registrations SET registered_at = '2000-01-01T00:00:00+00:00'")
    db.conn.commit()
    assert register("pupil4").status_code == 302  # an hour later


# --- case 3: a choice is an answer; reports are bounded ------------------------------

@pytest.fixture
def studying(db, auth):
    make_article(db, [make_item("multiple_choice", "Who leads?", "Ana Lopez", choices=["Ana Lopez", "Ben Ode"])],
                 title="News")
    ana = auth.login_as("student", "ana")
    session_id = practice.start_session(db, ana, utcnow())
    item_id = db.execute("SELECT id FROM items").fetchone()[0]
    assert "Who leads?" in auth.client.get(f"/study/{session_id}").get_data(as_text=True)  # shown, so it can be answered
    return session_id, item_id


def test_a_choice_is_capped_like_a_typed_answer(client, db, studying):
    session_id, item_id = studying
    response = client.post(f"/study/{session_id}/answer", data={"item_id": item_id, "choice": "x" * 100_000})
    assert response.status_code == 400 and "Keep the answer under 500 characters." in response.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert client.post(f"/study/{session_id}/answer", data={"item_id": item_id, "choice": "Ana Lopez"}).status_code == 302
    assert db.execute("SELECT response, correct FROM reviews").fetchall() == [("Ana Lopez", 1)]


POSTS = [{}, {"item_id": ""}, {"item_id": "7"}, {"item_id": "x", "response": "Ana"}, {"response": "y" * 501},
         {"item_id": "7", "response": "y" * 500, "choice": "z" * 501}, {"item_id": "7", "choice": ""},
         {"item_id": ["7", "8"], "response": ["first", "second"]}, {"item_id": "7", "rating": "Easy"},
         {"item_id": "", "rating": "Good", "response": "y" * 600}]


@pytest.mark.parametrize("posted", POSTS)
def test_the_answer_and_rating_fields_are_read_as_their_wtforms_forms_would_read_them(app, posted):
    """The study POSTs read their few fields without building a WTForms form: the same values and messages
    as a FlaskForm of those fields (declared here as the study forms were) on every sort of post."""
    from flask_wtf import FlaskForm
    from werkzeug.datastructures import MultiDict
    from wtforms import HiddenField, StringField
    from wtforms.validators import InputRequired, Length

    from quizapp.study.forms import ANSWER_TOO_LONG, MAX_ANSWER, AnswerPost, RatePost

    class AnswerForm(FlaskForm):
        class Meta:
            csrf = False

        item_id = HiddenField(validators=[InputRequired()])
        response = StringField(validators=[Length(max=MAX_ANSWER, message=ANSWER_TOO_LONG)])
        choice = StringField(validators=[Length(max=MAX_ANSWER, message=ANSWER_TOO_LONG)])

    class RateForm(FlaskForm):
        class Meta:
            csrf = False

        item_id = HiddenField(validators=[InputRequired()])
        rating = HiddenField()

    formdata = MultiDict([(name, value) for name, values in posted.items()
                          for value in (values if isinstance(values, list) else [values])])
    with app.test_request_context("/", method="POST", data=formdata):
        wtf_answer, wtf_rate = AnswerForm(), RateForm()
        wtf_answer.validate(), wtf_rate.validate()
        answer, rate = AnswerPost(formdata), RatePost(formdata)
    assert (answer.item_id, answer.response, answer.choice) == (
        wtf_answer.item_id.data, wtf_answer.response.data, wtf_answer.choice.data)
    assert answer.errors == sum(wtf_answer.errors.values(), [])
    assert (rate.item_id, rate.rating, rate.errors) == (wtf_rate.item_id.data, wtf_rate.rating.data,
                                                        sum(wtf_rate.errors.values(), []))


def test_a_report_is_stored_once_per_open_question(client, db, studying):
    session_id, item_id = studying
    client.post(f"/study/{session_id}/answer", data={"item_id": item_id, "choice": "Ben Ode"})
    first = client.post(f"/study/{session_id}/report", data={"item_id": item_id, "reason": "typo"}, follow_redirects=True)
    assert "Thank you" in first.get_data(as_text=True)
    again = client.post(f"/study/{session_id}/report", data={"item_id": item_id, "reason": "typo"}, follow_redirects=True)
    assert "You have reported this question already" in again.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1
    long = client.post(f"/study/{session_id}/report", data={"item_id": item_id, "reason": "x" * 100_000}, follow_redirects=True)
    assert "Thank you" not in long.get_data(as_text=True)
    assert db.execute("SELECT max(length(reason)) FROM reports").fetchone()[0] == 4


def test_reports_per_hour_are_capped(db):
    make_article(db, [make_item("short_answer", f"Q{i}?", "A") for i in range(4)], title="News")
    ana = make_user(db, "ana")
    ids = [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]
    now = utcnow()
    assert [practice.report_problem(db, i, ana.id, "typo", now, per_hour=3) for i in ids[:3]] == [True] * 3
    with pytest.raises(practice.TooManyReports):
        practice.report_problem(db, ids[3], ana.id, "typo", now, per_hour=3)
    assert practice.report_problem(db, ids[3], ana.id, "typo", now + dt.timedelta(hours=1, seconds=1), per_hour=3)
