/*
 * query.h: what the query files share: SQL built from the filters given,
 * output cells and JSON fields, and the entry points of each kind of
 * question (query.c events and quotations, profile.c entities, search,
 * records and counts, network.c support and graphs, export.c CSV).
 */
#ifndef AN_QUERY_H
#define AN_QUERY_H

#include "store.h"

#define AN_SQL_MAX 16

/* A statement under construction and its text parameters (borrowed, or
 * owned in own[]). */
typedef struct an_sql {
	an_buf b;
	const char *v[AN_SQL_MAX];
	int n, where;
	char *own[2];
} an_sql;

void an_sql_init(an_sql *q, const char *head);
/* Adds a condition with " WHERE " or " AND "; val binds its '?' if any. */
void an_sql_where(an_sql *q, const char *cond, const char *val);
/* LIMIT and OFFSET for paging (0: no limit, no offset). */
void an_sql_page(an_sql *q, const annals_store *st, long limit, long offset);
/* Prepares the statement with its parameters bound; NULL on failure. */
an_stmt *an_sql_prepare(annals_store *st, an_sql *q);
void an_sql_free(an_sql *q);
void an_sql_free_own(an_sql *q);

/* Adds cond (a format whose %s is the actor's id list) for an actor name;
 * ANNALS_EUSAGE with a message when no entity has that name. */
int an_query_actor_where(annals_store *st, an_sql *q, const char *actor,
			 int rollup, const char *cond);
/* The filters of an event query over "event e JOIN doc d". */
int an_query_event_filters(annals_store *st, const annals_query *q, an_sql *sql);
/* An exclusive upper bound for an inclusive date at any precision. */
const char *an_date_upto(const char *to, char *buf, size_t cap);

/* A table cell: s (NULL shows "-") cut or padded to w columns. */
void an_cell(an_buf *b, const char *s, int w);
/* ,"key":value from column col: a JSON string or null, an integer or
 * null, or the column's text as is (def when NULL). */
void an_j_str(an_buf *b, const char *key, an_stmt *s, int col);
void an_j_int(an_buf *b, const char *key, an_stmt *s, int col);
void an_j_raw(an_buf *b, const char *key, an_stmt *s, int col, const char *def);

#define EVENT_COLS                                                             \
	"SELECT d.name, e.n, e.sentence, e.off_start, e.off_end, e.source,"    \
	" e.target, e.source_code, e.target_code, e.code, e.root, e.quad,"     \
	" e.goldstein, e.plover, e.date, e.location, e.modality,"              \
	" e.attribution, " AN_SENT_TEXT ", e.trig_start, e.trig_end, e.trig_text,"       \
	" e.pattern, d.date, d.source, le.lat, le.lon, le.name, le.country,"  \
	" e.doc"                                                               \
	" FROM event e JOIN doc d ON d.id = e.doc"                             \
	" LEFT JOIN sentence s ON s.doc = e.doc AND s.n = e.sentence"          \
	" LEFT JOIN entity le ON le.id = e.location"

#define QUOTE_COLS                                                            \
	"SELECT d.name, q.n, q.speaker, q.addressee, q.off_start, q.off_end,"  \
	" q.text, q.date, q.medium, q.outlet, q.sentence, q.sp_start,"         \
	" q.sp_end, q.sp_text, q.how, d.date, q.doc"                           \
	" FROM quote q JOIN doc d ON d.id = q.doc"

/* A record from a row of EVENT_COLS or QUOTE_COLS, as write.c writes it. */
void an_event_json(an_buf *b, an_stmt *s);
void an_quote_json(an_buf *b, an_stmt *s);

/* export.c: CSV and TSV. */
void an_csv_field(an_buf *b, const char *s, char sep);
void an_export_event_head(an_buf *b, char sep);
/* One event row from a statement with query.c's EVENT_COLS. */
void an_export_event_row(an_buf *b, an_stmt *s, char sep);

/* network.c */
int an_query_support(annals_store *st, const annals_query *q,
		     annals_output fmt, an_out *o);
int an_network_events(annals_store *st, const annals_query *q,
		      annals_output fmt, an_out *o);
/* The support records of everything in the store, for an_query_records. */
int an_support_records(annals_store *st, an_out *o);

/* profile.c */
#define ENTITY_COLS                                                         \
	"SELECT id, name, kind, code, country, roles, parents, lat, lon, origin," \
	" (SELECT count(*) FROM mention m WHERE m.entity = e.id) FROM entity e"
/* The entity record of write.c from a row of ENTITY_COLS (aliases from the
 * alias table); without the closing brace when open. */
void an_entity_json(annals_store *st, an_buf *b, an_stmt *s, int open);
/* The document record from a row of id, name, title, date, source,
 * authors, bytes, sentences, excluded; without the closing brace when
 * open. */
void an_document_json(an_buf *b, an_stmt *s, int open);
/* The mention record from a row of doc, name, entity, start, end, text,
 * sentence, how. */
void an_mention_json(an_buf *b, an_stmt *s);
int an_query_entity(annals_store *st, const annals_query *q,
		    annals_output fmt, an_out *o);
int an_query_search(annals_store *st, const annals_query *q,
		    annals_output fmt, an_out *o);
int an_query_records(annals_store *st, const annals_query *q, an_out *o);
int an_query_stats(annals_store *st, annals_output fmt, an_out *o);

/* browse.c: what a browser asks for. */
int an_query_entities(annals_store *st, const annals_query *q, an_out *o);
int an_query_document(annals_store *st, const annals_query *q, an_out *o);

#endif
