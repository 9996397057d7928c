"""Fit the acceptance model and its calibration knots (lexicon/acceptance.json) from blind readings.

    python -m questions.fit_calibration [--readings DIR] [--articles DIR ...] [--out PATH]

Each reading folder holds `sheet.json` (what the readers saw) and `verdicts_<reader>.json`
(ACCEPTABLE or NOT per item). Every verdict is one observation. The items are matched to
what the generator makes today (same article, kind, prompt and answer; for multiple choice,
the same options), so the features are today's; verdicts of items it no longer makes, and
verdicts given as "duplicate" (a fault of the sheet's selection, not of the item), are left
out. The knots are chosen from out-of-article predictions (each article's verdicts predicted
by a model fitted on the others; rank.py orders items by that probability): the score 0.7 sits where held-out acceptance above it
reaches 90%, or, where it never does, at the best held-out acceptance with at least a fifth
of the items above it. The figures are printed and written into the file.
"""
import argparse
import json
from pathlib import Path

import numpy as np

from . import calibration, generate_many, load_model
from .fit_ranker import fit
from .rank import importance, load_weights
from .textnorm import norm

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "data"
TARGET, MIN_SHARE, L2 = 0.9, 0.2, 20.0


def observations(readings, article_dirs):
    """[(item as read, article file name, accepted?)] of every verdict in the reading folders."""
    found = []
    for folder in sorted(Path(readings).glob("r*")):
        sheet = {entry["n"]: entry for entry in json.loads((folder / "sheet.json").read_text(encoding="utf-8"))}
        for verdicts in sorted(folder.glob("verdicts_*.json")):
            for verdict in json.loads(verdicts.read_text(encoding="utf-8")):
                entry = sheet.get(verdict["n"])
                if entry is None or "duplicate" in str(verdict.get("reason", "")).lower():
                    continue
                found.append((entry, entry["article"], str(verdict["verdict"]).upper().startswith("ACC")))
    paths = {}
    for directory in article_dirs:
        paths.update({p.name: p for p in Path(directory).glob("*.txt")})
    return found, paths


def matched(found, paths):
    """Feature vectors, labels and article names of the verdicts on items the generator still makes."""
    names = sorted({article for _, article, _ in found if article in paths})
    texts = [paths[name].read_text(encoding="utf-8") for name in names]
    made = generate_many(texts, sources=names, nlp=load_model(), keep_features=True)
    weights, today = load_weights(), {}
    for name, items in zip(names, made):
        for item in items:
            today[(name, item["kind"], item["prompt"], item["answer"])] = item
    article_norms = {name: norm(text) for name, text in zip(names, texts)}
    rows, labels, groups = [], [], []
    for entry, article, accepted in found:
        item = today.get((article, entry["kind"], entry["prompt"], entry["answer"]))
        if item is None or (entry["kind"] == "multiple_choice" and sorted(entry["choices"]) != sorted(item["choices"])):
            continue
        item = dict(item, importance=importance(item, weights))
        rows.append(calibration.vector(item, article_norms[article]))
        labels.append(float(accepted))
        groups.append(article)
    return np.array(rows), np.array(labels), np.array(groups)


def held_out_predictions(x, y, groups):
    """Each article's predictions from a model fitted on the other articles."""
    predicted = np.zeros(len(y))
    for group in sorted(set(groups)):
        train = groups != group
        w, b = fit(x[train], y[train], l2=L2)
        predicted[~train] = 1 / (1 + np.exp(-(x[~train] @ w + b)))
    return predicted


def threshold(predicted, y):
    """(model output at the score 0.7, held-out acceptance above it, share of items above it)."""
    order = np.argsort(-predicted)
    accepted = np.cumsum(y[order]) / np.arange(1, len(y) + 1)
    least = max(int(len(y) * MIN_SHARE), 1)
    reaching = [k for k in range(least - 1, len(y)) if accepted[k] >= TARGET]
    k = reaching[-1] if reaching else least - 1 + int(np.argmax(accepted[least - 1:]))
    return float(predicted[order[k]]), float(accepted[k]), (k + 1) / len(y)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readings", default=str(DATA / "readings"))
    parser.add_argument("--articles", nargs="*", default=[str(DATA / "readings" / "articles"), str(DATA / "articles")])
    parser.add_argument("--out", default=str(calibration.MODEL))
    args = parser.parse_args(argv)
    x, y, groups = matched(*observations(args.readings, args.articles))
    cut, share_accepted, share = threshold(held_out_predictions(x, y, groups), y)
    w, b = fit(x, y, l2=L2)
    knots = [[0.0, 0.0], [round(cut, 4), 0.7], [1.0, 1.0]]
    summary = (f"{len(y)} verdicts ({int(y.sum())} accepted) on {len(set(groups))} articles; held out by article, "
               f"{share_accepted:.0%} accepted among the {share:.0%} of items scored 0.7 or more")
    Path(args.out).write_text(json.dumps({
        "features": calibration.feature_names(), "weights": [round(float(v), 4) for v in w],
        "bias": round(float(b), 4), "knots": knots, "fitted_on": summary,
    }, indent=1) + "\n", encoding="utf-8")
    for name, weight in sorted(zip(calibration.feature_names(), w), key=lambda pair: -abs(pair[1]))[:12]:
        print(f"{weight:+.2f} {name}")
    print(f"{summary} -> {args.out}")


if __name__ == "__main__":
    main()
