"""The results CSV (CONTRACTS.md section 3): one row per answer, oldest first."""
import csv
import io

from .scheduling import RATING_NAMES

COLUMNS = ["username", "item_id", "article", "kind", "prompt", "response", "correct", "rating", "answered_at", "next_due"]
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(value):
    """A cell a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def result_rows(db):
    """Yield each answer as a list of cells in COLUMNS order, streaming from the database."""
    cursor = db.execute(
        "SELECT users.username, reviews.item_id, articles.title, items.kind, items.prompt, reviews.response, "
        "reviews.correct, reviews.rating, reviews.answered_at, reviews.next_due FROM reviews "
        "JOIN users ON users.id = reviews.user_id JOIN items ON items.id = reviews.item_id "
        "JOIN articles ON articles.id = items.article_id ORDER BY reviews.answered_at, reviews.id"
    )
    for row in cursor:
        row = list(row)
        row[7] = RATING_NAMES[row[7]]
        yield row


def results_csv(db):
    """Yield the CSV text in chunks: the header, then one line per answer."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    yield buffer.getvalue()
    for row in result_rows(db):
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([inert(cell) for cell in row])
        yield buffer.getvalue()
