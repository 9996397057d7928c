"""questions/kind_names.py: 'the company', 'the species', 'of the province' written as the article's one name
for them, or the sentence dropped with a named rule when it has none or two; 'its' after "X's revenue";
an object 'it' with nothing to mean. Every article here is invented for the test."""
import questions

from .helpers import made_prompts as prompts

NORVALE = ("Norvale Foods, the Kessby-based maker of frozen pies, said on Monday that it will open a bakery in "
           "Tarrow next year.\n\n"
           "Norvale Foods was founded in 1987 by Ada Lintz in a small kitchen in Kessby. "
           "The company went public in 2011 and now employs about 900 people in three countries. "
           "Shares of the company have lost about 15 percent of their value this year.")


def explained(text):
    return questions.explain(text)


def test_the_company_is_the_one_company_named():
    found = prompts(NORVALE)
    assert any(p.startswith("Norvale Foods went public in") for p in found), found
    assert not any(p.startswith("The company went public") for p in found), found
    assert any("Shares of Norvale Foods have lost" in p or "shares of Norvale Foods" in p for p in found), found


def test_the_company_of_no_named_company_is_dropped_by_name():
    text = ("A small bakery in Tarrow has grown into one of the region's biggest employers, the town council said "
            "on Monday.\n\n"
            "Ada Lintz opened the bakery in Tarrow in 1987. "
            "The company went public in 2011 and now employs about 900 people in three countries. "
            "The company also sells pies in 40 supermarkets.")
    found = prompts(text)
    assert not any("went public" in p for p in found), found
    assert any("Ada Lintz" in p or "1987" in p for p in found), found  # positive control: the named sentence
    assert "unnamed-kind" in explained(text)


def test_the_province_of_a_name():
    text = ("Starting next month, shoppers across the province of Dalmere will pay a small deposit on drink cans.\n\n"
            "The Clean Cans Act, passed by the provincial assembly in March, sets the deposit at 15 cents. "
            "The province also plans to open 30 drop-off depots in rural areas. "
            "The law covers cans and bottles that hold between 200 millilitres and 2 litres.")
    found = prompts(text)
    assert any(p.startswith("Dalmere also plans to open") for p in found), found
    assert any(p.startswith("The Clean Cans Act covers") for p in found), found
    assert not any(p.startswith(("The province also", "The law covers")) for p in found), found


def test_the_species_and_its_adults():
    text = ("A tiny frog that glows green was found on the island of Velmora, scientists said on Monday.\n\n"
            "The new species, named Hylis rubra, is a tree frog with see-through skin. "
            "Adults measure just 15 to 18 millimetres and weigh about 0.6 grams.\n\n"
            "The frog was spotted in 2023 by a team from the Orlen Museum during a night survey. "
            "The team described the species this week in the journal Island Zoology. "
            "The species has so far been found only in one valley of about 9 square kilometres.")
    found = prompts(text)
    assert any(p.startswith("Hylis rubra has so far been found") for p in found), found
    assert any(p.startswith("Adults of Hylis rubra measure") for p in found), found
    assert any(p.startswith("The team from the Orlen Museum described Hylis rubra") for p in found), found


def test_adults_stay_as_written_without_one_species():
    text = ("A new survey of 2,000 households was published by the Lerwin Institute on Monday.\n\n"
            "Adults in the survey slept about 6.5 hours a night on average. "
            "The Lerwin Institute said the figure had fallen by 40 minutes since 2010.")
    found = prompts(text)
    assert any("Lerwin Institute" in p for p in found), found  # positive control
    assert not any("Adults of" in p for p in found), found


RIVALS = ("Norvale Foods, the Kessby-based maker of frozen pies, said on Monday that it will open a bakery in "
          "Tarrow next year.\n\n"
          "The frozen food market is expected to grow by 6 percent a year through 2030, according to the research "
          "firm Delcor. "
          "The bakery will be able to bake 40,000 pies a day and will add about 250 jobs, the company said.")


def test_the_company_said_is_the_story_company_not_the_research_firm():
    found = prompts(RIVALS)
    assert not any("Delcor said" in p for p in found), found
    assert any("Norvale Foods said" in p for p in found), found


def test_two_companies_of_one_sort_make_the_company_ambiguous():
    text = ("Norvale Foods, a maker of frozen pies, and Pellow Bakes, a maker of bread, both opened shops in Tarrow "
            "on Monday.\n\n"
            "Norvale Foods was founded in 1987 in Kessby. "
            "Pellow Bakes, a maker of bread, was founded in 1994 in Ardle. "
            "The company went public in 2011 and now employs about 900 people.")
    found = prompts(text)
    assert not any("went public" in p for p in found), found
    assert any("1994" in p or "Ardle" in p or "Pellow Bakes" in p for p in found), found  # positive control
    assert "rival-names" in explained(text)


def test_its_after_a_possessive_is_the_owner():
    text = ("Norvale Foods, the Kessby-based maker of frozen pies, reported its results on Monday.\n\n"
            "Norvale's revenue fell 12 percent last year to 300 million dollars. "
            "Its profit dropped by nearly half, to 20 million dollars.")
    found = prompts(text)
    assert any(p.startswith("Norvale Foods's profit") or p.startswith("Norvale's profit")
               or p.startswith("Norvale Foods\u2019s profit") for p in found), found
    assert not any("revenue's profit" in p for p in found), found


def test_called_it_with_nothing_to_mean_is_dropped():
    text = ("Ivo Marsh tested the engine and the brakes of the new Kelby train for three weeks in 1901.\n\n"
            "The local paper, the Kelby Star, called it a marvel of the age.")
    found = prompts(text)
    assert not any("Kelby Star" in p for p in found), found
    assert any("1901" in p or "three weeks" in p for p in found), found  # positive control
    assert "object-pronoun-unresolved" in explained(text)


def test_called_it_after_one_thing_is_that_thing():
    text = ("The Kelby tram line opened to passengers in 1901.\n\n"
            "The Kelby tram line ran for 14 kilometres along the coast. "
            "The local paper, the Kelby Star, called it a marvel of the age.")
    found = prompts(text)
    assert any("called the Kelby tram line a marvel" in p for p in found), found


def test_another_company_acting_in_between_keeps_the_company_unwritten():
    text = ("Norvale Foods, the Kessby-based maker of frozen pies, opened a bakery in Tarrow in March.\n\n"
            "In May, Tessin Labs said it was preparing to test a new oven in Ardle. "
            "The company hopes to sell the oven to 300 bakeries within four years.")
    found = prompts(text)
    assert not any("Norvale Foods hopes" in p for p in found), found
    assert any("Tessin Labs" in p or "Ardle" in p for p in found), found  # positive control
    assert "rival-names" in explained(text)


def test_the_study_introduced_by_who_made_it():
    text = ("Short naps may help older adults remember names, according to a new study by researchers at the "
            "Orlen Institute.\n\n"
            "The study followed 900 adults between the ages of 60 and 80 for eight months. "
            "The team now plans a larger study of 4,000 people in two countries.")
    found = prompts(text)
    assert any(p.startswith("The study by researchers at the Orlen Institute followed") for p in found), found
    assert not any(p.startswith("The team now plans") for p in found), found  # no team was named
    assert "unnamed-kind" in explained(text)


def test_a_place_word_inside_a_name_and_a_name_that_opens_with_its_kind():
    text = ("The Marden Town Council voted on Tuesday to rebuild the old market hall.\n\n"
            "The town will contribute 2 million dollars from a state grant. "
            "An exhibition of old maps opens on Friday at the Museum Halvers in Marden. "
            "The museum expects about 90,000 visitors during the show.")
    found = prompts(text)
    assert any(p.startswith("Marden will contribute") for p in found), found
    assert any(p.startswith("The Museum Halvers expects") for p in found), found


def test_the_firm_after_the_one_firm_that_acted_just_before():
    text = ("Trucks will soon carry more goods on the coast road.\n\n"
            "Dorvan Freight Ltd said on Monday that it would buy 40 new trucks. "
            "The firm expects to hire 120 drivers by June.")
    found = prompts(text)
    assert any(p.startswith("Dorvan Freight Ltd expects") for p in found), found


def test_the_party_after_another_party_in_its_own_sentence_is_not_the_one_before():
    text = ("Voters in Lindmark chose a new parliament on Sunday.\n\n"
            "With most ballots counted, the Green League had 40.2 percent of the vote. "
            "The Farmers Front trailed with 25.1 percent, its worst result since the party was founded in 1990.")
    found = prompts(text)
    assert not any("since the Green League was founded" in p for p in found), found
    assert any("25.1 percent" in p or "1990" in p for p in found), found  # positive control


def test_a_noun_whose_own_words_name_it_is_not_written_over():
    # each list member is read with the lead-in, so "The plan, called Orlen Care, ..." comes again after the
    # first member named the plan: its own "called Orlen Care" names it, no "Orlen Care, called Orlen Care"
    text = ("The Norland health ministry on Tuesday unveiled a plan to cut waiting times in its hospitals by half.\n\n"
            "The plan, called Orlen Care, includes the following measures:\n\n"
            "- hiring 3,000 additional nurses by 2028;\n"
            "- opening 12 new clinics in rural districts.\n\n"
            "The plan will cost 700 million dollars over four years, the ministry said.")
    found = prompts(text)
    assert not any("Orlen Care, called Orlen Care" in p for p in found), found
    assert any(p.startswith("The plan, called Orlen Care, includes opening") for p in found), found
    assert any(p.startswith("The plan, called Orlen Care, includes hiring") for p in found), found  # the first member


BOARD = ("Shortly before dawn on Monday, a crew from the Tarrow Water Board lifted a manhole cover on Mill Street.\n\n"
         "According to the water board's latest annual report, 31 percent of the water it treats is lost before it "
         "reaches a customer.\n\n"
         "Not everyone is convinced the programme is moving fast enough. The Tarrow Ratepayers' Association points out "
         "that household water bills have risen 18 percent in three years.\n\n"
         "The board replaced or relined 46 kilometres of pipe last year and aims to reach 90 kilometres a year by 2027.")


def test_the_board_is_the_body_whose_name_ends_in_board_not_the_association_that_spoke_before():
    found = [p for p in prompts(BOARD) if "relined" in p]
    assert found and all(p.startswith("The Tarrow Water Board replaced") for p in found), found


def test_a_body_whose_name_ends_in_another_kind_noun_is_not_the_board():
    text = BOARD.replace("a crew from the Tarrow Water Board", "a crew from Tarrow Water")
    found = [p for p in prompts(text) if "relined" in p]
    assert not any("Association replaced" in p for p in found), found
    assert any("Tarrow Ratepayers' Association points out" in p for p in prompts(text))  # control: it is asked of itself



def test_a_name_written_in_for_a_kind_noun_keeps_its_the():
    # the model may tag only "Tenants' Association" of "the Orlen Tenants' Association": written in for
    # "The association", it still takes "the", as a commission or a council does
    from questions import kind_names
    from questions.parse import load_model

    doc = load_model()("The association raised 6,000 pounds from neighbours.")
    kind_names._write([doc[0], doc[1]], doc[1], "Tenants' Association")
    assert doc[0]._.qtext.startswith("The Tenants' Association"), doc[0]._.qtext
    doc = load_model()("The group raised 6,000 pounds from neighbours.")
    kind_names._write([doc[0], doc[1]], doc[1], "Orlen Tenants")  # control: a name that ends in no kind noun
    assert doc[0]._.qtext.startswith("Orlen Tenants"), doc[0]._.qtext


DUNMERE = ("Dunmere Properties, which owns about 700 homes in Kelby, raised rents by 20 percent last year, a court "
           "heard on Monday.\n\n"
           "Judge Ana Roe ruled that the rise broke the tenants' agreements. "
           "The company must repay 90,000 pounds to the tenants within 28 days.")


def test_the_company_is_the_one_business_named_by_its_business_word():
    found = prompts(DUNMERE)
    assert any(p.startswith("Dunmere Properties must repay") for p in found), found
    assert not any(p.startswith("The company must repay") for p in found), found


def test_the_company_stays_dropped_with_two_business_names():
    text = DUNMERE.replace("Monday.\n\n", "Monday. Vell Holdings, which owns the block next door, raised its rents by "
                           "12 percent in 2023.\n\n")
    found = prompts(text)
    assert any("12 percent" in p for p in found), found  # positive control: the rival's own sentence is asked
    assert not any("must repay" in p for p in found), found
    assert "unnamed-kind" in explained(text)


def test_the_company_after_its_own_name_in_the_sentence_is_left_as_written():
    text = DUNMERE + " Dunmere's chief executive, Ana Vell, said the company would appeal within 14 days."
    found = prompts(text)
    assert any(p.startswith("Dunmere Properties must repay") for p in found), found  # positive control
    assert not any("said Dunmere Properties would appeal" in p for p in found), found  # not the name twice


def test_a_name_right_after_the_noun_it_names_is_linked_when_the_model_makes_two_subjects_of_them():
    # "The ferry Orla Dawn ran aground ...": 'ferry' and 'Orla Dawn' are both the verb's subjects in the parse,
    # still one thing, so a later "The ferry was refloated ..." is written with its name
    text = ("The ferry Orla Dawn ran aground off the island of Pell last October with 212 passengers on board, "
            "a safety board said on Tuesday.\n\n"
            "The ferry was refloated three days later and towed to a shipyard in Marn, where repairs cost 2.1 million "
            "crowns.")
    found = prompts(text)
    assert any(p.startswith("Orla Dawn was refloated three days later") for p in found)
    # a name of its own after a noun of another thing is no link: 'The storm' stays as it is, never 'Orla Dawn'
    other = text.replace("The ferry was refloated three days later", "The storm was over three days later")
    assert not any("Orla Dawn was over" in p for p in prompts(other))


def test_a_body_the_model_leaves_untagged_is_named_for_a_later_the_noun():
    # 'The Orlan Reed Guild' is no entity to the small model; its last word says it is a body, so a later
    # "The guild says ..." keeps its speaker, written by name
    text = ("The Orlan Reed Guild runs the festival every summer in the town of Marrowby.\n\n"
            "The guild says this year's festival will cost about 310,000 florins.")
    found = prompts(text)
    assert any(p.startswith("The Orlan Reed Guild says this year's festival will cost") for p in found)
    # without a named guild before it, 'The guild' is named by nothing
    alone = text.replace("The Orlan Reed Guild runs", "Volunteers run")
    assert not any("Orlan Reed Guild says" in p for p in prompts(alone))
