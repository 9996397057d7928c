"""'A judge ruled ... The ruling accused ...': the act told by a verb names a later bare 'The ruling'."""
import pytest

from .helpers import made_prompts as prompts

RULING = ("Tarrow Bank lost a long court case over its fees this spring. "
          "In June, a district judge ruled that Tarrow Bank had misled its customers about the charges.\n\n"
          "The ruling accused Tarrow Bank of hiding 40 million dollars in fees from savers.")
REQUEST = ("The ferry firm Norvale Lines is fighting a new port tax in Orn. "
           "Last week Norvale Lines asked the High Court of Orn to suspend the tax until 2028.\n\n"
           "The request came after the firm reported losses of 12 million dollars.")


@pytest.mark.parametrize("text, wanted", [
    (RULING, "The ruling by a district judge accused"),
    # a second ruling told between: which one? left dropped
    (RULING.replace("this spring.", "this spring, and in May a second judge ruled against its rival Coldwell."),
     None),
    (REQUEST, "The request by Norvale Lines came after"),
    # the doer is only 'it': nothing to name the request by, left dropped
    (REQUEST.replace("Last week Norvale Lines asked", "Last week it asked"), None),
])
def test_a_bare_act_noun_is_named_by_the_verb_before(text, wanted):
    found = prompts(text)
    assert any("Tarrow" in p or "Norvale" in p or "Orn" in p for p in found), found  # positive control
    assert not any(p.startswith("The ruling accused") or p.startswith("The request came") for p in found), found
    assert wanted is None or any(p.startswith(wanted) for p in found), found
    assert wanted is not None or not any("40 million" in p or "12 million" in p for p in found), found


PLAN = ("Harlow Buses, the largest bus operator in the Orn Valley, will withdraw six rural routes at the end of June, "
        "a spokesman said on Monday.\n\n"
        "The decision follows the collapse of talks with the Orn Valley Council over a yearly subsidy.")


@pytest.mark.parametrize("text, wanted", [
    (PLAN, "The decision by Harlow Buses follows"),
    # a decision told between by someone else: which one? left dropped
    (PLAN.replace("\n\nThe decision", "\n\nIn May the Orn Valley Council decided to cut its bus budget. The decision"), None),
])
def test_a_bare_decision_after_the_lede_is_the_plan_it_told(text, wanted):
    found = prompts(text)
    assert any("six" in p or "Harlow Buses" in p or "June" in p for p in found), found  # positive control
    assert not any(p.startswith("The decision follows") for p in found), found
    assert wanted is None or any(p.startswith(wanted) for p in found), found
    assert wanted is not None or not any("yearly subsidy" in p for p in found), found
