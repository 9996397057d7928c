"""A student's review history and card due times, read for the progress page (the tables of `cards.py`)."""
from .cards import SELF_RATED


def history(db, user_id):
    """Every answer of the student as (item id, article id, answered at, next due, correct, self-rated 0/1),
    card by card, oldest first within a card: what the progress figures are computed from."""
    return db.execute(
        f"SELECT reviews.item_id, items.article_id, reviews.answered_at, reviews.next_due, reviews.correct, {SELF_RATED} "
        "FROM reviews JOIN items ON items.id = reviews.item_id WHERE reviews.user_id = ? "
        "ORDER BY reviews.item_id, reviews.answered_at, reviews.id", [user_id]).fetchall()


def due_times(db, user_id, before):
    """The due times (ISO text) of the student's cards of approved items due before `before`, overdue ones included."""
    return [row[0] for row in db.execute(
        "SELECT cards.due FROM cards JOIN items ON items.id = cards.item_id "
        "WHERE cards.user_id = ? AND cards.due < ? AND items.status = 'approved'", [user_id, before])]


def cards_per_article(db, user_id, due_before):
    """(article id, title, approved items, cards the student has, of them due before `due_before`) for every
    article the student has met, in the order the articles were added."""
    return db.execute(
        "SELECT articles.id, articles.title, "
        "(SELECT count(*) FROM items WHERE items.article_id = articles.id AND items.status = 'approved'), "
        "count(cards.id), coalesce(sum(cards.due < ?), 0) FROM cards JOIN items ON items.id = cards.item_id "
        "JOIN articles ON articles.id = items.article_id WHERE cards.user_id = ? GROUP BY articles.id ORDER BY articles.id",
        [due_before, user_id]).fetchall()
