"""Item maker for what a relative clause says a named person did: 'Dr. Ana Lisk, a soil chemist,
who led the study, said ...' asked as 'Who led the study?'.

Who led a study, organised a show or was named player of the match is often the fact a teacher
asks about a person, and the article says it in a 'who' clause beside the name, in quoted speech
as often as not ('"...," said Dr. Ana Lisk, who led the study.'). The clause stands outside the
quotation and its subject is the person, so it is asked whatever the sentence's own subject is:
a clause with a pronoun or a phrase that points back ('who wrote it', 'who saw this') or with a
verb of speaking ('who declined to be named', 'who spoke on condition of anonymity') is not.
"""
import random

from .distractors import _seed, options_for
from .parse import _quote_depth
from .references import rendered
from .textnorm import norm

MIN_WORDS, MAX_WORDS = 3, 18
SPEAKING = {"say", "tell", "speak", "ask", "decline", "add", "comment", "talk", "request", "want", "insist", "explain"}
SHARED = {"vote", "cast", "attend", "sign", "watch", "join", "visit", "support", "oppose", "back", "welcome", "praise"}
ASSIGNED = {"appoint", "name", "elect", "choose", "select", "hire", "promote", "nominate"}
POINTING = {"this", "that", "these", "those", "such"}
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "i", "we", "you", "me", "us", "my",
            "our", "your"}


def relative_clause(ent):
    """The 'who' clause on the person `ent`, as tokens after 'who', or None: on the name ('Ana Lisk, who
    led ...'), on its apposition ('Ana Lisk, the chemist who led ...'), or after a comma on a place or
    body inside the apposition ('Ana Lisk, a chemist at the Brenner Institute, who led ...': a place
    leads nothing, so 'who' is the person; never 'a friend of the woman who ...')."""
    root = ent.root
    appositions = [c for c in root.children if c.dep_ == "appos" and c.i >= ent.end]
    inside = {t.i for a in appositions for t in a.subtree}
    for who in ent.doc[ent.end : ent.sent.end]:
        clause = who.head
        if who.lower_ != "who" or who.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "relcl":
            continue
        if who.i != clause.left_edge.i:
            continue
        head, comma = clause.head, ent.doc[who.i - 1].text == ","
        direct = head.i == root.i and comma or head in appositions
        placed = comma and head.i in inside and (head.ent_type_ in ("GPE", "ORG", "FAC", "LOC") or head.pos_ == "PROPN"
                                                 and head.ent_type_ != "PERSON")
        if not (direct or placed):
            continue
        tokens = [t for t in ent.doc[who.i + 1 : clause.right_edge.i + 1]]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        return tokens, clause
    return None


def why_not(tokens, clause):
    """What keeps the clause from being asked, or None."""
    if clause.lemma_ in SPEAKING or any(t.dep_ == "xcomp" and t.lemma_ in SPEAKING for t in clause.children):
        return "speaking"  # "who declined to be named"
    if any(c.dep_ == "neg" for c in clause.children) or clause.lemma_ in SHARED:
        return "shared"  # "who was not involved in the study", "who voted in favor": true of many
    if clause.lemma_ in ("expect", "hope", "plan", "want") or clause.tag_ == "VBN" and clause.lemma_ in ASSIGNED and not any(
            c.dep_ in ("oprd", "attr", "prep") and c.lower_ not in ("in", "on", "at", "by") for c in clause.children):
        return "unsaid"  # "who was expected to visit", "who was appointed in 2021": appointed as what?
    words = [t for t in tokens if not t.is_punct]
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return "length"
    if any(t.lower_ in PRONOUNS and t.pos_ == "PRON" or t.lower_ in POINTING and t.dep_ in ("det", "nsubj", "dobj")
           or t.text in ('"', "\u201c", "\u201d") or t.lower_ == "also" for t in tokens):
        return "leans"  # "who wrote it", "who saw this", "who also ..."
    return None


def _agreeing(token, clause):
    """The token as the question writes it when 'who' is a team or a body: its plural verb made singular ('Rovers
    United, who have won the cup nine times' asks 'Who has won the cup nine times?')."""
    finite = next((c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < clause.i), clause)
    if token.i != finite.i or token.tag_ != "VBP":
        return rendered(token)
    from lemminflect import getInflection
    singular = {"be": "is", "have": "has", "do": "does"}.get(token.lemma_.lower()) or (getInflection(token.lemma_, "VBZ") or [token.text])[0]
    return singular + token.whitespace_


def relative_items(b, sentence):
    """'Who led the study?' for each named person the sentence gives a 'who' clause, outside quotations."""
    items = []
    span = sentence.span
    for ent in span.ents:
        entity = b.lookup.get((sentence.index, ent.start_char))
        if entity is None or entity.label not in ("PERSON", "ORG") or not all(t.pos_ == "PROPN" for t in ent):
            continue  # 'who' says it is a person, whatever the model took the name for
        if entity.label != "PERSON" and ent.root.dep_ == "pobj" and ent.root.head.head.pos_ in ("PROPN", "NOUN"):
            continue  # "Professor Raj Patel of Crestline University, who studies ...": the professor
        if _quote_depth(span.doc[span.start : ent.start].text, 1 if sentence.starts_in_quote else 0) > 0:
            continue  # a name inside someone's words
        found = relative_clause(ent)
        if found is None or why_not(*found) is not None:
            continue
        tokens, clause = found
        person = entity.label == "PERSON"
        body = "".join(_agreeing(t, clause) if not person else rendered(t) for t in tokens).strip()
        prompt = f"Who {body}?"
        if len(prompt.split()) < 6:
            prompt = f"Who {body}, according to the article?"
        answer = entity.name
        if norm(answer.split()[-1]) in norm(prompt):
            continue  # the stem names the answer
        accepted = sorted({answer.split()[-1] if person else answer, ent.text} - {answer})  # "United" is not the club
        common = {"source_sentence": sentence.text, "answer_type": "PERSON" if person else "ORG", "source": b.source, "fact": answer,
                  "features": b.features(sentence, "PERSON", "title", ent, ent)}
        base = b.score(sentence, entity, ent)
        items.append(dict(kind="short_answer", prompt=prompt, answer=answer, choices=[], accepted=accepted,
                          score=base + 0.04, **common))
        options, strong = options_for(b, entity, answer, sentence) if person and entity.reliable else (None, False)
        if options and strong:
            choices = options + [answer]
            random.Random(_seed(sentence.text, answer, "who")).shuffle(choices)
            items.append(dict(kind="multiple_choice", prompt=prompt, answer=answer, choices=choices,
                              accepted=accepted, score=base + 0.05, **common))
    return items
