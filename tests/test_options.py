"""Options of the key's kind, false statements of one same-kind swap, options the stem does not rule
out, and second blanks of a sentence kept out of the ready items (made-up articles, real spaCy model)."""
import json

import pytest

import questions
from questions import calibration, kinds
from questions.distractors import (_same_side, article_month, change_bound, described_class, later_year, stem_bound,
                                   typed_pool)
from questions.rank import is_blank

from .helpers import ARTICLES, SEED, builder

WIND = ("The regulator approved the Saltry Wind Farm on Tuesday. The farm was proposed by the energy company "
        "Kestle Renewables. Kestle Renewables said the project would create 300 jobs in the port of Orrin. The company "
        "will also pay into a fund for the towns of Orrin, Blewick and Tamsley. Kestle Renewables, which is based in "
        "Dunmarrow, still needs a grid agreement from Harlan Grid Corporation. Pexley Holdings, a rival developer, "
        "had opposed the plan.")


@pytest.fixture(scope="module")
def wind():
    return builder(WIND)


def sort_by_name(b):
    return {e.name: kinds.sort_of(b, e) for e in b.entities}


def test_the_article_says_what_sort_of_thing_each_name_is(wind):
    sorts = sort_by_name(wind)
    assert sorts["Saltry Wind Farm"] == "thing"  # its own head noun
    assert sorts["Kestle Renewables"] == "org"  # "the energy company Kestle Renewables", whatever the label
    assert sorts["Harlan Grid Corporation"] == "org" and sorts["Pexley Holdings"] == "org"
    assert {sorts[n] for n in ("Orrin", "Blewick", "Tamsley", "Dunmarrow")} == {"place"}  # towns of, port of, based in
    assert described_class(wind, wind.by_name["Pexley Holdings"]) == "company"  # "a rival developer"


@pytest.mark.parametrize("name, sort", [("Outside Union Square", "place"), ("Brenmoor Water Accord", "thing"),
                                        ("Rural Party", "org"), ("Operation Tern", "thing"), ("Velka River", "place"),
                                        ("Corlen Aerospace", "org"), ("Mira", None), ("Dana Holt", None)])
def test_a_name_says_its_sort_by_its_head_word(name, sort):
    assert kinds.head_sort(name) == sort


def test_options_of_a_company_are_companies_not_a_wind_farm(wind):
    sentence = next(s for s in wind.sentences if "Harlan" in s.text)
    key = wind.by_name["Harlan Grid Corporation"]
    ent = next(e for e in sentence.span.ents if e.text == "Harlan Grid Corporation")
    pool = list(typed_pool(wind, key, key.name, sentence, ent))
    assert "Pexley Holdings" in pool  # positive control: a company beside a company
    assert "Saltry Wind Farm" not in pool  # the model calls it an organisation too


def test_a_false_statement_swaps_a_company_for_a_company():
    items = questions.generate(WIND, select=False)
    false = [i for i in items if i["kind"] == "true_false" and i["answer"] == "False"]
    assert false  # positive control
    for item in false:
        assert "Saltry Wind Farm" not in item["prompt"].replace("the Saltry Wind Farm on Tuesday", "")
        for town in ("Blewick", "Tamsley", "Dunmarrow"):
            assert town not in item["prompt"] or town in item["source_sentence"]


def test_every_option_of_a_name_shares_the_keys_sort(wind):
    items = [i for i in questions.generate(WIND, select=False) if i["kind"] == "multiple_choice"
             and i["answer_type"] in kinds.SORTED_LABELS]
    for item in items:
        entities = [wind.by_name[c] for c in item["choices"] if c in wind.by_name]
        assert len({kinds.sort_of(wind, e) for e in entities}) <= 1, item


def test_arithmetic_in_the_stem_bounds_the_options():
    text = ("Rainfall in the valley averaged 96 millimetres, less than half the long-term average of 210 millimetres. "
            "Growers abandoned 410,000 hectares, nearly a fifth of the 2.2 million hectares sown.")
    assert stem_bound("Rainfall in the valley averaged 96 millimetres, less than half the long-term average of 210 "
                      "millimetres.", "96 millimetres") == ("below", 105.0)
    assert stem_bound("Growers abandoned 410,000 hectares, nearly a fifth of the 2.2 million hectares sown.",
                      "410,000 hectares")[0] == "near"
    assert stem_bound("Growers abandoned 410,000 hectares last year.", "410,000 hectares") is None  # control
    # a possessive between the multiple and its amount: "three times the central bank's target of 2 percent"
    assert stem_bound("Prices in Orvland rose by 6.8 percent, more than three times the central bank's target of 2 "
                      "percent.", "6.8 percent") == ("above", 6.0)
    assert stem_bound("Prices in Orvland rose by 6.8 percent, more than three times the central bank\u2019s target of 2 "
                      "percent.", "6.8 percent") == ("above", 6.0)
    # the key as the base of a multiple stated before it: below 6.8 / 3, and no bound without the multiple
    from questions.bounds import base_bound
    assert base_bound("Prices in Orvland rose by 6.8 percent, more than three times the central bank's target of 2 "
                      "percent.", "2 percent") == ("below", 6.8 / 3)
    assert base_bound("Prices in Orvland rose by 6.8 percent. The central bank's target is 2 percent.", "2 percent") is None
    items = questions.generate(text, select=False)
    rain = [i for i in items if i["kind"] == "multiple_choice" and i["answer"] == "96 millimetres"]
    for item in rain:
        assert all(float(c.split()[0]) < 105 for c in item["choices"]), item
    assert not [i for i in items if i["kind"] == "multiple_choice" and i["answer"] == "410,000 hectares"]
    assert [i for i in items if i["kind"] == "fill_blank" and i["answer"] == "410,000 hectares"]  # typed instead


def test_months_stay_on_the_keys_side_of_the_articles_date():
    assert article_month("TORVEN, Aug. 6 \u2014 The ministry said ...") == 8
    assert article_month("The ministry said on Tuesday ...") is None
    assert _same_side("July", "June", 8) and not _same_side("October", "June", 8)  # what was: before August
    assert _same_side("November", "September", 8) and not _same_side("July", "September", 8)  # a forecast: after
    text = ("MARLOW, Aug. 6 \u2014 The ministry of Kelland said on Tuesday that the harvest would fall. Temperatures "
            "in June were 3 degrees above normal, the ministry said. The ministry said the heat could continue into "
            "September.")
    items = [i for i in questions.generate(text, select=False) if i["kind"] == "multiple_choice"]
    months = {i["answer"]: i["choices"] for i in items if i["answer"] in ("June", "September")}
    assert months  # positive control
    order = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
    for answer, choices in months.items():
        side = order.index(answer) < 7
        assert all((order.index(c) < 7) == side for c in choices), (answer, choices)


def test_a_second_blank_of_a_sentence_is_never_ready():
    """Two blanks of one sentence each give the other's answer: the second is a draft (below 0.7)."""
    seen_two = False
    texts = [SEED, *ARTICLES[:6]]
    for path in texts:
        items = questions.generate(path.read_text(encoding="utf-8"), source=path.name)
        scores = [i["score"] for i in items]
        assert scores == sorted(scores, reverse=True)
        ready = {}
        for item in items:
            if is_blank(item):
                answers = ready.setdefault(item["source_sentence"], [])
                if len(answers) >= 1 and item["answer"] not in answers:
                    seen_two = True
                    assert item["score"] < calibration.READY, item
                answers.append(item["answer"])
    assert seen_two  # positive control: sentences with two blanks exist, they are kept (as drafts)


def test_a_change_from_an_amount_bounds_the_options():
    text = "Farmers expect a wheat crop of 6.2 million tonnes, down 34 percent from 9.4 million tonnes last year."
    assert change_bound(text, "9.4 million tonnes") == ("above", 6.2e6)  # what it fell from was more
    assert change_bound(text, "6.2 million tonnes") == ("below", 9.4e6)
    assert change_bound("Exports reached $4.1 billion, up 12 percent from $3.7 billion.", "$4.1 billion") == \
        ("above", 3.7e9)
    assert change_bound("Farmers expect a wheat crop of 6.2 million tonnes this year.", "6.2 million tonnes") is None


def test_a_year_before_a_later_one_the_stem_names():
    text = "Tensions rose sharply in 2016, when Dravik finished the Morn Dam, and again in 2021, when Selvia protested."
    assert later_year(text, "2016") == 2021
    assert later_year("Tensions rose sharply in 2016, when Dravik finished the Morn Dam.", "2016") is None  # control
    for item in questions.generate(text, select=False):
        if item["kind"] == "multiple_choice" and item["answer"] == "2016":
            assert all(int(c) < 2021 for c in item["choices"]), item


def test_one_person_is_not_two_options():
    text = ("Energy Minister Carla Venn approved the plan on Thursday. Ms Venn said the farm would open in 2027. "
            "Project director Tomas Brell said work would start soon. Analyst Ruth Amsel said the plan was sound. "
            "Mayor Oliver Pyke welcomed the decision. Councillor Greta Holm opposed it.")
    items = [i for i in questions.generate(text, select=False) if i["kind"] == "multiple_choice"
             and i["answer_type"] == "PERSON"]
    assert items  # positive control
    for item in items:
        surnames = [c.split()[-1] for c in item["choices"]]
        assert len(surnames) == len(set(surnames)), item


def test_a_name_the_article_calls_a_program_or_a_group_is_not_a_person():
    text = ("The program, called Bright Start, will cost $240 million over three years. A petition organised by the "
            "campaign group Save Hollin Green attracted 2,300 signatures. Education Secretary Mark Doyle said the plan "
            "would help. Teacher Sunita Vale said pupils liked it.")
    b = builder(text)
    sorts = sort_by_name(b)
    assert sorts.get("Bright Start") in (None, "thing") and sorts.get("Save Hollin Green") in (None, "org")
    assert sorts["Mark Doyle"] == "person" and sorts["Sunita Vale"] == "person"  # positive control


def test_amount_options_are_written_to_the_key_s_precision():
    """'11.2 percent' is no key among '9 percent', '18 percent', '12 percent': the one decimal gives it away."""
    text = ("Unemployment in Orvland rose to 11.2 percent in March. In Kell it was 9 percent, in Dorrel 18 percent and "
            "in Vask 12 percent. Youth unemployment reached 24 percent. Inflation was 3 percent.")
    found = [i for i in questions.generate(text, select=False)
             if i["kind"] == "multiple_choice" and i["answer"] == "11.2 percent"]
    assert found, "positive control: the rate is asked with options"
    assert all("." in c for c in found[0]["choices"]), found[0]["choices"]
    whole = [i for i in questions.generate(text, select=False)
             if i["kind"] == "multiple_choice" and i["answer"] == "18 percent"]
    assert whole and not any("." in c for c in whole[0]["choices"]), whole
