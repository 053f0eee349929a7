/*
 * browse.c: the questions a browser asks of the store (annals serve): the
 * entities whose name, id or alias holds some words, most mentioned first,
 * a page at a time; and one document with its text and every record that
 * points into it, so its evidence can be shown at its byte offsets.
 */
#include <stdio.h>
#include <string.h>

#include "query.h"
#include "text.h"

/* ---- entities ---------------------------------------------------------------- */

/* "%words%" in lower case for LIKE, with '%', '_' and '\' escaped. */
static char *like_pattern(const char *text)
{
	an_buf b;
	an_buf_init(&b, NULL);
	an_buf_putc(&b, '%');
	for (const char *p = text; *p; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p + 32) : *p;
		if (c == '%' || c == '_' || c == '\\')
			an_buf_putc(&b, '\\');
		an_buf_putc(&b, c);
	}
	an_buf_puts(&b, "%");
	an_buf_putc(&b, 0);
	return b.p; /* the buffer's memory, freed with an_free */
}

int an_query_entities(annals_store *st, const annals_query *q, an_out *o)
{
	an_sql sql = {0};
	an_sql_init(&sql, ENTITY_COLS);
	if (q->text && *q->text) {
		sql.own[0] = like_pattern(q->text);
		an_sql_where(&sql, "(lower(e.name) LIKE ? ESCAPE '\\' OR e.id LIKE ? ESCAPE '\\'"
				   " OR e.id IN (SELECT entity FROM alias WHERE lower(alias)"
				   " LIKE ? ESCAPE '\\'))", sql.own[0]);
		sql.v[sql.n++] = sql.own[0];
		sql.v[sql.n++] = sql.own[0];
	}
	if (q->entity_kind)
		an_sql_where(&sql, "e.kind = ?", q->entity_kind);
	an_buf_puts(&sql.b, " ORDER BY 11 DESC, 1");
	an_sql_page(&sql, st, q->limit, q->offset);
	an_stmt *s = an_sql_prepare(st, &sql);
	int rc = s ? ANNALS_OK : ANNALS_ESTORE, r = AN_STEP_DONE;
	while (s && (r = an_stmt_step(s)) == AN_STEP_ROW && !an_out_flush(o, 0))
		an_entity_json(st, &o->b, s, 0);
	if (r == AN_STEP_ERROR)
		rc = an_store_fail(st, "cannot list the entities");
	an_stmt_free(s);
	an_sql_free_own(&sql);
	return rc;
}

/* ---- one document -------------------------------------------------------------- */

static const char doc_sqlite[] =
	"SELECT id, name, title, date, source, authors, bytes, sentences, excluded,"
	" body FROM doc WHERE name = ?";
/* bytea comes back as text: hex keeps every byte */
static const char doc_pg[] =
	"SELECT id, name, title, date, source, authors, bytes, sentences, excluded,"
	" encode(body, 'hex') FROM doc WHERE name = ?";

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
}

/* The document's original bytes into out. */
static void body_bytes(const annals_store *st, an_stmt *s, an_buf *out)
{
	size_t n;
	const char *t = an_stmt_text(s, 9, &n);
	if (!t)
		return;
	if (st->db->kind == AN_DB_SQLITE) {
		an_buf_add(out, t, n);
		return;
	}
	for (size_t i = 0; i + 1 < n; i += 2)
		an_buf_putc(out, (char)(hexval(t[i]) << 4 | hexval(t[i + 1])));
}

/* Whether the n bytes at p are UTF-8 (then "text" holds them exactly). */
static int is_utf8(const char *p, size_t n)
{
	for (size_t i = 0, l; i < n; i += l)
		if ((unsigned char)p[i] < 0x80)
			l = 1;
		else if (!(l = an_utf8_len((const unsigned char *)p + i, n - i)))
			return 0;
	return 1;
}

static void base64(an_buf *b, const unsigned char *p, size_t n)
{
	static const char abc[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	an_buf_putc(b, '"');
	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
			     (i + 2 < n ? p[i + 2] : 0);
		char q[4] = {abc[v >> 18 & 63], abc[v >> 12 & 63],
			     i + 1 < n ? abc[v >> 6 & 63] : '=', i + 2 < n ? abc[v & 63] : '='};
		an_buf_add(b, q, 4);
	}
	an_buf_putc(b, '"');
}

/* The document record with "text" (and "body_base64" when the bytes are
 * not UTF-8: "text" then has U+FFFD where they were not, which moves the
 * offsets after them). */
static void document_with_text(const annals_store *st, an_stmt *s, an_buf *b)
{
	an_buf body;
	an_buf_init(&body, NULL);
	body_bytes(st, s, &body);
	an_document_json(b, s, 1);
	an_buf_puts(b, ",\"text\":");
	an_buf_json_str(b, body.len ? body.p : "", body.len);
	if (!is_utf8(body.p, body.len)) {
		an_buf_puts(b, ",\"body_base64\":");
		base64(b, (const unsigned char *)body.p, body.len);
	}
	an_buf_puts(b, "}\n");
	an_buf_free(&body);
}

static const char doc_ments[] =
	"SELECT m.doc, d.name, m.entity, m.off_start, m.off_end, m.text, m.sentence,"
	" m.how FROM mention m JOIN doc d ON d.id = m.doc WHERE m.doc = ?"
	" ORDER BY m.off_start, m.off_end, m.entity";

/* Writes the records of one statement (bound to the document row id). */
static int doc_records(annals_store *st, const char *sql, int64_t doc,
		       void (*put)(an_buf *, an_stmt *), an_out *o)
{
	an_stmt *s = an_db_prepare(st->db, sql);
	if (!s)
		return an_store_fail(st, "cannot read a document's records");
	an_stmt_int_bind(s, 1, doc);
	int r;
	while ((r = an_stmt_step(s)) == AN_STEP_ROW && !an_out_flush(o, 0))
		put(&o->b, s);
	an_stmt_free(s);
	return r == AN_STEP_ERROR ? an_store_fail(st, "cannot read a document's records")
				  : ANNALS_OK;
}

int an_query_document(annals_store *st, const annals_query *q, an_out *o)
{
	if (!q->doc) {
		snprintf(st->err, sizeof st->err, "which document? (its id)");
		return ANNALS_EUSAGE;
	}
	an_stmt *s = an_db_prepare(st->db, st->db->kind == AN_DB_PG ? doc_pg : doc_sqlite);
	if (!s)
		return an_store_fail(st, "cannot read a document");
	an_stmt_text_bind(s, 1, q->doc, (size_t)-1);
	int r = an_stmt_step(s), rc = ANNALS_OK;
	int64_t doc = 0;
	if (r == AN_STEP_ROW) {
		doc = an_stmt_int(s, 0);
		document_with_text(st, s, &o->b);
	} else if (r == AN_STEP_ERROR) {
		rc = an_store_fail(st, "cannot read a document");
	} else {
		snprintf(st->err, sizeof st->err, "no document '%s' in %s", q->doc,
			 st->db->name);
		rc = ANNALS_EUSAGE;
	}
	an_stmt_free(s);
	if (!rc)
		rc = doc_records(st, doc_ments, doc, an_mention_json, o);
	if (!rc)
		rc = doc_records(st, EVENT_COLS " WHERE e.doc = ? ORDER BY e.n", doc,
				 an_event_json, o);
	if (!rc)
		rc = doc_records(st, QUOTE_COLS " WHERE q.doc = ? ORDER BY q.n", doc,
				 an_quote_json, o);
	return rc;
}
