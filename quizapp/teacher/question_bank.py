"""What the teacher's question-bank pages do: review lists, saving questions, statuses, imports."""
from .. import articles, items, paging, reports
from ..db import BATCH_SIZE, batches, write_transaction
from .formats import RefusedImport, same_text


def article_choices(db):
    """(article id, title) of every article, newest first."""
    return [(row["id"], row["title"]) for row in articles.list_articles(db)]


def review_lists(db, *, flagged_page=None, drafts_page=None):
    """For the review page, a page of each list (page numbers as given in the URL): (items students
    flagged, each with its open reports' reasons, their paging.Page, drafts nobody flagged, their Page)."""
    flagged_at = paging.page_of(flagged_page, items.count_items(db, flagged=True))
    flagged = items.find_items(db, flagged=True, offset=flagged_at.offset, limit=flagged_at.size)
    reasons = reports.open_reasons(db, [i["id"] for i in flagged])
    for item in flagged:
        item["reasons"] = reasons.get(item["id"], [])
    drafts_at = paging.page_of(drafts_page, items.count_items(db, status="draft", flagged=False))
    drafts = items.find_items(db, status="draft", flagged=False, offset=drafts_at.offset, limit=drafts_at.size)
    return flagged, flagged_at, drafts, drafts_at


def question_page(db, page_number, **filters):
    """A page of the question bank with these filters: (items, paging.Page)."""
    page = paging.page_of(page_number, items.count_items(db, **filters))
    return items.find_items(db, **filters, offset=page.offset, limit=page.size), page


def bulk_status(db, item_ids, status, *, resolve=False):
    """Give every listed item that exists the new status, in one write transaction (a page of the
    queue, at most db.BATCH_SIZE items); with `resolve` their reports are dealt with too. Returns how many."""
    if len(item_ids) > BATCH_SIZE:
        raise ValueError(f"at most {BATCH_SIZE} questions at once")
    with write_transaction(db):
        known = [item_id for item_id in dict.fromkeys(item_ids) if items.item_exists(db, item_id)]
        items.set_status(db, known, status)
        if resolve:
            for item_id in known:
                reports.resolve_reports(db, item_id)
    return len(known)


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
