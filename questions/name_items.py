"""Item makers for names, numbers and dates: a blank over the mention, a wh-question, options of
its kind, and a true or false statement; and 'Who is the Indian Defense Minister?' from a title.

Each function takes the article's Builder (generator.py), which knows every entity of the
article, what each vague phrase refers to and how much each sentence matters.
"""
import random
import re

from . import background, checker, kinds, phrasing, trivia, worth
from .distractors import _seed, described_as, fits_description, options_for, swap_for
from .parse import _quote_depth
from .amounts import number_word_forms
from .entities import FIRM_TAILS, is_alias
from .references import render
from .textnorm import norm, words

ASKABLE = {"PERSON", "ORG", "GPE", "LOC", "NORP", "DATE", "TIME", "MONEY", "NUMBER", "PERCENT", "EVENT", "FAC",
           "PRODUCT", "LAW", "QUANTITY", "WORK_OF_ART", "LANGUAGE", "OTHER"}
NUMERIC = {"MONEY", "NUMBER", "PERCENT", "QUANTITY"}
HEDGES = {"about", "around", "nearly", "almost", "approximately", "roughly", "some", "over", "under", "only", "just",
          "estimated", "more", "less", "than", "up", "to", "at", "least", "most", "the", "a", "an"}
MAX_QUESTION_WORDS = 24  # longer, a question is the sentence again with a wh-word, and hard to parse
AMOUNT_HEDGES = {"as", "many", "much", "few"}  # "as many as 87 million"
OPEN_QUOTES, CLOSE_QUOTES = "\u201c", "\u201d"


def key_span(ent):
    """The part of an entity a student should type: without 'the', 'about', 'more than', 'as many as'."""
    start, end, numeric = ent.start, ent.end, any(t.like_num for t in ent)
    while start < end - 1 and not ent.doc[start].like_num and (
            ent.doc[start].lower_ in HEDGES or (numeric and ent.doc[start].lower_ in AMOUNT_HEDGES)):
        start += 1
    if end - 1 > start and ent.doc[end - 1].text in ("'s", "\u2019s"):
        end -= 1  # "the European Union's climate agency": the answer is "European Union"
    return ent.doc[start:end]


def answer_forms(b, key, entity):
    """(answer, accepted) for one mention: the answer as written, other fair forms accepted."""
    mention = key.text
    as_written = key.root.dep_ == "compound"  # "the Trump administration": the surname is the answer
    answer = entity.name if entity.label == "PERSON" and is_alias(mention, entity.name) and not as_written else mention
    forms = {mention, answer}
    if entity.label not in NUMERIC | {"DATE"}:
        forms |= {f for f in entity.forms if is_alias(f, mention) and not _generic_tail(f, entity)
                  and not _possessed(f, mention)}
    if entity.label == "PERSON" and not _generic_tail(entity.name.split()[-1], entity):
        forms.add(entity.name.split()[-1])
    if entity.takes_the and key.start > 0 and key.doc[key.start - 1].lower_ == "the":
        forms.add("the " + mention)
    if entity.label in NUMERIC | {"DATE"}:
        forms |= set(number_word_forms(mention))
    accepted = sorted(f for f in forms if norm(f) != norm(answer))
    return answer, accepted


NAME_TAILS = FIRM_TAILS | {
    "bay", "harbour", "harbor", "port", "falls", "river", "lake", "valley", "hills", "springs", "creek", "island",
    "islands", "bridge", "park", "square", "street", "road", "station", "city", "town", "telecom", "university",
    "institute", "council", "party", "league", "union", "front", "agency", "authority", "ministry", "department",
    "laboratory", "museum", "hospital", "school", "college", "foundation", "trust", "fund", "movement", "alliance"}


def _generic_tail(form, entity):
    """'Telecom' of 'Calder Telecom', 'Bay' of 'Orrin Bay': the last word alone of a name that is not a
    person's says which kind of thing it is, not which one. A surname alone is right for a person, unless
    the 'person' is a place or a company the model took for one ('Orrin Bay' tagged as a person)."""
    name = words(entity.name)
    if len(name) < 2 or words(form) != name[-1:]:
        return False
    return entity.label != "PERSON" or name[-1] in NAME_TAILS


def _possessed(form, mention):
    """'the DSN's Goldstone radar' names the radar, not the DSN: neither is a form of the other."""
    return ("'s" in words(form)) != ("'s" in words(mention))


def name_items(b, sentence):
    items = []
    tf_done = False
    tokens = list(sentence.span)
    for ent in sentence.span.ents:
        entity = b.lookup.get((sentence.index, ent.start_char))
        if entity is None or entity.label not in ASKABLE:
            continue
        key = key_span(ent)
        skip = b.why_not_asked(sentence, ent, entity, key)
        if skip:
            if b.trace is not None:
                b.trace.drop(sentence.index, skip, ent.text)
            continue
        answer, accepted = answer_forms(b, key, entity)
        converted = worth.conversion_after(key)
        if converted is not None:  # "204 cubic miles (850 cubic kilometers)": the blank takes both
            accepted = sorted(set(accepted) | {answer, converted.text.strip("() ")})
            key = key.doc[key.start : converted.end]
            answer = key.text
        base = b.score(sentence, entity, ent)
        shown = _first_clause(sentence.span, tokens, key)
        cut = (key.start, _acronym_after(key) or key.end)  # "the _____ (MRA)" would show a form of the answer
        blanked = _article_before(_full_stop(render(shown, cut=cut, insert=checker.BLANK), shown, tokens),
                                  checker.BLANK)
        common = {"source_sentence": sentence.text, "answer_type": entity.label, "source": b.source,
                  "fact": answer, "features": b.features(sentence, entity.label, "name", key, ent)}
        if entity.label in NUMERIC and worth.restated_amount(ent):
            common["features"]["restated"] = 1.0  # "1,800 jobs, or 4 percent of ...": trivia.py drops its blanks
        if background.speaker_aside(ent, entity.label):
            common["features"]["speaker_aside"] = 1.0  # "_____ of the consultancy Marr said ...": trivia.py drops
        if background.topic_given(b, sentence, entity):
            common["features"]["topic"] = 1.0  # "factories that make or use _____" in a story about it: trivia.py drops
        fill_answer = answer if entity.label == "PERSON" else key.text  # the full name, even for "Mattis"
        fill_accepted = sorted({a for a in accepted + [key.text, answer] if norm(a) != norm(fill_answer)})
        before = key.doc[key.start - 1] if key.start > 0 else None
        if entity.label in NUMERIC and before is not None and before.lower_ in ("a", "an") and blanked:
            # "a $48 million bus line": the article goes with the noun after the amount; "a(n)" would read badly
            blanked = blanked.replace(f"{before.text[0]}(n) {checker.BLANK}", f"{before.text} {checker.BLANK}", 1)
        if worth.qualified_place(ent) or "(n) " + checker.BLANK in blanked:
            blanked = None  # "_____, D.C.": the place beside the blank gives it away; "a(n) _____" reads badly
        else:
            items.append(dict(kind="fill_blank", prompt=blanked, answer=fill_answer, choices=[],
                              accepted=fill_accepted, score=base + 0.03, **common))
        question = phrasing.question_for(sentence.span, key, entity, b.descriptors.get(entity.name))
        if question and len(question.split()) > MAX_QUESTION_WORDS:
            question = None  # a question that long is the sentence again with a wh-word
        if key.start > 0 and key.doc[key.start - 1].text in (OPEN_QUOTES, '"'):
            question = None  # a quoted title moved out of its quotation marks leaves them behind: '", by'

        if question:
            items.append(dict(kind="short_answer", prompt=question, answer=answer, choices=[], accepted=accepted,
                              score=base + 0.08, **common))
        honorific = key.start > 0 and key.doc[key.start - 1].lower_.rstrip(".") in ("mr", "ms", "mrs", "miss")
        swappable = (entity.reliable and not worth.names_a_kind_of_thing(ent) and converted is None
                     and not honorific  # "Ms. _____": another person's name may not fit the title
                     and not worth.bound_not_value(key))  # "more than _____": a smaller option is true too
        stem_end = shown[-1].i + 1 if shown else None  # a long sentence's first clause: the stem ends there
        options, strong = options_for(b, entity, answer, sentence, ent, stem_end) if swappable else (None, False)
        too_few = swappable and options is None
        if options and not (strong or entity.label in NUMERIC | {"DATE"}):
            options = None  # countries or names from outside the story are no plausible options: typed instead
        if options and (entity.label in ("GPE", "LOC", "FAC") or entity.sort == "place") and not entity.is_country \
                and not kinds.same_grain(b, entity, options):
            options = None  # "Orange River", "Africa" for "Earth": places of the story are seldom of one kind
        if options and entity.is_country and any(
                b.by_name[o].takes_the != entity.takes_the for o in options if o in b.by_name):
            options = None  # "the fall of the _____": only "the Soviet Union" fits, not "Japan"
        swaps, true_only = options, False
        if too_few and entity.label not in NUMERIC | {"DATE"} | {"GPE", "LOC", "FAC"}:
            stem = sentence.span.doc[sentence.span.start : stem_end] if stem_end else None
            swap = swap_for(b, entity, answer, sentence, ent, stem)  # too few for four options, enough for a swap
            if swap is None and entity.label == "PERSON":  # "_____ praised her players": no woman to swap in
                swap, true_only = swap_for(b, entity, answer, sentence, ent, stem, by_stem_gender=False), True
            swaps = [swap] if swap else None
        noun = described_as(key) if entity.label not in NUMERIC | {"DATE", "TIME", "PERSON"} else None
        if noun is not None:  # "the Harbor Accord, a ten-year programme": only another programme fits the slot
            options = options if options and all(fits_description(b, o, noun) for o in options) else None
            swaps = [o for o in swaps or [] if fits_description(b, o, noun)] or None
        if options and cut[1] != key.end and not question:
            options = None  # "the _____ (MRA)" cut out: named bodies of the article are seldom of one kind
        if options and (question or blanked):
            choices = options + [answer]
            random.Random(_seed(sentence.text, answer)).shuffle(choices)
            items.append(dict(kind="multiple_choice", prompt=question or blanked, answer=answer, choices=choices,
                              accepted=accepted, score=base + (0.07 if strong else 0.03), **common))
        if swaps and (question or blanked) and not tf_done:
            statement = true_false(b, sentence, shown, key, entity, swaps, base, common, true_only)
            if statement:
                tf_done = True
                items.append(statement)
    return items


def title_items(b, sentence):
    """'Indian Defense Minister Nirmala Sitharaman' -> 'Who is the Indian Defense Minister, according
    to the article?': the title and the name stand on their own, whatever the rest of the sentence does."""
    if sentence.starts_in_quote:
        return []
    items = []
    for ent in sentence.span.ents:
        entity = b.lookup.get((sentence.index, ent.start_char))
        if entity is None or entity.label != "PERSON" or _inside_quotes(sentence.span, ent):
            continue
        title = title_of(ent)
        if title is None or b.titles.get(norm(title)) != {entity.name} or _former(ent, title):
            continue  # no title, one that two people hold in this article, or one held no more
        if title.split()[0].lower().rstrip(".") in ("mr", "mrs", "ms", "dr", "sir", "dame"):
            continue  # "Mr Justice Carrow": a form of address, not an office ("Who is the Mr Justice?")
        the = "" if "'s " in title or "’s " in title else "the "  # "Kenya's President"
        answer, accepted = entity.name, sorted({entity.name.split()[-1], ent.text} - {entity.name})
        common = {"source_sentence": sentence.text, "answer_type": "PERSON", "source": b.source,
                  "fact": answer, "features": b.features(sentence, "PERSON", "title", ent, ent)}
        base = b.score(sentence, entity, ent) - 0.02
        question = f"Who is {the}{title}, according to the article?"
        items.append(dict(kind="short_answer", prompt=question, answer=answer, choices=[], accepted=accepted,
                          score=base + 0.06, **common))
        items.append(dict(kind="fill_blank", prompt=f"According to the article, {the}{title} is {checker.BLANK}.",
                          answer=answer, choices=[], accepted=accepted, score=base, **common))
        options, strong = options_for(b, entity, answer, sentence) if entity.reliable else (None, False)
        if options and strong:
            choices = options + [answer]
            random.Random(_seed(sentence.text, answer, title)).shuffle(choices)
            items.append(dict(kind="multiple_choice", prompt=question, answer=answer, choices=choices,
                              accepted=accepted, score=base + (0.05 if strong else 0.01), **common))
    return items


def true_false(b, sentence, tokens, key, entity, options, base, common, true_only=False):
    """The sentence as the prompt writes it (True), or with one fact swapped (False); True only where the one
    swap would be a man beside the stem's 'she' (or a woman beside 'he'). No false statement swaps who said
    something ('Anna Holt said ...' made 'Tom Ash said ...', rule speaker-swap): None, so that another name or
    amount of the sentence, what was said, is swapped instead."""
    full = list(sentence.span)
    true_text = _full_stop(render(tokens), tokens, full)
    person_modifier = entity.label == "PERSON" and key.root.dep_ == "compound"  # "the Trump administration"
    swaps = [o for o in options if (b.by_name[o].takes_the if o in b.by_name else False) == entity.takes_the]
    if _seed(sentence.text) % 2 and swaps and not person_modifier and not true_only:
        if entity.label in trivia.SPEAKER_LABELS and trivia.speaks(key):
            if b.trace is not None:
                b.trace.drop(sentence.index, "speaker-swap", f"true_false: {key.text} -> {swaps[0]}")
            return None
        swap = bare_amount(swaps[0]) if entity.label in NUMERIC else swaps[0]
        false = _article_before(_full_stop(render(tokens, cut=(key.start, key.end), insert=swap), tokens, full), swap)
        if norm(false) not in b.article_norm:
            return dict(kind="true_false", prompt=false, answer="False", choices=["True", "False"], accepted=[],
                        score=base, **common)
    return dict(kind="true_false", prompt=true_text, answer="True", choices=["True", "False"], accepted=[],
                score=base - 0.02, **common)


def bare_amount(name):
    """'estimated $14 million' (a name as another sentence wrote it, 'an estimated $14 million') -> '$14 million':
    the key's own hedge ('about') stays in the sentence, so a swap brings none of its own ('about estimated')."""
    parts = name.split(" ")
    while len(parts) > 1 and parts[0].lower() in HEDGES and not parts[0][:1].isdigit():
        parts = parts[1:]
    return " ".join(parts) if parts and (parts[0][:1].isdigit() or parts[0][:1] in "$\u20ac\u00a3") else name


OFFICES = {"president", "minister", "secretary", "governor", "administrator", "spokesperson", "spokesman",
           "spokeswoman", "director", "ceo", "chairman", "chairwoman", "mayor", "senator", "ambassador", "chief",
           "commissioner", "chancellor", "premier", "king", "queen", "general", "leader", "founder", "executive",
           "coach", "speaker", "attorney", "justice", "envoy", "sheriff", "head", "officer", "editor", "manager"}


def _title_before(ent):
    """'U.S. Secretary of State' before 'Mike Pompeo', 'Kenya's President' before 'William Ruto':
    a title of office with something that says whose, or None."""
    doc, i, parts = ent.doc, ent.start - 1, []
    while i >= ent.sent.start:
        token = doc[i]
        joins = token.lower_ == "of" and parts and parts[0].text[:1].isupper()
        if not (token.text[:1].isupper() or token.text in ("'s", "\u2019s") or joins) or token.ent_type_ == "PERSON":
            break
        parts.insert(0, token)
        i -= 1
    while parts and (parts[0].lower_ in ("the", "of") or parts[0].lower_ in FORMER or parts[0].text in ("'s", "\u2019s")):
        if _possessor_the(parts[0], parts):
            break  # "the Harlow Water Board's Director": the board's 'the'
        parts = parts[1:]
    office = bool(parts) and parts[-1].lower_ in OFFICES or (len(parts) >= 3 and parts[-2].lower_ == "of" and parts[-3].lower_ in OFFICES)
    if len(parts) < 2 or not office or any(t.ent_type_ in ("DATE", "TIME") for t in parts):
        return None  # "Governor" alone says nothing; "Secretary of State" is an office too
    return _lower_the("".join(t.text_with_ws for t in parts).strip())


def title_of(ent):
    """The office the sentence gives a person, before the name or in an apposition after it."""
    return _title_before(ent) or _title_after(ent)


def _title_after(ent):
    """'Marion Ackermann, director of the Dresden State Art Collections': an office of a named
    body, held by this one person ('a spokesman for ...' is one of several; 'the company's
    chief' does not say which company)."""
    appos = next((t for t in ent.root.children if t.dep_ == "appos" and t.i >= ent.end), None)
    if appos is None or appos.lemma_.lower() not in OFFICES:
        return None
    phrase = [t for t in appos.subtree if t.i >= ent.end]
    stop = next((t.i for t in phrase if t.is_punct or t.dep_ in ("relcl", "acl", "cc")), None)
    if stop is not None:
        phrase = [t for t in phrase if t.i < stop]
    if not phrase or phrase[0].lower_ in ("a", "an", "one", "another") or len(phrase) > 10:
        return None
    if any(t.lower_ in FORMER or t.ent_type_ in ("DATE", "TIME", "PERSON") for t in phrase):
        return None
    whose = [t for t in phrase if t.ent_type_ in ("ORG", "GPE", "NORP", "FAC", "LOC") and t.i != appos.i]
    if not whose or any(t.dep_ == "poss" and not t.ent_type_ for t in phrase):
        return None
    if phrase[0].lower_ == "the" and not _possessor_the(phrase[0], phrase):
        phrase = phrase[1:]
    return _lower_the("".join(t.text_with_ws for t in phrase).strip())


def _possessor_the(the, tokens):
    """'the' of a possessor among `tokens` ("the Harlow Water Board's director"): the name's own 'the', which
    stays ('Who is the Harlow Water Board's director?'), unlike the office's ('the director of X')."""
    return the.lower_ == "the" and the.dep_ == "det" and the.head.dep_ == "poss" and the.head in tokens


def _lower_the(text):
    return "the" + text[3:] if text.startswith("The ") else text


FORMER = {"former", "late", "then", "acting", "interim", "outgoing", "incoming", "ex", "retired", "future"}


def _former(ent, title):
    """'former U.S. Secretary of State Rex Tillerson': he is not the one to name as holding it."""
    words_before = ent.doc[max(ent.start - len(title.split()) - 2, 0) : ent.start]
    return any(t.lower_ in FORMER for t in words_before)


def _article_before(text, inserted):
    """'an _____' would hint at the answer: 'a(n) _____'. A swapped-in option gets the
    article it needs: 'a Chinese jury', not 'an Chinese jury'."""
    def fix(match):
        article = match.group(1)
        if inserted == checker.BLANK:
            return f"{article[0]}(n) {inserted}"
        wanted = "an" if inserted[:1].lower() in "aeiou" else "a"
        return f"{article[0]}{wanted[1:]} {inserted}"
    return re.sub(r"\b([Aa]n?) " + re.escape(inserted), fix, text, count=1)


def _first_clause(span, tokens, key):
    """'X confirmed he will discuss Y, but said Z.' asked about X or Y needs only its first part.

    Long sentences whose main verb is coordinated with a second verb phrase ("..., but
    said ...") are cut before the conjunction when the key lies before it."""
    if len(tokens) < 25:
        return tokens
    root = span.root
    for child in root.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.i > key.end:
            cc = next((t for t in root.children if t.dep_ == "cc" and key.end <= t.i < child.i), None)
            if cc is None or cc.lower_ in ("or", "nor"):
                return tokens  # "... must be born there or have lived there": the cut would change the rule
            end = cc.i
            while end > 0 and span.doc[end - 1].is_punct:
                end -= 1
            return [t for t in tokens if t.i < end]
    return tokens


def _full_stop(text, shown, tokens):
    """A cut-short sentence still ends like a sentence, and so does one whose last word, with
    its full stop, was the key ('... go to the U.S.' -> '... go to the _____.')."""
    if len(shown) != len(tokens) or not re.search(r"[.!?][\"'\u201d\u2019)]*$", text):
        text = text.rstrip(",;: \u2013\u2014")
        return text if re.search(r"[.!?][\"'\u201d\u2019)]*$", text) else text + "."  # one full stop after "p.m."
    return text


def _acronym_after(key):
    """The end of '(MRA)' right after 'the Medicines Regulatory Agency': the short form the article gives
    it, which the blank takes too (it is an accepted answer), or None."""
    doc, i = key.doc, key.end
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text.isupper() \
            and 2 <= len(doc[i + 1].text) <= 8 and doc[i + 1].text.isalpha():
        initials = "".join(t.text[0] for t in key if t.text[:1].isupper())
        if doc[i + 1].text[0] == initials[:1] and doc[i + 1].text[-1] == initials[-1:]:
            return i + 3  # not "the Surface Water and _____ (SWOT)": the short form of a longer name
    return None


def _inside_quotes(span, ent):
    before = span.doc[span.start : ent.start].text  # a slice, not the whole doc's text
    return _quote_depth(before, 0) > 0 and not ent.doc[ent.start - 1].text in (OPEN_QUOTES, '"')
