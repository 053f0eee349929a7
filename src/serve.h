/*
 * serve.h: the `annals serve` command (serve.c: the HTTP server, its
 * assets and limits) and its JSON API (serve_api.c: a request's path and
 * parameters in, a status and a JSON body out, over annals.h's store
 * queries; no HTTP in it, so it can be tested and read on its own).
 */
#ifndef AN_SERVE_H
#define AN_SERVE_H

#include <stdio.h>

#include "annals.h"

/* serve.c: annals serve [--db FILE|URL] [--port N] ...; an exit status. */
int an_cmd_serve(int argc, char **argv);
void an_usage_serve(FILE *f);

/* A growable byte buffer; p is NUL-terminated once anything is in it. */
typedef struct sv_buf {
	char *p;
	size_t len, cap;
} sv_buf;

void sv_add(sv_buf *b, const char *s, size_t n);
void sv_puts(sv_buf *b, const char *s);
void sv_printf(sv_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* s as a JSON string; '<', '>' and '&' escaped too. s must be UTF-8. */
void sv_json_str(sv_buf *b, const char *s);
void sv_free(sv_buf *b);

/* One query parameter (borrowed strings; val NULL for a bare key). */
typedef struct sv_param {
	const char *key, *val;
} sv_param;

#define SV_MAX_PARAMS 32

/* The answer to an API request: an HTTP status and a JSON body (owned by
 * the caller: sv_free). */
typedef struct sv_reply {
	int status;
	sv_buf body;
} sv_reply;

/* Answers GET path (below /api/, decoded) with its parameters from st.
 * Every answer is JSON: the result, or {"error":{"status","message"}} with
 * 400 (bad parameters), 404 (no such path, entity or document), 503 (the
 * query ran past its time limit) or 500 (the store failed). */
void an_api_answer(annals_store *st, const char *path, const sv_param *params,
		   int nparams, sv_reply *out);

/* An error reply with its JSON body. */
void an_api_error(sv_reply *out, int status, const char *msg);

#endif
