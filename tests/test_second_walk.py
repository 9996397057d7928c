"""What a second newcomer's walk ran into (session 9's report, fixed in session 10): a long title cut by the
browser without a word, a headline-less article titled with a cut sentence, no icon, no way out of the question
editor, "Other accepted answers" offered for multiple choice."""
import re

import pytest

import questions
from quizapp import items

from .helpers import make_article, make_item

STORY = ("The Orrow town council voted 7-2 on Monday to build a 40-metre footbridge over the Lenn River, at a cost of "
         "2.1 million pounds. Mayor Ada Lind said work would begin in March.\n")


def test_a_long_title_is_refused_with_its_length_and_the_text_kept(client, auth, db):
    auth.login_as("teacher")
    html = client.post("/teacher/articles/new", data={"title": "T" * 201, "text": STORY}).get_data(as_text=True)
    assert "A title has at most 200 characters; this one has 201." in html
    assert "The Orrow town council voted 7-2" in html  # the text comes back with the message
    assert db.execute("SELECT count(*) FROM jobs").fetchone()[0] == 0
    response = client.post("/teacher/articles/new", data={"title": "T" * 200, "text": STORY})
    assert response.status_code == 302  # positive control: 200 characters are taken


def test_the_title_field_lets_a_long_paste_reach_the_message(client, auth):
    auth.login_as("teacher")
    html = client.get("/teacher/articles/new").get_data(as_text=True)
    title = re.search(r'<input[^>]*id="title"[^>]*>', html).group(0)
    text = re.search(r'<textarea[^>]*id="text"[^>]*>', html).group(0)
    assert "maxlength" not in title and "maxlength" not in text  # a browser would cut a paste there silently


@pytest.mark.parametrize("lede, title", [
    ("The council will vote on the new plan for the old rail yard when members meet on Friday in the town hall. "
     "More follows.", "The council will vote on the new plan for the old rail yard"),
    ("NEW DELHI, INDIA - The two countries will try to expand already close defense ties, officials said on "
     "Thursday in the capital.", "The two countries will try to expand already close defense ties"),
    ("A storm hit the coast on Monday.", "A storm hit the coast on Monday"),
    ("Seven large old oak trees along the northern edge of the village green in Lowmoor fell in strong winds "
     "overnight on Sunday.", "Seven large old oak trees along the northern edge of the village green…"),
])
def test_a_headline_less_article_is_titled_by_its_ledes_main_clause(lede, title):
    assert questions.article_title(lede + "\n") == title


def test_a_headline_still_titles_its_article():
    assert questions.article_title("Storm Hits Coast\n\nA storm hit the coast on Monday, when nobody was out.\n") \
        == "Storm Hits Coast"


def test_every_page_names_the_apps_icon(client):
    html = client.get("/auth/login").get_data(as_text=True)
    href = re.search(r'<link rel="icon" type="image/svg\+xml" href="([^"]+)"', html).group(1)
    icon = client.get(href)
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml" and b"<svg" in icon.data


def test_the_question_editor_has_a_way_back(client, auth, db):
    make_article(db, [make_item()])
    item_id = db.execute("SELECT id FROM items").fetchone()[0]
    auth.login_as("teacher")
    added = client.get("/teacher/questions/new").get_data(as_text=True)
    assert '<a href="/teacher/questions">Cancel</a>' in added
    edited = client.get(f"/teacher/questions/{item_id}/edit?back=/teacher/review%23item-{item_id}").get_data(as_text=True)
    assert f'<a href="/teacher/review#item-{item_id}">Cancel</a>' in edited
    elsewhere = client.get(f"/teacher/questions/{item_id}/edit?back=https://example.com/").get_data(as_text=True)
    assert '<a href="/teacher/questions">Cancel</a>' in elsewhere  # never off the site
    assert items.get_item(db, item_id)["prompt"] == "Who leads the team?"


def test_other_accepted_answers_go_with_the_typed_answer(client, auth, db):
    make_article(db, [make_item()])
    auth.login_as("teacher")
    html = client.get("/teacher/questions/new").get_data(as_text=True)
    # the stylesheet hides .answer-field for multiple choice: the accepted forms are inside it, as the answer is
    assert re.search(r'<div class="answer-field">\s*<div class="field">\s*<label for="accepted"', html)
    assert re.search(r'<div class="answer-field">\s*<div class="field">\s*<label for="answer"', html)
    css = client.get("/static/style.css").get_data(as_text=True)
    assert 'option[value="multiple_choice"]:checked) .answer-field { display: none; }' in css
