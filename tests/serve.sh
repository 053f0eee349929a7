#!/bin/sh
# annals serve over HTTP, with curl: the API's answers equal `annals query`,
# paging, byte offsets into the document text, status codes and JSON errors
# for bad parameters, unknown ids, paths, methods and bodies, the security
# headers on every answer, no file outside the page's list, a foreign Host
# refused, and a database left as it was (read-only). With ANNALS_TEST_PG
# set, the same answers over PostgreSQL. Needs curl and jq (make deps).
set -u
cd "$(dirname "$0")/.." || exit 2
A=$(pwd)/annals
T=$(mktemp -d)
chmod 755 "$T"
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$T"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "serve: FAIL: $*" >&2; }
for tool in curl jq; do
	command -v $tool > /dev/null || { echo "serve: $tool is missing (make deps)" >&2; exit 1; }
done

# serve DB [OPTIONS]: starts the server on a free port; sets URL and PID.
serve() {
	db=$1
	shift
	: > "$T/serve.out"
	"$A" serve --db "$db" --port 0 "$@" > "$T/serve.out" 2> "$T/serve.err" &
	PID=$!
	URL=
	for _ in $(seq 100); do
		URL=$(sed -n 's/^annals: serving .* at \(http:[^ ]*\)$/\1/p' "$T/serve.out")
		[ -n "$URL" ] && return 0
		kill -0 "$PID" 2>/dev/null || break
		sleep 0.1
	done
	echo "serve: the server did not start:" >&2
	cat "$T/serve.err" >&2
	exit 1
}

stop() {
	kill "$PID" 2>/dev/null
	wait "$PID" 2>/dev/null
	PID=
}

# get PATH [CURL OPTIONS]: status in $S, body in $T/body, headers in $T/hdr.
get() {
	p=$1
	shift
	S=$(curl -s -o "$T/body" -D "$T/hdr" -w '%{http_code}' "$@" "$URL${p#/}")
}

# status WANT PATH [CURL OPTIONS]: the status, and a JSON body.
status() {
	want=$1
	shift
	get "$@"
	if [ "$S" != "$want" ]; then
		bad "$1: status $S, want $want: $(head -c 200 "$T/body")"
	elif ! jq -e . "$T/body" > /dev/null 2>&1; then
		bad "$1: not JSON: $(head -c 200 "$T/body")"
	elif [ "$want" -ge 400 ] && ! jq -e ".error.status == $want and (.error.message | length > 0)" \
		"$T/body" > /dev/null; then
		bad "$1: not a JSON error with status $want"
	else
		ok
	fi
}

# check NAME JQ-EXPRESSION: the last body satisfies the expression.
check() {
	if jq -e "$2" "$T/body" > /dev/null 2>&1; then ok; else bad "$1: $2: $(head -c 300 "$T/body")"; fi
}

# same NAME FILE1 FILE2: the same lines in the same order, not empty.
same() {
	if [ -s "$2" ] && cmp -s "$2" "$3"; then ok; else
		bad "$1 differs"
		diff "$2" "$3" | head -5 >&2
	fi
}

# The API's answers equal what `annals query --json` prints for the same
# question; offsets slice the document text.
answers() {
	db=$1
	status 200 /api/stats
	check "stats" '.documents > 0 and .events > 0'
	status 200 "/api/events?limit=500"
	jq -c '.items[] | del(.doc_date)' "$T/body" > "$T/api"
	"$A" query events --json --db "$db" --limit 500 | jq -c . > "$T/cli"
	same "events" "$T/cli" "$T/api"
	check "events carry their document's date" 'all(.items[]; has("doc_date"))'
	status 200 "/api/events?actor=iran&roll_up=1&root=07&from=2000&to=2021-06"
	jq -c '.items[] | del(.doc_date)' "$T/body" > "$T/api"
	"$A" query events --json --db "$db" iran --roll-up --root 07 --from 2000 --to 2021-06 |
		jq -c . > "$T/cli"
	same "filtered events" "$T/cli" "$T/api"
	status 200 "/api/quotes?limit=500"
	jq -c '.items[] | del(.doc_date)' "$T/body" > "$T/api"
	"$A" query quotes --json --db "$db" | jq -c . > "$T/cli"
	same "quotes" "$T/cli" "$T/api"
	status 200 "/api/support?limit=500"
	jq -c '.items[]' "$T/body" > "$T/api"
	"$A" query support --json --db "$db" | jq -c . > "$T/cli"
	same "support" "$T/cli" "$T/api"
	status 200 "/api/entities/iran"
	jq -c . "$T/body" > "$T/api"
	"$A" query entity --json --db "$db" iran | jq -c . > "$T/cli"
	same "entity" "$T/cli" "$T/api"
	# paging: two pages of two are the first four
	status 200 "/api/events?limit=4"
	jq -c '.items[]' "$T/body" > "$T/four"
	check "more after four" '.more == true and .limit == 4 and .offset == 0'
	get "/api/events?limit=2"
	jq -c '.items[]' "$T/body" > "$T/pages"
	get "/api/events?limit=2&offset=2"
	jq -c '.items[]' "$T/body" >> "$T/pages"
	same "pages" "$T/four" "$T/pages"
	status 200 "/api/events?limit=100000"
	check "limit capped" '.limit == 500'
	status 200 "/api/events?offset=100000"
	check "past the end" '.items == [] and .more == false'
	status 200 "/api/entities?q=soleim&limit=5"
	check "entity list" '.items | length > 0 and all(.[]; .type == "entity")'
	check "most mentioned first" '[.items[].mentions] == ([.items[].mentions] | sort | reverse)'
	status 200 "/api/entities?kind=country&limit=3"
	check "countries" 'all(.items[]; .kind == "country")'
	status 200 "/api/search?q=rockets"
	check "search" '.items | length > 0 and all(.[]; .type == "sentence")'
	status 200 "/api/search?q=Soleimani"
	check "search finds actors" '.entities | any(.id == "qasem-soleimani")'
	status 200 "/api/network?of=support"
	check "support network" '(.nodes | length > 0) and (.edges | length > 0) and all(.nodes[]; .mentions >= 0)'
	status 200 "/api/network?of=events&root=19&modality=asserted&limit=3"
	check "event network" '(.edges | length <= 3) and all(.edges[]; .kind == "19")'
	# every event of a document: its span in the text is its sentence
	status 200 "/api/documents/02-karine-a"
	check "document" '.document.doc == "02-karine-a" and (.document.text | length > 0) and (.mentions | length > 0) and (.events | length > 0)'
	python3 - "$T/body" <<'EOF' && ok || bad "offsets do not slice the text"
import json, sys
d = json.load(open(sys.argv[1]))
b = d['document']['text'].encode('utf-8')
assert len(b) == d['document']['bytes'], (len(b), d['document']['bytes'])
assert any(c > 127 for c in b)  # the test means something: non-ASCII text
for e in d['events']:
    assert b[e['start']:e['end']].decode() == e['text'], e['id']
for m in d['mentions']:
    assert b[m['start']:m['end']].decode() == m['text'], m
EOF
}

# ---- SQLite -----------------------------------------------------------------------

DB=$T/sample.db
"$A" ingest -q --db "$DB" samples/articles || { echo "serve: ingest failed" >&2; exit 1; }
cp "$DB" "$T/before.db"
serve "$DB"
answers "$DB"

# bad parameters: 400
for p in "events?bogus=1" "events?limit=0" "events?limit=abc" "events?offset=-1" \
	 "events?from=2017x" "events?to=17" "events?root=7" "events?code=07a" \
	 "events?modality=rumoured" "events?roll_up=yes" "events?actor=nobody-at-all" \
	 "events?limit=1&limit=2" "support?kind=hugs" "entities?kind=robot" "search" \
	 "search?q=" "network?of=quotes" "network?offset=5" "events?actor=%01"; do
	status 400 "/api/$p"
done
# unknown ids and paths: 404
for p in api/entities/nobody-at-all api/documents/no-such-doc api/entities/ api/nope \
	 api nope index.htm lib/ lib/cytoscape.js node_modules/cytoscape/package.json \
	 app.js/ web/app.js; do
	status 404 "/$p"
done
# nothing outside the page's list, however the path is written
for p in "../../../../etc/passwd" "lib/../../README.md" "%2e%2e/%2e%2e/etc/passwd" \
	 "lib/%2e%2e%2f%2e%2e%2fMakefile" "..%5c..%5cMakefile" "app.js%00.html"; do
	status 404 "/$p" --path-as-is
	if grep -q "root:\|CFLAGS" "$T/body"; then bad "$p served a file"; else ok; fi
done
# methods and bodies
status 405 /api/stats -X POST
grep -qi "^Allow: GET, HEAD" "$T/hdr" && ok || bad "405 without Allow"
status 405 /api/stats -X DELETE
status 405 / -X PUT -d x
status 413 /api/stats -X GET --data-binary "@README.md"
# a foreign Host (DNS rebinding) and oversized headers
status 421 /api/stats -H "Host: attacker.example:80"
get /api/stats -H "X-Big: $(head -c 40000 /dev/zero | tr '\0' a)"
[ "$S" -ge 400 ] && [ "$S" -lt 500 ] && ok || bad "a 40 kB header: status $S"
# the page and its libraries, with the security headers on every answer
for p in / /app.js /app.css /lib/cytoscape.min.js /lib/vis-timeline.min.js \
	 /lib/vis-timeline.min.css /lib/vis-data.min.js /lib/moment.min.js /api/stats /nope; do
	get "$p"
	grep -qi "^Content-Security-Policy: default-src 'none'; script-src 'self'" "$T/hdr" &&
		grep -qi "^X-Content-Type-Options: nosniff" "$T/hdr" &&
		grep -qi "^X-Frame-Options: DENY" "$T/hdr" && ok || bad "$p: security headers"
done
get /
[ "$S" = 200 ] && grep -q '<script src="/app.js"' "$T/body" && ! grep -q "<script>" "$T/body" &&
	ok || bad "the page has an inline script or is missing"
grep -qi "^Content-Type: text/html" "$T/hdr" && ok || bad "/: type"
get /app.js
grep -qi "^Content-Type: text/javascript" "$T/hdr" && ok || bad "/app.js: type"
S=$(curl -s -o /dev/null -w '%{http_code}' -I "$URL")
[ "$S" = 200 ] && ok || bad "HEAD /: $S"
stop
cmp -s "$DB" "$T/before.db" && ok || bad "the database changed while served"

# a read-only database file serves; missing pieces are errors
chmod 444 "$DB"
serve "$DB"
status 200 /api/events
stop
chmod 644 "$DB"
"$A" serve --db "$T/none.db" --port 0 > /dev/null 2> "$T/err"
[ $? = 1 ] && grep -q "no such database" "$T/err" && ok || bad "a missing database"
mkdir "$T/web"
cp web/index.html web/app.js web/app.css web/favicon.svg "$T/web"
"$A" serve --db "$DB" --port 0 --web "$T/web" > /dev/null 2> "$T/err"
[ $? = 3 ] && grep -q "make web" "$T/err" && ok || bad "missing web files"
"$A" serve --port x > /dev/null 2>&1
[ $? = 2 ] && ok || bad "a bad port"
"$A" serve extra > /dev/null 2>&1
[ $? = 2 ] && ok || bad "an argument"
"$A" help serve | grep -q "usage: annals serve" && ok || bad "help serve"

# ---- PostgreSQL -------------------------------------------------------------------

if [ -n "${ANNALS_TEST_PG:-}" ]; then
	psql -q "$ANNALS_TEST_PG" -c "DROP SCHEMA IF EXISTS annals_serve_test CASCADE;
		CREATE SCHEMA annals_serve_test" > /dev/null 2>&1 || bad "cannot make a schema"
	case $ANNALS_TEST_PG in *\?*) sep='&' ;; *) sep='?' ;; esac
	PG="$ANNALS_TEST_PG${sep}options=-csearch_path%3Dannals_serve_test"
	"$A" ingest -q --db "$PG" samples/articles || bad "PostgreSQL ingest"
	serve "$PG"
	answers "$PG"
	status 200 /api/stats
	check "backend" '.backend == "postgresql"'
	stop
	psql -q "$ANNALS_TEST_PG" -c "DROP SCHEMA annals_serve_test CASCADE" > /dev/null 2>&1
else
	echo "serve: ANNALS_TEST_PG not set: the PostgreSQL checks are skipped"
fi

echo "serve: $pass passed, $fail failed"
[ "$fail" = 0 ]
