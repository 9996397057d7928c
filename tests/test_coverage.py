"""How many of the facts that matter the generator asks (tests/data/gold: 20 facts per article,
listed by a reader who never saw the generator; judged by questions/judge.py, a copy of the
workplace's coverage judge).

Issue 14's target is 85% of gold facts asked and 70% among each article's 30 best-scored
items. These floors are just under where the generator stands today (48% and 41% over the 16 articles):
a change that asks fewer of the facts that matter fails here.
"""
import json
from pathlib import Path

import pytest

import questions
from questions import judge

from .helpers import ARTICLES, SEED

GOLD = Path(__file__).parent / "data" / "gold"
FLOOR_ALL, FLOOR_TOP = 0.45, 0.39


@pytest.fixture(scope="module")
def measured():
    paths = [p for p in [SEED, *ARTICLES] if (GOLD / f"{p.stem}.json").exists()]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    results = questions.generate_many(texts, sources=[str(p) for p in paths])
    rows = []
    for path, items in zip(paths, results):
        gold = json.loads((GOLD / f"{path.stem}.json").read_text(encoding="utf-8"))
        best = judge.top(items, 30)
        rows.append((path.stem, len(gold), sum(judge.covered(f, items) for f in gold),
                     sum(judge.covered(f, best) for f in gold)))
    return rows


def test_gold_facts_are_asked(measured):
    facts = sum(r[1] for r in measured)
    asked, among_best = sum(r[2] for r in measured), sum(r[3] for r in measured)
    for stem, n, c_all, c_top in measured:
        print(f"{stem}: {c_all}/{n} asked, {c_top} among the best 30")
    assert len(measured) == 16
    assert asked / facts >= FLOOR_ALL, f"{asked}/{facts} gold facts asked"
    assert among_best / facts >= FLOOR_TOP, f"{among_best}/{facts} among the best 30"


def test_the_judge_needs_the_facts_sentence_and_answer():
    """The judge itself: an item covers a fact only from the fact's sentence, with the fact's answer."""
    fact = {"answer": "Dimorphos", "aliases": [], "sentence": "DART struck the asteroid Dimorphos in 2022."}
    item = {"kind": "fill_blank", "answer": "Dimorphos", "source_sentence": fact["sentence"], "prompt": "x"}
    assert judge.covered(fact, [item])
    assert not judge.covered(fact, [dict(item, answer="DART")])
    assert not judge.covered(fact, [dict(item, source_sentence="Another sentence about Dimorphos entirely.")])
