"""The login manager, the teacher-only guard, and the check that a `next` URL stays on this site."""
import functools
from urllib.parse import urlsplit

from flask import abort, flash, redirect, request, url_for
from flask_login import LoginManager, current_user, login_required

from .. import users
from ..db import get_db

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."


@login_manager.user_loader
def _load_user(session_id):
    """Every request: the user only while the session version in the cookie is the account's."""
    return users.load_session_user(get_db(), session_id)


def init_app(app):
    """Let Flask-Login find the user of each request; one with a one-time password changes it first."""
    login_manager.init_app(app)
    app.before_request(_change_one_time_password_first)


OPEN_WITH_ONE_TIME_PASSWORD = {"auth.change_password", "auth.logout", "static"}


def _change_one_time_password_first():
    if (request.endpoint not in OPEN_WITH_ONE_TIME_PASSWORD and current_user.is_authenticated
            and current_user.must_change_password):
        flash("Choose your own password first: the one you were given works only once.")
        return redirect(url_for("auth.change_password"))
    return None


def teacher_required(view):
    """Only teachers get through; anyone else logged in gets 403."""

    @functools.wraps(view)
    @login_required
    def wrapped(*args, **kwargs):
        if not current_user.is_teacher:
            abort(403)
        return view(*args, **kwargs)

    return wrapped


def safe_next(target):
    """The `next` URL only when it stays inside this app."""
    if not target or any(ord(c) < 32 or ord(c) == 127 for c in target):  # CR/LF would split the header
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target
