"""The acceptance model's validation on small hand-made labelled sets: folds grouped by reading (with its
articles), the nested choice of the cut for 0.7, the per-reading table, and the cuts folded into the weights."""
import math

import numpy as np
import pytest

from questions import fit_calibration
from questions import fit_validation as validation


def test_a_reading_is_held_out_with_every_verdict_on_its_articles():
    readings = ["r1", "r1", "r2", "r2", "r3", "r3"]
    articles = ["a.txt", "b.txt", "a.txt", "c.txt", "d.txt", "e.txt"]
    folds = {name: (test.tolist(), train.tolist())
             for name, test, train in validation.reading_folds(readings, articles)}
    assert list(folds) == ["r1", "r2", "r3"]
    # r2 read a.txt as r1 did: holding r1 out takes r2's verdict on a.txt out of the fit too, not r2's c.txt
    assert folds["r1"] == ([True, True, False, False, False, False], [False, False, False, True, True, True])
    assert folds["r3"][1] == [True, True, True, True, False, False]


def test_readings_are_ordered_by_number_not_by_text():
    names = [name for name, _, _ in validation.reading_folds(["r10", "r2", "r3b", "r3"], ["a", "b", "c", "d"])]
    assert names == ["r2", "r3", "r3b", "r10"]


def test_the_wilson_lower_bound():
    assert validation.wilson_lower(0, 0) == 0.0
    assert validation.wilson_lower(9, 10) == pytest.approx(0.7174, abs=1e-3)
    assert validation.wilson_lower(90, 100) < 0.9 < validation.wilson_lower(99, 100)
    assert validation.wilson_lower(18, 20) < validation.wilson_lower(180, 200)  # more items, a tighter bound


def test_the_cut_is_the_lowest_output_whose_items_above_it_reach_the_target_at_their_lower_bound():
    predicted = np.linspace(1.0, 0.01, 100)
    y = np.ones(100)
    y[60:] = 0.0  # the 60 best accepted, the rest not
    cut = validation.choose_cut(predicted, y)
    above = predicted >= cut
    assert 60 <= above.sum() < 70  # reaching into the rejected only as far as the lower bound allows
    assert validation.wilson_lower(y[above].sum(), above.sum()) >= 0.9
    # one more item and the bound falls below the target
    k = above.sum() + 1
    assert validation.wilson_lower(y[:k].sum(), k) < 0.9
    # a plain share would have gone further: the lower bound is the conservative choice
    assert validation.choose_cut(predicted, y, z=0.0) < cut


def test_no_cut_when_nothing_reaches_the_target_and_ties_go_in_together():
    predicted = np.array([0.9, 0.8, 0.7, 0.6])
    assert validation.choose_cut(predicted, np.array([1.0, 0.0, 1.0, 0.0])) > 0.9  # nothing is ready
    tied = np.array([0.9] * 30 + [0.5] * 30)
    labels = np.array([1.0] * 30 + [1.0] * 20 + [0.0] * 10)
    assert validation.choose_cut(tied, labels) == pytest.approx(0.9)  # the 0.5 group is all or none: none


def test_each_kind_gets_its_own_cut():
    predicted = np.tile(np.linspace(1.0, 0.01, 100), 2)
    y = np.concatenate([np.ones(100), np.where(np.arange(100) < 40, 1.0, 0.0)])
    kinds = np.array(["true_false"] * 100 + ["multiple_choice"] * 100)
    cuts = validation.choose_cuts(predicted, y, kinds)
    assert cuts["multiple_choice"] > cuts["true_false"]
    above = validation.at_or_above(predicted, kinds, cuts)
    assert y[above & (kinds == "multiple_choice")].mean() >= 0.9
    assert not validation.at_or_above(np.array([0.99]), np.array(["short_answer"]), cuts)[0]  # a kind never fitted


def test_only_the_newest_readings_choose_the_cut():
    """Old readings that accepted everything above any cut do not loosen the cut the newest ones need."""
    predicted = np.linspace(1.0, 0.01, 100)
    old = np.ones(100)  # an old generator's items: every one accepted
    new = np.where(np.arange(100) < 30, 1.0, np.where(np.arange(100) % 2 == 0, 1.0, 0.0))  # today's: half below 30
    names = [f"r{n}" for n in range(validation.RECENT + 4)]
    readings = np.repeat(names, 100)
    newest = set(names[-validation.RECENT:])
    y = np.concatenate([new if name in newest else old for name in names])
    predicted, kinds = np.tile(predicted, len(names)), np.array(["fill_blank"] * len(y))
    pooled = validation.choose_cuts(predicted, y, kinds)["fill_blank"]
    recent = validation.choose_cuts(predicted, y, kinds, readings=readings)["fill_blank"]
    assert recent > pooled
    keep = np.isin(readings, list(newest)) & (predicted >= recent)
    assert y[keep].mean() >= 0.9  # the newest readings' items above the cut reach the target
    assert y[np.isin(readings, list(newest)) & (predicted >= pooled)].mean() < 0.9  # control: the pooled cut does not


def artefact_set(seed=0):
    """Three readings; feature 0 is a reading's style that went with acceptance in r1 and r2 but not in r3,
    feature 1 marks what readers accept everywhere (a little less reliably)."""
    rng = np.random.default_rng(seed)
    x, y, readings, articles = [], [], [], []
    for reading, style_tells in (("r1", True), ("r2", True), ("r3", False)):
        for n in range(80):
            accepted = float(rng.random() < 0.6)
            style = accepted if style_tells else float(rng.random() < 0.9) * (1 - accepted) + 0.0
            real = accepted if rng.random() < 0.85 else 1 - accepted
            x.append([style, real])
            y.append(accepted)
            readings.append(reading)
            articles.append(f"{reading}-{n % 4}.txt")
    return np.array(x), np.array(y), np.array(readings), np.array(articles)


def test_the_nested_figure_of_a_reading_uses_none_of_its_verdicts():
    x, y, readings, articles = artefact_set()
    kinds = np.array(["fill_blank"] * len(y))
    rows = {row[0]: row for row in validation.nested(x, y, readings, articles, kinds)}
    assert set(rows) == {"r1", "r2", "r3"}
    assert all(rows[name][1] == 80 for name in rows)
    # fitted on r1 and r2 the style looks like acceptance; on r3 it picks the rejected: the held-out precision shows it
    _, _, above, accepted, _ = rows["r3"]
    assert above > 0 and accepted / above < 0.5
    # while folds by article, mixing the readings, see nothing wrong with the style overall
    pooled = validation.out_of_fold(x, y, validation.article_folds(articles))
    assert y[pooled >= np.quantile(pooled, 0.8)].mean() > accepted / above


def test_the_table_shows_every_held_out_reading_and_the_pooled_figure():
    rows = [("r1", 50, 10, 9, {"fill_blank": 0.9}), ("r2", 40, 0, 0, {"fill_blank": 0.95}),
            ("r10", 60, 20, 19, {"fill_blank": 0.88})]
    text = validation.table(rows)
    lines = text.splitlines()
    assert lines[1].split()[:6] == ["r1", "50", "10", "20%", "9", "90%"]
    assert lines[2].split()[:6] == ["r2", "40", "0", "0%", "0", "-"]
    assert lines[4].split()[:6] == ["pooled", "150", "30", "20%", "28", "93%"]
    assert "28 of 30 verdicts" in text and "2 of 2 readings" in text


def test_the_kinds_cuts_folded_into_the_weights_make_one_cut_serve_every_kind():
    names = ["kind=fill_blank", "kind=true_false", "length"]
    cuts = {"fill_blank": 0.8, "true_false": 0.6}
    w, b = np.array([0.0, 0.0, 2.0]), -1.0
    folded, bias = fit_calibration.fold_cuts(w, b, cuts, names)
    for kind, cut in cuts.items():
        onehot = [float(kind == "fill_blank"), float(kind == "true_false")]
        for length in np.linspace(-2, 3, 26):
            row = np.array(onehot + [length])
            before = 1 / (1 + math.exp(-(row @ w + b)))
            after = 1 / (1 + math.exp(-(row @ folded + bias)))
            assert (before >= cut) == (after >= fit_calibration.COMMON_CUT - 1e-12)


def test_the_breakdown_pools_readings_of_the_same_articles_and_counts_each_kind():
    x, y, readings, articles = artefact_set()
    articles = np.where(readings == "r2", np.char.replace(articles, "r2-", "r1-"), articles)  # r2 read r1's articles
    kinds = np.where(np.arange(len(y)) % 2 == 0, "fill_blank", "true_false")
    detail = {}
    rows = validation.nested(x, y, readings, articles, kinds, detail=detail)
    assert [row[0] for row in rows] == ["r1", "r2", "r3"]
    sets, by_kind = validation.breakdown(rows, detail)
    assert sets.startswith("by set of articles: r1+r2 ") and ", r3 " in sets
    above = sum(row[2] for row in rows)
    counted = sum(detail[name]["kinds"][kind][0] for name in detail for kind in detail[name]["kinds"])
    assert counted == above and "fill_blank" in by_kind and "true_false" in by_kind
