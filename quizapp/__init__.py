"""quizapp: quizzes generated from news articles, studied with FSRS spaced repetition."""
import datetime as dt
import os
from pathlib import Path

from flask import Flask, render_template, request
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.routing import IntegerConverter

from .db import MAX_ROWID

ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config=None, *, instance_path=None):
    """Build the app: defaults, then `instance/config.py`, then `test_config`.

    Touches no file: migrations and the signing key are `startup.prepare_instance`'s work.
    `instance_path` (the tests' own folder) replaces the checkout's `instance/`."""
    app = Flask(
        __name__,
        instance_path=str(instance_path or ROOT / "instance"),
        instance_relative_config=True,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
    )
    app.url_map.converters["int"] = RowIdConverter
    app.config.from_mapping(
        DATABASE=os.environ.get("QUIZAPP_DATABASE", str(Path(app.instance_path) / "quizapp.db")),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_DURATION=dt.timedelta(days=30),
        MAX_CONTENT_LENGTH=2 * 1024 * 1024,
        SESSION_SIZE=10,
        NEW_PER_DAY=20,
        REVIEWS_PER_DAY=200,
        LOGIN_FAILURES_PER_ACCOUNT=5,
        LOGIN_FAILURES_PER_ADDRESS=30,
        LOGIN_LOCK_MINUTES=15,
        REGISTRATIONS_PER_ADDRESS_PER_HOUR=100,
        REPORTS_PER_HOUR=20,
        FSRS_FUZZ=True,
        SEEDS_DIR=str(ROOT / "seeds"),
    )
    app.config.from_pyfile("config.py", silent=True)
    app.config.from_envvar("QUIZAPP_CONFIG", silent=True)
    if test_config is not None:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY") and os.environ.get("QUIZAPP_SECRET_KEY"):
        app.config["SECRET_KEY"] = os.environ["QUIZAPP_SECRET_KEY"]

    from . import auth, db, display, startup, study, teacher
    from .auth import guards, views as auth_views  # noqa: F401  (the modules' routes go on their blueprint)
    from .extensions import SessionInterface, csrf, reuse_fresh_csrf_token
    from .study import views as study_views
    from .teacher import bank, classroom, exchange, results, review  # noqa: F401

    app.session_interface = SessionInterface()
    db.init_app(app)
    startup.init_app(app)
    display.init_app(app)
    csrf.init_app(app)
    app.before_request(reuse_fresh_csrf_token)  # after CSRFProtect's own check, which init_app just added
    guards.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(study.bp)
    app.register_blueprint(teacher.bp)
    app.add_url_rule("/", endpoint="index", view_func=study_views.index)
    _register_error_pages(app)
    app.after_request(_security_headers)
    app.after_request(_no_store_for_personal_data)
    app.wsgi_app = SecureCookiesOverHttps(app.wsgi_app)
    if app.config.get("BEHIND_PROXY"):
        trust_proxy(app)
    return app


def trust_proxy(app):
    """Behind one reverse proxy (`serve --behind-proxy`): take the client's address, the scheme and the host
    from its X-Forwarded-For, -Proto and -Host headers, so Secure cookies and the log-in throttle are right.
    Only for a server the proxy alone can reach: anyone else could send those headers too."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    if not isinstance(app.wsgi_app, ProxyFix):
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)
    app.config["BEHIND_PROXY"] = True


def _no_store_for_personal_data(response):
    """Pages of a logged-in user and every download are kept by no cache (a shared computer's, a proxy's)."""
    if request.endpoint != "static" and (current_user.is_authenticated or "attachment" in response.headers.get("Content-Disposition", "")):
        response.headers["Cache-Control"] = "no-store"
    return response


class RowIdConverter(IntegerConverter):
    """`<int:...>` in every URL: a number SQLite can hold, else the URL matches nothing (404)."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ROWID)
        super().__init__(map, *args, **kwargs)


class SecureCookiesOverHttps:
    """WSGI wrapper: on a request that came over HTTPS, every cookie is marked Secure.

    It wraps the whole app because Flask writes the session cookie after the last
    after_request hook has run."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        if environ.get("wsgi.url_scheme") != "https":
            return self.app(environ, start_response)

        def secure_start_response(status, headers, exc_info=None):
            headers = [(name, value + "; Secure" if name.lower() == "set-cookie" and "; Secure" not in value else value)
                       for name, value in headers]
            return start_response(status, headers, exc_info)

        return self.app(environ, secure_start_response)


SECURITY_HEADERS = (
    ("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    ("X-Frame-Options", "DENY"),
)


def _security_headers(response):
    """Every response gets these headers, unless it set its own (one pass over its headers, not one per name)."""
    present = {name.lower() for name, _ in response.headers}
    for name, value in SECURITY_HEADERS:
        if name.lower() not in present:
            response.headers.add(name, value)
    return response


def _register_error_pages(app):
    messages = {
        400: "The request could not be understood.",
        403: "This page is not open to your account.",
        404: "There is nothing at this address.",
        405: "That action is not allowed here.",
        413: "That upload is too large.",
        500: "Something went wrong on our side. Your earlier answers are saved.",
    }

    def render_error(error):
        code = getattr(error, "code", 500) or 500
        message = getattr(error, "description", None) if code != 500 else None
        if not message or code in (404, 405, 413) or message == getattr(type(error), "description", None):
            message = messages.get(code, messages[500])  # ours, never Werkzeug's stock "read-protected" text
        return render_template("error.html", code=code, message=message), code

    for code in messages:
        app.register_error_handler(code, render_error)

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        message = "Your form expired or was sent without its security token. Go back, reload the page and try again."
        return render_template("error.html", code=400, message=message), 400
