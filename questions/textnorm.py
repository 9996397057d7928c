"""Comparable forms of text, shared by the generator and its quality gate."""
import functools
import re
import unicodedata

QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


@functools.lru_cache(maxsize=65536)
def norm(text):
    """Lowercase, plain quotes, punctuation other than $ % . ' - dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text or "").lower().translate(QUOTES)
    text = re.sub(r"[^\w$%.'\- ]+", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .")


@functools.lru_cache(maxsize=65536)
def words(text):
    """Word tokens of the normalised text (a possessive 's is its own token), as a tuple."""
    return tuple(re.findall(r"[\w$%]+(?:'(?!s\b)\w+)*|'s\b", norm(text)))


def contains_phrase(hay, needle):
    """True when the words of `needle` appear in order, contiguously, in `hay`."""
    n, h = words(needle), words(hay)
    return bool(n) and any(h[i : i + len(n)] == n for i in range(len(h) - len(n) + 1))
