"""An assignment's progress counts facts (issue 11): items sharing a fact are one card, asked in one form at a
time, so "met" and "finished" are per fact; items without a fact are one fact per source sentence."""
import csv
import datetime as dt
import io

import pytest

from quizapp import assignments, classes, scheduling, users
from quizapp.study import services as practice
from quizapp.teacher import class_work

from .helpers import PASSWORD, make_article, make_item, make_user

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)
SCHEDULER = scheduling.make_scheduler(fuzz=False)


def two_forms(name, answer, *, fact):
    sentence = f"{answer} is {name}."
    return [make_item("multiple_choice", f"Who is {name}?", answer, choices=[answer, "Ann Lee", "Bo Chan", "Cy Diaz"],
                      source_sentence=sentence, fact=fact, score=0.9),
            make_item("fill_blank", f"_____ is {name}.", answer, source_sentence=sentence, fact=fact, score=0.7)]


@pytest.fixture
def article(db):
    """Three facts in six questions: two of the generator's facts, and two hand-written items of one sentence
    (no fact: one fact by their sentence, as the study planner counts them)."""
    made = two_forms("the coach", "Ana Ruiz", fact="coach") + two_forms("the captain", "Bo Lind", fact="captain")
    made += [make_item("short_answer", "Where do they play?", "Oslo", source_sentence="They play in Oslo.", score=0.6),
             make_item("short_answer", "In which city do they play?", "Oslo", source_sentence="They play in Oslo.",
                       score=0.5)]
    return make_article(db, made, title="The team")


def study(db, user, article_id, *, size=10, mode="quiz", now=NOW, wrong=()):
    """One session of the article, every item answered right (quiz; wrong for prompts in `wrong`, then right when
    it comes back) or rated Good (flashcards)."""
    session_id = practice.start_session(db, user, now, article_id=article_id, size=size, mode=mode)
    missed = set()
    while (shown := practice.show_current(db, SCHEDULER, practice.get_session(db, user.id, session_id), now)):
        item = shown["item"]
        rating = "Good"
        if mode == "quiz":
            right = item["prompt"] not in wrong or item["id"] in missed
            missed.add(item["id"])
            practice.check_answer(db, session_id, item["id"], item["answer"] if right else "no idea", now)
            rating = "Good" if right else "Again"
        practice.rate(db, session_id, item["id"], rating, now)


@pytest.fixture
def klass(db, article):
    teacher = make_user(db, "mrs_lee", "teacher")
    class_id = classes.create_class(db, teacher.id, "Year 9")
    for name in ("amy", "ben", "cal"):
        classes.add_member(db, class_id, make_user(db, name).id)
    return class_id, assignments.create_assignment(db, class_id, article)


def cards_of(db, user):
    return db.execute("SELECT count(*) FROM cards WHERE user_id = ?", [user.id]).fetchone()[0]


def test_a_student_meets_every_fact_without_every_question(db, klass, article):
    amy = users.find_user(db, "amy")
    (row,) = assignments.student_assignments(db, amy.id)
    assert (row["seen"], row["total"], row["questions"]) == (0, 3, 6)
    study(db, amy, article, size=1)
    (row,) = assignments.student_assignments(db, amy.id)
    assert (row["seen"], row["total"]) == (1, 3)
    study(db, amy, article)  # one question per fact: the other two facts
    (row,) = assignments.student_assignments(db, amy.id)
    assert (row["seen"], row["total"], row["questions"]) == (3, 3, 6)
    assert cards_of(db, amy) == 3  # counted as questions, she would be stuck at 3 of 6


def test_more_forms_of_met_facts_over_the_days_are_no_more_facts(db, klass, article):
    amy = users.find_user(db, "amy")
    for day in range(0, 60, 3):  # the forms grow with what she knows: a blank once a fact is learned
        study(db, amy, article, now=NOW + dt.timedelta(days=day))
    assert cards_of(db, amy) > 3  # more than one question of some fact met (the control of the count below)
    (row,) = assignments.student_assignments(db, amy.id)
    assert (row["seen"], row["total"]) == (3, 3)


def test_flashcards_meet_facts_too(db, klass, article):  # "met": a card, whatever the mode (as for questions)
    ben = users.find_user(db, "ben")
    study(db, ben, article, size=2, mode="flashcards")
    (row,) = assignments.student_assignments(db, ben.id)
    assert (row["seen"], row["total"]) == (2, 3)


def report(db, assignment_id):
    rows, counts, missed = class_work.assignment_report(db, assignment_id)
    return {row["username"]: row for row in rows}, counts, missed


def test_the_assignment_is_finished_when_every_fact_is_answered(db, klass, article):
    _, assignment_id = klass
    amy, ben = users.find_user(db, "amy"), users.find_user(db, "ben")
    study(db, amy, article, wrong={"Who is the coach?"})
    study(db, ben, article, size=2)
    rows, counts, _ = report(db, assignment_id)
    assert (rows["amy"]["facts_answered"], rows["amy"]["facts"], rows["amy"]["finished"]) == (3, 3, True)
    assert (rows["amy"]["answered"], rows["amy"]["questions"]) == (3, 6)  # three of six questions: finished all the same
    assert (rows["amy"]["right"], rows["amy"]["score"]) == (2, 2 / 3)  # the score stays per first answer to a question
    assert (rows["ben"]["facts_answered"], rows["ben"]["finished"]) == (2, False)  # the control: one fact to go
    assert (rows["cal"]["facts_answered"], rows["cal"]["started"], rows["cal"]["finished"]) == (0, False, False)
    assert counts == (3, 2, 1)


def test_flashcards_answer_no_fact_of_an_assignment(db, klass, article):
    _, assignment_id = klass
    cal = users.find_user(db, "cal")
    study(db, cal, article, mode="flashcards")  # self-rated: no graded answer, as for the assignment's questions
    study(db, users.find_user(db, "ben"), article, size=1)  # the control: a graded answer counts
    rows, counts, _ = report(db, assignment_id)
    assert (rows["cal"]["facts_answered"], rows["cal"]["started"]) == (0, False)
    assert (rows["ben"]["facts_answered"], rows["ben"]["started"]) == (1, True)


# The pages

def log_in(client, username):
    response = client.post("/auth/login", data={"username": username, "password": PASSWORD})
    assert response.status_code == 302


def test_the_students_dashboard_counts_facts(client, db, klass, article):
    amy = users.find_user(db, "amy")
    study(db, amy, article, size=2)
    log_in(client, "amy")
    html = client.get("/").get_data(as_text=True)
    section = html[html.index("Assignments"):html.index("</section>")]
    assert "2 of 3 facts met (67%)" in section and "(6 questions: one form of a fact at a time)" in section
    assert "questions met" not in section


def test_the_teachers_assignment_page_and_csv_count_facts(client, db, klass, article):
    _, assignment_id = klass
    study(db, users.find_user(db, "amy"), article)
    study(db, users.find_user(db, "ben"), article, size=1)
    log_in(client, "mrs_lee")
    html = client.get(f"/teacher/assignments/{assignment_id}").get_data(as_text=True)
    assert "<strong>2</strong> of 3 started" in html and "<strong>1</strong> finished" in html
    amy = html[html.index(">amy</a>"):html.index("</tr>", html.index(">amy</a>"))]
    ben = html[html.index(">ben</a>"):html.index("</tr>", html.index(">ben</a>"))]
    assert '<td data-label="Status">finished</td>' in amy and 'data-label="Facts answered">3 of 3</td>' in amy
    assert 'data-label="Answered">3 of 6</td>' in amy
    assert '<td data-label="Status">started</td>' in ben and 'data-label="Facts answered">1 of 3</td>' in ben
    rows = {row["username"]: row for row in csv.DictReader(io.StringIO(
        client.get(f"/teacher/assignments/{assignment_id}.csv").get_data(as_text=True)))}
    assert list(rows["amy"])[:8] == ["username", "questions", "answered", "first_answers_correct", "score",
                                     "finished", "first_answer", "last_answer"]  # the columns it had, first
    assert (rows["amy"]["questions"], rows["amy"]["answered"], rows["amy"]["finished"]) == ("6", "3", "1")
    assert (rows["amy"]["facts"], rows["amy"]["facts_answered"]) == ("3", "3")
    assert (rows["ben"]["facts_answered"], rows["ben"]["finished"]) == ("1", "0")
