"""Teacher pages about the class: the dashboard, results per item and per student, result exports."""
from flask import abort, current_app, render_template, request, stream_with_context, url_for

from .. import articles, charts, items, paging, users
from ..auth.guards import teacher_required
from ..clock import utcnow
from ..db import connect, get_db
from ..extensions import get_scheduler
from . import bp, class_results, fact_results
from .forms import RemoveStudentForm
from .responses import download


@bp.route("/")
@teacher_required
def dashboard():
    """The class: one row per student (a page of them), and the bank's counts."""
    db = get_db()
    page = paging.page_of(request.args.get("page"), users.count_students(db))
    students = class_results.student_rows(db, get_scheduler(), utcnow(), page=page)
    drafts, approved, flagged = items.status_counts(db)
    chart = charts.bars_svg([(s["username"], s["accuracy"]) for s in students if s["accuracy"] is not None],
                            title="Share of answers correct, per student")
    return render_template("teacher/dashboard.html", students=students, page=page, drafts=drafts,
                           approved=approved, flagged=flagged, chart=chart)


@bp.route("/results")
@teacher_required
def results():
    """Results per question, most missed first, a page at a time."""
    rows, page = class_results.item_page(get_db(), request.args.get("page"))
    chart = charts.bars_svg([(f"#{i['id']}", i["share"]) for i in rows[:15]], title="Most missed questions: share correct")
    return render_template("teacher/results.html", items=rows, page=page, chart=chart)


def _article(db, article_id):
    """The article (deleted ones too: their answers stay in the results), or 404."""
    row = articles.get_article(db, article_id)
    if row is None:
        abort(404)
    return row


@bp.route("/articles/<int:article_id>/facts")
@teacher_required
def article_facts(article_id):
    """An article's results per fact, each fact's questions beneath it: every student's."""
    db = get_db()
    row = _article(db, article_id)
    return render_template("teacher/facts.html", article=row, rows=fact_results.fact_rows(db, article_id),
                           klass=None, csv_url=url_for("teacher.article_facts_csv", article_id=article_id))


@bp.route("/articles/<int:article_id>/facts.csv")
@teacher_required
def article_facts_csv(article_id):
    """An article's results per fact as CSV: one line per fact."""
    db = get_db()
    row = _article(db, article_id)
    return download(fact_results.fact_csv(fact_results.fact_rows(db, article_id), row["title"]),
                    f"quizapp-facts-article-{article_id}.csv", "text/csv")


@bp.route("/students/<int:user_id>")
@teacher_required
def student(user_id):
    """One student's cards and latest answers."""
    db = get_db()
    row = users.get_student(db, user_id)
    if row is None:
        abort(404)
    student_cards, cards_page, reviews, answers_page = class_results.student_detail(
        db, get_scheduler(), user_id, utcnow(), cards_page=request.args.get("cards_page"),
        answers_page=request.args.get("answers_page"))
    return render_template("teacher/student.html", student=row, cards=student_cards, cards_page=cards_page,
                           reviews=reviews, answers_page=answers_page, remove_form=RemoveStudentForm())


@bp.route("/results.csv")
@teacher_required
def export_results():
    """The results CSV, streamed: one row per answer."""
    path = current_app.config["DATABASE"]

    def generate():
        db = connect(path)  # its own connection: the response streams after the request's is closed
        try:
            yield from class_results.results_csv(db)
        finally:
            db.close()

    return download(stream_with_context(generate()), "quizapp-results.csv", "text/csv")


@bp.route("/summary.csv")
@teacher_required
def export_summary():
    """The per-student summary CSV."""
    rows = class_results.student_rows(get_db(), get_scheduler(), utcnow())
    return download(class_results.summary_csv(rows), "quizapp-students.csv", "text/csv")
