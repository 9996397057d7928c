"""A session row's queue and kept outcomes (study_sessions.py): decoded once per text, read-only, never stale."""
import json

import pytest

from quizapp import study_sessions
from quizapp.study import services as practice

OUTCOMES = {"item_id": 7, "ratings": {
    "Again": {"state": 1, "step": 0, "stability": 0.212, "difficulty": 6.4133, "due": "2026-11-25T12:01:00+00:00",
              "last_review": "2026-11-25T12:00:00+00:00"},
    "Easy": {"state": 2, "step": None, "stability": 8.2956, "difficulty": 1.0, "due": "2026-12-06T12:00:00+00:00",
             "last_review": "2026-11-25T12:00:00+00:00"}}, "new_fact": True, "before": None}


def row(item_ids="[3, 5, 7]", outcomes=None):
    return {"item_ids": item_ids, "outcomes": outcomes}


def test_the_queue_is_the_stored_list_read_only_and_the_same_for_the_same_text():
    assert study_sessions.item_ids(row()) == (3, 5, 7)
    assert study_sessions.item_ids(row("[3, 5, 7]")) is study_sessions.item_ids(row("[3, 5, 7]"))
    assert study_sessions.item_ids(row("[3, 7]")) == (3, 7)  # another text, another queue


def test_kept_outcomes_read_as_the_stored_json_and_cannot_be_changed():
    text = json.dumps(OUTCOMES)
    stored = study_sessions.stored_outcomes(row(outcomes=text))
    assert stored == json.loads(text)
    assert stored["ratings"]["Easy"]["step"] is None and stored.get("new_fact") is True
    with pytest.raises(TypeError):
        stored["ratings"]["Easy"]["due"] = "2030-01-01T00:00:00+00:00"
    assert study_sessions.stored_outcomes(row(outcomes=None)) is None


def test_outcomes_written_read_back_as_written_even_when_the_writer_changes_its_dict_after():
    mine = json.loads(json.dumps(OUTCOMES))
    text = study_sessions.outcomes_text(mine)
    mine["ratings"]["Easy"]["due"] = "changed after writing"
    assert study_sessions.stored_outcomes(row(outcomes=text)) == OUTCOMES == json.loads(text)


def test_past_the_kept_number_of_texts_every_text_still_reads_right(monkeypatch):
    monkeypatch.setattr(study_sessions, "DECODED_KEPT", 3)
    for n in range(10):
        assert study_sessions.item_ids(row(f"[{n}, {n + 1}]")) == (n, n + 1)
    assert len(study_sessions._decoded) <= 3


def test_a_missed_item_comes_back_after_three_others_in_a_new_list():
    queue = study_sessions.item_ids(row("[1, 2, 3, 4, 5, 6]"))
    assert practice.relearn(queue, 1) == [1, 2, 3, 4, 5, 2, 6]
    assert practice.relearn(queue, 5) == [1, 2, 3, 4, 5, 6, 6]
    assert queue == (1, 2, 3, 4, 5, 6)
