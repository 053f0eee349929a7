/*
 * test_pipeline.c: the dictionary, matching, discovery, document metadata,
 * readers and the public API, each on short texts with the test dictionary
 * in tests/data; and the real dictionary's size and key entries.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annals.h"
#include "dict.h"
#include "runner.h"

void test_dict(void)
{
	an_dict *d;
	char err[256];
	INT_EQ(an_dict_load(&d, TEST_DATA, NULL, err, sizeof err), ANNALS_OK);
	OK(an_dict_count(d) >= 15);
	uint32_t q = an_dict_find(d, "quds-force");
	OK(q != AN_NONE);
	STR_EQ(an_dict_ent(d, q)->parents[0], "irgc");
	uint32_t s = an_dict_find(d, "qasem-soleimani");
	INT_EQ(an_dict_ent(d, s)->nroles, 1);
	STR_EQ(an_dict_ent(d, s)->roles[0].until, "2020-01-03");
	OK(an_dict_find(d, "no-such-id") == AN_NONE);
	an_dict_free(d);

	/* a broken dictionary names file and line */
	OK(an_dict_load(&d, "tests/bad-data", NULL, err, sizeof err) == ANNALS_EDATA);
	OK(strstr(err, "bad.txt:3:") != NULL);
	an_dict_free(d);
	an_dict_free(NULL);
}

void test_match(void)
{
	const char *o = code_text("Qassem Soleimani, commander of the IRGC\xE2\x80\x99s Qods Force, "
				  "met Hamas. Later Soleimani and Hajj Qasem left for Tehran.", 0);
	OK(has_mention(o, "qasem-soleimani", "Qassem Soleimani"));
	OK(has_mention(o, "irgc", "IRGC"));
	OK(has_mention(o, "quds-force", "Qods Force"));
	OK(has_mention(o, "hamas", "Hamas"));
	OK(has_mention(o, "qasem-soleimani", "Soleimani"));
	OK(has_mention(o, "qasem-soleimani", "Hajj Qasem"));
	OK(has_mention(o, "tehran", "Tehran"));

	/* longest match wins; Al-Quds Brigades is not the Quds Force */
	o = code_text("The IRGC Quds Force and the Al-Quds Brigades fired.", 0);
	OK(has_mention(o, "quds-force", "IRGC Quds Force"));
	OK(!has_mention(o, "irgc", "IRGC"));
	OK(has_mention(o, "al-quds-brigades", "Al-Quds Brigades"));

	/* demonyms stand for their country; spelling variants fold */
	o = code_text("The Iranian regime backs Hizbullah and Hizballah. Ziad Nakhala spoke.", 0);
	OK(has_mention(o, "iran", "Iranian"));
	OK(has_mention(o, "hezbollah", "Hizbullah"));
	OK(has_mention(o, "hezbollah", "Hizballah"));
	OK(has_mention(o, "ziyad-nakhalah", "Ziad Nakhala"));

	/* abbreviations are case-sensitive: "us" is not the United States */
	o = code_text("They told us that U.S. forces and the US Navy left.", 0);
	INT_EQ(count_of(o, "\"entity\":\"united-states\""), 2);

	/* a misspelling one edit from a long name */
	o = code_text("A banner showed Qasem Solemanii and his brothers.", 0);
	OK(has_mention(o, "qasem-soleimani", "Qasem Solemanii"));

	/* lower-case words are not names */
	o = code_text("the gaza strip and iran are mentioned in lower case.", 0);
	INT_EQ(count_of(o, "\"type\":\"mention\""), 0);

	/* entity records carry kind, code, roles and aliases */
	o = code_text("Qasem Soleimani and Qassem Soleimani.", 0);
	OK(strstr(o, "{\"type\":\"entity\",\"id\":\"qasem-soleimani\",\"name\":\"Qasem Soleimani\","
		     "\"kind\":\"person\",\"code\":\"IRNMIL\",\"country\":\"IRN\","
		     "\"aliases\":[\"Qasem Soleimani\",\"Qassem Soleimani\"],"
		     "\"roles\":[{\"title\":\"commander\",\"of\":\"quds-force\",\"from\":\"1998\","
		     "\"until\":\"2020-01-03\"}]") != NULL);
}

void test_discover(void)
{
	const char *o = code_text("Iranian Defense Minister Amir Hatami said it. Hatami left.", 0);
	OK(has_mention(o, "amir-hatami", "Amir Hatami"));
	OK(has_mention(o, "amir-hatami", "Hatami"));
	OK(strstr(o, "\"id\":\"amir-hatami\",\"name\":\"Amir Hatami\",\"kind\":\"person\","
		     "\"code\":\"IRN\",\"country\":\"IRN\"") != NULL);
	OK(strstr(o, "{\"title\":\"defense minister\",\"of\":\"iran\"}") != NULL);

	o = code_text("Hamas representative in Lebanon Ahmad Abdelhadi spoke.", 0);
	OK(has_mention(o, "ahmad-abdelhadi", "Ahmad Abdelhadi"));
	OK(strstr(o, "\"code\":\"PSEREBHMS\"") != NULL);

	o = code_text("Hamas named a deputy. Khalid, the new deputy secretary-general of Hamas, spoke.", 0);
	OK(has_mention(o, "khalid", "Khalid"));
	OK(strstr(o, "{\"title\":\"deputy secretary-general\",\"of\":\"hamas\"}") != NULL);

	/* a peer's title and one name, even a place's: not Lebanon */
	o = code_text("Interior minister Baroness Lebanon spoke. Lord Nicholls of Birkenhead agreed.", 0);
	OK(has_mention(o, "baroness-lebanon", "Baroness Lebanon"));
	OK(!strstr(o, "\"entity\":\"lebanon\""));
	OK(has_mention(o, "lord-nicholls-of-birkenhead", "Lord Nicholls of Birkenhead"));

	/* a role "of" an organisation named after a demonym names no one */
	o = code_text("Amir Hatami, director general of the Iranian Chambers of Commerce, spoke.", 0);
	OK(!strstr(o, "\"id\":\"chambers\""));

	/* an official body's name joining two fields with "and" */
	o = code_text("A Department for Education and Skills spokeswoman said so.", 0);
	OK(has_mention(o, "department-for-education-and-skills",
		       "Department for Education and Skills"));

	/* a title inside a run of capitals: the name after it */
	o = code_text("Shadow Defense Minister Amir Hatami said it.", 0);
	OK(has_mention(o, "amir-hatami", "Amir Hatami"));

	o = code_text("A Palestinian, Ahmed Khreis, who was released, spoke. Khreis said more.", 0);
	OK(has_mention(o, "ahmed-khreis", "Ahmed Khreis"));
	OK(has_mention(o, "ahmed-khreis", "Khreis"));

	o = code_text("Al-Quds Brigades were there. Abu Hamza, their spokesperson, said so.", 0);
	OK(has_mention(o, "abu-hamza", "Abu Hamza"));
	OK(strstr(o, "{\"title\":\"spokesperson\",\"of\":\"al-quds-brigades\"}") != NULL);

	o = code_text("Groups such as al-Qassam Brigades and the Mujahideen Brigades. "
		      "The Palestinian Navy moved the Palestinian freighter Karine A.", 0);
	OK(has_mention(o, "al-qassam-brigades", "al-Qassam Brigades"));
	OK(has_mention(o, "mujahideen-brigades", "Mujahideen Brigades"));
	OK(has_mention(o, "palestinian-navy", "Palestinian Navy"));
	OK(has_mention(o, "karine-a", "Karine A"));
	OK(strstr(o, "\"id\":\"palestinian-navy\",\"name\":\"Palestinian Navy\",\"kind\":\"organization\","
		     "\"code\":\"PSEMIL\"") != NULL);

	o = code_text("The Iranian TV channel al-Ayam posted it. It was in the Yarmouk camp.", 0);
	OK(has_mention(o, "al-ayam", "al-Ayam"));
	OK(strstr(o, "\"id\":\"al-ayam\",\"name\":\"al-Ayam\",\"kind\":\"media\"") != NULL);
	OK(has_mention(o, "yarmouk-camp", "Yarmouk camp"));

	/* ordinary capitalised words are not names */
	o = code_text("However, Monday Morning Briefing was short.", 0);
	INT_EQ(count_of(o, "\"type\":\"mention\""), 0);
}

void test_meta(void)
{
	const char *o = code_text("Soleimani offers support to Hamas\n\nJanuary 7, 2018\n\n"
				  "Qasem Soleimani met Hamas.\xC2\xB9 Iran agreed.\n\n"
				  "Image 01 Image 02\n\n"
				  "[Click for Video](#)\n\n"
				  "Soleimani\nAy Collection/AP\n\n"
				  "COMMENTS\n\nHamas is great, says a reader in Iran.\n", 0);
	OK(strstr(o, "\"title\":\"Soleimani offers support to Hamas\"") != NULL);
	OK(strstr(o, "\"date\":\"2018-01-07\"") != NULL);
	OK(strstr(o, "\"footnote marker\"") != NULL);
	OK(strstr(o, "\"image placeholder\"") != NULL);
	OK(strstr(o, ",\"link\"]") != NULL);
	OK(strstr(o, "\"image caption and credit\"") != NULL);
	OK(strstr(o, "\"comments\"") != NULL);
	/* nothing is extracted from the comments */
	INT_EQ(count_of(o, "\"entity\":\"hamas\""), 2); /* title and body */
	INT_EQ(count_of(o, "\"entity\":\"iran\""), 1);

	o = code_text("Headline here\n\nJuly 22, 2021 | By A. Savyon and M. Manzour\n\nIran spoke.\n", 0);
	OK(strstr(o, "\"date\":\"2021-07-22\"") != NULL);
	OK(strstr(o, "\"authors\":[\"A. Savyon\",\"M. Manzour\"]") != NULL);

	/* a date in the comments is not the document's date */
	o = code_text("Headline\n\nIran spoke at length about many things in this text.\n\n"
		      "COMMENTS\n\nJoe | January 5, 2020 at 11:43 am\n\nText.\n", 0);
	OK(strstr(o, "\"date\":null") != NULL);
}

static char *run_buffer(const char *name, const char *data, size_t n, int *rc,
			annals_stats *st)
{
	static char buf[65536];
	static size_t len;
	annals_ctx *ctx;
	len = 0;
	buf[0] = 0;
	if (annals_ctx_new(&ctx, TEST_DATA, 0, NULL))
		return NULL;
	struct sinkst {
		char *b;
		size_t *l;
	} s = {buf, &len};
	int sinkf(void *ud, const char *p, size_t k);
	annals_set_sink(ctx, sinkf, &s);
	*rc = annals_code_buffer(ctx, name, data, n, ANNALS_FMT_AUTO);
	annals_finish(ctx);
	annals_get_stats(ctx, st);
	annals_ctx_free(ctx);
	return buf;
}

int sinkf(void *ud, const char *p, size_t k)
{
	struct sinkst {
		char *b;
		size_t *l;
	} *s = ud;
	if (*s->l + k < 65535) {
		memcpy(s->b + *s->l, p, k);
		*s->l += k;
		s->b[*s->l] = 0;
	}
	return 0;
}

void test_read(void)
{
	int rc;
	annals_stats st;
	const char *jl = "{\"id\":\"a1\",\"title\":\"T\",\"date\":\"2020-01-03\",\"source\":\"S\",\"text\":\"Iran spoke.\"}\n"
			 "{\"id\":\"a2\",\"text\": broken\n"
			 "\n"
			 "{\"id\":\"a3\",\"text\":\"Hamas \\u00e9 Gaza.\"}\n";
	const char *o = run_buffer("x.jsonl", jl, strlen(jl), &rc, &st);
	INT_EQ(rc, ANNALS_EFORMAT); /* line 2 is bad ... */
	INT_EQ(st.docs, 2);         /* ... the rest is still coded */
	INT_EQ(st.errors, 1);
	OK(strstr(o, "\"doc\":\"a1\",\"title\":\"T\",\"date\":\"2020-01-03\",\"source\":\"S\"") != NULL);
	/* offsets into the decoded text: "Gaza" after a two-byte é */
	OK(strstr(o, "\"entity\":\"gaza-strip\",\"start\":9,\"end\":13") != NULL);

	o = run_buffer("e.txt", "", 0, &rc, &st);
	INT_EQ(rc, ANNALS_EEMPTY);
	INT_EQ(st.errors, 1);

	o = run_buffer("n.txt", "Iran\0Hamas", 10, &rc, &st);
	INT_EQ(rc, ANNALS_OK);
	INT_EQ(st.warnings, 1);
	OK(strstr(o, "\"entity\":\"hamas\",\"start\":5,\"end\":10") != NULL);

	/* invalid UTF-8: replaced, offsets still into the original bytes */
	o = run_buffer("u.txt", "Gaza \xff\xfe Hamas", 13, &rc, &st);
	INT_EQ(st.warnings, 1);
	OK(strstr(o, "\"entity\":\"hamas\",\"start\":8,\"end\":13") != NULL);

	/* a JSON line without text */
	o = run_buffer("x.jsonl", "{\"id\":\"q\"}\n", 11, &rc, &st);
	INT_EQ(rc, ANNALS_EFORMAT);
	INT_EQ(st.docs, 0);
}

void test_html(void)
{
	const char *h = "<!doctype html><html><head><title>Iran &amp; Hamas</title>"
			"<meta property=\"article:published_time\" content=\"2021-05-29T10:00:00Z\">"
			"<script>var Hamas = 1;</script></head><body>"
			"<nav>Home Iran News</nav>"
			"<p>Hamas &amp; Iran&rsquo;s Quds Force met.</p>"
			"<div class=\"share-buttons\">Share Hamas</div>"
			"<section id=\"comments\"><p>Gaza reader</p></section></body></html>";
	const char *o = code_text(h, 1);
	OK(strstr(o, "\"title\":\"Iran & Hamas\"") != NULL);
	OK(strstr(o, "\"date\":\"2021-05-29\"") != NULL);
	/* offsets point into the HTML bytes */
	const char *p = strstr(h, "<p>Hamas") + 3;
	char want[128];
	snprintf(want, sizeof want, "\"entity\":\"hamas\",\"start\":%d,\"end\":%d",
		 (int)(p - h), (int)(p - h) + 5);
	OK(strstr(o, want) != NULL);
	const char *q = strstr(h, "Quds");
	snprintf(want, sizeof want, "\"entity\":\"quds-force\",\"start\":%d,\"end\":%d",
		 (int)(q - h), (int)(q - h) + 10);
	OK(strstr(o, want) != NULL);
	const char *ir = strstr(h, "Iran&rsquo;");
	snprintf(want, sizeof want, "\"entity\":\"iran\",\"start\":%d,\"end\":%d",
		 (int)(ir - h), (int)(ir - h) + 4);
	OK(strstr(o, want) != NULL);
	/* scripts are invisible; nav, share bars and comments are excluded */
	INT_EQ(count_of(o, "\"entity\":\"hamas\","), 1); /* the body only */
	OK(strstr(o, "\"navigation\"") && strstr(o, "\"comments\"") &&
	   strstr(o, "\"share or donation bar\""));
	OK(!has_mention(o, "gaza-strip", "Gaza"));
}

typedef struct sinkbuf {
	char *p;
	size_t n;
} sinkbuf;

static int to_buf(void *ud, const char *data, size_t n)
{
	sinkbuf *b = ud;
	b->p = realloc(b->p, b->n + n + 1);
	memcpy(b->p + b->n, data, n);
	b->n += n;
	b->p[b->n] = 0;
	return 0;
}

/* Codes the same articles with opts on n threads (shard i of k when k);
 * returns the records (caller frees). */
static char *code_many(unsigned n, unsigned i, unsigned k)
{
	static const char *const texts[] = {
		"Hamas fired rockets at Israel on Monday.",
		"Iran sent weapons to Hezbollah in 2019, officials said.",
		"Ahmad Qassemzadeh, a Hamas commander, spoke.",
		"Ahmad Qasemzadeh, a Hamas commander, spoke again.",
		"Hezbollah is Iran's proxy.",
		"Syria accused Israel of an airstrike near Damascus."};
	annals_ctx *ctx;
	if (annals_ctx_new(&ctx, TEST_DATA, 0, NULL))
		return NULL;
	sinkbuf b = {NULL, 0};
	annals_set_sink(ctx, to_buf, &b);
	INT_EQ(annals_set_threads(ctx, n), ANNALS_OK);
	annals_set_shard(ctx, i, k);
	for (int r = 0; r < 40; r++) {
		char id[16];
		snprintf(id, sizeof id, "d%d", r);
		const char *t = texts[r % 6];
		annals_article a = {id, NULL, "2020-01-01", NULL, t, strlen(t), ANNALS_FMT_TEXT};
		INT_EQ(annals_code_article(ctx, &a), ANNALS_OK);
	}
	INT_EQ(annals_finish(ctx), ANNALS_OK);
	annals_ctx_free(ctx);
	return b.p;
}

/* Threads give the bytes of one thread; shards split the documents. */
static void threads_and_shards(void)
{
	char *one = code_many(1, 0, 0), *three = code_many(3, 0, 0);
	OK(one && three && strcmp(one, three) == 0);
	OK(one && strstr(one, "\"merged\":[\"ahmad-qasemzadeh\"]"));
	size_t docs = 0;
	for (unsigned i = 0; i < 3; i++) {
		char *s = code_many(2, i, 3);
		for (const char *p = s; p && (p = strstr(p, "{\"type\":\"document\"")); p++)
			docs++;
		free(s);
	}
	INT_EQ(docs, 40);
	free(one);
	free(three);
	/* the shard of an id is fixed: FNV-1a of its bytes */
	INT_EQ(annals_shard_of("", 7), (unsigned)(0xcbf29ce484222325ULL % 7));
	INT_EQ(annals_shard_of("bbc-business-001", 1), 0);
	OK(annals_shard_of("bbc-business-001", 16) < 16);
	annals_ctx *ctx;
	annals_ctx_new(&ctx, TEST_DATA, 0, NULL);
	INT_EQ(annals_set_threads(ctx, 300), ANNALS_EUSAGE);
	INT_EQ(annals_set_threads(ctx, 0), ANNALS_OK);
	annals_ctx_free(ctx);
}

void test_api(void)
{
	STR_EQ(annals_version(), ANNALS_VERSION);
	STR_EQ(annals_strerror(ANNALS_OK), "ok");
	STR_EQ(annals_strerror(ANNALS_EWRITE), "output refused");
	annals_ctx *ctx;
	INT_EQ(annals_ctx_new(&ctx, "/nonexistent", 0, NULL), ANNALS_EDATA);
	OK(strstr(annals_errmsg(ctx), "/nonexistent") != NULL);
	annals_ctx_free(ctx);
	annals_ctx_free(NULL);
	threads_and_shards();
}

void test_data(void)
{
	annals_ctx *ctx;
	int rc = annals_ctx_new(&ctx, NULL, 0, NULL);
	INT_EQ(rc, ANNALS_OK);
	if (rc) {
		fprintf(stderr, "  %s\n", annals_errmsg(ctx));
		annals_ctx_free(ctx);
		return;
	}
	OK(annals_dict_size(ctx) >= 3000);
	annals_ctx_free(ctx);
	an_dict *d;
	char err[256];
	const char *dir = getenv("ANNALS_DATA") ? getenv("ANNALS_DATA") : "data";
	if (an_dict_load(&d, dir, NULL, err, sizeof err) == ANNALS_OK) {
		static const char *const ids[] = {"iran", "irgc", "quds-force", "hamas",
						  "palestinian-islamic-jihad",
						  "hezbollah", "qasem-soleimani",
						  "esmail-qaani", "united-states",
						  "gaza-strip", "al-qassam-brigades",
						  "al-quds-brigades", NULL};
		for (const char *const *id = ids; *id; id++) {
			if (an_dict_find(d, *id) == AN_NONE)
				fprintf(stderr, "  missing %s\n", *id);
			OK(an_dict_find(d, *id) != AN_NONE);
		}
	}
	an_dict_free(d);
}
