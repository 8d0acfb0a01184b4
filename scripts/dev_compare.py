#!/usr/bin/env python3
"""Side-by-side view of gold and predicted events per document, for reading misses.

    python3 scripts/dev_compare.py GOLD.jsonl PRED.jsonl [DOC_PREFIX]

Pairs events with shared/eval/score.py's own matcher, then prints every gold event with its partner
(fields that differ marked with *) and every unpaired prediction. Development aid only.
"""
import json, os, sys
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "shared", "eval"))
from score import Actors, load, match, date_ok, location_ok  # noqa: E402

gold, pred = load(sys.argv[1]), load(sys.argv[2])
prefix = sys.argv[3] if len(sys.argv) > 3 else ""
actors = Actors(os.path.join(here, "..", "..", "shared", "eval", "actors.tsv"))
gold = [g for g in gold if g["doc"].startswith(prefix)]
pred = [p for p in pred if p["doc"].startswith(prefix)]
pairs = dict(match(gold, pred, actors))
used = set(pairs.values())
F = lambda e: f"{e.get('sub_event_type')} | {e.get('date')}..{e.get('date_end')} | {e.get('actor1')} -> {e.get('actor2')} | {e.get('location')} ({e.get('admin1')},{e.get('geo_precision')}) | fat {e.get('fatalities')} | {e.get('claimed_by')}:{e.get('claim_status')}"
for gi, g in enumerate(gold):
    opt = " (optional)" if g.get("optional") else ""
    print(f"GOLD {g['id']}{opt}: {F(g)}\n     {g['evidence'][:240]}")
    if gi in pairs:
        p = pred[pairs[gi]]
        marks = []
        if p.get("event_type") != g.get("event_type"): marks.append("TYPE")
        if not date_ok(g, p): marks.append("DATE")
        if not location_ok(g, p): marks.append("LOC")
        if actors.canon(p.get("actor1")) != actors.canon(g.get("actor1")): marks.append("ACTOR1")
        if (p.get("fatalities") or 0) != (g.get("fatalities") or 0): marks.append("FAT")
        if (p.get("claim_status") or "reported") != (g.get("claim_status") or "reported"): marks.append("CLAIM")
        print(f"  -> {' '.join(marks) or 'ok'}: {F(p)}")
    else:
        print("  -> MISSED")
for pi, p in enumerate(pred):
    if pi not in used:
        print(f"SPURIOUS {p['doc']}: {F(p)}\n     {p['evidence'][:240]}")
