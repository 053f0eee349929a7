/*
 * seg.h: segmentation of the working text into tokens, sentences and
 * paragraphs, robust to real news: titles and abbreviations (Gen., Brig.
 * Gen., U.S., No. 1588), initials, ellipses inside quotations, brackets,
 * bullets, footnote markers, curly and straight quotes, em dashes.
 */
#ifndef AN_SEG_H
#define AN_SEG_H

#include <stdint.h>
#include <strings.h>

#include "arena.h"
#include "text.h"

enum { AN_TK_WORD = 1, AN_TK_NUM, AN_TK_PUNCT };

/* Token flags. */
#define TF_CAP 0x0001    /* first letter upper case */
#define TF_ALLCAP 0x0002 /* two or more letters, all upper case */
#define TF_LOWER 0x0004  /* first letter lower case */
#define TF_SPACE 0x0008  /* whitespace before the token */
#define TF_NL 0x0010     /* a line break before the token */
#define TF_PARA 0x0020   /* first token of a paragraph */
#define TF_SENT 0x0040   /* first token of a sentence */
#define TF_ABBR 0x0080   /* abbreviation: "U.S.", or a word whose period follows */
#define TF_ADOT 0x0100   /* a period that belongs to an abbreviation or initial */
#define TF_POSS 0x0200   /* possessive or contraction piece: 's, ’s, n't */
#define TF_EXCL 0x0400   /* inside an excluded range */
#define TF_SUP 0x0800    /* a superscript digit or bracketed footnote marker */
#define TF_MENT 0x1000   /* covered by a mention */
#define TF_HSET 0x2000   /* h computed (see an_tok_h) */
#define TF_RHSET 0x4000  /* rh computed (see an_tok_rh) */

typedef struct an_tok {
	uint32_t off, len; /* working-text span */
	uint64_t h;        /* folded key hash, computed on first use: an_tok_h */
	uint64_t rh;       /* raw, case-sensitive hash, on first use: an_tok_rh */
	uint32_t sent;     /* sentence index */
	uint16_t flags;
	uint8_t kind;
	uint8_t c0;        /* first byte, for quick punctuation tests */
} an_tok;

typedef struct an_sent {
	uint32_t t0, t1;    /* token range [t0, t1) */
	uint32_t off, end;  /* working-text span */
	uint32_t para;      /* paragraph index */
} an_sent;

typedef struct an_seg {
	an_tok *tok;
	uint32_t ntok;
	an_sent *sent;
	uint32_t nsent;
	uint32_t npara;
} an_seg;

/* Tokenizes and splits t into seg (arrays in a). */
void an_seg_run(an_arena *a, const an_text *t, an_seg *seg);

/* A fixed set of words matched exactly (case-sensitive) by hash: for the
 * word lists of the segmenter, matcher and discovery. Define with
 * AN_WORDSET(name, "a", "b", ...) and test with an_words_has(&name, tok). */
typedef struct an_wordset {
	const char *const *words;
	uint64_t slots[512]; /* raw hashes, 0 = empty */
	uint64_t lens;       /* bit per word length (< 64) */
	uint64_t firsts[4];  /* bit per first byte */
	int ready;
} an_wordset;
#define AN_WORDSET(name, ...)                                             \
	static const char *const name##_list[] = {__VA_ARGS__, NULL};      \
	static an_wordset name = {name##_list, {0}, 0, {0}, 0}
/* Fills the library's constant tables (character classes, folding, date
 * words) once per process, whichever thread comes first; the context does
 * it before any document is coded. */
void an_init_tables(void);
/* when.c: its word prefixes. */
void an_when_init(void);

int an_words_has(an_wordset *ws, const an_text *t, const an_tok *k);
/* Whether the token, lower-cased, is in a set of lower-case words. */
int an_words_has_lower(an_wordset *ws, const an_text *t, const an_tok *k);
/* A quick test: 0 when no word of the set (already used once) has the
 * token's length and lower-cased first byte. */
static inline int an_words_may(const an_wordset *ws, const an_tok *k)
{
	unsigned char c = k->c0 >= 'A' && k->c0 <= 'Z' ? k->c0 | 32 : k->c0;
	return !__atomic_load_n(&ws->ready, __ATOMIC_ACQUIRE) || (ws->lens >> (k->len < 63 ? k->len : 63) & 1 &&
			      ws->firsts[c >> 6] >> (c & 63) & 1);
}
/* The same with the caller's cache of the token's an_lower_hash (*lh, 0
 * until computed). */
int an_words_has_lh(an_wordset *ws, const an_text *t, const an_tok *k,
		    uint64_t *lh);

/* Whether the token is exactly the ASCII string s. */
int an_tok_is(const an_text *t, const an_tok *k, const char *s);
/* Whether the token case-insensitively equals the ASCII string s (inline,
 * so that the length of a literal folds and most tokens fail at once; the
 * first byte is compared before the length of a string that is not a
 * literal is taken). */
static inline int an_tok_ieq(const an_text *t, const an_tok *k, const char *s)
{
	return (k->c0 | 32) == (s[0] | 32) && k->len == strlen(s) &&
	       strncasecmp(t->s + k->off, s, k->len) == 0;
}

/* Whether tokens a and b of text t are the same word, any case. */
static inline int an_tok_same(const an_text *t, const an_tok *a, const an_tok *b)
{
	return a->len == b->len && strncasecmp(t->s + a->off, t->s + b->off, a->len) == 0;
}

/* The folded key hash of a word or number token (0 for punctuation),
 * computed on first use and cached in the token. */
uint64_t an_tok_h_fill(const an_text *t, const an_tok *k);
static inline uint64_t an_tok_h(const an_text *t, const an_tok *k)
{
	return k->flags & TF_HSET ? k->h : an_tok_h_fill(t, k);
}
/* The raw, case-sensitive hash of a token, cached likewise. */
uint64_t an_tok_rh_fill(const an_text *t, const an_tok *k);
static inline uint64_t an_tok_rh(const an_text *t, const an_tok *k)
{
	return k->flags & TF_RHSET ? k->rh : an_tok_rh_fill(t, k);
}

/* The trie key of a token: its folded hash for words and numbers, 0 for
 * punctuation that names may contain (hyphens, apostrophes, abbreviation
 * periods), the raw hash for other punctuation. */
uint64_t an_key_fold(const an_text *t, const an_tok *k);
/* Articles a name may start with: AN_ART_AL for al or el, AN_ART_THE for
 * "the", 0 for any other token. */
enum { AN_ART_AL = 1, AN_ART_THE = 2 };
static inline int an_tok_article(const an_text *t, const an_tok *k)
{
	if (k->kind != AN_TK_WORD || k->len > 3 || k->len < 2)
		return 0;
	const char *p = t->s + k->off;
	if (k->len == 2)
		return ((p[0] | 32) == 'a' || (p[0] | 32) == 'e') && (p[1] | 32) == 'l'
			       ? AN_ART_AL : 0;
	return (p[0] | 32) == 't' && (p[1] | 32) == 'h' && (p[2] | 32) == 'e'
		       ? AN_ART_THE : 0;
}
/* Index of the first token of [i, end) after leading articles and the
 * hyphens that follow them, when a word remains after them; else i. */
uint32_t an_key_lead(const an_text *t, const an_seg *seg, uint32_t i,
		     uint32_t end);

/* Whether the bytes at s (n available) start a Unicode white space; returns
 * its length or 0. */
size_t an_space_len(const unsigned char *s, size_t n);

#endif
