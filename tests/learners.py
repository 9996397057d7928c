"""Simulated learners: each remembers by FSRS with their own true parameters and is scheduled as the app schedules.

A learner's card is shown when the app's scheduler (FSRS's defaults, fuzz off) says it is due,
a little late as real students are; they recall it with the probability their own true
FSRS memory gives at that moment, and rate as students do. Shared by the memory-model tests
and `benchmarks/memory_model.py`.
"""
import datetime as dt
import random

from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

START = dt.datetime(2026, 3, 2, 8, tzinfo=dt.timezone.utc)


def true_parameters(rng, spread=0.6):
    """A learner's own FSRS parameters: the defaults, each scaled by a log-normal factor, inside fsrs's bounds."""
    return [min(max(value * rng.lognormvariate(0, spread), low), high)
            for value, low, high in zip(DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS)]


def simulate_learner(parameters, *, cards=40, days=60, seed=0, start=START, first_item_id=1):
    """[(item id, rating, answered_at ISO)] oldest first: `cards` items met over the first half of `days`."""
    rng = random.Random(seed)
    truth = Scheduler(parameters=parameters, enable_fuzzing=False)
    app = Scheduler(enable_fuzzing=False)
    end = start + dt.timedelta(days=days)
    reviews = []
    for index in range(cards):
        item_id = first_item_id + index
        moment = start + dt.timedelta(days=rng.uniform(0, days / 2), hours=rng.uniform(0, 12))
        memory, shown = Card(card_id=item_id, due=moment), Card(card_id=item_id, due=moment)
        while moment < end:
            if memory.last_review is None:
                recalled = rng.random() < 0.6
            else:
                recalled = rng.random() < truth.get_card_retrievability(memory, moment)
            rating = _rating(rng, recalled)
            memory, _ = truth.review_card(memory, rating, moment)
            shown, _ = app.review_card(shown, rating, moment)
            reviews.append((item_id, int(rating), moment.replace(microsecond=0).isoformat()))
            wait = shown.due - moment
            late = dt.timedelta(minutes=rng.uniform(0, 5)) if wait < dt.timedelta(days=1) else \
                dt.timedelta(hours=rng.uniform(0, 36)) + wait * rng.uniform(0, 0.3)
            moment = shown.due + late
    return sorted(reviews, key=lambda review: review[2])


def _rating(rng, recalled):
    if not recalled:
        return Rating.Again
    draw = rng.random()
    return Rating.Hard if draw < 0.1 else Rating.Easy if draw > 0.95 else Rating.Good
