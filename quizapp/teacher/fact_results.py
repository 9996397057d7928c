"""Results per fact (issue 11): one row per fact an article's questions ask, with its questions' own rows beneath.

A fact is what the study planner schedules as one card (`items.FACT_KEY_SQL`: the generator's fact, else the
question's source sentence, else the question alone). Per fact: the students who studied it (a card of any of
its questions), graded answers and right ones (flashcards counted apart, as self-rated), the forms that were
asked, and the students who know it (their card of it, the latest-reviewed of its questions', in Review).
Most missed first, as the results per question; facts nobody answered last, in the article's order.
"""
import csv
import io

from .. import fact_stats, items
from ..spreadsheets import inert

FACT_COLUMNS = ["article", "fact", "item_ids", "prompts", "students_studied", "graded_answers", "graded_correct",
                "self_rated", "forms_asked", "students_know"]


def fact_rows(db, article_id, *, class_id=None):
    """One dict per fact of the article (of every student, or of the class `class_id`'s), each with its
    questions (`items`, best first, their own figures)."""
    found, graded, self_rated, item_students, fact_students, known = fact_stats.article_facts(
        db, article_id, class_id=class_id)
    facts = {}
    for item in found:
        answers, correct = graded.get(item["id"], (0, 0))
        row = dict(item, kind_label=items.KINDS.get(item["kind"], item["kind"]), answers=answers, correct=correct,
                   share=correct / answers if answers else None, self_rated=self_rated.get(item["id"], 0),
                   students=item_students.get(item["id"], 0))
        facts.setdefault(item["fact_key"], []).append(row)
    rows = [_fact_row(key, questions, fact_students.get(key, 0), known.get(key, 0))
            for key, questions in facts.items()]
    order = {key: position for position, key in enumerate(facts)}
    rows.sort(key=lambda r: (r["share"] is None, r["share"] or 0, -r["answers"], order[r["key"]]))
    return rows


def _fact_row(key, questions, students, know):
    answers = sum(q["answers"] for q in questions)
    correct = sum(q["correct"] for q in questions)
    sentences = list(dict.fromkeys(q["source_sentence"] for q in questions if q["source_sentence"]))
    asked = [kind for kind in items.KINDS if any(q["kind"] == kind and q["students"] for q in questions)]
    return {"key": key, "sentence": " ".join(sentences), "prompts": [q["prompt"] for q in questions],
            "questions": questions, "students": students, "answers": answers, "correct": correct,
            "share": correct / answers if answers else None,
            "self_rated": sum(q["self_rated"] for q in questions),
            "forms": [items.KINDS[kind] for kind in asked], "know": know}


def fact_csv(rows, article_title):
    """The per-fact results as CSV text: one line per fact, FACT_COLUMNS."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(FACT_COLUMNS)
    for row in rows:
        writer.writerow([inert(value) for value in [
            article_title, row["sentence"] or " | ".join(row["prompts"]), " ".join(str(q["id"]) for q in row["questions"]),
            " | ".join(row["prompts"]), row["students"], row["answers"], row["correct"], row["self_rated"],
            "; ".join(row["forms"]), row["know"],
        ]])
    return buffer.getvalue()
