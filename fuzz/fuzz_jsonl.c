/* fuzz_jsonl.c: fuzz target for the jsonl reader and the whole pipeline behind it. */
#define FUZZ_FORMAT ANNALS_FMT_JSONL
#include "fuzz_common.h"
