/*
 * text.c: working text and offsets, UTF-8 checking and word folding.
 * Every later stage works on the working text; writers map spans back to
 * the original bytes through the anchors set here and by the HTML reader.
 */
#include <string.h>
#include <utf8proc.h>

#include "text.h"
#include "seg.h"

void an_text_anchor(an_arena *a, an_text *t, uint32_t w, uint32_t o)
{
	if (t->na && t->aw[t->na - 1] == w) {
		t->ao[t->na - 1] = o;
		return;
	}
	if (t->na == t->cap) {
		size_t cap = t->cap;
		t->aw = an_arena_grow(a, t->aw, sizeof *t->aw, &cap, t->na + 1);
		cap = t->cap;
		t->ao = an_arena_grow(a, t->ao, sizeof *t->ao, &cap, t->na + 1);
		t->cap = cap;
	}
	t->aw[t->na] = w;
	t->ao[t->na] = o;
	t->na++;
}

/* Index of the last anchor at or before w, or -1. */
static long anchor_at(const an_text *t, uint32_t w)
{
	long lo = 0, hi = (long)t->na - 1, r = -1;
	while (lo <= hi) {
		long mid = (lo + hi) / 2;
		if (t->aw[mid] <= w) {
			r = mid;
			lo = mid + 1;
		} else {
			hi = mid - 1;
		}
	}
	return r;
}

uint32_t an_text_orig(const an_text *t, uint32_t w)
{
	long i = anchor_at(t, w);
	uint64_t o = i < 0 ? w : (uint64_t)t->ao[i] + (w - t->aw[i]);
	return o > t->olen ? t->olen : (uint32_t)o;
}

uint32_t an_text_orig_end(const an_text *t, uint32_t wend)
{
	if (wend == 0)
		return an_text_orig(t, 0);
	return an_text_orig(t, wend - 1) + 1;
}

size_t an_utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0))
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
			return 0;
		return 4;
	}
	return 0;
}

uint32_t an_utf8_decode(const unsigned char *s, size_t l)
{
	switch (l) {
	case 1: return s[0];
	case 2: return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	case 3:
		return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 |
		       (s[2] & 0x3F);
	default:
		return (uint32_t)(s[0] & 0x07) << 18 |
		       (uint32_t)(s[1] & 0x3F) << 12 |
		       (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	}
}

size_t an_utf8_encode(uint32_t c, char *o)
{
	if (c < 0x80) {
		o[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		o[0] = (char)(0xC0 | c >> 6);
		o[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | c >> 12);
		o[1] = (char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | c >> 18);
	o[1] = (char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Length of the prefix of s that is plain ASCII without NUL bytes. */
static size_t ascii_prefix(const unsigned char *s, size_t n)
{
	size_t i = 0;
	while (i + 8 <= n) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		/* any byte >= 0x80, or any zero byte */
		if ((w & 0x8080808080808080ULL) ||
		    ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
			break;
		i += 8;
	}
	while (i < n && s[i] && s[i] < 0x80)
		i++;
	return i;
}

void an_text_from_bytes(an_arena *a, an_text *t, const char *src, size_t n,
			an_utf8_report *rep)
{
	const unsigned char *u = (const unsigned char *)src;
	memset(rep, 0, sizeof *rep);
	rep->first_invalid = rep->first_nul = -1;
	t->olen = (uint32_t)n;
	t->na = t->cap = 0;
	t->aw = t->ao = NULL;
	/* count invalid bytes first: each becomes three */
	size_t cap = n, i = 0;
	while (i < n) {
		i += ascii_prefix(u + i, n - i);
		if (i >= n)
			break;
		if (!u[i]) {
			i++;
			continue;
		}
		size_t l = an_utf8_len(u + i, n - i);
		cap += l ? 0 : 2;
		i += l ? l : 1;
	}
	t->s = an_arena_alloc(a, cap + 1);
	size_t w = 0;
	for (i = 0; i < n;) {
		size_t run = ascii_prefix(u + i, n - i);
		while (i + run < n && u[i + run] >= 0x80) {
			size_t l = an_utf8_len(u + i + run, n - i - run);
			if (!l)
				break;
			run += l;
			run += ascii_prefix(u + i + run, n - i - run);
		}
		memcpy(t->s + w, src + i, run);
		w += run;
		i += run;
		if (i >= n)
			break;
		if (!u[i]) {
			if (!rep->nuls++)
				rep->first_nul = (long)i;
			t->s[w++] = ' ';
			i++;
			continue;
		}
		if (!rep->invalid++)
			rep->first_invalid = (long)i;
		an_text_anchor(a, t, (uint32_t)w, (uint32_t)i);
		memcpy(t->s + w, "\xEF\xBF\xBD", 3);
		w += 3;
		i++;
		an_text_anchor(a, t, (uint32_t)w, (uint32_t)i);
	}
	t->s[w] = 0;
	t->len = (uint32_t)w;
}

/* ---- folding --------------------------------------------------------- */

/* Appends the base fold of one non-ASCII code point. */
static size_t fold_cp(uint32_t c, char *out, size_t room)
{
	utf8proc_int32_t buf[8];
	int opts = UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT |
		   UTF8PROC_DECOMPOSE;
	if (c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BF ||
	    c == 0x02BE || c == 0x00B4 || c == 0x0060)
		return 0; /* apostrophes and ayn/hamza marks */
	utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)c, buf, 8,
						     (utf8proc_option_t)opts, NULL);
	size_t o = 0;
	for (utf8proc_ssize_t i = 0; i < k && i < 8; i++) {
		char tmp[4];
		size_t l = an_utf8_encode((uint32_t)buf[i], tmp);
		if (o + l > room)
			break;
		memcpy(out + o, tmp, l);
		o += l;
	}
	return o;
}

/* Lower-cases ASCII, strips marks and apostrophes: the base key. */
static size_t base_fold(const char *s, size_t n, char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0;
	for (size_t i = 0; i < n && o + 4 < cap;) {
		unsigned c = u[i];
		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z')
				out[o++] = (char)(c + 32);
			else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				out[o++] = (char)c;
			i++;
			continue;
		}
		size_t l = an_utf8_len(u + i, n - i);
		if (!l) {
			i++;
			continue;
		}
		o += fold_cp(an_utf8_decode(u + i, l), out + o, cap - 1 - o);
		i += l;
	}
	out[o] = 0;
	return o;
}

/* Merges transliteration variants in place: gh->q, e->i, o->u, doubled
 * letters collapsed, a final -ih/-ah (Haniyeh, Nakhalah) read as -a. */
static size_t translit(char *k, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		char c = k[i];
		if (c == 'g' && i + 1 < n && k[i + 1] == 'h') {
			c = 'q';
			i++;
		} else if (c == 'e') {
			c = 'i';
		} else if (c == 'o') {
			c = 'u';
		}
		if (o && k[o - 1] == c && c >= 'a' && c <= 'z')
			continue;
		k[o++] = c;
	}
	if (o > 4 && k[o - 1] == 'h' && (k[o - 2] == 'i' || k[o - 2] == 'a')) {
		o--;
		k[o - 1] = 'a';
	}
	k[o] = 0;
	return o;
}

/* ASCII folding table: letters lower-cased with e->i and o->u merged,
 * digits kept, 0 for characters dropped, 0xFF for non-ASCII bytes. */
static unsigned char fold_map[256];

void an_text_init(void)
{
	for (int c = 0; c < 256; c++) {
		unsigned char v = c >= 0x80 ? 0xFF : 0;
		if (c >= '0' && c <= '9')
			v = (unsigned char)c;
		else if ((c | 32) >= 'a' && (c | 32) <= 'z')
			v = (unsigned char)(c | 32);
		if (v == 'e')
			v = 'i';
		else if (v == 'o')
			v = 'u';
		fold_map[c] = v;
	}
}

/* The fold of a short pure-ASCII word in one pass (translit included), or
 * 0 to take the general path. */
static size_t fold_ascii(const char *s, size_t n, char *k)
{
	if (n > 60)
		return 0;
	if (!fold_map['a'])
		an_init_tables(); /* callers without a context */
	size_t o = 0;
	int letters = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = fold_map[(unsigned char)s[i]];
		if (c == 0xFF)
			return 0;
		if (!c)
			continue;
		if (c > '9') {
			letters = 1;
			if (c == 'g' && i + 1 < n && fold_map[(unsigned char)s[i + 1]] == 'h') {
				c = 'q';
				i++;
			}
			if (o && (unsigned char)k[o - 1] == c)
				continue;
		}
		k[o++] = (char)c;
	}
	if (letters && o > 4 && k[o - 1] == 'h' && (k[o - 2] == 'i' || k[o - 2] == 'a')) {
		o--;
		k[o - 1] = 'a';
	}
	return o;
}

size_t an_fold(const char *s, size_t n, char *out, size_t cap)
{
	if (cap == 0)
		return 0;
	if (cap > 64) {
		size_t q = fold_ascii(s, n, out);
		if (q) {
			out[q] = 0;
			return q;
		}
	}
	size_t k = base_fold(s, n, out, cap);
	int digits = 1;
	for (size_t i = 0; i < k; i++)
		if (out[i] < '0' || out[i] > '9')
			digits = 0;
	return digits ? k : translit(out, k);
}

uint64_t an_fold_hash(const char *s, size_t n)
{
	char quick[64];
	size_t q = fold_ascii(s, n, quick);
	if (q)
		return an_hash(quick, q, 0);
	char key[256];
	size_t k = an_fold(s, n, key, sizeof key);
	return k ? an_hash(key, k, 0) : 0;
}

/* ---- hashes ----------------------------------------------------------- */

/* x with its ASCII capitals lower-cased, eight bytes at once. */
static inline uint64_t lower8(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones << 7;
	uint64_t x7 = x & ~high;
	uint64_t up = (x7 + ones * (0x80 - 'A')) & ~(x7 + ones * (0x7F - 'Z')) &
		      ~x & high;
	return x | up >> 2;
}

uint64_t an_lower_hash(const char *s, size_t n)
{
	uint64_t h = AN_RAW_SEED ^ ((uint64_t)n * 0x9E3779B97F4A7C15ULL);
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ lower8(w)) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	h = (h ^ lower8(an_tail8(s, n))) * 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 29;
	return h ? h : 1;
}

size_t an_slug(const char *s, size_t n, char *out, size_t cap)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0;
	int dash = 0;
	for (size_t i = 0; i < n && o + 5 < cap;) {
		char tmp[16];
		size_t tl = 0, l = 1;
		if (u[i] < 0x80) {
			tmp[0] = (char)u[i];
			tl = 1;
		} else if ((l = an_utf8_len(u + i, n - i))) {
			tl = fold_cp(an_utf8_decode(u + i, l), tmp, sizeof tmp);
		} else {
			l = 1;
		}
		i += l;
		for (size_t j = 0; j < tl; j++) {
			char c = tmp[j];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (dash && o)
					out[o++] = '-';
				dash = 0;
				out[o++] = c;
			} else if (c != '\'' ) {
				dash = 1;
			}
		}
	}
	out[o] = 0;
	return o;
}
