"""questions/makers.question: a clause set off by a comma right after the asked phrase ('..., up from 27.3
percent', '..., while the other party took ...') stays out of the question, which would otherwise read
'What did the party win, up from ...?'. The questions are what the makers write (select=False): a bare 'What'
short answer is then dropped from the quiz (trivia.py what-typed). Every article here is made up."""
import questions

ELECTION = ("Harbour Party wins Dellmoor\n\nThe Harbour Party, led by former dock worker Ines Rawe, won 41.6 percent "
            "of the vote, up from 27.3 percent at the last election four years ago.\n\nAmong the smaller parties, the "
            "Green Hills Movement won 10.1 percent and four seats, while the Fishers and Valleys League took 6.2 "
            "percent and one seat.\n\nThe Tavel Mining Group bought two copper mines, the largest deal in its "
            "history, in 2020.\n")


def questions_asked():
    return {i["prompt"]: i["answer"] for i in questions.generate(ELECTION, select=False) if i["kind"] == "short_answer"}


def test_a_trailing_clause_after_the_answer_is_left_out():
    asked = questions_asked()
    assert asked.get("What did the Harbour Party, led by former dock worker Ines Rawe, win?") == \
        "41.6 percent of the vote", asked
    assert asked.get("What did the Green Hills Movement win among the smaller parties?") == \
        "10.1 percent and four seats", asked
    assert not any(", up from" in prompt or ", while" in prompt for prompt in asked), asked


def test_a_phrase_after_the_answer_without_a_comma_stays():
    asked = questions_asked()
    assert asked.get("What did the Tavel Mining Group buy in 2020?") == "two copper mines", asked  # 'in 2020' kept


def test_a_condition_after_the_answer_stays_in_the_question():
    text = ("Korrin waiver\n\nNorland received a trade waiver from Velm, as long as it cut its coal imports by half. "
            "The Velm council approved the waiver on Monday.\n")
    asked = {i["prompt"] for i in questions.generate(text, select=False) if i["kind"] == "short_answer"}
    assert "What did Norland receive from Velm, as long as it cut its coal imports by half?" in asked, asked
