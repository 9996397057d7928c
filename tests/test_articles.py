"""The articles table (articles.py): an article is found again by its text or its source."""
from quizapp import articles

from .helpers import make_item


def test_the_same_text_is_stored_once(db):
    first = articles.store_article(db, title="A", source="a.txt", text="Text one.", items=[make_item()])
    again = articles.store_article(db, title="A", source="other.txt", text="Text one.", items=[make_item()])
    assert first == (first[0], 1) and again == (first[0], 0)
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_an_edited_text_updates_its_article(db):
    article_id, _ = articles.store_article(db, title="A", source="a.txt", text="Old text.", items=[make_item()])
    again, added = articles.store_article(db, title="B", source="a.txt", text="New text.",
                                          items=[make_item(), make_item(prompt="Who else?")])
    assert (again, added) == (article_id, 1)
    assert articles.get_article(db, article_id)["title"] == "B"


def test_article_by_title_can_create_one_for_imports(db):
    assert articles.article_by_title(db, "Imported") is None
    article_id = articles.article_by_title(db, "Imported", create=True)
    assert articles.article_by_title(db, "Imported") == article_id
    assert [row["title"] for row in articles.list_articles(db)] == ["Imported"]
