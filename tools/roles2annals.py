#!/usr/bin/env python3
"""Build data/roles.txt: curated titles and role nouns (tools/roles-curated.txt) plus
the person role nouns of Phoenix.agents.txt (MIT, Open Event Data Alliance).

    python3 tools/roles2annals.py ../shared/reference/cameo/Phoenix.agents.txt > data/roles.txt

Line format: <phrase> TAB <agent-code> TAB <kind>, kind `title` (precedes a name) or
`role` (a noun that can head an appositive).
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Phoenix agent entries kept: person nouns (not buildings, companies, groups of people)
NOT_PERSON = re.compile(r'(BUILDING|PALACE|COMPANY|CORPORATION|INDUSTRY|BUSINESS$|AIRLINE|'
                        r'SHIP|VESSEL|BANK|UNION|ASSOCIATION|ORGANI[SZ]ATION|COMMITTEE|COUNCIL|'
                        r'ASSEMBLY|PARLIAMENT|MINISTRY|MINISTRIES|DEPARTMENT|AGENCY|OFFICE|'
                        r'FORCES|ARMY|NAVY|POLICE$|GOVERNMENT|PARTY|GROUP|MOVEMENT|CHURCH|'
                        r'MOSQUE|TEMPLE|MONASTARY|SCHOOL|UNIVERSITY|HOSPITAL|CLINIC|PRESS$|'
                        r'MEDIA|NEWSPAPER|TELEVISION|RADIO|COURT|PRISON|CAMP|STATION|CENTRE|'
                        r'CENTER|FARM|MARKET|FACTORY|PLANT|FIRM|REGIME|ADMINISTRATION|CABINET|'
                        r'SENATE|CONGRESS|LEGISLATURE|JUDICIARY|MILITARY$|TROOPS|S$|UNIT$|BOAT|BODY|FORCE$|'
                        r'AUTHORIT|INSTITUTION|OPPOSITION$|WEAPON|MISSILE|AIRCRAFT|TANK|PLANE|'
                        r'HELICOPTER|INSTALLATION|BASE$|FLEET|SQUADRON|BATTALION|BRIGADE$|'
                        r'DIVISION$|REGIMENT|PLATOON|COMPANY|ELEMENT|SECTOR|ESTABLISHMENT)')


def load_words():
    for p in ('/usr/share/dict/words', '/usr/share/dict/american-english'):
        if os.path.exists(p):
            with open(p, encoding='utf-8', errors='ignore') as fh:
                return set(w.strip().lower() for w in fh)
    return None


def main(argv):
    rows = []
    seen = set()
    with open(os.path.join(HERE, 'roles-curated.txt'), encoding='utf-8') as fh:
        for line in fh:
            if line.startswith('#') or not line.strip():
                continue
            f = line.rstrip('\n').split('\t')
            if len(f) == 3 and f[0].lower() + '|' + f[2] not in seen:
                seen.add(f[0].lower() + '|' + f[2])
                rows.append(f)
    if argv:
        words = load_words()
        macros = {}
        with open(argv[0], encoding='utf-8', errors='replace') as fh:
            lines = fh.read().split('\n')
        for line in lines:
            m = re.match(r'^(![A-Z]+!)\s*=\s*(.*)$', line)
            if m:
                macros[m.group(1)] = [w.strip() for w in m.group(2).split(',')]
        for line in lines:
            line = line.split('#')[0]
            m = re.match(r'^([A-Z][A-Z_!\-]*)\s*(\{[^}]*\})?\s*\[~([A-Z]{3})[A-Z]*\]', line.strip())
            if not m:
                continue
            word, code = m.group(1), m.group(3)
            forms = [word]
            for mac, vals in macros.items():
                if mac in word:
                    forms = [word.replace(mac, v) for v in vals[:1]]  # singular form only
            for w in forms:
                if '!' in w or NOT_PERSON.search(w):
                    continue
                phrase = w.replace('_', ' ').lower().strip()
                if words is not None and not all(t in words for t in re.split(r'[ \-]', phrase) if t):
                    continue                # truncated stems and misspellings
                if len(phrase) < 3:
                    continue
                k = phrase + '|role'
                if k in seen:
                    continue
                seen.add(k)
                rows.append([phrase, code, 'role'])
    sys.stdout.write('# roles.txt: titles and role nouns for finding and classifying people.\n')
    sys.stdout.write('# <phrase> TAB <CAMEO agent code> TAB <title|role>. Curated list\n')
    sys.stdout.write('# (tools/roles-curated.txt, project data) plus person nouns of Phoenix.agents.txt\n')
    sys.stdout.write('# (MIT, Open Event Data Alliance). Regenerate: python3 tools/roles2annals.py\n')
    sys.stdout.write('#   ../shared/reference/cameo/Phoenix.agents.txt > data/roles.txt\n')
    for r in rows:
        sys.stdout.write('\t'.join(r) + '\n')


if __name__ == '__main__':
    main(sys.argv[1:])
