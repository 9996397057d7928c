"""Teacher pages for reviewing questions: drafts and reported ones, statuses, bulk approval."""
from flask import abort, flash, redirect, render_template, request, url_for

from .. import items, reports
from ..auth.guards import teacher_required
from ..db import get_db
from . import bp, question_bank
from .forms import ApproveAboveForm
from .responses import back_or


@bp.route("/review")
@teacher_required
def review():
    """Questions students reported, then drafts waiting for review."""
    flagged, drafts = question_bank.review_lists(get_db())
    return render_template("teacher/review.html", flagged=flagged, drafts=drafts, approve_form=ApproveAboveForm())


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
        flash(f"Approved {count} draft questions scored {form.threshold.data:.2f} or more.")
    return back_or("teacher.review")
