"""Generating quiz items for an uploaded article in the background.

A teacher's upload returns at once with a job page that refreshes itself until the
generator is done (the first run also loads the language model, a few seconds)."""
import threading

import questions

from . import bank
from .clock import to_iso, utcnow
from .db import connect, query


def start(database, user_id, *, title, text, source):
    """Record a job and run it on a thread; returns the job id."""
    db = connect(database)
    try:
        with db.atomic():
            job_id = db.execute(
                "INSERT INTO jobs (user_id, title, state, message, created_at) VALUES (?, ?, 'running', ?, ?)",
                [user_id, title, "Reading the article and writing questions…", to_iso(utcnow())],
            ).lastrowid
    finally:
        db.close()
    threading.Thread(target=run, args=(database, job_id, title, text, source), daemon=True).start()
    return job_id


def run(database, job_id, title, text, source):
    """Generate and store the items as drafts; the job row says how it went."""
    db = connect(database)
    try:
        items = questions.generate(text, source=source)
        article_id, added = bank.store_article(db, title=title, source=source, text=text, items=items, status="draft")
        message = (f"{added} new questions are waiting for your review." if items
                   else "No questions could be made from this text (is it an English news article?).")
        state = "done"
    except questions.ArticleError as error:
        article_id, message, state = None, str(error), "failed"
    except Exception as error:  # noqa: BLE001 - the teacher must see that it failed, not a spinner forever
        article_id, message, state = None, f"The generator failed: {error}", "failed"
    with db.atomic():
        db.execute(
            "UPDATE jobs SET state = ?, message = ?, article_id = ?, finished_at = ? WHERE id = ?",
            [state, message, article_id, to_iso(utcnow()), job_id],
        )
    db.close()


def get(db, job_id, user_id):
    return next(query(db, "SELECT * FROM jobs WHERE id = ? AND user_id = ?", [job_id, user_id]), None)
