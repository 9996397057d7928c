"""Patterns a blind reading found in new articles (issues #14/#15), each on an article invented for the test:
a kind noun written as the whole name; list items that are fragments; 'the company' of a speaker; swaps of
the key's own kind; a name's own 'the' before its possessive; a wh-word that asks the wrong verb's time."""
import questions
from questions.cleaning import story_paragraphs
from tests.helpers import builder, explain_block, made_prompts as prompts


# a. "The district" is the article's whole name for it, kind noun and all

DISTRICT = ("Pupils in Tarrow's primary schools will get free lunches from March, after the Tarrow Hills School "
            "District's board voted 4-1 on Monday to fund them.\n\n"
            "The district will spend $1.2 million on the lunches, money that will come from a state grant.")


def test_a_kind_noun_is_written_as_the_whole_name_that_ends_in_it():
    found = prompts(DISTRICT)
    assert any(p.startswith("The Tarrow Hills School District will spend") for p in found), found
    assert not any(p.startswith(("The Tarrow Hills School will", "The district will")) for p in found), found


def test_a_place_word_inside_a_name_still_names_the_place():
    text = ("The Harwick Town Council voted on Monday to close the old bridge over the river Lenn.\n\n"
            "The town will spend $2 million on a new bridge, which is due to open in 2027.")
    found = prompts(text)
    assert any(p.startswith("Harwick will spend") for p in found), found  # 'town' of 'Harwick Town Council'


def test_a_name_tagged_with_its_possessive_ends_before_it():
    b = builder(DISTRICT)
    names = {e.name for e in b.entities}
    assert "Tarrow Hills School District" in names, names
    assert not any(n.endswith("'s") for n in names), names
    assert b.by_name["Tarrow Hills School District"].takes_the
    assert not b.by_name["Tarrow"].takes_the  # positive control: "Tarrow's primary schools" has no 'the' of its own


# b. list items: bullets never in a prompt; an item with no verb, not joined to its lead-in, is dropped by name

LISTS = ("The Marel Teachers Union has set out four demands for the new school year:\n\n"
         "A pay rise of 8 percent over three years, compared with the 3 percent the council has offered.\n\n"
         "The Kestrel Fold, a new folding phone from Lumeno, went on sale in Dovren on Friday.\n\n"
         "The Kestrel Fold has these features:\n\n"
         "- A thickness of 9.1 millimetres when folded, and a weight of 224 grams.\n"
         "- A battery of 4,800 milliamp-hours, charged in 40 minutes.\n\n"
         "Lumeno sold 80,000 of the phones in the first week.\n\n"
         "- Lumeno will sell the phone in 12 countries from June.")


def test_a_bullet_never_reaches_a_prompt():
    found = prompts(LISTS)
    assert found
    assert not any(p.lstrip().startswith(("-", "\u2022")) or ": -" in p for p in found), found
    texts = [p.text for p in story_paragraphs(LISTS)]
    assert "Lumeno will sell the phone in 12 countries from June." in texts, texts  # a bulleted sentence stands alone
    assert any(p.startswith("Lumeno will sell the phone") for p in found), found


def test_every_bullet_of_a_list_is_read_with_its_lead_in():
    texts = [p.text for p in story_paragraphs(LISTS)]
    # "these features:" pointed at a list the sentence no longer shows: each member reads as one that it includes
    assert "The Kestrel Fold has features that include a thickness of 9.1 millimetres when folded, and a weight of " \
           "224 grams." in texts, texts
    assert "The Kestrel Fold has features that include a battery of 4,800 milliamp-hours, charged in 40 minutes." in texts


def test_a_list_item_with_no_verb_after_its_lead_in_is_dropped_by_name():
    block = explain_block(LISTS, "A pay rise of 8 percent")
    assert "verbless-fragment" in block and "made" not in block, block
    found = prompts(LISTS)
    assert not any(p.startswith("A pay rise") for p in found), found
    assert any("80,000" in p for p in found), found  # positive control: a sentence stands


def test_a_whole_sentence_after_a_lead_in_is_asked():
    text = ("The Marel Teachers Union has set out its demands for the new school year:\n\n"
            "Teachers in Marel want a pay rise of 8 percent over three years, and the city council has offered 3 percent.\n\n"
            "Talks between the two sides will resume in Dovren on Friday.")
    assert "verbless-fragment" not in explain_block(text, "Teachers in Marel")
    assert any("8 percent" in p or "3 percent" in p for p in prompts(text))


def test_the_last_item_of_a_semicolon_list_ends_in_a_full_stop_and_is_still_an_item():
    text = ("The city of Dovren will spend its new budget on three things:\n\n"
            "hiring 40 more bus drivers for night routes;\n"
            "repairing 12 bridges over the river Lenn;\n"
            "planting 5,000 trees in its eastern districts over the next five years.\n\n"
            "The budget was approved by the council on Monday.")
    texts = [p.text for p in story_paragraphs(text)]
    assert ("The city of Dovren will spend its new budget on three things: planting 5,000 trees in its eastern "
            "districts over the next five years.") in texts, texts
    assert texts[-1] == "The budget was approved by the council on Monday."


# e. a name that takes 'the' keeps it before its possessive

def test_a_name_keeps_its_the_before_a_possessive_in_a_title_question():
    text = ("The Harlow Goods Safety Board ordered the recall of 40,000 ovens on Tuesday after a string of kitchen "
            "fires in Pellham.\n\n"
            "\"We found a fault in the wiring,\" said Ana Brum, the Harlow Goods Safety Board's director.\n\n"
            "Tomas Ferr, the director of the Pellham Fire Service, said six homes had burned.")
    found = prompts(text)
    assert any(p.startswith("Who is the Harlow Goods Safety Board's director") for p in found), found
    assert not any("is Harlow Goods Safety Board's" in p for p in found), found
    assert any(p.startswith("Who is the director of the Pellham Fire Service") for p in found), found  # control


# c. 'the company' in what someone said is the speaker's own company, not another firm named before

PHONES = ("Vessmor pupils to lock away phones\n\n"
          "Students in Vessmor's middle schools will lock away their phones from January, after the Vessmor Valley "
          "School District's board of trustees voted 5-2 on Monday to adopt the rule.\n\n"
          "Marta Ilves, the chief executive of Corvane Mobile, said the company would sell the new Halo phone through "
          "carriers.\n\n"
          "Analysts at Brightline Research said the phone was too expensive.\n\n"
          "Ilves said the company would also cut prices by up to $600 for customers who return an older phone.")


def test_the_company_in_what_a_speaker_said_is_the_speakers_own():
    found = prompts(PHONES)
    assert any(p.startswith("Ilves said Corvane Mobile would also cut prices") for p in found), found
    assert not any("Brightline Research would also" in p for p in found), found
    # the sentence that names Corvane itself keeps 'the company': it says which already
    assert not any("of Corvane Mobile, said Corvane Mobile" in p for p in found), found


def test_a_firm_the_speaker_does_not_work_for_is_not_written_in():
    text = PHONES.replace("Marta Ilves, the chief executive of Corvane Mobile, said", "Marta Ilves, a shopper in Tarrow, said")
    found = prompts(text)
    assert not any("Ilves said Corvane Mobile" in p or "Ilves said Brightline Research" in p for p in found), found


# d. swaps of the key's own kind: a place for a place, never a person's own organisation

def test_a_place_is_not_swapped_for_a_firm():
    b = builder(PHONES)
    from questions.kinds import kind_table
    assert kind_table(b)["Vessmor"][0] == "place", kind_table(b)  # "Vessmor's middle schools"
    assert kind_table(b)["Brightline Research"][0] == "org"  # positive control
    statements = [i["prompt"] for i in questions.generate(PHONES, select=False) if i["kind"] == "true_false"]
    assert not any("Brightline Research's middle schools" in p or "Corvane Mobile's middle schools" in p
                   for p in statements), statements


def test_a_speaker_is_never_swapped_for_their_own_organisation():
    from questions.distractors import typed_pool

    b = builder(PHONES)
    speaker = b.lookup[next(k for k, e in b.lookup.items() if e.name == "Marta Ilves")]
    last = b.sentences[-1]
    pool = list(typed_pool(b, speaker, speaker.name, last))
    assert "Corvane Mobile" not in pool, pool
    analysts = b.by_name["Brightline Research"]
    assert "Corvane Mobile" in list(typed_pool(b, analysts, analysts.name, last))  # positive control: one firm for another


# f. a When/Where question asks the time of its own verb, with nothing glued on after it

SCHOOL = ("Kelby schools ban phones\n\n"
          "The Kelby school board agreed to review the policy's results in June, after a vote on Monday.\n\n"
          "The policy takes effect in January, at the start of the second semester.\n\n"
          "The board met in the town hall on Monday night.\n\n"
          "The policy was drafted in March by a panel of teachers.\n\n"
          "The Kelby school board is scheduled to vote on the policy again in May.")


def questions_of(text):
    return [(i["prompt"], i["answer"]) for i in questions.generate(text, select=False) if i["kind"] == "short_answer"]


def test_when_is_not_asked_of_a_verb_whose_time_it_is_not():
    found = questions_of(SCHOOL)
    assert not any(p.startswith("When did the Kelby school board agree") for p, _ in found), found
    assert ("When was the policy drafted by a panel of teachers?", "March") in found, found  # positive control
    assert any(p.startswith("When is the Kelby school board scheduled to vote") and a == "May" for p, a in found), found


def test_when_is_not_asked_with_a_second_time_phrase_glued_on():
    found = questions_of(SCHOOL)
    assert not any("take effect, at the start" in p for p, _ in found), found
    assert any(p.startswith("When did the board meet") for p, _ in found), found  # positive control


def test_a_with_clause_after_the_time_is_no_second_time_phrase():
    text = ("Harwick gets a tram line\n\n"
            "Construction of the Harwick tram line is scheduled to begin in March 2026, with service expected to start "
            "in the fall of 2027.\n\n"
            "The line was approved by the Harwick Town Council on Monday.")
    found = questions_of(text)
    assert any(p.startswith("When is construction of the Harwick tram line scheduled to begin") for p, _ in found), found
