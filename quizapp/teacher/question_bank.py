"""What the teacher's question-bank pages do: review lists, saving questions, statuses, imports."""
from .. import articles, items, reports
from ..db import batches, write_transaction
from .formats import RefusedImport, same_text


def article_choices(db):
    """(article id, title) of every article, newest first."""
    return [(row["id"], row["title"]) for row in articles.list_articles(db)]


def review_lists(db):
    """(items students flagged, each with its open reports' reasons, drafts nobody flagged) for the review page."""
    flagged = [i for i in items.find_items(db) if i["open_reports"]]
    reasons = reports.open_reasons(db, [i["id"] for i in flagged])
    for item in flagged:
        item["reasons"] = reasons.get(item["id"], [])
    drafts = [i for i in items.find_items(db, status="draft") if not i["open_reports"]]
    return flagged, drafts


def change_status(db, item_id, status, *, resolve=False):
    """Give one item a new status, and with `resolve` mark its reports as dealt with."""
    with write_transaction(db):
        items.set_status(db, [item_id], status)
        if resolve:
            reports.resolve_reports(db, item_id)


def apply_import(db, parsed, *, default_status="approved", trust_titles=False):
    """Store every parsed question, or refuse the file: returns (created, updated).

    Every row is checked before anything is written; the writes then go in batches, so
    students answering meanwhile never wait behind a long import. A GIFT title like
    `Q2` updates question 2 only when that question says the same (or with
    `trust_titles`, the teacher's choice); otherwise it is a new question, so that
    a file from elsewhere never overwrites a question students have progress on."""
    errors = []
    for entry in parsed:
        if entry.id_from_title and not trust_titles:
            existing = items.get_item(db, entry.item_id)
            if existing is None or not same_text(existing["prompt"], entry.item.get("prompt")):
                entry.item_id = None
        if entry.item_id is not None and not items.item_exists(db, entry.item_id):
            entry.errors.append(f"id: there is no question {entry.item_id} to update.")
        errors += [f"Row {entry.line}, {message}" for message in entry.errors]
    if errors:
        raise RefusedImport(errors)
    if not parsed:
        raise RefusedImport(["The file holds no questions."])
    created = updated = 0
    for batch in batches(parsed):
        with write_transaction(db):
            for entry in batch:
                if entry.item_id is not None:
                    items.update_item(db, entry.item_id, entry.item, status=entry.status)
                    updated += 1
                else:
                    article_id = articles.article_by_title(db, entry.article, create=True)
                    items.create_item(db, article_id, entry.item, status=entry.status or default_status)
                    created += 1
    return created, updated
