"""50 students answering 40 items each, at once, against `quizapp serve` on loopback.

Prints answers per second and the answer request's p50/p99 latency, beside two
yardsticks served by the same WSGI server with the same concurrency in the same run
(benchmarks/baselines.py: a bare Flask route, and the "floor": the least an
authenticated form POST costs on the fixed stack), and checks that the review log
holds exactly the answers the server acknowledged.
Not a test: machines here are shared and noisy. Usage: .venv/bin/python benchmarks/load.py
"""
import os
import resource
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.load_driver import TOKEN, Browser, Student, free_port, prepare_database, server_env, start_server, temporary_folder  # noqa: E402

STUDENTS, ANSWERS, THREADS = 50, 40, 1  # 2 processes x 1 thread: what `make run` serves with


def tree_cpu(pid):
    """CPU seconds used so far by a process and its children (Linux /proc)."""
    total, ticks = 0.0, os.sysconf("SC_CLK_TCK")
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    total += (int(fields[11]) + int(fields[12])) / ticks
    return total + sum(tree_cpu(int(child)) for child in children)


def own_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(int(share * len(ordered)), len(ordered) - 1)]


def yardstick(kind, port, requests_per_client, workers, threads):
    """Serve benchmarks/baselines.py's `kind` app with the same processes and threads, post to it the same way.

    Returns requests/s, latencies, and server and client CPU seconds per request."""
    folder = temporary_folder()
    command = [sys.executable, str(Path(__file__).with_name("baselines.py")), kind, str(port), str(threads),
               str(Path(folder) / f"{kind}.db")]
    servers = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(workers)]
    try:
        return _post_to_yardstick(kind, port, requests_per_client, servers)
    finally:  # also when it failed: no yardstick server outlives the run
        for server in servers:
            server.terminate()
            server.wait()


def _post_to_yardstick(kind, port, requests_per_client, servers):
    for server in servers:  # each says when its socket listens: a fixed wait was too short on a busy machine
        if server.stdout.readline().strip() != "listening":
            raise RuntimeError(f"the {kind} yardstick did not start")
    latencies = []
    url = f"http://127.0.0.1:{port}"

    def login():
        browser = Browser(timeout=30)
        if kind == "bare":
            return browser, None
        return browser, TOKEN.search(browser.get(f"{url}/login").text).group(1)

    def client(session):
        browser, token = session
        for _ in range(requests_per_client):
            started = time.perf_counter()
            reply = browser.post(f"{url}/answer", data={"csrf_token": token or "", "item_id": 1, "response": "x"})
            latencies.append(time.perf_counter() - started)
            if reply.status_code != 302:
                raise RuntimeError(f"{kind} route answered {reply.status_code}")

    with ThreadPoolExecutor(max_workers=STUDENTS) as pool:
        sessions = list(pool.map(lambda _: login(), range(STUDENTS)))
        started, cpu, client_cpu = time.perf_counter(), sum(tree_cpu(s.pid) for s in servers), own_cpu()
        list(pool.map(client, sessions))
        elapsed = time.perf_counter() - started
        cpu, client_cpu = sum(tree_cpu(s.pid) for s in servers) - cpu, own_cpu() - client_cpu
    return len(latencies) / elapsed, latencies, cpu / len(latencies), client_cpu / len(latencies)


def main():
    import argparse

    parser = argparse.ArgumentParser(description="50 students x 40 answers against quizapp serve")
    parser.add_argument("--think", type=float, default=0.0,
                        help="seconds each student pauses after each answer, on average (0.5-1.5 times it, "
                             "so a class does not answer in lockstep; 0: as fast as the client can go)")
    parser.add_argument("--workers", type=int, default=2, help="quizapp serve --workers (make run uses 2)")
    parser.add_argument("--threads", type=int, default=THREADS, help="quizapp serve --threads (default 1, as make run)")
    parser.add_argument("--no-js", action="store_true",
                        help="answer as a browser without JavaScript does (4 requests per item instead of 2)")
    options = parser.parse_args()
    threads = options.threads
    think, workers = options.think, options.workers
    folder = temporary_folder()
    env = server_env(folder, NEW_PER_DAY=1000, LOGIN_FAILURES_PER_ADDRESS=100_000, REGISTRATIONS_PER_ADDRESS_PER_HOUR=100_000)
    prepare_database(env)
    port = free_port()
    server = start_server(env, port, threads=threads, workers=workers)
    per_answer = 4 if options.no_js else 2
    students = [Student(f"http://127.0.0.1:{port}", f"student{i}", think=think, in_place=not options.no_js)
                for i in range(STUDENTS)]
    with ThreadPoolExecutor(max_workers=STUDENTS) as pool:
        list(pool.map(lambda s: s.prepare(ANSWERS), students))  # registering hashes passwords: not timed
        started, cpu, client_cpu = time.perf_counter(), tree_cpu(server.pid), own_cpu()
        list(pool.map(lambda s: s.answer_all(ANSWERS), students))
        elapsed = time.perf_counter() - started
        cpu, client_cpu = tree_cpu(server.pid) - cpu, own_cpu() - client_cpu
    server.terminate()
    server.wait()
    latencies = [t for s in students for t in s.latencies]
    acknowledged = sorted((s.name, item, response) for s in students for item, response in s.acknowledged)
    errors = [e for s in students for e in s.errors]
    db = sqlite3.connect(env["QUIZAPP_DATABASE"])
    stored = sorted(db.execute(
        "SELECT users.username, reviews.item_id, reviews.response FROM reviews JOIN users ON users.id = reviews.user_id"))
    print(f"quizapp: {STUDENTS} students x {ANSWERS} answers, {think:g} s pause after each, "
          f"waitress with {workers} process(es) x {threads} threads, {os.cpu_count()} cores")
    print(f"  acknowledged answers: {len(acknowledged)}, stored: {len(stored)}, identical: {stored == acknowledged}, errors: {len(errors)}")
    steps = "show, answer, feedback page, rate" if options.no_js else "answer and rate in place, the next question with the rating"
    print(f"  answering phase ({steps} for every item): {elapsed:.1f} s")
    print(f"  answer requests: {len(latencies) / elapsed:.0f}/s within the run (each answer is {per_answer} requests); "
          f"p50 {percentile(latencies, 0.5) * 1000:.1f} ms, p99 {percentile(latencies, 0.99) * 1000:.1f} ms")
    per_request = len(latencies) * per_answer / elapsed
    print(f"  all study requests: {per_request:.0f}/s; CPU per request: server {cpu / len(latencies) / per_answer * 1000:.2f} ms, "
          f"load client {client_cpu / len(latencies) / per_answer * 1000:.2f} ms")
    answers_per_second = len(latencies) / elapsed
    for kind, label in (("bare", "bare Flask route"),
                        ("floor", "floor (session + Flask-Login + CSRF + one SQLite write, no page)")):
        rate, times, server_cpu, load_cpu = yardstick(kind, free_port(), ANSWERS * per_answer, workers, threads)
        print(f"{label}, same server and concurrency: {rate:.0f} requests/s; "
              f"p50 {percentile(times, 0.5) * 1000:.1f} ms, p99 {percentile(times, 0.99) * 1000:.1f} ms; "
              f"CPU per request: server {server_cpu * 1000:.2f} ms, load client {load_cpu * 1000:.2f} ms")
        if kind == "bare":
            bare_rate = rate
        else:
            print(f"floor / bare route: {rate / bare_rate:.2f}")
    print(f"quizapp study requests / bare route: {per_request / bare_rate:.2f}; "
          f"answers / bare route requests: {answers_per_second / bare_rate:.2f} (target >= 0.5)")
    if errors:
        print("errors:", errors[:10])


if __name__ == "__main__":
    main()
