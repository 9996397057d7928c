"""The review queue keeps the teacher's place (without JavaScript) and shows what students reported."""
import pytest

from quizapp import reports

from .helpers import make_article, make_item, make_user


@pytest.fixture
def queue(db):
    make_article(db, [make_item("short_answer", f"Draft {n}?", f"A{n}", score=0.9 - n / 10) for n in range(3)],
                 status="draft")
    return [row[0] for row in db.execute("SELECT id FROM items ORDER BY score DESC")]


def test_approve_and_reject_return_to_the_next_item(client, auth, queue):
    first, second, third = queue
    auth.login_as("teacher")
    page = client.get("/teacher/review").get_data(as_text=True)
    assert page.index(f'id="item-{first}"') < page.index(f'id="item-{second}"') < page.index(f'id="item-{third}"')
    response = client.post(f"/teacher/questions/{first}/status", data={"status": "approved", "after": second},
                           headers={"Referer": "http://localhost/teacher/review"})
    assert response.headers["Location"] == f"http://localhost/teacher/review#item-{second}"
    form = client.get("/teacher/review").get_data(as_text=True)
    second_form = form[form.index(f'id="item-{second}"'):form.index(f'id="item-{third}"')]
    assert f'name="after" value="{third}"' in second_form  # the item below takes the place of the one dealt with
    last = form[form.index(f'id="item-{third}"'):]
    assert f'name="after" value="{second}"' in last  # the last one: its neighbour above
    response = client.post(f"/teacher/questions/{third}/status", data={"status": "rejected"},
                           headers={"Referer": "http://localhost/teacher/review#item-9"})
    assert response.headers["Location"] == f"http://localhost/teacher/review#item-{third}"


def test_the_queue_shows_each_reported_reason(client, auth, db, queue):
    first, second, _ = queue
    student = make_user(db, "pupil")
    reports.report_problem(db, first, student.id, "Two answers fit")
    reports.report_problem(db, first, student.id, "Typo in the question")
    auth.login_as("teacher")
    html = client.get("/teacher/review").get_data(as_text=True)
    flagged = html[html.index("Reported by students (1)"):html.index("<h2>Drafts")]
    assert "Reported: Two answers fit" in flagged and "Reported: Typo in the question" in flagged
    assert f'id="item-{first}"' in flagged and f'id="item-{second}"' not in flagged
    client.post(f"/teacher/questions/{first}/resolve")
    assert "Reported: Two answers fit" not in client.get("/teacher/review").get_data(as_text=True)


def test_an_edit_goes_back_to_its_place_and_can_close_the_reports(client, auth, db, queue):
    first, second, _ = queue
    student = make_user(db, "pupil")
    reports.report_problem(db, first, student.id, "Two answers fit")
    auth.login_as("teacher")
    review = client.get("/teacher/review").get_data(as_text=True)
    assert f'/teacher/questions/{first}/edit?back=/teacher/review%23item-{first}' in review
    edit = client.get(f"/teacher/questions/{first}/edit").get_data(as_text=True)
    assert "Close its reports" in edit
    data = {"article": db.execute("SELECT article_id FROM items WHERE id = ?", [first]).fetchone()[0],
            "kind": "short_answer", "prompt": "Draft 0, clearer?", "answer": "A0", "choices": "", "accepted": "",
            "source_sentence": "", "resolve": "1"}
    saved = client.post(f"/teacher/questions/{first}/edit?back=/teacher/review%23item-{first}", data=data)
    assert saved.headers["Location"] == f"/teacher/review#item-{first}"
    assert "Reported by students (0)" in client.get("/teacher/review").get_data(as_text=True)
    outside = client.post(f"/teacher/questions/{second}/edit?back=https://evil.example/", data={**data, "resolve": ""})
    assert outside.headers["Location"] == "/teacher/questions"  # back= only leads to pages of the app
    assert "Close its reports" not in client.get(f"/teacher/questions/{second}/edit").get_data(as_text=True)
