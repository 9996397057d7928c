"""CSV cells a spreadsheet shows as text: the formula guard of every export, and its undoing on import."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value, *, round_trip=False):
    """A cell a spreadsheet will show as text, never run as a formula.

    With `round_trip` (files quizapp reads back) a text that starts with ' gets one
    more, so that uninert gives back "'=x" and "'Tis" exactly as they were."""
    text = "" if value is None else str(value)
    starts = FORMULA_STARTS + ("'",) if round_trip else FORMULA_STARTS
    return "'" + text if text.startswith(starts) else text


def uninert(value):
    """Undo the export's formula guard: "'=x" was written for "=x", "''Tis" for "'Tis"."""
    value = (value or "").strip()
    if value.startswith("'") and value[1:2] and value[1:2] in FORMULA_STARTS + ("'",):
        return value[1:]
    return value
