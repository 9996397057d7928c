"""A real browser (Playwright driving Debian's Chromium) against a real `quizapp serve`."""
import csv
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .load_driver import serving

pytestmark = pytest.mark.browser
QUIZAPP = Path(sys.executable).with_name("quizapp")
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`quizapp setup` then `quizapp serve` on a fresh database; yields (base URL, teacher password)."""
    folder = tmp_path_factory.mktemp("served")
    env = {**os.environ, "QUIZAPP_DATABASE": str(folder / "quizapp.db")}
    env.pop("QUIZAPP_SECRET_KEY", None)
    setup = subprocess.run([str(QUIZAPP), "setup"], env=env, capture_output=True, text=True, timeout=120)
    assert setup.returncode == 0, setup.stderr
    password = re.search(r"password (\S+) \(kept in", setup.stdout).group(1)
    with serving(env) as url:
        yield url, password, env


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def register(browser, base, username):
    """A new page with a freshly registered student, on the dashboard."""
    page = browser.new_page()
    page.goto(f"{base}/auth/register")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill("a good long password")
    page.get_by_label("Confirm password").fill("a good long password")
    page.get_by_role("button", name="Register").click()
    return page


def answer_current_item(page):
    """Answer whatever item is shown; return its prompt and the feedback verdict."""
    prompt = page.locator("h1.prompt").inner_text()
    radios = page.get_by_role("radio")
    if radios.count():
        radios.first.check()
    else:
        page.get_by_label("Your answer").fill("India")
    page.get_by_role("button", name="Check answer").click()
    verdict = page.locator("h2.verdict").inner_text()
    assert page.locator("blockquote.source").inner_text()
    return prompt, verdict


def test_student_studies_three_items_and_teacher_exports_them(server, browser, tmp_path):
    base, teacher_password, _ = server
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone screen
    page.goto(base)
    page.get_by_role("link", name="Register").first.click()
    page.get_by_label("Username").fill("maya")
    page.get_by_label("Password", exact=True).fill("a good long password")
    page.get_by_label("Confirm password").fill("a good long password")
    page.get_by_role("button", name="Register").click()
    expect(page.locator(".flash")).to_contain_text("Welcome, maya")

    page.get_by_role("button", name="Study now").click()
    answered = []
    for number in range(1, 4):
        expect(page.locator(".position")).to_contain_text(f"Question {number} of 1")  # 10, or more with a missed one back
        prompt, verdict = answer_current_item(page)
        assert verdict in ("Correct", "Incorrect")
        answered.append((prompt, verdict))
        next_button = page.get_by_role("button", name="Good") if verdict == "Correct" else page.get_by_role("button", name="Next")
        assert re.search(r"\d+ (min|h|d|mo|y)", next_button.inner_text()) or verdict == "Incorrect"
        next_button.click()
    page.get_by_role("button", name="Log out").click()

    page.get_by_label("Username").fill("teacher")
    page.get_by_label("Password").fill(teacher_password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Teacher").click()
    expect(page.locator("h1")).to_have_text("Class")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export results (CSV)").click()
    path = tmp_path / "results.csv"
    download.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert [row["username"] for row in rows] == ["maya"] * 3
    assert [row["prompt"] for row in rows] == [prompt for prompt, _ in answered]
    assert [row["correct"] for row in rows] == ["1" if verdict == "Correct" else "0" for _, verdict in answered]
    page.close()


def test_flashcard_keyboard(server, browser):
    base, _, _ = server
    page = register(browser, base, "kofi")
    page.get_by_role("button", name="Flashcards").click()
    expect(page).to_have_title(re.compile("Card 1"))
    page.wait_for_load_state("domcontentloaded")  # app.js (deferred) listens for the keys from here on
    expect(page.locator("#back")).to_be_hidden()
    first_prompt = page.locator("h1.prompt").inner_text()
    page.keyboard.press("Space")
    expect(page.locator("#back")).to_be_visible()
    page.keyboard.press("3")  # Good
    expect(page).to_have_title(re.compile("Card 2"))
    expect(page.locator("h1.prompt")).not_to_have_text(first_prompt)
    page.get_by_role("button", name="Show answer").click()
    page.get_by_role("button", name="Again").click()
    expect(page).to_have_title(re.compile("Card 3"))
    page.close()


def test_teacher_adds_an_article_approves_its_questions_and_exports(server, browser, tmp_path):
    base, teacher_password, env = server
    article = Path(__file__).parent / "data" / "articles" / "02_nasa_x59_supersonic_jet.txt"
    page = browser.new_page()
    page.goto(f"{base}/auth/login")
    page.get_by_label("Username").fill("teacher")
    page.get_by_label("Password").fill(teacher_password)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Teacher").click()
    page.get_by_role("link", name="Add an article").first.click()
    page.get_by_label("Title").fill("Supersonic jet")
    page.get_by_label("Or upload a .txt file").set_input_files(str(article))
    page.get_by_role("button", name="Generate questions").click()
    page.get_by_role("link", name="Review the questions").click(timeout=180_000)  # the job page refreshes until done (a busy machine is slow)
    expect(page).to_have_url(re.compile(r"/teacher/articles/\d+$"))
    expect(page.locator("h1")).to_contain_text("Supersonic jet")
    expect(page.get_by_role("button", name="Approve all above")).to_be_visible()  # the page is there, lists included
    drafts = page.locator("li.item.status-draft").count()
    assert drafts > 10
    page.get_by_label("Approve all drafts scored at least").fill("0")
    page.get_by_role("button", name="Approve all above").click()
    expect(page.locator(".flash")).to_contain_text(f"Approved {drafts} draft questions")
    expect(page.locator("li.item.status-draft")).to_have_count(0)

    page.get_by_role("link", name="Questions", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Export questions (CSV)").first.click()
    path = tmp_path / "questions.csv"
    download.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert sum(row["article"] == "Supersonic jet" for row in rows) == drafts

    with page.expect_download() as download:
        page.get_by_role("link", name="Export results (CSV)").first.click()
    download.value.save_as(tmp_path / "results.csv")
    header = (tmp_path / "results.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("username,item_id,article,kind,prompt,response,correct,rating,answered_at,next_due")
    page.close()


def test_checking_an_answer_shows_the_feedback_in_place(server, browser):
    """With JavaScript the answer is checked without a page load; Enter then moves on."""
    base, _, _ = server
    page = register(browser, base, "lena")
    page.get_by_role("button", name="Study now").click()
    expect(page.locator(".position")).to_contain_text("Question 1 of 10")
    page.evaluate("window.stillThisPage = true")
    page.get_by_role("button", name="I don't know").click()
    expect(page.locator("h2.verdict")).to_have_text("Incorrect")
    assert page.evaluate("window.stillThisPage === true")  # no reload happened
    expect(page.locator(":focus")).to_have_text("Next")
    page.keyboard.press("Enter")
    expect(page.locator(".position")).to_contain_text("Question 2 of 11")  # the missed one comes back later
    expect(page).to_have_title(re.compile("Question 2"))
    assert page.evaluate("window.stillThisPage === true")  # the next question came in place too
    prompt, verdict = answer_current_item(page)  # focus is in the new card: typing or choosing works
    assert verdict in ("Correct", "Incorrect") and page.evaluate("window.stillThisPage === true")
    page.close()


def test_the_last_answer_in_place_leads_to_the_summary(server, browser):
    base, _, _ = server
    page = register(browser, base, "omar")
    page.get_by_label("Items").fill("1")
    page.get_by_role("button", name="Study now").click()
    expect(page.locator(".position")).to_contain_text("Question 1 of 1")
    _, verdict = answer_current_item(page)
    expect(page.locator(":focus")).to_have_text(re.compile(r"^(Good|Next)"))
    if verdict == "Incorrect":  # a missed question comes back at once: answered right from the feedback
        if page.locator("strong.answer").count():  # a typed answer's feedback names the answer
            right = page.locator("strong.answer").inner_text()
        else:  # a choice's feedback lists every option, the right one marked
            right = page.locator("li.key").inner_text().replace("\u2713", "").split("right answer")[0].strip()
        page.keyboard.press("Enter")
        expect(page.locator(".position")).to_contain_text("Question 2 of 2")
        if page.get_by_role("radio").count():
            page.get_by_role("radio", name=right, exact=True).check()
        else:
            page.get_by_label("Your answer").fill(right)
        page.get_by_role("button", name="Check answer").click()
        expect(page.locator("h2.verdict")).to_have_text("Correct")
        expect(page.locator(":focus")).to_have_text(re.compile(r"^Good"))
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile("Session summary"))
    expect(page.locator(".score")).to_contain_text(f"You got {1 if verdict == 'Correct' else 0} of 1 right")
    page.close()


def log_in(browser, base, username, password):
    page = browser.new_page()
    page.goto(f"{base}/auth/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    return page


def answer_assignment(page, count):
    """From the start page: the assignment's Study now, then `count` answers; returns the verdicts."""
    section = page.locator("section.assignments")
    expect(section.get_by_role("heading", name="Assignments")).to_be_visible()
    section.get_by_role("button", name="Study now").click()
    verdicts = []
    for number in range(1, count + 1):
        expect(page.locator(".position")).to_contain_text(f"Question {number} of")
        _, verdict = answer_current_item(page)
        verdicts.append(verdict)
        page.get_by_role("button", name="Good" if verdict == "Correct" else "Next").click()
    return verdicts


def test_a_class_an_assignment_two_students_and_its_results(server, browser, tmp_path):
    """The issue's acceptance test: create a class, enrol two students (one by its join code, one from a
    pasted list), assign the seed article, let both answer, read the assignment page and its CSV."""
    base, teacher_password, _ = server
    teacher = log_in(browser, base, "teacher", teacher_password)
    expect(teacher.locator("h1")).to_have_text("Class")  # a teacher lands on their dashboard
    teacher.get_by_role("link", name="Classes").click()
    teacher.get_by_label("Class name").fill("Year 9 News")
    teacher.get_by_role("button", name="Create class").click()
    expect(teacher.locator("h1")).to_have_text("Year 9 News")
    code = teacher.locator("#join-code").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{6}", code)
    teacher.get_by_label("Usernames (one per line)").fill("zoe")
    teacher.get_by_role("button", name="Add students").click()
    zoe_password = teacher.locator("tr", has_text="zoe").locator("code").inner_text()
    teacher.get_by_label("Article").select_option(index=0)
    teacher.get_by_label("Due date").fill("2026-12-31")
    teacher.get_by_role("button", name="Assign").click()
    expect(teacher.locator("h1")).not_to_have_text("Year 9 News")
    assignment_url = teacher.url
    expect(teacher.get_by_text("0 of 1 started")).to_be_visible()  # zoe, from the list

    ravi = register(browser, base, "ravi")
    ravi.get_by_role("link", name="Join a class").click()
    ravi.get_by_label("Class code").fill(code.lower())
    ravi.get_by_role("button", name="Join").click()
    expect(ravi.locator(".flash")).to_contain_text("You are in Year 9 News.")
    expect(ravi.locator("section.assignments")).to_contain_text("due 2026-12-31")
    ravi_verdicts = answer_assignment(ravi, 2)
    ravi.close()

    zoe = log_in(browser, base, "zoe", zoe_password)
    expect(zoe.locator("h1")).to_have_text("Change password")  # a one-time password is changed first
    zoe.get_by_label("Current password").fill(zoe_password)
    zoe.get_by_label("New password").fill("zoe's own password")
    zoe.get_by_label("Confirm password").fill("zoe's own password")
    zoe.get_by_role("button", name="Change password").click()
    expect(zoe.locator(".flash")).to_contain_text("Your password is changed.")
    expect(zoe.locator("section.assignments")).to_contain_text("0 of")
    zoe_verdicts = answer_assignment(zoe, 1)
    zoe.close()

    teacher.goto(assignment_url)
    expect(teacher.get_by_text("2 of 2 started")).to_be_visible()
    for name, verdicts in (("ravi", ravi_verdicts), ("zoe", zoe_verdicts)):
        row = teacher.locator("tr", has_text=name)
        expect(row).to_contain_text(f"{len(verdicts)} of ")
        expect(row).to_contain_text(f"{round(100 * verdicts.count('Correct') / len(verdicts) + 0.001)}%")
    with teacher.expect_download() as download:
        teacher.get_by_role("link", name="Export assignment results (CSV)").click()
    path = tmp_path / "assignment.csv"
    download.value.save_as(path)
    rows = {row["username"]: row for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))}
    assert set(rows) == {"ravi", "zoe"}
    assert rows["ravi"]["answered"] == "2" and rows["zoe"]["answered"] == "1"
    assert rows["ravi"]["first_answers_correct"] == str(ravi_verdicts.count("Correct"))
    assert rows["zoe"]["first_answers_correct"] == str(zoe_verdicts.count("Correct"))
    teacher.close()
