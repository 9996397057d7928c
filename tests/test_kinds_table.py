"""Distractors a reader finds plausible (issue 15): one table of name -> kind per article (kinds.kind_table),
judged from the article's own words and not the small model's label alone; options and true/false swaps
of the key's kind; amounts in the key's format with units that agree; a range's ends kept apart from
'between'; years on the key's side of the story's present; a typed item when three such options are
missing. Made-up articles and names, the real spaCy model."""
import pytest

import questions
from questions import kinds
from questions.amounts import number_variants
from questions.bounds import bare_amount, range_bound

from .helpers import builder

FOODS = ("Quillon Foods, the Marbury-based maker of frozen meals, said on Monday that it will start selling a soup "
         "machine in the autumn. The machine, called the Brothly 7, will be sold in Estravia and four other "
         "countries: Porland, Velgaria, Durnholt and Semarque.\n\n"
         "Demand for frozen food in Estravia will climb by 12 percent a year, according to the consultancy Tallbridge. "
         "Quillon competes with bigger rivals like Ornica Brands, which sells about a third of all frozen soups.\n\n"
         "Sales at Quillon fell 9 percent last year after the Estravia government raised taxes on packaged food. "
         "Quillon was founded by Dana Morrow in 1998 and went public in 2006. Quillon opened its second factory "
         "in 2015.\n\n"
         "Dana Morrow, its chief executive, said Quillon plans to launch a larger machine for restaurants in 2031. "
         "The Brothly 7 will cost 240 dollars. Each Brothly 7 bowl holds between 250 millilitres and 2 litres of "
         "soup.")


@pytest.fixture(scope="module")
def foods():
    return builder(FOODS)


@pytest.fixture(scope="module")
def foods_items():
    return questions.generate(FOODS, select=False)


def test_the_table_gives_each_name_its_kind_from_the_articles_words(foods):
    table = kinds.kind_table(foods)
    assert table["Estravia"][0] == "place"  # "the Estravia government", "the market in Estravia"
    assert table["Porland"] == ("place", "country")  # "four other countries: Porland, ..."
    assert table["Tallbridge"][0] == "org"  # "the consultancy Tallbridge", whatever the model says
    assert table["Ornica Brands"][0] == "org"  # "rivals like Ornica Brands": a body by its head word
    assert table["Dana Morrow"][0] == "person"  # positive control: a person stays a person
    assert foods.by_name["Estravia"].sort == "place"  # the entities carry it (the wh-word reads it)


@pytest.mark.parametrize("sentence, name, kind", [
    ("Prices rose after the Kastrel government cut fuel subsidies. Kastrel is small.", "Kastrel", "place"),
    ("Flooding hit Brackwell and three other towns on Sunday. Brackwell was worst hit.", "Brackwell", "place"),
    ("Harlow Aero said the drone, called the Skywren 4, would fly in May. The Skywren 4 is light.", "Skywren 4",
     "thing"),
    ("The deal was signed by the energy company Velmont on Friday. Velmont said it was pleased.", "Velmont", "org"),
])
def test_descriptors_and_the_words_around_a_name_say_its_kind(sentence, name, kind):
    b = builder(sentence)
    assert name in b.by_name, [e.name for e in b.entities]
    assert kinds.kind_table(b)[name][0] == kind


@pytest.mark.parametrize("name, sort", [("Skyline 400", "thing"), ("Ornica Brands", "org"), ("Local 318", None),
                                        ("Dana Morrow", None), ("Kessel Arena", "thing"), ("St Orla's Cathedral", "thing"),
                                        ("Verran Prize for Fiction", "thing"), ("Orn Commission for Water", "org")])
def test_a_model_number_is_a_thing_and_brands_are_a_body(name, sort):
    assert kinds.head_sort(name) == sort


def _choices(items, answer):
    return [i["choices"] for i in items if i["kind"] == "multiple_choice" and i["answer"] == answer]


def test_a_place_key_gets_places_of_its_size_never_a_company(foods, foods_items):
    table = kinds.kind_table(foods)
    found = _choices(foods_items, "Estravia")
    assert found  # positive control: the market's country is asked as a multiple choice
    for choices in found:
        for choice in choices:
            name = choice.removeprefix("the ")
            assert table[name] == ("place", "country"), choices  # not Quillon Foods, Tallbridge, Marbury


def test_a_false_statement_swaps_a_name_for_one_of_its_kind(foods, foods_items):
    table = kinds.kind_table(foods)
    swapped = 0
    for item in foods_items:
        if item["kind"] != "true_false" or item["answer"] != "False":
            continue
        into = [n for n in table if n in item["prompt"] and n not in item["source_sentence"]]
        out = [n for n in table if n in item["source_sentence"] and n not in item["prompt"]]
        if into and out:
            swapped += 1
            assert table[into[0]][0] == table[out[0]][0], item["prompt"]  # not a person among rivals
    assert swapped  # positive control: a name was swapped


def test_without_three_options_of_its_kind_the_key_is_typed(foods, foods_items):
    rival = [i for i in foods_items if i["answer"] == "Ornica Brands"]
    assert any(i["kind"] in ("fill_blank", "short_answer") for i in rival)  # asked, typed
    for choices in _choices(foods_items, "Ornica Brands"):  # only one other body: no weak multiple choice
        assert all(kinds.kind_table(foods)[c][0] == "org" for c in choices), choices
    assert not _choices(foods_items, "Ornica Brands")


def test_options_of_an_amount_drop_a_hedge_and_units_agree_with_their_number():
    assert bare_amount("above 85 percent") == "85 percent" and bare_amount("Only about 31 percent") == "31 percent"
    assert "1 litre" in number_variants("3 litres") and "1 litres" not in number_variants("3 litres")
    assert "2 litres" in number_variants("1 litre")
    assert "2 square metres" in number_variants("1 square metre")
    assert "3 million people" in number_variants("2 million people")  # control: nothing to change
    text = ("Only about 31 percent of bottles sold in Ferrow are recycled today, the Ferrow Ministry of Waste said. "
            "Officials want "
            "to raise that to 75 percent by 2030. Similar schemes elsewhere have reached rates above 80 percent.")
    items = questions.generate(text, select=False)
    found = _choices(items, "31 percent")
    assert found  # positive control
    assert all(not c.lower().startswith(("above", "about", "only")) for choices in found for c in choices)


@pytest.mark.parametrize("sentence, key, bound", [
    ("expects revenue of $3.9 billion to $4.05 billion in the quarter", "$3.9 billion", ("below", 4.05e9)),
    ("expects revenue of $3.9 billion to $4.05 billion in the quarter", "$4.05 billion", ("above", 3.9e9)),
    ("a further 80 to 120 millimetres of rain could fall", "80", ("below", 120.0)),
    ("between 20 and 30 percent of voters", "30 percent", ("above", 20.0)),
    ("the rate will fall from 22 percent to 20 percent", "22 percent", None),  # a change, up or down
    ("the rate will fall from 22 percent to 20 percent", "20 percent", None),
    ("the order holds 30 narrow-body jets and 12 wide-body jets", "12", None),  # two counts, no range
    ("The deposit is 20 cents for small bottles.", "20 cents", None),  # control
])
def test_the_other_end_of_a_range_bounds_the_options(sentence, key, bound):
    assert range_bound(sentence, key) == bound


def test_a_range_keeps_between_out_of_the_options(foods_items):
    ends = [i for i in foods_items if "millilitres" in i["source_sentence"] and i["kind"] == "multiple_choice"]
    assert ends  # positive control: an end of the range is asked, with options
    for item in ends:  # one end blanked, options in its unit, never "between 375" nor "1 litres"
        assert all(not c.lower().startswith("between") and c != "1 litres" for c in item["choices"]), item
        assert "between" in item["prompt"]
    whole = [i for i in foods_items if i["answer"].lower().startswith("between")]
    assert all(" and " in i["answer"] and i["kind"] != "multiple_choice" for i in whole)  # both ends together


def test_years_stay_on_the_keys_side_of_the_storys_present(foods_items):
    future = _choices(foods_items, "2031")
    assert future  # positive control: "plans to launch ... in _____" asked as a multiple choice
    assert all(int(c) > 2015 for choices in future for c in choices), future  # after the latest past year
    past = [c for year in ("1998", "2006", "2015") for c in _choices(foods_items, year)]
    assert past  # positive control
    assert all(int(c) <= 2015 for choices in past for c in choices), past  # no future year among past ones


def test_a_full_name_key_gets_full_names_not_a_single_name():
    text = ("Director Ana Ruiz said the play would tour in May. Actor Tomas Brell said the tour was a risk. Writer "
            "Greta Holm said the script was finished. Marjan said she had learned the songs in a week. Producer "
            "Oliver Pyke said tickets would go on sale soon. Marjan said she would sing in the second act.")
    items = [i for i in questions.generate(text, select=False) if i["kind"] == "multiple_choice"
             and i["answer_type"] == "PERSON" and len(i["answer"].split()) > 1]
    assert items  # positive control
    for item in items:
        assert all(len(c.split()) > 1 for c in item["choices"]), item


def test_a_person_the_article_calls_he_gets_no_option_it_calls_she():
    text = ("Mayor Ellen Varga said the bridge would reopen in May. Ms Varga said repairs were on schedule. "
            "Engineer Paul Drummond said he had checked the cables himself. Councillor Ruth Amsel said she wanted a "
            "second opinion. Contractor Dean Holloway said he expected no delays. Inspector Colin Fenn said he "
            "would sign the report on Friday. Surveyor Mark Tolley said he found no new cracks.")
    from questions.names import person_genders
    b = builder(text)
    genders = person_genders(b)
    of = {name.split()[-1]: gender for name, gender in genders.items()}
    assert of["Drummond"] == "m" and of["Amsel"] == "f"  # "he", "she" after the one person of the sentence
    assert genders.get("Ellen Varga") == "f"  # "Ms Varga" says it of Ellen Varga
    items = [i for i in questions.generate(text, select=False) if i["kind"] == "multiple_choice"
             and i["answer_type"] == "PERSON"]
    assert items  # positive control
    for item in items:
        sides = {genders.get(c) for c in item["choices"]} - {None}
        assert len(sides) <= 1, item


def test_a_surname_option_is_never_the_letters_after_a_name():
    from questions.distractors import surname
    assert surname("Richard Penhale KC") == "Penhale" and surname("Dana Morrow") == "Morrow"
