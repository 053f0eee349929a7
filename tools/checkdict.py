#!/usr/bin/env python3
"""Validate the annals actor dictionary (data/actors/*.txt, format in data/FORMAT.md).

    python3 tools/checkdict.py [--quiet] [DIR]      (default DIR: data/actors)

Reports errors as file:line: message, warns about aliases shared by two entities,
prints counts per kind and per file, and exits 1 when there are errors.
"""
import glob
import os
import re
import sys
import unicodedata

KINDS = {'person', 'organization', 'country', 'place', 'media', 'other'}
ATTRS = {'name', 'alias', 'abbr', 'demonym', 'capital', 'parent', 'role', 'code',
         'coord', 'source', 'note'}
ID_RE = re.compile(r'^[a-z0-9]+(-[a-z0-9]+)*$')
CODE_RE = re.compile(r'^([A-Z]{3}){1,5}$|^-$')
COUNTRY_RE = re.compile(r'^[A-Z]{3}$|^-$')
DATE_RE = re.compile(r'^(\d{4})(-(\d{2})(-(\d{2}))?)?$')
NUM_RE = re.compile(r'^-?\d+(\.\d+)?$')


def strip_comment(line):
    m = re.search(r'(^|\s)#', line)
    return line[:m.start()] if m else line


def fold(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c))
    s = s.lower()
    s = re.sub(r"[\u2018\u2019'`\u02bb\u02bc]", '', s)
    return re.sub(r'[^a-z0-9]+', ' ', s).strip()


def valid_date(d):
    if d == '-' or d == '':
        return True
    m = DATE_RE.match(d)
    if not m:
        return False
    if m.group(3) and not 1 <= int(m.group(3)) <= 12:
        return False
    if m.group(5) and not 1 <= int(m.group(5)) <= 31:
        return False
    return True


def datekey(d):
    return d if d not in ('', '-') else None


class Checker:
    def __init__(self):
        self.errors = []
        self.warnings = []
        self.entities = {}   # id -> dict
        self.refs = []       # (file, line, kind, id)

    def err(self, f, n, msg):
        self.errors.append('%s:%d: %s' % (f, n, msg))

    def warn(self, f, n, msg):
        self.warnings.append('%s:%d: warning: %s' % (f, n, msg))

    def parse(self, path):
        fname = os.path.relpath(path)
        cur = None
        with open(path, encoding='utf-8') as fh:
            lines = fh.read().split('\n')
        for n, raw in enumerate(lines, 1):
            if '\t' in raw[:1]:
                self.err(fname, n, 'tab indentation (use two spaces)')
            line = strip_comment(raw).rstrip()
            if not line.strip():
                continue
            if not line[0].isspace():
                self.finish(cur)
                f = line.split()
                if len(f) != 4:
                    self.err(fname, n, 'bad header (want: id kind code country): %r' % line)
                    cur = None
                    continue
                eid, kind, code, country = f
                if not ID_RE.match(eid):
                    self.err(fname, n, 'bad id %r' % eid)
                if kind not in KINDS:
                    self.err(fname, n, 'unknown kind %r' % kind)
                if not CODE_RE.match(code):
                    self.err(fname, n, 'bad CAMEO code %r' % code)
                if not COUNTRY_RE.match(country):
                    self.err(fname, n, 'bad country %r' % country)
                if eid in self.entities:
                    o = self.entities[eid]
                    self.err(fname, n, 'duplicate id %r (first at %s:%d)' % (eid, o['file'], o['line']))
                cur = {'id': eid, 'kind': kind, 'code': code, 'country': country,
                       'file': fname, 'line': n, 'names': [], 'aliases': [], 'abbr': [],
                       'demonym': [], 'parent': [], 'capital': [], 'roles': [],
                       'coord': []}
                if eid not in self.entities:
                    self.entities[eid] = cur
                continue
            if not line.startswith('  ') or line.startswith('   ') and not line.strip():
                self.err(fname, n, 'attribute not indented by two spaces')
            if cur is None:
                self.err(fname, n, 'attribute outside an entry')
                continue
            m = re.match(r'\s+(\S+)\s*(.*)$', line)
            key, val = m.group(1), m.group(2).strip()
            if key not in ATTRS:
                self.err(fname, n, 'unknown attribute %r' % key)
                continue
            if not val:
                self.err(fname, n, 'empty %s' % key)
                continue
            if key == 'name':
                cur['names'].append((val, n))
            elif key in ('alias', 'abbr', 'demonym'):
                cur['aliases' if key == 'alias' else key].append((val, n))
                if key == 'alias' and len(fold(val)) < 2:
                    self.err(fname, n, 'alias too short: %r' % val)
            elif key in ('parent', 'capital'):
                if not ID_RE.match(val):
                    self.err(fname, n, 'bad %s id %r' % (key, val))
                cur[key].append(val)
                self.refs.append((fname, n, key, val, cur['id']))
            elif key == 'role':
                parts = [p.strip() for p in val.split('|')]
                if len(parts) != 4:
                    self.err(fname, n, 'role wants: title | of-id | from | until')
                    continue
                title, of, frm, until = parts
                if not title:
                    self.err(fname, n, 'role without title')
                if of != '-':
                    self.refs.append((fname, n, 'role', of, cur['id']))
                for d in (frm, until):
                    if not valid_date(d):
                        self.err(fname, n, 'bad date %r' % d)
                if datekey(frm) and datekey(until) and frm > until:
                    self.err(fname, n, 'role ends before it starts')
                cur['roles'].append(parts)
            elif key == 'coord':
                parts = val.split()
                if len(parts) != 2 or not all(NUM_RE.match(x) for x in parts):
                    self.err(fname, n, 'coord wants: LAT LON (decimal degrees)')
                    continue
                lat, lon = float(parts[0]), float(parts[1])
                if not -90 <= lat <= 90 or not -180 <= lon <= 180:
                    self.err(fname, n, 'coord out of range: %r' % val)
                if cur['coord']:
                    self.err(fname, n, 'entry %r has more than one coord' % cur['id'])
                cur['coord'].append((lat, lon))
            elif key == 'code':
                m2 = re.match(r'^(\S+)\s+(\S*)\.\.(\S*)$', val)
                if not m2:
                    self.err(fname, n, 'dated code wants: CAMEO from..until')
                    continue
                c, frm, until = m2.groups()
                if not CODE_RE.match(c) or c == '-':
                    self.err(fname, n, 'bad CAMEO code %r' % c)
                for d in (frm, until):
                    if not valid_date(d):
                        self.err(fname, n, 'bad date %r' % d)
                if frm and until and frm > until:
                    self.err(fname, n, 'code range ends before it starts')
        self.finish(cur)

    def finish(self, cur):
        if cur is None:
            return
        if len(cur['names']) == 0:
            self.err(cur['file'], cur['line'], 'entry %r has no name' % cur['id'])
        elif len(cur['names']) > 1:
            self.err(cur['file'], cur['names'][1][1], 'entry %r has more than one name' % cur['id'])

    def check_refs(self):
        for fname, n, key, val, owner in self.refs:
            if val not in self.entities:
                self.err(fname, n, '%s %r (in %r) is not defined' % (key, val, owner))
            elif key == 'parent' and val == owner:
                self.err(fname, n, '%r is its own parent' % owner)
        # parent cycles
        for eid, e in self.entities.items():
            seen = {eid}
            stack = list(e['parent'])
            while stack:
                p = stack.pop()
                if p == eid:
                    self.err(e['file'], e['line'], 'parent cycle through %r' % eid)
                    break
                if p in seen or p not in self.entities:
                    continue
                seen.add(p)
                stack.extend(self.entities[p]['parent'])

    def check_aliases(self):
        owners = {}
        for eid, e in self.entities.items():
            forms = [v for v, _ in e['names'] + e['aliases'] + e['demonym']]
            keys = set(fold(v) for v in forms)
            for k in keys:
                owners.setdefault(k, []).append(eid)
            ab = {}
            for v, _ in e['abbr']:
                ab.setdefault(v, []).append(eid)
            for v in ab:
                owners.setdefault('\0' + v, []).append(eid)
        for k, ids in sorted(owners.items()):
            if len(ids) > 1:
                e = self.entities[ids[0]]
                shown = k[1:] + ' (abbr)' if k.startswith('\0') else k
                self.warn(e['file'], e['line'], 'surface form %r shared by %s' % (shown, ', '.join(ids)))


def main(argv):
    quiet = '--quiet' in argv
    args = [a for a in argv if not a.startswith('--')]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'actors')
    files = sorted(glob.glob(os.path.join(root, '*.txt')))
    if not files:
        print('no dictionary files in %s' % root)
        return 1
    ck = Checker()
    for f in files:
        ck.parse(f)
    ck.check_refs()
    ck.check_aliases()
    if not quiet:
        for w in ck.warnings:
            print(w)
    for e in ck.errors:
        print(e)
    perkind = {}
    perfile = {}
    for e in ck.entities.values():
        perkind[e['kind']] = perkind.get(e['kind'], 0) + 1
        perfile[e['file']] = perfile.get(e['file'], 0) + 1
    print('entries per file: ' + ', '.join('%s %d' % (os.path.basename(f), c) for f, c in sorted(perfile.items())))
    print('entries per kind: ' + ', '.join('%s %d' % kv for kv in sorted(perkind.items())))
    print('total %d entries, %d errors, %d warnings' % (len(ck.entities), len(ck.errors), len(ck.warnings)))
    return 1 if ck.errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
