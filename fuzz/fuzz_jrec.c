/*
 * fuzz_jrec.c: fuzz target for the record reader of the store (jrec.c),
 * which parses the JSON records the sink hands over: any bytes, parsed and
 * walked, must give a tree or an error, never a crash.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "annals.h"
#include "jrec.h"

static size_t walk(const an_jval *v, int depth)
{
	size_t n = 0;
	for (; v && depth < 100000; v = v->next, n++)
		n += walk(v->kid, depth + 1);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static an_arena *a;
	if (!a)
		a = an_arena_new(NULL);
	an_arena_reset(a);
	const char *err = NULL;
	an_jval *v = an_jrec_parse(a, (const char *)data, size, &err);
	if (v) {
		walk(v, 0);
		an_jstr(v, "type");
		an_jnum(v, "start", 0);
		an_jget(v, "evidence");
	}
	return 0;
}

#ifdef FUZZ_REPLAY
#include "fuzz_replay.h"
#endif
