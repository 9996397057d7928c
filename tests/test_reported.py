"""questions/reported.py: the 'it' of what a named body said is that body ("Dunmere Properties said it would
appeal"), and the 'it' of what someone of a body said is that body ("The trust's director, Ana Roe, said it
had ..."), written as the one name the article gives it. Each case is a (text, the sentence asked about, what
a prompt must say) row; a dropped row has its rival beside it. Every article here is made up."""
import pytest

from .helpers import explain_block as block, explain_made as made

RESOLVED = [
    # the speaker is the sentence's named subject, a business by its name: 'it' reads as it is
    ("Dunmere Properties raised rents at Orn Court by 30 percent in 2023. Dunmere Properties, which owns about "
     "700 homes in Kelby, said it was disappointed with the ruling and would appeal within 28 days.",
     "Dunmere Properties, which", "28 days"),
    # someone of a body speaks: 'it' is the body, written as the one name the article gives a trust
    ("The Orrin Trust, a housing trust, opened a help line in Kelby in 2022. The trust's regional director, "
     "Ana Roe, said it had received 900 calls from tenants in May.", "The trust's regional director",
     "said the Orrin Trust had received"),
]


@pytest.mark.parametrize("text, opening, wanted", RESOLVED)
def test_resolved(text, opening, wanted):
    items = made(text, opening)
    assert any(wanted.lower() in line.lower() for line in items), items


DROPPED = [
    # a person speaks of 'it': no body to mean
    ("Dunmere Properties raised rents at Orn Court by 30 percent in 2023. Judge Ana Roe said it had "
     "received 900 letters from tenants in May.", "Judge Ana Roe", "said Dunmere Properties had"),
    # two trusts named: which one received the calls?
    ("The Orrin Trust, a housing trust, opened a help line in Kelby in 2022. The Kessby Trust, a housing trust, "
     "opened one in Orn. The trust's regional director, Ana Roe, said it had received 900 calls from tenants "
     "in May.", "The trust's regional director", "Trust had received"),
]


@pytest.mark.parametrize("text, opening, unwanted", DROPPED)
def test_left_unnamed_when_no_one_body_is_meant(text, opening, unwanted):
    assert not any(unwanted in line for line in made(text, opening)), made(text, opening)
    assert made(text, text.split(". ")[0][:12])  # positive control: the story's first sentence is asked
