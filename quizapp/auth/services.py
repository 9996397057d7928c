"""Logging in with a throttle that stops guessing without locking out the owner.

Failures count per (account, address) and per address, never per account alone: wrong
passwords typed for `teacher` on another device never pause the teacher's own. Past a
limit each new try waits, and the wait doubles with every further failure (up to the
lock time). The check and the record are one transaction, and an attempt counts as a
failure from the moment it passes the check until its password proves right, so
parallel guesses cannot all slip under the limit."""
import datetime as dt
import math

from .. import users
from ..db import write_transaction

FIRST_WAIT = dt.timedelta(minutes=1)  # the pause at the limit; it doubles with every failure past it


class TooManyFailures(Exception):
    """Log-ins for this account from this address, or from this address at all, are paused for a while."""

    def __init__(self, wait):
        minutes = max(1, math.ceil(wait.total_seconds() / 60))
        super().__init__(f"Too many failed log-ins. Wait {minutes} minute{'s' if minutes > 1 else ''} and try again.")
        self.wait = wait


def backoff(failures, latest, limit, now, lock):
    """How long a new try must still wait after `failures` (the latest at `latest`) against `limit`."""
    if failures < limit or latest is None:
        return dt.timedelta(0)
    pause = min(lock, FIRST_WAIT * 2 ** min(failures - limit, 30))
    return max(dt.timedelta(0), latest + pause - now)


def log_in(db, username, password, address, now, *, per_account, per_address, lock_minutes):
    """The user when the password is right, None when wrong; TooManyFailures when paused."""
    lock = dt.timedelta(minutes=lock_minutes)
    with write_transaction(db):
        users.prune_failures(db, now - lock)
        pair = users.failures_since(db, now - lock, address=address, username=username)
        anyone = users.failures_since(db, now - lock, address=address)
        wait = max(backoff(*pair, per_account, now, lock), backoff(*anyone, per_address, now, lock))
        if wait:
            raise TooManyFailures(wait)
        users.record_failure(db, username, address, now)  # a failure until the password proves right
    user = users.authenticate(db, username, password)  # the slow hash, outside the lock
    if user is not None:
        users.clear_failures(db, username, address)
    return user


class TooManyRegistrations(Exception):
    """This address has registered as many accounts as an hour allows."""


def register(db, username, password, timezone, address, now, *, per_hour):
    """A new student account; TooManyRegistrations past `per_hour` attempts from one address in an hour.

    The count and its record are one transaction (parallel posts cannot pass it); an
    attempt refused for a taken name counts too."""
    hour_ago = now - dt.timedelta(hours=1)
    with write_transaction(db):
        if users.registrations_since(db, address, hour_ago) >= per_hour:
            raise TooManyRegistrations("Too many accounts were registered from this network in the last hour. "
                                       "Ask your teacher, or try again later.")
        users.record_registration(db, address, now, forget_before=hour_ago)
    return users.create_user(db, username, password, timezone=timezone)
