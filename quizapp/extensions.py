"""Objects the whole app shares: CSRF protection and the FSRS scheduler."""
from flask import current_app, has_request_context, request
from flask_wtf.csrf import CSRFProtect

from . import clock, memory_model, scheduling
from .db import get_db

csrf = CSRFProtect()


def get_scheduler(user_id=None):
    """The app's FSRS scheduler, made on first use with the app's fuzz setting; with `user_id`,
    that student's own (fitted parameters, `memory_model`) when they have one.

    A student's is looked up once per request (a rating and the next question it brings back
    would otherwise read their parameters twice)."""
    app = current_app._get_current_object()
    if "fsrs" not in app.extensions:
        app.extensions["fsrs"] = scheduling.make_scheduler(fuzz=app.config["FSRS_FUZZ"])
    if user_id is None:
        return app.extensions["fsrs"]
    known = request.environ.setdefault("quizapp.schedulers", {}) if has_request_context() else {}
    if user_id not in known:
        own = memory_model.scheduler_for(get_db(), user_id, fuzz=app.config["FSRS_FUZZ"])
        known[user_id] = own if own is not None else app.extensions["fsrs"]
    return known[user_id]


def utcnow():
    """The app's now: the real clock, or with `SIMULATED_CLOCK_FILE` set the moment that file holds (ISO 8601),
    so a test or a demonstration can live through days of spaced repetition in minutes."""
    path = current_app.config.get("SIMULATED_CLOCK_FILE")
    if path:
        try:
            with open(path, encoding="utf-8") as file:
                return clock.from_iso(file.read().strip()) or clock.utcnow()
        except (OSError, ValueError):
            pass  # no moment written (yet): the real clock
    return clock.utcnow()
