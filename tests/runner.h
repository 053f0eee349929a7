/*
 * runner.h: the test harness. Each suite is a function registered in
 * runner.c's table; checks count passes and failures and print the failing
 * expression with file and line.
 */
#ifndef AN_RUNNER_H
#define AN_RUNNER_H

#include <stdio.h>
#include <string.h>

extern int t_pass, t_fail;

#define OK(cond)                                                            \
	do {                                                                \
		if (cond)                                                   \
			t_pass++;                                           \
		else {                                                      \
			t_fail++;                                           \
			fprintf(stderr, "  FAIL %s:%d: %s\n", __FILE__,     \
				__LINE__, #cond);                           \
		}                                                           \
	} while (0)

#define INT_EQ(a, b)                                                        \
	do {                                                                \
		long long a_ = (long long)(a), b_ = (long long)(b);         \
		if (a_ == b_)                                               \
			t_pass++;                                           \
		else {                                                      \
			t_fail++;                                           \
			fprintf(stderr, "  FAIL %s:%d: %s == %s (%lld != %lld)\n", \
				__FILE__, __LINE__, #a, #b, a_, b_);        \
		}                                                           \
	} while (0)

#define STR_EQ(a, b)                                                        \
	do {                                                                \
		const char *a_ = (a), *b_ = (b);                            \
		if (a_ && b_ && strcmp(a_, b_) == 0)                        \
			t_pass++;                                           \
		else {                                                      \
			t_fail++;                                           \
			fprintf(stderr, "  FAIL %s:%d: %s == %s (\"%s\" != \"%s\")\n", \
				__FILE__, __LINE__, #a, #b, a_ ? a_ : "(null)", \
				b_ ? b_ : "(null)");                        \
		}                                                           \
	} while (0)

/* Records a sink receives, kept NUL-terminated in a caller's buffer (what
 * does not fit is cut). Pass the capture as the sink's user data. */
typedef struct capture {
	char *p;
	size_t len, cap;
} capture;
int capture_sink(void *ud, const char *p, size_t n);
/* Empties the capture. */
void capture_reset(capture *c);

/* Directory of the test dictionary (tests/data). */
#define TEST_DATA "tests/data"

/* Codes text with the test dictionary and returns the JSON Lines output
 * (static buffer, valid until the next call). fmt: 0 text, 1 html. */
const char *code_text(const char *text, int html);
/* The same, for a document dated date ("YYYY-MM-DD", or NULL). */
const char *code_article(const char *text, const char *date, int html);
/* Codes n articles (ids "a1", "a2", ...; dates may be NULL) in one run
 * and returns the output, run-level records included. */
const char *code_run(int n, const char *const *texts, const char *const *dates);
/* Whether the output holds a mention of entity id with exactly this text. */
int has_mention(const char *out, const char *id, const char *text);
/* Copies the JSON value of key in the record rec to v (cap bytes): a
 * string's contents up to its closing quote, or a bare token such as null. */
void json_field(const char *rec, const char *key, char *v, size_t cap);
/* Number of occurrences of needle in hay. */
int count_of(const char *hay, const char *needle);

#endif
