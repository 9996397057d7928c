"""Teacher pages for reviewing questions: drafts and reported ones, statuses, bulk approval."""
from flask import abort, flash, redirect, render_template, request, url_for

from .. import items, reports
from ..auth.guards import teacher_required
from ..db import get_db
from ..display import counted
from . import bp, question_bank
from .forms import ApproveAboveForm
from .responses import back_or


@bp.route("/review")
@teacher_required
def review():
    """Questions students reported, then drafts waiting for review, a page of each."""
    flagged, flagged_page, drafts, drafts_page = question_bank.review_lists(
        get_db(), flagged_page=request.args.get("reported_page"), drafts_page=request.args.get("page"))
    return render_template("teacher/review.html", flagged=flagged, flagged_page=flagged_page, drafts=drafts,
                           drafts_page=drafts_page, approve_form=ApproveAboveForm())


BULK_STATUSES = {"approved": "approved", "rejected": "rejected"}


@bp.route("/questions/bulk-status", methods=["POST"])
@teacher_required
def bulk_status():
    """Approve or reject the questions ticked in the queue, in one transaction, and go back to the same place."""
    status = BULK_STATUSES.get(request.form.get("status"))
    if status is None:
        abort(400, "Unknown status.")
    chosen = request.form.getlist("item_id", type=int)
    shown = request.form.getlist("shown", type=int)  # the page's questions in order: where to come back to
    if not chosen:
        flash("Tick at least one question first.")
        return back_or("teacher.review", anchor=request.form.get("list") or None)
    try:
        count = question_bank.bulk_status(get_db(), chosen, status, resolve=bool(request.form.get("resolve")))
    except ValueError as error:
        abort(400, str(error))
    flash(f"{count} question{'s' if count != 1 else ''} {status}.")
    return back_or("teacher.review", anchor=_place_after(shown, set(chosen)) or request.form.get("list") or None)


def _place_after(shown, chosen):
    """The anchor of the first question left on the page after the first one ticked, or None."""
    ticked = [n for n, item_id in enumerate(shown) if item_id in chosen]
    rest = [item_id for item_id in shown[ticked[0]:] if item_id not in chosen] if ticked else []
    return f"item-{rest[0]}" if rest else None


@bp.route("/questions/<int:item_id>/status", methods=["POST"])
@teacher_required
def set_status(item_id):
    """Approve, reject or retire one question (optionally resolving its reports)."""
    db = get_db()
    status = request.form.get("status")
    if not items.item_exists(db, item_id):
        abort(404)
    if status not in items.STATUSES:
        abort(400, "Unknown status.")
    question_bank.change_status(db, item_id, status, resolve=bool(request.form.get("resolve")))
    flash(f"Question {item_id} is now {status}.")
    after = request.form.get("after", type=int)  # the item below it, which takes its place in the list
    return back_or("teacher.review", anchor=f"item-{after or item_id}")


@bp.route("/questions/<int:item_id>/resolve", methods=["POST"])
@teacher_required
def resolve(item_id):
    """Mark the reports on a question as dealt with."""
    db = get_db()
    if not items.item_exists(db, item_id):
        abort(404)
    reports.resolve_reports(db, item_id)
    flash(f"Reports on question {item_id} marked as dealt with.")
    return redirect(url_for("teacher.review"))


@bp.route("/questions/approve-above", methods=["POST"])
@teacher_required
def approve_above():
    """Approve every draft scored at or above a threshold."""
    form = ApproveAboveForm()
    if not form.validate_on_submit():
        flash(" ".join(sum(form.errors.values(), [])))
    else:
        count = items.approve_above(get_db(), form.threshold.data, article_id=request.form.get("article_id", type=int))
        flash(f"Approved {counted(count, 'draft question')} scored {form.threshold.data:.2f} or more.")
    return back_or("teacher.review")
