#!/usr/bin/env bash
# Checks that the in-process candidate index changes no merge: ingests a corpus twice, once with
# the index (the default) and once merging through SQL alone (`ingest --sql-merge`, the path the
# PostgreSQL store takes), then compares `events`, `events --per-report` and every `export` format
# (sorted), and prints the merge scores of both against the gold clusters.
#   scripts/store-equivalence.sh PATH/TO/watchpost [CLUSTERS_DIR]
# Exit 0 when the two stores give identical output.
set -euo pipefail
BIN=$1; CLUSTERS=${2:-/work/shared/corpus/dev/clusters}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
"$BIN" ingest --db "$WORK/index.sqlite" "$CLUSTERS/documents.jsonl" > /dev/null
"$BIN" ingest --sql-merge --db "$WORK/sql.sqlite" "$CLUSTERS/documents.jsonl" > /dev/null
status=0
for mode in index sql; do
  db="$WORK/$mode.sqlite"
  "$BIN" events --db "$db" --format jsonl | sort > "$WORK/$mode.events"
  "$BIN" events --db "$db" --per-report --format jsonl | sort > "$WORK/$mode.per"
  for f in acled-csv geojson jsonl csv; do "$BIN" export --db "$db" --format "$f" | sort > "$WORK/$mode.export-$f"; done
done
for part in events per export-acled-csv export-geojson export-jsonl export-csv; do
  if cmp -s "$WORK/index.$part" "$WORK/sql.$part"; then
    echo "same: $part ($(wc -l < "$WORK/index.$part") lines)"
  else
    echo "DIFFERENT: $part"; diff "$WORK/index.$part" "$WORK/sql.$part" | head -5; status=1
  fi
done
if [ -f /work/shared/eval/merge_score.py ] && [ -f "$CLUSTERS/gold.jsonl" ]; then
  for mode in index sql; do
    echo "merge score ($mode):"
    python3 /work/shared/eval/merge_score.py --gold "$CLUSTERS/gold.jsonl" --pred "$WORK/$mode.per"
  done
fi
exit $status
