/*
 * arena.h: memory for the library. an_mem wraps the caller's annals_mem
 * (abort on out of memory); an_arena hands out per-document memory that is
 * released all at once; an_buf is a growable byte buffer for output.
 */
#ifndef AN_ARENA_H
#define AN_ARENA_H

#include <stddef.h>
#include <stdint.h>
#include "annals.h"

/* Allocation through the context's annals_mem; never returns NULL. */
void *an_calloc(const annals_mem *m, size_t n, size_t size);
void *an_realloc(const annals_mem *m, void *p, size_t size);
void an_free(const annals_mem *m, void *p);
char *an_strdup(const annals_mem *m, const char *s);

typedef struct an_arena an_arena;

/* A new arena drawing blocks from m (borrowed; must outlive the arena). */
an_arena *an_arena_new(const annals_mem *m);
/* Frees every block; NULL is a no-op. */
void an_arena_free(an_arena *a);
/* Releases everything allocated, keeping one block for reuse. */
void an_arena_reset(an_arena *a);
/* Uninitialised memory aligned to 8 bytes, valid until the next reset. */
void *an_arena_alloc(an_arena *a, size_t size);
/* The same, zeroed. */
void *an_arena_zalloc(an_arena *a, size_t size);
/* Copies n bytes and adds a NUL. */
char *an_arena_strndup(an_arena *a, const char *s, size_t n);
/* Number of blocks currently held (for allocation-budget tests). */
size_t an_arena_blocks(const an_arena *a);

/* A growable array in an arena: doubles on growth, old storage is left to
 * the arena. Use through AN_VEC_PUSH. */
void *an_arena_grow(an_arena *a, void *old, size_t elem, size_t *cap,
		    size_t need);
#define AN_VEC_PUSH(ar, v, n, cap)                                        \
	((n) >= (cap) ? (void)((v) = an_arena_grow((ar), (v), sizeof *(v), \
						   &(cap), (n) + 1))      \
		      : (void)0,                                          \
	 &(v)[(n)++])

/* Growable byte buffer owned by its user (an_buf_free). */
typedef struct an_buf {
	char *p;
	size_t len, cap;
	const annals_mem *mem;
} an_buf;

void an_buf_init(an_buf *b, const annals_mem *m);
void an_buf_free(an_buf *b);
void an_buf_add(an_buf *b, const char *s, size_t n);
void an_buf_puts(an_buf *b, const char *s);
void an_buf_putc(an_buf *b, char c);
void an_buf_printf(an_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Appends an unsigned decimal number. */
void an_buf_uint(an_buf *b, uint64_t v);
/* Appends s as a JSON string literal (with quotes); invalid UTF-8 becomes
 * U+FFFD, control characters are escaped. */
void an_buf_json_str(an_buf *b, const char *s, size_t n);
/* Appends a JSON string, or null when s is NULL. */
void an_buf_json_strz(an_buf *b, const char *s);

#endif
