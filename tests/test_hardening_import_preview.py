"""Issue 12, case 6: an import that would change existing questions is previewed, old beside new, and applied only
on confirmation, exactly as previewed, whole or not at all; cancelling changes nothing."""
import csv
import io
import time

import pytest

from quizapp import cards, items
from quizapp.teacher import formats, imports

from .helpers import make_article, make_item, make_user
from .test_cards import OUTCOME


@pytest.fixture
def bank(db):
    make_article(db, [make_item("short_answer", "Who leads the team?", "Jim Mattis", source_sentence="Jim Mattis leads it."),
                      make_item("short_answer", "Where are the talks?", "Geneva", source_sentence="Talks are in Geneva.")],
                 title="News")
    return [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]


def bank_csv(db, edit=None, extra=()):
    """The bank as exported, with `edit(rows)` applied as a teacher would in a spreadsheet, and `extra` new rows."""
    rows = list(csv.DictReader(io.StringIO(formats.questions_csv(items.approved_items(db)))))
    if edit:
        edit(rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=formats.QUESTION_COLUMNS)
    writer.writeheader()
    writer.writerows(rows + [dict.fromkeys(formats.QUESTION_COLUMNS, "") | row for row in extra])
    return buffer.getvalue()


def post_import(client, text, fmt="csv", follow_redirects=False, **fields):
    return client.post("/teacher/import", data={"format": fmt, "upload": (io.BytesIO(text.encode()), f"q.{fmt}"), **fields},
                       content_type="multipart/form-data", follow_redirects=follow_redirects)


def confirm(client, location, seconds=60):
    """Press `Confirm import`, then follow the page (it refreshes while the rows are written) to where it lands."""
    assert client.post(location, data={"confirm": "Confirm import"}).status_code == 302
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        html = client.get(location, follow_redirects=True).get_data(as_text=True)
        if 'http-equiv="refresh"' not in html:
            return html
        time.sleep(0.05)
    raise AssertionError("the import was not written")


def snapshot(db):
    return db.execute("SELECT id, article_id, kind, prompt, answer, choices, accepted, source_sentence, status, updated_at "
                      "FROM items ORDER BY id").fetchall()


def retitle_first(rows):
    rows[0]["prompt"] = "Who is in charge of the team?"


NEW_ROW = {"article": "Unit 2", "kind": "short_answer", "prompt": "What is the capital of France?", "answer": "Paris"}


def test_a_csv_that_changes_a_question_is_previewed_not_applied(client, auth, db, bank):
    auth.login_as("teacher", "mrs_lee")
    before = snapshot(db)
    response = post_import(client, bank_csv(db, retitle_first, extra=[NEW_ROW]))
    assert response.status_code == 302 and "/teacher/import/" in response.headers["Location"]
    assert snapshot(db) == before  # nothing written yet
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Nothing has been changed yet." in html
    assert f"Question {bank[0]}" in html and "Who leads the team?" in html and "Who is in charge of the team?" in html
    assert f"Question {bank[1]}" not in html  # the unchanged one is only counted and named
    assert "What is the capital of France?" in html and "Unit 2 (new article)" in html
    assert "changes 1 existing question, adds 1 new one and leaves 1 as it is" in html
    assert 'value="Confirm import"' in html and 'value="Cancel import"' in html


def test_confirming_applies_exactly_the_preview(client, auth, db, bank):
    auth.login_as("teacher", "mrs_lee")
    location = post_import(client, bank_csv(db, retitle_first, extra=[NEW_ROW])).headers["Location"]
    assert "Imported 1 new and updated 1 existing questions. 1 already said the same" in confirm(client, location)
    first, second = items.get_item(db, bank[0]), items.get_item(db, bank[1])
    assert first["prompt"] == "Who is in charge of the team?" and first["source_sentence"] == "Jim Mattis leads it."
    assert second["prompt"] == "Where are the talks?"
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 3
    again = confirm(client, location)  # a double click, or the back button and a second click
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 3  # nothing written twice
    assert "Imported 1 new and updated 1 existing questions." in again


def test_cancelling_changes_nothing(client, auth, db, bank):
    auth.login_as("teacher", "mrs_lee")
    before = snapshot(db)
    location = post_import(client, bank_csv(db, retitle_first, extra=[NEW_ROW])).headers["Location"]
    response = client.post(location, data={"cancel": "Cancel import"}, follow_redirects=True)
    assert "Import cancelled: nothing was changed." in response.get_data(as_text=True)
    assert snapshot(db) == before
    assert client.get(location).status_code == 404
    assert client.post(location, data={"confirm": "Confirm import"}).status_code == 404  # a cancelled import stays cancelled
    assert snapshot(db) == before


def test_a_file_that_only_adds_is_applied_at_once(client, auth, db, bank):
    """Control: no existing question changes, so there is nothing to confirm."""
    auth.login_as("teacher", "mrs_lee")
    response = post_import(client, bank_csv(db, extra=[NEW_ROW]), follow_redirects=True)
    assert "Imported 1 new and updated 0 existing questions. 2 already said the same" in response.get_data(as_text=True)
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 3


def test_another_teacher_cannot_see_or_confirm_the_preview(client, auth, db, bank):
    auth.login_as("teacher", "mrs_lee")
    location = post_import(client, bank_csv(db, retitle_first)).headers["Location"]
    auth.logout()
    auth.login_as("teacher", "mr_park")
    assert client.get(location).status_code == 404
    assert client.post(location, data={"confirm": "Confirm import"}).status_code == 404
    assert items.get_item(db, bank[0])["prompt"] == "Who leads the team?"
    auth.logout()
    auth.login_as("student", "pupil")
    assert client.get(location).status_code == 403


def test_a_question_edited_after_the_preview_refuses_the_whole_import(client, auth, db, bank):
    auth.login_as("teacher", "mrs_lee")
    location = post_import(client, bank_csv(db, retitle_first, extra=[NEW_ROW])).headers["Location"]
    items.update_item(db, bank[1], {**items.get_item(db, bank[1]), "answer": "in Geneva"})  # someone edits meanwhile
    before = snapshot(db)
    html = confirm(client, location)
    assert f"question {bank[1]} was changed after the preview." in html and "Nothing was imported" in html
    assert snapshot(db) == before  # not the changed question, not the new one


def test_gift_title_from_another_bank_never_moves_progress(client, auth, db, bank):
    """A `::Q2::` that asks something else becomes a new question; the student's card stays on question 2 as it was."""
    student = make_user(db, "pupil")
    cards.save_card(db, student.id, bank[1], OUTCOME, rating="Good")
    auth.login_as("teacher", "mrs_lee")
    text = f"::Q{bank[1]}:: What is the capital of France? {{=Paris}}\n"
    response = post_import(client, text, "gift", follow_redirects=True)
    assert "Imported 1 new and updated 0 existing questions." in response.get_data(as_text=True)
    assert items.get_item(db, bank[1])["prompt"] == "Where are the talks?"
    assert [row[0] for row in db.execute("SELECT item_id FROM cards WHERE user_id = ?", [student.id])] == [bank[1]]


def test_update_by_id_is_previewed_too(client, auth, db, bank):
    auth.login_as("teacher", "mrs_lee")
    text = f"::Q{bank[1]}:: Where were the talks held? {{=Geneva}}\n"
    response = post_import(client, text, "gift", trust_titles="y")
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Where are the talks?" in html and "Where were the talks held?" in html
    assert "Source sentence" not in html  # a GIFT file has none: the stored one is kept, not blanked
    confirm(client, response.headers["Location"])
    changed = items.get_item(db, bank[1])
    assert (changed["prompt"], changed["source_sentence"]) == ("Where were the talks held?", "Talks are in Geneva.")


def test_a_gift_round_trip_keeps_what_gift_cannot_hold(db, bank):
    """Before, re-importing an exported GIFT file blanked every source sentence and answer type."""
    text = formats.questions_gift(items.approved_items(db))
    plan = imports.plan_import(db, formats.parse_gift(text))
    assert [entry["action"] for entry in plan] == ["same", "same"]
    assert items.get_item(db, bank[0])["source_sentence"] == "Jim Mattis leads it."


def test_two_rows_for_one_question_are_refused(db, bank):
    text = f"id,article,kind,prompt,answer\n{bank[0]},News,short_answer,One?,A\n{bank[0]},News,short_answer,Two?,B\n"
    with pytest.raises(formats.RefusedImport) as refused:
        imports.plan_import(db, formats.parse_questions_csv(text))
    assert refused.value.errors == [f"Row 3, id: question {bank[0]} is already updated by row 2."]


def test_an_interrupted_confirmation_carries_on_without_writing_twice(db, bank, monkeypatch):
    """The plan's progress moves inside each batch's transaction: a crash mid-way, then a second confirmation,
    leaves every question written once."""
    teacher = make_user(db, "mrs_lee", "teacher")
    new_rows = [dict(NEW_ROW, prompt=f"New question {i}?") for i in range(7)]
    parsed = formats.parse_questions_csv(bank_csv(db, retitle_first, extra=new_rows))
    outcome = imports.start_import(db, teacher.id, parsed)
    assert outcome.token and db.execute("SELECT count(*) FROM items").fetchone()[0] == 2
    monkeypatch.setattr(imports, "BATCH_SIZE", 3)
    real, calls = items.create_items, []

    def crash_in_the_third_batch(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("the server stopped")
        return real(*args, **kwargs)

    monkeypatch.setattr(items, "create_items", crash_in_the_third_batch)
    with pytest.raises(RuntimeError):
        imports.confirm_import(db, teacher.id, outcome.token)
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 2 + 4  # two batches of three written, the third rolled back
    monkeypatch.setattr(items, "create_items", real)
    done = imports.confirm_import(db, teacher.id, outcome.token)
    assert (done.created, done.updated, done.unchanged) == (7, 1, 1)
    prompts = [row[0] for row in db.execute("SELECT prompt FROM items ORDER BY id")]
    assert sorted(prompts[2:]) == sorted(f"New question {i}?" for i in range(7))  # each once
    assert items.get_item(db, bank[0])["prompt"] == "Who is in charge of the team?"


def test_one_writer_at_a_time_and_another_once_it_is_silent(db, bank):
    """Two confirmations at once start one writer; after a crash (no batch for `SILENT`) a new one may carry on."""
    from quizapp import pending_imports
    from quizapp.clock import to_iso, utcnow

    teacher = make_user(db, "mrs_lee", "teacher")
    token = imports.start_import(db, teacher.id, formats.parse_questions_csv(bank_csv(db, retitle_first))).token
    held = imports.pending(db, teacher.id, token)
    assert pending_imports.claim(db, held["id"]) is True
    assert pending_imports.claim(db, held["id"]) is False  # a second click while it writes
    assert imports.cancel_import(db, teacher.id, token) is False  # nor can it be dropped half-way
    silent = to_iso(utcnow() - pending_imports.SILENT * 2)
    db.execute("UPDATE pending_imports SET worked_at = ? WHERE id = ?", [silent, held["id"]])
    db.conn.commit()
    assert pending_imports.claim(db, held["id"]) is True


def test_a_long_file_that_only_adds_is_written_on_its_own_thread(client, auth, db, bank, monkeypatch):
    """More than one batch: the request returns at once to a page that shows the progress, then the outcome."""
    monkeypatch.setattr(imports, "BATCH_SIZE", 3)
    auth.login_as("teacher", "mrs_lee")
    rows = [dict(NEW_ROW, prompt=f"New question {i}?") for i in range(7)]
    response = post_import(client, bank_csv(db, extra=rows))
    location = response.headers["Location"]
    assert response.status_code == 302 and "/teacher/import/" in location
    deadline = time.monotonic() + 60
    while 'http-equiv="refresh"' in (html := client.get(location, follow_redirects=True).get_data(as_text=True)):
        assert "rows written" in html
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert "Imported 7 new and updated 0 existing questions. 2 already said the same" in html
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 9


def follow(client, location, seconds=60):
    """The page of an import being read or written, once it stops refreshing itself."""
    deadline = time.monotonic() + seconds
    while 'http-equiv="refresh"' in (html := client.get(location, follow_redirects=True).get_data(as_text=True)):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    return html


def test_a_long_file_is_read_on_its_own_thread_and_refused_with_every_error(client, auth, db, bank, monkeypatch):
    monkeypatch.setattr(imports, "BACKGROUND_BYTES", 10)
    auth.login_as("teacher", "mrs_lee")
    before = snapshot(db)
    bad = "article,kind,prompt,answer\nA,essay,Q,x\nA,true_false,Q,Maybe\n"
    response = post_import(client, bad)
    assert response.status_code == 302 and "/teacher/import/" in response.headers["Location"]
    html = follow(client, response.headers["Location"])
    assert "Nothing was imported." in html and "Row 2, kind" in html and "Row 3, answer" in html
    assert snapshot(db) == before


def test_a_long_file_that_changes_questions_is_read_then_previewed(client, auth, db, bank, monkeypatch):
    monkeypatch.setattr(imports, "BACKGROUND_BYTES", 10)
    auth.login_as("teacher", "mrs_lee")
    location = post_import(client, bank_csv(db, retitle_first, extra=[NEW_ROW])).headers["Location"]
    html = follow(client, location)
    assert "Nothing has been changed yet." in html and "Who is in charge of the team?" in html
    assert items.get_item(db, bank[0])["prompt"] == "Who leads the team?"
    assert "Imported 1 new and updated 1 existing questions." in confirm(client, location)
    assert items.get_item(db, bank[0])["prompt"] == "Who is in charge of the team?"


def test_an_import_whose_writer_went_silent_can_be_confirmed_again(client, auth, db, bank):
    """The server stopped mid-way (no batch for `SILENT`): the page offers the rest instead of refreshing for ever."""
    from quizapp.clock import to_iso, utcnow

    teacher = auth.login_as("teacher", "mrs_lee")
    location = post_import(client, bank_csv(db, retitle_first, extra=[NEW_ROW])).headers["Location"]
    token = location.rsplit("/", 1)[1]
    held = imports.pending(db, teacher.id, token)
    db.execute("UPDATE pending_imports SET applied = 1, worked_at = ? WHERE id = ?",
               [to_iso(utcnow() - imports.pending_imports.SILENT * 2), held["id"]])
    db.conn.commit()
    items.update_item(db, bank[0], held["plan"][0]["new"], status="approved")  # what the first batch wrote
    html = client.get(location).get_data(as_text=True)
    assert 'http-equiv="refresh"' not in html and "The import stopped before it was finished" in html
    assert "Imported 1 new and updated 1 existing questions." in confirm(client, location)
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 3
