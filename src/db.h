/*
 * db.h: the one SQL interface the store is written against, with two
 * backends: SQLite (db_sqlite.c, a file) and PostgreSQL (db_pg.c, libpq,
 * chosen by a postgresql:// or postgres:// URL). Statements use '?'
 * placeholders on both; values travel as text, integers, doubles or bytes.
 * Errors come back as codes with a message in the handle, never printed.
 */
#ifndef AN_DB_H
#define AN_DB_H

#include <stddef.h>
#include <stdint.h>

enum { AN_DB_SQLITE = 1, AN_DB_PG = 2 };

/* an_stmt_step results. */
enum { AN_STEP_ERROR = -1, AN_STEP_DONE = 0, AN_STEP_ROW = 1 };

/* Kinds of failure, for choosing the message and exit status. */
enum { AN_DBE_OK = 0, AN_DBE_OTHER, AN_DBE_READONLY, AN_DBE_FULL,
       AN_DBE_BUSY, AN_DBE_NOTADB, AN_DBE_OPEN, AN_DBE_TIMEOUT };

typedef struct an_db an_db;
typedef struct an_stmt an_stmt;

typedef struct an_db_ops {
	void (*close)(an_db *db);
	int (*exec)(an_db *db, const char *sql);
	an_stmt *(*prepare)(an_db *db, const char *sql);
	void (*bind_text)(an_stmt *st, int i, const char *s, size_t n);
	void (*bind_int)(an_stmt *st, int i, int64_t v);
	void (*bind_double)(an_stmt *st, int i, double v);
	void (*bind_blob)(an_stmt *st, int i, const void *p, size_t n);
	void (*bind_null)(an_stmt *st, int i);
	int (*step)(an_stmt *st);
	int (*is_null)(an_stmt *st, int col);
	const char *(*text)(an_stmt *st, int col, size_t *len);
	int64_t (*get_int)(an_stmt *st, int col);
	double (*get_double)(an_stmt *st, int col);
	void (*reset)(an_stmt *st);
	void (*finalize)(an_stmt *st);
} an_db_ops;

struct an_db {
	const an_db_ops *ops;
	int kind;        /* AN_DB_* */
	int fail;        /* AN_DBE_* of the last error */
	char name[512];  /* the file, or the URL without its password */
	char err[1024];  /* the last error */
	unsigned timeout_ms; /* time limit of a query, 0 for none */
	double deadline;     /* SQLite: when the current query must stop
			      * (monotonic seconds), 0 for never */
};

/* Opens the database at target: a postgresql:// URL or a file name.
 * readonly: never create nor write (SQLite opens the file read-only;
 * PostgreSQL makes every transaction of the session read-only). Returns 0 and *out, or -1 with a
 * message in err (and *out NULL). The caller closes with an_db_close. */
int an_db_open(an_db **out, const char *target, int readonly, char *err,
	       size_t cap);
/* Whether target names a PostgreSQL database. */
int an_db_is_url(const char *target);

int an_db_open_sqlite(an_db **out, const char *path, int readonly, char *err,
		      size_t cap);
int an_db_open_pg(an_db **out, const char *url, char *err, size_t cap);

/* Limits the database time of each query to ms milliseconds (0: none):
 * PostgreSQL per statement (statement_timeout), SQLite from the last
 * an_db_start_clock. A statement past it fails with AN_DBE_TIMEOUT.
 * Returns 0 or -1 (db->err). */
int an_db_set_timeout(an_db *db, unsigned ms);
/* Starts the clock of a query (SQLite; a no-op for PostgreSQL). */
void an_db_start_clock(an_db *db);
int an_db_sqlite_timeout(an_db *db, unsigned ms);
int an_db_pg_timeout(an_db *db, unsigned ms);
/* Seconds of the monotonic clock. */
double an_db_clock(void);

/* Closes the connection and frees db; NULL is a no-op. */
void an_db_close(an_db *db);
/* Runs one or more statements without results; 0 or -1 (db->err). */
int an_db_exec(an_db *db, const char *sql);
/* Prepares one statement; NULL on failure (db->err). */
an_stmt *an_db_prepare(an_db *db, const char *sql);

/* Binds parameter i (from 1). A NULL string binds SQL NULL; n (size_t)-1
 * means strlen. The value is copied. */
void an_stmt_text_bind(an_stmt *st, int i, const char *s, size_t n);
void an_stmt_int_bind(an_stmt *st, int i, int64_t v);
void an_stmt_double_bind(an_stmt *st, int i, double v);
void an_stmt_blob_bind(an_stmt *st, int i, const void *p, size_t n);
void an_stmt_null_bind(an_stmt *st, int i);
/* Runs the statement (first call) or moves to the next row. */
int an_stmt_step(an_stmt *st);
/* Column col (from 0) of the current row. Text is NUL-terminated and
 * valid until the next step or reset; NULL for SQL NULL. */
int an_stmt_null(an_stmt *st, int col);
const char *an_stmt_text(an_stmt *st, int col, size_t *len);
int64_t an_stmt_int(an_stmt *st, int col);
double an_stmt_double(an_stmt *st, int col);
/* Readies the statement to run again (bindings are kept until rebound). */
void an_stmt_reset(an_stmt *st);
/* Frees the statement; NULL is a no-op. */
void an_stmt_free(an_stmt *st);

/* The an_db a statement belongs to (every backend's an_stmt starts with
 * this header). */
typedef struct an_stmt_head {
	an_db *db;
} an_stmt_head;

#endif
