#!/usr/bin/env python3
"""Convert the CAMEO reference files to the annals event data format.

    python3 tools/cameo2annals.py CAMEO_DIR [OUT_DIR]

CAMEO_DIR holds CAMEO.eventcodes.txt, CAMEO.goldsteinscale.txt,
CAMEO2PLOVER-2021.txt and CAMEO.2.0.txt; OUT_DIR defaults to data/events.
Writes two files (format in data/events/FORMAT.md):

codes.txt        the CAMEO codebook: code, Goldstein score, PLOVER type, name.
                 The code list and names come from CAMEO.eventcodes.txt (quad-class
                 lines dropped; the broken quotes of 044 and the code 106 glued onto
                 the line of 1056 repaired; a few typos in names corrected, see
                 NAME_FIXES). A code without a Goldstein score takes its parent's.
                 The PLOVER type is the first word after the colon in
                 CAMEO2PLOVER-2021.txt (the first line wins for a code listed twice),
                 `-` when the table has none.

converted/verbs-cameo.txt
                 the PETRARCH/TABARI verb dictionary CAMEO.2.0.txt, converted (the
                 coder does not load this directory: the file is material to review
                 and move into verbs.txt pattern by pattern):
                 - synonym sets used by a converted pattern become `set` lines:
                   single-token members only, with regular plurals added unless the
                   member or the set's label ends with `_` (PETRARCH's rule);
                 - verbs with forms in braces become `verb` lines (all forms of a
                   lemma merged over the file, corrected by FORM_FIXES; a missing -s
                   or -ing form is added by the regular rules, since a `verb` line
                   must list every form);
                 - a verb's default code (its own, else its block's) becomes
                   `CODE lemma [particles]`;
                 - each `- * WORDS [code]` pattern of a block becomes
                   `CODE lemma [particles] ... words` for every verb of the block:
                   each word, {braced phrase} or word of a (prepositional phrase)
                   follows a `...` gap; braced phrases and underscore-joined words
                   are adjacent words; `A/B` becomes `a|b`; `[x:y]` takes x.
                 Skipped: patterns with words before `*`, with the $ + % ^ markers,
                 with an undefined synonym set, with a word that is not a single token
                 (hyphens, dots, slashes inside a word), with a null, missing or
                 unknown code; verbs that are hyphenated, headed by a form of "be" or
                 inflected on a later word. Exact duplicates are dropped, and of two
                 lines with the same elements but different codes the first is kept.
                 Counts of each are written to the file's header.
Standard library only.
"""
import os
import re
import sys

# Corrections to names in CAMEO.eventcodes.txt: the broken quotes of 044 (curly
# quotes stored in another code page, eating the letter and space next to them)
# and two typos.
NAME_FIXES = {
    '044': ('Meet at a \u00d2hird\u00d3location', 'Meet at a "third" location'),
    '033': ('matyerial', 'material'),
    '2041': ('radiologicalweapons', 'radiological weapons'),
}

# Corrections to the braced verb forms of CAMEO.2.0.txt: lemma -> (forms left
# out, forms added). Left out: forms of another verb (lie, lain), misspellings, a
# spelling variant listed as a form (symbolise), and a dialect past that is far
# more often a noun in news text (drug). Added: forms the source omits.
FORM_FIXES = {
    'drag': ({'drug'}, []),
    'lay': ({'lie', 'lain'}, []),
    'pin': ({'pent'}, []),
    'choose': ({'chosing'}, ['choosing']),
    'override': ({'overidding', 'overrid'}, ['overriding', 'overrode']),
    'symbolize': ({'symbolise'}, []),
    'assail': ({'assailling'}, ['assailing']),
    'tread': ({'trodding'}, ['treading']),
    'undo': ({'undos'}, ['undoes']),
    'withdraw': (set(), ['withdrawn']),
    'shake': (set(), ['shook']),
    'undertake': (set(), ['undertaken']),
}

BE_FORMS = {'be', 'is', 'are', 'am', 'was', 'were', 'been', 'being'}
TOKEN_RE = re.compile(r"^[a-z0-9]+(?:'[a-z0-9]+)?$")
CODE_RE = re.compile(r'^\d{2,4}$')
SET_WIDTH = 88  # `set` lines are wrapped at this width


# ---- codebook ---------------------------------------------------------------

def read_lines(path):
    with open(path, encoding='utf-8', errors='replace') as fh:
        return [l.rstrip('\r\n') for l in fh]


def parent_of(code):
    return code[:-1] if len(code) > 2 else None


def read_codebook(src):
    """Returns [(code, name)] in file order, with the source glitches repaired."""
    out = []
    for line in read_lines(os.path.join(src, 'CAMEO.eventcodes.txt'))[1:]:
        code, _, name = line.partition('\t')
        code = code.strip()
        if not CODE_RE.match(code):  # header and quad-class lines ("1", "2", ...)
            continue
        # a second code glued onto the name: "...engagement106:[-5.0] Demand withdrawal"
        m = re.match(r'^(.*?\S)(\d{2,4}):\[(-?[0-9.]+)\]\s*(.*)$', name)
        if m:
            out.append((code, m.group(1)))
            code, name = m.group(2), m.group(4)
        if code in NAME_FIXES:
            bad, good = NAME_FIXES[code]
            name = name.replace(bad, good)
        out.append((code, name))
    return [(c, ' '.join(n.split())) for c, n in out]


def read_goldstein(src):
    g = {}
    for line in read_lines(os.path.join(src, 'CAMEO.goldsteinscale.txt'))[1:]:
        f = line.split()
        if len(f) == 2 and CODE_RE.match(f[0]):
            g[f[0]] = float(f[1])
    return g


def read_plover(src):
    p = {}
    for line in read_lines(os.path.join(src, 'CAMEO2PLOVER-2021.txt')):
        line = line.split('#', 1)[0]
        code, colon, rest = line.partition(':')
        code = code.strip()
        if not colon or not CODE_RE.match(code):
            continue
        m = re.match(r'\s*([A-Za-z_]+)', rest)
        if m and code not in p:
            p[code] = m.group(1).upper()
    return p


def write_codes(src, out_dir):
    book = read_codebook(src)
    gold = read_goldstein(src)
    plover = read_plover(src)
    codes = [c for c, _ in book]
    inherited = []
    rows = []
    for code, name in book:
        c = code
        while c and c not in gold:
            c = parent_of(c)
        if not c:
            sys.exit('cameo2annals: no Goldstein score for %s or its parents' % code)
        if c != code:
            inherited.append(code)
        rows.append((code, gold[c], plover.get(code, '-'), name))
    roots = ['%02d' % i for i in range(1, 21)]
    missing = [r for r in roots if r not in codes]
    if missing:
        sys.exit('cameo2annals: root codes missing: %s' % ' '.join(missing))
    extra_plover = sorted(set(plover) - set(codes))
    path = os.path.join(out_dir, 'codes.txt')
    with open(path, 'w', encoding='utf-8') as fh:
        w = fh.write
        w('# codes.txt: the CAMEO event codebook, one line per code (20 roots and every\n')
        w('# 3- and 4-digit code): code, Goldstein score, PLOVER type, name.\n')
        w('#\n')
        w('# Generated by tools/cameo2annals.py from public reference files:\n')
        w('#   CAMEO.eventcodes.txt      code names (GDELT lookup table; public reference file)\n')
        w('#   CAMEO.goldsteinscale.txt  Goldstein scores (GDELT lookup table; public reference file)\n')
        w('#   CAMEO2PLOVER-2021.txt     PLOVER event types (openeventdata/PLOVER, draft 0.8,\n')
        w('#                             2021; PLOVER documentation licensed CC BY-SA 4.0)\n')
        w('# Names as in CAMEO.eventcodes.txt (root names in capitals), with the quotes of\n')
        w('# 044 and the code 106 (glued onto the line of 1056) repaired and two typos\n')
        w('# corrected (033 "matyerial", 2041 "radiologicalweapons").\n')
        w('# A code without a Goldstein score takes its parent\'s: %s.\n'
          % (', '.join(inherited) if inherited else 'none in the current sources'))
        w('# PLOVER: the first word after the colon in CAMEO2PLOVER-2021.txt; `-` where the\n')
        w('# table has no line for the code (%d codes, all of roots 01 and 02). Root 08 is\n'
          % sum(1 for r in rows if r[2] == '-'))
        w('# listed twice there (CONCEDE, RETREAT): the first is kept. PLOVER-only codes\n')
        w('# not in the CAMEO codebook are left out: %s.\n'
          % (', '.join(extra_plover) if extra_plover else 'none'))
        w('# Regenerate: python3 tools/cameo2annals.py ../shared/reference/cameo data/events\n')
        w('\n')
        w('# code  goldstein  plover     name\n')
        for code, g, pl, name in rows:
            w('%-7s %-10s %-10s %s\n' % (code, '%.1f' % g, pl, name))
    return set(codes), len(rows), inherited


# ---- verb dictionary: reading ------------------------------------------------

def strip_comment(line):
    """PETRARCH comments: '#' (Python style) and ';' (KEDS/TABARI style)."""
    for ch in '#;':
        i = line.find(ch)
        if i >= 0:
            line = line[:i]
    return line.strip()


def read_verbdict(path):
    """Returns (synsets, blocks, header_lines). synsets: NAME -> (members, no_plural);
    blocks: dicts with name, code, verbs [(lemma_line_text, lineno)], patterns
    [(text, lineno)]."""
    lines = read_lines(path)
    section = None
    synsets = {}
    cur_set = None
    blocks = []
    block = None
    for no, raw in enumerate(lines, 1):
        if raw.startswith('#'):
            if 'SYNONYM SETS' in raw:
                section = 'sets'
            elif 'VERB PATTERNS' in raw:
                section = 'verbs'
            elif 'TRANSFORMATIONS' in raw:
                section = 'transforms'
            continue
        line = strip_comment(raw)
        if not line or section is None or section == 'transforms':
            continue
        if section == 'sets':
            if line.startswith('&'):
                label = line[1:].split()[0]
                cur_set = label.rstrip('_').upper()
                synsets[cur_set] = ([], label.endswith('_'))
            elif line.startswith('+') and cur_set:
                synsets[cur_set][0].append(line[1:].strip())
            continue
        if line.startswith('---'):
            m = re.match(r'^---\s*(\S+)\s*(?:\[([^\]]*)\])?\s*---', line)
            if not m:
                raise SystemExit('%s:%d: bad block line' % (path, no))
            block = {'name': m.group(1), 'code': (m.group(2) or '---').strip(),
                     'line': no, 'verbs': [], 'patterns': []}
            blocks.append(block)
        elif line.startswith('-'):
            if block is not None:
                block['patterns'].append((line, no))
        elif block is not None:
            block['verbs'].append((line, no))
    return synsets, blocks


def first_code(s):
    """'042:043' -> '042'; '---' and ':173' -> None."""
    s = s.strip()
    if s.startswith('---'):
        return None
    return s.split(':', 1)[0].strip() or None


def plural(w):
    if (w.endswith('s') and not w.endswith('ss')) or w.endswith(('men', 'ed')):
        return None  # already plural, a mass noun ("news"), or a participle
    if w.endswith('y') and len(w) > 1 and w[-2] not in 'aeiou':
        return w[:-1] + 'ies'
    if w.endswith(('ss', 'x', 'z', 'ch', 'sh')):
        return w + 'es'
    return w + 's'


def regular_s(lemma):
    n = len(lemma)
    if lemma.endswith('y') and n > 1 and lemma[-2] not in 'aeiou':
        return lemma[:-1] + 'ies'
    if lemma.endswith(('s', 'x', 'z', 'ch', 'sh')):
        return lemma + 'es'
    return lemma + 's'


def regular_ing(lemma):
    if lemma.endswith('ie'):
        return lemma[:-2] + 'ying'
    if lemma.endswith('e') and not lemma.endswith('ee'):
        return lemma[:-1] + 'ing'
    return lemma + 'ing'


class VerbError(Exception):
    pass


def parse_verb(text):
    """'+ASK_FOR {+ASKED_FOR +ASKING_FOR} [020]' ->
    (head, particles, forms or None, code-field or None)."""
    code = None
    m = re.search(r'\[([^\]]*)\]', text)
    if m:
        code = m.group(1)
        text = text[:m.start()] + ' ' + text[m.end():]
    forms = None
    m = re.search(r'\{([^}]*)\}', text)
    if m:
        forms = m.group(1).replace(',', ' ').split()
        text = text[:m.start()] + ' ' + text[m.end():]
    words = text.split()
    if len(words) != 1:
        raise VerbError('not one lemma')
    parts = words[0].lstrip('+').rstrip('_').lower().split('_')
    if any(not TOKEN_RE.match(p) for p in parts):
        raise VerbError('hyphenated or not a single token')
    head, particles = parts[0], parts[1:]
    if head in BE_FORMS:
        raise VerbError('headed by a form of "be"')
    heads = []
    for f in forms or []:
        fp = f.lstrip('+').rstrip('_').lower().split('_')
        if fp[1:] != particles:
            raise VerbError('inflected on a later word')
        if not TOKEN_RE.match(fp[0]):
            raise VerbError('form is not a single token')
        heads.append(fp[0])
    return head, particles, (heads if forms is not None else None), code


# ---- verb dictionary: patterns -----------------------------------------------

class Skip(Exception):
    pass


def tokenize(body):
    return re.findall(r'[(){}]|[^\s(){}]+', body)


def parse_items(toks):
    """Top-level items: ('w', word) | ('b', [words]) | ('p', [('w'|'b', ...)])."""
    items = []
    stack = [items]
    kinds = []
    for t in toks:
        if t in '({':
            if t == '(' and kinds:
                raise Skip('malformed (nested brackets)')
            if t == '{' and kinds and kinds[-1] == '{':
                raise Skip('malformed (nested brackets)')
            new = []
            stack[-1].append(('p' if t == '(' else 'b', new))
            stack.append(new)
            kinds.append(t)
        elif t in ')}':
            if not kinds or {'(': ')', '{': '}'}[kinds[-1]] != t:
                raise Skip('malformed (unbalanced brackets)')
            stack.pop()
            kinds.pop()
        else:
            stack[-1].append(('w', t))
    if kinds:
        raise Skip('malformed (unbalanced brackets)')
    return items


def convert_word(w, synsets, used_sets):
    """A source word -> list of adjacent pattern elements."""
    if any(c in w for c in '$+%^'):
        raise Skip('source/target markers ($ + % ^)')
    if '*' in w:
        raise Skip('malformed (verb marker inside a word)')
    out = []
    amp = w.find('&')
    head, setname = (w, None) if amp < 0 else (w[:amp], w[amp + 1:])
    for part in head.strip('_').split('_') if head.strip('_') else []:
        alts = part.lower().split('/')
        if not all(TOKEN_RE.match(a) for a in alts):
            raise Skip('word is not a single token (hyphen, dot or slash inside)')
        out.append('|'.join(dict.fromkeys(alts)))
    if setname is not None:
        name = setname.rstrip('_').upper()
        if name not in synsets:
            raise Skip('undefined synonym set')
        used_sets.add(name)
        out.append('&' + name.lower())
    return out


def convert_pattern(body, synsets, used_sets):
    """'* POLICE (TO BORDER)' -> ['...', 'police', '...', 'to', '...', 'border']."""
    items = parse_items(tokenize(body))
    stars = [i for i, it in enumerate(items) if it == ('w', '*')]
    if not stars:
        if any(it[0] == 'w' and '*' in it[1] for it in items):
            raise Skip('malformed (verb marker inside a word)')
        raise Skip('malformed (no verb marker)')
    if stars[0] != 0:
        raise Skip('words before the verb (source-side pattern)')
    if len(stars) > 1:
        raise Skip('malformed (two verb markers)')
    groups = []
    for kind, val in items[1:]:
        if kind == 'w':
            groups.append(convert_word(val, synsets, used_sets))
        elif kind == 'b':
            g = []
            for _, w in val:
                g += convert_word(w, synsets, used_sets)
            groups.append(g)
        else:
            for k2, v2 in val:
                if k2 == 'w':
                    groups.append(convert_word(v2, synsets, used_sets))
                else:
                    g = []
                    for _, w in v2:
                        g += convert_word(w, synsets, used_sets)
                    groups.append(g)
    els = []
    for g in groups:
        if g:
            els += ['...'] + g
    return els


# ---- verb dictionary: writing -----------------------------------------------

def convert_verbs(src, out_dir, codes):
    path = os.path.join(src, 'CAMEO.2.0.txt')
    synsets, blocks = read_verbdict(path)
    verb_skips = {}       # reason -> [lemma text]
    forms = {}            # head -> [forms], merged over the file
    seen = {}             # elements tuple -> code (first wins)
    stats = {'dup': 0, 'conflict': 0}
    skips = {}            # reason -> count of source patterns
    converted = 0
    all_dup = 0
    default_lines = 0
    used_sets = set()
    out_blocks = []       # (name, code, source line, [lines])

    def emit(lines, code, els):
        key = tuple(els)
        if key in seen:
            stats['dup' if seen[key] == code else 'conflict'] += 1
            return False
        seen[key] = code
        lines.append((code, els))
        return True

    npat = 0
    for b in blocks:
        verbs = []  # (head, particles, own code field)
        for text, no in b['verbs']:
            try:
                head, particles, fl, code = parse_verb(text)
            except VerbError as e:
                verb_skips.setdefault(str(e), []).append(text.split()[0])
                continue
            if fl:
                lst = forms.setdefault(head, [])
                for f in fl:
                    if f != head and f not in lst and f not in FORM_FIXES.get(head, ((),))[0]:
                        lst.append(f)
            if (head, particles) not in [(h, p) for h, p, _ in verbs]:
                verbs.append((head, particles, code))
            elif code is not None:  # listed twice: a code given the second time counts
                verbs = [(h, p, code if (h, p) == (head, particles) else c)
                         for h, p, c in verbs]
        lines = []
        for head, particles, own in verbs:
            c = first_code(own if own is not None else b['code'])
            if c and c in codes and emit(lines, c, [head] + particles):
                default_lines += 1
        for text, no in b['patterns']:
            npat += 1
            body = text[1:]
            m = re.search(r'\[([^\]]*)\]\s*$', body) or re.search(r'\[([^\]]*)\]', body)
            try:
                if not m:
                    raise Skip('malformed (no code)')
                field = m.group(1).strip()
                body = body[:m.start()]
                if field.startswith('---'):
                    raise Skip('null code [---]')
                code = first_code(field)
                if code is None:
                    raise Skip('no source-to-target code ([:code])')
                if code not in codes:
                    raise Skip('code not in the codebook')
                tried = set(used_sets)
                els = convert_pattern(body, synsets, tried)
                if not verbs:
                    raise Skip('block has no usable verb')
                used_sets |= tried
                new = 0
                for head, particles, _ in verbs:
                    new += emit(lines, code, [head] + particles + els)
                converted += 1
                if not new:
                    all_dup += 1
            except Skip as e:
                skips[str(e)] = skips.get(str(e), 0) + 1
        out_blocks.append((b['name'], b['code'], b['line'], lines))

    # complete the listed forms with the regular -s and -ing forms they lack
    added = 0
    for head, lst in forms.items():
        for f in FORM_FIXES.get(head, ((), []))[1]:
            if lst and f not in lst:
                lst.append(f)
        if not lst:
            continue
        if not any(f.endswith('s') for f in lst):
            lst.append(regular_s(head))
            added += 1
        if not any(f.endswith('ing') for f in lst):
            doubled = head + head[-1] + 'ed' in lst
            lst.append(head + head[-1] + 'ing' if doubled else regular_ing(head))
            added += 1
    forms = {h: l for h, l in forms.items() if l}

    set_lines = []
    set_members = 0
    set_dropped = 0
    for name in sorted(used_sets):
        members, no_plural = synsets[name]
        words = []
        for m in members:
            exact = m.endswith('_')
            w = m.rstrip('_').lower()
            if not TOKEN_RE.match(w):
                set_dropped += 1
                continue
            cand = [w]
            if not exact and not no_plural and plural(w):
                cand.append(plural(w))
            for x in cand:
                if x not in words:
                    words.append(x)
        set_members += len(words)
        line = []
        for x in words + [None]:
            head = 'set     %-15s ' % name.lower()
            if line and (x is None or len(head + ' '.join(line + [x])) > SET_WIDTH):
                set_lines.append(head + ' '.join(line))
                line = []
            if x is not None:
                line.append(x)

    npatlines = sum(len(l) for *_, l in out_blocks)
    nskipped = sum(skips.values())
    os.makedirs(os.path.join(out_dir, 'converted'), exist_ok=True)
    outp = os.path.join(out_dir, 'converted', 'verbs-cameo.txt')
    with open(outp, 'w', encoding='utf-8') as fh:
        w = fh.write
        w('# verbs-cameo.txt: verb patterns converted from the PETRARCH/TABARI CAMEO verb\n')
        w('# dictionary CAMEO.2.0.txt (openeventdata/petrarch2, last update 30 April 2015)\n')
        w('# by tools/cameo2annals.py. Format: data/events/FORMAT.md. Not loaded by the\n')
        w('# coder (it reads data/events, not this directory): material to review and move\n')
        w('# into verbs.txt pattern by pattern; tools/checkevents.py checks it as if it\n')
        w('# were loaded.\n')
        w('# Regenerate: python3 tools/cameo2annals.py ../shared/reference/cameo data/events\n')
        w('#\n')
        w('# Source notice:\n')
        w('#   The MIT License (MIT)\n')
        w('#   Copyright (c) 2015 Open Event Data Alliance\n')
        w('#   Permission is hereby granted, free of charge, to any person obtaining a copy of\n')
        w('#   this software and associated documentation files (the "Software"), to deal in\n')
        w('#   the Software without restriction, including without limitation the rights to\n')
        w('#   use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of\n')
        w('#   the Software, and to permit persons to whom the Software is furnished to do so,\n')
        w('#   subject to the following conditions:\n')
        w('#   The above copyright notice and this permission notice shall be included in all\n')
        w('#   copies or substantial portions of the Software.\n')
        w('#   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR\n')
        w('#   IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS\n')
        w('#   FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR\n')
        w('#   COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER\n')
        w('#   IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN\n')
        w('#   CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.\n')
        w('#\n')
        w('# Conversion:\n')
        w('#   `- * WORDS [code]` patterns apply to every verb of their block: each becomes\n')
        w('#   `CODE lemma [particles] ... words`, each word, {braced phrase} or word of a\n')
        w('#   (prepositional phrase) after a `...` gap; braced phrases and words joined by\n')
        w('#   `_` are adjacent words; `A/B` is `a|b`; of `[x:y]` the code x is kept.\n')
        w('#   A verb\'s default code (its own, else its block\'s) gives `CODE lemma`.\n')
        w('#   `verb` lines merge the braced forms of a lemma over the whole source;\n')
        w('#   forms of another verb and misspellings are corrected (FORM_FIXES in the\n')
        w('#   tool); missing -s or -ing forms are added by the regular rules (%d added).\n'
          % added)
        w('#   A verb given as an inflected phrase with empty braces in the source\n')
        w('#   ("KILLED_AND {}") keeps the inflected word as its head.\n')
        w('#   Sets keep single-token members, with regular plurals unless the member or\n')
        w('#   the label ends with `_`; %d multiword or hyphenated members are left out.\n'
          % set_dropped)
        w('#   A pattern repeating an earlier one with another code is left out (the\n')
        w('#   earlier one wins in the coder too). Null-code patterns, which stop a\n')
        w('#   verb from coding in PETRARCH, have no equivalent here and are skipped.\n')
        w('#\n')
        w('# Counts: %d source patterns; %d converted, %d skipped.\n'
          % (npat, converted, nskipped))
        w('#   converted patterns that add no new line (duplicates): %d\n' % all_dup)
        w('#   skipped:\n')
        for reason, n in sorted(skips.items(), key=lambda kv: -kv[1]):
            w('#     %5d  %s\n' % (n, reason))
        nvs = sum(len(v) for v in verb_skips.values())
        w('#   verb lines skipped: %d\n' % nvs)
        for reason, lst in sorted(verb_skips.items()):
            w('#     %s: %s\n' % (reason, ' '.join(sorted(set(x.lstrip('+').lower() for x in lst)))))
        w('#   output: %d sets (%d words), %d verb lines, %d pattern lines (%d verb\n'
          % (len(used_sets), set_members, len(forms), npatlines, default_lines))
        w('#   defaults); dropped %d exact duplicate and %d conflicting lines.\n'
          % (stats['dup'], stats['conflict']))
        w('\n# ---- synonym sets ----\n\n')
        for l in set_lines:
            w(l + '\n')
        w('\n# ---- irregular and listed verb forms ----\n\n')
        for head in sorted(forms):
            w('verb    %-15s %s\n' % (head, ' '.join(forms[head])))
        for name, bcode, bline, lines in out_blocks:
            if not lines:
                continue
            w('\n# %s [%s]\n' % (name.lower(), bcode))
            for code, els in lines:
                w('%-7s %s\n' % (code, ' '.join(els)))
    return {'patterns': npat, 'converted': converted, 'skipped': nskipped,
            'skips': skips, 'sets': len(used_sets), 'set_words': set_members,
            'verbs': len(forms), 'lines': npatlines, 'defaults': default_lines,
            'dup': stats['dup'], 'conflict': stats['conflict'], 'all_dup': all_dup,
            'verb_skips': verb_skips, 'forms_added': added}


def main(argv):
    if len(argv) < 2 or argv[1] in ('-h', '--help'):
        print(__doc__.strip())
        return 2
    src = argv[1]
    out_dir = argv[2] if len(argv) > 2 else 'data/events'
    codes, ncodes, _ = write_codes(src, out_dir)
    st = convert_verbs(src, out_dir, codes)
    print('codes.txt: %d codes' % ncodes)
    print('converted/verbs-cameo.txt: %d sets (%d words), %d verb lines, %d pattern lines '
          '(%d defaults); source patterns %d: %d converted, %d skipped'
          % (st['sets'], st['set_words'], st['verbs'], st['lines'], st['defaults'],
             st['patterns'], st['converted'], st['skipped']))
    for reason, n in sorted(st['skips'].items(), key=lambda kv: -kv[1]):
        print('  skipped %5d  %s' % (n, reason))
    print('  duplicates dropped %d, conflicts dropped %d, converted without new line %d'
          % (st['dup'], st['conflict'], st['all_dup']))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
