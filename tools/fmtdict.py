#!/usr/bin/env python3
"""Normalise the layout of annals actor dictionary files (see data/FORMAT.md).

Aligns header fields, pads attribute keywords, puts one blank line between
entries and, with --source NAME, adds `source NAME` to entries without one.

    python3 tools/fmtdict.py [--source curated] FILE...   (rewrites in place)
"""
import re
import sys

KEYS = ('name', 'alias', 'abbr', 'demonym', 'capital', 'parent', 'role', 'code',
        'coord', 'source', 'note')


def fmt(text, source=None):
    out = []
    entry = None  # list of lines of the current entry

    def flush():
        nonlocal entry
        if entry is None:
            return
        if source and not any(l.startswith('  source ') for l in entry[1:]):
            entry.append('  source  ' + source)
        if out and out[-1] != '':
            out.append('')
        out.extend(entry)
        out.append('')
        entry = None

    for raw in text.split('\n'):
        line = raw.rstrip()
        if not line.strip():
            continue
        if line.startswith('#'):
            flush()
            if out and out[-1] != '' and not out[-1].startswith('#'):
                out.append('')
            out.append(line)
            continue
        if not line[0].isspace():
            flush()
            f = line.split(None, 4)
            if len(f) >= 4:
                rest = (' ' + f[4]) if len(f) > 4 else ''
                line = '%-40s %-13s %-10s %s%s' % (f[0], f[1], f[2], f[3], rest)
            entry = [line.rstrip()]
            continue
        body = line.strip()
        m = re.match(r'(\S+)\s+(.*)$', body)
        if m and m.group(1) in KEYS:
            body = '%-7s %s' % (m.group(1), m.group(2))
        if entry is None:
            out.append('  ' + body)
        else:
            entry.append('  ' + body)
    flush()
    while out and out[-1] == '':
        out.pop()
    return '\n'.join(out) + '\n'


def main(argv):
    source = None
    files = []
    i = 0
    while i < len(argv):
        if argv[i] == '--source':
            source = argv[i + 1]
            i += 2
            continue
        files.append(argv[i])
        i += 1
    for f in files:
        with open(f, encoding='utf-8') as fh:
            text = fh.read()
        with open(f, 'w', encoding='utf-8') as fh:
            fh.write(fmt(text, source))


if __name__ == '__main__':
    main(sys.argv[1:])
