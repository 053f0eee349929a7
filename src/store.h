/*
 * store.h: what the store's files share: the store itself (store.c opens
 * it and ingests), the schema (schema.c), queries (query.c) and the output
 * formats (export.c).
 */
#ifndef AN_STORE_H
#define AN_STORE_H

#include "annals.h"
#include "arena.h"
#include "db.h"
#include "map.h"

/* Prepared statements of the ingest path. ORDER INGEST_SQL: keep
 * store.c's ingest_sql[] in step. */
enum { S_DOC_FIND, S_DOC_ADD, S_SENT_ADD, S_MENT_ADD, S_EVENT_ADD,
       S_QUOTE_ADD, S_ENT_ADD, S_ALIAS_ADD, S_LINK_ADD, S_SUP_ADD,
       S_SUPEV_ADD, S_DEL_SENT_FTS, S_DEL_SENT, S_DEL_MENT, S_DEL_EVENT,
       S_DEL_QUOTE, S_DEL_SUPEV, S_DEL_SUP, S_DEL_DOC, S_FTS_SYNC,
       S_FTS_MARK, S_COUNT };

/* A sentence's text from its document's bytes, in SQL: t is the sentence
 * (off_start, off_end), d its document row. The store keeps a sentence's
 * text only where it differs from those bytes (HTML, replaced bytes), and
 * in PostgreSQL always. */
#define AN_BODY_SLICE(t, d)                                                  \
	"CAST(substr(" d ".body, " t ".off_start + 1, " t ".off_end - " t        \
	".off_start) AS TEXT)"
/* The text of sentence s of document d. */
#define AN_SENT_TEXT "COALESCE(s.text, " AN_BODY_SLICE("s", "d") ")"

struct annals_store {
	an_db *db;
	unsigned flags;
	char err[2048];
	/* ingest */
	annals_ctx *ctx;
	an_stmt *st[S_COUNT];
	an_arena *a;           /* records of the current document */
	int in_tx;
	size_t batch_docs, tx_docs;
	size_t tx_stored;      /* documents stored in the open transaction */
	unsigned batch_ms;
	double tx_t0;
	const annals_article *art; /* the article being coded, or NULL */
	char hash[33];         /* its content hash */
	int64_t old_doc;       /* the stored version it replaces, or 0 */
	int64_t doc;           /* its row, once its document record is in */
	annals_store_stats stats;
	int stop;              /* the progress callback asked to stop */
	an_map names;          /* documents stored or skipped in this run:
				* hash of the id -> 1 */
	an_map written;        /* entity, alias and link rows written in this
				* run, by hash (cleared when a batch is
				* rolled back): not written again */
	annals_progress_fn progress;
	void *progress_ud;
};

/* Writes "what: db message" into st->err and returns ANNALS_ESTORE. */
int an_store_fail(annals_store *st, const char *what);

/* schema.c: creates the schema in an empty database, or checks the
 * version of an existing one (ANNALS_EVERSION with the way to migrate).
 * Read-only stores are only checked. */
int an_schema_ready(annals_store *st);
/* The SQL of the ingest statements for this backend (ORDER INGEST_SQL). */
const char *an_schema_ingest_sql(const an_db *db, int which);

/* query.c: annals_store_query. export.c: the file formats. */
typedef struct an_out {
	annals_sink_fn fn;
	void *ud;
	an_buf b;
	int failed;
} an_out;
/* Hands the buffer to the sink when it holds more than 64 KiB (force:
 * always); returns -1 once the sink has refused. */
int an_out_flush(an_out *o, int force);

/* The entity ids an actor name stands for (its id, name or an alias, any
 * case), and with rollup everything below them; as a SQL list literal
 * "('a','b')" in out. Returns the number of ids, 0 when unknown, -1 on a
 * database error. */
int an_query_actor_set(annals_store *st, const char *actor, int rollup,
		       an_buf *out);

#endif
