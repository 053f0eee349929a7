/*
 * map.h: an open-addressing hash map from nonzero 64-bit keys to 32-bit
 * values, used for dictionary tries, id lookups and per-document tables.
 * Keys and values sit side by side, so a probe touches one cache line.
 */
#ifndef AN_MAP_H
#define AN_MAP_H

#include <stdint.h>

#include "annals.h"

typedef struct an_slot {
	uint64_t key; /* 0 = empty */
	uint32_t val;
} an_slot;

typedef struct an_map {
	an_slot *slots;
	uint32_t n, mask;
	const annals_mem *mem;
} an_map;

void an_map_init(an_map *m, const annals_mem *mem, uint32_t hint);
void an_map_free(an_map *m);
void an_map_clear(an_map *m);
/* Sets key to val (replacing), growing as needed. key must be nonzero. */
void an_map_put(an_map *m, uint64_t key, uint32_t val);
/* Pointer to the value of key, or NULL. Valid until the next put. */
uint32_t *an_map_get(const an_map *m, uint64_t key);

/* Mixes two keys into one nonzero key. */
static inline uint64_t an_mix(uint64_t a, uint64_t b)
{
	uint64_t h = a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL);
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 32;
	return h ? h : 1;
}

#endif
