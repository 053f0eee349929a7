/*
 * query.c: annals_store_query. Each kind of question builds its SQL from
 * the filters given (only those, so PostgreSQL never sees an untyped
 * parameter), runs it on either backend and writes what it finds as the
 * JSON Lines records of SCHEMA.md (offsets included) or as a table.
 * Support and the networks are in network.c, the CSV columns in export.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"

/* ---- output ---------------------------------------------------------------- */

int an_out_flush(an_out *o, int force)
{
	if (o->failed)
		return -1;
	if ((force || o->b.len >= 65536) && o->b.len) {
		if (o->fn && o->fn(o->ud, o->b.p, o->b.len))
			o->failed = 1;
		o->b.len = 0;
	}
	return o->failed ? -1 : 0;
}

/* Appends s cut to at most w display columns (UTF-8 aware), padded. */
void an_cell(an_buf *b, const char *s, int w)
{
	if (!s)
		s = "-";
	int cols = 0;
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (p[i] && cols < w) {
		size_t l = p[i] < 0x80 ? 1 : p[i] < 0xE0 ? 2 : p[i] < 0xF0 ? 3 : 4;
		if (cols == w - 1 && p[i + 1] && strlen(s + i) > l) {
			an_buf_puts(b, "\xE2\x80\xA6"); /* an ellipsis */
			cols++;
			i = strlen(s);
			break;
		}
		char c = (char)p[i];
		if (c == '\n' || c == '\t' || c == '\r')
			an_buf_putc(b, ' ');
		else
			an_buf_add(b, s + i, l);
		i += l;
		cols++;
	}
	while (cols++ < w)
		an_buf_putc(b, ' ');
	an_buf_putc(b, ' ');
}

/* ---- building the SQL -------------------------------------------------------- */

void an_sql_init(an_sql *q, const char *head)
{
	an_buf_init(&q->b, NULL);
	an_buf_puts(&q->b, head);
	q->n = 0;
}

void an_sql_where(an_sql *q, const char *cond, const char *val)
{
	an_buf_puts(&q->b, q->where ? " AND " : " WHERE ");
	an_buf_puts(&q->b, cond);
	q->where = 1;
	if (val && q->n < AN_SQL_MAX)
		q->v[q->n++] = val;
}

an_stmt *an_sql_prepare(annals_store *st, an_sql *q)
{
	an_buf_putc(&q->b, 0);
	an_stmt *s = an_db_prepare(st->db, q->b.p);
	if (!s) {
		an_store_fail(st, "cannot query");
		return NULL;
	}
	for (int i = 0; i < q->n; i++)
		an_stmt_text_bind(s, i + 1, q->v[i], (size_t)-1);
	return s;
}

void an_sql_free(an_sql *q) { an_buf_free(&q->b); }

/* Appends s as a SQL string literal. */
static void sql_lit(an_buf *b, const char *s)
{
	an_buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			an_buf_putc(b, '\'');
		an_buf_putc(b, *s);
	}
	an_buf_putc(b, '\'');
}

/* Adds the ids of rows of a one-column query to the list literal. */
static int collect_ids(annals_store *st, an_stmt *s, an_buf *out, int *n)
{
	int r;
	while ((r = an_stmt_step(s)) == AN_STEP_ROW) {
		const char *id = an_stmt_text(s, 0, NULL);
		if (!id)
			continue;
		an_buf_putc(out, *n ? ',' : '(');
		sql_lit(out, id);
		(*n)++;
	}
	return r == AN_STEP_ERROR ? an_store_fail(st, "cannot look up an actor") : 0;
}

int an_query_actor_set(annals_store *st, const char *actor, int rollup,
		       an_buf *out)
{
	an_buf seed;
	an_buf_init(&seed, NULL);
	an_buf_puts(&seed, "SELECT id FROM entity WHERE lower(id) = lower(?) OR "
			   "lower(name) = lower(?) UNION SELECT entity FROM alias "
			   "WHERE lower(alias) = lower(?) UNION SELECT child FROM link "
			   "WHERE child = lower(?) UNION SELECT parent FROM link "
			   "WHERE parent = lower(?)");
	an_buf b;
	an_buf_init(&b, NULL);
	if (rollup) {
		an_buf_puts(&b, "WITH RECURSIVE down(id) AS (");
		an_buf_add(&b, seed.p, seed.len);
		an_buf_puts(&b, " UNION SELECT l.child FROM link l JOIN down ON "
				"l.parent = down.id) SELECT id FROM down");
	} else {
		an_buf_add(&b, seed.p, seed.len);
	}
	an_buf_putc(&b, 0);
	an_buf_free(&seed);
	an_stmt *s = an_db_prepare(st->db, b.p);
	an_buf_free(&b);
	if (!s)
		return an_store_fail(st, "cannot look up an actor"), -1;
	for (int i = 1; i <= 5; i++)
		an_stmt_text_bind(s, i, actor, (size_t)-1);
	int n = 0;
	out->len = 0;
	int rc = collect_ids(st, s, out, &n);
	an_stmt_free(s);
	if (rc)
		return -1;
	if (n)
		an_buf_putc(out, ')');
	an_buf_putc(out, 0);
	out->len--;
	return n;
}

/* Adds "col IN (ids)" for an actor; ANNALS_EUSAGE when nobody has that
 * name. cond is a format with %s for the list, used once or twice. */
int an_query_actor_where(annals_store *st, an_sql *q, const char *actor,
			 int rollup, const char *cond)
{
	an_buf set, c;
	an_buf_init(&set, NULL);
	int n = an_query_actor_set(st, actor, rollup, &set);
	if (n <= 0) {
		an_buf_free(&set);
		if (n < 0)
			return st->db->fail == AN_DBE_TIMEOUT ? ANNALS_ETIMEOUT : ANNALS_ESTORE;
		snprintf(st->err, sizeof st->err, "no entity '%s' in %s (try 'annals query "
			 "search %s' or an entity id)", actor, st->db->name, actor);
		return ANNALS_EUSAGE;
	}
	an_buf_init(&c, NULL);
	for (const char *p = cond; *p; p++) {
		if (p[0] == '%' && p[1] == 's') {
			an_buf_add(&c, set.p, set.len);
			p++;
		} else {
			an_buf_putc(&c, *p);
		}
	}
	an_buf_putc(&c, 0);
	an_sql_where(q, c.p, NULL);
	an_buf_free(&c);
	an_buf_free(&set);
	return ANNALS_OK;
}

/* An upper bound for "to" at any precision: "2017-12" takes every date
 * that starts with it. */
const char *an_date_upto(const char *to, char *buf, size_t cap)
{
	snprintf(buf, cap, "%s~", to);
	return buf;
}

void an_sql_page(an_sql *q, const annals_store *st, long limit, long offset)
{
	if (limit > 0)
		an_buf_printf(&q->b, " LIMIT %ld", limit);
	else if (offset > 0 && st->db->kind == AN_DB_SQLITE)
		an_buf_puts(&q->b, " LIMIT -1"); /* SQLite needs a LIMIT first */
	if (offset > 0)
		an_buf_printf(&q->b, " OFFSET %ld", offset);
}

/* ---- JSON helpers -------------------------------------------------------------- */

void an_j_str(an_buf *b, const char *key, an_stmt *s, int col)
{
	an_buf_printf(b, ",\"%s\":", key);
	size_t n;
	const char *t = an_stmt_text(s, col, &n);
	if (t)
		an_buf_json_str(b, t, n);
	else
		an_buf_puts(b, "null");
}

void an_j_int(an_buf *b, const char *key, an_stmt *s, int col)
{
	if (an_stmt_null(s, col))
		an_buf_printf(b, ",\"%s\":null", key);
	else
		an_buf_printf(b, ",\"%s\":%lld", key, (long long)an_stmt_int(s, col));
}

void an_j_raw(an_buf *b, const char *key, an_stmt *s, int col, const char *def)
{
	const char *t = an_stmt_text(s, col, NULL);
	an_buf_printf(b, ",\"%s\":%s", key, t ? t : def);
}

/* ---- events ------------------------------------------------------------------- */

/* The event record, as write.c writes it. */
void an_event_json(an_buf *b, an_stmt *s)
{
	const char *doc = an_stmt_text(s, 0, NULL);
	char id[340];
	snprintf(id, sizeof id, "%.300s#e%lld", doc, (long long)an_stmt_int(s, 1));
	an_buf_puts(b, "{\"type\":\"event\",\"id\":");
	an_buf_json_strz(b, id);
	an_j_str(b, "doc", s, 0);
	an_j_int(b, "sentence", s, 2);
	an_j_int(b, "start", s, 3);
	an_j_int(b, "end", s, 4);
	static const char *const k1[] = {"source", "target", "source_code",
					 "target_code", "code", "root"};
	for (int i = 0; i < 6; i++)
		an_j_str(b, k1[i], s, 5 + i);
	an_j_int(b, "quad", s, 11);
	an_buf_printf(b, ",\"goldstein\":%.1f", an_stmt_double(s, 12));
	static const char *const k2[] = {"plover", "date", "location", "modality",
					 "attribution", "text"};
	for (int i = 0; i < 6; i++)
		an_j_str(b, k2[i], s, 13 + i);
	an_buf_puts(b, ",\"trigger\":{\"start\":");
	an_buf_printf(b, "%lld,\"end\":%lld,\"text\":", (long long)an_stmt_int(s, 19),
		      (long long)an_stmt_int(s, 20));
	size_t n;
	const char *t = an_stmt_text(s, 21, &n);
	an_buf_json_str(b, t ? t : "", n);
	an_buf_putc(b, '}');
	an_j_str(b, "pattern", s, 22);
	an_buf_puts(b, "}\n");
}

static void event_head(an_buf *b)
{
	an_cell(b, "date", 10);
	an_cell(b, "source", 22);
	an_cell(b, "code", 5);
	an_cell(b, "target", 22);
	an_cell(b, "modality", 12);
	an_cell(b, "evidence", 30);
	an_buf_puts(b, "sentence\n");
}

static void event_row(an_buf *b, an_stmt *s)
{
	const char *date = an_stmt_text(s, 14, NULL);
	an_cell(b, date ? date : an_stmt_text(s, 23, NULL), 10);
	an_cell(b, an_stmt_text(s, 5, NULL), 22);
	an_cell(b, an_stmt_text(s, 9, NULL), 5);
	an_cell(b, an_stmt_text(s, 6, NULL), 22);
	an_cell(b, an_stmt_text(s, 16, NULL), 12);
	char ev[400];
	snprintf(ev, sizeof ev, "%s@%lld-%lld", an_stmt_text(s, 0, NULL),
		 (long long)an_stmt_int(s, 3), (long long)an_stmt_int(s, 4));
	an_cell(b, ev, 30);
	an_cell(b, an_stmt_text(s, 18, NULL), 70);
	an_buf_putc(b, '\n');
}

/* A record by put, with "doc_date" from column date_col when it is not
 * -1 (put ends its record with "}\n"). */
static void json_row(an_buf *b, an_stmt *s, void (*put)(an_buf *, an_stmt *),
		     int date_col)
{
	put(b, s);
	if (date_col < 0)
		return;
	b->len -= 2;
	an_j_str(b, "doc_date", s, date_col);
	an_buf_puts(b, "}\n");
}

/* The WHERE clause of an event query. */
int an_query_event_filters(annals_store *st, const annals_query *q, an_sql *sql)
{
	int rc = ANNALS_OK;
	char upto[64], code[32];
	if (q->actor)
		rc = an_query_actor_where(st, sql, q->actor, q->rollup,
					  "(e.source IN %s OR e.target IN %s)");
	if (!rc && q->source)
		rc = an_query_actor_where(st, sql, q->source, q->rollup, "e.source IN %s");
	if (!rc && q->target)
		rc = an_query_actor_where(st, sql, q->target, q->rollup, "e.target IN %s");
	if (!rc && q->place)
		rc = an_query_actor_where(st, sql, q->place, q->rollup, "e.location IN %s");
	if (rc)
		return rc;
	if (q->code) {
		snprintf(code, sizeof code, "%s%%", q->code);
		sql->own[0] = an_strdup(NULL, code);
		an_sql_where(sql, "e.code LIKE ?", sql->own[0]);
	}
	if (q->root)
		an_sql_where(sql, "e.root = ?", q->root);
	if (q->from)
		an_sql_where(sql, "COALESCE(e.date, d.date) >= ?", q->from);
	if (q->to) {
		sql->own[1] = an_strdup(NULL, an_date_upto(q->to, upto, sizeof upto));
		an_sql_where(sql, "COALESCE(e.date, d.date) < ?", sql->own[1]);
	}
	if (q->modality)
		an_sql_where(sql, "e.modality = ?", q->modality);
	if (q->doc)
		an_sql_where(sql, "d.name = ?", q->doc);
	return ANNALS_OK;
}

void an_sql_free_own(an_sql *q)
{
	for (int i = 0; i < 2; i++) {
		an_free(NULL, q->own[i]);
		q->own[i] = NULL;
	}
	an_sql_free(q);
}

static int q_events(annals_store *st, const annals_query *q, annals_output fmt,
		    an_out *o)
{
	an_sql sql = {0};
	an_sql_init(&sql, EVENT_COLS);
	int rc = an_query_event_filters(st, q, &sql);
	if (rc) {
		an_sql_free_own(&sql);
		return rc;
	}
	/* e.doc is d.id: ordered so, the rows come in the key's order, unsorted */
	an_buf_puts(&sql.b, " ORDER BY e.doc, e.n");
	an_sql_page(&sql, st, q->limit, q->offset);
	an_stmt *s = an_sql_prepare(st, &sql);
	if (!s) {
		an_sql_free_own(&sql);
		return ANNALS_ESTORE;
	}
	if (fmt == ANNALS_OUT_TABLE)
		event_head(&o->b);
	else if (fmt == ANNALS_OUT_CSV || fmt == ANNALS_OUT_TSV)
		an_export_event_head(&o->b, fmt == ANNALS_OUT_TSV ? '\t' : ',');
	int r, n = 0;
	while ((r = an_stmt_step(s)) == AN_STEP_ROW && !an_out_flush(o, 0)) {
		n++;
		if (fmt == ANNALS_OUT_JSON)
			json_row(&o->b, s, an_event_json, q->doc_dates ? 23 : -1);
		else if (fmt == ANNALS_OUT_TABLE)
			event_row(&o->b, s);
		else
			an_export_event_row(&o->b, s, fmt == ANNALS_OUT_TSV ? '\t' : ',');
	}
	if (r == AN_STEP_ERROR)
		rc = an_store_fail(st, "cannot query the events");
	if (fmt == ANNALS_OUT_TABLE && !n && !rc)
		an_buf_puts(&o->b, "(no events match)\n");
	an_stmt_free(s);
	an_sql_free_own(&sql);
	return rc;
}

/* ---- quotations --------------------------------------------------------------- */

void an_quote_json(an_buf *b, an_stmt *s)
{
	char id[340];
	snprintf(id, sizeof id, "%.300s#q%lld", an_stmt_text(s, 0, NULL),
		 (long long)an_stmt_int(s, 1));
	an_buf_puts(b, "{\"type\":\"quote\",\"id\":");
	an_buf_json_strz(b, id);
	an_j_str(b, "doc", s, 0);
	an_j_str(b, "speaker", s, 2);
	an_j_str(b, "addressee", s, 3);
	an_j_int(b, "start", s, 4);
	an_j_int(b, "end", s, 5);
	an_j_str(b, "text", s, 6);
	an_j_str(b, "date", s, 7);
	an_j_str(b, "medium", s, 8);
	an_j_str(b, "outlet", s, 9);
	an_j_int(b, "sentence", s, 10);
	if (!an_stmt_null(s, 11)) {
		an_buf_printf(b, ",\"speaker_span\":{\"start\":%lld,\"end\":%lld",
			      (long long)an_stmt_int(s, 11), (long long)an_stmt_int(s, 12));
		an_j_str(b, "text", s, 13);
		an_buf_putc(b, '}');
	}
	an_j_str(b, "how", s, 14);
	an_buf_puts(b, "}\n");
}

static void quote_row(an_buf *b, an_stmt *s)
{
	const char *date = an_stmt_text(s, 7, NULL);
	an_cell(b, date ? date : an_stmt_text(s, 15, NULL), 10);
	an_cell(b, an_stmt_text(s, 2, NULL), 22);
	an_cell(b, an_stmt_text(s, 8, NULL), 10);
	char ev[400];
	snprintf(ev, sizeof ev, "%s@%lld-%lld", an_stmt_text(s, 0, NULL),
		 (long long)an_stmt_int(s, 4), (long long)an_stmt_int(s, 5));
	an_cell(b, ev, 30);
	an_cell(b, an_stmt_text(s, 6, NULL), 80);
	an_buf_putc(b, '\n');
}

static void quote_csv(an_buf *b, an_stmt *s, char sep)
{
	static const int cols[] = {0, 1, 2, 3, 7, 8, 9, 4, 5, 6};
	for (size_t i = 0; i < sizeof cols / sizeof *cols; i++) {
		if (i)
			an_buf_putc(b, sep);
		an_csv_field(b, an_stmt_text(s, cols[i], NULL), sep);
	}
	an_buf_putc(b, '\n');
}

static int q_quotes(annals_store *st, const annals_query *q, annals_output fmt,
		    an_out *o)
{
	an_sql sql = {0};
	char upto[64];
	an_sql_init(&sql, QUOTE_COLS);
	int rc = ANNALS_OK;
	if (q->actor)
		rc = an_query_actor_where(st, &sql, q->actor, q->rollup, "q.speaker IN %s");
	if (!rc && q->target)
		rc = an_query_actor_where(st, &sql, q->target, q->rollup, "q.addressee IN %s");
	if (q->from)
		an_sql_where(&sql, "COALESCE(q.date, d.date) >= ?", q->from);
	if (q->to)
		an_sql_where(&sql, "COALESCE(q.date, d.date) < ?",
			     (sql.own[0] = an_strdup(NULL, an_date_upto(q->to, upto, sizeof upto))));
	if (q->doc)
		an_sql_where(&sql, "d.name = ?", q->doc);
	an_stmt *s = NULL;
	if (!rc) {
		an_buf_puts(&sql.b, " ORDER BY q.doc, q.n");
		an_sql_page(&sql, st, q->limit, q->offset);
		if (!(s = an_sql_prepare(st, &sql)))
			rc = ANNALS_ESTORE;
	}
	char sep = fmt == ANNALS_OUT_TSV ? '\t' : ',';
	if (!rc && fmt == ANNALS_OUT_TABLE) {
		an_cell(&o->b, "date", 10);
		an_cell(&o->b, "speaker", 22);
		an_cell(&o->b, "medium", 10);
		an_cell(&o->b, "evidence", 30);
		an_buf_puts(&o->b, "quotation\n");
	} else if (!rc && fmt != ANNALS_OUT_JSON) {
		an_buf_printf(&o->b, "doc%cn%cspeaker%caddressee%cdate%cmedium%coutlet%c"
				     "start%cend%ctext\n", sep, sep, sep, sep, sep, sep,
			      sep, sep, sep);
	}
	int r = AN_STEP_DONE, n = 0;
	while (s && (r = an_stmt_step(s)) == AN_STEP_ROW && !an_out_flush(o, 0)) {
		n++;
		if (fmt == ANNALS_OUT_JSON)
			json_row(&o->b, s, an_quote_json, q->doc_dates ? 15 : -1);
		else if (fmt == ANNALS_OUT_TABLE)
			quote_row(&o->b, s);
		else
			quote_csv(&o->b, s, sep);
	}
	if (r == AN_STEP_ERROR)
		rc = an_store_fail(st, "cannot query the quotations");
	if (!rc && fmt == ANNALS_OUT_TABLE && !n)
		an_buf_puts(&o->b, "(no quotations match)\n");
	an_stmt_free(s);
	an_sql_free_own(&sql);
	return rc;
}

/* ---- the query ------------------------------------------------------------------ */

static int bad_format(annals_store *st, const char *what)
{
	snprintf(st->err, sizeof st->err, "%s", what);
	return ANNALS_EUSAGE;
}

int annals_store_query(annals_store *st, const annals_query *q,
		       annals_output fmt, annals_sink_fn fn, void *ud)
{
	an_out o = {fn, ud, {0}, 0};
	an_buf_init(&o.b, NULL);
	int graph = fmt == ANNALS_OUT_GRAPHML || fmt == ANNALS_OUT_GEXF ||
		    fmt == ANNALS_OUT_DOT || fmt == ANNALS_OUT_GRAPH;
	int flat = fmt == ANNALS_OUT_CSV || fmt == ANNALS_OUT_TSV;
	int rc;
	an_db_start_clock(st->db);
	switch (q->kind) {
	case ANNALS_Q_EVENTS:
		rc = graph ? an_network_events(st, q, fmt, &o) : q_events(st, q, fmt, &o);
		break;
	case ANNALS_Q_QUOTES:
		rc = graph ? bad_format(st, "quotations have no graph format")
			   : q_quotes(st, q, fmt, &o);
		break;
	case ANNALS_Q_SUPPORT:
		rc = an_query_support(st, q, fmt, &o);
		break;
	case ANNALS_Q_ENTITY:
		rc = graph || flat ? bad_format(st, "an entity's profile is JSON or a table")
				   : an_query_entity(st, q, fmt, &o);
		break;
	case ANNALS_Q_SEARCH:
		rc = graph || flat ? bad_format(st, "search results are JSON or a table")
				   : an_query_search(st, q, fmt, &o);
		break;
	case ANNALS_Q_RECORDS:
		rc = fmt != ANNALS_OUT_JSON ? bad_format(st, "records are JSON Lines")
					    : an_query_records(st, q, &o);
		break;
	case ANNALS_Q_STATS:
		rc = graph || flat ? bad_format(st, "counts are JSON or a table")
				   : an_query_stats(st, fmt, &o);
		break;
	case ANNALS_Q_ENTITIES:
		rc = fmt != ANNALS_OUT_JSON ? bad_format(st, "entity lists are JSON Lines")
					    : an_query_entities(st, q, &o);
		break;
	case ANNALS_Q_DOCUMENT:
		rc = fmt != ANNALS_OUT_JSON ? bad_format(st, "a document is JSON Lines")
					    : an_query_document(st, q, &o);
		break;
	default:
		rc = bad_format(st, "unknown query");
	}
	if (an_out_flush(&o, 1) && !rc) {
		snprintf(st->err, sizeof st->err, "the output refused the results");
		rc = ANNALS_EWRITE;
	}
	an_buf_free(&o.b);
	return rc;
}
