#!/bin/sh
# Bad inputs: each row of the table below is coded together with a good
# article; the row names the exit status and the diagnostic expected, and
# the good article (and, where the bad input holds good documents too,
# those) must still be in the output: a bad input never stops the rest.
#
#   case            input                                   status  diagnostic
#   empty           a file of 0 bytes                       1       empty file
#   binary          2 KB of /bin/sh                         1       binary data
#   gzip            a truncated .gz (compressed input is    1       binary data
#                   not read: refused as binary)
#   utf8            invalid UTF-8 bytes in text             0       invalid UTF-8 byte
#   nul             NUL bytes in text                       0       NUL byte
#   jsonl-utf8      invalid UTF-8 inside a JSON line        0       invalid UTF-8
#   jsonl-broken    a JSON Lines file with broken lines     1       :2: not a JSON article
#                   (bad syntax, no text, truncated line)
#   deep-html       100,000 nested HTML elements            0       nested more than
#   long-line       one 50 MB JSON line (ANNALS_BAD_MB)     0       (none)
#   too-big         a document over --max-doc ... the       1       larger than the limit
#                   library limit (64 MiB), via a 70 MB line
#   unreadable      a file whose read fails (/proc/self/mem 1       read error
#                   as root; mode 000 otherwise)
#   no-file         a path that does not exist              1       cannot open
#   dir-loop        a directory with a link to its parent   1       directory loop
#   link-loop       a symbolic link to itself               1       Too many levels
#
# ANNALS_BAD_MB sets the size of the long line (default 50); `make check`
# keeps it, so the long line also runs under the sanitizers.
set -u
cd "$(dirname "$0")/.." || exit 2
A=./annals
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
pass=0 fail=0
MB=${ANNALS_BAD_MB:-50}

printf 'Hamas fired rockets at Israel.\n' > "$T/good.txt"

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "bad: FAIL: $*" >&2; }

# row NAME STATUS PATTERN INPUT... : codes the inputs and good.txt, checks
# the status, that standard error holds PATTERN (when not empty), and that
# the good document was coded.
row() {
	name=$1 want=$2 pat=$3
	shift 3
	$A code "$@" "$T/good.txt" > "$T/out" 2> "$T/err"
	got=$?
	if [ "$got" != "$want" ]; then
		bad "$name: status $got, want $want"
		head -3 "$T/err" >&2
	elif [ -n "$pat" ] && ! grep -q -- "$pat" "$T/err"; then
		bad "$name: no '$pat' in standard error"
		head -3 "$T/err" >&2
	elif ! grep -q '"doc":"good","entity":"hamas"' "$T/out"; then
		bad "$name: the good document was not coded"
	else
		ok
	fi
}

# has NAME PATTERN: the last row's output holds PATTERN
has() {
	if grep -q -- "$2" "$T/out"; then ok; else bad "$1: no '$2' in the output"; fi
}

: > "$T/empty.txt"
row empty 1 "empty.txt: empty file" "$T/empty.txt"

head -c 2000 /bin/sh > "$T/bin.txt"
row binary 1 "bin.txt: byte 0: binary data" "$T/bin.txt"

i=0
while [ $i -lt 200 ]; do cat "$T/good.txt"; i=$((i + 1)); done | gzip -c > "$T/full.gz"
head -c 100 "$T/full.gz" > "$T/cut.gz"
row gzip 1 "cut.gz: byte 0: binary data" "$T/cut.gz"

printf 'Iran \377\376 and Syria\n' > "$T/utf8.txt"
row utf8 0 "utf8.txt: byte 5: warning: 2 invalid UTF-8 bytes" "$T/utf8.txt"
has utf8 '"doc":"utf8","entity":"syria","start":12'

printf 'Iran \000\000 and Syria\n' > "$T/nul.txt"
row nul 0 "nul.txt: byte 5: warning: 2 NUL bytes read as spaces" "$T/nul.txt"
has nul '"doc":"nul","entity":"syria","start":12'

printf '{"id":"u","text":"Iran \377 and Syria"}\n' > "$T/u.jsonl"
row jsonl-utf8 0 "u.jsonl:1: warning: 1 invalid UTF-8 byte" "$T/u.jsonl"
has jsonl-utf8 '"doc":"u","entity":"syria"'

{
	printf '{"id":"a","text":"Iran spoke."}\n'
	printf '{"id":"b","text": oops}\n'
	printf '{"id":"c","title":"no text"}\n'
	printf '{"id":"d","text":"Hamas spoke."}\n'
	printf '{"id":"e","text":"cut off'
} > "$T/broken.jsonl"
row jsonl-broken 1 "broken.jsonl:2: not a JSON article" "$T/broken.jsonl"
grep -q 'broken.jsonl:3: no "text"' "$T/err" && ok || bad "jsonl-broken: line 3"
grep -q 'broken.jsonl:5: not a JSON article' "$T/err" && ok || bad "jsonl-broken: line 5"
has jsonl-broken '"doc":"a","entity":"iran"'
has jsonl-broken '"doc":"d","entity":"hamas"'

python3 -c "
import sys
n = 100000
sys.stdout.write('<html><body>' + '<div>' * n + '<p>Hezbollah fired rockets at Israel.</p>' + '</div>' * n + '</body></html>')
" > "$T/deep.html"
row deep-html 0 "deep.html: warning: HTML nested more than" "$T/deep.html"
has deep-html '"doc":"deep","entity":"hezbollah"'

python3 -c "
import json, sys
mb = int(sys.argv[1])
para = 'Iran sent weapons to Hezbollah in 2019, officials said. Hamas fired rockets at Israel. '
n = mb * 1000000 // len(para) + 1
sys.stdout.write(json.dumps({'id': 'long', 'text': (para * n)[:mb * 1000000]}) + '\n')
sys.stdout.write(json.dumps({'id': 'after', 'text': 'Syria spoke.'}) + '\n')
" "$MB" > "$T/long.jsonl"
row long-line 0 "" "$T/long.jsonl"
has long-line '"doc":"long","entity":"hezbollah"'
has long-line '"doc":"after","entity":"syria"'
rm -f "$T/long.jsonl"

python3 -c "
import json, sys
sys.stdout.write(json.dumps({'id': 'huge', 'text': 'Iran. ' * 12000000}) + '\n')
sys.stdout.write(json.dumps({'id': 'next', 'text': 'Syria spoke.'}) + '\n')
" > "$T/huge.jsonl"
row too-big 1 "huge.jsonl:1: document of 72000000 bytes is larger than the limit" "$T/huge.jsonl"
has too-big '"doc":"next","entity":"syria"'
rm -f "$T/huge.jsonl"

# a file that opens but cannot be read: as root, mode 000 does not stop a
# read, so /proc/self/mem (whose first page is not mapped) stands in
mkdir "$T/unr"
printf 'Iran spoke.\n' > "$T/unr/a.txt"
if [ "$(id -u)" = 0 ]; then
	ln -s /proc/self/mem "$T/unr/b.txt"
else
	printf 'Syria spoke.\n' > "$T/unr/b.txt"
	chmod 000 "$T/unr/b.txt"
fi
printf 'Hamas spoke.\n' > "$T/unr/c.txt"
if [ "$(id -u)" = 0 ]; then
	row unreadable 1 "b.txt: read error" "$T/unr"
else
	row unreadable 1 "b.txt: cannot open: Permission denied" "$T/unr"
fi
has unreadable '"doc":"a","entity":"iran"'
has unreadable '"doc":"c","entity":"hamas"'

row no-file 1 "nothing-here.txt: cannot open: No such file" "$T/nothing-here.txt"

mkdir -p "$T/loop/a" "$T/loop/b"
printf 'Iran spoke.\n' > "$T/loop/a/1.txt"
printf 'Hamas spoke.\n' > "$T/loop/b/2.txt"
ln -s .. "$T/loop/a/up"
row dir-loop 1 "directory loop" "$T/loop"
has dir-loop '"doc":"1","entity":"iran"'
has dir-loop '"doc":"2","entity":"hamas"'

mkdir "$T/self"
ln -s me "$T/self/me"
printf 'Iran spoke.\n' > "$T/self/ok.txt"
row link-loop 1 "me: cannot open: Too many levels of symbolic links" "$T/self"
has link-loop '"doc":"ok","entity":"iran"'

# the same table on four threads: the same records and diagnostics
$A code "$T/empty.txt" "$T/bin.txt" "$T/utf8.txt" "$T/broken.jsonl" "$T/deep.html" \
	"$T/unr" "$T/loop" "$T/good.txt" > "$T/o1" 2> "$T/e1"
s1=$?
$A code -j 4 "$T/empty.txt" "$T/bin.txt" "$T/utf8.txt" "$T/broken.jsonl" "$T/deep.html" \
	"$T/unr" "$T/loop" "$T/good.txt" > "$T/o4" 2> "$T/e4"
s4=$?
if [ $s1 = $s4 ] && cmp -s "$T/o1" "$T/o4" && cmp -s "$T/e1" "$T/e4"; then ok; else
	bad "-j 4 differs from -j 1 on the bad inputs"; diff "$T/e1" "$T/e4" | head -5 >&2; fi

echo "bad: $pass passed, $fail failed"
[ $fail = 0 ]
