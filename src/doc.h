/*
 * doc.h: one document on its way through the pipeline, and the run context
 * that owns the dictionary and the run-level tables. Everything hanging off
 * an_doc lives in the document's arena.
 */
#ifndef AN_DOC_H
#define AN_DOC_H

#include <dirent.h>
#include <stdint.h>

#include "annals.h"
#include "arena.h"
#include "dict.h"
#include "entity.h"
#include "evdict.h"
#include "seg.h"
#include "support.h"
#include "text.h"

/* Stages timed for annals_get_timing. ORDER STAGES */
#define AN_STAGES 11

/* How a mention was found. */
enum { AN_H_DICT = 1, AN_H_ABBR, AN_H_DEMONYM, AN_H_DISCOVERED, AN_H_LOCAL,
       AN_H_SURNAME, AN_H_FUZZY, AN_H_ROLE };

typedef struct an_ment {
	uint32_t t0, t1;   /* token range [t0, t1) */
	uint32_t off, end; /* working-text span */
	uint32_t ent;      /* entity-table row */
	uint8_t how;       /* AN_H_* */
	uint8_t dead;      /* replaced by a longer mention */
} an_ment;

typedef struct an_range {
	uint32_t off, end; /* working-text span */
	const char *why;   /* static reason string */
} an_range;

/* A coded event; entities are entity-table rows. */
typedef struct an_event {
	uint32_t sent;         /* sentence index */
	uint32_t src, tgt;     /* rows; tgt AN_NONE when none */
	uint32_t attr, loc;    /* rows or AN_NONE */
	uint32_t trig0, trig1; /* working-text span of the trigger */
	const an_evcode *code;
	const an_pat *pat;
	const char *modality;  /* static */
	char date[11];         /* ISO at the text's precision, or "" */
} an_event;

/* A direct quotation; rows AN_NONE when not known. */
typedef struct an_quote {
	uint32_t om, cm;     /* opening mark token; closing mark token, or the
			      * token after the quotation when none closes it */
	uint32_t t0, t1;     /* tokens of the quoted words [t0, t1) */
	uint32_t off, end;   /* working-text span of the quoted words */
	long sment;          /* the mention naming the speaker, or -1 */
	uint32_t ev;         /* the token that names the speaker, or AN_NONE */
	uint32_t speaker, addressee, outlet; /* entity rows */
	const char *medium;  /* static, or NULL */
	char date[11];       /* ISO at the text's precision, or "" */
	uint8_t closed;      /* a closing mark ends it */
	uint8_t cont;        /* continues the quotation before it */
	uint8_t how;         /* how the speaker was found (quote.c) */
	uint8_t dup;         /* repeats a quotation before it */
} an_quote;

/* A diagnostic a document raised while it was coded, replayed through the
 * context's callback when the document's records are written (so that
 * diagnostics keep input order when documents are coded in parallel). */
typedef struct an_qdiag {
	int sev;
	long byte;
	char msg[512];
} an_qdiag;

#define AN_MAX_QDIAG 8

/* What coding one document leaves behind for the run: its own entity
 * table (rows numbered from 0 for this document alone), its support
 * claims and incident candidates over those rows, its records, trace,
 * diagnostics and counters. A coder is reused from document to document;
 * an_coder_merge folds it into the run's tables in input order. */
typedef struct an_coder {
	an_etab ents;      /* the document's entities */
	an_suptab *sup;    /* its support claims, or NULL without events */
	an_buf out;        /* its records */
	an_buf trace;      /* ANNALS_OPT_EXPLAIN: its trace */
	an_qdiag diag[AN_MAX_QDIAG];
	int ndiag;
	annals_stats stats; /* its counters (docs 1 when it was coded) */
	char *id;          /* the document id, for the explain callback */
	char *file;        /* the input, for diagnostics, or NULL */
	long line;         /* its line, for JSON Lines */
	int coded;         /* 1: a document was coded into it */
} an_coder;

typedef struct an_doc {
	annals_ctx *ctx;
	an_coder *co;      /* where the document's results go */
	an_etab *ents;     /* &co->ents */
	annals_stats *stats; /* &co->stats */
	an_arena *a;
	const char *id, *title, *date, *source; /* arena copies or NULL */
	const char *authors[8];
	unsigned nauthors;
	an_text text;
	an_seg seg;
	an_range *excl;
	size_t nexcl, excap;
	an_ment *ment;
	size_t nment, mcap;
	uint32_t *tokment; /* per token: mention index + 1, or 0 */
	an_event *ev;
	size_t nev, evcap;
	an_quote *quote;
	size_t nquote, qcap;
	/* event.c: the actor a subject "they" stood for (mention + 1, or 0)
	 * and its sentence, for a "they" opening the next sentence */
	uint32_t they_ment, they_sent;
	/* event.c: the last "we" resolved (token + 1) and its actor (+ 1) */
	uint32_t we_tok, we_ment;
} an_doc;

struct annals_ctx {
	const annals_mem *mem;
	annals_mem memv;
	unsigned opts;
	an_dict *dict;
	an_evdict *evdict;
	an_supdict *supdict;
	an_suptab *sup; /* support claims and incidents of the run */
	annals_explain_fn explain;
	void *explain_ud;
	an_etab ents;      /* the run's entities, merged from documents */
	an_arena *arena;   /* per-document, reset between documents */
	an_arena *scratch; /* per-input-line, for readers */
	an_coder co;       /* the coder of documents coded on this thread */
	an_buf out;        /* run-level records at annals_finish */
	struct an_par *par; /* parallel coding (annals_set_threads), or NULL */
	uint32_t shard_i, shard_n; /* annals_set_shard; shard_n 0: all */
	int timing;        /* annals_get_timing was asked for: time stages */
	double stage_s[AN_STAGES]; /* CPU seconds per stage */
	annals_sink_fn sink;
	void *sink_ud;
	annals_diag_fn diag;
	void *diag_ud;
	size_t max_doc;
	const char *file; /* the input being read, for diagnostics, or NULL */
	long line;        /* its line, for JSON Lines */
	annals_stats stats;
	annals_doc_fn filter; /* annals_set_doc_filter, or NULL */
	void *filter_ud;
	char datadir[4096];   /* the data directory loaded */
	char fingerprint[33]; /* annals_fingerprint, "" until computed */
	char err[1024];
};

/* Reports a diagnostic through the context's callback and counts it. */
void an_diag(annals_ctx *ctx, int sev, const char *file, long line, long byte,
	     const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Queues a diagnostic of the document being coded (see an_qdiag). */
void an_doc_diag(an_doc *d, int sev, long byte, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* ---- coding a document (annals.c) and coding in parallel (par.c) ---- */

void an_coder_init(an_coder *co, annals_ctx *ctx);
void an_coder_free(an_coder *co, annals_ctx *ctx);
/* Codes art into co with the document arena a: the document's records,
 * trace and diagnostics go to co, its entities and claims to co's own
 * tables. Reads only the context's dictionaries and options, so documents
 * may be coded on several threads at once, each with its coder and arena.
 * stage_s, when not NULL, adds the CPU seconds of each stage. */
void an_code_doc(annals_ctx *ctx, an_arena *a, an_coder *co,
		 const annals_article *art, double *stage_s);
/* Hands co's results to the run in input order: replays its diagnostics,
 * counts it, calls the explain callback, writes its records to the sink and
 * merges its entities and claims into the run's tables; then empties co.
 * Returns ANNALS_OK or ANNALS_EWRITE. */
int an_coder_merge(annals_ctx *ctx, an_coder *co);

/* par.c: documents coded on worker threads, merged in input order. */
typedef struct an_par an_par;
int an_par_new(annals_ctx *ctx, unsigned threads, an_par **out);
void an_par_free(an_par *p);
/* Queues a copy of art (borrowed) for coding; may first merge finished
 * documents. Returns ANNALS_OK, or ANNALS_EWRITE once the sink refused. */
int an_par_submit(an_par *p, const annals_article *art);
/* Queues a diagnostic behind the documents in flight; 0 when none is in
 * flight (the caller reports it at once). */
int an_par_diag(an_par *p, int sev, const char *file, long line, long byte,
		const char *msg);
/* Waits for every queued document and merges it; returns ANNALS_EWRITE
 * if the sink refused since the last drain. */
int an_par_drain(an_par *p);
/* Adds the workers' CPU seconds per stage to sum. */
void an_par_add_timing(const an_par *p, double *sum);

/* With ANNALS_OPT_EXPLAIN, adds a line to the document's trace. */
void an_trace(const an_doc *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* ---- stages (one file each) ---- */

/* meta.c: excluded ranges, title, date and authors from the text. */
void an_meta_run(an_doc *d);
/* Adds an excluded range (kept sorted by the caller's order of calls). */
void an_doc_exclude(an_doc *d, uint32_t off, uint32_t end, const char *why);
/* Marks tokens inside excluded ranges. */
void an_meta_mark_tokens(an_doc *d);

/* match.c: dictionary mentions; then doc-local names and surnames. */
void an_match_dict(an_doc *d);
void an_match_local(an_doc *d);
/* Adds a mention over tokens [t0, t1) for entity row ent. */
an_ment *an_doc_mention(an_doc *d, uint32_t t0, uint32_t t1, uint32_t ent,
			int how);
/* Sorts mentions by position and drops dead ones. */
void an_match_finish(an_doc *d);
/* The index of the first mention starting at or after token i. */
size_t an_doc_ments_before(const an_doc *d, uint32_t i);
/* The mention covering token i, as an index, or -1 (also past the end). */
static inline long an_doc_ment_at(const an_doc *d, uint32_t i)
{
	return i < d->seg.ntok && d->tokment && d->tokment[i] ? (long)d->tokment[i] - 1 : -1;
}
/* Whether token i is the word w (ASCII, any case); 0 past the end. */
static inline int an_doc_word_is(const an_doc *d, uint32_t i, const char *w)
{
	return i < d->seg.ntok && an_tok_ieq(&d->text, &d->seg.tok[i], w);
}

/* roles.c: "the Quds Force commander" as the person holding that role on
 * the document's date. Runs after an_match_local, before an_match_finish. */
void an_match_roles(an_doc *d);

/* discover.c: names not in the dictionary, from their context. */
void an_discover(an_doc *d);

/* support.c: a document's support claims and incident candidates, into
 * its coder's table. */
void an_support_run(an_doc *d);
/* Adds the claims and incident candidates of a document's table t, whose
 * entity rows map to the run's through map, to the run's table. */
void an_support_merge(annals_ctx *ctx, const an_suptab *t, const uint32_t *map);
/* Writes the support and incident records of table t (NULL: none), whose
 * rows are those of et; returns the support records and sets *incidents. */
size_t an_support_write(const an_suptab *t, const an_etab *et, an_buf *b,
			size_t *incidents);
/* Writes the support network as a text table (rollup: each actor at the
 * top of its hierarchy). */
void an_support_table(annals_ctx *ctx, an_buf *b, int rollup);

/* quote.c: direct quotations and their speakers. */
void an_quote_run(an_doc *d);
/* The quotation holding token i, or NULL. */
const an_quote *an_quote_at(const an_doc *d, uint32_t i);
/* The name of how a quotation's speaker was found ("after", "run"). */
const char *an_quote_how(const an_quote *q);

/* event.c: events from the sentences. */
void an_event_run(an_doc *d);

/* when.c: the temporal expressions in tokens [t0, t1), resolved against
 * the document date, each as ISO at the precision the text gives
 * ("2017-12-28", "2002-01", "2008"); returns how many (at most max). */
typedef struct an_when {
	uint32_t tok; /* first token of the expression */
	char iso[11];
} an_when;
int an_when_scan(const an_doc *d, uint32_t t0, uint32_t t1, an_when *out,
		 int max);
/* The date of the footnote that a marker at token i points to (a
 * superscript digit, or "[3]"): the first date of the later line that
 * opens with the same marker ("[3] ISNA (Iran), May 29, 2021."). Returns 1
 * and fills out, or 0. */
int an_when_footnote(const an_doc *d, uint32_t i, an_when *out);

/* write.c: JSON Lines records. */
void an_write_document(an_doc *d, an_buf *b);
/* ANNALS_OPT_SENTENCES: a sentence record per sentence. */
void an_write_sentences(an_doc *d, an_buf *b);
void an_write_mentions(an_doc *d, an_buf *b);
void an_write_events(an_doc *d, an_buf *b);
void an_write_quotes(an_doc *d, an_buf *b);
/* An entity record; merged (n ids, or NULL) lists the rows of other
 * spellings folded into it (their mentions and aliases are counted in). */
void an_write_entity(annals_ctx *ctx, const an_etab *t, uint32_t row,
		     const uint32_t *merged, size_t n, an_buf *b);

/* fingerprint.c: the library version and every file below dir (names and
 * bytes, in sorted order) hashed into 32 hex digits and a NUL in out. A
 * file that cannot be read adds its name and the error only. */
void an_fingerprint(const char *dir, const annals_mem *mem, char out[33]);

/* read.c: the names in directory dp but hidden ones, sorted; closes dp.
 * Each name and the array are the caller's to free (mem). */
char **an_dir_names(DIR *dp, const annals_mem *mem, size_t *n);

/* date.c: dates in text. */
/* Parses a date at s (n bytes) such as "January 7, 2018", "7 January 2018",
 * "Jan. 7, 2018" or "2018-01-07"; writes ISO "YYYY-MM-DD" to out (11 bytes)
 * and returns the bytes consumed, or 0. */
size_t an_date_parse(const char *s, size_t n, char *out);
/* A month name or its abbreviation ("Jan", "Sept", with an optional
 * period) at s: returns 1..12 and sets *len to the bytes it spans, or 0. */
int an_month_at(const char *s, size_t n, size_t *len);

#endif
