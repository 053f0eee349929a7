/* fuzz_text.c: fuzz target for the text reader and the whole pipeline behind it. */
#define FUZZ_FORMAT ANNALS_FMT_TEXT
#include "fuzz_common.h"
