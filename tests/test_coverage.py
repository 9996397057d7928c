"""How many of the facts that matter the generator asks about (tests/data/facts)."""
import json
from pathlib import Path

import pytest

import questions
from questions.entities import is_alias
from questions.textnorm import norm

from .helpers import ARTICLES, SEED

FACTS = Path(__file__).parent / "data" / "facts"
TARGET = 0.85  # issue #3: on the seed and on each development article


def covers(item, fact):
    """A typed or chosen answer about the fact, from the sentence that states it."""
    if item["kind"] == "true_false" or norm(fact["cue"]) not in norm(item["source_sentence"]):
        return False
    return any(is_alias(answer, fact["answer"]) for answer in [item["answer"], *item["accepted"]])


def coverage(path):
    items = questions.generate(path.read_text(encoding="utf-8"), source=str(path))
    facts = json.loads((FACTS / f"{path.stem}.json").read_text(encoding="utf-8"))
    missed = [fact["fact"] for fact in facts if not any(covers(item, fact) for item in items)]
    return 1 - len(missed) / len(facts), missed


@pytest.mark.parametrize("path", [SEED, *ARTICLES], ids=lambda p: p.stem)
def test_fact_coverage(path):
    share, missed = coverage(path)
    print(f"{path.stem}: {share:.0%} of facts covered; missed: {missed}")
    assert share >= TARGET, f"{share:.0%} covered; missed: {missed}"

