"""Figures of one blind reading folder (sheet.json, key.json, sections.json, verdicts_*.json).

    python3 tests/data/readings/tools/summarize.py tests/data/readings/r12b

Prints the share of verdicts acceptable: all, per section, per kind, multiple choice with its
distractors, at and below score 0.7, per article; how often the readers agreed; the faults named.
"""
import collections
import json
import sys
from pathlib import Path


def share(verdicts):
    ok = sum(v["ok"] for v in verdicts)
    return f"{100 * ok / len(verdicts):.0f}% of {len(verdicts)}" if verdicts else "none"


def main(folder):
    folder = Path(folder)
    sheet = {e["n"]: e for e in json.loads((folder / "sheet.json").read_text(encoding="utf-8"))}
    key = {e["n"]: e for e in json.loads((folder / "key.json").read_text(encoding="utf-8"))}
    sections = json.loads((folder / "sections.json").read_text(encoding="utf-8"))
    readers = {}
    for path in sorted(folder.glob("verdicts_*.json")):
        readers[path.stem.split("_", 1)[1]] = {v["n"]: v for v in json.loads(path.read_text(encoding="utf-8"))}
    rows = []
    for reader, verdicts in readers.items():
        for n, v in verdicts.items():
            rows.append({"n": n, "reader": reader, "ok": str(v["verdict"]).upper().startswith("ACC"),
                         "reason": v.get("reason") or "", "distractors_ok": v.get("distractors_ok"),
                         "kind": sheet[n]["kind"], "section": sections.get(str(n)), "article": sheet[n]["article"],
                         "score": float(key[n].get("score") or 0)})
    print(f"{folder.name}: {len(sheet)} items, readers {', '.join(readers)}")
    print("all verdicts acceptable:", share(rows))
    for section in ("random", "mc", "best", "ready"):
        print(f"  section {section}:", share([r for r in rows if r["section"] == section]))
    best = [r for r in rows if r["section"] in ("best",)]
    print("  best-30 draw:", share(best))
    for kind in sorted({r["kind"] for r in rows}):
        print(f"  kind {kind}:", share([r for r in rows if r["kind"] == kind]))
    mc = [r for r in rows if r["kind"] == "multiple_choice"]
    fine = sum(1 for r in mc if r["distractors_ok"])
    print(f"  multiple choice distractors fine: {fine} of {len(mc)}" + (f" ({100 * fine / len(mc):.0f}%)" if mc else ""))
    print("  score >= 0.7:", share([r for r in rows if r["score"] >= 0.7]))
    print("  score < 0.7:", share([r for r in rows if r["score"] < 0.7]))
    for article in sorted({r["article"] for r in rows}):
        print(f"  article {article}:", share([r for r in rows if r["article"] == article]))
    if len(readers) == 2:
        a, b = readers.values()
        both = set(a) & set(b)
        same = sum(str(a[n]["verdict"]).upper()[:3] == str(b[n]["verdict"]).upper()[:3] for n in both)
        print(f"readers agreed on {same} of {len(both)} items")
    faults = collections.Counter(r["reason"].split(":")[0].strip().lower() for r in rows if not r["ok"])
    print("faults:", ", ".join(f"{reason or '?'} {count}" for reason, count in faults.most_common()))


if __name__ == "__main__":
    main(sys.argv[1])
