# annals: plain GNU make. Targets: all test check fuzz bench eval golden
# deps format clean web. See README.md.

CC      ?= cc
CWARNS  = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wpointer-arith \
          -Wformat=2 -Wno-format-nonliteral -Wundef
CSTD    = -std=c11 -D_GNU_SOURCE
OPT     ?= -O2 -g
PKGS    = gumbo sqlite3 libpq
PKGCFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lutf8proc
DATADIR ?= $(CURDIR)/data
WEBDIR  ?= $(CURDIR)/web
CFLAGS  += $(CSTD) $(OPT) $(CWARNS) -pthread -Iinclude -fvisibility=hidden \
           -DANNALS_DATADIR='"$(DATADIR)"' $(PKGCFLAGS)
LDLIBS  += $(PKGLIBS) -pthread
# annals serve: libmicrohttpd, threads; the page's files from $(WEBDIR)
SERVELIBS := $(shell pkg-config --libs libmicrohttpd 2>/dev/null) -lpthread
SERVEOBJ = src/serve.o src/serve_api.o

# The library, in pipeline order (main.c is the command).
LIBSRC = src/arena.c src/map.c src/text.c src/read.c src/jsonl.c src/html.c \
         src/meta.c src/date.c src/seg.c src/dict.c src/entity.c \
         src/match.c src/roles.c src/discover.c src/datafile.c src/evdict.c src/when.c \
         src/quote.c src/event.c src/support.c \
         src/write.c src/fingerprint.c src/annals.c src/par.c \
         src/jrec.c src/db.c src/db_sqlite.c src/db_pg.c src/schema.c \
         src/store.c src/query.c src/profile.c src/browse.c src/network.c src/export.c
LIBOBJ = $(LIBSRC:.c=.o)
HDRS   = include/annals.h $(wildcard src/*.h)

TESTSRC = $(wildcard tests/test_*.c)

.PHONY: all test check fuzz tsan bench bench-serve eval golden deps format clean sample web

all: annals

libannals.a: $(LIBOBJ)
	$(AR) rcs $@ $^

src/%.o: src/%.c $(HDRS)
	$(CC) $(CFLAGS) -c $< -o $@

src/serve.o: src/serve.c $(HDRS)
	$(CC) $(CFLAGS) -DANNALS_WEBDIR='"$(WEBDIR)"' -c $< -o $@

annals: src/main.o src/cli_store.o $(SERVEOBJ) libannals.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ src/main.o src/cli_store.o $(SERVEOBJ) libannals.a \
	      $(LDLIBS) $(SERVELIBS)

# The page's front-end libraries (and the browser tests' driver), from npm
# at the versions of web/package-lock.json, into web/node_modules.
web: web/node_modules/.installed
web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

tests/run: tests/runner.c $(TESTSRC) tests/runner.h libannals.a
	$(CC) $(CFLAGS) -Isrc -o $@ tests/runner.c $(TESTSRC) libannals.a $(LDLIBS)

# Plain replayers of the fuzz targets: seeds and past crashers run in `make test`.
FUZZNAMES = text html jsonl pipeline jrec
REPLAYS = $(FUZZNAMES:%=fuzz/replay_%)
fuzz/replay_%: fuzz/fuzz_%.c fuzz/fuzz_common.h fuzz/fuzz_replay.h libannals.a
	$(CC) $(CFLAGS) -Isrc -DFUZZ_REPLAY -o $@ $< libannals.a $(LDLIBS)

# Every test: the unit suites, the golden files, the command line, the
# table of bad inputs, the store (over PostgreSQL too when ANNALS_TEST_PG
# names a database), the server's API (curl) and page (headless
# Chromium), coding on threads and in shards (with the GNU parallel
# recipe) and the fuzz seeds and regression inputs.
test: annals tests/run $(REPLAYS) web
	./tests/run
	python3 tools/checkevents.py
	sh tests/golden.sh
	sh tests/cli.sh
	sh tests/bad.sh
	sh tests/store.sh
	sh tests/serve.sh
	sh tests/e2e/run.sh
	sh tests/scale.sh
	for r in $(FUZZNAMES); do \
	  ./fuzz/replay_$$r fuzz/seeds/fuzz_$$r/* $$(ls -d fuzz/regress/fuzz_$$r/* 2>/dev/null) || exit 1; \
	done

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
check:
	$(MAKE) clean-objs
	$(MAKE) OPT="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	        LDFLAGS="-fsanitize=address,undefined" test
	$(MAKE) clean-objs

# libFuzzer targets (clang), run for a fixed number of inputs each.
FUZZ_RUNS ?= 20000
FUZZERS = $(FUZZNAMES:%=fuzz/fuzz_%)
fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(LIBSRC) $(HDRS)
	clang $(CSTD) -O1 -g -fsanitize=fuzzer,address,undefined -pthread -Iinclude -Isrc \
	      -DANNALS_DATADIR='"$(DATADIR)"' $(PKGCFLAGS) -o $@ $< $(LIBSRC) $(LDLIBS)
fuzz: $(FUZZERS)
	for f in $(FUZZERS); do \
	  n=$$(basename $$f); mkdir -p fuzz/corpus/$$n fuzz/regress/$$n; \
	  ./$$f -runs=$(FUZZ_RUNS) -max_len=8192 fuzz/corpus/$$n fuzz/seeds/$$n || exit 1; \
	done

# ThreadSanitizer: a corpus slice coded on four threads must race-free
# give the bytes of one thread.
TSAN_BIN = tests/annals-tsan
$(TSAN_BIN): src/main.c src/cli_store.c $(SERVEOBJ:.o=.c) $(LIBSRC) $(HDRS)
	clang $(CSTD) -O1 -g -fsanitize=thread -pthread -Iinclude -Isrc \
	      -DANNALS_DATADIR='"$(DATADIR)"' -DANNALS_WEBDIR='"$(WEBDIR)"' $(PKGCFLAGS) \
	      -o $@ src/main.c src/cli_store.c $(SERVEOBJ:.o=.c) $(LIBSRC) $(LDLIBS) $(SERVELIBS)
tsan: $(TSAN_BIN)
	$(MAKE) annals
	sh tests/tsan.sh ./$(TSAN_BIN)

bench: annals
	sh bench/bench.sh
	python3 bench/serve.py

# The server alone under wrk: requests/s and p99 latency of the API.
bench-serve: annals
	python3 bench/serve.py

eval: annals
	sh tools/eval.sh

golden: annals
	sh tests/golden.sh --update

sample: annals
	sh tools/sample.sh

deps:
	sh tools/install-deps.sh

format:
	clang-format -i src/*.c src/*.h include/annals.h tests/*.c fuzz/*.c

clean-objs:
	rm -f src/*.o libannals.a annals tests/run $(REPLAYS)

clean: clean-objs
	rm -f $(FUZZERS) $(TSAN_BIN)
