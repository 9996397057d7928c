"""Question imports that never overwrite silently: a plan of what a file adds, changes and leaves as it is.

A file that only adds questions is applied at once. A file that would change existing
questions is held (`quizapp/pending_imports.py`) and shown question by question, old
beside new; only the teacher's confirmation applies it, exactly as previewed, and only
if none of those questions changed in the meantime (otherwise nothing is applied).
Writes go a batch per transaction, so students answering meanwhile wait one batch at most.
"""
import logging
import threading
import time
from dataclasses import dataclass

from .. import articles, items, pending_imports
from ..clock import to_iso, utcnow
from ..db import BATCH_SIZE, connect, write_transaction
from . import formats
from .formats import RefusedImport, same_text

COMPARED = ("kind", "prompt", "answer", "choices", "accepted", "source_sentence", "answer_type", "status")
LABELS = {"kind": "Kind", "prompt": "Question", "answer": "Right answer", "choices": "Options",
          "accepted": "Other accepted answers", "source_sentence": "Source sentence", "answer_type": "Answer type",
          "status": "Status"}
log = logging.getLogger(__name__)
BACKGROUND_BYTES = 200_000  # a file longer than this (some 3,000 rows) is read, checked and planned on a thread of its own
PAUSE = 0.01  # seconds between two batches, for the students' answers waiting on the writers' locks
PREVIEW_ROWS = 500  # new questions listed one by one on the preview; every change to an existing one is always shown


@dataclass
class Outcome:
    """What an import did, or the token of the preview it waits on."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    token: str | None = None

    @property
    def message(self):
        text = f"Imported {self.created} new and updated {self.updated} existing questions."
        return text + (f" {self.unchanged} already said the same and were left as they were." if self.unchanged else "")


def _state(item):
    """The part of a stored item an import may change, as compared and shown."""
    return {name: item[name] for name in COMPARED}


def plan_import(db, parsed, *, default_status="approved", trust_titles=False):
    """Every parsed question as a plan entry (`add`, `change` with the changed fields, or `same`), or RefusedImport.

    A GIFT title like `Q2` names question 2 only when that question asks the same (or with
    `trust_titles`, the teacher's choice); otherwise it is a new question, so that a file
    from elsewhere never lands on a question students have progress on. Fields a file does
    not hold (a GIFT file has no source sentence) keep their stored values."""
    errors, plan, article_titles, rows_of = [], [], {}, {}
    for entry in parsed:
        existing = items.get_item(db, entry.item_id) if entry.item_id is not None else None
        if entry.id_from_title and not trust_titles and (
                existing is None or not same_text(existing["prompt"], entry.item.get("prompt"))):
            entry.item_id, existing = None, None
        if entry.item_id is not None and existing is None:
            entry.errors.append(f"id: there is no question {entry.item_id} to update.")
        elif entry.item_id is not None and entry.item_id in rows_of:
            entry.errors.append(f"id: question {entry.item_id} is already updated by row {rows_of[entry.item_id]}.")
        elif entry.item_id is not None:
            rows_of[entry.item_id] = entry.line
        errors += [f"Row {entry.line}, {message}" for message in entry.errors]
        if entry.errors or errors:
            continue
        if existing is None:
            new = items.clean_item(entry.item)
            new["status"] = entry.status or default_status
            plan.append({"action": "add", "line": entry.line, "article": entry.article, "new": new})
            continue
        old = _state(existing)
        new = _state({**old, **items.clean_item({**old, **entry.item}), "status": entry.status or old["status"]})
        if existing["article_id"] not in article_titles:
            article_titles[existing["article_id"]] = articles.get_article(db, existing["article_id"])["title"]
        changed = [name for name in COMPARED if new[name] != old[name]]
        plan.append({"action": "change" if changed else "same", "line": entry.line, "item_id": entry.item_id,
                     "article": article_titles[existing["article_id"]], "old": old, "new": new, "fields": changed})
    if errors:
        raise RefusedImport(errors)
    if not plan:
        raise RefusedImport(["The file holds no questions."])
    known = articles.ids_by_title(db, [entry["article"] for entry in plan if entry["action"] == "add"])
    for entry in plan:
        if entry["action"] == "add":
            entry["new_article"] = entry["article"] not in known
    return plan


def summary(plan):
    """How many questions the plan adds, changes and leaves as they are."""
    counts = {"add": 0, "change": 0, "same": 0}
    for entry in plan:
        counts[entry["action"]] += 1
    return {"added": counts["add"], "changed": counts["change"], "unchanged": counts["same"]}


def start_import(db, user_id, parsed, *, trust_titles=False, database=None):
    """Hold a file that changes existing questions for the preview (Outcome.token); apply one that does not:
    at once when it is one batch, else (given the `database` path) on a thread of its own, the token's page
    showing its progress, so the server thread that read the file is free again for the students."""
    plan = plan_import(db, parsed, trust_titles=trust_titles)
    counts = summary(plan)
    if counts["changed"]:
        return Outcome(token=pending_imports.hold(db, user_id, plan, counts))
    if database is not None and len(plan) > BATCH_SIZE:
        token = pending_imports.hold(db, user_id, plan, counts)
        start_confirmation(database, user_id, token)
        return Outcome(token=token)
    created, updated = apply_plan(db, plan)
    return Outcome(created, updated, counts["unchanged"])


def pending(db, user_id, token, *, with_plan=True):
    """This teacher's held import (plan, summary, applied, worked_at, errors, finished_at), or None."""
    return pending_imports.find(db, token, user_id, with_plan=with_plan)


def stalled(held):
    """Whether the worker of a held import went silent (the server stopped while it read or wrote)."""
    return held["worked_at"] is not None and held["worked_at"] < to_iso(utcnow() - pending_imports.SILENT)


def outcome(held):
    """What a finished held import did."""
    counts = held["summary"]
    return Outcome(counts["added"], counts["changed"], counts["unchanged"])


def read_file(text, file_format):
    """The questions of a CSV or GIFT file's text, or RefusedImport naming every bad row."""
    return formats.parse_gift(text) if file_format == "gift" else formats.parse_questions_csv(text)


def start_reading(database, user_id, text, file_format, *, trust_titles=False):
    """Read, check and plan a long file on a thread of its own, then go on as `start_import` does; returns the
    token whose page shows how it goes (its errors, its preview, its progress, its outcome)."""
    db = connect(database)
    try:
        token = pending_imports.hold(db, user_id, [], {}, reading=True)
    finally:
        db.close()
    threading.Thread(target=_read_held, args=(database, user_id, token, text, file_format, trust_titles),
                     daemon=True).start()
    return token


def _read_held(database, user_id, token, text, file_format, trust_titles):
    db = connect(database)
    held = pending_imports.find(db, token, user_id, with_plan=False)
    try:
        try:
            plan = plan_import(db, read_file(text, file_format), trust_titles=trust_titles)
        except RefusedImport as refused:
            pending_imports.fail(db, held["id"], refused.errors)
            return
        counts = summary(plan)
        pending_imports.set_plan(db, held["id"], plan, counts)
        if not counts["changed"] and pending_imports.claim(db, held["id"]):
            confirm_import(db, user_id, token)
    except RefusedImport:
        pass  # kept on the row by confirm_import, for the page
    except Exception as error:  # noqa: BLE001 - a thread's error reaches no one else: the teacher must see it
        log.exception("Reading import %s failed", held["id"])
        pending_imports.fail(db, held["id"], [f"The import stopped ({type(error).__name__}: {error})."])
    finally:
        db.close()


def start_confirmation(database, user_id, token):
    """Write a held import on a thread of its own, so the request (and the server thread) returns at once;
    False when there is no such import of this teacher. A second confirmation while one writes starts nothing."""
    db = connect(database)
    try:
        held = pending_imports.find(db, token, user_id, with_plan=False)
        if held is None:
            return False
        if held["summary"] and held["finished_at"] is None and pending_imports.claim(db, held["id"]):
            threading.Thread(target=_write_held, args=(database, user_id, token, held["id"]), daemon=True).start()
    finally:
        db.close()
    return True


def _write_held(database, user_id, token, pending_id):
    db = connect(database)
    try:
        confirm_import(db, user_id, token)
    except RefusedImport:
        pass  # kept on the row by confirm_import, for the page
    except Exception as error:  # noqa: BLE001 - a thread's error reaches no one else: the teacher must see it
        log.exception("Writing import %s failed", pending_id)
        pending_imports.fail(db, pending_id, [f"The import stopped ({type(error).__name__}: {error}). "
                                              "Confirm it again to write the rest."])
    finally:
        db.close()


def confirm_import(db, user_id, token):
    """Apply a held import exactly as previewed; None when there is no such import of this teacher.

    Refused whole (RefusedImport, nothing written, the reasons kept on the row) when a question it
    changes was edited since the preview."""
    held = pending_imports.find(db, token, user_id)
    if held is None:
        return None
    if held["finished_at"] is None:
        try:
            _check_unchanged(db, held["plan"][held["applied"]:], written=held["applied"])
            apply_plan(db, held["plan"], pending_id=held["id"])
        except RefusedImport as refused:
            pending_imports.fail(db, held["id"], refused.errors)
            raise
        pending_imports.finish(db, held["id"], held["summary"])
    return outcome(held)


def cancel_import(db, user_id, token):
    """Forget a held import of this teacher of which nothing is written yet; True when it was dropped."""
    held = pending_imports.find(db, token, user_id, with_plan=False)
    if held is None or held["finished_at"] or held["worked_at"] or held["applied"]:
        return False
    pending_imports.drop(db, held["id"])
    return True


def _check_unchanged(db, plan, *, written=0):
    """RefusedImport when a question the plan changes or keeps no longer holds what the preview showed."""
    moved = [entry for entry in plan if entry["action"] != "add"
             and (_current(db, entry["item_id"]) != entry["old"])]
    if moved:
        after = (f"{written} of the file's questions had been imported before; the rest was not." if written else
                 "Nothing was imported; import the file again to see what it changes now.")
        raise RefusedImport([f"Row {entry['line']}: question {entry['item_id']} was changed after the preview."
                             for entry in moved] + [after])


def _current(db, item_id):
    item = items.get_item(db, item_id)
    return _state(item) if item else None


def apply_plan(db, plan, *, pending_id=None):
    """Write a plan a batch per transaction; returns (created, updated) written by this call.

    With `pending_id`, where to start is read (and moved on) inside each batch's
    transaction, so two confirmations of one import never write an entry twice."""
    created = updated = position = 0
    while pending_id is not None or position < len(plan):
        with write_transaction(db):
            if pending_id is not None:
                position = pending_imports.applied_count(db, pending_id) or 0
            batch = plan[position:position + BATCH_SIZE]
            if not batch:
                break
            if pending_id is not None:
                _check_unchanged(db, batch, written=position)  # an edit that slipped in since the check before the first batch
            added = [entry for entry in batch if entry["action"] == "add"]
            article_ids = articles.articles_for_import(db, [entry["article"] for entry in added])
            created += items.create_items(db, [(article_ids[e["article"]], e["new"], e["new"]["status"]) for e in added])
            for entry in batch:
                if entry["action"] == "change":
                    items.update_item(db, entry["item_id"], entry["new"], status=entry["new"]["status"])
                    updated += 1
            position += len(batch)
            if pending_id is not None:
                pending_imports.advance(db, pending_id, position)
        time.sleep(PAUSE)  # the writers' locks are not fair: without a pause the next batch takes them again at once
    return created, updated
