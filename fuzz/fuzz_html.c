/* fuzz_html.c: fuzz target for the html reader and the whole pipeline behind it. */
#define FUZZ_FORMAT ANNALS_FMT_HTML
#include "fuzz_common.h"
