#!/usr/bin/env python3
"""make bench (the server): requests per second and p99 latency of the
`annals serve` API under load, with wrk on the loopback interface.

A database is ingested from ../shared/corpus/bbc and ../shared/seeds when
present (else from samples/articles), served on a free port of 127.0.0.1,
and each endpoint below gets a bounded run: wrk, 2 threads, 16 connections,
5 seconds, --latency. Prints requests/s, the p99 latency and the errors of
each; exits 1 when any request failed (a socket error or a status other than
2xx/3xx) or wrk is missing.
"""
import os, re, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.environ.get('ANNALS_SHARED', os.path.join(ROOT, '..', 'shared'))
ANNALS = os.path.join(ROOT, 'annals')
SECONDS = os.environ.get('ANNALS_BENCH_SECONDS', '5')
ENDPOINTS = [
    '/api/events?limit=50',
    '/api/events?root=19&limit=50',
    '/api/search?q=minister&limit=20',
    '/api/search?q=%22prime+minister%22+election&limit=20',
]


def inputs():
    found = [p for p in (os.path.join(SHARED, 'corpus', 'bbc'), os.path.join(SHARED, 'seeds'))
             if os.path.isdir(p)]
    return found or [os.path.join(ROOT, 'samples', 'articles')]


def start(db):
    p = subprocess.Popen([ANNALS, 'serve', '--db', db, '--port', '0', '--threads', '4'],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    m = re.search(r' at (http://\S+)', line)
    if not m:
        p.kill()
        sys.exit('bench: the server did not start: ' + p.stderr.read()[:300])
    return p, m.group(1).rstrip('/')


def to_ms(v, unit):
    return float(v) * {'us': 1e-3, 'ms': 1.0, 's': 1e3}[unit]


def wrk(url):
    out = subprocess.run(['wrk', '-t2', '-c16', '-d' + SECONDS + 's', '--latency', url],
                         capture_output=True, text=True).stdout
    rps = re.search(r'Requests/sec:\s+([0-9.]+)', out)
    p99 = re.search(r'^\s+99%\s+([0-9.]+)(us|ms|s)\s*$', out, re.M)
    total = re.search(r'(\d+) requests in', out)
    non2xx = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', out)
    sock = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)', out)
    if not (rps and p99 and total):
        sys.exit('bench: cannot read the output of wrk:\n' + out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sock.groups())) if sock else 0)
    return float(rps.group(1)), to_ms(*p99.groups()), int(total.group(1)), errors


def main():
    if not shutil.which('wrk'):
        sys.exit('bench: wrk is missing (make deps)')
    tmp = tempfile.mkdtemp()
    server = None
    try:
        db = os.path.join(tmp, 'bench.db')
        src = inputs()
        t0 = time.time()
        subprocess.run([ANNALS, 'ingest', '-q', '--db', db] + src, check=False)
        print(f'serve: database of {", ".join(os.path.basename(s) for s in src)} '
              f'({os.path.getsize(db) / 1e6:.1f} MB, ingested in {time.time() - t0:.1f} s); '
              f'wrk -t2 -c16 -d{SECONDS}s on 127.0.0.1')
        server, base = start(db)
        print(f'{"endpoint":52} {"requests/s":>10} {"p99 ms":>8} {"requests":>9} {"errors":>6}')
        failed = 0
        for ep in ENDPOINTS:
            rps, p99, n, errors = wrk(base + ep)
            failed += errors
            print(f'{ep:52} {rps:10.0f} {p99:8.2f} {n:9d} {errors:6d}')
        if failed:
            sys.exit(f'bench: {failed} requests failed')
    finally:
        if server:
            server.terminate()
            server.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
