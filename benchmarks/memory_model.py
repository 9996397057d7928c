"""Does a student's own memory model predict their recall better than FSRS's defaults?

Simulated learners (tests/learners.py), each with their own true FSRS parameters (the
defaults, each scaled by a log-normal factor), study cards scheduled as the app schedules
them before it has their model, over simulated months, recalling each card with the
probability their true memory gives. For each learner: parameters are fitted with fsrs-rs
as the app fits them (`memory_model.fsrs_items`, all reviews before the split), and both the
defaults and the fitted parameters predict the held-out reviews: every review a day or more
after the card's previous one, in the last `--holdout` share of the learner's time.

Prints log loss and RMSE over the held-out reviews, both pooled over all learners'
reviews (each review weighs the same) and as the mean per learner. RMSE is FSRS's binned
RMSE (fsrs-rs `evaluate().rmse_bins`, as the srs-benchmark reports it), per learner; the
plain RMSE (sqrt of the mean of (recalled - predicted)^2 over reviews) is printed beside it.
Also: how many learners the fit helped, and what the app's rule (keep the fit only if it
beats the defaults on the learner's recent training reviews) does.
Usage: .venv/bin/python benchmarks/memory_model.py [--learners 100] [--cards 60] [--days 120] [--seed 1]
"""
import argparse
import math
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import fsrs_rs_python as rs  # noqa: E402
from fsrs import Card, Rating, Scheduler  # noqa: E402

from quizapp import memory_model, scheduling  # noqa: E402
from quizapp.clock import from_iso  # noqa: E402
from tests.learners import simulate_learner, true_parameters  # noqa: E402


def predictions(parameters, card_histories, split):
    """[(predicted recall, recalled)] for the held-out reviews, replayed with `fsrs` itself (fuzz off)."""
    scheduler = Scheduler(parameters=parameters, enable_fuzzing=False)
    pairs = []
    for item_id, history in card_histories.items():
        card = Card(card_id=item_id, due=history[0][0])
        for index, (moment, rating) in enumerate(history):
            if index and moment >= split and (moment - history[index - 1][0]).days >= 1:
                pairs.append((scheduler.get_card_retrievability(card, moment), rating > 1))
            card, _ = scheduler.review_card(card, Rating(rating), moment)
    return pairs


def log_loss(pairs):
    eps = 1e-7
    return -statistics.fmean(math.log(min(max(p, eps), 1 - eps)) if y else math.log(1 - min(max(p, eps), 1 - eps))
                             for p, y in pairs)


def plain_rmse(pairs):
    return math.sqrt(statistics.fmean((y - p) ** 2 for p, y in pairs))


def run_learner(rng, index, args):
    truth = true_parameters(rng, spread=args.spread)
    rows = simulate_learner(truth, cards=args.cards, days=args.days, seed=args.seed * 1000 + index)
    histories = memory_model.histories(rows)
    moments = sorted(from_iso(answered_at) for _, _, answered_at in rows)
    split = moments[0] + (moments[-1] - moments[0]) * (1 - args.holdout)
    train = memory_model.fsrs_items(histories, label_before=split)
    held = memory_model.fsrs_items(histories, label_from=split, spaced_label=True)
    if not train or not held:
        return None
    started = time.perf_counter()
    fitted = scheduling.clamp_parameters(rs.FSRS(list(scheduling.DEFAULT_PARAMETERS)).compute_parameters(train))
    fit_seconds = time.perf_counter() - started
    train_rows = [row for row in rows if from_iso(row[2]) < split]
    try:
        kept = memory_model.fit_parameters(train_rows)  # the app's own rule, on what it would have seen
        adopted = kept.log_loss_fitted < kept.log_loss_default
    except memory_model.FitFailed:
        adopted = False
    result = {"reviews": len(rows), "train_reviews": len(train_rows), "fit_seconds": fit_seconds, "adopted": adopted}
    for name, parameters in (("default", list(scheduling.DEFAULT_PARAMETERS)), ("fitted", fitted),
                             ("true", truth)):
        pairs = predictions(parameters, histories, split)
        evaluation = rs.FSRS(parameters).evaluate(held)
        result[name] = {"pairs": pairs, "log_loss": log_loss(pairs), "rmse_plain": plain_rmse(pairs),
                        "rs_log_loss": evaluation.log_loss, "rmse_bins": evaluation.rmse_bins}
    result["app"] = result["fitted"] if adopted else result["default"]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=100)
    parser.add_argument("--cards", type=int, default=60, help="cards each learner meets (over the first half)")
    parser.add_argument("--days", type=int, default=120, help="simulated days per learner")
    parser.add_argument("--holdout", type=float, default=0.25, help="share of each learner's time held out")
    parser.add_argument("--spread", type=float, default=0.6, help="log-normal spread of the true parameters")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    results = [result for index in range(args.learners) if (result := run_learner(rng, index, args))]
    held = sum(len(result["default"]["pairs"]) for result in results)
    print(f"{len(results)} simulated learners ({args.learners - len(results)} without enough spaced reviews left out), "
          f"{sum(r['reviews'] for r in results)} reviews in all (median {statistics.median(r['reviews'] for r in results):.0f}"
          f" per learner, {statistics.median(r['train_reviews'] for r in results):.0f} before the split), "
          f"{held} held-out reviews (a day or more after the card's previous review, last {args.holdout:.0%} of the time)")
    print(f"fit time per learner (fsrs-rs): median {statistics.median(r['fit_seconds'] for r in results) * 1000:.1f} ms, "
          f"max {max(r['fit_seconds'] for r in results) * 1000:.1f} ms")
    print("held-out reviews:  pooled over all learners  |  mean per learner")
    print(f"{'parameters':<31}{'log loss':>9}{'RMSE':>8}   {'log loss':>9}{'RMSE(bins)':>11}{'fsrs-rs LL':>11}")
    for name, label in (("default", "FSRS defaults"), ("fitted", "fitted (fsrs-rs)"),
                        ("app", "app's choice (fit if better)"), ("true", "learner's true parameters")):
        pairs = [pair for result in results for pair in result[name]["pairs"]]
        print(f"{label:<31}{log_loss(pairs):>9.4f}{plain_rmse(pairs):>8.4f}   "
              f"{statistics.fmean(r[name]['log_loss'] for r in results):>9.4f}"
              f"{statistics.fmean(r[name]['rmse_bins'] for r in results):>11.4f}"
              f"{statistics.fmean(r[name]['rs_log_loss'] for r in results):>11.4f}")
    better = sum(r["fitted"]["log_loss"] < r["default"]["log_loss"] for r in results)
    print(f"the fit lowered held-out log loss for {better} of {len(results)} learners; "
          f"the app's rule adopted it for {sum(r['adopted'] for r in results)}")


if __name__ == "__main__":
    main()
