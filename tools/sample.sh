#!/bin/sh
# make sample: codes the bundled sample articles and prints a readable
# summary of what was found (documents, actors, events, the support
# network); the records themselves go to sample.jsonl.
set -eu
cd "$(dirname "$0")/.."
./annals code --summary samples/articles > sample.jsonl
python3 - sample.jsonl <<'PY'
import json, sys
docs, ents, evs = [], [], []
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    if r['type'] == 'document': docs.append(r)
    elif r['type'] == 'entity': ents.append(r)
    elif r['type'] == 'event': evs.append(r)
print("\nDocuments")
for d in docs:
    print(f"  {d['doc'][:24]:24} {d['date'] or '-':10}  {(d['title'] or '(no title)')[:60]}")
    if d['excluded']:
        print(f"  {'':24} excluded: " + ", ".join(sorted({e[2] for e in d['excluded']})))
print("\nActors (most mentioned first)")
print(f"  {'id':30} {'kind':12} {'code':10} mentions  as written")
for e in sorted(ents, key=lambda e: -e['mentions'])[:25]:
    al = ", ".join(e['aliases'][:3])
    print(f"  {e['id'][:30]:30} {e['kind']:12} {(e['code'] or '-'):10} {e['mentions']:8}  {al[:50]}")
print("\nEvents (first 20: code, source -> target, modality, date, trigger)")
for e in evs[:20]:
    print(f"  {e['code']:5} {e['source'][:24]:>24} -> {(e['target'] or '-')[:24]:24} "
          f"{e['modality']:12} {e['date'] or '-':10} {e['trigger']['text'][:30]}")
print(f"\n{len(docs)} documents, {len(ents)} actors, {len(evs)} events; "
      "all records in sample.jsonl; 'annals explain \"a sentence\"' shows why "
      "a sentence codes as it does")
PY
echo
echo "Support network (annals code --network; --roll-up puts each actor under its state)"
./annals code --network -q samples/articles | sed 's/^/  /'
