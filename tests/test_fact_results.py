"""The teacher's results per fact (issue 11): an article's or an assignment's facts, each with its questions'
own rows; items without a fact grouped by source sentence (items.FACT_KEY_SQL), as the study planner does."""
import csv
import datetime as dt
import io

import pytest

from quizapp import assignments, classes, users
from quizapp.study import services as practice
from quizapp.teacher import fact_results

from .helpers import PASSWORD, make_article, make_item, make_user
from .test_assignment_facts import NOW, SCHEDULER, study, two_forms

DAY = dt.timedelta(days=1)


@pytest.fixture
def article(db):
    """Four facts in seven questions: two of the generator's facts (two forms each), two hand-written items of one
    sentence (no fact: one fact by their sentence) and one with neither fact nor sentence (a fact alone)."""
    made = two_forms("the coach", "Ana Ruiz", fact="coach") + two_forms("the captain", "Bo Lind", fact="captain")
    made += [make_item("short_answer", "Where do they play?", "Oslo", source_sentence="They play in Oslo.", score=0.6),
             make_item("short_answer", "In which city do they play?", "Oslo", source_sentence="They play in Oslo.",
                       score=0.5),
             make_item("short_answer", "Who won the cup in 1990?", "Lyn", source_sentence="", score=0.4)]
    return make_article(db, made, title="The team")


@pytest.fixture
def klass(db, article):
    teacher = make_user(db, "mrs_lee", "teacher")
    class_id = classes.create_class(db, teacher.id, "Year 9")
    for name in ("amy", "ben"):
        classes.add_member(db, class_id, make_user(db, name).id)
    make_user(db, "outsider")  # in no class: counted for the article, never for the class's assignment
    return class_id, assignments.create_assignment(db, class_id, article)


def by_sentence(rows):
    return {row["sentence"] or row["prompts"][0]: row for row in rows}


def person(db, name):
    return users.find_user(db, name)


def test_one_row_per_fact_with_its_questions(db, article):
    rows = by_sentence(fact_results.fact_rows(db, article))
    assert set(rows) == {"Ana Ruiz is the coach.", "Bo Lind is the captain.", "They play in Oslo.",
                         "Who won the cup in 1990?"}
    assert rows["Ana Ruiz is the coach."]["prompts"] == ["Who is the coach?", "_____ is the coach."]
    assert rows["They play in Oslo."]["prompts"] == ["Where do they play?", "In which city do they play?"]  # by sentence
    lone = rows["Who won the cup in 1990?"]
    assert (lone["sentence"], lone["prompts"]) == ("", ["Who won the cup in 1990?"])  # no sentence: its prompt
    assert all((r["students"], r["answers"], r["correct"], r["know"], r["forms"]) == (0, 0, 0, 0, [])
               for r in rows.values())


def test_the_figures_of_each_fact_and_of_its_questions(db, klass, article):
    amy, ben = person(db, "amy"), person(db, "ben")
    study(db, amy, article, wrong={"Who is the coach?"})  # one question per fact; the coach missed once, then right
    study(db, amy, article, now=NOW + DAY)  # her cards, learning yesterday, are learned (Review) now
    study(db, ben, article, size=1)  # ben: the best fact only, still learning
    rows = by_sentence(fact_results.fact_rows(db, article))
    coach = rows["Ana Ruiz is the coach."]
    assert (coach["students"], coach["answers"], coach["correct"]) == (2, 4, 3)  # amy 3 (one miss), ben 1
    assert coach["forms"] == ["Multiple choice"] and coach["know"] == 1  # amy knows it; ben is learning (control)
    mc, blank = coach["questions"]
    assert (mc["kind"], mc["answers"], mc["correct"], mc["students"]) == ("multiple_choice", 4, 3, 2)
    assert (blank["kind"], blank["answers"], blank["students"]) == ("fill_blank", 0, 0)
    captain = rows["Bo Lind is the captain."]
    assert (captain["students"], captain["answers"], captain["correct"], captain["know"]) == (1, 2, 2, 1)
    oslo = rows["They play in Oslo."]
    assert (oslo["students"], oslo["forms"], oslo["know"]) == (1, ["Short answer"], 1)
    # its two questions are one form (recall): asked in turn, one a day, they are one fact of one student
    assert [q["students"] for q in oslo["questions"]] == [1, 1] and oslo["answers"] == 2
    # most missed first: the coach (75%) before the facts answered right every time
    assert fact_results.fact_rows(db, article)[0]["sentence"] == "Ana Ruiz is the coach."


def test_a_fact_learned_in_one_form_and_missed_in_the_next_is_not_known(db, klass, article):
    amy = person(db, "amy")
    study(db, amy, article)
    study(db, amy, article, now=NOW + DAY)
    assert by_sentence(fact_results.fact_rows(db, article))["Ana Ruiz is the coach."]["know"] == 1  # the control
    later = NOW + 30 * DAY  # learned: asked as a blank now; she misses it and stops (before it comes back)
    session_id = practice.start_session(db, amy, later, article_id=article, size=10)
    while (shown := practice.show_current(db, SCHEDULER, practice.get_session(db, amy.id, session_id), later)):
        item, right = shown["item"], shown["item"]["prompt"] != "_____ is the coach."
        practice.check_answer(db, session_id, item["id"], item["answer"] if right else "no idea", later)
        practice.rate(db, session_id, item["id"], "Good" if right else "Again", later)
        if not right:
            break
    coach = by_sentence(fact_results.fact_rows(db, article))["Ana Ruiz is the coach."]
    assert coach["forms"] == ["Multiple choice", "Fill in the blank"] and coach["students"] == 1
    assert (coach["questions"][1]["answers"], coach["questions"][1]["correct"]) == (1, 0)
    assert db.execute("SELECT state FROM cards WHERE item_id = ?", [coach["questions"][0]["id"]]).fetchone()[0] == 2
    assert coach["know"] == 0  # her multiple choice card is still in Review, but the fact's latest card is the blank


def test_flashcards_are_counted_apart(db, klass, article):
    study(db, person(db, "ben"), article, size=1, mode="flashcards")
    coach = by_sentence(fact_results.fact_rows(db, article))["Ana Ruiz is the coach."]
    assert (coach["students"], coach["answers"], coach["correct"], coach["self_rated"]) == (1, 0, 0, 1)
    assert coach["forms"] == ["Multiple choice"] and coach["share"] is None


def test_a_class_counts_its_own_students_only(db, klass, article):
    class_id, _ = klass
    study(db, person(db, "outsider"), article)
    study(db, person(db, "amy"), article, size=1)
    everyone = by_sentence(fact_results.fact_rows(db, article))["Ana Ruiz is the coach."]
    own = by_sentence(fact_results.fact_rows(db, article, class_id=class_id))["Ana Ruiz is the coach."]
    assert (everyone["students"], everyone["answers"]) == (2, 2)  # the control: the outsider counts for the article
    assert (own["students"], own["answers"]) == (1, 1)
    oslo = by_sentence(fact_results.fact_rows(db, article, class_id=class_id))["They play in Oslo."]
    assert (oslo["students"], oslo["answers"], oslo["questions"][0]["students"]) == (0, 0, 0)  # only the outsider's


def test_the_csv_has_one_line_per_fact(db, klass, article):
    study(db, person(db, "amy"), article, wrong={"Who is the coach?"})
    text = fact_results.fact_csv(fact_results.fact_rows(db, article), "=The team")
    lines = list(csv.DictReader(io.StringIO(text)))
    assert list(lines[0]) == fact_results.FACT_COLUMNS and len(lines) == 4
    coach = next(line for line in lines if line["fact"] == "Ana Ruiz is the coach.")
    ids = [str(row[0]) for row in db.execute("SELECT id FROM items WHERE fact = 'coach' ORDER BY score DESC, id")]
    assert coach == {"article": "'=The team", "fact": "Ana Ruiz is the coach.", "item_ids": " ".join(ids),
                     "prompts": "Who is the coach? | _____ is the coach.", "students_studied": "1",
                     "graded_answers": "2", "graded_correct": "1", "self_rated": "0", "forms_asked": "Multiple choice",
                     "students_know": "0"}
    lone = next(line for line in lines if line["prompts"] == "Who won the cup in 1990?")
    assert lone["fact"] == "Who won the cup in 1990?"  # no sentence: its prompt names it


# The pages

def log_in(client, username):
    assert client.post("/auth/login", data={"username": username, "password": PASSWORD}).status_code == 302


def fact_row(html, sentence):
    start = html.index(f'<p class="fact-sentence">{sentence}</p>')
    return html[start:html.index("</tr>", start)]


def test_the_article_page_links_to_its_results_by_fact(client, db, klass, article):
    study(db, person(db, "amy"), article, wrong={"Who is the coach?"})
    study(db, person(db, "outsider"), article, size=1)
    log_in(client, "mrs_lee")
    html = client.get(f"/teacher/articles/{article}").get_data(as_text=True)
    assert f'href="/teacher/articles/{article}/facts">Results by fact</a>' in html
    html = client.get(f"/teacher/articles/{article}/facts").get_data(as_text=True)
    assert "<h1>Results by fact</h1>" in html and "every student" in html
    coach = fact_row(html, "Ana Ruiz is the coach.")
    assert 'data-label="Students studied">2</td>' in coach and 'data-label="Graded right">2 of 3 (67%)</td>' in coach
    assert 'data-label="Forms asked">Multiple choice</td>' in coach and 'data-label="Know it">0</td>' in coach
    assert "<summary>2 questions</summary>" in coach
    assert "Who is the coach?</span> — answer <strong>Ana Ruiz</strong>" in coach  # its questions' own rows
    assert "2 of 3 right (67%),\n                    2 students" in coach
    assert "_____ is the coach.</span>" in coach and "0 of 0 right,\n                    0 students" in coach
    assert '<p class="fact-sentence">Who won the cup in 1990?</p>' in html  # a fact with no sentence: its prompt
    assert f'href="/teacher/articles/{article}/facts.csv">Export results by fact (CSV)</a>' in html


def test_the_article_csv_download(client, db, klass, article):
    study(db, person(db, "amy"), article)
    log_in(client, "mrs_lee")
    response = client.get(f"/teacher/articles/{article}/facts.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert f"quizapp-facts-article-{article}.csv" in response.headers["Content-Disposition"]
    lines = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(lines) == 4 and {line["article"] for line in lines} == {"The team"}
    assert sum(int(line["graded_answers"]) for line in lines) == 4  # one answer per fact


def test_the_assignment_page_links_to_the_class_results_by_fact(client, db, klass, article):
    _, assignment_id = klass
    study(db, person(db, "outsider"), article)
    study(db, person(db, "amy"), article, size=1)
    log_in(client, "mrs_lee")
    html = client.get(f"/teacher/assignments/{assignment_id}").get_data(as_text=True)
    assert f'href="/teacher/assignments/{assignment_id}/facts">Results by fact</a>' in html
    html = client.get(f"/teacher/assignments/{assignment_id}/facts").get_data(as_text=True)
    assert "Year 9</a>: its students only" in html
    assert 'data-label="Students studied">1</td>' in fact_row(html, "Ana Ruiz is the coach.")
    assert 'data-label="Students studied">0</td>' in fact_row(html, "They play in Oslo.")  # the outsider's only
    lines = list(csv.DictReader(io.StringIO(client.get(f"/teacher/assignments/{assignment_id}/facts.csv")
                                            .get_data(as_text=True))))
    assert sorted(line["students_studied"] for line in lines) == ["0", "0", "0", "1"]


def test_who_may_see_results_by_fact(client, auth, db, klass, article):
    _, assignment_id = klass
    log_in(client, "amy")  # a student
    assert client.get(f"/teacher/articles/{article}/facts").status_code == 403
    assert client.get(f"/teacher/assignments/{assignment_id}/facts.csv").status_code == 403
    auth.logout()
    auth.login_as("teacher", "mr_ode")  # another teacher: the article yes, another's class's assignment no
    assert client.get(f"/teacher/articles/{article}/facts").status_code == 200  # the control
    assert client.get(f"/teacher/assignments/{assignment_id}/facts").status_code == 404
    assert client.get(f"/teacher/assignments/{assignment_id}/facts.csv").status_code == 404
    assert client.get("/teacher/articles/999/facts").status_code == 404
    assert client.get("/teacher/articles/999/facts.csv").status_code == 404
