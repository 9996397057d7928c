"""Answering (issue 11): options shuffled per showing, feedback with every option, what a true/false statement
changed, "I was right", times in the student's own zone, one way of writing intervals."""
import csv
import datetime as dt
import io
import re

import pytest

from quizapp import cards, feedback, scheduling, users
from quizapp.clock import local_label
from quizapp.study import overrule
from quizapp.study import services as practice

from .helpers import PASSWORD, make_article, make_item, make_user

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
CHOICES = ["India", "China", "Peru", "Chile"]  # a teacher's own question: the key first


def start(client, article_id):
    response = client.post("/study/start", data={"mode": "quiz", "size": 10, "article": article_id})
    assert response.status_code == 302, response.data
    return response.headers["Location"]


def session_and_item(url, html):
    return int(url.rsplit("/", 1)[1]), int(re.search(r'name="item_id" type="hidden" value="(\d+)"', html).group(1))


def shown_options(html):
    return re.findall(r'<input type="radio" name="choice" value="([^"]+)"> ', html)


@pytest.fixture
def one_choice(db):
    return make_article(db, [make_item("multiple_choice", "Which country buys oil from Iran?", "India", choices=CHOICES,
                                       source_sentence="India buys oil from Iran.", answer_type="GPE")], title="MC")


@pytest.fixture
def one_typed(db):
    return make_article(db, [make_item("short_answer", "Who leads the team?", "Jim Mattis",
                                       source_sentence="The team is led by Jim Mattis.")], title="Typed", source="t",
                        text="typed")


# Options in an order of their own per showing

def test_choice_order_is_a_permutation_fixed_by_the_showing():
    orders = {tuple(feedback.choice_order(CHOICES, showing=f"{session}:0:7")) for session in range(1, 30)}
    assert all(sorted(order) == sorted(CHOICES) for order in orders)
    assert len(orders) > 5  # the next showing may differ
    assert feedback.choice_order(CHOICES, showing="3:1:7") == feedback.choice_order(CHOICES, showing="3:1:7")
    assert feedback.choice_order(CHOICES, showing="3:1:7") == ["Peru", "Chile", "India", "China"]  # any process


def test_options_keep_their_order_on_reload_and_are_numbered_for_the_keys(client, auth, db, one_choice):
    auth.login_as("student")
    url = start(client, one_choice)
    html = client.get(url).get_data(as_text=True)
    session_id, item_id = session_and_item(url, html)
    order = shown_options(html)
    assert order == feedback.choice_order(CHOICES, showing=f"{session_id}:0:{item_id}")
    assert shown_options(client.get(url).get_data(as_text=True)) == order  # a reload keeps the order
    for number, choice in enumerate(order, 1):  # the key's number is hidden from the label's accessible name
        assert re.search(rf'<kbd class="key" aria-hidden="true">{number}</kbd> <input type="radio" name="choice" '
                         rf'value="{choice}"> {choice}</label>', html)
    assert "Keys 1-4 pick an option" in html


def test_feedback_lists_every_option_with_the_key_and_the_pick_marked(client, auth, db, one_choice):
    auth.login_as("student")
    url = start(client, one_choice)
    html = client.get(url).get_data(as_text=True)
    order = shown_options(html)
    client.post(f"{url}/answer", data={"item_id": session_and_item(url, html)[1], "choice": "Peru"})
    html = client.get(url).get_data(as_text=True)
    assert ">Incorrect</h2>" in html
    listed = re.findall(r'<li class="([^"]*)"><span class="mark" aria-hidden="true">(.?)</span>\s*(\w+)([^<]*<[^/]*'
                        r'class="tag">[^<]+</\w+>)*', html)
    assert [name for _, _, name, _ in listed] == order  # every option, in the order shown
    marks = {name: (classes.split(), mark) for classes, mark, name, _ in listed}
    assert marks["India"] == (["key"], "✓") and marks["Peru"] == (["picked"], "✗")
    assert all(marks[name] == ([], "") for name in ("China", "Chile"))
    assert re.search(r"India <strong class=\"tag\">right answer</strong>", html)  # in words, not colour alone
    assert re.search(r"Peru <em class=\"tag\">your pick</em>", html)


# True/false: the true statement, the changed words marked

@pytest.mark.parametrize("sentence, statement, pairs", [
    ("Starting November 4, any country buying oil could face penalties.",
     "Starting November 9, any country buying oil could face penalties.", [("9,", "4,")]),
    ("The United States and India will expand ties.", "The United States and Iran will expand ties.",
     [("Iran", "India")]),
    ("India will almost certainly not agree, says Tanvi Madan.",
     "India will almost certainly not agree, says Nirmala Sitharaman.", [("Nirmala Sitharaman.", "Tanvi Madan.")]),
    ("X did not win the race.", "X did win the race.", [("", "not")]),
    ("X won the race.", "X did not win the race.", [("did not win", "won")]),
    ("U.S. officials are signaling flexibility.", "U.S. officials are signaling flexibility.", []),
    # a statement made from the first clause: the rest of the sentence is context, not a change
    ("On his way to India, Mattis spoke, but said little.", "On his way to Iran, Mattis spoke.",
     [("Iran,", "India,")]),
])
def test_statement_changes(sentence, statement, pairs):
    segments = feedback.statement_changes(sentence, statement)
    assert " ".join(s["text"] for s in segments if s["text"]) == sentence
    assert feedback.changed_pairs(segments) == pairs


def test_true_false_feedback_shows_the_article_sentence_with_the_change_marked(client, auth, db):
    article = make_article(db, [make_item("true_false", "The United States and Iran will expand ties.", "False",
                                          choices=["True", "False"], answer_type="GPE",
                                          source_sentence="The United States and India will expand ties.")])
    auth.login_as("student")
    url = start(client, article)
    html = client.get(url).get_data(as_text=True)
    client.post(f"{url}/answer", data={"item_id": session_and_item(url, html)[1], "choice": "True"})
    html = client.get(url).get_data(as_text=True)
    assert ('<blockquote class="source statement">The United States and <ins class="changed">India</ins> '
            '<del class="was" title="the statement said">Iran</del> will expand ties.</blockquote>') in html
    assert "The statement said “Iran” where the article says “India”." in html
    assert re.search(r'<li class="key "><span class="mark" aria-hidden="true">✓</span>\s*False', html)


# "I was right"

def answer_wrong(client, auth, article_id, username="student1"):
    auth.login_as("student", username)
    url = start(client, article_id)
    html = client.get(url).get_data(as_text=True)
    client.post(f"{url}/answer", data={"item_id": session_and_item(url, html)[1], "response": "Mad Dog"})
    return url, client.get(url).get_data(as_text=True)


def right_url(html):
    return re.search(r'action="(/study/answers/\d+/right)"', html).group(1)


def test_i_was_right_regrades_the_answer_and_reschedules_it_as_good(client, auth, db, one_typed):
    url, html = answer_wrong(client, auth, one_typed)
    assert ">Incorrect</h2>" in html and ">I was right</button>" in html
    session = practice.study_sessions.get_session(db, int(url.rsplit("/", 1)[1]))
    good_due = practice.study_sessions.stored_outcomes(session)["ratings"]["Good"]["due"]
    response = client.post(right_url(html), data={"item_id": 1})
    assert response.status_code == 302 and response.headers["Location"].endswith(url)
    review = db.execute("SELECT correct, rating, response, next_due, overruled_at FROM reviews").fetchone()
    assert tuple(review)[:4] == (1, 3, "Mad Dog", good_due) and review[4]
    card = db.execute("SELECT due, last_rating, lapses FROM cards").fetchone()
    assert tuple(card) == (good_due, 3, 0)
    html = client.get(url).get_data(as_text=True)
    assert ">Correct</h2>" in html and "You said you were right" in html and ">I was right</button>" not in html
    assert 'value="Easy"' in html  # a right answer may be rated Hard, Good or Easy


def test_i_was_right_cannot_be_used_twice(client, auth, db, one_typed):
    url, html = answer_wrong(client, auth, one_typed)
    client.post(right_url(html), data={"item_id": 1})
    before = [tuple(row) for row in db.execute("SELECT * FROM reviews")], [tuple(r) for r in db.execute("SELECT * FROM cards")]
    response = client.post(right_url(html), data={"item_id": 1}, follow_redirects=True)
    assert "You have already said you were right about this answer." in response.get_data(as_text=True)
    assert ([tuple(row) for row in db.execute("SELECT * FROM reviews")],
            [tuple(r) for r in db.execute("SELECT * FROM cards")]) == before


def test_i_was_right_is_refused_for_someone_elses_answer_and_unknown_ones(client, auth, db, one_typed):
    _, html = answer_wrong(client, auth, one_typed, "owner")
    auth.logout()
    auth.login_as("student", "other")
    assert client.post(right_url(html), data={"item_id": 1}).status_code == 403
    assert client.post("/study/answers/999/right", data={"item_id": 1}).status_code == 404
    assert db.execute("SELECT correct, overruled_at FROM reviews").fetchone()[:] == (0, None)


def test_i_was_right_is_offered_only_after_an_incorrect_typed_answer(client, auth, db, one_typed, one_choice):
    auth.login_as("student")
    url = start(client, one_choice)
    html = client.get(url).get_data(as_text=True)
    client.post(f"{url}/answer", data={"item_id": session_and_item(url, html)[1], "choice": "Peru"})
    assert ">I was right</button>" not in client.get(url).get_data(as_text=True)  # a choice is no typed answer
    url = start(client, one_typed)
    html = client.get(url).get_data(as_text=True)
    client.post(f"{url}/answer", data={"item_id": session_and_item(url, html)[1], "response": "Jim Mattis"})
    assert ">Correct</h2>" in (html := client.get(url).get_data(as_text=True)) and ">I was right</button>" not in html


def test_i_was_right_is_refused_once_the_session_has_moved_on(client, auth, db, one_typed):
    url, html = answer_wrong(client, auth, one_typed)
    client.post(f"{url}/rate", data={"item_id": 1, "rating": "Again"})
    response = client.post(right_url(html), data={"item_id": 1})
    assert response.status_code == 400 and "only while its feedback" in response.get_data(as_text=True)
    assert db.execute("SELECT correct FROM reviews").fetchone()[0] == 0


def test_i_was_right_takes_back_the_lapse_of_a_learned_card(db, one_typed):
    """A card in Review answered wrong days later lapses; overruling it leaves it learned, lapse-free."""
    user = make_user(db)
    scheduler = scheduling.make_scheduler(fuzz=False)

    def answer(now, response, rating=None):
        session_id = practice.start_session(db, user, now, article_id=one_typed)
        shown = practice.show_current(db, scheduler, practice.get_session(db, user.id, session_id), now)
        practice.check_answer(db, session_id, shown["item"]["id"], response, now)
        if rating:
            practice.rate(db, session_id, shown["item"]["id"], rating, now)
        return session_id, shown["item"]["id"]

    answer(NOW, "Jim Mattis", "Easy")
    later = NOW + dt.timedelta(days=30)
    session_id, item_id = answer(later, "Mad Dog")
    assert db.execute("SELECT lapses, state FROM cards").fetchone()[:] == (1, 3)  # relearning
    review_id = db.execute("SELECT max(id) FROM reviews").fetchone()[0]
    assert overrule.overrule_answer(db, user.id, review_id, later) == session_id
    good = practice.study_sessions.stored_outcomes(practice.get_session(db, user.id, session_id))["ratings"]["Good"]
    assert db.execute("SELECT lapses, state, due FROM cards").fetchone()[:] == (0, 2, good["due"])
    with pytest.raises(overrule.AlreadyOverruled):
        overrule.overrule_answer(db, user.id, review_id, later)


def test_the_teacher_sees_overruled_answers_in_results_and_csv(client, auth, db, one_typed):
    _, html = answer_wrong(client, auth, one_typed)
    client.post(right_url(html), data={"item_id": 1})
    auth.logout()
    auth.login_as("teacher")
    page = client.get("/teacher/results").get_data(as_text=True)
    assert "<th>I was right</th>" in page and re.search(
        r"<td[^>]*>1</td>\s*<td[^>]*>100%</td>\s*<td[^>]*>–</td>\s*<td data-label=\"I was right\">1</td>", page)
    rows = list(csv.DictReader(io.StringIO(client.get("/teacher/results.csv").get_data(as_text=True))))
    assert list(rows[0])[-3:] == ["mode", "class", "overruled"]
    assert (rows[0]["correct"], rows[0]["rating"], rows[0]["overruled"]) == ("1", "Good", "1")
    student = client.get(f"/teacher/students/{users.find_user(db, 'student1').id}").get_data(as_text=True)
    assert "yes (I was right)" in student


def test_an_answer_not_overruled_says_0_in_the_csv(client, auth, db, one_typed):
    answer_wrong(client, auth, one_typed)
    auth.logout()
    auth.login_as("teacher")
    rows = list(csv.DictReader(io.StringIO(client.get("/teacher/results.csv").get_data(as_text=True))))
    assert (rows[0]["correct"], rows[0]["overruled"]) == ("0", "0")


# Times in the student's own zone, one way of writing intervals

@pytest.mark.parametrize("delta, label", [
    (dt.timedelta(seconds=20), "1 min"), (dt.timedelta(minutes=59, seconds=20), "59 min"),
    (dt.timedelta(minutes=59, seconds=40), "1 h"), (dt.timedelta(hours=23, minutes=20), "23 h"),
    (dt.timedelta(hours=23, minutes=40), "1 d"), (dt.timedelta(hours=24), "1 d"), (dt.timedelta(days=29), "29 d"),
    (dt.timedelta(days=30), "1 mo"), (dt.timedelta(days=45), "1.5 mo"), (dt.timedelta(days=330), "11 mo"),
    (dt.timedelta(days=364), "1 y"),
    (dt.timedelta(days=365), "1 y"), (dt.timedelta(days=548), "1.5 y"),
])
def test_one_way_of_writing_intervals(delta, label):
    assert scheduling.interval_label(delta) == label


@pytest.mark.parametrize("zone, label", [("Europe/Paris", "2026-11-25 21:01 CET"),
                                         ("America/Sao_Paulo", "2026-11-25 17:01 UTC-03"),
                                         ("Asia/Kolkata", "2026-11-26 01:31 IST"), ("UTC", "2026-11-25 20:01 UTC"),
                                         (None, "2026-11-25 20:01 UTC"), ("Not/AZone", "2026-11-25 20:01 UTC")])
def test_local_label(zone, label):
    assert local_label("2026-11-25T20:01:55+00:00", zone) == label


def test_a_student_sees_times_in_their_own_zone(client, auth, db, one_typed):
    users.create_user(db, "paris", PASSWORD, timezone="Europe/Paris")
    auth.login("paris")
    url = start(client, one_typed)
    html = client.get(url).get_data(as_text=True)
    client.post(f"{url}/answer", data={"item_id": session_and_item(url, html)[1], "response": "Jim Mattis"})
    client.post(f"{url}/rate", data={"item_id": 1, "rating": "Good"})
    due = cards.get_card(db, users.find_user(db, "paris").id, 1)["due"]
    summary = client.get(url).get_data(as_text=True)
    assert f"({local_label(due, 'Europe/Paris')})" in summary and " CET)" in summary and " UTC)" not in summary
    dashboard = client.get("/").get_data(as_text=True)
    assert f"Next item due: {local_label(due, 'Europe/Paris')}" in dashboard
    response = client.post("/study/start", data={"mode": "quiz", "size": 10, "article": one_typed},
                           follow_redirects=True)
    assert f"due from {local_label(due, 'Europe/Paris')}." in response.get_data(as_text=True)  # the reason, in CET
