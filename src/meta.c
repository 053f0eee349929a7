/*
 * meta.c: what surrounds the reportage. Finds the title, the publication
 * date and the authors in a document's header and byline, and the ranges
 * that are not reportage and are left out of extraction: reader comments,
 * share and donation bars, image placeholders, captions and credits, link
 * lines, author bios and footnote markers.
 *
 * Works on lines and blank-line separated blocks of the working text, in
 * one pass, before tokens exist; an_meta_mark_tokens then flags the tokens
 * inside excluded ranges.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"

typedef struct line {
	uint32_t off, end; /* trimmed content; off == end for a blank line */
	uint32_t raw;      /* start of the line */
} line;

typedef struct block {
	uint32_t off, end;   /* first line's start .. last line's end */
	uint32_t l0, l1;     /* line range */
} block;

void an_doc_exclude(an_doc *d, uint32_t off, uint32_t end, const char *why)
{
	if (end <= off)
		return;
	an_range *r = AN_VEC_PUSH(d->a, d->excl, d->nexcl, d->excap);
	r->off = off;
	r->end = end;
	r->why = why;
}

static int starts_ci(const char *s, size_t n, const char *p)
{
	/* equal letters case-folded are equal with bit 5 set: a quick miss */
	if (!n || (s[0] | 32) != (p[0] | 32))
		return 0;
	size_t l = strlen(p);
	return n >= l && strncasecmp(s, p, l) == 0;
}

/* Cuts the text into trimmed lines and blank-line separated blocks. */
static void cut(an_doc *d, line **ls, size_t *nl, block **bs, size_t *nb)
{
	const char *s = d->text.s;
	uint32_t n = d->text.len, i = 0;
	size_t lcap = 0, bcap = 0;
	*ls = NULL;
	*bs = NULL;
	*nl = *nb = 0;
	block *cur = NULL;
	while (i < n) {
		const char *eol = memchr(s + i, '\n', n - i);
		uint32_t e = eol ? (uint32_t)(eol - s) : n;
		uint32_t a = i, b = e;
		while (a < b && an_space_len((const unsigned char *)s + a, b - a))
			a += (uint32_t)an_space_len((const unsigned char *)s + a, b - a);
		while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\r' || s[b - 1] == '\t'))
			b--;
		line *L = AN_VEC_PUSH(d->a, *ls, *nl, lcap);
		L->raw = i;
		L->off = a;
		L->end = b;
		if (a == b) {
			cur = NULL;
		} else {
			if (!cur) {
				cur = AN_VEC_PUSH(d->a, *bs, *nb, bcap);
				cur->off = a;
				cur->l0 = (uint32_t)*nl - 1;
			}
			cur->end = b;
			cur->l1 = (uint32_t)*nl;
		}
		i = e + 1;
	}
}

/* Whether a line opens the reader-comment section. */
static int comments_start(const char *s, size_t n)
{
	static const char *const heads[] = {
		"comments", "comment", "leave a reply", "leave a comment",
		"join the discussion", "show comments", "comments are closed",
		"reader comments", "view comments", "add a comment", NULL};
	size_t i = 0;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	while (i < n && s[i] == ' ')
		i++;
	for (const char *const *h = heads; *h && n - i < 24; h++)
		if (n - i == strlen(*h) && strncasecmp(s + i, *h, n - i) == 0)
			return 1;
	/* "Name | January 5, 2020 at 11:43 am" */
	const char *bar = memchr(s, '|', n < 60 ? n : 60);
	if (bar) {
		char iso[11];
		size_t j = (size_t)(bar - s) + 1;
		while (j < n && s[j] == ' ')
			j++;
		size_t k = an_date_parse(s + j, n - j, iso);
		if (k && j + k + 4 < n && starts_ci(s + j + k, n - j - k, " at "))
			return 1;
	}
	return 0;
}

static int share_line(const char *s, size_t n)
{
	static const char *const heads[] = {
		"share this", "share on", "share:", "tweet", "email", "print",
		"donate", "donations", "subscribe", "follow us", "click to share",
		"click here to", "sign up", "related:", "read more", "advertisement",
		NULL};
	if (n > 80)
		return 0;
	for (const char *const *h = heads; *h; h++)
		if (starts_ci(s, n, *h))
			return 1;
	return 0;
}

static int placeholder_line(const char *s, size_t n)
{
	size_t i = 0;
	int items = 0;
	while (i < n) {
		if (!(starts_ci(s + i, n - i, "image") || starts_ci(s + i, n - i, "photo")))
			return 0;
		i += 5;
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n || !isdigit((unsigned char)s[i]))
			return 0;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		while (i < n && s[i] == ' ')
			i++;
		items++;
	}
	return items > 0;
}

static int link_line(const char *s, size_t n)
{
	if (n < 4 || s[0] != '[' || s[n - 1] != ')')
		return 0;
	const char *mid = memchr(s, ']', n);
	return mid && mid + 1 < s + n && mid[1] == '(';
}

static int credit_line(const char *s, size_t n)
{
	static const char *const marks[] = {"/AP", "/AFP", "/Reuters",
					    "Getty Images", "Photo:", "Photo by",
					    "Credit:", "\xC2\xA9", "(Photo",
					    "Image:", "/EPA", "/Anadolu", NULL};
	if (n > 80)
		return 0;
	for (const char *const *m = marks; *m; m++)
		if (memmem(s, n, *m, strlen(*m)))
			return 1;
	return 0;
}

static int ends_sentence(const char *s, size_t n)
{
	if (!n)
		return 0;
	char c = s[n - 1];
	return c == '.' || c == '!' || c == '?' || c == '"' || c == ':' ||
	       (n >= 3 && (unsigned char)s[n - 3] == 0xE2 &&
		(unsigned char)s[n - 2] == 0x80 && (unsigned char)s[n - 1] == 0x9D);
}

/* Whether a byline piece is a job, not a name ("Staff Writer"). */
static int job_words(const char *s, size_t n)
{
	static const char *const jobs[] = {"writer", "staff", "correspondent",
					   "reporter", "editor", "bureau",
					   "contributor", "reporting", "news",
					   "agency", "desk", "columnist", NULL};
	char low[80];
	size_t m = n < sizeof low ? n : sizeof low - 1;
	for (size_t i = 0; i < m; i++)
		low[i] = (char)tolower((unsigned char)s[i]);
	for (const char *const *j = jobs; *j; j++)
		if (memmem(low, m, *j, strlen(*j)))
			return 1;
	return !isupper((unsigned char)s[0]);
}

static void add_author(an_doc *d, const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == ',' || s[n - 1] == '.'))
		n--;
	while (n && *s == ' ')
		s++, n--;
	if (n < 3 || n > 60 || d->nauthors >= 8 || job_words(s, n))
		return;
	for (unsigned i = 0; i < d->nauthors; i++)
		if (strlen(d->authors[i]) == n && !memcmp(d->authors[i], s, n))
			return;
	d->authors[d->nauthors++] = an_arena_strndup(d->a, s, n);
}

/* Authors of a byline "By A. Savyon and M. Manzour". */
static void byline(an_doc *d, const char *s, size_t n)
{
	if (!starts_ci(s, n, "by "))
		return;
	s += 3;
	n -= 3;
	while (n) {
		size_t k = 0;
		while (k < n && s[k] != ',' && !starts_ci(s + k, n - k, " and ") &&
		       s[k] != '|')
			k++;
		add_author(d, s, k);
		if (k >= n || s[k] == '|')
			break;
		k += s[k] == ',' ? 1 : 5;
		s += k;
		n -= k;
	}
}

/* "Joe Bloggs reports on ...": an author bio; returns the name's length. */
static size_t bio_name(const char *s, size_t n)
{
	static const char *const verbs[] = {" reports on", " writes", " is a ",
					    " is an ", " is the ", " covers ",
					    " is author", " is a senior", NULL};
	size_t words = 0, i = 0;
	while (i < n && words < 4) {
		if (!isupper((unsigned char)s[i]))
			return 0;
		while (i < n && s[i] != ' ')
			i++;
		words++;
		for (const char *const *v = verbs; *v; v++)
			if (starts_ci(s + i, n - i, *v))
				return words >= 2 ? i : 0;
		i++;
	}
	return 0;
}

static void header(an_doc *d, const line *ls, size_t nl, size_t first)
{
	const char *s = d->text.s;
	int seen = 0;
	for (size_t i = first; i < nl && seen < 12; i++) {
		const line *L = &ls[i];
		size_t n = L->end - L->off;
		if (!n)
			continue;
		seen++;
		const char *p = s + L->off;
		if (n > 160)
			continue;
		byline(d, p, n);
		size_t k = 0;
		static const char *const lead[] = {"published:", "published",
						   "updated:", "posted on",
						   "posted:", "date:", NULL};
		for (const char *const *l = lead; *l; l++)
			if (starts_ci(p, n, *l)) {
				k = strlen(*l);
				while (k < n && p[k] == ' ')
					k++;
			}
		char iso[11];
		size_t dl = an_date_parse(p + k, n - k, iso);
		if (dl && !d->date && (k + dl == n || n - k - dl < 90)) {
			d->date = an_arena_strndup(d->a, iso, 10);
			const char *bar = memchr(p, '|', n);
			if (bar) {
				size_t b = (size_t)(bar - p) + 1;
				while (b < n && p[b] == ' ')
					b++;
				byline(d, p + b, n - b);
			}
		}
	}
}

static void blocks(an_doc *d, const line *ls, const block *bs, size_t nb)
{
	const char *s = d->text.s;
	for (size_t b = 0; b < nb; b++) {
		const block *B = &bs[b];
		const char *p = s + B->off;
		size_t n = B->end - B->off;
		for (uint32_t l = B->l0; l < B->l1; l++) {
			const line *L = &ls[l];
			const char *q = s + L->off;
			size_t ln = L->end - L->off;
			if (comments_start(q, ln)) {
				an_doc_exclude(d, L->off, d->text.len, "comments");
				return;
			}
			if (placeholder_line(q, ln))
				an_doc_exclude(d, L->off, L->end, "image placeholder");
			else if (link_line(q, ln))
				an_doc_exclude(d, L->off, L->end, "link");
			else if (B->l1 - B->l0 <= 2 && credit_line(q, ln)) {
				uint32_t from = L->off;
				const char *why = "image credit";
				if (l > B->l0 && ls[l - 1].end - ls[l - 1].off < 40 &&
				    !ends_sentence(s + ls[l - 1].off, ls[l - 1].end - ls[l - 1].off)) {
					from = ls[l - 1].off;
					why = "image caption and credit";
				}
				an_doc_exclude(d, from, L->end, why);
			}
		}
		if (share_line(p, n < 80 ? n : 80) && n < 200) {
			an_doc_exclude(d, B->off, B->end, "share or donation bar");
		} else if (p[0] == '[' && p[n - 1] == ']' && n > 2) {
			an_doc_exclude(d, B->off, B->end, "image caption");
		} else if (b + 1 < nb && n < 120 && n >= 3 &&
			   (memcmp(p + n - 3, "...", 3) == 0 ||
			    memcmp(p + n - 3, "\xE2\x80\xA6", 3) == 0) &&
			   islower((unsigned char)s[bs[b + 1].off]) &&
			   bs[b + 1].end - bs[b + 1].off < 120) {
			an_doc_exclude(d, B->off, bs[b + 1].end, "image caption");
			b++;
		} else if (b * 3 >= nb * 2 && n < 400) {
			size_t nn = bio_name(p, n);
			if (nn) {
				add_author(d, p, nn);
				an_doc_exclude(d, B->off, B->end, "author bio");
			}
		}
	}
}

/* Superscript digits and bracketed numbers glued to text: footnote markers. */
static void footnotes(an_doc *d)
{
	const unsigned char *s = (const unsigned char *)d->text.s;
	uint32_t n = d->text.len;
	for (uint32_t i = 0; i < n; i++) {
		/* the working text is NUL-terminated and holds no NUL */
		i += (uint32_t)strcspn((const char *)s + i, "\xC2\xE2[");
		if (i >= n)
			break;
		uint32_t e = i;
		for (;;) {
			if (e + 1 < n && s[e] == 0xC2 &&
			    (s[e + 1] == 0xB9 || s[e + 1] == 0xB2 || s[e + 1] == 0xB3))
				e += 2;
			else if (e + 2 < n && s[e] == 0xE2 && s[e + 1] == 0x81 &&
				 (s[e + 2] == 0xB0 || (s[e + 2] >= 0xB4 && s[e + 2] <= 0xB9)))
				e += 3;
			else
				break;
		}
		if (e > i) {
			an_doc_exclude(d, i, e, "footnote marker");
			i = e - 1;
			continue;
		}
		if (s[i] == '[' && i > 0 && s[i - 1] != ' ' && s[i - 1] != '\n') {
			uint32_t k = i + 1;
			while (k < n && k < i + 4 && isdigit(s[k]))
				k++;
			if (k > i + 1 && k < n && s[k] == ']') {
				an_doc_exclude(d, i, k + 1, "footnote marker");
				i = k;
			}
		}
	}
}

static int cmp_range(const void *a, const void *b)
{
	const an_range *x = a, *y = b;
	return x->off < y->off ? -1 : x->off > y->off;
}

void an_meta_run(an_doc *d)
{
	line *ls;
	block *bs;
	size_t nl, nb;
	cut(d, &ls, &nl, &bs, &nb);
	footnotes(d);
	blocks(d, ls, bs, nb);
	if (d->nexcl)
		qsort(d->excl, d->nexcl, sizeof *d->excl, cmp_range);
	size_t o = 0; /* drop ranges inside another (found by two detectors) */
	for (size_t r = 0; r < d->nexcl; r++)
		if (!o || d->excl[r].end > d->excl[o - 1].end)
			d->excl[o++] = d->excl[r];
	d->nexcl = o;
	/* the title: the first block outside exclusions, one short line */
	size_t first = 0;
	for (size_t b = 0; b < nb; b++) {
		int excluded = 0;
		for (size_t r = 0; r < d->nexcl; r++)
			if (d->excl[r].off <= bs[b].off && bs[b].end <= d->excl[r].end)
				excluded = 1;
		if (excluded)
			continue;
		const char *p = d->text.s + bs[b].off;
		size_t n = bs[b].end - bs[b].off;
		int found = 0;
		if (!d->title && bs[b].l1 - bs[b].l0 == 1 && n <= 300 &&
		    p[n - 1] != '.' && p[n - 1] != ',') {
			d->title = an_arena_strndup(d->a, p, n);
			found = 1;
		}
		first = bs[b].l0 + (size_t)found;
		break;
	}
	header(d, ls, nl, first);
}

void an_meta_mark_tokens(an_doc *d)
{
	size_t r = 0;
	for (uint32_t i = 0; i < d->seg.ntok; i++) {
		an_tok *k = &d->seg.tok[i];
		while (r < d->nexcl && d->excl[r].end <= k->off)
			r++;
		/* ranges may nest: check this one and any later overlapping one */
		for (size_t q = r; q < d->nexcl && d->excl[q].off < k->off + k->len; q++)
			if (d->excl[q].end > k->off) {
				k->flags |= TF_EXCL;
				break;
			}
	}
}
