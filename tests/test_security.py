"""Security: CSRF everywhere, who may see what, escaping, cookies, log-in throttling."""
import re

import pytest

from quizapp import create_app, items, users
from quizapp.clock import to_iso, utcnow

from .helpers import PASSWORD, make_article, make_item, make_user

XSS = "<script>alert('x')</script>"


@pytest.fixture
def world(db):
    """Two students, a teacher, an article with one approved question, a session of the first student."""
    article_id = make_article(db, [make_item("short_answer", "Who leads?", "Ana Lopez")], title="News")
    ana = make_user(db, "ana")
    make_user(db, "ben")
    teacher = make_user(db, "mrs_lee", role="teacher")
    from quizapp.study import services as practice

    session_id = practice.start_session(db, ana, utcnow())
    item_id = db.execute("SELECT id FROM items").fetchone()[0]
    db.execute("INSERT INTO jobs (user_id, title, state, created_at) VALUES (?, 'x', 'done', ?)", [teacher.id, to_iso(utcnow())])
    db.conn.commit()
    from quizapp import assignments, classes

    class_id = classes.create_class(db, teacher.id, "Year 9")
    classes.add_member(db, class_id, ana.id)
    assignment_id = assignments.create_assignment(db, class_id, article_id)
    from quizapp.teacher import formats, imports

    changed = formats.parse_questions_csv(f"id,article,kind,prompt,answer\n{item_id},News,short_answer,Who leads now?,Ana\n")
    token = imports.start_import(db, teacher.id, changed).token  # an import waiting for its confirmation
    return {"article_id": article_id, "item_id": item_id, "session_id": session_id, "user_id": ana.id, "job_id": 1,
            "class_id": class_id, "assignment_id": assignment_id, "token": token}


def concrete(rule, ids):
    values = {"session_id": ids["session_id"], "item_id": ids["item_id"], "article_id": ids["article_id"],
              "user_id": ids["user_id"], "job_id": ids["job_id"], "filename": "style.css", "class_id": ids["class_id"],
              "assignment_id": ids["assignment_id"], "token": ids["token"],
              "review_id": 1}  # "I was right": CSRF refuses it before the id counts
    return re.sub(r"<([^>]+)>", lambda m: str(values[m.group(1)]), rule.rule.replace("int:", "").replace("path:", ""))


PUBLIC = {"/", "/auth/login", "/auth/register", "/static/style.css"}


def get_routes(app):
    return [r for r in app.url_map.iter_rules() if "GET" in r.methods]


def post_routes(app):
    return [r for r in app.url_map.iter_rules() if "POST" in r.methods]


def test_authorization_matrix(app, client, auth, world):
    """Every GET route, as anonymous, student and teacher."""
    rules = get_routes(app)
    assert len(rules) > 20
    for rule in rules:
        url = concrete(rule, world)
        response = client.get(url)
        if url in PUBLIC:
            assert response.status_code == 200, url
        else:
            assert response.status_code == 302 and "/auth/login" in response.headers["Location"], url
    auth.login_as("student", "ana")
    for rule in rules:
        url = concrete(rule, world)
        expected = 403 if url.startswith("/teacher") else 200
        assert client.get(url).status_code == expected, url
    auth.logout()
    auth.login_as("student", "ben")  # another student: ana's session is not there for ben
    assert client.get(f"/study/{world['session_id']}").status_code == 404
    auth.logout()
    auth.login_as("teacher", "mrs_lee")
    for rule in rules:
        url = concrete(rule, world)
        expected = 404 if url == f"/study/{world['session_id']}" else 200  # a student's own session is theirs alone
        expected = 403 if url == "/study/join" else expected  # a class code is for students
        assert client.get(url).status_code == expected, url


def test_students_cannot_touch_others_or_teacher_data(client, auth, world, db):
    auth.login_as("student", "ben")
    sid, iid = world["session_id"], world["item_id"]
    assert client.post(f"/study/{sid}/answer", data={"item_id": iid, "response": "x"}).status_code == 404
    assert client.post(f"/study/{sid}/rate", data={"item_id": iid, "rating": "Good"}).status_code == 404
    assert client.post(f"/study/{sid}/report", data={"item_id": iid, "reason": "x"}).status_code == 404
    for url in (f"/teacher/questions/{iid}/status", f"/teacher/questions/{iid}/edit", "/teacher/questions/approve-above",
                "/teacher/import", "/teacher/articles/new"):
        assert client.post(url, data={"status": "retired", "threshold": 0}).status_code == 403
    assert [i["status"] for i in items.find_items(db)] == ["approved"]
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_every_post_needs_its_csrf_token(tmp_path, world, db):
    app = create_app({"TESTING": True, "DATABASE": db.conn.execute("PRAGMA database_list").fetchone()[2],
                      "SECRET_KEY": "k", "FSRS_FUZZ": False})
    client = app.test_client()
    page = client.get("/auth/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post("/auth/login", data={"username": "mrs_lee", "password": PASSWORD, "csrf_token": token}).status_code == 302
    rules = post_routes(app)
    assert len(rules) >= 12
    for rule in rules:
        url = concrete(rule, world)
        response = client.post(url, data={"item_id": world["item_id"], "status": "retired", "reason": "x", "threshold": 0,
                                          "rating": "Good", "response": "x", "username": "a", "password": "b"})
        assert response.status_code == 400, url
    assert db.execute("SELECT status FROM items").fetchone()[0] == "approved"
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0


def test_text_from_people_is_shown_as_text(client, auth, db):
    article_id = make_article(db, [make_item("short_answer", f"Who wrote {XSS}?", f"{XSS} Ana",
                                             source_sentence=f"{XSS} Ana wrote it.")], title=f"{XSS} title", text=f"{XSS} text")
    users.create_user(db, f"{XSS}user", PASSWORD)
    auth.login_as("teacher")
    pages = ["/teacher/", "/teacher/questions", f"/teacher/articles/{article_id}", "/teacher/articles", "/teacher/review"]
    auth.logout()
    auth.login(f"{XSS}user")
    student_pages = ["/", "/study/progress"]
    url = client.post("/study/start", data={"mode": "quiz", "size": 10, "article": 0}).headers["Location"]
    item_id = db.execute("SELECT id FROM items").fetchone()[0]
    client.get(url)
    client.post(f"{url}/answer", data={"item_id": item_id, "response": XSS})
    for page in student_pages + [url]:
        html = client.get(page).get_data(as_text=True)
        assert "<script>alert" not in html, page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in client.get(url).get_data(as_text=True)
    auth.logout()
    auth.login_as("teacher")
    for page in pages:
        html = client.get(page).get_data(as_text=True)
        assert "<script>alert" not in html, page
    rows = client.get("/teacher/results.csv").get_data(as_text=True)
    assert XSS in rows  # CSV is data; the formula guard is for = + - @ (tested in test_results)


def test_session_cookie_flags(client, db):
    make_user(db, "ana")
    response = client.post("/auth/login", data={"username": "ana", "password": PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie
    secure = client.post("/auth/login", data={"username": "ana", "password": PASSWORD}, base_url="https://localhost")
    assert all("; Secure" in c for c in secure.headers.getlist("Set-Cookie"))


def test_login_throttling_per_account(client, db, app):
    make_user(db, "ana")
    make_user(db, "ben")
    for _ in range(app.config["LOGIN_FAILURES_PER_ACCOUNT"]):
        assert client.post("/auth/login", data={"username": "ana", "password": "wrong password"}).status_code == 200
    locked = client.post("/auth/login", data={"username": "ana", "password": PASSWORD})
    assert locked.status_code == 429 and "Too many failed log-ins" in locked.get_data(as_text=True)
    assert client.post("/auth/login", data={"username": "ben", "password": PASSWORD}).status_code == 302
    db.execute("UPDATE login_failures SET failed_at = '2000-01-01T00:00:00+00:00'")  # the lock runs out
    db.conn.commit()
    assert client.post("/auth/login", data={"username": "ana", "password": PASSWORD}).status_code == 302
    assert db.execute("SELECT count(*) FROM login_failures WHERE username = 'ana'").fetchone()[0] == 0


def test_login_throttling_per_address(client, db, app):
    app.config["LOGIN_FAILURES_PER_ADDRESS"] = 4
    make_user(db, "ana")
    for name in ("a1", "a2", "a3", "a4"):
        client.post("/auth/login", data={"username": name, "password": "nope"})
    assert client.post("/auth/login", data={"username": "ana", "password": PASSWORD}).status_code == 429
    other = client.post("/auth/login", data={"username": "ana", "password": PASSWORD}, environ_base={"REMOTE_ADDR": "10.9.9.9"})
    assert other.status_code == 302


def test_a_study_card_gives_back_a_fresh_posted_csrf_token_and_signs_a_new_one_for_an_older(world, db, monkeypatch):
    """The card an in-place post brings back carries the token just posted while that is under a minute
    old (no new signature), else a newly signed one; the next post is accepted either way."""
    import time

    from itsdangerous import URLSafeTimedSerializer

    from quizapp import extensions

    app = create_app({"TESTING": True, "DATABASE": db.conn.execute("PRAGMA database_list").fetchone()[2],
                      "SECRET_KEY": "k", "FSRS_FUZZ": False})
    client = app.test_client()
    token = lambda html: re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)  # noqa: E731
    page = client.get("/auth/login").get_data(as_text=True)
    client.post("/auth/login", data={"username": "ana", "password": PASSWORD, "csrf_token": token(page)})
    url, in_place = f"/study/{world['session_id']}", {"X-Requested-With": "fetch"}
    client.get(url)
    with client.session_transaction() as session:
        secret = session["csrf_token"]
    real_time = time.time

    def signed(seconds_ago):  # the token a page loaded that long ago carries
        monkeypatch.setattr(time, "time", lambda: real_time() - seconds_ago)
        try:
            return URLSafeTimedSerializer("k", salt="wtf-csrf-token").dumps(secret)
        finally:
            monkeypatch.setattr(time, "time", real_time)

    older, recent = signed(extensions.REUSE_CSRF_TOKEN_FOR + 5), signed(10)
    empty = client.post(url + "/answer", headers=in_place, data={"csrf_token": older, "item_id": world["item_id"]})
    assert empty.status_code == 400 and "Pick or type an answer" in empty.get_data(as_text=True)
    assert token(empty.get_data(as_text=True)) not in (older, recent)  # over a minute old: a newly signed one
    feedback = client.post(url + "/answer", headers=in_place,
                           data={"csrf_token": recent, "item_id": world["item_id"], "response": "Ana Lopez"})
    assert feedback.status_code == 200 and 'class="verdict right"' in feedback.get_data(as_text=True)
    assert token(feedback.get_data(as_text=True)) == recent  # under a minute old: given back as it was
    rated = client.post(url + "/rate", headers=in_place, data={"csrf_token": token(empty.get_data(as_text=True)),
                                                               "item_id": world["item_id"], "rating": "Good"})
    assert rated.status_code == 302  # accepted; the one-item session is over, the summary is a page
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1


def test_the_session_cookie_is_sent_only_when_the_session_changes_and_follows_the_secret_key(db):
    """Answering and rating in place change nothing in the session, so no cookie is sent (quizapp's session
    interface builds its signer once, and keeps Flask's rule); logging in and out change it, so it is sent.
    The unchanged cookie still logs the student in, and no longer once the secret key changes."""
    make_article(db, [make_item("short_answer", "Who leads?", "Ana Lopez"),
                      make_item("short_answer", "Who follows?", "Ben Ruiz")], title="News")
    from quizapp.study import services as practice

    session_id = practice.start_session(db, make_user(db, "ana"), utcnow())
    db.conn.commit()
    app = create_app({"TESTING": True, "DATABASE": db.conn.execute("PRAGMA database_list").fetchone()[2],
                      "SECRET_KEY": "k", "FSRS_FUZZ": False})
    client = app.test_client()
    token = lambda html: re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)  # noqa: E731
    sent = lambda reply: [c for c in reply.headers.getlist("Set-Cookie") if c.startswith("session=")]  # noqa: E731
    page = client.get("/auth/login")
    assert sent(page)  # a new CSRF secret in the session
    logged_in = client.post("/auth/login", data={"username": "ana", "password": PASSWORD,
                                                 "csrf_token": token(page.get_data(as_text=True))})
    assert logged_in.status_code == 302 and sent(logged_in)
    url, in_place = f"/study/{session_id}", {"X-Requested-With": "fetch"}
    card = client.get(url).get_data(as_text=True)  # shows (and so takes from the session) the log-in message
    item_id = re.search(r'name="item_id" type="hidden" value="(\d+)"', card).group(1)
    feedback = client.post(url + "/answer", headers=in_place,
                           data={"csrf_token": token(card), "item_id": item_id, "response": "nobody"})
    assert 'class="verdict wrong"' in feedback.get_data(as_text=True) and not sent(feedback)
    rated = client.post(url + "/rate", headers=in_place, data={
        "csrf_token": token(feedback.get_data(as_text=True)), "item_id": item_id, "rating": "Again"})
    assert rated.status_code == 200 and 'name="item_id"' in rated.get_data(as_text=True) and not sent(rated)
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    assert client.get(url).status_code == 200  # the cookie as it was still logs her in
    logged_out = client.post("/auth/logout", data={"csrf_token": token(rated.get_data(as_text=True))})
    assert logged_out.status_code == 302 and sent(logged_out)
    assert client.get(url).status_code == 302  # to the log-in page

    page = client.get("/auth/login")
    client.post("/auth/login", data={"username": "ana", "password": PASSWORD,
                                     "csrf_token": token(page.get_data(as_text=True))})
    assert client.get(url).status_code == 200
    app.config["SECRET_KEY"] = "a new key"  # the cookie signed with the old key is no longer good
    assert client.get(url).status_code == 302


def test_a_remembered_signature_is_taken_only_for_the_same_bytes_and_while_young_enough(monkeypatch):
    """The session and CSRF serializer remembers values it verified: the same bytes come back with the same
    value (a dict as a copy: changing it changes nothing remembered), but one changed character, another salt,
    or an age past max_age is refused as itsdangerous refuses it."""
    import time

    from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

    from quizapp.extensions import _OnceDerivedSigner, _OnceSignerSerializer

    stock = URLSafeTimedSerializer("a key", salt="cookie")
    ours = _OnceSignerSerializer("a key", salt="cookie", signer=_OnceDerivedSigner)
    signed = stock.dumps({"_user_id": "7:1:x", "_fresh": True})
    assert ours.loads(signed, max_age=60) == {"_user_id": "7:1:x", "_fresh": True}
    ours.loads(signed, max_age=60)["_user_id"] = "8:1:x"  # a caller's change to what it was given
    assert ours.loads(signed, max_age=60) == {"_user_id": "7:1:x", "_fresh": True}  # remembered, unchanged
    assert len(ours._verified) == 1
    tampered = signed[:-5] + ("A" if signed[-5] != "A" else "B") + signed[-4:]  # a character of the signature
    with pytest.raises(BadSignature):
        ours.loads(tampered, max_age=60)
    with pytest.raises(BadSignature):
        ours.loads(signed, max_age=60, salt="another salt")
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: real_time() + 120)  # two minutes on: too old for max_age 60
    with pytest.raises(SignatureExpired):
        ours.loads(signed, max_age=60)
    assert ours.loads(signed, max_age=600)["_fresh"] is True  # young enough for a longer limit
    value, when = ours.loads(signed, return_timestamp=True)
    assert when == stock.loads(signed, return_timestamp=True)[1]
    flashes = stock.dumps({"_flashes": [["message", "Saved"]]})
    ours.loads(flashes)["_flashes"].append(["message", "Changed"])  # a list: never remembered, read again each time
    assert ours.loads(flashes) == {"_flashes": [["message", "Saved"]]}
    assert len(ours._verified) == 1


def test_a_csrf_token_once_accepted_does_not_open_the_door_to_others(world, db):
    """The CSRF check remembers tokens it verified; a forged or another session's token is still refused
    after a good one was taken, with Flask-WTF's reason, and the good one is still taken after them."""
    app = create_app({"TESTING": True, "DATABASE": db.conn.execute("PRAGMA database_list").fetchone()[2],
                      "SECRET_KEY": "k", "FSRS_FUZZ": False})
    token = lambda html: re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)  # noqa: E731
    ana, ben = app.test_client(), app.test_client()
    for client, name in ((ana, "ana"), (ben, "ben")):
        page = client.get("/auth/login").get_data(as_text=True)
        assert client.post("/auth/login", data={"username": name, "password": PASSWORD,
                                                "csrf_token": token(page)}).status_code == 302
    url = f"/study/{world['session_id']}"
    good = token(ana.get(url).get_data(as_text=True))
    bens = token(ben.get("/").get_data(as_text=True))
    report = {"item_id": world["item_id"], "reason": "the question is unclear"}
    assert ana.post(url + "/report", data={**report, "csrf_token": good}).status_code == 302
    assert ana.post(url + "/report", data={**report, "csrf_token": good}).status_code == 302  # taken as remembered
    forged = good[:-5] + ("A" if good[-5] != "A" else "B") + good[-4:]
    for refused in (forged, bens, ""):
        reply = ana.post(url + "/report", data={**report, "csrf_token": refused})
        assert reply.status_code == 400 and "security token" in reply.get_data(as_text=True)
    assert ana.post(url + "/report", data={**report, "csrf_token": good}).status_code == 302
    assert db.execute("SELECT count(*) FROM reports").fetchone()[0] == 1  # one open report per student and item
