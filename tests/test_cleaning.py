"""Reading a news page: only the story's sentences survive, each quotable verbatim."""
import pytest

from questions.cleaning import story_paragraphs, title_of

PAGE = """Storm Hits Coast

FILE - A man walks past a flooded street in Miami, Florida, Sept. 10, 2017.
FILE - A man walks past a flooded street in Miami, Florida, Sept. 10, 2017.

MIAMI, FLORIDA - A powerful storm hit the coast of Florida on Monday, officials said.
The storm brought heavy rain to Miami.
Damage and recovery
Officials said repairs would take weeks.
Rescue workers carry a boy from a flooded house in Tampa, Florida, Sept. 11, 2017.
Jane Doe wrote this story for VOA Learning English.
Words in This Story
flood - n. a large amount of water covering land that is usually dry.
"""


def texts():
    return [p.text for p in story_paragraphs(PAGE)]


def test_only_story_paragraphs_survive():
    assert texts() == [
        "A powerful storm hit the coast of Florida on Monday, officials said.",
        "The storm brought heavy rain to Miami.",
        "Officials said repairs would take weeks.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Storm Hits Coast",  # title
        "Damage and recovery",  # section heading
        "FILE - A man walks past a flooded street in Miami, Florida, Sept. 10, 2017.",  # repeated caption
        "Rescue workers carry a boy from a flooded house in Tampa, Florida, Sept. 11, 2017.",  # dated caption
        "Jane Doe wrote this story for VOA Learning English.",  # credit line
        "flood - n. a large amount of water covering land that is usually dry.",  # glossary
    ],
)
def test_non_story_lines_are_dropped(line):
    assert all(line not in text for text in texts())


def test_dateline_is_cut_and_offsets_stay_verbatim():
    for paragraph in story_paragraphs(PAGE):
        assert PAGE[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text
    assert not texts()[0].startswith("MIAMI")


def test_cut_off_caption_is_dropped():
    page = "FILE - Missiles are displayed during a parade in New Del\nFILE - Missiles are displayed during a parade in New Delhi, India, Jan. 23, 2015.\nThe army showed its new missiles to the public.\n"
    assert [p.text for p in story_paragraphs(page)] == ["The army showed its new missiles to the public."]


def test_heading_never_merges_with_the_next_sentence():
    page = "Iranian oil\nU.S. officials are signaling more flexibility on India's purchase of Iranian crude oil.\n"
    assert [p.text for p in story_paragraphs(page)] == [
        "U.S. officials are signaling more flexibility on India's purchase of Iranian crude oil."
    ]


def test_comment_prompts_and_sign_offs_are_dropped():
    page = "The city opened a new bridge on Friday.\nWhat do you think of the new bridge? Write to us in the Comments section.\nI’m Dan Novak.\n"
    assert [p.text for p in story_paragraphs(page)] == ["The city opened a new bridge on Friday."]


@pytest.mark.parametrize(
    "text, title",
    [("Storm Hits Coast\n\nA storm hit.", "Storm Hits Coast"), ("A storm hit the coast on Monday.\n", "Untitled article")],
)
def test_title(text, title):
    assert title_of(text) == title


@pytest.mark.parametrize("dateline", ["HARTWELL, March 14 — ", "SAN LORENZO, Calif. — ", "MILLBROOK — ",
                                      "BERGEN, Norway — "])
def test_datelines_with_a_date_or_a_region_are_cut(dateline):
    page = f"A headline\n\n{dateline}A three-judge panel ruled on Tuesday that the firm cleared the land.\n"
    assert [p.text for p in story_paragraphs(page)] == ["A three-judge panel ruled on Tuesday that the firm cleared the land."]


def test_a_sentence_opening_with_a_capitalised_phrase_and_a_dash_is_not_a_dateline():
    page = "A headline\n\nThe plan – a new line for buses – was approved on Tuesday by the council.\n"
    assert [p.text for p in story_paragraphs(page)] == ["The plan – a new line for buses – was approved on Tuesday by the council."]
