/*
 * map.c: linear-probing hash map, 64-bit keys to 32-bit values, load kept
 * under one half so lookups touch one or two slots.
 */
#include <string.h>

#include "arena.h"
#include "map.h"

void an_map_init(an_map *m, const annals_mem *mem, uint32_t hint)
{
	uint32_t cap = 16;
	while (cap < hint * 2)
		cap *= 2;
	m->mem = mem;
	m->keys = an_calloc(mem, cap, sizeof *m->keys);
	m->vals = an_calloc(mem, cap, sizeof *m->vals);
	m->n = 0;
	m->mask = cap - 1;
}

void an_map_free(an_map *m)
{
	an_free(m->mem, m->keys);
	an_free(m->mem, m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->n = m->mask = 0;
}

void an_map_clear(an_map *m)
{
	memset(m->keys, 0, ((size_t)m->mask + 1) * sizeof *m->keys);
	m->n = 0;
}

static void grow(an_map *m)
{
	an_map old = *m;
	an_map_init(m, old.mem, (old.mask + 1));
	for (uint32_t i = 0; i <= old.mask; i++)
		if (old.keys[i])
			an_map_put(m, old.keys[i], old.vals[i]);
	an_map_free(&old);
}

void an_map_put(an_map *m, uint64_t key, uint32_t val)
{
	if ((m->n + 1) * 2 > m->mask + 1)
		grow(m);
	uint32_t i = (uint32_t)(key ^ key >> 32) & m->mask;
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & m->mask;
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
}

uint32_t *an_map_get(const an_map *m, uint64_t key)
{
	if (!m->keys)
		return NULL;
	uint32_t i = (uint32_t)(key ^ key >> 32) & m->mask;
	while (m->keys[i]) {
		if (m->keys[i] == key)
			return &m->vals[i];
		i = (i + 1) & m->mask;
	}
	return NULL;
}
