/*
 * serve_api.c: the JSON API of annals serve. A path below /api/ and its
 * parameters become an annals_query (each parameter checked against the
 * route's list and its own form: numbers, dates, codes, names from fixed
 * sets), the store answers in JSON Lines, and the lines become one JSON
 * document: a page of items with offset, limit and whether more follow,
 * one record, or the parts of a document or a network. The store binds
 * every value as a parameter; nothing here writes SQL.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve.h"

/* ---- buffers ------------------------------------------------------------------- */

void sv_add(sv_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			fputs("annals: out of memory\n", stderr);
			abort();
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

void sv_puts(sv_buf *b, const char *s) { sv_add(b, s, strlen(s)); }

void sv_printf(sv_buf *b, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n > 0)
		sv_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

void sv_json_str(sv_buf *b, const char *s)
{
	sv_add(b, "\"", 1);
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			char e[2] = {'\\', (char)c};
			sv_add(b, e, 2);
		} else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
			sv_printf(b, "\\u%04x", c);
		} else {
			sv_add(b, s, 1);
		}
	}
	sv_add(b, "\"", 1);
}

void sv_free(sv_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

void an_api_error(sv_reply *out, int status, const char *msg)
{
	out->status = status;
	out->body.len = 0;
	sv_printf(&out->body, "{\"error\":{\"status\":%d,\"message\":", status);
	sv_json_str(&out->body, msg);
	sv_puts(&out->body, "}}\n");
}

/* ---- parameters ------------------------------------------------------------------ */

typedef struct req {
	annals_store *st;
	const sv_param *p;
	int np;
	sv_reply *out;
	char err[256];
} req;

/* The value of parameter key, or NULL. */
static const char *param(const req *r, const char *key)
{
	for (int i = 0; i < r->np; i++)
		if (!strcmp(r->p[i].key, key))
			return r->p[i].val ? r->p[i].val : "";
	return NULL;
}

static int bad(req *r, const char *fmt, const char *arg)
{
	snprintf(r->err, sizeof r->err, fmt, arg);
	return -1;
}

/* Whether s is UTF-8 without control characters. */
static int clean_text(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	while (*u) {
		size_t l = *u < 0x80 ? 1 : (*u & 0xE0) == 0xC0 ? 2 : (*u & 0xF0) == 0xE0 ? 3
			 : (*u & 0xF8) == 0xF0 ? 4 : 0;
		if (!l || (*u < 0x80 && (*u < 0x20 || *u == 0x7F)) || (l == 2 && *u < 0xC2))
			return 0;
		for (size_t i = 1; i < l; i++)
			if ((u[i] & 0xC0) != 0x80)
				return 0;
		u += l;
	}
	return 1;
}

/* Every parameter is one the route knows (names separated by spaces), at
 * most once, with a clean value of at most 200 bytes. */
static int check_names(req *r, const char *known)
{
	for (int i = 0; i < r->np; i++) {
		const char *k = r->p[i].key, *v = r->p[i].val ? r->p[i].val : "";
		size_t n = strlen(k);
		const char *at = known;
		while ((at = strstr(at, k)) &&
		       !((at == known || at[-1] == ' ') && (at[n] == ' ' || !at[n])))
			at++;
		if (!n || !at || !clean_text(k))
			return bad(r, "unknown parameter '%.60s'", clean_text(k) ? k : "?");
		for (int j = 0; j < i; j++)
			if (!strcmp(r->p[j].key, k))
				return bad(r, "parameter '%.60s' given twice", k);
		if (strlen(v) > 200 || !clean_text(v))
			return bad(r, "parameter '%.60s': too long or not text", k);
	}
	return 0;
}

static int all_digits(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n >= min && n <= max;
}

/* A non-negative integer parameter below 10^7 (def when absent). */
static int get_long(req *r, const char *key, long def, long *out)
{
	const char *v = param(r, key);
	*out = def;
	if (!v)
		return 0;
	if (!all_digits(v, 1, 7))
		return bad(r, "parameter '%s' needs a whole number", key);
	*out = atol(v);
	return 0;
}

/* limit (1.., capped at max; def when absent) and offset. */
static int get_page(req *r, long def, long max, long *limit, long *offset)
{
	if (get_long(r, "limit", def, limit) || get_long(r, "offset", 0, offset))
		return -1;
	if (*limit < 1)
		return bad(r, "parameter '%s' must be at least 1", "limit");
	if (*limit > max)
		*limit = max;
	return 0;
}

/* A date at any precision: YYYY, YYYY-MM or YYYY-MM-DD. */
static int is_date(const char *s)
{
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* v is one of the words of set (separated by spaces). */
static int one_of(const char *v, const char *set)
{
	size_t n = strlen(v);
	for (const char *p = set; n && (p = strstr(p, v)); p++)
		if ((p == set || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return 1;
	return 0;
}

static const char MODALITIES[] = "asserted reported claimed negated hypothetical";
static const char SUPPORT_KINDS[] = "weapons funding training expertise materiel "
				    "troops territory intelligence political unspecified";
static const char ENTITY_KINDS[] = "person organization country place media other";

/* The filters shared by events, quotes, support and the network. */
static int get_filters(req *r, annals_query *q)
{
	q->actor = param(r, "actor");
	if (!q->actor)
		q->actor = param(r, "speaker");
	q->source = param(r, "source");
	q->target = param(r, "target");
	q->place = param(r, "place");
	q->doc = param(r, "doc");
	q->from = param(r, "from");
	q->to = param(r, "to");
	q->code = param(r, "code");
	q->root = param(r, "root");
	q->modality = param(r, "modality");
	q->support_kind = param(r, "kind");
	const char *ru = param(r, "roll_up");
	const char *strs[] = {q->actor, q->source, q->target, q->place, q->doc};
	for (size_t i = 0; i < sizeof strs / sizeof *strs; i++)
		if (strs[i] && !*strs[i])
			return bad(r, "an empty %s", "name");
	if (q->from && !is_date(q->from))
		return bad(r, "from: '%.20s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", q->from);
	if (q->to && !is_date(q->to))
		return bad(r, "to: '%.20s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", q->to);
	if (q->code && !all_digits(q->code, 1, 4))
		return bad(r, "code: '%.20s' is not a CAMEO code (up to four digits)", q->code);
	if (q->root && !all_digits(q->root, 2, 2))
		return bad(r, "root: '%.20s' is not a CAMEO root code (two digits)", q->root);
	if (q->modality && !one_of(q->modality, MODALITIES))
		return bad(r, "modality: '%.20s' is not one of asserted, reported, claimed, "
			   "negated, hypothetical", q->modality);
	if (q->support_kind && !one_of(q->support_kind, SUPPORT_KINDS))
		return bad(r, "kind: '%.20s' is not a kind of support", q->support_kind);
	if (ru && !one_of(ru, "0 1 true false"))
		return bad(r, "roll_up: '%.20s' is not 0, 1, true or false", ru);
	q->rollup = ru && (!strcmp(ru, "1") || !strcmp(ru, "true"));
	return 0;
}

/* ---- running a query -------------------------------------------------------------- */

static int to_buf(void *ud, const char *p, size_t n)
{
	sv_add(ud, p, n);
	return 0;
}

static int status_of(int rc, int not_found)
{
	switch (rc) {
	case ANNALS_EUSAGE: return not_found ? 404 : 400;
	case ANNALS_ETIMEOUT: return 503;
	default: return 500;
	}
}

/* Runs q into lines; on failure the error reply is made and -1 returned. */
static int run(req *r, const annals_query *q, annals_output fmt, sv_buf *lines,
	       int not_found)
{
	int rc = annals_store_query(r->st, q, fmt, to_buf, lines);
	if (!rc)
		return 0;
	int status = status_of(rc, not_found);
	if (status == 500)
		fprintf(stderr, "annals: serve: %s\n", annals_store_errmsg(r->st));
	an_api_error(r->out, status, status == 500 ? "the store failed; see the server's log"
				    : annals_store_errmsg(r->st));
	return -1;
}

/* Appends the JSON Lines in lines as array elements (at most max; -1 for
 * all); returns how many there were. Only lines whose type is want
 * (NULL: any) count. */
static long put_items(sv_buf *b, const sv_buf *lines, const char *want, long max)
{
	char head[48] = "";
	if (want)
		snprintf(head, sizeof head, "{\"type\":\"%s\"", want);
	long n = 0, shown = 0;
	sv_puts(b, "[");
	for (size_t i = 0; i < lines->len;) {
		const char *p = lines->p + i, *e = memchr(p, '\n', lines->len - i);
		size_t len = e ? (size_t)(e - p) : lines->len - i;
		i += len + 1;
		if (!len || (want && strncmp(p, head, strlen(head))))
			continue;
		n++;
		if (max >= 0 && shown >= max)
			continue;
		if (shown++)
			sv_puts(b, ",");
		sv_add(b, p, len);
	}
	sv_puts(b, "]");
	return n;
}

/* A page of items: the query asks for one more than the limit, to know
 * whether more follow. */
static void page(req *r, annals_query *q, const char *extra)
{
	sv_buf lines = {0};
	long limit = q->limit;
	q->limit = limit + 1;
	if (!run(r, q, ANNALS_OUT_JSON, &lines, 0)) {
		sv_buf *b = &r->out->body;
		sv_puts(b, "{");
		if (extra)
			sv_puts(b, extra);
		sv_puts(b, "\"items\":");
		long n = put_items(b, &lines, NULL, limit);
		sv_printf(b, ",\"offset\":%ld,\"limit\":%ld,\"more\":%s}\n", q->offset, limit,
			  n > limit ? "true" : "false");
	}
	sv_free(&lines);
}

/* ---- the routes ------------------------------------------------------------------- */

static void api_stats(req *r, const char *id)
{
	(void)id;
	annals_query q = {.kind = ANNALS_Q_STATS};
	sv_buf lines = {0};
	if (!run(r, &q, ANNALS_OUT_JSON, &lines, 0))
		sv_add(&r->out->body, lines.p, lines.len);
	sv_free(&lines);
}

static void api_events(req *r, const char *id)
{
	(void)id;
	annals_query q = {.kind = ANNALS_Q_EVENTS, .doc_dates = 1};
	if (!get_filters(r, &q) && !get_page(r, 50, 500, &q.limit, &q.offset))
		page(r, &q, NULL);
}

static void api_quotes(req *r, const char *id)
{
	(void)id;
	annals_query q = {.kind = ANNALS_Q_QUOTES, .doc_dates = 1};
	if (!get_filters(r, &q) && !get_page(r, 50, 500, &q.limit, &q.offset))
		page(r, &q, NULL);
}

static void api_support(req *r, const char *id)
{
	(void)id;
	annals_query q = {.kind = ANNALS_Q_SUPPORT};
	if (!get_filters(r, &q) && !get_page(r, 50, 500, &q.limit, &q.offset))
		page(r, &q, NULL);
}

static void api_entities(req *r, const char *id)
{
	(void)id;
	annals_query q = {.kind = ANNALS_Q_ENTITIES};
	q.text = param(r, "q");
	q.entity_kind = param(r, "kind");
	if (q.entity_kind && !one_of(q.entity_kind, ENTITY_KINDS)) {
		bad(r, "kind: '%.20s' is not person, organization, country, place, media "
		    "or other", q.entity_kind);
		return;
	}
	if (!get_page(r, 50, 500, &q.limit, &q.offset))
		page(r, &q, NULL);
}

/* The entity whose id is id (a name or an alias finds it too, but the
 * answer is the record of that id). */
static void api_entity(req *r, const char *id)
{
	annals_query q = {.kind = ANNALS_Q_ENTITY, .actor = id};
	sv_buf lines = {0}, head = {0};
	if (!run(r, &q, ANNALS_OUT_JSON, &lines, 1)) {
		/* the record's start as the store writes it (id has no control
		 * characters: only quotes and backslashes are escaped) */
		sv_puts(&head, "{\"type\":\"entity\",\"id\":\"");
		for (const char *c = id; *c; c++) {
			if (*c == '"' || *c == '\\')
				sv_add(&head, "\\", 1);
			sv_add(&head, c, 1);
		}
		sv_puts(&head, "\",");
		const char *p = lines.p ? strstr(lines.p, head.p) : NULL;
		while (p && p != lines.p && p[-1] != '\n')
			p = strstr(p + 1, head.p);
		if (p) {
			const char *e = strchr(p, '\n');
			sv_add(&r->out->body, p, e ? (size_t)(e - p) + 1 : strlen(p));
		} else {
			an_api_error(r->out, 404, "no entity with that id (a name or an alias "
				     "names another)");
		}
	}
	sv_free(&lines);
	sv_free(&head);
}

static void api_document(req *r, const char *id)
{
	annals_query q = {.kind = ANNALS_Q_DOCUMENT, .doc = id};
	sv_buf lines = {0};
	if (!run(r, &q, ANNALS_OUT_JSON, &lines, 1)) {
		sv_buf *b = &r->out->body;
		const char *e = memchr(lines.p, '\n', lines.len);
		sv_puts(b, "{\"document\":");
		sv_add(b, lines.p, e ? (size_t)(e - lines.p) : lines.len);
		static const char *const parts[] = {"mention", "event", "quote"};
		for (int i = 0; i < 3; i++) {
			sv_printf(b, ",\"%ss\":", parts[i]);
			put_items(b, &lines, parts[i], -1);
		}
		sv_puts(b, "}\n");
	}
	sv_free(&lines);
}

static void api_search(req *r, const char *id)
{
	(void)id;
	annals_query q = {.kind = ANNALS_Q_SEARCH};
	q.text = param(r, "q");
	if (!q.text || !*q.text) {
		bad(r, "search needs words: %s", "q=...");
		return;
	}
	if (get_page(r, 20, 200, &q.limit, &q.offset))
		return;
	/* entities whose name holds the words, on the first page */
	sv_buf extra = {0}, lines = {0};
	sv_puts(&extra, "\"query\":");
	sv_json_str(&extra, q.text);
	sv_puts(&extra, ",\"entities\":");
	annals_query e = {.kind = ANNALS_Q_ENTITIES, .text = q.text, .limit = 8};
	if (q.offset == 0 && run(r, &e, ANNALS_OUT_JSON, &lines, 0)) {
		sv_free(&lines);
		sv_free(&extra);
		return;
	}
	put_items(&extra, &lines, NULL, -1);
	sv_puts(&extra, ",");
	page(r, &q, extra.p);
	sv_free(&lines);
	sv_free(&extra);
}

static void api_network(req *r, const char *id)
{
	(void)id;
	annals_query q = {.kind = ANNALS_Q_SUPPORT};
	const char *of = param(r, "of");
	if (of && !one_of(of, "support events")) {
		bad(r, "of: '%.20s' is not support or events", of);
		return;
	}
	if (of && !strcmp(of, "events"))
		q.kind = ANNALS_Q_EVENTS;
	long offset;
	if (get_filters(r, &q) || get_page(r, 300, 3000, &q.limit, &offset))
		return;
	if (offset) {
		bad(r, "the network has no pages: %s", "use limit (the heaviest edges)");
		return;
	}
	sv_buf lines = {0};
	if (!run(r, &q, ANNALS_OUT_GRAPH, &lines, 0)) {
		sv_buf *b = &r->out->body;
		sv_printf(b, "{\"of\":\"%s\",\"limit\":%ld,\"nodes\":",
			  q.kind == ANNALS_Q_EVENTS ? "events" : "support", q.limit);
		put_items(b, &lines, "node", -1);
		sv_puts(b, ",\"edges\":");
		put_items(b, &lines, "edge", -1);
		sv_puts(b, "}\n");
	}
	sv_free(&lines);
}

typedef struct route {
	const char *path;  /* below /api/; ending in '/' takes an id after it */
	const char *params; /* the parameters it knows */
	void (*fn)(req *r, const char *id);
} route;

#define FILTERS "actor source target from to doc roll_up limit offset"

static const route routes[] = {
	{"stats", "", api_stats},
	{"search", "q limit offset", api_search},
	{"entities", "q kind limit offset", api_entities},
	{"entities/", "", api_entity},
	{"events", FILTERS " code root place modality", api_events},
	{"quotes", FILTERS " speaker", api_quotes},
	{"support", FILTERS " kind modality", api_support},
	{"network", FILTERS " of code root place modality kind", api_network},
	{"documents/", "", api_document},
};

void an_api_answer(annals_store *st, const char *path, const sv_param *params,
		   int nparams, sv_reply *out)
{
	req r = {st, params, nparams, out, ""};
	out->status = 200;
	out->body.len = 0;
	for (size_t i = 0; i < sizeof routes / sizeof *routes; i++) {
		const route *rt = &routes[i];
		size_t n = strlen(rt->path);
		int takes_id = rt->path[n - 1] == '/';
		if (takes_id ? strncmp(path, rt->path, n) || !path[n] : strcmp(path, rt->path))
			continue;
		const char *id = takes_id ? path + n : NULL;
		if (id && (strlen(id) > 300 || !clean_text(id))) {
			an_api_error(out, 404, "no such id");
			return;
		}
		if (check_names(&r, rt->params)) {
			an_api_error(out, 400, r.err);
			return;
		}
		rt->fn(&r, id);
		if (r.err[0])
			an_api_error(out, 400, r.err);
		return;
	}
	an_api_error(out, 404, "no such API path (stats, search, entities, entities/ID, "
			       "events, quotes, support, network, documents/ID)");
}
