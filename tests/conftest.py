"""Fixtures: an app on a temporary database file, clients, and small factories."""
import pytest

import questions
from quizapp import create_app
from quizapp.db import connect
from quizapp.startup import prepare_instance

from .helpers import SEED, AuthActions


@pytest.fixture(autouse=True)
def instance_in_tmp_path(tmp_path, monkeypatch):
    """Every test's database, signing key and instance files live in its own tmp_path,
    also for the `quizapp` processes a test starts (they inherit the environment)."""
    monkeypatch.setenv("QUIZAPP_DATABASE", str(tmp_path / "instance" / "quizapp.db"))
    monkeypatch.delenv("QUIZAPP_CONFIG", raising=False)


@pytest.fixture(scope="session")
def seed_items():
    """The generator's items for the seed article (generated once per test run)."""
    return questions.generate(SEED.read_text(encoding="utf-8"), source=str(SEED))


@pytest.fixture
def app(tmp_path):
    app = create_app(
        {
            "TESTING": True,
            "DATABASE": str(tmp_path / "test.db"),
            "SECRET_KEY": "test key",
            "WTF_CSRF_ENABLED": False,
            "FSRS_FUZZ": False,
        },
        instance_path=tmp_path / "instance",  # never the checkout's instance/config.py
    )
    prepare_instance(app)
    yield app


@pytest.fixture
def db(app):
    database = connect(app.config["DATABASE"])
    yield database
    database.close()


@pytest.fixture
def auth(client, db):
    return AuthActions(client, db)




@pytest.fixture
def runner(app, monkeypatch):
    """Run `quizapp ...` (the real console-script group) against the test database."""
    from click.testing import CliRunner

    from quizapp.cli import main

    monkeypatch.setenv("QUIZAPP_DATABASE", app.config["DATABASE"])
    monkeypatch.setenv("QUIZAPP_SECRET_KEY", "test key")

    class Runner:
        def invoke(self, args, input=None):
            return CliRunner().invoke(main, args, input=input, catch_exceptions=False)

    return Runner()
