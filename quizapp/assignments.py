"""The `assignments` table: an article's approved questions set for a class, with an optional due date."""
from .cards import SELF_RATED
from .clock import to_iso, utcnow
from .db import query, query_one, write_transaction


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
    """Every assignment of the classes this student is in, soonest due first (no due date last),
    with how many approved questions the article has and how many of them the student has met."""
    return list(query(db,
        "SELECT assignments.*, articles.title AS article_title, classes.name AS class_name, "
        "(SELECT count(*) FROM items WHERE items.article_id = assignments.article_id AND items.status = 'approved') "
        "AS total, "
        "(SELECT count(*) FROM items JOIN cards ON cards.item_id = items.id AND cards.user_id = :user "
        " WHERE items.article_id = assignments.article_id AND items.status = 'approved') AS seen "
        "FROM assignments JOIN class_members ON class_members.class_id = assignments.class_id "
        "AND class_members.user_id = :user JOIN classes ON classes.id = assignments.class_id "
        "JOIN articles ON articles.id = assignments.article_id AND articles.deleted_at IS NULL "
        "ORDER BY assignments.due_date IS NULL, assignments.due_date, assignments.id", {"user": user_id}))


def answers(db, assignment_id):
    """Every graded answer a member of the assignment's class gave to one of its article's questions:
    (user id, item id, correct, answered at), oldest first. Flashcards are self-rated: no answers here."""
    return db.execute(
        "SELECT reviews.user_id, reviews.item_id, reviews.correct, reviews.answered_at FROM assignments "
        "JOIN class_members ON class_members.class_id = assignments.class_id "
        "JOIN reviews ON reviews.user_id = class_members.user_id "
        "JOIN items ON items.id = reviews.item_id AND items.article_id = assignments.article_id "
        f"WHERE assignments.id = ? AND NOT {SELF_RATED} ORDER BY reviews.answered_at, reviews.id", [assignment_id]).fetchall()


def assigned_items(db, assignment_id):
    """The approved questions of the assignment's article (id, prompt, answer), in id order."""
    return list(query(db,
        "SELECT items.id, items.prompt, items.answer FROM assignments JOIN items ON items.article_id = "
        "assignments.article_id WHERE assignments.id = ? AND items.status = 'approved' ORDER BY items.id",
        [assignment_id]))
