"""Time in one format: aware UTC datetimes, stored as ISO 8601 with an offset."""
import datetime as dt
import functools
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

UTC = dt.timezone.utc


def utcnow():
    """Now, aware UTC, to the second."""
    return dt.datetime.now(UTC).replace(microsecond=0)


def to_iso(moment):
    """`2026-11-25T20:01:55+00:00`: what the database stores and the CSV shows.

    Kept for the latest moments: a study request writes its one `now` a dozen times (an answer's time, each
    outcome's last review). Equal moments in any zone are one key and one text."""
    return _iso(moment) if moment else None


@functools.lru_cache(maxsize=256)
def _iso(moment):
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def from_iso(text):
    """An aware UTC datetime from stored ISO text (None for none)."""
    return dt.datetime.fromisoformat(text).astimezone(UTC) if text else None


def local_label(moment, timezone):
    """`2026-11-25 21:01 CET`: a time as the person reads it, in their own time zone (UTC when unknown)."""
    if moment is None:
        return ""
    moment = from_iso(moment) if isinstance(moment, str) else moment
    try:
        zone = ZoneInfo(timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    local = moment.astimezone(zone)
    name = local.tzname() or ""
    if name[:1] in "+-":  # zones with no abbreviation (America/Sao_Paulo is "-03"): say it as an offset
        name = f"UTC{name}"
    return f"{local:%Y-%m-%d %H:%M} {name}".strip()
