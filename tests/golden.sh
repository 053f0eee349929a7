#!/bin/sh
# Golden files: each input in tests/golden (NAME.txt, NAME.html, NAME.jsonl)
# is coded with the real dictionary and compared byte for byte with
# NAME.out. `sh tests/golden.sh --update` (make golden) rewrites them.
set -u
cd "$(dirname "$0")/.." || exit 2
update=0
[ "${1:-}" = "--update" ] && update=1
pass=0 fail=0
for in in tests/golden/*.txt tests/golden/*.html tests/golden/*.jsonl; do
	[ -e "$in" ] || continue
	want="${in%.*}.out"
	got=$(./annals code -q "$in" 2>&1)
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
