"""The `items` table: quiz items, their rules (kinds, statuses, validation) and their row <-> dict mapping.

An item is identified within its article by a key over what a student sees, so
re-running the generator keeps the ids, and so the students' progress, of every
item that did not change.
"""
import hashlib
import json
import math
import secrets

from questions.checker import BLANK

from .clock import to_iso, utcnow
from .db import batches, query, write_transaction
from .figures import shown_score

# The generator's item contract (questions.checker) names the kinds and the blank; these are their labels.
KINDS = {
    "multiple_choice": "Multiple choice",
    "true_false": "True / false",
    "fill_blank": "Fill in the blank",
    "short_answer": "Short answer",
}
STATUSES = ("draft", "approved", "rejected", "retired")

# The fact an item asks, as one key per article: the generator's `fact`, else its source sentence (hand-written,
# imported and older items), else the item alone. Items with one key are studied as one card (study.services).
FACT_KEY_SQL = ("(items.article_id || ':' || CASE WHEN coalesce(items.fact, '') != '' THEN 'fact:' || items.fact "
                "WHEN coalesce(items.source_sentence, '') != '' THEN 'sentence:' || items.source_sentence "
                "ELSE 'item:' || items.id END)")


def item_key(item):
    """Identity of an item within its article: kind, prompt, answer and choices."""
    payload = json.dumps([item["kind"], item["prompt"], item["answer"], sorted(item.get("choices") or [])])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


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
        elif choices.count(answer) != 1:
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
        "score": _finite(item.get("score")),
    }


def _finite(score):
    """A score as a float, 0 for a missing or non-finite one (SQLite would store NaN as NULL)."""
    score = float(score or 0)
    return score if math.isfinite(score) else 0.0


def from_row(row):
    """An item dict from an `items` row: the JSON columns decoded (here and nowhere else)."""
    item = dict(row)
    item["choices"] = json.loads(item["choices"] or "[]")
    item["accepted"] = json.loads(item["accepted"] or "[]")
    if "score" in item and item["score"] is None:
        item["score"] = 0.0  # a NaN once stored reads back as NULL: shown and sorted as 0
    return item


def _text_columns(item):
    return [item["kind"], item["prompt"], item["answer"], json.dumps(item["choices"]), json.dumps(item["accepted"]),
            item["source_sentence"], item["answer_type"]]


def get_item(db, item_id):
    """The item with this id, or None."""
    row = next(query(db, "SELECT * FROM items WHERE id = ?", [item_id]), None)
    return from_row(row) if row else None


def item_exists(db, item_id):
    """Whether there is an item with this id."""
    return db.execute("SELECT 1 FROM items WHERE id = ?", [item_id]).fetchone() is not None


def add_generated_items(db, article_id, items, *, status, now, min_score=0.0):
    """Add the generator's items an article does not have yet (by key), each with its `fact`; returns how many
    were added. Items scored below `min_score` wait as drafts for a teacher's review, whatever `status` says."""
    with write_transaction(db):
        known = {key for (key,) in db.execute("SELECT item_key FROM items WHERE article_id = ?", [article_id])}
        added = 0
        for item in items:
            key = item_key(item)
            fact = str(item.get("fact") or "").strip() or None
            if key in known:
                if fact:  # an item stored before facts were kept gets its fact from the generator's new run
                    db.execute("UPDATE items SET fact = ? WHERE article_id = ? AND item_key = ? AND fact IS NULL",
                               [fact, article_id, key])
                continue
            known.add(key)
            db.execute(
                "INSERT INTO items (article_id, item_key, kind, prompt, answer, choices, accepted, source_sentence, "
                "answer_type, score, status, created_at, fact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article_id, key, item["kind"], item["prompt"], item["answer"], json.dumps(item.get("choices") or []),
                 json.dumps(item.get("accepted") or []), item.get("source_sentence") or "",
                 item.get("answer_type") or "OTHER", float(item.get("score") or 0),
                 status if float(item.get("score") or 0) >= min_score else "draft", now, fact],
            )
            added += 1
    return added


def create_item(db, article_id, item, *, status="approved"):
    """Add a teacher's own question to an article; returns its id."""
    item = clean_item(item)
    now = to_iso(utcnow())
    with write_transaction(db):
        cursor = db.execute(
            "INSERT INTO items (article_id, item_key, kind, prompt, answer, choices, accepted, source_sentence, "
            "answer_type, score, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [article_id, "own:" + secrets.token_hex(8), *_text_columns(item), item["score"], status, now, now],
        )
    return cursor.lastrowid


def update_item(db, item_id, item, *, article_id=None, status=None):
    """Change an item's text (and article or status) in place: same id, so every student's progress stays."""
    item = clean_item(item)
    with write_transaction(db):
        db.execute(
            "UPDATE items SET kind = ?, prompt = ?, answer = ?, choices = ?, accepted = ?, source_sentence = ?, "
            "answer_type = ?, updated_at = ?, article_id = coalesce(?, article_id), status = coalesce(?, status) "
            "WHERE id = ?",
            [*_text_columns(item), to_iso(utcnow()), article_id, status, item_id],
        )


def set_status(db, item_ids, status):
    """Give these items a new status, a batch per transaction."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}")
    for batch in batches(item_ids):
        with write_transaction(db):
            now = to_iso(utcnow())
            db.conn.executemany("UPDATE items SET status = ?, updated_at = ? WHERE id = ?",
                                [(status, now, item_id) for item_id in batch])


def approve_above(db, threshold, *, article_id=None):
    """Approve every draft whose score as shown (two decimals) is at or above `threshold` as shown, in batches;
    returns how many."""
    sql = "SELECT id, score FROM items WHERE status = 'draft'"
    params = []
    if article_id:
        sql += " AND article_id = ?"
        params.append(article_id)
    least = shown_score(threshold)
    item_ids = [item_id for item_id, score in db.execute(sql, params).fetchall() if shown_score(score) >= least]
    approved = 0
    for batch in batches(item_ids):
        with write_transaction(db):
            now = to_iso(utcnow())
            approved += sum(
                db.execute("UPDATE items SET status = 'approved', updated_at = ? WHERE id = ? AND status = 'draft'",
                           [now, item_id]).rowcount
                for item_id in batch
            )
    return approved


OPEN_REPORT = "EXISTS (SELECT 1 FROM reports WHERE reports.item_id = items.id AND reports.resolved_at IS NULL)"


def _where(*, article_id=None, kind=None, status=None, text=None, flagged=None):
    """(WHERE clause, parameters) for the filters of `find_items` and `count_items`."""
    sql, params = " WHERE 1 = 1", []
    for column, value in (("items.article_id", article_id), ("items.kind", kind), ("items.status", status)):
        if value:
            sql += f" AND {column} = ?"
            params.append(value)
    if text:
        # instr, not LIKE: no pattern to grow too complex for SQLite, and % or _ are searched for as typed
        sql += (" AND (instr(lower(items.prompt), lower(?)) OR instr(lower(items.answer), lower(?))"
                " OR instr(lower(items.source_sentence), lower(?)))")
        params += [text] * 3
    if flagged is not None:
        sql += f" AND {'' if flagged else 'NOT '}{OPEN_REPORT}"
    return sql, params


def find_items(db, *, article_id=None, kind=None, status=None, text=None, flagged=None, flagged_first=True, limit=500,
               offset=0):
    """Items matching the filters, flagged ones first, then drafts by score, then newest (`flagged`:
    True for only those with open reports, False for only those without)."""
    where, params = _where(article_id=article_id, kind=kind, status=status, text=text, flagged=flagged)
    sql = (
        "SELECT items.*, articles.title AS article_title, "
        "(SELECT count(*) FROM reports WHERE reports.item_id = items.id AND reports.resolved_at IS NULL) AS open_reports "
        "FROM items JOIN articles ON articles.id = items.article_id" + where
    )
    order = "open_reports > 0 DESC, " if flagged_first else ""
    sql += f" ORDER BY {order}items.status = 'draft' DESC, items.score DESC, items.id DESC LIMIT ? OFFSET ?"
    return [from_row(row) for row in query(db, sql, params + [limit, offset])]


def count_items(db, **filters):
    """How many items `find_items` would list with these filters and no limit."""
    where, params = _where(**filters)
    return db.execute("SELECT count(*) FROM items" + where, params).fetchone()[0]


def approved_items(db):
    """Every approved item, for the exports."""
    return find_items(db, status="approved", flagged_first=False, limit=1_000_000)


def status_counts(db):
    """(drafts, approved, items with open reports) for the teacher's dashboard."""
    drafts, approved, flagged = db.execute(
        "SELECT sum(status = 'draft'), sum(status = 'approved'), "
        "(SELECT count(DISTINCT item_id) FROM reports WHERE resolved_at IS NULL) FROM items"
    ).fetchone()
    return drafts or 0, approved or 0, flagged or 0


def studyable_items(db, *, article_id=None):
    """Every approved item's id, article, kind, score, source sentence and fact key, best first within an article."""
    sql = (f"SELECT items.id, items.article_id, items.kind, items.score, items.source_sentence, {FACT_KEY_SQL} AS fact_key "
           "FROM items WHERE items.status = 'approved'")
    params = []
    if article_id:
        sql += " AND items.article_id = ?"
        params.append(article_id)
    return list(query(db, sql + " ORDER BY items.article_id, items.score DESC, items.id", params))


def unseen_item_ids(db, user_id, *, article_id=None, limit=10):
    """Approved items this user has never studied, best first, one per sentence before repeats."""
    sql = (
        "SELECT items.id, items.source_sentence FROM items WHERE items.status = 'approved' "
        "AND NOT EXISTS (SELECT 1 FROM cards WHERE cards.user_id = ? AND cards.item_id = items.id)"
    )
    params = [user_id]
    if article_id:
        sql += " AND items.article_id = ?"
        params.append(article_id)
    sql += " ORDER BY items.article_id, items.score DESC, items.id"
    firsts, repeats, seen = [], [], set()
    for item_id, sentence in db.execute(sql, params).fetchall():
        (repeats if sentence in seen else firsts).append(item_id)
        seen.add(sentence)
        if len(firsts) >= limit:
            break
    return (firsts + repeats)[:limit]


def items_with_titles(db):
    """Every item's id, kind, prompt, answer and status, with its article's title."""
    return list(query(db,
        "SELECT items.id, items.kind, items.prompt, items.answer, items.status, articles.title AS article_title "
        "FROM items JOIN articles ON articles.id = items.article_id"))


def retire_article_items(db, article_id):
    """Retire an article's drafts and approved questions (the article is deleted); returns how many."""
    with write_transaction(db):
        return db.execute("UPDATE items SET status = 'retired', updated_at = ? WHERE article_id = ? "
                          "AND status IN ('draft', 'approved')", [to_iso(utcnow()), article_id]).rowcount


def create_items(db, rows):
    """Add many teachers' questions at once: `rows` of (article id, item, status), in one statement."""
    now = to_iso(utcnow())
    cleaned = [(article_id, clean_item(item), status) for article_id, item, status in rows]
    with write_transaction(db):
        db.conn.executemany(
            "INSERT INTO items (article_id, item_key, kind, prompt, answer, choices, accepted, source_sentence, "
            "answer_type, score, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, "own:" + secrets.token_hex(8), *_text_columns(item), item["score"], status, now, now)
             for article_id, item, status in cleaned])
    return len(cleaned)
