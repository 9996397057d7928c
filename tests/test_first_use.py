"""What a newcomer's walk through the app ran into (session 9), each with the behaviour a user expects:
the password rules of registering on every form that sets a password, a teacher-made student's time zone
taken from the browser, a true/false flashcard saying it may be false, the app's own 403 text, a PDF
upload told what to do, a text that gives no question not kept, a new student's progress without empty
weeks, counts in the singular."""
import datetime as dt
import io

from quizapp import users

from .helpers import PASSWORD, make_article, make_item
from .test_study import start
from .test_teacher import wait_for_job


def one_time_student(db, username="amira"):
    return users.create_user(db, username, "one-time pass 42", "student", one_time=True)


def test_a_new_password_follows_the_rules_of_registering(client, auth, db):
    one_time_student(db)
    assert auth.login("amira", "one-time pass 42").status_code == 302
    form = {"current": "one-time pass 42", "new": "password123", "confirm": "password123"}
    refused = client.post("/auth/password", data=form)
    assert refused.status_code == 400 and "among the most common ones" in refused.get_data(as_text=True)
    named = client.post("/auth/password", data={**form, "new": "amira2024", "confirm": "amira2024"})
    assert "not your username" in named.get_data(as_text=True)
    done = client.post("/auth/password", data={**form, "new": PASSWORD, "confirm": PASSWORD})
    assert done.status_code == 302  # positive control: a good password is taken
    assert users.authenticate(db, "amira", PASSWORD) is not None


def test_a_teacher_made_student_takes_the_browsers_time_zone(client, auth, db):
    one_time_student(db)
    response = client.post("/auth/login", data={"username": "amira", "password": "one-time pass 42",
                                                "timezone": "America/New_York"})
    assert response.status_code == 302
    assert users.find_user(db, "amira").timezone == "America/New_York"
    client.post("/auth/logout")
    client.post("/auth/login", data={"username": "amira", "password": "one-time pass 42", "timezone": "Asia/Tokyo"})
    assert users.find_user(db, "amira").timezone == "America/New_York"  # a zone once set is kept
    users.create_user(db, "ben", PASSWORD, "student")
    client.post("/auth/login", data={"username": "ben", "password": PASSWORD, "timezone": "Not/A_Zone"})
    assert users.find_user(db, "ben").timezone == "UTC"  # an unknown name is no zone


def test_the_pages_that_set_a_password_carry_the_browsers_zone(client, auth, db):
    assert 'data-browser-timezone' in client.get("/auth/login").get_data(as_text=True)
    one_time_student(db)
    auth.login("amira", "one-time pass 42")
    assert 'data-browser-timezone' in client.get("/auth/password").get_data(as_text=True)


def test_a_true_false_flashcard_says_it_may_be_false(client, auth, db):
    make_article(db, [make_item(kind="true_false", prompt="The Orrow bridge opened in 1987.", answer="False",
                                choices=["True", "False"], source_sentence="The Orrow bridge opened in 1978.")])
    auth.login_as("student")
    html = client.get(start(client, mode="flashcards")).get_data(as_text=True)
    assert "True or false?" in html and "The Orrow bridge opened in 1987." in html
    assert "Card 1 of 1" in html


def test_a_short_answer_flashcard_has_no_true_or_false_heading(client, auth, db):
    make_article(db, [make_item(prompt="Who opened the Orrow bridge?", answer="Ada Lind",
                                source_sentence="Ada Lind opened the Orrow bridge.")])
    auth.login_as("student")
    html = client.get(start(client, mode="flashcards")).get_data(as_text=True)
    assert "Who opened the Orrow bridge?" in html and "True or false?" not in html


def test_a_question_card_names_its_kind_as_the_editor_does(client, auth, db):
    make_article(db, [make_item(kind="fill_blank", prompt="_____ opened the Orrow bridge.", answer="Ada Lind",
                                source_sentence="Ada Lind opened the Orrow bridge.")])
    auth.login_as("student")
    html = client.get(start(client)).get_data(as_text=True)
    assert '<p class="kind">Fill in the blank</p>' in html


def test_a_teacher_page_refuses_a_student_in_the_apps_words(client, auth):
    auth.login_as("student")
    response = client.get("/teacher/")
    html = response.get_data(as_text=True)
    assert response.status_code == 403 and "This page is not open to your account." in html
    assert "read-protected" not in html


def test_a_pdf_upload_is_told_to_paste_the_text(client, auth, db):
    auth.login_as("teacher")
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n"
    html = client.post("/teacher/articles/new", data={"text": "", "upload": (io.BytesIO(pdf), "article.pdf")},
                       content_type="multipart/form-data").get_data(as_text=True)
    assert "That is a PDF, not a text file: copy the article" in html
    assert db.execute("SELECT count(*) FROM jobs").fetchone()[0] == 0


def test_a_text_that_gives_no_question_is_not_kept(client, auth, db):
    auth.login_as("teacher")
    response = client.post("/teacher/articles/new", data={"title": "hello", "text": "hello"})
    html = wait_for_job(client, response.headers["Location"])
    assert "No questions could be made" in html and "not added to your articles" in html
    assert "Review the questions" not in html
    assert db.execute("SELECT count(*) FROM articles WHERE title = 'hello'").fetchone()[0] == 0
    story = ("Orrow council approves bridge\n\nThe Orrow town council voted 7-2 on Monday to build a 40-metre "
             "footbridge over the Lenn River, at a cost of 2.1 million pounds. Mayor Ada Lind said work would begin "
             "in March and end by October 2027.\n")
    response = client.post("/teacher/articles/new", data={"title": "Bridge", "text": story})
    assert "Review the questions" in wait_for_job(client, response.headers["Location"])  # positive control
    assert db.execute("SELECT count(*) FROM articles WHERE title = 'Bridge'").fetchone()[0] == 1


def test_a_new_students_progress_has_no_empty_weeks(client, auth, db):
    auth.login_as("student")
    html = client.get("/study/progress").get_data(as_text=True)
    assert "No answers to learned items yet" in html
    assert "<td data-label=\"Week of\">" not in html


def test_weeks_start_at_the_first_answer_to_a_learned_item():
    from quizapp.study import progress

    now = dt.datetime(2026, 11, 26, 12, tzinfo=dt.timezone.utc)
    assert progress.retention_per_week([], "UTC", now, weeks=8) == []


def test_counts_in_the_singular(app):
    from quizapp.display import counted

    assert (counted(1, "question"), counted(3, "question"), counted(0, "question")) == (
        "1 question", "3 questions", "0 questions")


def test_the_assign_form_offers_the_article_added_last(client, auth, db):
    import re

    first = make_article(db, [make_item(prompt="Who opened the bridge?", answer="Ada Lind")], title="Old story",
                         source="old.txt")
    newest = make_article(db, [make_item(prompt="Who won the cup?", answer="Orrow Rovers")], title="New story",
                          source="new.txt")
    auth.login_as("teacher")
    response = client.post("/teacher/classes", data={"name": "Year 9"})
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    selected = re.findall(r'<option selected value="(\d+)">|<option value="(\d+)" selected>', html)
    assert [a or b for a, b in selected] == [str(newest)] and f'value="{first}"' in html
    assert "New story (1 question)" in html
