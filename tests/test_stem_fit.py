"""Options the stem's own words rule out (made-up sentences, real spaCy model): a part above its whole, a
majority below half, a share past the threshold it 'fell just short of', an amount the stem already states,
a date on the other side of a date the stem names, a man where the stem says 'she' of the blank; and a
surname or a 'she' read as the person of the right gender."""
import questions
from questions import stem_fit
from questions.bounds import compared_bounds, majority_bound, threshold_bounds, whole_bound
from questions.parse import load_model

from .helpers import builder


def _ent(text, key):
    doc = load_model()(text)
    return doc[:], next(e for e in doc.ents if e.text == key)  # the model's mention of the key


def _choices(text, answer):
    return [i["choices"] for i in questions.generate(text, select=False)
            if i["kind"] == "multiple_choice" and i["answer"] == answer]


def test_a_part_stays_below_its_whole_and_a_whole_above_its_part():
    text = "The commission said 812,000 of the province's 1.3 million registered voters had cast ballots."
    assert whole_bound(text, "812,000") == ("below", 1.3e6)
    assert whole_bound(text, "1.3 million") == ("above", 812_000)
    assert whole_bound("The commission said 812,000 voters had cast ballots.", "812,000") is None  # control
    assert whole_bound("About 40 percent of the 300 workers left.", "40 percent") is None  # a share: another unit


def test_a_majority_of_the_seats_is_more_than_half():
    won = "The Harbour Party won an outright majority, taking 36 of the 61 seats in the Tarnel Assembly."
    assert majority_bound(won, "36") == ("above", 30.5)
    assert majority_bound(won, "61") == ("below", 72)  # the whole: under twice the majority's seats
    assert majority_bound("The Harbour Party fell short of a majority, taking 27 of the 61 seats.", "27") is None
    assert majority_bound("The Harbour Party took 36 of the 61 seats.", "36") is None  # control: no majority said
    text = (won + " The Dune Alliance took 14 seats. The Farmers League took 8 seats. The Green Road took 3 seats. "
            "The Harbour Party had 41 seats before the vote.")
    for choices in _choices(text, "36"):
        assert all(30.5 < float(c) < 61 for c in choices), choices


def test_a_share_just_short_of_a_threshold_is_just_below_it():
    text = "The Workers' Union fell just short of the 5 percent threshold needed to enter the assembly, finishing with 4.6 percent."
    assert threshold_bounds(text, "4.6 percent") == [("below", 5.0), ("above", 4.0)]
    cleared = "The Sea Party cleared the 5 percent threshold with 6.2 percent."
    assert threshold_bounds(cleared, "6.2 percent") == [("above", 5.0)]
    other = "The Workers' Union fell short of the 5 percent threshold, while the Sea Party won 6.2 percent."
    assert threshold_bounds(other, "6.2 percent") == []  # another party's share: no bound (control)
    story = (text + " The Sea Party won 11.2 percent. The Coast League won 2.1 percent. The Rail Front won 7.7 percent.")
    for choices in _choices(story, "4.6 percent"):
        assert all(4.0 < float(c.split()[0]) < 5 for c in choices), choices


def test_a_key_the_stem_compares_with_its_own_amount_stays_on_its_side():
    short = ("Vaccination coverage among pupils in the Fenmoor Valley has fallen to 83 percent, well below the "
             "92 percent that doctors say is needed to stop outbreaks.")
    assert compared_bounds(short, "92 percent") == [("above", 83.0 * 1.1)]  # "well below": some way off, too
    assert compared_bounds("Turnout rose to 83 percent, above the 75 percent target of the council.",
                           "75 percent") == [("below", 83.0)]
    assert compared_bounds("Turnout rose to 83 percent, while the 75 percent target was set in May.", "75 percent") == []
    assert compared_bounds("Coverage is 83 percent, and the 92 percent goal is near.", "92 percent") == []  # control
    story = (short + " Coverage was 88 percent in 2019. About 61 percent of parents read the letter. "
             "Only 47 percent of clinics opened on Saturdays. Some 79 percent of nurses agreed. "
             "In Tarrow, 97 percent of pupils had both doses, and 86 percent of teachers did. In Orlen, 95 percent "
             "of pupils had one dose, and in Kell 99 percent did.")  # "well below the _____": options well above 83
    found = _choices(story, "92 percent")
    assert found, "the comparison is still asked"
    for choices in found:
        assert all(float(c.split()[0]) > 83 * 1.1 for c in choices), choices


def test_a_peak_the_stem_says_fell_to_a_number_is_above_it():
    fell = "Dr. Pell said weekly cases had fallen from a peak of 64 in the week ending May 3 to 41 last week."
    assert compared_bounds(fell, "64") == [("above", 41.0)]
    assert compared_bounds("Dr. Pell said weekly cases had risen from a low of 12 in May to 41 last week.",
                           "12") == [("below", 41.0)]
    assert compared_bounds("Dr. Pell said weekly cases were 64 in May and 41 last week.", "64") == []  # control
    assert compared_bounds("Output fell from 40 tonnes to 31 percent of capacity.", "40 tonnes") == []  # other unit


def test_an_amount_the_stem_states_is_no_option():
    span, ent = _ent("With good care, owls live four to six years, but some are known to live 12 years.", "12 years")
    assert stem_fit.stated_amount("6 years", span, ent) and stem_fit.stated_amount("4 years", span, ent)
    assert not stem_fit.stated_amount("9 years", span, ent)  # control
    assert not stem_fit.stated_amount("10", span, ent)  # a bare count may count anything else


def test_a_date_stays_on_the_keys_side_of_the_stems_dates():
    span, ent = _ent("The probe left Earth in May 2018, and it swung back past Earth in October 2020.", "October 2020")
    assert stem_fit.same_side_of_stem_dates("October 2019", "October 2020", span, ent)  # control: after May 2018
    assert not stem_fit.same_side_of_stem_dates("October 2017", "October 2020", span, ent)
    span, ent = _ent("She studied at the University of Pellam, graduating in 1958, and earned her doctorate in 1963.",
                     "1958")
    assert stem_fit.same_side_of_stem_dates("1956", "1958", span, ent)
    assert not stem_fit.same_side_of_stem_dates("1967", "1958", span, ent)
    doc = load_model()("The huts date from 1850 BC, and the wall from 1700 BC.")  # before Christ: no order read
    ent = next(e for e in doc.ents if "1850" in e.text)
    assert stem_fit.same_side_of_stem_dates("1650 BC", ent.text, doc[:], ent)


def test_a_gendered_noun_says_the_gender_of_its_person():
    span, ent = _ent("Her son, Peter Lindqvist, said the cause was cancer.", "Peter Lindqvist")
    assert stem_fit.noun_gender(ent) == "m"
    span, ent = _ent("In 1980 Marta Lindqvist became the first woman to lead the institute.", "Marta Lindqvist")
    assert stem_fit.noun_gender(ent) == "f"
    span, ent = _ent("Marta Lindqvist, a chemist, led the institute.", "Marta Lindqvist")
    assert stem_fit.noun_gender(ent) is None  # control


PEOPLE = ("The breach was found by an outside researcher. Dana Ferro, who runs a small security firm in Kelby, said "
          "she noticed the records on a forum. \"We are sorry,\" said the chief executive, Viktor Amsel. "
          "\"Call the bank,\" said Tomas Quill, the federation's director. Ms. Irena Vask, the commissioner, opened "
          "an investigation. Ms. Greta Holm, a lawyer, said customers may sue. Ms. Lena Dorr, an analyst, said "
          "shares would fall. Viktor Amsel said the company would pay for credit checks.")


def test_where_the_stem_says_she_of_the_blank_only_women_are_options():
    b = builder(PEOPLE)
    sentence = next(s for s in b.sentences if "Dana Ferro" in s.text)
    ent = next(e for e in sentence.span.ents if e.text == "Dana Ferro")
    assert stem_fit.stem_gender(b, sentence, ent) == "f"
    other = next(s for s in b.sentences if s.text.startswith("Viktor Amsel said"))
    ent_other = next(e for e in other.span.ents if e.text == "Viktor Amsel")
    assert stem_fit.stem_gender(b, other, ent_other) is None  # control: the stem says no gender of him
    found = _choices(PEOPLE, "Dana Ferro")
    assert found  # positive control: three women the article calls "Ms." are there to offer
    for choices in found:
        assert not {"Viktor Amsel", "Tomas Quill"} & set(choices), choices


def test_a_surname_alone_is_the_person_of_the_gender_its_sentence_says():
    text = ("Marta K. Lindqvist, a chemist who mapped the salt lakes of Orvane, died on May 2 at her home. She was 81. "
            "Her son, Peter Lindqvist, said the cause was cancer. In 1980 Dr. Lindqvist became the first woman to "
            "lead the Oster Institute, a post she held for 12 years.")
    b = builder(text)
    sentence = next(s for s in b.sentences if "first woman" in s.text)
    ent = next(e for e in sentence.span.ents if e.text == "Lindqvist")
    assert b.lookup[(sentence.index, ent.start_char)].name == "Marta K. Lindqvist"
    control = builder(text.replace("In 1980 Dr. Lindqvist became the first woman to lead the Oster Institute, a post "
                                   "she held for 12 years.", "Lindqvist said he would run the family firm."))
    sentence = next(s for s in control.sentences if "family firm" in s.text)
    ent = next(e for e in sentence.span.ents if e.text == "Lindqvist")
    assert control.lookup[(sentence.index, ent.start_char)].name == "Peter Lindqvist"  # named last, and "he"


def test_she_is_not_read_as_a_man_the_article_calls_mr():
    def subject_text(text):
        b = builder(text)
        sentence = b.sentences[1]
        return "".join(t._.qtext if t._.qtext is not None else t.text_with_ws for t in sentence.span)

    assert subject_text("Ms. Anna Brell opened the bakery in 1990. She later sold it to a chain.").startswith(
        "Anna Brell")  # control
    assert subject_text("Mr. Tomas Brell opened the bakery in 1990. She later sold it to a chain.").startswith("She")


def test_a_true_false_statement_swaps_no_man_in_for_the_stems_she():
    text = ("Riverton beat Calder 2-1 on Saturday. Head coach Marta Lindqvist, who took charge of the club last "
            "year, praised her players' discipline. Calder's coach, Tomas Brell, said the side had tired. "
            "Tomas Brell said Calder would appeal a penalty. Jonas Pell, the club's other coach, agreed.")
    items = questions.generate(text, select=False)
    marta = [i for i in items if i["kind"] == "true_false" and "praised her players" in i["prompt"]]
    assert marta  # positive control: the sentence still gives a statement
    for item in marta:
        assert "Brell" not in item["prompt"] and "Pell" not in item["prompt"], item
    assert not [i for i in items if i["kind"] == "multiple_choice" and i["answer"] == "Marta Lindqvist"]  # typed
    assert [i for i in items if i["kind"] == "fill_blank" and i["answer"] == "Marta Lindqvist"]
