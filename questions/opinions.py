"""The writer's own judgement, which a quiz must not state as a fact (a review's "Vell is very good as Ida").

A reader of items drops a true/false statement or a blank whose sentence is the critic's opinion:
"opinions are never stated as facts" (QUESTION-QUALITY.md). A sentence is the writer's opinion when,
outside any quotation and with no one said to hold it, it judges a work or a person with a word of
praise or blame: as what the main clause says of its subject ("The film is gripping", "Karin Vell is very
good as Ida", "It is the rare film that ..."), or as a modifier of a work ("Olsen's quietly
devastating second feature"). The same words of a thing that is not a work or a performer ("a devastating
flood", "a powerful storm") are the news, and stay. Rule `opinion-as-fact`.
"""
from .references import in_quotes

REPORTING = {"say", "tell", "announce", "report", "add", "state", "confirm", "warn", "explain", "note", "write",
             "claim", "insist", "suggest", "predict"}

# Words of praise or blame a critic gives a work or a performance (general English, no article's words).
JUDGING = {
    "good", "great", "excellent", "superb", "brilliant", "wonderful", "terrific", "marvellous", "marvelous", "fine",
    "masterful", "masterly", "dazzling", "gripping", "riveting", "compelling", "absorbing", "stunning", "breathtaking",
    "beautiful", "lovely", "luminous", "haunting", "moving", "devastating", "powerful", "remarkable", "extraordinary",
    "magnificent", "memorable", "exquisite", "delightful", "charming", "funny", "hilarious", "witty", "clever",
    "assured", "accomplished", "subtle", "nuanced", "tender", "poignant", "heartbreaking", "thrilling", "tense",
    "convincing", "persuasive", "impressive", "ambitious", "bold", "daring", "rare",
    "dull", "tedious", "boring", "flat", "clumsy", "heavy-handed", "overlong", "uneven", "thin", "shallow",
    "forgettable", "disappointing", "unconvincing", "predictable", "plodding", "muddled", "weak", "bland",
    "best", "finest", "worst", "greatest", "strongest", "weakest",
}
SUPERLATIVES = {"best", "finest", "worst", "greatest", "strongest", "weakest"}
# What a critic judges: works, their parts, performances.
WORKS = {"film", "movie", "feature", "documentary", "drama", "thriller", "comedy", "novel", "book", "memoir", "story",
         "debut", "sequel", "play", "production", "musical", "album", "song", "record", "series", "episode", "show",
         "performance", "portrait", "script", "screenplay", "score", "direction", "ending", "scene", "chapter",
         "collection", "exhibition", "work", "turn", "role", "cast", "camera", "cinematography", "writing", "prose"}
OPINION_VERBS = {"believe", "think", "argue", "call", "describe", "praise", "criticize", "criticise", "find",
                 "consider", "rate", "review"}
COPULAS = {"be", "seem", "feel", "prove", "remain", "look", "sound"}


def writers_opinion(span):
    """True when the sentence is the writer's judgement of a work or a performer, held by no one named."""
    if _held_by_someone(span):
        return False
    return any(_judges(token) for token in span if token.lower_ in JUDGING and not in_quotes(token))


def _held_by_someone(span):
    """'..., the critic wrote', 'According to X, ...', 'Critics called it ...': someone's view, said to be theirs."""
    for token in span:
        if token.lemma_ in REPORTING | OPINION_VERBS and token.pos_ == "VERB" and not in_quotes(token) and any(
                child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
            return True
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            return True
    return False


def _judges(word):
    """The judging word says something of a work or a performer: its noun, or the subject it is said of."""
    head = word
    while head.dep_ in ("advmod", "amod", "compound", "conj") and head.head is not head and head.head.pos_ in ("ADJ", "ADV"):
        head = head.head  # "quietly devastating", "good and strange"
    if head.dep_ == "amod":
        if head.lower_ in SUPERLATIVES:  # "is the best film of the year", not "the award for best film"
            return head.head.dep_ == "attr" and _is_work(head.head)
        return _is_work(head.head)
    if head.dep_ in ("acomp", "attr") or (head.dep_ == "ROOT" and head.pos_ == "ADJ"):
        verb = head.head if head.dep_ != "ROOT" else head
        if verb.lemma_ not in COPULAS and head.dep_ != "ROOT":
            return False
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and (_is_work(subject) or subject.ent_type_ in ("PERSON", "WORK_OF_ART")
                                        or subject.pos_ == "PRON" and subject.lower_ in ("it", "this", "she", "he"))
    return False


def _is_work(noun):
    return noun.lemma_.lower() in WORKS or noun.ent_type_ == "WORK_OF_ART"
