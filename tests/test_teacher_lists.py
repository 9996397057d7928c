"""Long teacher lists come a page at a time, keeping their filters; the review queue's bulk select."""
import re

import pytest

from quizapp import assignments, classes, items, reports
from quizapp.paging import Page, page_number, page_of

from .helpers import make_article, make_item, make_user
from .test_answer_stats import record


@pytest.mark.parametrize("raw, number", [(None, 1), ("", 1), ("2", 2), ("0", 1), ("-3", 1), ("x", 1), ("9" * 30, 1)])
def test_page_numbers_from_the_url(raw, number):
    assert page_number(raw) == number


def test_a_page_past_the_end_is_the_last_page():
    assert page_of("9", 120).number == 3 and page_of("9", 0).number == 1
    page = Page(3, 120)
    assert (page.offset, page.first_row, page.last_row, page.previous, page.next) == (100, 101, 120, 2, None)


def links(html):
    return {m.group(2): m.group(1).replace("&amp;", "&") for m in re.finditer(r'<a href="([^"]+)" rel="(prev|next)"', html)}


@pytest.fixture
def bank(db):
    """60 short answers and 5 true/false drafts in one article."""
    made = [make_item(prompt=f"Short {n:02d}?", answer=f"S{n}", score=0.5) for n in range(60)]
    made += [make_item("true_false", f"Statement {n}.", "True", choices=["True", "False"], score=0.5) for n in range(5)]
    return make_article(db, made, status="draft")


def test_the_question_bank_pages_keep_the_filters(client, auth, db, bank):
    auth.login_as("teacher")
    first = client.get("/teacher/questions?kind=short_answer&q=short").get_data(as_text=True)
    assert "60 questions, 1–50 shown" in first and first.count('class="item status-') == 50
    following = links(first)["next"]
    assert "kind=short_answer" in following and "q=short" in following and "page=2" in following
    second = client.get(following).get_data(as_text=True)
    assert second.count('class="item status-') == 10 and "Statement" not in second
    shown = set(re.findall(r"Short \d\d\?", first)) | set(re.findall(r"Short \d\d\?", second))
    assert len(shown) == 60  # every question on one page or the other, none twice or lost
    assert "rel=\"next\"" not in second and "page=1" in links(second)["prev"]
    last = client.get("/teacher/questions?kind=short_answer&page=99").get_data(as_text=True)
    assert "51–60" in last  # a page past the end shows the last one
    small = client.get("/teacher/questions?kind=true_false").get_data(as_text=True)
    assert "5 questions" in small and "Next page" not in small  # the positive control: one page, no pager


def test_the_review_queue_pages_its_drafts_and_its_reports(client, auth, db, bank):
    student = make_user(db, "pupil")
    reported = [row["id"] for row in items.find_items(db, limit=3)]
    for item_id in reported:
        reports.report_problem(db, item_id, student.id, "Two answers fit")
    auth.login_as("teacher")
    html = client.get("/teacher/review").get_data(as_text=True)
    assert "Drafts (62)" in html and "Reported by students (3)" in html
    drafts = html[html.index('<section id="drafts">'):]
    assert drafts.count('class="item status-') == 50 and "page=2" in links(drafts)["next"]
    second = client.get("/teacher/review?page=2").get_data(as_text=True)
    assert second[second.index('<section id="drafts">'):].count('class="item status-') == 12


def test_the_class_page_lists_students_a_page_at_a_time(client, auth, db):
    teacher = auth.login_as("teacher")
    class_id = classes.create_class(db, teacher.id, "Year 9")
    for n in range(53):
        classes.add_member(db, class_id, make_user(db, f"kid{n:02d}").id)
    first = client.get(f"/teacher/classes/{class_id}").get_data(as_text=True)
    assert "Students (53)" in first and ">kid49</a>" in first and ">kid50</a>" not in first
    second = client.get(links(first)["next"]).get_data(as_text=True)
    assert ">kid50</a>" in second and ">kid52</a>" in second and ">kid49</a>" not in second
    dashboard = client.get("/teacher/?page=2").get_data(as_text=True)
    assert "<strong>53</strong> students" in dashboard and ">kid50</a>" in dashboard and ">kid00</a>" not in dashboard


def test_the_assignment_and_results_pages_come_in_pages(client, auth, db):
    teacher = auth.login_as("teacher")
    article = make_article(db, [make_item(prompt=f"Q{n:02d}?", answer=f"A{n}") for n in range(55)])
    class_id = classes.create_class(db, teacher.id, "Big")
    kids = [make_user(db, f"kid{n:02d}") for n in range(52)]
    for kid in kids:
        classes.add_member(db, class_id, kid.id)
    assignment_id = assignments.create_assignment(db, class_id, article)
    item_ids = [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]
    for n, item_id in enumerate(item_ids):
        record(db, kids[n % 52].id, item_id, n % 3 == 0, n)
    page = client.get(f"/teacher/assignments/{assignment_id}").get_data(as_text=True)
    assert "<strong>52</strong> of 52 started" in page and ">kid50</a>" not in page
    second = client.get(f"/teacher/assignments/{assignment_id}?page=2").get_data(as_text=True)
    assert ">kid50</a>" in second and "<strong>52</strong> of 52 started" in second
    results = client.get("/teacher/results").get_data(as_text=True)
    assert results.count('data-label="Question"') == 50 and "page=2" in links(results)["next"]
    assert client.get("/teacher/results?page=2").get_data(as_text=True).count('data-label="Question"') == 5


def test_a_students_page_pages_their_answers(client, auth, db):
    auth.login_as("teacher")
    make_article(db, [make_item(prompt=f"Q{n:02d}?", answer=f"A{n}") for n in range(3)])
    kid = make_user(db, "kid")
    item_ids = [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]
    for n in range(60):
        record(db, kid.id, item_ids[n % 3], True, n)
    html = client.get(f"/teacher/students/{kid.id}").get_data(as_text=True)
    answers = html[html.index('id="answers"'):]
    assert answers.count('data-label="When"') == 50 and "answers_page=2" in links(answers)["next"]
    second = client.get(f"/teacher/students/{kid.id}?answers_page=2").get_data(as_text=True)
    assert second[second.index('id="answers"'):].count('data-label="When"') == 10


def draft_ids(db):
    return [row["id"] for row in items.find_items(db, status="draft", limit=1000)]


def test_approve_and_reject_selected_in_one_go_and_come_back_to_the_same_place(client, auth, db, bank):
    auth.login_as("teacher")
    page = client.get("/teacher/review?page=2").get_data(as_text=True)
    assert "Approve selected" in page and "Reject selected" in page
    shown = [int(n) for n in re.findall(r'name="item_id" value="(\d+)" form="bulk-drafts"', page)]
    assert len(shown) == 15
    chosen = shown[1:4]
    response = client.post("/teacher/questions/bulk-status",
                           data={"status": "approved", "item_id": chosen, "shown": shown, "list": "drafts"},
                           headers={"Referer": "http://localhost/teacher/review?page=2"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/teacher/review?page=2#item-{shown[4]}")
    assert {items.get_item(db, n)["status"] for n in chosen} == {"approved"}
    assert items.get_item(db, shown[0])["status"] == "draft" and items.get_item(db, shown[4])["status"] == "draft"
    rejected = client.post("/teacher/questions/bulk-status", data={"status": "rejected", "item_id": shown[-2:],
                                                                   "shown": shown, "list": "drafts"})
    assert rejected.status_code == 302 and rejected.headers["Location"].endswith("#drafts")  # nothing below them
    assert {items.get_item(db, n)["status"] for n in shown[-2:]} == {"rejected"}
    assert len(draft_ids(db)) == 65 - 5


def test_bulk_select_refuses_what_it_cannot_do(client, auth, db, bank):
    auth.login_as("teacher")
    before = draft_ids(db)
    none = client.post("/teacher/questions/bulk-status", data={"status": "approved", "list": "drafts"},
                       follow_redirects=True)
    assert "Tick at least one question first." in none.get_data(as_text=True)
    assert client.post("/teacher/questions/bulk-status", data={"status": "retired", "item_id": before[:2]}).status_code == 400
    assert client.post("/teacher/questions/bulk-status", data={"status": "approved",
                                                               "item_id": list(range(1, 300))}).status_code == 400
    assert draft_ids(db) == before  # nothing changed by any of these
    missing = client.post("/teacher/questions/bulk-status", data={"status": "approved", "item_id": [before[0], 99999]},
                          follow_redirects=True)
    assert "1 question approved." in missing.get_data(as_text=True) and before[0] not in draft_ids(db)


def test_bulk_approving_reported_questions_closes_their_reports(client, auth, db, bank):
    student = make_user(db, "pupil")
    reported = [row["id"] for row in items.find_items(db, limit=2)]
    for item_id in reported:
        reports.report_problem(db, item_id, student.id, "Typo")
    auth.login_as("teacher")
    html = client.get("/teacher/review").get_data(as_text=True)
    assert 'form="bulk-reported"' in html
    client.post("/teacher/questions/bulk-status", data={"status": "approved", "item_id": reported, "resolve": "1",
                                                        "list": "reported"})
    assert items.count_items(db, flagged=True) == 0
    assert "Reported by students (0)" in client.get("/teacher/review").get_data(as_text=True)
