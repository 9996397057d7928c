"""How figures are shown: one rounding rule for every percentage and every score (no Flask, no SQL)."""
import math


def percent(share):
    """A share 0..1 as a whole percentage, rounded half up (2 of 3 is 67, 1 of 8 is 13); None stays None.

    Tables, charts, CSV-free pages and the student's own figures all use this one rule."""
    if share is None:
        return None
    return math.floor(round(100 * share, 9) + 0.5)


def percent_label(share, empty="–"):
    """'67%' for 2/3; `empty` for no figure."""
    value = percent(share)
    return empty if value is None else f"{value}%"


def shown_score(score):
    """A question's score as the teacher sees it (two decimals), so thresholds compare on what is shown."""
    return round(float(f"{float(score or 0):.2f}"), 2)
