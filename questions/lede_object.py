"""'..., beginning a mission to collect rock samples': what the story's first sentence sets out to do, for a later
'The mission'.

references.py names a later 'the earthquake' by what the lede's subject did. A lede may instead introduce its
topic as an object with what it is for ("The Orla probe reached the asteroid Vell on Tuesday, beginning a
mission to collect rock samples that ..."). A later subject 'The mission' (alone, or with a comma-set clause:
"The mission, which cost 1.3 billion dollars, was launched in 2021") is then written "The mission to collect
rock samples" in prompts (`token._.qtext`; the source sentence stays verbatim), when the lede has one such
object and no 'a/an' mission comes up between (a second one: which?). A phrase with a pronoun in it ("a plan to cut
waiting times in its hospitals") is not used, nor a 'The plan, called X,' that its own words name.
"""
from .kind_names import set_off

STOPS = {"relcl", "acl", "advcl", "ccomp", "cc", "conj", "appos"}
NAMING = {"call", "name", "know", "dub", "title"}


def _purpose(sentence):
    """(noun lemma, 'mission to collect rock samples') for the one 'a/an N to VERB ...' object of the sentence."""
    found = []
    for noun in sentence.span:
        if noun.pos_ != "NOUN" or noun.tag_ != "NN" or noun.dep_ != "dobj" or not any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
            continue
        verb = next((c for c in noun.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB" and c.i == noun.i + 2
                     and noun.nbor(1).lower_ == "to"), None)
        if verb is None:
            continue
        words, end = [noun, noun.nbor(1), verb], max(t.i for t in verb.subtree)
        for token in noun.doc[verb.i + 1 : end + 1]:
            if token.is_punct or token.dep_ in STOPS or token.tag_ == "WDT":
                break
            words.append(token)
        if any(t.pos_ == "PRON" for t in words) or words[-1].pos_ in ("ADP", "DET", "CCONJ"):
            continue  # "a plan to cut waiting times in its hospitals": 'its' leans on the lede, no cut fits
        if 4 <= len(words) <= 10:
            found.append((noun.lemma_.lower(), "".join(t.text_with_ws for t in words).strip()))
    return found[0] if len(found) == 1 else None


def _bare_mention(subject, lemma):
    """'The mission', or 'The mission, which cost ...,' (a comma-set clause that describes it)."""
    if subject.lemma_.lower() != lemma or subject.pos_ != "NOUN" or subject._.qtext is not None:
        return None
    phrase = [t for t in subject.subtree if t.i <= subject.i]
    if [t.lower_ for t in phrase] != ["the", subject.lower_]:
        return None
    if any(t.i > subject.i for t in subject.subtree) and set_off(subject) is None:
        return None
    if any(t.lemma_.lower() in NAMING and t.i > subject.i for t in subject.subtree):
        return None  # "The plan, called Orlen Care, ...": its own words name it
    return phrase


def name_purposes(sentences):
    """Write the lede's 'N to VERB ...' into a later bare 'The N' subject; return the indices written."""
    if not sentences:
        return set()
    found = _purpose(sentences[0])
    if found is None:
        return set()
    lemma, text = found
    written = set()
    for sentence in sentences[1:]:
        if any(t.lemma_.lower() == lemma and any(c.lower_ in ("a", "an", "another") for c in t.children)
               for t in sentence.span):
            break  # "a second mission": the later 'the mission' may be that one
        subject = next((c for c in sentence.span.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        phrase = _bare_mention(subject, lemma) if subject is not None else None
        if phrase is None:
            continue
        start = phrase[0].i == phrase[0].sent.start
        phrase[0]._.qtext = ""
        subject._.qtext = ("The " if start else "the ") + text + subject.whitespace_
        written.add(sentence.index)
    return written
