/*
 * evdict.h: the event dictionary (data/events, see its FORMAT.md): the CAMEO
 * codebook with Goldstein scores and PLOVER types, and the verb and noun
 * patterns, indexed by every form of their first word.
 */
#ifndef AN_EVDICT_H
#define AN_EVDICT_H

#include <stdint.h>

#include "arena.h"

typedef struct an_evcode {
	char code[5];    /* "0234" */
	uint8_t quad;    /* 1..4 */
	float goldstein;
	char gold[8];    /* goldstein as records write it ("%.1f") */
	const char *plover, *name;
} an_evcode;

/* Words of a sentence sketch (an_word_bit). */
#define AN_SKETCH 4

/* Pattern elements. */
enum { AN_PE_WORD = 1, AN_PE_SET, AN_PE_GAP };

typedef struct an_pel {
	uint8_t type;
	uint16_t nalt;    /* AN_PE_WORD: alternatives */
	uint64_t *alts;   /* lower-case hashes of the alternatives; for
			   * AN_PE_SET one, the hash of the set's name */
	uint64_t mask[AN_SKETCH]; /* AN_PE_WORD: an_word_bit of each alternative */
	uint32_t setbit;  /* AN_PE_SET: the set's bit in an_evdict_sets() */
} an_pel;

/* A word's bit in a 256-bit sketch of a sentence's words (see an_pel.mask):
 * a pattern whose word has no bit in a sentence's sketch cannot match. */
static inline void an_word_bit(uint64_t h, uint64_t m[AN_SKETCH])
{
	m[h >> 62] |= 1ULL << (h >> 56 & 63);
}

/* A word's place in two sketches of a sentence's words: in its low byte
 * the bit an_word_bit sets, in its high byte the bit of a second sketch,
 * from other bits of its hash. */
static inline uint16_t an_word_key(uint64_t h)
{
	return (uint16_t)(h >> 56 | (h >> 40 & 255) << 8);
}

typedef struct an_pat {
	uint16_t code;    /* index into the codebook */
	uint8_t noun;     /* from a nouns file */
	uint8_t curated;  /* from a hand-written file (wins ties) */
	uint8_t nel;      /* elements after the head */
	uint8_t weight;   /* elements that are not gaps, the head included */
	uint8_t need_target; /* written with a final "@": codes only with a target */
	an_pel head;      /* the first word: a verb lemma or noun forms */
	const char *lemma; /* the head as written: a lemma, or noun forms */
	an_pel *el;       /* the elements after the head */
	const char *text; /* the pattern line as written */
	const char *file;
	uint32_t line;
} an_pat;

typedef struct an_evdict an_evdict;

/* Loads dir (codes.txt, then verbs*.txt and nouns*.txt in sorted order). On
 * failure returns ANNALS_EDATA with "file:line: message" in err. */
int an_evdict_load(an_evdict **out, const char *dir, const annals_mem *mem,
		   char *err, size_t errcap);
void an_evdict_free(an_evdict *e);

size_t an_evdict_npatterns(const an_evdict *e);
const an_evcode *an_evdict_code(const an_evdict *e, uint32_t i);
const an_pat *an_evdict_pat(const an_evdict *e, uint32_t i);

/* Whether a word of n bytes at s may be a head form (a quick test on its
 * length and first letters, before any hashing). */
int an_evdict_maybe_head(const an_evdict *e, const char *s, size_t n);

/* A pattern of a head list with what it needs of a sentence's words, so
 * that a sentence without them is passed over before the pattern itself
 * is read. Words are kept as their an_word_key; 0 = none. */
#define AN_NEED_WORDS 3
#define AN_NEED_ALTS 4
typedef struct an_cand {
	uint32_t pat;                 /* the pattern's index */
	uint32_t sets;                /* the sets of its set elements (it
				       * needs each) */
	uint16_t word[AN_NEED_WORDS]; /* single-word elements it needs (the
				       * first three) */
	uint16_t alt[AN_NEED_ALTS];   /* the alternatives of its element with
				       * the fewest, one of which it needs,
				       * when there are at most AN_NEED_ALTS */
	uint8_t noun;                 /* the pattern's an_pat.noun */
} an_cand;

/* The patterns whose head has the word form of lower-case hash h, best
 * first (hand-written, longer, listed earlier), side by side with what
 * they need: sets *n and returns them, or NULL. */
const an_cand *an_evdict_heads(const an_evdict *e, uint64_t h, uint32_t *n);
/* The sets (bit an_pel.setbit each) holding the word of lower-case hash h. */
uint32_t an_evdict_sets(const an_evdict *e, uint64_t h);

#endif
