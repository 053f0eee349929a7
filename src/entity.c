/*
 * entity.c: the run-level entity table and its merging rules. Dictionary
 * entities are keyed by dictionary index, discovered ones by id; a name
 * discovered in one document and found again in another (or whose slug is
 * a dictionary id) lands on the same row.
 */
#include <string.h>

#include "entity.h"
#include "text.h"

void an_etab_init_doc(an_etab *t, const annals_mem *mem, const an_dict *d)
{
	an_etab_init(t, mem, d);
	t->strs = an_arena_new(mem);
}

void an_etab_init(an_etab *t, const annals_mem *mem, const an_dict *d)
{
	memset(t, 0, sizeof *t);
	t->mem = mem;
	t->dict = d;
	/* small: a document's table is cleared for every document */
	an_map_init(&t->by_id, mem, 64);
	an_map_init(&t->by_dict, mem, 64);
	an_map_init(&t->by_fold, mem, 64);
}

/* A copy of s (NULL stays NULL): in the table's arena, or malloc'd. */
static char *tdup(an_etab *t, const char *s)
{
	if (!s)
		return NULL;
	return t->strs ? an_arena_strndup(t->strs, s, strlen(s)) : an_strdup(t->mem, s);
}

static void free_rows(an_etab *t)
{
	if (t->strs) {
		an_arena_reset(t->strs);
		t->n = 0;
		return;
	}
	for (size_t i = 0; i < t->n; i++) {
		an_rent *r = &t->rows[i];
		if (r->dict == AN_NONE) {
			an_free(t->mem, r->id);
			an_free(t->mem, r->name);
			an_free(t->mem, r->code);
			an_free(t->mem, r->country);
		}
		an_free(t->mem, r->role_title);
		an_free(t->mem, r->role_of);
		for (unsigned j = 0; j < r->nalias; j++)
			an_free(t->mem, r->aliases[j]);
	}
	t->n = 0;
}

void an_etab_free(an_etab *t)
{
	free_rows(t);
	an_arena_free(t->strs);
	an_free(t->mem, t->rows);
	an_map_free(&t->by_id);
	an_map_free(&t->by_dict);
	an_map_free(&t->by_fold);
}

void an_etab_reset(an_etab *t)
{
	free_rows(t);
	an_map_clear(&t->by_id);
	an_map_clear(&t->by_dict);
	an_map_clear(&t->by_fold);
}

static uint64_t id_key(const char *id) { return an_hash(id, strlen(id), 7); }

static uint32_t new_row(an_etab *t)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->rows = an_realloc(t->mem, t->rows, t->cap * sizeof *t->rows);
	}
	an_rent *r = &t->rows[t->n];
	memset(r, 0, sizeof *r);
	r->dict = AN_NONE;
	return (uint32_t)t->n++;
}

uint32_t an_etab_dict(an_etab *t, uint32_t di)
{
	uint32_t *v = an_map_get(&t->by_dict, (uint64_t)di + 1);
	if (v)
		return *v;
	const an_ent *e = an_dict_ent(t->dict, di);
	uint32_t row = new_row(t);
	an_rent *r = &t->rows[row];
	/* dictionary strings live as long as the dictionary */
	r->id = (char *)e->id;
	r->name = (char *)e->name;
	r->code = (char *)e->code;
	r->country = (char *)e->country;
	r->kind = e->kind;
	r->dict = di;
	an_map_put(&t->by_dict, (uint64_t)di + 1, row);
	an_map_put(&t->by_id, id_key(e->id), row);
	return row;
}


/* The match key of a whole name: its words folded as the dictionary folds
 * them ("Ahmad Qassemzadeh" and "Ahmed Qasemzadeh" alike), with its kind. */
static uint64_t fold_key(const char *name, int kind)
{
	uint64_t h = (uint64_t)kind + 1;
	for (const char *p = name; *p;) {
		size_t n = strcspn(p, " -");
		if (n)
			h = an_mix(h, an_fold_hash(p, n));
		p += n;
		p += *p != 0;
	}
	return h;
}

uint32_t an_etab_discovered(an_etab *t, const char *id, const char *name,
			    int kind, const char *code, const char *country,
			    const char *role_title, const char *role_of)
{
	uint32_t *v = an_map_get(&t->by_id, id_key(id));
	uint64_t fk = fold_key(name, kind);
	uint32_t row;
	if (v) {
		row = *v;
	} else if ((v = an_map_get(&t->by_fold, fk))) {
		row = *v; /* another spelling of a name seen before */
	} else {
		uint32_t di = an_dict_find(t->dict, id);
		if (di != AN_NONE)
			return an_etab_dict(t, di);
		row = new_row(t);
		an_rent *r = &t->rows[row];
		r->id = tdup(t, id);
		r->name = tdup(t, name);
		r->kind = (uint8_t)kind;
		r->code = tdup(t, code);
		r->country = tdup(t, country);
		an_map_put(&t->by_id, id_key(id), row);
		an_map_put(&t->by_fold, fk, row);
	}
	an_rent *r = &t->rows[row];
	if (role_title && !r->role_title) {
		r->role_title = tdup(t, role_title);
		r->role_of = tdup(t, role_of);
	}
	if (r->dict == AN_NONE && !r->code && code) {
		r->code = tdup(t, code);
		if (!r->country && country)
			r->country = tdup(t, country);
	}
	return row;
}

void an_etab_mention(an_etab *t, uint32_t row, const char *s, size_t n)
{
	an_rent *r = &t->rows[row];
	r->mentions++;
	for (unsigned i = 0; i < r->nalias; i++)
		if (r->alias_len[i] == n && memcmp(r->aliases[i], s, n) == 0)
			return;
	if (r->nalias >= AN_MAX_ALIASES || n > 200)
		return;
	char *a = t->strs ? an_arena_alloc(t->strs, n + 1) : an_calloc(t->mem, 1, n + 1);
	memcpy(a, s, n);
	a[n] = 0;
	r->alias_len[r->nalias] = (uint16_t)n;
	r->aliases[r->nalias++] = a;
}

/* Whether ISO date d (any precision) falls in [from, until]. */
static int in_range(const char *d, const char *from, const char *until)
{
	if (from && strncmp(d, from, strlen(from) < strlen(d) ? strlen(from) : strlen(d)) < 0)
		return 0;
	if (until && strncmp(d, until, strlen(until) < strlen(d) ? strlen(until) : strlen(d)) > 0)
		return 0;
	return 1;
}

const char *an_etab_code(const an_etab *t, uint32_t row, const char *date)
{
	const an_rent *r = &t->rows[row];
	if (r->dict == AN_NONE || !date)
		return r->code;
	const an_ent *e = an_dict_ent(t->dict, r->dict);
	for (unsigned i = 0; i < e->ncodes; i++)
		if (in_range(date, e->codes[i].from, e->codes[i].until))
			return e->codes[i].code;
	return r->code;
}

/* Copies local row r into a new row of t. */
static uint32_t copy_row(an_etab *t, const an_rent *r)
{
	uint32_t row = new_row(t);
	an_rent *n = &t->rows[row];
	n->dict = r->dict;
	n->kind = r->kind;
	if (r->dict != AN_NONE) {
		n->id = r->id;
		n->name = r->name;
		n->code = r->code;
		n->country = r->country;
		an_map_put(&t->by_dict, (uint64_t)r->dict + 1, row);
	} else {
		n->id = tdup(t, r->id);
		n->name = tdup(t, r->name);
		n->code = tdup(t, r->code);
		n->country = tdup(t, r->country);
	}
	an_map_put(&t->by_id, id_key(r->id), row);
	return row;
}

void an_etab_merge(an_etab *t, const an_etab *from, uint32_t *map)
{
	for (size_t i = 0; i < from->n; i++) {
		const an_rent *r = &from->rows[i];
		uint32_t *v = an_map_get(&t->by_id, id_key(r->id));
		uint32_t row = v ? *v : copy_row(t, r);
		map[i] = row;
		an_rent *m = &t->rows[row];
		if (r->role_title && !m->role_title) {
			m->role_title = tdup(t, r->role_title);
			m->role_of = tdup(t, r->role_of);
		}
		if (m->dict == AN_NONE && !m->code && r->code) {
			m->code = tdup(t, r->code);
			if (!m->country && r->country)
				m->country = tdup(t, r->country);
		}
		m->mentions += r->mentions;
		for (unsigned k = 0; k < r->nalias && m->nalias < AN_MAX_ALIASES; k++) {
			unsigned j = 0;
			while (j < m->nalias && !(m->alias_len[j] == r->alias_len[k] &&
						  memcmp(m->aliases[j], r->aliases[k],
							 r->alias_len[k]) == 0))
				j++;
			if (j < m->nalias)
				continue;
			m->aliases[m->nalias] = tdup(t, r->aliases[k]);
			m->alias_len[m->nalias++] = r->alias_len[k];
		}
	}
}

void an_etab_fold(const an_etab *t, uint32_t *head)
{
	an_map first;
	an_map_init(&first, t->mem, t->n ? t->n : 1);
	for (size_t i = 0; i < t->n; i++) {
		const an_rent *r = &t->rows[i];
		head[i] = (uint32_t)i;
		if (r->dict != AN_NONE || !r->mentions)
			continue;
		uint64_t fk = fold_key(r->name, r->kind);
		uint32_t *v = an_map_get(&first, fk);
		if (v)
			head[i] = *v;
		else
			an_map_put(&first, fk, (uint32_t)i);
	}
	an_map_free(&first);
}
