"""Teacher pages for articles and questions: upload, review, edit, import (on teacher.bp)."""
from urllib.parse import urlsplit

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

import questions

from . import bank, exchange, jobs
from .auth import safe_next, teacher_required
from .db import get_db, query
from .forms import ApproveAboveForm, ArticleForm, FilterForm, ImportForm, ItemForm, options
from .practice import get_item
from .teacher import bp


def article_choices(db):
    return options((row["id"], row["title"]) for row in bank.articles(db))


@bp.route("/articles")
@teacher_required
def articles():
    return render_template("teacher/articles.html", articles=bank.articles(get_db()))


@bp.route("/articles/new", methods=["GET", "POST"])
@teacher_required
def new_article():
    form = ArticleForm()
    if form.validate_on_submit():
        text = form.text.data
        title = (form.title.data or "").strip() or questions.article_title(text)
        upload = getattr(form.upload.data, "filename", "") or ""
        source = f"upload:{upload}" if upload else f"pasted:{title}"
        job_id = jobs.start(current_app.config["DATABASE"], current_user.id, title=title, text=text, source=source)
        return redirect(url_for("teacher.job", job_id=job_id))
    return render_template("teacher/new_article.html", form=form)


@bp.route("/jobs/<int:job_id>")
@teacher_required
def job(job_id):
    row = jobs.get(get_db(), job_id, current_user.id)
    if row is None:
        abort(404)
    return render_template("teacher/job.html", job=row)


@bp.route("/articles/<int:article_id>")
@teacher_required
def article(article_id):
    db = get_db()
    row = next(query(db, "SELECT * FROM articles WHERE id = ?", [article_id]), None)
    if row is None:
        abort(404)
    return render_template("teacher/article.html", article=row, items=bank.find_items(db, article_id=article_id),
                           approve_form=ApproveAboveForm())


@bp.route("/questions")
@teacher_required
def question_list():
    db = get_db()
    form = FilterForm(request.args)
    form.article.choices = options([(0, "All articles")]) + article_choices(db)
    form.kind.choices = options([("", "All kinds"), *bank.KINDS.items()])
    form.status.choices = options([("", "Any status")] + [(s, s.capitalize()) for s in bank.STATUSES])
    if not form.validate():
        form.article.data, form.kind.data, form.status.data = 0, "", ""
    items = bank.find_items(db, article_id=form.article.data or None, kind=form.kind.data or None,
                            status=form.status.data or None, text=(form.q.data or "").strip() or None)
    return render_template("teacher/questions.html", form=form, items=items, approve_form=ApproveAboveForm())


@bp.route("/review")
@teacher_required
def review():
    db = get_db()
    flagged = [i for i in bank.find_items(db) if i["open_reports"]]
    drafts = [i for i in bank.find_items(db, status="draft") if not i["open_reports"]]
    return render_template("teacher/review.html", flagged=flagged, drafts=drafts, approve_form=ApproveAboveForm())


@bp.route("/questions/new", methods=["GET", "POST"])
@teacher_required
def new_question():
    db = get_db()
    form = ItemForm()
    form.article.choices = article_choices(db)
    if not form.article.choices:
        flash("Add an article first: every question belongs to one.")
        return redirect(url_for("teacher.new_article"))
    if form.validate_on_submit():
        with db.atomic():
            item_id = bank.create_item(db, form.article.data, form.item())
        flash(f"Question {item_id} added.")
        return redirect(url_for("teacher.question_list"))
    return render_template("teacher/question_form.html", form=form, item=None)


@bp.route("/questions/<int:item_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_question(item_id):
    db = get_db()
    item = get_item(db, item_id)
    if item is None:
        abort(404)
    form = ItemForm(data=None if request.method == "POST" else {
        **item, "article": item["article_id"], "choices": "\n".join(item["choices"]),
        "accepted": "\n".join(item["accepted"])})
    form.article.choices = article_choices(db)
    if form.validate_on_submit():
        with db.atomic():
            bank.update_item(db, item_id, form.item())
            db.execute("UPDATE items SET article_id = ? WHERE id = ?", [form.article.data, item_id])
        flash(f"Question {item_id} saved. Students keep their progress on it.")
        return redirect(request.args.get("back") or url_for("teacher.question_list"))
    return render_template("teacher/question_form.html", form=form, item=item, reports=bank.item_reports(db, item_id))


@bp.route("/questions/<int:item_id>/status", methods=["POST"])
@teacher_required
def set_status(item_id):
    db = get_db()
    status = request.form.get("status")
    if get_item(db, item_id) is None:
        abort(404)
    if status not in bank.STATUSES:
        abort(400, "Unknown status.")
    bank.set_status(db, [item_id], status)
    if request.form.get("resolve"):
        bank.resolve_reports(db, item_id)
    flash(f"Question {item_id} is now {status}.")
    return redirect(request.referrer if _same_site(request.referrer) else url_for("teacher.review"))


@bp.route("/questions/<int:item_id>/resolve", methods=["POST"])
@teacher_required
def resolve(item_id):
    db = get_db()
    if get_item(db, item_id) is None:
        abort(404)
    bank.resolve_reports(db, item_id)
    flash(f"Reports on question {item_id} marked as dealt with.")
    return redirect(url_for("teacher.review"))


@bp.route("/questions/approve-above", methods=["POST"])
@teacher_required
def approve_above():
    form = ApproveAboveForm()
    if not form.validate_on_submit():
        flash(" ".join(sum(form.errors.values(), [])))
    else:
        count = bank.approve_above(get_db(), form.threshold.data, article_id=request.form.get("article_id", type=int))
        flash(f"Approved {count} draft questions scored {form.threshold.data:.2f} or more.")
    return redirect(request.referrer if _same_site(request.referrer) else url_for("teacher.review"))


@bp.route("/import", methods=["GET", "POST"])
@teacher_required
def import_questions():
    form = ImportForm()
    errors = []
    if form.validate_on_submit():
        upload = form.upload.data
        if not upload or not getattr(upload, "filename", ""):
            form.upload.errors.append("Choose a file to import.")
        else:
            try:
                text = exchange.decode(upload.read(current_app.config["MAX_CONTENT_LENGTH"]))
                parsed = exchange.parse_gift(text) if form.format.data == "gift" else exchange.parse_questions_csv(text)
                created, updated = exchange.apply_import(get_db(), parsed)
            except exchange.RefusedImport as refused:
                errors = refused.errors
            else:
                flash(f"Imported {created} new and updated {updated} existing questions.")
                return redirect(url_for("teacher.question_list"))
    return render_template("teacher/import.html", form=form, errors=errors)


def _same_site(url):
    if not url:
        return False
    parts = urlsplit(url)
    return parts.netloc == request.host and safe_next(parts.path) is not None
