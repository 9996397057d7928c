"""Objects the whole app shares: CSRF protection and the FSRS scheduler."""
import datetime as dt
import hmac
import time

import flask_wtf.csrf
from flask import current_app, g, has_request_context, request, session
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import ValidationError, logger, same_origin
from itsdangerous import BadData, SignatureExpired, TimestampSigner, URLSafeTimedSerializer
from itsdangerous.encoding import base64_decode, bytes_to_int, want_bytes

from . import clock, memory_model, scheduling
from .db import get_db

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


# How many signed values (session cookies, CSRF tokens) one serializer remembers as verified; past it, it forgets all.
VERIFIED_KEPT = 4096
_UNCHANGEABLE = (str, int, float, bool, type(None))  # bytes and Markup are str or are not decoded from JSON


class _OnceSignerSerializer(URLSafeTimedSerializer):
    """A serializer that makes its signer once per salt (itsdangerous makes one per call); signers keep no state.

    It also remembers what it has verified: the same bytes under the same keys and salt verify the same way
    every time, so a value seen before (a student's session cookie comes back unchanged on every answer, the
    CSRF token for a minute) is taken without its base64, HMAC and JSON work again. Its age is checked every
    time, as itsdangerous checks it (a value too old, or from the future, goes the full way and is refused
    there). Only a text or number, or a dict of those, is remembered, and a dict is given back as a copy:
    nothing the caller changes (a flashed message list) can change what the next request reads."""

    def loads(self, s, max_age=None, return_timestamp=False, salt=None):
        key = (want_bytes(s), salt)
        verified = self.__dict__.setdefault("_verified", {})
        known = verified.get(key)
        if known is not None:
            value, signed_at = known
            age = int(time.time()) - signed_at  # as TimestampSigner.unsign counts it
            if max_age is None or 0 <= age <= max_age:
                value = dict(value) if isinstance(value, dict) else value
                return (value, dt.datetime.fromtimestamp(signed_at, tz=dt.timezone.utc)) if return_timestamp else value
        value, signed = super().loads(key[0], max_age=max_age, return_timestamp=True, salt=salt)
        if isinstance(value, _UNCHANGEABLE) or (isinstance(value, dict) and all(
                isinstance(item, _UNCHANGEABLE) for item in value.values())):
            if len(verified) >= VERIFIED_KEPT:
                verified.clear()
            verified[key] = (dict(value) if isinstance(value, dict) else value, int(signed.timestamp()))
        return (value, signed) if return_timestamp else value


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


class CSRFProtect(flask_wtf.csrf.CSRFProtect):
    """Flask-WTF's CSRF protection with the posted token checked by a serializer made once per secret key
    (`_OnceSignerSerializer`, which remembers tokens already verified): Flask-WTF makes a new one, and derives
    its key again, on every check. The same checks in the same order, with Flask-WTF's messages."""

    def protect(self, apply_exemptions=False):
        """`flask_wtf.csrf.CSRFProtect.protect`, calling `validate_csrf` below."""
        if apply_exemptions:
            if not request.endpoint:
                return
            if self._is_exempt():
                return
        if request.method not in current_app.config["WTF_CSRF_METHODS"]:
            return
        try:
            self.validate_csrf(self._get_csrf_token())
        except ValidationError as error:
            logger.info(error.args[0])
            self._error_response(error.args[0])
        if request.is_secure and current_app.config["WTF_CSRF_SSL_STRICT"]:
            if not request.referrer:
                self._error_response("The referrer header is missing.")
            if not same_origin(request.referrer, f"https://{request.host}/"):
                self._error_response("The referrer does not match the host.")
        g.csrf_valid = True  # as Flask-WTF marks it: its forms then skip their own check

    def validate_csrf(self, data):
        """`flask_wtf.csrf.validate_csrf` with the app's settings, on a serializer kept per secret key."""
        config = current_app.config
        secret_key = config.get("WTF_CSRF_SECRET_KEY", current_app.secret_key)
        if secret_key is None:
            raise RuntimeError("A secret key is required to use CSRF.")
        field_name = config.get("WTF_CSRF_FIELD_NAME", "csrf_token")
        if field_name is None:
            raise RuntimeError("A field name is required to use CSRF.")
        time_limit = config.get("WTF_CSRF_TIME_LIMIT", 3600)
        if not data:
            raise ValidationError("The CSRF token is missing.")
        if field_name not in session:
            raise ValidationError("The CSRF session token is missing.")
        serializer = self.__dict__.get("_serializers", {}).get(secret_key)
        if serializer is None:
            serializer = _OnceSignerSerializer(secret_key, salt="wtf-csrf-token", signer=_OnceDerivedSigner)
            self._serializers = {secret_key: serializer}  # a changed key replaces the old one's
        try:
            token = serializer.loads(data, max_age=time_limit)
        except SignatureExpired as error:
            raise ValidationError("The CSRF token has expired.") from error
        except BadData as error:
            raise ValidationError("The CSRF token is invalid.") from error
        if not hmac.compare_digest(session[field_name], token):
            raise ValidationError("The CSRF tokens do not match.")


csrf = CSRFProtect()


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
