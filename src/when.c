/*
 * when.c: temporal expressions in a sentence, normalised against the
 * document date: full dates ("December 28, 2017", "28 Dec 2017"), days of
 * a month ("Dec. 29", the latest before the document date), months
 * ("January 2002", "in January"), years ("in 2008"), and days and
 * periods relative to the document ("yesterday", "today", "Friday
 * morning", "last Monday", "last month", "last week", "three days ago")
 * or to the last date named ("the next day", "a week later").
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "doc.h"

static const char *const wdays[7] = {"sunday", "monday", "tuesday",
				     "wednesday", "thursday", "friday",
				     "saturday"};

/* Inline, so that the length of a literal w folds and most tokens fail on
 * their length or first byte. */
static inline __attribute__((always_inline)) int
tok_word(const an_doc *d, const an_tok *k, const char *w)
{
	return k->kind == AN_TK_WORD && an_tok_ieq(&d->text, k, w);
}

/* Days since 1970-01-01 of a civil date, and back. */
static long days_of(int y, int m, int dd)
{
	struct tm tm = {0};
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = dd;
	tm.tm_hour = 12;
	return (long)(timegm(&tm) / 86400);
}

static void iso_of(long days, char *out)
{
	time_t t = (time_t)days * 86400 + 43200;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Whether the n bytes at s are ASCII digits. */
static int digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* The number the n digits at s write. */
static int num(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* The document date as days, or -1 when it has no full date; read once
 * per scan into *ref (-2 until then), and only for the tokens that need it. */
static long doc_days(const an_doc *d, long *ref)
{
	int y, m, dd;
	if (*ref != -2)
		return *ref;
	const char *s = d->date;
	if (s && digits(s, 4) && s[4] == '-' && digits(s + 5, 2) && s[7] == '-' &&
	    digits(s + 8, 2)) { /* as sscanf reads the usual form, without it */
		*ref = days_of(num(s, 4), num(s + 5, 2), num(s + 8, 2));
		return *ref;
	}
	if (!s || strlen(s) < 10 || sscanf(s, "%4d-%2d-%2d", &y, &m, &dd) != 3)
		*ref = -1;
	else
		*ref = days_of(y, m, dd);
	return *ref;
}

static int year_at(const an_doc *d, const an_tok *k)
{
	if (k->kind != AN_TK_NUM || k->len != 4)
		return 0;
	const char *p = d->text.s + k->off;
	int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
		(p[3] - '0');
	return y >= 1900 && y <= 2100 ? y : 0;
}

static int month_tok(const an_doc *d, const an_tok *k)
{
	size_t len;
	if (k->kind != AN_TK_WORD || !(k->flags & TF_CAP))
		return 0;
	int m = an_month_at(d->text.s + k->off, k->len, &len);
	return m && len == k->len ? m : 0;
}

/* A weekday named at token i: 0..6, or -1. */
static int weekday_tok(const an_doc *d, const an_tok *k)
{
	if (k->kind != AN_TK_WORD || !(k->flags & TF_CAP))
		return -1;
	for (int w = 0; w < 7; w++)
		if (an_tok_ieq(&d->text, k, wdays[w]))
			return w;
	return -1;
}

/* Writes "YYYY" (m 0) or "YYYY-MM" to out (11 bytes). */
static void ym(char *out, int y, int m)
{
	char tmp[32];
	snprintf(tmp, sizeof tmp, m ? "%04d-%02d" : "%04d", y, m);
	memcpy(out, tmp, 11);
	out[10] = 0;
}

/* A small count word or number at token k: 1..12, or 0. */
static int count_at(const an_doc *d, const an_tok *k)
{
	static const char *const words[] = {"one", "two", "three", "four", "five",
		"six", "seven", "eight", "nine", "ten", "eleven", "twelve"};
	if (k->kind == AN_TK_NUM && k->len <= 2) {
		int n = atoi(d->text.s + k->off);
		return n >= 1 && n <= 12 ? n : 0;
	}
	for (int n = 0; n < 12; n++)
		if (tok_word(d, k, words[n]))
			return n + 1;
	return 0;
}

/* Periods relative to the document date (ref, in days): "last year",
 * "this month", "last month", "last week" (its month when the week lies
 * in one), "N days/months/years ago", "in March" (the latest March on or
 * before the document). Returns the tokens spanned, or 0. */
static uint32_t relative_at(const an_doc *d, uint32_t i, uint32_t end, long ref,
			    char *out)
{
	const an_tok *k = &d->seg.tok[i], *nx = i + 1 < end ? k + 1 : NULL;
	int last = tok_word(d, k, "last"), this = tok_word(d, k, "this");
	int n = last || this ? 0 : count_at(d, k);
	int mo = last || this || n ? 0 : month_tok(d, k);
	if (!last && !this && !n && !mo)
		return 0;
	/* the word after or before that each reading needs, before the
	 * document date is turned into a calendar date */
	if (!(nx && (last || this) && (tok_word(d, nx, "year") || tok_word(d, nx, "month") ||
				      (last && tok_word(d, nx, "week")))) &&
	    !(n && i + 2 < end && tok_word(d, &d->seg.tok[i + 2], "ago")) &&
	    !(mo && i > 0 && tok_word(d, &d->seg.tok[i - 1], "in")))
		return 0;
	char now[11];
	iso_of(ref, now);
	int y = atoi(now), m = atoi(now + 5);
	if (nx && (last || this) && tok_word(d, nx, "year")) {
		ym(out, y - last, 0);
		return 2;
	}
	if (nx && (last || this) && tok_word(d, nx, "month")) {
		if (last && --m == 0) {
			m = 12;
			y--;
		}
		ym(out, y, m);
		return 2;
	}
	if (nx && last && tok_word(d, nx, "week")) {
		char a[11], b[11]; /* Monday to Sunday of the week before */
		long monday = ref - ((ref + 3) % 7) - 7;
		iso_of(monday, a);
		iso_of(monday + 6, b);
		if (memcmp(a, b, 7) != 0)
			return 0;
		memcpy(out, a, 7);
		out[7] = 0;
		return 2;
	}
	if (n && i + 2 < end && tok_word(d, &d->seg.tok[i + 2], "ago")) {
		const an_tok *u = &d->seg.tok[i + 1];
		if (tok_word(d, u, "days") || tok_word(d, u, "day")) {
			iso_of(ref - n, out);
		} else if (tok_word(d, u, "months") || tok_word(d, u, "month")) {
			int mm = m - n, yy = y;
			while (mm < 1) {
				mm += 12;
				yy--;
			}
			ym(out, yy, mm);
		} else if (tok_word(d, u, "years") || tok_word(d, u, "year")) {
			ym(out, y - n, 0);
		} else {
			return 0;
		}
		return 3;
	}
	if (mo && i > 0 && tok_word(d, &d->seg.tok[i - 1], "in")) {
		ym(out, mo <= m ? y : y - 1, mo);
		return 1;
	}
	return 0;
}

static uint32_t expr_at(const an_doc *d, uint32_t i, uint32_t end, long *refp,
			char *out, int anaphors);
static int article(const an_doc *d, const an_tok *k);
static int scan(const an_doc *d, uint32_t t0, uint32_t t1, an_when *out, int max,
		int anaphors);

/* The date a relative expression at token i counts from: the last date
 * named before it in the document (within 40 sentences), else the
 * document date. Writes ISO to out, or returns 0 when there is neither. */
static int anchor_before(const an_doc *d, uint32_t i, char *out)
{
	uint32_t si = d->seg.tok[i].sent;
	for (uint32_t x = si + 1; x-- > 0 && x + 40 > si;) {
		const an_sent *s = &d->seg.sent[x];
		an_when w[8];
		int n = scan(d, s->t0, x == si ? i : s->t1, w, 8, 0);
		if (n) {
			memcpy(out, w[n - 1].iso, 11);
			return 1;
		}
	}
	long ref = -2;
	if (doc_days(d, &ref) < 0)
		return 0;
	iso_of(ref, out);
	return 1;
}

/* A period unit at token k: 1 day, 7 week, 30 month, 365 year; or 0. */
static int unit_at(const an_doc *d, const an_tok *k)
{
	AN_WORDSET(units, "day", "days", "night", "nights", "morning", "evening",
		"week", "weeks", "month", "months", "year", "years");
	if (k->kind != AN_TK_WORD || !an_words_may(&units, k) ||
	    !an_words_has_lower(&units, &d->text, k))
		return 0;
	char c = (char)(k->c0 | 32);
	return c == 'w' ? 7 : c == 'y' ? 365 : c == 'm' && k->len <= 6 ? 30 : 1;
}

/* The anchor date at moved n units (days 1, weeks 7, months 30, years
 * 365) forward or back, at the precision both allow: a day from a day, a
 * week's month when it lies in one, a month from a month, a year from a
 * year. Returns 0 when the anchor is too coarse. */
static int shift(const char *anchor, int unit, int n, char *out)
{
	size_t prec = strlen(anchor);
	int y = atoi(anchor), m = prec >= 7 ? atoi(anchor + 5) : 0;
	if (unit == 365) {
		ym(out, y + n, 0);
		return 1;
	}
	if (unit == 30) {
		if (!m)
			return 0;
		m += n;
		for (; m < 1; m += 12)
			y--;
		for (; m > 12; m -= 12)
			y++;
		ym(out, y, m);
		return 1;
	}
	if (prec < 10)
		return 0;
	long t = days_of(y, m, atoi(anchor + 8)) + (long)unit * n;
	iso_of(t, out);
	if (unit == 7) { /* the week's month, when the week lies in one */
		char end[11];
		iso_of(n < 0 ? t + 6 : t - 6, end);
		if (memcmp(out, end, 7) != 0)
			return 0;
		out[7] = 0;
	}
	return 1;
}

/* The direction word at token i: -1 for "before", "earlier",
 * "previously", 1 for "after", "later"; 0 for none. "Before" and "after"
 * only count when no word follows them ("the day before the protests"
 * counts from the protests). */
static int direction(const an_doc *d, uint32_t i, uint32_t end)
{
	AN_WORDSET(back, "before", "earlier", "previously", "prior");
	AN_WORDSET(fwd, "after", "later", "afterwards");
	const an_tok *w = &d->seg.tok[i];
	int sign = an_words_has_lower(&back, &d->text, w) ? -1 :
		   an_words_has_lower(&fwd, &d->text, w) ? 1 : 0;
	if ((tok_word(d, w, "before") || tok_word(d, w, "after") ||
	     tok_word(d, w, "prior")) &&
	    i + 1 < end && d->seg.tok[i + 1].kind == AN_TK_WORD)
		return 0;
	return sign;
}

/* Expressions relative to the last date named: "the previous day", "the
 * next morning", "the same day", "the day before", "a week later", "two
 * months earlier", "a year previously". */
static uint32_t anaphor_at(const an_doc *d, uint32_t i, uint32_t end, char *out)
{
	if (i + 2 >= end)
		return 0;
	const an_tok *k = &d->seg.tok[i], *a = k + 1, *b = k + 2;
	if (!unit_at(d, a) && !unit_at(d, b))
		return 0; /* the quick rejection of most words */
	int unit, n, the = tok_word(d, k, "the");
	char anchor[11];
	if (the && (unit = unit_at(d, b))) {
		n = tok_word(d, a, "previous") ? -1 :
		    tok_word(d, a, "next") || tok_word(d, a, "following") ? 1 :
		    tok_word(d, a, "same") ? 0 : INT_MAX;
	} else {
		n = the || tok_word(d, k, "a") || tok_word(d, k, "an") ? 1 : count_at(d, k);
		unit = n ? unit_at(d, a) : 0;
		n *= unit ? direction(d, i + 2, end) : 0;
		if (!n)
			return 0;
	}
	if (!unit || n == INT_MAX)
		return 0;
	return anchor_before(d, i, anchor) && shift(anchor, unit, n, out) ? 3 : 0;
}

/* The expression starting at token i, if any: writes the ISO date (at the
 * precision the text gives) to out and returns the tokens it spans;
 * expressions relative to an earlier date only with anaphors. */
static uint32_t expr_at(const an_doc *d, uint32_t i, uint32_t end, long *refp,
			char *out, int anaphors)
{
	const an_tok *k = &d->seg.tok[i];
	if (k->len <= 3 && article(d, k))
		return anaphors ? anaphor_at(d, i, end, out) : 0;
	char iso[11];
	size_t used = k->kind == AN_TK_NUM || k->flags & TF_CAP
			      ? an_date_parse(d->text.s + k->off, d->text.len - k->off, iso)
			      : 0;
	if (used) {
		memcpy(out, iso, 11);
		uint32_t j = i + 1;
		while (j < end && d->seg.tok[j].off < k->off + used)
			j++;
		return j - i;
	}
	int m = month_tok(d, k);
	if (m && i + 1 < end && year_at(d, &d->seg.tok[i + 1])) {
		snprintf(out, 11, "%04d-%02d", year_at(d, &d->seg.tok[i + 1]), m);
		return 2;
	}
	int y = year_at(d, k);
	if (y && i > 0 && (tok_word(d, &d->seg.tok[i - 1], "in") ||
			   tok_word(d, &d->seg.tok[i - 1], "since") ||
			   tok_word(d, &d->seg.tok[i - 1], "during") ||
			   tok_word(d, &d->seg.tok[i - 1], "from") ||
			   tok_word(d, &d->seg.tok[i - 1], "between") ||
			   tok_word(d, &d->seg.tok[i - 1], "to") ||
			   tok_word(d, &d->seg.tok[i - 1], "and") ||
			   tok_word(d, &d->seg.tok[i - 1], "-"))) {
		snprintf(out, 11, "%04d", y);
		return 1;
	}
	long ref = doc_days(d, refp);
	if (ref < 0)
		return anaphors ? anaphor_at(d, i, end, out) : 0;
	if (tok_word(d, k, "yesterday")) {
		iso_of(ref - 1, out);
		return 1;
	}
	if (tok_word(d, k, "today")) {
		iso_of(ref, out);
		return 1;
	}
	if (m) { /* "Dec. 29", "December 29": the latest on or before the document date */
		uint32_t j = i + 1;
		if (j < end && d->seg.tok[j].flags & TF_ADOT)
			j++;
		const an_tok *n = j < end ? &d->seg.tok[j] : NULL;
		int day = n && n->kind == AN_TK_NUM && n->len <= 2 ? atoi(d->text.s + n->off) : 0;
		if (day >= 1 && day <= 31) {
			char ref_iso[11];
			iso_of(ref, ref_iso);
			int yr = atoi(ref_iso);
			long t = days_of(yr, m, day);
			iso_of(t > ref ? days_of(yr - 1, m, day) : t, out);
			return j + 1 - i;
		}
	}
	int w = weekday_tok(d, k);
	if (w >= 0) { /* the latest such day on or before the document date */
		long back = ((ref + 4) % 7 - w + 7) % 7; /* 1970-01-01 was a Thursday */
		iso_of(ref - back, out);
		return 1;
	}
	uint32_t n = relative_at(d, i, end, ref, out);
	return n || !anaphors ? n : anaphor_at(d, i, end, out);
}

/* The lower-case words an expression may start with (expr_at and
 * relative_at); any other starts with a number, or with a capital and the
 * first three letters of a month or weekday name. */
AN_WORDSET(starts, "yesterday", "today", "this", "last", "one", "two", "three",
	"four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve");
static const char *const months3[12] = {"jan", "feb", "mar", "apr", "may", "jun",
					"jul", "aug", "sep", "oct", "nov", "dec"};

/* The first three bytes at s, case folded, as a number below 26 * 26 * 26,
 * or -1 when they are not all ASCII letters. */
static int prefix3(const char *s)
{
	int v = 0;
	for (int i = 0; i < 3; i++) {
		int c = s[i] | 32;
		if (c < 'a' || c > 'z')
			return -1;
		v = v * 26 + (c - 'a');
	}
	return v;
}

/* A bit per three-letter prefix of a month, a weekday or a word of starts. */
typedef struct prefixes {
	uint64_t bits[(26 * 26 * 26 + 63) / 64];
	int ready;
} prefixes;

static void prefix_add(prefixes *p, const char *w)
{
	int v = prefix3(w);
	p->bits[v >> 6] |= 1ULL << (v & 63);
}

/* Whether token k is "the", "a" or "an", which may open a date relative
 * to the last one named ("the next day", "a week later"). */
static int article(const an_doc *d, const an_tok *k)
{
	const char *s = d->text.s + k->off;
	if ((s[0] | 32) == 'a')
		return k->len == 1 || (k->len == 2 && (s[1] | 32) == 'n');
	return k->len == 3 && (s[0] | 32) == 't' && (s[1] | 32) == 'h' && (s[2] | 32) == 'e';
}

static prefixes prefix_set;

void an_when_init(void)
{
	prefixes *p = &prefix_set;
	for (int i = 0; i < 12; i++)
		prefix_add(p, months3[i]);
	for (int i = 0; i < 7; i++)
		prefix_add(p, wdays[i]);
	for (const char *const *w = starts_list; *w; w++)
		prefix_add(p, *w);
	prefix_add(p, "the");
	p->ready = 1;
}

static int prefix_has(const char *s)
{
	int v = prefix3(s);
	return v >= 0 && prefix_set.bits[v >> 6] >> (v & 63) & 1;
}

/* Whether an expression may start at token k: a quick test before
 * expr_at. */
static int may_start(const an_doc *d, const an_tok *k)
{
	if (k->flags & TF_EXCL || k->kind == AN_TK_PUNCT)
		return 0;
	if (k->kind == AN_TK_NUM)
		return 1;
	if (k->len <= 3 && article(d, k))
		return 1;
	if (k->flags & TF_CAP)
		return prefix_has(d->text.s + k->off);
	return an_words_may(&starts, k) && an_words_has_lower(&starts, &d->text, k);
}

/* The part two ISO dates share, at a date's precision: "2018" for
 * 2018-03 and 2018-05, "" for 2015 and 2017. */
static void common(char *a, const char *b)
{
	size_t n = 0;
	while (a[n] && a[n] == b[n])
		n++;
	n = n >= 10 ? 10 : n >= 7 ? 7 : n >= 4 ? 4 : 0;
	a[n] = 0;
}

/* The end of a range "X to Y", "between X and Y", "from March to May
 * 2018" after the expression [i, j): writes Y to b and returns the tokens
 * " to Y" spans, or 0. */
static uint32_t range_end(const an_doc *d, uint32_t i, uint32_t j, uint32_t end,
			  long *ref, char *b)
{
	AN_WORDSET(links, "to", "until", "till", "through", "and", "-");
	if (j + 1 >= end || !an_words_has_lower(&links, &d->text, &d->seg.tok[j]) ||
	    (tok_word(d, &d->seg.tok[j], "and") && !(i > 0 &&
	     tok_word(d, &d->seg.tok[i - 1], "between"))))
		return 0;
	uint32_t len = expr_at(d, j + 1, end, ref, b, 0);
	return len ? 1 + len : 0;
}

static int scan(const an_doc *d, uint32_t t0, uint32_t t1, an_when *out, int max,
		int anaphors)
{
	long ref = -2;
	int n = 0;
	for (uint32_t i = t0; i < t1 && n < max; i++) {
		if (!may_start(d, &d->seg.tok[i]))
			continue;
		uint32_t len = expr_at(d, i, t1, &ref, out[n].iso, anaphors);
		int m = month_tok(d, &d->seg.tok[i]);
		char b[11];
		if (!len && m && i + 2 < t1) { /* "from March to May 2018" */
			uint32_t r = range_end(d, i, i + 1, t1, &ref, b);
			if (r && strlen(b) >= 4) {
				snprintf(out[n].iso, 11, "%.4s-%02d", b, m);
				common(out[n].iso, b);
				out[n++].tok = i;
				i += r;
			}
			continue;
		}
		if (!len)
			continue;
		uint32_t r = range_end(d, i, i + len, t1, &ref, b);
		if (r) /* what both ends share */
			common(out[n].iso, b);
		len += r;
		if (out[n].iso[0]) /* a range over years pins no date */
			out[n++].tok = i;
		i += len - 1;
	}
	return n;
}

int an_when_scan(const an_doc *d, uint32_t t0, uint32_t t1, an_when *out,
		 int max)
{
	return scan(d, t0, t1, out, max, 1);
}

/* Whether a footnote marker starts at token i: a superscript digit, or a
 * bracketed number "[3]". Returns the token holding its number, or 0. */
static uint32_t marker_at(const an_doc *d, uint32_t i)
{
	const an_tok *k = &d->seg.tok[i];
	if (k->flags & TF_SUP)
		return i;
	if (i + 2 < d->seg.ntok && k->kind == AN_TK_PUNCT && k->len == 1 &&
	    d->text.s[k->off] == '[' && d->seg.tok[i + 1].kind == AN_TK_NUM &&
	    d->text.s[d->seg.tok[i + 2].off] == ']')
		return i + 1;
	return 0;
}

int an_when_footnote(const an_doc *d, uint32_t i, an_when *out)
{
	uint32_t mk = marker_at(d, i);
	if (!mk)
		return 0;
	for (uint32_t x = d->seg.tok[i].sent + 1; x < d->seg.nsent; x++) {
		const an_sent *s = &d->seg.sent[x];
		uint32_t f = marker_at(d, s->t0);
		if (!f || !(d->seg.tok[s->t0].flags & (TF_PARA | TF_NL)) ||
		    !an_tok_same(&d->text, &d->seg.tok[f], &d->seg.tok[mk]))
			continue;
		return an_when_scan(d, s->t0, s->t1, out, 1) > 0;
	}
	return 0;
}
