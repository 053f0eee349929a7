/*
 * fuzz_pipeline.c: fuzz target for the whole pipeline with the run-level
 * records. The first byte picks the options (per-document records,
 * sentences, the network table and its roll-up, no discovery, explain);
 * the rest is split at form feeds into documents, each read as text, HTML
 * or JSON Lines by its first byte; then annals_finish writes the entity,
 * support and incident records (or the table) of them all.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"

static int discard(void *ud, const char *p, size_t n)
{
	(void)ud;
	(void)p;
	(void)n;
	return 0;
}

static void no_explain(void *ud, const char *doc, const char *trace)
{
	(void)ud;
	(void)doc;
	(void)trace;
}

static const unsigned opt_bits[] = {
	ANNALS_OPT_PER_DOC, ANNALS_OPT_SENTENCES, ANNALS_OPT_NETWORK,
	ANNALS_OPT_ROLLUP, ANNALS_OPT_NO_DISCOVERY, ANNALS_OPT_EXPLAIN};

static annals_ctx *ctx_for(unsigned sel)
{
	static annals_ctx *cache[64];
	sel &= 63;
	if (!cache[sel]) {
		unsigned opts = 0;
		for (int i = 0; i < 6; i++)
			if (sel >> i & 1)
				opts |= opt_bits[i];
		if (!(opts & ANNALS_OPT_NETWORK))
			opts &= ~ANNALS_OPT_ROLLUP;
		const char *dir = getenv("ANNALS_FUZZ_DATA");
		if (annals_ctx_new(&cache[sel], dir ? dir : "tests/data",
				   opts & ~ANNALS_OPT_EXPLAIN, NULL)) {
			fprintf(stderr, "fuzz: %s\n", annals_errmsg(cache[sel]));
			abort();
		}
		annals_set_sink(cache[sel], discard, NULL);
		if (opts & ANNALS_OPT_EXPLAIN)
			annals_set_explain(cache[sel], no_explain, NULL);
	}
	return cache[sel];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!size)
		return 0;
	annals_ctx *ctx = ctx_for(data[0]);
	const char *p = (const char *)data + 1, *end = (const char *)data + size;
	while (p <= end) {
		const char *ff = memchr(p, '\f', (size_t)(end - p));
		const char *e = ff ? ff : end;
		if (e > p) {
			static const annals_format fmts[] = {ANNALS_FMT_TEXT, ANNALS_FMT_HTML,
							     ANNALS_FMT_JSONL, ANNALS_FMT_AUTO};
			annals_format f = fmts[(unsigned char)*p & 3];
			annals_code_buffer(ctx, "fuzz", p + 1, (size_t)(e - p - 1), f);
		}
		p = e + 1;
	}
	annals_finish(ctx);
	return 0;
}

#ifdef FUZZ_REPLAY
#include "fuzz_replay.h"
#endif
