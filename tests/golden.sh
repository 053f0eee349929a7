#!/bin/sh
# Golden files: each bundled sample (samples/articles) and each input in
# tests/golden (NAME.txt, NAME.html, NAME.jsonl) is coded with the real
# dictionary; records and diagnostics are compared byte for byte with
# tests/golden/NAME.out. `sh tests/golden.sh --update` (make golden)
# rewrites them on purpose.
set -u
cd "$(dirname "$0")/.." || exit 2
update=0
[ "${1:-}" = "--update" ] && update=1
pass=0 fail=0
for in in samples/articles/* tests/golden/*.txt tests/golden/*.html \
	tests/golden/*.jsonl; do
	[ -e "$in" ] || continue
	base=$(basename "$in")
	want="tests/golden/${base%.*}.out"
	got=$(./annals code "$in" 2>&1)
	if [ $update = 1 ]; then
		printf '%s\n' "$got" > "$want"
		continue
	fi
	if [ -f "$want" ] && [ "$got" = "$(cat "$want")" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "golden: $in differs from $want:" >&2
		printf '%s\n' "$got" | diff "$want" - | head -20 >&2
	fi
done
[ $update = 1 ] && { echo "golden files rewritten"; exit 0; }
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
