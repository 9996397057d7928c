"""CSV cells a spreadsheet shows as text: the formula guard of every export, and its undoing on import."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """A cell a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def uninert(value):
    """Undo the export's formula guard: "'=x" was written for "=x"."""
    value = (value or "").strip()
    if value.startswith("'") and value[1:2] in FORMULA_STARTS:
        return value[1:]
    return value
