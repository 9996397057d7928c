"""Draw a blind-reading sheet from today's generator (the sections every reading since r6 uses).

    .venv/bin/python tests/data/readings/tools/build_reading.py ARTICLE_DIR OUT_DIR [--seed 1]

Writes OUT_DIR/sheet.json (what the readers see: article, kind, prompt, choices, answer,
accepted, source sentence; nothing else), OUT_DIR/key.json (score, fact, in_ready per sheet
number: never shown to a reader) and OUT_DIR/sections.json (which draw each number came from:
40 random items, 20 multiple choice, 30 from the articles' best 30, up to 30 scored 0.7 or more).
An item drawn twice is shown once, under the first section that drew it; the sheet is shuffled.
Give the readers a folder of their own holding only sheet.json and the articles (never key.json or
sections.json), and the brief in reader-prompt.md with RDIR and READER filled in.
"""
import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
sys.path.insert(0, str(ROOT))

from questions import generate_many, load_model  # noqa: E402

READY = 0.7


def best(items, k=30):
    """The k items a teacher meets first (highest score first, ties in the generator's order)."""
    return sorted(items, key=lambda it: -float(it.get("score") or 0))[:k]


def draw(made, seed):
    """[(section, article, item)] without repeats, in the order the sections drew them."""
    rng = random.Random(seed)
    everything = [(name, it) for name, items in made.items() for it in items]
    sections = [
        ("random", rng.sample(everything, min(40, len(everything)))),
        ("mc", rng.sample(mc := [p for p in everything if p[1]["kind"] == "multiple_choice"], min(20, len(mc)))),
        ("best", rng.sample(top := [(n, it) for n, items in made.items() for it in best(items)], min(30, len(top)))),
        ("ready", rng.sample(ok := [p for p in everything if float(p[1].get("score") or 0) >= READY], min(30, len(ok)))),
    ]
    seen, drawn = set(), []
    for section, pairs in sections:
        for name, it in pairs:
            key = (name, it["kind"], it["prompt"], it["answer"])
            if key not in seen:
                seen.add(key)
                drawn.append((section, name, it))
    rng.shuffle(drawn)
    return drawn


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    paths = sorted(Path(a.articles).glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    made = dict(zip((p.name for p in paths), generate_many(texts, sources=[p.name for p in paths], nlp=load_model())))
    sheet, key, sections = [], [], {}
    for n, (section, name, it) in enumerate(draw(made, a.seed), 1):
        sheet.append({"n": n, "article": name, "kind": it["kind"], "prompt": it["prompt"], "choices": it.get("choices"),
                      "answer": it["answer"], "accepted": it.get("accepted"), "source_sentence": it["source_sentence"]})
        score = float(it.get("score") or 0)
        key.append({"n": n, "article": name, "score": score, "fact": it.get("fact"), "in_ready": score >= READY})
        sections[str(n)] = section
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for fname, data in (("sheet.json", sheet), ("key.json", key), ("sections.json", sections)):
        (out / fname).write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(sheet)} items from {len(paths)} articles -> {out}/sheet.json (key.json, sections.json beside it)")


if __name__ == "__main__":
    main()
