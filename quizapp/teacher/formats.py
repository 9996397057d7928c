"""Question files in and out: CSV (round trip by id), Moodle GIFT, Anki .apkg (made in `anki.py`). No database here.

Parsing checks every row and names each bad row and column; exports make
spreadsheet formulas inert.
"""
import csv
import io
import re
from dataclasses import dataclass, field

from ..items import BLANK, STATUSES, validate_item
from ..spreadsheets import inert, uninert
from .anki import ANKI_DECK_ID, ANKI_MODEL_ID, questions_apkg  # noqa: F401  (the Anki export, re-exported here)

QUESTION_COLUMNS = ["id", "article", "kind", "prompt", "answer", "choices", "accepted", "source_sentence",
                    "answer_type", "score", "status"]
REQUIRED_COLUMNS = {"article", "kind", "prompt", "answer"}
SEPARATOR = " | "


class RefusedImport(Exception):
    """An import that was refused; `errors` lists every problem found."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


class BadGiftQuestion(Exception):
    """One GIFT question that cannot be read; the message says why."""


@dataclass
class Parsed:
    """One question read from a file, before it is stored."""

    line: int
    item: dict
    article: str
    item_id: int | None = None
    status: str | None = None
    errors: list = field(default_factory=list)
    id_from_title: bool = False  # GIFT: the id came from a `::Q12::` title, which anyone's file may have


# --- CSV -----------------------------------------------------------------------------

def questions_csv(items):
    """The question bank as CSV text, one row per item, by id."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(QUESTION_COLUMNS)
    for item in sorted(items, key=lambda i: i["id"]):
        writer.writerow([inert(v, round_trip=True) for v in [
            item["id"], item["article_title"], item["kind"], item["prompt"], item["answer"],
            SEPARATOR.join(item["choices"]), SEPARATOR.join(item["accepted"]), item["source_sentence"],
            item["answer_type"], item["score"], item["status"],
        ]])
    return buffer.getvalue()


def _split(value):
    return [part.strip() for part in uninert(value).split("|") if part.strip()]


def decode(data):
    """Bytes of an uploaded file as text, or RefusedImport naming the problem."""
    if b"\x00" in data[:4096]:
        raise RefusedImport(["The file is not text (it looks like a binary file)."])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise RefusedImport([f"The file is not UTF-8 text (bad byte at position {error.start}); save it as UTF-8 CSV."]) from None


def parse_questions_csv(text):
    """Read a question CSV; returns the parsed rows or raises RefusedImport with every problem."""
    reader = csv.DictReader(io.StringIO(text, newline=""))  # newline="": \r\n, \n and old Excel's \r all end a row
    columns = set(_read_row(reader, lambda: reader.fieldnames, 1) or [])
    missing = sorted(REQUIRED_COLUMNS - columns)
    if missing:
        raise RefusedImport([f"Missing column{'s' if len(missing) > 1 else ''}: {', '.join(missing)}."])
    parsed, number = [], 1
    while (row := _read_row(reader, lambda: next(reader, None), number + 1)) is not None:
        number += 1
        if None in row:
            parsed.append(Parsed(number, {}, "", errors=["row: more cells than columns"]))
            continue
        item = {
            "kind": uninert(row.get("kind")),
            "prompt": uninert(row.get("prompt")),
            "answer": uninert(row.get("answer")),
            "choices": _split(row.get("choices")),
            "accepted": _split(row.get("accepted")),
            "source_sentence": uninert(row.get("source_sentence")),
            "answer_type": uninert(row.get("answer_type")) or "OTHER",
            "score": 0.0,
        }
        for optional in ("choices", "accepted", "source_sentence", "answer_type"):
            if optional not in columns:  # an update keeps what the file does not hold
                del item[optional]
        entry = Parsed(number, item, uninert(row.get("article")))
        entry.errors = [f"{column}: {message}" for column, message in validate_item(item).items()]
        if not entry.article:
            entry.errors.append("article: give the article's title.")
        raw_id = (row.get("id") or "").strip()
        if raw_id:
            if not raw_id.isdigit():
                entry.errors.append("id: must be a number (or empty for a new question).")
            else:
                entry.item_id = int(raw_id)
        raw_score = (row.get("score") or "").strip()
        if raw_score:
            try:
                item["score"] = float(raw_score)
            except ValueError:
                item["score"] = None
            if item["score"] is None or not 0 <= item["score"] <= 1:  # also nan, which no comparison holds for
                entry.errors.append("score: must be a number from 0 to 1.")
                item["score"] = 0.0
        status = (row.get("status") or "").strip()
        if status and status not in STATUSES:
            entry.errors.append(f"status: must be one of {', '.join(STATUSES)}.")
        entry.status = status or None
        parsed.append(entry)
    return parsed


def _read_row(reader, read, number):
    """One step of the CSV reader, its errors (a cell over the csv module's limit) as a refusal naming the row."""
    try:
        return read()
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            message = f"a cell is longer than {csv.field_size_limit()} characters."
        else:
            message = f"the CSV cannot be read ({error})."
        raise RefusedImport([f"Row {number}: {message}"]) from None


# --- Moodle GIFT ---------------------------------------------------------------------

_GIFT_SPECIAL = re.compile(r"([~=#{}:\\])")


def gift_escape(text):
    """Text with GIFT's special characters escaped."""
    return _GIFT_SPECIAL.sub(r"\\\1", text).replace("\n", "\\n")


def gift_unescape(text):
    """GIFT text with its escapes undone."""
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), text).strip()


def questions_gift(items):
    """The items as Moodle GIFT text, one category per article, titled Q<id> for round trips."""
    out, category = [], None
    for item in sorted(items, key=lambda i: (i["article_title"], i["id"])):
        if item["article_title"] != category:
            category = item["article_title"]
            out.append(f"$CATEGORY: quizapp/{gift_escape(category)}\n")
        title = f"::Q{item['id']}::"
        kind, prompt, answer = item["kind"], item["prompt"], item["answer"]
        if kind == "true_false":
            out.append(f"{title}{gift_escape(prompt)} {{{'TRUE' if answer == 'True' else 'FALSE'}}}\n")
        elif kind == "multiple_choice":
            options = " ".join(("=" if c == answer else "~") + gift_escape(c) for c in item["choices"])
            out.append(f"{title}{gift_escape(prompt)} {{{options}}}\n")
        elif kind == "fill_blank" and BLANK in prompt:
            before, after = prompt.split(BLANK, 1)
            out.append(f"{title}{gift_escape(before)}{{{_gift_keys(item)}}}{gift_escape(after)}\n")
        else:
            out.append(f"{title}{gift_escape(prompt)} {{{_gift_keys(item)}}}\n")
    return "\n".join(out)


def _gift_keys(item):
    """`=key =form2 ...`: the answer and every accepted form of a typed answer, each once, escaped."""
    forms = dict.fromkeys(f.strip() for f in [item["answer"], *item.get("accepted", [])] if f and f.strip())
    return " ".join("=" + gift_escape(form) for form in forms)


def _unescaped_split(text, marks):
    """(piece, mark that ends it) for `text` cut at each unescaped character in `marks` (a backslash escapes one character)."""
    pieces, start, position = [], 0, 0
    while position < len(text):
        if text[position] == "\\":
            position += 2
            continue
        if text[position] in marks:
            pieces.append((text[start:position], text[position]))
            start = position + 1
        position += 1
    pieces.append((text[start:], None))
    return pieces


def _unescaped_find(text, mark, start=0):
    """Where the first unescaped `mark` is in `text` from `start`, or -1."""
    position = start
    while position < len(text):
        if text[position] == "\\":
            position += 2
        elif text.startswith(mark, position):
            return position
        else:
            position += 1
    return -1


_WEIGHT = re.compile(r"%-?\d+(?:\.\d+)?%")  # Moodle's `=%50%answer`: the weight is not part of the answer


def _gift_answers(inside):
    """[(mark, answer text)] of the part in braces: each `=` or `~` answer, its `#feedback` left out, unescaped."""
    pieces = _unescaped_split(inside, "=~")
    if pieces[0][0].strip():
        raise BadGiftQuestion("answers must start with = (right) or ~ (wrong).")
    answers = []
    for (_, mark), (text, _) in zip(pieces, pieces[1:]):
        text = _unescaped_split(text, "#")[0][0].strip()
        answers.append((mark, gift_unescape(_WEIGHT.sub("", text, count=1) if _WEIGHT.match(text) else text)))
    return [(mark, text) for mark, text in answers if text]


def parse_gift(text):
    """Read GIFT questions (the four kinds quizapp has); raises RefusedImport with every problem."""
    parsed, errors, category = [], [], "Imported questions"
    blocks = _gift_blocks(text)
    for line, block in blocks:
        if block.startswith("$CATEGORY:"):
            category = gift_unescape(block.split(":", 1)[1]).removeprefix("quizapp/").strip() or category
            continue
        try:
            item_id, item = _gift_question(block)
        except BadGiftQuestion as error:
            errors.append(f"Question at line {line}: {error}")
            continue
        entry = Parsed(line, item, category, item_id=item_id, id_from_title=item_id is not None)
        entry.errors = [f"{column}: {message}" for column, message in validate_item(item).items()]
        parsed.append(entry)
    errors += [f"Question at line {e.line}, {m}" for e in parsed for m in e.errors]
    for entry in parsed:
        entry.errors = []  # reported above, under the GIFT wording
    if errors:
        raise RefusedImport(errors)
    return parsed


def _gift_blocks(text):
    blocks, current, start = [], [], 1
    # lines end at \n (or \r\n; at \r only in a file without any \n): never at U+2028 or a \r inside a question
    lines = text.replace("\r\n", "\n").split("\n") if "\n" in text else text.split("\r")
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if line.startswith("//"):
            continue
        if not line:
            if current:
                blocks.append((start, " ".join(current)))
                current = []
            continue
        if line.startswith("$CATEGORY:"):
            if current:
                blocks.append((start, " ".join(current)))
                current = []
            blocks.append((number, line))
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append((start, " ".join(current)))
    return blocks


def _gift_question(block):
    item_id = None
    if block.startswith("::") and (end := _unescaped_find(block, "::", 2)) >= 0:
        found = re.fullmatch(r"Q(\d+)", block[2:end].strip())
        item_id = int(found.group(1)) if found else None
        block = block[end + 2:]
    opened = _unescaped_find(block, "{")
    closed = _unescaped_find(block, "}", opened + 1) if opened >= 0 else -1
    if closed < 0:
        raise BadGiftQuestion("no answer part in braces { }.")
    before, inside, after = block[:opened].strip(), block[opened + 1: closed].strip(), block[closed + 1:].strip()
    if inside.upper() in ("T", "TRUE", "F", "FALSE"):
        answer = "True" if inside.upper().startswith("T") else "False"
        return item_id, {"kind": "true_false", "prompt": gift_unescape(before), "answer": answer, "choices": ["True", "False"]}
    answers = _gift_answers(inside)
    right = [text for mark, text in answers if mark == "="]
    if not right:
        raise BadGiftQuestion("no right answer (=) given.")
    if any(mark == "~" for mark, _ in answers):
        return item_id, {"kind": "multiple_choice", "prompt": gift_unescape(before + " " + after),
                         "answer": right[0], "choices": [text for _, text in answers]}
    accepted = [form for form in dict.fromkeys(right[1:]) if form != right[0]]
    if after:
        return item_id, {"kind": "fill_blank", "prompt": f"{gift_unescape(before)} {BLANK} {gift_unescape(after)}".strip()
                         .replace(f" {BLANK} .", f" {BLANK}.").replace(f" {BLANK} ,", f" {BLANK},"),
                         "answer": right[0], "accepted": accepted}
    return item_id, {"kind": "short_answer", "prompt": gift_unescape(before), "answer": right[0], "accepted": accepted}


def same_text(a, b):
    """Whether two prompts say the same, whatever the spaces (GIFT rebuilds a blank's surroundings)."""
    def words(text):
        return re.sub(r"\s+([.,;:!?])", r"\1", " ".join((text or "").split())).casefold()
    return words(a) == words(b)
