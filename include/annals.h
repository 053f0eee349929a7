/*
 * annals.h: the public interface of libannals.
 *
 * annals turns news text into structured, evidence-backed records (documents,
 * entities and their mentions, as JSON Lines; see SCHEMA.md). A run owns one
 * annals_ctx: it loads the dictionaries once, codes any number of inputs, and
 * keeps the run-level entity table. Everything a document creates lives in a
 * per-document arena and is gone when its records have been written.
 *
 * Not in this file = not API. Errors are returned as ANNALS_E* codes with a
 * message in annals_errmsg(ctx); the library never prints and never exits.
 */
#ifndef ANNALS_H
#define ANNALS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define ANNALS_API __attribute__((visibility("default")))
#else
#define ANNALS_API
#endif

#define ANNALS_VERSION "0.1.0"
#define ANNALS_VERSION_NUM 0x000100 /* 0xMMmmpp */

/* Result codes. ORDER RESULT_CODES: keep annals_strerror() in step. */
enum {
	ANNALS_OK = 0,
	ANNALS_EIO = 1,      /* a file could not be read or written */
	ANNALS_EFORMAT = 2,  /* input is malformed (a bad JSON Lines line, ...) */
	ANNALS_EEMPTY = 3,   /* input holds no text */
	ANNALS_ETOOBIG = 4,  /* a document is larger than the per-document limit */
	ANNALS_EDATA = 5,    /* a dictionary file is missing or malformed */
	ANNALS_EUSAGE = 6,   /* the caller passed a bad argument */
	ANNALS_EWRITE = 7,   /* the output sink refused the records */
	ANNALS_ESTORE = 8,   /* the database refused (read-only, full, locked,
			      * not a database, connection lost) */
	ANNALS_EVERSION = 9, /* the database has another schema version */
	ANNALS_ETIMEOUT = 10 /* a query ran past its time limit
			      * (annals_store_set_timeout) */
};

/* Input formats. ANNALS_FMT_AUTO decides from the name and the first bytes. */
typedef enum {
	ANNALS_FMT_AUTO = 0,
	ANNALS_FMT_TEXT,
	ANNALS_FMT_HTML,
	ANNALS_FMT_JSONL
} annals_format;

/* Options, bit flags, default 0. */
#define ANNALS_OPT_NO_DISCOVERY (1u << 0) /* dictionary matches only */
#define ANNALS_OPT_NO_ENTITIES (1u << 1)  /* omit entity records at finish */
#define ANNALS_OPT_NO_EVENTS (1u << 2)    /* no event coding */
#define ANNALS_OPT_EXPLAIN (1u << 3)      /* trace the coding (annals_set_explain) */
#define ANNALS_OPT_NETWORK (1u << 4)      /* no records: annals_finish writes the
					   * support network as a text table */
#define ANNALS_OPT_ROLLUP (1u << 5)       /* that table with each actor at the top
					   * of its hierarchy (its state) */
#define ANNALS_OPT_PER_DOC (1u << 6)      /* run-level records after each document
					   * instead of at the end: an entity record
					   * for each entity it names, its support
					   * claims (docs 1); no incidents. For
					   * stores that commit document by document */
#define ANNALS_OPT_DOC_LOCAL (1u << 8)    /* kept for compatibility: every
					   * document is coded on its own
					   * (its entity table starts empty,
					   * so its records depend only on
					   * its text and the dictionary) */
#define ANNALS_OPT_SENTENCES (1u << 7)    /* a "sentence" record per sentence
					   * after the document record: doc,
					   * sentence, start, end, text (for
					   * full-text indexes) */

/* Diagnostic severities passed to the diagnostic callback. */
enum { ANNALS_WARNING = 1, ANNALS_ERROR = 2 };

/* All allocation goes through these; a NULL annals_mem means the C library's.
 * calloc and realloc never return NULL to the library: out of memory aborts
 * inside the default wrapper. */
typedef struct annals_mem {
	void *(*calloc)(size_t n, size_t size);
	void *(*realloc)(void *p, size_t size);
	void (*free)(void *p);
} annals_mem;

/* Receives every record line the library writes (n bytes, ending in '\n').
 * Returns 0 on success, non-zero to stop the run with ANNALS_EWRITE. */
typedef int (*annals_sink_fn)(void *ud, const char *data, size_t n);

/* Receives warnings and per-input errors: file name, 1-based line (0 when not
 * line based), byte offset in the file (-1 when unknown), and the message. */
typedef void (*annals_diag_fn)(void *ud, int severity, const char *file,
			       long line, long byte, const char *msg);

typedef struct annals_ctx annals_ctx;

/* One article handed over by the caller. Borrowed: the library copies what it
 * keeps. text need not be NUL-terminated; title, date and source may be NULL. */
typedef struct annals_article {
	const char *id;     /* document id, e.g. the file's base name */
	const char *title;  /* headline, or NULL to find it in the text */
	const char *date;   /* "YYYY-MM-DD" or NULL */
	const char *source; /* outlet, or NULL */
	const char *text;   /* UTF-8 (invalid bytes are replaced, with a warning) */
	size_t len;         /* bytes of text */
	annals_format fmt;  /* ANNALS_FMT_TEXT or ANNALS_FMT_HTML */
} annals_article;

/* The library version string; equals ANNALS_VERSION of the header it was
 * built with. */
ANNALS_API const char *annals_version(void);

/* A static English description of a result code. */
ANNALS_API const char *annals_strerror(int rc);

/* Creates a run context and loads the dictionaries from datadir (NULL: the
 * directory compiled in, or $ANNALS_DATA). On success *out is the new context,
 * owned by the caller (annals_ctx_free). On failure *out is still a context
 * whose annals_errmsg() says what went wrong; the caller frees it. */
ANNALS_API int annals_ctx_new(annals_ctx **out, const char *datadir,
			      unsigned opts, const annals_mem *mem);

/* Frees a context and all it owns; NULL is a no-op. */
ANNALS_API void annals_ctx_free(annals_ctx *ctx);

/* The message of the last error, with file, line and byte where known. The
 * string belongs to ctx and stays valid until the next call on ctx. */
ANNALS_API const char *annals_errmsg(const annals_ctx *ctx);

/* Sets where records go. Without a sink, records are discarded. */
ANNALS_API void annals_set_sink(annals_ctx *ctx, annals_sink_fn fn, void *ud);

/* Sets the diagnostic callback. Without one, diagnostics are counted only. */
ANNALS_API void annals_set_diag(annals_ctx *ctx, annals_diag_fn fn, void *ud);

/* Sets the per-document size limit in bytes (default 64 MiB). */
ANNALS_API void annals_set_max_doc(annals_ctx *ctx, size_t bytes);

/* Codes one article and writes its document and mention records to the sink.
 * Returns ANNALS_OK, ANNALS_EEMPTY, ANNALS_ETOOBIG or ANNALS_EWRITE. */
ANNALS_API int annals_code_article(annals_ctx *ctx, const annals_article *a);

/* Codes every document in one input: a text or HTML file is one document, a
 * JSON Lines file one per line ({"id","title","date","source","text"}). name is
 * used for document ids and diagnostics. A bad line is reported through the
 * diagnostic callback and skipped; the rest is still coded, and the result is
 * then ANNALS_EFORMAT. */
ANNALS_API int annals_code_buffer(annals_ctx *ctx, const char *name,
				  const char *data, size_t len,
				  annals_format fmt);

/* As annals_code_buffer, reading path ("-" is standard input). JSON Lines files
 * are streamed line by line, so memory follows the largest document. */
ANNALS_API int annals_code_file(annals_ctx *ctx, const char *path,
				annals_format fmt);

/* As annals_code_file for a file; a directory is walked recursively in
 * sorted name order (hidden entries skipped, symbolic-link loops reported). */
ANNALS_API int annals_code_path(annals_ctx *ctx, const char *path,
				annals_format fmt);

/* Writes the run-level records (one entity record per entity seen, one
 * support record per sponsor, recipient and kind, one incident record per
 * event several documents report; with ANNALS_OPT_NETWORK the support
 * network as a table instead) and resets the run tables. Returns ANNALS_OK
 * or ANNALS_EWRITE. */
ANNALS_API int annals_finish(annals_ctx *ctx);

/* Codes documents on n threads (1: on the caller's thread, the default;
 * 0: one per processor online). Each document is coded on its own against
 * the dictionaries (which threads share, read-only), so its records do not
 * depend on the documents before it; records, diagnostics and explain
 * traces still reach the callbacks in input order, on the caller's thread,
 * byte for byte as with one thread. annals_code_article and the readers
 * then return before the document is coded (its diagnostics and
 * ANNALS_EWRITE may come with a later call or annals_finish, which waits
 * for every document). With an article filter (the store) documents are
 * coded on the caller's thread. Returns ANNALS_OK, or ANNALS_EUSAGE for
 * more than 256 threads. */
ANNALS_API int annals_set_threads(annals_ctx *ctx, unsigned n);

/* Codes only the documents of shard i of n: those whose id hashes to i
 * (annals_shard_of). The others are skipped as by the article filter.
 * n 0 or i >= n: every document. */
ANNALS_API void annals_set_shard(annals_ctx *ctx, unsigned i, unsigned n);

/* The shard (0 .. n-1) of a document id: FNV-1a of its bytes modulo n, the
 * same on every host, build and input order. */
ANNALS_API unsigned annals_shard_of(const char *id, unsigned n);

/* CPU seconds a run spent in one stage of the pipeline. */
typedef struct annals_timing {
	const char *stage; /* "read", "meta", "segment", "dictionary",
			    * "discovery", "names", "quotes", "events",
			    * "support", "records", "merge" (static) */
	double cpu_s;      /* CPU seconds, summed over threads */
} annals_timing;

/* Turns per-stage timing on or off (default off; on costs a clock read
 * per stage and document). */
ANNALS_API void annals_set_timing(annals_ctx *ctx, int on);
/* Fills out with up to max stages; returns how many. */
ANNALS_API int annals_get_timing(const annals_ctx *ctx, annals_timing *out,
				 size_t max);

/* Receives each article before it is coded. The article and its text are
 * borrowed and stay valid until the document's records have reached the
 * sink. Returns 0 to code the article, 1 to skip it (no records, not
 * counted), -1 to stop the run with ANNALS_EWRITE. */
typedef int (*annals_doc_fn)(void *ud, const annals_article *a);
/* Sets the article filter (NULL: code every article). */
ANNALS_API void annals_set_doc_filter(annals_ctx *ctx, annals_doc_fn fn,
				      void *ud);

/* A fingerprint of how this context codes: the library version and the
 * names and bytes of every file in the data directory it loaded, as 32 hex
 * digits. Computed on the first call; the string belongs to ctx. A store
 * recodes a document when the fingerprint it was coded with changes. */
ANNALS_API const char *annals_fingerprint(annals_ctx *ctx);

/* Run counters, for progress and summaries. */
typedef struct annals_stats {
	size_t docs;      /* documents coded */
	size_t bytes;     /* bytes of document text coded */
	size_t sentences; /* sentences found */
	size_t mentions;  /* mention records written */
	size_t events;    /* event records written */
	size_t quotes;    /* quote records written */
	size_t support;   /* support records (sponsor, recipient, kind) written */
	size_t incidents; /* incident records: events several documents report */
	size_t entities;  /* distinct entities so far (summed over finished runs) */
	size_t warnings;  /* warnings reported */
	size_t errors;    /* per-input errors reported */
} annals_stats;

/* Copies the run counters into *out. */
ANNALS_API void annals_get_stats(const annals_ctx *ctx, annals_stats *out);

/* The number of entries the loaded dictionary holds. */
ANNALS_API size_t annals_dict_size(const annals_ctx *ctx);
/* The number of event patterns loaded. */
ANNALS_API size_t annals_pattern_count(const annals_ctx *ctx);

/* Receives, after each document, why it coded as it did, sentence by
 * sentence: the actors found, the patterns that matched, the clause roles,
 * modality and date chosen, or why a sentence produced no event. */
typedef void (*annals_explain_fn)(void *ud, const char *doc_id,
				  const char *trace);
/* Sets the explanation callback (NULL turns tracing off). */
ANNALS_API void annals_set_explain(annals_ctx *ctx, annals_explain_fn fn,
				   void *ud);


/* ---- the store ----------------------------------------------------------
 * A database of coded documents: SQLite (a file) or PostgreSQL (a
 * postgresql:// URL), the same schema and queries on both. Documents are
 * stored with their text, so every record's offsets can be shown as
 * evidence; a document is stored whole or not at all. */

typedef struct annals_store annals_store;

/* The schema version this library reads and writes. */
#define ANNALS_SCHEMA_VERSION 1

#define ANNALS_STORE_READONLY (1u << 0) /* queries only: never create or write */

/* Opens (and with write access creates) the database at target: a file
 * name, or a postgresql:// URL. On success *out is the store, owned by the
 * caller (annals_store_free). On failure (ANNALS_ESTORE, or ANNALS_EVERSION
 * for a database of another schema version, the message naming both
 * versions and the way to migrate) *out is still a store whose
 * annals_store_errmsg says what went wrong; the caller frees it. */
ANNALS_API int annals_store_open(annals_store **out, const char *target,
				 unsigned flags);

/* Rolls back what is not committed, closes the database and frees st; NULL
 * is a no-op. */
ANNALS_API void annals_store_free(annals_store *st);

/* The message of the last error; belongs to st. */
ANNALS_API const char *annals_store_errmsg(const annals_store *st);

/* Makes ctx code into the store: sets its sink and article filter and turns
 * on ANNALS_OPT_PER_DOC, ANNALS_OPT_DOC_LOCAL and ANNALS_OPT_SENTENCES.
 * Call before coding
 * anything with ctx. An article whose id is stored with the same content
 * (text, title, date, source) and the same annals_fingerprint is skipped;
 * with other content or another fingerprint it is recoded and replaces the
 * stored one. Documents are committed in batches (see
 * annals_store_set_batch); a batch is one transaction, so a crash or a kill
 * loses at most the open batch and leaves the database consistent. When a
 * write fails, coding stops with ANNALS_EWRITE and the store's message says
 * why. */
ANNALS_API int annals_store_attach(annals_store *st, annals_ctx *ctx);

/* Commits after docs documents or ms milliseconds, whichever comes first
 * (default 500 documents, 1000 ms). */
ANNALS_API void annals_store_set_batch(annals_store *st, size_t docs,
				       unsigned ms);

/* Commits the open batch. Returns ANNALS_OK or ANNALS_ESTORE. */
ANNALS_API int annals_store_commit(annals_store *st);

/* Ingest counters. */
typedef struct annals_store_stats {
	size_t stored;   /* documents coded and stored (replaced included) */
	size_t replaced; /* of those, stored before with other content or coding */
	size_t skipped;  /* already stored as they are: not coded */
	size_t duplicates; /* skipped: their id was stored from another input
			    * of this run (with a warning) */
	size_t bytes;    /* text bytes of the documents seen (stored + skipped) */
	size_t records;  /* records stored */
	size_t commits;  /* transactions committed */
} annals_store_stats;

ANNALS_API void annals_store_get_stats(const annals_store *st,
				       annals_store_stats *out);

/* Called after each document stored or skipped, for progress. Returns 0
 * to go on; non-zero stops coding before the next document with
 * ANNALS_EWRITE (what is stored stays; commit it with
 * annals_store_commit). */
typedef int (*annals_progress_fn)(void *ud, const annals_store_stats *s);
ANNALS_API void annals_store_set_progress(annals_store *st,
					  annals_progress_fn fn, void *ud);

/* What a query asks for. */
typedef enum {
	ANNALS_Q_EVENTS = 0, /* event records */
	ANNALS_Q_QUOTES,     /* quote records */
	ANNALS_Q_SUPPORT,    /* support records over the whole store */
	ANNALS_Q_ENTITY,     /* one entity's profile */
	ANNALS_Q_SEARCH,     /* sentences matching words, with snippets */
	ANNALS_Q_RECORDS,    /* every record, as annals code writes them */
	ANNALS_Q_STATS,      /* counts of documents and records */
	ANNALS_Q_ENTITIES,   /* entity records, most mentioned first; text:
			      * words in the name, id or an alias;
			      * entity_kind: person, organization, ... */
	ANNALS_Q_DOCUMENT    /* one document (doc): its document record with
			      * "text" (and "body_base64" when its bytes are
			      * not UTF-8), then its mention, event and
			      * quote records */
} annals_query_kind;

/* How results are written. Graph formats show the support network
 * (ANNALS_Q_SUPPORT) or the event network (ANNALS_Q_EVENTS). */
typedef enum {
	ANNALS_OUT_JSON = 0, /* JSON Lines records (SCHEMA.md) */
	ANNALS_OUT_TABLE,    /* a text table for a terminal */
	ANNALS_OUT_CSV,      /* events: the Phoenix/GDELT-style columns */
	ANNALS_OUT_TSV,
	ANNALS_OUT_GRAPHML,
	ANNALS_OUT_GEXF,     /* Gephi, with time intervals on edges */
	ANNALS_OUT_DOT,      /* Graphviz */
	ANNALS_OUT_GRAPH     /* JSON Lines: a "node" record per actor (id,
			      * label, kind, mentions in the store, first,
			      * last) and an "edge" record per edge (source,
			      * target, kind, weight, docs, first, last);
			      * with a limit, the heaviest edges */
} annals_output;

/* Filters; NULL or 0 fields do not filter. Actors are entity ids, names or
 * aliases (any case). Dates are ISO at any precision and inclusive ("2017"
 * to "2018-05"); an event without a date of its own is dated by its
 * document. */
typedef struct annals_query {
	annals_query_kind kind;
	const char *actor;    /* events: source or target; quotes: speaker;
			       * support: sponsor or recipient; entity: who */
	const char *source;   /* events: source; support: sponsor */
	const char *target;   /* events: target; support: recipient */
	const char *code;     /* events: CAMEO code or its prefix ("19") */
	const char *root;     /* events: root code ("19") */
	const char *from, *to;
	const char *place;    /* events: location (an entity) */
	const char *modality; /* events: asserted, reported, claimed, ... */
	const char *support_kind; /* support: weapons, funding, ... */
	const char *text;     /* search: words (all must occur) */
	const char *doc;      /* only this document id */
	int rollup;           /* actors include everything below them in the
			       * hierarchy (a commander under his force and
			       * state) */
	long limit;           /* at most this many results; 0: all */
	long offset;          /* skip this many results first (paging) */
	const char *entity_kind; /* entities: person, organization, country,
				  * place, media, other */
	int doc_dates;        /* events, quotes (JSON): add "doc_date", the
			       * date of the record's document */
} annals_query;

/* Runs q and writes its results in format out to fn. Returns ANNALS_OK,
 * ANNALS_EUSAGE (an unknown actor or document, or a format the query has
 * not), ANNALS_ETIMEOUT, or ANNALS_ESTORE / ANNALS_EWRITE. */
ANNALS_API int annals_store_query(annals_store *st, const annals_query *q,
				  annals_output out, annals_sink_fn fn,
				  void *ud);

/* Limits each annals_store_query to about ms milliseconds of database
 * work (0, the default: no limit); a query past it stops with
 * ANNALS_ETIMEOUT. SQLite checks the clock as it steps; PostgreSQL sets
 * statement_timeout, per statement. */
ANNALS_API void annals_store_set_timeout(annals_store *st, unsigned ms);

#ifdef __cplusplus
}
#endif
#endif
