"""Accounts: changing one's password, a teacher's reset to a one-time password, removing a student."""
import csv
import io
import re

import pytest

from quizapp import classes, users
from quizapp.clock import utcnow
from quizapp.teacher import class_results

from .helpers import PASSWORD, make_article, make_item, make_user
from .test_figures import answer_all

NEW = "a brand new password"


def test_change_password(client, auth, db):
    auth.login_as("student", "pupil")
    assert ">Change password</a>" in client.get("/").get_data(as_text=True)
    form = client.get("/auth/password").get_data(as_text=True)
    for label in ("Current password", "New password", "Confirm password"):
        assert f">{label}</label>" in form
    wrong = client.post("/auth/password", data={"current": "not it", "new": NEW, "confirm": NEW})
    assert wrong.status_code == 400 and 'id="current-error">That is not your current password.' in wrong.get_data(as_text=True)
    short = client.post("/auth/password", data={"current": PASSWORD, "new": "short", "confirm": "short"})
    assert 'id="new-error">Use at least 8 characters.' in short.get_data(as_text=True)
    mismatch = client.post("/auth/password", data={"current": PASSWORD, "new": NEW, "confirm": NEW + "x"})
    assert 'id="confirm-error">The passwords do not match.' in mismatch.get_data(as_text=True)
    assert users.authenticate(db, "pupil", PASSWORD) is not None  # nothing changed so far
    done = client.post("/auth/password", data={"current": PASSWORD, "new": NEW, "confirm": NEW}, follow_redirects=True)
    assert "Your password is changed." in done.get_data(as_text=True)
    assert users.authenticate(db, "pupil", PASSWORD) is None and users.authenticate(db, "pupil", NEW) is not None
    auth.logout()
    assert client.get("/auth/password").status_code == 302  # log in first


def test_a_teacher_resets_a_students_password_once(client, auth, db):
    pupil = make_user(db, "pupil")
    auth.login_as("teacher")
    page = client.get(f"/teacher/students/{pupil.id}").get_data(as_text=True)
    assert ">Reset password</button>" in page
    html = client.post(f"/teacher/students/{pupil.id}/password").get_data(as_text=True)
    password = re.search(r'id="one-time-password">([^<]+)<', html).group(1)
    assert "shown only this once" in html
    assert users.authenticate(db, "pupil", password) is not None and users.authenticate(db, "pupil", PASSWORD) is None
    assert password not in client.get(f"/teacher/students/{pupil.id}").get_data(as_text=True)
    teacher2 = make_user(db, "colleague", "teacher")
    assert client.post(f"/teacher/students/{teacher2.id}/password").status_code == 404  # not a student
    assert client.post("/teacher/students/999/password").status_code == 404
    assert users.authenticate(db, "colleague", PASSWORD) is not None
    auth.logout()
    auth.login_as("student", "other")
    assert client.post(f"/teacher/students/{pupil.id}/password").status_code == 403


@pytest.fixture
def two_students(db):
    make_article(db, [make_item("short_answer", f"Question {n}?", f"Answer{n}") for n in range(2)])
    teacher = make_user(db, "mrs_lee", "teacher")
    class_id = classes.create_class(db, teacher.id, "Year 9")
    gone, stays = make_user(db, "gone"), make_user(db, "stays")
    for user in (gone, stays):
        classes.add_member(db, class_id, user.id)
        answer_all(db, user, ["Answer0", "wrong"], now=utcnow())
    return gone, stays, class_id


def result_users(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/teacher/results.csv").get_data(as_text=True))))
    return [row["username"] for row in rows]


def test_remove_a_student_keeping_their_answers_anonymised(client, auth, db, two_students):
    gone, stays, class_id = two_students
    auth.login("mrs_lee")
    page = client.get(f"/teacher/students/{gone.id}").get_data(as_text=True)
    assert ">Remove student</button>" in page
    response = client.post(f"/teacher/students/{gone.id}/remove", data={"answers": "keep"})
    assert response.status_code == 302
    dashboard = client.get("/teacher/").get_data(as_text=True)
    assert ">stays</a>" in dashboard and ">gone</a>" not in dashboard
    names = result_users(client)
    assert names.count("stays") == 2 and names.count(f"removed-{gone.id}") == 2 and "gone" not in names
    assert [m["username"] for m in classes.members(db, class_id)] == ["stays"]
    assert users.authenticate(db, "gone", PASSWORD) is None and users.find_user(db, "gone") is None
    assert client.get(f"/teacher/students/{gone.id}").status_code == 404


def test_remove_a_student_and_their_answers(client, auth, db, two_students):
    gone, stays, _ = two_students
    auth.login("mrs_lee")
    assert client.post(f"/teacher/students/{gone.id}/remove", data={"answers": "delete"}).status_code == 302
    assert result_users(client) == ["stays", "stays"]
    for table in ("reviews", "cards", "study_sessions", "class_members"):
        assert db.execute(f"SELECT count(*) FROM {table} WHERE user_id = ?", [gone.id]).fetchone()[0] == 0, table
        assert db.execute(f"SELECT count(*) FROM {table} WHERE user_id = ?", [stays.id]).fetchone()[0] > 0, table
    assert db.execute("SELECT count(*) FROM users WHERE id = ?", [gone.id]).fetchone()[0] == 0
    rows = class_results.student_rows(db, __import__("quizapp.scheduling").scheduling.make_scheduler(), utcnow())
    assert [row["username"] for row in rows] == ["stays"]


def test_removing_needs_a_choice(client, auth, db, two_students):
    gone, _, _ = two_students
    auth.login("mrs_lee")
    response = client.post(f"/teacher/students/{gone.id}/remove", data={})
    assert response.status_code == 400 and 'id="answers-error"' in response.get_data(as_text=True)
    assert users.find_user(db, "gone") is not None
    assert client.post("/teacher/students/999/remove", data={"answers": "keep"}).status_code == 404


def test_the_anonymous_name_is_never_someone_elses(client, auth, db, two_students):
    gone, _, _ = two_students
    make_user(db, f"removed-{gone.id}")  # a student who registered that very name
    auth.login("mrs_lee")
    assert client.post(f"/teacher/students/{gone.id}/remove", data={"answers": "keep"}).status_code == 302
    name = db.execute("SELECT username FROM users WHERE id = ?", [gone.id]).fetchone()[0]
    assert name.startswith(f"removed-{gone.id}-")
    assert users.authenticate(db, f"removed-{gone.id}", PASSWORD) is not None


def test_delete_an_article_retires_its_questions_and_keeps_the_answers(client, auth, db, two_students):
    article_id = db.execute("SELECT id FROM articles").fetchone()[0]
    other = make_article(db, [make_item("short_answer", "Other?", "Yes")], title="Other article", source="o.txt")
    auth.login("mrs_lee")
    page = client.get(f"/teacher/articles/{article_id}").get_data(as_text=True)
    assert ">Delete article</button>" in page
    done = client.post(f"/teacher/articles/{article_id}/delete", follow_redirects=True).get_data(as_text=True)
    assert "Its 2 questions are retired" in done
    listing = done[done.index("<table"):done.index("</table>")]
    assert "Other article" in listing and "Seed article" not in listing
    assert {row[0] for row in db.execute("SELECT status FROM items WHERE article_id = ?", [article_id])} == {"retired"}
    assert db.execute("SELECT status FROM items WHERE article_id = ?", [other]).fetchone()[0] == "approved"
    assert result_users(client).count("stays") == 2  # the history stays
    assert client.get(f"/teacher/articles/{article_id}").status_code == 404
    assert client.post(f"/teacher/articles/{article_id}/delete").status_code == 404
    assert client.post("/teacher/articles/999/delete").status_code == 404


def test_an_empty_article_is_deleted_outright(client, auth, db):
    from quizapp import articles

    empty = articles.article_by_title(db, "Failed upload", create=True)
    auth.login_as("teacher")
    client.post(f"/teacher/articles/{empty}/delete")
    assert articles.get_article(db, empty) is None
    auth.logout()
    auth.login_as("student", "pupil")
    assert client.post(f"/teacher/articles/{empty}/delete").status_code == 403


def test_a_deleted_articles_assignment_leaves_the_students_page(client, auth, db, two_students):
    from quizapp import assignments

    gone, stays, class_id = two_students
    article_id = db.execute("SELECT id FROM articles").fetchone()[0]
    assignments.create_assignment(db, class_id, article_id)
    auth.login("stays")
    assert "Assignments" in client.get("/").get_data(as_text=True)
    auth.logout()
    auth.login("mrs_lee")
    client.post(f"/teacher/articles/{article_id}/delete")
    assert "(article deleted)" in client.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    auth.logout()
    auth.login("stays")
    assert "Assignments" not in client.get("/").get_data(as_text=True)


def test_a_removed_students_session_no_longer_loads(client, auth, db, two_students):
    """Flask-Login loads the user of each request by id: a removed student's id loads no one."""
    gone, stays, _ = two_students
    assert users.load_user(db, gone.id) is not None
    auth.login("mrs_lee")
    assert client.post(f"/teacher/students/{gone.id}/remove", data={"answers": "keep"}).status_code == 302
    assert users.load_user(db, gone.id) is None
    assert users.load_user(db, stays.id).username == "stays"


def test_the_same_text_again_brings_a_deleted_article_back(db):
    from quizapp import articles

    article_id = make_article(db, [make_item()], title="Back again", text="Some article text.")
    articles.delete_article(db, article_id)
    assert "Back again" not in [row["title"] for row in articles.list_articles(db)]
    again, added = articles.store_article(db, title="Back again", source="x", text="Some article text.", items=[make_item()])
    assert again == article_id and added == 0
    assert "Back again" in [row["title"] for row in articles.list_articles(db)]


@pytest.mark.parametrize("how", ["listed", "reset"])
def test_a_one_time_password_must_be_changed_first(client, auth, db, how):
    auth.login_as("teacher", "mrs_lee")
    if how == "listed":
        class_id = classes.create_class(db, users.find_user(db, "mrs_lee").id, "Year 9")
        html = client.post(f"/teacher/classes/{class_id}/students", data={"usernames": "newbie"}).get_data(as_text=True)
        given = re.search(r'<td data-label="Username">newbie</td><td data-label="One-time password"><code>([^<]+)</code>', html).group(1)
    else:
        newbie = make_user(db, "newbie")
        html = client.post(f"/teacher/students/{newbie.id}/password").get_data(as_text=True)
        given = re.search(r'id="one-time-password">([^<]+)<', html).group(1)
    auth.logout()
    assert auth.login("newbie", given).status_code == 302
    for url in ("/", "/study/progress", "/study/join"):
        response = client.get(url)
        assert response.status_code == 302 and response.headers["Location"] == "/auth/password", url
    assert "the one you were given works only once" in client.get("/auth/password").get_data(as_text=True)
    client.post("/auth/password", data={"current": given, "new": NEW, "confirm": NEW})
    assert client.get("/").status_code == 200  # free to study once changed
    assert users.authenticate(db, "newbie", given) is None and users.authenticate(db, "newbie", NEW) is not None


def test_a_registered_student_is_not_asked_to_change(client, auth, db):
    auth.login_as("student", "pupil")
    assert client.get("/").status_code == 200


def test_a_teacher_adds_another_teacher(client, auth, db):
    auth.login_as("teacher", "mrs_lee")
    classes.create_class(db, users.find_user(db, "mrs_lee").id, "Lee class")
    page = client.get("/teacher/classes").get_data(as_text=True)
    assert "Teacher&#39;s username" in page and ">Add a teacher</button>" in page
    html = client.post("/teacher/teachers", data={"username": "mr_ode"}).get_data(as_text=True)
    given = re.search(r'id="one-time-password">([^<]+)<', html).group(1)
    assert users.find_user(db, "mr_ode").is_teacher
    taken = client.post("/teacher/teachers", data={"username": "MR_ODE"})
    assert taken.status_code == 400 and 'id="username-error">That username is already taken.' in taken.get_data(as_text=True)
    bad = client.post("/teacher/teachers", data={"username": "no spaces"})
    assert bad.status_code == 400 and 'id="username-error"' in bad.get_data(as_text=True)
    auth.logout()
    auth.login("mr_ode", given)
    assert client.get("/teacher/").headers["Location"] == "/auth/password"
    client.post("/auth/password", data={"current": given, "new": NEW, "confirm": NEW})
    own = client.get("/teacher/classes").get_data(as_text=True)
    assert "No classes yet" in own and "Lee class" not in own[own.index("<table"):own.index("</table>")]
    auth.logout()
    auth.login_as("student", "pupil")
    assert client.post("/teacher/teachers", data={"username": "sneaky"}).status_code == 403
    assert users.find_user(db, "sneaky") is None
