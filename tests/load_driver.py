"""Students as HTTP clients, for the load and crash tests and benchmarks/load.py.

Each simulated student is a real HTTP session against a real `quizapp serve`: it
registers, starts a session and answers items through the same forms a browser
posts, the way app.js does (the answer checked and rated in place: 2 requests per item,
the next question comes back with the rating) or, with `in_place=False`, the way a
browser without JavaScript does (4 requests: question page, answer, feedback page, rating). An answer is
*acknowledged* when the server answered its POST with the feedback (in place) or with the
redirect that follows a recorded answer.
"""
import contextlib
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import http.client
from urllib.parse import urlencode, urlsplit

QUIZAPP = Path(sys.executable).with_name("quizapp")
TOKEN = re.compile(r'name="csrf_token"(?: type="hidden")? value="([^"]+)"')
ITEM = re.compile(r'name="item_id" type="hidden" value="(\d+)"')
IN_PLACE = {"X-Requested-With": "fetch"}  # the header app.js sends
CHOICE = re.compile(r'type="radio" name="choice" value="([^"]*)"')


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(folder, **settings):
    """Environment for a server on its own database, with extra settings in a config file."""
    config = Path(folder) / "settings.py"
    config.write_text("".join(f"{key} = {value!r}\n" for key, value in settings.items()))
    env = {**os.environ, "QUIZAPP_DATABASE": str(Path(folder) / "quizapp.db"), "QUIZAPP_CONFIG": str(config),
           "QUIZAPP_SECRET_KEY": "load test key"}
    return env


@contextlib.contextmanager
def serving(env):
    """`quizapp serve` as `make run` serves it (its own defaults), on a free port: yields the base URL
    once it accepts connections, and stops it after."""
    port = free_port()
    process = start_server(env, port, threads=None, workers=None)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def start_server(env, port, *, threads=4, workers=1, log=None):
    """`quizapp serve` on its own database, once it accepts connections; `threads`/`workers` None: serve's
    own defaults (what `make run` serves with). `log`: an open file for its error output (discarded without)."""
    sizes = [arg for name, value in (("--threads", threads), ("--workers", workers)) if value is not None
             for arg in (name, str(value))]
    process = subprocess.Popen([str(QUIZAPP), "serve", "--port", str(port), *sizes], env=env,
                               stdout=subprocess.DEVNULL, stderr=log or subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return process
        except OSError:
            if process.poll() is not None:
                raise RuntimeError("quizapp serve exited at start")
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("quizapp serve did not start")


def prepare_database(env):
    """`quizapp setup`: migrations, the seed quiz (approved), the teacher account."""
    subprocess.run([str(QUIZAPP), "setup"], env=env, check=True, capture_output=True, timeout=300)


class RequestError(Exception):
    pass


class Response:
    def __init__(self, status, headers, text):
        self.status_code, self.headers, self.text = status, headers, text


class Browser:
    """A small keep-alive HTTP client with a cookie jar: light, so that the server, not the
    load generator, is what gets measured (both share this machine's cores)."""

    def __init__(self, timeout):
        self.timeout, self.connection, self.cookies = timeout, None, {}

    def _send(self, method, url, data, extra_headers=None, body=None):
        parts = urlsplit(url)
        if self.connection is None:
            self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=self.timeout)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        headers.update(extra_headers or {})
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.connection.request(method, parts.path or "/", body=body, headers=headers)
            reply = self.connection.getresponse()
            text = reply.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            self.connection.close()
            self.connection = None
            raise RequestError(str(error)) from None
        for name, value in reply.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        return Response(reply.status, {k: v for k, v in reply.getheaders() if k.lower() != "set-cookie"}, text)

    def get(self, url, timeout=None):
        return self._send("GET", url, None)

    def post(self, url, data=None, allow_redirects=False, timeout=None, headers=None):
        return self._send("POST", url, data or {}, headers)

    def post_file(self, url, fields, name, filename, content):
        """A multipart form POST with one file (`content`, bytes) under `name`, as a browser's file input sends."""
        boundary = "quizapp-load-" + os.urandom(8).hex()
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
                 for key, value in fields.items()]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                     f"Content-Type: application/octet-stream\r\n\r\n".encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self._send("POST", url, None, {"Content-Type": f"multipart/form-data; boundary={boundary}"}, body=body)


class Student:
    def __init__(self, base, name, timeout=30, think=0.0, in_place=True):
        self.base, self.name, self.timeout, self.think, self.in_place = base, name, timeout, think, in_place
        self.http = Browser(timeout)
        self.acknowledged = []  # (item_id, response) the server confirmed
        self.latencies = []  # seconds per answer POST
        self.sent_at = []  # time.perf_counter() when each answer POST was sent
        self.errors = []
        self.url = None
        self.next_card = None  # the question card a rating in place brought back
        self.pace = random.Random(name)  # each student's own, repeatable reading times

    def _token(self, html):
        return TOKEN.search(html).group(1)

    def register(self):
        page = self.http.get(f"{self.base}/auth/register", timeout=self.timeout).text
        response = self.http.post(f"{self.base}/auth/register", allow_redirects=False, timeout=self.timeout, data={
            "csrf_token": self._token(page), "username": self.name, "password": "load test password",
            "confirm": "load test password", "timezone": "UTC"})
        if response.status_code != 302:
            raise RuntimeError(f"{self.name}: register answered {response.status_code}")

    def start(self, size):
        page = self.http.get(f"{self.base}/", timeout=self.timeout).text
        response = self.http.post(f"{self.base}/study/start", allow_redirects=False, timeout=self.timeout, data={
            "csrf_token": self._token(page), "mode": "quiz", "size": size, "article": 0})
        if response.status_code != 302 or "/study/" not in response.headers["Location"]:
            raise RuntimeError(f"{self.name}: start answered {response.status_code}")
        self.url = self.base + response.headers["Location"] if response.headers["Location"].startswith("/") else response.headers["Location"]

    def answer_one(self, index):
        """Answer the item shown (right or wrong by turns) and rate it; False when the session is over."""
        page, self.next_card = self.next_card or self.http.get(self.url, timeout=self.timeout).text, None
        item = ITEM.search(page)
        if item is None:
            return False
        item_id = int(item.group(1))
        choices = CHOICE.findall(page)
        data = {"csrf_token": self._token(page), "item_id": item_id}
        if choices:
            data["choice"] = choices[index % len(choices)]
        else:
            data["response"] = f"answer {index}"
        started = time.perf_counter()
        response = self.http.post(f"{self.url}/answer", data=data, headers=IN_PLACE if self.in_place else None)
        self.latencies.append(time.perf_counter() - started)
        self.sent_at.append(started)
        if response.status_code != (200 if self.in_place else 302) or (self.in_place and 'class="verdict' not in response.text):
            self.errors.append(f"answer: {response.status_code}")
            return True
        self.acknowledged.append((item_id, data.get("choice", data.get("response"))))
        feedback = response.text if self.in_place else self.http.get(self.url, timeout=self.timeout).text
        rating = "Good" if 'value="Good"' in feedback else "Again"
        rated = self.http.post(f"{self.url}/rate", headers=IN_PLACE if self.in_place else None,
                               data={"csrf_token": self._token(feedback), "item_id": item_id, "rating": rating})
        if rated.status_code == 200 and self.in_place:
            self.next_card = rated.text  # the next question came back in place
        elif rated.status_code != 302:
            self.errors.append(f"rate: {rated.status_code}")
        return True

    def run(self, answers):
        """Register, then answer `answers` items; errors are collected, never raised."""
        return self.prepare(answers).answer_all(answers)

    def prepare(self, answers):
        """Register and start a session of `answers` items."""
        try:
            self.register()
            self.start(answers)
        except (RequestError, RuntimeError, AttributeError) as error:
            self.errors.append(f"{type(error).__name__}: {error}")
        return self

    def answer_all(self, answers):
        if self.url is None:
            return self
        try:
            for index in range(answers):
                if not self.answer_one(index):
                    break
                if self.think:  # reading the feedback: half to one and a half times `think`, as people differ
                    time.sleep(self.think * self.pace.uniform(0.5, 1.5))
        except (RequestError, RuntimeError, AttributeError) as error:
            self.errors.append(f"{type(error).__name__}: {error}")
        return self


def temporary_folder():
    return tempfile.mkdtemp(prefix="quizapp-load-")


def keep_answering(student, stop, size=100):
    """Answer item after item (a new session when one ends) until `stop` is set; errors are collected, never raised."""
    if student.url is None:
        return student
    index = 0
    try:
        while not stop.is_set():
            if not student.answer_one(index):
                student.start(size)
            index += 1
            if student.think:
                time.sleep(student.think * student.pace.uniform(0.5, 1.5))
    except (RequestError, RuntimeError, AttributeError) as error:
        student.errors.append(f"{type(error).__name__}: {error}")
    return student


class Teacher:
    """The teacher at a browser: logs in and imports a questions file through the import page, confirming its preview."""

    def __init__(self, base, username, password, timeout=600):
        self.base, self.username, self.password = base, username, password
        self.http = Browser(timeout)
        self.statuses = []  # (what, HTTP status) of every request

    def _check(self, what, response, *expected):
        self.statuses.append((what, response.status_code))
        if response.status_code not in expected:
            raise RuntimeError(f"{what} answered {response.status_code}")
        return response

    def login(self):
        page = self.http.get(f"{self.base}/auth/login").text
        self._check("log in", self.http.post(f"{self.base}/auth/login", data={
            "csrf_token": TOKEN.search(page).group(1), "username": self.username, "password": self.password}), 302)
        return self

    def upload(self, content, fmt="csv", seconds=600):
        """Post a file to the import page and follow its page while it is read (and, if it only adds, written);
        returns the preview's path (a file that changes questions) or None (applied). `posted_at`: when the
        POST was answered (time.perf_counter())."""
        page = self._check("import page", self.http.get(f"{self.base}/teacher/import"), 200).text
        response = self._check("import", self.http.post_file(
            f"{self.base}/teacher/import", {"csrf_token": TOKEN.search(page).group(1), "format": fmt},
            "upload", f"questions.{fmt}", content), 302)
        self.posted_at = time.perf_counter()
        location = urlsplit(response.headers["Location"]).path
        if not location.startswith("/teacher/import/"):
            return None
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            response = self._check("reading", self.http.get(self.base + location), 200, 302)
            if response.status_code == 302:
                return None
            if 'value="Confirm import"' in response.text and 'http-equiv="refresh"' not in response.text:
                return location
            if 'http-equiv="refresh"' not in response.text:
                raise RuntimeError("the import was refused: " + response.text[-500:])
            time.sleep(0.2)
        raise RuntimeError("the file was not read in time")

    def confirm(self, preview_path, seconds=600):
        """Open the preview, press `Confirm import`, and follow the page (it refreshes while the rows are written)
        until the import is done; returns the preview page's HTML."""
        page = self._check("preview", self.http.get(self.base + preview_path), 200).text
        self._check("confirm", self.http.post(self.base + preview_path, data={
            "csrf_token": TOKEN.search(page).group(1), "confirm": "Confirm import"}), 302)
        self.wait(preview_path, seconds)
        return page

    def wait(self, path, seconds=600):
        """Follow an import's page while it refreshes (rows being written) until it sends on to the questions."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            response = self._check("progress", self.http.get(self.base + path), 200, 302)
            if response.status_code == 302:  # done: on to the question list
                return
            if 'http-equiv="refresh"' not in response.text:
                raise RuntimeError("the import stopped: " + response.text[-500:])
            time.sleep(0.2)
        raise RuntimeError("the import was not written in time")


def teacher_password(env):
    """The password `quizapp setup` gave the `teacher` account."""
    return (Path(env["QUIZAPP_DATABASE"]).parent / "teacher-password.txt").read_text().strip()


def import_csv(new_rows, changed_ids=(), *, article="Imported unit {i}"):
    """A questions CSV: `new_rows` new questions, each under its own article title by default (the issue's
    45,000 titles), and a new wording for each question in `changed_ids`."""
    lines = ["id,article,kind,prompt,answer"]
    lines += [f"{item_id},Warm-up,short_answer,Reworded question {item_id}?,Answer {item_id}" for item_id in changed_ids]
    lines += [f",{article.format(i=i)},short_answer,Imported question {i}?,Answer {i}" for i in range(new_rows)]
    return ("\n".join(lines) + "\n").encode()
