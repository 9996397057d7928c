"""The teacher's workspace: articles, review queue, question bank, reports, class results."""
import re
import time

import pytest

from quizapp import items

from .helpers import SEED, make_article, make_item, make_user

TEACHER_PAGES = ["/teacher/", "/teacher/results", "/teacher/articles", "/teacher/articles/new", "/teacher/questions",
                 "/teacher/review", "/teacher/import", "/teacher/questions/new", "/teacher/summary.csv",
                 "/teacher/questions.csv", "/teacher/questions.gift.txt", "/teacher/questions.apkg", "/teacher/results.csv",
                 "/teacher/classes"]


@pytest.fixture
def stocked(db):
    """An article with an approved, a draft and a low-scored draft question."""
    article_id = make_article(db, [
        make_item("short_answer", "Who leads the team?", "Jim Mattis", score=0.9),  # three sentences: three facts
        make_item("fill_blank", "_____ leads the team.", "Jim Mattis", score=0.7,
                  source_sentence="Jim Mattis leads the team."),
        make_item("true_false", "Jim Mattis leads the team.", "True", choices=["True", "False"], score=0.3,
                  source_sentence="The team has Jim Mattis at its head."),
    ], title="Team news", status="draft")
    items.set_status(db, [db.execute("SELECT id FROM items WHERE score = 0.9").fetchone()[0]], "approved")
    return article_id


@pytest.mark.parametrize("url", TEACHER_PAGES)
def test_every_teacher_page_opens_for_a_teacher_and_is_refused_to_a_student(client, auth, stocked, url):
    auth.login_as("student", "pupil")
    assert client.get(url).status_code == 403
    auth.logout()
    auth.login_as("teacher", "mrs_lee")
    assert client.get(url).status_code == 200


def test_pages_link_to_each_other_from_the_start(client, auth, stocked):
    auth.login_as("teacher")
    html = client.get("/").get_data(as_text=True)
    assert 'href="/teacher/"' in html
    html = client.get("/teacher/").get_data(as_text=True)
    for link in ("/teacher/results", "/teacher/articles", "/teacher/questions", "/teacher/review", "/teacher/import",
                 "/teacher/articles/new"):
        assert f'href="{link}"' in html
    for label in ("Export results (CSV)", "Export questions (CSV)", "Export questions (GIFT)", "Export questions (Anki)"):
        assert f">{label}</a>" in html


def wait_for_job(client, url, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        html = client.get(url).get_data(as_text=True)
        if 'http-equiv="refresh"' not in html:
            return html
        time.sleep(0.2)
    raise AssertionError("the generation job did not finish")


def test_pasted_article_becomes_draft_questions(client, auth, db):
    auth.login_as("teacher")
    response = client.post("/teacher/articles/new", data={"title": "Defense talks", "text": SEED.read_text(encoding="utf-8")})
    assert response.status_code == 302 and "/teacher/jobs/" in response.headers["Location"]
    html = wait_for_job(client, response.headers["Location"])
    assert "new questions are waiting for your review" in html
    statuses = {row[0] for row in db.execute("SELECT status FROM items")}
    assert statuses == {"draft"}
    article_id = db.execute("SELECT id FROM articles WHERE title = 'Defense talks'").fetchone()[0]
    page = client.get(f"/teacher/articles/{article_id}").get_data(as_text=True)
    assert "<blockquote class=\"source\">" in page and "<mark>" in page


def test_uploaded_file(client, auth, db):
    import io

    auth.login_as("teacher")
    data = {"text": "", "upload": (io.BytesIO(SEED.read_bytes()), "talks.txt")}
    response = client.post("/teacher/articles/new", data=data, content_type="multipart/form-data")
    wait_for_job(client, response.headers["Location"])
    assert db.execute("SELECT source FROM articles").fetchone()[0] == "upload:talks.txt"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"text": ""}, "Paste the article"),
        ({"upload": (b"\x89PNG\x00\x00", "picture.txt")}, "not a text file"),
        ({"upload": ("Caf\u00e9".encode("latin-1") * 10, "latin.txt")}, "not UTF-8"),
        ({"upload": (b"a" * 500_001, "big.txt")}, "larger than 500 kB"),
    ],
)
def test_bad_articles_are_refused_with_a_message(client, auth, db, data, message):
    import io

    auth.login_as("teacher")
    if "upload" in data:
        content, name = data["upload"]
        data = {"text": "", "upload": (io.BytesIO(content), name)}
    html = client.post("/teacher/articles/new", data=data, content_type="multipart/form-data").get_data(as_text=True)
    assert message in html
    assert db.execute("SELECT count(*) FROM jobs").fetchone()[0] == 0


def test_non_english_article_job_says_so(client, auth, db):
    auth.login_as("teacher")
    response = client.post("/teacher/articles/new", data={"text": "El presidente habló ayer con los periodistas sobre la economía."})
    assert "No questions could be made" in wait_for_job(client, response.headers["Location"])


def test_someone_elses_job_is_not_found(client, auth, db):
    auth.login_as("teacher", "first")
    response = client.post("/teacher/articles/new", data={"text": "The council met on Monday in Denver to vote."})
    url = response.headers["Location"]
    wait_for_job(client, url)
    auth.logout()
    auth.login_as("teacher", "second")
    assert client.get(url).status_code == 404


def test_review_approve_reject_and_approve_above(client, auth, db, stocked):
    auth.login_as("teacher")
    drafts = [row[0] for row in db.execute("SELECT id FROM items WHERE status = 'draft' ORDER BY score DESC")]
    html = client.get("/teacher/review").get_data(as_text=True)
    assert "Drafts (2)" in html
    # the calibrated cut is preselected: at 0.7 blind readers accepted items most often
    assert re.search(r'<input[^>]*name="threshold"[^>]*value="0.7"', html) or re.search(
        r'<input[^>]*value="0.7"[^>]*name="threshold"', html)
    client.post(f"/teacher/questions/{drafts[1]}/status", data={"status": "rejected"})
    assert db.execute("SELECT status FROM items WHERE id = ?", [drafts[1]]).fetchone()[0] == "rejected"
    client.post("/teacher/questions/approve-above", data={"threshold": "0.5"})
    assert db.execute("SELECT status FROM items WHERE id = ?", [drafts[0]]).fetchone()[0] == "approved"
    html = client.post("/teacher/questions/approve-above", data={"threshold": "7"}, follow_redirects=True).get_data(as_text=True)
    assert "Give a score between 0 and 1." in html
    assert client.post("/teacher/questions/99999/status", data={"status": "approved"}).status_code == 404
    assert client.post(f"/teacher/questions/{drafts[0]}/status", data={"status": "deleted"}).status_code == 400


def test_only_approved_questions_are_studied(client, auth, db, stocked):
    auth.login_as("student")
    client.post("/study/start", data={"mode": "quiz", "size": 10, "article": 0})
    planned = db.execute("SELECT item_ids FROM study_sessions").fetchone()[0]
    approved = [row[0] for row in db.execute("SELECT id FROM items WHERE status = 'approved'")]
    assert planned == f"[{approved[0]}]"


def question(**fields):
    data = {"article": 0, "kind": "short_answer", "prompt": "Who leads the team?", "answer": "Jim Mattis",
            "choices": "", "accepted": "Mattis", "source_sentence": "Jim Mattis leads the team."}
    data.update(fields)
    return data


def test_add_questions_of_each_kind(client, auth, db, stocked):
    auth.login_as("teacher")
    cases = [
        question(),
        question(kind="multiple_choice", prompt="Who leads?", answer="", option_1="Ana", option_2="Ben", option_3="Cal",
                 option_4="Dee", right_option="1"),
        question(kind="true_false", prompt="Ana leads the team.", answer="True"),
        question(kind="fill_blank", prompt="_____ leads the team.", answer="Ana"),
    ]
    for data in cases:
        data["article"] = stocked
        assert client.post("/teacher/questions/new", data=data).status_code == 302
    kinds = [row[0] for row in db.execute("SELECT kind FROM items WHERE item_key LIKE 'own:%' ORDER BY id")]
    assert kinds == ["short_answer", "multiple_choice", "true_false", "fill_blank"]
    mc = next(db.query("SELECT choices FROM items WHERE prompt = 'Who leads?'"))
    assert mc["choices"] == '["Ana", "Ben", "Cal", "Dee"]'


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"prompt": ""}, "Write the question."),
        ({"answer": ""}, "Give the right answer."),
        ({"kind": "multiple_choice", "option_1": "Ana", "option_2": "Ben", "right_option": "1"}, "Give three to five options"),
        ({"kind": "multiple_choice", "option_1": "Ana", "option_2": "Ben", "option_3": "ben", "option_4": "Cal",
          "right_option": "1"}, "The options must all be different."),
        ({"kind": "multiple_choice", "option_1": "Ana", "option_2": "Ben", "option_3": "Cal"}, "Mark the right option."),
        ({"kind": "multiple_choice", "option_1": "Ana", "option_2": "Ben", "option_3": "Cal", "right_option": "4"},
         "The option marked right is empty"),
        ({"kind": "multiple_choice", "option_1": "Ana", "option_2": "Ben", "option_3": "Cal", "right_option": "9"},
         "Mark the right option."),
        ({"kind": "true_false", "answer": "Maybe"}, "A true/false answer is True or False."),
        ({"kind": "fill_blank", "prompt": "Who leads the team?"}, "exactly one blank"),
        ({"kind": "fill_blank", "prompt": "_____ and _____ lead."}, "exactly one blank"),
        ({"kind": "essay"}, "Not a valid choice."),
    ],
)
def test_question_form_validates_like_a_careful_teacher(client, auth, db, stocked, fields, message):
    auth.login_as("teacher")
    before = db.execute("SELECT count(*) FROM items").fetchone()[0]
    html = client.post("/teacher/questions/new", data=question(article=stocked, **fields)).get_data(as_text=True)
    assert message in html
    assert 'class="error"' in html
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == before


def test_editing_keeps_the_id_and_students_progress(client, auth, db, stocked):
    item_id = db.execute("SELECT id FROM items WHERE status = 'approved'").fetchone()[0]
    student = make_user(db, "pupil")
    db.execute("INSERT INTO cards (user_id, item_id, state, due) VALUES (?, ?, 2, '2030-01-01T00:00:00+00:00')", [student.id, item_id])
    db.conn.commit()
    auth.login_as("teacher")
    html = client.get(f"/teacher/questions/{item_id}/edit").get_data(as_text=True)
    assert "Who leads the team?" in html
    response = client.post(f"/teacher/questions/{item_id}/edit", data=question(article=stocked, prompt="Who is the team's leader?"))
    assert response.status_code == 302
    assert db.execute("SELECT prompt FROM items WHERE id = ?", [item_id]).fetchone()[0] == "Who is the team's leader?"
    assert db.execute("SELECT count(*) FROM cards WHERE item_id = ?", [item_id]).fetchone()[0] == 1
    assert client.get("/teacher/questions/99999/edit").status_code == 404


def test_retired_questions_leave_study_but_keep_history(client, auth, db, stocked):
    item_id = db.execute("SELECT id FROM items WHERE status = 'approved'").fetchone()[0]
    auth.login_as("teacher")
    client.post(f"/teacher/questions/{item_id}/status", data={"status": "retired"})
    auth.logout()
    auth.login_as("student")
    html = client.post("/study/start", data={"mode": "quiz", "size": 10, "article": 0}, follow_redirects=True).get_data(as_text=True)
    assert "Nothing to study right now." in html
    assert db.execute("SELECT status FROM items WHERE id = ?", [item_id]).fetchone()[0] == "retired"


def test_search_and_filter(client, auth, db, stocked):
    auth.login_as("teacher")
    html = client.get("/teacher/questions?q=blank&kind=&status=").get_data(as_text=True)
    assert "3 questions" not in html
    assert ">1 question." in client.get("/teacher/questions?q=&kind=true_false&status=").get_data(as_text=True)
    assert "2 questions" in client.get("/teacher/questions?status=draft").get_data(as_text=True)
    assert ">1 question." in client.get("/teacher/questions?q=leads+the+team.&kind=fill_blank").get_data(as_text=True)
    assert client.get("/teacher/questions?article=notanumber").status_code == 200


def test_student_reports_a_problem_and_teacher_sees_it_first(client, auth, db, stocked):
    auth.login_as("student")
    url = client.post("/study/start", data={"mode": "quiz", "size": 10, "article": 0}).headers["Location"]
    item_id = int(re.search(r'name="item_id" type="hidden" value="(\d+)"', client.get(url).get_data(as_text=True)).group(1))
    client.post(f"{url}/answer", data={"item_id": item_id, "response": "Mattis"})
    html = client.get(url).get_data(as_text=True)
    assert "Report a problem with this question" in html
    empty = client.post(f"{url}/report", data={"item_id": item_id, "reason": ""}, follow_redirects=True)
    assert "Say in a few words what is wrong." in empty.get_data(as_text=True)
    client.post(f"{url}/report", data={"item_id": item_id, "reason": "<script>alert(1)</script> two answers fit"})
    assert client.post(f"{url}/report", data={"item_id": 99999, "reason": "x"}).status_code == 400
    auth.logout()
    auth.login_as("teacher")
    html = client.get("/teacher/review").get_data(as_text=True)
    assert "Reported by students (1)" in html
    edit = client.get(f"/teacher/questions/{item_id}/edit").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; two answers fit" in edit and "<script>alert" not in edit
    listing = client.get("/teacher/questions").get_data(as_text=True)
    assert listing.index(f'id="item-{item_id}"') < listing.index('id="item-', listing.index(f'id="item-{item_id}"') + 5)
    client.post(f"/teacher/questions/{item_id}/resolve")
    assert "Reported by students (0)" in client.get("/teacher/review").get_data(as_text=True)


def test_class_results(client, auth, db, stocked):
    from quizapp.study import services as practice
    from quizapp.clock import utcnow

    items.set_status(db, [row[0] for row in db.execute("SELECT id FROM items")], "approved")
    prompts = ["Who leads the team?", "_____ leads the team.", "Jim Mattis leads the team."]
    for name, answers in (("strong", ["Jim Mattis", "Jim Mattis", "True"]), ("middle", ["Jim Mattis", "x", "True"]),
                          ("weak", ["x", "x", "False"])):
        answers = dict(zip(prompts, answers))  # by question: the session has its own order
        user = make_user(db, name)
        session_id = practice.start_session(db, user, utcnow())
        from quizapp import scheduling

        scheduler = scheduling.make_scheduler(fuzz=False)
        for _ in prompts:
            shown = practice.show_current(db, scheduler, practice.get_session(db, user.id, session_id), utcnow())
            response = answers[shown["item"]["prompt"]]
            practice.check_answer(db, session_id, shown["item"]["id"], response, utcnow())
            practice.rate(db, session_id, shown["item"]["id"], "Good" if response != "x" else "Again", utcnow())
    auth.login_as("teacher")
    html = client.get("/teacher/").get_data(as_text=True)
    assert "<svg" in html and ">strong</a>" in html and "100%" in html and "0%" in html
    results = client.get("/teacher/results").get_data(as_text=True)
    assert results.index("_____ leads the team.") < results.index("Who leads the team?")  # most missed first
    assert "+1.00" in results
    weak_id = db.execute("SELECT id FROM users WHERE username = 'weak'").fetchone()[0]
    detail = client.get(f"/teacher/students/{weak_id}").get_data(as_text=True)
    assert "Latest answers" in detail and "Who leads the team?" in detail
    teacher_id = db.execute("SELECT id FROM users WHERE role = 'teacher'").fetchone()[0]
    assert client.get(f"/teacher/students/{teacher_id}").status_code == 404
    assert client.get("/teacher/students/99999").status_code == 404


def test_class_figures_from_sqlite_match_the_python_forgetting_curve(db):
    """Mastery is computed by SQLite in one pass (pow, julianday); it must equal the Python
    formula that matches fsrs, card for card, including whole days, never-reviewed and just-failed cards."""
    import datetime as dt
    import random

    from quizapp import scheduling
    from quizapp.teacher import class_results as classresults
    from quizapp.clock import to_iso

    scheduler = scheduling.make_scheduler(fuzz=False)
    now = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
    make_article(db, [make_item("short_answer", f"Question {i}?", f"Answer{i}") for i in range(30)])
    item_ids = [row[0] for row in db.execute("SELECT id FROM items")]
    rng = random.Random(5)
    for n in range(6):
        user = make_user(db, f"student{n}")
        for item_id in rng.sample(item_ids, 20):
            last = now - dt.timedelta(days=rng.choice([0, 1, 5, 30]), seconds=rng.choice([0, 1, 43200, 86399]))
            reviewed = rng.random() > 0.1
            db.execute("INSERT INTO cards (user_id, item_id, state, step, stability, difficulty, due, last_review, reps, "
                       "last_rating) VALUES (?, ?, 2, 0, ?, 5.0, ?, ?, 1, ?)",
                       [user.id, item_id, rng.uniform(0.1, 90) if reviewed else None,
                        to_iso(now + dt.timedelta(days=rng.randint(-3, 3))), to_iso(last) if reviewed else None,
                        rng.choice([1, 2, 3, 3, 4]) if reviewed else None])
    in_sql = sorted(classresults.card_figures(db, scheduler, now))
    in_python = sorted(classresults._card_figures_in_python(db, scheduler, now))
    assert [row[:3] for row in in_sql] == [row[:3] for row in in_python]
    for (_, _, _, sql_mastery), (_, _, _, python_mastery) in zip(in_sql, in_python):
        assert abs(sql_mastery - python_mastery) < 1e-9
    assert all(0 < row[3] < 1 for row in in_sql)  # some cards failed (0), the rest on their curve
