"""Teacher pages for classes: creating them, enrolling students, assigning articles, an assignment's results."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import articles, assignments, classes, paging, users
from ..auth.guards import teacher_required
from ..db import get_db
from ..display import counted
from ..forms import options
from . import bp, class_work, fact_results
from .forms import AddStudentsForm, AddTeacherForm, AssignForm, ClassForm, RemoveStudentForm
from .responses import download


def own_class(db, class_id):
    """The logged-in teacher's class, or 404 (another teacher's class is not theirs to see)."""
    row = classes.get_class(db, class_id)
    if row is None or row["teacher_id"] != current_user.id:
        abort(404)
    return row


def own_assignment(db, assignment_id):
    """An assignment of one of the logged-in teacher's classes, or 404."""
    row = assignments.get_assignment(db, assignment_id)
    if row is None or row["teacher_id"] != current_user.id:
        abort(404)
    return row


def assign_form(db):
    form = AssignForm()
    rows = articles.studyable_articles(db)
    form.article.choices = options((row["id"], f"{row['title']} ({counted(row['n'], 'question')})") for row in rows)
    if rows and not form.is_submitted():
        form.article.data = rows[-1]["id"]  # the article added last, most likely the one to assign now
    return form


@bp.route("/classes", methods=["GET", "POST"])
@teacher_required
def class_list():
    """The teacher's own classes, and the form to create one."""
    db = get_db()
    form = ClassForm()
    if form.validate_on_submit():
        class_id = classes.create_class(db, current_user.id, form.name.data)
        flash(f"Class {form.name.data.strip()} created. Give your students its join code.")
        return redirect(url_for("teacher.class_page", class_id=class_id))
    return render_template("teacher/classes.html", form=form, classes=classes.teacher_classes(db, current_user.id),
                           teacher_form=AddTeacherForm())


@bp.route("/teachers", methods=["POST"])
@teacher_required
def add_teacher():
    """Another teacher's account, with a one-time password shown once."""
    db = get_db()
    form = AddTeacherForm()
    if form.validate_on_submit():
        try:
            password = class_work.add_teacher(db, form.username.data)
        except users.UsernameTaken:
            form.username.errors.append("That username is already taken. Choose another.")
        else:
            return render_template("teacher/one_time_password.html", student=users.find_user(db, form.username.data),
                                   password=password)
    return render_template("teacher/classes.html", form=ClassForm(formdata=None), teacher_form=form,
                           classes=classes.teacher_classes(db, current_user.id)), 400


def _render_class(db, row, *, assign=None, add=None, added=None, status=200):
    page = paging.page_of(request.args.get("page"), classes.count_members(db, row["id"]))
    return render_template("teacher/class.html", klass=row, page=page,
                           members=classes.members(db, row["id"], offset=page.offset, limit=page.size),
                           assignments=assignments.class_assignments(db, row["id"]),
                           assign_form=assign or assign_form(db), add_form=add or AddStudentsForm(),
                           added=added), status


@bp.route("/classes/<int:class_id>")
@teacher_required
def class_page(class_id):
    """One class: its join code, students and assignments."""
    db = get_db()
    return _render_class(db, own_class(db, class_id))


@bp.route("/classes/<int:class_id>/assign", methods=["POST"])
@teacher_required
def assign(class_id):
    """Assign an article's approved questions to the class, with an optional due date."""
    db = get_db()
    row = own_class(db, class_id)
    form = assign_form(db)
    if not form.validate_on_submit():
        return _render_class(db, row, assign=form, status=400)
    due = form.due_date.data.isoformat() if form.due_date.data else None
    assignment_id = assignments.create_assignment(db, class_id, form.article.data, due)
    flash("Assigned." + (f" Due {due}." if due else ""))
    return redirect(url_for("teacher.assignment", assignment_id=assignment_id))


@bp.route("/classes/<int:class_id>/students", methods=["POST"])
@teacher_required
def add_students(class_id):
    """Add several students at once from a pasted list; new accounts get one-time passwords, shown once."""
    db = get_db()
    row = own_class(db, class_id)
    form = AddStudentsForm()
    if form.validate_on_submit():
        names, problems = class_work.pasted_usernames(form.usernames.data)
        if problems:
            form.usernames.errors = list(form.usernames.errors) + problems
        else:
            added = class_work.add_students(db, class_id, names)
            return _render_class(db, row, added=added)  # rendered, never redirected: the passwords are not kept
    return _render_class(db, row, add=form, status=400)


@bp.route("/assignments/<int:assignment_id>")
@teacher_required
def assignment(assignment_id):
    """Who has started and finished an assignment, their scores, and the questions most missed."""
    db = get_db()
    row = own_assignment(db, assignment_id)
    page = paging.page_of(request.args.get("page"), classes.count_members(db, row["class_id"]))
    students, counts, missed = class_work.assignment_report(db, assignment_id, page=page)
    return render_template("teacher/assignment.html", assignment=row, students=students, page=page, counts=counts,
                           missed=missed)


@bp.route("/assignments/<int:assignment_id>.csv")
@teacher_required
def assignment_csv(assignment_id):
    """The assignment's results as CSV: one row per student of the class."""
    db = get_db()
    own_assignment(db, assignment_id)
    students, _, _ = class_work.assignment_report(db, assignment_id)
    return download(class_work.assignment_csv(students), f"quizapp-assignment-{assignment_id}.csv", "text/csv")


@bp.route("/assignments/<int:assignment_id>/facts")
@teacher_required
def assignment_facts(assignment_id):
    """The assignment's results per fact, each fact's questions beneath it: the class's students only."""
    db = get_db()
    row = own_assignment(db, assignment_id)
    return render_template("teacher/facts.html", article={"id": row["article_id"], "title": row["article_title"]},
                           rows=fact_results.fact_rows(db, row["article_id"], class_id=row["class_id"]), klass=row,
                           csv_url=url_for("teacher.assignment_facts_csv", assignment_id=assignment_id))


@bp.route("/assignments/<int:assignment_id>/facts.csv")
@teacher_required
def assignment_facts_csv(assignment_id):
    """The assignment's results per fact as CSV: one line per fact, the class's students only."""
    db = get_db()
    row = own_assignment(db, assignment_id)
    rows = fact_results.fact_rows(db, row["article_id"], class_id=row["class_id"])
    return download(fact_results.fact_csv(rows, row["article_title"]),
                    f"quizapp-facts-assignment-{assignment_id}.csv", "text/csv")


def a_student(db, user_id):
    """The current student with this id, or 404 (teachers and removed accounts are not students here)."""
    row = users.get_student(db, user_id)
    if row is None:
        abort(404)
    return row


@bp.route("/students/<int:user_id>/password", methods=["POST"])
@teacher_required
def reset_password(user_id):
    """Reset a student's forgotten password to a one-time password, shown on this page only."""
    db = get_db()
    row = a_student(db, user_id)
    password = class_work.reset_password(db, user_id)
    return render_template("teacher/one_time_password.html", student=row, password=password)


@bp.route("/students/<int:user_id>/remove", methods=["POST"])
@teacher_required
def remove_student(user_id):
    """Remove a student: their answers kept anonymised, or deleted, as the teacher chose."""
    db = get_db()
    row = a_student(db, user_id)
    form = RemoveStudentForm()
    if not form.validate_on_submit():
        return render_template("teacher/remove_student.html", student=row, form=form), 400
    keep = form.answers.data == "keep"
    class_work.remove_student(db, user_id, keep_answers=keep)
    flash(f"{row['username']} is removed." + (" Their answers stay in the results as removed-%d." % user_id if keep
                                                else " Their answers are deleted."))
    return redirect(url_for("teacher.dashboard"))
