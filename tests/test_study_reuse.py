"""What the study requests work out once and reuse gives what working it out afresh gives: the card's render,
its session's URL (also under a proxy's prefix)."""
import re

import pytest
from jinja2 import UndefinedError

from quizapp import display

from .helpers import make_article, make_item

IN_PLACE = {"X-Requested-With": "fetch"}
ACTION = re.compile(r'action="([^"]+)"')


@pytest.fixture
def two_items(db):
    make_article(db, [make_item("short_answer", "Who leads the Orlan choir?", "Mira Tell", score=0.9),
                      make_item("multiple_choice", "Which town hosts the fair?", "Dunmore",
                                choices=["Dunmore", "Ashby", "Corlen"], score=0.8)])


def start(client, base=""):
    page = client.post(f"{base}/study/start", data={"mode": "quiz", "size": 10, "article": 0})
    return page.headers["Location"]


def item_id(html):
    return re.search(r'name="item_id" type="hidden" value="(\d+)"', html).group(1)


def test_the_card_posts_under_the_prefix_it_was_asked_under_and_without_one_when_asked_without(
        client, auth, two_items):
    auth.login_as("student")
    url = start(client)
    session_path = url.split("localhost", 1)[-1]
    page = client.get(session_path).get_data(as_text=True)
    answered = client.post(f"{session_path}/answer", data={"item_id": item_id(page), "response": "Mira Tell"},
                           headers=IN_PLACE, base_url="http://localhost/school/").get_data(as_text=True)
    assert set(ACTION.findall(answered)) == {f"/school{session_path}/rate", f"/school{session_path}/report"}
    rated = client.post(f"{session_path}/rate", data={"item_id": item_id(page), "rating": "Good"},
                        headers=IN_PLACE).get_data(as_text=True)
    assert ACTION.findall(rated) == [f"{session_path}/answer"]  # the same session, no prefix: none in the URL


QUESTION = {"session": {"id": 7}, "item": {"id": 3, "kind": "multiple_choice", "prompt": "Which <town>?",
                                           "answer": "Dunmore", "source_sentence": "Dunmore hosts the fair."},
            "review": None, "number": 2, "total": 5, "choices": ["Ashby", "Dunmore", "Corlen"], "intervals": {}}
FEEDBACK = {**QUESTION, "review": {"id": 9, "correct": 0, "response": "Ashby", "overruled_at": None},
            "intervals": {"Again": "1 min", "Hard": "6 min", "Good": "10 min", "Easy": "8 d"}, "spelled": None,
            "can_overrule": False}


@pytest.mark.parametrize("context", [QUESTION, FEEDBACK], ids=["question", "feedback"])
def test_the_card_rendered_alone_is_what_jinja_renders(app, context):
    with app.test_request_context("/study/7"):
        template = app.jinja_env.get_template("study/_question_card.html")
        alone = display.render_alone(template, dict(context))
        assert alone == template.render(dict(context))
        assert display.render_alone(template, dict(context)) == alone  # the flattened globals, kept, the same
        assert 'action="/study/7/' in alone and "Which &lt;town&gt;?" in alone


def test_a_template_error_rendered_alone_is_raised_as_jinja_raises_it(app):
    template = app.jinja_env.from_string("{{ missing.name }}")
    with pytest.raises(UndefinedError, match="'missing' is undefined"):
        template.render()
    with pytest.raises(UndefinedError, match="'missing' is undefined"):
        display.render_alone(template, {})
