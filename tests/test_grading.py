"""Typed answers are matched tolerantly, but a different fact is never accepted."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizapp.grading import edit_distance, is_answer_correct, is_choice_correct, is_correct, normalize


@pytest.mark.parametrize(
    "response, answer, accepted",
    [
        ("India", "India", ()),
        ("india", "India", ()),
        ("  INDIA. ", "India", ()),
        ("the Pentagon", "Pentagon", ()),
        ("Pentagon", "the Pentagon", ()),
        ("Mattis", "Jim Mattis", ("Mattis",)),
        ("$6 billion", "6 billion dollars", ()),
        ("6 billion dollars", "$6 billion", ()),
        ("$6bn", "$6 billion", ()),
        ("17", "seventeen", ()),
        ("seventeen", "17", ()),
        ("twenty-one", "21", ()),
        ("5%", "five percent", ()),
        ("5 per cent", "5%", ()),
        ("1,000", "1000", ()),
        ("Sitharman", "Sitharaman", ()),  # one letter missing
        ("Afghanistn", "Afghanistan", ()),
        ("Brookings Instituion", "Brookings Institution", ()),
        ("United States", "the United States", ()),
        ("Washington, D.C.", "Washington DC", ()),
        ("India’s", "India", ()),
    ],
)
def test_fair_forms_are_accepted(response, answer, accepted):
    assert is_correct(response, answer, accepted)


@pytest.mark.parametrize(
    "response, answer",
    [
        ("Iran", "India"),
        ("18", "17"),
        ("$6 million", "$6 billion"),
        ("Prussia", "Russia"),  # a different first letter is a different word, not a typo
        ("", "India"),
        ("   ", "India"),
        ("the", "the Pentagon"),
        ("2016", "2015"),
        ("Mattis", "Jim Mattis"),  # a surname counts only when the item accepts it
        ("Pompeo", "Mike Pompeo, Jim Mattis"),
    ],
)
def test_other_answers_are_rejected(response, answer):
    assert not is_correct(response, answer)


@pytest.mark.parametrize(
    "text, tokens",
    [
        ("The United States", ["us"]),  # one name for every form of the country (issue 11)
        ("$6 billion", ["6", "billion", "dollars"]),
        ("Twenty three", ["23"]),
        ("one hundred and five", ["105"]),
        ("3.5%", ["3.5", "percent"]),
    ],
)
def test_normalize(text, tokens):
    assert normalize(text) == tokens


def test_choices_match_exactly():
    assert is_choice_correct("True", "True")
    assert not is_choice_correct("False", "True")
    assert not is_choice_correct(None, "True")


def test_edit_distance():
    assert edit_distance("kitten", "sitting") == 3 > 2
    assert edit_distance("mattis", "matis") == 1


@given(st.text(max_size=60))
def test_an_answer_always_matches_itself(text):
    if normalize(text):
        assert is_correct(text, text)


@given(st.text(max_size=40), st.text(max_size=40))
def test_grading_never_crashes_and_never_accepts_an_empty_answer(response, answer):
    result = is_correct(response, answer, [answer])
    assert result == is_correct(response, answer)  # an accepted copy of the key changes nothing
    if not normalize(response):
        assert result is False


@pytest.mark.parametrize(
    "kind, answer, response, right",
    [
        ("multiple_choice", "India", "India", True),
        ("multiple_choice", "India", "india", False),  # an option is picked, not typed: no tolerance
        ("true_false", "True", "False", False),
        ("short_answer", "Jim Mattis", "mattis", False),
        ("short_answer", "Jim Mattis", "jim matis", True),
        ("fill_blank", "17", "seventeen", True),
        ("fill_blank", "17", "18", False),
    ],
)
def test_an_answer_is_graded_by_the_kind_of_its_item(kind, answer, response, right):
    item = {"kind": kind, "answer": answer, "accepted": []}
    assert is_answer_correct(item, response) is right
