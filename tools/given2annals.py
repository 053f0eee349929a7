#!/usr/bin/env python3
"""Build data/names/given.txt: curated given names (tools/given-curated.txt) plus the
first tokens of person names in the Phoenix country dictionary (MIT, Open Event Data
Alliance) that occur at least twice and are not ordinary English words.

    python3 tools/given2annals.py ../shared/reference/cameo/Phoenix.Countries.actors.txt \
        > data/names/given.txt
"""
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = set('''general president prime minister foreign defense defence king queen prince
princess sheikh emir amir sultan ayatollah hojatolislam mullah imam sayyed sayyid dr mr
mrs ms sir lord senator secretary the acting chief deputy former vice new old grand
colonel captain major admiral marshal field lt gen brig maj col cardinal pope bishop
father rabbi judge justice speaker chairman governor ambassador'''.split())


def words():
    w = set()
    for p in ('/usr/share/dict/words', '/usr/share/dict/american-english'):
        if os.path.exists(p):
            with open(p, encoding='utf-8', errors='ignore') as fh:
                w.update(x.strip() for x in fh if x.strip().islower())
            break
    return w


def main(argv):
    names = []
    with open(os.path.join(HERE, 'given-curated.txt'), encoding='utf-8') as fh:
        for line in fh:
            if line.startswith('#'):
                continue
            names.extend(line.split())
    if argv:
        eng = words()
        cnt = Counter()
        with open(argv[0], encoding='utf-8', errors='replace') as fh:
            for line in fh:
                if 'CountryInfo' not in line:
                    continue
                tok = line.split('#')[0].strip().strip('_').split('_')
                if len(tok) < 2:
                    continue
                t = tok[0]
                if t.lower() in SKIP or not re.match(r"^[A-Z][A-Z'\-]{2,}$", t):
                    continue
                cnt[t] += 1
        for t, c in cnt.items():
            if c >= 2 and t.lower() not in eng:
                n = t[:1] + t[1:].lower()
                n = re.sub(r'-([a-z])', lambda m: '-' + m.group(1).upper(), n)
                names.append(n)
    seen = {}
    for n in names:
        seen.setdefault(n.lower(), n)
    out = sorted(seen.values(), key=lambda s: s.lower())
    sys.stdout.write('# given.txt: given names common in news, one a line.\n')
    sys.stdout.write('# Curated list (tools/given-curated.txt, project data) plus first tokens of person\n')
    sys.stdout.write('# names in the Phoenix/PETRARCH country dictionary (MIT, Open Event Data Alliance).\n')
    sys.stdout.write('# Regenerate: python3 tools/given2annals.py ../shared/reference/cameo/Phoenix.Countries.actors.txt > data/names/given.txt\n')
    for n in out:
        sys.stdout.write(n + '\n')


if __name__ == '__main__':
    main(sys.argv[1:])
