"""Trivia goes down or out (issue 15): bare months and weekdays, office questions about someone named in
passing, blanks over who said something, and the features the fitted models weigh for what no rule can
decide (a name in passing, a specification, a clock time, an age, a name in a list). Every sentence is
written for the test (invented names); every drop stands beside a positive control that is kept."""
import pytest

import questions
from questions import rank
from questions.checker import BLANK
from questions.rules import RULES
from questions.trivia import bare_calendar, speaks, swapped_words, trivia_values, why_trivial
from questions.worth import restated_amount


@pytest.mark.parametrize("text, bare", [
    ("November", True), ("Monday night", True), ("late January", True), ("last March", True),
    # positive controls: a day or a year with the month, a season, a number
    ("March 3", False), ("June 2024", False), ("Monday, May 4", False), ("the spring", False), ("2019", False),
    ("the first week", False),
])
def test_a_month_or_weekday_alone_is_bare(text, bare):
    assert bare_calendar(text) is bare


def blank(answer, sentence, label="DATE", role="name", mentions=0.25, lede=0.0, kind="fill_blank"):
    return {"kind": kind, "prompt": sentence.replace(answer, BLANK), "answer": answer, "source_sentence": sentence,
            "choices": [], "features": {"label": label, "role": role, "mentions": mentions, "lede": lede}}


def test_a_bare_month_key_is_dropped_and_a_full_date_is_kept():
    assert why_trivial(blank("November", "The inquiry into the Velk dam began in November.")) == "bare-month"
    assert why_trivial(blank("November 12, 2023", "The inquiry into the Velk dam began on November 12, 2023.")) is None


def false_statement(sentence, old, new):
    return {"kind": "true_false", "prompt": sentence.replace(old, new), "answer": "False", "source_sentence": sentence,
            "choices": ["True", "False"], "features": {"label": "DATE", "role": "name", "mentions": 0.25}}


def test_a_true_false_swapping_a_bare_month_is_dropped_and_a_swapped_count_is_kept():
    sentence = "Storms hit the Orrin coast 40 times last year, most of them in October and March."
    assert why_trivial(false_statement(sentence, "October", "June")) == "bare-month"
    assert why_trivial(false_statement(sentence, "40", "25")) is None
    # a weekday and its part of the day swapped for another part of the day: "on Saturday night" made "on afternoon"
    sentence = "Storm Vella struck the Orrin coast on Saturday night, cutting power to 90,000 homes."
    assert why_trivial(false_statement(sentence, "Saturday night", "afternoon")) == "bare-month"
    assert why_trivial(false_statement(sentence, "90,000", "40,000")) is None


def office(prompt, mentions, lede=0.0, position=0.3, named_early=0.0):
    return {"kind": "short_answer", "prompt": prompt, "answer": "Tobias Frennick", "choices": [],
            "source_sentence": "Tobias Frennick, Dellow Foods' chief executive, apologised.",
            "features": {"label": "PERSON", "role": "title", "mentions": mentions, "lede": lede,
                         "position": position, "named_early": named_early}}


@pytest.mark.parametrize("prompt", ["Who is Dellow Foods' chief executive, according to the article?",
                                    "Who heads the consumer group Fairtable?",
                                    "Who now leads the Dellow Foods laboratory?",
                                    "Who represents the Eastmoor ward, according to the article?",
                                    f"According to the article, Dellow Foods' chief executive is {BLANK}."])
def test_an_office_question_is_dropped_unless_its_holder_is_a_main_subject(prompt):
    assert why_trivial(office(prompt, mentions=0.25)) == "office-holder"
    assert why_trivial(office(prompt, mentions=0.25, position=0.8)) == "office-holder"  # early on, named once
    assert why_trivial(office(prompt, mentions=1.0)) == "office-holder"  # named often, but not in the lede
    assert why_trivial(office(prompt, mentions=0.25, named_early=1.0)) == "office-holder"  # in the lede, but once
    # positive control: the story's own person, named in the lede and named again, keeps the question
    assert why_trivial(office(prompt, mentions=0.5, named_early=1.0)) is None
    assert rank.vector(office(prompt, mentions=0.25, position=0.8))[rank.feature_names().index("office_once")] == 1.0


def test_who_said_as_a_question_is_dropped_and_a_who_question_over_an_action_is_kept():
    said = office("Who said the Brisk County council would close the Amber Road depot?", mentions=0.25)
    acted = office("Who designed the Amber Road depot?", mentions=0.25)
    for item in (said, acted):
        item["features"]["role"] = "name"
    assert why_trivial(said) == "who-said"
    assert why_trivial(acted) is None
    # a body the model did not take for a person, asked as a thing: 'What said ...?' is who said it, and wrongly
    said_what = office("What said it accepted all of the Orn board's findings?", mentions=0.25)
    built_which = office("Which probe carries six instruments to the comet Sarn?", mentions=0.25)
    for item in (said_what, built_which):
        item["features"].update(role="subject", label="ORG")
    assert why_trivial(said_what) == "who-said"
    assert why_trivial(built_which) is None


@pytest.mark.parametrize("prompt, rule", [
    ("What has the main contractor, Orrin Civil Works, also lodged?", "what-typed"),
    ("What will cars pay to enter the Kell low-emission zone?", "what-typed"),
    ("What carries six instruments to the comet Sarn?", "what-typed"),
    # controls: a quantity asked with 'What percentage', and the other wh-words, are kept
    ("What percentage of Kell's buses run on batteries?", None),
    ("What year did the Kell tram line open?", None),
    ("How much will cars pay to enter the Kell low-emission zone?", None),
    ("Which firm has also lodged claims for delay costs?", None),
    ("Why did the Kell council close the tram line?", None),
])
def test_a_short_answer_asked_with_a_bare_what_is_dropped(prompt, rule):
    item = office(prompt, mentions=0.5, named_early=1.0)
    item["features"].update(role="object", label="")
    assert why_trivial(item) == rule
    blank_form = dict(item, kind="fill_blank", prompt=f"The main contractor has also lodged {BLANK}.")
    assert why_trivial(blank_form) is None  # the same thing asked as a blank stays


def speaker(sentence, name, attribution=1.0, mentions=0.25, named_early=0.0, label="PERSON"):
    item = blank(name, sentence, label=label, mentions=mentions)
    item["features"].update(attribution=attribution, named_early=named_early)
    return item


@pytest.mark.parametrize("sentence, said", [
    ("Brisk County Sheriff Aldo Venner said traffic on Mill Road would be diverted.", "Mill Road"),
    ("Mayor Aldo Venner, who voted for the plan, said the depot would bring 120 jobs.", "120 jobs"),
    ("Speaking to investors, chief executive Aldo Venner said sales had doubled.", "investors")])
def test_a_blank_over_a_titled_speakers_name_is_dropped_unless_the_story_is_about_them(sentence, said):
    assert why_trivial(speaker(sentence, "Aldo Venner")) == "titled-speaker"
    assert why_trivial(speaker(sentence, "Aldo Venner", label="ORG")) == "titled-speaker"  # a title: a person
    # positive controls: the speaker the story is about; what was said
    assert why_trivial(speaker(sentence, "Aldo Venner", mentions=0.75, named_early=1.0)) is None
    assert why_trivial(blank(said, sentence, label="PHRASE", role="object")) is None


def test_a_title_before_an_action_or_an_honorific_before_a_saying_verb_is_not_a_titled_speaker():
    assert why_trivial(speaker("Governor Aldo Venner signed the Orrin water bill on Friday.", "Aldo Venner",
                               attribution=0.0)) is None
    assert why_trivial(speaker("Mr. Aldo Venner said his party was ready to talk.", "Aldo Venner")) is None
    assert why_trivial(speaker("Sheriff Aldo Venner said the road was closed.", "Aldo Venner")) == "titled-speaker"


def test_a_blank_over_who_said_it_is_dropped_and_a_blank_over_what_was_said_is_kept():
    sentence = "Ilona Varga said the Brisk County council would close the Amber Road depot in 2027."
    assert why_trivial(blank("Ilona Varga", sentence, label="PERSON")) == "who-said"
    assert why_trivial(blank("the Amber Road depot", sentence, label="PHRASE", role="object")) is None
    assert why_trivial(blank("2027", sentence)) is None


def test_a_name_in_passing_and_a_specification_are_features_and_the_storys_own_are_not():
    passing = blank("Corin Albescu", "The Larrow Arms manager, Corin Albescu, opened the doors.", label="PERSON")
    central = dict(passing, features=dict(passing["features"], mentions=1.0))
    spec = blank("15-inch", "The Nexo tablet has a 15-inch screen and sells for $400.", label="QUANTITY")
    price = blank("$400", "The Nexo tablet has a 15-inch screen and sells for $400.", label="MONEY")
    names = rank.feature_names()
    assert len(rank.vector(passing)) == len(names)
    assert rank.vector(passing)[names.index("passing_name")] == 1.0
    assert rank.vector(central)[names.index("passing_name")] == 0.0
    assert rank.vector(spec)[names.index("spec_measure")] == 1.0
    assert rank.vector(price)[names.index("spec_measure")] == 0.0
    assert trivia_values(blank("4 a.m.", "The strike starts at 4 a.m.", label="TIME"), "date")[2] == 1.0
    assert trivia_values(blank("9-year-old", "The first case was a 9-year-old girl.", label="DATE"), "date")[3] == 1.0


STORY = ("The Harlow Water Board on Tuesday approved a plan to replace 900 lead pipes in the town of Ketterby. "
         "The Harlow Water Board will spend $12 million on the pipes, starting on March 3, 2027. The board said its review of the pipes began in "
         "November. Ada Pimmel, the board's chair, said the old pipes were a danger to children. Pimmel has led the "
         "board since 2019. Pimmel said crews would replace 300 pipes a year. Pimmel said the board would publish "
         "test results every month.")


def test_a_story_loses_its_bare_month_and_keeps_its_full_date():
    items = questions.generate(STORY)
    answers = {i["answer"] for i in items if i["kind"] != "true_false"}
    assert "November" not in answers
    assert {"March 3, 2027", "$12 million"} & answers  # positive control: the story's own date and cost
    assert "bare-month" in questions.explain(STORY)
    made = {i["answer"] for i in questions.generate(STORY, select=False)}
    assert "November" in made  # the makers make it (select=False keeps all they made): the rule drops it


COUNCIL = ("The Orrin Valley council on Monday approved a new bus depot for the town of Felby, ending a ten-year dispute. "
           "The depot will cost $8 million and open in 2028. "
           "Mayor Jorun Tallet, who voted for the plan, said the depot would bring 120 jobs to Felby. "
           "Brisk County Sheriff Aldo Venner said traffic on Mill Road would be diverted during the building work. "
           "Ilsa Marrow, the council's finance director, said the money would come from the council's reserves. "
           "Work on the depot will begin in the spring, and the first buses will leave it in 2028.")


def test_a_story_loses_its_office_questions_and_titled_speakers_and_keeps_what_they_said():
    items = questions.generate(COUNCIL)
    prompts = [i["prompt"] for i in items]
    assert not [p for p in prompts if p.startswith(("Who is", "Who said", "According to the article, the"))]
    assert not [p for p in prompts if f"Mayor {BLANK}" in p or f"Sheriff {BLANK}" in p]
    assert {"120", "Mill Road", "$8 million"} <= {i["answer"] for i in items}  # positive control: what they said
    made = [i["prompt"] for i in questions.generate(COUNCIL, select=False)]
    assert any(p.startswith("Who is") for p in made) and any(f"Sheriff {BLANK}" in p for p in made)  # the rules drop them
    explained = questions.explain(COUNCIL)
    assert {"office-holder", "who-said", "titled-speaker"} <= {rule for rule in RULES if f": {rule} (" in explained}


# --- who said it, and an amount beside its own restatement (round 2 of the strict readers) ------------------

def parsed_name(sentence, name):
    doc = questions.load_model()(sentence)
    return next(e for e in doc.ents if e.text == name)


@pytest.mark.parametrize("sentence, name, speaker", [
    ("Council leader Lotte Sand said the Halvor library would hold 90,000 books.", "Lotte Sand", True),
    ("The new roof is practically watertight, Wick said on Monday.", "Wick", True),
    ("Mara Olin of Greyfield Advisers said the Halvor council had overspent.", "Greyfield Advisers", True),
    ("According to Greyfield Advisers, the Halvor council spent $60 million in 2025.", "Greyfield Advisers", True),
    ("Jonas Wick, the finance director, warned that the Halvor loan would cost $400,000 a year.", "Jonas Wick", True),
    # positive controls: what was said (a place, a person inside the clause), and someone who acted
    ("Council leader Lotte Sand said the Halvor library would hold 90,000 books.", "Halvor", False),
    ("Lotte Sand said Jonas Wick would run the Halvor library from 2028.", "Jonas Wick", False),
    ("Lotte Sand opened the Halvor library on Tuesday, saying it was long overdue.", "Lotte Sand", False),
    ("Greyfield Advisers announced it would buy the Halvor Courier for $9 million.", "Greyfield Advisers", False),
])
def test_who_said_it_is_the_subject_of_a_verb_of_saying_or_the_source_after_according_to(sentence, name, speaker):
    assert speaks(parsed_name(sentence, name)) is speaker


LIBRARY = "\n\n".join([
    "The Halvor town council approved a new library on Tuesday after a vote of 7 to 2.",
    "The library will cost $14 million and open in 2028 on Mill Street.",
    "Council leader Lotte Sand said the library would hold 90,000 books.",
    "Jonas Wick, the council's finance director, said the money would come from a $6 million grant and a $8 million loan.",
    "Sand said the old library on Kirk Lane would be sold in 2029.",
    "Wick warned that the loan would cost the town $400,000 a year in interest."])


def test_no_false_statement_swaps_only_the_speaker_and_one_swapping_what_was_said_is_made():
    made = questions.generate(LIBRARY, select=False)
    false = [i for i in made if i["kind"] == "true_false" and i["answer"] == "False"]
    for item in false:
        put, taken = swapped_words(item)
        assert not ({"jonas", "wick"} & set(taken) and {"lotte", "sand"} & set(put)), item["prompt"]
        assert not ({"lotte", "sand"} & set(taken) and {"jonas", "wick"} & set(put)), item["prompt"]
    grant = "said the money would come from a $6 million grant"
    # positive control: the same sentence's false statement swaps an amount of what was said
    assert any("Jonas Wick" in i["prompt"] and "$6 million grant" not in i["prompt"] for i in false
               if "money would come from" in i["prompt"]), [i["prompt"] for i in false]
    assert any(i["kind"] == "true_false" and i["answer"] == "True" for i in made)  # true statements stay
    assert any(grant in i["source_sentence"] for i in made)
    assert "speaker-swap" in questions.explain(LIBRARY)


@pytest.mark.parametrize("sentence, amount, restated", [
    ("Brennick Dairy will cut 2,300 jobs, or 6 percent of its staff, by 2027.", "6 percent", True),
    ("Brennick Dairy will cut 2,300 jobs, or 6 percent of its staff, by 2027.", "2,300", True),
    ("Brennick Dairy earned $215 million, or 84 cents per share, in the year to June.", "$215 million", True),
    ("Halvor makes 1.4 million tonnes of cheese a year, or about 7 percent of national output.", "about 7 percent", True),
    # positive controls: another price for others, another count, and an amount with no restatement
    ("Tickets to the Halvor museum cost 12 euros, or 7 euros for pupils.", "12", False),
    ("Voters in Halvor may pick 3 candidates, or 4 in the larger wards.", "3", False),
    ("Brennick Dairy will cut 2,300 jobs by 2027 and close 4 plants.", "2,300", False),
])
def test_an_amount_and_its_restatement_after_or(sentence, amount, restated):
    assert restated_amount(parsed_name(sentence, amount)) is restated


DAIRY = ("Brennick Dairy said on Tuesday it would shut its Halvor plant in 2027 and cut 2,300 jobs, or 6 percent of its "
         "staff. Brennick Dairy has made cheese in Halvor since 1964. The Halvor plant makes 40,000 tonnes of cheese a "
         "year and employs 900 people. Brennick Dairy will spend $85 million on a new plant in Tessby, which will open in "
         "2028. Union leader Ida Marsh said the closure was a blow to the town.")


def test_a_blank_over_an_amount_or_its_restatement_is_dropped_and_the_storys_other_amounts_are_asked():
    items = questions.generate(DAIRY)
    blanks = [i for i in items if i["kind"] != "true_false"]
    assert not [i for i in blanks if i["answer"] in ("2,300", "6 percent")]
    assert {"$85 million", "40,000 tonnes", "900"} & {i["answer"] for i in blanks}  # positive control
    made = questions.generate(DAIRY, select=False)
    assert any(i["answer"] in ("2,300", "6 percent") for i in made)  # the makers make it: the rule drops it
    assert "restated-amount" in questions.explain(DAIRY)
    sentence = "Brennick Dairy will cut 2,300 jobs, or 6 percent of its staff, by 2027."
    restated = blank("6 percent", sentence, label="PERCENT")
    restated["features"]["restated"] = 1.0
    assert why_trivial(restated) == "restated-amount"
    assert why_trivial(dict(restated, kind="true_false", prompt=sentence.replace("6 percent", "9 percent"),
                            answer="False")) is None  # a false statement over it is kept
