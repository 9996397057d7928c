"""How fast is the generator? Prints figures; not a test (machines here are shared and noisy).

Targets (issue #3): generating from the seed costs at most 1.5x spaCy's own parse of
the same text in the same process; a batch of 50 articles goes through `nlp.pipe`;
a cold `quizapp generate --json` on the seed, model load included, under 3 s.
"""
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import questions  # noqa: E402
from questions import textnorm  # noqa: E402

SEED = next((ROOT / "seeds").glob("*.txt"))
ARTICLES = [SEED, *sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))]


def best_of(runs, action):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main():
    nlp = questions.load_model()
    text = SEED.read_text(encoding="utf-8")
    nlp(text)  # warm up
    parse_min, parse_median = best_of(15, lambda: nlp(text))
    def generate_cold_caches():
        textnorm.norm.cache_clear()  # no help from the previous run's memoised strings
        textnorm.words.cache_clear()
        questions.generate(text, nlp=nlp)

    generate_min, generate_median = best_of(15, generate_cold_caches)
    print(f"seed article ({len(text.split())} words)")
    print(f"  spaCy parse of the text:    min {parse_min * 1000:7.1f} ms   median {parse_median * 1000:7.1f} ms")
    print(f"  generate (parse included):  min {generate_min * 1000:7.1f} ms   median {generate_median * 1000:7.1f} ms")
    print(f"  ratio generate / parse:     {generate_median / parse_median:.2f}x (target <= 1.5x)")

    texts = [path.read_text(encoding="utf-8") for path in ARTICLES] * 13
    texts = texts[:50]
    start = time.perf_counter()
    results = questions.generate_many(texts, nlp=nlp)
    batch = time.perf_counter() - start
    print(f"batch of {len(texts)} articles through nlp.pipe: {batch:.2f} s, "
          f"{batch / len(texts) * 1000:.0f} ms per article, {sum(map(len, results))} items")

    quizapp = Path(sys.executable).with_name("quizapp")
    cold = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([str(quizapp), "generate", "--json", str(SEED)], check=True, capture_output=True)
        cold.append(time.perf_counter() - start)
    print(f"cold `quizapp generate --json` on the seed: min {min(cold):.2f} s, max {max(cold):.2f} s (target < 3 s)")


if __name__ == "__main__":
    main()
