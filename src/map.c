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
	m->slots = an_calloc(mem, cap, sizeof *m->slots);
	m->n = 0;
	m->mask = cap - 1;
}

void an_map_free(an_map *m)
{
	an_free(m->mem, m->slots);
	m->slots = NULL;
	m->n = m->mask = 0;
}

void an_map_clear(an_map *m)
{
	if (!m->n)
		return;
	size_t cap = (size_t)m->mask + 1;
	if (cap > 1024 && (size_t)m->n * 16 < cap) {
		/* a map grown by one big user shrinks back for the next ones,
		 * which would otherwise pay for clearing all of it */
		const annals_mem *mem = m->mem;
		an_map_free(m);
		an_map_init(m, mem, 64);
		return;
	}
	memset(m->slots, 0, cap * sizeof *m->slots);
	m->n = 0;
}

static void grow(an_map *m)
{
	an_map old = *m;
	an_map_init(m, old.mem, (old.mask + 1));
	for (uint32_t i = 0; i <= old.mask; i++)
		if (old.slots[i].key)
			an_map_put(m, old.slots[i].key, old.slots[i].val);
	an_map_free(&old);
}

void an_map_put(an_map *m, uint64_t key, uint32_t val)
{
	if ((m->n + 1) * 2 > m->mask + 1)
		grow(m);
	uint32_t i = (uint32_t)(key ^ key >> 32) & m->mask;
	while (m->slots[i].key && m->slots[i].key != key)
		i = (i + 1) & m->mask;
	if (!m->slots[i].key) {
		m->slots[i].key = key;
		m->n++;
	}
	m->slots[i].val = val;
}

uint32_t *an_map_get(const an_map *m, uint64_t key)
{
	if (!m->slots)
		return NULL;
	uint32_t i = (uint32_t)(key ^ key >> 32) & m->mask;
	while (m->slots[i].key) {
		if (m->slots[i].key == key)
			return &m->slots[i].val;
		i = (i + 1) & m->mask;
	}
	return NULL;
}
