""""I was right": a student overrules an Incorrect on a typed answer, once, while its feedback is shown.

The answer is re-graded as right: the card takes the outcome Good had when the item was
shown (kept on the session, so it is the interval the Good button showed), a lapse the
wrong answer counted is taken back, and the review keeps the time it was overruled so the
teacher's results show it.
"""
from .. import cards, items, scheduling, study_sessions
from ..clock import to_iso
from ..db import write_transaction

TYPED_KINDS = ("fill_blank", "short_answer")


class UnknownAnswer(Exception):
    """No review has this id."""


class NotYourAnswer(Exception):
    """The review belongs to another student."""


class AlreadyOverruled(Exception):
    """The student has already said they were right about this answer (in the session `session_id`)."""

    def __init__(self, message, session_id):
        super().__init__(message)
        self.session_id = session_id


class CannotOverrule(Exception):
    """This answer cannot be overruled (right already, not typed, or its feedback is no longer shown)."""


def can_overrule(item, review):
    """Whether the feedback of `review` offers "I was right": a typed answer graded wrong, not overruled yet."""
    return (review is not None and not review["correct"] and bool(review["response"])
            and not review["overruled_at"] and item["kind"] in TYPED_KINDS)


def overrule_answer(db, user_id, review_id, now):
    """Re-grade the student's wrong typed answer `review_id` as right and reschedule its card as Good.

    Raises UnknownAnswer, NotYourAnswer (another student's review), AlreadyOverruled (a second time) or
    CannotOverrule; everything is checked and written in one write transaction."""
    with write_transaction(db):
        review = cards.get_review(db, review_id)
        if review is None:
            raise UnknownAnswer("There is no such answer.")
        if review["user_id"] != user_id:
            raise NotYourAnswer("That answer is not yours.")
        if review["overruled_at"]:
            raise AlreadyOverruled("You have already said you were right about this answer.", review["session_id"])
        item = items.get_item(db, review["item_id"])
        if not can_overrule(item, review):
            raise CannotOverrule("Only a typed answer marked Incorrect can be marked right.")
        state = study_sessions.get_session(db, review["session_id"]) if review["session_id"] else None
        if state is None or state["review_id"] != review_id:
            raise CannotOverrule("An answer can be marked right only while its feedback is on the screen.")
        stored = study_sessions.stored_outcomes(state)
        outcome = stored["ratings"]["Good"]
        cards.save_card(db, user_id, review["item_id"], outcome, rating="Good", revise=True)
        if stored.get("before") == cards.REVIEW_STATE:
            cards.undo_lapse(db, user_id, review["item_id"])
        cards.mark_overruled(db, review_id, rating=int(scheduling.RATINGS["Good"]), next_due=outcome["due"],
                             overruled_at=to_iso(now))
    return state["id"]
