#!/usr/bin/env python3
"""Validates the event data files (data/events, see data/events/FORMAT.md).

Checks that every code line of codes.txt is well formed, that every pattern
names a code of codes.txt, that every &set a pattern uses is defined in the
same file, that verb patterns start with one lemma, and that no pattern line
is repeated. Prints "file:line: message" per problem; exits 1 on any.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'events')


def lines(path):
    with open(path, encoding='utf-8') as f:
        for n, raw in enumerate(f, 1):
            text = re.sub(r'(^|[ \t])#.*$', '', raw.rstrip('\n')).strip()
            if text:
                yield n, text.split()


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else ROOT
    errors = 0

    def err(path, n, msg):
        nonlocal errors
        errors += 1
        print(f"{os.path.relpath(path)}:{n}: {msg}")

    codes = set()
    cpath = os.path.join(d, 'codes.txt')
    for n, f in lines(cpath):
        if len(f) < 4 or not re.fullmatch(r'\d{2,4}', f[0]):
            err(cpath, n, 'want: code goldstein plover name')
            continue
        try:
            if not -10 <= float(f[1]) <= 10:
                err(cpath, n, 'Goldstein score out of range')
        except ValueError:
            err(cpath, n, 'bad Goldstein score')
        if f[0] in codes:
            err(cpath, n, f'duplicate code {f[0]}')
        codes.add(f[0])
    for name in sorted(os.listdir(d)):
        if not (name.startswith(('verbs', 'nouns')) and name.endswith('.txt')):
            continue
        path = os.path.join(d, name)
        sets, uses, seen = set(), [], {}
        for n, f in lines(path):
            if f[0] == 'set':
                if len(f) < 3:
                    err(path, n, 'set needs: set NAME WORD...')
                sets.add(f[1] if len(f) > 1 else '')
            elif f[0] == 'verb':
                if name.startswith('nouns'):
                    err(path, n, 'verb lines belong in verbs files')
                if len(f) < 3:
                    err(path, n, 'verb needs: verb LEMMA FORM...')
            else:
                if f[0] not in codes:
                    err(path, n, f'code {f[0]} not in codes.txt')
                if len(f) < 2 or f[1] == '...' or f[1].startswith('&'):
                    err(path, n, 'a pattern starts with a word')
                elif name.startswith('verbs') and '|' in f[1]:
                    err(path, n, 'a verb pattern starts with one lemma')
                if f[-1] == '...':
                    err(path, n, 'a pattern cannot end with ...')
                uses += [(n, w[1:]) for w in f[2:] if w.startswith('&')]
                key = ' '.join(f)
                if key in seen:
                    err(path, n, f'repeats line {seen[key]}')
                seen.setdefault(key, n)
        for n, s in uses:
            if s not in sets:
                err(path, n, f'undefined set &{s}')
    print(f"checkevents: {len(codes)} codes, {errors} problem{'s' if errors != 1 else ''}")
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
