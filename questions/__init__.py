"""The question generator: English news text in, ranked quiz items out.

Pure Python on spaCy; never imports Flask. `generate(text)` returns a list of item
dicts in the JSON contract of CONTRACTS.md (kind, prompt, answer, choices, accepted,
source_sentence, answer_type, score, fact, source); `explain(text)` says why each
sentence gave what it gave.
"""
import re

from .cleaning import story_paragraphs, title_of
from .parse import MODEL, load_model  # noqa: F401  (the model is loaded once, by name)

MAX_BYTES = 2_000_000
TITLE_WORDS = 14  # a title made from the lede has at most this many words
_SENTENCE_END = re.compile(r"(?<=[a-z0-9”’\"')][.!?])\s+(?=[A-Z“‘\"'])")
_LOOSE_ENDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or", "its", "their"}
_CLAUSE = re.compile(r"[,;:]\s|\s[-–—]\s|\s(?:when|as|after|before|because|while|since|although|but|who|which|where|"
                     r"according)\s")
_ENGLISH = {"the", "of", "and", "to", "in", "is", "that", "for", "was", "on", "with", "as", "by", "are", "it", "said"}


class ArticleError(ValueError):
    """The file cannot be read as an English article; the message says why, in one sentence."""


def read_article(path):
    """The text of an article file, or ArticleError naming what is wrong with it."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a directory, not a text file.") from None
    except OSError as error:
        raise ArticleError(f"{path}: cannot be read ({error.strerror}).") from None
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{path}: is larger than {MAX_BYTES // 1_000_000} MB; a news article is far smaller.")
    if b"\x00" in data:
        raise ArticleError(f"{path}: is a binary file, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleError(f"{path}: is not UTF-8 text; save it as UTF-8 and try again.") from None
    if not text.strip():
        raise ArticleError(f"{path}: is empty.")
    return text


def article_title(text):
    """The headline when the file starts with one, else the story's first words."""
    title = title_of(text, fallback="")
    if title:
        return title
    paragraphs = story_paragraphs(text)
    first = paragraphs[0].text if paragraphs else text.strip()
    sentence = _SENTENCE_END.split(first, maxsplit=1)[0].rstrip(".!?:;, ")
    words = sentence.split()
    if len(words) <= TITLE_WORDS:
        return sentence
    cut = _CLAUSE.search(" ".join(words[:TITLE_WORDS + 1]), len(" ".join(words[:5])))
    if cut:  # the lede's main clause: "X will try to expand ties" of "X will try to expand ties when ..."
        return sentence[:cut.start()].rstrip(",;: ")
    shown = words[:TITLE_WORDS]
    while len(shown) > 5 and shown[-1].lower().strip(",;:") in _LOOSE_ENDS:  # not "... the village green in…"
        shown.pop()
    return " ".join(shown).rstrip(",;:") + "…"


def looks_english(text):
    tokens = re.findall(r"[a-z]+", text.lower()[:20000])
    return len(tokens) >= 8 and sum(t in _ENGLISH for t in tokens) / len(tokens) > 0.08


def _check_length(text):
    if len(text) > MAX_BYTES:
        raise ArticleError(f"The text is too long ({len(text):,} characters); a news article is far shorter.")


def generate(text, *, source="", limit=None, nlp=None, select=True):
    """Ranked items for one article text (an empty list for text with nothing to ask).

    `select=False` keeps every item the makers made and the gate let through, before the
    caps on items per sentence and per answer (what the makers' tests look at)."""
    _check_length(text)
    if not looks_english(text):
        return []
    from .generator import build_items  # spaCy is imported only when something is generated

    nlp = nlp or load_model()
    return build_items(text, lambda paragraphs: nlp.pipe(p.text for p in paragraphs), source=source, limit=limit,
                       select=select)


def explain(text, *, source="", limit=None, nlp=None):
    """Why each sentence gave the items it gave, and the rule behind every candidate dropped (as text)."""
    from .generator import build_items
    from .rules import Trace, report

    _check_length(text)
    if not looks_english(text):
        return "The text does not look like English: nothing is asked."
    nlp = nlp or load_model()
    trace = Trace()
    items = build_items(text, lambda paragraphs: nlp.pipe(p.text for p in paragraphs), source=source, limit=limit,
                        trace=trace)
    return report(trace, items)


def generate_many(texts, *, sources=None, limit=None, nlp=None, batch_size=64, keep_features=False):
    """Items for many articles, parsing all their paragraphs in one `nlp.pipe` stream."""
    from .generator import build_items

    nlp = nlp or load_model()
    texts = list(texts)
    for text in texts:
        _check_length(text)
    sources = list(sources or [""] * len(texts))
    english = [looks_english(t) for t in texts]
    paragraph_lists = [story_paragraphs(t) if ok else [] for t, ok in zip(texts, english)]
    docs = iter(nlp.pipe((p.text for ps in paragraph_lists for p in ps), batch_size=batch_size))
    results = []
    for text, source, paragraphs, ok in zip(texts, sources, paragraph_lists, english):
        parsed = [next(docs) for _ in paragraphs]
        results.append(build_items(text, lambda _: parsed, source=source, limit=limit, keep_features=keep_features)
                       if ok else [])
    return results
