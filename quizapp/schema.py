"""The schema, only through migrations: one function per step, applied in order."""
from sqlite_utils.migrations import Migrations

from . import answer_stats, answer_thirds

migrations = Migrations("quizapp")


@migrations()
def m0001_initial(db):
    db["users"].create(
        {
            "id": int,
            "username": str,
            "password_hash": str,
            "role": str,
            "timezone": str,
            "created_at": str,
        },
        pk="id",
        not_null={"username", "password_hash", "role", "created_at"},
        defaults={"role": "student", "timezone": "UTC"},
    )
    db.execute("CREATE UNIQUE INDEX idx_users_username ON users(username COLLATE NOCASE)")
    db["articles"].create(
        {
            "id": int,
            "title": str,
            "source": str,
            "text": str,
            "text_hash": str,
            "created_at": str,
        },
        pk="id",
        not_null={"title", "source", "text", "text_hash", "created_at"},
    )
    db["articles"].create_index(["text_hash"], unique=True)
    db["items"].create(
        {
            "id": int,
            "article_id": int,
            "item_key": str,
            "kind": str,
            "prompt": str,
            "answer": str,
            "choices": str,
            "accepted": str,
            "source_sentence": str,
            "answer_type": str,
            "score": float,
            "status": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "item_key", "kind", "prompt", "answer", "status"},
        defaults={"status": "approved", "choices": "[]", "accepted": "[]", "score": 0.0},
    )
    db["items"].create_index(["article_id", "item_key"], unique=True)
    db["items"].create_index(["status"])
    db["cards"].create(
        {
            "id": int,
            "user_id": int,
            "item_id": int,
            "state": int,
            "step": int,
            "stability": float,
            "difficulty": float,
            "due": str,
            "last_review": str,
            "reps": int,
            "lapses": int,
        },
        pk="id",
        foreign_keys=[("user_id", "users", "id"), ("item_id", "items", "id")],
        not_null={"user_id", "item_id", "state", "due"},
        defaults={"reps": 0, "lapses": 0},
    )
    db["cards"].create_index(["user_id", "item_id"], unique=True)
    db["cards"].create_index(["user_id", "due"])
    db["study_sessions"].create(
        {
            "id": int,
            "user_id": int,
            "article_id": int,
            "mode": str,
            "item_ids": str,
            "position": int,
            "outcomes": str,
            "shown_at": str,
            "review_id": int,
            "created_at": str,
            "finished_at": str,
        },
        pk="id",
        foreign_keys=[("user_id", "users", "id"), ("article_id", "articles", "id")],
        not_null={"user_id", "mode", "item_ids", "position", "created_at"},
        defaults={"position": 0},
    )
    db["reviews"].create(
        {
            "id": int,
            "user_id": int,
            "item_id": int,
            "session_id": int,
            "rating": int,
            "correct": int,
            "response": str,
            "answered_at": str,
            "duration_ms": int,
            "next_due": str,
            "was_new": int,
        },
        pk="id",
        foreign_keys=[
            ("user_id", "users", "id"),
            ("item_id", "items", "id"),
            ("session_id", "study_sessions", "id"),
        ],
        not_null={"user_id", "item_id", "rating", "correct", "answered_at", "next_due"},
    )
    db["reviews"].create_index(["user_id", "answered_at"])
    db["reviews"].create_index(["item_id"])


@migrations()
def m0002_reports_and_jobs(db):
    db["reports"].create(
        {"id": int, "item_id": int, "user_id": int, "reason": str, "created_at": str, "resolved_at": str},
        pk="id",
        foreign_keys=[("item_id", "items", "id"), ("user_id", "users", "id")],
        not_null={"item_id", "user_id", "reason", "created_at"},
    )
    db["reports"].create_index(["item_id"])
    db["jobs"].create(
        {"id": int, "user_id": int, "title": str, "state": str, "message": str, "article_id": int,
         "created_at": str, "finished_at": str},
        pk="id",
        foreign_keys=[("user_id", "users", "id")],
        not_null={"user_id", "title", "state", "created_at"},
    )
    db["items"].add_column("updated_at", str)


@migrations()
def m0003_login_attempts(db):
    db["login_failures"].create(
        {"id": int, "username": str, "address": str, "failed_at": str}, pk="id", not_null={"username", "failed_at"}
    )
    db["login_failures"].create_index(["username", "failed_at"])
    db["login_failures"].create_index(["address", "failed_at"])


@migrations()
def m0004_teacher_cards_last_rating(db):
    """Issue 13: a card remembers the rating of its latest answer, so a just-failed item counts as not recalled."""
    db["cards"].add_column("last_rating", int)
    db.execute(
        "UPDATE cards SET last_rating = (SELECT reviews.rating FROM reviews WHERE reviews.user_id = cards.user_id "
        "AND reviews.item_id = cards.item_id ORDER BY reviews.answered_at DESC, reviews.id DESC LIMIT 1)"
    )


@migrations()
def m0005_teacher_classes_and_assignments(db):
    """Issue 13: a teacher's classes with a join code, their students, and articles assigned to them."""
    db["classes"].create(
        {"id": int, "teacher_id": int, "name": str, "join_code": str, "created_at": str},
        pk="id",
        foreign_keys=[("teacher_id", "users", "id")],
        not_null={"teacher_id", "name", "join_code", "created_at"},
    )
    db["classes"].create_index(["join_code"], unique=True)
    db["classes"].create_index(["teacher_id"])
    db["class_members"].create(
        {"class_id": int, "user_id": int, "joined_at": str},
        pk=("class_id", "user_id"),
        foreign_keys=[("class_id", "classes", "id"), ("user_id", "users", "id")],
        not_null={"class_id", "user_id", "joined_at"},
    )
    db["class_members"].create_index(["user_id"])
    db["assignments"].create(
        {"id": int, "class_id": int, "article_id": int, "due_date": str, "created_at": str},
        pk="id",
        foreign_keys=[("class_id", "classes", "id"), ("article_id", "articles", "id")],
        not_null={"class_id", "article_id", "created_at"},
    )
    db["assignments"].create_index(["class_id"])


@migrations()
def m0006_teacher_removed_students_and_articles(db):
    """Issue 13: a removed student (answers kept, name anonymised) and a deleted article (questions retired) stay as rows."""
    db["users"].add_column("removed_at", str)
    db["articles"].add_column("deleted_at", str)


@migrations()
def m0007_teacher_one_time_passwords(db):
    """Issue 13: a password a teacher handed out must be changed at the next log-in."""
    db["users"].add_column("must_change_password", int, not_null_default=0)


@migrations()
def m0008_hardening_throttle_tables(db):
    """Issue 12: failed log-ins pruned by time; registrations counted per address and hour."""
    db["login_failures"].create_index(["failed_at"], index_name="idx_login_failures_failed_at")
    db["registrations"].create(
        {"id": int, "address": str, "registered_at": str}, pk="id", not_null={"address", "registered_at"}
    )
    db["registrations"].create_index(["address", "registered_at"], index_name="idx_registrations_address")


@migrations()
def m0009_hardening_session_version(db):
    """Issue 12: a per-user session version; bumping it ends every session and remember-me cookie of the user."""
    db["users"].add_column("session_version", int, not_null_default=0)


@migrations()
def m0010_hardening_articles_title_index(db):
    """Issue 12: imports find an article by its title through an index, not by reading every article."""
    db["articles"].create_index(["title"], index_name="idx_articles_title")


@migrations()
def m0011_memory_user_parameters(db):
    """Issue 11: a student's own FSRS parameters, fitted in the background from their reviews (NULL: the defaults)."""
    db["user_parameters"].create(
        {"user_id": int, "parameters": str, "since": str, "fitted_reviews": int, "attempted_at": str,
         "job_id": int, "log_loss_default": float, "log_loss_fitted": float, "message": str},
        pk="user_id",
        foreign_keys=[("user_id", "users", "id"), ("job_id", "jobs", "id")],
        not_null={"fitted_reviews"},
        defaults={"fitted_reviews": 0},
    )


@migrations()
def m0011_imports_pending_imports(db):
    """Issue 12, case 6: an import that changes existing questions waits here, as previewed, for the teacher's yes."""
    db["pending_imports"].create(
        {"id": int, "token": str, "user_id": int, "created_at": str, "summary": str, "plan": str,
         "applied": int, "worked_at": str, "errors": str, "finished_at": str},
        pk="id", not_null={"token", "user_id", "created_at", "plan"}, defaults={"applied": 0},
    )
    db["pending_imports"].create_index(["token"], unique=True, index_name="idx_pending_imports_token")


@migrations()
def m0011_scale_answer_summaries(db):
    """Issue 13: answer counts per (student, item), per student and per item, kept current on each answer
    (quizapp/answer_stats.py), so the teacher's pages never add up every review; filled from the reviews so far."""
    db.execute("CREATE TABLE answer_stats (user_id INTEGER NOT NULL REFERENCES users(id), "
               "item_id INTEGER NOT NULL REFERENCES items(id), answers INTEGER NOT NULL, correct INTEGER NOT NULL, "
               "first_answered_at TEXT NOT NULL, first_correct INTEGER NOT NULL, last_answered_at TEXT NOT NULL, "
               "PRIMARY KEY (user_id, item_id)) WITHOUT ROWID")
    db.execute("CREATE INDEX idx_answer_stats_item ON answer_stats(item_id, user_id)")
    db.execute("CREATE TABLE student_totals (user_id INTEGER PRIMARY KEY REFERENCES users(id), "
               "answers INTEGER NOT NULL, correct INTEGER NOT NULL, first_answered_at TEXT NOT NULL, "
               "last_answered_at TEXT NOT NULL, third INTEGER NOT NULL DEFAULT 1)")
    db.execute(f"CREATE INDEX idx_student_totals_rank ON student_totals({answer_thirds.KEY}, user_id)")
    db.execute(f"CREATE INDEX idx_student_totals_third ON student_totals(third, {answer_thirds.KEY}, user_id)")
    db.execute("CREATE TABLE item_totals (item_id INTEGER PRIMARY KEY REFERENCES items(id), "
               "answers INTEGER NOT NULL, correct INTEGER NOT NULL)")
    db.execute("CREATE TABLE item_third_totals (item_id INTEGER NOT NULL REFERENCES items(id), third INTEGER NOT NULL, "
               "answers INTEGER NOT NULL, correct INTEGER NOT NULL, PRIMARY KEY (item_id, third)) WITHOUT ROWID")
    db.execute(answer_stats.PAIRS_FROM_REVIEWS.format(where="1 = 1", self_rated=answer_stats.SELF_RATED))
    db.execute(answer_stats.STUDENTS_FROM_PAIRS.format(where="1 = 1"))
    db.execute(answer_stats.ITEMS_FROM_PAIRS.format(where="1 = 1"))
    db.execute(answer_thirds.THIRDS_FROM_RANKING)
    db.execute(answer_thirds.ITEM_THIRDS_FROM_PAIRS)
    # flashcards are self-rated: counted apart, never among the graded answers above (issue 11)
    db.execute("CREATE TABLE self_rated_counts (user_id INTEGER NOT NULL REFERENCES users(id), "
               "item_id INTEGER NOT NULL REFERENCES items(id), answers INTEGER NOT NULL, "
               "PRIMARY KEY (user_id, item_id)) WITHOUT ROWID")
    db.execute("CREATE INDEX idx_self_rated_counts_item ON self_rated_counts(item_id, user_id)")
    db.execute(answer_stats.SELF_RATED_FROM_REVIEWS)


@migrations()
def m0011_session_items_fact(db):
    """Issue 11: the fact each item asks (the generator's `fact`); items sharing one are studied as one card.

    Old rows keep NULL: items.FACT_KEY_SQL treats the items of one source sentence of one article as one fact."""
    db["items"].add_column("fact", str)
    db["items"].create_index(["article_id", "fact"], index_name="idx_items_article_fact")


@migrations()
def m0011_answers_overruled(db):
    """Issue 11: "I was right": when the student overruled an Incorrect on a typed answer (NULL: never)."""
    db["reviews"].add_column("overruled_at", str)
    db.execute("CREATE INDEX idx_reviews_overruled ON reviews(item_id) WHERE overruled_at IS NOT NULL")


@migrations()
def m0012_factresults_cards_by_item(db):
    """Issue 11, results by fact: the cards of an article's items found by item (cards were indexed by student
    only, so the per-fact results read every card once per item)."""
    db["cards"].create_index(["item_id", "user_id"], index_name="idx_cards_item")


def migrate(db):
    """Apply pending migrations; safe to call again."""
    migrations.apply(db)
