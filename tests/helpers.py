"""Small factories and helpers shared by the tests."""
import json
import re
from pathlib import Path

from quizapp import articles, users

ROOT = Path(__file__).resolve().parent.parent
SEED = next((ROOT / "seeds").glob("*.txt"))
ARTICLES = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
PASSWORD = "correct horse battery"


def make_user(db, username="student1", role="student", password=PASSWORD):
    return users.create_user(db, username, password, role)


def make_article(db, items, *, title="Seed article", source="seed.txt", text=None, status="approved"):
    """Store items as an article; returns the article id."""
    text = text if text is not None else json.dumps(items)
    article_id, _ = articles.store_article(db, title=title, source=source, text=text, items=items, status=status)
    return article_id


def make_item(kind="short_answer", prompt="Who leads the team?", answer="Jim Mattis", **extra):
    item = {
        "kind": kind,
        "prompt": prompt,
        "answer": answer,
        "choices": extra.pop("choices", []),
        "accepted": extra.pop("accepted", []),
        "source_sentence": extra.pop("source_sentence", f"The team is led by {answer}."),
        "answer_type": extra.pop("answer_type", "PERSON"),
        "score": extra.pop("score", 0.5),
        "source": "test",
    }
    item.update(extra)
    return item


class AuthActions:
    def __init__(self, client, db):
        self.client, self.db = client, db

    def login(self, username="student1", password=PASSWORD):
        return self.client.post("/auth/login", data={"username": username, "password": password})

    def login_as(self, role="student", username=None):
        username = username or f"a_{role}"
        if users.find_user(self.db, username) is None:
            make_user(self.db, username, role)
        response = self.login(username)
        assert response.status_code == 302, response.data
        return users.find_user(self.db, username)

    def logout(self):
        return self.client.post("/auth/logout")


def csrf_token(html):
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"', html)
    return match.group(1) or match.group(2)


def explain_block(text, opening):
    """The `quizapp generate --explain` lines of the sentence of `text` that opens with `opening`."""
    import questions  # the generator, loaded only by the tests that ask it

    lines, found = questions.explain(text).splitlines(), []
    for line in lines:
        if line.startswith("["):
            if found:
                break
            if line.split("] ", 1)[1].startswith(opening):
                found.append(line)
        elif found:
            found.append(line)
    assert found, f"no sentence opens with {opening!r}"
    return "\n".join(found[1:])


def explain_made(text, opening):
    """The 'made ...' lines of that sentence: the items it gave."""
    return [line for line in explain_block(text, opening).splitlines() if line.strip().startswith("made ")]


def made_prompts(text):
    """The prompts of every item the generator makes of `text` before selection (what the rules' tests look at)."""
    import questions

    return [item["prompt"] for item in questions.generate(text, select=False)]


def builder(text):
    """The generator's Builder (entities, references, kinds) over a made-up article, parsed once."""
    import questions
    from questions.generator import Builder
    from questions.parse import parse_story

    nlp = questions.load_model()
    return Builder(text, parse_story(text, lambda ps: nlp.pipe(p.text for p in ps)), "test")
