"""Logging in with a throttle: too many failures for one account or one address pause it."""
import datetime as dt

from .. import users


class TooManyFailures(Exception):
    """Log-ins for this account or from this address are paused for a while."""


def log_in(db, username, password, address, now, *, per_account, per_address, lock_minutes):
    """The user when the password is right, None when wrong; TooManyFailures when paused."""
    window = dt.timedelta(minutes=lock_minutes)
    by_name, by_address = users.recent_failures(db, username, address, now, window)
    if by_name >= per_account or by_address >= per_address:
        raise TooManyFailures(f"Too many failed log-ins. Wait {lock_minutes} minutes and try again.")
    user = users.authenticate(db, username, password)
    if user is None:
        users.record_failure(db, username, address, now)
    else:
        users.clear_failures(db, username)
    return user
