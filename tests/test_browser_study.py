"""Issue 11's study flows in a real browser (Playwright, Debian's Chromium) against a real `quizapp serve`:
relearning in the session, custom study past the daily new limit, and the form growing over simulated days
(the server reads its clock from the file `SIMULATED_CLOCK_FILE` names)."""
import datetime as dt
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
from .test_browser import QUIZAPP, browser, register, serving  # noqa: F401  (the Chromium fixture)

pytestmark = pytest.mark.browser
START = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)
NEW_PER_DAY = 3

RELEARN = {f"Who runs lab {n}?": f"Person{n}" for n in range(3)}
CUSTOM = {f"Which town is number {n}?": f"Town{n}" for n in range(8)}
RISING = [
    make_item("multiple_choice", "Who coaches the Lima team?", "Ana Ruiz", choices=["Ana Ruiz", "Bo Chan", "Cy Diaz"],
              source_sentence="Ana Ruiz coaches the Lima team.", fact="coach", score=0.9),
    make_item("true_false", "Ana Ruiz coaches the Lima team.", "True", choices=["True", "False"],
              source_sentence="Ana Ruiz coaches the Lima team.", fact="coach", score=0.8),
    make_item("fill_blank", "_____ coaches the Lima team.", "Ana Ruiz", source_sentence="Ana Ruiz coaches the Lima team.",
              fact="coach", score=0.7),
    make_item("short_answer", "Who coaches the Lima team?", "Ana Ruiz", source_sentence="Ana Ruiz coaches the Lima team.",
              fact="coach", score=0.6),
]


def short_items(questions, sentence):
    return [make_item("short_answer", prompt, answer, source_sentence=sentence.format(answer), score=0.9 - n / 100)
            for n, (prompt, answer) in enumerate(questions.items())]


@pytest.fixture(scope="module")
def server():
    """`quizapp setup`, three hand-made articles, then `quizapp serve` on a clock the test moves.

    Its folder is its own, not pytest's: pytest runs of other checkouts prune the shared basetemp, and a
    clock file gone would put the server back on the real clock."""
    folder = Path(tempfile.mkdtemp(prefix="quizapp-study-"))
    clock = folder / "clock.txt"
    clock.write_text(START.isoformat(), encoding="utf-8")
    config = folder / "config.py"
    config.write_text(f"SIMULATED_CLOCK_FILE = {str(clock)!r}\nNEW_PER_DAY = {NEW_PER_DAY}\nFSRS_FUZZ = False\n",
                      encoding="utf-8")
    env = {**os.environ, "QUIZAPP_DATABASE": str(folder / "quizapp.db"), "QUIZAPP_CONFIG": str(config)}
    env.pop("QUIZAPP_SECRET_KEY", None)
    setup = subprocess.run([str(QUIZAPP), "setup"], env=env, capture_output=True, text=True, timeout=120)
    assert setup.returncode == 0, setup.stderr
    db = connect(env["QUIZAPP_DATABASE"])
    make_article(db, short_items(RELEARN, "{} runs a lab."), title="Relearn news", source="relearn.txt", text="relearn")
    make_article(db, short_items(CUSTOM, "{} is a town."), title="Custom news", source="custom.txt", text="custom")
    make_article(db, RISING, title="Rising news", source="rising.txt", text="rising")
    db.close()
    with serving(env) as url:
        yield url, clock, folder
    shutil.rmtree(folder, ignore_errors=True)


def start(page, article, size):
    select = page.get_by_label("Article")
    label = next(text for text in select.locator("option").all_inner_texts() if text.startswith(f"{article} ("))
    select.select_option(label=label)
    page.get_by_label("Items").fill(str(size))
    page.get_by_role("button", name="Study now").first.click()


def answer(page, text):
    """Answer the question shown with `text` (a choice's label or a typed answer); returns the verdict."""
    radios = page.get_by_role("radio")
    if radios.count():
        page.get_by_role("radio", name=text, exact=True).check()
    else:
        page.get_by_label("Your answer").fill(text)
    page.get_by_role("button", name="Check answer").click()
    return page.locator("h2.verdict").inner_text()


def test_a_missed_question_comes_back_in_the_session_and_the_summary_counts_its_tries(server, browser):
    base, _, _ = server
    page = register(browser, base, "rhea")
    start(page, "Relearn news", 3)
    expect(page.locator(".position")).to_contain_text("Question 1 of 3")
    missed = page.locator("h1.prompt").inner_text()
    page.get_by_role("button", name="I don't know").click()
    expect(page.locator("h2.verdict")).to_have_text("Incorrect")
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".position")).to_contain_text("Question 2 of 4")  # the missed one is in the queue again
    for number in (2, 3):
        expect(page.locator(".position")).to_contain_text(f"Question {number} of 4")
        prompt = page.locator("h1.prompt").inner_text()
        assert prompt != missed
        assert answer(page, RELEARN[prompt]) == "Correct"
        page.get_by_role("button", name="Good").click()
    expect(page.locator(".position")).to_contain_text("Question 4 of 4")
    expect(page.locator("h1.prompt")).to_have_text(missed)  # back in the same session
    assert answer(page, "wrong again") == "Incorrect"
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".position")).to_contain_text("Question 5 of 5")  # none left: at once
    expect(page.locator("h1.prompt")).to_have_text(missed)
    assert answer(page, RELEARN[missed]) == "Correct"
    page.get_by_role("button", name="Good").click()
    expect(page).to_have_title(re.compile("Session summary"))
    expect(page.locator(".score")).to_contain_text("You got 2 of 3 right")
    expect(page.locator(".score")).to_contain_text("5 tries in all")
    expect(page.locator("tr", has_text=missed).locator("td.tries")).to_have_text("3")
    for prompt in RELEARN:
        if prompt != missed:
            expect(page.locator("tr", has_text=prompt).locator("td.tries")).to_have_text("1")
    page.close()


def test_an_article_is_studied_past_the_daily_new_limit(server, browser):
    base, _, _ = server
    page = register(browser, base, "sami")
    page.get_by_label("Items").fill(str(NEW_PER_DAY))
    page.get_by_role("button", name="Flashcards").click()
    for number in range(1, NEW_PER_DAY + 1):
        expect(page).to_have_title(re.compile(f"Card {number}"))
        page.get_by_role("button", name="Show answer").click()
        page.get_by_role("button", name="Good").click()
    expect(page).to_have_title(re.compile("Session summary"))
    page.get_by_role("link", name="Study more").click()
    expect(page.locator(".stats")).to_contain_text("0 new items left today")
    page.get_by_role("button", name="Study now").first.click()  # all articles: the daily limit holds
    expect(page.locator(".flash")).to_contain_text(f"as you have met {NEW_PER_DAY} new questions today")
    start(page, "Custom news", 5)  # one article: past the limit
    expect(page.locator(".position")).to_contain_text("Question 1 of 5")
    expect(page.locator(".flash")).to_have_count(0)  # as long as asked: nothing to explain
    page.goto(base)
    start(page, "Custom news", 20)
    expect(page.locator(".position")).to_contain_text("Question 1 of 8")
    expect(page.locator(".flash")).to_have_text(
        "Only 8 questions of this article are left to study today; the article has no more.")
    page.close()


def test_the_form_grows_with_what_the_student_knows_over_simulated_days(server, browser):
    """One fact in four forms, studied on days 0, 1, 4, 14 and 45, every answer right. The test never opens the
    database while the server runs (a second process's connection closing can take the server's WAL with it)."""
    base, clock, _ = server
    page = register(browser, base, "tomas")
    kinds = []
    for days in (0, 1, 4, 14, 45):
        clock.write_text((START + dt.timedelta(days=days)).isoformat(), encoding="utf-8")
        page.goto(base)
        start(page, "Rising news", 1)
        expect(page.locator(".position")).to_contain_text("Question 1 of 1")  # one fact: one question a session
        kinds.append(page.locator("p.kind").text_content().strip())
        assert answer(page, "True" if kinds[-1] == "True / false" else "Ana Ruiz") == "Correct"
        page.get_by_role("button", name="Good").click()
        expect(page).to_have_title(re.compile("Session summary"))
    clock.write_text(START.isoformat(), encoding="utf-8")
    # new and learning: recognition in both its forms; learned: the blank; stable (21 days and more): recall
    assert kinds == ["Multiple choice", "True / false", "Fill in the blank", "Fill in the blank", "Short answer"]
    page.close()
