"""Studying in the browser: sessions, answering, rating, flashcards, summaries, progress."""
import re

import pytest

from .helpers import make_article, make_item


def short(prompt, answer, **extra):
    return make_item("short_answer", prompt, answer, **extra)


@pytest.fixture
def three_items(db):
    items = [
        short("Who is the U.S. defense secretary?", "Jim Mattis", accepted=["Mattis"], score=0.9),
        make_item("multiple_choice", "Which country buys oil from Iran?", "India", choices=["China", "India", "Peru", "Chile"],
                  source_sentence="India buys oil from Iran.", answer_type="GPE", score=0.8),
        make_item("true_false", "India buys oil from Iran.", "True", choices=["True", "False"],
                  source_sentence="India buys oil from Iran.", answer_type="GPE", score=0.7),
    ]
    make_article(db, items)
    return [row["id"] for row in db.query("SELECT id FROM items ORDER BY score DESC")]


def start(client, **data):
    form = {"mode": "quiz", "size": 10, "article": 0}
    form.update(data)
    response = client.post("/study/start", data=form)
    assert response.status_code == 302, response.data
    return response.headers["Location"]


def begin(client, auth):
    """A student logged in with a quiz started: (session URL, id of the item shown)."""
    auth.login_as("student")
    url = start(client)
    return url, shown_item_id(client.get(url).get_data(as_text=True))


def shown_item_id(html):
    return int(re.search(r'name="item_id" type="hidden" value="(\d+)"', html).group(1))


def test_dashboard_offers_study_now(client, auth, three_items):
    auth.login_as("student")
    html = client.get("/").get_data(as_text=True)
    assert ">Study now</button>" in html and "All articles" in html


def test_a_quiz_session_from_question_to_summary(client, auth, db, three_items):
    user = auth.login_as("student")
    url = start(client)
    html = client.get(url).get_data(as_text=True)
    assert "Who is the U.S. defense secretary?" in html
    assert '<label for="response">Your answer</label>' in html and ">Check answer</button>" in html

    item_id = shown_item_id(html)
    client.post(f"{url}/answer", data={"item_id": item_id, "response": "mattis"})
    html = client.get(url).get_data(as_text=True)
    assert ">Correct</h2>" in html
    assert "<mark>Jim Mattis</mark>" in html  # the source sentence with the answer marked
    for rating in ("Hard", "Good", "Easy"):
        assert f'value="{rating}"' in html
    client.post(f"{url}/rate", data={"item_id": item_id, "rating": "Easy"})

    html = client.get(url).get_data(as_text=True)
    assert "Which country buys oil from Iran?" in html
    assert re.search(r'<input type="radio" name="choice" value="China"[^>]*> China</label>', html)
    item_id = shown_item_id(html)
    client.post(f"{url}/answer", data={"item_id": item_id, "choice": "China"})
    html = client.get(url).get_data(as_text=True)
    assert ">Incorrect</h2>" in html and "India" in html and ">Next</button>" in html
    client.post(f"{url}/rate", data={"item_id": item_id, "rating": "Again"})

    html = client.get(url).get_data(as_text=True)  # the missed item comes back (none left to go between)
    assert "Which country buys oil from Iran?" in html and 'value="True"' not in html  # never the same sentence's T/F
    assert shown_item_id(html) == item_id and "Question 3 of 3" in html
    client.post(f"{url}/answer", data={"item_id": item_id, "choice": "India"})
    assert ">Correct</h2>" in client.get(url).get_data(as_text=True)
    client.post(f"{url}/rate", data={"item_id": item_id, "rating": "Good"})

    html = client.get(url).get_data(as_text=True)
    assert "Session complete" in html and "1 of 2" in html and "3 tries in all" in html
    assert "Which country buys oil from Iran?" in html.split("Missed")[1]
    assert re.search(r"Which country buys oil from Iran\?</td><td class=\"tries\">2</td>", html)

    reviews = list(db.query("SELECT rating, correct, response FROM reviews WHERE user_id = ? ORDER BY id", [user.id]))
    assert [(r["rating"], r["correct"], r["response"]) for r in reviews] == [(4, 1, "mattis"), (1, 0, "China"), (3, 1, "India")]
    cards = list(db.query("SELECT item_id, due FROM cards WHERE user_id = ?", [user.id]))
    assert len(cards) == 2


def test_rating_buttons_show_the_interval_they_apply(client, auth, db, three_items):
    user = auth.login_as("student")
    url = start(client)
    item_id = shown_item_id(client.get(url).get_data(as_text=True))
    client.post(f"{url}/answer", data={"item_id": item_id, "response": "Jim Mattis"})
    html = client.get(url).get_data(as_text=True)
    easy_label = re.search(r'value="Easy"[^>]*>Easy <small>([^<]+)</small>', html).group(1)
    client.post(f"{url}/rate", data={"item_id": item_id, "rating": "Easy"})
    review = next(db.query("SELECT answered_at, next_due FROM reviews WHERE user_id = ?", [user.id]))
    from quizapp.clock import from_iso
    from quizapp.scheduling import interval_label

    assert interval_label(from_iso(review["next_due"]) - from_iso(review["answered_at"])) == easy_label
    card_due = db.execute("SELECT due FROM cards WHERE item_id = ?", [item_id]).fetchone()[0]
    assert card_due == review["next_due"]


def test_double_submitted_answer_is_recorded_once(client, auth, db, three_items):
    url, item_id = begin(client, auth)
    for _ in range(2):
        assert client.post(f"{url}/answer", data={"item_id": item_id, "response": "Mattis"}).status_code == 302
    for _ in range(2):
        assert client.post(f"{url}/rate", data={"item_id": item_id, "rating": "Good"}).status_code == 302
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    assert "already recorded" in client.get(url).get_data(as_text=True)


IN_PLACE = {"X-Requested-With": "fetch"}  # what app.js sends to show the feedback without a reload


def test_an_answer_checked_in_place_returns_the_card_with_its_feedback(client, auth, db, three_items):
    url, item_id = begin(client, auth)
    response = client.post(f"{url}/answer", data={"item_id": item_id, "response": "Mattis"}, headers=IN_PLACE)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert '<article class="card question" id="card">' in html
    assert ">Correct</h2>" in html and "<mark>Jim Mattis</mark>" in html and 'value="Good"' in html
    assert "<html" not in html  # the card alone, not a page
    again = client.post(f"{url}/answer", data={"item_id": item_id, "response": "Mattis"}, headers=IN_PLACE)
    assert again.status_code == 200 and ">Correct</h2>" in again.get_data(as_text=True)  # a double click
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1


def test_the_card_in_place_is_the_card_of_the_page_and_its_forms_post_where_url_for_says(client, auth, db,
                                                                                            three_items):
    """The in-place card is rendered without Flask's context processors and writes the session's answer, rate
    and report URLs from one url_for: the same HTML as the card inside the page, the same URLs as url_for's."""
    from flask import url_for

    url, item_id = begin(client, auth)
    session_id = int(url.rsplit("/", 1)[1])
    card = lambda html: re.sub(r'name="csrf_token" type="hidden" value="[^"]+"', "token",  # noqa: E731
                               html[html.index('<div id="study"'):html.index("</article>")])  # signed each second
    assert f'action="{url}/answer"' in client.get(url).get_data(as_text=True)
    in_place = client.post(f"{url}/answer", data={"item_id": item_id, "response": "Mattis"}, headers=IN_PLACE)
    html = in_place.get_data(as_text=True)
    assert card(html) == card(client.get(url).get_data(as_text=True))
    with client.application.test_request_context():
        for endpoint in ("answer", "rate", "report"):
            assert url_for(f"study.{endpoint}", session_id=session_id) == f"{url}/{endpoint}"
    assert f'action="{url}/rate"' in html and f'action="{url}/report"' in html


def test_a_typo_accepted_says_how_the_key_spells_the_answer(client, auth, db, three_items):
    url, item_id = begin(client, auth)
    client.post(f"{url}/answer", data={"item_id": item_id, "response": "jim matis"})
    text = re.sub(r"<[^>]+>", "", client.get(url).get_data(as_text=True))
    assert "Correct (spelled Jim Mattis)" in text and "Incorrect" not in text
    in_place = client.post(f"{url}/answer", data={"item_id": item_id, "response": "jim matis"}, headers=IN_PLACE)
    html = in_place.get_data(as_text=True)
    assert ">Correct</h2>" in html and '<p class="spelled">Correct (spelled <strong>Jim Mattis</strong>)</p>' in html


def test_an_answer_spelled_right_says_correct_alone(client, auth, db, three_items):
    url, item_id = begin(client, auth)
    client.post(f"{url}/answer", data={"item_id": item_id, "response": "Jim Mattis"})
    html = client.get(url).get_data(as_text=True)
    assert ">Correct</h2>" in html and "spelled" not in html


def test_a_rating_in_place_returns_the_next_question_and_the_last_one_the_summary_page(client, auth, db, three_items):
    """Two facts (the true/false shares the multiple choice's sentence); each missed one comes back until right."""
    url, item_id = begin(client, auth)
    first = item_id
    for number, total in ((2, 3), (3, 4)):
        client.post(f"{url}/answer", data={"item_id": item_id, "response": "x", "dont_know": "1"}, headers=IN_PLACE)
        response = client.post(f"{url}/rate", data={"item_id": item_id, "rating": "Again"}, headers=IN_PLACE)
        html = response.get_data(as_text=True)
        assert response.status_code == 200 and f"Question {number} of {total}" in html and ">Check answer</button>" in html
        assert shown_item_id(html) != item_id
        item_id = shown_item_id(html)
    assert item_id == first  # the first missed item is back
    for response_text in ("Jim Mattis", "India"):
        client.post(f"{url}/answer", data={"item_id": item_id, "response": response_text, "choice": response_text},
                    headers=IN_PLACE)
        last = client.post(f"{url}/rate", data={"item_id": item_id, "rating": "Good"}, headers=IN_PLACE)
        if last.status_code == 200:
            item_id = shown_item_id(last.get_data(as_text=True))
    assert last.status_code == 302 and last.headers["Location"].endswith(url)  # app.js loads the summary page
    assert "You got <strong>0 of 2</strong> right" in client.get(url).get_data(as_text=True)
    assert db.execute("SELECT count(*), sum(correct) FROM reviews").fetchone() == (4, 2)


def test_an_empty_answer_checked_in_place_gets_the_card_that_says_why(client, auth, db, three_items):
    url, item_id = begin(client, auth)
    response = client.post(f"{url}/answer", data={"item_id": item_id, "response": " "}, headers=IN_PLACE)
    assert response.status_code == 400  # app.js swaps this card in: the message sits next to the field
    html = response.get_data(as_text=True)
    assert re.search(r'id="answer-error" role="alert">Pick or type an answer', html) and 'id="study"' in html
    assert "<html" not in html
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_answer_for_another_item_is_refused(client, auth, db, three_items):
    auth.login_as("student")
    url = start(client)
    shown = shown_item_id(client.get(url).get_data(as_text=True))
    other = next(i for i in three_items if i != shown)
    for item_id in (other, 99999, "not a number"):
        response = client.post(f"{url}/answer", data={"item_id": item_id, "response": "India"})
        assert response.status_code == 400
    assert "not the question being shown" in client.post(f"{url}/answer", data={"item_id": other, "response": "x"}).get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_rating_before_checking_is_refused(client, auth, db, three_items):
    url, item_id = begin(client, auth)
    assert client.post(f"{url}/rate", data={"item_id": item_id, "rating": "Easy"}).status_code == 400
    assert client.post(f"{url}/rate", data={"item_id": item_id, "rating": "Brilliant"}).status_code == 400
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_empty_answer_is_not_graded(client, auth, db, three_items):
    url, item_id = begin(client, auth)
    response = client.post(f"{url}/answer", data={"item_id": item_id, "response": "  "})
    assert response.status_code == 400
    assert re.search(r'id="answer-error" role="alert">Pick or type an answer', response.get_data(as_text=True))
    assert 'id="answer-error" role="alert" hidden>' in client.get(url).get_data(as_text=True)  # control: gone after
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    client.post(f"{url}/answer", data={"item_id": item_id, "response": "", "dont_know": "1"})
    assert db.execute("SELECT correct FROM reviews").fetchone()[0] == 0


def test_another_students_session_is_not_found(client, auth, db, three_items):
    auth.login_as("student", "ana")
    url = start(client)
    auth.logout()
    auth.login_as("student", "ben")
    assert client.get(url).status_code == 404
    assert client.post(f"{url}/answer", data={"item_id": three_items[0], "response": "x"}).status_code == 404
    assert client.get("/study/424242").status_code == 404


def test_flashcards_reveal_then_rate(client, auth, db, three_items):
    user = auth.login_as("student")
    url = start(client, mode="flashcards")
    html = client.get(url).get_data(as_text=True)
    assert ">Show answer</button>" in html and 'id="back" hidden' in html
    html = client.get(f"{url}?show=1").get_data(as_text=True)  # the no-JavaScript reveal
    assert 'id="back" hidden' not in html
    for rating in ("Again", "Hard", "Good", "Easy"):
        assert f'value="{rating}"' in html
    item_id = shown_item_id(html)
    client.post(f"{url}/rate", data={"item_id": item_id, "rating": "Hard"})
    review = next(db.query("SELECT rating, correct, response FROM reviews WHERE user_id = ?", [user.id]))
    assert (review["rating"], review["correct"], review["response"]) == (2, 1, None)


def test_session_size_and_article_choice(client, auth, db, three_items):
    other = make_article(db, [short("Who flew the X-59?", "Nils Larson")], title="X-59", source="x59.txt", text="x59")
    auth.login_as("student")
    html = client.get(start(client, article=other)).get_data(as_text=True)
    assert "Question 1 of 1" in html and "X-59" in html
    html = client.get(start(client, size=2)).get_data(as_text=True)
    assert "Question 1 of 2" in html


def test_nothing_to_study_says_so(client, auth, db):
    auth.login_as("student")
    response = client.post("/study/start", data={"mode": "quiz", "size": 10, "article": 0}, follow_redirects=True)
    assert "Nothing to study right now." in response.get_data(as_text=True)


def test_drafts_are_not_studied(client, auth, db):
    make_article(db, [short("Who is it?", "Ana Lopez")], status="draft")
    auth.login_as("student")
    response = client.post("/study/start", data={"mode": "quiz", "size": 10, "article": 0}, follow_redirects=True)
    assert "Nothing to study right now." in response.get_data(as_text=True)


def test_bad_start_form_is_explained(client, auth, three_items):
    auth.login_as("student")
    html = client.post("/study/start", data={"mode": "quiz", "size": 0, "article": 0}, follow_redirects=True).get_data(as_text=True)
    assert "Number must be between 1 and 100." in html


def test_progress_page(client, auth, db, three_items):
    url, item_id = begin(client, auth)
    client.post(f"{url}/answer", data={"item_id": item_id, "response": "Mattis"})
    html = client.get("/study/progress").get_data(as_text=True)
    assert "<svg" in html and "1 graded answers, 1 correct" in html
    assert re.search(r"<strong>1</strong> items seen", html)
    assert re.search(r"<strong>100%</strong> correct of 1 graded answers", html)


def test_study_pages_need_login(client):
    for url in ("/study/progress", "/study/1"):
        assert client.get(url).status_code == 302
    assert client.post("/study/start").status_code == 302
