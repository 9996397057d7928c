"""Issue 12, case 8: inputs that used to raise a 500 get a clear 4xx or message instead."""
import io

import pytest

from quizapp import items
from quizapp.clock import utcnow
from quizapp.study import services as practice
from quizapp.teacher import formats, question_bank

from .helpers import PASSWORD, make_article, make_item, make_user

HUGE = "9" * 30  # far past SQLite's 64-bit integers


@pytest.fixture
def studying(db, auth):
    """A student logged in, in a session of one approved question."""
    make_article(db, [make_item("short_answer", "Who leads?", "Ana Lopez")], title="News")
    ana = auth.login_as("student", "ana")
    session_id = practice.start_session(db, ana, utcnow())
    item_id = db.execute("SELECT id FROM items").fetchone()[0]
    return session_id, item_id


def test_huge_integers_in_urls_are_not_found(client, auth, db, studying):
    session_id, _ = studying
    assert client.get(f"/study/{session_id}").status_code == 200  # control: the real session opens
    for url in (f"/study/{HUGE}", f"/study/{2**63}", f"/study/{2**63 - 1}"):
        assert client.get(url).status_code == 404, url
    assert client.post(f"/study/{HUGE}/answer", data={"item_id": "1", "response": "x"}).status_code == 404
    auth.logout()
    auth.login_as("teacher", "mrs_lee")
    for url in (f"/teacher/questions/{HUGE}/edit", f"/teacher/articles/{HUGE}", f"/teacher/jobs/{HUGE}"):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("path", ["answer", "rate", "report"])
def test_huge_item_id_in_a_form_is_a_bad_request(client, studying, path):
    session_id, item_id = studying
    data = {"item_id": HUGE, "response": "Ana Lopez", "rating": "3", "reason": "typo"}
    response = client.post(f"/study/{session_id}/{path}", data=data)
    assert response.status_code == 400
    assert "does not belong to any question" in response.get_data(as_text=True)


@pytest.mark.parametrize("target", ["/teacher/\r\nSet-Cookie: x=1", "/x\nLocation: //evil", "/a\tb", "/%0d%0a"])
def test_control_characters_in_next_are_ignored(client, db, target):
    make_user(db, "ana")
    response = client.post("/auth/login", query_string={"next": target}, data={"username": "ana", "password": PASSWORD})
    assert response.status_code == 302
    assert "\r" not in response.headers["Location"] and "\n" not in response.headers["Location"]
    assert response.headers["Location"] in ("/", "/%0d%0a")
    assert "x=1" not in " ".join(response.headers.getlist("Set-Cookie"))


def test_next_still_works_for_a_plain_path(client, db):
    make_user(db, "ana")
    response = client.post("/auth/login", query_string={"next": "/study/progress"},
                           data={"username": "ana", "password": PASSWORD})
    assert response.headers["Location"] == "/study/progress"


def _csv(*rows, header="article,kind,prompt,answer,score", end="\n"):
    return end.join([header, *rows]) + end


def test_csv_field_over_the_csv_limit_is_a_row_numbered_error():
    long_prompt = "x" * 140_000
    text = _csv("A,short_answer,Fine?,Yes,0.5", f'A,short_answer,"{long_prompt}",Yes,0.5')
    with pytest.raises(formats.RefusedImport) as refused:
        formats.parse_questions_csv(text)
    assert refused.value.errors == ["Row 3: a cell is longer than 131072 characters."]


def test_csv_with_cr_only_line_ends_is_read(db):
    text = _csv("A,short_answer,First?,Yes,0.5", 'A,short_answer,"Two\rlines?",No,0.5', end="\r")
    parsed = formats.parse_questions_csv(text)
    assert [p.item["prompt"] for p in parsed] == ["First?", "Two\rlines?"]
    assert [p.line for p in parsed] == [2, 3]
    assert question_bank.apply_import(db, parsed) == (2, 0)


@pytest.mark.parametrize("score", ["nan", "NaN", "inf", "-inf", "1.5", "-0.1"])
def test_a_score_that_is_not_between_0_and_1_is_refused(db, score):
    parsed = formats.parse_questions_csv(_csv("A,short_answer,Fine?,Yes,0.5", f"A,short_answer,Bad?,Yes,{score}"))
    with pytest.raises(formats.RefusedImport) as refused:
        question_bank.apply_import(db, parsed)
    assert refused.value.errors == ["Row 3, score: must be a number from 0 to 1."]
    assert formats.parse_questions_csv(_csv("A,short_answer,Fine?,Yes,1"))[0].item["score"] == 1.0  # control


def test_csv_errors_reach_the_import_page(client, auth, db):
    auth.login_as("teacher", "mrs_lee")
    for text, message in ((_csv('A,short_answer,"' + "x" * 140_000 + '",Yes,0.5'), "Row 2: a cell is longer"),
                          (_csv("A,short_answer,Bad?,Yes,nan"), "Row 2, score: must be a number from 0 to 1.")):
        response = client.post("/teacher/import", data={"format": "csv", "upload": (io.BytesIO(text.encode()), "q.csv")},
                               content_type="multipart/form-data")
        assert response.status_code == 200 and message in response.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 0


def test_pages_open_with_a_question_whose_score_is_missing(client, auth, db):
    """A row stored before the check (a NaN score reads back from SQLite as NULL)."""
    make_article(db, [make_item("short_answer", "Scoreless?", "Yes", score=0.5)], title="News", status="draft")
    db.execute("UPDATE items SET score = ?", [float("nan")])
    db.conn.commit()
    assert db.execute("SELECT score FROM items").fetchone()[0] is None
    auth.login_as("teacher", "mrs_lee")
    for url in ("/teacher/review", "/teacher/questions", "/teacher/questions.csv", "/teacher/articles/1",
                "/teacher/questions/1/edit"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Scoreless?" in client.get("/teacher/review").get_data(as_text=True)


def test_a_50000_character_search_gets_a_message(client, auth, db):
    make_article(db, [make_item("short_answer", "Who leads?", "Ana Lopez")], title="News")
    auth.login_as("teacher", "mrs_lee")
    assert "Who leads?" in client.get("/teacher/questions", query_string={"q": "leads"}).get_data(as_text=True)
    response = client.get("/teacher/questions", query_string={"q": "%_" * 25_000})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Keep the search under 200 characters." in html
    assert "Who leads?" not in html  # nothing is searched for a refused search
    assert items.find_items(db, text="%_" * 25_000) == []  # the storage layer copes too
