"""What a named speaker's quotation states as a fact, asked as reported speech.

'"The orbit now takes 11 hours and 4 minutes," said Ana Vell, who leads the team.' and 'Vell
said, "Any lake deeper than 40 metres keeps a cold layer all summer."' are dropped as quoted
speech (clauses.why_unusable 'quoted-speech'), yet the quotation states a fact the story
rests on. `reported_view` gives the quotation as a clause of its own, written with its
speaker: 'According to Ana Vell, the orbit now takes 11 hours and 4 minutes.' Its names and
numbers are asked like any clause's; the speaker is only in the lead-in, never blanked (who
said it is trivia, rules `who-said`, `titled-speaker`).

Only a whole quoted sentence that states an amount, a count or a date, opening or closing its
sentence beside a verb of saying whose subject is a named person or body (or in a quotation of
several sentences that closes on one). What someone feels, thinks, wants or expects is no
fact: a quotation with 'I', 'we', 'you' ('We are thrilled', 'I think it will be hard'), a
modal of prediction or duty ('will', 'would', 'should') or a word of feeling or belief stays out.
A quotation fragment inside a statement ('a "rubble pile" object') is no quotation to drop.
"""
from .parse import CLOSE_QUOTES, OPEN_QUOTES

SAYING = {"say", "add", "tell", "explain", "note", "state", "write", "announce", "report", "confirm"}
QUOTE_MARKS = {OPEN_QUOTES, CLOSE_QUOTES, '"'}
PERSONAL = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves", "you", "your", "yours"}
NOT_FACTS = {"will", "would", "should", "could", "might", "may", "must", "'ll", "shall", "ought",  # predictions, duties
             "think", "believe", "hope", "expect", "feel", "want", "wish", "fear", "worry", "love", "hate", "guess",
             "suppose", "seem", "need", "thrill", "excite", "delight", "proud", "happy", "glad", "sad", "sorry",
             "disappoint", "afraid", "wonderful", "terrible", "amazing", "incredible", "great", "hard", "difficult",
             "easy", "perhaps", "maybe", "probably", "hopefully", "unfortunately", "sure", "clear", "obvious"}
MIN_WORDS = 5
MEASURES = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL"}  # what a quoted fact states


def reported_view(sentence, names=lambda sentence: (lambda ent: ent.text), following=()):
    """Where the quotation's words start, the mark that ends them (its comma, full stop or closing
    mark, written as a full stop) and the lead-in 'According to Ana Vell, ' when the sentence is a
    named speaker's quoted sentence that states a fact, else None. `names(sentence)`: the article's
    full name of a mention there ('Vell' -> 'Ana Vell'). `following`: the sentences after
    it in its paragraph, where a quotation of several sentences names its speaker ('"The orbit now
    takes 11 hours. It was 12 before," said Vell.' asks its first sentence)."""
    span = sentence.span
    tokens = [t for t in span if not t.is_space]
    marks = [t for t in tokens if t.text in QUOTE_MARKS]
    if sentence.starts_in_quote or (len(marks) == 1 and marks[0].i == tokens[0].i and marks[0].text != CLOSE_QUOTES):
        return _inside_long_quotation(sentence, tokens, marks, names, following)
    if len(marks) != 2 or marks[0].text == CLOSE_QUOTES or marks[1].text == OPEN_QUOTES:
        return None
    opening, closing = marks
    if opening.i == tokens[0].i:  # '"Q," said Ana Vell, ...'
        start, stop = opening.i + 1, closing.i - 1  # the comma inside the marks, or the closing mark itself
        if span.doc[stop].text != "," and not (closing.i + 1 < span.end and span.doc[closing.i + 1].text == ","):
            return None  # '"Q" was the slogan': no saying
        if span.doc[stop].text != ",":
            stop = closing.i  # '"Q", said ...'
        rest = span.doc[closing.i + 1 : span.end]
    elif closing.i == tokens[-1].i or (closing.i == tokens[-2].i and tokens[-1].is_punct):  # 'Vell said, "Q."'
        before = span.doc[opening.i - 1] if opening.i > span.start else None
        if before is None or before.text not in (",", ":"):
            return None
        start, stop = opening.i + 1, closing.i - 1 if span.doc[closing.i - 1].text == "." else closing.i
        rest = span.doc[span.start : opening.i]
    else:
        return None
    speaker = _speaker(rest, names(sentence))
    if speaker is None or not _states_a_fact(span.doc[start:stop]):
        return None
    return start, stop, f"According to {speaker}, "


def _inside_long_quotation(sentence, tokens, marks, names, following):
    """A whole sentence of a quotation that runs on to a later sentence of the paragraph, where it
    closes and names its speaker ('..., said Ana Vell.'): the sentence, its speaker from there."""
    if marks and not (len(marks) == 1 and marks[0].i == tokens[0].i):
        return None  # it closes here, or holds a quotation of its own
    if tokens[-1].text not in (".", "!") or tokens[-1].i - tokens[0].i < MIN_WORDS:
        return None
    for later in following:
        shut = [t for t in later.span if t.text in QUOTE_MARKS]
        if not shut:
            continue  # the quotation goes on
        if shut[0].text == OPEN_QUOTES or shut[-1].i == later.span[-1].i or shut[-1].i + 1 >= later.span.end:
            return None
        speaker = _speaker(later.span.doc[shut[0].i + 1 : later.span.end], names(later))
        if speaker is None:
            return None
        start = tokens[0].i + (1 if marks else 0)
        if not _states_a_fact(sentence.span.doc[start : tokens[-1].i]):
            return None
        return start, tokens[-1].i, f"According to {speaker}, "
    return None


def _speaker(rest, name_of):
    """The named subject of the verb of saying outside the quotation ('said Ana Vell', 'Vell said', 'the
    Fenmoor Trust said'), by its full name (`name_of`: 'Vell' -> 'Ana Vell'); a pronoun the article resolved ('he said' -> 'Vell') counts."""
    for token in rest:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.lemma_ not in SAYING or token.head not in rest:
            continue
        written = (token._.qtext or "").strip()
        if token.pos_ == "PRON":
            return written if written and written[:1].isupper() else None
        ent = next((e for e in rest.ents if e.start <= token.i < e.end and e.label_ in ("PERSON", "ORG")), None)
        if ent is None:
            return None
        first = ent.start
        full = name_of(ent)
        if not full.endswith(ent.text.split()[-1]):
            full = ent.text  # the article's name for it is not this mention's ('Vell' of 'the Vell Prize')
        if ent.label_ == "ORG" and first > rest.start and rest.doc[first - 1].lower_ == "the":
            return "the " + full
        return full
    return None


def _states_a_fact(content):
    """A clause of five words or more, with a subject, that says nothing of the speaker's own feelings,
    beliefs, wishes or predictions."""
    words = [t for t in content if not t.is_punct and not t.is_space]
    if len(words) < MIN_WORDS or any(t.text in QUOTE_MARKS for t in content):
        return False
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in content):
        return False
    if not any(t.ent_type_ in MEASURES and t.like_num for t in content):  # 'tonight', 'a bad winter' are no figure
        return False  # 'things got very interesting', 'recovery isn't a finish line': a view, no fact to recall
    return not any(t.lower_ in PERSONAL or t.lower_ in NOT_FACTS or t.lemma_.lower() in NOT_FACTS for t in words)


def apply(sentence, found):
    """The quotation as a Sentence of its own: the lead-in written before its first word and its last
    mark as a full stop (on the doc's tokens, as references.py writes its replacements). Returns the
    view and what `restore` puts back once the view's items are made, so that items of the whole
    sentence read as written."""
    from .parse import Sentence
    start, stop, lead = found
    doc = sentence.span.doc
    first, last = doc[start], doc[stop]
    saved = [(first, first._.qtext), (last, last._.qtext)]
    keep = first.pos_ == "PROPN" or first.ent_type_ or (first.text.isupper() and len(first.text) > 1)
    lowered = first.text if keep else first.lower_  # 'A majority is ...' -> 'a majority', 'NASA' stays
    first._.qtext = f"{lead}{lowered}{first.whitespace_}"
    last._.qtext = "."
    view = Sentence(sentence.index, doc[start : stop + 1], sentence.text, False, reported=True)
    return view, saved


def restore(saved):
    for token, written in saved:
        token._.qtext = written
