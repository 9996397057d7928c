"""Teacher pages for articles and questions: upload, the job page, listing, writing and editing questions."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

import questions

from .. import articles, items, jobs, reports
from ..auth.guards import safe_next, teacher_required
from ..db import get_db
from ..forms import options
from . import bp, generation, question_bank
from .forms import ApproveAboveForm, ArticleForm, FilterForm, ItemForm


@bp.route("/articles", endpoint="articles")  # the function name would hide the module
@teacher_required
def article_list():
    """Every article with its item counts."""
    return render_template("teacher/articles.html", articles=articles.list_articles(get_db()))


@bp.route("/articles/new", methods=["GET", "POST"])
@teacher_required
def new_article():
    """Paste or upload an article; its questions are made in the background."""
    form = ArticleForm()
    if form.validate_on_submit():
        text = form.text.data
        title = (form.title.data or "").strip() or questions.article_title(text)
        upload = getattr(form.upload.data, "filename", "") or ""
        source = f"upload:{upload}" if upload else f"pasted:{title}"
        job_id = generation.start_generation(current_app.config["DATABASE"], current_user.id, title=title, text=text,
                                             source=source)
        return redirect(url_for("teacher.job", job_id=job_id))
    return render_template("teacher/new_article.html", form=form)


@bp.route("/jobs/<int:job_id>")
@teacher_required
def job(job_id):
    """How the generation of an upload is going (the page refreshes until done)."""
    row = jobs.get_job(get_db(), job_id, current_user.id)
    if row is None:
        abort(404)
    return render_template("teacher/job.html", job=row)


def _live_article(db, article_id):
    """The article's row, or 404 for one that does not exist or was deleted."""
    row = articles.get_article(db, article_id)
    if row is None or row["deleted_at"]:
        abort(404)
    return row


@bp.route("/articles/<int:article_id>")
@teacher_required
def article(article_id):
    """One article with its questions."""
    db = get_db()
    row = _live_article(db, article_id)
    return render_template("teacher/article.html", article=row, items=items.find_items(db, article_id=article_id),
                           approve_form=ApproveAboveForm())


@bp.route("/questions")
@teacher_required
def question_list():
    """The question bank, filtered by article, kind, status and text."""
    db = get_db()
    form = FilterForm(request.args)
    form.article.choices = options([(0, "All articles")] + question_bank.article_choices(db))
    form.kind.choices = options([("", "All kinds"), *items.KINDS.items()])
    form.status.choices = options([("", "Any status")] + [(s, s.capitalize()) for s in items.STATUSES])
    if not form.validate():
        form.article.data, form.kind.data, form.status.data = 0, "", ""
    found, page = ([], None) if form.q.errors else question_bank.question_page(
        db, request.args.get("page"), article_id=form.article.data or None, kind=form.kind.data or None,
        status=form.status.data or None, text=(form.q.data or "").strip() or None)
    return render_template("teacher/questions.html", form=form, items=found, page=page, approve_form=ApproveAboveForm())


@bp.route("/questions/new", methods=["GET", "POST"])
@teacher_required
def new_question():
    """A question the teacher writes."""
    db = get_db()
    form = ItemForm()
    form.article.choices = options(question_bank.article_choices(db))
    if not form.article.choices:
        flash("Add an article first: every question belongs to one.")
        return redirect(url_for("teacher.new_article"))
    if form.validate_on_submit():
        item_id = items.create_item(db, form.article.data, form.item())
        flash(f"Question {item_id} added.")
        return redirect(url_for("teacher.question_list"))
    return render_template("teacher/question_form.html", form=form, item=None, cancel=url_for("teacher.question_list"))


@bp.route("/questions/<int:item_id>/edit", methods=["GET", "POST"])
@teacher_required
def edit_question(item_id):
    """Change a question in place: same id, students keep their progress."""
    db = get_db()
    item = items.get_item(db, item_id)
    if item is None:
        abort(404)
    form = ItemForm(data=None if request.method == "POST" else ItemForm.initial(item))
    form.article.choices = options(question_bank.article_choices(db))
    back = safe_next(request.args.get("back")) or url_for("teacher.question_list")
    if form.validate_on_submit():
        items.update_item(db, item_id, form.item(), article_id=form.article.data)
        closed = bool(request.form.get("resolve"))
        if closed:
            reports.resolve_reports(db, item_id)
        flash(f"Question {item_id} saved. Students keep their progress on it." + (" Its reports are closed." if closed else ""))
        return redirect(back)
    return render_template("teacher/question_form.html", form=form, item=item, reports=reports.item_reports(db, item_id),
                           cancel=back)


@bp.route("/articles/<int:article_id>/delete", methods=["POST"])
@teacher_required
def delete_article(article_id):
    """Delete an article: its questions retired (answers kept), or the whole row when it has none."""
    db = get_db()
    row = _live_article(db, article_id)
    retired = articles.delete_article(db, article_id)
    flash(f"Article {row['title']} deleted." + (f" Its {retired} questions are retired; students' answers to them stay "
                                                  "in the results." if retired else ""))
    return redirect(url_for("teacher.articles"))
