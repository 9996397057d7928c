"""Teacher pages that move questions in and out: CSV, GIFT and Anki exports, and imports."""
from flask import current_app, flash, redirect, render_template, url_for

from .. import items
from ..auth.guards import teacher_required
from ..db import get_db
from . import bp, formats, question_bank
from .forms import ImportForm
from .responses import download


@bp.route("/questions.csv")
@teacher_required
def export_questions_csv():
    """The approved questions as CSV."""
    return download(formats.questions_csv(items.approved_items(get_db())), "quizapp-questions.csv", "text/csv")


@bp.route("/questions.gift.txt")
@teacher_required
def export_questions_gift():
    """The approved questions as Moodle GIFT."""
    text = formats.questions_gift(items.approved_items(get_db()))
    return download(text, "quizapp-questions.gift.txt", "text/plain; charset=utf-8")


@bp.route("/questions.apkg")
@teacher_required
def export_questions_anki():
    """The approved questions as an Anki package."""
    data = formats.questions_apkg(items.approved_items(get_db()))
    return download(data, "quizapp.apkg", "application/octet-stream")


@bp.route("/import", methods=["GET", "POST"])
@teacher_required
def import_questions():
    """Import a CSV or GIFT file: every question, or none and every error."""
    form = ImportForm()
    errors = []
    if form.validate_on_submit():
        upload = form.upload.data
        if not upload or not getattr(upload, "filename", ""):
            form.upload.errors.append("Choose a file to import.")
        else:
            try:
                text = formats.decode(upload.read(current_app.config["MAX_CONTENT_LENGTH"]))
                parsed = formats.parse_gift(text) if form.format.data == "gift" else formats.parse_questions_csv(text)
                created, updated = question_bank.apply_import(get_db(), parsed, trust_titles=form.trust_titles.data)
            except formats.RefusedImport as refused:
                errors = refused.errors
            else:
                flash(f"Imported {created} new and updated {updated} existing questions.")
                return redirect(url_for("teacher.question_list"))
    return render_template("teacher/import.html", form=form, errors=errors)
