#!/bin/sh
# The command line: help, version, exit statuses and error messages for bad
# input, each checked against what --help promises.
set -u
cd "$(dirname "$0")/.." || exit 2
A=./annals
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0

# expect STATUS PATTERN CMD...: runs CMD, checks its exit status and that its
# standard error (or output) matches PATTERN.
expect() {
	want=$1 pat=$2
	shift 2
	"$@" > "$T/out" 2> "$T/err"
	got=$?
	if [ "$got" = "$want" ] && { [ -z "$pat" ] || grep -q -- "$pat" "$T/err" "$T/out"; }; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "cli: FAIL: $* (status $got, want $want, pattern '$pat')" >&2
		head -5 "$T/err" >&2
	fi
}

expect 2 "usage: annals" $A
expect 0 "usage: annals COMMAND" $A --help
expect 0 "^annals [0-9]" $A --version
expect 0 "exit status" $A help code
expect 0 "exit status" $A code --help
expect 2 "needs at least one input" $A code
expect 2 "unknown format" $A code -f pdf x
expect 2 "unknown command" $A frobnicate
expect 1 "/nonexistent.txt: cannot open" $A code /nonexistent.txt
: > "$T/empty.txt"
expect 1 "empty.txt: empty file" $A code "$T/empty.txt"
printf 'Iran said so.\n' > "$T/ok.txt"
expect 3 "" $A code -d /nonexistent "$T/ok.txt"

# a broken JSON line: file:line, and the other lines are still coded
printf '{"id":"a","text":"Iran spoke."}\n{"id":"b","text": oops}\n{"id":"c","text":"Hamas spoke."}\n' > "$T/x.jsonl"
expect 1 "x.jsonl:2: not a JSON article" $A code "$T/x.jsonl"
grep -q '"doc":"c"' "$T/out" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "cli: FAIL: line 3 not coded" >&2; }

# invalid UTF-8 and NUL bytes: warnings with the byte, status 0
printf 'Iran \377 and \000 Hamas\n' > "$T/bad.txt"
expect 0 "bad.txt: byte 5: warning: 1 invalid UTF-8 byte" $A code "$T/bad.txt"
grep -q '"entity":"hamas","start":13,"end":18' "$T/out" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "cli: FAIL: offsets after bad bytes" >&2; }

# binary input is refused, and said so
head -c 2000 /bin/sh > "$T/bin.txt"
expect 1 "binary data" $A code "$T/bin.txt"

# directories: recursive, sorted, symlink loops reported, the rest coded
mkdir -p "$T/d/b" "$T/d/a"
printf 'Hamas spoke.\n' > "$T/d/b/2.txt"
printf 'Iran spoke.\n' > "$T/d/a/1.txt"
ln -s .. "$T/d/a/loop"
expect 1 "directory loop" $A code "$T/d"
[ "$(grep -o '"doc":"[0-9]"' "$T/out" | uniq | tr -d '\n')" = '"doc":"1""doc":"2"' ] &&
	pass=$((pass + 1)) || { fail=$((fail + 1)); echo "cli: FAIL: directory order" >&2; }

# standard input, and an output that cannot be written
expect 0 '"doc":"stdin"' sh -c "printf 'Iran spoke.' | $A code -"
if [ -w /dev/full ]; then
	expect 4 "cannot write" sh -c "$A code $T/ok.txt > /dev/full"
fi

# events, and why a sentence coded as it did
expect 0 "usage: annals explain" $A help explain
expect 2 "explain needs a text" $A explain
expect 0 '"code":"195".*"date":"2018-01-06"' $A explain --date 2018-01-07 "Hamas fired rockets at Israel yesterday."
expect 0 "no source actor" $A explain "Rockets were fired at Israel."
expect 0 "no trigger" $A explain "Iran is a country."
printf 'Hamas attacked Israel.\n' > "$T/ev.txt"
expect 0 "trigger \"attacked\"" $A code --explain "$T/ev.txt"
expect 0 '"type":"event"' $A code "$T/ev.txt"
[ "$($A code --no-events "$T/ev.txt" | grep -c '"type":"event"')" = 0 ] &&
	pass=$((pass + 1)) || { fail=$((fail + 1)); echo "cli: FAIL: --no-events" >&2; }

# the support network
printf 'Qasem Soleimani sent weapons to Hamas in 2019.\n' > "$T/sup1.txt"
printf 'Iran sent money to Hamas in May 2021.\n' > "$T/sup2.txt"
expect 0 '"type":"support".*"kind":"weapons"' $A code "$T/sup1.txt"
expect 0 'sponsor  *recipient  *kinds' $A code --network "$T/sup1.txt" "$T/sup2.txt"
expect 0 'qasem-soleimani  *hamas  *weapons  *2019  *2019  *1  *1' $A code --network "$T/sup1.txt"
expect 0 'iran  *hamas  *weapons,funding  *2019  *2021-05  *2  *2' $A code --network --roll-up "$T/sup1.txt" "$T/sup2.txt"
expect 2 "roll-up goes with --network" $A code --roll-up "$T/sup1.txt"
expect 0 "no support claims" $A code --network "$T/ev.txt"

echo "cli: $pass passed, $fail failed"
[ $fail = 0 ]
