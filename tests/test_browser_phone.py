"""Teacher pages on a phone (390 x 844) in a real Chromium against a real `quizapp serve`: no page scrolls
sideways, no table scrolls inside itself, the menus stay on one line; the review queue's bulk select and the
multiple choice form work without JavaScript doing the work."""
import os
import random

import pytest
from playwright.sync_api import expect

from quizapp import assignments, cards, classes, items, reports, users
from quizapp.db import connect

from .test_browser import browser, server  # noqa: F401  (the fixtures: a served app and Chromium)

pytestmark = pytest.mark.browser
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = os.environ.get("QUIZAPP_SCREENSHOTS")  # a folder to keep the screenshots in, to look at

# How far anything reaches past the page or past the box that holds it, in CSS pixels.
OVERFLOW = """() => {
  const problems = [];
  const page = document.documentElement;
  if (page.scrollWidth > window.innerWidth) problems.push(`page ${page.scrollWidth} > ${window.innerWidth}`);
  for (const box of document.querySelectorAll('.scroll, table, nav')) {
    if (box.scrollWidth > box.clientWidth + 1) problems.push(`${box.tagName}.${box.className} ${box.scrollWidth} > ${box.clientWidth}`);
  }
  return problems;
}"""
ONE_LINE = """(selector) => {
  const links = [...document.querySelectorAll(selector + ' > *')].filter(e => e.offsetParent !== null);
  return new Set(links.map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2))).size;
}"""


@pytest.fixture(scope="module")
def school(server):  # noqa: F811
    """A class of 30 with answers, an assignment, drafts and a report, written beside the running server."""
    _, _, env = server
    db = connect(env["QUIZAPP_DATABASE"])
    teacher = users.find_user(db, "teacher")
    article = db.execute("SELECT article_id FROM items WHERE status = 'approved' LIMIT 1").fetchone()[0]
    class_id = classes.create_class(db, teacher.id, "Year 9 Geography, Tuesday and Thursday mornings")
    rng = random.Random(1)
    item_ids = [row[0] for row in db.execute("SELECT id FROM items WHERE status = 'approved'")]
    for n in range(30):
        student = users.create_user(db, f"student_with_a_long_name_{n:02d}", "a good long password", "student")
        classes.add_member(db, class_id, student.id)
        for item_id in rng.sample(item_ids, 5):
            cards.record_review(db, user_id=student.id, item_id=item_id, session_id=None, rating=3, correct=rng.random() < .6,
                                response="Supercalifragilisticexpialidocious-and-then-some", duration_ms=1000,
                                answered_at="2026-11-25T10:00:00+00:00", next_due="2026-11-27T10:00:00+00:00", was_new=True)
    assignment_id = assignments.create_assignment(db, class_id, article, "2026-12-11")
    drafts = items.find_items(db, limit=6)
    items.set_status(db, [row["id"] for row in drafts], "draft")
    reports.report_problem(db, drafts[0]["id"], student.id, "Two of the options could both be right here")
    db.close()
    return {"class": class_id, "assignment": assignment_id, "student": student.id, "item": drafts[1]["id"]}


@pytest.fixture(scope="module")
def teacher_page(server, browser, school):  # noqa: F811
    base, password, _ = server
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{base}/auth/login")
    page.get_by_label("Username").fill("teacher")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    yield page
    page.close()


def teacher_urls(school):
    return {
        "class": "/teacher/", "classes": "/teacher/classes", "a class": f"/teacher/classes/{school['class']}",
        "results": "/teacher/results", "assignment": f"/teacher/assignments/{school['assignment']}",
        "student": f"/teacher/students/{school['student']}", "articles": "/teacher/articles",
        "questions": "/teacher/questions", "review": "/teacher/review", "new question": "/teacher/questions/new",
    }


@pytest.mark.parametrize("name", ["class", "classes", "a class", "results", "assignment", "student", "articles",
                                  "questions", "review", "new question"])
def test_no_teacher_page_scrolls_sideways_on_a_phone(server, teacher_page, school, name):  # noqa: F811
    base, _, _ = server
    teacher_page.goto(base + teacher_urls(school)[name])
    expect(teacher_page.locator("h1")).to_be_visible()
    if SCREENSHOTS:
        teacher_page.screenshot(path=os.path.join(SCREENSHOTS, f"phone-{name.replace(' ', '-')}.png"), full_page=True)
    assert teacher_page.evaluate(OVERFLOW) == []
    assert teacher_page.evaluate(ONE_LINE, ".top nav") == 1  # the menu on one line
    assert teacher_page.evaluate(ONE_LINE, ".subnav") == 1


def test_the_check_finds_a_deliberately_wide_element(server, teacher_page, school):  # noqa: F811
    base, _, _ = server
    teacher_page.goto(base + "/teacher/")
    assert teacher_page.evaluate(OVERFLOW) == []
    teacher_page.evaluate("""() => { const wide = document.createElement('div');
        wide.style.width = '900px'; wide.textContent = 'wide'; document.querySelector('main').appendChild(wide); }""")
    assert any(problem.startswith("page ") for problem in teacher_page.evaluate(OVERFLOW))
    teacher_page.goto(base + "/teacher/")
    teacher_page.evaluate("""() => { const wide = document.createElement('span');  // the CSP allows no style=""
        wide.style.display = 'inline-block'; wide.style.width = '700px'; wide.textContent = 'wide';
        document.querySelector('table.stack td').appendChild(wide); }""")
    assert teacher_page.evaluate(OVERFLOW) != []


def test_a_table_on_a_wide_screen_keeps_its_columns(server, browser, school):  # noqa: F811
    base, password, _ = server
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/auth/login")
    page.get_by_label("Username").fill("teacher")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{base}/teacher/")
    expect(page.locator("table.stack thead th").first).to_be_visible()
    assert page.locator("table.stack td").first.evaluate("cell => getComputedStyle(cell).display") == "table-cell"
    page.set_viewport_size(PHONE)
    assert page.locator("table.stack td").first.evaluate("cell => getComputedStyle(cell).display") == "block"
    page.close()


def test_bulk_approve_in_the_browser_returns_to_the_queue(server, teacher_page, school):  # noqa: F811
    base, _, env = server
    teacher_page.goto(base + "/teacher/review")
    drafts = teacher_page.locator("#drafts")
    boxes = drafts.get_by_role("checkbox")
    ticked = [boxes.nth(n).get_attribute("value") for n in (0, 1)]
    for n in (0, 1):
        boxes.nth(n).check()
    drafts.get_by_role("button", name="Approve selected").first.click()
    expect(teacher_page.locator(".flash")).to_contain_text("2 questions approved.")
    assert "/teacher/review" in teacher_page.url and "#item-" in teacher_page.url
    db = connect(env["QUIZAPP_DATABASE"])
    assert {items.get_item(db, int(n))["status"] for n in ticked} == {"approved"}
    db.close()


def test_a_multiple_choice_question_typed_on_a_phone(server, teacher_page, school):  # noqa: F811
    base, _, env = server
    teacher_page.goto(base + "/teacher/questions/new")
    teacher_page.get_by_label("Kind").select_option("multiple_choice")
    expect(teacher_page.get_by_label("Right answer", exact=True)).to_be_hidden()  # marked, not typed, for this kind
    teacher_page.get_by_label("Question").fill("Which river runs through Cairo?")
    for n, text in enumerate(["Amazon", "Nile", "Danube"], start=1):
        teacher_page.get_by_label(f"Option {n}", exact=True).fill(text)
    teacher_page.get_by_label("Option 2 is the right answer").check()
    assert teacher_page.evaluate(OVERFLOW) == []
    teacher_page.get_by_role("button", name="Save question").click()
    expect(teacher_page.locator(".flash")).to_contain_text("added")
    db = connect(env["QUIZAPP_DATABASE"])
    saved = items.find_items(db, text="Which river runs through Cairo?")[0]
    assert (saved["answer"], saved["choices"]) == ("Nile", ["Amazon", "Nile", "Danube"])
    db.close()
    teacher_page.goto(base + "/teacher/questions/new")
    teacher_page.get_by_label("Kind").select_option("short_answer")
    expect(teacher_page.get_by_label("Right answer", exact=True)).to_be_visible()  # the positive control
    expect(teacher_page.get_by_label("Option 1", exact=True)).to_be_hidden()
