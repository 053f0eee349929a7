#!/usr/bin/env python3
"""make bench: throughput of `annals code` on the corpora in ../shared/corpus.

For each corpus: bytes, documents, the plain-read floor (CPU seconds of cat
over the same bytes), the CPU seconds `annals code` spends coding (measured
by the command itself after the dictionary is loaded, best of three runs),
MB/s and documents/s per CPU second, peak resident memory, MB/s of the
first stages alone (--no-events: documents, mentions, entities), and a checksum of
the output so runs can be compared. Then `annals ingest` into a fresh SQLite
database per corpus and for all of them together: MB/s of text stored (measured
by the command after the dictionary is loaded, best of two), the size of the
database per MB of text, and the time of a second ingest that skips everything.
Exits 0 with a message when the corpora are absent.
"""
import hashlib, os, re, resource, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('ANNALS_SHARED', os.path.join(ROOT, '..', 'shared'))
ANNALS = os.path.join(ROOT, 'annals')


def run(cmd, stdin=None, out=subprocess.DEVNULL):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, stdin=stdin, stdout=out, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed: {p.stderr.decode()[:300]}")
    m = re.search(r"([0-9.]+) CPU s", p.stderr.decode())
    if m:  # the command's own measure, without the dictionary load
        cpu = float(m.group(1))
    return cpu, after.ru_maxrss


def best_of(n, fn):
    return min((fn() for _ in range(n)), key=lambda r: r[0])


def main():
    corpus = os.path.join(SHARED, 'corpus')
    if not os.path.isdir(corpus):
        print(f"bench: {corpus} not found: skipped")
        return
    files = sorted(os.path.join(corpus, d, d + '.jsonl') for d in os.listdir(corpus)
                   if os.path.isfile(os.path.join(corpus, d, d + '.jsonl')))
    with tempfile.NamedTemporaryFile('w', suffix='.txt', delete=False) as t:
        t.write('Iran.\n')
        tiny = t.name
    startup, _ = best_of(3, lambda: run(['sh', '-c', f'{ANNALS} code -q {tiny} >/dev/null']))
    os.unlink(tiny)
    print(f"annals code, one core; start-up (dictionary load) {startup*1000:.0f} ms, not counted")
    print(f"{'corpus':18} {'MB':>7} {'docs':>6} {'read MB/s':>10} {'code MB/s':>10} "
          f"{'docs/s':>8} {'peak MB':>8} {'no-events':>10}  checksum")
    tot_b = tot_c = tot_d = tot_n = 0
    for f in files:
        size = os.path.getsize(f)
        docs = sum(1 for _ in open(f, 'rb'))
        floor, _ = best_of(3, lambda: run(['cat', f]))
        with tempfile.TemporaryFile() as out:
            cpu, rss = run([ANNALS, 'code', '-q', '--summary', f], out=out)
            out.seek(0)
            digest = hashlib.sha1(out.read()).hexdigest()[:12]
        for _ in range(2):
            cpu = min(cpu, run([ANNALS, 'code', '-q', '--summary', f])[0])
        cpu = max(cpu, 1e-6)
        # the first stages alone (documents, mentions, entities)
        ne = max(best_of(3, lambda: run([ANNALS, 'code', '-q', '--summary',
                                         '--no-events', f]))[0], 1e-6)
        mb = size / 1e6
        tot_b += size; tot_c += cpu; tot_d += docs; tot_n += ne
        print(f"{os.path.basename(f)[:-6]:18} {mb:7.2f} {docs:6} {mb/max(floor,1e-6):10.0f} "
              f"{mb/cpu:10.1f} {docs/cpu:8.0f} {rss/1024:8.1f} {mb/ne:10.1f}  {digest}")
    print(f"{'all':18} {tot_b/1e6:7.2f} {tot_d:6} {'':10} {tot_b/1e6/tot_c:10.1f} "
          f"{tot_d/tot_c:8.0f} {'':8} {tot_b/1e6/tot_n:10.1f}")


def ingest(paths, db):
    """Ingests paths into a fresh database db: (MB/s, MB of text, wall s)."""
    for suffix in ('', '-wal', '-shm'):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    p = subprocess.run([ANNALS, 'ingest', '--db', db] + paths,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.decode()
    if p.returncode not in (0, 1):
        sys.exit(f"bench: ingest failed: {err[-300:]}")
    m = re.search(r"([0-9.]+) MB in ([0-9.]+) s \(([0-9.]+) MB/s\)", err)
    return float(m.group(3)), float(m.group(1)), float(m.group(2))


def bench_ingest(files):
    print()
    print("annals ingest into SQLite (WAL, batched), one core; wall time after the dictionary load")
    print(f"{'corpus':18} {'MB':>7} {'ingest MB/s':>12} {'DB MB':>8} {'DB MB/MB':>9} {'re-ingest s':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, 'bench.db')
        for name, paths in [(os.path.basename(f)[:-6], [f]) for f in files] + [('all', files)]:
            rate, mb, _ = max((ingest(paths, db) for _ in range(2)), key=lambda r: r[0])
            size = os.path.getsize(db) / 1e6
            t0 = time.time()
            subprocess.run([ANNALS, 'ingest', '-q', '--db', db] + paths,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            again = time.time() - t0
            print(f"{name:18} {mb:7.2f} {rate:12.2f} {size:8.1f} {size / max(mb, 1e-6):9.2f} {again:12.2f}")


if __name__ == '__main__':
    main()
    corpus = os.path.join(SHARED, 'corpus')
    if os.path.isdir(corpus):
        bench_ingest(sorted(os.path.join(corpus, d, d + '.jsonl') for d in os.listdir(corpus)
                            if os.path.isfile(os.path.join(corpus, d, d + '.jsonl'))))
