#!/usr/bin/env bash
# Checks that two builds store the same thing: ingests a corpus with each (a fresh SQLite store
# each), then compares `events`, `events --per-report` and every `export` format byte for byte
# (unsorted: the order is part of the output); and the old binary's store read by the new one. For a change that must not alter stored data,
# e.g. main's binary against a branch's.
#   scripts/compare-binaries.sh OLD/watchpost NEW/watchpost [CLUSTERS_DIR]
# Exit 0 when every output is identical.
set -euo pipefail
OLD=$1; NEW=$2; CLUSTERS=${3:-/work/shared/corpus/dev/clusters}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
status=0
for side in old new; do
  bin=$OLD; [ "$side" = new ] && bin=$NEW
  db="$WORK/$side.sqlite"
  "$bin" ingest --db "$db" "$CLUSTERS/documents.jsonl" > /dev/null
  "$bin" events --db "$db" --format jsonl > "$WORK/$side.events"
  "$bin" events --db "$db" --per-report --format jsonl > "$WORK/$side.per"
  for f in acled-csv geojson jsonl csv; do "$bin" export --db "$db" --format "$f" > "$WORK/$side.export-$f"; done
done
for part in events per export-acled-csv export-geojson export-jsonl export-csv; do
  if cmp -s "$WORK/old.$part" "$WORK/new.$part"; then
    echo "identical: $part ($(wc -c < "$WORK/old.$part") bytes)"
  else
    echo "DIFFERENT: $part"; diff "$WORK/old.$part" "$WORK/new.$part" | head -5; status=1
  fi
done
# The old binary's store read by the new binary (its stored bodies must decode to the same output).
"$NEW" export --db "$WORK/old.sqlite" --format jsonl > "$WORK/cross.export-jsonl"
if cmp -s "$WORK/old.export-jsonl" "$WORK/cross.export-jsonl"; then
  echo "identical: old store exported by the new binary"
else
  echo "DIFFERENT: old store exported by the new binary"; status=1
fi
exit $status
