"""The session summary: graded answers make the score; flashcards are self-rated and counted apart."""
import datetime as dt
import re

from quizapp import scheduling
from quizapp.study import services as practice

from .helpers import make_article, make_item, make_user

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


def three(db):
    make_article(db, [make_item("short_answer", f"Question {n}?", f"Answer{n}",
                                source_sentence=f"Sentence {n} names Answer{n}.") for n in range(3)])


def run(db, user, mode, ratings, *, responses=None):
    """Study a session of `mode`; the n-th item shown gets ratings[n] (a missed one then Good)."""
    scheduler = scheduling.make_scheduler(fuzz=False)
    session_id = practice.start_session(db, user, NOW, mode=mode, size=3)
    shown_count = 0
    while (shown := practice.show_current(db, scheduler, practice.get_session(db, user.id, session_id), NOW)):
        item = shown["item"]
        rating = ratings[shown_count] if shown_count < len(ratings) else "Good"
        if mode == "quiz":
            response = (responses[shown_count] if shown_count < len(responses) else None) or item["answer"]
            right = practice.check_answer(db, session_id, item["id"], response, NOW)
            rating = rating if right else "Again"
        practice.rate(db, session_id, item["id"], rating, NOW)
        shown_count += 1
    return session_id


def test_flashcards_rated_hard_good_easy_are_not_right_answers(db):
    three(db)
    session_id = run(db, make_user(db, "flash"), "flashcards", ["Hard", "Easy", "Again"])
    summary = practice.session_summary(db, session_id)
    assert (summary["answered"], summary["correct"], summary["tries"], summary["missed"]) == (0, 0, 0, [])
    assert summary["self_rated"] == 3
    assert summary["self_ratings"] == {"Again": 1, "Hard": 1, "Good": 0, "Easy": 1}  # first ratings
    assert len(summary["reviews"]) == 3 and sum(row["tries"] for row in summary["reviews"]) == 4


def test_quiz_answers_still_make_the_score(db):  # the positive control: graded answers are counted
    three(db)
    session_id = run(db, make_user(db, "quiz"), "quiz", ["Good", "Good", "Good"], responses=[None, "wrong", None])
    summary = practice.session_summary(db, session_id)
    assert (summary["answered"], summary["correct"], summary["percent"], summary["tries"]) == (3, 2, 67, 4)
    assert summary["self_rated"] == 0 and len(summary["missed"]) == 1


def _summary_page(client, auth, db, mode, ratings):
    auth.login_as("student", f"page_{mode}")
    answers = dict(db.execute("SELECT id, answer FROM items").fetchall())
    url = client.post("/study/start", data={"mode": mode, "size": 3, "article": 0}).headers["Location"]
    for rating in ratings:
        html = client.get(url).get_data(as_text=True)
        item_id = int(re.search(r'name="item_id" type="hidden" value="(\d+)"', html).group(1))
        if mode == "quiz":
            client.post(f"{url}/answer", data={"item_id": item_id, "response": answers[item_id]})
        client.post(f"{url}/rate", data={"item_id": item_id, "rating": rating})
    return client.get(url).get_data(as_text=True)


def test_flashcard_summary_page_counts_them_apart(client, auth, db):
    three(db)
    html = _summary_page(client, auth, db, "flashcards", ["Good", "Hard", "Easy"])
    assert "Session complete" in html
    assert "You got" not in html  # no score line: nothing was graded
    assert "You rated <strong>3</strong> flashcards yourself:" in html
    assert "0 Again, 1 Hard, 1 Good, 1 Easy." in html and "not counted as right answers" in html


def test_quiz_summary_page_shows_the_score(client, auth, db):  # the positive control of the page
    three(db)
    html = _summary_page(client, auth, db, "quiz", ["Hard", "Good", "Easy"])
    assert "You got <strong>3 of 3</strong> right" in html
    assert "flashcards yourself" not in html and "flashcard yourself" not in html
