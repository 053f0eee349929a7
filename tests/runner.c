/*
 * runner.c: runs the unit suites by name ("tests/run seg match") or all of
 * them, and prints "N passed, M failed". Exits non-zero on any failure.
 */
#include <stdlib.h>

#include "annals.h"
#include "runner.h"

int t_pass, t_fail;

#define SUITES(X)                                                           \
	X(arena) X(text) X(fold) X(seg) X(date) X(dict) X(match) X(discover) \
	X(meta) X(read) X(html) X(event) X(quote) X(support) X(api) X(data) \
	X(store)

#define DECL(name) void test_##name(void);
SUITES(DECL)
#undef DECL

static const struct {
	const char *name;
	void (*fn)(void);
} suites[] = {
#define ROW(name) {#name, test_##name},
	SUITES(ROW)
#undef ROW
};

/* ---- helpers shared by suites ---------------------------------------- */

int capture_sink(void *ud, const char *p, size_t n)
{
	capture *c = ud;
	if (c->len + n >= c->cap)
		n = c->cap - c->len - 1;
	memcpy(c->p + c->len, p, n);
	c->len += n;
	c->p[c->len] = 0;
	return 0;
}

void capture_reset(capture *c)
{
	c->len = 0;
	c->p[0] = 0;
}

static char outbuf[1 << 20];
static capture out = {outbuf, 0, sizeof outbuf};

/* Copies the JSON value of key in rec (a string's contents up to its
 * closing quote, or the bare token such as null) to v. */
void json_field(const char *rec, const char *key, char *v, size_t cap)
{
	char pat[64];
	snprintf(pat, sizeof pat, "\"%s\":", key);
	const char *p = strstr(rec, pat);
	v[0] = 0;
	if (!p)
		return;
	p += strlen(pat);
	int quoted = *p == '"';
	p += quoted;
	size_t n = 0;
	while (p[n] && n + 1 < cap &&
	       (quoted ? !(p[n] == '"' && p[n - 1] != '\\') : p[n] != ',' && p[n] != '}'))
		n++;
	memcpy(v, p, n);
	v[n] = 0;
}

static annals_ctx *test_ctx(void)
{
	static annals_ctx *ctx;
	if (!ctx) {
		if (annals_ctx_new(&ctx, TEST_DATA, 0, NULL)) {
			fprintf(stderr, "test dictionary: %s\n", annals_errmsg(ctx));
			exit(2);
		}
		annals_set_sink(ctx, capture_sink, &out);
	}
	capture_reset(&out);
	return ctx;
}

const char *code_article(const char *text, const char *date, int html)
{
	annals_ctx *ctx = test_ctx();
	annals_article a = {"t", NULL, date, NULL, text, strlen(text),
			    html ? ANNALS_FMT_HTML : ANNALS_FMT_TEXT};
	annals_code_article(ctx, &a);
	annals_finish(ctx);
	return outbuf;
}

const char *code_run(int n, const char *const *texts, const char *const *dates)
{
	annals_ctx *ctx = test_ctx();
	for (int i = 0; i < n; i++) {
		char id[16];
		snprintf(id, sizeof id, "a%d", i + 1);
		annals_article a = {id, NULL, dates[i], NULL, texts[i], strlen(texts[i]),
				    ANNALS_FMT_TEXT};
		annals_code_article(ctx, &a);
	}
	annals_finish(ctx);
	return outbuf;
}

const char *code_text(const char *text, int html)
{
	return code_article(text, NULL, html);
}

int count_of(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

int has_mention(const char *out, const char *id, const char *text)
{
	char pat[512];
	snprintf(pat, sizeof pat, "\"entity\":\"%s\",", id);
	for (const char *p = out; (p = strstr(p, pat)); p++) {
		const char *t = strstr(p, "\"text\":\"");
		const char *nl = strchr(p, '\n');
		if (t && (!nl || t < nl) && strncmp(t + 8, text, strlen(text)) == 0 &&
		    t[8 + strlen(text)] == '"')
			return 1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	int ran = 0;
	for (size_t i = 0; i < sizeof suites / sizeof *suites; i++) {
		int want = argc < 2;
		for (int a = 1; a < argc; a++)
			if (strcmp(argv[a], suites[i].name) == 0)
				want = 1;
		if (!want)
			continue;
		int f0 = t_fail;
		suites[i].fn();
		ran++;
		printf("%-10s %s\n", suites[i].name, t_fail == f0 ? "ok" : "FAILED");
	}
	if (!ran) {
		fprintf(stderr, "no suite by that name\n");
		return 2;
	}
	printf("%d passed, %d failed\n", t_pass, t_fail);
	return t_fail ? 1 : 0;
}
