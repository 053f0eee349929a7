/*
 * db_pg.c: the PostgreSQL backend of db.h over libpq. '?' placeholders
 * become $1, $2, ...; statements are prepared once on the server; values go
 * as text (bytes as binary bytea) and rows come back as text. SQLSTATE
 * classes map to the AN_DBE_* kinds (disk full, read-only, busy).
 *
 * Writes that return nothing (INSERT, DELETE, UPDATE without RETURNING) are
 * pipelined: sent without waiting, their results read at the next statement
 * that needs an answer (or every few hundred), where a failure among them
 * is reported. A round trip per record would make ingest slow.
 */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"

#define MAX_PARAMS 32

typedef struct pg_db {
	an_db base;
	PGconn *c;
	unsigned nstmt; /* statement names s1, s2, ... */
	int queued;     /* pipelined statements whose results are unread */
	int qfail;      /* one of them failed (db->err says how) */
} pg_db;

#define MAX_QUEUED 400

typedef struct pg_stmt {
	an_stmt_head head;
	char name[16];
	int nparams;
	char *val[MAX_PARAMS];
	int len[MAX_PARAMS], fmt[MAX_PARAMS], isnull[MAX_PARAMS];
	PGresult *res;
	int row, nrows, ran;
	int blind;      /* a write without results: pipelined */
} pg_stmt;

static int pg_fail(an_db *db, PGresult *r)
{
	pg_db *p = (pg_db *)db;
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = r ? PQresultErrorMessage(r) : PQerrorMessage(p->c);
	if (!msg || !*msg)
		msg = PQerrorMessage(p->c);
	db->fail = AN_DBE_OTHER;
	if (state && !strcmp(state, "53100"))
		db->fail = AN_DBE_FULL;
	else if (state && (!strcmp(state, "25006") || !strcmp(state, "42501")))
		db->fail = AN_DBE_READONLY;
	else if (state && !strcmp(state, "57014"))
		db->fail = AN_DBE_TIMEOUT; /* canceled by statement_timeout */
	else if (state && (!strncmp(state, "40", 2) || !strcmp(state, "55P03")))
		db->fail = AN_DBE_BUSY;
	else if (PQstatus(p->c) != CONNECTION_OK)
		db->fail = AN_DBE_OPEN;
	snprintf(db->err, sizeof db->err, "%s", msg);
	size_t n = strlen(db->err);
	while (n && (db->err[n - 1] == '\n' || db->err[n - 1] == ' '))
		db->err[--n] = 0;
	return -1;
}

static int pg_sync(pg_db *p);

static void pg_close(an_db *db)
{
	pg_sync((pg_db *)db);
	PQfinish(((pg_db *)db)->c);
	an_free(NULL, db);
}

/* Reads the results of the pipelined statements and leaves pipeline mode.
 * Returns -1 when one of them failed. */
static int pg_sync(pg_db *p)
{
	if (PQpipelineStatus(p->c) == PQ_PIPELINE_OFF)
		return 0;
	int failed = 0;
	if (PQpipelineSync(p->c) != 1) {
		pg_fail(&p->base, NULL);
		failed = 1;
	}
	for (;;) {
		PGresult *r = PQgetResult(p->c);
		if (!r) {
			if (PQstatus(p->c) != CONNECTION_OK)
				break;
			continue; /* the end of one statement's results */
		}
		int st = PQresultStatus(r);
		if (st == PGRES_PIPELINE_SYNC) {
			PQclear(r);
			break;
		}
		if (st == PGRES_FATAL_ERROR && !failed) {
			pg_fail(&p->base, r);
			failed = 1;
		}
		PQclear(r);
	}
	p->queued = 0;
	PQexitPipelineMode(p->c);
	if (failed || p->qfail) {
		p->qfail = 0;
		return -1;
	}
	return 0;
}

static int pg_exec(an_db *db, const char *sql)
{
	if (pg_sync((pg_db *)db)) {
		/* a pipelined write failed: the transaction is lost; still run a
		 * ROLLBACK so the connection can go on */
		if (!strncmp(sql, "ROLLBACK", 8))
			PQclear(PQexec(((pg_db *)db)->c, sql));
		return -1;
	}
	PGresult *r = PQexec(((pg_db *)db)->c, sql);
	int st = PQresultStatus(r);
	int rc = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK ? 0 : pg_fail(db, r);
	PQclear(r);
	return rc;
}

/* sql with each '?' outside quotes replaced by $n; returns the count. */
static int number_params(const char *sql, an_buf *out)
{
	int n = 0;
	char q = 0;
	for (const char *p = sql; *p; p++) {
		if (q) {
			if (*p == q)
				q = 0;
		} else if (*p == '\'' || *p == '"') {
			q = *p;
		} else if (*p == '?') {
			an_buf_printf(out, "$%d", ++n);
			continue;
		}
		an_buf_putc(out, *p);
	}
	an_buf_putc(out, 0);
	return n;
}

static an_stmt *pg_prepare(an_db *db, const char *sql)
{
	pg_db *p = (pg_db *)db;
	an_buf b;
	an_buf_init(&b, NULL);
	int n = number_params(sql, &b);
	if (n > MAX_PARAMS) {
		an_buf_free(&b);
		snprintf(db->err, sizeof db->err, "too many parameters");
		return NULL;
	}
	if (pg_sync(p)) {
		an_buf_free(&b);
		return NULL;
	}
	pg_stmt *s = an_calloc(NULL, 1, sizeof *s);
	s->head.db = db;
	s->nparams = n;
	s->blind = (!strncmp(sql, "INSERT", 6) || !strncmp(sql, "DELETE", 6) ||
		    !strncmp(sql, "UPDATE", 6)) && !strstr(sql, "RETURNING");
	snprintf(s->name, sizeof s->name, "s%u", ++p->nstmt);
	PGresult *r = PQprepare(p->c, s->name, b.p, 0, NULL);
	an_buf_free(&b);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		pg_fail(db, r);
		PQclear(r);
		an_free(NULL, s);
		return NULL;
	}
	PQclear(r);
	return (an_stmt *)s;
}

static void set_param(an_stmt *st, int i, const char *v, size_t n, int fmt)
{
	pg_stmt *s = (pg_stmt *)st;
	if (i < 1 || i > s->nparams)
		return;
	i--;
	an_free(NULL, s->val[i]);
	s->val[i] = NULL;
	s->isnull[i] = !v;
	if (v) {
		s->val[i] = an_calloc(NULL, 1, n + 1);
		memcpy(s->val[i], v, n);
	}
	s->len[i] = (int)n;
	s->fmt[i] = fmt;
}

static void pg_bind_text(an_stmt *st, int i, const char *v, size_t n)
{
	set_param(st, i, v, n, 0);
}

static void pg_bind_int(an_stmt *st, int i, int64_t v)
{
	char b[32];
	int n = snprintf(b, sizeof b, "%lld", (long long)v);
	set_param(st, i, b, (size_t)n, 0);
}

static void pg_bind_double(an_stmt *st, int i, double v)
{
	char b[64];
	int n = snprintf(b, sizeof b, "%.17g", v);
	set_param(st, i, b, (size_t)n, 0);
}

static void pg_bind_blob(an_stmt *st, int i, const void *p, size_t n)
{
	set_param(st, i, p ? p : "", n, 1);
}

static void pg_bind_null(an_stmt *st, int i) { set_param(st, i, NULL, 0, 0); }

static int pg_step(an_stmt *st)
{
	pg_stmt *s = (pg_stmt *)st;
	pg_db *p = (pg_db *)s->head.db;
	if (s->blind && !s->ran) {
		s->ran = 1;
		if (PQpipelineStatus(p->c) == PQ_PIPELINE_OFF && PQenterPipelineMode(p->c) != 1)
			return pg_fail(&p->base, NULL), AN_STEP_ERROR;
		if (!PQsendQueryPrepared(p->c, s->name, s->nparams,
					 (const char *const *)s->val, s->len, s->fmt, 0)) {
			pg_fail(&p->base, NULL);
			p->qfail = 1;
			return AN_STEP_ERROR;
		}
		if (++p->queued >= MAX_QUEUED && pg_sync(p))
			return AN_STEP_ERROR;
		return AN_STEP_DONE;
	}
	if (!s->ran) {
		s->ran = 1;
		if (pg_sync(p))
			return AN_STEP_ERROR;
		s->res = PQexecPrepared(p->c, s->name, s->nparams,
					(const char *const *)s->val, s->len, s->fmt, 0);
		int rs = PQresultStatus(s->res);
		if (rs != PGRES_COMMAND_OK && rs != PGRES_TUPLES_OK) {
			pg_fail(&p->base, s->res);
			PQclear(s->res);
			s->res = NULL;
			return AN_STEP_ERROR;
		}
		s->nrows = PQntuples(s->res);
		s->row = -1;
	}
	if (!s->res || s->row + 1 >= s->nrows)
		return AN_STEP_DONE;
	s->row++;
	return AN_STEP_ROW;
}

#define PS(x) ((pg_stmt *)(x))

static int pg_is_null(an_stmt *st, int col)
{
	return !PS(st)->res || PQgetisnull(PS(st)->res, PS(st)->row, col);
}

static const char *pg_text(an_stmt *st, int col, size_t *len)
{
	if (pg_is_null(st, col)) {
		if (len)
			*len = 0;
		return NULL;
	}
	if (len)
		*len = (size_t)PQgetlength(PS(st)->res, PS(st)->row, col);
	return PQgetvalue(PS(st)->res, PS(st)->row, col);
}

static int64_t pg_int(an_stmt *st, int col)
{
	const char *t = pg_text(st, col, NULL);
	return t ? strtoll(t, NULL, 10) : 0;
}

static double pg_double(an_stmt *st, int col)
{
	const char *t = pg_text(st, col, NULL);
	return t ? strtod(t, NULL) : 0;
}

static void pg_reset(an_stmt *st)
{
	pg_stmt *s = PS(st);
	PQclear(s->res);
	s->res = NULL;
	s->ran = 0;
}

static void pg_finalize(an_stmt *st)
{
	pg_stmt *s = PS(st);
	pg_reset(st);
	for (int i = 0; i < s->nparams; i++)
		an_free(NULL, s->val[i]);
	char sql[64];
	snprintf(sql, sizeof sql, "DEALLOCATE %s", s->name);
	pg_sync((pg_db *)s->head.db);
	PQclear(PQexec(((pg_db *)s->head.db)->c, sql));
	an_free(NULL, s);
}

static const an_db_ops pg_ops = {
	pg_close, pg_exec, pg_prepare, pg_bind_text, pg_bind_int, pg_bind_double,
	pg_bind_blob, pg_bind_null, pg_step, pg_is_null, pg_text, pg_int,
	pg_double, pg_reset, pg_finalize};

/* The URL with any password replaced by "***", for messages. */
static void hide_password(const char *url, char *out, size_t cap)
{
	const char *s = strstr(url, "://"), *at = strchr(url, '@'), *colon;
	snprintf(out, cap, "%s", url);
	if (!s || !at || at < s)
		return;
	colon = memchr(s + 3, ':', (size_t)(at - s - 3));
	if (colon)
		snprintf(out, cap, "%.*s:***%s", (int)(colon - url), url, at);
}

int an_db_pg_timeout(an_db *db, unsigned ms)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SET statement_timeout = %u", ms);
	return an_db_exec(db, sql);
}

int an_db_open_pg(an_db **out, const char *url, char *err, size_t cap)
{
	*out = NULL;
	pg_db *p = an_calloc(NULL, 1, sizeof *p);
	p->base.ops = &pg_ops;
	p->base.kind = AN_DB_PG;
	hide_password(url, p->base.name, sizeof p->base.name);
	p->c = PQconnectdb(url);
	if (PQstatus(p->c) != CONNECTION_OK) {
		char msg[512];
		snprintf(msg, sizeof msg, "%s", PQerrorMessage(p->c));
		size_t n = strlen(msg);
		while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
			msg[--n] = 0;
		snprintf(err, cap, "%s: cannot connect: %s", p->base.name, msg);
		PQfinish(p->c);
		an_free(NULL, p);
		return -1;
	}
	PQclear(PQexec(p->c, "SET client_min_messages = warning"));
	*out = &p->base;
	return 0;
}
