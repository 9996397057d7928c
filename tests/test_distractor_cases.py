"""The distractor table (issue 15): key, stem and article context -> options allowed or refused. Each row is a
general rule on made-up sentences: a name the model calls a person that the article shows to be a company or
a place is no option among people (and none of them is its option or its swap); figures as round as the key;
options the stem's comparison rules out; years on the side of the story's present the clause's tense says.
The real spaCy model."""
import re

import pytest

import questions
from questions import kinds
from questions.amounts import number_variants
from questions.bounds import _value, compared_bounds

from .helpers import builder

MERGER = ("The merger was approved on Monday. Dr Anna Keller, the chief executive of Marden Hale, will lead the "
          "combined group. Tomas Brandt, the chief executive of Coldwater Rise, will become chairman of the new "
          "board. Under the deal, Coldwater Rise shareholders will receive 0.6 shares in the new company for each "
          "share they hold. Shares in Marden Hale rose 4 per cent. Julia Ostrow, a nurse, said she was worried "
          "about her job. Victor Lund, a union official, said he would fight any job cuts. Keller said no wards "
          "would close. Visitors who walk along the boardwalk at Fenwick Moss in May can hear bitterns calling.")
NOT_PEOPLE = ("Coldwater Rise", "Marden Hale", "Fenwick Moss")


@pytest.fixture(scope="module")
def merger_items():
    return questions.generate(MERGER, select=False)


@pytest.mark.parametrize("name, sort", [
    ("Coldwater Rise", "org"),  # "the chief executive of X", "X shareholders", though the model says PERSON
    ("Marden Hale", "org"),  # "shares in X"
    ("Fenwick Moss", "place"),  # "the boardwalk at X", and nothing says it is someone
    ("Anna Keller", "person"),  # controls: a person noun beside them, a surname alone, "she"
    ("Julia Ostrow", "person"),
    ("Victor Lund", "person"),
])
def test_the_articles_words_outweigh_a_person_label(name, sort):
    b = builder(MERGER)
    assert kinds.kind_table(b)[name][0] == sort


INVENTOR = ("Leila Marwood was born in 2005 in Barrowfield, where her father grew rice. Marwood studied chemistry "
            "at Kellmoor University. Her filter, tested by Kellmoor University, removes arsenic from well water. "
            "Tomas Ekdahl, 61, a farmer, said the filter had changed his life. The prize was presented by Dr Ingrid "
            "Sola, who chairs the jury. The factory, opened by Brenmoor Coachworks on Friday, employs 200 people.")


@pytest.mark.parametrize("name, sort", [
    ("Leila Marwood", "person"),  # "X was born": someone, though the model says ORG
    ("Ingrid Sola", "person"),  # "Dr X"
    ("Tomas Ekdahl", "person"),  # "X, 61,"
    ("Brenmoor Coachworks", "org"),  # a works: a company, though the model says PERSON
    ("Kellmoor University", "org"),  # control
])
def test_a_birth_a_title_an_age_say_someone_and_a_works_a_company(name, sort):
    assert kinds.kind_table(builder(INVENTOR))[name][0] == sort


def test_a_person_the_model_calls_an_organisation_is_never_swapped_for_one():
    from questions.distractors import typed_pool
    b = builder(INVENTOR)
    marwood = b.by_name["Leila Marwood"]
    sentence = b.sentences[0]
    assert "Kellmoor University" not in list(typed_pool(b, marwood, marwood.name, sentence))  # no university "born"
    kellmoor = b.by_name["Kellmoor University"]
    assert "Leila Marwood" not in list(typed_pool(b, kellmoor, kellmoor.name, b.sentences[-1]))


def test_no_company_or_place_among_people(merger_items):
    people = [i for i in merger_items if i["kind"] == "multiple_choice" and i["answer"] in
              ("Anna Keller", "Tomas Brandt")]
    assert people  # positive control: people are asked with options
    for item in people:
        assert not set(item["choices"]) & set(NOT_PEOPLE), item


def test_a_company_the_model_calls_a_person_is_typed_not_offered_people(merger_items):
    asked = [i for i in merger_items if i["answer"] == "Coldwater Rise"]
    assert any(i["kind"] == "fill_blank" for i in asked)  # positive control: the fact is still asked
    assert not [i for i in asked if i["kind"] == "multiple_choice"]  # no other company: no weak choice


def test_a_false_statement_never_swaps_a_person_for_a_company_or_a_place(merger_items):
    swaps = [i for i in merger_items if i["kind"] == "true_false" and i["answer"] == "False"]
    people_swapped = [i for i in swaps if "chief executive" in i["source_sentence"]]
    assert people_swapped  # positive control: a person is swapped for a person
    for item in swaps:
        into = [n for n in (*NOT_PEOPLE, "Anna Keller", "Tomas Brandt", "Julia Ostrow", "Victor Lund")
                if n in item["prompt"] and n not in item["source_sentence"]]
        out = [n for n in (*NOT_PEOPLE, "Anna Keller", "Tomas Brandt", "Julia Ostrow", "Victor Lund")
               if n in item["source_sentence"] and n not in item["prompt"]]
        assert (set(into) & set(NOT_PEOPLE)) == (set(out) & set(NOT_PEOPLE)), item["prompt"]


@pytest.mark.parametrize("key, step", [
    ("about 850", 50), ("4,000 acres", 1000), ("31,500 pounds", 500), ("900 square kilometres", 100),
    ("$730 million", 10), ("350", 50), ("90 per cent", 5),
])
def test_options_of_a_round_key_are_as_round(key, step):
    options = number_variants(key)
    assert len(options) >= 3
    for option in options:
        value = float(re.search(r"\d[\d,]*", option).group(0).replace(",", ""))
        assert value % step == 0, (key, options)  # "about 850": not 638 or 1275


def test_a_figure_that_is_not_round_keeps_its_options():
    assert number_variants("71") == ["36", "53", "106", "142", "213"]  # control: nothing to round to
    assert number_variants("$9.7 billion")[:2] == ["$4.8 billion", "$7.3 billion"]


def test_cents_stay_cents_and_large_numbers_are_grouped():
    assert all(int(o.split()[0]) < 100 for o in number_variants("90 cents")) and len(number_variants("90 cents")) >= 3
    assert "about 1,300" in number_variants("about 850")  # "1300" is not how a story writes it


@pytest.mark.parametrize("sentence, key, allowed, refused", [
    ("Consumer prices rose 5.8% in the year to March, up from 5.3% in February and well above the Kestrel Bank's "
     "target of 2%.", "2%", ["1%", "3%", "4%"], ["5%", "6%"]),
    ("Lead in the water fell from 40 micrograms per litre to 3 micrograms per litre, below the national limit of 10.",
     "10", ["5", "15"], ["2", "1"]),
    ("The share of pupils who slept eight hours rose from 31 per cent to 52 per cent.", "52 per cent",
     ["40 per cent", "70 per cent"], ["20 per cent", "30 per cent"]),
    ("At the other schools it barely changed, edging up from 24 per cent to 26 per cent.", "26 per cent",
     ["25 per cent", "30 per cent"], ["18 per cent", "14 per cent"]),
    ("Sales fell from $12 million to $9 million.", "$9 million", ["$6 million", "$11 million"], ["$14 million"]),
])
def test_the_stems_own_comparison_rules_options_out(sentence, key, allowed, refused):
    bounds = compared_bounds(sentence, key)
    assert bounds

    def fits(option):
        value = _value(option)
        return all(value < t if side == "below" else value > t for side, t in bounds)
    assert all(fits(o) for o in allowed), bounds
    assert not any(fits(o) for o in refused), bounds


def test_a_comparison_with_nothing_to_compare_bounds_nothing():
    assert compared_bounds("The deposit is 20 cents for small bottles.", "20 cents") == []  # control


CLUB = ("Harrow Athletic named Pieter Laska as its new manager on Friday. Laska was appointed after the club "
        "sacked Dan Orrell in March 2024. Orrell had been appointed in May 2021 after leading the club to "
        "promotion. He signed a new contract until June 2029 in 2023. The club was founded in 1908 and won the "
        "league in 1998. The club hopes to finish a new stadium by 2031. Attendance rose to 18,000 in 2019.")


def _choices(items, answer):
    return [i["choices"] for i in items if i["kind"] == "multiple_choice" and i["answer"] == answer]


@pytest.fixture(scope="module")
def club_items():
    return questions.generate(CLUB, select=False)


def test_a_date_told_in_the_past_gets_no_option_after_the_storys_past(club_items):
    found = _choices(club_items, "May 2021") + _choices(club_items, "2019")
    assert found  # positive control: a past date asked with options
    for choices in found:
        for choice in choices:
            assert int(re.search(r"\d{4}", choice).group(0)) <= 2024, choices  # not "June 2029" nor 2031


def test_a_hoped_for_date_gets_no_past_option(club_items):
    found = _choices(club_items, "2031")
    assert found  # positive control: "hopes to finish ... by _____" asked with options
    assert all(int(c) > 2024 for choices in found for c in choices), found


BOARD = ("Superintendent Lorraine Abernathy proposed the cellphone policy in May. The board voted on Monday. Grace "
         "Mwangi chaired the meeting. Ollie Drummond wrote the first draft of the rules. Ray Oyelaran led the "
         "parents' campaign against it. Marcy Dell organised a petition. Abernathy said the ban would start in June. "
         "Mwangi said she was pleased. Drummond said he had doubts.")


def test_no_option_carries_a_title_the_others_lack():
    from questions.names import leading_title
    assert leading_title("Superintendent Lorraine Abernathy") == "Superintendent"
    assert leading_title("Lorraine Abernathy") is None and leading_title("St Brennan") is None  # controls
    items = questions.generate(BOARD, select=False)
    people = [i for i in items if i["kind"] == "multiple_choice" and i["answer_type"] == "PERSON"]
    assert people  # positive control
    for item in people:
        assert not [c for c in item["choices"] if leading_title(c)], item  # "Lorraine Abernathy", untitled
    proposed = [i for i in items if i["answer"] == "Superintendent Lorraine Abernathy"]
    assert all(i["kind"] != "multiple_choice" for i in proposed)  # the one titled key: typed, not the odd one out


@pytest.mark.parametrize("sentence, key, given_away", [
    ("A survey of 22 analysts found that 17 predicted a rise, four expected no change and one forecast a cut.", "22",
     True),  # the parts add up to the key
    ("A survey of 22 analysts found that 17 predicted a rise, four expected no change and one forecast a cut.", "17",
     True),  # the whole and the other parts give the key
    ("The council approved an additional $31.4 million, pushing the total cost to $79.9 million, well over the "
     "$48.5 million budget.", "$79.9 million", True),
    ("The council approved an additional $31.4 million, pushing the total cost to $79.9 million, well over the "
     "$48.5 million budget.", "$48.5 million", True),
    ("The plant employs 350 people and will grow to 900 by 2028.", "900", False),  # controls: nothing adds up
    ("The phone will go on sale on Oct. 24 in 31 countries, seven more than last year.", "31", False),
    ("Shares rose 12 percent to $45 after the company sold 30 stores.", "$45", False),
])
def test_a_key_the_stems_other_amounts_add_up_to_is_given_away(sentence, key, given_away):
    from questions.given import sum_in_stem
    assert sum_in_stem(sentence, key) is given_away


def test_a_sum_given_away_is_not_asked_but_its_sentence_is():
    text = ("A survey of 22 analysts conducted by Wirefield last week found that 17 predicted a quarter-point rise, "
            "four expected no change and one forecast a larger increase. The council voted on Monday to approve an "
            "additional $31.4 million for the bridge, pushing the total cost to $79.9 million, well over the $48.5 "
            "million budget approved in 2020. The bridge will carry 30,000 vehicles a day.")
    items = questions.generate(text, select=False)
    assert not [i for i in items if i["answer"] in ("22", "17", "$79.9 million", "$48.5 million")]
    assert [i for i in items if i["answer"] == "30,000"]  # positive control: an amount that adds up to nothing
    assert "sum-in-stem" in questions.explain(text)


@pytest.mark.parametrize("sentence, key, option, ruled_out", [
    ("The Kestrel Chamber of Industry urged the bank to pause the rises.", "Kestrel Chamber of Industry",
     "Kestrel Reserve Bank", True),  # the bank is the one urged, not the one who urged
    ("The Kestrel Chamber of Industry urged the bank to pause the rises.", "Kestrel Chamber of Industry",
     "Kestrel Farmers Union", False),  # control: no union in the stem
    ("Halbrook Bank said the bank would cut its rates.", "Halbrook Bank", "Kestrel Reserve Bank", False),
    # a key of that kind: 'the bank' may be the key itself
])
def test_an_option_the_stem_names_by_its_kind_as_another_party_is_refused(sentence, key, option, ruled_out):
    from questions.stem_fit import named_by_kind_noun
    doc = questions.load_model()(sentence)
    start = sentence.index(key)
    ent = doc.char_span(start, start + len(key), alignment_mode="expand")
    assert named_by_kind_noun(option, key, doc[:], ent) is ruled_out


@pytest.mark.parametrize("sentence, key, bound", [
    # a verb that moves an amount one way: where it went is past where it started, and the other way round
    ("The contracts were to deepen the channel at Orrin Bay from 11 metres to 14 metres.", "14 metres", ("above", 11)),
    ("The contracts were to deepen the channel at Orrin Bay from 11 metres to 14 metres.", "11 metres", ("below", 14)),
    ("The council voted to cut the fare from 3 dollars to 2 dollars.", "2 dollars", ("below", 3)),
    ("The council voted to cut the fare from 3 dollars to 2 dollars.", "3 dollars", ("above", 2)),
    # controls: no verb that says which way, or no "from ... to"
    ("The fare went from 3 dollars to 2 dollars.", "2 dollars", None),
    ("The council voted to cut the fare by 2 dollars.", "2 dollars", None),
])
def test_a_verb_that_moves_an_amount_bounds_where_it_went(sentence, key, bound):
    from questions.bounds import moved_bound
    assert moved_bound(sentence, key) == bound


def test_a_bare_count_up_from_is_below_the_count_it_rose_to():
    from questions.bounds import change_bound
    sentence = "The average class in Orlen now has 29 pupils, up from 24 in 2014."
    assert change_bound(sentence, "24") == ("below", 29)
    assert change_bound(sentence, "2014") is None  # a year is no count of pupils
    assert change_bound("The average class in Orlen has 29 pupils.", "29 pupils") is None  # control


def test_options_of_a_deepened_channel_are_deeper_than_it_was():
    text = ("Orrin Bay port chief jailed\n\nA former port chief was jailed for nine years on Tuesday for taking bribes "
            "from dredging firms.\n\nThe Orrin Bay Port Authority paid Tarrow Dredging to deepen the main channel at Orrin "
            "Bay from 11 metres to 14 metres in 2019. The port spent 40 metres of new quay "
            "wall and 6 metres of fencing on the works, and the old pier was 19 metres long.")
    made = [it for it in questions.generate(text, select=False) if it["kind"] == "multiple_choice"]
    deeper = [it for it in made if it["answer"] == "14 metres"]
    shallower = [it for it in made if it["answer"] == "11 metres"]
    assert deeper, "the new depth is asked as a multiple choice"
    assert all(_value(o) > 11 for it in deeper for o in it["choices"]), deeper
    # the old depth: options under 14 metres, or (too few of them: 6 metres only) a typed item instead
    assert all(_value(o) < 14 for it in shallower for o in it["choices"]), shallower
    assert shallower or any(it["answer"] == "11 metres" for it in questions.generate(text, select=False)
                            if it["kind"] == "fill_blank")


@pytest.mark.parametrize("sentence, key, allowed, refused", [
    # "up/down from" reaches the clause's amount, a whole it is counted of aside
    ("The Green Party took 19 of the council's 45 seats, up from 16 at the last election.", "19", ["21", "28"],
     ["14", "10"]),
    ("The Green Party took 19 of the council's 45 seats, up from 16 at the last election.", "16", ["12", "8"], ["24"]),
    ("The bus company had offered a 9 percent rise, up from 6 percent in its first offer.", "9 percent",
     ["12 percent"], ["4 percent", "5 percent"]),
    ("The bus company had offered a 9 percent rise, up from 6 percent in its first offer.", "6 percent",
     ["4 percent", "5 percent"], ["12 percent"]),
    ("The Greens won 19 seats, while the Reds won 12, up from 7.", "19", ["5", "30"], []),  # control: another clause
    # "VERB to Y from X"
    ("Gross margin narrowed to 31.2 percent from 37.5 percent.", "31.2 percent", ["25 percent", "18 percent"],
     ["45 percent", "40 percent"]),
    ("Gross margin narrowed to 31.2 percent from 37.5 percent.", "37.5 percent", ["45 percent"], ["25 percent"]),
    ("Sales at Tarlow Foods rose to 18 from 12 stores.", "18", ["24", "27"], ["9", "6"]),
    ("Sales at Tarlow Foods rose to 18 from 12 stores.", "12", ["9", "6"], ["24"]),
    ("The fare went to 2 dollars from 3 dollars.", "2 dollars", ["1 dollars", "5 dollars"], []),  # control: no way
    # a hedged key: no option as near as to be "about" it too
    ("The company kept its forecast of about 4 percent growth.", "4 percent", ["6 percent", "3 percent"],
     ["4.1 percent", "4.5 percent", "3.6 percent"]),
    ("Visitors spent nearly 850 pounds each.", "850 pounds", ["650 pounds", "1,300 pounds"], ["800 pounds", "900 pounds"]),
    ("The company kept its forecast of 4 percent growth.", "4 percent", ["4.1 percent", "6 percent"], []),  # control
])
def test_options_the_stem_does_not_rule_out(sentence, key, allowed, refused):
    from questions.bounds import stem_allows
    assert [o for o in allowed if not stem_allows(sentence, key, o)] == []
    assert [o for o in refused if stem_allows(sentence, key, o)] == []


@pytest.mark.parametrize("sentence, key, given_away", [
    ("Net profit fell 18 percent to $411 million from $502 million.", "$411 million", True),  # 0.82 x 502
    ("Net profit fell 18 percent to $411 million from $502 million.", "$502 million", True),
    ("Net profit fell 18 percent to $411 million from $502 million.", "18 percent", True),  # 411 / 502
    ("Exports reached $4.1 billion, up 12 percent from $3.7 billion.", "$4.1 billion", True),  # to its rounding
    ("Visitor numbers rose 20 percent to 1,200 from 1,000 last year.", "1,200", True),
    # controls: nothing the change is counted from, figures that do not agree, points not percent
    ("Revenue slipped 6 percent to $4.1 billion, below the $4.35 billion that analysts had expected.", "$4.1 billion",
     False),
    ("Net profit fell 18 percent to $411 million, while revenue was $902 million.", "$411 million", False),
    ("Net profit fell 18 percent to $411 million from $611 million.", "$411 million", False),
    ("Unemployment fell 2 percentage points to 4 percent from 6 percent.", "4 percent", False),
    ("The union had offered a 9 percent rise, up from 6 percent in its first offer.", "6 percent", False),
])
def test_a_key_the_stems_change_computes_is_given_away(sentence, key, given_away):
    from questions.given import change_in_stem
    assert change_in_stem(sentence, key) is given_away


@pytest.mark.parametrize("sentence, key, to_come", [
    ("The party has pledged to build 1,200 homes by 2030.", "2030", True),
    ("The company has offered to protect jobs until 2028.", "2028", True),
    ("The union agreed to freeze pay until March 2027.", "March 2027", True),
    ("The city is committed to reaching net zero by 2040.", "2040", True),
    ("The party pledged in 2019 to build homes.", "2019", False),  # the pledge's own date is past
    ("The council built 1,200 homes by 2019.", "2019", False),  # control: nothing pledged
])
def test_what_is_pledged_or_offered_is_dated_to_come(sentence, key, to_come):
    from questions.amounts import future_stem
    doc = questions.load_model()(sentence)
    start = sentence.index(key)
    assert future_stem(doc.char_span(start, start + len(key), alignment_mode="expand")) is to_come


COUNCIL = ("The Green Party won 41 percent of the vote in Kessel, up from 27 percent at the last election. The Labour "
           "Party won 30 percent of the vote. The Harbour Party kept 5 seats.\n\nNet profit at Tarlow Foods fell 18 "
           "percent to $411 million from $502 million. Revenue at Tarlow Foods reached $2.4 billion. Tarlow Foods paid "
           "$600 million in wages and $95 million in taxes. Tarlow Foods kept its forecast of about 4 percent growth. "
           "Rivals of Tarlow Foods expected growth of 4.1 percent.\n\nThe Green Party has pledged to build 1,200 homes "
           "by 2030. Tarlow Foods has offered to protect jobs until 2028. The Green Party pledged in 2019 to build homes "
           "for nurses. Kessel Council was founded in 2004 and moved to new offices in 2009.")


@pytest.fixture(scope="module")
def council_items():
    return questions.generate(COUNCIL, select=False)


def test_options_of_a_story_keep_to_what_its_stems_allow(council_items):
    won = [i["choices"] for i in council_items if i["kind"] == "multiple_choice" and i["answer"] == "41 percent"
           and "_____ of the vote" in i["prompt"]]
    assert won and all(_value(c) > 27 for choices in won for c in choices), won  # up from 27 percent: more
    billions = _choices(council_items, "$2.4 billion")
    assert billions and all("billion" in c for choices in billions for c in choices), billions
    assert any("$502 million" in choices or "$95 million" in choices
               for choices in _choices(council_items, "$600 million"))  # control: the story's amounts are still offered
    about = [i for i in council_items if i["kind"] == "multiple_choice" and i["answer"] == "4 percent"
             and "about _____" in i["prompt"]]
    assert about and all(abs(_value(c) - 4) > 0.6 for i in about for c in i["choices"] if c != "4 percent"), about
    for key in ("2030", "2028"):  # what is pledged or offered is still to come
        found = _choices(council_items, key)
        assert found and all(int(c) > 2019 for choices in found for c in choices), (key, found)
    past = _choices(council_items, "2019")
    assert past and all(int(c) <= 2019 for choices in past for c in choices), past  # the pledge's own year


def test_a_key_the_stems_change_computes_is_not_asked(council_items):
    assert not [i for i in council_items if i["answer"] in ("$411 million", "$502 million", "18 percent")]
    assert [i for i in council_items if i["answer"] == "$95 million"]  # control: an amount nothing computes
    assert "change-in-stem" in questions.explain(COUNCIL)
