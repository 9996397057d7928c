"""What the teacher's question-bank pages do: review lists, saving questions, statuses, imports."""
from .. import articles, items, reports
from ..db import write_transaction
from . import imports


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
    """Store every parsed question at once, or refuse the file: returns (created, updated).

    The plan and its rules are `imports.plan_import`'s; the import page holds a file that
    changes existing questions for the teacher's confirmation instead (`imports.start_import`)."""
    return imports.apply_plan(db, imports.plan_import(db, parsed, default_status=default_status, trust_titles=trust_titles))
