"""Issue 11, fair grading: every form of a right answer is right, and each is tested beside a near wrong one."""
import string

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from quizapp.grading import Grade, grade, grade_answer, is_correct, normalize

ARABIC_INDIC = "\u0661\u0662\u0663\u0665"  # ١٢٣٥
DEVANAGARI = "\u0967\u096f"  # १९

# (response, key, accepted, right): right and wrong forms side by side.
FORMS = [
    # abbreviations and acronyms
    ("USA", "U.S.", (), True),
    ("US", "U.S.", (), True),
    ("the US", "U.S.", (), True),
    ("U.S.A.", "U.S.", (), True),
    ("United States", "U.S.", (), True),
    ("America", "United States", (), True),
    ("U.S", "the United States", (), True),
    ("UK", "U.S.", (), False),
    ("Britain", "U.K.", (), True),
    ("United Kingdom", "UK", (), True),
    ("U.K.", "U.N.", (), False),
    ("UN", "U.N.", (), True),
    ("United Nations", "UN", (), True),
    ("EU", "E.U.", (), True),
    ("European Union", "E.U.", (), True),
    ("E.U.", "U.S.", (), False),
    # units
    ("1235 km", "1,235 kilometers", (), True),
    ("1235km", "1,235 kilometres", (), True),
    ("1253 km", "1,235 kilometers", (), False),
    ("1235 miles", "1,235 kilometers", (), False),
    ("5 m", "5 meters", (), True),
    ("5 meters", "5 m", (), True),
    ("6 m", "5 meters", (), False),
    ("40 kg", "40 kilograms", (), True),
    ("40 lb", "40 kilograms", (), False),
    ("12%", "12 percent", (), True),
    ("12 per cent", "12%", (), True),
    ("13%", "12 percent", (), False),
    ("60 mph", "60 miles per hour", (), True),
    ("60 km/h", "60 miles per hour", (), False),
    ("98°F", "98 degrees Fahrenheit", (), True),
    ("98 °F", "98 degrees Fahrenheit", (), True),
    ("98°C", "98 degrees Fahrenheit", (), False),
    # number words
    ("seventeen", "17", (), True),
    ("twenty-five", "25", (), True),
    ("twenty five", "25", (), True),
    ("25", "twenty-five", (), True),
    ("twenty-six", "25", (), False),
    ("three", "3", (), True),
    ("four", "3", (), False),
    ("six billion dollars", "$6 billion", (), True),
    ("6,000,000,000 dollars", "$6bn", (), True),
    ("$6 million", "$6 billion", (), False),
    # people: middle names and initials optional; a surname only when accepted lists it
    ("James Mattis", "James N. Mattis", (), True),
    ("James N Mattis", "James N. Mattis", (), True),
    ("James N. Mattis", "James Mattis", (), True),
    ("Mattis", "James N. Mattis", ("Mattis",), True),
    ("Mattis", "James N. Mattis", (), False),
    ("John Mattis", "James N. Mattis", (), False),
    ("Vitamin deficiency", "Vitamin D deficiency", (), False),  # not a name: every word counts
    ("Grade beef", "Grade A beef", (), False),
    # a part of a multi-word organisation is not the organisation
    ("Martin", "Lockheed Martin", (), False),
    ("Lockheed", "Lockheed Martin", (), False),
    ("Martin", "Lockheed Martin", ("Martin",), True),
    ("Lockheed Martin", "Lockheed Martin", (), True),
    # letters and digits joined or hyphenated alike
    ("X59", "X-59", (), True),
    ("X-60", "X-59", (), False),
    ("S400", "S-400", (), True),
    ("S-400", "S400", (), True),
    ("S-300", "S-400", (), False),
    # months
    ("Oct 2020", "October 2020", (), True),
    ("Oct. 2020", "October 2020", (), True),
    ("Sept 2019", "September 2019", (), True),
    ("Nov 2020", "October 2020", (), False),
    ("Oct 2021", "October 2020", (), False),
    # symbols that carry meaning
    ("C", "C++", (), False),
    ("C++", "C++", (), True),
    ("c++", "C++", (), True),
    ("C#", "C++", (), False),
    # emoji: never crashes, matches only itself
    ("🚀", "🚀", (), True),
    ("🚀", "rocket", (), False),
    ("🚀", "🛸", (), False),
    ("😀", "India", (), False),
    # Unicode digits read as digits
    (ARABIC_INDIC, "1235", (), True),
    ("\u0661\u0662\u0665\u0663", "1235", (), False),
    (DEVANAGARI + " percent", "19%", (), True),
    ("１９", "19", (), True),  # full-width, by NFKC
    # a different number is wrong, a typo never reaches digits
    ("1253", "1235", (), False),
    ("1,235", "1235", (), True),
    # typos: none in short answers, more room in long ones
    ("Afghanistn", "Afghanistan", (), True),
    ("Irn", "Iran", (), False),
    ("Inda", "India", (), True),
    ("Brokings Instituton", "Brookings Institution", (), True),
    ("Brkings Insttuton", "Brookings Institution", (), False),
    ("Internatonal Monetery Fund", "International Monetary Fund", (), True),
    ("Internatonal Monetery Fnd", "International Monetary Fund", (), False),  # "fund" is too short for a typo
    ("Monetary Fund", "International Monetary Fund", (), False),  # a word left out is not a typo
]


@pytest.mark.parametrize("response, key, accepted, right", FORMS)
def test_every_fair_form_is_right_and_every_near_miss_is_wrong(response, key, accepted, right):
    assert is_correct(response, key, accepted) is right


@pytest.mark.parametrize(
    "response, key, accepted, spelled",
    [
        ("Afghanistn", "Afghanistan", (), "Afghanistan"),
        ("Internatonal Monetery Fund", "IMF", ("International Monetary Fund",), "International Monetary Fund"),
        ("Afghanistan", "Afghanistan", (), None),  # spelled right: nothing to say
        ("USA", "U.S.", (), None),  # a form, not a typo
        ("Iran", "India", (), None),
    ],
)
def test_a_forgiven_typo_says_how_the_key_spells_it(response, key, accepted, spelled):
    assert grade(response, key, accepted).spelled == spelled


def test_middle_names_are_optional_for_a_person_only():
    assert is_correct("Lee Oswald", "Lee Harvey Oswald", person=True)
    assert grade_answer({"kind": "short_answer", "answer": "Lee Harvey Oswald", "accepted": [],
                         "answer_type": "PERSON"}, "Lee Oswald") == Grade(True)
    assert not is_correct("Lee Oswald", "Lee Harvey Oswald")  # the key is not known to be a person
    assert is_correct("Lee H. Oswald", "Lee Oswald", person=True)


def test_a_choice_is_graded_exactly():
    assert grade_answer({"kind": "multiple_choice", "answer": "India", "accepted": []}, "india") == Grade(False)


WORD = st.text(alphabet=string.ascii_letters, min_size=1, max_size=12)
KEYS = st.lists(WORD, min_size=1, max_size=4).map(" ".join)


@given(st.text(max_size=80))
def test_the_key_itself_is_always_right(key):
    assume(normalize(key))
    assert grade(key, key) == Grade(True)


@given(KEYS, st.sampled_from([str.upper, str.lower, str.title, str.swapcase]), st.sampled_from(["", " ", "  ", "\t"]),
       st.sampled_from(["", ".", "!", "?", ",", "'", '"', ";"]))
@example("S", str.upper, "", "'")  # "'S'" was read as a possessive "'s" and graded wrong for "S"
def test_case_whitespace_and_punctuation_never_matter(key, case, space, mark):
    assume(normalize(key))
    response = f"{space}{mark}{case(key).replace(' ', ' ' + space)}{mark}{space}"
    assert grade(response, key) == Grade(True)


@given(st.integers(min_value=0, max_value=10**12), st.integers(min_value=0, max_value=10**12),
       st.sampled_from(["", " km", " percent", " people", " dollars", " million"]), st.booleans())
def test_a_different_number_is_never_right(n, m, unit, commas):
    assume(n != m)
    shown = f"{m:,}" if commas else str(m)
    assert not is_correct(f"{shown}{unit}", f"{n}{unit}")
    assert not is_correct(f"{n}{unit}", f"{shown}{unit}")


@given(st.text(max_size=60), st.text(max_size=60), st.lists(st.text(max_size=30), max_size=3), st.booleans())
def test_grading_never_raises_on_arbitrary_text(response, key, accepted, person):
    result = grade(response, key, accepted, person=person)
    assert isinstance(result.correct, bool)
    assert result.spelled is None or result.correct
