"""Results per fact: an article's items grouped by the fact they ask (`items.FACT_KEY_SQL`, the rule the study
planner schedules by), with their students' cards and answer summaries, for all students or one class's.

Reads only: the answer summaries (`answer_stats`, `self_rated_counts`) for answers, `cards` for who studied
which item and whether they know the fact (its latest-reviewed card, as `cards.latest_fact_cards` picks it,
is in FSRS's Review state).
"""
from .cards import REVIEW_STATE
from .db import query
from .items import FACT_KEY_SQL

# The article's questions a teacher's per-fact results show: approved ones, and any other a student has studied.
ITEMS = f"""
SELECT items.id, items.kind, items.prompt, items.answer, items.source_sentence, items.status, items.score,
       {FACT_KEY_SQL} AS fact_key
FROM items WHERE items.article_id = :article
  AND (items.status = 'approved' OR EXISTS (SELECT 1 FROM cards WHERE cards.item_id = items.id {{scope}}))
ORDER BY items.score DESC, items.id
"""
GRADED = """
SELECT item_id, sum(answers), sum(correct) FROM answer_stats
WHERE item_id IN (SELECT id FROM items WHERE article_id = :article) {scope} GROUP BY item_id
"""
SELF_RATED = """
SELECT item_id, sum(answers) FROM self_rated_counts
WHERE item_id IN (SELECT id FROM items WHERE article_id = :article) {scope} GROUP BY item_id
"""
STUDENTS_PER_ITEM = """
SELECT cards.item_id, count(*) FROM cards JOIN items ON items.id = cards.item_id
WHERE items.article_id = :article {scope} GROUP BY cards.item_id
"""
# Each item's fact key worked out once (not once per card), for the queries that group cards by fact.
# `fact_id`: the least item id of the fact, a number to partition by (cheaper than the key's text).
FACTS = (f"WITH keyed AS (SELECT items.id, {FACT_KEY_SQL} AS fact_key FROM items WHERE items.article_id = :article), "
         "facts AS (SELECT id, fact_key, min(id) OVER (PARTITION BY fact_key) AS fact_id FROM keyed)")
STUDENTS_PER_FACT = FACTS + """
SELECT facts.fact_key, count(DISTINCT cards.user_id) FROM facts JOIN cards ON cards.item_id = facts.id
WHERE 1 {scope} GROUP BY facts.fact_key
"""
KNOWN_PER_FACT = FACTS + """
SELECT fact_key, count(*) FROM (
    SELECT facts.fact_key, cards.state, row_number() OVER (
        PARTITION BY cards.user_id, facts.fact_id ORDER BY cards.last_review DESC, cards.id DESC) AS latest
    FROM facts JOIN cards ON cards.item_id = facts.id WHERE 1 {scope})
WHERE latest = 1 AND state = :review GROUP BY fact_key
"""
# Unqualified: of the tables these queries read, only the student's (cards, the summaries) has a user_id.
CLASS_SCOPE = "AND user_id IN (SELECT user_id FROM class_members WHERE class_id = :class)"


def article_facts(db, article_id, *, class_id=None):
    """The figures of an article's questions for the teacher's per-fact results, of every student or (with
    `class_id`) of that class's: (items, each with its fact key; {item id: (graded answers, right ones)};
    {item id: self-rated answers}; {item id: students with a card}; {fact key: students who studied it};
    {fact key: students whose card of it is in Review})."""
    scope = CLASS_SCOPE if class_id is not None else ""
    params = {"article": article_id, "class": class_id, "review": REVIEW_STATE}

    def pairs(sql):
        return {row[0]: row[1:] if len(row) > 2 else row[1] for row in db.execute(sql.format(scope=scope), params)}

    return (list(query(db, ITEMS.format(scope=scope), params)), pairs(GRADED), pairs(SELF_RATED),
            pairs(STUDENTS_PER_ITEM), pairs(STUDENTS_PER_FACT), pairs(KNOWN_PER_FACT))
