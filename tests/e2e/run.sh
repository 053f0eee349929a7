#!/bin/sh
# The browser tests of annals serve: ingests the bundled sample articles and
# a hostile document into a fresh database, serves it on a free port of
# 127.0.0.1 and runs tests/e2e/e2e.js in headless Chromium. Screenshots go
# to tests/e2e/artifacts/ (kept, not committed). Fails (never skips) when
# Chromium, node or the front-end libraries are missing.
set -u
cd "$(dirname "$0")/../.." || exit 2
A=$(pwd)/annals
ART=${E2E_ARTIFACTS:-tests/e2e/artifacts}
T=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$T"' EXIT
command -v node > /dev/null || { echo "e2e: FAIL: node is missing (make deps)" >&2; exit 1; }
"$A" ingest -q --db "$T/e2e.db" samples/articles tests/e2e/hostile.jsonl ||
	{ echo "e2e: FAIL: ingest" >&2; exit 1; }
: > "$T/out"
"$A" serve --db "$T/e2e.db" --port 0 > "$T/out" 2> "$T/err" &
PID=$!
URL=
for _ in $(seq 100); do
	URL=$(sed -n 's/^annals: serving .* at \(http:[^ ]*\)$/\1/p' "$T/out")
	[ -n "$URL" ] && break
	kill -0 "$PID" 2>/dev/null || break
	sleep 0.1
done
[ -n "$URL" ] || { echo "e2e: FAIL: the server did not start" >&2; cat "$T/err" >&2; exit 1; }
node tests/e2e/e2e.js "$URL" "$ART"
