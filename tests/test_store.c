/*
 * test_store.c: the store on a temporary SQLite file with the test
 * dictionary: ingest, skip and recode, the records read back equal to what
 * the coder wrote, the record parser, a full database (no partial
 * document), another schema version, a file that is not a database.
 */
#include <stdlib.h>
#include <unistd.h>

#include "annals.h"
#include "jrec.h"
#include "runner.h"
#include "store.h"

static char got[1 << 16];
static capture cap = {got, 0, sizeof got};

static const char *ask(annals_store *st, annals_query_kind k, const char *actor)
{
	annals_query q = {.kind = k, .actor = actor};
	capture_reset(&cap);
	int rc = annals_store_query(st, &q, ANNALS_OUT_JSON, capture_sink, &cap);
	if (rc)
		fprintf(stderr, "  query: %s\n", annals_store_errmsg(st));
	return got;
}

/* The value of a number field in the stats record. */
static long stat_of(annals_store *st, const char *key)
{
	char v[64];
	json_field(ask(st, ANNALS_Q_STATS, NULL), key, v, sizeof v);
	return atol(v);
}

static annals_ctx *new_ctx(void)
{
	annals_ctx *ctx;
	if (annals_ctx_new(&ctx, TEST_DATA, 0, NULL)) {
		fprintf(stderr, "test dictionary: %s\n", annals_errmsg(ctx));
		exit(2);
	}
	return ctx;
}

static int code(annals_ctx *ctx, const char *id, const char *text)
{
	annals_article a = {id, NULL, "2021-05-20", NULL, text, strlen(text),
			    ANNALS_FMT_TEXT};
	return annals_code_article(ctx, &a);
}

static const char *const texts[] = {
	"Iran sent weapons to Hamas in 2019. Hamas fired rockets at Israel.",
	"Qasem Soleimani met Hamas in Tehran. \"We will win,\" Soleimani said.",
};

static void test_jrec(void)
{
	an_arena *a = an_arena_new(NULL);
	const char *msg = NULL;
	const char *s = "{\"type\":\"x\",\"n\":12,\"a\":[1,\"b\\u00e9\"],\"o\":{\"k\":null}}";
	an_jval *v = an_jrec_parse(a, s, strlen(s), &msg);
	OK(v != NULL);
	STR_EQ(an_jstr(v, "type"), "x");
	INT_EQ((long)an_jnum(v, "n", 0), 12);
	const an_jval *arr = an_jget(v, "a");
	OK(arr && arr->type == AN_J_ARR && arr->rawlen == 13);
	STR_EQ(arr->kid->next->s, "b\xC3\xA9");
	OK(an_jget(an_jget(v, "o"), "k")->type == AN_J_NULL);
	OK(an_jrec_parse(a, "{\"a\":}", 6, &msg) == NULL && msg);
	OK(an_jrec_parse(a, "[1] x", 5, &msg) == NULL);
	an_arena_free(a);
}

static void test_ingest(const char *path)
{
	annals_store *st;
	annals_ctx *ctx = new_ctx();
	INT_EQ(annals_store_open(&st, path, 0), ANNALS_OK);
	INT_EQ(annals_store_attach(st, ctx), ANNALS_OK);
	for (int i = 0; i < 2; i++)
		INT_EQ(code(ctx, i ? "b" : "a", texts[i]), ANNALS_OK);
	INT_EQ(annals_store_commit(st), ANNALS_OK);
	annals_store_stats s;
	annals_store_get_stats(st, &s);
	INT_EQ(s.stored, 2);
	INT_EQ(stat_of(st, "documents"), 2);
	OK(stat_of(st, "events") >= 2);
	OK(stat_of(st, "mentions") >= 6);
	/* the same again: skipped, nothing doubled */
	long ev = stat_of(st, "events"), me = stat_of(st, "mentions");
	INT_EQ(code(ctx, "a", texts[0]), ANNALS_OK);
	annals_store_get_stats(st, &s);
	INT_EQ(s.skipped, 1);
	/* the same id with other text in one run: a second input, skipped */
	INT_EQ(code(ctx, "b", "Hamas fired rockets at Israel."), ANNALS_OK);
	annals_store_get_stats(st, &s);
	INT_EQ(s.duplicates, 1);
	/* edited text in a later run: recoded, replacing the stored version */
	INT_EQ(annals_store_commit(st), ANNALS_OK);
	annals_store_free(st);
	annals_ctx_free(ctx);
	ctx = new_ctx();
	INT_EQ(annals_store_open(&st, path, 0), ANNALS_OK);
	INT_EQ(annals_store_attach(st, ctx), ANNALS_OK);
	INT_EQ(code(ctx, "b", "Hamas fired rockets at Israel."), ANNALS_OK);
	INT_EQ(annals_store_commit(st), ANNALS_OK);
	annals_store_get_stats(st, &s);
	INT_EQ(s.replaced, 1);
	INT_EQ(stat_of(st, "documents"), 2);
	OK(stat_of(st, "mentions") < me);
	OK(strstr(ask(st, ANNALS_Q_ENTITY, "qasem-soleimani"), "\"mentions\":0,") != NULL);
	(void)ev;
	/* the event records read back as the coder wrote them */
	const char *o = ask(st, ANNALS_Q_EVENTS, "hamas");
	OK(strstr(o, "\"type\":\"event\",\"id\":\"a#e") != NULL);
	OK(strstr(o, "\"source\":\"iran\",\"target\":\"hamas\"") != NULL);
	OK(strstr(o, "\"text\":\"Iran sent weapons to Hamas in 2019.\"") != NULL);
	o = ask(st, ANNALS_Q_SUPPORT, "iran");
	OK(strstr(o, "\"sponsor\":\"iran\",\"recipient\":\"hamas\",\"kind\":\"weapons\"") != NULL);
	o = ask(st, ANNALS_Q_ENTITY, "Hamas");
	OK(strstr(o, "\"id\":\"hamas\"") != NULL && strstr(o, "\"docs\":2") != NULL);
	annals_query q = {.kind = ANNALS_Q_EVENTS, .actor = "nobody-at-all"};
	INT_EQ(annals_store_query(st, &q, ANNALS_OUT_JSON, capture_sink, &cap), ANNALS_EUSAGE);
	OK(strstr(annals_store_errmsg(st), "no entity 'nobody-at-all'") != NULL);
	annals_store_free(st);
	annals_ctx_free(ctx);
}

/* A database that fills up mid-batch keeps what was committed, whole. */
static void test_full(const char *path)
{
	annals_store *st;
	annals_ctx *ctx = new_ctx();
	INT_EQ(annals_store_open(&st, path, 0), ANNALS_OK);
	INT_EQ(annals_store_attach(st, ctx), ANNALS_OK);
	annals_store_set_batch(st, 5, 60000);
	long pages = 0;
	an_stmt *s = an_db_prepare(st->db, "PRAGMA page_count");
	if (s && an_stmt_step(s) == AN_STEP_ROW)
		pages = (long)an_stmt_int(s, 0);
	an_stmt_free(s);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA max_page_count = %ld", pages + 12);
	OK(an_db_exec(st->db, sql) == 0);
	int rc = ANNALS_OK, n = 0;
	char id[32], text[4096];
	while (!rc && n < 2000) {
		snprintf(id, sizeof id, "full-%d", n++);
		snprintf(text, sizeof text, "%s Article %d of a series on Hamas and Iran. %s",
			 texts[n % 2], n, texts[(n + 1) % 2]);
		rc = code(ctx, id, text);
	}
	INT_EQ(rc, ANNALS_EWRITE);
	OK(strstr(annals_store_errmsg(st), "full") != NULL);
	annals_store_free(st);
	annals_ctx_free(ctx);
	/* reopened: consistent, and every stored document is complete */
	INT_EQ(annals_store_open(&st, path, 0), ANNALS_OK);
	s = an_db_prepare(st->db, "PRAGMA integrity_check");
	OK(s && an_stmt_step(s) == AN_STEP_ROW && !strcmp(an_stmt_text(s, 0, NULL), "ok"));
	an_stmt_free(s);
	s = an_db_prepare(st->db, "SELECT count(*) FROM doc d WHERE name LIKE 'full-%' AND"
				  " sentences <> (SELECT count(*) FROM sentence s WHERE s.doc = d.id)");
	OK(s && an_stmt_step(s) == AN_STEP_ROW && an_stmt_int(s, 0) == 0);
	an_stmt_free(s);
	s = an_db_prepare(st->db, "INSERT INTO sentence_fts(sentence_fts) VALUES ('integrity-check')");
	OK(s && an_stmt_step(s) == AN_STEP_DONE);
	an_stmt_free(s);
	long docs = stat_of(st, "documents");
	OK(docs > 2 && docs % 5 == 2); /* whole batches of five, after a and b */
	annals_store_free(st);
}

static void test_bad_files(const char *path)
{
	annals_store *st;
	/* another schema version: a clear message and the way to migrate */
	INT_EQ(annals_store_open(&st, path, 0), ANNALS_OK);
	OK(an_db_exec(st->db, "PRAGMA user_version = 99") == 0);
	annals_store_free(st);
	INT_EQ(annals_store_open(&st, path, ANNALS_STORE_READONLY), ANNALS_EVERSION);
	OK(strstr(annals_store_errmsg(st), "schema version 99") != NULL);
	OK(strstr(annals_store_errmsg(st), "re-ingest") != NULL);
	annals_store_free(st);
	/* not a database */
	FILE *f = fopen(path, "w");
	fputs("this is not a database, just some text that is long enough to be seen\n", f);
	fclose(f);
	char side[300];
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
	INT_EQ(annals_store_open(&st, path, 0), ANNALS_ESTORE);
	OK(strstr(annals_store_errmsg(st), "not a database") != NULL);
	annals_store_free(st);
	/* no database at all, for a query */
	INT_EQ(annals_store_open(&st, "/nonexistent/x.db", ANNALS_STORE_READONLY), ANNALS_ESTORE);
	OK(strstr(annals_store_errmsg(st), "no such database") != NULL);
	annals_store_free(st);
	annals_store_free(NULL);
}

void test_store(void)
{
	char path[128];
	snprintf(path, sizeof path, "/tmp/annals-test-store-%ld.db", (long)getpid());
	static const char *const junk[] = {"", "-wal", "-shm"};
	char p[256];
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", path, junk[i]);
		unlink(p);
	}
	test_jrec();
	test_ingest(path);
	test_full(path);
	test_bad_files(path);
	for (int i = 0; i < 3; i++) {
		snprintf(p, sizeof p, "%s%s", path, junk[i]);
		unlink(p);
	}
}
