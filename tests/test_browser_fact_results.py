"""The teacher's results per fact (issue 11) in a real browser (Playwright, Debian's Chromium) against a real
`quizapp serve`: two students study an article, the teacher reads its results by fact, each fact's questions
beneath it, downloads them as CSV, and reads the same for a class's assignment (its students only)."""
import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from quizapp.db import connect

from .helpers import make_article, make_item
from .test_browser import QUIZAPP, browser, log_in, register, serving  # noqa: F401  (the Chromium fixture)

pytestmark = pytest.mark.browser


def two_forms(name, answer, fact):
    sentence = f"{answer} is {name}."
    return [make_item("multiple_choice", f"Who is {name}?", answer, choices=[answer, "Ann Lee", "Bo Chan", "Cy Diaz"],
                      source_sentence=sentence, fact=fact, score=0.9),
            make_item("fill_blank", f"_____ is {name}.", answer, source_sentence=sentence, fact=fact, score=0.7)]


TEAM = two_forms("the coach", "Ana Ruiz", "coach") + two_forms("the captain", "Bo Lind", "captain") + [
    make_item("short_answer", "Where do they play?", "Oslo", source_sentence="They play in Oslo.", score=0.6),
    make_item("short_answer", "In which city do they play?", "Oslo", source_sentence="They play in Oslo.", score=0.5)]
ANSWERS = {item["prompt"]: item["answer"] for item in TEAM}


@pytest.fixture(scope="module")
def server():
    """`quizapp setup`, the team article, then `quizapp serve`; yields (base URL, teacher password).
    Its folder is its own, not pytest's (other checkouts' pytest runs prune the shared basetemp)."""
    folder = Path(tempfile.mkdtemp(prefix="quizapp-facts-"))
    env = {**os.environ, "QUIZAPP_DATABASE": str(folder / "quizapp.db")}
    env.pop("QUIZAPP_SECRET_KEY", None)
    env.pop("QUIZAPP_CONFIG", None)
    setup = subprocess.run([str(QUIZAPP), "setup"], env=env, capture_output=True, text=True, timeout=120)
    assert setup.returncode == 0, setup.stderr
    password = re.search(r"password (\S+) \(kept in", setup.stdout).group(1)
    db = connect(env["QUIZAPP_DATABASE"])
    make_article(db, TEAM, title="Team news", source="team.txt", text="team")
    db.close()
    with serving(env) as url:
        yield url, password
    shutil.rmtree(folder, ignore_errors=True)


def study(page, size, *, miss=()):
    """Study `size` facts of the team article, answering right (the prompts in `miss` wrong the first time; each
    comes back at the session's end)."""
    select = page.get_by_label("Article")
    select.select_option(label=next(t for t in select.locator("option").all_inner_texts() if t.startswith("Team news (")))
    page.get_by_label("Items").fill(str(size))
    page.get_by_role("button", name="Study now").first.click()
    missed = set()
    for number in range(1, size + len(miss) + 1):
        expect(page.locator(".position")).to_contain_text(f"Question {number} of")
        prompt = page.locator("h1.prompt").inner_text()
        right = prompt not in miss or prompt in missed
        missed.add(prompt)
        response = ANSWERS[prompt] if right else "Ann Lee"
        if page.get_by_role("radio").count():
            page.get_by_role("radio", name=response, exact=True).check()
        else:
            page.get_by_label("Your answer").fill(response)
        page.get_by_role("button", name="Check answer").click()
        expect(page.locator("h2.verdict")).to_have_text("Correct" if right else "Incorrect")
        page.get_by_role("button", name="Good" if right else "Next").click()
    expect(page).to_have_title(re.compile("Session summary"))


def fact_row(page, sentence):
    return page.locator("tr.fact", has=page.locator("p.fact-sentence", has_text=sentence))


def test_the_teacher_reads_an_article_and_an_assignment_by_fact(server, browser, tmp_path):
    base, teacher_password = server
    pia = register(browser, base, "pia")
    study(pia, 3, miss={"Who is the coach?"})  # three facts, one question each; the coach missed, then right
    pia.close()
    olaf = register(browser, base, "olaf")  # in no class
    study(olaf, 1)  # the best fact only: the coach
    olaf.close()

    teacher = log_in(browser, base, "teacher", teacher_password)
    teacher.get_by_role("link", name="Articles").click()
    teacher.get_by_role("link", name="Team news").click()
    teacher.get_by_role("link", name="Results by fact").click()
    expect(teacher.locator("h1")).to_have_text("Results by fact")
    expect(teacher.locator("body")).to_contain_text("every student")
    expect(teacher.locator("tr.fact")).to_have_count(3)  # the Oslo pair, no fact of its own: one by its sentence
    coach = fact_row(teacher, "Ana Ruiz is the coach.")
    expect(coach.locator('td[data-label="Students studied"]')).to_have_text("2")
    expect(coach.locator('td[data-label="Graded right"]')).to_have_text("2 of 3 (67%)")
    expect(coach.locator('td[data-label="Forms asked"]')).to_have_text("Multiple choice")
    expect(coach.locator('td[data-label="Know it"]')).to_have_text("0")  # learning, not learned yet
    questions = coach.locator("ul.fact-items li")
    expect(questions.first).to_be_hidden()  # the fact's own questions, folded
    coach.get_by_text("2 questions").click()
    expect(questions).to_have_count(2)
    expect(questions.nth(0)).to_contain_text("Who is the coach?")
    expect(questions.nth(0).locator(".item-figures")).to_contain_text("2 of 3 right (67%), 2 students")
    expect(questions.nth(1)).to_contain_text("_____ is the coach.")
    expect(questions.nth(1).locator(".item-figures")).to_contain_text("0 of 0 right, 0 students")
    oslo = fact_row(teacher, "They play in Oslo.")
    expect(oslo.locator('td[data-label="Graded right"]')).to_have_text("1 of 1 (100%)")
    expect(oslo.locator('td[data-label="Forms asked"]')).to_have_text("Short answer")
    with teacher.expect_download() as download:
        teacher.get_by_role("link", name="Export results by fact (CSV)").click()
    path = tmp_path / "facts.csv"
    download.value.save_as(path)
    rows = {row["fact"]: row for row in csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")))}
    assert set(rows) == {"Ana Ruiz is the coach.", "Bo Lind is the captain.", "They play in Oslo."}
    assert (rows["Ana Ruiz is the coach."]["students_studied"], rows["Ana Ruiz is the coach."]["graded_answers"],
            rows["Ana Ruiz is the coach."]["graded_correct"]) == ("2", "3", "2")

    teacher.get_by_role("link", name="Classes").click()  # a class with pia, not olaf, and the article assigned
    teacher.get_by_label("Class name").fill("Team class")
    teacher.get_by_role("button", name="Create class").click()
    teacher.get_by_label("Usernames (one per line)").fill("pia")
    teacher.get_by_role("button", name="Add students").click()
    teacher.get_by_label("Article").select_option(label=next(
        t for t in teacher.get_by_label("Article").locator("option").all_inner_texts() if t.startswith("Team news")))
    teacher.get_by_role("button", name="Assign").click()
    expect(teacher.locator("tr", has_text="pia")).to_contain_text("3 of 3")  # every fact answered
    expect(teacher.locator("tr", has_text="pia")).to_contain_text("finished")
    teacher.get_by_role("link", name="Results by fact").click()
    expect(teacher.locator("body")).to_contain_text("Team class: its students only")
    coach = fact_row(teacher, "Ana Ruiz is the coach.")
    expect(coach.locator('td[data-label="Students studied"]')).to_have_text("1")  # pia only: olaf is in no class
    expect(coach.locator('td[data-label="Graded right"]')).to_have_text("1 of 2 (50%)")
    teacher.close()
