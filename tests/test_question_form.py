"""A multiple choice question typed by hand: options in their boxes, the right one marked, never typed twice."""
import json
import re

import pytest

from quizapp import items

from .helpers import make_article, make_item


@pytest.fixture
def article(db):
    return make_article(db, [make_item()], title="Team")


def post_mc(client, article, **fields):
    data = {"article": article, "kind": "multiple_choice", "prompt": "Who leads the team?", "answer": "",
            "accepted": "", "source_sentence": "Ana leads the team."}
    data.update(fields)
    return client.post("/teacher/questions/new", data=data)


def test_the_marked_option_is_the_answer(client, auth, db, article):
    auth.login_as("teacher")
    response = post_mc(client, article, option_1="Ben", option_2="", option_3="Ana", option_4="Cal", option_5="Dee",
                       right_option="3", answer="typed by mistake")
    assert response.status_code == 302
    item = items.find_items(db, kind="multiple_choice")[0]
    assert item["answer"] == "Ana"  # the marked box, whatever the Right answer box holds
    assert item["choices"] == ["Ben", "Ana", "Cal", "Dee"]  # the typed options, empty boxes left out


def test_the_form_offers_option_boxes_and_radio_buttons(client, auth, article):
    auth.login_as("teacher")
    html = client.get("/teacher/questions/new").get_data(as_text=True)
    for n in range(1, 6):
        assert f'<label for="option_{n}">Option {n}</label>' in html
        assert f'name="right_option" value="{n}"' in html and f"Option {n} is the right answer" in html


def test_editing_shows_the_right_option_marked_and_can_mark_another(client, auth, db, article):
    auth.login_as("teacher")
    post_mc(client, article, option_1="Ben", option_2="Ana", option_3="Cal", right_option="2")
    item_id = items.find_items(db, kind="multiple_choice")[0]["id"]
    html = client.get(f"/teacher/questions/{item_id}/edit").get_data(as_text=True)
    assert 'value="Ana"' in html and re.search(r'id="right_option-2"\s+checked', html)
    assert re.search(r'id="right_option-1"\s+>', html)  # the positive control: the others are not marked
    response = client.post(f"/teacher/questions/{item_id}/edit", data={
        "article": article, "kind": "multiple_choice", "prompt": "Who leads the team?", "option_1": "Ben",
        "option_2": "Ana", "option_3": "Cal", "right_option": "3", "accepted": "", "source_sentence": ""})
    assert response.status_code == 302
    saved = items.get_item(db, item_id)
    assert saved["answer"] == "Cal" and saved["choices"] == ["Ben", "Ana", "Cal"]


def test_a_generated_question_opens_with_its_answer_marked(client, auth, db):
    make_article(db, [make_item("multiple_choice", "Who?", "Cal", choices=["Ana", "Ben", "Cal", "Dee"])],
                 title="Made", source="made.txt")
    item_id = items.find_items(db, kind="multiple_choice")[0]["id"]
    auth.login_as("teacher")
    html = client.get(f"/teacher/questions/{item_id}/edit").get_data(as_text=True)
    assert re.search(r'id="right_option-3"\s+checked', html)
    assert json.loads(db.execute("SELECT choices FROM items WHERE id = ?", [item_id]).fetchone()[0]) == ["Ana", "Ben", "Cal", "Dee"]


def test_a_short_answer_still_needs_its_answer_typed(client, auth, db, article):
    auth.login_as("teacher")
    html = client.post("/teacher/questions/new", data={"article": article, "kind": "short_answer", "prompt": "Who?",
                                                       "answer": "", "option_1": "Ana", "right_option": "1"})
    assert "Give the right answer." in html.get_data(as_text=True)
    assert items.find_items(db, kind="short_answer", text="Who?") == []
