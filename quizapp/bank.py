"""The question bank in the database: storing generated items for an article.

An article is found again by its text (same text: nothing added) or by its source
path (edited text: the article is updated). An item is identified within its article
by a key over what a student sees, so re-running the generator keeps the ids, and so
the students' progress, of every item that did not change.
"""
import hashlib
import json
import secrets

from .clock import to_iso, utcnow
from .db import query


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


KINDS = {
    "multiple_choice": "Multiple choice",
    "true_false": "True / false",
    "fill_blank": "Fill in the blank",
    "short_answer": "Short answer",
}
STATUSES = ("draft", "approved", "rejected", "retired")
BLANK = "_____"


def validate_item(item):
    """What a careful teacher would check; returns {field: message} (empty when fine)."""
    errors = {}
    kind = item.get("kind")
    prompt = (item.get("prompt") or "").strip()
    answer = (item.get("answer") or "").strip()
    choices = [c.strip() for c in item.get("choices") or []]
    if kind not in KINDS:
        errors["kind"] = f"Kind must be one of {', '.join(KINDS)}."
        return errors
    if not prompt:
        errors["prompt"] = "Write the question."
    elif len(prompt) > 1000:
        errors["prompt"] = "Keep the question under 1,000 characters."
    if not answer:
        errors["answer"] = "Give the right answer."
    if kind == "true_false":
        if answer not in ("True", "False"):
            errors["answer"] = "A true/false answer is True or False."
    elif kind == "multiple_choice":
        if len(choices) < 3 or len(choices) > 5 or any(not c for c in choices):
            errors["choices"] = "Give three to five options, none of them empty."
        elif len({c.lower() for c in choices}) != len(choices):
            errors["choices"] = "The options must all be different."
        elif any("|" in c for c in choices):
            errors["choices"] = "An option cannot contain the | character."
        elif [c for c in choices].count(answer) != 1:
            errors["answer"] = "The right answer must be exactly one of the options."
    elif kind == "fill_blank" and prompt and prompt.count(BLANK) != 1:
        errors["prompt"] = f"A fill-in-the-blank question has exactly one blank, written {BLANK}."
    if kind in ("fill_blank", "short_answer") and choices:
        errors["choices"] = "Only multiple choice questions have options."
    return errors


def clean_item(item):
    """The stored form of a valid item: trimmed text, fixed choices for true/false."""
    kind = item["kind"]
    choices = [c.strip() for c in item.get("choices") or [] if c.strip()]
    if kind == "true_false":
        choices = ["True", "False"]
    elif kind != "multiple_choice":
        choices = []
    accepted = [a.strip() for a in item.get("accepted") or [] if a.strip()]
    return {
        "kind": kind,
        "prompt": item["prompt"].strip(),
        "answer": item["answer"].strip(),
        "choices": choices,
        "accepted": accepted,
        "source_sentence": (item.get("source_sentence") or "").strip(),
        "answer_type": (item.get("answer_type") or "OTHER").strip() or "OTHER",
        "score": float(item.get("score") or 0),
    }


def _row_values(item):
    return [item["kind"], item["prompt"], item["answer"], json.dumps(item["choices"]), json.dumps(item["accepted"]),
            item["source_sentence"], item["answer_type"]]


def create_item(db, article_id, item, *, status="approved"):
    """Add a teacher's own question to an article; returns its id."""
    item = clean_item(item)
    now = to_iso(utcnow())
    cursor = db.execute(
        "INSERT INTO items (article_id, item_key, kind, prompt, answer, choices, accepted, source_sentence, answer_type, "
        "score, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [article_id, "own:" + secrets.token_hex(8), *_row_values(item), item["score"], status, now, now],
    )
    return cursor.lastrowid


def update_item(db, item_id, item):
    """Change an item's text in place: same id, so every student's progress on it stays."""
    item = clean_item(item)
    db.execute(
        "UPDATE items SET kind = ?, prompt = ?, answer = ?, choices = ?, accepted = ?, source_sentence = ?, "
        "answer_type = ?, updated_at = ? WHERE id = ?",
        [*_row_values(item), to_iso(utcnow()), item_id],
    )


def set_status(db, item_ids, status):
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    with db.atomic():
        for item_id in item_ids:
            db.execute("UPDATE items SET status = ?, updated_at = ? WHERE id = ?", [status, to_iso(utcnow()), item_id])


def approve_above(db, threshold, *, article_id=None):
    """Approve every draft scored at or above `threshold`; returns how many."""
    sql = "UPDATE items SET status = 'approved', updated_at = ? WHERE status = 'draft' AND score >= ?"
    params = [to_iso(utcnow()), threshold]
    if article_id:
        sql += " AND article_id = ?"
        params.append(article_id)
    with db.atomic():
        return db.execute(sql, params).rowcount


def find_items(db, *, article_id=None, kind=None, status=None, text=None, flagged_first=True, limit=500):
    """Items matching the filters, flagged ones first, then drafts by score, then newest."""
    sql = (
        "SELECT items.*, articles.title AS article_title, "
        "(SELECT count(*) FROM reports WHERE reports.item_id = items.id AND reports.resolved_at IS NULL) AS open_reports "
        "FROM items JOIN articles ON articles.id = items.article_id WHERE 1 = 1"
    )
    params = []
    for column, value in (("items.article_id", article_id), ("items.kind", kind), ("items.status", status)):
        if value:
            sql += f" AND {column} = ?"
            params.append(value)
    if text:
        sql += " AND (items.prompt LIKE ? OR items.answer LIKE ? OR items.source_sentence LIKE ?)"
        params += [f"%{text}%"] * 3
    order = "open_reports > 0 DESC, " if flagged_first else ""
    sql += f" ORDER BY {order}items.status = 'draft' DESC, items.score DESC, items.id DESC LIMIT ?"
    rows = []
    for row in query(db, sql, params + [limit]):
        row = dict(row)
        row["choices"] = json.loads(row["choices"] or "[]")
        row["accepted"] = json.loads(row["accepted"] or "[]")
        rows.append(row)
    return rows


def report_problem(db, item_id, user_id, reason):
    with db.atomic():
        db.execute(
            "INSERT INTO reports (item_id, user_id, reason, created_at) VALUES (?, ?, ?, ?)",
            [item_id, user_id, reason.strip(), to_iso(utcnow())],
        )


def item_reports(db, item_id):
    return list(query(db, 
        "SELECT reports.*, users.username FROM reports JOIN users ON users.id = reports.user_id "
        "WHERE item_id = ? ORDER BY reports.id DESC", [item_id]))


def resolve_reports(db, item_id):
    with db.atomic():
        db.execute("UPDATE reports SET resolved_at = ? WHERE item_id = ? AND resolved_at IS NULL", [to_iso(utcnow()), item_id])


def articles(db):
    return list(query(db, 
        "SELECT articles.id, articles.title, articles.source, articles.created_at, count(items.id) AS items, "
        "sum(items.status = 'draft') AS drafts, sum(items.status = 'approved') AS approved "
        "FROM articles LEFT JOIN items ON items.article_id = articles.id GROUP BY articles.id ORDER BY articles.id DESC"))


def article_by_title(db, title, *, create=False):
    """The article with this title; with create=True, a new empty one for imported questions."""
    row = db.execute("SELECT id FROM articles WHERE title = ? ORDER BY id LIMIT 1", [title]).fetchone()
    if row or not create:
        return row[0] if row else None
    cursor = db.execute(
        "INSERT INTO articles (title, source, text, text_hash, created_at) VALUES (?, ?, '', ?, ?)",
        [title, "import", text_hash("import:" + title), to_iso(utcnow())],
    )
    return cursor.lastrowid
