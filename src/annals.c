/*
 * annals.c: the run context and one document's way through the pipeline:
 * read -> meta (exclusions, title, date, authors) -> segment -> dictionary
 * matches -> discovery -> document-local names -> records.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int annals_ctx_new(annals_ctx **out, const char *datadir, unsigned opts,
		   const annals_mem *mem)
{
	annals_mem m = mem ? *mem : (annals_mem){std_calloc, std_realloc, std_free};
	annals_ctx *ctx = m.calloc(1, sizeof *ctx);
	if (!ctx) {
		*out = NULL;
		return ANNALS_EIO;
	}
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
	an_buf_init(&ctx->trace, ctx->mem);
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
	return rc;
}

void annals_ctx_free(annals_ctx *ctx)
{
	if (!ctx)
		return;
	an_etab_free(&ctx->ents);
	an_dict_free(ctx->dict);
	an_evdict_free(ctx->evdict);
	an_supdict_free(ctx->supdict);
	an_suptab_free(ctx->sup);
	an_buf_free(&ctx->trace);
	an_arena_free(ctx->arena);
	an_arena_free(ctx->scratch);
	an_buf_free(&ctx->out);
	void (*fr)(void *) = ctx->memv.free;
	fr(ctx);
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

void annals_get_stats(const annals_ctx *ctx, annals_stats *out)
{
	*out = ctx->stats;
	out->entities += ctx->ents.n; /* those not yet written by annals_finish */
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

void an_diag(annals_ctx *ctx, int sev, const char *file, long line, long byte,
	     const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (sev == ANNALS_ERROR)
		ctx->stats.errors++;
	else
		ctx->stats.warnings++;
	if (sev == ANNALS_ERROR)
		snprintf(ctx->err, sizeof ctx->err, "%s%s%s", file ? file : "",
			 file ? ": " : "", msg);
	if (ctx->diag)
		ctx->diag(ctx->diag_ud, sev, file, line, byte, msg);
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
	an_buf_puts(&d->ctx->trace, msg);
	an_buf_putc(&d->ctx->trace, '\n');
}

/* Records are handed to the sink in pieces of about this size. */
#define FLUSH_AT (64 * 1024)

static int flush(annals_ctx *ctx)
{
	int rc = ANNALS_OK;
	if (ctx->sink && ctx->out.len &&
	    ctx->sink(ctx->sink_ud, ctx->out.p, ctx->out.len)) {
		snprintf(ctx->err, sizeof ctx->err, "the output sink refused records");
		rc = ANNALS_EWRITE;
	}
	ctx->out.len = 0;
	return rc;
}

static const char *dup_opt(an_arena *a, const char *s)
{
	return s ? an_arena_strndup(a, s, strlen(s)) : NULL;
}

/* Runs the stages on a document whose text is in place. */
static void run_stages(an_doc *d)
{
	an_meta_run(d);
	an_seg_run(d->a, &d->text, &d->seg);
	an_meta_mark_tokens(d);
	an_match_dict(d);
	an_discover(d);
	an_match_local(d);
	an_match_roles(d);
	an_match_finish(d);
	an_quote_run(d);
	an_event_run(d);
	an_support_run(d);
}

/* ANNALS_OPT_PER_DOC: the entity records of the entities the document
 * names and its support claims, written with its other records. */
static void write_doc_run_records(an_doc *d)
{
	annals_ctx *ctx = d->ctx;
	uint8_t *seen = an_arena_zalloc(d->a, ctx->ents.n ? ctx->ents.n : 1);
	for (size_t i = 0; i < d->nment; i++) {
		uint32_t r = d->ment[i].ent;
		if (!d->ment[i].dead && r < ctx->ents.n && !seen[r]) {
			seen[r] = 1;
			an_write_entity(ctx, &ctx->ents.rows[r], &ctx->out);
		}
	}
	an_support_write(ctx, &ctx->out);
	if (ctx->sup)
		an_suptab_reset(ctx->sup);
}

int annals_code_article(annals_ctx *ctx, const annals_article *art)
{
	const char *name = art->id ? art->id : "-";
	const char *where = ctx->file ? ctx->file : name;
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
	if (ctx->opts & ANNALS_OPT_DOC_LOCAL) {
		ctx->stats.entities += ctx->ents.n;
		an_etab_reset(&ctx->ents);
		if (ctx->sup)
			an_suptab_reset(ctx->sup);
	}
	an_arena_reset(ctx->arena);
	ctx->trace.len = 0;
	if (ctx->trace.p)
		ctx->trace.p[0] = 0;
	an_doc d;
	memset(&d, 0, sizeof d);
	d.ctx = ctx;
	d.a = ctx->arena;
	d.id = dup_opt(d.a, name);
	d.title = art->title && *art->title ? dup_opt(d.a, art->title) : NULL;
	d.date = art->date && *art->date ? dup_opt(d.a, art->date) : NULL;
	d.source = dup_opt(d.a, art->source);
	if (art->fmt == ANNALS_FMT_HTML) {
		an_html_read(&d, art->text, art->len);
	} else {
		an_utf8_report rep;
		an_text_from_bytes(d.a, &d.text, art->text, art->len, &rep);
		if (rep.invalid)
			an_diag(ctx, ANNALS_WARNING, where, ctx->line, rep.first_invalid,
				"%zu invalid UTF-8 byte%s replaced by U+FFFD (first at byte %ld)",
				rep.invalid, rep.invalid > 1 ? "s" : "", rep.first_invalid);
		if (rep.nuls)
			an_diag(ctx, ANNALS_WARNING, where, ctx->line, rep.first_nul,
				"%zu NUL byte%s read as spaces (first at byte %ld)",
				rep.nuls, rep.nuls > 1 ? "s" : "", rep.first_nul);
	}
	run_stages(&d);
	if (!(ctx->opts & ANNALS_OPT_NETWORK)) {
		an_write_document(&d, &ctx->out);
		if (ctx->opts & ANNALS_OPT_SENTENCES)
			an_write_sentences(&d, &ctx->out);
		an_write_mentions(&d, &ctx->out);
		an_write_events(&d, &ctx->out);
		an_write_quotes(&d, &ctx->out);
		if (ctx->opts & ANNALS_OPT_PER_DOC)
			write_doc_run_records(&d);
	}
	if (ctx->explain)
		ctx->explain(ctx->explain_ud, d.id, ctx->trace.p ? ctx->trace.p : "");
	ctx->stats.docs++;
	ctx->stats.bytes += art->len;
	ctx->stats.sentences += d.seg.nsent;
	return flush(ctx);
}

int annals_finish(annals_ctx *ctx)
{
	int rc = ANNALS_OK;
	int network = ctx->opts & ANNALS_OPT_NETWORK, per_doc = ctx->opts & ANNALS_OPT_PER_DOC;
	for (size_t i = 0; i < ctx->ents.n && !(ctx->opts & ANNALS_OPT_NO_ENTITIES) &&
			   !network && !per_doc; i++) {
		if (!ctx->ents.rows[i].mentions)
			continue;
		an_write_entity(ctx, &ctx->ents.rows[i], &ctx->out);
		if (ctx->out.len >= FLUSH_AT && (rc = flush(ctx)))
			break;
	}
	if (!rc && network)
		an_support_table(ctx, &ctx->out, !!(ctx->opts & ANNALS_OPT_ROLLUP));
	else if (!rc && !per_doc)
		an_support_write(ctx, &ctx->out);
	if (!rc)
		rc = flush(ctx);
	if (ctx->sup)
		an_suptab_reset(ctx->sup);
	ctx->stats.entities += ctx->ents.n;
	an_etab_reset(&ctx->ents);
	return rc;
}
