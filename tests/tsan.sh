#!/bin/sh
# make tsan: the command built with ThreadSanitizer codes a corpus slice
# (2,000 Reuters articles and the BBC corpus when ../shared/corpus is there,
# the samples and the bad inputs of tests/golden otherwise too) on four
# threads; any data race fails the run, and the records must be the bytes
# of the plain build on one thread.
set -u
cd "$(dirname "$0")/.." || exit 2
TS=${1:-tests/annals-tsan}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
SHARED=${ANNALS_SHARED:-../shared}
INPUTS="samples/articles tests/golden"
if [ -f "$SHARED/corpus/reuters21578/reuters21578.jsonl" ]; then
	head -2000 "$SHARED/corpus/reuters21578/reuters21578.jsonl" > "$T/r.jsonl"
	INPUTS="$INPUTS $T/r.jsonl $SHARED/corpus/bbc/bbc.jsonl"
fi
[ -x ./annals ] || { echo "tsan: ./annals is not built" >&2; exit 1; }
export TSAN_OPTIONS="halt_on_error=1 exitcode=66"
fail=0
for opts in "" "--explain" "--network"; do
	./annals code $opts $INPUTS > "$T/one" 2> "$T/one.err"
	$TS code -j 4 $opts $INPUTS > "$T/four" 2> "$T/err"
	rc=$?
	if [ $rc = 66 ] || grep -q "ThreadSanitizer" "$T/err"; then
		echo "tsan: data race with '$opts':" >&2
		head -30 "$T/err" >&2
		fail=1
	fi
	if ! cmp -s "$T/one" "$T/four" || ! cmp -s "$T/one.err" "$T/err"; then
		echo "tsan: -j 4 $opts differs from -j 1" >&2
		diff "$T/one" "$T/four" | head -5 >&2
		diff "$T/one.err" "$T/err" | head -5 >&2
		fail=1
	fi
done
[ $fail = 0 ] && echo "tsan: 3 runs on 4 threads, no data race, output identical"
exit $fail
