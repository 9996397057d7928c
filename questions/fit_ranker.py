"""Fit the ranker's weights (lexicon/ranker.json) from labelled items.

    python -m questions.fit_ranker [--articles DIR] [--gold DIR] [--hold-out STEM ...]
                                   [--verdicts FILE.json ...] [--out PATH]

Labels: an item is positive when it asks a gold fact of its article (judge.py, the same
judge as the workplace's coverage tool) and, where a blind reader or a teacher judged it,
when it was also accepted. Blind or teacher verdicts come as JSON lists of objects with
`prompt`, `answer` and `verdict` (ACCEPTABLE/NOT, or approved/rejected); an item judged
NOT is negative whatever it asks. Articles named by --hold-out are never used. The model
is an L2-regularised logistic regression (numpy only), so the weights stay a small
readable file the generator loads; no network, no model download.
"""
import argparse
import json
from pathlib import Path

import numpy as np

from . import generate_many, judge, load_model
from .rank import WEIGHTS, feature_names, vector

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "tests" / "data"


def labelled_items(articles, gold_dir, hold_out, verdicts):
    """(feature vectors, labels, items) for every item of every article that has gold facts."""
    paths = [p for p in sorted(Path(articles).glob("*.txt")) if p.stem not in hold_out
             and (Path(gold_dir) / f"{p.stem}.json").exists()]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    results = generate_many(texts, sources=[str(p) for p in paths], nlp=load_model(), keep_features=True)
    rows, labels, kept = [], [], []
    for path, items in zip(paths, results):
        gold = json.loads((Path(gold_dir) / f"{path.stem}.json").read_text(encoding="utf-8"))
        for item in items:
            label = any(judge.covered(fact, [item]) for fact in gold)
            verdict = verdicts.get((item["prompt"], item["answer"]))
            if verdict is not None:
                label = label and verdict if verdict is False else label or verdict
            rows.append(vector(item))
            labels.append(float(label))
            kept.append(item)
    return np.array(rows), np.array(labels), kept


def read_verdicts(files):
    """{(prompt, answer): accepted?} from blind readings or teacher decisions."""
    found = {}
    for name in files:
        for entry in json.loads(Path(name).read_text(encoding="utf-8")):
            verdict = str(entry.get("verdict", "")).lower()
            found[(entry["prompt"], entry["answer"])] = verdict in ("acceptable", "approved", "accept")
    return found


def fit(x, y, *, l2=1.0, steps=3000, rate=0.5):
    """Weights and bias of a logistic regression by gradient descent."""
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / len(y) + l2 * w / len(y)
        grad_b = float(np.mean(p - y))
        w -= rate * grad_w
        b -= rate * grad_b
    return w, b


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default=str(DATA / "articles"))
    parser.add_argument("--gold", default=str(DATA / "gold"))
    parser.add_argument("--hold-out", nargs="*", default=[], help="article stems never used for fitting")
    parser.add_argument("--verdicts", nargs="*", default=[])
    parser.add_argument("--out", default=str(WEIGHTS))
    args = parser.parse_args(argv)
    x, y, _ = labelled_items(args.articles, args.gold, set(args.hold_out), read_verdicts(args.verdicts))
    w, b = fit(x, y)
    names = feature_names()
    Path(args.out).write_text(json.dumps({
        "features": names, "weights": [round(float(v), 4) for v in w], "bias": round(float(b), 4),
        "fitted_on": f"{len(y)} items, {int(y.sum())} positive; held out: {sorted(args.hold_out)}",
    }, indent=1) + "\n", encoding="utf-8")
    for name, weight in sorted(zip(names, w), key=lambda pair: -abs(pair[1]))[:12]:
        print(f"{weight:+.2f} {name}")
    print(f"fitted on {len(y)} items ({int(y.sum())} positive) -> {args.out}")


if __name__ == "__main__":
    main()
