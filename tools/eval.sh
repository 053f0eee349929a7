#!/bin/sh
# make eval: codes ../shared/seeds and scores the output against
# ../shared/gold with ../shared/eval/score.py; then the 40 BBC articles of
# ../shared/gold-quotes for the quotation figures. Skips with a message
# when ../shared is absent.
set -eu
cd "$(dirname "$0")/.."
S=${ANNALS_SHARED:-../shared}
if [ ! -d "$S/seeds" ] || [ ! -f "$S/eval/score.py" ]; then
	echo "eval: $S not found: skipped"
	exit 0
fi
mkdir -p eval-out
./annals code -q "$S/seeds" > eval-out/seeds.jsonl
echo "== seeds vs gold ($(ls "$S/gold" | wc -l) documents)"
python3 "$S/eval/score.py" "$S/gold" eval-out/seeds.jsonl
if [ -d "$S/gold-quotes/bbc" ]; then
	python3 - "$S" > eval-out/bbc-quotes-input.jsonl <<'PY'
import json, os, sys
s = sys.argv[1]
ids = {f[:-6] for f in os.listdir(os.path.join(s, 'gold-quotes/bbc')) if f.endswith('.jsonl')}
with open(os.path.join(s, 'corpus/bbc/bbc.jsonl'), encoding='utf-8') as fh:
    for line in fh:
        if json.loads(line)['id'] in ids:
            sys.stdout.write(line)
PY
	./annals code -q eval-out/bbc-quotes-input.jsonl > eval-out/bbc-quotes.jsonl
	echo "== BBC quotations (gold-quotes; only the quote lines mean anything)"
	python3 "$S/eval/score.py" "$S/gold-quotes/bbc" eval-out/bbc-quotes.jsonl | grep -E "^quote"
fi
