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
Then, on all corpora together: CPU seconds, MB/s and documents/s of each stage
(--timing), wall-clock MB/s with -j 1 and -j N (N = the processors online),
and how time grows with document size: documents of 1 KB to 10 MB made by
concatenating corpus texts, 20 MB of each size, MB/s and peak memory.
Exits 0 with a message when the corpora are absent.
"""
import hashlib, json, os, re, resource, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('ANNALS_SHARED', os.path.join(ROOT, '..', 'shared'))
ANNALS = os.path.join(ROOT, 'annals')


TIME = '/usr/bin/time' if os.path.exists('/usr/bin/time') else None


def run(cmd, stdin=None, out=subprocess.DEVNULL):
    """CPU seconds and peak resident KB of one run of cmd."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wrapped = [TIME, '-f', 'maxrss=%M'] + cmd if TIME else cmd
    p = subprocess.run(wrapped, stdin=stdin, stdout=out, stderr=subprocess.PIPE)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    m = re.search(r"maxrss=([0-9]+)", p.stderr.decode())
    rss = int(m.group(1)) if m else after.ru_maxrss
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed: {p.stderr.decode()[:300]}")
    m = re.search(r"([0-9.]+) CPU s", p.stderr.decode())
    if m:  # the command's own measure, without the dictionary load
        cpu = float(m.group(1))
    return cpu, rss


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


def wall(cmd):
    t0 = time.time()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1):
        sys.exit(f"bench: {' '.join(cmd)} failed: {p.stderr.decode()[:300]}")
    return time.time() - t0


def bench_stages(files):
    with tempfile.TemporaryDirectory() as tmp:
        allf = os.path.join(tmp, 'all.jsonl')
        with open(allf, 'wb') as out:
            for f in files:
                out.write(open(f, 'rb').read())
        mb = os.path.getsize(allf) / 1e6
        print()
        print(f"stages, one core, all corpora ({mb:.2f} MB of files; MB/s of their text; best of three)")
        best = None
        for _ in range(3):
            p = subprocess.run([ANNALS, 'code', '-q', '--summary', '--timing', allf],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            rows = re.findall(r"annals: (\w+) +([0-9.]+) +([0-9.]+)% +([0-9.]+) +([0-9]+)",
                              p.stderr.decode())
            total = [r for r in rows if r[0] == 'all']
            if total and (best is None or float(total[0][1]) < float(best[-1][1])):
                best = rows
        print(f"{'stage':12} {'CPU s':>7} {'share':>6} {'MB/s':>9} {'docs/s':>9}")
        for r in best:
            print(f"{r[0]:12} {float(r[1]):7.3f} {float(r[2]):5.1f}% {float(r[3]):9.1f} {int(r[4]):9}")
        ncpu = os.cpu_count() or 1
        print()
        print(f"threads, wall clock after start-up, all corpora (best of three; {ncpu} processors)")
        tiny = os.path.join(tmp, 'tiny.txt')
        open(tiny, 'w').write('Iran.\n')
        st = min(wall([ANNALS, 'code', '-q', tiny]) for _ in range(3))
        base = None
        print(f"{'-j':>4} {'wall s':>8} {'MB/s':>8} {'speed-up':>9}")
        for j in sorted({1, 2, ncpu}):
            t = min(wall([ANNALS, 'code', '-q', '-j', str(j), allf]) for _ in range(3)) - st
            base = base or t
            print(f"{j:4} {t:8.2f} {mb / t:8.1f} {base / t:8.2f}x")
        texts = []
        for f in files:
            for line in open(f, encoding='utf-8'):
                texts.append(json.loads(line)['text'])
        print()
        print("document size, one core: 20 MB of documents of each size, made by concatenating corpus texts")
        print(f"{'doc size':>9} {'docs':>6} {'MB/s':>7} {'s per MB':>9} {'peak MB':>8}")
        for size in (1000, 10000, 100000, 1000000, 10000000):
            path = os.path.join(tmp, f'size{size}.jsonl')
            total, k, i = 20_000_000, 0, 0
            with open(path, 'w', encoding='utf-8') as out:
                while total > 0:
                    parts, n = [], 0
                    while n < size:
                        t = texts[i % len(texts)]
                        i += 1
                        parts.append(t)
                        n += len(t) + 2
                    doc = '\n\n'.join(parts)[:size]
                    out.write(json.dumps({'id': f'd{k}', 'text': doc}) + '\n')
                    k += 1
                    total -= size
            b = os.path.getsize(path) / 1e6
            cpu, rss = best_of(2, lambda: run([ANNALS, 'code', '-q', '--summary', path]))
            print(f"{size / 1000:8.0f}K {k:6} {b / cpu:7.1f} {cpu / b:9.4f} {rss / 1024:8.0f}")
            os.unlink(path)


if __name__ == '__main__':
    main()
    corpus = os.path.join(SHARED, 'corpus')
    if os.path.isdir(corpus):
        files = sorted(os.path.join(corpus, d, d + '.jsonl') for d in os.listdir(corpus)
                       if os.path.isfile(os.path.join(corpus, d, d + '.jsonl')))
        if 'ANNALS_BENCH_NO_INGEST' not in os.environ:
            bench_ingest(files)
        bench_stages(files)
