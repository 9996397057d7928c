"""Issue 12, cases 5 and 6 (in part): imports find articles by an index; uploads never overwrite an article."""
import io

from quizapp import articles

from .helpers import ARTICLES, SEED
from .test_teacher import wait_for_job


def upload(client, content, name):
    response = client.post("/teacher/articles/new", data={"text": "", "upload": (io.BytesIO(content.encode()), name)},
                           content_type="multipart/form-data")
    assert response.status_code == 302
    return wait_for_job(client, response.headers["Location"])


def texts(db):
    return [row[0] for row in db.execute("SELECT text FROM articles ORDER BY id")]


def test_a_different_file_under_the_same_name_is_a_new_article(client, auth, db):
    auth.login_as("teacher", "mrs_lee")
    first, second = SEED.read_text(encoding="utf-8"), ARTICLES[1].read_text(encoding="utf-8")
    upload(client, first, "news.txt")
    questions_before = db.execute("SELECT id, article_id, prompt FROM items ORDER BY id").fetchall()
    assert questions_before
    upload(client, second, "news.txt")
    assert texts(db) == [first, second]  # the first article's text is kept
    assert db.execute("SELECT id, article_id, prompt FROM items WHERE article_id = 1 ORDER BY id").fetchall() == questions_before
    upload(client, first, "news.txt")  # the same text again: the same article, nothing added
    assert texts(db) == [first, second]


def test_a_pasted_article_with_a_taken_title_is_a_new_article(client, auth, db):
    auth.login_as("teacher", "mrs_lee")
    for text in (SEED.read_text(encoding="utf-8"), ARTICLES[1].read_text(encoding="utf-8")):
        response = client.post("/teacher/articles/new", data={"title": "This week", "text": text})
        wait_for_job(client, response.headers["Location"])
    assert len(texts(db)) == 2
    assert db.execute("SELECT count(DISTINCT title) FROM articles").fetchone()[0] == 1


def test_the_generate_command_still_updates_its_own_file(db):
    """Control: the CLI's files keep their contract (an edited file updates its article)."""
    articles.store_article(db, title="A", source="news/a.txt", text="old text", items=[])
    articles.store_article(db, title="A", source="news/a.txt", text="new text", items=[])
    assert texts(db) == ["new text"]


def test_finding_an_article_by_title_uses_an_index(db):
    plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN SELECT id FROM articles WHERE title = ? ORDER BY id LIMIT 1", ["x"]))
    assert "USING INDEX idx_articles_title" in plan or "USING COVERING INDEX idx_articles_title" in plan, plan


from quizapp import items  # noqa: E402
from quizapp.teacher import formats, question_bank  # noqa: E402

from .helpers import make_article, make_item  # noqa: E402


def _bank(db):
    make_article(db, [make_item("short_answer", "Who leads the team?", "Jim Mattis"),
                      make_item("short_answer", "Where are the talks?", "Geneva")], title="News")
    return [row[0] for row in db.execute("SELECT id FROM items ORDER BY id")]


def test_a_gift_title_naming_another_question_adds_a_new_one(db):
    first, second = _bank(db)
    text = f"::Q{second}:: What is the capital of France? {{=Paris}}\n"
    assert question_bank.apply_import(db, formats.parse_gift(text)) == (1, 0)
    assert items.get_item(db, second)["prompt"] == "Where are the talks?"  # question 2 is untouched
    assert db.execute("SELECT count(*) FROM items WHERE prompt = 'What is the capital of France?'").fetchone()[0] == 1


def test_a_gift_title_is_honoured_when_the_question_is_the_same_or_the_teacher_asks(db):
    first, second = _bank(db)
    same = f"::Q{second}:: Where are the talks? {{=Geneva =in Geneva}}\n"
    assert question_bank.apply_import(db, formats.parse_gift(same)) == (0, 1)
    assert items.get_item(db, second)["accepted"] == ["in Geneva"]
    edited = f"::Q{first}:: Who is the team's leader? {{=Jim Mattis}}\n"
    assert question_bank.apply_import(db, formats.parse_gift(edited), trust_titles=True) == (0, 1)
    assert items.get_item(db, first)["prompt"] == "Who is the team's leader?"


def test_the_import_page_offers_the_choice(client, auth, db):
    first, second = _bank(db)
    auth.login_as("teacher", "mrs_lee")
    text = f"::Q{second}:: A different question? {{=Yes}}\n".encode()
    response = client.post("/teacher/import", data={"format": "gift", "upload": (io.BytesIO(text), "q.gift.txt")},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "Imported 1 new and updated 0 existing questions." in response.get_data(as_text=True)
    response = client.post("/teacher/import", data={"format": "gift", "trust_titles": "y",
                                                    "upload": (io.BytesIO(text), "q.gift.txt")},
                           content_type="multipart/form-data", follow_redirects=True)
    assert "Check the import" in response.get_data(as_text=True)  # a change to question 2 waits for a yes
    assert items.get_item(db, second)["prompt"] == "Where are the talks?"
    from .test_hardening_import_preview import confirm

    assert "Imported 0 new and updated 1 existing questions." in confirm(client, response.request.path)
    assert items.get_item(db, second)["prompt"] == "A different question?"


ROUND_TRIP_PROMPTS = ["'Tis the season: who said it?", "'=1+1 is what?", "Line one\rline two?", "Before\u2028after?",
                      "''Two quotes?"]


def test_csv_and_gift_round_trips_keep_quotes_crs_and_line_separators(db):
    make_article(db, [make_item("short_answer", prompt, "Yes") for prompt in ROUND_TRIP_PROMPTS], title="Odd text")
    stored = items.approved_items(db)
    assert sorted(i["prompt"] for i in stored) == sorted(ROUND_TRIP_PROMPTS)
    from_csv = formats.parse_questions_csv(formats.questions_csv(stored))
    assert sorted(e.item["prompt"] for e in from_csv) == sorted(ROUND_TRIP_PROMPTS)
    from_gift = formats.parse_gift(formats.questions_gift(stored))
    assert sorted(e.item["prompt"] for e in from_gift) == sorted(ROUND_TRIP_PROMPTS)
    assert question_bank.apply_import(db, from_csv) == (0, 0)  # read back as they were: nothing to rewrite
    assert sorted(i["prompt"] for i in items.approved_items(db)) == sorted(ROUND_TRIP_PROMPTS)


def test_the_results_csv_formula_guard_is_unchanged():
    from quizapp.spreadsheets import inert

    assert (inert("'hi"), inert("=x"), inert("'hi", round_trip=True)) == ("'hi", "'=x", "''hi")
