#!/bin/sh
# Coding at scale: -j N gives the bytes of -j 1 (records, diagnostics and
# the explain trace), --shard I/N splits the documents into disjoint shards
# whose union is the whole run, and the GNU parallel recipe of the README
# (one `annals ingest --shard I/N` per shard, all into one database) stores
# what one ingest stores: into SQLite, one file per shard, and, with
# ANNALS_TEST_PG, into one PostgreSQL database. The corpus slices come from
# ../shared/corpus when it is there, else from the bundled samples.
set -u
cd "$(dirname "$0")/.." || exit 2
A=./annals
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "scale: FAIL: $*" >&2; }

SHARED=${ANNALS_SHARED:-../shared}
CORPUS="$SHARED/corpus"
INPUTS="samples/articles"
if [ -f "$CORPUS/reuters21578/reuters21578.jsonl" ]; then
	head -2000 "$CORPUS/reuters21578/reuters21578.jsonl" > "$T/reuters.jsonl"
	INPUTS="$T/reuters.jsonl $CORPUS/bbc/bbc.jsonl samples/articles"
fi
[ -d "$SHARED/seeds" ] && INPUTS="$INPUTS $SHARED/seeds"

# ---- threads: byte-identical output ----------------------------------------
$A code $INPUTS > "$T/j1" 2> "$T/e1" || bad "-j 1 failed"
for j in 2 4 0; do
	$A code -j $j $INPUTS > "$T/jn" 2> "$T/en" || bad "-j $j failed"
	if cmp -s "$T/j1" "$T/jn" && cmp -s "$T/e1" "$T/en"; then ok; else bad "-j $j differs from -j 1"; fi
done
[ -s "$T/j1" ] && grep -q '"type":"entity"' "$T/j1" && ok || bad "no records"

for opt in --network "--network --roll-up" --no-events --no-discovery; do
	$A code $opt $INPUTS > "$T/o1" 2>&1
	$A code -j 3 $opt $INPUTS > "$T/o3" 2>&1
	cmp -s "$T/o1" "$T/o3" && ok || bad "-j 3 $opt differs from -j 1"
done
$A code --explain samples/articles > "$T/x1" 2>&1
$A code -j 2 --explain samples/articles > "$T/x2" 2>&1
cmp -s "$T/x1" "$T/x2" && ok || bad "-j 2 --explain differs"

# the documents in another order: each document's records are the same
$A code $(ls -r samples/articles/* | sed 's/^/ /') > "$T/rev" 2>/dev/null
$A code samples/articles > "$T/fwd" 2>/dev/null
grep -v '"type":"\(entity\|support\|incident\)"' "$T/fwd" | sort > "$T/fwd.doc"
grep -v '"type":"\(entity\|support\|incident\)"' "$T/rev" | sort > "$T/rev.doc"
cmp -s "$T/fwd.doc" "$T/rev.doc" && ok || bad "a document's records depend on the documents before it"

# ---- shards ---------------------------------------------------------------
doclines() { grep -v '"type":"\(entity\|support\|incident\)"' "$1" | sort; }
doclines "$T/j1" > "$T/all.doc"
grep -o '^{"type":"document","doc":"[^"]*"' "$T/j1" | sort > "$T/all.ids"
: > "$T/union.doc"
: > "$T/union.ids"
for i in 0 1 2 3; do
	$A code -q -j 2 --shard $i/4 $INPUTS > "$T/s$i" || bad "--shard $i/4 failed"
	doclines "$T/s$i" >> "$T/union.doc"
	grep -o '^{"type":"document","doc":"[^"]*"' "$T/s$i" >> "$T/union.ids"
	[ -s "$T/s$i" ] && ok || bad "shard $i/4 is empty"
done
sort "$T/union.doc" -o "$T/union.doc"
sort "$T/union.ids" -o "$T/union.ids"
cmp -s "$T/all.doc" "$T/union.doc" && ok || bad "the shards' records are not the run's"
cmp -s "$T/all.ids" "$T/union.ids" && ok || bad "shards overlap or miss documents"
[ "$(uniq -d "$T/union.ids" | wc -l)" = "$(uniq -d "$T/all.ids" | wc -l)" ] && ok ||
	bad "a document is in two shards"
# stable whatever the order of the inputs
$A code -q --shard 1/4 $(echo $INPUTS | tr ' ' '\n' | sort -r) > "$T/s1r"
[ "$(doclines "$T/s1r" | md5sum)" = "$(doclines "$T/s1" | md5sum)" ] && ok ||
	bad "--shard 1/4 depends on input order"
for b in 4/4 1/0 x 1/ /3 -1/3; do
	$A code --shard "$b" samples/articles > /dev/null 2> "$T/err"
	[ $? = 2 ] && grep -q "needs I/N" "$T/err" && ok || bad "--shard $b accepted"
done
$A code -j 300 samples/articles > /dev/null 2>&1
[ $? = 2 ] && ok || bad "-j 300 accepted"

# ---- the Slurm recipe, with the array variables set by hand ---------------------
mkdir "$T/slurm"
for i in 0 1 2; do
	SLURM_ARRAY_TASK_ID=$i SLURM_ARRAY_TASK_COUNT=3 ANNALS=$A ANNALS_OUT="$T/slurm" \
		sh tools/slurm-array.sh - $INPUTS || bad "slurm-array.sh task $i failed"
done
for i in 0 1 2; do doclines "$T/slurm/shard-$i.jsonl"; done | sort > "$T/slurm.doc"
cmp -s "$T/all.doc" "$T/slurm.doc" && ok || bad "the Slurm array's shards are not the run"
SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=2 ANNALS=$A sh tools/slurm-array.sh "$T/slurm.db" samples/articles &&
	SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 ANNALS=$A sh tools/slurm-array.sh "$T/slurm.db" samples/articles &&
	[ "$($A query stats --json --db "$T/slurm.db" | grep -o '"documents":[0-9]*')" = \
	  "\"documents\":$($A code samples/articles 2> /dev/null | grep -c '^{"type":"document"')" ] &&
	ok || bad "the Slurm array into one SQLite file"

# ---- the GNU parallel recipe -------------------------------------------------
if command -v parallel > /dev/null 2>&1; then
	$A ingest -q --db "$T/one.db" $INPUTS 2> /dev/null
	$A query stats --json --db "$T/one.db" | sed 's/"database":"[^"]*",//' > "$T/one.stats"
	# one SQLite file per shard, then every shard's documents together
	parallel -j 2 $A ingest -q --db "$T/shard{}.db" --shard {}/4 $INPUTS ::: 0 1 2 3 2> /dev/null
	n=0
	for i in 0 1 2 3; do
		k=$($A query stats --json --db "$T/shard$i.db" | grep -o '"documents":[0-9]*' | cut -d: -f2)
		n=$((n + k))
	done
	want=$(grep -o '"documents":[0-9]*' "$T/one.stats" | cut -d: -f2)
	[ "$n" = "$want" ] && ok || bad "parallel shards into SQLite: $n documents, want $want"
	if [ -n "${ANNALS_TEST_PG:-}" ]; then
		psql -q "$ANNALS_TEST_PG" -c "DROP SCHEMA IF EXISTS annals_scale CASCADE; CREATE SCHEMA annals_scale" \
			> /dev/null 2>&1 || bad "cannot make a schema in $ANNALS_TEST_PG"
		case $ANNALS_TEST_PG in *\?*) sep='&' ;; *) sep='?' ;; esac
		PG="$ANNALS_TEST_PG${sep}options=-csearch_path%3Dannals_scale"
		# the schema first, then four ingests at once into one database
		$A ingest -q --db "$PG" --shard 0/1000000 samples/articles 2> /dev/null
		parallel -j 4 $A ingest -q --db "'$PG'" --shard {}/4 $INPUTS ::: 0 1 2 3 2> "$T/pg.err" ||
			{ bad "parallel ingest into PostgreSQL failed"; head -5 "$T/pg.err" >&2; }
		$A query stats --json --db "$PG" | sed 's/"database":"[^"]*",//; s/"backend":"[a-z]*",//' > "$T/pg.stats"
		sed 's/"backend":"[a-z]*",//' "$T/one.stats" > "$T/one.stats2"
		cmp -s "$T/one.stats2" "$T/pg.stats" && ok ||
			{ bad "parallel shards into PostgreSQL differ from one ingest"; diff "$T/one.stats2" "$T/pg.stats" | head -5 >&2; }
		for t in event quote; do
			$A export jsonl --db "$T/one.db" | grep "^{\"type\":\"$t\"" | sort > "$T/one.$t"
			$A export jsonl --db "$PG" | grep "^{\"type\":\"$t\"" | sort > "$T/pg.$t"
			cmp -s "$T/one.$t" "$T/pg.$t" && ok || bad "parallel shards into PostgreSQL: $t records differ"
		done
		psql -q "$ANNALS_TEST_PG" -c "DROP SCHEMA annals_scale CASCADE" > /dev/null 2>&1
	else
		echo "scale: ANNALS_TEST_PG not set: the PostgreSQL recipe is skipped"
	fi
else
	echo "scale: GNU parallel not installed: the recipe is skipped"
fi

echo "scale: $pass passed, $fail failed"
[ $fail = 0 ]
