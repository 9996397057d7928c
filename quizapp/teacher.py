"""Teacher pages: the class overview and the results export."""
from flask import Blueprint, Response, current_app, render_template, stream_with_context

from .auth import teacher_required
from .db import connect, get_db
from .results import results_csv

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


def class_overview(db):
    students = db.query(
        "SELECT users.id, users.username, count(reviews.id) AS answers, coalesce(sum(reviews.correct), 0) AS correct, "
        "max(reviews.answered_at) AS last_answer FROM users LEFT JOIN reviews ON reviews.user_id = users.id "
        "WHERE users.role = 'student' GROUP BY users.id ORDER BY users.username COLLATE NOCASE"
    )
    articles = db.query(
        "SELECT articles.id, articles.title, articles.source, count(items.id) AS items FROM articles "
        "LEFT JOIN items ON items.article_id = articles.id GROUP BY articles.id ORDER BY articles.id"
    )
    return list(students), list(articles)


@bp.route("/")
@teacher_required
def dashboard():
    students, articles = class_overview(get_db())
    return render_template("teacher/dashboard.html", students=students, articles=articles)


@bp.route("/results.csv")
@teacher_required
def export_results():
    path = current_app.config["DATABASE"]

    def generate():
        db = connect(path)
        try:
            yield from results_csv(db)
        finally:
            db.close()

    return Response(
        stream_with_context(generate()),
        mimetype="text/csv",
        headers={"Content-Disposition": "attachment; filename=quizapp-results.csv"},
    )
