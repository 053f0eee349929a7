/*
 * jrec.h: a small JSON tree for the records the library writes (SCHEMA.md),
 * as the store reads them back: every value is parsed into an arena, with
 * its raw span kept so arrays and objects can be stored as written.
 */
#ifndef AN_JREC_H
#define AN_JREC_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

enum { AN_J_NULL, AN_J_BOOL, AN_J_NUM, AN_J_STR, AN_J_ARR, AN_J_OBJ };

typedef struct an_jval {
	uint8_t type;        /* AN_J_* */
	const char *key;     /* member name inside an object, else NULL */
	const char *s;       /* a string, decoded and NUL-terminated */
	size_t len;          /* its bytes */
	double num;          /* a number; a boolean as 0 or 1 */
	const char *raw;     /* the value as written in the input */
	size_t rawlen;
	struct an_jval *kid; /* first element or member */
	struct an_jval *next;
} an_jval;

/* Parses the JSON value in s[0, n) (borrowed; raw spans point into it) into
 * a tree in a. Returns the root, or NULL with *errmsg (static) set. Nesting
 * deeper than 64 levels is refused. */
an_jval *an_jrec_parse(an_arena *a, const char *s, size_t n,
		       const char **errmsg);

/* The member key of object o, or NULL. */
const an_jval *an_jget(const an_jval *o, const char *key);
/* The string member key, or NULL when absent or not a string. */
const char *an_jstr(const an_jval *o, const char *key);
/* The number member key, or def when absent or not a number. */
double an_jnum(const an_jval *o, const char *key, double def);

#endif
