"""A kind noun resolves only to a name of its sort (questions/kinds.label_fits, used by kind_names.py and
references.py): 'the city' is a place, never an organisation whose name holds the word 'City'. Invented articles."""
from questions.kinds import label_fits

from .helpers import made_prompts as prompts

AUDIT = ("Auditor finds repair gap\n\n"
         "{opening} The City Audit Office, led by Ana Ruiz, released its report on Tuesday.\n\n"
         "The city spent 4 million dollars on new parks instead, the report said. "
         "The city spent 4 million dollars on new parks instead.\n\n"
         "The State Highway Agency said it would help. The state has 200 bridges in poor repair.")


def test_the_city_is_not_an_organisation_named_city():
    found = prompts(AUDIT.format(opening=""))
    assert not any("City Audit Office spent" in p for p in found), found
    assert not any("State Highway Agency has" in p for p in found), found
    assert any("City Audit Office" in p for p in found), found  # the office's own sentence is still asked


def test_the_city_is_the_town_the_article_names():
    found = prompts(AUDIT.format(opening="The town of Dunmere released its budget on Monday."))
    assert any(p.startswith("Dunmere spent") or "did Dunmere spend" in p for p in found), found  # positive control
    assert not any("City Audit Office spent" in p for p in found), found


def test_kind_nouns_fit_their_own_sort_only():
    assert label_fits("city", "GPE") and label_fits("county", "LOC")
    assert not label_fits("city", "ORG") and not label_fits("state", "PERSON")
    assert label_fits("agency", "ORG") and not label_fits("agency", "PERSON") and not label_fits("company", "GPE")
    assert label_fits("mayor", "PERSON") and not label_fits("mayor", "ORG")
    assert label_fits("report", "ORG")  # a noun of no sort said is left to the other rules
