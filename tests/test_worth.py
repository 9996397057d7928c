"""questions/worth.py: the phrases not worth a question, each rule beside a phrase that is."""
import pytest

import questions
from questions import worth


def ents(text):
    doc = questions.load_model()(text)
    return {e.text: e for e in doc.ents}


@pytest.mark.parametrize(
    "text, phrase, rule, asked_phrase",
    [
        ("The Amazon basin holds about 204 cubic miles (850 cubic kilometers) of water.", "850 cubic kilometers",
         worth.a_conversion, None),
        ("The average rainfall from 1980 to 2009 was 539 millimeters in Brazil.", "2009", worth.a_range_end, "Brazil"),
        ("Jafar Panahi, 64, has made films in Iran since 1995.", "64", worth.an_age, "Iran"),
        ("NASA showed the X-59 in Palmdale, California, in January.", "California", worth.place_qualifier, "Palmdale"),
    ],
)
def test_a_rule_refuses_its_phrase_and_not_its_neighbour(text, phrase, rule, asked_phrase):
    found = ents(text)
    assert phrase in found, found
    assert rule(found[phrase])
    if asked_phrase is not None:  # positive control: the rule does not refuse the sentence's other names
        assert not rule(found[asked_phrase])


def test_a_conversion_is_blanked_with_its_amount():
    doc = questions.load_model()("The Amazon basin holds about 204 cubic miles (850 cubic kilometers) of water.")
    key = next(e for e in doc.ents if "204" in e.text)
    assert worth.conversion_after(key).text == "(850 cubic kilometers)"


@pytest.mark.parametrize("text, number, meaningful", [
    ("Scientists counted 300 birds.", "300", True),
    ("Thousands of fans celebrated.", "Thousands", False),
])
def test_meaningful_number(text, number, meaningful):
    doc = questions.load_model()(text)
    key = next(doc[t.i : t.i + 1] for t in doc if t.text == number)
    assert worth.meaningful_number(key) is meaningful


def test_a_bound_is_no_value_to_swap():
    """'more than £450 million': a smaller option would be true too, so no options and no swapped statement."""
    doc = questions.load_model()("The project will cost more than $450 million, and the city paid $20 million in May.")
    bound = next(e for e in doc.ents if "450" in e.text)
    value = next(e for e in doc.ents if "20" in e.text)
    assert worth.bound_not_value(bound)
    assert not worth.bound_not_value(value)  # positive control: a plain amount is a value


def test_the_name_of_a_probe_before_its_noun_is_asked_when_the_article_names_it_alone_too():
    # 'the Velka probe' is the probe's name, not a modifier in passing, once 'Velka' is a subject of its own
    # ('Velka will then ...'), even where the model's labels for it disagree (no reliable type)
    from collections import Counter

    from questions.entities import Entity

    doc = questions.load_model()("Engineers cheered as the Velka probe reached the comet Sarn on Monday.")
    mention = next(e for e in doc.ents if e.text == "Velka")
    unsure = Counter({"PERSON": 1, "ORG": 1, "PRODUCT": 1})
    alone = Entity("Velka", "PERSON", labels=unsure, participant=True, standalone=True)
    only_before = Entity("Velka", "PERSON", labels=unsure, participant=False, standalone=True)
    assert not alone.reliable
    assert not worth.not_worth_asking(mention, alone, mention)
    assert worth.not_worth_asking(mention, only_before, mention)  # only ever 'the Velka probe': a modifier
