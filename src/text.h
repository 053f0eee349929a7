/*
 * text.h: the working text of a document and its map back to the input's
 * original bytes, UTF-8 checking, and the folding of words into match keys.
 */
#ifndef AN_TEXT_H
#define AN_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"

/* Working text: valid UTF-8, NUL-terminated, with anchors mapping working
 * offsets back to original offsets. Between anchors the map is linear. */
typedef struct an_text {
	char *s;       /* working text (arena) */
	uint32_t len;  /* bytes of s */
	uint32_t olen; /* bytes of the original input */
	uint32_t *aw, *ao; /* anchors: working offset aw[i] is original ao[i] */
	size_t na, cap;
} an_text;

/* Adds an anchor; anchors must come in nondecreasing working order. */
void an_text_anchor(an_arena *a, an_text *t, uint32_t w, uint32_t o);

/* The original offset of working offset w. */
uint32_t an_text_orig(const an_text *t, uint32_t w);
/* The original end (exclusive) of a span ending at working offset wend. */
uint32_t an_text_orig_end(const an_text *t, uint32_t wend);

/* Problems found while checking UTF-8. */
typedef struct an_utf8_report {
	size_t invalid;     /* invalid bytes replaced by U+FFFD */
	long first_invalid; /* original offset of the first, or -1 */
	size_t nuls;        /* NUL bytes replaced by spaces */
	long first_nul;
} an_utf8_report;

/* Copies n bytes of src into t as working text: invalid UTF-8 bytes become
 * U+FFFD (anchored to their original offset), NUL bytes become spaces. */
void an_text_from_bytes(an_arena *a, an_text *t, const char *src, size_t n,
			an_utf8_report *rep);

/* Length of the valid UTF-8 sequence at s (n bytes available), 0 if none. */
size_t an_utf8_len(const unsigned char *s, size_t n);
/* Decodes the code point at s (valid UTF-8 of length l). */
uint32_t an_utf8_decode(const unsigned char *s, size_t l);
/* Encodes c into out (4 bytes room); returns its length. */
size_t an_utf8_encode(uint32_t c, char *out);

/* Folds a word into its match key: lower case, diacritics and apostrophes
 * removed, then transliteration variants merged (Qassem, Qasem, Qasim and
 * Ghasem fold alike; Quds and Qods; Haniyeh and Haniya). Writes at most cap-1
 * bytes and a NUL to out; returns the key's length. */
size_t an_fold(const char *s, size_t n, char *out, size_t cap);

/* The n < 8 bytes at s as the first n bytes of a zeroed word, as
 * memcpy(&w, s, n) gives them, in two overlapping loads instead of a call. */
static inline uint64_t an_tail8(const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	if (n >= 4) {
		uint32_t lo, hi;
		memcpy(&lo, s, 4);
		memcpy(&hi, s + n - 4, 4);
		return lo | (uint64_t)hi << (8 * (n - 4));
	}
	if (n >= 2) {
		uint16_t lo, hi;
		memcpy(&lo, s, 2);
		memcpy(&hi, s + n - 2, 2);
		return lo | (uint64_t)hi << (8 * (n - 2));
	}
	return n ? (unsigned char)s[0] : 0;
#else
	uint64_t w = 0;
	memcpy(&w, s, n);
	return w;
#endif
}

/* 64-bit hash of n bytes, eight at a time (multiply-xorshift mixing). */
static inline uint64_t an_hash(const char *s, size_t n, uint64_t seed)
{
	uint64_t h = seed ^ ((uint64_t)n * 0x9E3779B97F4A7C15ULL);
	while (n >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDULL;
		h ^= h >> 32;
		s += 8;
		n -= 8;
	}
	h = (h ^ an_tail8(s, n)) * 0xC4CEB9FE1A85EC53ULL;
	h ^= h >> 29;
	return h ? h : 1;
}

/* Hash of the folded key of a word (0 for an empty key). */
uint64_t an_fold_hash(const char *s, size_t n);
/* Case-sensitive hash of the raw bytes, for abbreviations. */
#define AN_RAW_SEED 0x5bd1e995u
static inline uint64_t an_raw_hash(const char *s, size_t n)
{
	return an_hash(s, n, AN_RAW_SEED);
}
/* an_raw_hash of the bytes with ASCII capitals lower-cased (computed
 * without copying them): a lower-case word hashes alike both ways. */
uint64_t an_lower_hash(const char *s, size_t n);

/* Writes a lowercase ASCII slug of s ("Qasem Soleimani" -> "qasem-soleimani")
 * to out (cap bytes); returns its length. */
size_t an_slug(const char *s, size_t n, char *out, size_t cap);

/* Fills the folding table (an_init_tables calls it once). */
void an_text_init(void);

#endif
