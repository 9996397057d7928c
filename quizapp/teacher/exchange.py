"""Teacher pages that move questions in and out: CSV, GIFT and Anki exports, and imports."""
from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from .. import items
from ..auth.guards import teacher_required
from ..db import get_db
from . import bp, formats, imports
from .forms import ConfirmImportForm, ImportForm
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
    """Import a CSV or GIFT file: every question, or none and every error; changes to existing questions wait for a yes."""
    form = ImportForm()
    errors = []
    if form.validate_on_submit():
        upload = form.upload.data
        if not upload or not getattr(upload, "filename", ""):
            form.upload.errors.append("Choose a file to import.")
        else:
            database = current_app.config["DATABASE"]
            try:
                text = formats.decode(upload.read(current_app.config["MAX_CONTENT_LENGTH"]))
                if len(text) > imports.BACKGROUND_BYTES:  # the server thread is free again at once for the students
                    token = imports.start_reading(database, current_user.id, text, form.format.data,
                                                  trust_titles=form.trust_titles.data)
                    return redirect(url_for("teacher.import_preview", token=token))
                outcome = imports.start_import(get_db(), current_user.id, imports.read_file(text, form.format.data),
                                               trust_titles=form.trust_titles.data, database=database)
            except formats.RefusedImport as refused:
                errors = refused.errors
            else:
                if outcome.token:
                    return redirect(url_for("teacher.import_preview", token=outcome.token))
                flash(outcome.message)
                return redirect(url_for("teacher.question_list"))
    return render_template("teacher/import.html", form=form, errors=errors)


@bp.route("/import/<token>", methods=["GET", "POST"])
@teacher_required
def import_preview(token):
    """What a held import will change, question by question; `Confirm import` writes it (on a thread of its own,
    this page showing how far it got), `Cancel import` drops it."""
    db, form = get_db(), ConfirmImportForm()
    held = imports.pending(db, current_user.id, token, with_plan=False)
    if held is None:
        abort(404)
    if form.validate_on_submit():
        if form.cancel.data:
            if imports.cancel_import(db, current_user.id, token):
                flash("Import cancelled: nothing was changed.")
                return redirect(url_for("teacher.import_questions"))
        else:
            imports.start_confirmation(current_app.config["DATABASE"], current_user.id, token)
        return redirect(url_for("teacher.import_preview", token=token))
    if held["finished_at"]:
        flash(imports.outcome(held).message)
        return redirect(url_for("teacher.question_list"))
    if held["worked_at"] and not imports.stalled(held):
        return render_template("teacher/import_preview.html", held=held, form=form, writing=True)
    if not held["summary"]:  # refused while it was read, or the server stopped meanwhile
        errors = held["errors"] or ["The server stopped while it read the file: nothing was imported. Import it again."]
        return render_template("teacher/import.html", form=ImportForm(formdata=None), errors=errors)
    return render_template("teacher/import_preview.html", held=imports.pending(db, current_user.id, token), form=form,
                           labels=imports.LABELS, preview_rows=imports.PREVIEW_ROWS, writing=False)
