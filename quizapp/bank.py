"""The question bank in the database: storing generated items for an article.

An article is found again by its text (same text: nothing added) or by its source
path (edited text: the article is updated). An item is identified within its article
by a key over what a student sees, so re-running the generator keeps the ids, and so
the students' progress, of every item that did not change.
"""
import hashlib
import json

from .clock import to_iso, utcnow


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def item_key(item):
    """Identity of an item within its article: kind, prompt, answer and choices."""
    payload = json.dumps([item["kind"], item["prompt"], item["answer"], sorted(item.get("choices") or [])])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


def store_article(db, *, title, source, text, items, status="approved"):
    """Insert or update an article and add its new items; returns (article_id, added count)."""
    now = to_iso(utcnow())
    with db.atomic():
        row = db.execute("SELECT id FROM articles WHERE text_hash = ?", [text_hash(text)]).fetchone()
        if row is None:
            row = db.execute("SELECT id FROM articles WHERE source = ? ORDER BY id DESC LIMIT 1", [source]).fetchone()
            if row is not None:
                db.execute(
                    "UPDATE articles SET text = ?, text_hash = ?, title = ? WHERE id = ?",
                    [text, text_hash(text), title, row[0]],
                )
        if row is None:
            cursor = db.execute(
                "INSERT INTO articles (title, source, text, text_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                [title, source, text, text_hash(text), now],
            )
            article_id = cursor.lastrowid
        else:
            article_id = row[0]
        known = {key for (key,) in db.execute("SELECT item_key FROM items WHERE article_id = ?", [article_id])}
        added = 0
        for item in items:
            key = item_key(item)
            if key in known:
                continue
            known.add(key)
            db.execute(
                "INSERT INTO items (article_id, item_key, kind, prompt, answer, choices, accepted, source_sentence, "
                "answer_type, score, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article_id, key, item["kind"], item["prompt"], item["answer"], json.dumps(item.get("choices") or []),
                 json.dumps(item.get("accepted") or []), item.get("source_sentence") or "", item.get("answer_type") or "OTHER",
                 float(item.get("score") or 0), status, now],
            )
            added += 1
    return article_id, added


def article_exists(db, source):
    return db.execute("SELECT 1 FROM articles WHERE source = ?", [source]).fetchone() is not None
