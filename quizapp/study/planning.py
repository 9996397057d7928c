"""Choosing a session's items: one item per fact, its form grown with what the student knows, custom study.

Items that ask one fact (`items.FACT_KEY_SQL`) are one card for scheduling: the fact's card is the
latest-reviewed card of any of its items (`cards.latest_fact_cards`), and the item shown for the fact is
chosen from it: recognition while the fact is new or lapsed, a blank to fill once it is learned, recall
once it is stable. A session never holds two items of one fact or of one source sentence.
Studying one article is Anki's custom study: past the daily new-items limit, and ahead of due dates.
"""
import dataclasses

from .. import cards, items
from ..clock import local_label, to_iso

# A learned fact (FSRS state Review) this stable, in days, is asked as recall (a short answer), no longer a blank.
RECALL_STABILITY_DAYS = 21
# How much a kind asks of the student: recognise the answer, fill it into the sentence, recall it from the question.
RECOGNITION, CLOZE, RECALL = 0, 1, 2
LEVELS = {"true_false": RECOGNITION, "multiple_choice": RECOGNITION, "fill_blank": CLOZE, "short_answer": RECALL}


@dataclasses.dataclass
class Plan:
    """The items of a new session, and the one sentence saying why there are fewer than asked (None if not)."""
    item_ids: list
    note: str | None = None


def level_for(card, *, lapsed=False):
    """The form a fact is asked in, by its card (None: never studied). `lapsed`: missed at its first try in its
    latest session (a missed item relearned in the session is back in Review, but asked as recognition next)."""
    if card is None or card["state"] != cards.REVIEW_STATE or lapsed:
        return RECOGNITION  # new, still learning, or lapsed
    return RECALL if (card["stability"] or 0) >= RECALL_STABILITY_DAYS else CLOZE


def choose_item(fact_items, card, *, lapsed=False):
    """The item to show for one fact: the hardest form at or below the fact's level, else the easiest above it;
    among equals another form than the one shown last, then the best scored."""
    level = level_for(card, lapsed=lapsed)
    last = card["item_id"] if card else None

    def rank(item):
        kind = LEVELS.get(item["kind"], RECOGNITION)
        return (kind > level, level - kind if kind <= level else kind, item["id"] == last, -(item["score"] or 0),
                item["id"])

    return min(fact_items, key=rank)


def plan(db, user, now, midnight, *, article_id=None, size=10, new_per_day=20, reviews_per_day=200):
    """Due facts first (up to the daily review limit), then new ones (up to the daily new limit); with an
    article, custom study: no daily limits, and facts not yet due (and not studied today) fill the rest."""
    custom = bool(article_id)
    by_fact = {}
    for item in items.studyable_items(db, article_id=article_id):
        by_fact.setdefault(item["fact_key"], []).append(item)
    known = cards.latest_fact_cards(db, user.id, article_id=article_id)
    now_iso, since = to_iso(now), to_iso(midnight)
    due, new, ahead, later = [], [], [], []
    for key in by_fact:  # the article's order, its best items first
        card = known.get(key)
        if card is None:
            new.append(key)
        elif card["due"] <= now_iso:
            due.append(key)
        elif custom and (card["last_review"] or "") < since:
            ahead.append(key)
        else:
            later.append(key)
    due.sort(key=lambda key: known[key]["due"])
    ahead.sort(key=lambda key: known[key]["due"])
    if custom:
        review_room = new_room = size
    else:
        review_room = max(reviews_per_day - cards.answers_since(db, user.id, since, new=0), 0)
        new_room = max(new_per_day - cards.answers_since(db, user.id, since, new=1), 0)
    learned = [key for key in due + ahead if known[key]["state"] == cards.REVIEW_STATE]
    lapsed = cards.missed_at_latest_session(db, user.id, {key: [item["id"] for item in by_fact[key]] for key in learned})
    picker = _Picker(by_fact, known, size, lapsed)
    left_due = picker.take(due, review_room)
    left_new = picker.take(new, new_room)
    picker.take(ahead, size)
    if len(picker.chosen) >= size:
        return Plan(picker.chosen)
    waiting = sorted(known[key]["due"] for key in later)
    shortfall = _Shortfall(len(picker.chosen), picker.held, picker.siblings, left_due, left_new, len(waiting),
                           waiting[0] if waiting else None)
    return Plan(picker.chosen, shortfall.sentence(custom, new_per_day, reviews_per_day, user.timezone))


class _Picker:
    """Takes one item per fact into the session, never two of one source sentence."""

    def __init__(self, by_fact, known, size, lapsed):
        self.by_fact, self.known, self.size, self.lapsed = by_fact, known, size, lapsed
        self.chosen, self.sentences, self.held, self.siblings = [], set(), 0, 0

    def take(self, keys, room):
        """Take up to `room` of these facts (while the session has room); returns how many were left for the limit."""
        taken = 0
        for position, key in enumerate(keys):
            if len(self.chosen) >= self.size:
                return 0
            if taken >= room:
                return len(keys) - position
            item = choose_item(self.by_fact[key], self.known.get(key), lapsed=key in self.lapsed)
            sentence = item["source_sentence"]
            if sentence and sentence in self.sentences:
                self.held += 1
                continue
            self.sentences.add(sentence)
            self.chosen.append(item["id"])
            self.siblings += len(self.by_fact[key]) - 1
            taken += 1
        return 0


@dataclasses.dataclass
class _Shortfall:
    """What kept a session shorter than asked."""
    count: int
    held: int
    siblings: int
    over_review_limit: int
    over_new_limit: int
    waiting: int
    next_due: str | None

    def sentence(self, custom, new_per_day, reviews_per_day, timezone):
        """One sentence: how many questions there are and why no more."""
        reasons = []
        if self.over_new_limit:
            reasons.append(f"{_count(self.over_new_limit, 'new one waits', 'new ones wait')} for tomorrow, as you "
                           f"have met {new_per_day} new questions today (choose an article to study more of it now)")
        if self.over_review_limit:
            reasons.append(f"{_count(self.over_review_limit, 'due one waits', 'due ones wait')}, as you have done "
                           f"{reviews_per_day} reviews today")
        if self.held:
            reasons.append(_count(self.held, "more shares a sentence with one in this session and comes",
                                  "more share a sentence with one in this session and come") + " in a later one")
        if self.siblings:
            reasons.append(f"{_count(self.siblings, 'more asks', 'more ask')} a fact already in this session "
                           "(one question per fact)")
        if self.waiting:
            studied = _count(self.waiting, "more was studied today and is", "more were studied today and are")
            due = _count(self.waiting, "more is", "more are")
            reasons.append(f"{studied if custom else due} due from {_local(self.next_due, timezone)}")
        scope = " of this article" if custom else ""
        if self.count:
            start = f"Only {_count(self.count, 'question', 'questions')}{scope} {'is' if self.count == 1 else 'are'}"
        else:
            start = f"No questions{scope} are"
        reasons = reasons or ["the article has no more" if custom else "there are no more"]
        return f"{start} left to study today; " + "; ".join(reasons) + "."


def _count(number, one, many):
    return f"{number} {one if number == 1 else many}"


def _local(iso, timezone):
    """A stored time as the student reads it: their own zone, written as everywhere else (clock.local_label)."""
    return local_label(iso, timezone)
