"""Register, log in, log out; the login manager and the teacher-only guard."""
import datetime as dt
import functools
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import LoginManager, current_user, login_required, login_user, logout_user

from . import users
from .clock import utcnow
from .db import get_db
from .forms import LoginForm, RegisterForm

bp = Blueprint("auth", __name__, url_prefix="/auth")
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."


@login_manager.user_loader
def _load_user(user_id):
    return users.load_user(get_db(), int(user_id))


def init_app(app):
    login_manager.init_app(app)


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
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    return target


@bp.route("/register", methods=["GET", "POST"])
def register():
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = users.create_user(get_db(), form.username.data, form.password.data, timezone=form.timezone.data)
        except users.UsernameTaken:
            form.username.errors.append("That username is already taken. Choose another.")
        else:
            login_user(user)
            flash(f"Welcome, {user.username}! Your account is ready.")
            return redirect(url_for("index"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        db, now, config = get_db(), utcnow(), current_app.config
        window = dt.timedelta(minutes=config["LOGIN_LOCK_MINUTES"])
        by_name, by_address = users.recent_failures(db, form.username.data, request.remote_addr or "", now, window)
        if by_name >= config["LOGIN_FAILURES_PER_ACCOUNT"] or by_address >= config["LOGIN_FAILURES_PER_ADDRESS"]:
            message = f"Too many failed log-ins. Wait {config['LOGIN_LOCK_MINUTES']} minutes and try again."
            return render_template("auth/login.html", form=form, locked=message), 429
        user = users.authenticate(db, form.username.data, form.password.data)
        if user is None:
            users.record_failure(db, form.username.data, request.remote_addr or "", now)
            form.password.errors.append("Wrong username or password.")
        else:
            users.clear_failures(db, form.username.data)
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(request.args.get("next")) or url_for("index"))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    flash("You are logged out.")
    return redirect(url_for("auth.login"))
