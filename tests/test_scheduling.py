"""FSRS glue: outcomes, card round trips, interval labels."""
import datetime as dt

import pytest

from quizapp import scheduling
from quizapp.clock import from_iso

NOW = dt.datetime(2026, 11, 25, 20, 0, tzinfo=dt.timezone.utc)


def test_new_card_outcomes_grow_with_the_rating():
    scheduler = scheduling.make_scheduler(fuzz=False)
    outcomes = scheduling.outcomes(scheduler, scheduling.card_from_row(None, card_id=7), NOW)
    due = {name: from_iso(row["due"]) for name, row in outcomes.items()}
    assert due["Again"] <= due["Hard"] <= due["Good"] < due["Easy"]
    assert due["Again"] - NOW == dt.timedelta(minutes=1)
    assert outcomes["Easy"]["state"] == 2  # straight to Review


def test_card_row_round_trip_keeps_the_schedule():
    scheduler = scheduling.make_scheduler(fuzz=False)
    first = scheduling.outcomes(scheduler, scheduling.card_from_row(None, card_id=1), NOW)["Good"]
    card = scheduling.card_from_row(first, card_id=1)
    assert scheduling.card_to_row(card) == first
    later = from_iso(first["due"])
    second = scheduling.outcomes(scheduler, card, later)
    assert from_iso(second["Good"]["due"]) > later


def test_outcomes_are_computed_once_even_with_fuzz():
    scheduler = scheduling.make_scheduler(fuzz=True)
    card = scheduling.card_from_row({"state": 2, "step": None, "stability": 20.0, "difficulty": 5.0,
                                     "due": "2026-11-25T20:00:00+00:00", "last_review": "2026-11-05T20:00:00+00:00"}, card_id=3)
    outcomes = scheduling.outcomes(scheduler, card, NOW)
    assert set(outcomes) == {"Again", "Hard", "Good", "Easy"}
    assert all(from_iso(row["due"]) > NOW for row in outcomes.values())


def test_retrievability_of_unseen_card_is_zero():
    scheduler = scheduling.make_scheduler(fuzz=False)
    assert scheduling.retrievability(scheduler, None, NOW) == 0.0
    row = scheduling.outcomes(scheduler, scheduling.card_from_row(None, card_id=1), NOW)["Good"]
    assert 0.9 < scheduling.retrievability(scheduler, row, NOW + dt.timedelta(minutes=5)) <= 1.0


@pytest.mark.parametrize(
    "delta, label",
    [
        (dt.timedelta(seconds=20), "1 min"),
        (dt.timedelta(minutes=10), "10 min"),
        (dt.timedelta(hours=5), "5 h"),
        (dt.timedelta(days=3), "3 d"),
        (dt.timedelta(days=60), "2 mo"),
        (dt.timedelta(days=400), "1.1 y"),
    ],
)
def test_interval_label(delta, label):
    assert scheduling.interval_label(delta) == label


def test_recall_probability_matches_fsrs():
    scheduler = scheduling.make_scheduler(fuzz=False)
    row = scheduling.outcomes(scheduler, scheduling.card_from_row(None, card_id=1), NOW)["Easy"]
    card = scheduling.card_from_row(row, card_id=1)
    for days in (0, 1, 5, 40, 400):
        later = NOW + dt.timedelta(days=days, hours=3)
        assert scheduling.retrievability(scheduler, row, later) == pytest.approx(
            scheduler.get_card_retrievability(card, later))
