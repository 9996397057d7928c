"""A memory model per student: their own FSRS parameters, fitted in the background from their reviews.

Until a student has `FIT_THRESHOLD` answers they study with FSRS's default parameters. Then
a background job (a `jobs` row and a thread, as the teacher's question generation runs)
fits parameters with fsrs-rs (`fsrs_rs_python`) on all but their most recent answers, and
keeps them only if they predict those recent answers better (lower log loss) than the
parameters in use; otherwise, or when the fit fails, the student keeps what they had and a
log line says why. A new fit starts once the answers have grown by `REFIT_GROWTH` since the
last one. The claim of a fit is one write transaction, so the two server processes never
fit the same student twice at once.
"""
import datetime as dt
import functools
import logging
import threading
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from . import cards, jobs, scheduling, user_parameters
from .clock import from_iso, to_iso, utcnow
from .db import connect, write_transaction

try:
    import fsrs_rs_python as rs
except ImportError:  # without fsrs-rs every student keeps FSRS's defaults (and the log says so)
    rs = None

log = logging.getLogger(__name__)

FIT_THRESHOLD = 400  # answers before a student's own model is fitted (FSRS's own advice: several hundred)
REFIT_GROWTH = 1.25  # fit again once the answers have grown by a quarter since the last fit
RECENT_SHARE = 0.2  # the latest fifth of the answers judges a fit; the rest trains it
STALE_FIT = dt.timedelta(minutes=10)  # a fit still "running" after this died with its process
JOB_TITLE = "Memory model"


class FitFailed(Exception):
    """The reviews could not give parameters (too few spaced reviews, or the optimizer gave up)."""


@dataclass
class Fit:
    parameters: list  # clamped to the bounds `fsrs` accepts
    log_loss_default: float  # on the recent reviews
    log_loss_fitted: float
    log_loss_current: float  # of the parameters in use before this fit (the defaults on a first fit)
    reviews: int  # answers the fit saw in all (training and recent)


def histories(rows):
    """{item id: [(answered at, rating), ...]} oldest first, from `cards.review_history` rows."""
    found = {}
    for item_id, rating, answered_at in rows:
        found.setdefault(item_id, []).append((from_iso(answered_at), int(rating)))
    return found


def fsrs_items(card_histories, *, label_from=None, label_before=None, spaced_label=False):
    """fsrs-rs training items: each review after a card's first, with the card's history before it.

    Days between reviews are whole 24-hour periods, as `fsrs.Scheduler` counts them, so the
    parameters are fitted on the elapsed times they are later applied to. Only reviews whose
    time falls in [label_from, label_before) are labels; `spaced_label` keeps only those a day or
    more after the one before (the long-term reviews FSRS's benchmark scores)."""
    items = []
    for history in card_histories.values():
        reviews, gaps = [], []
        for index, (moment, rating) in enumerate(history):
            gap = 0 if index == 0 else (moment - history[index - 1][0]).days
            reviews.append(rs.FSRSReview(rating, gap))
            gaps.append(gap)
            if index == 0 or not any(gaps[1:]):  # fsrs-rs needs one spaced review in an item
                continue
            if (label_from and moment < label_from) or (label_before and moment >= label_before):
                continue
            if spaced_label and gap == 0:
                continue
            items.append(rs.FSRSItem(list(reviews)))
    return items


def fit_parameters(rows, *, current=None):
    """Fit FSRS parameters on `cards.review_history` rows; compare them on the recent reviews. Raises FitFailed."""
    if rs is None:
        raise FitFailed("fsrs-rs-python is not installed")
    card_histories = histories(rows)
    moments = sorted(moment for history in card_histories.values() for moment, _ in history)
    if len(moments) < 10:
        raise FitFailed(f"only {len(moments)} reviews")
    split = moments[int(len(moments) * (1 - RECENT_SHARE))]
    train = fsrs_items(card_histories, label_before=split)
    recent = fsrs_items(card_histories, label_from=split, spaced_label=True)
    if not train or not recent:
        raise FitFailed(f"too few reviews a day or more apart ({len(train)} to fit on, {len(recent)} to judge with)")
    defaults = list(scheduling.DEFAULT_PARAMETERS)
    try:
        fitted = scheduling.clamp_parameters(rs.FSRS(defaults).compute_parameters(train))
        losses = [rs.FSRS(parameters).evaluate(recent).log_loss for parameters in (defaults, fitted, current or defaults)]
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - fsrs-rs reports its own failures as pyo3 PanicException
        raise FitFailed(f"fsrs-rs: {type(error).__name__}: {error}") from error
    return Fit(fitted, *losses, reviews=len(moments))


def fit_is_due(db, user_id, now):
    """True when the student has enough answers, none of their fits is running, and they have grown since the last."""
    answers = cards.review_count(db, user_id)
    if answers < FIT_THRESHOLD:
        return False
    row = user_parameters.get_parameters(db, user_id)
    if row is None:
        return True
    job = jobs.get_job(db, row["job_id"], user_id) if row["job_id"] else None
    if job and job["state"] == "running" and from_iso(job["created_at"]) > now - STALE_FIT:
        return False
    return not row["fitted_reviews"] or answers >= row["fitted_reviews"] * REFIT_GROWTH


def claim_fit(db, user_id, now):
    """Record a fit job for this student if one is due (checked and recorded in one transaction); its id or None."""
    if not fit_is_due(db, user_id, now):  # the common case, without the write lock
        return None
    with write_transaction(db):
        if not fit_is_due(db, user_id, now):
            return None
        job_id = jobs.create_job(db, user_id, JOB_TITLE, "Fitting your memory model to your answers…")
        user_parameters.start_fit(db, user_id, job_id, to_iso(now))
    return job_id


def refit_if_due(db, database, user_id, now=None):
    """Start a background fit of the student's parameters when one is due; returns the thread, or None."""
    job_id = claim_fit(db, user_id, now or utcnow())
    if job_id is None:
        return None
    thread = threading.Thread(target=run_fit, args=(database, user_id, job_id), daemon=True)
    thread.start()
    return thread


def run_fit(database, user_id, job_id):
    """The background job: fit, keep the parameters only if they predict better, record how it went."""
    db = connect(database)
    try:
        rows = cards.review_history(db, user_id)
        row = user_parameters.get_parameters(db, user_id)
        current = user_parameters.own_parameters(row)
        try:
            fit = fit_parameters(rows, current=current)
        except FitFailed as error:
            kept = "their own parameters" if current else "FSRS's default parameters"
            log.warning("Memory model of user %s: the fit of %s reviews failed (%s); keeping %s",
                        user_id, len(rows), error, kept)
            user_parameters.finish_fit(db, user_id, reviews=len(rows), parameters=current, since=row["since"],
                                       log_loss_default=None, log_loss_fitted=None, message=f"Fit failed: {error}")
            jobs.finish_job(db, job_id, state="failed", message=f"The fit failed: {error}")
            return
        better = fit.log_loss_fitted < fit.log_loss_default and fit.log_loss_fitted <= fit.log_loss_current
        if better:
            parameters, since = fit.parameters, row["since"] or to_iso(utcnow())
            message = (f"Own parameters: log loss {fit.log_loss_fitted:.4f} against {fit.log_loss_default:.4f} "
                       f"for the defaults on the recent reviews")
            log.info("Memory model of user %s: %s (%s reviews)", user_id, message, fit.reviews)
        else:
            parameters, since = current, row["since"] if current else None
            kept = "their own parameters" if current else "FSRS's default parameters"
            message = (f"Kept {kept}: the fit's log loss {fit.log_loss_fitted:.4f} on the recent reviews is no better "
                       f"than {min(fit.log_loss_default, fit.log_loss_current):.4f}")
            log.warning("Memory model of user %s: %s (%s reviews)", user_id, message, fit.reviews)
        user_parameters.finish_fit(db, user_id, reviews=fit.reviews, parameters=parameters, since=since,
                                   log_loss_default=fit.log_loss_default, log_loss_fitted=fit.log_loss_fitted,
                                   message=message)
        jobs.finish_job(db, job_id, state="done", message=message)
    except Exception:  # noqa: BLE001 - a thread's error reaches no one else: log it, retry only after growth
        log.exception("Memory model of user %s: the fit job %s failed; keeping the parameters in use", user_id, job_id)
        user_parameters.note_attempt(db, user_id, cards.review_count(db, user_id), "The fit failed unexpectedly.")
        jobs.finish_job(db, job_id, state="failed", message="The fit failed unexpectedly (see the log).")
    finally:
        db.close()


@functools.lru_cache(maxsize=512)
def _scheduler(parameters, fuzz):
    return scheduling.make_scheduler(fuzz=fuzz, parameters=parameters)


def scheduler_for(db, user_id, *, fuzz):
    """The student's own FSRS scheduler, or None while they use the defaults."""
    parameters = user_parameters.own_parameters(user_parameters.get_parameters(db, user_id))
    return _scheduler(tuple(parameters), fuzz) if parameters else None


def model_status(db, user):
    """{'since': local date} while the student studies with their own parameters, else None."""
    row = user_parameters.get_parameters(db, user.id)
    if not user_parameters.own_parameters(row) or not row["since"]:
        return None
    return {"since": from_iso(row["since"]).astimezone(ZoneInfo(user.timezone or "UTC")).date()}
