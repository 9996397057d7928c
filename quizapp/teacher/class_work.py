"""A teacher's classes and assignments: enrolling students, who has done an assignment, its CSV.

Removing a student keeps their answers under an anonymous name, or deletes them: the
teacher chooses. An assignment is an article's approved questions. A student has started it when they
have answered one of them, finished it when they have answered every fact they ask (a question of each:
items sharing a fact are one card, asked in one form at a time, `items.FACT_KEY_SQL`); their score
is the share of their first answers to its questions that were right (later answers
are spaced-repetition practice, which keeps going after the due date).
"""
import csv
import io
import re
import secrets

from .. import answer_stats, assignments, cards, classes, jobs, reports, study_sessions, user_parameters, users
from ..db import write_transaction
from ..spreadsheets import inert

ASSIGNMENT_COLUMNS = ["username", "questions", "answered", "first_answers_correct", "score", "finished",
                      "first_answer", "last_answer", "facts", "facts_answered"]  # finished: every fact answered
USERNAME = re.compile(r"^[A-Za-z0-9_.\-]{3,40}$")  # the rule of the Register form
WORDS = ["amber", "birch", "cedar", "delta", "ember", "fjord", "grove", "harbor", "island", "juniper", "kettle",
         "lantern", "meadow", "nectar", "orbit", "pepper", "quartz", "river", "summit", "tundra", "velvet", "willow"]


def one_time_password():
    """A password a teacher can read out or copy: two words and four digits (e.g. cedar-orbit-4821)."""
    return f"{secrets.choice(WORDS)}-{secrets.choice(WORDS)}-{secrets.randbelow(10_000):04d}"


def pasted_usernames(text):
    """The usernames of a pasted list (one per line, or separated by commas); returns (names, problems)."""
    names, problems, seen = [], [], set()
    for raw in re.split(r"[\n,;]+", text or ""):
        name = raw.strip()
        if not name:
            continue
        if not USERNAME.match(name):
            problems.append(f"{name!r}: a username is 3 to 40 letters, digits, dots, dashes or underscores.")
        elif name.lower() not in seen:
            seen.add(name.lower())
            names.append(name)
    return names, problems


def add_students(db, class_id, names, timezone="UTC"):
    """Put each named student in the class, creating the accounts that do not exist yet.

    Returns [(username, one-time password or None when the account existed, note)]."""
    added = []
    for name in names:
        user = users.find_user(db, name)
        if user is not None and user.is_teacher:
            added.append((user.username, None, "is a teacher's account: not added"))
            continue
        password = None
        if user is None:
            password = one_time_password()
            user = users.create_user(db, name, password, "student", timezone, one_time=True)
        joined = classes.add_member(db, class_id, user.id)
        note = "new account" if password else ("added" if joined else "already in the class")
        added.append((user.username, password, note))
    return added


def assignment_report(db, assignment_id, *, page=None):
    """For an assignment: (one dict per student of the class, by name, only those of `page` (a
    paging.Page) when given; (students, started, finished) of the whole class; its questions most
    missed first), from the answer summaries. A student's `facts_answered` counts the facts of which
    they answered any question; finished: every fact."""
    assignment = assignments.get_assignment(db, assignment_id)
    class_id, article_id = assignment["class_id"], assignment["article_id"]
    questions = assignments.assigned_items(db, assignment_id)
    fact_of = {q["id"]: q["fact_key"] for q in questions}
    facts = len(set(fact_of.values()))
    answered, misses = {}, {}  # user id -> the facts they answered; item id -> (answers, wrong ones)
    for user_id, item_id, answers, right in answer_stats.class_answers(db, class_id, article_id):
        answered.setdefault(user_id, set()).add(fact_of.get(item_id, item_id))
        so_far = misses.get(item_id, (0, 0))
        misses[item_id] = (so_far[0] + answers, so_far[1] + answers - right)
    offset, limit = (page.offset, page.size) if page else (0, -1)
    rows = []
    for user_id, username, answered_items, right, first, last in answer_stats.class_progress(
            db, class_id, article_id, offset=offset, limit=limit):
        facts_answered = len(answered.get(user_id, ()))
        rows.append({"id": user_id, "username": username, "questions": len(questions), "answered": answered_items,
                     "right": right, "score": right / answered_items if answered_items else None,
                     "started": answered_items > 0, "facts": facts, "facts_answered": facts_answered,
                     "finished": bool(facts) and facts_answered == facts, "first_answer": first,
                     "last_answer": last})
    counts = (classes.count_members(db, class_id), len(answered),
              sum(1 for done in answered.values() if facts and len(done) == facts))
    missed = [dict(q, answers=misses[q["id"]][0], missed=misses[q["id"]][1]) for q in questions
              if misses.get(q["id"], (0, 0))[1]]
    missed.sort(key=lambda q: (-q["missed"], q["id"]))
    return rows, counts, missed


def assignment_csv(rows):
    """The assignment's results as CSV text: one row per student of the class."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(ASSIGNMENT_COLUMNS)
    for row in rows:
        writer.writerow([inert(v) for v in [
            row["username"], row["questions"], row["answered"], row["right"],
            "" if row["score"] is None else f"{row['score']:.3f}", int(row["finished"]),
            row["first_answer"] or "", row["last_answer"] or "", row["facts"], row["facts_answered"],
        ]])
    return buffer.getvalue()



def add_teacher(db, username):
    """A new teacher account with a one-time password; returns the password. Raises users.UsernameTaken."""
    password = one_time_password()
    users.create_user(db, username, password, "teacher", one_time=True)
    return password


def reset_password(db, user_id):
    """Give a student a new one-time password; returns it (to be shown once, never stored in clear)."""
    password = one_time_password()
    users.set_password(db, user_id, password, one_time=True)
    return password


def remove_student(db, user_id, *, keep_answers):
    """Take a student out: with `keep_answers` their answers stay in the results under removed-<id>;
    without, their answers, cards, sessions and reports go with the account. One transaction."""
    with write_transaction(db):
        classes.remove_from_all(db, user_id)
        if keep_answers:
            users.anonymise(db, user_id)
            return
        cards.delete_user_history(db, user_id)
        study_sessions.delete_user_sessions(db, user_id)
        reports.delete_user_reports(db, user_id)
        user_parameters.delete_user_parameters(db, user_id)
        jobs.delete_user_jobs(db, user_id)
        users.delete_user(db, user_id)
