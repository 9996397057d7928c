"""Background generation (teacher/generation.py): the job row says how it went, failures included."""
import logging

import questions
from quizapp import jobs
from quizapp.teacher import generation

from .helpers import SEED, make_user


def test_a_finished_job_points_at_its_drafts(app, db, monkeypatch):
    teacher = make_user(db, "mrs_lee", "teacher")
    monkeypatch.setattr(questions, "generate", lambda text, source: [
        {"kind": "short_answer", "prompt": "Who leads?", "answer": "Mattis", "choices": [], "accepted": [],
         "source_sentence": "Mattis leads.", "answer_type": "PERSON", "score": 0.5}])
    job_id = jobs.create_job(db, teacher.id, "Talks", "working")
    generation.run_generation(app.config["DATABASE"], job_id, "Talks", SEED.read_text(encoding="utf-8"), "pasted:Talks")
    job = jobs.get_job(db, job_id, teacher.id)
    assert (job["state"], job["message"]) == ("done", "1 new questions are waiting for your review.")
    assert db.execute("SELECT status FROM items WHERE article_id = ?", [job["article_id"]]).fetchall() == [("draft",)]


def test_a_failed_job_stores_its_error_and_logs_the_traceback(app, db, monkeypatch, caplog):
    teacher = make_user(db, "mrs_lee", "teacher")

    def broken(text, source):
        raise RuntimeError("the model file is missing")

    monkeypatch.setattr(questions, "generate", broken)
    job_id = jobs.create_job(db, teacher.id, "Talks", "working")
    with caplog.at_level(logging.ERROR, logger="quizapp.teacher.generation"):
        generation.run_generation(app.config["DATABASE"], job_id, "Talks", "Some text.", "pasted:Talks")
    job = jobs.get_job(db, job_id, teacher.id)
    assert job["state"] == "failed" and "RuntimeError: the model file is missing" in job["message"]
    assert job["finished_at"] is not None
    assert any(record.exc_info and record.exc_info[0] is RuntimeError for record in caplog.records)


def test_an_article_the_generator_refuses_says_why(app, db):
    teacher = make_user(db, "mrs_lee", "teacher")
    job_id = jobs.create_job(db, teacher.id, "Huge", "working")
    generation.run_generation(app.config["DATABASE"], job_id, "Huge", "The council met on Monday. " * 200_000, "x")
    job = jobs.get_job(db, job_id, teacher.id)
    assert job["state"] == "failed" and "too long" in job["message"]


def test_another_teachers_job_is_not_found(db):
    owner, other = make_user(db, "a_teacher", "teacher"), make_user(db, "b_teacher", "teacher")
    job_id = jobs.create_job(db, owner.id, "Talks", "working")
    assert jobs.get_job(db, job_id, other.id) is None
