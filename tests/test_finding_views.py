"""A sentence whose only fault is an unnamed subject ('The team found that ...' where no team is named) keeps
the clause that leaves the subject out (clauses.finding_clause); one whose fact needs the subject stays
dropped as unnamed-kind. Every article here is made up."""
from .helpers import explain_block as block, explain_made as made

OPENING = "Storms hit the Kell coast in 2021. "


def test_what_an_unnamed_team_found_is_asked_without_the_team():
    items = made(OPENING + "The team found that the Kell glacier had lost 40 meters of ice since 1990.", "The team")
    assert any("According to the article, the Kell glacier had lost" in line for line in items), items
    assert not any("team" in line.split(": ", 1)[1] for line in items), items


def test_a_fact_of_the_unnamed_company_itself_stays_dropped():
    assert "dropped: unnamed-kind" in block(OPENING + "The company went public in 2013.", "The company")
    assert made(OPENING + "The team found that the Kell glacier had lost 40 meters of ice since 1990.", "The team")


def test_a_subject_named_already_keeps_its_name_after_the_lead_in():
    """'The team said the council would ...': 'the council' is written with its name, and the lead-in goes before
    that name, not in its place ('According to the article, the would ...')."""
    text = ("The Orn Valley Council cut the Kell bus subsidy in March. The team found that the council would invite "
            "other operators to bid for the routes by 2027.")
    items = made(text, "The team found")
    assert any("According to the article, the Orn Valley Council would invite" in line for line in items), items
    assert not any("the would" in line for line in items), items
