"""What the teacher's question-bank pages do: review lists, saving questions, statuses, imports."""
from .. import articles, items, paging, reports
from ..db import BATCH_SIZE, write_transaction
from . import imports


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
    """Store every parsed question at once, or refuse the file: returns (created, updated).

    The plan and its rules are `imports.plan_import`'s; the import page holds a file that
    changes existing questions for the teacher's confirmation instead (`imports.start_import`)."""
    return imports.apply_plan(db, imports.plan_import(db, parsed, default_status=default_status, trust_titles=trust_titles))
