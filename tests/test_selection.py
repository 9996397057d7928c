"""Selection of the best items (rank.spread) on items made up for the test: one item per fact and two per
sentence among the best 30, the facts that matter first among items as sure, scores that never rise."""
from questions import rank
from questions.calibration import READY


def made(n, *, fact=None, sentence=None, importance=0.3, acceptance=0.5, score=0.4, kind="fill_blank", answer=None):
    return {"kind": kind, "prompt": f"Prompt {n} _____.", "answer": answer or f"answer {n}",
            "source_sentence": sentence or f"Sentence {n}.", "fact": fact or f"fact{n}",
            "importance": importance, "acceptance": acceptance, "score": score}


def many(count=40):
    return [made(n) for n in range(count)]


def test_a_second_item_of_one_fact_waits_behind_the_best_30():
    first = made(100, fact="lede", importance=0.9, answer="the lede")
    second = made(101, fact="lede", importance=0.9, kind="short_answer", answer="the lede")
    order = rank.spread(many() + [first, second])
    prompts = [i["prompt"] for i in order]
    assert prompts.index(first["prompt"]) == 0  # positive control: the fact that matters comes first
    assert prompts.index(second["prompt"]) >= rank.BEST  # its second item is kept, behind the best 30
    assert len(order) == 42


def test_a_third_item_of_one_sentence_waits_behind_the_best_30():
    busy = [made(200 + n, sentence="One busy sentence.", importance=0.9 - n / 100) for n in range(3)]
    order = [i["prompt"] for i in rank.spread(many() + busy)]
    assert order.index(busy[0]["prompt"]) < rank.BEST and order.index(busy[1]["prompt"]) < rank.BEST
    assert order.index(busy[2]["prompt"]) >= rank.BEST


def test_among_drafts_as_sure_the_fact_that_matters_comes_first():
    trivia = made(300, importance=0.05)
    news = made(301, importance=0.8)
    order = [i["prompt"] for i in rank.spread([trivia, news])]
    assert order == [news["prompt"], trivia["prompt"]]
    # positive control: an item far more likely to be taken as written still goes before the news
    sure = made(302, importance=0.4, acceptance=0.95, score=0.6)
    assert [i["prompt"] for i in rank.spread([news, sure])][0] == sure["prompt"]


def test_ready_items_stay_first_and_scores_never_rise():
    ready = made(400, importance=0.05, acceptance=0.9, score=0.8)
    drafts = [made(401 + n, importance=0.9, score=0.65 - n / 100) for n in range(5)]
    order = rank.spread(drafts + [ready])
    assert order[0]["prompt"] == ready["prompt"] and order[0]["score"] == 0.8 >= READY
    scores = [i["score"] for i in order]
    assert scores == sorted(scores, reverse=True) and all(s < READY for s in scores[1:])


def test_a_statement_made_false_matters_less_than_the_same_statement_true():
    weights = rank.load_weights()
    true = {"kind": "true_false", "answer": "True", "features": {"label": "MONEY", "role": "name", "position": 0.9}}
    false = dict(true, answer="False")
    assert rank.importance(false, weights) < rank.importance(true, weights)
    fill = {"kind": "fill_blank", "answer": "False", "features": true["features"]}  # positive control: only statements
    assert rank.importance(fill, weights) == rank.importance(dict(fill, answer="True"), weights)
