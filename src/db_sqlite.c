/*
 * db_sqlite.c: the SQLite backend of db.h. A database is one file (WAL
 * journal, synchronous=NORMAL: a crash or a kill loses at most the open
 * transaction, never consistency). SQLite result codes become AN_DBE_*
 * kinds with sqlite3_errmsg as the message.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "db.h"

typedef struct sq_db {
	an_db base;
	sqlite3 *h;
} sq_db;

typedef struct sq_stmt {
	an_stmt_head head;
	sqlite3_stmt *st;
	int started, done;
} sq_stmt;

static int kind_of(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_READONLY: return AN_DBE_READONLY;
	case SQLITE_FULL: return AN_DBE_FULL;
	case SQLITE_BUSY:
	case SQLITE_LOCKED: return AN_DBE_BUSY;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT: return AN_DBE_NOTADB;
	case SQLITE_CANTOPEN: return AN_DBE_OPEN;
	case SQLITE_INTERRUPT: return AN_DBE_TIMEOUT; /* only the time limit
							* interrupts */
	default: return AN_DBE_OTHER;
	}
}

static int sq_fail(an_db *db, int rc)
{
	sq_db *s = (sq_db *)db;
	db->fail = kind_of(rc);
	snprintf(db->err, sizeof db->err, "%s", sqlite3_errmsg(s->h));
	return -1;
}

static void sq_close(an_db *db)
{
	sq_db *s = (sq_db *)db;
	sqlite3_close_v2(s->h);
	an_free(NULL, s);
}

static int sq_exec(an_db *db, const char *sql)
{
	int rc = sqlite3_exec(((sq_db *)db)->h, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : sq_fail(db, rc);
}

static an_stmt *sq_prepare(an_db *db, const char *sql)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v3(((sq_db *)db)->h, sql, -1,
				    SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		sq_fail(db, rc);
		return NULL;
	}
	sq_stmt *s = an_calloc(NULL, 1, sizeof *s);
	s->head.db = db;
	s->st = st;
	return (an_stmt *)s;
}

#define ST(x) (((sq_stmt *)(x))->st)

static void sq_bind_text(an_stmt *st, int i, const char *p, size_t n)
{
	sqlite3_bind_text(ST(st), i, p, (int)n, SQLITE_TRANSIENT);
}
static void sq_bind_int(an_stmt *st, int i, int64_t v) { sqlite3_bind_int64(ST(st), i, v); }
static void sq_bind_double(an_stmt *st, int i, double v) { sqlite3_bind_double(ST(st), i, v); }
static void sq_bind_blob(an_stmt *st, int i, const void *p, size_t n)
{
	sqlite3_bind_blob64(ST(st), i, p, n, SQLITE_TRANSIENT);
}
static void sq_bind_null(an_stmt *st, int i) { sqlite3_bind_null(ST(st), i); }

static int sq_step(an_stmt *st)
{
	sq_stmt *s = (sq_stmt *)st;
	if (s->done)
		return AN_STEP_DONE;
	int rc = sqlite3_step(s->st);
	if (rc == SQLITE_ROW)
		return AN_STEP_ROW;
	s->done = 1;
	if (rc == SQLITE_DONE)
		return AN_STEP_DONE;
	sq_fail(s->head.db, rc);
	sqlite3_reset(s->st);
	return AN_STEP_ERROR;
}

static int sq_is_null(an_stmt *st, int col)
{
	return sqlite3_column_type(ST(st), col) == SQLITE_NULL;
}

static const char *sq_text(an_stmt *st, int col, size_t *len)
{
	const char *t = (const char *)sqlite3_column_text(ST(st), col);
	if (len)
		*len = t ? (size_t)sqlite3_column_bytes(ST(st), col) : 0;
	return t;
}

static int64_t sq_int(an_stmt *st, int col) { return sqlite3_column_int64(ST(st), col); }
static double sq_double(an_stmt *st, int col) { return sqlite3_column_double(ST(st), col); }

static void sq_reset(an_stmt *st)
{
	sq_stmt *s = (sq_stmt *)st;
	sqlite3_reset(s->st);
	s->done = 0;
}

static void sq_finalize(an_stmt *st)
{
	sqlite3_finalize(ST(st));
	an_free(NULL, st);
}

/* Called every few thousand steps of the virtual machine: non-zero stops
 * the statement (SQLITE_INTERRUPT) once the query's deadline has passed. */
static int sq_progress(void *ud)
{
	const an_db *db = ud;
	return db->deadline > 0 && an_db_clock() > db->deadline;
}

int an_db_sqlite_timeout(an_db *db, unsigned ms)
{
	sqlite3_progress_handler(((sq_db *)db)->h, ms ? 4000 : 0,
				 ms ? sq_progress : NULL, db);
	return 0;
}

static const an_db_ops sq_ops = {
	sq_close, sq_exec, sq_prepare, sq_bind_text, sq_bind_int, sq_bind_double,
	sq_bind_blob, sq_bind_null, sq_step, sq_is_null, sq_text, sq_int,
	sq_double, sq_reset, sq_finalize};

int an_db_open_sqlite(an_db **out, const char *path, int readonly, char *err,
		      size_t cap)
{
	*out = NULL;
	if (readonly && access(path, F_OK) != 0) {
		snprintf(err, cap, "%s: no such database (create it with 'annals ingest --db %s FILE...')",
			 path, path);
		return -1;
	}
	sq_db *s = an_calloc(NULL, 1, sizeof *s);
	s->base.ops = &sq_ops;
	s->base.kind = AN_DB_SQLITE;
	snprintf(s->base.name, sizeof s->base.name, "%s", path);
	int flags = readonly ? SQLITE_OPEN_READONLY
			     : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	flags |= SQLITE_OPEN_NOMUTEX; /* one connection, one thread */
	int rc = sqlite3_open_v2(path, &s->h, flags, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, cap, "%s: cannot open the database: %s", path,
			 s->h ? sqlite3_errmsg(s->h) : sqlite3_errstr(rc));
		sqlite3_close_v2(s->h);
		an_free(NULL, s);
		return -1;
	}
	sqlite3_busy_timeout(s->h, 5000);
	if (!readonly && sqlite3_db_readonly(s->h, "main") == 1) {
		snprintf(err, cap, "%s: the database is read-only (file or directory "
			 "permissions, or a read-only file system): nothing was written", path);
		sqlite3_close_v2(s->h);
		an_free(NULL, s);
		return -1;
	}
	*out = &s->base;
	return 0;
}
