"""Questions in and out: CSV round trips by id, GIFT round trips, Anki packages, refused imports."""
import csv
import io
import sqlite3
import zipfile

import pytest

from quizapp import items
from quizapp.teacher import formats as exchange
from quizapp.teacher import question_bank

from .helpers import make_article, make_item

ITEMS = [
    make_item("short_answer", "Who leads the team?", "Jim Mattis", accepted=["Mattis"], score=0.9),
    make_item("multiple_choice", "Which country buys oil from Iran?", "India", choices=["China", "India", "Peru", "Chile"],
              source_sentence="India buys oil from Iran.", score=0.8),
    make_item("true_false", "India buys oil from Iran.", "False", choices=["True", "False"], score=0.7),
    make_item("fill_blank", "The deal is worth _____, officials said.", "$6 billion", accepted=["6 billion dollars"],
              source_sentence="The deal is worth $6 billion, officials said.", score=0.6),
    make_item("short_answer", "=HYPERLINK(\"http://x\") what is {this}: a ~test #1?", "A \"quoted\"\nanswer", score=0.5),
]


@pytest.fixture
def stored(db):
    make_article(db, ITEMS, title="Talks: {day 1}")
    return items.approved_items(db)


def comparable(items):
    keys = ("kind", "prompt", "answer", "choices", "accepted", "article_title")
    return sorted([{k: item[k] for k in keys} for item in items], key=lambda i: i["prompt"])


def test_csv_round_trip_updates_the_same_items(db, stored):
    text = exchange.questions_csv(stored)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == [str(i["id"]) for i in sorted(stored, key=lambda i: i["id"])]
    assert rows[4]["prompt"].startswith("'=HYPERLINK")  # inert in a spreadsheet
    rows[0]["prompt"] = "Who is the team's leader?"  # edited in a spreadsheet
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=exchange.QUESTION_COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    created, updated = question_bank.apply_import(db, exchange.parse_questions_csv(buffer.getvalue()))
    assert (created, updated) == (0, 1)  # the four rows that say the same are not rewritten
    after = items.approved_items(db)
    assert {i["id"] for i in after} == {i["id"] for i in stored}
    assert next(i for i in after if i["id"] == int(rows[0]["id"]))["prompt"] == "Who is the team's leader?"
    assert exchange.questions_csv(after) == text.replace("Who leads the team?", "Who is the team's leader?")


def test_csv_without_ids_adds_questions_under_their_article(db, stored):
    text = "article,kind,prompt,answer,choices\nNew unit,true_false,The sky is green.,False,\nNew unit,multiple_choice,Pick,B,A | B | C\n"
    created, updated = question_bank.apply_import(db, exchange.parse_questions_csv(text))
    assert (created, updated) == (2, 0)
    assert db.execute("SELECT count(*) FROM items JOIN articles ON articles.id = items.article_id WHERE title = 'New unit'").fetchone()[0] == 2


@pytest.mark.parametrize(
    "text, messages",
    [
        ("article,kind,prompt\nA,short_answer,Q\n", ["Missing column: answer."]),
        ("article,kind,prompt,answer\nA,essay,Q,x\nA,short_answer,,x\n",
         ["Row 2, kind: Kind must be one of", "Row 3, prompt: Write the question."]),
        ("article,kind,prompt,answer,choices\nA,multiple_choice,Q,Zed,A | B | C\n",
         ["Row 2, answer: The right answer must be exactly one of the options."]),
        ("article,kind,prompt,answer\nA,true_false,Q,Yes\n", ["Row 2, answer: A true/false answer is True or False."]),
        ("id,article,kind,prompt,answer\n99999,A,short_answer,Q,x\n", ["Row 2, id: there is no question 99999 to update."]),
        ("id,article,kind,prompt,answer\nabc,A,short_answer,Q,x\n", ["Row 2, id: must be a number"]),
        ("article,kind,prompt,answer\n,fill_blank,No blank here,x\n", ["Row 2, prompt: A fill-in-the-blank", "Row 2, article:"]),
        ("article,kind,prompt,answer\n", ["The file holds no questions."]),
    ],
)
def test_bad_csv_names_every_bad_row_and_imports_nothing(db, stored, text, messages):
    before = db.execute("SELECT count(*), group_concat(prompt) FROM items").fetchone()
    with pytest.raises(exchange.RefusedImport) as refused:
        question_bank.apply_import(db, exchange.parse_questions_csv(text))
    for message in messages:
        assert any(error.startswith(message) for error in refused.value.errors), refused.value.errors
    assert db.execute("SELECT count(*), group_concat(prompt) FROM items").fetchone() == before


def test_one_bad_row_stops_the_good_ones(db, stored):
    text = "article,kind,prompt,answer\nA,short_answer,Good question?,Yes\nA,true_false,Bad,Maybe\n"
    with pytest.raises(exchange.RefusedImport):
        question_bank.apply_import(db, exchange.parse_questions_csv(text))
    assert not db.execute("SELECT 1 FROM items WHERE prompt = 'Good question?'").fetchone()


def test_quotes_and_line_breaks_inside_cells(db):
    text = 'article,kind,prompt,answer\n"Unit, one",short_answer,"Who said ""yes""\nat last?","Ana"\n'
    question_bank.apply_import(db, exchange.parse_questions_csv(text))
    assert db.execute("SELECT prompt FROM items").fetchone()[0] == 'Who said "yes"\nat last?'


@pytest.mark.parametrize(
    "data, message", [("Caf\u00e9".encode("latin-1"), "not UTF-8"), (b"\x00\x01binary", "not text")]
)
def test_undecodable_files(data, message):
    with pytest.raises(exchange.RefusedImport, match=message):
        exchange.decode(data)


def test_gift_round_trip(db, stored):
    text = exchange.questions_gift(stored)
    assert "$CATEGORY: quizapp/Talks\\: \\{day 1\\}" in text
    assert "Which country buys oil from Iran? {~China =India ~Peru ~Chile}" in text
    assert "{FALSE}" in text
    parsed = exchange.parse_gift(text)
    assert [e.item_id for e in parsed] == [i["id"] for i in sorted(stored, key=lambda i: i["id"])]
    created, updated = question_bank.apply_import(db, parsed)
    assert (created, updated) == (0, 0)  # nothing changed, nothing written
    again = items.approved_items(db)
    assert comparable(again) == comparable(stored)
    assert exchange.questions_gift(again) == text


def test_gift_from_moodle_style_text(db):
    text = """// a comment
$CATEGORY: Geography

::Capital:: What is the capital of France? {=Paris =paris}

Mount Everest is in {=Nepal} on the border with China.

The Pacific is the largest ocean. {T}

Which is a primary colour? {~Green =Red ~Purple ~Orange}
"""
    parsed = exchange.parse_gift(text)
    assert [(e.item["kind"], e.article) for e in parsed] == [
        ("short_answer", "Geography"), ("fill_blank", "Geography"), ("true_false", "Geography"), ("multiple_choice", "Geography")]
    assert parsed[1].item["prompt"] == "Mount Everest is in _____ on the border with China."
    assert parsed[0].item["accepted"] == ["paris"]
    assert question_bank.apply_import(db, parsed) == (4, 0)


@pytest.mark.parametrize(
    "text, message",
    [
        ("What is missing?\n", "Question at line 1: no answer part"),
        ("Pick one {~A ~B ~C}\n", "Question at line 1: no right answer"),
        ("First {=a}\n\nSecond {T}\n\nBad {x}\n", "Question at line 5: answers must start"),
    ],
)
def test_bad_gift_is_refused(text, message):
    with pytest.raises(exchange.RefusedImport) as refused:
        exchange.parse_gift(text)
    assert any(e.startswith(message) for e in refused.value.errors), refused.value.errors


def test_anki_package_is_a_valid_deck_with_stable_ids(db, stored, tmp_path):
    data = exchange.questions_apkg(stored)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert "collection.anki2" in archive.namelist()
    path = tmp_path / "collection.anki2"
    path.write_bytes(archive.read("collection.anki2"))
    collection = sqlite3.connect(path)
    notes = collection.execute("SELECT guid, flds FROM notes ORDER BY id").fetchall()
    assert len(notes) == 5
    assert any("Who leads the team?" in fields for _, fields in notes)
    assert any("&lt;" not in fields and "{this}" in fields for _, fields in notes)
    again = zipfile.ZipFile(io.BytesIO(exchange.questions_apkg(stored)))
    (tmp_path / "again.anki2").write_bytes(again.read("collection.anki2"))
    guids = [row[0] for row in sqlite3.connect(tmp_path / "again.anki2").execute("SELECT guid FROM notes ORDER BY id")]
    assert guids == [guid for guid, _ in notes]
    decks = collection.execute("SELECT decks FROM col").fetchone()[0]
    assert str(exchange.ANKI_DECK_ID) in decks


def test_import_page_shows_every_error(client, auth, db, stored):
    auth.login_as("teacher")
    bad = "article,kind,prompt,answer\nA,essay,Q,x\nA,true_false,Q,Maybe\n"
    response = client.post("/teacher/import", data={"format": "csv", "upload": (io.BytesIO(bad.encode()), "q.csv")},
                           content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert "Nothing was imported." in html and "Row 2, kind" in html and "Row 3, answer" in html
    good = "article,kind,prompt,answer\nA,short_answer,New one?,Yes\n"
    response = client.post("/teacher/import", data={"format": "csv", "upload": (io.BytesIO(good.encode()), "q.csv")},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "Imported 1 new and updated 0 existing questions." in response.get_data(as_text=True)
    html = client.post("/teacher/import", data={"format": "csv"}, content_type="multipart/form-data").get_data(as_text=True)
    assert "Choose a file to import." in html


def test_exports_download(client, auth, stored):
    auth.login_as("teacher")
    for url, kind in (("/teacher/questions.csv", "text/csv"), ("/teacher/questions.gift.txt", "text/plain"),
                      ("/teacher/questions.apkg", "application/octet-stream"), ("/teacher/summary.csv", "text/csv")):
        response = client.get(url)
        assert response.status_code == 200 and response.mimetype == kind
        assert "attachment" in response.headers["Content-Disposition"]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

cells = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
rows = st.lists(st.fixed_dictionaries({
    "article": cells, "kind": st.sampled_from(["short_answer", "true_false", "fill_blank", "multiple_choice", "essay", ""]),
    "prompt": cells, "answer": st.one_of(cells, st.sampled_from(["True", "False"])), "choices": cells, "accepted": cells,
}), max_size=6)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows)
def test_csv_import_applies_whole_or_not_at_all(db, rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["article", "kind", "prompt", "answer", "choices", "accepted"])
    writer.writeheader()
    writer.writerows(rows)
    before = db.execute("SELECT count(*) FROM items").fetchone()[0]
    try:
        created, updated = question_bank.apply_import(db, exchange.parse_questions_csv(buffer.getvalue()))
    except exchange.RefusedImport as refused:
        assert refused.errors
        assert db.execute("SELECT count(*) FROM items").fetchone()[0] == before
    else:
        assert created == len(rows) and updated == 0
        assert db.execute("SELECT count(*) FROM items").fetchone()[0] == before + len(rows)


def test_two_identical_new_rows_import_as_two_questions(db):
    """Found by the property test: two equal rows in one second once collided on their key."""
    text = "article,kind,prompt,answer\nA,short_answer,Same?,Yes\nA,short_answer,Same?,Yes\n"
    assert question_bank.apply_import(db, exchange.parse_questions_csv(text)) == (2, 0)


def test_a_long_import_commits_a_batch_at_a_time(db, monkeypatch):
    """Students' answers queue on the same writer lock: they wait for one batch, not the whole file."""
    from quizapp import db as database
    from quizapp.teacher import imports

    monkeypatch.setattr(imports, "BATCH_SIZE", 3)
    commits = []
    real = database.write_transaction

    def counted(db):
        if not getattr(db, "quizapp_writing", False):
            commits.append(1)
        return real(db)

    monkeypatch.setattr(imports, "write_transaction", counted)
    text = "article,kind,prompt,answer\n" + "".join(f"A,short_answer,Question {i}?,Yes\n" for i in range(7))
    assert question_bank.apply_import(db, exchange.parse_questions_csv(text)) == (7, 0)
    assert len(commits) == 3
    assert db.execute("SELECT count(*) FROM items").fetchone()[0] == 7
