"""The generator, rule by rule: sentence in, expected item out (real spaCy model)."""
import json
import re
from pathlib import Path

import pytest

import questions
from questions import checker
from questions.entities import COUNTRIES
from questions.textnorm import norm

from .helpers import ARTICLES, SEED

MEETING = "Angela Merkel met Emmanuel Macron in Paris on Tuesday. Merkel said Germany and France would work together on energy. Germany will pay $3 billion for the new pipeline. Poland and Spain did not join the talks."
TOYOTA = "Toyota sold 10 million cars in 2023. The company expects sales to grow by 5 percent next year. Honda and Nissan sold fewer cars."
MAYOR = "The city council approved a new budget. She said the plan was good. Maria Lopez, the mayor of Denver, signed the budget on Friday. She said the city would hire 200 new teachers."
CONCORDE = "The Concorde was the world's first supersonic passenger jet. It was operated jointly by Britain and France."
COURT = ("A federal court fined Meta $725 million on Tuesday in San Francisco. About 250 million Facebook users in the "
         "United States could receive payments. Users had until August 25 to file a claim. The Guaiba River rose to "
         "5.3 meters on Saturday in Porto Alegre. The state of Rio Grande do Sul was hit hardest by the floods in Brazil. "
         "Researchers at RMIT University in Melbourne trained 14 bees. The Cambridge Analytica scandal broke in 2018. "
         "That British political consulting company had gathered information from as many as 87 million Facebook users. "
         "Analysts said as many as 40 million people had used the service in Canada.")
HINTS = ("The Obie awards honor theater that is off-Broadway in New York. TikTok asked a court to block a law requiring "
         "its Chinese parent, ByteDance, to sell the app by January. About one year ago, an American jury found that "
         "Google broke the law in California. Sanaz Toossi, an Iranian-American, wrote the play in 2022.")
ELECTION = ("Canadians voted on Monday in an early election. Romania had the most cases, with 30,692, followed by "
            "Kazakhstan with 28,147. About 75 percent of Canadian exports go to the U.S. The Liberal Party won 169 of the "
            "343 seats in the House of Commons. Elections Canada said more than 7.3 million people voted early. "
            "The Conservative Party won 144 seats in Ottawa. Mark Carney, a former governor of the Bank of Canada, leads "
            "the Liberal Party. Jagmeet Singh leads the New Democratic Party in Canada.")
PASSIVE = ("Microsoft was founded by Bill Gates in 1975. The Nobel Peace Prize was awarded to Maria Ressa by the "
           "Norwegian Nobel Committee in 2021. The Concorde was operated by British Airways and Air France.")
RUNNER = ("Kenyan runner Kelvin Kiptum set a new marathon world record on Sunday in Chicago. "
          "Kiptum beat the old record held by fellow Kenyan Eliud Kipchoge by 34 seconds. "
          "Kipchoge set that record in Berlin in 2022. Kiptum grew up in the village of Chepkorio in western Kenya. "
          "The Bank of Japan raised interest rates in March for the first time in 17 years.")
DESCRIPTORS = ("The German carmaker Volkswagen said on Monday it would close three plants in Saxony. "
               "Artificial intelligence (AI) spread quickly in 2024. During the year, companies continued developing and "
               "deploying new AI tools. The X-59 jet was built by American defense contractor Lockheed Martin in California. "
               "The Food and Drug Administration (FDA) approved the drug in May.")
JETS = "The United States sold new fighter jets to Japan in March. The deal would cost $5 billion."
TRADE = ("The United States sold new fighter jets to Japan in March. Germany bought tanks from France in May. Brazil "
         "signed a trade deal with Canada in June.")


def items_of(text, kind=None):
    """What the makers make of a text and the gate lets through (before the caps of selection)."""
    return [i for i in questions.generate(text, select=False) if kind is None or i["kind"] == kind]


def find(items, kind, answer):
    return [i for i in items if i["kind"] == kind and i["answer"] == answer]


CONTROL = "Angela Merkel met Emmanuel Macron in Paris on Tuesday."


def sources_with_control(text):
    """The source sentences of a text followed by CONTROL, which must give items: a positive control
    for a text of which nothing is to be asked (so an empty generator cannot pass for a strict one)."""
    sources = {i["source_sentence"] for i in items_of(f"{text} {CONTROL}")}
    assert CONTROL in sources, "positive control: the control sentence gave no items"
    return sources


@pytest.mark.parametrize(
    "text, answer, question",
    [
        (MEETING, "Angela Merkel", "Who met Emmanuel Macron in Paris on Tuesday?"),
        (MEETING, "Emmanuel Macron", "Who did Angela Merkel meet in Paris on Tuesday?"),
        (MEETING, "Paris", "Where did Angela Merkel meet Emmanuel Macron on Tuesday?"),
        (MEETING, "$3 billion", "How much will Germany pay for the new pipeline?"),
        (MEETING, "Germany", "Which country will pay $3 billion for the new pipeline?"),
        (TOYOTA, "10 million", "How many cars did Toyota sell in 2023?"),
        (TOYOTA, "2023", "When did Toyota sell 10 million cars?"),
        (JETS, "Japan", "To which country did the United States sell new fighter jets in March?"),  # not "to in March"
        (MAYOR, "200", "How many new teachers did Maria Lopez say the city would hire?"),
        (CONCORDE, "Concorde", "What was the world's first supersonic passenger jet?"),
        ("More than 300 scientists in 73 countries worked on the research.", "300",
         "How many scientists in 73 countries worked on the research?"),
        ("The United Nations has called on countries to cut carbon emissions by 2030.", "United Nations",
         "Which organization has called on countries to cut carbon emissions by 2030?"),
        (DESCRIPTORS, "2024", "When did artificial intelligence (AI) spread quickly?"),
        (COURT, "$725 million", "How much did a federal court fine Meta on Tuesday in San Francisco?"),  # not "fin", not "A"
        (COURT, "250 million", "How many Facebook users in the United States could receive payments?"),
        (COURT, "Guaiba River", "Which river rose to 5.3 meters on Saturday in Porto Alegre?"),
        ("Adrian Dyer, a professor at RMIT, led the research in Australia. The bees were trained in 2019.",
         "Adrian Dyer", "Who led the research in Australia?"),  # the aside goes with the name it describes
        ("Children under the age of five made up more than 40 percent of the cases. Measles spread in Romania in 2024.",
         "40 percent", "What percentage of the cases did children under the age of five make up?"),
        (ELECTION, "75 percent", "What percentage of Canadian exports go to the U.S.?"),
        ("\u201cEnglish\u201d began showing in Washington, D.C., in January. Sanaz Toossi wrote it in 2022.",
         "Washington", "Where did \u201cEnglish\u201d begin showing in January?"),  # not "showing in in January"
        (PASSIVE, "Bill Gates", "Who founded Microsoft in 1975?"),  # a passive's agent: the question turns active
        (PASSIVE, "Norwegian Nobel Committee",
         "Which organization awarded the Nobel Peace Prize to Maria Ressa in 2021?"),
        (ELECTION, "Romania", "Which country had the most cases, with 30,692, followed by Kazakhstan with 28,147?"),
        (ELECTION, "U.S.", "Which country did about 75 percent of Canadian exports go to?"),  # not "About" mid-question
        (RUNNER, "Chicago", "Where did Kenyan runner Kelvin Kiptum set a new marathon world record on Sunday?"),
        (RUNNER, "March", "When did the Bank of Japan raise interest rates for the first time in 17 years?"),  # a bare verb after a singular subject is past
    ],
)
def test_wh_word_and_verb_form(text, answer, question):
    prompts = [i["prompt"] for i in find(items_of(text), "short_answer", answer)]
    assert question in prompts


@pytest.mark.parametrize(
    "text, expected_prompt",
    [
        (MAYOR, "Maria Lopez said the city would hire _____ new teachers."),  # "She" -> the person named before
        (CONCORDE, "The Concorde was operated jointly by _____ and France."),  # "It" -> the previous subject
        ("Officials met on Monday. The new aircraft is called X-9, and it was built by Acme Aviation. The plane flew for the first time in March 2024.",
         "X-9 flew for the first time in _____."),  # "The plane" -> what the aircraft was called
    ],
)
def test_references_are_resolved_in_prompts(text, expected_prompt):
    assert expected_prompt in [i["prompt"] for i in items_of(text, "fill_blank")]


@pytest.mark.parametrize(
    "text, unusable, control",
    [
        (MAYOR, "She said the plan was good.",  # no person named before: nothing to resolve to
         "Maria Lopez, the mayor of Denver, signed the budget on Friday."),
        (JETS, "The deal would cost $5 billion.",  # "the deal" with no name for it
         "The United States sold new fighter jets to Japan in March."),
        ("India may buy the S-400 system from Russia. The deal, estimated at around $6 billion, would violate U.S. "
         "sanctions on Russia.", "The deal, estimated at around $6 billion, would violate U.S. sanctions on Russia.",
         "India may buy the S-400 system from Russia."),
        # what follows the comma describes the deal, it does not say which deal
        ("“We will win this war and we will win it soon,” said Ivan Petrov, the general. " + CONTROL,
         "“We will win this war and we will win it soon,” said Ivan Petrov, the general.", CONTROL),
        ("Maria Lopez visited Denver on Monday. It is not clear what the visit means for the city.",
         "It is not clear what the visit means for the city.", "Maria Lopez visited Denver on Monday."),
    ],
)
def test_sentences_that_cannot_stand_alone_give_no_items(text, unusable, control):
    sources = [i["source_sentence"] for i in items_of(text)]
    assert unusable not in sources
    assert control in sources  # positive control: a sentence of the text that stands alone gives items


def test_no_prompt_starts_with_a_pronoun():
    for text in (MEETING, TOYOTA, MAYOR, CONCORDE, JETS):
        items = items_of(text)
        assert items, text  # positive control: every text gives items
        for item in items:
            assert norm(item["prompt"]).split()[0] not in checker.VAGUE_STARTS


def options(text, answer):
    found = find(items_of(text), "multiple_choice", answer)
    assert found, f"no multiple choice item for {answer}"
    return [c for c in found[0]["choices"] if c != answer]


@pytest.mark.parametrize(
    "text, answer, same_type",
    [
        (MEETING, "Germany", lambda c: norm(c) in COUNTRIES),
        (TRADE, "Japan", lambda c: norm(c) in COUNTRIES),
        (MEETING, "$3 billion", lambda c: re.fullmatch(r"\$\d+ billion", c)),
        (TOYOTA, "10 million", lambda c: re.fullmatch(r"\d+ million", c)),
        (TOYOTA, "2023", lambda c: re.fullmatch(r"20\d\d", c)),
        (JETS, "March", lambda c: c in ("January", "February", "April", "May", "June", "July", "August",
                                        "September", "October", "November", "December")),
    ],
)
def test_distractors_have_the_type_and_format_of_the_key(text, answer, same_type):
    distractors = options(text, answer)
    assert len(distractors) == 3 and all(same_type(c) for c in distractors), distractors


def test_names_get_options_only_from_the_article():
    """Three other countries of the story, or no multiple choice: 'Greece' from nowhere is no option."""
    assert find(items_of(TRADE), "multiple_choice", "Japan")  # positive control: five other countries in the story
    assert not find(items_of(JETS), "multiple_choice", "Japan")  # only one other: the fact is typed instead
    assert find(items_of(JETS), "fill_blank", "Japan")


def test_distractors_come_from_the_article_first():
    distractors = options(MEETING, "Germany")
    assert {"France", "Poland", "Spain"} & set(distractors)
    person = find(items_of("Angela Merkel met Emmanuel Macron and Olaf Scholz in Paris. Merkel thanked Macron for the talks. Scholz left early."), "multiple_choice", "Angela Merkel")
    assert not person  # only two other people: no fourth option of the same type is invented


def test_no_distractor_is_also_true_in_the_sentence():
    items = items_of(MEETING, "multiple_choice")
    assert find(items, "multiple_choice", "Germany")  # positive control: options among the countries of the story
    for item in items:
        for choice in item["choices"]:
            if choice != item["answer"]:
                assert choice not in item["source_sentence"]


@pytest.mark.parametrize(
    "text, answer, accepted",
    [
        (MEETING, "Angela Merkel", "Merkel"),
        (JETS, "United States", "the United States"),
        (MEETING, "$3 billion", "3 billion dollars"),
        (TOYOTA, "10 million", "ten million"),
    ],
)
def test_accepted_answers(text, answer, accepted):
    items = [i for i in items_of(text) if i["answer"] == answer and i["kind"] in ("short_answer", "fill_blank")]
    assert items and all(accepted in i["accepted"] for i in items)


def test_false_statements_change_one_fact_and_are_not_in_the_article():
    for text in (TRADE, TOYOTA, COURT):
        items = items_of(text, "true_false")
        assert find(items, "true_false", "False"), text  # positive control: each text gives a false statement
        for item in items:
            assert item["choices"] == ["True", "False"]
            if item["answer"] == "False":
                assert norm(item["prompt"]) not in norm(text)
                changed = set(item["prompt"].split()) ^ set(item["source_sentence"].split())
                assert 1 <= len(changed) <= 6


def article_items():
    return [(path, questions.generate(path.read_text(encoding="utf-8"), source=str(path))) for path in [SEED, *ARTICLES]]


@pytest.fixture(scope="module")
def generated():
    return article_items()


def test_every_item_passes_the_gate_and_the_contract(generated):
    for path, items in generated:
        text = path.read_text(encoding="utf-8")
        assert {i["kind"] for i in items} == {"multiple_choice", "true_false", "fill_blank", "short_answer"}
        for item in items:
            assert checker.defects(item, text) == [], item
            assert item["source_sentence"] in text
            assert not item["source_sentence"].startswith("FILE")


WRITTEN = sorted((Path(__file__).parent / "data" / "written").glob("*.txt"))


@pytest.mark.parametrize("path", WRITTEN, ids=lambda p: p.stem)
def test_written_stories_pass_the_gate(path):
    """Stories the generator was never tuned on: every item passes the gate, enough of them."""
    text = path.read_text(encoding="utf-8")
    items = questions.generate(text, source=str(path))
    assert len(items) / len(text.split()) * 800 >= 25
    kinds = {i["kind"] for i in items}
    assert len(kinds) >= 3 and "fill_blank" in kinds and kinds & {"short_answer", "multiple_choice"}  # a story
    # whose only question was the weekday of its opening ("When did ... on Tuesday?") may give no short answer
    for item in items:
        assert checker.defects(item, text) == [], item
        assert not re.search(r"\b(that|this|these|those) (record|company|deal|plan)\b", item["prompt"]), item


@pytest.mark.xfail(strict=True, reason="issue 14 target not met yet: a how-to article with few names and short "
                   "sentences gives 16 items (strict: this fails once every article reaches 25)")
def test_enough_items_per_400_words(generated):
    for path, items in generated:
        words = len(path.read_text(encoding="utf-8").split())
        if words >= 400:
            assert len(items) >= 25, path.name  # issue 14: 25 items from every article of 400+ words


def test_about_half_the_statements_are_true(generated):
    assert all(len(items) >= 10 for _, items in generated)  # positive control (the how-to article gives 14)
    statements = [i for _, items in generated for i in items if i["kind"] == "true_false"]
    share = sum(i["answer"] == "True" for i in statements) / len(statements)
    assert 0.3 <= share <= 0.7, share


def test_no_near_duplicates(generated):
    assert all(len(items) >= 10 for _, items in generated)  # positive control (the how-to article gives 14)
    for _, items in generated:
        keys = [(i["kind"], norm(i["prompt"])) for i in items]
        assert len(keys) == len(set(keys))


def test_deterministic_and_ranked(generated):
    path, items = generated[0]
    assert len(items) >= 25  # positive control: the seed article gives items to compare and rank
    again = questions.generate(path.read_text(encoding="utf-8"), source=str(path))
    assert json.dumps(again) == json.dumps(items)
    scores = [i["score"] for i in items]
    assert scores == sorted(scores, reverse=True) and all(0 <= s <= 1 for s in scores)
    assert questions.generate(path.read_text(encoding="utf-8"), limit=7) == [
        {**i, "source": ""} for i in items[:7]
    ]


def test_batch_matches_one_by_one(generated):
    assert all(len(items) >= 10 for _, items in generated)  # positive control (the how-to article gives 14)
    texts = [path.read_text(encoding="utf-8") for path, _ in generated]
    batch = questions.generate_many(texts, sources=[str(path) for path, _ in generated])
    assert batch == [items for _, items in generated]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "El presidente habló ayer con los periodistas sobre la economía del país y los planes del gobierno para el año.",
        "\x00\x01\x02 binary \xff garbage " * 50,
        "word " * 20000,
        "This is fine. " * 3000,
    ],
)
def test_odd_input_gives_an_empty_list_or_items_never_a_crash(text):
    assert questions.generate(text) == []  # none of these states a fact to ask about


def test_huge_text_is_refused_with_a_clear_error():
    with pytest.raises(questions.ArticleError, match="too long"):
        questions.generate("The council met on Monday. " * 200_000)


TITLES = "Secretary of State Mike Pompeo met officials in Palmdale, California, on Monday. Pompeo thanked the workers."
CLAUSES = "Maria Lopez visited Denver on Monday. It is not clear what the visit means, but the Obama administration gave Denver a grant in 2015."


@pytest.mark.parametrize(
    "text, answer, asked",
    [
        (TITLES, "State", "Mike Pompeo"),  # part of a person's title, not a fact of its own
        (TITLES, "California", "Palmdale"),  # the state after a city: asking it tests nothing
        (DESCRIPTORS, "German", "Volkswagen"),  # "the _____ carmaker Volkswagen": known without reading
        (DESCRIPTORS, "American", "Lockheed Martin"),  # "_____ software company Microsoft"
        (DESCRIPTORS, "AI", "2024"),  # "new _____ tools": a term of unclear type as a modifier; "intelligence (_____)"
        (DESCRIPTORS, "FDA", "Food and Drug Administration"),  # "the Food and Drug Administration (_____)": spelled out just before
        (COURT, "Rio Grande", "Brazil"),  # the model's entity stops inside "Rio Grande do Sul"
        (COURT, "RMIT", "Melbourne"),  # ... and inside "RMIT University"
        (RUNNER, "Kipchoge", "34 seconds"),
        (HINTS, "Broadway", "New York"),  # "off-_____": half of a hyphenated word
        (HINTS, "Chinese", "ByteDance"),  # "its _____ parent, ByteDance": a descriptor before a name  # "Eliud _____", and "that record" points back to an earlier sentence
    ],
)
def test_phrases_not_worth_asking(text, answer, asked):
    """`asked`: a fact of the same sentence that is asked (a positive control)."""
    items = items_of(text)
    assert not [i for i in items if i["answer"] == answer]
    assert [i for i in items if i["answer"] == asked]


def test_a_clause_that_stands_alone_is_used_when_the_sentence_cannot():
    prompts = [i["prompt"] for i in items_of(CLAUSES, "fill_blank")]
    assert "The Obama administration gave Denver a grant in _____." in prompts
    assert not any(p.startswith("It ") for p in prompts)


def test_a_surname_key_gets_surname_options():
    text = ("Barack Obama met Angela Merkel and Emmanuel Macron in Paris. Merkel said Donald Trump would not come. "
            "Macron thanked Obama. The Trump administration later changed the plan.")
    items = [i for i in items_of(text, "multiple_choice") if i["answer"] == "Trump"]
    assert items and all(len(choice.split()) == 1 for choice in items[0]["choices"])


def test_options_are_never_titles_or_another_form_of_the_key():
    text = ("Sanaz Toossi, an Iranian-American, wrote the play. The play is about Iranians in Tehran. "
            "Secretary of State Mike Pompeo met Indian officials. The Pentagon and NATO praised India. "
            "Germans and Persians watched the play in Berlin.")
    items = items_of(text)
    assert find(items, "fill_blank", "Mike Pompeo") and find(items, "fill_blank", "Iranians")  # positive control
    for item in [i for i in items if i["kind"] == "multiple_choice"]:
        assert "State" not in item["choices"]
        if item["answer"] == "Iranian-American":
            assert "Iranians" not in item["choices"]


def test_the_writer_talking_to_the_reader_is_not_a_fact():
    text = "Here is a look back at some of the stories we covered in 2024. Apple sold 10 million phones in May."
    sources = {i["source_sentence"] for i in items_of(text)}
    assert sources == {"Apple sold 10 million phones in May."}


def test_he_means_the_person_just_introduced_in_an_apposition():
    text = ("Mayor Brandon Johnson praised the plan on Monday. Its president, Dorval Carter, told reporters that old "
            "buses break down. He said the new buses will come from Proterra.")
    assert "Dorval Carter said the new buses will come from _____." in [i["prompt"] for i in items_of(text, "fill_blank")]


def test_she_is_left_alone_when_another_person_came_up_since():
    text = "Maria Lopez spoke in Denver on Monday. Officials praised Ana Ruiz for the plan. She said the talks went well."
    sources = [i["source_sentence"] for i in items_of(text)]
    assert "She said the talks went well." not in sources
    assert "Maria Lopez spoke in Denver on Monday." in sources  # positive control


def test_a_surname_the_model_never_tags_is_still_the_person():
    """The model tags 'Mensah' alone as nothing here; after 'Abena Mensah' it is her."""
    text = ("Abena Mensah, a Ghanaian engineer, died Monday in Accra. Mensah led a team that tracked the birds across "
            "the lake. She won the Hartmann Prize in 1988.")
    assert "Mensah won the Hartmann Prize in _____." in [i["prompt"] for i in items_of(text, "fill_blank")]


def test_she_after_a_quote_about_someone_else_is_not_resolved_to_the_speaker():
    text = ("Teresa Kowalski, a Polish engineer, died Monday in Warsaw. \"She never stopped working,\" said Anna Nowak, "
            "a former student. In 1988, she won the Hartmann Prize.")
    items = items_of(text)
    assert not [i for i in items if "Nowak won" in i["prompt"] or i["source_sentence"].startswith("In 1988")]
    assert find(items, "fill_blank", "Warsaw")  # positive control: the first sentence is asked


def test_an_object_pronoun_is_resolved_when_the_sentence_names_no_one_else():
    text = "Teresa Kowalski won the Hartmann Prize in 1988. The city of Gdansk named a bridge after her in 2010."
    assert "When did the city of Gdansk name a bridge after Teresa Kowalski?" in [
        i["prompt"] for i in items_of(text, "short_answer")]


def test_an_object_pronoun_is_left_alone_when_another_person_came_up():
    text = ("Teresa Kowalski won the Hartmann Prize in 1988. Officials praised Anna Nowak for the plan. "
            "The city of Gdansk named a bridge after her in 2010.")
    items = items_of(text)
    assert not [i for i in items if "after Teresa Kowalski" in i["prompt"] or "after Anna Nowak" in i["prompt"]]
    assert find(items, "fill_blank", "1988") and find(items, "fill_blank", "Anna Nowak")  # positive control


def test_a_thing_named_once_stays_clear_for_a_few_paragraphs():
    text = ("Toyota said on Monday it had built a new electric truck called the Hilux Volt. Sales of electric cars rose "
            "in Japan last year. Many buyers want cheaper models. Prices of batteries fell by 14 percent. Rivals are "
            "also building trucks. The truck can carry 1,200 kilograms and costs $38,000.")
    assert "The Hilux Volt can carry _____ and costs $38,000." in [i["prompt"] for i in items_of(text, "fill_blank")]


def test_a_thing_two_names_were_given_is_not_resolved_from_afar():
    text = ("Toyota built a truck called the Hilux Volt. Honda built a truck called the Ridge Spark. Sales rose in Japan "
            "last year. Many buyers want cheaper models. Prices of batteries fell by 14 percent. "
            "The truck can carry 1,200 kilograms.")
    items = items_of(text)
    assert not [i for i in items if i["source_sentence"].startswith("The truck")]
    assert find(items, "fill_blank", "Hilux Volt") and find(items, "fill_blank", "Ridge Spark")  # positive control


def test_an_acronym_is_never_a_person():
    text = ("The Japan Aerospace Exploration Agency, known as JAXA, said the lander touched down on Saturday near a "
            "crater in the south.")
    assert {i["answer_type"] for i in items_of(text) if i["answer"] == "JAXA"} == {"ORG"}


def test_such_points_back_like_this():
    text = "Peru banned plastic bags in 2019. Chile is not the first country to take such a step."
    items = items_of(text)
    assert not [i for i in items if i["source_sentence"].startswith("Chile")]
    assert find(items, "short_answer", "Peru")  # positive control: the step itself is asked


def test_an_age_before_a_year_is_not_part_of_the_date():
    text = "France banned phones in schools for children under 15 in 2018."
    assert "When did France ban phones in schools for children under 15?" in [
        i["prompt"] for i in find(items_of(text), "short_answer", "2018")]


def test_a_quoted_title_is_blanked_but_never_moved_out_of_its_quotation_marks():
    text = 'The Grand Prix went to "Quiet Rivers," by the Danish director Lars Holm, on Sunday.'
    items = items_of(text)
    assert not [i for i in items if '","' in i["prompt"] or '",' in i["prompt"].replace('"_____,"', "")]
    assert 'The Grand Prix went to "_____," by the Danish director Lars Holm, on Sunday.' in [
        i["prompt"] for i in items if i["kind"] == "fill_blank"]


def test_the_city_of_a_name_is_a_place_whatever_the_model_says():
    text = ("Police arrested the stationmaster in the nearby city of Larissa on Wednesday. Rescue workers reached "
            "people trapped on rooftops in the city of Porto Alegre. Minister Kostas Karamanlis resigned on Friday.")
    types = {i["answer"]: i["answer_type"] for i in items_of(text, "fill_blank")}
    assert types["Larissa"] == types["Porto Alegre"] == "GPE"


def test_a_name_after_the_is_no_person_and_gets_no_people_as_options():
    text = ('The film "Parasite" also won the Oscar for best picture in 2020. Juliette Binoche led the jury. '
            "Wagner Moura won the award for best actor. Joachim Trier directed the film.")
    oscar = [i for i in items_of(text) if i["answer"] == "Oscar"]
    assert oscar and {i["answer_type"] for i in oscar} == {"OTHER"}
    assert all(i["kind"] == "fill_blank" for i in oscar)


def test_a_person_the_sentence_never_names_makes_it_unusable():
    text = "Jafar Panahi won the top prize on Saturday. This was his first trip in 20 years. Iran had stopped him from leaving for years."
    items = items_of(text)
    assert not [i for i in items if i["source_sentence"].startswith("Iran had stopped")]
    assert find(items, "fill_blank", "Jafar Panahi")  # positive control: the sentence that names him is asked


def test_a_pronoun_is_named_once_in_a_prompt():
    text = "Maria Lopez won the prize on Saturday. In 2010, a court sentenced her to six years in prison and banned her from making films."
    assert "In _____, a court sentenced Maria Lopez to six years in prison and banned her from making films." in [
        i["prompt"] for i in items_of(text, "fill_blank")]


def test_a_preposition_before_another_moves_to_the_front():
    text = "An Iranian director won the top prize at the Cannes Film Festival on Saturday."
    assert "At which festival did an Iranian director win the top prize on Saturday?" in [
        i["prompt"] for i in items_of(text, "short_answer")]


def test_a_common_word_opening_a_sentence_loses_its_capital_in_a_question():
    text = ("The state railway company runs 300 trains a day in Greece. "
            "Railway workers went on strike in March in Athens.")
    assert "When did railway workers go on strike in Athens?" in [i["prompt"] for i in items_of(text, "short_answer")]


def test_an_age_is_not_asked():
    text = "Jafar Panahi, 64, has been arrested several times by Iranian authorities in Tehran."
    items = items_of(text)
    assert not [i for i in items if i["answer"] == "64"]
    assert find(items, "fill_blank", "Tehran")  # positive control: the sentence's place is asked


def test_a_name_the_article_calls_a_company_is_asked_as_one():
    text = ("Nvidia on Wednesday became the first company in history to be worth $5 trillion. "
            "Jensen Huang started Nvidia in 1993 with two friends. Apple and Microsoft reached $4 trillion in July.")
    items = items_of(text)
    assert {i["answer_type"] for i in items if i["answer"] == "Nvidia"} == {"ORG"}
    assert "Which company did Jensen Huang start in 1993 with two friends?" in [i["prompt"] for i in items]


def test_did_so_points_back():
    text = ("Apple and Microsoft are the only other companies to have reached $4 trillion. Microsoft passed that mark "
            "in July, and Apple did so on Tuesday.")
    items = items_of(text)
    assert not [i for i in items if "did so" in i["prompt"] or "do so" in i["prompt"]]
    assert find(items, "fill_blank", "$4 trillion")  # positive control: the mark itself is asked


@pytest.mark.parametrize(
    "text, usable",
    [
        ("Nvidia makes chips in Asia. The California-based company reported revenue of $35 billion in October.", False),
        ("In 2022, the Nairobi-based charity Book Aid Kenya gave the project 3,000 new books.", True),
    ],
)
def test_a_place_based_company_is_a_reference_unless_it_is_named(text, usable):
    sources = {i["source_sentence"] for i in items_of(text)}
    assert any("-based" in source for source in sources) == usable
    assert any("-based" in source for source in sources_with_control(text)) == usable  # positive control


def test_a_possessive_opening_the_sentence_is_resolved():
    text = ("Justin Trudeau resigned in March. Jagmeet Singh leads the New Democratic Party. Elizabeth May leads the "
            "Green Party. Mark Carney leads the Liberal Party in Canada. His main opponent was Pierre Poilievre of the "
            "Conservative Party.")
    items = items_of(text)
    assert "Mark Carney's main opponent was _____ of the Conservative Party." in [i["prompt"] for i in items]
    options = [i["choices"] for i in items if i["kind"] == "multiple_choice" and i["answer"] == "Pierre Poilievre"]
    assert all("Mark Carney" not in choices for choices in options)  # named in the prompt: no option


def test_a_report_about_a_named_thing_is_usable_whoever_reports_it():
    text = "Japan's economy shrank at an annual rate of 2 percent in the first three months of the year, the government said Thursday."
    assert "Japan's economy shrank at an annual rate of _____ in the first three months of the year, the government said Thursday." in [
        i["prompt"] for i in items_of(text, "fill_blank")]


def test_a_report_about_an_unnamed_thing_is_not():
    text = "Sales rose 5 percent in the third quarter, the company said Thursday."
    assert not items_of(text)
    assert sources_with_control(text) == {CONTROL}  # positive control: a sentence after it still gives items


@pytest.mark.parametrize(
    "text, opening, asked",
    [
        ("Kylian Mbappé scored three goals in the final. The first was Geoff Hurst of England in 1966.", "The first",
         "Kylian Mbappé"),
        ("Maersk and MSC stopped sailing through the Red Sea. Together, the three companies carry about half of the "
         "world's container trade.", "Together", "Red Sea"),  # three companies are not one of the names before
    ],
)
def test_an_ordinal_or_a_count_does_not_say_which(text, opening, asked):
    items = items_of(text)
    assert not [i for i in items if i["source_sentence"].startswith(opening)]
    assert find(items, "fill_blank", asked)  # positive control: the sentence before is asked


@pytest.mark.parametrize(
    "text, answer, asked, place",
    [
        ("Private consumption makes up more than half of the economy in Japan.", "half", True, "Japan"),
        ("Kylian Mbappé scored twice late in the second half in Qatar.", "half", False, "Qatar"),
        ("Thousands of fans celebrated in the streets of Buenos Aires on Sunday.", "Thousands", False, "Buenos Aires"),
    ],
)
def test_vague_amounts_are_not_asked(text, answer, asked, place):
    items = items_of(text)
    assert bool([i for i in items if i["answer"] == answer]) == asked
    assert find(items, "fill_blank", place)  # positive control: the sentence's place is asked


def test_a_time_moved_to_the_end_stays_before_the_attribution():
    text = "In April, Japan spent about $62 billion to support the yen, according to Finance Ministry data."
    assert "Which country spent about $62 billion to support the yen in April, according to Finance Ministry data?" in [
        i["prompt"] for i in items_of(text, "short_answer")]


def test_the_two_countries_point_back():
    text = "India and China signed a deal in May. Trade between the two countries reached $118 billion last year."
    items = items_of(text)
    assert not [i for i in items if i["source_sentence"].startswith("Trade")]
    assert find(items, "fill_blank", "China")  # positive control: the sentence that names them is asked


def test_a_differently_described_service_is_not_the_one_named_before():
    text = ("In Spain, the town of El Granado recorded 46 degrees Celsius, the national weather service AEMET said. "
            "Firefighters battled more than 40 wildfires in Greece, the fire service said.")
    items = items_of(text)
    assert not [i for i in items if "wildfires" in i["prompt"] and "AEMET" in i["prompt"]]
    assert find(items, "fill_blank", "AEMET")  # positive control: the service is asked where it is named


def test_a_possessive_ending_is_not_part_of_the_answer():
    text = "Europe is warming twice as fast as the world average, according to the European Union's climate agency, Copernicus."
    answers = [i["answer"] for i in items_of(text)]
    assert "European Union" in answers and "European Union's" not in answers


def test_the_thing_the_story_opens_on_is_named_by_what_it_did():
    text = ("A powerful earthquake struck eastern Taiwan on Wednesday morning, killing at least nine people, officials "
            "said. Rescue workers searched the town of Hualien. The earthquake had a magnitude of 7.4, according to "
            "Taiwan's Central Weather Administration.")
    assert ("The earthquake that struck eastern Taiwan on Wednesday morning had a magnitude of _____, according to "
            "Taiwan's Central Weather Administration.") in [i["prompt"] for i in items_of(text, "fill_blank")]


def test_a_second_one_of_the_kind_ends_that():
    text = ("A powerful earthquake struck eastern Taiwan on Wednesday morning, officials said. In 1999, a stronger "
            "earthquake hit central Taiwan. The earthquake had a magnitude of 7.6, according to Taiwan's weather agency.")
    items = items_of(text)
    assert not [i for i in items if "magnitude" in i["prompt"]]
    assert find(items, "fill_blank", "1999")  # positive control: the second earthquake itself is asked


def test_a_date_ends_at_its_comma():
    text = "Former President Joe Biden had blocked the sale in January, days before he left office, saying it would harm security."
    assert {i["answer"] for i in items_of(text) if i["answer_type"] == "DATE" and i["kind"] != "true_false"} == {"January"}


def test_an_organization_called_a_maker_is_asked_as_a_company():
    text = "Nippon Steel is the fourth-largest steel maker in the world. Its president, Tadashi Imai, spoke in Tokyo."
    assert "Which company is the fourth-largest steel maker in the world?" in [i["prompt"] for i in items_of(text)]


@pytest.mark.parametrize(
    "text, usable",
    [
        ("The study, published on Wednesday in The Lancet Public Health, combined the results of 57 earlier studies "
         "involving more than 160,000 adults in 11 countries.", True),
        ("The deal, estimated at around $6 billion, would violate sanctions on Russia.", False),
    ],
)
def test_an_aside_that_names_where_it_appeared_says_which(text, usable):
    assert bool(items_of(text)) == usable
    assert (text in sources_with_control(text)) == usable  # positive control: a sentence after it gives items


def test_both_points_back():
    text = ("Coral covered 36 percent of the northern reefs and 33 percent of the central reefs. Both numbers are the "
            "highest since AIMS began its yearly studies in 1986.")
    items = items_of(text)
    assert not [i for i in items if i["source_sentence"].startswith("Both")]
    assert find(items, "fill_blank", "33 percent")  # positive control: the numbers themselves are asked


def test_a_plural_possessive_name_is_not_blanked_with_its_apostrophe():
    text = "The United Nations' cultural agency, UNESCO, met in Paris on Monday."
    items = items_of(text)
    assert not [i for i in items if i["answer"].endswith("'") or "_____'" in i["prompt"]]
    assert find(items, "fill_blank", "UNESCO")  # positive control: the sentence is asked


def test_a_question_never_swallows_a_second_clause():
    text = "In 2023, Los Angeles ordered 300 electric buses, and New York City plans to replace its whole fleet by 2040."
    items = items_of(text)
    assert find(items, "fill_blank", "Los Angeles")  # positive control (no question is made of it today)
    for item in [i for i in items if i["kind"] == "short_answer"]:
        assert "New York City plans" not in item["prompt"] or item["answer"] != "Los Angeles"


def test_a_long_counted_phrase_is_not_moved(generated):
    """ "The play is about four Iranian students in an upper-level English class preparing to take the TOEFL"
    once gave "How many Iranian students in upper-level English class ... is the play?"."""
    prompts = [i["prompt"] for _, items in generated for i in items if i["prompt"].startswith("How many")]
    assert prompts and not [p for p in prompts if " is the play" in p or len(p.split()) > 25]


def test_no_preposition_is_stranded_inside_a_noun_phrase():
    """Not 'Which place did Kiptum grow up in the village of in western Kenya?'."""
    items = items_of(RUNNER, "short_answer")
    assert not [i for i in items if "village of in" in i["prompt"] or i["answer"] == "Chepkorio"]
    assert find(items, "short_answer", "Kenya")  # positive control: the sentence still gives a question


def test_two_agents_are_not_asked_as_one():
    """'operated by British Airways and Air France': 'Which company operated ...?' has two answers."""
    items = items_of(PASSIVE)
    assert not [i for i in items if i["kind"] == "short_answer" and i["answer"] in ("British Airways", "Air France")]
    assert find(items, "fill_blank", "British Airways") and find(items, "fill_blank", "Air France")  # each alone: a blank


def test_a_or_an_before_a_blank_gives_nothing_away():
    """No 'an _____' (a hint) and no 'a(n) _____' (readers find it ungrammatical): a question instead."""
    prompts = [i["prompt"] for i in items_of(HINTS) if i["kind"] in ("fill_blank", "multiple_choice")]
    assert prompts  # positive control: the other names of the sentences are blanked
    assert not [p for p in prompts if re.search(r"\ban? _____|\(n\) _____", p)]


@pytest.mark.parametrize(
    "text, inserted, expected",
    [
        ("An Chinese jury found it.", "Chinese", "A Chinese jury found it."),  # after the swap of "American"
        ("It was a Iranian plan.", "Iranian", "It was an Iranian plan."),
        ("It was an _____ plan.", checker.BLANK, "It was a(n) _____ plan."),
    ],
)
def test_a_swapped_option_gets_the_article_it_needs(text, inserted, expected):
    from questions.name_items import _article_before

    assert _article_before(text, inserted) == expected


def test_this_meant_uses_the_clause_with_its_subject_resolved():
    text = ("The Concorde flew at more than twice the speed of sound, British Airways explained. "
            "This meant it could travel from London to New York in about three hours.")
    prompts = [i["prompt"] for i in items_of(text)]
    assert "The Concorde could travel from London to _____ in about three hours." in prompts
    assert not [p for p in prompts if "British Airways could" in p or "from to" in p]


def test_a_title_and_its_holder_make_a_question_of_their_own():
    """The sentence's subject is vague, but 'Indian Defense Minister Nirmala Sitharaman' is not."""
    text = ("The talks will also include Indian Defense Minister Nirmala Sitharaman. "
            "Kenya's President William Ruto praised the runner on social media. Ruto met Sitharaman in May.")
    items = items_of(text)
    assert find(items, "short_answer", "Nirmala Sitharaman")[0]["prompt"] == (
        "Who is the Indian Defense Minister, according to the article?")
    assert "According to the article, Kenya's President is _____." in [i["prompt"] for i in find(items, "fill_blank", "William Ruto")]
    assert not [i for i in items if i["prompt"].startswith("The talks")]


@pytest.mark.parametrize(
    "text, prompt",
    [
        ("\u201cWe will find them,\u201d said Marta Lindqvist, director of the Swedish Police Authority.",
         "Who is the director of the Swedish Police Authority, according to the article?"),  # outside the quotation
        ("Peter Okafor, the chief executive of Lagos Foods, announced the deal on Monday.",
         "Who is the chief executive of Lagos Foods, according to the article?"),
    ],
)
def test_a_title_in_an_apposition_after_the_name_is_asked(text, prompt):
    assert prompt in [i["prompt"] for i in items_of(text, "short_answer")]


@pytest.mark.parametrize(
    "text",
    [
        "Peter Okafor, a spokesman for Lagos Foods, announced the deal on Monday.",  # one of several spokesmen
        "Peter Okafor, the former director of Lagos Foods, announced the deal on Monday.",  # not any more
        "Peter Okafor, the company's director, announced the deal on Monday.",  # which company?
    ],
)
def test_an_apposition_that_does_not_name_one_office_holder_is_not_asked(text):
    items = items_of(text)
    assert not [i for i in items if ", according to the article?" in i["prompt"]]
    assert find(items, "short_answer", "Peter Okafor")  # positive control: who announced the deal is asked


def test_a_title_two_people_hold_is_not_asked():
    text = ("Former Secretary of State Rex Tillerson left in March. Secretary of State Mike Pompeo arrived in India. "
            "Pompeo met Tillerson in Ohio.")
    items = items_of(text)
    assert not [i for i in items if "Secretary of State, according" in i["prompt"]]
    assert find(items, "fill_blank", "Mike Pompeo") and find(items, "fill_blank", "Rex Tillerson")  # positive control


@pytest.mark.parametrize(
    "key, expected",
    [
        ("97 percent", ["48 percent", "73 percent", "87 percent"]),  # a share stays under 100 percent
        ("75 percent", ["38 percent", "56 percent", "65 percent", "85 percent", "95 percent"]),  # none 1 point apart
        ("5.1 percent", ["2.5 percent", "3.8 percent", "7.6 percent", "10.2 percent", "15.3 percent"]),
        ("$6 billion", ["$4 billion", "$5 billion", "$7 billion", "$8 billion", "$9 billion", "$11 billion"]),
        ("$730 million", ["$360 million", "$550 million", "$440 million", "$880 million", "$910 million"]),  # never "$1095 million";
        # rounded to the key's tens, as "$730 million" is ("$548 million" is an odd figure beside it)
    ],
)
def test_numeric_options_keep_unit_magnitude_and_sense(key, expected):
    from questions.amounts import number_variants

    assert number_variants(key) == expected


@pytest.mark.parametrize("name, plural_noun", [("Iranians", True), ("Canadians", True), ("American", False),
                                               ("Chinese", False), ("Swiss", False), ("Iranian-American", False)])
def test_nationality_options_keep_their_form(name, plural_noun):
    """'Iranians' is never an option for 'watch _____ romantic comedies' ('American')."""
    from questions.distractors import _people_word

    assert _people_word(name) is plural_noun


def test_a_named_waterway_gets_no_continents_as_options():
    text = (Path(__file__).parent / "data" / "written" / "h_ships.txt").read_text(encoding="utf-8")
    items = items_of(text)
    for item in items:
        if item["kind"] == "multiple_choice" and item["answer"] == "Suez Canal":
            assert not {"Africa", "Asia", "Europe"} & set(item["choices"]), item["choices"]
    assert find(items, "fill_blank", "Suez Canal")


def test_a_capital_at_the_start_of_a_sentence_is_not_a_name():
    """The small model calls 'Lava' a person in 'Lava was flowing ...' when 'lava' is a word of the article."""
    text = ("A volcano erupted in Iceland on Monday, sending lava into the sky. "
            "Lava was flowing at a rate of 200 cubic meters per second near Grindavik.")
    items = items_of(text)
    assert not [i for i in items if i["answer"] == "Lava" or i["prompt"].startswith("Who was flowing")]
    assert find(items, "fill_blank", "Grindavik")  # positive control: the sentence is asked


def test_places_other_than_countries_are_typed_not_chosen():
    """Readers found the story's places of every kind offered together ('Orange River', 'Africa' for
    'Earth'): a state, a city or a river is asked as a blank or a question, never with options."""
    text = ("In California, three laws were passed in 2024. Aurora began the service in Texas in May, with 20 trucks "
            "between Dallas and Houston. Boom Supersonic is based in Colorado. NASA showed the X-59 in Palmdale in "
            "January. Houston has many trucks, and Dallas has more. Ohio and Nevada passed no such law.")
    items = items_of(text)
    assert find(items, "fill_blank", "Texas") or find(items, "short_answer", "Texas")  # positive control
    assert not [i for i in items if i["kind"] == "multiple_choice" and i["answer"] in ("California", "Texas", "Colorado",
                                                                                     "Dallas", "Houston", "Palmdale")]
    assert find(items_of(TRADE), "multiple_choice", "Japan")  # countries among countries still are


def test_options_for_a_party_are_parties_only():
    """Two other parties and a bank are no four options: the Liberal Party is asked typed instead."""
    assert not [i for i in items_of(ELECTION, "multiple_choice") if i["answer"] == "Liberal Party"]
    assert find(items_of(ELECTION), "fill_blank", "Liberal Party")
    more = ELECTION + " The Green Party won 12 seats in Ontario. The Reform Party won 9 seats in Alberta."
    item = next(i for i in items_of(more, "multiple_choice") if i["answer"] == "Liberal Party")  # positive control
    assert all(c.endswith("Party") for c in item["choices"])


def test_a_word_of_the_name_is_not_its_descriptor():
    """'Elections Canada said ...' is not 'Which election said ...?'."""
    items = items_of(ELECTION)
    assert not [i for i in items if i["prompt"].startswith("Which election")]
    assert find(items, "fill_blank", "7.3 million")  # positive control: the sentence is asked


def test_a_sentence_ending_in_an_abbreviation_ends_there():
    """'... go to the U.S. The Liberal Party won ...' is two sentences."""
    sources = {i["source_sentence"] for i in items_of(ELECTION)}
    assert "About 75 percent of Canadian exports go to the U.S." in sources
    assert "The Liberal Party won 169 of the 343 seats in the House of Commons." in sources


def test_a_blank_in_place_of_the_last_word_keeps_the_full_stop():
    assert "About 75 percent of Canadian exports go to the _____." in [i["prompt"] for i in items_of(ELECTION, "fill_blank")]


def test_and_a_half_belongs_to_the_amount():
    text = ("The Concorde flew from London to New York in 1976. This meant it could travel from London to New York "
            "in about three-and-a-half hours. The trip took two and a half days by ship in 1950.")
    answers = {i["answer"] for i in items_of(text, "fill_blank")}
    assert "three-and-a-half hours" in answers and "three" not in answers


def test_a_question_does_not_end_on_a_date_that_goes_stale():
    text = ("Last week, the Pentagon threatened to impose sanctions on India. "
            "NASA and Lockheed Martin recently showed off the X-59 plane during an event in Palmdale, California.")
    questions_ = [i["prompt"] for i in items_of(text, "short_answer")]
    assert "Which organization threatened to impose sanctions on India?" in questions_
    assert not [q for q in questions_ if q.endswith((" last week?", " in?"))]


def test_a_name_that_says_what_kind_of_thing_gets_no_options():
    """Not 'vaccination rates had fallen during the UNICEF pandemic' as a false statement."""
    text = (Path(__file__).parent / "data" / "written" / "f_health.txt").read_text(encoding="utf-8")
    items = items_of(text)
    assert not [i for i in items if "UNICEF pandemic" in i["prompt"] or "WHO pandemic" in i["prompt"]]
    assert not [i for i in items if i["kind"] == "multiple_choice" and "_____ pandemic" in i["prompt"]]
    assert find(items, "fill_blank", "COVID-19")


def test_earnings_story_questions():
    """A company the model calls a place is never 'Which place said ...?'; 'When' is not asked of a
    time inside a reported clause when the report has its own ('said Wednesday'); no 'last quarter'."""
    text = (Path(__file__).parent / "data" / "written" / "k_earnings.txt").read_text(encoding="utf-8")
    asked = {i["prompt"]: i["answer"] for i in items_of(text, "short_answer")}
    assert not [q for q in asked if q.startswith("Which place")]
    assert "third quarter" not in asked.values()
    assert "Which country accounted for about 15 percent of Nvidia's sales?" in asked


def test_until_and_since_are_not_when():
    """'Users had until August 25 to file' is not 'When did users have to file?'."""
    assert not [i for i in items_of(COURT, "short_answer") if i["answer"] == "August 25"]
    assert find(items_of(COURT), "fill_blank", "August 25")


def test_a_demonstrative_phrase_is_a_reference_even_when_long():
    """'That British political consulting company had ...' cannot stand alone."""
    items = items_of(COURT)
    assert not [i for i in items if "consulting company" in i["prompt"]]
    assert find(items, "fill_blank", "Cambridge Analytica")  # positive control: the sentence before is asked


def test_as_many_as_is_not_part_of_the_answer():
    items = items_of(COURT, "fill_blank")
    assert "Analysts said as many as _____ people had used the service in Canada." in [i["prompt"] for i in items]
    assert not [i for i in items if i["answer"].startswith("as many")]


def test_relative_dates_are_not_asked():
    text = ("Last week, the Pentagon threatened to impose sanctions on India. India signed the deal on March 3, 2018. "
            "During the year, companies in Japan deployed 300 new robots.")
    answers = {i["answer"] for i in items_of(text)}
    assert "Last week" not in answers and "year" not in answers and "the year" not in answers
    assert "March 3, 2018" in answers and "300" in answers


def test_the_longest_known_name_wins(generated):
    """The model splits "NASA and Lockheed Martin teams" into "Lockheed" and "Martin" in one sentence of the
    X-59 article; the full name it found elsewhere in the article wins."""
    answers = {i["answer"] for path, items in generated if "x59" in path.name for i in items}
    assert "Lockheed Martin" in answers and "Martin" not in answers


def test_names_are_not_merged_just_because_they_start_alike(generated):
    """'Apple' and, later, 'Apple Intelligence' are two things; 'iPhones' is not an option among companies."""
    everything = [i for _, items in generated for i in items]
    assert [i for i in everything if i["answer"] == "Apple"]  # positive control: both checks below have items
    assert [i for i in everything if i["kind"] == "multiple_choice" and "Google" in i["choices"]]
    for path, items in generated:
        for item in items:
            if item["answer"] == "Apple":
                assert "Apple Intelligence" not in item["accepted"]
            if item["kind"] == "multiple_choice" and "Google" in item["choices"]:
                assert "iPhones" not in item["choices"]


def test_one_answer_is_not_drilled(generated):
    from collections import Counter

    from questions.rank import MAX_SAME_ANSWER

    assert all(len(items) >= 10 for _, items in generated)  # positive control (the how-to article gives 14)
    for _, items in generated:
        counts = Counter((i["kind"], norm(i["answer"])) for i in items if i["kind"] != "true_false")
        assert max(counts.values()) <= MAX_SAME_ANSWER


def test_a_term_being_defined_gets_no_options_of_a_guessed_type():
    text = ("Google and Apple sell phones. Microsoft and Amazon sell software. The FAA said air taxis are a kind of "
            "aircraft known as Advanced Air Mobility flyers. Google praised the rules.")
    items = items_of(text)
    assert find(items, "fill_blank", "Advanced Air Mobility")  # positive control: the term is asked
    for item in items:
        if item["answer"] == "Advanced Air Mobility":
            assert item["kind"] in ("fill_blank", "short_answer")
        if item["kind"] in ("multiple_choice", "true_false"):
            assert "Advanced Air Mobility" not in " ".join(item["choices"]) or item["answer"] == "Advanced Air Mobility"


def test_a_long_sentence_is_cut_before_a_second_verb_phrase_the_key_is_not_in():
    text = ("On his way to India on Monday, U.S. Defense Secretary Jim Mattis confirmed he will discuss the Russian "
            "missile defense system, but said shared values will allow the two countries to handle any problems "
            "calmly and without alarm.")
    prompts = [i["prompt"] for i in items_of(text, "fill_blank")]
    assert ("On his way to India on Monday, U.S. Defense Secretary _____ confirmed he will discuss the Russian "
            "missile defense system.") in prompts


def test_a_subject_question_asks_about_the_first_verb_phrase_only():
    text = ("On his way to India on Monday, U.S. Defense Secretary Jim Mattis confirmed he will discuss the Russian "
            "missile defense system, but said shared values will allow the two countries to handle any problems "
            "calmly and without alarm.")
    assert "Who confirmed he will discuss the Russian missile defense system on his way to India on Monday?" in [
        i["prompt"] for i in items_of(text, "short_answer")]


def test_a_weekday_alone_is_not_asked():
    """'on Tuesday': the day of the week of a meeting is trivia (readers marked it so every time)."""
    items = items_of(MEETING)
    assert not [i for i in items if i["answer"] == "Tuesday"]
    assert find(items, "short_answer", "Paris")  # positive control: the sentence's place is still asked
    dated = items_of("Angela Merkel met Emmanuel Macron in Paris in March 2024. Germany will pay $3 billion.")
    assert [i for i in dated if i["answer"] == "March 2024"]  # and a date that is not a weekday is


def test_amount_options_drop_the_hedges_of_other_sentences():
    """'Only 78 percent', 'Up to 90 percent' beside '64 percent': the options read as the key does."""
    text = ("Health officials said 64 percent of the patients were children. Only 78 percent of pupils had both doses. "
            "Up to 90 percent of adults were immune in the county. About 55 percent of cases were in one town. "
            "Officials said the outbreak was the largest in the state since 1990.")
    distractors = options(text, "64 percent")
    assert len(distractors) == 3 and all(re.fullmatch(r"\d+ percent", c) for c in distractors), distractors
    assert {"78 percent", "90 percent"} <= set(distractors)  # the story's own amounts, hedges dropped


def test_date_options_stay_in_the_month_the_stem_names():
    text = ("The Lorne Housing Agency will hold six sessions in May, beginning in Hartwell on May 7 and ending in Larkin on May 22. "
            "The plan was announced on Feb. 26 by the governor of the state. Applications open on May 12 for towns. "
            "The first payments will be made on May 17 to the towns that applied. The agency was founded in March 1990.")
    found = [i for i in items_of(text, "multiple_choice") if i["answer"] == "May 7"]
    assert found, "positive control: the date is asked with options"
    assert all(c.startswith("May") for c in found[0]["choices"]), found[0]["choices"]


def test_a_person_named_in_another_sentence_only_gives_no_items():
    text = ("Jan Vermaelen painted the altarpiece for the guild. Guild records show that he was born in Mechelen "
            "around 1450 and died in 1502. The museum in Antwerp bought the altarpiece in 1934 from a dealer.")
    sources = [i["source_sentence"] for i in items_of(text)]
    assert "Guild records show that he was born in Mechelen around 1450 and died in 1502." not in sources
    assert "The museum in Antwerp bought the altarpiece in 1934 from a dealer." in sources  # positive control


def test_a_pronoun_after_the_person_it_means_is_kept():
    text = ("The mayor of Denver said she would sign the budget of $9 billion on Friday. "
            "The museum in Antwerp bought the altarpiece in 1934 from a dealer.")
    sources = [i["source_sentence"] for i in items_of(text)]
    assert "The mayor of Denver said she would sign the budget of $9 billion on Friday." in sources


def test_its_is_not_given_to_a_subject_when_the_sentence_names_another_body():
    text = ("Turnout was 71.3 percent, the highest in two decades, according to the Central Election Commission. "
            "Its chairwoman, Judge Elena Radic, said the commission had received 312 complaints about long lines.")
    prompts = " ".join(i["prompt"] for i in items_of(text))
    assert "Turnout's chairwoman" not in prompts and "Turnout’s chairwoman" not in prompts
    control = ("Acme Corp opened a factory in Ohio in March. Its chief executive, Jane Smith, said the company "
               "would hire 500 workers by the end of the year.")
    assert "Acme Corp's chief executive" in " ".join(i["prompt"] for i in items_of(control))  # positive control


def test_a_leading_by_contrast_leaves_the_prompt():
    text = ("Sales of phones fell 5 percent in the quarter, Acme Corp said on Monday. By contrast, revenue from "
            "Acme Corp's software division rose 9 percent to $1.7 billion in the quarter.")
    prompts = [i["prompt"] for i in items_of(text) if "software division" in i["prompt"]]
    assert prompts and not any(p.startswith("By contrast") for p in prompts)


def test_organisation_options_are_bodies_of_the_key_s_kind():
    from questions.distractors import org_class

    assert org_class("Homeland Movement") == org_class("Civic Alliance") == org_class("National Front") == "party"
    assert org_class("National Assembly") == "legislature" and org_class("Ministry of Health") == "agency"
    assert org_class("Corvane Systems") == "company" and org_class("Acme") is None
    text = ("The Civic Alliance won 41 percent of the vote, ahead of the National Front. The National Assembly will "
            "meet on Monday. The Homeland Movement took 6 percent. The Green League took 5 percent of the vote. "
            "The National Front said it would join the Civic Alliance in the National Assembly. The Homeland "
            "Movement and the Green League will sit in opposition in the National Assembly.")
    found = [i for i in items_of(text, "multiple_choice") if i["answer"] == "Homeland Movement"]
    assert found, "positive control: the party is asked with options"
    # the most mentioned body of the story, but a parliament, not a party
    assert "National Assembly" not in found[0]["choices"]


def test_year_options_are_years_near_the_key():
    text = ("Jan Vermaelen painted the altarpiece in Mechelen and died in 1502, records show. The guild paid for a "
            "chapel in 1487. French troops took the panels in 1797 and sold them in 1798. The museum in Antwerp "
            "bought the altarpiece in 1934 from a dealer in Paris. The city of Mechelen restored its guildhall in 1510.")
    found = [i for i in items_of(text, "multiple_choice") if i["answer"] == "1502"]
    assert found, "positive control: the year is asked with options"
    years = [int(c) for c in found[0]["choices"]]
    assert all(abs(year - 1502) <= 30 for year in years), years
    assert 1487 in years or 1510 in years  # the story's own years near the key first


def test_amount_options_count_the_same_thing():
    """'18 million cubic metres' is no option for a wall '67 metres' long, nor '67 metres' for a volume."""
    text = ("The dam split open, sending roughly 18 million cubic metres of water down the valley. The new wall is "
            "67 metres long. The old wall was 50 metres long and 34 metres high. The lake held 9 million cubic "
            "metres of water in 1970 and 14 million cubic metres in 1974, the inquiry said. The town has 4,000 people.")
    wall = options(text, "67 metres")
    assert len(wall) == 3 and not any("cubic" in c for c in wall), wall
    water = [i for i in items_of(text, "multiple_choice") if i["answer"] == "18 million cubic metres"]
    assert not water or all("cubic" in c for c in water[0]["choices"]), water


@pytest.mark.parametrize("opening", ["Among them was", "If it succeeds,"])
def test_an_opening_pronoun_of_another_sentence_gives_no_items(opening):
    text = (f"The Relief Agency sent 40 teams to the valley on Monday. {opening} Dr. Ana Ruiz will lead the first team "
            "of the Relief Agency to the town of Velden in March.")
    sources = [i["source_sentence"] for i in items_of(text)]
    assert "The Relief Agency sent 40 teams to the valley on Monday." in sources  # positive control
    assert not any(s.startswith(opening) for s in sources)
    control = items_of("Dr. Ana Ruiz will lead the first team of the Relief Agency to the town of Velden in March.")
    assert control  # the same sentence without the opening stands alone


def test_an_owner_with_its_acronym_is_named_without_it():
    text = ("The National Emergency Relief Agency (NERA) sent 40 teams to the valley on Monday. Its director, Carmen "
            "Iturbe, said the agency needed clean water and blankets for 12,000 people.")
    prompts = " ".join(i["prompt"] for i in items_of(text))
    assert "(NERA)'s" not in prompts and "(NERA)’s" not in prompts
    assert "National Emergency Relief Agency's director" in prompts or "National Emergency Relief Agency’s director" in prompts


def test_an_acronym_key_gets_acronyms_as_options():
    from questions.distractors import _acronym

    assert _acronym("NSI") and _acronym("U.N.") and not _acronym("Alta Sierra") and not _acronym("I")
    text = ("The NSI said the quake struck at 4 a.m. The NERA sent teams to the valley. The CSA sent a satellite "
            "over the region. The IRC sent doctors, and the NERA and the CSA sent water. Alta Sierra Province "
            "asked the NERA for tents. The NSI, the NERA, the CSA and the IRC met on Friday. Dr. Tomas Reyna, a "
            "seismologist at the NSI, warned residents not to return to damaged homes.")
    found = [i for i in items_of(text, "multiple_choice") if i["answer"] == "NSI"]
    assert found  # positive control: the acronym is asked with options
    for item in found:
        assert all(_acronym(c) for c in item["choices"]), item["choices"]


def test_a_subject_named_in_its_own_apposition_stands_alone():
    text = ("A small sea slug found off the coast of Norway can glow in the dark, a study says. The slug, a species "
            "that researchers have named Aeolidia noctiluca, is only about 3 centimetres long.")
    found = [i for i in items_of(text) if i["source_sentence"].startswith("The slug, a species")]
    assert found and any(i["answer"] in ("3 centimetres", "Aeolidia noctiluca") for i in found)
    vague = "A small sea slug can glow in the dark, a study says. The slug, a small animal, is only 3 centimetres long."
    assert not [i for i in items_of(vague) if i["source_sentence"].startswith("The slug, a small")]  # control


def test_a_firm_the_model_takes_for_a_person_is_the_company_named_in_full():
    text = ("Corvane Systems said on Tuesday it would cut 2,300 jobs. Founded in 1994 by two engineers from the "
            "University of Bergen, Corvane grew into one of the largest suppliers of networking gear, with annual "
            "sales peaking at $18.6 billion in 2022. It employs about 21,000 people worldwide.")
    prompts = [i["prompt"] for i in items_of(text)]
    assert any(p.startswith("Corvane employs") or p.startswith("Corvane Systems employs") for p in prompts), prompts


def test_time_options_keep_the_key_s_kind_of_time():
    from questions.distractors import _time_style

    assert _time_style("11:20 on the night of") == _time_style("4 a.m.") == "clock"
    assert _time_style("nearly two hours") == _time_style("14 minutes") == "length"
    assert _time_style("Tuesday night") == "part of day"


def test_options_the_stem_rules_out_are_not_offered():
    from questions.distractors import _model_code, _value

    assert _value("9.4 million tonnes") == 9_400_000 and _value("4.3 tonnes") == 4.3
    assert _model_code("C-190") and _model_code("VX-218") and not _model_code("Corvex Aerospace")
    text = ("Police charged Marcus Dyer, Craig Fenner, Jamal Whitby, Leanne Proctor and Adam Kerslake on Monday. "
            "Dyer, Fenner and Whitby were remanded in custody, while Proctor and Adam Kerslake were granted bail. "
            "Marcus Dyer and Craig Fenner will appear in court in April. Jamal Whitby and Adam Kerslake denied "
            "the charges. Leanne Proctor said nothing. Craig Fenner and Marcus Dyer were held in Carrington.")
    items = [i for i in items_of(text) if i["answer"] == "Adam Kerslake" and i["source_sentence"].startswith("Dyer, Fenner")]
    assert any(i["kind"] == "fill_blank" for i in items)  # positive control: the fact is asked
    for item in items:  # and never with the people the stem names as options: one other left, so typed only
        assert not {"Marcus Dyer", "Craig Fenner", "Jamal Whitby"} & set(item["choices"]), item["choices"]


def test_what_someone_said_about_it_leans_on_another_sentence():
    text = ("The government cut the tariff on maize to 2 percent in May, the ministry said. Minister Jan Valcik said "
            "it would also suspend the 5 percent import tariff on wheat until the end of June next year.")
    sources = [i["source_sentence"] for i in items_of(text)]
    assert not any(s.startswith("Minister Jan Valcik said it") for s in sources)
    control = items_of("Minister Jan Valcik said the government would suspend the 5 percent import tariff on wheat "
                       "until the end of June next year.")
    assert control  # the same report with its subject named stands alone
    itself = "The National Emergency Relief Agency said it had set up 27 shelters housing about 34,000 people."
    assert itself in [i["source_sentence"] for i in items_of(itself)]  # a body speaking of itself


def test_an_indefinite_subject_is_not_what_the_next_it_means():
    text = ("The Grand Meridian Theatre opened in 1894 on Market Street. A fire in 1962 destroyed its roof and the "
            "stage. It was converted into a cinema in 1974 and later spent most of the 1990s as a bingo hall.")
    prompts = " ".join(i["prompt"] for i in items_of(text))
    assert "A fire in 1962 was converted" not in prompts


def test_a_country_known_by_its_people_is_a_place_whatever_the_model_says():
    text = ("Norvalia and Kestrany signed a water accord on Monday in Brenholt. Downstream neighbour Ostravia, "
            "which was not invited to the summit, condemned the agreement. Ostravian farmers have seen river levels "
            "fall by 30 percent. Norvalian officials said Ostravia could join later. The Rural Party and the "
            "Continental Development Bank welcomed the accord, and Ostravia said it would go to court.")
    found = [i for i in items_of(text) if i["answer"] == "Ostravia"]
    assert found and all(i["answer_type"] == "GPE" for i in found), [(i["kind"], i["answer_type"]) for i in found]
    for item in found:
        assert not {"Rural Party", "Continental Development Bank"} & set(item["choices"])


def test_an_amount_before_its_noun_is_asked_with_the_article_as_written():
    text = ("The Millbrook City Council voted on Tuesday night to approve a $48 million bus rapid transit line "
            "along Harlow Avenue. The line will open in 2027, officials said.")
    prompts = [i["prompt"] for i in items_of(text, "fill_blank") if i["answer"] == "$48 million"]
    assert prompts and "approve a _____ bus rapid transit line" in prompts[0], prompts


def test_a_vote_or_a_split_is_asked_whole():
    text = ("The Millbrook City Council voted 7-2 on Tuesday night to approve a new bus line along Harlow Avenue. "
            "The accord splits the river's flow 55-45 between the two countries, officials said.")
    answers = {i["answer"] for i in items_of(text, "fill_blank")}
    assert {"7-2", "55-45"} <= answers and "7" not in answers, answers


def test_the_company_after_the_one_company_that_acted_is_that_company():
    """kind_names.py: Toyota is the one body acting just before 'The company expects ...' (it was dropped before)."""
    prompts = [i["prompt"] for i in items_of(TOYOTA)]
    assert any(p.startswith("Toyota expects sales to grow by") for p in prompts), prompts


def test_a_members_body_takes_only_members_bodies_for_options():
    """'The _____, which represents 3,500 manufacturers, said ...' = the Orn Federation of Industry: a bank, a
    university and a ministry are no options (only a federation represents manufacturers)."""
    from questions.distractors import org_class

    assert org_class("Orn Federation of Industry") == org_class("Kell Chamber of Commerce") == "association"
    assert org_class("Vell Housing Trust") == "charity" and org_class("Bank of Orn") == "company"
    bodies = ("The Bank of Orn raised its main rate to 4.75 percent on Thursday. The University of Kell said the rise "
              "would slow growth. The Ministry of Finance welcomed it. The Orn Federation of Industry, which represents "
              "3,500 manufacturers, said the rise would choke off investment. ")
    unlike = [i for i in items_of(bodies, "multiple_choice") if i["answer"] == "Orn Federation of Industry"]
    assert not unlike, unlike
    # positive control: with three more members' bodies in the story, the federation is asked with options
    alike = bodies + ("The Kell Chamber of Commerce agreed. The Orn Farmers' Association and the Orn Retail Guild "
                      "said prices would rise. The Orn Builders' Federation said building would slow.")
    found = [i for i in items_of(alike, "multiple_choice") if i["answer"] == "Orn Federation of Industry"]
    assert found, "positive control: options of the key's kind exist"
    assert all(org_class(c) == "association" for c in found[0]["choices"]), found[0]["choices"]
