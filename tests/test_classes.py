"""Classes and assignments: creating, joining, enrolling from a list, assigning, and an assignment's results."""
import csv
import io
import re

import pytest

from quizapp import classes, users
from quizapp.clock import utcnow
from quizapp.teacher import class_work

from .helpers import PASSWORD, make_article, make_item, make_user
from .test_figures import answer_all


@pytest.fixture
def article(db):
    return make_article(db, [make_item("short_answer", f"Question {n}?", f"Answer{n}", score=0.9 - n / 10)
                             for n in range(3)], title="Three questions")


def create_class(client, name="Year 9 History"):
    response = client.post("/teacher/classes", data={"name": name})
    assert response.status_code == 302
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_a_teacher_creates_a_class_with_a_join_code(client, auth, db):
    auth.login_as("teacher", "mrs_lee")
    page = client.get("/teacher/classes").get_data(as_text=True)
    assert "Class name" in page and ">Create class</button>" in page and "No classes yet" in page
    class_id = create_class(client)
    html = client.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    code = classes.get_class(db, class_id)["join_code"]
    assert re.fullmatch(r"[A-HJ-NP-Z2-9]{6}", code)
    assert "Join code" in html and code in html and "Year 9 History" in html
    assert "Year 9 History" in client.get("/teacher/classes").get_data(as_text=True)


def test_a_class_needs_a_name_said_beside_the_field(client, auth):
    auth.login_as("teacher")
    html = client.post("/teacher/classes", data={"name": "  "}).get_data(as_text=True)
    assert 'id="name-error">Give the class a name.' in html


def test_each_teacher_sees_only_their_own_classes(client, auth, db):
    auth.login_as("teacher", "mrs_lee")
    lee = create_class(client, "Lee class")
    auth.logout()
    auth.login_as("teacher", "mr_ode")
    ode = create_class(client, "Ode class")
    listing = client.get("/teacher/classes").get_data(as_text=True)
    listing = listing[listing.index("<table"):listing.index("</table>")]
    assert "Ode class" in listing and "Lee class" not in listing  # the positive control beside it
    assert client.get(f"/teacher/classes/{ode}").status_code == 200
    assert client.get(f"/teacher/classes/{lee}").status_code == 404
    assert client.post(f"/teacher/classes/{lee}/assign", data={"article": 1}).status_code == 404
    assert client.post(f"/teacher/classes/{lee}/students", data={"usernames": "x1"}).status_code == 404
    assert users.find_user(db, "x1") is None
    assert client.get("/teacher/classes/999").status_code == 404
    auth.logout()
    auth.login_as("student", "pupil")
    assert client.get("/teacher/classes").status_code == 403
    assert client.get(f"/teacher/classes/{lee}").status_code == 403


def test_a_student_joins_with_the_code(client, auth, db):
    auth.login_as("teacher")
    class_id = create_class(client)
    code = classes.get_class(db, class_id)["join_code"]
    auth.logout()
    auth.login_as("student", "pupil")
    start = client.get("/").get_data(as_text=True)
    assert ">Join a class</a>" in start
    form = client.get("/study/join").get_data(as_text=True)
    assert "Class code" in form and ">Join</button>" in form
    wrong = client.post("/study/join", data={"code": "ZZZZZZ"})
    assert wrong.status_code == 400 and 'id="code-error">No class has that code.' in wrong.get_data(as_text=True)
    assert classes.members(db, class_id) == []
    joined = client.post("/study/join", data={"code": f" {code[:3].lower()}-{code[3:]} "}, follow_redirects=True)
    assert "You are in Year 9 History." in joined.get_data(as_text=True)
    assert [m["username"] for m in classes.members(db, class_id)] == ["pupil"]
    again = client.post("/study/join", data={"code": code}, follow_redirects=True)
    assert "You were already in Year 9 History." in again.get_data(as_text=True)
    auth.logout()
    auth.login_as("teacher")
    assert client.get("/study/join").status_code == 403


def test_a_teacher_adds_students_from_a_pasted_list(client, auth, db):
    make_user(db, "existing")
    make_user(db, "colleague", "teacher")
    auth.login_as("teacher")
    class_id = create_class(client)
    bad = client.post(f"/teacher/classes/{class_id}/students", data={"usernames": "ok_name\nnot a name!"})
    assert bad.status_code == 400 and "&#39;not a name!&#39;: a username is" in bad.get_data(as_text=True)
    assert users.find_user(db, "ok_name") is None  # nothing added while a line is wrong
    html = client.post(f"/teacher/classes/{class_id}/students",
                       data={"usernames": "amy\nben, existing\nAmy\ncolleague"}).get_data(as_text=True)
    assert "shown only this once" in html
    passwords = dict(re.findall(r'<tr><td data-label="Username">(\w+)</td><td data-label="One-time password"><code>([a-z]+-[a-z]+-\d{4})</code>', html))
    assert set(passwords) == {"amy", "ben"}  # Amy once; existing has a password already; a teacher is not added
    assert "is a teacher&#39;s account: not added" in html
    assert users.authenticate(db, "amy", passwords["amy"]) is not None
    assert users.authenticate(db, "existing", PASSWORD) is not None
    assert [m["username"] for m in classes.members(db, class_id)] == ["amy", "ben", "existing"]
    later = client.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    assert passwords["amy"] not in later and "amy" in later


def test_assign_needs_an_article_and_a_real_date(client, auth, db, article):
    auth.login_as("teacher")
    class_id = create_class(client)
    html = client.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    assert "Article" in html and "Due date" in html and ">Assign</button>" in html and "Three questions" in html
    bad = client.post(f"/teacher/classes/{class_id}/assign", data={"article": article, "due_date": "31/02/2026"})
    assert bad.status_code == 400 and 'id="due_date-error"' in bad.get_data(as_text=True)
    unknown = client.post(f"/teacher/classes/{class_id}/assign", data={"article": 999})
    assert unknown.status_code == 400 and 'id="article-error"' in unknown.get_data(as_text=True)
    ok = client.post(f"/teacher/classes/{class_id}/assign", data={"article": article, "due_date": "2026-12-11"})
    assert ok.status_code == 302 and "/teacher/assignments/" in ok.headers["Location"]
    assert "2026-12-11" in client.get(f"/teacher/classes/{class_id}").get_data(as_text=True)


@pytest.fixture
def assigned(client, auth, db, article):
    """A class of three (amy answers all, 2 right first time; ben one wrong; cal nothing) with the article assigned."""
    auth.login_as("teacher", "mrs_lee")
    class_id = create_class(client)
    client.post(f"/teacher/classes/{class_id}/students", data={"usernames": "amy\nben\ncal"})
    assignment_id = int(client.post(f"/teacher/classes/{class_id}/assign", data={"article": article})
                        .headers["Location"].rsplit("/", 1)[1])
    outsider = make_user(db, "outsider")  # not in the class: their answers are not the assignment's
    answer_all(db, outsider, ["Answer0", "Answer1", "Answer2"], now=utcnow())
    now = utcnow()
    answer_all(db, users.find_user(db, "amy"), ["Answer0", "wrong", "Answer2"], now=now)
    answer_all(db, users.find_user(db, "ben"), ["wrong"], now=now)
    return class_id, assignment_id


def test_the_assignment_page(client, db, assigned):
    _, assignment_id = assigned
    html = client.get(f"/teacher/assignments/{assignment_id}").get_data(as_text=True)
    assert "<strong>2</strong> of 3 started" in html and "<strong>1</strong> finished" in html
    rows = {name: html[html.index(f">{name}</a>"):html.index("</tr>", html.index(f">{name}</a>"))]
            for name in ("amy", "ben", "cal")}
    assert "finished" in rows["amy"] and "3 of 3" in rows["amy"] and 'data-label="Score">67%</td>' in rows["amy"]
    assert "started" in rows["ben"] and "1 of 3" in rows["ben"] and 'data-label="Score">0%</td>' in rows["ben"]
    assert "not started" in rows["cal"] and "0 of 3" in rows["cal"] and 'data-label="Score">–</td>' in rows["cal"]
    assert "outsider" not in html
    missed = html[html.index("Most missed"):]
    assert missed.index("Question 0?") < missed.index("Question 1?")  # 1 wrong each: by id; Question 2 never missed
    assert "Question 2?" not in missed


def test_the_assignment_csv(client, db, assigned):
    _, assignment_id = assigned
    response = client.get(f"/teacher/assignments/{assignment_id}.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert list(rows[0]) == class_work.ASSIGNMENT_COLUMNS
    by_name = {row["username"]: row for row in rows}
    assert set(by_name) == {"amy", "ben", "cal"}
    assert (by_name["amy"]["answered"], by_name["amy"]["first_answers_correct"], by_name["amy"]["score"],
            by_name["amy"]["finished"]) == ("3", "2", "0.667", "1")
    assert (by_name["ben"]["answered"], by_name["ben"]["score"], by_name["ben"]["finished"]) == ("1", "0.000", "0")
    assert (by_name["cal"]["answered"], by_name["cal"]["score"]) == ("0", "")


def test_another_teacher_cannot_open_the_assignment(client, auth, assigned):
    _, assignment_id = assigned
    auth.logout()
    auth.login_as("teacher", "mr_ode")
    assert client.get(f"/teacher/assignments/{assignment_id}").status_code == 404
    assert client.get(f"/teacher/assignments/{assignment_id}.csv").status_code == 404
    assert client.get("/teacher/assignments/999").status_code == 404


def test_students_see_their_assignments_first_with_progress(client, auth, db, assigned):
    auth.logout()
    users_db_password(db, users.find_user(db, "ben").id)
    auth.login("ben")
    html = client.get("/").get_data(as_text=True)
    assert html.index("Assignments") < html.index("due today")
    section = html[html.index("Assignments"):html.index("</section>")]
    assert "Three questions" in section and "1 of 3 facts met (33%)" in section and ">Study now</button>" in section
    response = client.post("/study/start", data={"article": re.search(r'name="article" value="(\d+)"', section).group(1),
                                                 "size": "10", "mode": "quiz"})
    assert response.status_code == 302 and re.search(r"/study/\d+$", response.headers["Location"])
    auth.logout()
    auth.login_as("student", "no_class")
    alone = client.get("/").get_data(as_text=True)
    assert "Assignments" not in alone and "due today" in alone


def users_db_password(db, user_id):
    """Give a listed student the tests' password, as if they had changed it."""
    users.set_password(db, user_id, PASSWORD)


def test_the_join_link_fills_the_code_in(client, auth, db):
    auth.login_as("teacher")
    class_id = create_class(client)
    code = classes.get_class(db, class_id)["join_code"]
    page = client.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    link = re.search(r'id="join-link">([^<]+)<', page).group(1)
    assert link == f"http://localhost/study/join?code={code}"
    auth.logout()
    auth.login_as("student", "pupil")
    form = client.get(f"/study/join?code={code}").get_data(as_text=True)
    assert f'value="{code}"' in form
    assert 'value=""' in client.get("/study/join").get_data(as_text=True)  # no link, no code
    assert classes.members(db, class_id) == []  # opening the link alone joins nothing: the student presses Join


def test_a_pasted_name_follows_the_register_rule(client, auth):
    auth.login_as("teacher")
    class_id = create_class(client)
    short = client.post(f"/teacher/classes/{class_id}/students", data={"usernames": "ab"})
    assert short.status_code == 400 and "a username is 3 to 40 letters" in short.get_data(as_text=True)
