/*
 * fuzz_common.h: shared body of the reader fuzz targets. Each target codes
 * its input as one format with the small test dictionary; records go
 * nowhere. Built with libFuzzer (clang) or, with FUZZ_REPLAY, as a plain
 * program that replays the files named on its command line.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "annals.h"

static int discard(void *ud, const char *p, size_t n)
{
	(void)ud;
	(void)p;
	(void)n;
	return 0;
}

static annals_ctx *fuzz_ctx(void)
{
	static annals_ctx *ctx;
	if (!ctx) {
		const char *dir = getenv("ANNALS_FUZZ_DATA");
		if (annals_ctx_new(&ctx, dir ? dir : "tests/data", 0, NULL)) {
			fprintf(stderr, "fuzz: %s\n", annals_errmsg(ctx));
			abort();
		}
		annals_set_sink(ctx, discard, NULL);
	}
	return ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	annals_ctx *ctx = fuzz_ctx();
	annals_code_buffer(ctx, "fuzz", (const char *)data, size, FUZZ_FORMAT);
	annals_finish(ctx);
	return 0;
}

#ifdef FUZZ_REPLAY
#include "fuzz_replay.h"
#endif
