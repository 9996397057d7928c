"""The `assignments` table: an article's approved questions set for a class, with an optional due date."""
from .clock import to_iso, utcnow
from .db import query, query_one, write_transaction
from .items import FACT_KEY_SQL


def create_assignment(db, class_id, article_id, due_date=None):
    """Assign an article to a class (`due_date` an ISO date or None); returns its id."""
    with write_transaction(db):
        return db.execute("INSERT INTO assignments (class_id, article_id, due_date, created_at) VALUES (?, ?, ?, ?)",
                          [class_id, article_id, due_date, to_iso(utcnow())]).lastrowid


def get_assignment(db, assignment_id):
    """The assignment with its class (name, teacher) and article title, or None."""
    return query_one(db,
        "SELECT assignments.*, classes.name AS class_name, classes.teacher_id, articles.title AS article_title "
        "FROM assignments JOIN classes ON classes.id = assignments.class_id "
        "JOIN articles ON articles.id = assignments.article_id WHERE assignments.id = ?", [assignment_id])


def class_assignments(db, class_id):
    """A class's assignments with their article titles, newest first."""
    return list(query(db,
        "SELECT assignments.*, articles.title AS article_title, articles.deleted_at FROM assignments "
        "JOIN articles ON articles.id = assignments.article_id WHERE class_id = ? ORDER BY assignments.id DESC",
        [class_id]))


def student_assignments(db, user_id):
    """Every assignment of the classes this student is in, soonest due first (no due date last), with how many
    facts its article's approved questions ask (`total`) and how many of them the student has met (`seen`: a
    card for any of the fact's questions, the meaning "met" has for a question); `questions`: the questions.

    Facts, not questions: items sharing a fact (`items.FACT_KEY_SQL`) are one card, asked in one form at a
    time, so a student who has met every fact may never have seen every question."""
    return list(query(db,
        "SELECT assignments.*, articles.title AS article_title, classes.name AS class_name, "
        f"(SELECT count(DISTINCT {FACT_KEY_SQL}) FROM items WHERE items.article_id = assignments.article_id "
        " AND items.status = 'approved') AS total, "
        f"(SELECT count(DISTINCT {FACT_KEY_SQL}) FROM items WHERE items.article_id = assignments.article_id "
        " AND items.status = 'approved' AND EXISTS (SELECT 1 FROM cards WHERE cards.item_id = items.id "
        " AND cards.user_id = :user)) AS seen, "
        "(SELECT count(*) FROM items WHERE items.article_id = assignments.article_id AND items.status = 'approved') "
        "AS questions "
        "FROM assignments JOIN class_members ON class_members.class_id = assignments.class_id "
        "AND class_members.user_id = :user JOIN classes ON classes.id = assignments.class_id "
        "JOIN articles ON articles.id = assignments.article_id AND articles.deleted_at IS NULL "
        "ORDER BY assignments.due_date IS NULL, assignments.due_date, assignments.id", {"user": user_id}))


def assigned_items(db, assignment_id):
    """The approved questions of the assignment's article (id, prompt, answer, fact key), in id order."""
    return list(query(db,
        f"SELECT items.id, items.prompt, items.answer, {FACT_KEY_SQL} AS fact_key FROM assignments JOIN items ON items.article_id = "
        "assignments.article_id WHERE assignments.id = ? AND items.status = 'approved' ORDER BY items.id",
        [assignment_id]))
