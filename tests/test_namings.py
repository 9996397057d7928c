"""questions/namings.py: the name a phrase gives a thing ('X - sometimes called Y -', 'X known as Y') is asked
on its own, even where the rest of the sentence leans on another; a phrase that does not say which thing
('this cooling', 'a trick', 'a concept') is not asked. Every sentence is written for the test."""
from .helpers import explain_made as made


def asked(text, opening):
    return [line.split(": ", 1)[1] for line in made(text, opening) if "short_answer" in line]


def test_a_naming_in_a_dash_aside_is_asked():
    text = "Geologists in Norland wonder how post-flood soil loss \u2013 sometimes called red creep \u2013 harms the farms."
    assert "What is post-flood soil loss sometimes called? -> red creep" in asked(text, "Geologists")


def test_a_naming_is_asked_though_the_sentence_leans_on_another():
    text = ("Dust from the Kell desert reaches the coast. This dust helps form a thick grey mud known as the "
            "Kell crust.")
    assert "What is a thick grey mud known as? -> Kell crust" in asked(text, "This dust")


def test_one_part_of_several_or_a_comparison_is_not_asked():
    part = "Dust from the Kell desert reaches the coast. This dust helps form a layer of the sea known as the grey shelf."
    assert not any("known as?" in q for q in asked(part, "This dust"))  # one layer of several: which?
    larger = "Kell Bay is home to a larger grey seal called the Norland seal."
    assert not any("called?" in q for q in asked(larger, "Kell Bay"))  # larger than what?
    plain = "Kell Bay is home to a rare grey seal called the Norland seal."
    assert "What is a rare grey seal called? -> Norland seal" in asked(plain, "Kell Bay")  # positive control


def test_what_does_not_say_which_thing_is_not_asked_but_a_phrase_that_does_is():
    plain = "Farmers in Kell use a trick known as the dry bed to save their rice."
    described = "Farmers in Kell use an old soil trick known as the dry bed to save their rice."
    assert not any("known as?" in q for q in asked(plain, "Farmers"))  # which trick? the name itself
    assert "What is an old soil trick known as? -> dry bed" in asked(described, "Farmers")  # positive control
    pointing = "Rain in Norland washes the hills. This winter soil loss \u2013 sometimes called red creep \u2013 harms farms."
    assert not any("called?" in q for q in asked(pointing, "This winter"))
    concept = "Norland wants to slow soil loss \u2013 a concept called red creep control \u2013 by planting grass."
    assert not any("concept" in q for q in asked(concept, "Norland"))


def test_one_of_many_is_not_asked_but_the_one_is():
    one_of_many = "Rain fell on the Kell coast all week. Tourists visit an old town called Marrowby each June."
    assert not any("called?" in q for q in asked(one_of_many, "Tourists"))
    assert "What is a small old harbour town called? -> Marrowby" in asked(
        "Every June, tourists crowd a small old harbour town called Marrowby on the Kell coast.", "Every June")
    pointing = "Every June, tourists crowd the old harbour town called Marrowby on the Kell coast."
    assert not any("called?" in q for q in asked(pointing, "Every June"))  # the town named before: which one?


def test_a_season_in_the_name_is_part_of_it():
    text = "Geologists in Norland wonder how post-flood soil loss \u2013 sometimes called red winter \u2013 harms the farms."
    assert "What is post-flood soil loss sometimes called? -> red winter" in asked(text, "Geologists")


def test_a_phrase_cut_inside_a_word_is_not_a_naming():
    person = "Among those infected is a 34-year-old nurse named Ada Tarrow, who works at the Orrin hospital."
    assert not any("named?" in q for q in asked(person, "Among those"))  # no "What is -old nurse named?"
    hyphen = "Farmers in Norland use a two-wheeled cart called the Kell barrow."
    assert not any(q.startswith("What is -") or q.startswith("What is wheeled") for q in asked(hyphen, "Farmers"))
    plain = "Farmers in Norland use a small wooden cart called the Kell barrow."
    assert "What is a small wooden cart called? -> Kell barrow" in asked(plain, "Farmers")  # positive control
