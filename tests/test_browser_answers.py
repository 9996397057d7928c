"""Answering in a real browser (Chromium): multiple-choice keys and feedback, "I was right", messages and empty answers."""
import os
import re
import subprocess

import pytest
from playwright.sync_api import expect

from quizapp import articles
from quizapp.db import connect

from .helpers import make_item
from .test_browser import QUIZAPP, browser, log_in, register, serving  # noqa: F401  (the Chromium fixture)

pytestmark = pytest.mark.browser
CHOICES = ["India", "China", "Peru", "Chile"]
ARTICLES = {
    "Keys": [make_item("multiple_choice", "Which country buys oil from Iran?", "India", choices=CHOICES,
                       source_sentence="India buys oil from Iran.")],
    "Overrule": [make_item("short_answer", "Who leads the Pentagon?", "Jim Mattis",
                           source_sentence="The Pentagon is led by Jim Mattis.")],
    "Messages": [make_item("short_answer", f"Who is person {n}?", f"Person{n}", source_sentence=f"This is Person{n}.")
                 for n in range(2)],
    "No script": [make_item("short_answer", "Who is quiet?", "Nobody", source_sentence="Nobody is quiet.")],
    "Keys, no script": [make_item("multiple_choice", "Which country buys oil from Iran?", "India", choices=CHOICES,
                                  source_sentence="India buys oil from Iran.")],
}
DRAFTS = [make_item(prompt=f"Who is draft person {n}?", answer=f"Drafter{n}", source_sentence=f"This is Drafter{n}.")
          for n in range(30)]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`quizapp setup`, our own articles stored (before the server opens the database), then `quizapp serve`."""
    folder = tmp_path_factory.mktemp("served_answers")
    env = {**os.environ, "QUIZAPP_DATABASE": str(folder / "quizapp.db")}
    env.pop("QUIZAPP_SECRET_KEY", None)
    setup = subprocess.run([str(QUIZAPP), "setup"], env=env, capture_output=True, text=True, timeout=120)
    assert setup.returncode == 0, setup.stderr
    password = re.search(r"password (\S+) \(kept in", setup.stdout).group(1)
    db = connect(env["QUIZAPP_DATABASE"])
    try:
        for title, items in ARTICLES.items():
            articles.store_article(db, title=title, source=f"{title}.txt", text=title, items=items, status="approved")
        articles.store_article(db, title="Drafts", source="drafts.txt", text="Drafts", items=DRAFTS, status="draft")
    finally:
        db.close()
    with serving(env) as url:
        yield url, password


def study(page, title, items):
    page.get_by_label("Article").select_option(label=f"{title} ({items} items)")
    page.get_by_label("Items").fill(str(items))
    page.get_by_role("button", name="Study now").click()
    page.wait_for_load_state("domcontentloaded")  # app.js (deferred) listens for the keys from here on


def option_names(page):
    return [name.strip() for name in page.locator("label.choice").all_inner_texts()]


def test_multiple_choice_keys_pick_and_the_feedback_lists_every_option(server, browser):  # noqa: F811
    base, _ = server
    page = register(browser, base, "kenji")
    study(page, "Keys", 1)
    shown = [re.sub(r"^\d\s*", "", name) for name in option_names(page)]  # the key's number, then the choice
    assert sorted(shown) == sorted(CHOICES)
    expect(page.get_by_text("Keys 1-4 pick an option")).to_be_visible()
    expect(page.locator("label.choice kbd.key").first).to_be_visible()  # the badges go with the keys that work
    page.reload()
    page.wait_for_load_state("domcontentloaded")
    assert [re.sub(r"^\d\s*", "", name) for name in option_names(page)] == shown  # the same order on reload

    page.get_by_role("button", name="Check answer").click()  # nothing picked: said next to the options
    expect(page.locator("#answer-error")).to_have_text("Pick an answer before checking it.")
    expect(page.locator("h2.verdict")).to_have_count(0)

    wrong = next(number for number, name in enumerate(shown, 1) if name != "India")
    page.keyboard.press(str(wrong))
    expect(page.get_by_role("radio", name=shown[wrong - 1], exact=True)).to_be_checked()
    expect(page.locator("#answer-error")).to_be_hidden()
    right = shown.index("India") + 1
    page.keyboard.press(str(right))  # a second key changes the pick
    expect(page.get_by_role("radio", name="India", exact=True)).to_be_checked()
    page.keyboard.press(str(wrong))
    page.keyboard.press("Enter")  # checks the picked option
    expect(page.locator("h2.verdict")).to_have_text("Incorrect")
    listed = page.locator("ul.options-feedback li")
    expect(listed).to_have_count(4)
    assert [re.sub(r"\s+(right answer|your pick)$", "", text.strip()).lstrip("✓✗ ").strip()
            for text in listed.all_inner_texts()] == shown
    expect(page.locator("ul.options-feedback li.key")).to_contain_text("India")
    expect(page.locator("ul.options-feedback li.key")).to_contain_text("right answer")
    expect(page.locator("ul.options-feedback li.picked")).to_contain_text(shown[wrong - 1])
    expect(page.locator("ul.options-feedback li.picked")).to_contain_text("your pick")
    page.close()


def test_i_was_right_regrades_a_typed_answer(server, browser):  # noqa: F811
    base, teacher_password = server
    page = register(browser, base, "ines")
    study(page, "Overrule", 1)
    page.evaluate("window.stillThisPage = true")
    page.get_by_role("button", name="Check answer").click()  # empty: said next to the field, nothing graded
    expect(page.locator("#answer-error")).to_have_text("Type an answer before checking it.")
    page.get_by_label("Your answer").fill("Mad Dog")
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator("h2.verdict")).to_have_text("Incorrect")
    page.get_by_role("button", name="I was right").click()
    expect(page.locator("h2.verdict")).to_have_text("Correct")
    expect(page.get_by_text("You said you were right")).to_be_visible()
    expect(page.get_by_role("button", name="I was right")).to_have_count(0)  # once only
    assert page.evaluate("window.stillThisPage === true")  # in place, no page load
    page.get_by_role("button", name=re.compile("^Good")).click()
    expect(page).to_have_title(re.compile("Session summary"))
    expect(page.locator(".score")).to_contain_text("You got 1 of 1 right")
    page.close()

    page = log_in(browser, base, "teacher", teacher_password)
    page.get_by_role("link", name="Teacher").click()
    page.get_by_role("link", name="Results").first.click()
    row = page.locator("tr", has_text="Who leads the Pentagon?")
    expect(row.locator("td").nth(6)).to_have_text("1")  # the "I was right" column
    page.close()


def test_a_message_goes_when_the_next_question_comes(server, browser):  # noqa: F811
    base, _ = server
    page = register(browser, base, "tomas")
    study(page, "Messages", 2)
    page.get_by_role("button", name="I don't know").click()
    page.locator("details.report summary").click()
    page.get_by_label("What is wrong with this question?").fill("Two answers fit")
    page.get_by_role("button", name="Report problem").click()
    expect(page.locator(".flash")).to_contain_text("Thank you")
    page.evaluate("window.stillThisPage = true")
    page.get_by_role("button", name="Next").click()
    expect(page.locator(".position")).to_contain_text("Question 2 of 3")  # the missed one comes back later
    expect(page.locator(".flash")).to_have_count(0)
    assert page.evaluate("window.stillThisPage === true")  # the card came in place: app.js took the message away
    page.close()


def test_an_empty_answer_without_javascript_is_said_next_to_the_field(server, browser):  # noqa: F811
    base, _ = server
    context = browser.new_context(java_script_enabled=False)
    page = register(context, base, "noscript")
    study(page, "No script", 1)
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator("#answer-error")).to_have_text("Pick or type an answer before checking it.")
    expect(page.locator("h2.verdict")).to_have_count(0)
    page.get_by_label("Your answer").fill("Nobody")
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator("h2.verdict")).to_have_text("Correct")
    context.close()


def test_without_javascript_no_key_badges_are_shown(server, browser):  # noqa: F811
    base, _ = server
    context = browser.new_context(java_script_enabled=False)
    page = register(context, base, "nokeys")
    study(page, "Keys, no script", 1)
    expect(page.locator("label.choice")).to_have_count(4)
    expect(page.locator("label.choice kbd.key").first).to_be_hidden()  # 1-4 pick nothing without the script
    expect(page.get_by_text("Keys 1-4 pick an option")).to_be_hidden()
    page.get_by_role("radio", name="India", exact=True).check()
    page.get_by_role("button", name="Check answer").click()
    expect(page.locator("h2.verdict")).to_have_text("Correct")
    context.close()


def test_the_confirmation_of_an_approval_is_on_screen_where_the_list_was(server, browser):  # noqa: F811
    base, teacher_password = server
    page = log_in(browser, base, "teacher", teacher_password)
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(f"{base}/teacher/review")
    row = page.locator("li.item", has_text="Who is draft person 25?")
    row.scroll_into_view_if_needed()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator(".flash")).to_contain_text("is now approved")
    expect(page.locator(".flash")).to_be_in_viewport()  # the page lands on the next draft: the message stays in sight
    assert page.evaluate("window.scrollY") > 500  # positive control: the teacher kept their place far down the list
    page.close()


def test_the_students_assignments_are_cards_without_bullets(server, browser):  # noqa: F811
    base, _ = server
    page = register(browser, base, "bullets")
    expect(page).to_have_title(re.compile("^Study"))  # on the dashboard, its stylesheet loaded
    page.wait_for_load_state("load")
    styles = page.evaluate("""() => {
        const probe = document.createElement('ul'); probe.className = 'assignment-list'; document.body.append(probe);
        const date = document.createElement('input'); date.type = 'date'; document.body.append(date);
        const text = document.createElement('input'); text.type = 'text'; document.body.append(text);
        return [getComputedStyle(probe).listStyleType, getComputedStyle(date).borderTopColor,
                getComputedStyle(text).borderTopColor, getComputedStyle(date).paddingTop, getComputedStyle(text).paddingTop];
    }""")
    assert styles[0] == "none"
    assert styles[1] == styles[2] and styles[3] == styles[4]  # a date field looks like the other fields
    page.close()
