/*
 * arena.c: allocation wrappers, per-document arenas and output buffers.
 * Documents allocate tokens, spans and records from an arena in large
 * blocks and drop them in one reset, so coding a document costs a few
 * block allocations, not one per object.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

static void *std_calloc(size_t n, size_t size) { return calloc(n, size); }
static void *std_realloc(void *p, size_t size) { return realloc(p, size); }
static void std_free(void *p) { free(p); }
static const annals_mem std_mem = {std_calloc, std_realloc, std_free};

static void oom(void)
{
	fputs("annals: out of memory\n", stderr);
	abort();
}

void *an_calloc(const annals_mem *m, size_t n, size_t size)
{
	void *p = (m ? m : &std_mem)->calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

void *an_realloc(const annals_mem *m, void *p, size_t size)
{
	void *q = (m ? m : &std_mem)->realloc(p, size ? size : 1);
	if (!q)
		oom();
	return q;
}

void an_free(const annals_mem *m, void *p)
{
	if (p)
		(m ? m : &std_mem)->free(p);
}

char *an_strdup(const annals_mem *m, const char *s)
{
	size_t n = strlen(s);
	char *d = an_calloc(m, 1, n + 1);
	memcpy(d, s, n);
	return d;
}

/* ---- arena ---------------------------------------------------------- */

#define BLOCK_MIN (256 * 1024)

typedef struct block {
	struct block *next;
	size_t size, used;
	max_align_t data[]; /* size bytes */
} block;

struct an_arena {
	const annals_mem *mem;
	block *head; /* current block first */
	size_t nblocks;
};

an_arena *an_arena_new(const annals_mem *m)
{
	an_arena *a = an_calloc(m, 1, sizeof *a);
	a->mem = m;
	return a;
}

void an_arena_free(an_arena *a)
{
	if (!a)
		return;
	an_arena_reset(a);
	an_free(a->mem, a->head);
	an_free(a->mem, a);
}

void an_arena_reset(an_arena *a)
{
	block *b = a->head;
	if (!b)
		return;
	/* keep the largest block: the last one allocated is usually it */
	block *keep = b, *next;
	for (b = a->head; b; b = b->next)
		if (b->size > keep->size)
			keep = b;
	for (b = a->head; b; b = next) {
		next = b->next;
		if (b != keep)
			an_free(a->mem, b);
	}
	keep->next = NULL;
	keep->used = 0;
	a->head = keep;
	a->nblocks = 1;
}

void *an_arena_alloc(an_arena *a, size_t size)
{
	size = (size + 7) & ~(size_t)7;
	block *b = a->head;
	if (!b || b->size - b->used < size) {
		size_t bs = BLOCK_MIN;
		while (bs < size)
			bs *= 2;
		b = an_realloc(a->mem, NULL, sizeof *b + bs);
		b->size = bs;
		b->used = 0;
		b->next = a->head;
		a->head = b;
		a->nblocks++;
	}
	void *p = (char *)b->data + b->used;
	b->used += size;
	return p;
}

void *an_arena_zalloc(an_arena *a, size_t size)
{
	void *p = an_arena_alloc(a, size);
	memset(p, 0, size);
	return p;
}

char *an_arena_strndup(an_arena *a, const char *s, size_t n)
{
	char *d = an_arena_alloc(a, n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

size_t an_arena_blocks(const an_arena *a) { return a->nblocks; }

void *an_arena_grow(an_arena *a, void *old, size_t elem, size_t *cap,
		    size_t need)
{
	size_t nc = *cap ? *cap : 16;
	while (nc < need)
		nc *= 2;
	block *b = a->head;
	size_t oldsz = (*cap * elem + 7) & ~(size_t)7, newsz = (nc * elem + 7) & ~(size_t)7;
	if (old && b && (char *)old + oldsz == (char *)b->data + b->used) {
		/* the array is the last thing allocated: it grows where it is,
		 * or, alone in its block, with the block */
		if (b->used - oldsz + newsz <= b->size) {
			b->used += newsz - oldsz;
			*cap = nc;
			return old;
		}
		if ((char *)old == (char *)b->data) {
			size_t bs = b->size;
			while (bs < newsz)
				bs *= 2;
			b = an_realloc(a->mem, b, sizeof *b + bs);
			b->size = bs;
			b->used = newsz;
			a->head = b;
			*cap = nc;
			return b->data;
		}
	}
	void *p = an_arena_alloc(a, nc * elem);
	if (old)
		memcpy(p, old, *cap * elem);
	*cap = nc;
	return p;
}

/* ---- output buffer -------------------------------------------------- */

void an_buf_init(an_buf *b, const annals_mem *m)
{
	b->p = NULL;
	b->len = b->cap = 0;
	b->mem = m;
}

void an_buf_free(an_buf *b)
{
	an_free(b->mem, b->p);
	an_buf_init(b, b->mem);
}

static void reserve(an_buf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	size_t nc = b->cap ? b->cap : 4096;
	while (nc < b->len + n + 1)
		nc *= 2;
	b->p = an_realloc(b->mem, b->p, nc);
	b->cap = nc;
}

void an_buf_add(an_buf *b, const char *s, size_t n)
{
	reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = 0;
}

void an_buf_puts(an_buf *b, const char *s) { an_buf_add(b, s, strlen(s)); }

void an_buf_putc(an_buf *b, char c)
{
	reserve(b, 1);
	b->p[b->len++] = c;
	b->p[b->len] = 0;
}

void an_buf_printf(an_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void an_buf_uint(an_buf *b, uint64_t v)
{
	char tmp[24];
	int i = 24;
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	an_buf_add(b, tmp + i, (size_t)(24 - i));
}

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0 if invalid. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;
		if (c == 0xED && s[1] >= 0xA0)
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

/* Bytes a JSON string takes as they are: printable ASCII but '"' and '\'. */
#define R16(x) x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
static const unsigned char json_plain[256] = {
	R16(0), R16(0),
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x22 '"' */
	R16(1), R16(1),
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x5c '\' */
	R16(1), R16(1),
	R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0)};
#undef R16

void an_buf_json_str(an_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *u = (const unsigned char *)s;
	reserve(b, n + 2);
	b->p[b->len++] = '"';
	size_t i = 0;
	while (i < n) {
		size_t run = i;
		while (run < n && json_plain[u[run]])
			run++;
		if (run > i) {
			an_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned c = u[i];
		if (c >= 0x80) {
			size_t l = utf8_len(u + i, n - i);
			if (l) {
				an_buf_add(b, s + i, l);
				i += l;
			} else {
				an_buf_add(b, "\xEF\xBF\xBD", 3);
				i++;
			}
			continue;
		}
		char esc[7] = {'\\', 0};
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\t': esc[1] = 't'; break;
		case '\r': esc[1] = 'r'; break;
		default:
			memcpy(esc, "\\u00", 4);
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			an_buf_add(b, esc, 6);
			i++;
			continue;
		}
		an_buf_add(b, esc, 2);
		i++;
	}
	an_buf_putc(b, '"');
}

void an_buf_json_strz(an_buf *b, const char *s)
{
	if (s)
		an_buf_json_str(b, s, strlen(s));
	else
		an_buf_puts(b, "null");
}
