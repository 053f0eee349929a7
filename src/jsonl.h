/*
 * jsonl.h: the JSON Lines article parser. One line is one JSON object
 * (RFC 8259); the string fields id, title, date, source and text are
 * decoded, every other value is checked and skipped.
 */
#ifndef AN_JSONL_H
#define AN_JSONL_H

#include <stddef.h>

#include "arena.h"

typedef struct an_jart {
	const char *id, *title, *date, *source; /* NUL-terminated, or NULL */
	const char *text;                       /* decoded, or NULL */
	size_t text_len;
} an_jart;

/* Parses the object in s[0, n) into out (strings in a). Returns 0, or -1
 * with *errpos (byte offset in s) and *errmsg (static) set. */
int an_jsonl_parse(an_arena *a, const char *s, size_t n, an_jart *out,
		   size_t *errpos, const char **errmsg);

#endif
