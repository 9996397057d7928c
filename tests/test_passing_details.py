"""Importance (issue 15): details readers marked trivial in past blind readings, each rule on sentences
written for the test (made-up names), each refusal beside a positive control of the same shape that is
still asked: where a passing source works or lives, the make-up of a body that only comments, the
Earth, the Sun and the Moon, where shares trade."""
import pytest

import questions
from questions import worth
from questions.parse import parse_story


def span_of(text):
    nlp = questions.load_model()
    return parse_story(text, lambda ps: nlp.pipe(p.text for p in ps))[0].span


def ent(span, text):
    found = next((e for e in span.ents if e.text == text), None)
    assert found is not None, [e.text for e in span.ents]
    return found


def named(times):
    """A stand-in for Builder.times_named: every person or body of the sentence named `times` times."""
    return lambda token: times if token.ent_type_ in ("PERSON", "ORG") else 0


# --- a passer-by's details ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, key, times, key_times, refused", [
    # where a source named once works or lives, in an apposition, a 'who' clause or a sentence of its own
    ("Mara Velk, an analyst at Corwin Partners, said the deal was fair.", "Corwin Partners", 1, 1, True),
    ("Ivo Brandt, who runs a bakery in Selwick, said bread prices would rise.", "Selwick", 1, 1, True),
    ("Lina Osk is a professor at Harwin University.", "Harwin University", 1, 1, True),
    # positive controls: the story's own person (named often), and a body the story names again
    ("Mara Velk, an analyst at Corwin Partners, said the deal was fair.", "Corwin Partners", 4, 1, False),
    ("Mara Velk, an analyst at Corwin Partners, said the deal was fair.", "Corwin Partners", 1, 3, False),
    ("Lina Osk is a professor at Harwin University.", "Harwin University", 3, 1, False),
])
def test_where_a_passing_source_works_is_trivia(text, key, times, key_times, refused):
    span = span_of(text)
    assert worth.passer_by_detail(ent(span, key), named(times), key_times) is refused


@pytest.mark.parametrize("text, key, refused", [
    ("The Moss Valley Alliance, a coalition of 14 groups, said the dam would flood the valley.", "14", True),
    # positive controls: the same body as a player of the story, and what a body 'which' holds
    ("The Moss Valley Alliance, a coalition of 14 groups, sued the council over the dam.", "14", False),
    ("The Fenmark Party, which holds 41 seats, said it would vote against the plan.", "41", False),
])
def test_the_make_up_of_a_body_that_only_comments_is_trivia(text, key, refused):
    span = span_of(text)
    assert worth.passer_by_detail(ent(span, key), named(1)) is refused


PASSING_ANALYST = (
    "Dr. Ilse Marrow, a marine chemist at the Kelby Institute, has found that sea foam carries salt far inland. "
    "Marrow and her team measured foam on 40 beaches over two years. "
    "Marrow said the foam could corrode power lines near the coast. "
    "Tomas Greel, an energy analyst at Dunford Capital, said the findings would worry grid operators. "
    "Marrow plans a second study in 2027.")


def test_a_passing_analysts_employer_is_not_asked_and_the_lead_researchers_is():
    items = questions.generate(PASSING_ANALYST, select=False)
    answers = {i["answer"] for i in items}
    assert "Dunford Capital" not in answers
    assert "Kelby Institute" in answers  # positive control: where the story's researcher works
    assert "passer-by-detail" in questions.explain(PASSING_ANALYST)


# --- known to everyone, where shares trade -----------------------------------------------------------------

@pytest.mark.parametrize("text, key, refused", [
    ("A strong solar storm reached Earth on Friday.", "Earth", True),
    ("The probe will circle the Sun for ten years.", "Sun", True),
    ("The probe reached Mars on Friday.", "Mars", False),  # positive control: which planet is the story's
])
def test_what_everyone_knows_is_not_asked(text, key, refused):
    assert worth.known_to_all(ent(span_of(text), key)) is refused


@pytest.mark.parametrize("text, key, refused", [
    ("Delmar's shares fell 4 percent on the stock exchange in Varnholm on Monday.", "Varnholm", True),
    ("Delmar's shares rose 3 percent in trading on the Pellwick Stock Exchange.", "the Pellwick Stock Exchange", True),
    ("Delmar will open a battery factory in Varnholm next year.", "Varnholm", False),  # positive control
])
def test_where_shares_trade_is_not_asked(text, key, refused):
    assert worth.where_shares_trade(ent(span_of(text), key)) is refused
