"""The named rules that drop a sentence, a candidate or an item, each with the example it exists for.

Every stage that drops something records the rule's name in a `Trace`, so
`quizapp generate --explain` can say, sentence by sentence, what was made and why the
rest was not ("why was this not asked?").
"""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Rule:
    name: str
    stage: str
    example: str


RULES = {rule.name: rule for rule in [
    # sentences (generator.why_unusable)
    Rule("too-short", "sentence", "'Words are spoken incorrectly.' has too few words to ask about"),
    Rule("too-long", "sentence", "a list of 21 states run into one 90-word sentence"),
    Rule("not-a-statement", "sentence", "a question or a heading: 'Can volcanic super eruptions lead to cooling?'"),
    Rule("verbless-fragment", "sentence", "'A pay rise of 9 percent over two years.' after 'The union has set out "
         "four demands:': a list item with no subject or verb, its lead-in in another paragraph"),
    Rule("quoted-speech", "sentence", "'\u201cThings got very interesting,\u201d said Naidu.': someone's words, not a fact"),
    Rule("writer-to-reader", "sentence", "'Here is a look back at the stories we covered'"),
    Rule("opinion-as-fact", "sentence", "'Vell is very good as Ida.', 'Olsen's quietly devastating second feature': "
         "the critic's judgement, held by no one named (opinions.py)"),
    Rule("pronoun-subject", "sentence", "'It will carry four passengers' where 'it' cannot be named; 'Venn said that "
         "was not under review': a 'that' or 'this' alone as a clause's subject, nothing in the sentence saying what"),
    Rule("pronoun-start", "sentence", "'These are pieces of video ...': what 'these' are is in another sentence"),
    Rule("vague-subject", "sentence", "'The deal would ...' with no deal named before; 'In Halvor the figure is 58 "
         "percent': 'the figure', 'the rate', 'the total' ... of nothing named"),
    Rule("points-back", "sentence", "'Because of this delay, ...', 'that record', 'did so'"),
    Rule("share-unstated", "sentence", "'Union leaders had asked for 8 percent but settled for less': 8 percent of "
         "what is in another sentence"),
    Rule("someone-unnamed", "sentence", "'Iran had stopped him from leaving' with no one named"),
    Rule("pronoun-unanchored", "sentence", "'Okafor made them pay', 'many of them will develop ...': "
         "nothing before the pronoun in its sentence that it could mean"),
    Rule("advice-unattributed", "sentence", "'Walk for ten minutes after each meal.' with no one in its paragraph "
         "said to advise it (with 'Experts suggest a few steps.' before it, it is asked as what experts suggest)"),
    Rule("object-pronoun-unresolved", "sentence", "'The local paper, the Kelby Star, called it a marvel.': what 'it' is "
         "stands in another sentence, and the one before names no single thing"),
    Rule("unnamed-kind", "sentence", "'The company went public in 2013.' where the article names no company: "
         "which company?"),
    Rule("rival-names", "sentence", "'The firm said ...' after two firms of the same sort were named: which one?"),
    # candidates (generator.Builder.items_for, worth.py)
    Rule("inside-quotation", "candidate", "a name inside someone's quoted words"),
    Rule("rewritten-phrase", "candidate", "a name inside a phrase the prompt rewrites ('Its chief' -> 'Nvidia's chief')"),
    Rule("too-small", "candidate", "a one-letter answer, or 'one' in 'one of them'"),
    Rule("stray-apostrophe", "candidate", "'the United Nations' cultural agency': the blank would keep the apostrophe"),
    Rule("title-fragment", "candidate", "'Defense' in 'Defense Secretary'"),
    Rule("passer-by-detail", "candidate", "'Ann Roe, a cook who has worked there for nine years, said ...': a date, "
         "a count or a name in the clause or apposition about someone or some body named once, in passing ('Tom Ash, "
         "an analyst at Kerrow Capital, said ...')"),
    Rule("sum-in-stem", "candidate", "'a survey of _____ analysts found that 17 predicted a rise, four no change "
         "and one a cut': the other amounts of the sentence add up to the key (given.sum_in_stem)"),
    Rule("change-in-stem", "candidate", "'net profit fell 18 percent to _____ from $502 million': the percentage "
         "change and the other amount give the key (0.82 x 502), or both amounts give the percentage "
         "(given.change_in_stem)"),
    Rule("aside-year", "candidate", "'The target, set in _____, is that ...' = 2019, 'a band from the mill, which "
         "closed in _____, played', 'fined for spending 3 million on repairs in _____': a bare year told in a side clause "
         "about something else ('The bridge opened in 1932', 'the original Arc, which launched in 2023' are asked)"),
    Rule("not-worth-asking", "candidate", "a title, 'California' in 'Palmdale, California', 'last week', an age, "
         "'the Earth', where shares trade"),
    # items (trivia.py, checker.defects, rank)
    Rule("bare-month", "item", "'The inquiry began in _____.' = November, 'Since _____, ...' = March: a month or weekday "
         "alone as the key, or a true/false that swaps one bare month for another ('March 3, 2024' is asked)"),
    Rule("restated-amount", "item", "'cutting 1,800 jobs, or 4 percent of its workforce', '$412 million, or $1.36 "
         "per share': an amount and its restatement after ', or' in one clause; a blank or question over either has the other "
         "beside it (a true/false statement swapping one is kept; a conversion in brackets is blanked with its amount)"),
    Rule("office-holder", "item", "'Who is Dellow's chief executive, according to the article?', 'Who heads the "
         "Fairtable group?': who holds a job, not what the story is about (kept when the holder is a main subject: "
         "named in the first three sentences and named again)"),
    Rule("who-said", "item", "'_____ said the council would review the plan', 'Who said the council would review "
         "the plan?': who said it, instead of what was said"),
    Rule("titled-speaker", "item", "'Sheriff _____ said deputies ...', 'Mayor _____, who voted for it, said ...': the "
         "title already says who speaks, the blank asks only the name (kept when the speaker is a main subject of the "
         "story: named in the first three sentences and named again)"),
    Rule("speaker-aside", "item", "'_____ of the consultancy Marr Analytics said ...', 'Ana Vell of the "
         "consultancy _____ said ...': who said it, or the firm of who said it, instead of what was said (a "
         "true statement of what was said is kept)"),
    Rule("story-topic", "item", "'factories that make or use _____' = BOS, after the lede of a story headlined "
         "'Ministry to Ban Chemical BOS' that names BOS in 8 sentences and no other name in more than 2: the "
         "headline gives it (asked in the first three sentences; a story of two rival firms has no one topic; a "
         "true statement of the sentence is kept)"),
    Rule("span-of-change", "item", "'Rents have risen by 22 percent in _____' = three years, 'a record 1.4 million, "
         "up from 0.9 million _____ ago': the time over which a change is measured, asked beside the change ('the "
         "journey took _____', 'the first fall in _____' are asked)"),
    Rule("said-fragment", "item", "'Said provincial governor Ana Vell, who warned that ...': a piece of a sentence "
         "that starts with its verb of saying, cut from '29 were in the town, said ...'"),
    Rule("speaker-swap", "item", "'Chief financial officer Anna Holt said the firm had hedged 70 percent ...' made "
         "false by putting another person of the story in Holt's place (or another body after 'according to'): it tests "
         "who said it, not what was said (a false statement swapping the 70 percent is made instead)"),
    Rule("what-typed", "item", "'What has the contractor also lodged?' = claims for $5.1 million in delay costs, 'What "
         "will cars pay?' = 9 euros a day: a thing asked with a bare 'What' to be typed (readers accepted 9 of 73 over "
         "r0-r20u; 'What percentage ...?' stays); its blank or choice items ask it"),
    Rule("gate", "item", "an item the final checks reject: answer in the stem, a broken blank, an option also right"),
    Rule("one-of-a-list", "item", "'What do the phone's key specifications include?' asked of one item of a list: "
         "each of the others answers it too (a blank or a true/false statement over the item is asked instead)"),
    Rule("duplicate", "item", "the same prompt twice"),
    Rule("sentence-full", "item", "a fourth blank from the same sentence"),
    Rule("answer-repeated", "item", "a fifth item of one kind with the same answer"),
]}


@dataclass
class Trace:
    """What each stage made and dropped, by sentence index (for `--explain`)."""

    sentences: dict = field(default_factory=dict)  # index -> verbatim text
    dropped: list = field(default_factory=list)  # (sentence index, rule name, what)

    def drop(self, index, rule, what=""):
        assert rule in RULES, rule
        self.dropped.append((index, rule, what))


def report(trace, items):
    """The explanation as text: each sentence, its items, and every drop with its rule."""
    by_sentence = {}
    for item in items:
        by_sentence.setdefault(item["source_sentence"], []).append(item)
    drops = {}
    for index, rule, what in trace.dropped:
        drops.setdefault(index, []).append((rule, what))
    lines = []
    for index, text in sorted(trace.sentences.items()):
        lines.append(f"[{index + 1}] {text}")
        for item in by_sentence.get(text, []):
            lines.append(f"    made {item['kind']} ({item['score']:.2f}): {item['prompt']} -> {item['answer']}")
        seen = set()
        for rule, what in drops.get(index, []):
            if (rule, what) in seen:
                continue
            seen.add((rule, what))
            detail = f" {what!r}" if what else ""
            lines.append(f"    dropped{detail}: {rule} ({RULES[rule].example})")
        if not by_sentence.get(text) and not drops.get(index):
            lines.append("    nothing to ask: no name, number or phrase worth a question")
    return "\n".join(lines)
