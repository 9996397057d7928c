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
    window = dt.timedelta(minutes=15)
    assert users.recent_failures(db, "ANA", "10.0.0.1", NOW, window) == (3, 3)
    assert users.recent_failures(db, "ana", "10.0.0.1", NOW + dt.timedelta(hours=1), window) == (0, 0)
    users.clear_failures(db, "ana")
    assert users.recent_failures(db, "ana", "10.0.0.2", NOW, window) == (0, 0)


def test_students_are_listed_without_teachers(db):
    users.create_user(db, "zoe", "a long password")
    users.create_user(db, "Mrs_Lee", "a long password", "teacher")
    users.create_user(db, "abe", "a long password")
    assert [row["username"] for row in users.students(db)] == ["abe", "zoe"]
