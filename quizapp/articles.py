"""The `articles` table: the texts questions are made from.

An article is found again by its text (same text: nothing added) or, for the
`generate` command's files, by its source path (edited text: the article is updated,
its unchanged items keep their ids). An upload or a paste with new text is a new article.
"""
import hashlib

from .clock import to_iso, utcnow
from .db import query, query_one, write_transaction
from .items import add_generated_items, retire_article_items
from .jobs import forget_article


def text_hash(text):
    """The SHA-256 of a text: how the same article is found again."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def store_article(db, *, title, source, text, items, status="approved", update_by_source=True, min_score=0.0):
    """Insert or update an article and add its new items; returns (article_id, added count).

    The same text is the same article. With `update_by_source` (the `generate` command's
    files) an edited text updates the article from the same path; without it (a teacher's
    upload or paste, whose file name or title says nothing) a different text is a new article.
    Items scored below `min_score` are stored as drafts."""
    now = to_iso(utcnow())
    with write_transaction(db):
        row = db.execute("SELECT id FROM articles WHERE text_hash = ?", [text_hash(text)]).fetchone()
        if row is None and update_by_source:
            row = db.execute("SELECT id FROM articles WHERE source = ? ORDER BY id DESC LIMIT 1", [source]).fetchone()
            if row is not None:
                db.execute("UPDATE articles SET text = ?, text_hash = ?, title = ? WHERE id = ?",
                           [text, text_hash(text), title, row[0]])
        if row is not None:  # the same text again: a deleted article comes back (its retired questions stay retired)
            db.execute("UPDATE articles SET deleted_at = NULL WHERE id = ?", [row[0]])
        if row is None:
            article_id = db.execute(
                "INSERT INTO articles (title, source, text, text_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                [title, source, text, text_hash(text), now],
            ).lastrowid
        else:
            article_id = row[0]
        added = add_generated_items(db, article_id, items, status=status, now=now, min_score=min_score)
    return article_id, added



def article_exists(db, source):
    """Whether an article came from this source (a seed file's path, say)."""
    return db.execute("SELECT 1 FROM articles WHERE source = ?", [source]).fetchone() is not None


def get_article(db, article_id):
    """The article row (deleted ones too: see `deleted_at`), or None."""
    return query_one(db, "SELECT * FROM articles WHERE id = ?", [article_id])


def delete_article(db, article_id):
    """Delete an article: one without questions (a failed upload's) goes entirely; otherwise its questions
    are retired and the article hidden, so every answer to them stays in the results.
    Returns how many questions were retired."""
    with write_transaction(db):
        has_items = db.execute("SELECT count(*) FROM items WHERE article_id = ?", [article_id]).fetchone()[0]
        used = db.execute("SELECT 1 FROM assignments WHERE article_id = ? UNION SELECT 1 FROM study_sessions "
                          "WHERE article_id = ?", [article_id, article_id]).fetchone()
        if not has_items and not used:
            forget_article(db, article_id)
            db.execute("DELETE FROM articles WHERE id = ?", [article_id])
            return 0
        retired = retire_article_items(db, article_id)
        db.execute("UPDATE articles SET deleted_at = ? WHERE id = ?", [to_iso(utcnow()), article_id])
        return retired


def list_articles(db):
    """Every article (not deleted) with its item counts, newest first."""
    return list(query(db,
        "SELECT articles.id, articles.title, articles.source, articles.created_at, count(items.id) AS questions, "
        "sum(items.status = 'draft') AS drafts, sum(items.status = 'approved') AS approved "
        "FROM articles LEFT JOIN items ON items.article_id = articles.id WHERE articles.deleted_at IS NULL "
        "GROUP BY articles.id ORDER BY articles.id DESC"))


def studyable_articles(db):
    """Articles with approved items, with how many, in the order they were added."""
    return list(query(db,
        "SELECT articles.id, articles.title, count(items.id) AS n FROM articles JOIN items ON items.article_id = articles.id "
        "WHERE items.status = 'approved' GROUP BY articles.id ORDER BY articles.id"))


def article_by_title(db, title, *, create=False):
    """The article with this title; with create=True, a new empty one for imported questions."""
    row = db.execute("SELECT id FROM articles WHERE title = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
                     [title]).fetchone()
    if row or not create:
        return row[0] if row else None
    with write_transaction(db):
        return db.execute(
            "INSERT INTO articles (title, source, text, text_hash, created_at) VALUES (?, ?, '', ?, ?)",
            [title, "import", text_hash("import:" + title), to_iso(utcnow())],
        ).lastrowid


def ids_by_title(db, titles):
    """{title: id} of the live articles with these titles (the first of each title), a few hundred per query."""
    found, titles = {}, list(dict.fromkeys(titles))
    for start in range(0, len(titles), 500):
        chunk = titles[start:start + 500]
        rows = db.execute(f"SELECT title, min(id) FROM articles WHERE deleted_at IS NULL AND title IN "
                          f"({', '.join('?' * len(chunk))}) GROUP BY title", chunk).fetchall()
        found.update(rows)
    return found


def articles_for_import(db, titles):
    """{title: id} for every title: the live article with it, or a new empty one for imported questions."""
    found = ids_by_title(db, titles)
    missing = [title for title in dict.fromkeys(titles) if title not in found]
    if missing:
        now = to_iso(utcnow())
        with write_transaction(db):
            db.conn.executemany("INSERT INTO articles (title, source, text, text_hash, created_at) VALUES (?, 'import', '', ?, ?)",
                                [(title, text_hash("import:" + title), now) for title in missing])
            found.update(ids_by_title(db, missing))
    return found
