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
    lead: int = 0  # a list item: `text` is its lead-in, a space and the item; the item alone is verbatim
    verbatim: int = 0  # the item's length in the original article (when `lead`)
    listed: bool = False  # a bulleted line, or the line right after a lead-in, not joined to it: maybe a fragment


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
    lead_in = None  # the words before the colon that open a list ("The plan is funded from three sources:")
    continuing = False  # the line before was an item of that list that ended in ';'
    for index, (line, start) in enumerate(lines):
        if GLOSSARY.match(line):
            break
        item = list_item(line, lead_in, continuing)
        continuing = False
        if item is not None:
            joined = lead_for_one(lead_in, item[1], text)
            kept.append(Paragraph(joined, start + item[0], len(joined) - len(item[1]), item[2]))
            continuing = line.rstrip().endswith((";", "; and", "; or", ","))  # its last item may end in '.'
            if not continuing and not BULLET.match(line):
                lead_in = None  # a bulleted list goes on while its lines are bulleted
            continue
        listed = lead_in is not None or bool(BULLET.match(line))  # "The union has four demands:" then "A pay rise ..."
        lead_in = _lead_in(line)
        if lead_in is not None:
            before = line[: len(line) - len(lead_in) - 1].rstrip()  # "Thornwick offers a refund. To get one, owners should:"
            if not before:
                continue
            line = before  # the sentences before the lead-in are story of their own
        if counts.get(line, 1) > 1 or CAPTION_START.match(line) or CAPTION_DATE.search(line):
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
        bullet = BULLET.match(line)
        if bullet:  # "- The plant opens in May.": the bullet is no part of the sentence (nor of a prompt)
            line, start = line[bullet.end() :], start + bullet.end()
        kept.append(Paragraph(line, start, listed=listed))
    return kept


# "Protecting Firefighters from PFAS: DoD is ...", "Mayors Plenary – The plenary will ...": a list label
# in front of the paragraph's first sentence, a heading of its own rather than part of that sentence
LABEL = re.compile(r"^(?:[A-Z][\w’'-]*(?:,? (?:[A-Z][\w’'-]*|and|of|for|from|to|the|in|on|with|&))*)"
                   r"(?: \([A-Z]{2,}\))?\s*(?::|\s[–—-])\s+(?=[A-Z“\"])")


BULLET = re.compile(r"^(?:[-\u2013\u2022*\u00b7]|\d{1,2}[.)])\s+")
LEAD_IN = re.compile(r"(?:^|(?<=[.!?]\s))([A-Z][^.!?:]{10,200}):$")


def _lead_in(line):
    """'CWRIP will be funded from three main sources:': the sentence a list of fragments completes (at
    least three words and a verb-like word, not a heading such as 'Key facts:')."""
    match = LEAD_IN.search(line)
    if match is None or len(match.group(1).split()) < 4:
        return None
    return match.group(1)


COUNT_WORDS = r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|some|a few)"
COUNTED_END = re.compile(rf"\b{COUNT_WORDS}(?: [a-z-]+){{0,2}} (?!(?:steps|tips|things|ways|instructions)$)[a-z-]*[^s\W]s$")
LINKING_END = re.compile(r"\b(are|were)$")  # 'The key specifications are:'
OPEN_END = re.compile(r"\b(?:to|by|should|must|will|can|would|could|may|might)$")  # 'owners should:', 'committed to:'
DONE_LISTS = r"(?:steps|tips|things|ways|instructions)"  # members done, not included: "take these steps: check ..."
POINTING_END = re.compile(rf"\b(?:the following|these)((?: [a-z-]+){{0,2}} (?!{DONE_LISTS}$)[a-z-]*[^s\W]s)$")
INCLUDING_END = re.compile(r"\b(?:include|includes|included|including|contain|contains|contained|comprise|comprises)$")


def lead_for_one(lead_in, item, article=""):
    """The lead-in and one item of its list as one sentence that reads right with that one member: 'The union has set
    out four demands: a pay rise ...' speaks of four and shows one, so it is written 'The union has set out four
    demands, including a pay rise ...'; 'The key specifications are: a 6.4-inch display' -> '... include a ...';
    'To get one, owners should: Stop using it' -> '... owners should stop using it'; 'The plan includes the following
    measures: raising pay' -> 'The plan includes raising pay', 'It has these features: a hinge' -> 'It has features that
    include a hinge'. Otherwise lead-in, colon, item."""
    first = re.match(r"[\w-]*", item).group(0)  # "Lumeno" of "Lumeno's own screens"
    if first[:1].isupper() and first[1:].islower() and not re.search(rf"[a-z,] {re.escape(first)}\b", article):
        item = item[:1].lower() + item[1:]  # "Protective screens on every bus": no name, for the article never
        # writes the word with a capital inside a sentence ("Veltrona's own processor" keeps its name)
    if COUNTED_END.search(lead_in):
        return f"{lead_in}, including {item}"
    pointing = POINTING_END.search(lead_in)  # "the following measures:" points at a list it no longer shows
    if pointing:
        before = lead_in[: pointing.start()].rstrip()
        if INCLUDING_END.search(before):
            return f"{before} {item}"  # "The plan includes the following measures: raising ..." -> "includes raising ..."
        return f"{before} {pointing.group(1).strip()} that include {item}"
    linking = LINKING_END.search(lead_in)
    if linking:
        return f"{lead_in[: linking.start()]}{'include' if linking.group(1) == 'are' else 'included'} {item}"
    if OPEN_END.search(lead_in) and item[:1].islower():
        return f"{lead_in} {item}"  # a verb after 'should' or 'to' ('stop using it', 'adopting a rule')
    return f"{lead_in}: {item}"


def list_item(line, lead_in, continuing=False):
    """(offset, text to parse, verbatim length) of a list item that completes `lead_in`: a line after
    a lead-in that ends in ';' (or is bulleted, or is the last item, after one that ended in ';'),
    '- $720 million in federal funds under the IIJA;'
    -> 'The plan is funded from three sources: $720 million in federal funds under the IIJA.'
    The item is a fragment, not a sentence: it stands alone only with its lead-in."""
    if lead_in is None:
        return None
    bullet = BULLET.match(line)
    offset = bullet.end() if bullet else 0
    body = line[offset:].strip()
    if not (bullet or continuing or body.endswith((";", "; and", "; or"))) or len(body.split()) < 3 or len(body.split()) > 60:
        return None
    if re.search(r"[.!?][\"'\u201d\u2019)]*\s+[A-Z]", body) or re.search(r":\s", body):
        return None  # an item of whole sentences stands alone already; 'April 15: ...' is a label and its entry
    text = re.sub(r"\s*(?:;|; and|; or|,|\.)?$", "", body) + "."
    first = text.split()[0]  # "A thickness of ..." -> "... features: a thickness of ..."; "AN-12 ..." stays
    return offset, text[:1].lower() + text[1:] if first.lower() in ("a", "an", "the") and first[:1].isupper() \
        and not (len(first) > 1 and first.isupper()) else text, len(body)
