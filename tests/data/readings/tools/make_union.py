"""Shuffle two sheets of the same articles (two generators' items) into one, for a union reading.

    python3 tests/data/readings/tools/make_union.py START_DIR END_DIR OUT_DIR [--seed 1]

START_DIR and END_DIR are build_reading.py folders (sheet.json, key.json, sections.json). An item on both
sheets (same article, kind, prompt, answer and options) is shown once. Writes OUT_DIR/sheet.json (what the
readers see) and OUT_DIR/mapping.json (each union number's numbers on start, 'a', and end, 'b'), and copies
the two folders to OUT_DIR/start and OUT_DIR/end; summarize_union.py reads the verdicts against them.
"""
import argparse
import json
import random
import shutil
from pathlib import Path


def _key(item):
    return (item["article"], item["kind"], item["prompt"], item["answer"], tuple(sorted(item.get("choices") or [])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("start")
    ap.add_argument("end")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    merged = {}
    for side, folder in (("a", a.start), ("b", a.end)):
        for item in json.loads((Path(folder) / "sheet.json").read_text()):
            entry = merged.setdefault(_key(item), {"item": item, "from": []})
            entry["from"].append([side, item["n"]])
        shutil.copytree(folder, out / ("start" if side == "a" else "end"), dirs_exist_ok=True)
    entries = list(merged.values())
    random.Random(a.seed).shuffle(entries)
    sheet, mapping = [], []
    for n, entry in enumerate(entries, 1):
        sheet.append({**entry["item"], "n": n})
        mapping.append({"n": n, "from": entry["from"]})
    (out / "sheet.json").write_text(json.dumps(sheet, indent=1, ensure_ascii=False))
    (out / "mapping.json").write_text(json.dumps(mapping, indent=1))
    both = sum(len(e["from"]) == 2 for e in entries)
    print(f"{len(sheet)} items ({both} on both sheets) -> {out / 'sheet.json'}")


if __name__ == "__main__":
    main()
