"""The results CSV (CONTRACTS.md section 3), from the CLI and from the teacher's link."""
import csv
import datetime as dt
import io
import re

import pytest

from quizapp.study import services as practice
from quizapp.spreadsheets import inert
from quizapp.teacher import class_results as results

from .helpers import make_article, make_item, make_user

NOW = dt.datetime(2026, 11, 25, 20, 1, 55, tzinfo=dt.timezone.utc)
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$")


@pytest.fixture
def answered(db):
    """One student answers two items: one right (then Easy), one wrong, with a formula as answer."""
    user = make_user(db, "=cmd")
    make_article(db, [make_item("short_answer", "Who leads?", "Jim Mattis", score=0.9),
                      make_item("fill_blank", "_____ leads the team.", "Mattis", score=0.8)], title="-Defense talks")
    session_id = practice.start_session(db, user, NOW)
    from quizapp import scheduling

    scheduler = scheduling.make_scheduler(fuzz=False)
    for response, rating, minutes in (("Jim Mattis", "Easy", 0), ("=HYPERLINK(\"http://x\")", "Again", 1)):
        now = NOW + dt.timedelta(minutes=minutes)
        shown = practice.show_current(db, scheduler, practice.get_session(db, user.id, session_id), now)
        practice.check_answer(db, session_id, shown["item"]["id"], response, now)
        practice.rate(db, session_id, shown["item"]["id"], rating, now)
    return user


def parse(text):
    return list(csv.reader(io.StringIO(text)))


def test_columns_rows_and_formats(db, answered):
    rows = parse("".join(results.results_csv(db)))
    assert rows[0][:10] == results.RESULT_COLUMNS
    assert len(rows) == 3
    first, second = rows[1], rows[2]
    assert first[0] == "'=cmd"  # inert username
    assert first[2] == "'-Defense talks"
    assert (first[3], first[4], first[5], first[6], first[7]) == ("short_answer", "Who leads?", "Jim Mattis", "1", "Easy")
    assert (second[6], second[7]) == ("0", "Again")
    assert second[5].startswith("'=HYPERLINK")
    assert first[8] == "2026-11-25T20:01:55+00:00"
    for row in rows[1:]:
        assert ISO.match(row[8]) and ISO.match(row[9])
        assert row[9] > row[8]
    assert rows[1][8] < rows[2][8]  # oldest first


@pytest.mark.parametrize("value, cell", [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@a", "'@a"),
                                         ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), (None, ""), (3, "3")])
def test_inert_cells(value, cell):
    assert inert(value) == cell


def test_cli_export_to_file_and_stdout(runner, db, answered, tmp_path):
    out = tmp_path / "results.csv"
    result = runner.invoke(["export-results", "--out", str(out)])
    assert result.exit_code == 0
    rows = parse(out.read_text(encoding="utf-8"))
    assert len(rows) == 3
    stdout = runner.invoke(["export-results"]).output
    assert parse(stdout)[1:] == rows[1:]


def test_teacher_downloads_the_csv(client, auth, db, answered):
    auth.login_as("teacher")
    html = client.get("/teacher/").get_data(as_text=True)
    assert ">Export results (CSV)</a>" in html
    response = client.get("/teacher/results.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = parse(response.get_data(as_text=True))
    assert [row[4] for row in rows[1:]] == ["Who leads?", "_____ leads the team."]


def test_empty_export_has_the_header(db):
    assert parse("".join(results.results_csv(db))) == [results.RESULT_COLUMNS + ["mode", "class", "overruled"]]


def test_mode_and_class_come_after_the_contract_columns(db, answered):
    from quizapp import classes, scheduling

    teacher = make_user(db, "mrs_lee", "teacher")
    class_id = classes.create_class(db, teacher.id, "Year 9")
    classes.add_member(db, class_id, answered.id)
    loner = make_user(db, "loner")
    scheduler = scheduling.make_scheduler(fuzz=False)
    later = NOW + dt.timedelta(minutes=5)
    session_id = practice.start_session(db, loner, later, mode="flashcards", size=1)
    shown = practice.show_current(db, scheduler, practice.get_session(db, loner.id, session_id), later)
    practice.rate(db, session_id, shown["item"]["id"], "Hard", later)
    rows = parse("".join(results.results_csv(db)))
    assert rows[0] == results.RESULT_COLUMNS + ["mode", "class", "overruled"]
    by_user = [(row[0], row[10], row[11]) for row in rows[1:]]
    assert by_user == [("'=cmd", "quiz", "Year 9"), ("'=cmd", "quiz", "Year 9"), ("loner", "flashcard", "")]
    assert rows[3][7] == "Hard" and rows[3][6] == "1"
