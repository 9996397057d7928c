"""Subjects that say nothing of what they are (strict readers, round 2): 'the figure', 'the rate', 'the total' ...
with no 'of ...' as the subject of a clause, and a 'that' or 'this' standing alone as the subject of what someone
said. Every sentence is written for the test (invented names); every refusal stands beside a positive control."""
import pytest

import questions
from questions.clauses import why_unusable
from questions.parse import parse_story
from questions.vague import demonstrative_subject, measure_of_nothing


def sentence(text):
    nlp = questions.load_model()
    return parse_story(text, lambda ps: nlp.pipe(p.text for p in ps))[0]


@pytest.mark.parametrize("text, rule", [
    ("In Halvor the figure is 58 percent, and in Tessby just 31 percent.", "vague-subject"),
    ("Lotte Sand said the rate had doubled to 9 percent since 2021.", "vague-subject"),
    ("The total rose to $48 million in the year to June.", "vague-subject"),
    ("Jonas Wick said that was not under review at the Halvor council.", "pronoun-subject"),
    ("Officials in Halvor warned this could take until 2029.", "pronoun-subject"),
    # positive controls: a measure that says of what, a determiner with its noun, 'that' opening a clause
    ("In Halvor the unemployment rate is 58 percent, and in Tessby just 31 percent.", None),
    ("The number of pupils in Halvor rose to 4,100 in 2025.", None),
    ("Jonas Wick said that the Halvor council would review the Mill Street plan in 2027.", None),
    ("Jonas Wick said the plan that the Halvor council approved would cost $6 million.", None),
])
def test_a_measure_or_a_demonstrative_that_says_nothing_of_what_it_is(text, rule):
    assert why_unusable(sentence(text)) == rule


def test_the_checks_flag_the_subject_and_not_a_subject_with_its_noun():
    flagged = sentence("Lotte Sand said the figure had doubled since 2021.")
    assert [t.text for t in flagged.span if measure_of_nothing(t)] == ["figure"]
    flagged = sentence("Lotte Sand said that was a record for the Halvor council.")
    assert [t.text for t in flagged.span if demonstrative_subject(t)] == ["that"]
    named = sentence("Lotte Sand said the figure of 40 percent had doubled, and that plan was approved in 2024.")
    assert not [t for t in named.span if measure_of_nothing(t) or demonstrative_subject(t)]  # positive control
    # positive control: the sentence says what 'that' is, in a noun before it
    said = sentence("Feed the Halvor goats hay or oats, because that is what they eat in the wild.")
    assert not [t for t in said.span if demonstrative_subject(t)]
