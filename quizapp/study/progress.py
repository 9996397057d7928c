"""The student's progress page, as a study app shows it: the reviews coming due, true retention, each article.

True retention is the share of answers to cards already learned that were right: an answer counts
when the card's previous answer had sent it away for a day or more (FSRS's learning and
relearning steps are minutes, so those answers are of cards still being learned). Graded answers
decide accuracy and retention; flashcards are rated by the student and are counted apart.
"""
import datetime as dt
from zoneinfo import ZoneInfo

from .. import review_log
from ..clock import from_iso, to_iso
from ..figures import percent

LEARNED_AFTER = dt.timedelta(days=1)


def local_day_start(day, tz):
    """Midnight at the start of the local `day`, in UTC."""
    return dt.datetime.combine(day, dt.time(), tzinfo=tz).astimezone(dt.timezone.utc)


def forecast(db, user_id, timezone, now, *, days=30):
    """Reviews due per local day from today on, for `days` days: [{"day", "due"}]; overdue cards count today."""
    tz = ZoneInfo(timezone or "UTC")
    today = now.astimezone(tz).date()
    counts = [0] * days
    for due in review_log.due_times(db, user_id, to_iso(local_day_start(today + dt.timedelta(days=days), tz))):
        counts[max((from_iso(due).astimezone(tz).date() - today).days, 0)] += 1
    return [{"day": today + dt.timedelta(days=i), "due": n} for i, n in enumerate(counts)]


def learned_answers(rows):
    """The answers of `review_log.history` rows that were to cards already learned: a list of the rows."""
    learned, previous = [], None
    for row in rows:
        item_id, _, answered_at, _, _, _ = row
        if previous is not None and previous[0] == item_id and \
                from_iso(previous[3]) - from_iso(previous[2]) >= LEARNED_AFTER:
            learned.append(row)
        previous = row
    return learned


def week_start(moment, tz):
    """The Monday of the local week of `moment`."""
    day = from_iso(moment).astimezone(tz).date()
    return day - dt.timedelta(days=day.weekday())


def retention_per_week(rows, timezone, now, *, weeks=8):
    """True retention of graded answers per local week (Monday first), the last `weeks` weeks, oldest first,
    from the first week with such an answer: [{"week", "reviews", "right", "retention" (a whole percentage or None)}]."""
    tz = ZoneInfo(timezone or "UTC")
    this_week = week_start(to_iso(now), tz)
    per_week = {this_week - dt.timedelta(weeks=i): [0, 0] for i in reversed(range(weeks))}
    for _, _, answered_at, _, correct, self_rated in learned_answers(rows):
        week = week_start(answered_at, tz)
        if not self_rated and week in per_week:
            per_week[week][0] += 1
            per_week[week][1] += correct
    shown = [{"week": week, "reviews": n, "right": right, "retention": percent(right / n) if n else None}
             for week, (n, right) in per_week.items()]
    while shown and not shown[0]["reviews"]:
        shown.pop(0)  # weeks before the first answer to a learned item are no news to a student who just began
    return shown


def per_article(db, user_id, rows, timezone, now):
    """One dict per article the student has met: items met of the article's, due in the next 7 days,
    graded answers and accuracy, true retention, self-rated answers."""
    tz = ZoneInfo(timezone or "UTC")
    week_end = local_day_start(now.astimezone(tz).date() + dt.timedelta(days=7), tz)
    figures = {}
    for _, article_id, _, _, correct, self_rated in rows:
        article = figures.setdefault(article_id, {"graded": 0, "right": 0, "self_rated": 0, "learned": 0,
                                                  "learned_right": 0})
        article["self_rated" if self_rated else "graded"] += 1
        article["right"] += 0 if self_rated else correct
    for _, article_id, _, _, correct, self_rated in learned_answers(rows):
        if not self_rated:
            figures[article_id]["learned"] += 1
            figures[article_id]["learned_right"] += correct
    result = []
    for article_id, title, items, met, due in review_log.cards_per_article(db, user_id, to_iso(week_end)):
        article = figures.get(article_id, {"graded": 0, "right": 0, "self_rated": 0, "learned": 0, "learned_right": 0})
        result.append({
            "article_id": article_id, "title": title, "questions": items, "met": met, "due_week": due,
            "answers": article["graded"], "right": article["right"], "self_rated": article["self_rated"],
            "accuracy": percent(article["right"] / article["graded"]) if article["graded"] else None,
            "retention": percent(article["learned_right"] / article["learned"]) if article["learned"] else None,
        })
    return result


def study_progress(db, user, now, *, weeks=8):
    """What the progress page shows beside the daily figures: the forecast (7 and 30 days), true retention
    per week and overall, and the breakdown per article."""
    rows = review_log.history(db, user.id)
    days = forecast(db, user.id, user.timezone, now, days=30)
    learned = [row for row in learned_answers(rows) if not row[5]]
    right = sum(row[4] for row in learned)
    return {
        "forecast": days,
        "due_7": sum(day["due"] for day in days[:7]),
        "due_30": sum(day["due"] for day in days),
        "retention": percent(right / len(learned)) if learned else None,
        "retention_reviews": len(learned),
        "weeks": retention_per_week(rows, user.timezone, now, weeks=weeks),
        "articles": per_article(db, user.id, rows, user.timezone, now),
    }
