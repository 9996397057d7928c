"""questions/restated.py: 'That's 18% of ...' / 'This includes $2 million ...' after a sentence with one
amount is asked with that amount written in; two amounts, another paragraph or no measure leave it dropped.
Every article here is made up."""
from .helpers import explain_block as block, explain_made as made

CARRIES = "The Kell river carries 1,600 cubic miles (6,700 cubic kilometers) of water to the sea each year."
SHARE = "That\u2019s 18% of all the water that reaches the Norland coast from its rivers."


def test_that_is_the_one_amount_the_sentence_before_states():
    items = made(f"{CARRIES} {SHARE}", "That\u2019s 18%")
    assert items and all("The 1,600 cubic miles is" in line for line in items), items  # not '(6,700 ...)' too
    assert any(line.endswith("-> 18%") for line in items), items


def test_this_includes_the_one_sum_before():
    text = ("The Harlow council will spend over $40 million on the town's roads by 2030. "
            "This includes $12 million to rebuild the old bridge over the Kell river.")
    items = made(text, "This includes")
    assert any("The $40 million includes" in line for line in items), items


def test_two_amounts_before_or_another_paragraph_leave_that_dropped():
    two = CARRIES.replace("of water", "of water and 90 tons of sand")
    assert made(f"{CARRIES} {SHARE}", "That\u2019s 18%")  # positive control
    assert "dropped: pronoun-subject" in block(f"{two} {SHARE}", "That\u2019s 18%")  # which of the two?
    assert "dropped: pronoun-subject" in block(f"{CARRIES}\n\n{SHARE}", "That\u2019s 18%")


def test_that_with_no_measure_is_not_an_amount():
    text = f"{CARRIES} That\u2019s what the survey found for the rivers of the Norland coast in 2019."
    assert not any("1,600 cubic miles is" in line for line in block(text, "That\u2019s what").splitlines())
    assert made(f"{CARRIES} {SHARE}", "That\u2019s 18%")  # positive control: a share restates the amount


GOAL = "Norland passed three laws in 2023. One main goal was to stop fake bird calls."
THESE = "These are recordings of songbirds played to lure wild birds into nets."


def test_these_are_the_one_plural_noun_before_and_the_definition_is_asked():
    items = made(f"{GOAL} {THESE}", "These are")
    assert "made short_answer" in "\n".join(items) and any(
        "What are fake bird calls? -> recordings of songbirds played to lure wild birds into nets" in line
        for line in items), items


def test_these_stays_dropped_after_two_plural_nouns_or_a_place():
    two = GOAL.replace("fake bird calls", "fake bird calls and cheap nets")
    assert made(f"{GOAL} {THESE}", "These are")  # positive control
    assert "dropped: pronoun-subject" in block(f"{two} {THESE}", "These are")  # which of the two?
    where = "One main goal was to protect the Kell marsh. This is where most songbirds of Norland nest in May."
    assert "dropped: pronoun-subject" in block(where, "This is where")  # a place, not a definition
