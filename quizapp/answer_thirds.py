"""The weakest and strongest third of everyone who answered, kept current: `student_totals.third`
(0 weak, 1 middle, 2 strong) and `item_third_totals`, each item's answers by the weak and the strong third.

An item's discrimination index compares the two thirds' share right on it. Ranking
every student and adding up their answers per view costs seconds at school scale, so the
thirds are kept as answers come in: an answer moves its student in the ranking (share
right, ties by id, as a stable sort of the ids leaves them), which changes the membership
of at most a few students at the two boundaries, and each move adds or takes away that
student's per-item counts. `rebalance` makes the stored thirds those of the ranking again.
"""
from .db import write_transaction

KEY = "CAST(correct AS REAL) / answers"  # a student's share right: the ranking's order, then user_id

# For the migration's back-fill (schema.py), once `student_totals` and `answer_stats` are filled.
THIRDS_FROM_RANKING = f"""
UPDATE student_totals SET third = ranked.third FROM (
    SELECT user_id, CASE WHEN r <= n / 3 THEN 0 WHEN r > n - n / 3 THEN 2 ELSE 1 END AS third FROM (
        SELECT user_id, row_number() OVER (ORDER BY {KEY}, user_id) AS r, count(*) OVER () AS n FROM student_totals))
    AS ranked WHERE student_totals.user_id = ranked.user_id
"""
ITEM_THIRDS_FROM_PAIRS = """
INSERT INTO item_third_totals (item_id, third, answers, correct)
SELECT s.item_id, t.third, sum(s.answers), sum(s.correct) FROM answer_stats AS s
JOIN student_totals AS t ON t.user_id = s.user_id WHERE t.third IN (0, 2) GROUP BY s.item_id, t.third
"""
ADD_TO_THIRD = """
INSERT INTO item_third_totals (item_id, third, answers, correct)
SELECT item_id, :third, answers, correct FROM answer_stats WHERE user_id = :user AND {where}
ON CONFLICT (item_id, third) DO UPDATE SET answers = answers + excluded.answers, correct = correct + excluded.correct
"""
TAKE_FROM_THIRD = """
UPDATE item_third_totals SET answers = item_third_totals.answers - s.answers,
    correct = item_third_totals.correct - s.correct
FROM (SELECT item_id, answers, correct FROM answer_stats WHERE user_id = :user AND {where}) AS s
WHERE item_third_totals.item_id = s.item_id AND item_third_totals.third = :third
"""


def third_of(db, user_id):
    """The student's stored third (0, 1, 2), or None when they have no answers."""
    row = db.execute("SELECT third FROM student_totals WHERE user_id = ?", [user_id]).fetchone()
    return row and row[0]


def add_counts(db, user_id, third, item_id=None):
    """Add the student's counts (on one item, or on all) to their third's item totals (a no-op for the middle)."""
    if third in (0, 2):
        with write_transaction(db):  # joins the caller's transaction
            db.execute(ADD_TO_THIRD.format(where="item_id = :item" if item_id else "1 = 1"),
                       {"user": user_id, "third": third, "item": item_id})


def take_counts(db, user_id, third, item_id=None):
    """Take the student's counts (on one item, or on all) away from their third's item totals."""
    if third in (0, 2):
        with write_transaction(db):
            db.execute(TAKE_FROM_THIRD.format(where="item_id = :item" if item_id else "1 = 1"),
                       {"user": user_id, "third": third, "item": item_id})
            db.execute("DELETE FROM item_third_totals WHERE answers <= 0")


def count_one_answer(db, user_id, item_id, correct, *, third=None):
    """One more answer of the student on the item, in their third's totals; then `rebalance`.
    (Called by answer_stats.add_answer after it has counted the answer in the student's totals,
    with the `third` that statement returned; None: read here.)"""
    with write_transaction(db):
        third = third_of(db, user_id) if third is None else third
        if third in (0, 2):
            db.execute("INSERT INTO item_third_totals (item_id, third, answers, correct) VALUES (?, ?, 1, ?) ON CONFLICT "
                       "(item_id, third) DO UPDATE SET answers = answers + 1, correct = correct + excluded.correct",
                       [item_id, third, int(bool(correct))])
        rebalance(db)


# n // 3, and the k-th student from each end of the ranking (the two boundaries), in one statement: it runs on
# every answer. Each boundary walks the ranking's index (idx_student_totals_rank); with k = 0 they are not used.
BOUNDARIES = f"""
WITH thirds(k) AS MATERIALIZED (SELECT count(*) / 3 FROM student_totals)
SELECT 0, k, NULL FROM thirds
UNION ALL SELECT * FROM (SELECT 1, {KEY}, user_id FROM student_totals ORDER BY {KEY} ASC, user_id ASC
                         LIMIT 1 OFFSET (SELECT max(k - 1, 0) FROM thirds))
UNION ALL SELECT * FROM (SELECT 2, {KEY}, user_id FROM student_totals ORDER BY {KEY} DESC, user_id DESC
                         LIMIT 1 OFFSET (SELECT max(k - 1, 0) FROM thirds))
"""


def _boundaries(db):
    """(k = n // 3, the weak boundary (share, id), the strong one); the boundaries are None when no student has answered."""
    found = {part: (key, user_id) for part, key, user_id in db.execute(BOUNDARIES)}
    return found[0][0], found.get(1), found.get(2)


def rebalance(db):
    """Make the stored thirds those of the ranking: the first n // 3 students weak, the last n // 3
    strong. Only students on the wrong side of a boundary are looked at and moved."""
    k, weak, strong = _boundaries(db)
    if k == 0:
        wrong = db.execute("SELECT user_id, third FROM student_totals WHERE third != 1").fetchall()
        weak = strong = None
    else:
        parts, params = [], []
        for third, side, (key, user_id) in ((1, "<=", weak), (2, "<=", weak), (0, ">", weak),
                                            (0, ">=", strong), (1, ">=", strong), (2, "<", strong)):
            # the row value (share, id) compared as a range on the index (third, share, id), ties by id
            edge = side[0] + "="
            parts.append(f"SELECT user_id, third FROM student_totals WHERE third = ? AND {KEY} {edge} ? "
                         f"AND ({KEY} != ? OR user_id {side} ?)")
            params += [third, key, key, user_id]
        wrong = db.execute(" UNION ALL ".join(parts), params).fetchall()  # one statement: this runs on every answer
    for user_id, third in dict(wrong).items():  # a student far off can turn up on both boundaries
        key = db.execute(f"SELECT {KEY}, user_id FROM student_totals WHERE user_id = ?", [user_id]).fetchone()
        new = 1 if k == 0 else 0 if tuple(key) <= tuple(weak) else 2 if tuple(key) >= tuple(strong) else 1
        if new != third:
            with write_transaction(db):
                take_counts(db, user_id, third)
                add_counts(db, user_id, new)
                db.execute("UPDATE student_totals SET third = ? WHERE user_id = ?", [new, user_id])


def item_thirds(db, item_ids):
    """{item id: (weak third's answers, their right ones, strong third's answers, their right ones)}."""
    item_ids = list(item_ids)
    found = {item_id: [0, 0, 0, 0] for item_id in item_ids}
    if item_ids:
        for item_id, third, answers, correct in db.execute(
                f"SELECT item_id, third, answers, correct FROM item_third_totals WHERE item_id IN "
                f"({','.join('?' * len(item_ids))})", item_ids):
            if third == 0:
                found[item_id][0:2] = [answers, correct]
            else:
                found[item_id][2:4] = [answers, correct]
    return {item_id: tuple(values) for item_id, values in found.items()}
