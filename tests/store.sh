#!/bin/sh
# The store from the command line: ingest the seed articles and check that
# query answers equal what `annals code` prints; re-ingest skips everything;
# ingest killed with SIGKILL again and again, then finished, equals a clean
# ingest; a read-only database, a database of another version and a file
# that is not one give clear errors and change nothing; exports are
# well-formed. With ANNALS_TEST_PG set (a postgresql:// URL of a database
# the test may write a schema "annals_test" into), the same over PostgreSQL.
set -u
cd "$(dirname "$0")/.." || exit 2
A=$(pwd)/annals
SHARED=${ANNALS_SHARED:-../shared}
SEEDS=$SHARED/seeds
T=$(mktemp -d)
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "store: FAIL: $*" >&2; }

# expect STATUS PATTERN CMD...: exit status and a pattern in stderr/stdout.
expect() {
	want=$1 pat=$2
	shift 2
	"$@" > "$T/out" 2> "$T/err"
	got=$?
	if [ "$got" = "$want" ] && { [ -z "$pat" ] || grep -q -- "$pat" "$T/err" "$T/out"; }; then
		ok
	else
		bad "$* (status $got, want $want, pattern '$pat')"
		head -5 "$T/err" >&2
	fi
}

# same NAME FILE1 FILE2: the two files hold the same lines, in any order.
same() {
	sort "$2" > "$T/s1"
	sort "$3" > "$T/s2"
	if [ -s "$T/s1" ] && cmp -s "$T/s1" "$T/s2"; then
		ok
	else
		bad "$1: $(diff "$T/s1" "$T/s2" | head -6)"
	fi
}

# counts DB: the stats record without the names of the database.
counts() {
	$A query stats --json --db "$1" | sed 's/"database":"[^"]*",//'
}

# check_seeds DB: answers from DB equal the records of `annals code`.
check_seeds() {
	db=$1 tag=$2
	for t in event quote support; do
		grep "^{\"type\":\"$t\"" "$T/code.jsonl" > "$T/want.$t"
	done
	$A query events --json --db "$db" > "$T/got.event"
	same "$tag events = annals code" "$T/want.event" "$T/got.event"
	$A query quotes --json --db "$db" > "$T/got.quote"
	same "$tag quotes = annals code" "$T/want.quote" "$T/got.quote"
	$A query support --json --db "$db" > "$T/got.support"
	same "$tag support = annals code" "$T/want.support" "$T/got.support"
	# every record: documents, mentions, entities too
	grep -v '"type":"incident"' "$T/code.jsonl" > "$T/want.all"
	$A export jsonl --db "$db" > "$T/got.all"
	same "$tag export jsonl = annals code" "$T/want.all" "$T/got.all"
	# filters and roll-up against the code output
	grep '"source":"qasem-soleimani"' "$T/want.event" > "$T/want.qs"
	$A query events --json --source "Qassem Soleimani" --db "$db" > "$T/got.qs"
	same "$tag events by a name" "$T/want.qs" "$T/got.qs"
	grep '"root":"07"' "$T/want.event" | grep -E '"(source|target)":"(iran|qasem-soleimani|quds-force|irgc|iranian-government|tehran|mashhad|shiraz)"' > "$T/want.ru"
	$A query events --json iran --roll-up --root 07 --db "$db" > "$T/got.ru"
	same "$tag events by iran, rolled up" "$T/want.ru" "$T/got.ru"
	if $A query events --json iran --root 07 --db "$db" | grep -q '"source":"qasem-soleimani","target":"syria"'; then
		bad "$tag: without --roll-up a commander is not iran"
	else ok; fi
	grep '"speaker":"amir-hatami"' "$T/want.quote" > "$T/want.sp"
	$A query quotes --json "Amir Hatami" --db "$db" > "$T/got.sp"
	same "$tag quotes by speaker" "$T/want.sp" "$T/got.sp"
	expect 0 '"id":"qasem-soleimani".*"mentions":39.*"docs":3.*"evidence":{"doc"' \
		$A query entity "Qasem Soleimani" --json --db "$db"
	expect 0 '"type":"sentence","doc":"001_6c5c9a936ca936b8".*"snippet":".*\*\*rocket' \
		$A query search --json rocket Israel --db "$db"
	expect 0 "first_seen" $A query entity hamas --db "$db"
	expect 2 "no entity 'nobody-x'" $A query events nobody-x --db "$db"
}

# ---- SQLite: the seeds ------------------------------------------------------
$A code "$SEEDS" > "$T/code.jsonl" 2> /dev/null
DB=$T/seeds.db
expect 0 "3 documents stored" $A ingest --db "$DB" "$SEEDS"
check_seeds "$DB" sqlite
counts "$DB" > "$T/counts1"
expect 0 "0 documents stored (0 recoded), 3 already stored" $A ingest --db "$DB" "$SEEDS"
counts "$DB" > "$T/counts2"
cmp -s "$T/counts1" "$T/counts2" && ok || bad "re-ingest changed the counts"

# a dictionary change recodes: the fingerprint covers the data directory
cp -r data "$T/data2"
printf '\n# a comment: the files changed\n' >> "$T/data2/roles.txt"
expect 0 "3 documents stored (3 recoded)" $A ingest --db "$DB" -d "$T/data2" "$SEEDS"
counts "$DB" > "$T/counts3"
cmp -s "$T/counts1" "$T/counts3" && ok || bad "recoding changed the counts"

# ---- exports ------------------------------------------------------------------
expect 0 "" $A export csv --db "$DB" -o "$T/ev.csv"
expect 0 "" $A export tsv --db "$DB" -o "$T/ev.tsv"
python3 - "$T/ev.csv" "$T/ev.tsv" "$T/want.event" <<'EOF' && ok || bad "CSV/TSV columns"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='')))
tsv = [l.rstrip('\n').split('\t') for l in open(sys.argv[2])]
want = sum(1 for _ in open(sys.argv[3]))
assert rows[0][:6] == ['EventID', 'Date', 'Year', 'Month', 'Day', 'SourceActorFull'], rows[0]
assert rows[0][25] == 'NewsSources' and len(rows[0]) == 34
assert all(len(r) == 34 for r in rows) and all(len(r) == 34 for r in tsv), 'column count'
assert len(rows) == want + 1 == len(tsv), (len(rows), want)
EOF
for f in graphml gexf; do
	for what in "" --events; do
		$A export $f $what --db "$DB" > "$T/net.$f" || bad "export $f $what"
		if command -v xmllint > /dev/null; then
			xmllint --noout "$T/net.$f" && ok || bad "$f $what is not well-formed"
		else
			python3 -c "import sys, xml.dom.minidom as m; m.parse(sys.argv[1])" "$T/net.$f" &&
				ok || bad "$f $what is not well-formed"
		fi
	done
done
grep -q 'start="2017-12-27" end="2017-12-27"' "$T/net.gexf" && ok || bad "gexf time attributes"
expect 0 '"iran" -> "al-qassam-brigades" \[label="weapons (1) 2008"' $A export dot --db "$DB"
expect 0 "sponsor,recipient,kind" $A export csv --support --db "$DB"
expect 0 "Qassem Soleimani" $A export csv --quotes --db "$DB"
expect 2 "unknown export format" $A export pdf --db "$DB"

# ---- help and bad input ---------------------------------------------------------
expect 0 "exit status" $A help ingest
expect 0 "examples" $A query --help
expect 0 "GEXF" $A export --help
expect 2 "ingest needs at least one input" $A ingest --db "$T/x.db"
expect 2 "query what" $A query --db "$DB"
expect 1 "no such database" $A query events --db "$T/missing.db"

# another schema version: a clear message and the way to migrate
cp "$DB" "$T/old.db"
python3 -c "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 7'); c.commit()" "$T/old.db"
expect 1 "schema version 7 was written by a newer annals; this annals .* reads version 1.*re-ingest" \
	$A query events --db "$T/old.db"
expect 4 "schema version 7" $A ingest --db "$T/old.db" "$SEEDS"

# a file that is not a database
printf 'just some text, and more of it, so that it is not a database at all\n' > "$T/text.db"
expect 4 "not a database" $A ingest --db "$T/text.db" "$SEEDS"
expect 1 "not a database" $A query events --db "$T/text.db"

# a read-only database: an error, and the database as it was
mkdir "$T/ro"
cp "$DB" "$T/ro/ro.db"
echo "Hamas fired rockets at Israel on Monday." > "$T/new.txt"
chmod 644 "$T/new.txt"
if [ "$(id -u)" = 0 ]; then
	chown -R root "$T/ro"
	chmod 755 "$T/ro"
	RUN="setpriv --reuid=65534 --regid=65534 --clear-groups"
else
	chmod 444 "$T/ro/ro.db"
	chmod 555 "$T/ro"
	RUN=""
fi
expect 4 "read-only" $RUN $A ingest --db "$T/ro/ro.db" "$T/new.txt"
chmod 755 "$T/ro"
counts "$T/ro/ro.db" > "$T/counts4"
cmp -s "$T/counts1" "$T/counts4" && ok || bad "the read-only database changed"

# ---- SIGKILL: killed at random moments, then finished ---------------------------
# A clean ingest, then one killed several times and run again to the end:
# the same documents and records, nothing lost or doubled, and a sound file.
KC="$SHARED/corpus/re3d_syria_iraq/re3d_syria_iraq.jsonl $SHARED/corpus/fakes_syria/fakes_syria.jsonl"
if [ -f "$SHARED/corpus/fakes_syria/fakes_syria.jsonl" ]; then
	$A ingest -q --db "$T/clean.db" $KC || bad "clean ingest"
	i=0
	while [ $i -lt 8 ]; do
		$A ingest -q --batch 7 --db "$T/killed.db" $KC 2> /dev/null &
		pid=$!
		sleep "$(python3 -c 'import random; print(round(random.uniform(0.02, 0.5), 3))')"
		kill -9 $pid 2> /dev/null
		wait $pid 2> /dev/null
		i=$((i + 1))
	done
	$A ingest -q --db "$T/killed.db" $KC || bad "ingest after the kills"
	counts "$T/clean.db" > "$T/c.clean"
	counts "$T/killed.db" > "$T/c.killed"
	cmp -s "$T/c.clean" "$T/c.killed" && ok || bad "after kills: $(cat "$T/c.clean" "$T/c.killed")"
	# every record the same (entity records list aliases in the order the
	# runs met them: compared without)
	$A export jsonl --db "$T/clean.db" | sed 's/"aliases":\[[^]]*\],//' > "$T/all.clean"
	$A export jsonl --db "$T/killed.db" | sed 's/"aliases":\[[^]]*\],//' > "$T/all.killed"
	same "records after kills" "$T/all.clean" "$T/all.killed"
	python3 - "$T/killed.db" <<'EOF' && ok || bad "integrity after kills"
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
assert c.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
c.execute("INSERT INTO sentence_fts(sentence_fts) VALUES ('integrity-check')")
EOF
	expect 0 "0 documents stored (0 recoded), 891 already stored" $A ingest --db "$T/killed.db" $KC
fi

# ---- PostgreSQL -------------------------------------------------------------------
if [ -n "${ANNALS_TEST_PG:-}" ]; then
	psql -q "$ANNALS_TEST_PG" -c "DROP SCHEMA IF EXISTS annals_test CASCADE; CREATE SCHEMA annals_test" \
		> /dev/null 2>&1 || bad "cannot make a schema in $ANNALS_TEST_PG"
	case $ANNALS_TEST_PG in *\?*) sep='&' ;; *) sep='?' ;; esac
	PG="$ANNALS_TEST_PG${sep}options=-csearch_path%3Dannals_test"
	expect 0 "3 documents stored" $A ingest --db "$PG" "$SEEDS"
	check_seeds "$PG" postgresql
	counts "$PG" | sed 's/"backend":"[a-z]*",//' > "$T/pg1"
	sed 's/"backend":"[a-z]*",//' "$T/counts1" > "$T/sq1"
	cmp -s "$T/pg1" "$T/sq1" && ok || bad "postgresql counts: $(cat "$T/pg1" "$T/sq1")"
	expect 0 "0 documents stored (0 recoded), 3 already stored" $A ingest --db "$PG" "$SEEDS"
	counts "$PG" | sed 's/"backend":"[a-z]*",//' > "$T/pg2"
	cmp -s "$T/pg1" "$T/pg2" && ok || bad "postgresql re-ingest changed the counts"
	expect 0 '"sponsor":"iran"' $A export jsonl --db "$PG"
	# a write the server refuses (in the middle of pipelined inserts): an
	# error, the batch rolled back, and a later run finishes the job
	PGQ="psql -q $ANNALS_TEST_PG -c"
	$PGQ "ALTER TABLE annals_test.mention ADD CONSTRAINT refuse CHECK (entity <> 'hamas') NOT VALID" > /dev/null 2>&1
	expect 4 "refuse" $A ingest --db "$PG" "$SEEDS" "$T/new.txt"
	counts "$PG" | sed 's/"backend":"[a-z]*",//' > "$T/pg3"
	cmp -s "$T/pg1" "$T/pg3" && ok || bad "postgresql: a refused batch left something"
	$PGQ "ALTER TABLE annals_test.mention DROP CONSTRAINT refuse" > /dev/null 2>&1
	expect 0 "1 documents stored (0 recoded), 3 already stored" $A ingest --db "$PG" "$SEEDS" "$T/new.txt"
	$A export gexf --db "$PG" > "$T/pg.gexf" && xmllint --noout "$T/pg.gexf" && ok || bad "postgresql gexf"
	# killed and finished, as above
	psql -q "$ANNALS_TEST_PG" -c "DROP SCHEMA annals_test CASCADE; CREATE SCHEMA annals_test" > /dev/null 2>&1
	if [ -f "$SHARED/corpus/fakes_syria/fakes_syria.jsonl" ]; then
		i=0
		while [ $i -lt 4 ]; do
			$A ingest -q --batch 7 --db "$PG" $KC 2> /dev/null &
			pid=$!
			sleep "$(python3 -c 'import random; print(round(random.uniform(0.05, 0.8), 3))')"
			kill -9 $pid 2> /dev/null
			wait $pid 2> /dev/null
			i=$((i + 1))
		done
		$A ingest -q --db "$PG" $KC || bad "postgresql ingest after the kills"
		counts "$PG" | sed 's/"backend":"[a-z]*",//' > "$T/pgk"
		sed 's/"backend":"[a-z]*",//' "$T/c.clean" > "$T/sqk"
		cmp -s "$T/pgk" "$T/sqk" && ok || bad "postgresql after kills: $(cat "$T/pgk" "$T/sqk")"
	fi
	psql -q "$ANNALS_TEST_PG" -c "DROP SCHEMA annals_test CASCADE" > /dev/null 2>&1
else
	echo "store: ANNALS_TEST_PG not set: the PostgreSQL checks are skipped"
fi

echo "store: $pass passed, $fail failed"
[ $fail = 0 ]
