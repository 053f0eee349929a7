/*
 * db.c: picks the backend for a database name and forwards the calls of
 * db.h to it.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"

int an_db_is_url(const char *target)
{
	return !strncmp(target, "postgresql://", 13) ||
	       !strncmp(target, "postgres://", 11);
}

int an_db_open(an_db **out, const char *target, int readonly, char *err,
	       size_t cap)
{
	*out = NULL;
	if (!an_db_is_url(target))
		return an_db_open_sqlite(out, target, readonly, err, cap);
	if (an_db_open_pg(out, target, err, cap))
		return -1;
	if (readonly && an_db_exec(*out, "SET default_transaction_read_only = on")) {
		snprintf(err, cap, "%s: cannot make the session read-only: %s",
			 (*out)->name, (*out)->err);
		an_db_close(*out);
		*out = NULL;
		return -1;
	}
	return 0;
}

double an_db_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int an_db_set_timeout(an_db *db, unsigned ms)
{
	db->timeout_ms = ms;
	db->deadline = 0;
	return db->kind == AN_DB_PG ? an_db_pg_timeout(db, ms)
				    : an_db_sqlite_timeout(db, ms);
}

void an_db_start_clock(an_db *db)
{
	db->deadline = db->timeout_ms ? an_db_clock() + db->timeout_ms / 1e3 : 0;
}

#define OPS(st) (((an_stmt_head *)(st))->db->ops)

void an_db_close(an_db *db)
{
	if (db)
		db->ops->close(db);
}

int an_db_exec(an_db *db, const char *sql) { return db->ops->exec(db, sql); }

an_stmt *an_db_prepare(an_db *db, const char *sql)
{
	return db->ops->prepare(db, sql);
}

void an_stmt_text_bind(an_stmt *st, int i, const char *s, size_t n)
{
	if (!s)
		OPS(st)->bind_null(st, i);
	else
		OPS(st)->bind_text(st, i, s, n == (size_t)-1 ? strlen(s) : n);
}

void an_stmt_int_bind(an_stmt *st, int i, int64_t v) { OPS(st)->bind_int(st, i, v); }
void an_stmt_double_bind(an_stmt *st, int i, double v) { OPS(st)->bind_double(st, i, v); }
void an_stmt_blob_bind(an_stmt *st, int i, const void *p, size_t n)
{
	OPS(st)->bind_blob(st, i, p, n);
}
void an_stmt_null_bind(an_stmt *st, int i) { OPS(st)->bind_null(st, i); }
int an_stmt_step(an_stmt *st) { return OPS(st)->step(st); }
int an_stmt_null(an_stmt *st, int col) { return OPS(st)->is_null(st, col); }
const char *an_stmt_text(an_stmt *st, int col, size_t *len)
{
	return OPS(st)->text(st, col, len);
}
int64_t an_stmt_int(an_stmt *st, int col) { return OPS(st)->get_int(st, col); }
double an_stmt_double(an_stmt *st, int col) { return OPS(st)->get_double(st, col); }
void an_stmt_reset(an_stmt *st) { OPS(st)->reset(st); }

void an_stmt_free(an_stmt *st)
{
	if (st)
		OPS(st)->finalize(st);
}
