"""Student pages: the dashboard, study sessions (quiz and flashcards), progress."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .. import charts, display, memory_model
from ..clock import local_label
from ..db import MAX_ROWID, get_db
from ..extensions import get_scheduler, utcnow
from ..forms import options
from . import bp, services
from . import overrule as overruling
from .progress import study_progress
from .forms import AnswerPost, JoinForm, RatePost, ReportForm, StartStudyForm


def start_form(db):
    """The start form with today's article choices."""
    form = StartStudyForm(size=current_app.config["SESSION_SIZE"])
    form.article.choices = options(services.article_choices(db))
    return form


def index():
    """The start page: a welcome to visitors, the study dashboard to a logged-in user."""
    if not current_user.is_authenticated:
        return render_template("welcome.html")
    db = get_db()
    figures = services.dashboard(db, current_user, utcnow(), new_per_day=current_app.config["NEW_PER_DAY"])
    return render_template("study/dashboard.html", form=start_form(db), **figures)


@bp.route("/start", methods=["POST"])
@login_required
def start():
    """Start a session of due and new items, or say when the next is due."""
    db = get_db()
    form = start_form(db)
    if not form.validate_on_submit():
        for errors in form.errors.values():
            flash(" ".join(errors))
        return redirect(url_for("index"))
    session_id, note = services.start_study(
        db, current_user, utcnow(), mode=form.mode.data, article_id=form.article.data or None,
        size=form.size.data, new_per_day=current_app.config["NEW_PER_DAY"],
        reviews_per_day=current_app.config["REVIEWS_PER_DAY"],
    )
    memory_model.refit_if_due(db, current_app.config["DATABASE"], current_user.id)  # in the background
    if session_id is None:
        when = services.next_due(db, current_user.id, form.article.data or None)
        flash("Nothing to study right now. " + note if note else
              "Nothing to study right now." +
              (f" Your next item is due {local_label(when, current_user.timezone)}." if when else ""))
        return redirect(url_for("index"))
    if note:
        flash(note)
    return redirect(url_for("study.session", session_id=session_id))


def own_session(session_id):
    """The logged-in student's session, or 404."""
    session = services.get_session(get_db(), current_user.id, session_id)
    if session is None:
        abort(404)
    return session


@bp.route("/<int:session_id>")
@login_required
def session(session_id):
    """The item being shown (question or flashcard), or the summary at the end."""
    db = get_db()
    state = own_session(session_id)
    shown = services.show_current(db, get_scheduler(current_user.id), state, utcnow())
    if shown is None:
        return render_template("study/summary.html", summary=services.session_summary(db, session_id))
    template = "study/flashcard.html" if state["mode"] == "flashcards" else "study/question.html"
    return render_template(template, session=state, **shown, reveal=request.args.get("show") == "1")


def _item_id(text):
    try:
        item_id = int(text)
    except (TypeError, ValueError):  # a missing or non-numeric hidden field
        item_id = None
    if item_id is None or not 0 < item_id <= MAX_ROWID:  # SQLite's integers end at 2**63 - 1
        abort(400, "That answer does not belong to any question.")
    return item_id


@bp.route("/<int:session_id>/answer", methods=["POST"])
@login_required
def answer(session_id):
    """Check a quiz answer; the card in place for app.js, else back to the page."""
    own_session(session_id)
    form = AnswerPost(request.form)
    if form.errors:
        abort(400, " ".join(form.errors))
    response = "" if "dont_know" in request.form else (form.choice or form.response or "")
    if not response.strip() and "dont_know" not in request.form:
        return _empty_answer(session_id)
    try:
        _, state, item, review = services.answer(get_db(), session_id, _item_id(form.item_id), response.strip(), utcnow())
    except services.AlreadyRecorded as done:
        if not _in_place():
            flash(str(done))
    except services.NotCurrentItem as wrong:
        abort(400, str(wrong))
    else:
        return _card_or_redirect(session_id, state, item, review)  # the feedback from what the answer wrote: no re-read
    return _card_or_redirect(session_id)


EMPTY_ANSWER = "Pick or type an answer before checking it."


def _empty_answer(session_id):
    """An empty "Check answer": the question again, saying so next to the field (400)."""
    state = own_session(session_id)
    shown = services.show_current(get_db(), get_scheduler(current_user.id), state, utcnow())
    if shown is None or shown["review"] is not None:
        return redirect(url_for("study.session", session_id=session_id))
    if _in_place():
        return _card(session=state, **shown, answer_error=EMPTY_ANSWER), 400
    return render_template("study/question.html", session=state, **shown, answer_error=EMPTY_ANSWER), 400


@bp.route("/answers/<int:review_id>/right", methods=["POST"])
@login_required
def overrule(review_id):
    """"I was right": re-grade the student's own wrong typed answer as right, once."""
    try:
        session_id = overruling.overrule_answer(get_db(), current_user.id, review_id, utcnow())
    except overruling.UnknownAnswer:
        abort(404)
    except overruling.NotYourAnswer:
        abort(403)
    except overruling.AlreadyOverruled as done:
        session_id = done.session_id
        if not _in_place():
            flash(str(done))
    except overruling.CannotOverrule as refused:
        abort(400, str(refused))
    return _card_or_redirect(session_id)


CARD = "study/_question_card.html"


def _card(**context):
    """The question card alone, as app.js asks for it: rendered by Jinja without Flask's context processors.

    The card reads only what it is given and Jinja's globals (url_for, csrf_token); the processors would add
    current_user and the like, which it never reads, on every answer and rating. Its session's URL comes
    from `_session_url`."""
    context.setdefault("session_url", _session_url(context["session"]["id"]))
    return display.render_alone(current_app.jinja_env.get_template(CARD), context)


_session_urls = {}
SESSION_URLS_KEPT = 4096


def _session_url(session_id):
    """`url_for('study.session', session_id=...)`, worked out once per session and script root (the prefix a
    proxy serves the app under): the URL depends on nothing else, and every answer and rating of the session
    renders it."""
    key = (request.script_root, session_id)
    url = _session_urls.get(key)
    if url is None:
        if len(_session_urls) >= SESSION_URLS_KEPT:
            _session_urls.clear()
        url = _session_urls[key] = url_for("study.session", session_id=session_id)
    return url


def _in_place():
    """app.js asks for the card alone: feedback and the next question without a page load."""
    return request.headers.get("X-Requested-With") == "fetch"


def _card_or_redirect(session_id, state=None, item=None, review=None):
    """After an answer or a rating: the quiz card as it is now for app.js, else the page (PRG).

    `state` (and `item`, the item it shows, and `review`, its answer's): the session row as the request's own
    write left it, when it has it."""
    if _in_place():
        state = state or own_session(session_id)
        scheduler = get_scheduler(current_user.id) if services.needs_scheduler(state) else None
        shown = (services.show_current(get_db(), scheduler, state, utcnow(), item=item, review=review)
                 if state["mode"] == "quiz" else None)
        if shown is not None:
            return _card(session=state, **shown)
    return redirect(url_for("study.session", session_id=session_id))  # the summary, a flashcard: a page


@bp.route("/<int:session_id>/rate", methods=["POST"])
@login_required
def rate(session_id):
    """Rate the shown item and move on."""
    state = own_session(session_id)
    form = RatePost(request.form)
    if form.errors:
        abort(400, "The rating could not be read.")
    try:
        moved = services.rate(get_db(), session_id, _item_id(form.item_id), form.rating, utcnow(),
                              scheduler=get_scheduler(current_user.id) if _in_place() else None, state=state)
    except services.AlreadyRecorded as done:
        if not _in_place():
            flash(str(done))
    except (services.NotCurrentItem, services.UnknownRating) as wrong:
        abort(400, str(wrong))
    else:
        if moved is not None:
            return _card_or_redirect(session_id, *moved)  # the next question from what the rating wrote: no re-read
    return _card_or_redirect(session_id)


@bp.route("/progress")
@login_required
def progress():
    """The student's figures and answers per day, the reviews coming due, true retention, each article."""
    db, now = get_db(), utcnow()
    stats = services.progress(db, current_user, now, days=14)
    more = study_progress(db, current_user, now)
    return render_template("study/progress.html", stats=stats, chart=charts.daily_answers_svg(stats["days"]),
                           more=more, forecast_chart=charts.forecast_svg(more["forecast"]),
                           memory=memory_model.model_status(db, current_user))


@bp.route("/<int:session_id>/report", methods=["POST"])
@login_required
def report(session_id):
    """A student flags the question they are looking at, with a short reason."""
    state = own_session(session_id)
    form = ReportForm()
    item_id = _item_id(form.item_id.data)
    if item_id not in services.seen_item_ids(state):
        abort(400, "You can only report a question from your own session.")
    if not form.validate_on_submit():
        flash(" ".join(form.reason.errors) or "Say in a few words what is wrong.")
    else:
        try:
            new = services.report_problem(get_db(), item_id, current_user.id, form.reason.data, utcnow(),
                                          per_hour=current_app.config["REPORTS_PER_HOUR"])
        except services.TooManyReports as refused:
            flash(str(refused))
        else:
            flash("Thank you: your teacher will look at this question." if new else
                  "You have reported this question already: your teacher will look at it.")
    return redirect(url_for("study.session", session_id=session_id))


@bp.route("/join", methods=["GET", "POST"])
@login_required
def join():
    """A student joins a class with the code their teacher gave them."""
    if current_user.is_teacher:
        abort(403)
    form = JoinForm(code=request.args.get("code", "")[:20])  # the class page's join link fills the code in
    if form.validate_on_submit():
        row, joined = services.join_class(get_db(), current_user.id, form.code.data)
        if row is None:
            form.code.errors.append("No class has that code. Check it with your teacher.")
        else:
            flash(f"You are in {row['name']}." if joined else f"You were already in {row['name']}.")
            return redirect(url_for("index"))
    return render_template("study/join.html", form=form), 400 if form.errors else 200
