"""FSRS glue: card rows in and out, the four possible outcomes of a review.

No Flask and no SQL here. Times are always `datetime.timezone.utc`, as `fsrs`
requires. Because `fsrs` fuzzes intervals with the unseeded `random` module, the
outcomes of all four ratings are computed once when a card is shown and the chosen
one is applied later, so the interval on a button is the interval the student gets.
"""
from collections.abc import Mapping

from fsrs import Card, Rating, Scheduler, State
from fsrs.scheduler import DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

from .clock import from_iso, to_iso

RATINGS = {"Again": Rating.Again, "Hard": Rating.Hard, "Good": Rating.Good, "Easy": Rating.Easy}
RATING_NAMES = {int(value): name for name, value in RATINGS.items()}


def make_scheduler(*, fuzz=True, desired_retention=0.9, parameters=None):
    """An FSRS scheduler; fuzz off makes intervals repeatable (tests). `parameters`: a student's
    own fitted FSRS weights (None: FSRS's defaults)."""
    return Scheduler(parameters=DEFAULT_PARAMETERS if parameters is None else tuple(parameters),
                     desired_retention=desired_retention, enable_fuzzing=fuzz)


def clamp_parameters(parameters):
    """FSRS weights moved inside the bounds this `fsrs` accepts (another optimizer's bounds may differ)."""
    if len(parameters) != len(DEFAULT_PARAMETERS):
        raise ValueError(f"expected {len(DEFAULT_PARAMETERS)} FSRS parameters, got {len(parameters)}")
    return [min(max(float(value), low), high)
            for value, low, high in zip(parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS)]


def card_from_row(row, *, card_id):
    """Build an fsrs Card from a `cards` row, or a new card when row is None."""
    if row is None:
        return Card(card_id=card_id)
    return Card(
        card_id=card_id,
        state=State(row["state"]),
        step=row["step"],
        stability=row["stability"],
        difficulty=row["difficulty"],
        due=from_iso(row["due"]),
        last_review=from_iso(row["last_review"]),
    )


def card_to_row(card):
    """The columns of a `cards` row for an fsrs Card."""
    return {
        "state": int(card.state),
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": to_iso(card.due),
        "last_review": to_iso(card.last_review),
    }


def outcomes(scheduler, card, now):
    """Return {rating name: card row} for each of the four ratings at `now`."""
    return {
        name: card_to_row(scheduler.review_card(card, rating, review_datetime=now)[0])
        for name, rating in RATINGS.items()
    }


def retrievability(scheduler, row, now):
    """Probability of recall of a stored card at `now` as FSRS predicts it (0 for a card never seen)."""
    if row is None:
        return 0.0
    return recall_probability(scheduler, row["stability"], row["last_review"], now)


def card_recall(scheduler, stability, last_review, last_rating, now):
    """The recall a card counts for in mastery: its forgetting curve, but 0 when its latest
    rating was Again (just failed) or it was never rated (FSRS alone would say 1.0 for both)."""
    if last_rating is None or last_rating == int(Rating.Again):
        return 0.0
    return recall_probability(scheduler, stability, last_review, now)


def recall_probability(scheduler, stability, last_review, now):
    """FSRS-6's forgetting curve, as `Scheduler.get_card_retrievability` computes it, on bare
    column values: R = (1 + F * t / S) ** D, t in whole days since the last review.
    Used for a whole class at once, where building a Card per row would cost more."""
    if stability is None or stability <= 0 or last_review is None:
        return 0.0
    elapsed_days = max(0, (now - from_iso(last_review)).days)
    return (1 + scheduler._FACTOR * elapsed_days / stability) ** scheduler._DECAY


def interval_label(delta):
    """A short human interval, as Anki shows on its buttons: 1 min, 10 min, 5 h, 3 d, 2 mo, 1.5 y.

    The one way the app writes an interval (quiz buttons, flashcards, "comes back"): the unit is
    chosen after rounding, so 23.6 hours is "1 d", never "24 h", and 59.7 minutes is "1 h"."""
    seconds = max(delta.total_seconds(), 0)
    minutes = max(round(seconds / 60), 1)
    if minutes < 60:
        return f"{minutes} min"
    hours = round(seconds / 3600)
    if hours < 24:
        return f"{hours} h"
    days = round(seconds / 86400)
    if days < 30:
        return f"{days} d"
    months = round(days / 30, 1)
    if days < 365 and months < 12:
        return f"{months:.1f} mo".replace(".0 ", " ")
    return f"{max(round(days / 365, 1), 1):.1f} y".replace(".0 ", " ")


class IntervalLabels(Mapping):
    """{rating name: `interval_label` of its outcome's due time from `now`}, each label worked out when first read:
    a question card shows none of them, its feedback one or three."""

    def __init__(self, ratings, now):
        self._ratings, self._now, self._labels = ratings, now, {}

    def __getitem__(self, name):
        label = self._labels.get(name)
        if label is None:
            label = self._labels[name] = interval_label(from_iso(self._ratings[name]["due"]) - self._now)
        return label

    def __iter__(self):
        return iter(self._ratings)

    def __len__(self):
        return len(self._ratings)
