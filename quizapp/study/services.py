"""Studying: what to study, showing an item, answering, rating, summaries and progress.

The four FSRS outcomes of an item are computed when it is first shown and kept on the
session, so the intervals on the buttons are the ones applied. Every step that reads
and then writes runs in one write transaction, so a double click or a resubmitted
form records one answer, never two. A card is saved once per decision: the checked
answer (Again if wrong, Good if right), then only if the student rates a right
answer Hard or Easy instead of Good.
"""
import datetime as dt
from zoneinfo import ZoneInfo

from .. import articles, assignments, cards, classes, feedback, grading, items, reports, scheduling, study_sessions
from . import planning
from ..clock import from_iso, to_iso
from ..db import write_transaction
from ..figures import percent
from . import overrule


# A missed item comes back in the same session after this many other items (fewer when fewer are left).
RELEARN_AFTER = 3


class NotCurrentItem(Exception):
    """The answer is for an item that is not the one being shown."""


class AlreadyRecorded(Exception):
    """The answer or rating was already recorded (double click, back and resubmit)."""


class UnknownRating(Exception):
    """The rating is not one of Again, Hard, Good or Easy."""


class TooManyReports(Exception):
    """The student has sent as many problem reports as an hour allows."""


def report_problem(db, item_id, user_id, reason, now, *, per_hour):
    """Record a student's report; False when they have one open on this item already (nothing stored).

    TooManyReports past `per_hour` reports in the last hour; checked and stored in one transaction."""
    with write_transaction(db):
        if reports.has_open_report(db, item_id, user_id):
            return False
        if reports.reports_since(db, user_id, now - dt.timedelta(hours=1)) >= per_hour:
            raise TooManyReports("You have sent many reports in the last hour; your teacher will read them first. "
                                 "Try again later.")
        reports.report_problem(db, item_id, user_id, reason, now)
    return True


def local_midnight(now, timezone):
    """The start of the user's local day containing `now`, in UTC."""
    local = now.astimezone(ZoneInfo(timezone or "UTC"))
    start = local.replace(hour=0, minute=0, second=0, microsecond=0)
    return start.astimezone(dt.timezone.utc)


def new_items_today(db, user_id, now, timezone):
    """How many items this user met for the first time since local midnight."""
    return cards.answers_since(db, user_id, to_iso(local_midnight(now, timezone)), new=1)


def plan_session(db, user, now, *, article_id=None, size=10, new_per_day=20, reviews_per_day=200):
    """The item ids of a new session: one per fact, due facts first, then new ones (see `planning.plan`)."""
    return plan_study(db, user, now, article_id=article_id, size=size, new_per_day=new_per_day,
                      reviews_per_day=reviews_per_day).item_ids


def plan_study(db, user, now, *, article_id=None, size=10, new_per_day=20, reviews_per_day=200):
    """A `planning.Plan`: the session's items and, when fewer than `size`, the sentence saying why."""
    return planning.plan(db, user, now, local_midnight(now, user.timezone), article_id=article_id, size=size,
                         new_per_day=new_per_day, reviews_per_day=reviews_per_day)


def start_session(db, user, now, *, mode="quiz", article_id=None, size=10, new_per_day=20, reviews_per_day=200):
    """Create a session and return its id, or None when nothing is due or new."""
    return start_study(db, user, now, mode=mode, article_id=article_id, size=size, new_per_day=new_per_day,
                       reviews_per_day=reviews_per_day)[0]


def start_study(db, user, now, *, mode="quiz", article_id=None, size=10, new_per_day=20, reviews_per_day=200):
    """(session id or None when there is nothing to study, the sentence saying why it is shorter than asked)."""
    plan = plan_study(db, user, now, article_id=article_id, size=size, new_per_day=new_per_day,
                      reviews_per_day=reviews_per_day)
    if not plan.item_ids:
        return None, plan.note
    return study_sessions.create_session(db, user.id, plan.item_ids, mode=mode, article_id=article_id,
                                         created_at=to_iso(now)), plan.note


def next_due(db, user_id, article_id=None):
    """When the next card of this user comes due, or None."""
    return from_iso(cards.next_due(db, user_id, article_id))


def get_session(db, user_id, session_id):
    """The user's own session row, or None (another student's session is not theirs)."""
    return study_sessions.get_session(db, session_id, user_id)


def current_item_id(session):
    """The id of the item at the session's position, or None past the end."""
    queue = study_sessions.item_ids(session)
    return queue[session["position"]] if session["position"] < len(queue) else None


def seen_item_ids(state):
    """The items this session has shown so far, the current one included."""
    return study_sessions.item_ids(state)[: state["position"] + 1]


def needs_scheduler(session):
    """Whether `show_current` may have to compute outcomes (the item shown has none kept yet): else it needs no scheduler."""
    stored = study_sessions.stored_outcomes(session)
    return current_item_id(session) is not None and (stored is None or stored["item_id"] != current_item_id(session))


def show_current(db, scheduler, session, now, *, item=None, review=None):
    """What the student sees now: the item, its outcomes (made once), and the answer if checked.

    `item`: the item being shown when the caller has just read it (else it is read here); `review`: likewise,
    the review of its answer. Returns None when the session is over."""
    item_id = current_item_id(session)
    if item_id is None:
        return None
    stored = study_sessions.stored_outcomes(session)
    review_id = session["review_id"]
    if stored is None or stored["item_id"] != item_id:
        with write_transaction(db):  # first showing: compute the four outcomes once, under the write lock
            fresh = study_sessions.get_session(db, session["id"])
            stored = study_sessions.stored_outcomes(fresh)
            if stored is None or stored["item_id"] != item_id:
                stored = _show(db, scheduler, session["id"], session["user_id"], item_id, now)
            review_id = fresh["review_id"]
    intervals = scheduling.IntervalLabels(stored["ratings"], now)
    if item is None or item["id"] != item_id:
        item = items.get_item(db, item_id)
    if review is None or review["id"] != review_id:
        review = cards.get_review(db, review_id) if review_id else None
    return {
        "item": item,
        "review": review,
        "spelled": _spelled(item, review),
        "choices": feedback.choice_order(item["choices"], showing=f"{session['id']}:{session['position']}:{item_id}"),
        "can_overrule": overrule.can_overrule(item, review),
        "intervals": intervals,
        "number": session["position"] + 1,
        "total": len(study_sessions.item_ids(session)),
    }


def _spelled(item, review):
    """How the key spells a right answer that was accepted for a typo (None when it was spelled right)."""
    if review is None or not review["correct"] or not review["response"]:
        return None
    return grading.grade_answer(item, review["response"]).spelled


def _show(db, scheduler, session_id, user_id, item_id, now, prepared=None):
    """Inside a write transaction: the four outcomes of `item_id`, computed once and kept on the session.

    `prepared` is what `_outcomes` worked out before the transaction began; it is used
    when the card has not changed since, so the scheduler's work stays outside the lock."""
    outcomes = _current_outcomes(db, scheduler, user_id, item_id, now, prepared)
    study_sessions.keep_outcomes(db, session_id, outcomes, to_iso(now))
    return outcomes


def _current_outcomes(db, scheduler, user_id, item_id, now, prepared=None, item=None):
    """Inside a write transaction: the four outcomes of `item_id` for the fact's card as it is now (`prepared`'s
    when that card has not changed since they were worked out). `item`: its row, when the caller has it."""
    row = cards.fact_card(db, user_id, item_id, item=item)
    if prepared is None or prepared[0] != (item_id, row):
        prepared = _outcomes(scheduler, item_id, now, row)
    return prepared[1]


def _outcomes(scheduler, item_id, now, row):
    """((item id, card row), the outcomes to keep) for the fact's card in `row` (None: a fact never studied)."""
    card = scheduling.card_from_row(row, card_id=item_id)
    return (item_id, row), {"item_id": item_id, "ratings": scheduling.outcomes(scheduler, card, now),
                            "new_fact": row is None,
                            "before": row["state"] if row else None}  # "I was right" undoes a lapse it caused


def _prepare_next(db, scheduler, session_id, now):
    """Before the write lock: the outcomes of the item after the current one, or None."""
    prepared = _prepare_next_item(db, scheduler, session_id, now)
    return prepared and prepared[0]


def _prepare_next_item(db, scheduler, session_id, now, state=None):
    """Before the write lock: (the outcomes of the item after the current one, that item), or None.

    `state`: the session row the caller read just before (else it is read here); either way it is
    read without the lock, and checked again under it."""
    state = state or study_sessions.get_session(db, session_id)
    queue = study_sessions.item_ids(state)
    upcoming = state["position"] + 1
    if upcoming >= len(queue):
        return None
    item = items.get_item(db, queue[upcoming])
    return _outcomes(scheduler, queue[upcoming], now, cards.fact_card(db, state["user_id"], queue[upcoming], item=item)), item


def _guard(state, item_id):
    """Raise unless `item_id` is the item being shown in this session."""
    if item_id == current_item_id(state) and state["outcomes"]:
        return
    if item_id in study_sessions.item_ids(state)[: state["position"]]:
        raise AlreadyRecorded("That answer was already recorded.")
    raise NotCurrentItem("That is not the question being shown. Answer the question on the page.")


def _record(db, state, item_id, rating, now, *, correct, response, row=False):
    """Save the card for `rating` and add its review row; returns the review id (with `row`, the row)."""
    stored = study_sessions.stored_outcomes(state)
    outcome = stored["ratings"][rating]
    was_new = cards.save_card(db, state["user_id"], item_id, outcome, rating=rating)
    was_new = was_new and stored.get("new_fact", True)  # a new form of a known fact is no new item for the limit
    shown = from_iso(state["shown_at"]) or now
    return cards.record_review(
        db, user_id=state["user_id"], item_id=item_id, session_id=state["id"],
        rating=int(scheduling.RATINGS[rating]), correct=correct, response=response, answered_at=to_iso(now),
        duration_ms=int(max((now - shown).total_seconds(), 0) * 1000), next_due=outcome["due"], was_new=was_new,
        self_rated=state["mode"] == "flashcards", row=row,
    )


def check_answer(db, session_id, item_id, response, now):
    """Grade a quiz answer on the spot and schedule it (Again if wrong, Good if right).

    The grading happens before the write lock is taken; under it, only the checks and the writes."""
    return answer(db, session_id, item_id, response, now)[0]


def answer(db, session_id, item_id, response, now):
    """`check_answer`, returning (right?, the session row as this answer left it, the item, the review row
    stored): what the feedback shows, without reading them again."""
    item = items.get_item(db, item_id)
    if item is None:
        raise NotCurrentItem("That is not the question being shown. Answer the question on the page.")
    correct = grading.is_answer_correct(item, response)
    with write_transaction(db):
        state = study_sessions.get_session(db, session_id)
        _guard(state, item_id)
        if state["review_id"]:
            raise AlreadyRecorded("That answer was already recorded.")
        review = _record(db, state, item_id, "Good" if correct else "Again", now, correct=correct,
                         response=response or "", row=True)
        study_sessions.keep_review(db, session_id, review["id"])
    return correct, {**state, "review_id": review["id"]}, item, review


def rate(db, session_id, item_id, rating, now, scheduler=None, *, state=None):
    """Apply the student's rating and move on to the next item.

    In a quiz the answer is already recorded: a right answer may be re-rated Hard,
    Good or Easy, a wrong one stays Again. On a flashcard the
    rating is the answer. With a `scheduler` the next item is shown in the same
    transaction (its outcomes made now), for the card that goes straight back to the student;
    then it returns (the session row as this rating left it, the item shown next or None), else None.
    `state`: the session row the caller has just read (without the lock), to prepare the next item from."""
    if rating not in scheduling.RATINGS:
        raise UnknownRating("Choose one of Again, Hard, Good or Easy.")
    prepared = _prepare_next_item(db, scheduler, session_id, now, state) if scheduler is not None else None
    with write_transaction(db):
        state = study_sessions.get_session(db, session_id)
        _guard(state, item_id)
        queue = study_sessions.item_ids(state)
        if state["review_id"]:
            review = cards.get_review(db, state["review_id"])
            if review["correct"] and rating not in ("Again", "Good"):
                _rerate_right_answer(db, state, item_id, review, rating)
            missed = not review["correct"]
        elif state["mode"] == "flashcards":
            _record(db, state, item_id, rating, now, correct=rating != "Again", response=None)
            missed = rating == "Again"
        elif state["position"] and queue[state["position"] - 1] == item_id:
            raise AlreadyRecorded("That answer was already recorded.")  # a missed item back at once, rated twice
        else:
            raise NotCurrentItem("Check your answer before rating it.")
        position = state["position"] + 1
        queue_text = state["item_ids"]
        if missed:
            queue = relearn(queue, state["position"])
            queue_text = study_sessions.queue_text(queue)
        finished_at = to_iso(now) if position >= len(queue) else None
        shows_next = scheduler is not None and position < len(queue)  # the next item shown in this transaction
        item = prepared[1] if shows_next and prepared and prepared[1] and prepared[1]["id"] == queue[position] else None
        outcomes = (_current_outcomes(db, scheduler, state["user_id"], queue[position], now, prepared and prepared[0],
                                      item) if shows_next else None)
        kept = study_sessions.move_to(db, session_id, position, finished_at=finished_at,
                                      item_ids=queue if missed else None, outcomes=outcomes, shown_at=to_iso(now))
        if scheduler is None:
            return None
        return {**state, "position": position, "item_ids": queue_text, "outcomes": kept,
                "shown_at": to_iso(now) if kept else None, "review_id": None, "finished_at": finished_at}, item


def relearn(queue, position):
    """The queue with the missed item at `position` back after RELEARN_AFTER others, or at once when none are left:
    as FSRS's learning steps intend, it comes back in this session until answered right."""
    return [*queue[: position + 1 + RELEARN_AFTER], queue[position], *queue[position + 1 + RELEARN_AFTER:]]


def _rerate_right_answer(db, state, item_id, review, rating):
    """The student rated a right answer Hard or Easy: its card and review take that rating instead of Good."""
    outcome = study_sessions.stored_outcomes(state)["ratings"][rating]
    cards.save_card(db, state["user_id"], item_id, outcome, rating=rating, revise=True)
    cards.change_review_rating(db, review["id"], int(scheduling.RATINGS[rating]), outcome["due"])


def session_summary(db, session_id):
    """Score on first tries, missed items with their answers, and per item its tries and when it comes back.

    The score counts graded answers only: a flashcard is self-rated, so its ratings are counted apart
    (`self_rated`, `self_ratings`), never as right answers (as in the answer summaries)."""
    rows = cards.session_reviews(db, session_id)
    per_item = {}
    for row in rows:  # oldest first: an item's first try, then its tries after it was missed
        per_item.setdefault(row["item_id"], []).append(row)
    summary_rows = [{**tries[-1], "tries": len(tries), "first": tries[0]} for tries in per_item.values()]
    graded = [row for row in summary_rows if not row["first"]["self_rated"]]
    self_rated = [row for row in summary_rows if row["first"]["self_rated"]]
    correct = sum(row["first"]["correct"] for row in graded)
    ratings = {name: 0 for name in scheduling.RATINGS}
    for row in self_rated:
        ratings[scheduling.RATING_NAMES[row["first"]["rating"]]] += 1
    return {
        "answered": len(graded),
        "correct": correct,
        "percent": percent(correct / len(graded)) if graded else 0,
        "missed": [{**row, "response": row["first"]["response"]} for row in graded if not row["first"]["correct"]],
        "reviews": summary_rows,
        "tries": sum(row["tries"] for row in graded),
        "self_rated": len(self_rated),
        "self_ratings": ratings,  # first rating of each flashcard: Again, Hard, Good, Easy
    }


def progress(db, user, now, *, days=14):
    """Items seen, due today and this week, and answers and accuracy per local day.

    Accuracy counts graded answers only: a flashcard is self-rated, counted apart (`self_rated`)."""
    tz = ZoneInfo(user.timezone or "UTC")
    midnight = local_midnight(now, user.timezone)
    seen, due_today, due_week = cards.card_counts(
        db, user.id, to_iso(midnight + dt.timedelta(days=1)), to_iso(midnight + dt.timedelta(days=7)))
    start = midnight - dt.timedelta(days=days - 1)
    per_day = {(start + dt.timedelta(days=i)).astimezone(tz).date(): [0, 0, 0] for i in range(days)}
    for answered_at, correct, self_rated in cards.answers_by_time(db, user.id, to_iso(start)):
        day = from_iso(answered_at).astimezone(tz).date()
        if day in per_day:
            per_day[day][2 if self_rated else 0] += 1
            per_day[day][1] += 0 if self_rated else correct
    answers, right, self_rated = cards.answer_totals(db, user.id)
    return {
        "seen": seen,
        "due_today": due_today,
        "due_week": due_week,
        "answers": answers,
        "self_rated": self_rated,
        "accuracy": percent(right / answers) if answers else None,
        "days": [{"day": day, "answers": a, "correct": c, "self_rated": r} for day, (a, c, r) in per_day.items()],
    }


def dashboard(db, user, now, *, new_per_day):
    """What the student's start page shows: today's figures, new items left, the next due time."""
    return {
        "stats": progress(db, user, now, days=1),
        "new_left": max(new_per_day - new_items_today(db, user.id, now, user.timezone), 0),
        "next_due": next_due(db, user.id),
        "assignments": assignments.student_assignments(db, user.id),
    }


def join_class(db, user_id, code):
    """Put the student in the class with this code; returns (class row, newly joined) or (None, False)."""
    row = classes.class_by_code(db, code)
    if row is None:
        return None, False
    return row, classes.add_member(db, row["id"], user_id)


def article_choices(db):
    """(article id, label) for the start form: all articles, then each one with approved items."""
    return [(0, "All articles")] + [(row["id"], f"{row['title']} ({row['n']} items)")
                                    for row in articles.studyable_articles(db)]
