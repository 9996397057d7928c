"""A spaCy pipeline step of our own, run before the parser."""
from spacy.language import Language

ENDING_ABBREVIATIONS = {"U.S.", "U.K.", "D.C.", "U.N.", "E.U.", "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr.", "a.m.",
                        "p.m."}
SENTENCE_STARTERS = {"The", "A", "An", "In", "On", "At", "He", "She", "It", "They", "We", "I", "But", "And", "This",
                     "That", "These", "Those", "Last", "Some", "Many", "Most", "After", "Before", "When", "While", "As",
                     "If", "For", "Its", "His", "Her", "Their", "There", "Officials", "Experts", "Critics", "Earlier",
                     "Later", "Now", "Today", "Still", "However", "Meanwhile", "Since", "During"}


@Language.component("quizapp_abbreviation_ends")
def abbreviation_ends(doc):
    """'... go to the U.S. The agency said ...' is two sentences: the small model's parser
    reads an abbreviation's full stop as never ending one. (It keeps 'the U.S. Federal
    Aviation Administration' whole: only a word that usually starts a sentence splits.)"""
    for token in doc[:-1]:
        if token.text in ENDING_ABBREVIATIONS and token.whitespace_ and doc[token.i + 1].text in SENTENCE_STARTERS:
            doc[token.i + 1].is_sent_start = True
    return doc
