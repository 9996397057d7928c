"""Objects the whole app shares: CSRF protection and the FSRS scheduler."""
from flask import current_app
from flask_wtf.csrf import CSRFProtect

from . import scheduling

csrf = CSRFProtect()


def get_scheduler():
    """The app's FSRS scheduler, made on first use with the app's fuzz setting."""
    app = current_app._get_current_object()
    if "fsrs" not in app.extensions:
        app.extensions["fsrs"] = scheduling.make_scheduler(fuzz=app.config["FSRS_FUZZ"])
    return app.extensions["fsrs"]
