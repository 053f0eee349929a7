/*
 * profile.c: the questions about the store as a whole: an entity's profile
 * (aliases, roles, hierarchy, counts, first and last seen, its first
 * mention as evidence), full-text search over sentences with snippets
 * (FTS5 in SQLite, tsvector in PostgreSQL), every record as annals code
 * writes it, and the counts of what is stored.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"

/* Runs a statement with one text parameter; NULL on failure. */
static an_stmt *prep1(annals_store *st, const char *sql, const char *v)
{
	an_stmt *s = an_db_prepare(st->db, sql);
	if (!s) {
		an_store_fail(st, "cannot query");
		return NULL;
	}
	an_stmt_text_bind(s, 1, v, (size_t)-1);
	return s;
}

/* Appends a JSON array of the first column of s's rows. */
static void json_list(an_buf *b, an_stmt *s)
{
	int n = 0;
	an_buf_putc(b, '[');
	while (s && an_stmt_step(s) == AN_STEP_ROW) {
		if (n++)
			an_buf_putc(b, ',');
		an_buf_json_strz(b, an_stmt_text(s, 0, NULL));
	}
	an_buf_putc(b, ']');
}

static void table_list(an_buf *b, const char *label, an_stmt *s)
{
	int n = 0;
	an_buf_printf(b, "%-18s", label);
	while (s && an_stmt_step(s) == AN_STEP_ROW)
		an_buf_printf(b, "%s%s", n++ ? ", " : "", an_stmt_text(s, 0, NULL));
	an_buf_puts(b, n ? "\n" : "-\n");
}

void an_entity_json(annals_store *st, an_buf *b, an_stmt *s, int open)
{
	const char *id = an_stmt_text(s, 0, NULL);
	an_buf_puts(b, "{\"type\":\"entity\",\"id\":");
	an_buf_json_strz(b, id);
	static const char *const k[] = {"name", "kind", "code", "country"};
	for (int i = 0; i < 4; i++)
		an_j_str(b, k[i], s, 1 + i);
	an_buf_puts(b, ",\"aliases\":");
	an_stmt *a = prep1(st, "SELECT alias FROM alias WHERE entity = ? ORDER BY id", id);
	json_list(b, a);
	an_stmt_free(a);
	an_j_raw(b, "roles", s, 5, "[]");
	if (!an_stmt_null(s, 6)) {
		an_j_raw(b, "parents", s, 6, "[]");
		if (!an_stmt_null(s, 7))
			an_buf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f", an_stmt_double(s, 7),
				      an_stmt_double(s, 8));
	}
	an_j_int(b, "mentions", s, 10);
	an_j_str(b, "source", s, 9);
	if (!open)
		an_buf_puts(b, "}\n");
}

/* The counts of a profile: mentions, documents, first and last seen,
 * events as source and target, quotations, support given and received. */
static const char profile_sql[] =
	"SELECT count(*), count(DISTINCT m.doc), min(d.date), max(d.date),"
	" (SELECT count(*) FROM event WHERE source = ?),"
	" (SELECT count(*) FROM event WHERE target = ?),"
	" (SELECT count(*) FROM quote WHERE speaker = ?),"
	" (SELECT count(*) FROM support WHERE sponsor = ?),"
	" (SELECT count(*) FROM support WHERE recipient = ?)"
	" FROM mention m JOIN doc d ON d.id = m.doc WHERE m.entity = ?";

static const char *const profile_keys[] = {
	"mentions", "docs", "first_seen", "last_seen", "events_as_source",
	"events_as_target", "quotes", "support_given", "support_received"};

static int profile(annals_store *st, an_stmt *e, annals_output fmt, an_buf *b)
{
	const char *id = an_stmt_text(e, 0, NULL);
	an_stmt *c = an_db_prepare(st->db, profile_sql);
	if (!c)
		return an_store_fail(st, "cannot query an entity");
	for (int i = 1; i <= 6; i++)
		an_stmt_text_bind(c, i, id, (size_t)-1);
	int r = an_stmt_step(c);
	an_stmt *up = prep1(st, "SELECT parent FROM link WHERE child = ? ORDER BY parent", id);
	an_stmt *down = prep1(st, "SELECT child FROM link WHERE parent = ? ORDER BY child", id);
	an_stmt *first = prep1(st, "SELECT d.name, m.off_start, m.off_end, m.text FROM mention m"
				   " JOIN doc d ON d.id = m.doc WHERE m.entity = ?"
				   " ORDER BY d.date IS NULL, d.date, d.id, m.off_start LIMIT 1", id);
	int have_first = first && an_stmt_step(first) == AN_STEP_ROW;
	if (fmt == ANNALS_OUT_JSON) {
		an_entity_json(st, b, e, 1);
		for (int i = 1; i < 9 && r == AN_STEP_ROW; i++)
			(i == 2 || i == 3 ? an_j_str : an_j_int)(b, profile_keys[i], c, i);
		an_buf_puts(b, ",\"above\":");
		json_list(b, up);
		an_buf_puts(b, ",\"below\":");
		json_list(b, down);
		if (have_first) {
			an_buf_puts(b, ",\"evidence\":{\"doc\":");
			an_buf_json_strz(b, an_stmt_text(first, 0, NULL));
			an_buf_printf(b, ",\"start\":%lld,\"end\":%lld",
				      (long long)an_stmt_int(first, 1), (long long)an_stmt_int(first, 2));
			an_j_str(b, "text", first, 3);
			an_buf_putc(b, '}');
		}
		an_buf_puts(b, "}\n");
	} else {
		an_buf_printf(b, "%-18s%s\n", "id", id);
		static const char *const k[] = {"name", "kind", "code", "country"};
		for (int i = 0; i < 4; i++) {
			const char *v = an_stmt_text(e, 1 + i, NULL);
			an_buf_printf(b, "%-18s%s\n", k[i], v ? v : "-");
		}
		an_stmt *a = prep1(st, "SELECT alias FROM alias WHERE entity = ? ORDER BY id", id);
		table_list(b, "aliases", a);
		an_stmt_free(a);
		const char *roles = an_stmt_text(e, 5, NULL);
		an_buf_printf(b, "%-18s%s\n", "roles", roles ? roles : "-");
		table_list(b, "above", up);
		table_list(b, "below", down);
		for (int i = 0; i < 9 && r == AN_STEP_ROW; i++) {
			const char *v = an_stmt_text(c, i, NULL);
			an_buf_printf(b, "%-18s%s\n", profile_keys[i], v ? v : "-");
		}
		if (have_first)
			an_buf_printf(b, "%-18s%s@%lld-%lld \"%s\"\n", "first mention",
				      an_stmt_text(first, 0, NULL), (long long)an_stmt_int(first, 1),
				      (long long)an_stmt_int(first, 2), an_stmt_text(first, 3, NULL));
		an_buf_putc(b, '\n');
	}
	int rc = r == AN_STEP_ERROR ? an_store_fail(st, "cannot query an entity") : ANNALS_OK;
	an_stmt_free(c);
	an_stmt_free(up);
	an_stmt_free(down);
	an_stmt_free(first);
	return rc;
}

int an_query_entity(annals_store *st, const annals_query *q, annals_output fmt,
		    an_out *o)
{
	if (!q->actor) {
		snprintf(st->err, sizeof st->err, "which entity? (an id, a name or an alias)");
		return ANNALS_EUSAGE;
	}
	an_sql sql = {0};
	an_sql_init(&sql, ENTITY_COLS);
	int rc = an_query_actor_where(st, &sql, q->actor, 0, "e.id IN %s");
	an_buf_puts(&sql.b, " ORDER BY id");
	an_stmt *s = rc ? NULL : an_sql_prepare(st, &sql);
	int r = AN_STEP_DONE, n = 0;
	while (s && (r = an_stmt_step(s)) == AN_STEP_ROW && !rc) {
		rc = profile(st, s, fmt, &o->b);
		n++;
	}
	if (!rc && r == AN_STEP_ERROR)
		rc = an_store_fail(st, "cannot query an entity");
	if (!rc && s && !n) {
		snprintf(st->err, sizeof st->err, "no entity '%s' in %s", q->actor, st->db->name);
		rc = ANNALS_EUSAGE;
	}
	an_stmt_free(s);
	an_sql_free_own(&sql);
	return rc;
}

/* ---- search -------------------------------------------------------------------- */

/* The words of a search as an FTS5 query: each word, and each "quoted
 * phrase", as a string, so punctuation never reads as query syntax. */
static void fts5_query(const char *text, an_buf *out)
{
	const char *p = text;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		const char *e;
		if (*p == '"') {
			p++;
			e = strchr(p, '"');
			if (!e)
				e = p + strlen(p);
		} else {
			e = p;
			while (*e && *e != ' ' && *e != '\t')
				e++;
		}
		if (out->len)
			an_buf_putc(out, ' ');
		an_buf_putc(out, '"');
		for (const char *c = p; c < e; c++) {
			if (*c == '"')
				an_buf_putc(out, '"');
			an_buf_putc(out, *c);
		}
		an_buf_putc(out, '"');
		p = *e == '"' ? e + 1 : e;
	}
	an_buf_putc(out, 0);
}

static const char search_sqlite[] =
	"SELECT d.name, s.n, s.off_start, s.off_end, " AN_SENT_TEXT ","
	" snippet(sentence_fts, 0, '**', '**', '...', 16), d.date"
	" FROM sentence_fts JOIN sentence s ON s.id = sentence_fts.rowid"
	" JOIN doc d ON d.id = s.doc WHERE sentence_fts MATCH ?";

static const char search_pg[] =
	"SELECT d.name, s.n, s.off_start, s.off_end, s.text,"
	" ts_headline('english', s.text, qq, 'StartSel=**, StopSel=**,"
	" MaxWords=24, MinWords=10'), d.date"
	" FROM sentence s JOIN doc d ON d.id = s.doc,"
	" websearch_to_tsquery('english', ?) qq WHERE s.tsv @@ qq";

static void search_json(an_buf *b, an_stmt *s)
{
	an_buf_puts(b, "{\"type\":\"sentence\",\"doc\":");
	an_buf_json_strz(b, an_stmt_text(s, 0, NULL));
	an_j_int(b, "sentence", s, 1);
	an_j_int(b, "start", s, 2);
	an_j_int(b, "end", s, 3);
	an_j_str(b, "text", s, 4);
	an_j_str(b, "snippet", s, 5);
	an_j_str(b, "date", s, 6);
	an_buf_puts(b, "}\n");
}

int an_query_search(annals_store *st, const annals_query *q, annals_output fmt,
		    an_out *o)
{
	if (!q->text || !*q->text) {
		snprintf(st->err, sizeof st->err, "search needs words");
		return ANNALS_EUSAGE;
	}
	int pg = st->db->kind == AN_DB_PG;
	an_buf words;
	an_buf_init(&words, NULL);
	if (pg) {
		an_buf_puts(&words, q->text);
		an_buf_putc(&words, 0);
	} else {
		fts5_query(q->text, &words);
	}
	an_sql sql = {0};
	an_sql_init(&sql, pg ? search_pg : search_sqlite);
	sql.v[sql.n++] = words.p;
	sql.where = 1;
	if (q->doc)
		an_sql_where(&sql, "d.name = ?", q->doc);
	an_buf_puts(&sql.b, pg ? " ORDER BY ts_rank(s.tsv, qq) DESC, d.id, s.n"
			       : " ORDER BY rank"); /* bm25; FTS5 sorts, and makes
						     * snippets of the rows kept only */
	an_sql_page(&sql, st, q->limit ? q->limit : 20, q->offset);
	an_stmt *s = an_sql_prepare(st, &sql);
	int rc = s ? ANNALS_OK : ANNALS_ESTORE, r = AN_STEP_DONE, n = 0;
	if (s && fmt == ANNALS_OUT_TABLE) {
		an_cell(&o->b, "evidence", 34);
		an_buf_puts(&o->b, "snippet\n");
	}
	while (s && (r = an_stmt_step(s)) == AN_STEP_ROW && !an_out_flush(o, 0)) {
		n++;
		if (fmt == ANNALS_OUT_JSON) {
			search_json(&o->b, s);
			continue;
		}
		char ev[400];
		snprintf(ev, sizeof ev, "%s@%lld-%lld", an_stmt_text(s, 0, NULL),
			 (long long)an_stmt_int(s, 2), (long long)an_stmt_int(s, 3));
		an_cell(&o->b, ev, 34);
		an_cell(&o->b, an_stmt_text(s, 5, NULL), 110);
		an_buf_putc(&o->b, '\n');
	}
	if (r == AN_STEP_ERROR)
		rc = an_store_fail(st, "cannot search");
	if (!rc && fmt == ANNALS_OUT_TABLE && !n)
		an_buf_puts(&o->b, "(no sentence matches)\n");
	an_stmt_free(s);
	an_sql_free(&sql);
	an_buf_free(&words);
	return rc;
}

/* ---- every record ---------------------------------------------------------------- */

static const char docs_sql[] =
	"SELECT id, name, title, date, source, authors, bytes, sentences, excluded"
	" FROM doc ORDER BY id";
static const char ments_sql[] =
	"SELECT m.doc, d.name, m.entity, m.off_start, m.off_end, m.text, m.sentence,"
	" m.how FROM mention m JOIN doc d ON d.id = m.doc"
	" ORDER BY m.doc, m.off_start, m.off_end, m.entity";

void an_document_json(an_buf *b, an_stmt *s, int open)
{
	an_buf_puts(b, "{\"type\":\"document\",\"doc\":");
	an_buf_json_strz(b, an_stmt_text(s, 1, NULL));
	an_j_str(b, "title", s, 2);
	an_j_str(b, "date", s, 3);
	an_j_str(b, "source", s, 4);
	an_j_raw(b, "authors", s, 5, "[]");
	an_j_int(b, "bytes", s, 6);
	an_j_int(b, "sentences", s, 7);
	an_j_raw(b, "excluded", s, 8, "[]");
	if (!open)
		an_buf_puts(b, "}\n");
}

void an_mention_json(an_buf *b, an_stmt *s)
{
	an_buf_puts(b, "{\"type\":\"mention\",\"doc\":");
	an_buf_json_strz(b, an_stmt_text(s, 1, NULL));
	an_j_str(b, "entity", s, 2);
	an_j_int(b, "start", s, 3);
	an_j_int(b, "end", s, 4);
	an_j_str(b, "text", s, 5);
	an_j_int(b, "sentence", s, 6);
	an_j_str(b, "how", s, 7);
	an_buf_puts(b, "}\n");
}

/* A cursor over rows ordered by document; col is the document column. */
typedef struct cursor {
	an_stmt *s;
	int col, row;
	void (*put)(an_buf *b, an_stmt *s);
} cursor;

static void drain(cursor *c, int64_t doc, an_buf *b)
{
	while (c->row == AN_STEP_ROW && an_stmt_int(c->s, c->col) == doc) {
		c->put(b, c->s);
		c->row = an_stmt_step(c->s);
	}
}

int an_query_records(annals_store *st, const annals_query *q, an_out *o)
{
	(void)q;
	cursor c[3] = {
		{an_db_prepare(st->db, ments_sql), 0, 0, an_mention_json},
		{an_db_prepare(st->db, EVENT_COLS " ORDER BY e.doc, e.n"), 29, 0, an_event_json},
		{an_db_prepare(st->db, QUOTE_COLS " ORDER BY q.doc, q.n"), 16, 0, an_quote_json}};
	an_stmt *d = an_db_prepare(st->db, docs_sql);
	int rc = ANNALS_OK, r = AN_STEP_DONE;
	if (!d || !c[0].s || !c[1].s || !c[2].s)
		rc = an_store_fail(st, "cannot read the records");
	for (int i = 0; i < 3 && !rc; i++)
		c[i].row = an_stmt_step(c[i].s);
	while (!rc && (r = an_stmt_step(d)) == AN_STEP_ROW && !an_out_flush(o, 0)) {
		int64_t doc = an_stmt_int(d, 0);
		an_document_json(&o->b, d, 0);
		for (int i = 0; i < 3; i++)
			drain(&c[i], doc, &o->b);
	}
	for (int i = 0; i < 3; i++) {
		if (c[i].row == AN_STEP_ERROR && !rc)
			rc = an_store_fail(st, "cannot read the records");
		an_stmt_free(c[i].s);
	}
	if (!rc && r == AN_STEP_ERROR)
		rc = an_store_fail(st, "cannot read the documents");
	an_stmt_free(d);
	an_stmt *e = rc ? NULL : an_db_prepare(st->db, ENTITY_COLS " ORDER BY id");
	while (e && an_stmt_step(e) == AN_STEP_ROW && !an_out_flush(o, 0))
		an_entity_json(st, &o->b, e, 0);
	an_stmt_free(e);
	return rc ? rc : an_support_records(st, o);
}

/* ---- counts ------------------------------------------------------------------------ */

int an_query_stats(annals_store *st, annals_output fmt, an_out *o)
{
	static const char *const names[] = {"documents", "bytes", "sentences",
					    "mentions", "entities", "aliases", "links",
					    "events", "quotes", "support_rows",
					    "support_evidence"};
	an_stmt *s = an_db_prepare(st->db,
		"SELECT (SELECT count(*) FROM doc), (SELECT COALESCE(sum(bytes), 0) FROM doc),"
		" (SELECT count(*) FROM sentence), (SELECT count(*) FROM mention),"
		" (SELECT count(*) FROM entity), (SELECT count(*) FROM alias),"
		" (SELECT count(*) FROM link), (SELECT count(*) FROM event),"
		" (SELECT count(*) FROM quote), (SELECT count(*) FROM support),"
		" (SELECT count(*) FROM support_ev)");
	if (!s || an_stmt_step(s) != AN_STEP_ROW) {
		an_stmt_free(s);
		return an_store_fail(st, "cannot count the records");
	}
	if (fmt == ANNALS_OUT_JSON) {
		an_buf_printf(&o->b, "{\"type\":\"stats\",\"database\":");
		an_buf_json_strz(&o->b, st->db->name);
		an_buf_printf(&o->b, ",\"backend\":\"%s\",\"schema_version\":%d",
			      st->db->kind == AN_DB_PG ? "postgresql" : "sqlite",
			      ANNALS_SCHEMA_VERSION);
		for (int i = 0; i < 11; i++)
			an_buf_printf(&o->b, ",\"%s\":%lld", names[i], (long long)an_stmt_int(s, i));
		an_buf_puts(&o->b, "}\n");
	} else {
		an_buf_printf(&o->b, "%-18s%s (%s, schema version %d)\n", "database",
			      st->db->name, st->db->kind == AN_DB_PG ? "postgresql" : "sqlite",
			      ANNALS_SCHEMA_VERSION);
		for (int i = 0; i < 11; i++)
			an_buf_printf(&o->b, "%-18s%lld\n", names[i], (long long)an_stmt_int(s, i));
	}
	an_stmt_free(s);
	return ANNALS_OK;
}
