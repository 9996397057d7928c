"""Register, log in, log out."""
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from .. import users
from ..clock import utcnow
from ..db import get_db
from . import bp, services
from .forms import ChangePasswordForm, LoginForm, RegisterForm
from .guards import safe_next


@bp.route("/register", methods=["GET", "POST"])
def register():
    """A new student account, logged in at once."""
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.register(get_db(), form.username.data, form.password.data, form.timezone.data,
                                     request.remote_addr or "", utcnow(),
                                     per_hour=current_app.config["REGISTRATIONS_PER_ADDRESS_PER_HOUR"])
        except services.TooManyRegistrations as refused:
            return render_template("auth/register.html", form=form, refused=str(refused)), 429
        except users.UsernameTaken:
            form.username.errors.append("That username is already taken. Choose another.")
        else:
            login_user(user)
            flash(f"Welcome, {user.username}! Your account is ready.")
            return redirect(url_for("index"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in, with the failure throttle (429 while paused)."""
    form = LoginForm()
    if form.validate_on_submit():
        config = current_app.config
        try:
            user = services.log_in(
                get_db(), form.username.data, form.password.data, request.remote_addr or "", utcnow(),
                per_account=config["LOGIN_FAILURES_PER_ACCOUNT"], per_address=config["LOGIN_FAILURES_PER_ADDRESS"],
                lock_minutes=config["LOGIN_LOCK_MINUTES"],
            )
        except services.TooManyFailures as paused:
            return render_template("auth/login.html", form=form, locked=str(paused)), 429
        if user is None:
            form.password.errors.append("Wrong username or password.")
        else:
            users.adopt_timezone(get_db(), user, form.timezone.data)
            login_user(user, remember=form.remember.data)
            landing = url_for("teacher.dashboard") if user.is_teacher else url_for("index")
            return redirect(safe_next(request.args.get("next")) or landing)
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    """Log out (POST only, so a link elsewhere cannot do it): this and every other session of the account end,
    a copied cookie and the remember-me token with them."""
    if current_user.is_authenticated:
        users.end_sessions(get_db(), current_user.id)
    logout_user()
    flash("You are logged out.")
    return redirect(url_for("auth.login"))


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password():
    """Change one's own password, giving the current one first."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        db = get_db()
        if not users.check_password(db, current_user.id, form.current.data):
            form.current.errors.append("That is not your current password.")
        else:
            users.set_password(db, current_user.id, form.new.data)  # ends every session of the account
            user = users.load_user(db, current_user.id)
            users.adopt_timezone(db, user, form.timezone.data)
            login_user(user)  # ... but this one, which goes on with the new password
            flash("Your password is changed.")
            return redirect(url_for("index"))
    return render_template("auth/password.html", form=form), 400 if form.errors else 200
