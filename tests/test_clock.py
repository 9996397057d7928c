"""Time in one format (clock.py): aware UTC, ISO 8601 with an offset."""
import datetime as dt

from quizapp.clock import from_iso, to_iso, utcnow


def test_times_are_stored_as_utc_with_an_offset():
    tokyo = dt.datetime(2026, 11, 25, 21, 0, 30, 999, tzinfo=dt.timezone(dt.timedelta(hours=9)))
    assert to_iso(tokyo) == "2026-11-25T12:00:30+00:00"
    assert from_iso("2026-11-25T12:00:30+00:00") == tokyo.replace(microsecond=0)
    assert to_iso(None) is None and from_iso("") is None


def test_now_is_aware_utc_in_whole_seconds():
    now = utcnow()
    assert now.tzinfo == dt.timezone.utc and now.microsecond == 0
