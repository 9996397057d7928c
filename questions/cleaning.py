"""Reading a news page: keep the story's paragraphs, drop everything that is not story.

News text carries a title, photo captions (often repeated, often "FILE - ...", often
cut off mid-word), datelines, section headings, bylines, credit lines and glossaries.
`story_paragraphs` returns the paragraphs worth asking about, each with its character
offset in the original text so sentences can be quoted verbatim.
"""
import re
from dataclasses import dataclass

TERMINAL = re.compile(r"[.?!\u2026][\"'\u201d\u2019)\]]*\s*$")
DATELINE = re.compile(r"^(?:[A-Z][A-Z.'\u2019-]*(?:[ ,]+[A-Z0-9][A-Za-z0-9.'\u2019-]*){0,5})\s*(?:\([A-Za-z ]+\)\s*)?[-\u2013\u2014]+\s+")
CAPTION_DATE = re.compile(
    r",\s+(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4}\.?\s*$"
)
CREDIT = re.compile(
    r"(wrote|reported|adapted|edited) (this|the) (story|report|article)|^I['\u2019]m [A-Z][a-z]+ [A-Z]|^\(?(Reporting|Editing|Additional reporting) by"
    r"|^(Copyright|©)|contributed to this report|^(Photo|Image|Credit|Source):",
    re.IGNORECASE,
)
GLOSSARY = re.compile(r"^(words in this story|vocabulary|glossary|related stories|read more|see also)\b", re.IGNORECASE)
PROMPTS = re.compile(r"^(what do you think|write to us|tell us|share your|let us know|join the conversation)", re.IGNORECASE)
CAPTION_START = re.compile(r"^(FILE|FILE PHOTO|PHOTO|IMAGE)\s*[-\u2013\u2014:]", re.IGNORECASE)


@dataclass(frozen=True)
class Paragraph:
    text: str
    start: int  # offset of `text` in the original article


def title_of(text, fallback="Untitled article"):
    """The article's title: its first non-empty line when that reads as a heading."""
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line if not TERMINAL.search(line) and len(line.split()) <= 20 else fallback
    return fallback


def _lines(text):
    offset = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            yield stripped, offset + raw.index(stripped)
        offset += len(raw)


def is_heading(line):
    """A short line with no sentence-final punctuation: a title or section heading."""
    return not TERMINAL.search(line) and len(line.split()) <= 14


def story_paragraphs(text):
    """The paragraphs of the story proper, in order, with their offsets."""
    lines = list(_lines(text))
    counts = {}
    for line, _ in lines:
        counts[line] = counts.get(line, 0) + 1
    kept = []
    for index, (line, start) in enumerate(lines):
        if GLOSSARY.match(line):
            break
        if counts[line] > 1 or CAPTION_START.match(line) or CAPTION_DATE.search(line):
            continue
        if any(other != line and other.startswith(line) for other, _ in lines[index + 1 : index + 3]):
            continue  # a caption cut off mid-word, followed by the whole caption
        if is_heading(line) or not TERMINAL.search(line) or CREDIT.search(line) or PROMPTS.match(line):
            continue
        dateline = DATELINE.match(line)
        if dateline and len(dateline.group(0)) < 60:
            line, start = line[dateline.end() :], start + dateline.end()
        label = LABEL.match(line)
        if label and not DATELINE.match(line):
            line, start = line[label.end() :], start + label.end()
        kept.append(Paragraph(line, start))
    return kept


# "Protecting Firefighters from PFAS: DoD is ...", "Mayors Plenary – The plenary will ...": a list label
# in front of the paragraph's first sentence, a heading of its own rather than part of that sentence
LABEL = re.compile(r"^(?:[A-Z][\w’'-]*(?:,? (?:[A-Z][\w’'-]*|and|of|for|from|to|the|in|on|with|&))*)"
                   r"(?: \([A-Z]{2,}\))?\s*(?::|\s[–—-])\s+(?=[A-Z“\"])")
