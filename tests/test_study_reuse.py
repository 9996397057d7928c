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


def test_a_moment_is_written_the_same_from_any_zone_and_a_second_time():
    import datetime as dt

    from quizapp.clock import to_iso

    utc = dt.datetime(2026, 11, 25, 20, 1, 55, 700000, tzinfo=dt.timezone.utc)
    paris = utc.astimezone(dt.timezone(dt.timedelta(hours=1)))
    assert to_iso(paris) == to_iso(utc) == to_iso(utc) == "2026-11-25T20:01:55+00:00"
    assert to_iso(utc + dt.timedelta(seconds=1)) == "2026-11-25T20:01:56+00:00"
    assert to_iso(None) is None


def test_a_typed_answer_graded_again_gets_the_grade_it_got_and_a_changed_key_its_own():
    from quizapp.grading import grade, grade_answer

    item = {"kind": "short_answer", "answer": "Mira Tellwood", "accepted": ["Tellwood"], "answer_type": "PERSON"}
    first = grade_answer(item, "mira telwood")
    assert first == grade_answer(item, "mira telwood") == grade("mira telwood", "Mira Tellwood", ["Tellwood"],
                                                                 person=True)
    assert first.correct and first.spelled
    assert grade_answer(item, "Tellwood").correct
    assert not grade_answer({**item, "accepted": []}, "Tellwood").correct  # the accepted forms are in the key
    assert not grade_answer({**item, "answer": "Ivo Brask", "accepted": []}, "mira telwood").correct


def test_interval_labels_worked_out_when_read_are_those_of_each_outcome():
    import datetime as dt

    from quizapp import scheduling

    now = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
    card = scheduling.card_from_row(None, card_id=1)
    ratings = scheduling.outcomes(scheduling.make_scheduler(fuzz=False), card, now)
    labels = scheduling.IntervalLabels(ratings, now)
    eager = {name: scheduling.interval_label(dt.datetime.fromisoformat(row["due"]) - now) for name, row in ratings.items()}
    assert labels["Good"] == eager["Good"] and dict(labels) == eager and list(labels) == list(ratings)
    assert labels["Again"] == "1 min" and labels["Good"] == "10 min"


def test_a_users_log_in_value_is_made_when_asked_for_once_per_log_in():
    from quizapp.users import User

    row = {"id": 4, "username": "ivo", "role": "student", "timezone": None, "session_version": 2}
    first, second = User(row), User(row)
    assert "login_nonce" not in vars(first)  # a user loaded for a request makes none
    assert first.get_id() == first.get_id() and first.get_id().startswith("4:2:")
    assert first.get_id() != second.get_id()  # no two log-ins share a remember-me token
