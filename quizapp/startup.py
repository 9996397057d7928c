"""What `init-db`, `setup` and `serve` do before anything else: migrate, and make the signing key.

Kept out of `create_app`, so that building the app (for `quizapp --help`, say) touches no file."""
import os
import secrets
from pathlib import Path

import click
from flask import current_app

from .db import connect
from .schema import migrate


def prepare_instance(app):
    """Apply pending migrations and make sure the app has its session signing key."""
    database = connect(app.config["DATABASE"])
    try:
        migrate(database)
    finally:
        database.close()
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(Path(app.config["DATABASE"]).parent)


@click.command("init-db")
def init_db_command():
    """Create or migrate the database (idempotent)."""
    prepare_instance(current_app)
    click.echo(f"Database ready at {current_app.config['DATABASE']}.")


def init_app(app):
    """Add `quizapp init-db`."""
    app.cli.add_command(init_db_command)


def instance_secret_key(folder):
    """The signing key kept beside the database: made once, owner-only, never in the repo."""
    path = Path(folder) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()
