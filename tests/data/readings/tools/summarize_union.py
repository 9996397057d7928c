"""Summarize a union reading (r19u): one sheet holding the items of two generators' sheets (start/ and end/), read by
the same readers; mapping.json gives each union item's numbers on start ('a') and end ('b').

    python3 tests/data/readings/tools/summarize_union.py tests/data/readings/r19u [P Q]
(make_union.py builds such a folder from two build_reading.py folders.)
"""
import json, collections, sys
base = sys.argv[1] if len(sys.argv) > 1 else 'tests/data/readings/r19u'
import os
if not os.path.exists(f'{base}/mapping.json'):
    base = base.rstrip('/') + '/r19u'  # the old call: the readings folder
READERS = sys.argv[2:] or ['P', 'Q']
u={x['n']:x for x in json.load(open(f'{base}/sheet.json'))}
mp={m['n']:m['from'] for m in json.load(open(f'{base}/mapping.json'))}
V={r:{v['n']:v for v in json.load(open(f'{base}/verdicts_{r}.json'))} for r in READERS}
secs={s:{int(k):v for k,v in json.load(open(f'{base}/{d}/sections.json')).items()} for s, d in (('a', 'start'), ('b', 'end'))}
keys={s:{k['n']:k for k in json.load(open(f'{base}/{d}/key.json'))} for s, d in (('a', 'start'), ('b', 'end'))}
agree=sum(len({V[r][n]['verdict'] for r in READERS})==1 for n in u)
print('union items',len(u),'readers agree on',agree)
for ver,name in (('a','start'),('b','end')):
    rows=[(n,m) for n,froms in mp.items() for s,m in froms if s==ver]
    def rate(filt, nodup=False):
        acc=tot=0
        for n,m in rows:
            if not filt(n,m): continue
            for r in READERS:
                v=V[r][n]
                if nodup and 'duplicate' in v['reason']: continue
                tot+=1; acc+=v['verdict'].upper().startswith('ACC')
        return f"{100*acc/max(tot,1):.0f}% of {tot}"
    print(f"== {name}: items {len(rows)}")
    print(' all', rate(lambda n,m: True), '| without duplicate verdicts', rate(lambda n,m: True, True))
    for sec in ('random','mc','best','ready'):
        print(' section',sec, rate(lambda n,m,sec=sec: secs[ver][m]==sec))
    print(' score>=0.7', rate(lambda n,m: keys[ver][m]['score']>=0.7), ' <0.7', rate(lambda n,m: keys[ver][m]['score']<0.7))
    for k in ('fill_blank','multiple_choice','short_answer','true_false'):
        print(' kind',k, rate(lambda n,m,k=k: u[n]['kind']==k))
    mc=[(n,m) for n,m in rows if u[n]['kind']=='multiple_choice']
    ok=sum(bool(V[r][n].get('distractors_ok')) for n,m in mc for r in READERS); print(' MC distractors fine', ok,'of',len(READERS)*len(mc))
    c=collections.Counter(V[r][n]['reason'] for n,m in rows for r in READERS if V[r][n]['verdict']=='NOT'); print(' faults', dict(c.most_common(7)))
