"""Issue 11's study sessions on a real database: facts, one item per fact and sentence, the form by what the
student knows, missed items back in the session, custom study of one article."""
import datetime as dt
import random

import pytest

from quizapp import cards, items, scheduling
from quizapp.study import planning
from quizapp.study import services as practice

from .helpers import make_article, make_item, make_user

NOW = dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.timezone.utc)
SCHEDULER = scheduling.make_scheduler(fuzz=False)


def fact_forms(name, sentence, answer, fact=None, score=0.8):
    """One fact asked four ways, as the generator makes it: recognition, a blank, recall."""
    fact = fact or f"fact-{name}"
    return [
        make_item("multiple_choice", f"Who is {name}?", answer, choices=[answer, "Ann Lee", "Bo Chan", "Cy Diaz"],
                  source_sentence=sentence, fact=fact, score=score),
        make_item("true_false", f"{answer} is {name}.", "True", choices=["True", "False"], source_sentence=sentence,
                  fact=fact, score=score - 0.1),
        make_item("fill_blank", f"_____ is {name}.", answer, source_sentence=sentence, fact=fact, score=score - 0.2),
        make_item("short_answer", f"Who is {name}, as the article says?", answer, source_sentence=sentence, fact=fact,
                  score=score - 0.3),
    ]


def by_id(db, item_id):
    return items.get_item(db, item_id)


def study(db, user, now, *, answer=lambda item, tries: True, **options):
    """One quiz session: every item shown is answered (right when `answer` says so) and rated Good or Again.
    Returns [(item, right)] in the order shown."""
    session_id = practice.start_session(db, user, now, **options)
    shown_items = []
    tries = {}
    while session_id and (shown := practice.show_current(db, SCHEDULER, practice.get_session(db, user.id, session_id),
                                                          now)):
        item = shown["item"]
        tries[item["id"]] = tries.get(item["id"], 0) + 1
        right = answer(item, tries[item["id"]])
        response = item["answer"] if right else "a wrong answer"
        practice.check_answer(db, session_id, item["id"], response, now)
        practice.rate(db, session_id, item["id"], "Good" if right else "Again", now)
        shown_items.append((item, right))
        now += dt.timedelta(seconds=20)
    return session_id, shown_items


# Facts: stored from the generator, a sentence's items one fact where there is none.

def test_the_generators_fact_is_stored_and_hand_written_items_have_none(db):
    article_id = make_article(db, fact_forms("the coach", "Ana Ruiz is the coach.", "Ana Ruiz"))
    own = items.create_item(db, article_id, make_item(prompt="Who coaches?", answer="Ana Ruiz"))
    facts = dict(db.execute("SELECT kind, fact FROM items WHERE id != ?", [own]).fetchall())
    assert set(facts.values()) == {"fact-the coach"} and len(facts) == 4
    assert by_id(db, own)["fact"] is None


def test_an_item_stored_before_facts_gets_its_fact_when_the_generator_runs_again(db):
    made = fact_forms("the coach", "Ana Ruiz is the coach.", "Ana Ruiz")
    old = [{key: value for key, value in item.items() if key != "fact"} for item in made]
    article_id = make_article(db, old)
    assert db.execute("SELECT count(*) FROM items WHERE fact IS NULL").fetchone()[0] == 4
    assert items.add_generated_items(db, article_id, made, status="approved", now="2026-11-25T09:00:00+00:00") == 0
    assert db.execute("SELECT count(*) FROM items WHERE fact = 'fact-the coach'").fetchone()[0] == 4


def test_the_generate_command_stores_every_items_fact(runner, db, tmp_path):
    article = tmp_path / "coach.txt"
    article.write_text("Ana Ruiz became the coach of the Lima team in March 2024. The team won 12 games in 2025 "
                       "under her, more than in any year before.\n", encoding="utf-8")
    result = runner.invoke(["generate", str(article)])
    assert result.exit_code == 0, result.output
    rows = db.execute("SELECT fact FROM items").fetchall()
    assert rows and all(fact for (fact,) in rows)


def test_items_without_a_fact_from_one_sentence_are_one_fact(db):
    article_id = make_article(db, [
        make_item("short_answer", "Who leads?", "Jim Mattis", source_sentence="Jim Mattis leads the team."),
        make_item("fill_blank", "_____ leads the team.", "Jim Mattis", source_sentence="Jim Mattis leads the team."),
        make_item("short_answer", "Who follows?", "Ana Ruiz", source_sentence="Ana Ruiz follows him."),
    ])
    keys = [row["fact_key"] for row in items.studyable_items(db, article_id=article_id)]
    assert len(keys) == 3 and len(set(keys)) == 2
    other = make_article(db, [make_item("short_answer", "Who leads?", "Jim Mattis",
                                        source_sentence="Jim Mattis leads the team.")], title="Other", text="other",
                         source="other.txt")
    assert items.studyable_items(db, article_id=other)[0]["fact_key"] not in keys  # per article


# Never two items of one fact or one sentence in a session.

@pytest.fixture
def crowded(db):
    """An article whose items crowd into few sentences: several facts per sentence, several forms per fact,
    and hand-written items (no fact) on the same sentences."""
    sentences = [f"Sentence {n} names Person{n} and Place{n}." for n in range(5)]
    made = []
    for n, sentence in enumerate(sentences):
        made += fact_forms(f"person {n}", sentence, f"Person{n}", score=0.9 - n / 20)
        made += fact_forms(f"place {n}", sentence, f"Place{n}", score=0.85 - n / 20)
        made.append(make_item("short_answer", f"Hand-written {n}?", f"Person{n}", source_sentence=sentence, fact=None))
    return make_article(db, made)


def test_no_session_ever_shows_two_items_of_one_fact_or_one_sentence(db, crowded):
    rng = random.Random(11)
    user = make_user(db)
    now = NOW
    sessions = 0
    for day in range(30):
        for _ in range(2):
            session_id, shown = study(db, user, now, size=20, article_id=crowded if day % 2 else None,
                                      answer=lambda item, tries: tries > 1 or rng.random() < 0.7)
            first_tries = {item["id"]: item for item, _ in shown}.values()  # an item missed comes back: itself
            facts = [items.studyable_items(db, article_id=crowded) for _ in (0,)][0]
            key = {row["id"]: row["fact_key"] for row in facts}
            assert len({key[item["id"]] for item in first_tries}) == len(first_tries)
            assert len({item["source_sentence"] for item in first_tries}) == len(first_tries)
            sessions += bool(shown)
            now += dt.timedelta(hours=1)
        now += dt.timedelta(hours=22)
    assert sessions > 20  # the check ran on real sessions


def test_a_sentence_shared_by_two_facts_waits_for_another_session_and_the_page_says_so(db, crowded):
    user = make_user(db)
    plan = practice.plan_study(db, user, NOW, size=10)
    assert len(plan.item_ids) == 5  # five sentences
    assert plan.note.startswith("Only 5 questions are left to study today; ")
    assert "10 more share a sentence with one in this session" in plan.note  # two more facts a sentence
    assert "ask a fact already in this session" in plan.note


# The form grows with what the student knows.

def test_the_form_grows_from_recognition_to_a_blank_to_recall_over_days(db):
    article_id = make_article(db, fact_forms("the coach", "Ana Ruiz is the coach.", "Ana Ruiz"))
    user = make_user(db)
    now, kinds = NOW, []
    for _ in range(12):
        _, shown = study(db, user, now, article_id=None)
        if shown:
            kinds.append(shown[0][0]["kind"])
            card = cards.fact_card(db, user.id, shown[0][0]["id"])
            now = max(now + dt.timedelta(hours=1), dt.datetime.fromisoformat(card["due"]) + dt.timedelta(minutes=1))
        else:
            now += dt.timedelta(days=1)
    levels = [planning.LEVELS[kind] for kind in kinds]
    assert levels == sorted(levels)  # never easier while every answer is right
    assert kinds[0] in ("multiple_choice", "true_false") and "fill_blank" in kinds and "short_answer" in kinds
    recall_card = cards.fact_card(db, user.id, next(row["id"] for row in items.studyable_items(db, article_id=article_id)))
    assert recall_card["stability"] >= planning.RECALL_STABILITY_DAYS  # recall came once the fact was stable
    assert len({kind for kind in kinds[:2]}) == 2  # while learning, recognition alternates its two forms


def test_a_lapse_brings_recognition_back(db):
    make_article(db, fact_forms("the coach", "Ana Ruiz is the coach.", "Ana Ruiz"))
    user = make_user(db)
    now = NOW
    for _ in range(4):  # until it is learned: a blank to fill
        _, shown = study(db, user, now)
        now = dt.datetime.fromisoformat(cards.fact_card(db, user.id, shown[0][0]["id"])["due"]) + dt.timedelta(hours=1)
    assert practice.show_current(db, SCHEDULER, practice.get_session(
        db, user.id, practice.start_session(db, user, now)), now)["item"]["kind"] in ("fill_blank", "short_answer")
    now += dt.timedelta(minutes=5)
    _, shown = study(db, user, now + dt.timedelta(days=400), answer=lambda item, tries: tries > 1)  # forgotten
    assert shown[0][1] is False and shown[1][0]["id"] == shown[0][0]["id"]  # back in the session, the same item
    card = cards.fact_card(db, user.id, shown[0][0]["id"])
    assert card["state"] == cards.REVIEW_STATE  # relearned in the session: FSRS has it in Review again
    later = dt.datetime.fromisoformat(card["due"]) + dt.timedelta(minutes=1)
    _, shown = study(db, user, later)
    assert shown[0][0]["kind"] in ("multiple_choice", "true_false")  # but it lapsed: recognition again
    later = dt.datetime.fromisoformat(cards.fact_card(db, user.id, shown[0][0]["id"])["due"]) + dt.timedelta(minutes=1)
    _, shown = study(db, user, later)
    assert shown[0][0]["kind"] == "fill_blank"  # known again: the blank is back


@pytest.mark.parametrize("card, level", [
    (None, planning.RECOGNITION),
    ({"state": 1, "stability": 2.0, "item_id": 1}, planning.RECOGNITION),  # learning
    ({"state": 3, "stability": 30.0, "item_id": 1}, planning.RECOGNITION),  # lapsed, relearning
    ({"state": 2, "stability": 5.0, "item_id": 1}, planning.CLOZE),
    ({"state": 2, "stability": planning.RECALL_STABILITY_DAYS, "item_id": 1}, planning.RECALL),
])
def test_the_level_of_a_fact_by_its_card(card, level):
    assert planning.level_for(card) == level


def test_a_fact_without_the_form_its_level_asks_gets_the_nearest_one():
    only_recall = [{"id": 1, "kind": "short_answer", "score": 0.5}]
    recognition_and_blank = [{"id": 2, "kind": "true_false", "score": 0.5}, {"id": 3, "kind": "fill_blank", "score": 0.4}]
    assert planning.choose_item(only_recall, None)["id"] == 1
    learned = {"state": 2, "stability": 40.0, "item_id": 2}
    assert planning.choose_item(recognition_and_blank, learned)["id"] == 3  # the hardest there is below recall


def test_a_new_form_of_a_known_fact_is_not_new_for_the_daily_limit(db):
    make_article(db, fact_forms("the coach", "Ana Ruiz is the coach.", "Ana Ruiz"))
    user = make_user(db)
    study(db, user, NOW)
    study(db, user, NOW + dt.timedelta(days=1))  # the other recognition form: a new item card, an old fact
    assert db.execute("SELECT count(DISTINCT item_id), sum(was_new) FROM reviews").fetchone() == (2, 1)


# Relearning inside the session.

def test_a_missed_item_comes_back_after_a_few_others_until_answered_right(db):
    make_article(db, [make_item("short_answer", f"Question {n}?", f"Answer{n}", source_sentence=f"Sentence {n}.",
                                score=0.9 - n / 100) for n in range(6)])
    user = make_user(db)
    session_id, shown = study(db, user, NOW, size=6, answer=lambda item, tries: item["prompt"] != "Question 0?" or tries == 3)
    order = [item["prompt"] for item, _ in shown]
    after = practice.RELEARN_AFTER
    assert order[0] == "Question 0?" and order[after + 1] == "Question 0?"  # after three others
    assert order.count("Question 0?") == 3 and order[-1] == "Question 0?"  # back at once when none are left
    assert [right for item, right in shown if item["prompt"] == "Question 0?"] == [False, False, True]
    reviews = db.execute("SELECT correct, rating FROM reviews WHERE item_id = 1 ORDER BY id").fetchall()
    assert reviews == [(0, 1), (0, 1), (1, 3)]  # each try a real review
    card = cards.get_card(db, user.id, 1)
    assert card["reps"] == 3 and card["state"] == 1  # Learning: scheduled by its learning steps
    summary = practice.session_summary(db, session_id)
    assert (summary["answered"], summary["correct"], summary["tries"]) == (6, 5, 8)
    assert {row["prompt"]: row["tries"] for row in summary["reviews"]}["Question 0?"] == 3
    assert {row["tries"] for row in summary["reviews"] if row["prompt"] != "Question 0?"} == {1}
    assert practice.get_session(db, user.id, session_id)["finished_at"]


def test_rating_a_missed_item_twice_when_it_comes_back_at_once_records_it_once(db):
    make_article(db, [make_item("short_answer", "Question?", "Answer")])
    user = make_user(db)
    session_id = practice.start_session(db, user, NOW)
    item_id = practice.show_current(db, SCHEDULER, practice.get_session(db, user.id, session_id), NOW)["item"]["id"]
    practice.check_answer(db, session_id, item_id, "wrong", NOW)
    practice.rate(db, session_id, item_id, "Again", NOW, scheduler=SCHEDULER)
    with pytest.raises(practice.AlreadyRecorded):
        practice.rate(db, session_id, item_id, "Again", NOW, scheduler=SCHEDULER)
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    assert practice.show_current(db, SCHEDULER, practice.get_session(db, user.id, session_id), NOW)["review"] is None


def test_tries_after_a_miss_count_for_neither_daily_limit(db):
    make_article(db, [make_item("short_answer", f"Question {n}?", f"Answer{n}", source_sentence=f"Sentence {n}.")
                      for n in range(4)])
    user = make_user(db)
    study(db, user, NOW, size=2, answer=lambda item, tries: tries > 2)
    since = "2026-11-25T00:00:00+00:00"
    assert cards.answers_since(db, user.id, since, new=1) == 2 and cards.answers_since(db, user.id, since, new=0) == 0


# Custom study: one article past the daily new limit, and ahead of due dates.

@pytest.fixture
def two_articles(db):
    first = make_article(db, [make_item("short_answer", f"First {n}?", f"One{n}", source_sentence=f"First sentence {n}.")
                              for n in range(12)], title="First", text="first", source="first.txt")
    second = make_article(db, [make_item("short_answer", f"Second {n}?", f"Two{n}",
                                         source_sentence=f"Second sentence {n}.") for n in range(10)],
                          title="Second", text="second", source="second.txt")
    return first, second


def test_an_article_is_studied_past_the_daily_new_limit(db, two_articles):
    first, second = two_articles
    user = make_user(db)
    study(db, user, NOW, size=10, new_per_day=5)
    plan = practice.plan_study(db, user, NOW, size=10, new_per_day=5)
    assert plan.item_ids == [] and "as you have met 5 new questions today" in plan.note  # control: the limit holds
    plan = practice.plan_study(db, user, NOW, article_id=second, size=8, new_per_day=5)
    assert len(plan.item_ids) == 8 and plan.note is None
    assert {by_id(db, item_id)["article_id"] for item_id in plan.item_ids} == {second}


def test_a_short_article_session_says_why_in_one_sentence(db, two_articles):
    first, second = two_articles
    user = make_user(db)
    study(db, user, NOW, article_id=second, size=3)
    plan = practice.plan_study(db, user, NOW + dt.timedelta(minutes=5), article_id=second, size=10)
    assert len(plan.item_ids) == 7
    assert plan.note == ("Only 7 questions of this article are left to study today; 3 more were studied today and "
                         "are due from 2026-11-25 09:10 UTC.")


def test_an_article_is_studied_ahead_of_its_due_dates_but_not_what_was_studied_today(db, two_articles):
    first, second = two_articles
    user = make_user(db)
    study(db, user, NOW, article_id=second, size=10)
    tomorrow = NOW + dt.timedelta(days=1)
    study(db, user, tomorrow, article_id=second, size=10)  # graduated from learning: due in days
    in_two_days = NOW + dt.timedelta(days=2)
    assert practice.plan_session(db, user, in_two_days, size=10) != []  # control: the other article is new
    due_now = cards.next_due(db, user.id, second)
    assert due_now > in_two_days.isoformat()  # nothing of the second article is due
    plan = practice.plan_study(db, user, in_two_days, article_id=second, size=4)
    assert len(plan.item_ids) == 4 and plan.note is None  # studied ahead, soonest due first
    study(db, user, in_two_days, article_id=second, size=4)
    plan = practice.plan_study(db, user, in_two_days + dt.timedelta(hours=1), article_id=second, size=10)
    assert len(plan.item_ids) == 6 and "4 more were studied today" in plan.note


def test_due_counts_and_the_next_due_time_are_per_fact(db):
    make_article(db, fact_forms("the coach", "Ana Ruiz is the coach.", "Ana Ruiz"))
    user = make_user(db)
    study(db, user, NOW)
    study(db, user, NOW + dt.timedelta(days=1))  # a second form: the first one's card is not due on its own
    later = NOW + dt.timedelta(days=1, minutes=30)
    stats = practice.progress(db, user, later)
    assert stats["seen"] == 1
    assert cards.next_due(db, user.id) == cards.fact_card(db, user.id, 1)["due"]
