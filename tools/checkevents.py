#!/usr/bin/env python3
"""Validates the event data files (data/events, see data/events/FORMAT.md).

    python3 tools/checkevents.py [--quiet] [DIR]      (default DIR: data/events)

Checks every *.txt file of DIR and of DIR/converted:
  codes.txt   each line is `code goldstein plover name`; codes are CAMEO codes
              (2 to 4 digits, roots 01-20), listed once, under a listed parent;
              all 20 roots are present; Goldstein scores lie in [-10, 10];
              PLOVER types are upper-case words or `-`.
  verbs*.txt, nouns*.txt
              `set NAME WORD...`, `verb LEMMA FORM...` (verbs files only) and
              `CODE PATTERN` lines: every code is in codes.txt, every &set is
              defined (sets are shared by all the files the coder loads), a
              pattern starts with a word (a verb pattern with one lemma) and does
              not end with `...`, elements are `word`, `a|b`, `&name` or `...`,
              all lower case, at most 62 of them; no line is repeated in a file.
Warnings (not errors): words the tokenizer splits (hyphens, dots, slashes) and
so can never match, a pattern repeating another's elements with another code
(the earlier one wins), `... ...`, and other files not read by the coder.
The files of DIR/converted are not loaded by the coder; each is checked as if
it were moved into DIR. Prints "file:line: message" per problem ("file:
message" for the file as a whole); exits 1 on any error.
"""
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'events')

CODE_RE = re.compile(r'^\d{2,4}$')
PLOVER_RE = re.compile(r'^[A-Z][A-Z_-]*$|^-$')
NAME_RE = re.compile(r'^[a-z0-9_]+$')
# a word the tokenizer keeps whole: letters and digits, apostrophes inside
WORD_RE = re.compile(r"^[^\W_]+(?:'[^\W_]+)*$")
MAX_FIELDS = 63  # the coder's limit: the code or keyword and 62 elements


def lines(path):
    with open(path, encoding='utf-8') as f:
        for n, raw in enumerate(f, 1):
            text = re.sub(r'(^|[ \t])#.*$', '', raw.rstrip('\n')).strip()
            if text:
                yield n, text.split()


class Checker:
    def __init__(self, quiet):
        self.quiet = quiet
        self.mute = False  # parsing a file only for its sets and patterns
        self.errors = 0
        self.warnings = 0

    def err(self, path, n, msg):
        if self.mute:
            return
        self.errors += 1
        print('%s:%s %s' % (os.path.relpath(path), '%d:' % n if n else '', msg))

    def warn(self, path, n, msg):
        if self.mute:
            return
        self.warnings += 1
        if not self.quiet:
            print('%s:%s warning: %s' % (os.path.relpath(path), '%d:' % n if n else '', msg))

    # ---- codes.txt ----------------------------------------------------------

    def codes(self, cpath):
        codes = {}
        if not os.path.exists(cpath):
            self.err(cpath, 0, 'missing')
            return codes
        for n, f in lines(cpath):
            if len(f) < 4 or not CODE_RE.match(f[0]):
                self.err(cpath, n, 'want: code goldstein plover name')
                continue
            code = f[0]
            if not 1 <= int(code[:2]) <= 20:
                self.err(cpath, n, 'not a CAMEO code (root 01-20): %s' % code)
            try:
                if not -10 <= float(f[1]) <= 10:
                    self.err(cpath, n, 'Goldstein score out of range')
            except ValueError:
                self.err(cpath, n, 'bad Goldstein score %s' % f[1])
            if not PLOVER_RE.match(f[2]):
                self.err(cpath, n, 'bad PLOVER type %s (upper case, or -)' % f[2])
            if code in codes:
                self.err(cpath, n, 'duplicate code %s (line %d)' % (code, codes[code]))
            else:
                codes[code] = n
        for code, n in codes.items():
            if len(code) > 2 and code[:-1] not in codes and code[:2] not in codes:
                self.err(cpath, n, 'code %s has no parent in codes.txt' % code)
            elif len(code) == 4 and code[:3] not in codes:
                self.warn(cpath, n, 'code %s: no 3-digit parent %s' % (code, code[:3]))
        for r in range(1, 21):
            if '%02d' % r not in codes:
                self.err(cpath, 0, 'root code %02d missing' % r)
        return codes

    # ---- pattern files --------------------------------------------------------

    def word(self, path, n, w, what):
        """A plain word of a set, verb line or pattern alternative."""
        if not w:
            self.err(path, n, 'empty %s' % what)
            return
        if w != w.lower():
            self.err(path, n, '%s not lower case: %s' % (what, w))
        if w == '...' or w.startswith('&') or '|' in w:
            self.err(path, n, 'not a word: %s' % w)
        elif not WORD_RE.match(w) and w != '-':
            self.warn(path, n, '%s %r is not one token (the tokenizer splits it): '
                      'it never matches' % (what, w))

    def parse(self, path, codes):
        """Returns (sets defined {name: line}, set uses [(n, name)],
        patterns [(n, code, elements)])."""
        kind = 'v' if os.path.basename(path).startswith('verbs') else 'n'
        sets, uses, pats, seen = {}, [], [], {}
        for n, f in lines(path):
            if len(f) > MAX_FIELDS:
                self.err(path, n, 'too many elements (at most %d)' % (MAX_FIELDS - 1))
                continue
            if f[0] == 'set':
                if len(f) < 3:
                    self.err(path, n, 'set needs: set NAME WORD...')
                    continue
                if not NAME_RE.match(f[1]):
                    self.err(path, n, 'bad set name %r (lower case, no &)' % f[1])
                for w in f[2:]:
                    self.word(path, n, w, 'set word')
                sets.setdefault(f[1], n)
            elif f[0] == 'verb':
                if kind != 'v':
                    self.err(path, n, 'verb lines belong in verbs files')
                if len(f) < 3:
                    self.err(path, n, 'verb needs: verb LEMMA FORM...')
                    continue
                for w in f[1:]:
                    self.word(path, n, w, 'verb form')
            else:
                if f[0] not in codes:
                    self.err(path, n, 'code %s not in codes.txt' % f[0])
                if len(f) < 2 or f[1] == '...' or f[1].startswith('&'):
                    self.err(path, n, 'a pattern starts with a word')
                elif kind == 'v' and '|' in f[1]:
                    self.err(path, n, 'a verb pattern starts with one lemma')
                if f[-1] == '@':
                    f = f[:-1]  # codes only with a target actor
                    if len(f) < 2:
                        self.err(path, n, 'a pattern starts with a word')
                        continue
                if f[-1] == '...':
                    self.err(path, n, 'a pattern cannot end with ...')
                for i, e in enumerate(f[1:], 1):
                    if e == '...':
                        if i > 1 and f[i - 1] == '...':
                            self.warn(path, n, '... twice in a row')
                    elif e.startswith('&'):
                        if not NAME_RE.match(e[1:]):
                            self.err(path, n, 'bad set reference %r' % e)
                        else:
                            uses.append((n, e[1:]))
                    else:
                        for a in e.split('|'):
                            self.word(path, n, a, 'alternative' if '|' in e else 'word')
                key = ' '.join(f)
                if key in seen:
                    self.err(path, n, 'repeats line %d' % seen[key])
                seen.setdefault(key, n)
                pats.append((n, f[0], tuple(f[1:])))
        return sets, uses, pats

    def check_group(self, files, codes, only=None):
        """Checks files loaded together, reporting on those in only (all when
        None); the others are read for their sets and patterns."""
        parsed = {}
        for p in files:
            self.mute = only is not None and p not in only
            parsed[p] = self.parse(p, codes)
            self.mute = False
        defined = set()
        for sets, _, _ in parsed.values():
            defined |= set(sets)
        first = {}  # elements -> (path, line, code), per class of file
        for p in files:
            _, uses, pats = parsed[p]
            report = only is None or p in only
            base = os.path.basename(p)
            cls = (base[0], '-cameo' in base)  # verb or noun; converted files lose ties
            for n, s in uses:
                if s not in defined and report:
                    self.err(p, n, 'undefined set &%s' % s)
            for n, code, els in pats:
                o = first.get((cls, els))
                if o is None:
                    first[(cls, els)] = (p, n, code)
                elif o[2] != code and report:
                    where = ('line %d' % o[1] if o[0] == p
                             else '%s:%d' % (os.path.relpath(o[0]), o[1]))
                    self.warn(p, n, 'same pattern coded %s at %s (that one wins)'
                              % (o[2], where))


def pattern_files(d):
    if not os.path.isdir(d):
        return []
    return [os.path.join(d, x) for x in sorted(os.listdir(d))
            if x.startswith(('verbs', 'nouns')) and x.endswith('.txt')]


def main(argv):
    quiet = '--quiet' in argv
    args = [a for a in argv[1:] if a != '--quiet']
    d = args[0] if args else ROOT
    c = Checker(quiet)
    codes = c.codes(os.path.join(d, 'codes.txt'))
    loaded = pattern_files(d)
    for x in sorted(os.listdir(d)):
        p = os.path.join(d, x)
        if x.endswith('.txt') and x != 'codes.txt' and p not in loaded:
            c.warn(p, 0, 'not read by the coder (codes.txt, verbs*.txt, nouns*.txt)')
    c.check_group(loaded, codes)
    conv = pattern_files(os.path.join(d, 'converted'))
    for p in conv:  # each as if moved among the loaded files
        c.check_group(sorted(loaded + [p], key=os.path.basename), codes, {p})
    npat = len(loaded) + len(conv)
    print('checkevents: %d codes, %d pattern file%s, %d error%s, %d warning%s'
          % (len(codes), npat, 's' if npat != 1 else '',
             c.errors, 's' if c.errors != 1 else '',
             c.warnings, 's' if c.warnings != 1 else ''))
    return 1 if c.errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
