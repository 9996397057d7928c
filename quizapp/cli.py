"""The `quizapp` command line (CONTRACTS.md section 1), a Flask CLI group."""
import gc
import json
import logging
import os
import re
import secrets
import signal
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import FlaskGroup, ScriptInfo, with_appcontext

from . import articles, create_app, trust_proxy, users
from .db import BackupFailed, backup, connect
from .startup import prepare_instance
from .teacher.class_results import results_csv


@click.group(cls=FlaskGroup, create_app=create_app, add_version_option=False, load_dotenv=False, set_debug_flag=False)
def main():
    """quizapp: quizzes from news articles, studied with spaced repetition.

    The database is QUIZAPP_DATABASE (default instance/quizapp.db); the session key
    is QUIZAPP_SECRET_KEY (default: generated once and kept beside the database).
    """


def _database():
    """The app's database for a command; a ClickException when it was never set up."""
    db = connect(current_app.config["DATABASE"])
    if "_sqlite_migrations" not in db.table_names():
        db.close()
        raise click.ClickException(
            f"The database {current_app.config['DATABASE']} is not set up yet: run `quizapp init-db` or `quizapp setup`.")
    return db


@main.command("generate", with_appcontext=False)
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the items as JSON and touch no database.")
@click.option("--limit", type=click.IntRange(min=1), help="Keep only the best N items of each article.")
@click.option("--draft", is_flag=True, help="Store all the items as drafts waiting for a teacher's review.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.7, show_default=True,
              help="Items scored at least this are ready for students; the rest wait as drafts for a teacher's review.")
@click.option("--explain", is_flag=True, help="Print, sentence by sentence, the items made and the rule that dropped "
              "each candidate that made none; touch no database.")
def generate_command(paths, as_json, limit, draft, min_score, explain):
    """Derive quiz items from article text files and store them (or print them with --json).

    Re-running on the same article adds no duplicates; an edited article keeps the
    ids of its unchanged items.
    """
    import questions

    try:
        texts = [questions.read_article(path) for path in paths]
    except questions.ArticleError as error:
        raise click.ClickException(str(error)) from None
    if explain:
        for path, text in zip(paths, texts):
            click.echo(f"== {path}")
            click.echo(_without_traceback(path, questions.explain, text, source=path, limit=limit))
        return
    try:
        results = questions.generate_many(texts, sources=list(paths), limit=limit)
    except Exception:  # noqa: BLE001 - name the article that broke the generator, in one sentence
        for path, text in zip(paths, texts):
            _without_traceback(path, questions.generate_many, [text], sources=[path], limit=limit)
        raise
    for path, text, items in zip(paths, texts, results):
        if not items:
            reason = "it does not look like English text" if not questions.looks_english(text) else "no sentence has a fact to ask about"
            click.echo(f"Warning: no items from {path}: {reason}.", err=True)
    if as_json:
        click.echo(json.dumps([item for items in results for item in items], ensure_ascii=False, indent=2))
        return
    app = click.get_current_context().ensure_object(ScriptInfo).load_app()
    with app.app_context():
        db = _database()
        for path, text, items in zip(paths, texts, results):
            article_id, added = articles.store_article(
                db, title=questions.article_title(text), source=os.path.abspath(path), text=text, items=items,
                status="draft" if draft else "approved", min_score=min_score,
            )
            ready = 0 if draft else sum(item["score"] >= min_score for item in items)
            click.echo(f"{path}: {added} new items stored ({len(items) - added} already there), article {article_id}; "
                       f"{ready} scored {min_score:g} or more are ready to study, {len(items) - ready} wait for review.")
        db.close()


def _without_traceback(path, make, *args, **kwargs):
    """What `make` returns; its failure as one sentence naming the article (nothing is stored), not a traceback."""
    try:
        return make(*args, **kwargs)
    except Exception as error:  # noqa: BLE001 - a generator bug: say where, keep the rest of the terminal readable
        raise click.ClickException(
            f"The generator failed on {path} ({type(error).__name__}: {error}); nothing was stored. "
            "This is a bug in quizapp: please report it with the article.") from None


@main.command("add-user")
@click.argument("username")
@click.option("--role", type=click.Choice(users.ROLES), default="student", show_default=True, help="The account's role.")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True, help="Prompted for when not given.")
def add_user_command(username, role, password):
    """Create an account (prompts for the password when not given)."""
    if not re.fullmatch(r"[A-Za-z0-9_.-]{3,40}", username):
        raise click.ClickException("A username has 3 to 40 letters, digits, dots, dashes or underscores.")
    problem = users.password_problem(username, password)
    if problem:
        raise click.ClickException(f"The password is refused: {problem[0].lower()}{problem[1:]}")
    db = _database()
    try:
        users.create_user(db, username, password, role)
    except users.UsernameTaken as error:
        raise click.ClickException(str(error)) from None
    finally:
        db.close()
    click.echo(f"Created {role} {username}.")


@main.command("export-results")
@click.option("--out", type=click.Path(dir_okay=False, writable=True), help="Write to FILE instead of stdout.")
def export_results_command(out):
    """Write the results CSV: one row per answer, oldest first."""
    db = _database()
    try:
        if out:
            with open(out, "w", encoding="utf-8", newline="") as handle:
                handle.writelines(results_csv(db))
            click.echo(f"Results written to {out}.", err=True)
        else:
            sys.stdout.writelines(results_csv(db))
    finally:
        db.close()


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@click.option("--threads", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Request threads per process (waitress does the network I/O itself). With several "
                   "processes, 1 each is fastest: a thread holding the write lock never waits for a sibling.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 16),
              help="Server processes sharing the port (Linux SO_REUSEPORT); more than one uses more cores.")
@click.option("--behind-proxy", is_flag=True,
              help="Trust one reverse proxy's X-Forwarded-For/-Proto/-Host headers (HTTPS proxy: Secure cookies, "
                   "the client's own address for the log-in throttle). Only when nothing but the proxy reaches this server.")
@with_appcontext
def serve_command(host, port, threads, workers, behind_proxy):
    """Serve the app with the production WSGI server (waitress)."""
    import socket

    import waitress

    app = current_app._get_current_object()
    prepare_instance(app)
    # waitress drops X-Forwarded-* headers from proxies it was not told of; ProxyFix (trust_proxy) reads them instead
    proxy = {"clear_untrusted_proxy_headers": False} if behind_proxy else {}
    if behind_proxy:
        trust_proxy(app)
    # A class arriving at once queues requests for a few milliseconds: normal, not worth a log line each.
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    # A thread holding the database write lock must get the interpreter back quickly, or every
    # other request queues behind it for whole 5 ms switch intervals.
    sys.setswitchinterval(0.0005)
    # Everything loaded so far lives as long as the server: out of the collector's full passes, which would
    # otherwise walk it again and again while students answer (and, once forked, touch every worker's copy).
    gc.collect()
    gc.freeze()
    if workers == 1:
        click.echo(f"quizapp is serving on http://{host}:{port}/ (Ctrl+C stops it).")
        waitress.serve(app, host=host, port=port, threads=threads, ident="quizapp", **proxy)
        return
    if not hasattr(socket, "SO_REUSEPORT"):
        raise click.ClickException("--workers needs SO_REUSEPORT (Linux); use one worker here.")
    click.echo(f"quizapp is serving on http://{host}:{port}/ with {workers} processes (Ctrl+C stops it).")
    children, parent = [], os.getpid()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stopping the parent stops the workers (finally below)
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            _exit_with_parent(parent)
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            sock.listen(1024)
            waitress.serve(app, sockets=[sock], threads=threads, ident="quizapp", _quiet=True, **proxy)
            os._exit(0)
        children.append(pid)
    try:
        for pid in children:
            os.waitpid(pid, 0)
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        for pid in children:
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass


def _exit_with_parent(parent):
    """A worker never outlives the `quizapp serve` that started it (even one killed with SIGKILL)."""
    import threading
    import time

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


@main.command("setup")
def setup_command():
    """Prepare a fresh install: migrate, load the seed articles, make a teacher account.

    `make run` calls this before `serve`. Safe to run again: nothing is duplicated.
    """
    import questions

    prepare_instance(current_app)
    db = _database()
    seeds = sorted(Path(current_app.config["SEEDS_DIR"]).glob("*.txt"))
    for path in seeds:
        if articles.article_exists(db, str(path.resolve())):
            continue
        text = questions.read_article(path)
        items = questions.generate(text, source=str(path))
        _, added = articles.store_article(db, title=questions.article_title(text), source=str(path.resolve()), text=text, items=items)
        click.echo(f"Seed quiz: {added} items from {path.name}.")
    password_file = Path(current_app.config["DATABASE"]).parent / "teacher-password.txt"
    if users.find_user(db, "teacher") is None:
        password = secrets.token_urlsafe(12)
        users.create_user(db, "teacher", password, "teacher")
        fd = os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(password + "\n")
    db.close()
    if password_file.exists():
        click.echo(f"Teacher login: username 'teacher', password {password_file.read_text().strip()} (kept in {password_file}).")
    click.echo("Students: open the app and click Register.")


@main.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def backup_command(path):
    """Copy the database to PATH while the app runs: a consistent, checked, owner-only copy, never a partial file."""
    try:
        backup(current_app.config["DATABASE"], path)
    except FileExistsError:
        raise click.ClickException(f"{path} already exists; choose a new file name.") from None
    except (BackupFailed, OSError) as error:
        raise click.ClickException(f"The backup failed: {error}.") from None
    click.echo(f"Backed up {current_app.config['DATABASE']} to {path}.")
