"""The users and login_failures tables (users.py)."""
import datetime as dt

import pytest

from quizapp import users

NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


def test_create_and_authenticate(db):
    user = users.create_user(db, "Ana", "a long password", "teacher", timezone="Asia/Tokyo")
    assert (user.username, user.is_teacher, user.timezone) == ("Ana", True, "Asia/Tokyo")
    assert users.authenticate(db, "ana", "a long password").id == user.id
    assert users.authenticate(db, "ana", "wrong password") is None
    assert users.authenticate(db, "nobody", "a long password") is None
    assert db.execute("SELECT password_hash FROM users").fetchone()[0] != "a long password"


def test_usernames_are_unique_without_case(db):
    users.create_user(db, "Ana", "a long password")
    with pytest.raises(users.UsernameTaken):
        users.create_user(db, "ANA", "another password")


def test_failures_are_counted_per_name_and_address_and_cleared(db):
    for _ in range(3):
        users.record_failure(db, "ana", "10.0.0.1", NOW)
    users.record_failure(db, "ben", "10.0.0.1", NOW)
    users.record_failure(db, "ana", "10.0.0.2", NOW)
    since = NOW - dt.timedelta(minutes=15)
    assert users.failures_since(db, since, address="10.0.0.1", username="ANA") == (3, NOW)
    assert users.failures_since(db, since, address="10.0.0.1") == (4, NOW)
    assert users.failures_since(db, NOW + dt.timedelta(seconds=1), address="10.0.0.1") == (0, None)
    users.clear_failures(db, "ana", "10.0.0.1")  # that account from that address only
    assert users.failures_since(db, since, address="10.0.0.1") == (1, NOW)
    assert users.failures_since(db, since, address="10.0.0.2", username="ana") == (1, NOW)
    users.prune_failures(db, NOW + dt.timedelta(seconds=1))
    assert db.execute("SELECT count(*) FROM login_failures").fetchone()[0] == 0


def test_a_recorded_failure_keeps_at_most_a_usernames_length(db):
    users.record_failure(db, "x" * 10_000, "10.0.0.1", NOW)
    assert db.execute("SELECT length(username) FROM login_failures").fetchone()[0] == users.MAX_USERNAME


def test_students_are_listed_without_teachers(db):
    users.create_user(db, "zoe", "a long password")
    users.create_user(db, "Mrs_Lee", "a long password", "teacher")
    users.create_user(db, "abe", "a long password")
    assert [row["username"] for row in users.students(db)] == ["abe", "zoe"]
