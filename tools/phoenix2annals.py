#!/usr/bin/env python3
"""Convert the Phoenix/PETRARCH (TABARI-format) actor dictionaries to annals format.

    python3 tools/phoenix2annals.py PHOENIX_DIR [OUT_DIR]

PHOENIX_DIR holds Phoenix.Countries.actors.txt, Phoenix.MilNonState.actors.txt and
Phoenix.International.actors.txt (MIT, Open Event Data Alliance). OUT_DIR defaults to
data/actors; writes phoenix-countries.txt, phoenix-nonstate.txt and phoenix-igo.txt.

The curated files in OUT_DIR (every *.txt not named phoenix-*) are read first: a
Phoenix entry whose name or any alias matches a curated name or alias is skipped, and
ids never collide with curated ids. Filters: country blocks themselves (countries.txt
covers them), cities listed as country aliases, aliases that are ordinary English
words or phrases, single-token person aliases (surnames, first names), titles inside
names (PRESIDENT_X, FOREIGN_MINISTER_X). TABARI dates (yymmdd: 19yy when yy >= 40,
else 20yy; yyyymmdd as is) become ISO dates on `code CAMEO from..until` lines.
Standard library only.
"""
import glob
import os
import re
import sys
import unicodedata

TITLES = [
    'PRESIDENT', 'VICE_PRESIDENT', 'PRIME_MINISTER', 'DEPUTY_PRIME_MINISTER',
    'FOREIGN_MINISTER', 'DEFENSE_MINISTER', 'DEFENCE_MINISTER', 'INTERIOR_MINISTER',
    'FINANCE_MINISTER', 'MINISTER', 'ACTING_MINISTER', 'ACTING_PRESIDENT', 'SECRETARY',
    'SECRETARY-GENERAL', 'SECRETARY_GENERAL', 'UN_SECRETARY-GENERAL',
    'UNITED_NATIONS_SECRETARY_GENERAL', 'UNITED_NATIONS_SECRETARY-GENERAL', 'GENERAL',
    'GEN.', 'GEN', 'LT._GEN.', 'MAJ._GEN.', 'BRIG._GEN.', 'COLONEL', 'COL.', 'ADMIRAL',
    'MARSHAL', 'FIELD_MARSHAL', 'CAPTAIN', 'MAJOR', 'COMMANDER', 'KING', 'QUEEN', 'PRINCE',
    'PRINCESS', 'CROWN_PRINCE', 'EMIR', 'AMIR', 'SULTAN', 'SHEIKH', 'SHAIKH', 'SHEIK',
    'AYATOLLAH', 'GRAND_AYATOLLAH', 'HOJATOLISLAM', 'HOJJATOLESLAM', 'MULLAH', 'MAULANA',
    'MAWLAWI', 'IMAM', 'SAYYED', 'SAYYID', 'SAYED', 'SEYED', 'HAJJ', 'HAJI', 'DR.', 'DR',
    'MR.', 'MR', 'MRS.', 'MS.', 'SIR', 'LORD', 'CHANCELLOR', 'SPEAKER', 'SENATOR', 'SEN.',
    'REP.', 'GOVERNOR', 'GOV.', 'AMBASSADOR', 'JUDGE', 'JUSTICE', 'CHIEF_JUSTICE',
    'ISRAELI_PRESIDENT', 'PALESTINIAN_PRESIDENT', 'EGYPTIAN_PRESIDENT', 'US_PRESIDENT',
    'U.S._PRESIDENT', 'FORMER_PRESIDENT', 'FORMER_PRIME_MINISTER', 'CARDINAL', 'POPE',
    'BISHOP', 'ARCHBISHOP', 'RABBI', 'REV.', 'REVEREND', 'FATHER', 'PATRIARCH', 'CHAIRMAN',
]
TITLE_RE = re.compile(r'^(?:(?:%s)_)+' % '|'.join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)))
ORG_WORDS = set('''COUNCIL ASSEMBLY FORCES FORCE ARMY MINISTRY PARTY GUARD GUARDS COMMITTEE
FRONT MOVEMENT ORGANIZATION ORGANISATION AUTHORITY AGENCY POLICE COURT GOVERNMENT
PARLIAMENT BANK BRIGADE BRIGADES BATTALION BATTALIONS UNION LEAGUE ASSOCIATION SOCIETY
INSTITUTE SERVICE SERVICES CORPS COMMAND DEPARTMENT OFFICE CABINET CONGRESS SENATE
FEDERATION ALLIANCE COALITION GROUP GROUPS NETWORK CENTRE CENTER FOUNDATION FUND
COMMISSION MISSION PROGRAM PROGRAMME TRIBUNAL UNIT UNITS MILITIA MILITIAS REBELS
INSURGENTS NAVY AIR_FORCE KNESSET PEOPLE PEOPLES COMPANY CORPORATION UNIVERSITY
BUREAU DIRECTORATE SECRETARIAT JUNTA REGIME ADMINISTRATION MINISTRIES LEGION
ARMED TROOPS SOLDIERS CELLS CELL FIGHTERS COMMANDOS NATIONAL REPUBLIC REPUBLICAN
DEMOCRATIC LIBERATION REVOLUTIONARY ISLAMIC JIHAD RESISTANCE POPULAR WORKERS
SECURITY INTELLIGENCE BOARD CHAMBER CONFERENCE CONVENTION ASSEMBLIES PARLIAMENTARY
KATAIB JAISH JAYSH HARAKAT TANZIM SARAYA LIWA ANSAR'''.split())
SMALL = {'al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'bin', 'ibn', 'bint', 'de', 'del',
         'della', 'der', 'van', 'von', 'da', 'do', 'dos', 'du', 'la', 'le', 'of', 'the',
         'and', 'for', 'in', 'on', 'y', 'e', 'wal', 'fi', 'li', 'min', 'ul'}
ACRONYM = re.compile(r'^[A-Z]{2,6}$')
VOWELLESS = re.compile(r'^[^AEIOUY]+$')

# words that are ordinary English even if missing from a word list
EXTRA_WORDS = set('''the of and a an in on for to graveyard empires guerrillas guerrilla
rebels rebel insurgents insurgent militants militant terrorists terrorist extremists
extremist opposition government regime forces army police soldiers troops fighters
group groups people movement party front leader leaders chief official officials'''.split())


def load_words():
    words = set(EXTRA_WORDS)
    for p in ('/usr/share/dict/words', '/usr/share/dict/american-english'):
        if os.path.exists(p):
            with open(p, encoding='utf-8', errors='ignore') as fh:
                for w in fh:
                    w = w.strip()
                    if w and w.islower() and "'" not in w:
                        words.add(w)
            break
    return words


WORDS = load_words()


def fold(s):
    s = unicodedata.normalize('NFKD', s)
    s = ''.join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['\u2018\u2019`]", '', s)
    return re.sub(r'[^a-z0-9]+', ' ', s).strip()


def slug(s):
    return re.sub(r'-+', '-', fold(s).replace(' ', '-')).strip('-')


def tabari_date(d):
    d = d.strip()
    if not d.isdigit():
        return None
    if len(d) == 6:
        yy, mm, dd = int(d[:2]), d[2:4], d[4:6]
        y = 1900 + yy if yy >= 40 else 2000 + yy
        if y > 2025:                  # birth-era dates written yymmdd (320101 = 1932)
            y -= 100
    elif len(d) == 8:
        y, mm, dd = int(d[:4]), d[4:6], d[6:8]
    else:
        return None
    if not (1 <= int(mm) <= 12 and 1 <= int(dd) <= 31 and 1800 <= y <= 2100):
        return None
    return '%04d-%s-%s' % (y, mm, dd)


def parse_code(text):
    """'IRNGOV 790205-800204' / 'IRNGOV >20130804' / 'IRNGOV' -> (code, from, until) or None."""
    f = text.split()
    if not f:
        return None
    code = f[0].strip()
    if code.startswith('~') or code == '---' or not re.match(r'^([A-Z]{3})+$', code):
        return None
    if len(f) == 1:
        return (code, '', '')
    r = f[1]
    if r.startswith('>'):
        d = tabari_date(r[1:])
        return (code, d, '') if d else None
    if r.startswith('<'):
        d = tabari_date(r[1:])
        return (code, '', d) if d else None
    m = re.match(r'^(\d+)-(\d+)$', r)
    if m:
        a, b = tabari_date(m.group(1)), tabari_date(m.group(2))
        if a and b and a <= b:
            return (code, a, b)
        return None
    return (code, '', '')


def natural(name):
    """PHOENIX_STYLE_NAME -> natural capitalisation."""
    name = name.strip().strip('_').replace('_', ' ')
    name = re.sub(r'\s*\([A-Z.\- ]+\)\s*$', '', name)    # trailing (ABBR)
    name = re.sub(r'\s+', ' ', name).strip()
    out = []
    toks = name.split(' ')
    for i, t in enumerate(toks):
        parts = t.split('-')
        np = []
        for j, p in enumerate(parts):
            lp = p.lower()
            if (i > 0 or j > 0) and lp in SMALL and (j < len(parts) - 1 or lp in ('of', 'the', 'and', 'for', 'in', 'on', 'bin', 'ibn', 'bint', 'de', 'van', 'von', 'wal', 'fi')):
                np.append(lp)
            elif len(p) <= 5 and ACRONYM.match(p) and (VOWELLESS.match(p) or len(toks) == 1 and len(parts) == 1):
                np.append(p)
            elif p[:1] in "'":
                np.append(p[:2].upper() + p[2:].lower() if len(p) > 1 else p)
            else:
                q = p[:1].upper() + p[1:].lower()
                q = re.sub(r"(?<=[A-Za-z])'([a-z])(?=[a-z]{2})", lambda m: "'" + m.group(1).upper(), q) if q.startswith("O'") else q
                q = re.sub(r"^Mc([a-z])", lambda m: 'Mc' + m.group(1).upper(), q)
                np.append(q)
        out.append('-'.join(np))
    return ' '.join(out)


def strip_title(raw):
    return TITLE_RE.sub('', raw.strip().strip('_') + '_').strip('_')


class Entry:
    def __init__(self, raw, line, comment):
        self.raw = raw
        self.line = line
        self.comment = comment
        self.aliases = []
        self.codes = []


def parse_file(path):
    """Yield (country_code_or_None, Entry) in file order; country headers yield with is_country."""
    entries = []
    cur = None
    block = None
    with open(path, encoding='utf-8', errors='replace') as fh:
        lines = fh.read().split('\n')
    for n, raw in enumerate(lines, 1):
        comment = ''
        m = re.search(r'#(.*)$', raw)
        if m:
            comment = m.group(1)
            raw = raw[:m.start()]
        raw = re.sub(r'\{[^}]*\}', '', raw).rstrip()
        if not raw.strip():
            continue
        s = raw.strip()
        if s.startswith('!') or s.startswith('-'):
            continue
        if raw[0] in ' \t' or s.startswith('['):
            for c in re.findall(r'\[([^\]]*)\]', s):
                pc = parse_code(c)
                if pc and cur is not None:
                    cur.codes.append(pc)
            continue
        if s.startswith('+'):
            if cur is not None:
                a = s[1:].strip()
                a = re.sub(r'\[.*$', '', a).strip()
                if a:
                    cur.aliases.append(a)
            continue
        # new entry header
        name = re.split(r'\s*\[', s, 1)[0].strip()
        if not name:
            continue
        cur = Entry(name, n, comment)
        inline = re.findall(r'\[([^\]]*)\]', s)
        for c in inline:
            pc = parse_code(c)
            if pc:
                cur.codes.append(pc)
        is_country = len(inline) >= 1 and re.match(r'^[A-Z]{3}$', inline[0].strip() or '') is not None \
            and path.endswith('Countries.actors.txt')
        if is_country:
            block = inline[0].strip()
        cur.block = block
        cur.is_country = is_country
        entries.append(cur)
    return entries


def load_curated(outdir):
    ids, names = set(), set()
    for f in sorted(glob.glob(os.path.join(outdir, '*.txt'))):
        if os.path.basename(f).startswith('phoenix-'):
            continue
        with open(f, encoding='utf-8') as fh:
            for line in fh:
                m = re.match(r'^([a-z0-9-]+)\s+\S+\s+\S+\s+\S+', line)
                if m:
                    ids.add(m.group(1))
                    continue
                m = re.match(r'^\s+(name|alias|demonym|abbr)\s+(.*?)\s*$', line)
                if m:
                    names.add(fold(m.group(2)))
    return ids, names


def load_given():
    f = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'names', 'given.txt')
    g = set()
    if os.path.exists(f):
        with open(f, encoding='utf-8') as fh:
            for line in fh:
                if not line.startswith('#') and line.strip():
                    g.add(fold(line.strip()))
    g.update(['abdul', 'abdel', 'abd', 'al', 'el', 'bin', 'ibn', 'abu', 'umm', 'mohammad', 'muhammad'])
    return g


GIVEN = load_given()


def all_given(name):
    toks = [t for t in re.split(r'[\s\-]+', fold(name)) if t]
    return bool(toks) and all(t in GIVEN for t in toks)


def iso_countries(outdir):
    isos = set()
    f = os.path.join(outdir, 'countries.txt')
    ids_by_iso = {}
    if os.path.exists(f):
        with open(f, encoding='utf-8') as fh:
            for line in fh:
                m = re.match(r'^([a-z0-9-]+)\s+country\s+(\S+)\s+(\S+)', line)
                if m:
                    isos.add(m.group(3))
                    ids_by_iso[m.group(2)] = m.group(1)
                    ids_by_iso[m.group(3)] = m.group(1)
    return isos, ids_by_iso


def is_wordy(alias):
    """True when every token of the alias is an ordinary English word."""
    toks = [t for t in re.split(r"[\s\-]+", fold(alias)) if t]
    return bool(toks) and all(t in WORDS for t in toks)


def looks_org(raw):
    toks = set(re.split(r'[_\s\-]+', raw.upper()))
    return bool(toks & ORG_WORDS)


def convert(entries, source_name, curated_names, used_ids, isos, ids_by_iso, kind_default,
            city_names, keep_org_only=False, seen_names=None):
    out = []
    if seen_names is None:
        seen_names = set()
    for e in entries:
        if e.is_country:
            continue
        if not e.codes:
            continue
        raw = e.raw
        is_person = 'CountryInfo' in e.comment or (not looks_org(raw) and kind_default == 'person')
        if looks_org(raw):
            is_person = False
        if keep_org_only and (is_person or not looks_org(raw)):
            continue
        base = strip_title(raw) if is_person else raw.strip('_')
        if not base or len(base.replace('_', '')) < 3:
            continue
        name = natural(base)
        if not re.search(r'[A-Za-z]{2}', name):
            continue
        toks = name.split()
        if is_person and (len(toks) < 2 or all_given(name)):
            continue                       # single-token or given-names-only persons
        forms = []
        for a in [raw] + e.aliases:
            a2 = strip_title(a) if is_person else a.strip('_')
            if not a2:
                continue
            na = natural(a2)
            forms.append(na)
        keys = set(fold(f) for f in forms)
        if keys & curated_names:
            continue
        if fold(name) in seen_names:
            continue
        aliases = []
        akeys = {fold(name)}
        for na in forms[1:]:
            k = fold(na)
            if not k or k in akeys or k in seen_names:
                continue
            nt = na.split()
            if is_person and (len(nt) < 2 or all_given(na)):
                continue                   # surname-only or first-name-only
            if is_wordy(na) or k in city_names:
                continue
            if len(k) < 3:
                continue
            akeys.add(k)
            aliases.append(na)
        if is_wordy(name) and not is_person:
            continue
        seen_names.update(akeys)
        # codes
        dated = [c for c in e.codes if c[1] or c[2]]
        undated = [c for c in e.codes if not c[1] and not c[2]]
        if undated:
            head = undated[0][0]
        else:
            open_end = [c for c in dated if not c[2]]
            head = (open_end or sorted(dated, key=lambda c: c[2]))[-1][0]
        cc = head[:3]
        country = cc if cc in isos else (e.block if e.block in isos else '-')
        kind = 'person' if is_person else 'organization'
        eid = slug(name)
        if not eid:
            continue
        if eid in used_ids:
            suffix = ids_by_iso.get(country) or (country.lower() if country != '-' else head.lower()[:6])
            eid = '%s-%s' % (eid, suffix)
            i = 2
            while eid in used_ids:
                eid = '%s-%s-%d' % (slug(name), suffix, i)
                i += 1
        used_ids.add(eid)
        lines = ['%-40s %-13s %-10s %s' % (eid, kind, head, country), '  name    ' + name]
        for a in aliases:
            lines.append('  alias   ' + a)
        if not is_person and e.block and e.block in ids_by_iso and ids_by_iso[e.block] not in ('',):
            lines.append('  parent  ' + ids_by_iso[e.block])
        for c, f, u in dated:
            lines.append('  code    %s %s..%s' % (c, f, u))
        lines.append('  source  phoenix')
        out.append('\n'.join(lines))
    return out


HEADER = '''# %s: converted from %s (Phoenix/PETRARCH actor dictionaries,
# MIT License, (c) 2014 Open Event Data Alliance) by tools/phoenix2annals.py.
# Entries duplicating curated names or aliases are left out (curated wins).
# Regenerate: python3 tools/phoenix2annals.py ../shared/reference/cameo data/actors
'''


def city_set(outdir):
    names = set()
    f = os.path.join(outdir, 'places.txt')
    if os.path.exists(f):
        with open(f, encoding='utf-8') as fh:
            for line in fh:
                m = re.match(r'^\s+(name|alias)\s+(.*?)\s*$', line)
                if m:
                    names.add(fold(m.group(2)))
    return names


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    src = argv[0]
    outdir = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'actors')
    curated_ids, curated_names = load_curated(outdir)
    isos, ids_by_iso = iso_countries(outdir)
    cities = city_set(outdir)
    used = set(curated_ids)
    seen = set()
    jobs = [
        ('phoenix-countries.txt', 'Phoenix.Countries.actors.txt', 'person', False),
        ('phoenix-nonstate.txt', 'Phoenix.MilNonState.actors.txt', 'organization', False),
        ('phoenix-igo.txt', 'Phoenix.International.actors.txt', 'organization', True),
    ]
    for outname, inname, kind_default, org_only in jobs:
        path = os.path.join(src, inname)
        entries = parse_file(path)
        blocks = convert(entries, outname, curated_names, used, isos, ids_by_iso, kind_default,
                         cities, keep_org_only=org_only, seen_names=seen)
        with open(os.path.join(outdir, outname), 'w', encoding='utf-8') as fh:
            fh.write(HEADER % (outname, inname))
            fh.write('\n')
            fh.write('\n\n'.join(blocks))
            fh.write('\n')
        print('%s: %d entries' % (outname, len(blocks)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
