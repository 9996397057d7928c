"""The gold-fact judge: does an item ask a fact an independent reader listed?

A copy of the workplace's coverage judge (shared/tools/coverage.py and check_items.py,
stdlib only), kept in the repo so the ranker can be fitted and the tests can measure
coverage without anything outside it. A fact is covered when an item from the fact's
sentence asks for its answer (a true statement covers it when it states the answer).
"""
import difflib
import re
import unicodedata

def norm(s):
    s = unicodedata.normalize("NFKC", s or "").lower()
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = re.sub(r"[^\w$%.'\- ]+", " ", s)
    return re.sub(r"\s+", " ", s).strip(" .")


def words(s):
    return re.findall(r"[\w$%]+(?:'(?!s\b)\w+)*|'s\b", norm(s))


def contains_phrase(hay, needle):
    n = words(needle)
    h = words(hay)
    if not n:
        return False
    return any(h[i:i + len(n)] == n for i in range(len(h) - len(n) + 1))


HEDGE = {"the", "a", "an", "about", "around", "nearly", "almost", "approximately", "roughly", "some", "over", "under",
         "more", "than", "less", "fewer", "at", "least", "up", "to", "as", "many", "much", "just", "only", "its", "his",
         "her", "their", "in", "on", "by"}


def _core(ws):
    ws = list(ws)
    while ws and ws[0] in HEDGE:
        ws = ws[1:]
    return tuple(ws)


def answer_matches(ans, gold):
    """The item's answer is the gold answer: equal, nearly equal, or a fair part of it.
    A shorter answer counts only when it keeps 60% of the gold's words or is one whole
    member of a listed answer ('Russian' is no answer to 'the Russian S-400 system')."""
    a, g = _core(words(ans)), _core(words(gold))
    if not a or not g:
        return False
    if a == g or difflib.SequenceMatcher(None, norm(ans), norm(gold)).ratio() > 0.85:
        return True
    if contains_phrase(ans, gold) and len(a) <= len(g) + 3:
        return True
    if contains_phrase(gold, ans):
        if len(a) >= 0.6 * len(g):
            return True
        parts = [_core(words(p)) for p in re.split(r",\s*|\s+and\s+|\s+or\s+|\s*&\s*", gold) if p.strip()]
        return len(parts) > 1 and a in parts
    return False


def covered(fact, items):
    """A gold fact is covered when an item from its sentence asks for its answer (a true
    statement covers it when it states the answer)."""
    golds = [fact["answer"]] + fact.get("aliases", [])
    gs = norm(fact["sentence"])
    for it in items:
        if it.get("kind") == "true_false" and it.get("answer") != "True":
            continue
        src = norm(it.get("source_sentence") or "")
        if not src or not (src in gs or gs in src or difflib.SequenceMatcher(None, src, gs).ratio() > 0.8):
            continue
        if it.get("kind") == "true_false":
            if any(contains_phrase(it.get("prompt") or "", g) for g in golds):
                return True
        elif any(answer_matches(it.get("answer") or "", g) for g in golds):
            return True
    return False


def top(items, k):
    """The k items a teacher meets first: highest score first (the generator's own ranking)."""
    return sorted(items, key=lambda it: -float(it.get("score") or 0))[:k]


