"""'post-eruption cooling - sometimes called volcanic winter -': the name a phrase gives a thing, asked on its own.

A naming inside a sentence ('X, known as Y', 'X - sometimes called Y -', 'a part of the air known as
the ionosphere') is a fact of its own: 'What is post-eruption cooling sometimes called?' needs
nothing else of the sentence, so it is asked even when the rest of the sentence leans on another
one ('This activity helps form ...'). The thing named must be a phrase that says which thing it is
(two words or more, no pronoun, no 'this', no number, not 'the N' that points back to an N named before),
and not a word for a name ('a concept called X': the concept is the whole clause before it).
"""
from .textnorm import norm

NAMING = {"call": "called", "know": "known as", "name": "named", "dub": "dubbed"}
ADVERBS = {"sometimes", "also", "often", "commonly", "widely", "now", "usually", "generally", "popularly"}
POINTING = {"this", "these", "that", "those", "its", "their", "his", "her", "our", "your", "such", "another", "other"}
NAME_WORDS = {"concept", "term", "name", "word", "idea", "phenomenon", "process", "method", "practice", "thing",
              "one", "something", "way", "kind", "type", "form", "category", "group", "effect"}
PARTS = {"part", "piece", "section", "portion", "member", "layer", "region", "area", "side", "half"}
MAX_TERM_TOKENS = 4
NOUN_PHRASE = {"det", "amod", "compound", "nmod", "poss", "case", "punct", "nummod"}
MIN_THING_WORDS, MAX_THING_WORDS = 2, 7


def namings(span):
    """[(thing, verb words, term, plural)] for each 'THING (, | -) [sometimes] called/known as TERM' in `span`."""
    found = []
    doc = span.doc
    for verb in span:
        said = NAMING.get(verb.lemma_.lower())
        if said is None or verb.tag_ != "VBN" or verb.dep_ == "ROOT" or verb.i == span.root.i:
            continue
        i = verb.i - 1
        adverbs = []
        while i >= span.start and doc[i].lower_ in ADVERBS:
            adverbs.insert(0, doc[i].lower_)
            i -= 1
        if i >= span.start and (doc[i].text in (",", "\u2013", "\u2014") or doc[i].text == "-" and doc[i].whitespace_):
            i -= 1
        if i < span.start:
            continue
        thing = _thing(doc[i])
        term = _term(verb, said)
        if thing is None or term is None:
            continue
        found.append(("".join(t.text_with_ws for t in thing).strip(), " ".join(adverbs + [said]), term,
                      doc[i].tag_ == "NNS"))
    return found


def _thing(noun):
    """The phrase the noun right before the naming heads ('post-eruption global cooling'); 'a part of Earth's
    atmosphere' when the noun is the object of 'of'."""
    if noun.pos_ != "NOUN" or noun.ent_type_ or noun.lemma_.lower() in NAME_WORDS:
        return None
    head = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        head = noun.head.head
    if head.lemma_.lower() in PARTS or any(t.tag_ in ("JJR", "RBR") for t in head.subtree if t.i <= noun.i):
        return None  # "a part of the air known as X" (one part of several), "a larger asteroid called X" (than what?)
    if head.lemma_.lower() in NAME_WORDS and head is not noun:
        head = noun  # "a kind of fish known as X": the fish
    doc = noun.doc
    start = head.i
    while start - 1 >= noun.sent.start and doc[start - 1].dep_ in NOUN_PHRASE and head.i >= doc[start - 1].head.i >= start:
        start -= 1  # "post-eruption global cooling", not the "how" before it
    tokens = list(doc[start : noun.i + 1])
    if tokens[0].is_punct or start > noun.sent.start and not doc[start - 1].whitespace_:
        return None  # "a 34-year-old nurse named X": the phrase would start inside a word ("-old nurse")
    words = [t for t in tokens if not t.is_punct and t.tag_ != "POS" and t.dep_ != "det"]
    if not MIN_THING_WORDS <= len(words) <= MAX_THING_WORDS:
        return None  # "a trick known as X": which trick is the name itself
    if tokens[0].lower_ == "the":
        return None  # "the space lander, called X": the one named before, which the question cannot say
    if tokens[0].lower_ in ("a", "an") and len(words) < 3 and not any(t.lower_ == "of" for t in tokens):
        return None  # "an ancient city called X": one of many; "a part of the air" says which
    if any(t.lower_ in POINTING or t.pos_ == "PRON" or t.like_num or t._.qtext is not None
           or t.text in (",", "(", ")", "\u2013", "\u2014") for t in tokens):
        return None  # "this cooling", "its outer layer", "two layers": which one is in another sentence
    return tokens


def _term(verb, said):
    """The name given: the words right after 'called' / 'known as', up to a comma, a dash or a verb."""
    doc = verb.doc
    i = verb.i + 1
    if said == "known as":
        while i < len(doc) and doc[i].lower_ in ADVERBS:
            i += 1  # "known also as"
        if i >= len(doc) or doc[i].lower_ != "as":
            return None
        i += 1
    tokens = []
    while i < len(doc) and len(tokens) <= MAX_TERM_TOKENS:
        t = doc[i]
        if t.is_punct and t.text not in ("-",) or t.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON", "PART"):
            break
        if tokens and t.pos_ == "DET":
            break  # "called Marrowby each June": the name ends before the time ("volcanic winter" is no date)
        tokens.append(t)
        i += 1
    article = ""
    if tokens and tokens[0].lower_ in ("the", "a", "an"):
        article, tokens = tokens[0].lower_ + " ", tokens[1:]
    if not tokens or len(tokens) > MAX_TERM_TOKENS or not tokens[-1].is_alpha or tokens[-1].pos_ == "DET":
        return None  # (the model may tag a rare term 'ionosphere' as an adverb: any word but a determiner)
    return "".join(t.text_with_ws for t in tokens).strip(), article


def naming_items(sentence, *, common, score):
    """Short answers 'What is THING called?' for the namings of `sentence`."""
    items = []
    for thing, said, (term, article), plural in namings(sentence.span):
        if norm(term) in norm(thing) or norm(thing) in norm(term):
            continue
        first = thing[:1].lower() + thing[1:] if not thing.split()[0].isupper() else thing
        prompt = f"What {'are' if plural else 'is'} {first} {said}?"
        items.append(dict(kind="short_answer", prompt=prompt, answer=term, choices=[], accepted=[article + term] if article else [],
                          score=score + 0.05, source_sentence=sentence.text, answer_type="OTHER", **common))
    return items
