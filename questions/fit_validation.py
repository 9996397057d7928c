"""Honest validation of the acceptance model: folds grouped by reading and by article, and the cut for 0.7.

Verdicts of one reading (one generator, one pair of readers, one set of articles) are alike,
so random folds, or folds by article within a reading, flatter the model. Here a reading is
held out together with every verdict on its articles (r1 and r2 read the same articles as r0),
the model and the cut for the score 0.7 are chosen on the other readings only (the cut from
their own out-of-reading predictions, nested), and the held-out reading's items at or above
the cut are counted. Pure numpy, data in, figures out; fit_calibration.py prints the table.
"""
import math

import numpy as np

TARGET = 0.9  # the share of items scored 0.7 or more a blind reader must accept
Z = 1.2816  # one-sided 90%: the cut is where the lower bound of the acceptance above it reaches the target
L2 = 20.0
RECENT = 8  # the cut is chosen on the newest readings only: the older ones read a generator long since changed


def fit(x, y, *, l2=L2, steps=25):
    """Weights and bias of an L2-regularised logistic regression (Newton's method; the bias is not shrunk)."""
    design = np.hstack([x, np.ones((len(y), 1))])
    penalty = np.eye(design.shape[1]) * l2
    penalty[-1, -1] = 1e-6
    theta = np.zeros(design.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-np.clip(design @ theta, -30, 30)))
        gradient = design.T @ (p - y) + penalty @ theta
        hessian = (design * (p * (1 - p))[:, None]).T @ design + penalty
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.max(np.abs(step)) < 1e-7:
            break
    return theta[:-1], float(theta[-1])


def predict(model, x):
    w, b = model
    return 1 / (1 + np.exp(-np.clip(x @ w + b, -30, 30)))


def reading_folds(readings, articles):
    """[(reading, test mask, train mask)]: each reading held out with every verdict on its articles."""
    readings, articles = np.asarray(readings), np.asarray(articles)
    folds = []
    for name in sorted(set(readings.tolist()), key=_reading_order):
        test = readings == name
        folds.append((name, test, ~np.isin(articles, np.unique(articles[test]))))
    return folds


def article_folds(articles):
    """[(article, test mask, train mask)]: leave one article out."""
    articles = np.asarray(articles)
    return [(name, articles == name, articles != name) for name in sorted(set(articles.tolist()))]


def out_of_fold(x, y, folds, *, l2=L2):
    """Each verdict predicted by a model fitted without its fold."""
    predicted = np.full(len(y), np.nan)
    for _, test, train in folds:
        predicted[test] = predict(fit(x[train], y[train], l2=l2), x[test])
    return predicted


def wilson_lower(accepted, n, z=Z):
    """The lower bound of a binomial proportion (Wilson score interval); 0 for no items."""
    if n == 0:
        return 0.0
    p = accepted / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - spread) / (1 + z * z / n)


def choose_cut(predicted, y, *, target=TARGET, z=Z):
    """The lowest model output whose items at or above it were accepted often enough that the lower bound
    of their acceptance reaches the target; above every prediction (nothing ready) when none does."""
    order = np.argsort(-predicted, kind="stable")
    accepted = np.cumsum(y[order])
    best = None
    for k in range(len(y)):
        if k + 1 < len(y) and predicted[order[k + 1]] == predicted[order[k]]:
            continue  # ties go in together
        if wilson_lower(accepted[k], k + 1, z) >= target:
            best = k
    if best is None:
        return float(np.max(predicted)) + 1e-6 if len(y) else 1.0
    return float(predicted[order[best]])


def choose_cuts(predicted, y, kinds, *, target=TARGET, z=Z, readings=None):
    """{kind: cut}: each kind of item gets its own cut, so that 0.7 means the same acceptance for every kind
    (a kind accepted less often on fresh readings, multiple choice, reaches it only higher). Given the
    verdicts' `readings`, only the RECENT newest readings choose it (r0-r16 accepted all their items above
    any cut, while r18b-r20u, of today's generator, accepted 68-78% above the cut the pooled readings chose)."""
    kinds = np.asarray(kinds)
    if readings is not None:
        readings = np.asarray(readings)
        newest = sorted(set(readings.tolist()), key=_reading_order)[-RECENT:]
        keep = np.isin(readings, newest)
        predicted, y, kinds = predicted[keep], y[keep], kinds[keep]
    return {kind: choose_cut(predicted[kinds == kind], y[kinds == kind], target=target, z=z)
            for kind in sorted(set(kinds.tolist()))}


def at_or_above(predicted, kinds, cuts):
    """Which items reach their kind's cut (a kind never seen in the fit reaches none)."""
    return np.array([p >= cuts.get(kind, np.inf) for p, kind in zip(predicted, kinds)], dtype=bool)


def nested(x, y, readings, articles, kinds, *, l2=L2, target=TARGET, z=Z, detail=None):
    """Per held-out reading: (reading, verdicts, at/above the cut, accepted among them, cuts).
    The model is fitted on the other readings and the cuts are chosen from their out-of-reading predictions.
    `detail`, a dict, gets for each reading its articles and its items at/above the cut by kind."""
    readings, articles, kinds = np.asarray(readings), np.asarray(articles), np.asarray(kinds)
    rows = []
    for name, test, train in reading_folds(readings, articles):
        inner = reading_folds(readings[train], articles[train])
        cuts = choose_cuts(out_of_fold(x[train], y[train], inner, l2=l2), y[train], kinds[train], target=target, z=z,
                           readings=readings[train])
        above = at_or_above(predict(fit(x[train], y[train], l2=l2), x[test]), kinds[test], cuts)
        rows.append((name, int(test.sum()), int(above.sum()), int(y[test][above].sum()), cuts))
        if detail is not None:
            detail[name] = {"articles": set(articles[test].tolist()), "kinds": {
                kind: (int((above & (kinds[test] == kind)).sum()), int(y[test][above & (kinds[test] == kind)].sum()))
                for kind in sorted(set(kinds[test].tolist()))}}
    return rows


def breakdown(rows, detail):
    """Lines: the same held-out figures pooled by set of articles (readings of the same articles, held out
    together anyway) and by kind."""
    sets = []  # [[reading, ...]] readings that share an article
    for name, *_ in rows:
        mine = detail[name]["articles"]
        joined = [group for group in sets if any(detail[other]["articles"] & mine for other in group)]
        merged = [name] + [other for group in joined for other in group]
        sets = [group for group in sets if group not in joined] + [sorted(merged, key=_reading_order)]
    by_name = {row[0]: row for row in rows}
    parts = []
    for group in sorted(sets, key=lambda g: _reading_order(g[0])):
        above, accepted = (sum(by_name[name][i] for name in group) for i in (2, 3))
        parts.append(f"{'+'.join(group)} {_share(accepted, above)} of {above}")
    with_items = [part for part in parts if not part.endswith(" of 0")]
    reaching = sum(1 for part in with_items if int(part.split()[1].rstrip("%")) >= TARGET * 100)
    kinds = {}
    for name in by_name:
        for kind, (above, accepted) in detail[name]["kinds"].items():
            kinds[kind] = tuple(a + b for a, b in zip(kinds.get(kind, (0, 0)), (above, accepted)))
    return [f"by set of articles: {', '.join(parts)} ({reaching} of {len(with_items)} sets at {TARGET:.0%} or more)",
            "by kind: " + ", ".join(f"{kind} {_share(accepted, above)} of {above}"
                                    for kind, (above, accepted) in sorted(kinds.items()))]


def table(rows):
    """The per-reading table as text, pooled last."""
    lines = [f"{'held out':10} {'verdicts':>8} {'>=0.7':>6} {'share':>6} {'accepted':>9} {'precision':>9}"
             "  cuts (model output per kind)"]
    for name, n, above, accepted, cuts in rows:
        shown = " ".join(f"{kind.split('_')[0][:5]}={min(cut, 1.0):.3f}" for kind, cut in sorted(cuts.items()))
        lines.append(f"{name:10} {n:8d} {above:6d} {above / n if n else 0:6.0%} {accepted:9d} "
                     f"{_share(accepted, above):>9}  {shown}")
    n, above, accepted = (sum(row[i] for row in rows) for i in (1, 2, 3))
    lines.append(f"{'pooled':10} {n:8d} {above:6d} {above / n if n else 0:6.0%} {accepted:9d} "
                 f"{_share(accepted, above):>9}")
    return "\n".join(lines) + "\n" + summary(rows)


def summary(rows):
    """One sentence: the pooled held-out precision at 0.7, its lower bound, and how many readings reach the target."""
    n, above, accepted = (sum(row[i] for row in rows) for i in (1, 2, 3))
    with_items = [row for row in rows if row[2]]
    reaching = sum(1 for row in with_items if row[3] / row[2] >= TARGET)
    return (f"held out by reading: {_share(accepted, above)} accepted ({accepted} of {above} verdicts) among the "
            f"{above / n if n else 0:.0%} of {n} verdicts scored 0.7 or more (90% lower bound "
            f"{wilson_lower(accepted, above):.0%}); {reaching} of {len(with_items)} readings with such items at "
            f"{TARGET:.0%} or more")


def _share(accepted, n):
    return f"{accepted / n:.0%}" if n else "-"


def _reading_order(name):
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else -1, name)
