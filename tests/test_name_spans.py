"""questions/name_spans.py and the forms a name is accepted in: names the small model cuts in two
('Sailors' + 'Front', 'Fishers' + 'Hills League') or runs into an open parenthesis are made whole
before anything is asked of them; an era belongs to its year; a surname alone is the person last
named in full; the last word alone of a place's or a company's name is no fair answer.
Every article here is made up."""
import pytest

import questions
from questions.name_spans import (close_parentheses, join_across_apostrophes, join_coordinated_groups, join_eras,
                                  join_possessive_pairs)
from questions.parse import load_model


def ents(sentence, mend):
    doc = load_model()(sentence)
    mend(doc)
    return [(e.text, e.label_) for e in doc.ents]


def generated(text):
    return questions.generate(text, source="test.txt")


def test_a_plural_possessive_inside_a_name_joins_its_two_halves():
    sentence = "The far-left Sailors' Front fell just short of the 5 percent threshold needed to enter the assembly."
    assert ("Sailors", "ORG") in [(e.text, e.label_) for e in load_model()(sentence).ents]  # what the model does
    assert ("Sailors' Front", "ORG") in ents(sentence, join_across_apostrophes)
    # a possessive between a name and a name of its own stays apart: no space is missing there
    assert ("Sailors' Front", "ORG") not in ents("The Sailors ' Front fell short.", join_across_apostrophes)


def test_a_party_named_for_two_groups_is_one_name():
    sentence = "Meanwhile, the Fishers and Hills League took 7.9 percent and two seats."
    assert ("Hills League", "ORG") in [(e.text, e.label_) for e in load_model()(sentence).ents]
    assert ("Fishers and Hills League", "ORG") in ents(sentence, join_coordinated_groups)
    # two bodies named together stay two: a singular name before 'and', or no group's head noun after it
    kept = ents("The Treasury and Federal Reserve Bank met on Monday.", join_coordinated_groups)
    assert ("Federal Reserve Bank", "ORG") in kept and not any(" and " in text for text, _ in kept)


@pytest.mark.parametrize("sentence, name", [
    ("That timetable has alarmed the Orn Nurses' and Midwives' Union, which says the plan will fail.",
     "Orn Nurses' and Midwives' Union"),
    ("The Kell Teachers' and Lecturers' Federation said it would strike in May.", "Kell Teachers' and Lecturers' Federation"),
])
def test_a_body_named_for_two_groups_in_the_possessive_is_one_name(sentence, name):
    joined = [text.removeprefix("the ").removeprefix("The ") for text, _ in ents(sentence, join_possessive_pairs)]
    assert name in joined
    # control: two bodies named side by side stay two
    kept = ents("The Kell Farmers' Cooperative and Orn Valley Council met.", join_possessive_pairs)
    assert not any(" and " in text for text, _ in kept), kept


def test_a_name_stops_before_a_parenthesis_it_does_not_close():
    from spacy.tokens import Span

    doc = load_model()("Samples went to the Orlen Isotope Laboratory (OIL), and the results were clear.")
    opening = next(t.i for t in doc if t.text == "(")
    doc.ents = [Span(doc, 3, opening + 2, label="ORG")]  # the model's 'the Orlen Isotope Laboratory (OIL'
    close_parentheses(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("the Orlen Isotope Laboratory", "ORG"), ("OIL", "ORG")]
    whole = load_model()("Samples went to the Orlen Isotope Laboratory (OIL), and the results were clear.")
    whole.ents = [Span(whole, 3, opening + 3, label="ORG")]  # a name that closes its parenthesis is left alone
    close_parentheses(whole)
    assert [e.text for e in whole.ents] == ["the Orlen Isotope Laboratory (OIL)"]


def test_an_era_belongs_to_its_year_and_is_no_organisation():
    sentence = "The samples clustered between 2850 and 2750 BC, the Tavel team said."
    assert ("BC", "ORG") in [(e.text, e.label_) for e in load_model()(sentence).ents]  # what the model does
    mended = ents(sentence, join_eras)
    assert ("2750 BC", "DATE") in mended and ("BC", "ORG") not in mended


ELECTION = ("Harbour Party wins Dellmoor\n\nThe Harbour Party won 41.2 percent of the vote in Dellmoor on Sunday, "
            "ending 12 years of opposition.\n\nAmong the smaller parties, the Green Hills Movement won 10.1 percent "
            "and four seats, while the Fishers and Valleys League took 6.2 percent and one seat.\n\nThe far-left "
            "Sailors' Front fell just short of the 5 percent threshold needed to enter the assembly, finishing "
            "with 4.2 percent.\n")


def test_items_ask_the_whole_name_never_half_of_it():
    items = generated(ELECTION)
    answers = {i["answer"] for i in items}
    assert "Fishers and Valleys League" in answers or "Sailors' Front" in answers, answers  # positive control
    for item in items:
        assert "Fishers and _____" not in item["prompt"] and "_____' Front" not in item["prompt"], item
        assert item["answer"] not in ("Fishers", "Sailors", "Valleys League", "Front"), item


OBITUARY = ("Mara T. Lind, geologist, dies at 80\n\nMara T. Lind, a geologist who mapped the Varn glaciers, died "
            "on Monday at 80.\n\nHer son, Peter Lind, runs the family farm near Orrow. Lind became the first man to "
            "win the Orrow Prize in 1990.\n\nMara T. Lind joined the Varn Survey in 1968. Lind led the Varn Survey "
            "for 14 years and wrote 30 books.\n")


def test_a_surname_alone_is_the_person_last_named_in_full():
    items = generated(OBITUARY)
    who = {i["prompt"]: i["answer"] for i in items if i["kind"] in ("short_answer", "fill_blank")
           and i["answer"] in ("Mara T. Lind", "Peter Lind")}
    led = [answer for prompt, answer in who.items() if "led the Varn Survey" in prompt]
    won = [answer for prompt, answer in who.items() if "Orrow Prize" in prompt]
    assert led and won, who  # both asked
    assert set(led) == {"Mara T. Lind"} and set(won) == {"Peter Lind"}, who


COMPANY = ("Orrin Bay port expands\n\nThe Orrin Bay Port Authority said on Tuesday that Orrin Bay will add "
           "three berths by 2027. Orrin Bay handled 4 million tonnes of cargo last year, the Orrin Bay Port "
           "Authority said.\n\nThe Tavel Mining Group ships 2 million tonnes of copper through Orrin Bay each "
           "year.\n")


def test_the_last_word_of_a_place_name_alone_is_not_accepted():
    items = [i for i in generated(COMPANY) if i["answer"] in ("Orrin Bay", "the Orrin Bay")]
    assert items  # positive control: the port's name is asked
    for item in items:
        assert "Bay" not in item["accepted"], item
    people = [i for i in generated(OBITUARY) if i["answer"] == "Mara T. Lind" and i["kind"] != "multiple_choice"]
    assert people and all("Lind" in i["accepted"] for i in people)  # a surname alone is right for a person


@pytest.mark.parametrize("form, name, label, unfair", [
    ("Bay", "Orrin Bay", "GPE", True), ("Orrin", "Orrin Bay", "GPE", False),
    ("Lind", "Mara T. Lind", "PERSON", False), ("Telecom", "Calder Telecom", "ORG", True),
    ("Bay", "Orrin Bay", "PERSON", True)])
def test_generic_tail(form, name, label, unfair):
    from questions.entities import Entity
    from questions.name_items import _generic_tail

    assert _generic_tail(form, Entity(name=name, label=label, first_sentence=0)) is unfair


@pytest.mark.parametrize("form, mention, possessed", [
    ("TRN\u2019s Orlen Solar System Radar", "TRN", True), ("the TRN's radar", "TRN", True), ("TRN", "TRN's radar", True),
    ("Tavel Relay Network", "TRN", False), ("Korrin's Law", "Korrin's Law", False)])
def test_a_possessive_phrase_is_no_form_of_its_owner(form, mention, possessed):
    """'the DSN's Goldstone radar' was accepted for 'DSN' (a mention the model merged into the name)."""
    from questions.name_items import _possessed

    assert _possessed(form, mention) is possessed


def test_a_currency_sign_the_model_leaves_out_belongs_to_its_amount():
    from questions.names import join_currency_signs

    sentence = "The Velto Fold weighs 240 grams and starts at $1,399, and the fee rose to $21.50."
    model = [(e.text, e.label_) for e in load_model()(sentence).ents]
    assert ("1,399", "MONEY") in model  # what the model does: the sign left out
    mended = ents(sentence, lambda doc: join_currency_signs([doc]))
    assert ("$1,399", "MONEY") in mended and ("$21.50", "MONEY") in mended
    assert ("240 grams", "QUANTITY") in mended  # an amount with no sign before it is left as it was


def test_a_blank_over_an_amount_holds_its_currency_sign():
    text = ("Orvel Phones launched its new handset on Monday in the city of Darnby.\n\n"
            "The Orvel Arc weighs 240 grams and starts at $1,399 in the shops of Darnby.\n\n"
            "Orvel Phones sold 3.1 million handsets last year, up from 2.4 million a year earlier.")
    items = generated(text)
    keys = {it["answer"] for it in items if it["kind"] in ("fill_blank", "multiple_choice")}
    assert "$1,399" in keys
    assert not any("$_____" in it["prompt"] for it in items)


def test_a_count_of_days_is_asked_without_the_year_it_was_counted_in():
    from questions.names import trim_dates

    sentence = "Monitors on Quay Street broke the limit for ozone on 58 days last year."
    assert ("58 days last year", "DATE") in [(e.text, e.label_) for e in load_model()(sentence).ents]
    assert ("58 days", "DATE") in ents(sentence, lambda doc: trim_dates([doc]))
    # a date that is a period alone stays whole: 'last year' is not cut from a bare period
    assert ("last year", "DATE") in ents("Monitors on Quay Street broke the limit last year.", lambda doc: trim_dates([doc]))


def test_a_period_run_into_the_count_after_it_is_cut_before_the_count():
    from questions.names import trim_dates

    sentence = "Last year 38,000 planned operations were cancelled on the day."
    assert ("Last year 38,000", "DATE") in [(e.text, e.label_) for e in load_model()(sentence).ents]  # the model
    mended = ents(sentence, lambda doc: trim_dates([doc]))
    assert ("Last year", "DATE") in mended and ("38,000", "CARDINAL") in mended
    # a year after the period is a date of its own making, not a count: left to the model
    assert _period_then_count_of("Last year 2019") is False


def _period_then_count_of(text):
    from spacy.tokens import Span

    from questions.names import _period_then_count

    doc = load_model()(text)
    return _period_then_count(Span(doc, 0, len(doc), label="DATE"))
