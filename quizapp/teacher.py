"""Teacher pages: the class, results, exports. Question bank pages are in questionbank.py."""
from flask import Blueprint, Response, abort, current_app, render_template, stream_with_context

from . import charts, classresults, exchange
from .auth import teacher_required
from .clock import utcnow
from .db import connect, get_db, query
from .results import results_csv
from .study import get_scheduler

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


def download(body, filename, mimetype):
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f"attachment; filename={filename}"})


@bp.route("/")
@teacher_required
def dashboard():
    db = get_db()
    students = classresults.student_rows(db, get_scheduler(), utcnow())
    counts = db.execute(
        "SELECT sum(status = 'draft'), sum(status = 'approved'), "
        "(SELECT count(DISTINCT item_id) FROM reports WHERE resolved_at IS NULL) FROM items"
    ).fetchone()
    chart = charts.bars_svg([(s["username"], s["accuracy"]) for s in students if s["accuracy"] is not None],
                            title="Share of answers correct, per student")
    return render_template("teacher/dashboard.html", students=students, drafts=counts[0] or 0,
                           approved=counts[1] or 0, flagged=counts[2] or 0, chart=chart)


@bp.route("/results")
@teacher_required
def results():
    db = get_db()
    items = classresults.item_rows(db)
    chart = charts.bars_svg([(f"#{i['id']}", i["share"]) for i in items[:15]], title="Most missed questions: share correct")
    return render_template("teacher/results.html", items=items, chart=chart)


@bp.route("/students/<int:user_id>")
@teacher_required
def student(user_id):
    db = get_db()
    row = next(query(db, "SELECT id, username, role, created_at FROM users WHERE id = ? AND role = 'student'", [user_id]), None)
    if row is None:
        abort(404)
    cards, reviews = classresults.student_detail(db, get_scheduler(), user_id, utcnow())
    return render_template("teacher/student.html", student=row, cards=cards, reviews=reviews)


@bp.route("/results.csv")
@teacher_required
def export_results():
    path = current_app.config["DATABASE"]

    def generate():
        db = connect(path)  # its own connection: the response streams after the request's is closed
        try:
            yield from results_csv(db)
        finally:
            db.close()

    return download(stream_with_context(generate()), "quizapp-results.csv", "text/csv")


@bp.route("/summary.csv")
@teacher_required
def export_summary():
    rows = classresults.student_rows(get_db(), get_scheduler(), utcnow())
    return download(classresults.summary_csv(rows), "quizapp-students.csv", "text/csv")


@bp.route("/questions.csv")
@teacher_required
def export_questions_csv():
    return download(exchange.questions_csv(exchange.approved_items(get_db())), "quizapp-questions.csv", "text/csv")


@bp.route("/questions.gift.txt")
@teacher_required
def export_questions_gift():
    text = exchange.questions_gift(exchange.approved_items(get_db()))
    return download(text, "quizapp-questions.gift.txt", "text/plain; charset=utf-8")


@bp.route("/questions.apkg")
@teacher_required
def export_questions_anki():
    data = exchange.questions_apkg(exchange.approved_items(get_db()))
    return download(data, "quizapp.apkg", "application/octet-stream")


from . import questionbank  # noqa: E402,F401  (adds the question bank's routes to bp)
