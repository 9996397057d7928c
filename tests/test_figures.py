"""Every figure a teacher reads, on hand-made review logs: mastery, recall, rounding, thresholds, counts."""
import csv
import datetime as dt
import io

import pytest

from quizapp import items, scheduling
from quizapp.figures import percent, percent_label, shown_score
from quizapp.study import services as practice
from quizapp.teacher import class_results

from .helpers import make_article, make_item, make_user

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)


def answer_all(db, user, responses, now=NOW, article_id=None):
    """One quiz session: each response in turn, rated Good when right, Again when wrong."""
    scheduler = scheduling.make_scheduler(fuzz=False)
    session_id = practice.start_session(db, user, now, article_id=article_id, size=len(responses))
    for response in responses:
        shown = practice.show_current(db, scheduler, practice.get_session(db, user.id, session_id), now)
        right = practice.check_answer(db, session_id, shown["item"]["id"], response, now)
        practice.rate(db, session_id, shown["item"]["id"], "Good" if right else "Again", now)
    return session_id


@pytest.fixture
def three_items(db):
    return make_article(db, [make_item("short_answer", f"Question {n}?", f"Answer{n}", score=0.9 - n / 10)
                             for n in range(3)], title="Three")


def test_mastery_counts_a_just_failed_item_as_not_recalled(db, three_items):
    """1 of 3 right, minutes ago: FSRS alone says 100% for all three (0 whole days elapsed)."""
    user = make_user(db, "third")
    answer_all(db, user, ["Answer0", "wrong", "wrong"])
    (row,) = class_results.student_rows(db, scheduling.make_scheduler(fuzz=False), NOW + dt.timedelta(minutes=5))
    assert row["seen"] == 3 and row["accuracy"] == pytest.approx(1 / 3)
    assert row["mastery"] == pytest.approx(1 / 3)
    summary = list(csv.DictReader(io.StringIO(class_results.summary_csv([row]))))
    assert summary[0]["mastery"] == "0.333" and summary[0]["accuracy"] == "0.333"


def test_mastery_python_fallback_agrees(db, three_items):
    user = make_user(db, "third")
    answer_all(db, user, ["Answer0", "wrong", "Answer2"])
    scheduler = scheduling.make_scheduler(fuzz=False)
    later = NOW + dt.timedelta(days=3)
    in_sql = class_results.card_figures(db, scheduler, later)
    in_python = class_results._card_figures_in_python(db, scheduler, later)
    assert in_sql[0][3] == pytest.approx(in_python[0][3])
    assert 0 < in_sql[0][3] < 2 / 3  # two right items decayed over 3 days, the failed one 0


def test_a_failed_item_is_recalled_again_after_a_right_answer(db, three_items):
    user = make_user(db, "third")
    answer_all(db, user, ["wrong", "wrong", "wrong"])
    scheduler = scheduling.make_scheduler(fuzz=False)
    assert class_results.student_rows(db, scheduler, NOW)[0]["mastery"] == 0
    later = NOW + dt.timedelta(minutes=20)  # the failed items are due again
    answer_all(db, user, ["Answer0", "Answer1", "Answer2"], now=later)
    assert class_results.student_rows(db, scheduler, later)[0]["mastery"] == pytest.approx(1.0)


def test_student_page_recall_and_wrong_answers(client, auth, db, three_items):
    user = make_user(db, "third")
    answer_all(db, user, ["Answer0", "wrong", "wrong"], now=practice_now())
    auth.login_as("teacher")
    html = client.get(f"/teacher/students/{user.id}").get_data(as_text=True)
    assert "Wrong answers" in html
    rows = {prompt: html[html.index(prompt):html.index("</tr>", html.index(prompt))] for prompt in
            ("Question 0?", "Question 1?")}
    assert 'data-label="Recall now">0%</td>' in rows["Question 1?"] and 'data-label="Wrong answers">1</td>' in rows["Question 1?"]  # failed: recall 0, 1 wrong
    assert 'data-label="Recall now">100%</td>' in rows["Question 0?"]  # the positive control: answered right just now


def practice_now():
    from quizapp.clock import utcnow

    return utcnow()


def test_dashboard_shows_mastery_33_not_100(client, auth, db, three_items):
    user = make_user(db, "third")
    answer_all(db, user, ["Answer0", "wrong", "wrong"], now=practice_now())
    auth.login_as("teacher")
    html = client.get("/teacher/").get_data(as_text=True)
    row = html[html.index(">third</a>"):html.index("</tr>", html.index(">third</a>"))]
    assert 'data-label="Correct">33%</td>' in row and 'data-label="Mastery">33%</td>' in row  # accuracy and mastery
    assert "100%" not in row


@pytest.mark.parametrize("share, shown", [(2 / 3, 67), (1 / 3, 33), (1 / 8, 13), (0.5, 50), (0.995, 100), (0.0, 0),
                                          (0.285, 29), (1.0, 100)])
def test_one_rounding_rule(share, shown):
    assert percent(share) == shown
    assert percent_label(share) == f"{shown}%"
    assert percent(None) is None and percent_label(None) == "–"


def test_two_of_three_is_67_in_the_chart_and_the_table(client, auth, db, three_items):
    for name, response in (("s1", "Answer0"), ("s2", "Answer0"), ("s3", "wrong")):
        answer_all(db, make_user(db, name), [response], now=practice_now())
    auth.login_as("teacher")
    html = client.get("/teacher/results").get_data(as_text=True)
    chart, table = html[html.index("<svg"):html.index("</svg>")], html[html.index("<table"):]
    assert ">67%</text>" in chart and 'data-label="Correct">67%</td>' in table
    assert "66%" not in html


def test_session_summary_and_progress_round_the_same_way(db):
    make_article(db, [make_item("short_answer", f"Q{n}?", f"A{n}") for n in range(8)])
    user = make_user(db, "eight")
    # 1 of 8 right the first time: 12.5% is 13%; each missed one then comes back and is answered right
    scheduler = scheduling.make_scheduler(fuzz=False)
    session_id = practice.start_session(db, user, NOW, size=8)
    tried = set()
    while (shown := practice.show_current(db, scheduler, practice.get_session(db, user.id, session_id), NOW)):
        item = shown["item"]
        response = item["answer"] if item["prompt"] == "Q0?" or item["id"] in tried else "no"
        tried.add(item["id"])
        right = practice.check_answer(db, session_id, item["id"], response, NOW)
        practice.rate(db, session_id, item["id"], "Good" if right else "Again", NOW)
    assert practice.session_summary(db, session_id)["percent"] == 13
    assert practice.progress(db, user, NOW)["accuracy"] == 53  # 8 of 15 answers


def test_approve_above_compares_the_score_as_shown(client, auth, db):
    make_article(db, [make_item("short_answer", "Shown as 0.65?", "x", score=0.6499),
                      make_item("short_answer", "Shown as 0.64?", "y", score=0.644)], status="draft")
    assert shown_score(0.6499) == 0.65
    auth.login_as("teacher")
    review = client.get("/teacher/review").get_data(as_text=True)
    assert "score 0.65" in review and "score 0.64" in review
    client.post("/teacher/questions/approve-above", data={"threshold": "0.65"})
    status = dict(db.execute("SELECT prompt, status FROM items").fetchall())
    assert status == {"Shown as 0.65?": "approved", "Shown as 0.64?": "draft"}


def test_articles_page_counts_questions(client, auth, db, three_items):
    make_article(db, [make_item("short_answer", "Draft?", "d")], title="Drafty", source="d.txt", status="draft")
    auth.login_as("teacher")
    html = client.get("/teacher/articles").get_data(as_text=True)
    assert "built-in method" not in html
    three = html[html.index(">Three</a>"):html.index("</tr>", html.index(">Three</a>"))]
    assert 'data-label="Questions">3</td><tddata-label="Drafts">0</td><tddata-label="Approved">3</td>' in three.replace("\n", "").replace(" ", "")
    drafty = html[html.index(">Drafty</a>"):html.index("</tr>", html.index(">Drafty</a>"))]
    assert 'data-label="Questions">1</td><tddata-label="Drafts">1</td><tddata-label="Approved">0</td>' in drafty.replace("\n", "").replace(" ", "")


def test_migration_fills_last_rating_from_the_latest_answer(tmp_path):
    from quizapp.db import connect
    from quizapp.schema import migrations

    db = connect(str(tmp_path / "old.db"))
    migrations.apply(db, stop_before="m0004_teacher_cards_last_rating")
    assert "last_rating" not in db["cards"].columns_dict
    db.execute("INSERT INTO users (id, username, password_hash, created_at) VALUES (1, 's', 'x', '2026')")
    db.execute("INSERT INTO articles (id, title, source, text, text_hash, created_at) VALUES (1, 'a', 's', 't', 'h', '2026')")
    for item_id in (1, 2):
        db.execute("INSERT INTO items (id, article_id, item_key, kind, prompt, answer, status) "
                   "VALUES (?, 1, ?, 'short_answer', 'q', 'a', 'approved')", [item_id, str(item_id)])
        db.execute("INSERT INTO cards (user_id, item_id, state, due) VALUES (1, ?, 1, '2026')", [item_id])
    for item_id, rating, when in ((1, 3, "2026-01-01"), (1, 1, "2026-01-02"), (2, 1, "2026-01-01"), (2, 4, "2026-01-02")):
        db.execute("INSERT INTO reviews (user_id, item_id, rating, correct, answered_at, next_due) "
                   "VALUES (1, ?, ?, ?, ?, '2026')", [item_id, rating, int(rating > 1), when])
    db.conn.commit()
    migrations.apply(db)
    assert dict(db.execute("SELECT item_id, last_rating FROM cards").fetchall()) == {1: 1, 2: 4}
