/*
 * network.c: the support network and the event network from the store.
 * Support is kept as one row per document and (sponsor, recipient, kind)
 * with its evidence; here the rows are merged over the store the way a
 * single run merges them (first and last date, documents, modality counts,
 * evidence in order) and written as support records, a table, CSV, or a
 * graph: GraphML, GEXF (Gephi; edges carry start and end dates) or DOT.
 * The event network has an edge per source, target and root code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "query.h"
#include "text.h"

/* One edge of a network. */
typedef struct edge {
	char *src, *dst, *kind;    /* kind: support kind, or root code */
	char first[11], last[11];  /* dates, "" when none */
	long docs, weight;         /* documents; evidence items or events */
	int64_t last_doc;
	long mod[4];
	char *schain, *rchain;     /* chains as JSON, support only */
	an_buf ev;                 /* evidence items as JSON, support only */
} edge;

typedef struct net {
	edge *e;
	size_t n, cap;
	an_map idx; /* hash of (src, dst, kind) -> index + 1 */
} net;

static char *dup0(const char *s) { return s ? an_strdup(NULL, s) : NULL; }

static edge *net_edge(net *g, const char *src, const char *dst, const char *kind)
{
	uint64_t h = an_hash(src, strlen(src), 1);
	h = an_hash(dst, strlen(dst), h);
	h = an_hash(kind, strlen(kind), h);
	for (;; h = an_mix(h, 7)) {
		uint32_t *at = an_map_get(&g->idx, h);
		if (!at)
			break;
		edge *e = &g->e[*at - 1];
		if (!strcmp(e->src, src) && !strcmp(e->dst, dst) && !strcmp(e->kind, kind))
			return e;
	}
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->e = an_realloc(NULL, g->e, g->cap * sizeof *g->e);
	}
	edge *e = &g->e[g->n++];
	memset(e, 0, sizeof *e);
	e->src = dup0(src);
	e->dst = dup0(dst);
	e->kind = dup0(kind);
	e->last_doc = -1;
	an_buf_init(&e->ev, NULL);
	an_map_put(&g->idx, h, (uint32_t)g->n);
	return e;
}

static void net_free(net *g)
{
	for (size_t i = 0; i < g->n; i++) {
		edge *e = &g->e[i];
		an_free(NULL, e->src);
		an_free(NULL, e->dst);
		an_free(NULL, e->kind);
		an_free(NULL, e->schain);
		an_free(NULL, e->rchain);
		an_buf_free(&e->ev);
	}
	an_free(NULL, g->e);
	an_map_free(&g->idx);
}

static void widen(edge *e, const char *date)
{
	if (!date || !*date)
		return;
	if (!*e->first || strcmp(date, e->first) < 0)
		snprintf(e->first, sizeof e->first, "%s", date);
	if (!*e->last || strcmp(date, e->last) > 0)
		snprintf(e->last, sizeof e->last, "%s", date);
}

/* Whether the edge's dates meet the query's range (no range: all). */
static int in_range(const edge *e, const annals_query *q)
{
	char upto[64];
	if (q->from && (!*e->last || strcmp(e->last, q->from) < 0))
		return 0;
	if (q->to && (!*e->first || strcmp(e->first, an_date_upto(q->to, upto, sizeof upto)) >= 0))
		return 0;
	return 1;
}

/* ---- support ---------------------------------------------------------------- */

#define SUPPORT_COLS                                                          \
	"SELECT s.id, s.doc, d.name, s.sponsor, s.recipient, s.kind, s.first,"  \
	" s.last, s.asserted, s.reported, s.claimed, s.hypothetical,"           \
	" s.sponsor_chain, s.recipient_chain, v.event, v.off_start, v.off_end"  \
	" FROM support s JOIN doc d ON d.id = s.doc"                            \
	" LEFT JOIN support_ev v ON v.support = s.id"

static void add_evidence(edge *e, an_stmt *s)
{
	if (an_stmt_null(s, 14) && an_stmt_null(s, 15))
		return; /* a claim without evidence rows */
	if (e->ev.len)
		an_buf_putc(&e->ev, ',');
	const char *doc = an_stmt_text(s, 2, NULL);
	if (!an_stmt_null(s, 14)) {
		char id[340];
		snprintf(id, sizeof id, "%.300s#e%lld", doc, (long long)an_stmt_int(s, 14));
		an_buf_json_strz(&e->ev, id);
	} else {
		an_buf_puts(&e->ev, "{\"doc\":");
		an_buf_json_strz(&e->ev, doc);
		an_buf_printf(&e->ev, ",\"start\":%lld,\"end\":%lld}",
			      (long long)an_stmt_int(s, 15), (long long)an_stmt_int(s, 16));
	}
	e->weight++;
}

/* Keeps the support rows with a claim of that modality (a support row
 * counts asserted, reported, claimed and hypothetical claims; none is
 * negated). */
static int modality_where(annals_store *st, an_sql *sql, const char *modality)
{
	static const char *const mods[] = {"asserted", "reported", "claimed",
					   "hypothetical"};
	char cond[48];
	if (!strcmp(modality, "negated")) {
		an_sql_where(sql, "1 = 0", NULL);
		return ANNALS_OK;
	}
	for (int m = 0; m < 4; m++)
		if (!strcmp(modality, mods[m])) {
			snprintf(cond, sizeof cond, "s.%s > 0", mods[m]);
			an_sql_where(sql, cond, NULL);
			return ANNALS_OK;
		}
	snprintf(st->err, sizeof st->err, "unknown modality '%s' (asserted, reported, "
		 "claimed, negated, hypothetical)", modality);
	return ANNALS_EUSAGE;
}

/* Reads the support rows matching q into g, merged per (sponsor,
 * recipient, kind). */
static int load_support(annals_store *st, const annals_query *q, net *g)
{
	an_sql sql = {0};
	an_sql_init(&sql, SUPPORT_COLS);
	int rc = ANNALS_OK;
	if (q && q->actor)
		rc = an_query_actor_where(st, &sql, q->actor, q->rollup,
					  "(s.sponsor IN %s OR s.recipient IN %s)");
	if (!rc && q && q->source)
		rc = an_query_actor_where(st, &sql, q->source, q->rollup, "s.sponsor IN %s");
	if (!rc && q && q->target)
		rc = an_query_actor_where(st, &sql, q->target, q->rollup, "s.recipient IN %s");
	if (!rc && q && q->modality)
		rc = modality_where(st, &sql, q->modality);
	if (q && q->support_kind)
		an_sql_where(&sql, "s.kind = ?", q->support_kind);
	if (q && q->doc)
		an_sql_where(&sql, "d.name = ?", q->doc);
	an_buf_puts(&sql.b, " ORDER BY s.id, v.ord");
	an_stmt *s = rc ? NULL : an_sql_prepare(st, &sql);
	if (!rc && !s)
		rc = ANNALS_ESTORE;
	int64_t row = -1;
	int r = AN_STEP_DONE;
	while (s && (r = an_stmt_step(s)) == AN_STEP_ROW) {
		edge *e = net_edge(g, an_stmt_text(s, 3, NULL), an_stmt_text(s, 4, NULL),
				   an_stmt_text(s, 5, NULL));
		if (an_stmt_int(s, 0) != row) { /* a new per-document row */
			row = an_stmt_int(s, 0);
			if (an_stmt_int(s, 1) != e->last_doc) {
				e->docs++;
				e->last_doc = an_stmt_int(s, 1);
			}
			widen(e, an_stmt_text(s, 6, NULL));
			widen(e, an_stmt_text(s, 7, NULL));
			for (int m = 0; m < 4; m++)
				e->mod[m] += (long)an_stmt_int(s, 8 + m);
			if (!e->schain) {
				e->schain = dup0(an_stmt_text(s, 12, NULL));
				e->rchain = dup0(an_stmt_text(s, 13, NULL));
			}
		}
		add_evidence(e, s);
	}
	if (r == AN_STEP_ERROR)
		rc = an_store_fail(st, "cannot query the support network");
	an_stmt_free(s);
	an_sql_free_own(&sql);
	return rc;
}

static void put_date(an_buf *b, const char *key, const char *d)
{
	an_buf_printf(b, ",\"%s\":", key);
	an_buf_json_strz(b, *d ? d : NULL);
}

static void support_json(an_buf *b, const edge *e)
{
	static const char *const mods[] = {"asserted", "reported", "claimed",
					   "hypothetical"};
	an_buf_puts(b, "{\"type\":\"support\",\"sponsor\":");
	an_buf_json_strz(b, e->src);
	an_buf_puts(b, ",\"recipient\":");
	an_buf_json_strz(b, e->dst);
	an_buf_puts(b, ",\"kind\":");
	an_buf_json_strz(b, e->kind);
	put_date(b, "first", e->first);
	put_date(b, "last", e->last);
	an_buf_printf(b, ",\"docs\":%ld,\"modality\":{", e->docs);
	for (int m = 0, any = 0; m < 4; m++)
		if (e->mod[m])
			an_buf_printf(b, "%s\"%s\":%ld", any++ ? "," : "", mods[m], e->mod[m]);
	an_buf_printf(b, "},\"sponsor_chain\":%s,\"recipient_chain\":%s,\"evidence\":[",
		      e->schain ? e->schain : "[]", e->rchain ? e->rchain : "[]");
	an_buf_add(b, e->ev.p, e->ev.len);
	an_buf_puts(b, "]}\n");
}

static void support_row(an_buf *b, const edge *e)
{
	char n[32];
	an_cell(b, e->src, 24);
	an_cell(b, e->dst, 24);
	an_cell(b, e->kind, 12);
	an_cell(b, *e->first ? e->first : NULL, 10);
	an_cell(b, *e->last ? e->last : NULL, 10);
	snprintf(n, sizeof n, "%ld", e->docs);
	an_cell(b, n, 5);
	snprintf(n, sizeof n, "%ld", e->weight);
	an_cell(b, n, 8);
	/* the first evidence item, for looking it up */
	const char *ev = e->ev.len ? e->ev.p : "";
	size_t len = 0;
	char stop = ev[0] == '{' ? '}' : ',';
	while (len < e->ev.len && ev[len] != stop)
		len++;
	if (stop == '}' && len < e->ev.len)
		len++;
	an_buf_printf(b, "%.*s\n", (int)len, ev);
}

static void support_csv(an_buf *b, const edge *e, char sep)
{
	an_csv_field(b, e->src, sep);
	an_buf_putc(b, sep);
	an_csv_field(b, e->dst, sep);
	an_buf_putc(b, sep);
	an_csv_field(b, e->kind, sep);
	an_buf_printf(b, "%c%s%c%s%c%ld%c%ld%c%ld%c%ld%c%ld%c%ld%c", sep, e->first,
		      sep, e->last, sep, e->docs, sep, e->weight, sep, e->mod[0], sep,
		      e->mod[1], sep, e->mod[2], sep, e->mod[3], sep);
	char *ev = an_calloc(NULL, 1, e->ev.len + 1);
	if (e->ev.len)
		memcpy(ev, e->ev.p, e->ev.len);
	an_csv_field(b, ev, sep);
	an_free(NULL, ev);
	an_buf_putc(b, '\n');
}

static int write_graph(annals_store *st, net *g, const annals_query *q,
		       annals_output fmt, an_out *o, const char *what);

static int write_support(annals_store *st, net *g, const annals_query *q,
			 annals_output fmt, an_out *o)
{
	char sep = fmt == ANNALS_OUT_TSV ? '\t' : ',';
	size_t shown = 0;
	long skipped = 0;
	if (fmt == ANNALS_OUT_GRAPHML || fmt == ANNALS_OUT_GEXF || fmt == ANNALS_OUT_DOT ||
	    fmt == ANNALS_OUT_GRAPH)
		return write_graph(st, g, q, fmt, o, "support");
	if (fmt == ANNALS_OUT_TABLE) {
		an_cell(&o->b, "sponsor", 24);
		an_cell(&o->b, "recipient", 24);
		an_cell(&o->b, "kind", 12);
		an_cell(&o->b, "first", 10);
		an_cell(&o->b, "last", 10);
		an_cell(&o->b, "docs", 5);
		an_cell(&o->b, "evidence", 8);
		an_buf_puts(&o->b, "first evidence\n");
	} else if (fmt != ANNALS_OUT_JSON) {
		an_buf_printf(&o->b, "sponsor%crecipient%ckind%cfirst%clast%cdocs%cevidence_count"
				     "%casserted%creported%cclaimed%chypothetical%cevidence\n",
			      sep, sep, sep, sep, sep, sep, sep, sep, sep, sep, sep);
	}
	for (size_t i = 0; i < g->n && !an_out_flush(o, 0); i++) {
		if (!in_range(&g->e[i], q) || (q->limit > 0 && (long)shown >= q->limit))
			continue;
		if (skipped < q->offset) {
			skipped++;
			continue;
		}
		shown++;
		if (fmt == ANNALS_OUT_JSON)
			support_json(&o->b, &g->e[i]);
		else if (fmt == ANNALS_OUT_TABLE)
			support_row(&o->b, &g->e[i]);
		else
			support_csv(&o->b, &g->e[i], sep);
	}
	if (fmt == ANNALS_OUT_TABLE && !shown)
		an_buf_puts(&o->b, "(no support claims match)\n");
	return ANNALS_OK;
}

int an_query_support(annals_store *st, const annals_query *q, annals_output fmt,
		     an_out *o)
{
	net g = {0};
	an_map_init(&g.idx, NULL, 256);
	int rc = load_support(st, q, &g);
	if (!rc)
		rc = write_support(st, &g, q, fmt, o);
	net_free(&g);
	return rc;
}

int an_support_records(annals_store *st, an_out *o)
{
	annals_query all = {.kind = ANNALS_Q_SUPPORT};
	return an_query_support(st, &all, ANNALS_OUT_JSON, o);
}

/* ---- events -------------------------------------------------------------------- */

int an_network_events(annals_store *st, const annals_query *q, annals_output fmt,
		      an_out *o)
{
	an_sql sql = {0};
	an_sql_init(&sql, "SELECT e.source, e.target, e.root, COALESCE(e.date, d.date),"
			  " e.doc FROM event e JOIN doc d ON d.id = e.doc");
	int rc = an_query_event_filters(st, q, &sql);
	an_sql_where(&sql, "e.target IS NOT NULL", NULL);
	an_sql_where(&sql, "e.source IS NOT NULL", NULL);
	an_buf_puts(&sql.b, " ORDER BY d.id, e.n");
	an_stmt *s = rc ? NULL : an_sql_prepare(st, &sql);
	if (!rc && !s)
		rc = ANNALS_ESTORE;
	net g = {0};
	an_map_init(&g.idx, NULL, 256);
	int r = AN_STEP_DONE;
	while (s && (r = an_stmt_step(s)) == AN_STEP_ROW) {
		edge *e = net_edge(&g, an_stmt_text(s, 0, NULL), an_stmt_text(s, 1, NULL),
				   an_stmt_text(s, 2, NULL));
		e->weight++;
		if (an_stmt_int(s, 4) != e->last_doc) {
			e->docs++;
			e->last_doc = an_stmt_int(s, 4);
		}
		widen(e, an_stmt_text(s, 3, NULL));
	}
	if (r == AN_STEP_ERROR)
		rc = an_store_fail(st, "cannot query the events");
	an_stmt_free(s);
	an_sql_free_own(&sql);
	annals_query all = *q;
	all.from = all.to = NULL; /* applied by the SQL already */
	if (!rc)
		rc = write_graph(st, &g, &all, fmt, o, "events");
	net_free(&g);
	return rc;
}

/* ---- graphs ------------------------------------------------------------------- */

static void xml(an_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': an_buf_puts(b, "&amp;"); break;
		case '<': an_buf_puts(b, "&lt;"); break;
		case '>': an_buf_puts(b, "&gt;"); break;
		case '"': an_buf_puts(b, "&quot;"); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n')
				an_buf_putc(b, *s);
		}
	}
}

static void dot_str(an_buf *b, const char *s)
{
	an_buf_putc(b, '"');
	for (; s && *s; s++) {
		if (*s == '"' || *s == '\\')
			an_buf_putc(b, '\\');
		an_buf_putc(b, *s == '\n' ? ' ' : *s);
	}
	an_buf_putc(b, '"');
}

/* A date at any precision as a full day: the first day of its period, or
 * with end the last. */
static void full_date(const char *d, int end, char out[11])
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	size_t n = strlen(d);
	if (n >= 10) {
		snprintf(out, 11, "%.10s", d);
	} else if (n == 7) {
		int y = atoi(d), m = atoi(d + 5), last = m >= 1 && m <= 12 ? days[m - 1] : 31;
		if (m == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0))
			last = 29;
		snprintf(out, 11, "%.7s-%02d", d, end ? last : 1);
	} else {
		snprintf(out, 11, "%.4s-%s", d, end ? "12-31" : "01-01");
	}
}

typedef struct node {
	const char *id;
	char *label, *kind;
	char first[11], last[11];
	long mentions;
} node;

/* The nodes of g's edges (those in keep, or with keep NULL all in q's
 * range) in order of first appearance, labelled from the entity table
 * with their mentions in the store. */
static node *nodes_of(annals_store *st, net *g, const annals_query *q,
		      const unsigned char *keep, size_t *count)
{
	node *v = an_calloc(NULL, g->n * 2 + 1, sizeof *v);
	size_t n = 0;
	an_map seen;
	an_map_init(&seen, NULL, 256);
	an_stmt *s = an_db_prepare(st->db, "SELECT name, kind, (SELECT count(*) FROM"
				   " mention m WHERE m.entity = e.id) FROM entity e"
				   " WHERE id = ?");
	for (size_t i = 0; i < g->n; i++) {
		if (keep ? !keep[i] : !in_range(&g->e[i], q))
			continue;
		const char *ends[2] = {g->e[i].src, g->e[i].dst};
		for (int k = 0; k < 2; k++) {
			uint64_t h = an_hash(ends[k], strlen(ends[k]), 3);
			uint32_t *at = an_map_get(&seen, h);
			node *x = at ? &v[*at - 1] : &v[n];
			if (!at) {
				x->id = ends[k];
				if (s) {
					an_stmt_reset(s);
					an_stmt_text_bind(s, 1, ends[k], (size_t)-1);
					if (an_stmt_step(s) == AN_STEP_ROW) {
						x->label = dup0(an_stmt_text(s, 0, NULL));
						x->kind = dup0(an_stmt_text(s, 1, NULL));
						x->mentions = (long)an_stmt_int(s, 2);
					}
				}
				an_map_put(&seen, h, (uint32_t)++n);
			}
			const edge *e = &g->e[i];
			if (*e->first && (!*x->first || strcmp(e->first, x->first) < 0))
				memcpy(x->first, e->first, 11);
			if (*e->last && (!*x->last || strcmp(e->last, x->last) > 0))
				memcpy(x->last, e->last, 11);
		}
	}
	an_stmt_free(s);
	an_map_free(&seen);
	*count = n;
	return v;
}

static void graphml(an_buf *b, const node *v, size_t nv, const net *g,
		    const annals_query *q)
{
	an_buf_puts(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		       "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
		       "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
		       "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
		       "  <key id=\"type\" for=\"edge\" attr.name=\"type\" attr.type=\"string\"/>\n"
		       "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
		       "  <key id=\"docs\" for=\"edge\" attr.name=\"docs\" attr.type=\"int\"/>\n"
		       "  <key id=\"first\" for=\"edge\" attr.name=\"first\" attr.type=\"string\"/>\n"
		       "  <key id=\"last\" for=\"edge\" attr.name=\"last\" attr.type=\"string\"/>\n"
		       "  <graph id=\"annals\" edgedefault=\"directed\">\n");
	for (size_t i = 0; i < nv; i++) {
		an_buf_puts(b, "    <node id=\"");
		xml(b, v[i].id);
		an_buf_puts(b, "\"><data key=\"label\">");
		xml(b, v[i].label ? v[i].label : v[i].id);
		an_buf_puts(b, "</data><data key=\"kind\">");
		xml(b, v[i].kind);
		an_buf_puts(b, "</data></node>\n");
	}
	for (size_t i = 0; i < g->n; i++) {
		const edge *e = &g->e[i];
		if (!in_range(e, q))
			continue;
		an_buf_printf(b, "    <edge id=\"e%zu\" source=\"", i + 1);
		xml(b, e->src);
		an_buf_puts(b, "\" target=\"");
		xml(b, e->dst);
		an_buf_puts(b, "\"><data key=\"type\">");
		xml(b, e->kind);
		an_buf_printf(b, "</data><data key=\"weight\">%ld</data><data key=\"docs\">%ld"
				 "</data><data key=\"first\">%s</data><data key=\"last\">%s"
				 "</data></edge>\n", e->weight, e->docs, e->first, e->last);
	}
	an_buf_puts(b, "  </graph>\n</graphml>\n");
}

static void gexf_time(an_buf *b, const char *first, const char *last)
{
	char s[11], e[11];
	if (!*first)
		return;
	full_date(first, 0, s);
	full_date(last, 1, e);
	an_buf_printf(b, " start=\"%s\" end=\"%s\"", s, e);
}

static void gexf(an_buf *b, const node *v, size_t nv, const net *g,
		 const annals_query *q, const char *what)
{
	an_buf_printf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
			 "<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n"
			 "  <meta><creator>annals %s</creator><description>the %s "
			 "network</description></meta>\n"
			 "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" "
			 "timeformat=\"date\">\n"
			 "    <attributes class=\"node\"><attribute id=\"kind\" title=\"kind\" "
			 "type=\"string\"/></attributes>\n"
			 "    <attributes class=\"edge\"><attribute id=\"type\" title=\"type\" "
			 "type=\"string\"/><attribute id=\"docs\" title=\"docs\" "
			 "type=\"integer\"/></attributes>\n"
			 "    <nodes>\n", ANNALS_VERSION, what);
	for (size_t i = 0; i < nv; i++) {
		an_buf_puts(b, "      <node id=\"");
		xml(b, v[i].id);
		an_buf_puts(b, "\" label=\"");
		xml(b, v[i].label ? v[i].label : v[i].id);
		an_buf_putc(b, '"');
		gexf_time(b, v[i].first, v[i].last);
		an_buf_puts(b, "><attvalues><attvalue for=\"kind\" value=\"");
		xml(b, v[i].kind);
		an_buf_puts(b, "\"/></attvalues></node>\n");
	}
	an_buf_puts(b, "    </nodes>\n    <edges>\n");
	for (size_t i = 0; i < g->n; i++) {
		const edge *e = &g->e[i];
		if (!in_range(e, q))
			continue;
		an_buf_printf(b, "      <edge id=\"%zu\" source=\"", i + 1);
		xml(b, e->src);
		an_buf_puts(b, "\" target=\"");
		xml(b, e->dst);
		an_buf_printf(b, "\" weight=\"%ld\" label=\"", e->weight);
		xml(b, e->kind);
		an_buf_putc(b, '"');
		gexf_time(b, e->first, e->last);
		an_buf_puts(b, "><attvalues><attvalue for=\"type\" value=\"");
		xml(b, e->kind);
		an_buf_printf(b, "\"/><attvalue for=\"docs\" value=\"%ld\"/></attvalues>"
				 "</edge>\n", e->docs);
	}
	an_buf_puts(b, "    </edges>\n  </graph>\n</gexf>\n");
}

static void dot(an_buf *b, const node *v, size_t nv, const net *g,
		const annals_query *q, const char *what)
{
	an_buf_printf(b, "digraph \"annals %s\" {\n  rankdir=LR;\n  node [shape=box];\n", what);
	for (size_t i = 0; i < nv; i++) {
		an_buf_puts(b, "  ");
		dot_str(b, v[i].id);
		an_buf_puts(b, " [label=");
		dot_str(b, v[i].label ? v[i].label : v[i].id);
		an_buf_puts(b, "];\n");
	}
	for (size_t i = 0; i < g->n; i++) {
		const edge *e = &g->e[i];
		if (!in_range(e, q))
			continue;
		char label[128];
		snprintf(label, sizeof label, "%s (%ld)%s%s%s%s", e->kind, e->weight,
			 *e->first ? " " : "", e->first,
			 *e->last && strcmp(e->first, e->last) ? ".." : "",
			 strcmp(e->first, e->last) ? e->last : "");
		an_buf_puts(b, "  ");
		dot_str(b, e->src);
		an_buf_puts(b, " -> ");
		dot_str(b, e->dst);
		an_buf_puts(b, " [label=");
		dot_str(b, label);
		an_buf_printf(b, ", weight=%ld];\n", e->weight);
	}
	an_buf_puts(b, "}\n");
}

static void put_str(an_buf *b, const char *key, const char *v)
{
	an_buf_printf(b, ",\"%s\":", key);
	an_buf_json_strz(b, v && *v ? v : NULL);
}

/* ANNALS_OUT_GRAPH: node and edge records for a browser. */
static void graph_json(an_buf *b, const node *v, size_t nv, const net *g,
		       const unsigned char *keep)
{
	for (size_t i = 0; i < nv; i++) {
		an_buf_puts(b, "{\"type\":\"node\",\"id\":");
		an_buf_json_strz(b, v[i].id);
		put_str(b, "label", v[i].label ? v[i].label : v[i].id);
		put_str(b, "kind", v[i].kind);
		an_buf_printf(b, ",\"mentions\":%ld", v[i].mentions);
		put_str(b, "first", v[i].first);
		put_str(b, "last", v[i].last);
		an_buf_puts(b, "}\n");
	}
	for (size_t i = 0; i < g->n; i++) {
		const edge *e = &g->e[i];
		if (!keep[i])
			continue;
		an_buf_puts(b, "{\"type\":\"edge\",\"source\":");
		an_buf_json_strz(b, e->src);
		put_str(b, "target", e->dst);
		put_str(b, "kind", e->kind);
		an_buf_printf(b, ",\"weight\":%ld,\"docs\":%ld", e->weight, e->docs);
		put_str(b, "first", e->first);
		put_str(b, "last", e->last);
		an_buf_puts(b, "}\n");
	}
}

static int by_weight(const void *a, const void *b, void *ud)
{
	const net *g = ud;
	const edge *x = &g->e[*(const size_t *)a], *y = &g->e[*(const size_t *)b];
	if (x->weight != y->weight)
		return x->weight > y->weight ? -1 : 1;
	return *(const size_t *)a < *(const size_t *)b ? -1 : 1;
}

/* The edges in q's range; with a limit, only the heaviest limit of them. */
static unsigned char *kept_edges(const net *g, const annals_query *q)
{
	unsigned char *keep = an_calloc(NULL, g->n + 1, 1);
	size_t *ix = an_calloc(NULL, g->n + 1, sizeof *ix), n = 0;
	for (size_t i = 0; i < g->n; i++)
		if (in_range(&g->e[i], q))
			ix[n++] = i;
	if (q->limit > 0 && n > (size_t)q->limit) {
		qsort_r(ix, n, sizeof *ix, by_weight, (void *)g);
		n = (size_t)q->limit;
	}
	for (size_t i = 0; i < n; i++)
		keep[ix[i]] = 1;
	an_free(NULL, ix);
	return keep;
}

static int write_graph(annals_store *st, net *g, const annals_query *q,
		       annals_output fmt, an_out *o, const char *what)
{
	size_t nv;
	unsigned char *keep = fmt == ANNALS_OUT_GRAPH ? kept_edges(g, q) : NULL;
	node *v = nodes_of(st, g, q, keep, &nv);
	if (fmt == ANNALS_OUT_GRAPH)
		graph_json(&o->b, v, nv, g, keep);
	else if (fmt == ANNALS_OUT_GRAPHML)
		graphml(&o->b, v, nv, g, q);
	else if (fmt == ANNALS_OUT_GEXF)
		gexf(&o->b, v, nv, g, q, what);
	else
		dot(&o->b, v, nv, g, q, what);
	for (size_t i = 0; i < nv; i++) {
		an_free(NULL, v[i].label);
		an_free(NULL, v[i].kind);
	}
	an_free(NULL, v);
	an_free(NULL, keep);
	return ANNALS_OK;
}
