/*
 * annals.c: the run context and one document's way through the pipeline:
 * read -> meta (exclusions, title, date, authors) -> segment -> dictionary
 * matches -> discovery -> document-local names -> records.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "html.h"

#ifndef ANNALS_DATADIR
#define ANNALS_DATADIR "data"
#endif

const char *annals_version(void) { return ANNALS_VERSION; }

const char *annals_strerror(int rc)
{
	/* ORDER RESULT_CODES */
	static const char *const msgs[] = {
		"ok", "input/output error", "malformed input", "empty input",
		"document too large", "dictionary error", "bad argument",
		"output refused", "database error", "database of another version",
		"query time limit passed"};
	return rc >= 0 && rc <= ANNALS_ETIMEOUT ? msgs[rc] : "unknown error";
}

static void *std_calloc(size_t n, size_t s) { return calloc(n, s); }
static void *std_realloc(void *p, size_t s) { return realloc(p, s); }
static void std_free(void *p) { free(p); }

void an_coder_init(an_coder *co, annals_ctx *ctx)
{
	memset(co, 0, sizeof *co);
	an_etab_init_doc(&co->ents, ctx->mem, ctx->dict);
	if (ctx->evdict)
		co->sup = an_suptab_new(ctx->mem);
	an_buf_init(&co->out, ctx->mem);
	an_buf_init(&co->trace, ctx->mem);
}

void an_coder_free(an_coder *co, annals_ctx *ctx)
{
	an_etab_free(&co->ents);
	an_suptab_free(co->sup);
	an_buf_free(&co->out);
	an_buf_free(&co->trace);
	an_free(ctx->mem, co->id);
	an_free(ctx->mem, co->file);
	memset(co, 0, sizeof *co);
}

int annals_ctx_new(annals_ctx **out, const char *datadir, unsigned opts,
		   const annals_mem *mem)
{
	annals_mem m = mem ? *mem : (annals_mem){std_calloc, std_realloc, std_free};
	annals_ctx *ctx = m.calloc(1, sizeof *ctx);
	if (!ctx) {
		*out = NULL;
		return ANNALS_EIO;
	}
	an_init_tables();
	ctx->memv = m;
	ctx->mem = &ctx->memv;
	ctx->opts = opts;
	ctx->max_doc = (size_t)64 << 20;
	ctx->arena = an_arena_new(ctx->mem);
	ctx->scratch = an_arena_new(ctx->mem);
	an_buf_init(&ctx->out, ctx->mem);
	*out = ctx;
	if (!datadir)
		datadir = getenv("ANNALS_DATA");
	if (!datadir)
		datadir = ANNALS_DATADIR;
	snprintf(ctx->datadir, sizeof ctx->datadir, "%s", datadir);
	int rc = an_dict_load(&ctx->dict, datadir, ctx->mem, ctx->err, sizeof ctx->err);
	an_etab_init(&ctx->ents, ctx->mem, ctx->dict);
	if (!rc && !(opts & ANNALS_OPT_NO_EVENTS)) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/events", datadir);
		rc = an_evdict_load(&ctx->evdict, dir, ctx->mem, ctx->err, sizeof ctx->err);
		snprintf(dir, sizeof dir, "%s/support", datadir);
		if (!rc)
			rc = an_supdict_load(&ctx->supdict, dir, ctx->mem, ctx->err,
					     sizeof ctx->err);
		if (!rc && !(ctx->sup = an_suptab_new(ctx->mem)))
			rc = ANNALS_EIO;
	}
	an_coder_init(&ctx->co, ctx);
	return rc;
}

void annals_ctx_free(annals_ctx *ctx)
{
	if (!ctx)
		return;
	an_par_free(ctx->par);
	an_coder_free(&ctx->co, ctx);
	an_etab_free(&ctx->ents);
	an_dict_free(ctx->dict);
	an_evdict_free(ctx->evdict);
	an_supdict_free(ctx->supdict);
	an_suptab_free(ctx->sup);
	an_arena_free(ctx->arena);
	an_arena_free(ctx->scratch);
	an_buf_free(&ctx->out);
	void (*fr)(void *) = ctx->memv.free;
	fr(ctx);
}

int annals_set_threads(annals_ctx *ctx, unsigned n)
{
	if (ctx->par) {
		int rc = an_par_drain(ctx->par);
		an_par_free(ctx->par);
		ctx->par = NULL;
		if (rc)
			return rc;
	}
	if (n <= 1)
		return ANNALS_OK;
	if (n > 256) {
		snprintf(ctx->err, sizeof ctx->err, "%u threads: at most 256", n);
		return ANNALS_EUSAGE;
	}
	return an_par_new(ctx, n, &ctx->par);
}

void annals_set_shard(annals_ctx *ctx, unsigned i, unsigned n)
{
	ctx->shard_i = i;
	ctx->shard_n = i < n ? n : 0;
}

unsigned annals_shard_of(const char *id, unsigned n)
{
	/* FNV-1a, 64 bits: the same on every host and build */
	uint64_t h = 0xcbf29ce484222325ULL;
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		h = (h ^ *p) * 0x100000001b3ULL;
	return n ? (unsigned)(h % n) : 0;
}

const char *annals_errmsg(const annals_ctx *ctx)
{
	return ctx ? ctx->err : "no context";
}

void annals_set_sink(annals_ctx *ctx, annals_sink_fn fn, void *ud)
{
	ctx->sink = fn;
	ctx->sink_ud = ud;
}

void annals_set_diag(annals_ctx *ctx, annals_diag_fn fn, void *ud)
{
	ctx->diag = fn;
	ctx->diag_ud = ud;
}

void annals_set_max_doc(annals_ctx *ctx, size_t bytes) { ctx->max_doc = bytes; }

void annals_set_doc_filter(annals_ctx *ctx, annals_doc_fn fn, void *ud)
{
	ctx->filter = fn;
	ctx->filter_ud = ud;
}

const char *annals_fingerprint(annals_ctx *ctx)
{
	if (!ctx->fingerprint[0])
		an_fingerprint(ctx->datadir, ctx->mem, ctx->fingerprint);
	return ctx->fingerprint;
}

size_t annals_dict_size(const annals_ctx *ctx)
{
	return ctx->dict ? an_dict_count(ctx->dict) : 0;
}

size_t annals_pattern_count(const annals_ctx *ctx)
{
	return an_evdict_npatterns(ctx->evdict);
}

void annals_set_explain(annals_ctx *ctx, annals_explain_fn fn, void *ud)
{
	ctx->explain = fn;
	ctx->explain_ud = ud;
	if (fn)
		ctx->opts |= ANNALS_OPT_EXPLAIN;
	else
		ctx->opts &= ~ANNALS_OPT_EXPLAIN;
}

/* Counts a diagnostic and hands it to the callback now. */
static void report(annals_ctx *ctx, int sev, const char *file, long line,
		   long byte, const char *msg)
{
	if (sev == ANNALS_ERROR)
		ctx->stats.errors++;
	else
		ctx->stats.warnings++;
	if (ctx->diag)
		ctx->diag(ctx->diag_ud, sev, file, line, byte, msg);
}

void an_diag(annals_ctx *ctx, int sev, const char *file, long line, long byte,
	     const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (sev == ANNALS_ERROR)
		snprintf(ctx->err, sizeof ctx->err, "%s%s%s", file ? file : "",
			 file ? ": " : "", msg);
	/* behind the documents still in flight, to keep input order */
	if (ctx->par && an_par_diag(ctx->par, sev, file, line, byte, msg))
		return;
	report(ctx, sev, file, line, byte, msg);
}

void an_doc_diag(an_doc *d, int sev, long byte, const char *fmt, ...)
{
	an_coder *co = d->co;
	if (co->ndiag == AN_MAX_QDIAG)
		return;
	an_qdiag *q = &co->diag[co->ndiag++];
	q->sev = sev;
	q->byte = byte;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(q->msg, sizeof q->msg, fmt, ap);
	va_end(ap);
}

void an_trace(const an_doc *d, const char *fmt, ...)
{
	if (!(d->ctx->opts & ANNALS_OPT_EXPLAIN))
		return;
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	an_buf_puts(&d->co->trace, msg);
	an_buf_putc(&d->co->trace, '\n');
}

/* Records are handed to the sink in pieces of about this size. */
#define FLUSH_AT (64 * 1024)

static int flush(annals_ctx *ctx, an_buf *b)
{
	int rc = ANNALS_OK;
	if (ctx->sink && b->len && ctx->sink(ctx->sink_ud, b->p, b->len)) {
		snprintf(ctx->err, sizeof ctx->err, "the output sink refused records");
		rc = ANNALS_EWRITE;
	}
	b->len = 0;
	return rc;
}

static const char *dup_opt(an_arena *a, const char *s)
{
	return s ? an_arena_strndup(a, s, strlen(s)) : NULL;
}

/* ---- one document ------------------------------------------------------- */

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs the stages on a document whose text is in place; with st, adds
 * each stage's CPU seconds (ORDER STAGES). */
static void run_stages(an_doc *d, double *st)
{
	double t = st ? cpu_now() : 0, u;
#define LAP(i)                              \
	if (st) {                           \
		u = cpu_now();              \
		st[i] += u - t;             \
		t = u;                      \
	}
	an_meta_run(d);
	LAP(1);
	an_seg_run(d->a, &d->text, &d->seg);
	an_meta_mark_tokens(d);
	LAP(2);
	an_match_dict(d);
	LAP(3);
	an_discover(d);
	LAP(4);
	an_match_local(d);
	an_match_roles(d);
	an_match_finish(d);
	LAP(5);
	an_quote_run(d);
	LAP(6);
	an_event_run(d);
	LAP(7);
	an_support_run(d);
	LAP(8);
#undef LAP
}

/* ANNALS_OPT_PER_DOC: the entity records of the entities the document
 * names and its support claims, written with its other records. */
static void write_doc_run_records(an_doc *d)
{
	annals_ctx *ctx = d->ctx;
	an_coder *co = d->co;
	uint8_t *seen = an_arena_zalloc(d->a, co->ents.n ? co->ents.n : 1);
	for (size_t i = 0; i < d->nment; i++) {
		uint32_t r = d->ment[i].ent;
		if (!d->ment[i].dead && r < co->ents.n && !seen[r]) {
			seen[r] = 1;
			an_write_entity(ctx, &co->ents, r, NULL, 0, &co->out);
		}
	}
	size_t inc;
	co->stats.support += an_support_write(co->sup, &co->ents, &co->out, &inc);
}

void an_code_doc(annals_ctx *ctx, an_arena *a, an_coder *co,
		 const annals_article *art, double *st)
{
	double t0 = st ? cpu_now() : 0;
	an_etab_reset(&co->ents);
	if (co->sup)
		an_suptab_reset(co->sup);
	co->out.len = 0;
	co->trace.len = 0;
	if (co->trace.p)
		co->trace.p[0] = 0;
	co->ndiag = 0;
	memset(&co->stats, 0, sizeof co->stats);
	an_free(ctx->mem, co->id);
	co->id = an_strdup(ctx->mem, art->id ? art->id : "-");
	an_arena_reset(a);
	an_doc d;
	memset(&d, 0, sizeof d);
	d.ctx = ctx;
	d.co = co;
	d.ents = &co->ents;
	d.stats = &co->stats;
	d.a = a;
	d.id = dup_opt(d.a, co->id);
	d.title = art->title && *art->title ? dup_opt(d.a, art->title) : NULL;
	d.date = art->date && *art->date ? dup_opt(d.a, art->date) : NULL;
	d.source = dup_opt(d.a, art->source);
	if (art->fmt == ANNALS_FMT_HTML) {
		an_html_read(&d, art->text, art->len);
	} else {
		an_utf8_report rep;
		an_text_from_bytes(d.a, &d.text, art->text, art->len, &rep);
		if (rep.invalid)
			an_doc_diag(&d, ANNALS_WARNING, rep.first_invalid,
				    "%zu invalid UTF-8 byte%s replaced by U+FFFD (first at byte %ld)",
				    rep.invalid, rep.invalid > 1 ? "s" : "", rep.first_invalid);
		if (rep.nuls)
			an_doc_diag(&d, ANNALS_WARNING, rep.first_nul,
				    "%zu NUL byte%s read as spaces (first at byte %ld)",
				    rep.nuls, rep.nuls > 1 ? "s" : "", rep.first_nul);
	}
	if (st)
		st[0] += cpu_now() - t0;
	run_stages(&d, st);
	double t1 = st ? cpu_now() : 0;
	if (!(ctx->opts & ANNALS_OPT_NETWORK)) {
		an_write_document(&d, &co->out);
		if (ctx->opts & ANNALS_OPT_SENTENCES)
			an_write_sentences(&d, &co->out);
		an_write_mentions(&d, &co->out);
		an_write_events(&d, &co->out);
		an_write_quotes(&d, &co->out);
		if (ctx->opts & ANNALS_OPT_PER_DOC)
			write_doc_run_records(&d);
	}
	co->stats.docs = 1;
	co->stats.bytes = art->len;
	co->stats.sentences = d.seg.nsent;
	co->coded = 1;
	if (st)
		st[9] += cpu_now() - t1;
}

int an_coder_merge(annals_ctx *ctx, an_coder *co)
{
	double t0 = ctx->timing ? cpu_now() : 0;
	for (int i = 0; i < co->ndiag; i++)
		report(ctx, co->diag[i].sev, co->file ? co->file : co->id, co->line,
		       co->diag[i].byte, co->diag[i].msg);
	co->ndiag = 0;
	if (!co->coded)
		return ANNALS_OK;
	co->coded = 0;
	annals_stats *s = &ctx->stats, *c = &co->stats;
	s->docs += c->docs;
	s->bytes += c->bytes;
	s->sentences += c->sentences;
	s->mentions += c->mentions;
	s->events += c->events;
	s->quotes += c->quotes;
	s->support += c->support;
	if (ctx->explain)
		ctx->explain(ctx->explain_ud, co->id, co->trace.p ? co->trace.p : "");
	if (ctx->opts & ANNALS_OPT_PER_DOC) {
		s->entities += co->ents.n;
	} else {
		uint32_t *map = an_calloc(ctx->mem, co->ents.n + 1, sizeof *map);
		an_etab_merge(&ctx->ents, &co->ents, map);
		an_support_merge(ctx, co->sup, map);
		an_free(ctx->mem, map);
	}
	int rc = flush(ctx, &co->out);
	if (ctx->timing)
		ctx->stage_s[10] += cpu_now() - t0;
	return rc;
}

int annals_code_article(annals_ctx *ctx, const annals_article *art)
{
	const char *name = art->id ? art->id : "-";
	const char *where = ctx->file ? ctx->file : name;
	if (ctx->shard_n && annals_shard_of(name, ctx->shard_n) != ctx->shard_i)
		return ANNALS_OK;
	if (art->len > ctx->max_doc) {
		an_diag(ctx, ANNALS_ERROR, where, ctx->line, -1,
			"document of %zu bytes is larger than the limit of %zu",
			art->len, ctx->max_doc);
		return ANNALS_ETOOBIG;
	}
	if (ctx->filter) {
		int f = ctx->filter(ctx->filter_ud, art);
		if (f < 0) {
			snprintf(ctx->err, sizeof ctx->err, "the output sink refused records");
			return ANNALS_EWRITE;
		}
		if (f > 0)
			return ANNALS_OK;
	}
	if (ctx->par && !ctx->filter)
		return an_par_submit(ctx->par, art);
	an_coder *co = &ctx->co;
	an_free(ctx->mem, co->file);
	co->file = ctx->file ? an_strdup(ctx->mem, ctx->file) : NULL;
	co->line = ctx->line;
	an_code_doc(ctx, ctx->arena, co, art, ctx->timing ? ctx->stage_s : NULL);
	return an_coder_merge(ctx, co);
}

/* The entity records of the run: one per entity, spellings of a
 * discovered name that fold alike in one record under the first. */
static int write_entities(annals_ctx *ctx)
{
	an_etab *t = &ctx->ents;
	size_t n = t->n;
	uint32_t *head = an_calloc(ctx->mem, n + 1, sizeof *head);
	uint32_t *next = an_calloc(ctx->mem, n + 1, sizeof *next);
	uint32_t *tail = an_calloc(ctx->mem, n + 1, sizeof *tail);
	uint32_t *group = an_calloc(ctx->mem, n + 1, sizeof *group);
	an_etab_fold(t, head);
	for (size_t i = 0; i < n; i++) {
		next[i] = tail[i] = AN_NONE;
		if (head[i] != i) {
			uint32_t h = head[i];
			if (tail[h] == AN_NONE)
				next[h] = (uint32_t)i;
			else
				next[tail[h]] = (uint32_t)i;
			tail[h] = (uint32_t)i;
		}
	}
	int rc = ANNALS_OK;
	size_t distinct = 0;
	for (size_t i = 0; i < n; i++) {
		if (head[i] != i)
			continue;
		distinct++;
		if (!t->rows[i].mentions || rc || (ctx->opts & ANNALS_OPT_NO_ENTITIES))
			continue;
		size_t ng = 0;
		for (uint32_t j = next[i]; j != AN_NONE; j = next[j])
			group[ng++] = j;
		an_write_entity(ctx, t, (uint32_t)i, group, ng, &ctx->out);
		if (ctx->out.len >= FLUSH_AT)
			rc = flush(ctx, &ctx->out);
	}
	ctx->stats.entities += distinct;
	an_free(ctx->mem, head);
	an_free(ctx->mem, next);
	an_free(ctx->mem, tail);
	an_free(ctx->mem, group);
	return rc;
}

int annals_finish(annals_ctx *ctx)
{
	/* a sink that refused records before still gets the run's records,
	 * as on one thread */
	int drained = ctx->par ? an_par_drain(ctx->par) : ANNALS_OK, rc = ANNALS_OK;
	int network = ctx->opts & ANNALS_OPT_NETWORK, per_doc = ctx->opts & ANNALS_OPT_PER_DOC;
	if (!rc && !network && !per_doc)
		rc = write_entities(ctx);
	else if (!per_doc)
		ctx->stats.entities += ctx->ents.n;
	if (!rc && network) {
		an_support_table(ctx, &ctx->out, !!(ctx->opts & ANNALS_OPT_ROLLUP));
	} else if (!rc && !per_doc) {
		size_t inc;
		ctx->stats.support += an_support_write(ctx->sup, &ctx->ents, &ctx->out, &inc);
		ctx->stats.incidents += inc;
	}
	if (!rc)
		rc = flush(ctx, &ctx->out);
	ctx->out.len = 0;
	if (ctx->sup)
		an_suptab_reset(ctx->sup);
	an_etab_reset(&ctx->ents);
	return rc ? rc : drained;
}

void annals_get_stats(const annals_ctx *ctx, annals_stats *out)
{
	*out = ctx->stats;
	out->entities += ctx->ents.n; /* those not yet written by annals_finish */
}

/* ORDER STAGES */
static const char *const stage_names[AN_STAGES] = {
	"read", "meta", "segment", "dictionary", "discovery", "names",
	"quotes", "events", "support", "records", "merge"};

void annals_set_timing(annals_ctx *ctx, int on)
{
	ctx->timing = !!on;
}

int annals_get_timing(const annals_ctx *ctx, annals_timing *out, size_t max)
{
	double sum[AN_STAGES];
	memcpy(sum, ctx->stage_s, sizeof sum);
	if (ctx->par)
		an_par_add_timing(ctx->par, sum);
	size_t n = 0;
	for (int i = 0; i < AN_STAGES && n < max; i++, n++) {
		out[n].stage = stage_names[i];
		out[n].cpu_s = sum[i];
	}
	return (int)n;
}
