"""Objects the whole app shares: CSRF protection and the FSRS scheduler."""
import time

from flask import current_app, g, has_request_context, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect
from itsdangerous import TimestampSigner, URLSafeTimedSerializer
from itsdangerous.encoding import base64_decode, bytes_to_int, want_bytes

from . import clock, memory_model, scheduling
from .db import get_db

csrf = CSRFProtect()

# A posted CSRF token signed this recently is given back on the page the request renders, instead of
# a new one: signing costs more than the rest of a study card's page, and a token this young is
# still good for nearly all of Flask-WTF's time limit (an hour), as a fresh one would be.
REUSE_CSRF_TOKEN_FOR = 60  # seconds


class _OnceDerivedSigner(TimestampSigner):
    """itsdangerous's timestamp signer, each secret key's derived key (an HMAC of the key and the salt) worked
    out once instead of at every signature and check: the same signatures."""

    def derive_key(self, secret_key=None):
        secret_key = self.secret_keys[-1] if secret_key is None else want_bytes(secret_key)
        derived = self.__dict__.setdefault("_derived", {})
        if secret_key not in derived:
            derived[secret_key] = super().derive_key(secret_key)
        return derived[secret_key]


class _OnceSignerSerializer(URLSafeTimedSerializer):
    """A serializer that makes its signer once per salt (itsdangerous makes one per call); signers keep no state."""

    def make_signer(self, salt=None):
        signers = self.__dict__.setdefault("_signers", {})
        if salt not in signers:
            signers[salt] = super().make_signer(salt)
        return signers[salt]


class SessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, the same cookie signed the same way, with its serializer built once per
    set of secret keys: Flask builds a new one on every request (a JSON encoding to test the serializer, a
    signer, an HMAC to derive the key) before it reads the cookie. A cookie is still only sent when the
    session changed (a student's answers and ratings change nothing in it)."""

    def __init__(self):
        self._serializers = {}

    def get_signing_serializer(self, app):
        if not app.secret_key:
            return None
        keys = (*(app.config["SECRET_KEY_FALLBACKS"] or ()), app.secret_key)  # the current key last
        serializer = self._serializers.get(keys)
        if serializer is None:
            serializer = _OnceSignerSerializer(
                list(keys), salt=self.salt, serializer=self.serializer, signer=_OnceDerivedSigner,
                signer_kwargs={"key_derivation": self.key_derivation, "digest_method": self.digest_method})
            self._serializers = {keys: serializer}  # a changed key replaces the old one's
        return serializer


def reuse_fresh_csrf_token():
    """before_request, after CSRFProtect's check: a valid posted token under a minute old is this request's
    token (`generate_csrf` returns it), so the page does not sign a new one. Any other request signs as before."""
    if not g.get("csrf_valid") or "csrf_token" in g:
        return
    field = current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
    token = request.form.get(field)
    if field != "csrf_token" or not token or token.count(".") != 2:
        return
    try:  # payload.timestamp.signature; CSRFProtect has just checked the signature and the time limit
        signed_at = bytes_to_int(base64_decode(token.split(".")[1]))
    except Exception:  # noqa: BLE001 (a token it accepted always parses; anything else: sign a new one)
        return
    if 0 <= time.time() - signed_at < REUSE_CSRF_TOKEN_FOR:
        g.csrf_token = token


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
