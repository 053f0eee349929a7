/*
 * store.c: opening a store and ingesting into it. The store sits between a
 * run context and the database: its article filter skips documents stored
 * as they are and begins the batch's transaction; its sink parses the
 * records of one document (ANNALS_OPT_PER_DOC hands them over in one call,
 * run-level records included) and inserts them; every few hundred
 * documents or every second the batch commits. A document is therefore in
 * the database whole or not at all, whatever happens to the process.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "doc.h"
#include "jrec.h"
#include "store.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int an_store_fail(annals_store *st, const char *what)
{
	const char *why = st->db ? st->db->err : "";
	int kind = st->db ? st->db->fail : AN_DBE_OTHER;
	const char *hint = kind == AN_DBE_FULL ? " (the disk or the database's size "
						 "limit is full; nothing of the unfinished "
						 "batch was kept)"
			   : kind == AN_DBE_READONLY ? " (the database is read-only)"
			   : kind == AN_DBE_BUSY ? " (another process holds the database)"
			   : kind == AN_DBE_NOTADB ? " (the file is not an annals database, "
						    "or is damaged)"
			   : kind == AN_DBE_TIMEOUT ? " (the query ran past its time limit)"
						  : "";
	snprintf(st->err, sizeof st->err, "%s: %s: %s%s", st->db ? st->db->name : "",
		 what, why, hint);
	return kind == AN_DBE_TIMEOUT ? ANNALS_ETIMEOUT : ANNALS_ESTORE;
}

void annals_store_set_timeout(annals_store *st, unsigned ms)
{
	if (st && st->db && an_db_set_timeout(st->db, ms))
		an_store_fail(st, "cannot set the time limit");
}

int annals_store_open(annals_store **out, const char *target, unsigned flags)
{
	annals_store *st = an_calloc(NULL, 1, sizeof *st);
	*out = st;
	st->flags = flags;
	st->batch_docs = 500;
	st->batch_ms = 1000;
	if (!target || !*target) {
		snprintf(st->err, sizeof st->err, "no database named");
		return ANNALS_EUSAGE;
	}
	if (an_db_open(&st->db, target, !!(flags & ANNALS_STORE_READONLY), st->err,
		       sizeof st->err))
		return ANNALS_ESTORE;
	return an_schema_ready(st);
}

void annals_store_free(annals_store *st)
{
	if (!st)
		return;
	if (st->in_tx)
		an_db_exec(st->db, "ROLLBACK");
	for (int i = 0; i < S_COUNT; i++)
		an_stmt_free(st->st[i]);
	if (st->a) {
		an_map_free(&st->names);
		an_map_free(&st->written);
	}
	an_arena_free(st->a);
	an_db_close(st->db);
	an_free(NULL, st);
}

const char *annals_store_errmsg(const annals_store *st)
{
	return st ? st->err : "no store";
}

void annals_store_set_batch(annals_store *st, size_t docs, unsigned ms)
{
	st->batch_docs = docs ? docs : 1;
	st->batch_ms = ms;
}

void annals_store_get_stats(const annals_store *st, annals_store_stats *out)
{
	*out = st->stats;
}

void annals_store_set_progress(annals_store *st, annals_progress_fn fn, void *ud)
{
	st->progress = fn;
	st->progress_ud = ud;
}

/* ---- transactions ------------------------------------------------------- */

static int begin(annals_store *st)
{
	if (st->in_tx)
		return ANNALS_OK;
	const char *sql = st->db->kind == AN_DB_SQLITE ? "BEGIN IMMEDIATE" : "BEGIN";
	if (an_db_exec(st->db, sql))
		return an_store_fail(st, "cannot begin a transaction");
	/* PostgreSQL: ingests running at once (one per shard and host) take
	 * turns batch by batch, as SQLite's BEGIN IMMEDIATE makes them do;
	 * batches writing the same entities and aliases at once would
	 * deadlock */
	if (st->db->kind != AN_DB_SQLITE &&
	    an_db_exec(st->db, "SELECT pg_advisory_xact_lock(7308604897068083827)")) {
		an_db_exec(st->db, "ROLLBACK");
		return an_store_fail(st, "cannot take the ingest lock");
	}
	st->in_tx = 1;
	st->tx_docs = 0;
	st->tx_stored = 0;
	st->tx_t0 = now_ms();
	return ANNALS_OK;
}

/* Undoes the open batch after a failure (the message is already set). */
static void abandon(annals_store *st)
{
	if (st->in_tx)
		an_db_exec(st->db, "ROLLBACK");
	st->in_tx = 0;
	st->stats.stored -= st->tx_stored;
	st->tx_stored = 0;
	if (st->a)
		an_map_clear(&st->written);
	st->art = NULL;
}

/* Brings the full-text index up to the sentences of the transaction. */
static int fts_sync(annals_store *st)
{
	for (int w = S_FTS_SYNC; w <= S_FTS_MARK; w++) {
		an_stmt *s = st->st[w];
		if (!s)
			continue;
		an_stmt_reset(s);
		int r = an_stmt_step(s);
		an_stmt_reset(s);
		if (r == AN_STEP_ERROR)
			return an_store_fail(st, "cannot update the full-text index");
	}
	return ANNALS_OK;
}

int annals_store_commit(annals_store *st)
{
	if (!st->in_tx)
		return ANNALS_OK;
	if (fts_sync(st)) {
		abandon(st);
		return ANNALS_ESTORE;
	}
	if (an_db_exec(st->db, "COMMIT")) {
		int rc = an_store_fail(st, "cannot commit");
		abandon(st);
		return rc;
	}
	st->in_tx = 0;
	st->tx_stored = 0;
	st->stats.commits++;
	return ANNALS_OK;
}

static int maybe_commit(annals_store *st)
{
	if (st->in_tx && (st->tx_docs >= st->batch_docs ||
			  now_ms() - st->tx_t0 >= st->batch_ms))
		return annals_store_commit(st);
	return ANNALS_OK;
}

/* ---- the article filter -------------------------------------------------- */

static void content_hash(annals_store *st, const annals_article *a, char out[33])
{
	const char *fp = annals_fingerprint(st->ctx);
	uint64_t h1 = an_hash(fp, strlen(fp), 0x51AFD7ED558CCDULL);
	uint64_t h2 = an_hash(fp, strlen(fp), 0xC4CEB9FE1A85ULL);
	const char *meta[] = {a->title, a->date, a->source};
	for (int i = 0; i < 3; i++) {
		const char *m = meta[i] ? meta[i] : "\x01";
		h1 = an_hash(m, strlen(m) + 1, h1);
		h2 = an_hash(m, strlen(m) + 1, h2 ^ 0x9E3779B97F4A7C15ULL);
	}
	char fmt = (char)('0' + a->fmt);
	h1 = an_hash(&fmt, 1, h1);
	h1 = an_hash(a->text, a->len, h1);
	h2 = an_hash(a->text, a->len, h2 ^ 0x2545F4914F6CDD1DULL);
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h1,
		 (unsigned long long)h2);
}

static void progress(annals_store *st)
{
	if (st->progress && st->progress(st->progress_ud, &st->stats))
		st->stop = 1;
}

static int on_article(void *ud, const annals_article *a)
{
	annals_store *st = ud;
	const char *name = a->id ? a->id : "-";
	if (st->stop) {
		snprintf(st->err, sizeof st->err, "stopped");
		return -1;
	}
	if (begin(st))
		return -1;
	content_hash(st, a, st->hash);
	uint64_t key = an_hash(name, strlen(name), 0x1F3D5B79u);
	int seen = an_map_get(&st->names, key) != NULL;
	an_map_put(&st->names, key, 1);
	an_stmt *f = st->st[S_DOC_FIND];
	an_stmt_reset(f);
	an_stmt_text_bind(f, 1, name, (size_t)-1);
	int r = an_stmt_step(f);
	if (r == AN_STEP_ERROR) {
		an_store_fail(st, "cannot look up a document");
		abandon(st);
		return -1;
	}
	st->old_doc = 0;
	if (r == AN_STEP_ROW) {
		const char *h = an_stmt_text(f, 1, NULL);
		if (h && !strcmp(h, st->hash)) {
			st->stats.skipped++;
			st->stats.bytes += a->len;
			an_stmt_reset(f);
			progress(st);
			return maybe_commit(st) ? -1 : 1;
		}
		st->old_doc = an_stmt_int(f, 0);
		if (seen) { /* two inputs of this run share the id */
			an_diag(st->ctx, ANNALS_WARNING, st->ctx->file, st->ctx->line, -1,
				"document id '%s' was stored from another input in this "
				"run: this one is skipped (give it an id of its own)", name);
			st->stats.duplicates++;
			an_stmt_reset(f);
			progress(st);
			return maybe_commit(st) ? -1 : 1;
		}
	}
	an_stmt_reset(f);
	st->art = a;
	st->doc = 0;
	return 0;
}

/* ---- records ------------------------------------------------------------- */

typedef struct binder {
	an_stmt *s;
	int i;
} binder;

static void b_str(binder *b, const an_jval *o, const char *key)
{
	an_stmt_text_bind(b->s, ++b->i, an_jstr(o, key), (size_t)-1);
}

static void b_int(binder *b, const an_jval *o, const char *key)
{
	const an_jval *v = an_jget(o, key);
	if (v && v->type == AN_J_NUM)
		an_stmt_int_bind(b->s, ++b->i, (int64_t)v->num);
	else
		an_stmt_null_bind(b->s, ++b->i);
}

static void b_num(binder *b, const an_jval *o, const char *key)
{
	const an_jval *v = an_jget(o, key);
	if (v && v->type == AN_J_NUM)
		an_stmt_double_bind(b->s, ++b->i, v->num);
	else
		an_stmt_null_bind(b->s, ++b->i);
}

/* An array or object as written (NULL when absent). */
static void b_raw(binder *b, const an_jval *o, const char *key)
{
	const an_jval *v = an_jget(o, key);
	if (v && v->type != AN_J_NULL)
		an_stmt_text_bind(b->s, ++b->i, v->raw, v->rawlen);
	else
		an_stmt_null_bind(b->s, ++b->i);
}

static binder start(annals_store *st, int which)
{
	binder b = {st->st[which], 0};
	an_stmt_reset(b.s);
	return b;
}

/* Runs a bound insert; RETURNING statements give their id in *id. */
static int run(annals_store *st, binder *b, int64_t *id, const char *what)
{
	int r = an_stmt_step(b->s);
	if (r == AN_STEP_ROW && id)
		*id = an_stmt_int(b->s, 0);
	if (r == AN_STEP_ROW)
		r = an_stmt_step(b->s);
	an_stmt_reset(b->s);
	return r == AN_STEP_ERROR ? an_store_fail(st, what) : ANNALS_OK;
}

/* The number after the last '#' and a letter of a record id ("d#e12"). */
static int64_t id_number(const char *id)
{
	const char *h = id ? strrchr(id, '#') : NULL;
	return h && h[1] ? strtoll(h + 2, NULL, 10) : 0;
}

static int drop_old(annals_store *st)
{
	for (int w = S_DEL_SENT_FTS; w <= S_DEL_DOC; w++) {
		if (!st->st[w])
			continue;
		binder b = start(st, w);
		an_stmt_int_bind(b.s, 1, st->old_doc);
		if (run(st, &b, NULL, "cannot remove the older version of a document"))
			return ANNALS_ESTORE;
	}
	st->stats.replaced++;
	return ANNALS_OK;
}

static int put_document(annals_store *st, const an_jval *r)
{
	if (st->old_doc && drop_old(st))
		return ANNALS_ESTORE;
	binder b = start(st, S_DOC_ADD);
	b_str(&b, r, "doc");
	an_stmt_text_bind(b.s, ++b.i, st->hash, (size_t)-1);
	b_str(&b, r, "title");
	b_str(&b, r, "date");
	b_str(&b, r, "source");
	b_raw(&b, r, "authors");
	b_int(&b, r, "bytes");
	b_int(&b, r, "sentences");
	b_raw(&b, r, "excluded");
	if (st->art)
		an_stmt_blob_bind(b.s, ++b.i, st->art->text, st->art->len);
	else
		an_stmt_null_bind(b.s, ++b.i);
	return run(st, &b, &st->doc, "cannot store a document");
}

/* Whether the sentence's text is its document's bytes (then SQLite keeps
 * the bytes once, in the document). */
static int same_as_body(const annals_store *st, const an_jval *r)
{
	const an_jval *t = an_jget(r, "text");
	double s = an_jnum(r, "start", -1), e = an_jnum(r, "end", -1);
	return st->db->kind == AN_DB_SQLITE && st->art && t && t->type == AN_J_STR &&
	       s >= 0 && e >= s && e <= (double)st->art->len &&
	       (size_t)(e - s) == t->len && !memcmp(st->art->text + (size_t)s, t->s, t->len);
}

static int put_sentence(annals_store *st, const an_jval *r)
{
	binder b = start(st, S_SENT_ADD);
	an_stmt_int_bind(b.s, ++b.i, st->doc);
	b_int(&b, r, "sentence");
	b_int(&b, r, "start");
	b_int(&b, r, "end");
	if (same_as_body(st, r))
		an_stmt_null_bind(b.s, ++b.i);
	else
		b_str(&b, r, "text");
	return run(st, &b, NULL, "cannot store a sentence");
}

static int put_mention(annals_store *st, const an_jval *r)
{
	binder b = start(st, S_MENT_ADD);
	an_stmt_int_bind(b.s, ++b.i, st->doc);
	b_str(&b, r, "entity");
	b_int(&b, r, "start");
	b_int(&b, r, "end");
	b_str(&b, r, "text");
	b_int(&b, r, "sentence");
	b_str(&b, r, "how");
	return run(st, &b, NULL, "cannot store a mention");
}

static int put_event(annals_store *st, const an_jval *r)
{
	const an_jval *t = an_jget(r, "trigger");
	binder b = start(st, S_EVENT_ADD);
	an_stmt_int_bind(b.s, ++b.i, st->doc);
	an_stmt_int_bind(b.s, ++b.i, id_number(an_jstr(r, "id")));
	b_int(&b, r, "sentence");
	b_int(&b, r, "start");
	b_int(&b, r, "end");
	static const char *const keys[] = {"source", "target", "source_code",
					   "target_code", "code", "root"};
	for (int i = 0; i < 6; i++)
		b_str(&b, r, keys[i]);
	b_int(&b, r, "quad");
	b_num(&b, r, "goldstein");
	static const char *const keys2[] = {"plover", "date", "location", "modality",
					    "attribution"};
	for (int i = 0; i < 5; i++)
		b_str(&b, r, keys2[i]);
	b_int(&b, t, "start");
	b_int(&b, t, "end");
	b_str(&b, t, "text");
	b_str(&b, r, "pattern");
	return run(st, &b, NULL, "cannot store an event");
}

static int put_quote(annals_store *st, const an_jval *r)
{
	const an_jval *sp = an_jget(r, "speaker_span");
	binder b = start(st, S_QUOTE_ADD);
	an_stmt_int_bind(b.s, ++b.i, st->doc);
	an_stmt_int_bind(b.s, ++b.i, id_number(an_jstr(r, "id")));
	b_str(&b, r, "speaker");
	b_str(&b, r, "addressee");
	b_int(&b, r, "start");
	b_int(&b, r, "end");
	b_str(&b, r, "text");
	b_str(&b, r, "date");
	b_str(&b, r, "medium");
	b_str(&b, r, "outlet");
	b_int(&b, r, "sentence");
	b_int(&b, sp, "start");
	b_int(&b, sp, "end");
	b_str(&b, sp, "text");
	b_str(&b, r, "how");
	return run(st, &b, NULL, "cannot store a quotation");
}

/* Whether a row with this key was written in this run; marks it written. */
static int written(annals_store *st, char tag, const char *a, const char *b,
		   size_t blen)
{
	uint64_t h = an_hash(&tag, 1, 0x6A09E667F3BCC908ULL);
	h = an_hash(a, strlen(a) + 1, h);
	h = an_hash(b, blen, h);
	if (an_map_get(&st->written, h))
		return 1;
	an_map_put(&st->written, h, 1);
	return 0;
}

static int put_link(annals_store *st, const char *child, const char *parent)
{
	if (!child || !parent || !strcmp(child, parent) ||
	    written(st, 'l', child, parent, strlen(parent)))
		return ANNALS_OK;
	binder b = start(st, S_LINK_ADD);
	an_stmt_text_bind(b.s, 1, child, (size_t)-1);
	an_stmt_text_bind(b.s, 2, parent, (size_t)-1);
	return run(st, &b, NULL, "cannot store the hierarchy");
}

/* Whether the entity row already holds this record (without its mention
 * count and aliases, which vary from document to document): the last
 * record written for the id in this run is the same. */
static int entity_known(annals_store *st, const an_jval *r, const char *id)
{
	uint64_t h = 0x3C6EF372FE94F82BULL;
	for (const an_jval *k = r->kid; k; k = k->next)
		if (strcmp(k->key, "mentions") && strcmp(k->key, "aliases"))
			h = an_hash(k->raw, k->rawlen, h);
	uint32_t v = (uint32_t)(h ^ h >> 32) | 1;
	uint64_t key = an_hash(id, strlen(id), 0xBB67AE8584CAA73BULL);
	uint32_t *last = an_map_get(&st->written, key);
	if (last && *last == v)
		return 1;
	an_map_put(&st->written, key, v);
	return 0;
}

static int put_entity(annals_store *st, const an_jval *r)
{
	const char *id = an_jstr(r, "id");
	if (!id)
		return ANNALS_OK;
	const an_jval *v = an_jget(r, "aliases");
	for (const an_jval *k = v ? v->kid : NULL; k; k = k->next) {
		if (k->type != AN_J_STR || written(st, 'a', id, k->s, k->len))
			continue;
		binder a = start(st, S_ALIAS_ADD);
		an_stmt_text_bind(a.s, 1, id, (size_t)-1);
		an_stmt_text_bind(a.s, 2, k->s, k->len);
		if (run(st, &a, NULL, "cannot store an alias"))
			return ANNALS_ESTORE;
	}
	if (entity_known(st, r, id))
		return ANNALS_OK;
	binder b = start(st, S_ENT_ADD);
	b_str(&b, r, "id");
	b_str(&b, r, "name");
	b_str(&b, r, "kind");
	b_str(&b, r, "code");
	b_str(&b, r, "country");
	b_raw(&b, r, "roles");
	b_raw(&b, r, "parents");
	b_num(&b, r, "lat");
	b_num(&b, r, "lon");
	b_str(&b, r, "source");
	if (run(st, &b, NULL, "cannot store an entity"))
		return ANNALS_ESTORE;
	v = an_jget(r, "parents");
	for (const an_jval *k = v ? v->kid : NULL; k; k = k->next)
		if (k->type == AN_J_STR && put_link(st, id, k->s))
			return ANNALS_ESTORE;
	v = an_jget(r, "roles");
	for (const an_jval *k = v ? v->kid : NULL; k; k = k->next)
		if (put_link(st, id, an_jstr(k, "of")))
			return ANNALS_ESTORE;
	return ANNALS_OK;
}

/* The hierarchy a chain names: who -> chain[0] -> chain[1] ... */
static int put_chain(annals_store *st, const char *who, const an_jval *chain)
{
	for (const an_jval *k = chain ? chain->kid : NULL; k; k = k->next) {
		if (k->type != AN_J_STR)
			break;
		if (put_link(st, who, k->s))
			return ANNALS_ESTORE;
		who = k->s;
	}
	return ANNALS_OK;
}

static int put_support(annals_store *st, const an_jval *r)
{
	const an_jval *m = an_jget(r, "modality");
	int64_t id = 0;
	binder b = start(st, S_SUP_ADD);
	an_stmt_int_bind(b.s, ++b.i, st->doc);
	b_str(&b, r, "sponsor");
	b_str(&b, r, "recipient");
	b_str(&b, r, "kind");
	b_str(&b, r, "first");
	b_str(&b, r, "last");
	static const char *const mods[] = {"asserted", "reported", "claimed",
					   "hypothetical"};
	for (int i = 0; i < 4; i++)
		an_stmt_int_bind(b.s, ++b.i, (int64_t)an_jnum(m, mods[i], 0));
	b_raw(&b, r, "sponsor_chain");
	b_raw(&b, r, "recipient_chain");
	if (run(st, &b, &id, "cannot store a support claim"))
		return ANNALS_ESTORE;
	if (put_chain(st, an_jstr(r, "sponsor"), an_jget(r, "sponsor_chain")) ||
	    put_chain(st, an_jstr(r, "recipient"), an_jget(r, "recipient_chain")))
		return ANNALS_ESTORE;
	const an_jval *ev = an_jget(r, "evidence");
	int ord = 0;
	for (const an_jval *k = ev ? ev->kid : NULL; k; k = k->next) {
		binder e = start(st, S_SUPEV_ADD);
		an_stmt_int_bind(e.s, ++e.i, id);
		an_stmt_int_bind(e.s, ++e.i, st->doc);
		an_stmt_int_bind(e.s, ++e.i, ord++);
		if (k->type == AN_J_STR) {
			an_stmt_int_bind(e.s, ++e.i, id_number(k->s));
			an_stmt_null_bind(e.s, ++e.i);
			an_stmt_null_bind(e.s, ++e.i);
		} else {
			an_stmt_null_bind(e.s, ++e.i);
			b_int(&e, k, "start");
			b_int(&e, k, "end");
		}
		if (run(st, &e, NULL, "cannot store support evidence"))
			return ANNALS_ESTORE;
	}
	return ANNALS_OK;
}

static int put_record(annals_store *st, const an_jval *r)
{
	const char *type = an_jstr(r, "type");
	if (!type)
		return ANNALS_OK;
	if (!strcmp(type, "document"))
		return put_document(st, r);
	if (!st->doc) {
		snprintf(st->err, sizeof st->err, "a '%s' record before its document", type);
		return ANNALS_ESTORE;
	}
	switch (type[0]) {
	case 's':
		if (!strcmp(type, "sentence"))
			return put_sentence(st, r);
		if (!strcmp(type, "support"))
			return put_support(st, r);
		break;
	case 'm': return put_mention(st, r);
	case 'e':
		if (!strcmp(type, "event"))
			return put_event(st, r);
		if (!strcmp(type, "entity"))
			return put_entity(st, r);
		break;
	case 'q': return put_quote(st, r);
	}
	return ANNALS_OK; /* a record type the store does not keep */
}

/* The sink: the records of one document. */
static int on_records(void *ud, const char *data, size_t n)
{
	annals_store *st = ud;
	int rc = begin(st);
	an_arena_reset(st->a);
	for (const char *p = data, *e; !rc && p < data + n; p = e + 1) {
		e = memchr(p, '\n', (size_t)(data + n - p));
		if (!e)
			e = data + n;
		if (e == p)
			continue;
		const char *msg;
		an_jval *r = an_jrec_parse(st->a, p, (size_t)(e - p), &msg);
		if (!r) {
			snprintf(st->err, sizeof st->err, "a record the store cannot read: %s", msg);
			rc = ANNALS_ESTORE;
			break;
		}
		rc = put_record(st, r);
		st->stats.records++;
	}
	if (rc) {
		abandon(st);
		return 1;
	}
	if (st->art) {
		st->stats.stored++;
		st->stats.bytes += st->art->len;
		st->tx_stored++;
	}
	st->tx_docs++;
	st->art = NULL;
	st->doc = 0;
	progress(st);
	return maybe_commit(st) ? 1 : 0;
}

int annals_store_attach(annals_store *st, annals_ctx *ctx)
{
	if (st->flags & ANNALS_STORE_READONLY) {
		snprintf(st->err, sizeof st->err, "the store was opened read-only");
		return ANNALS_EUSAGE;
	}
	for (int i = 0; i < S_COUNT; i++) {
		const char *sql = an_schema_ingest_sql(st->db, i);
		if (sql && !st->st[i] && !(st->st[i] = an_db_prepare(st->db, sql)))
			return an_store_fail(st, "cannot prepare the ingest");
	}
	if (!st->a) {
		st->a = an_arena_new(NULL);
		an_map_init(&st->names, NULL, 1024);
		an_map_init(&st->written, NULL, 4096);
	}
	st->ctx = ctx;
	ctx->opts |= ANNALS_OPT_PER_DOC | ANNALS_OPT_DOC_LOCAL | ANNALS_OPT_SENTENCES;
	ctx->opts &= ~(unsigned)(ANNALS_OPT_NETWORK | ANNALS_OPT_NO_ENTITIES);
	annals_set_sink(ctx, on_records, st);
	annals_set_doc_filter(ctx, on_article, st);
	return ANNALS_OK;
}
