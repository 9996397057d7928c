"""Time in one format: aware UTC datetimes, stored as ISO 8601 with an offset."""
import datetime as dt

UTC = dt.timezone.utc


def utcnow():
    """Now, aware UTC, to the second."""
    return dt.datetime.now(UTC).replace(microsecond=0)


def to_iso(moment):
    """`2026-11-25T20:01:55+00:00`: what the database stores and the CSV shows."""
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else None


def from_iso(text):
    """An aware UTC datetime from stored ISO text (None for none)."""
    return dt.datetime.fromisoformat(text).astimezone(UTC) if text else None
