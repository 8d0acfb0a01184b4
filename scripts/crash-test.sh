#!/usr/bin/env bash
# Crash test: kill -9 an ingest midway, run it again, and check that the store equals a clean run's
# (reports, per-report events with their merged ids, merged events).
#   scripts/crash-test.sh PATH/TO/watchpost CLUSTERS_DIR [COPIES]
# The corpus is the clusters set copied COPIES times under new ids, with its gold events standing
# in for extracted ones. Exit 0 when the stores are equal.
set -euo pipefail
BIN=$1; CLUSTERS=$2; COPIES=${3:-40}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
python3 - "$CLUSTERS" "$COPIES" "$WORK" <<'PY'
import datetime, json, sys
src, copies, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
docs = [json.loads(l) for l in open(f"{src}/documents.jsonl")]
events = [json.loads(l) for l in open(f"{src}/gold.jsonl")]
with open(f"{work}/docs.jsonl", "w") as d, open(f"{work}/events.jsonl", "w") as e:
    def shift(day, k):  # each copy 90 days later, so copies are new happenings, not one giant cluster
        return day and (datetime.date.fromisoformat(day) + datetime.timedelta(days=90 * k)).isoformat()
    for k in range(copies):
        for doc in docs:
            doc2 = dict(doc, id=f"{doc['id']}~{k}", published=shift(doc.get("published"), k), text=doc["text"] + f"\n(copy {k})")
            d.write(json.dumps(doc2) + "\n")
        for ev in events:
            e.write(json.dumps(dict(ev, doc=f"{ev['doc']}~{k}", id=f"{ev['id']}~{k}", date=shift(ev["date"], k),
                                    date_end=shift(ev.get("date_end"), k))) + "\n")
PY
snapshot() {
  "$BIN" events --db "$1" --per-report > "$2.per"
  "$BIN" events --db "$1" > "$2.merged"
}
# Small batches (reports per transaction), so that a kill lands between committed batches as well
# as inside one; the kills come at fractions of the clean run's time, whatever the machine's speed.
BATCH=${BATCH:-20}
start=$(date +%s.%N)
"$BIN" ingest --db "$WORK/clean.sqlite" --batch "$BATCH" --events "$WORK/events.jsonl" "$WORK/docs.jsonl" 2>/dev/null
clean_seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
snapshot "$WORK/clean.sqlite" "$WORK/clean"
killed=0
for fraction in 0.25 0.3 0.35; do
  delay=$(awk -v t="$clean_seconds" -v f="$fraction" 'BEGIN { printf "%.2f", t * f }')
  "$BIN" ingest --db "$WORK/crash.sqlite" --batch "$BATCH" --events "$WORK/events.jsonl" "$WORK/docs.jsonl" 2>/dev/null &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
done
"$BIN" ingest --db "$WORK/crash.sqlite" --batch "$BATCH" --events "$WORK/events.jsonl" "$WORK/docs.jsonl" 2>/dev/null
snapshot "$WORK/crash.sqlite" "$WORK/crash"
echo "crash-test: killed $killed runs (clean run ${clean_seconds}s, batches of $BATCH); $(wc -l < "$WORK/clean.per") events, $(wc -l < "$WORK/clean.merged") merged events in the clean run"
cmp -s "$WORK/clean.per" "$WORK/crash.per" || { echo "crash-test: per-report events differ" >&2; exit 1; }
cmp -s "$WORK/clean.merged" "$WORK/crash.merged" || { echo "crash-test: merged events differ" >&2; exit 1; }
echo "crash-test: stores equal"
