"""Generating quiz items for an uploaded article in the background.

A teacher's upload returns at once with a job page that refreshes itself until the
generator is done (the first run also loads the language model, a few seconds).
A failure is stored on the job for the teacher to read, and its traceback logged."""
import logging
import threading

import questions

from .. import articles, jobs
from ..db import connect

log = logging.getLogger(__name__)


def start_generation(database, user_id, *, title, text, source):
    """Record a job and run it on a thread; returns the job id."""
    db = connect(database)
    try:
        job_id = jobs.create_job(db, user_id, title, "Reading the article and writing questions…")
    finally:
        db.close()
    threading.Thread(target=run_generation, args=(database, job_id, title, text, source), daemon=True).start()
    return job_id


def run_generation(database, job_id, title, text, source):
    """Generate and store the items as drafts; the job row says how it went."""
    db = connect(database)
    try:
        try:
            items = questions.generate(text, source=source)
            article_id, added = None, 0
            if items:  # a text that gives no question is not kept as an article with nothing in it
                article_id, added = articles.store_article(db, title=title, source=source, text=text, items=items,
                                                           status="draft", update_by_source=False)
        except questions.ArticleError as error:
            jobs.finish_job(db, job_id, state="failed", message=str(error))
        except Exception as error:  # noqa: BLE001 - a thread's error reaches no one else: the teacher must see it
            log.exception("Generating questions for job %s (%s) failed", job_id, source)
            jobs.finish_job(db, job_id, state="failed",
                            message=f"The generator failed: {type(error).__name__}: {error}")
        else:
            message = (f"{added} new questions are waiting for your review." if items
                       else "No questions could be made from this text (is it an English news article?), "
                            "so it was not added to your articles.")
            jobs.finish_job(db, job_id, state="done", message=message, article_id=article_id)
    finally:
        db.close()
