"""A memory model per student (memory_model.py): fitted in the background at 400 answers, used by the scheduler,
kept only when it predicts the student's recent answers better, shown on the progress page."""
import datetime as dt
import json
import logging
import time

from fsrs import Card, State
from fsrs.scheduler import DEFAULT_PARAMETERS

from quizapp import cards, jobs, memory_model, scheduling, user_parameters
from quizapp.clock import from_iso, to_iso, utcnow
from quizapp.db import write_transaction
from quizapp.extensions import get_scheduler

from .helpers import make_article, make_item, make_user
from .learners import simulate_learner

# A learner who forgets faster than FSRS's defaults expect (first stabilities a third, growth half):
# their own fit predicts their recent answers clearly better (log loss 0.539 against 0.567 for the defaults).
FORGETFUL = [value / 3 if index < 4 else value * 0.5 if index == 8 else value
             for index, value in enumerate(DEFAULT_PARAMETERS)]
# Another whose fit does not beat the defaults on their own recent answers.
UNLUCKY = [value / 4 if index < 4 else value for index, value in enumerate(DEFAULT_PARAMETERS)]


def learner_log(parameters, seed):
    return simulate_learner(parameters, cards=50, days=60, seed=seed)


def store_reviews(db, user, log):
    """The simulated answers as the student's review rows, on items of one article."""
    make_article(db, [make_item(prompt=f"Question {i}?", answer=f"Answer{i}", source_sentence=f"Sentence {i}.")
                      for i in range(50)])
    item_ids = [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]
    with write_transaction(db):
        for item, rating, answered_at in log:
            cards.record_review(db, user_id=user.id, item_id=item_ids[item - 1], session_id=None, rating=rating,
                                correct=rating > 1, response="", answered_at=answered_at, duration_ms=1000,
                                next_due=answered_at, was_new=False)
    return item_ids


def add_reviews(db, user, item_id, answered_at, count):
    with write_transaction(db):
        for _ in range(count):
            cards.record_review(db, user_id=user.id, item_id=item_id, session_id=None, rating=3, correct=True,
                                response="", answered_at=answered_at, duration_ms=1000, next_due=answered_at,
                                was_new=False)


def fit_now(app, db, user):
    thread = memory_model.refit_if_due(db, app.config["DATABASE"], user.id)
    assert thread is not None
    thread.join()
    return user_parameters.get_parameters(db, user.id)


def test_the_fit_starts_at_400_answers_and_not_before(app, db):
    user = make_user(db)
    log = learner_log(FORGETFUL, seed=1)
    store_reviews(db, user, log[:399])
    assert memory_model.refit_if_due(db, app.config["DATABASE"], user.id) is None
    assert user_parameters.get_parameters(db, user.id) is None
    item_id = db.execute("SELECT item_id FROM reviews ORDER BY id DESC LIMIT 1").fetchone()[0]
    add_reviews(db, user, item_id, log[399][2], 1)
    row = fit_now(app, db, user)
    assert row["fitted_reviews"] == 400 and row["log_loss_default"] is not None
    assert jobs.get_job(db, row["job_id"], user.id)["state"] == "done"
    assert memory_model.refit_if_due(db, app.config["DATABASE"], user.id) is None  # nothing new since that fit


def test_a_fit_runs_again_once_the_answers_grew_by_a_quarter(app, db):
    user = make_user(db)
    log = learner_log(FORGETFUL, seed=1)
    item_ids = store_reviews(db, user, log[:400])
    fit_now(app, db, user)
    add_reviews(db, user, item_ids[0], log[-1][2], 99)
    assert memory_model.refit_if_due(db, app.config["DATABASE"], user.id) is None  # 499 < 1.25 x 400
    add_reviews(db, user, item_ids[0], log[-1][2], 1)
    assert fit_now(app, db, user)["fitted_reviews"] == 500


def test_own_parameters_are_kept_when_they_predict_better_and_the_scheduler_uses_them(app, db, caplog):
    user = make_user(db)
    store_reviews(db, user, learner_log(FORGETFUL, seed=1))
    with caplog.at_level(logging.INFO, logger="quizapp.memory_model"):
        row = fit_now(app, db, user)
    assert row["log_loss_fitted"] < row["log_loss_default"]
    own = user_parameters.own_parameters(row)
    assert own is not None and own != list(DEFAULT_PARAMETERS)
    assert row["since"] is not None
    assert f"Memory model of user {user.id}: Own parameters" in caplog.text
    now = dt.datetime(2026, 6, 1, 12, tzinfo=dt.timezone.utc)
    card = Card(card_id=1, state=State.Review, step=None, stability=8.0, difficulty=5.0, due=now,
                last_review=now - dt.timedelta(days=8))
    with app.test_request_context():
        theirs, default = get_scheduler(user.id), get_scheduler()
        assert list(theirs.parameters) == own and list(default.parameters) == list(DEFAULT_PARAMETERS)
        assert get_scheduler(make_user(db, "newcomer").id) is default  # a student without a model: the defaults
    good_theirs = scheduling.outcomes(theirs, card, now)["Good"]["due"]
    good_default = scheduling.outcomes(default, card, now)["Good"]["due"]
    assert good_theirs != good_default


def test_a_students_answers_are_scheduled_with_their_own_parameters(app, db, client, auth):
    user = auth.login_as("student", "learner")
    item_ids = store_reviews(db, user, learner_log(FORGETFUL, seed=1))
    own = user_parameters.own_parameters(fit_now(app, db, user))
    assert own is not None
    now = utcnow()
    stored = {"state": 2, "step": None, "stability": 20.0, "difficulty": 5.0,
              "due": to_iso(now - dt.timedelta(days=1)), "last_review": to_iso(now - dt.timedelta(days=21))}
    with write_transaction(db):
        for item_id in item_ids:
            cards.save_card(db, user.id, item_id, stored, rating="Good")
    response = client.post("/study/start", data={"mode": "quiz", "article": 0, "size": 1}, follow_redirects=True)
    assert response.status_code == 200
    session = db.execute("SELECT id, item_ids, outcomes, shown_at FROM study_sessions").fetchone()
    item_id = json.loads(session[1])[0]
    shown_at = from_iso(session[3])
    card = scheduling.card_from_row(stored, card_id=item_id)
    expected = {name: scheduling.outcomes(scheduling.make_scheduler(fuzz=False, parameters=parameters), card,
                                          shown_at)["Good"]["due"]
                for name, parameters in (("own", own), ("default", None))}
    assert expected["own"] != expected["default"]
    assert json.loads(session[2])["ratings"]["Good"]["due"] == expected["own"]
    answer = db.execute("SELECT answer FROM items WHERE id = ?", [item_id]).fetchone()[0]
    client.post(f"/study/{session[0]}/answer", data={"item_id": item_id, "response": answer})
    assert cards.get_card(db, user.id, item_id)["due"] == expected["own"]


def test_a_fit_that_predicts_worse_keeps_the_defaults(app, db, caplog):
    user = make_user(db)
    log = learner_log(UNLUCKY, seed=2)
    fit = memory_model.fit_parameters(log)
    assert fit.log_loss_fitted >= fit.log_loss_default  # the case this test is for
    store_reviews(db, user, log)
    with caplog.at_level(logging.INFO, logger="quizapp.memory_model"):
        row = fit_now(app, db, user)
    assert user_parameters.own_parameters(row) is None and row["since"] is None
    assert row["log_loss_fitted"] >= row["log_loss_default"]
    assert "Kept FSRS's default parameters" in caplog.text
    with app.test_request_context():
        assert get_scheduler(user.id) is get_scheduler()


def test_a_failed_fit_keeps_the_defaults_and_says_why(app, db, caplog):
    user = make_user(db)
    item_ids = store_reviews(db, user, [])
    for index, item_id in enumerate(item_ids):  # 400 answers crammed into one morning: nothing spaced to fit on
        add_reviews(db, user, item_id, f"2026-05-04T08:{index:02d}:00+00:00", 8)
    with caplog.at_level(logging.INFO, logger="quizapp.memory_model"):
        row = fit_now(app, db, user)
    assert user_parameters.own_parameters(row) is None and row["fitted_reviews"] == 400
    assert row["message"].startswith("Fit failed: too few reviews a day or more apart")
    assert jobs.get_job(db, row["job_id"], user.id)["state"] == "failed"
    assert "the fit of 400 reviews failed" in caplog.text and "keeping FSRS's default parameters" in caplog.text
    with app.test_request_context():
        assert get_scheduler(user.id) is get_scheduler()


def test_the_progress_page_says_since_when_the_students_own_model_is_used(app, db, client, auth):
    user = auth.login_as("student", "learner")
    store_reviews(db, user, learner_log(FORGETFUL, seed=1)[:399])
    page = client.get("/study/progress").get_data(as_text=True)
    assert "Using your own memory model" not in page  # the defaults, below the threshold
    item_id = db.execute("SELECT item_id FROM reviews ORDER BY id DESC LIMIT 1").fetchone()[0]
    add_reviews(db, user, item_id, learner_log(FORGETFUL, seed=1)[-1][2], 60)
    row = fit_now(app, db, user)
    assert user_parameters.own_parameters(row) is not None
    since = from_iso(row["since"]).date().isoformat()
    page = client.get("/study/progress").get_data(as_text=True)
    assert f"Using your own memory model since {since}." in page


def test_starting_a_session_starts_the_fit_in_the_background(app, db, client, auth):
    user = auth.login_as("student", "learner")
    store_reviews(db, user, learner_log(FORGETFUL, seed=1))
    client.post("/study/start", data={"mode": "quiz", "article": 0, "size": 1})
    row = user_parameters.get_parameters(db, user.id)
    assert row is not None and row["job_id"] is not None  # claimed by the request; its thread fits
    assert memory_model.claim_fit(db, user.id, utcnow()) is None  # running or done: never twice at once
    for _ in range(600):  # wait for the thread (bounded) before the test's database goes away
        if jobs.get_job(db, row["job_id"], user.id)["state"] != "running":
            break
        time.sleep(0.05)
    assert jobs.get_job(db, row["job_id"], user.id)["state"] == "done"
    assert user_parameters.own_parameters(user_parameters.get_parameters(db, user.id)) is not None


def test_removing_a_student_removes_their_model(app, db):
    from quizapp.teacher import class_work

    user = make_user(db)
    store_reviews(db, user, learner_log(FORGETFUL, seed=1))
    fit_now(app, db, user)
    class_work.remove_student(db, user.id, keep_answers=False)
    assert user_parameters.get_parameters(db, user.id) is None
    assert db.execute("SELECT count(*) FROM jobs WHERE user_id = ?", [user.id]).fetchone()[0] == 0


def test_without_fsrs_rs_every_student_keeps_the_defaults(app, db, caplog, monkeypatch):
    monkeypatch.setattr(memory_model, "rs", None)  # an install without fsrs-rs-python
    user = make_user(db)
    store_reviews(db, user, learner_log(FORGETFUL, seed=1))
    with caplog.at_level(logging.INFO, logger="quizapp.memory_model"):
        row = fit_now(app, db, user)
    assert user_parameters.own_parameters(row) is None
    assert "fsrs-rs-python is not installed" in caplog.text
    assert memory_model.refit_if_due(db, app.config["DATABASE"], user.id) is None  # not retried at every session
