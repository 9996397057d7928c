"""Objects the whole app shares: CSRF protection and the FSRS scheduler."""
from flask import current_app
from flask_wtf.csrf import CSRFProtect

from . import memory_model, scheduling
from .db import get_db

csrf = CSRFProtect()


def get_scheduler(user_id=None):
    """The app's FSRS scheduler, made on first use with the app's fuzz setting; with `user_id`,
    that student's own (fitted parameters, `memory_model`) when they have one."""
    app = current_app._get_current_object()
    if "fsrs" not in app.extensions:
        app.extensions["fsrs"] = scheduling.make_scheduler(fuzz=app.config["FSRS_FUZZ"])
    if user_id is not None:
        own = memory_model.scheduler_for(get_db(), user_id, fuzz=app.config["FSRS_FUZZ"])
        if own is not None:
            return own
    return app.extensions["fsrs"]
