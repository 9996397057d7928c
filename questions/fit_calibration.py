"""Fit the acceptance model and its calibration (lexicon/acceptance.json) from blind readings.

    python -m questions.fit_calibration [--readings DIR] [--articles DIR ...] [--out PATH] [--dry-run]

Each reading folder holds `sheet.json` (what the readers saw) and `verdicts_<reader>.json`
(ACCEPTABLE or NOT per item). Every verdict is one observation. The items are matched to
what the generator makes today (same article, kind, prompt and answer; for multiple choice,
the same options), so the features are today's; verdicts of items it no longer makes, and
verdicts given as "duplicate" (a fault of the sheet's selection, not of the item), are left
out.

The score 0.7 is placed from out-of-reading predictions (each reading, with every verdict on
its articles, predicted by a model fitted on the other readings; fit_validation.py): for each
kind of item, the lowest model output from which the 90% lower bound of the acceptance above it
reaches 90% on the newest readings (fit_validation.RECENT; a kind that never gets there gets no
ready items). The kinds' cuts are folded into
the weights of the kind features, so that one cut, the knot at 0.7, serves every kind.

Printed first, the honest figures: for each held-out reading, its items at or above 0.7 and how
many were accepted, with the model and the cuts chosen without that reading (nested); then the
pooled figure, written into the file's `fitted_on`. The default invocation is the one to use.
"""
import argparse
import json
import math
from pathlib import Path

import numpy as np

from . import calibration, generate_many, load_model
from . import fit_validation as validation
from .rank import importance, load_weights
from .textnorm import norm

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "data"
COMMON_CUT = 0.85  # the model output that maps to 0.7 once each kind's cut is folded into its weight


def observations(readings, article_dirs):
    """[(item as read, article file name, accepted?, reading)] of every verdict in the reading folders."""
    found = []
    for folder in sorted(Path(readings).glob("r*")):
        sheet = {entry["n"]: entry for entry in json.loads((folder / "sheet.json").read_text(encoding="utf-8"))}
        for verdicts in sorted(folder.glob("verdicts_*.json")):
            for verdict in json.loads(verdicts.read_text(encoding="utf-8")):
                entry = sheet.get(verdict["n"])
                if entry is None or "duplicate" in str(verdict.get("reason", "")).lower():
                    continue
                found.append((entry, entry["article"], str(verdict["verdict"]).upper().startswith("ACC"), folder.name))
    paths = {}
    for directory in article_dirs:
        paths.update({p.name: p for p in Path(directory).glob("*.txt")})
    return found, paths


def matched(found, paths):
    """Feature vectors, labels, articles, readings and kinds of the verdicts on items the generator still makes."""
    names = sorted({article for _, article, _, _ in found if article in paths})
    texts = [paths[name].read_text(encoding="utf-8") for name in names]
    made = generate_many(texts, sources=names, nlp=load_model(), keep_features=True)
    weights, today = load_weights(), {}
    for name, items in zip(names, made):
        for item in items:
            today[(name, item["kind"], item["prompt"], item["answer"])] = item
    article_norms = {name: norm(text) for name, text in zip(names, texts)}
    rows, labels, articles, readings, kinds = [], [], [], [], []
    for entry, article, accepted, reading in found:
        item = today.get((article, entry["kind"], entry["prompt"], entry["answer"]))
        if item is None or (entry["kind"] == "multiple_choice" and sorted(entry["choices"]) != sorted(item["choices"])):
            continue
        item = dict(item, importance=importance(item, weights))
        rows.append(calibration.vector(item, article_norms[article]))
        labels.append(float(accepted))
        articles.append(article)
        readings.append(reading)
        kinds.append(item["kind"])
    return np.array(rows), np.array(labels), np.array(articles), np.array(readings), np.array(kinds)


def fold_cuts(w, b, cuts, names):
    """The weights with each kind's cut folded into its kind feature: the kind's cut becomes COMMON_CUT."""
    w = np.array(w, dtype=float)
    logit = lambda p: math.log(p / (1 - p))  # noqa: E731
    for kind, cut in cuts.items():
        cut = min(max(cut, 1e-4), 1 - 1e-4)  # no ready items of a kind: its cut is above every prediction
        w[names.index(f"kind={kind}")] += logit(COMMON_CUT) - logit(cut)
    return w, b


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readings", default=str(DATA / "readings"))
    parser.add_argument("--articles", nargs="*", default=[str(DATA / "readings" / "articles"), str(DATA / "articles")])
    parser.add_argument("--out", default=str(calibration.MODEL))
    parser.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = parser.parse_args(argv)
    x, y, articles, readings, kinds = matched(*observations(args.readings, args.articles))
    print(f"{len(y)} verdicts ({int(y.sum())} accepted) on {len(set(articles))} articles, "
          f"{len(set(readings))} readings\n")
    detail = {}
    rows = validation.nested(x, y, readings, articles, kinds, detail=detail)
    print(validation.table(rows))
    print("\n".join(validation.breakdown(rows, detail)))
    out_of_reading = validation.out_of_fold(x, y, validation.reading_folds(readings, articles))
    cuts = validation.choose_cuts(out_of_reading, y, kinds, readings=readings)
    by_article = validation.at_or_above(validation.out_of_fold(x, y, validation.article_folds(articles)), kinds, cuts)
    print(f"(held out by article instead, same cuts, not nested: {int(y[by_article].sum())} of "
          f"{int(by_article.sum())} accepted; folds by article flatter, trust the table)")
    names = calibration.feature_names()
    w, b = fold_cuts(*validation.fit(x, y), cuts, names)
    summary = f"{len(y)} verdicts on {len(set(articles))} articles in {len(set(readings))} readings; " \
              + validation.summary(rows)
    print("\ncuts per kind (model output):", ", ".join(f"{k} {min(c, 1.0):.3f}" for k, c in sorted(cuts.items())))
    for name, weight in sorted(zip(names, w), key=lambda pair: -abs(pair[1]))[:12]:
        print(f"{weight:+.2f} {name}")
    if args.dry_run:
        return
    Path(args.out).write_text(json.dumps({
        "features": names, "weights": [round(float(v), 4) for v in w], "bias": round(float(b), 4),
        "knots": [[0.0, 0.0], [COMMON_CUT, 0.7], [1.0, 1.0]],
        "kind_cuts": {kind: round(min(cut, 1.0), 4) for kind, cut in sorted(cuts.items())}, "fitted_on": summary,
    }, indent=1) + "\n", encoding="utf-8")
    print(f"{summary} -> {args.out}")


if __name__ == "__main__":
    main()
