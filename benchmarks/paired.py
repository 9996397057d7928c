"""Server CPU per study request of two code trees measured at the same time, beside the floor.

On a shared, noisy machine one load.py run says little about a change: the floor's own cost
moves by half with the load of the moment. Here both trees run at once, in two processes,
so they share that load, and each process also measures the floor (benchmarks/baselines.py)
the same way right after. Each request is timed inside the process, around the WSGI call,
with `time.thread_time()`: the CPU of the app, its session, Flask-Login and CSRF, not the
HTTP server's (waitress is the same for both trees and the floor) nor the client's.

SQL statements per request are counted on the first student's requests, which are then not timed: a trace
callback costs sqlite3 a few microseconds a statement, which the floor would not pay.

Students answer in place as app.js does (tests/load_driver.py: the answer checked, then
rated, the next question coming back with the rating), through Flask's test client, with
CSRF on as served.

Usage: .venv/bin/python benchmarks/paired.py --base ../wt-base [--pairs 4] [--students 20] [--answers 40]
       .venv/bin/python benchmarks/paired.py --profile [--tree PATH]   (thread-CPU cProfile of one tree's study requests)
Not a test: it prints figures.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
ITEM = re.compile(r'name="item_id" type="hidden" value="(\d+)"')
CHOICE = re.compile(r'type="radio" name="choice" value="([^"]*)"')
IN_PLACE = {"X-Requested-With": "fetch"}


class Timed:
    """WSGI wrapper: the thread CPU seconds of every request it serves, by kind."""

    def __init__(self, app):
        self.app, self.times, self.on = app, {}, False

    def __call__(self, environ, start_response):
        started = time.thread_time()
        body = self.app(environ, start_response)
        if self.on:
            kind = environ["PATH_INFO"].rsplit("/", 1)[-1]
            self.times.setdefault(kind, []).append(time.thread_time() - started)
        return body


def template_database(folder):
    """`quizapp setup` once (migrations, the seed articles): every run copies this file."""
    path = Path(folder) / "template.db"
    env = {**os.environ, "QUIZAPP_DATABASE": str(path), "QUIZAPP_SECRET_KEY": "paired key"}
    env.pop("QUIZAPP_CONFIG", None)
    subprocess.run([str(Path(sys.executable).with_name("quizapp")), "setup"], env=env, check=True,
                   capture_output=True, timeout=600)
    return path


def quizapp_run(database, students, answers, profile=None):
    """Register `students`, start a session of `answers` items each, answer them all in place, by turns."""
    from quizapp import create_app
    from quizapp.startup import prepare_instance

    app = create_app({"DATABASE": str(database), "SECRET_KEY": "paired key", "NEW_PER_DAY": 1000,
                      "REGISTRATIONS_PER_ADDRESS_PER_HOUR": 100_000, "LOGIN_FAILURES_PER_ADDRESS": 100_000},
                     instance_path=Path(database).parent / "instance")
    prepare_instance(app)
    timed = Timed(app.wsgi_app)
    app.wsgi_app = timed
    clients, cards, urls = [], [], []
    for n in range(students):
        client = app.test_client()
        page = client.get("/auth/register").get_data(as_text=True)
        client.post("/auth/register", data={"csrf_token": TOKEN.search(page).group(1), "username": f"student{n}",
                                            "password": "paired password", "confirm": "paired password",
                                            "timezone": "UTC"})
        page = client.get("/").get_data(as_text=True)
        started = client.post("/study/start", data={"csrf_token": TOKEN.search(page).group(1), "mode": "quiz",
                                                    "size": answers, "article": 0})
        url = started.headers["Location"]
        clients.append(client)
        urls.append(url)
        cards.append(client.get(url).get_data(as_text=True))
    from quizapp import db as quizapp_db

    # SQL statements (BEGIN and COMMIT included) of the first student's requests, on the one connection of this
    # thread: a trace callback costs sqlite3 a few microseconds a statement, so those requests are not timed
    # (the floor runs none).
    statements, connection, counted = [], quizapp_db._threads.db[1].conn, [0]
    timed.on = True
    if profile is not None:
        profile.enable()
    for index in range(answers):  # every student answers one item, then the next student: as a class does
        for n, client in enumerate(clients):
            counting = n == 0
            timed.on = not counting or students == 1  # one student: timed and counted
            connection.set_trace_callback(statements.append if counting else None)
            page = cards[n]
            item = ITEM.search(page)
            if item is None:
                continue
            counted[0] += 2 * counting  # an answer and a rating
            data = {"csrf_token": TOKEN.search(page).group(1), "item_id": item.group(1)}
            choices = CHOICE.findall(page)
            if choices:
                data["choice"] = choices[index % len(choices)]
            else:
                data["response"] = f"answer {index}"
            feedback = client.post(urls[n] + "/answer", data=data, headers=IN_PLACE).get_data(as_text=True)
            assert 'class="verdict' in feedback, feedback[:300]
            rating = "Good" if 'value="Good"' in feedback else "Again"
            reply = client.post(urls[n] + "/rate", headers=IN_PLACE, data={
                "csrf_token": TOKEN.search(feedback).group(1), "item_id": item.group(1), "rating": rating})
            cards[n] = reply.get_data(as_text=True) if reply.status_code == 200 else ""
    if profile is not None:
        profile.disable()
    timed.on = False
    connection.set_trace_callback(None)
    timed.times["sql"] = statements
    timed.times["counted"] = counted[0] or 1
    return timed.times


def floor_run(folder, students, requests_per_client):
    """The floor app (benchmarks/baselines.py) timed the same way: log in, then post."""
    sys.path.insert(0, str(HERE))
    import baselines

    app = baselines.floor_app(str(Path(folder) / "floor.db"))
    timed = Timed(app.wsgi_app)
    app.wsgi_app = timed
    sessions = []
    for _ in range(students):
        client = app.test_client()
        sessions.append((client, TOKEN.search(client.get("/login").get_data(as_text=True)).group(1)))
    timed.on = True
    for _ in range(requests_per_client):
        for client, token in sessions:
            reply = client.post("/answer", data={"csrf_token": token, "item_id": 1, "response": "x"})
            assert reply.status_code == 302, reply.status_code
    timed.on = False
    return timed.times["answer"]


def one_run(tree, template, students, answers):
    """In this process, with `tree`'s quizapp first on the path: per-request CPU of quizapp and of the floor."""
    sys.path.insert(0, str(tree))
    folder = tempfile.mkdtemp(prefix="quizapp-paired-")
    try:
        database = Path(folder) / "quizapp.db"
        shutil.copy(template, database)
        times = quizapp_run(database, students, answers)
        import quizapp
        assert Path(quizapp.__file__).resolve().is_relative_to(Path(tree).resolve()), quizapp.__file__
        study = times["answer"] + times["rate"]
        floor = floor_run(folder, students, answers * 2)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"study_ms": statistics.fmean(study) * 1000, "answer_ms": statistics.fmean(times["answer"]) * 1000,
            "rate_ms": statistics.fmean(times["rate"]) * 1000, "floor_ms": statistics.fmean(floor) * 1000,
            "requests": len(study), "sql_per_request": len(times["sql"]) / times["counted"]}


def profile_run(tree, template, students, answers, top):
    import cProfile
    import pstats

    sys.path.insert(0, str(tree))
    folder = tempfile.mkdtemp(prefix="quizapp-paired-")
    try:
        database = Path(folder) / "quizapp.db"
        shutil.copy(template, database)
        profile = cProfile.Profile(time.thread_time)
        times = quizapp_run(database, students, answers, profile)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    n = len(times["answer"]) + len(times["rate"])
    print(f"{n} study requests, {statistics.fmean(times['answer'] + times['rate']) * 1000:.2f} ms thread CPU each "
          "(profiled: slower than unprofiled)")
    stats = pstats.Stats(profile)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", help="the other tree (a checkout of main, say), measured at the same time")
    parser.add_argument("--tree", default=str(HERE.parent), help="the tree measured (default: this checkout)")
    parser.add_argument("--pairs", type=int, default=4)
    parser.add_argument("--students", type=int, default=20)
    parser.add_argument("--answers", type=int, default=40)
    parser.add_argument("--profile", action="store_true", help="cProfile (thread CPU) of --tree's study requests")
    parser.add_argument("--top", type=int, default=45)
    parser.add_argument("--template", help=argparse.SUPPRESS)
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.one:
        print(json.dumps(one_run(options.tree, options.template, options.students, options.answers)))
        return
    folder = tempfile.mkdtemp(prefix="quizapp-paired-template-")
    try:
        template = template_database(folder)
        if options.profile:
            profile_run(options.tree, template, options.students, options.answers, options.top)
            return
        trees = {"tree": options.tree, **({"base": options.base} if options.base else {})}
        results = {name: [] for name in trees}
        for pair in range(options.pairs):
            processes = {name: subprocess.Popen(
                [sys.executable, __file__, "--one", "--tree", path, "--template", str(template),
                 "--students", str(options.students), "--answers", str(options.answers)],
                stdout=subprocess.PIPE, text=True) for name, path in trees.items()}
            row = {}
            for name, process in processes.items():
                out, _ = process.communicate()
                if process.returncode:
                    raise SystemExit(f"{name} run failed")
                row[name] = json.loads(out)
                results[name].append(row[name])
            print(f"pair {pair + 1}: " + "; ".join(
                f"{name} study {r['study_ms']:.2f} ms (answer {r['answer_ms']:.2f}, rate {r['rate_ms']:.2f}), "
                f"floor {r['floor_ms']:.2f} ms, ratio {r['study_ms'] / r['floor_ms']:.2f}, "
                f"{r['sql_per_request']:.1f} SQL statements per request" for name, r in row.items())
                + (f"; tree/base {row['tree']['study_ms'] / row['base']['study_ms']:.3f}" if "base" in row else ""),
                flush=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{options.pairs} runs per tree, {options.students} students x {options.answers} items, "
          f"{results['tree'][0]['requests']} study requests per run; medians:")
    for name, rows in results.items():
        print(f"  {name} ({trees[name]}): study {statistics.median(r['study_ms'] for r in rows):.2f} ms, "
              f"floor {statistics.median(r['floor_ms'] for r in rows):.2f} ms, "
              f"study/floor {statistics.median(r['study_ms'] / r['floor_ms'] for r in rows):.2f}")
    if "base" in results:
        ratios = [t["study_ms"] / b["study_ms"] for t, b in zip(results["tree"], results["base"])]
        print(f"  tree/base study CPU: median {statistics.median(ratios):.3f} ({min(ratios):.3f} to {max(ratios):.3f})")


if __name__ == "__main__":
    main()
