"""Explainers and study reports (questions/generic.py, definitions.py, advice.py): 'the N' after the
article's one N, 'it'/'they' after a generic subject, 'This N' of the sentence before, 'The term',
definitions asked, advice asked only as someone's advice. Every article here is made up; every
"not asked" test has a positive control."""
import questions

from .helpers import explain_block as block, explain_made as made


def items_of(text, sentence_start):
    return [i for i in questions.generate(text, select=False) if i["source_sentence"].startswith(sentence_start)]


SURVEY = "A new survey by researchers at Halden College asked 800 farmers about their water use. "
ENDING = "The survey found that 40 percent of the farms had cut their irrigation since 2019."


def test_the_n_after_the_articles_one_n_stands_alone():
    assert any("40 percent" in line for line in made(SURVEY + ENDING, "The survey found"))
    later = " The college now plans a larger survey of 3,000 farmers in four regions."
    assert any("40 percent" in line for line in made(SURVEY + ENDING + later, "The survey found"))  # later: another


def test_the_n_stays_dropped_after_a_second_n_or_a_story_of_many():
    second = SURVEY + "In 2022, a second survey asked 500 farmers in the south about wells. "
    assert not any("The survey found" in line for line in made(second + ENDING, "The survey found"))
    many = (SURVEY + "A state survey asked 500 farmers in the south about wells. "
            "A national survey by the Halden Farm Office counted 90 dams. ")
    assert not any("The survey found" in line for line in made(many + ENDING, "The survey found"))
    assert any("40 percent" in line for line in made(SURVEY + ENDING, "The survey found"))  # positive control


def test_they_after_a_generic_plural_subject_is_that_subject():
    text = "Tidal bores are waves that travel up a river against the current. They can reach heights of four meters."
    lines = made(text, "They can reach")
    assert lines and any("tidal bores" in line.lower() for line in lines), lines


def test_they_stays_dropped_when_a_noun_of_its_number_could_be_meant():
    text = "Tidal bores push small boats and logs far upriver. They can reach heights of four meters."
    assert "dropped: pronoun-subject" in block(text, "They can reach")
    control = "Tidal bores are waves that travel up a river against the current. They can reach heights of four meters."
    assert made(control, "They can reach")


def test_it_after_a_defined_term_and_a_chain_of_they():
    text = ("Rickets is a disease that softens the bones of young children. "
            "It usually starts before the age of three in poorly fed children.")
    assert any("rickets usually starts" in line.lower() for line in made(text, "It usually starts")), block(
        text, "It usually starts")
    chain = ("Hailstorms are violent, but they rarely last long. They can break car windows and roof tiles. "
             "They can also destroy whole fields of ripe wheat in minutes.")
    assert "hailstorms" in block(chain, "They can also destroy").lower()  # an item written with it, kept or not


def test_this_n_is_the_n_of_the_sentence_before():
    text = "The pump sends a steady stream of cold water through the pipes. This stream is called the cooling loop."
    lines = made(text, "This stream")
    assert any("steady stream of cold water" in line and "cooling loop" in line for line in lines), lines
    two = ("The pump sends a stream of cold water and a stream of warm air through the pipes. "
           "This stream is called the cooling loop.")
    assert "dropped: " in block(two, "This stream") and not made(two, "This stream")


def test_the_term_is_the_term_just_given():
    text = ("Forecasters call a sudden fall in air pressure a pressure dip. "
            "The term means a sharp fall of the region's air pressure.")
    items = items_of(text, "The term means")
    asked = [i for i in items if i["kind"] == "short_answer" and "pressure dip" in i["prompt"]]
    assert asked and asked[0]["answer"] == "a sharp fall of the region's air pressure", items
    alone = "Snow fell in the hills on Monday. The term means a sharp fall of the region's air pressure."
    assert "dropped: vague-subject" in block(alone, "The term means")


def test_a_name_and_its_gloss_after_or():
    text = ("A foehn is a warm dry wind that blows down the side of a mountain. "
            "In the valleys, it is called the snow eater, or the melter.")
    items = [i for i in items_of(text, "In the valleys") if i["kind"] == "short_answer"]
    assert items and items[0]["answer"] == "the snow eater" and "the melter" in items[0]["accepted"], items
    assert "foehn" in items[0]["prompt"]


GLOSSARY = ("Frostbite is an injury in which skin and the tissue under it freeze. "
            "Hypothermia is a condition in which the body loses heat faster than it can make it. "
            "A windchill is a measure of how cold the air feels on bare skin. "
            "Avalanches are large masses of snow that slide down a mountain. ")


def test_a_definition_is_asked_and_its_options_are_the_other_definitions():
    items = items_of(GLOSSARY, "Frostbite is")
    short = [i for i in items if i["kind"] == "short_answer" and i["prompt"] == "According to the article, what is frostbite?"]
    assert short and short[0]["answer"] == "an injury in which skin and the tissue under it freeze"
    choice = [i for i in items if i["kind"] == "multiple_choice" and "frostbite" in i["prompt"]]
    assert choice and len(choice[0]["choices"]) == 4
    assert "large masses of snow that slide down a mountain" in choice[0]["choices"]
    plural = [i for i in items_of(GLOSSARY, "Avalanches") if i["prompt"].endswith("what are avalanches?")]
    assert plural


def test_what_is_not_a_definition_is_not_asked_as_one():
    text = GLOSSARY + ("For hikers, the summit is a reward that makes the long climb worthwhile. "
                       "Health spending is the largest single winner of the new budget. "
                       "Many visitors were students from the city's two colleges. ")
    prompts = [i["prompt"] for i in questions.generate(text, select=False)]
    assert "According to the article, what is frostbite?" in prompts  # positive control
    assert not any(p.startswith(("What is the summit", "What is health spending", "What are many visitors"))
                   for p in prompts), prompts


def test_a_superlative_subject_with_what_it_is_stands_alone():
    text = "The most common fuel is peat because wood is scarce on the island."
    assert any("Why is the most common fuel peat?" in line for line in made(text, "The most common fuel"))
    assert "dropped: vague-subject" in block("The fuel is peat because wood is scarce on the island.", "The fuel is")


def test_interfere_with_is_asked():
    text = "Heavy snow in the northern hills can interfere with train signals and road traffic."
    assert any("interfere with? -> train signals and road traffic" in line for line in made(text, "Heavy snow"))


STEPS = "Gardeners in dry regions face long, hot summers. "


def test_advice_is_asked_only_as_someones_advice():
    advised = STEPS + "Experts suggest a few simple steps for keeping plants alive. Cover tomato plants with straw on the hottest days of the summer."
    lines = made(advised, "Cover tomato")
    assert lines and all("Experts suggest: cover" in line for line in lines), lines
    alone = STEPS + "Cover tomato plants with straw on the hottest days of the summer."
    assert "dropped: advice-unattributed" in block(alone, "Cover tomato")
    assert not made(alone, "Cover tomato")


def test_half_a_range_and_a_someday_are_not_asked():
    ranged = items_of("Doctors in Halden examined 300 adults between the ages of 45 and 75 for six months.", "Doctors")
    assert any(i["answer"] == "300" for i in ranged)  # positive control
    assert not any(i["answer"].startswith("between the ages") for i in ranged), ranged
    sentence = "Engineers at Halden College say that the new battery they are building could {} power small electric planes."
    assert any(i["answer"] == "2030" for i in items_of(sentence.format("by 2030"), "Engineers"))  # positive control
    assert "dropped 'one day': not-worth-asking" in block(sentence.format("one day"), "Engineers")
    assert not any(i["answer"] == "one day" for i in items_of(sentence.format("one day"), "Engineers"))
