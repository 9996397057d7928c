"""The Anki export: one `.apkg` with a subdeck per article, tags for kind and article, a styled note type.

Ids are derived, never random: the note type, the decks and every note's guid come out
the same on every export, so importing a newer file updates what an older one made.
"""
import hashlib
import re
import tempfile
from pathlib import Path

ANKI_MODEL_ID = 1607392319  # fixed: a re-export updates the same note type in Anki
ANKI_DECK_ID = 2059400110  # fixed: the parent deck `quizapp`; each article is a subdeck under it
ANKI_DECK_NAME = "quizapp"
TRUE_OR_FALSE = "True or false?"

ANKI_CSS = """\
.card {
  font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 24px;
  line-height: 1.5;
  text-align: center;
  color: #1f2328;
  background-color: #ffffff;
  max-width: 36em;
  margin: 0 auto;
  padding: 0.5em;
}
.ask { font-size: 0.7em; font-weight: bold; letter-spacing: 0.05em; text-transform: uppercase; color: #57606a;
       margin-bottom: 0.5em; }
.statement, .question { margin: 0.25em 0; }
.options { list-style: none; padding: 0; margin: 0.75em auto; display: inline-block; text-align: left; }
.options li { margin: 0.3em 0; padding: 0.2em 0.8em; border: 1px solid #d0d7de; border-radius: 0.4em; }
hr#answer { border: 0; border-top: 3px solid #0969da; margin: 1em auto; width: 60%; }
.answer { font-size: 1.2em; font-weight: bold; color: #0969da; }
.source { font-size: 0.7em; color: #57606a; margin-top: 1em; font-style: italic; }
.nightMode .card, .night_mode .card { color: #e6edf3; background-color: #0d1117; }
.nightMode .ask, .nightMode .source, .night_mode .ask, .night_mode .source { color: #8d96a0; }
.nightMode .answer, .night_mode .answer { color: #4493f8; }
.nightMode hr#answer, .night_mode hr#answer { border-top-color: #4493f8; }
"""

FRONT = "{{Question}}{{#Options}}<ul class=options>{{Options}}</ul>{{/Options}}"
BACK = ("{{FrontSide}}<hr id=answer><div class=answer>{{Answer}}</div>"
        "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}")


def deck_name(title):
    """`quizapp::<title>`: the article's subdeck (a `::` in the title would nest deeper, so it becomes `:`;
    Anki drops `"` and control characters from deck names, so they go here too)."""
    title = "".join(c for c in title or "" if c != '"' and (c.isprintable() or c.isspace()))
    title = " ".join(title.split()).replace("::", ":").strip(" :") or "Untitled article"
    return f"{ANKI_DECK_NAME}::{title}"


def deck_id(name):
    """A stable deck id for a deck name, in the range Anki's own ids use for generated decks."""
    digest = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def tag_slug(text):
    """Text as one Anki tag word: lowercase letters, digits and `_`, other runs as `-` (tags have no spaces)."""
    return re.sub(r"[\W_]+", "-", (text or "").casefold()).strip("-")


def note_tags(item):
    """`kind::<kind>` and `article::<slug of its title>`."""
    article = tag_slug(item.get("article_title")) or f"id-{item.get('article_id', 0)}"
    return [f"kind::{item['kind']}", f"article::{article}"]


def front_html(item):
    """The Question field: a true/false statement always under "True or false?", never alone."""
    from markupsafe import escape

    prompt = str(escape(item["prompt"]))
    if item["kind"] == "true_false":
        return f"<div class=ask>{TRUE_OR_FALSE}</div><div class=statement>{prompt}</div>"
    return f"<div class=question>{prompt}</div>"


def questions_apkg(items):
    """An Anki package of the items, with stable note ids so re-imports update, not duplicate."""
    import genanki
    from markupsafe import escape

    model = genanki.Model(
        ANKI_MODEL_ID,
        "quizapp question",
        fields=[{"name": "Question"}, {"name": "Options"}, {"name": "Answer"}, {"name": "Source"}, {"name": "ItemId"}],
        templates=[{"name": "Card 1", "qfmt": FRONT, "afmt": BACK}],
        css=ANKI_CSS,
        sort_field_index=4,
    )
    decks = {ANKI_DECK_NAME: genanki.Deck(ANKI_DECK_ID, ANKI_DECK_NAME)}
    for item in sorted(items, key=lambda i: (i.get("article_title") or "", i["id"])):
        name = deck_name(item.get("article_title"))
        deck = decks.setdefault(name, genanki.Deck(deck_id(name), name))
        options = ""
        if item["kind"] == "multiple_choice":
            options = "".join(f"<li>{escape(c)}</li>" for c in item["choices"])
        deck.add_note(genanki.Note(
            model=model,
            fields=[front_html(item), options, str(escape(item["answer"])),
                    str(escape(item["source_sentence"])), str(item["id"])],
            tags=note_tags(item),
            guid=genanki.guid_for("quizapp", item["id"]),
        ))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quizapp.apkg"
        genanki.Package(list(decks.values())).write_to_file(str(path))
        return path.read_bytes()
