/*
 * entity.h: entity tables. Each document is coded against a table of its
 * own: each entity it names (from the dictionary or discovered in its text)
 * has one row, keyed by its stable id, with the surface forms seen and a
 * mention count. After the document, its rows are merged by id into the
 * run's table, whose rows become the entity records at the end of the run.
 */
#ifndef AN_ENTITY_H
#define AN_ENTITY_H

#include <stdint.h>

#include "arena.h"
#include "dict.h"
#include "map.h"

#define AN_MAX_ALIASES 24

typedef struct an_rent {
	char *id, *name;
	char *code, *country; /* NULL when unknown */
	uint8_t kind;
	uint32_t dict;        /* dictionary index, or AN_NONE if discovered */
	char *role_title, *role_of; /* a discovered role, or NULL */
	char *aliases[AN_MAX_ALIASES];
	uint16_t alias_len[AN_MAX_ALIASES];
	uint8_t nalias;
	size_t mentions;
} an_rent;

typedef struct an_etab {
	const annals_mem *mem;
	const an_dict *dict;
	an_rent *rows;
	size_t n, cap;
	an_map by_id;   /* hash(id) -> row */
	an_map by_dict; /* dict index + 1 -> row */
	an_map by_fold; /* folded name of a discovered entity -> row */
	an_arena *strs; /* a document's table: its strings, else NULL */
} an_etab;

void an_etab_init(an_etab *t, const annals_mem *mem, const an_dict *d);
/* A document's table: its strings live in an arena of its own, released
 * at once by an_etab_reset. */
void an_etab_init_doc(an_etab *t, const annals_mem *mem, const an_dict *d);
void an_etab_free(an_etab *t);
/* Drops all rows (after the entity records are written). */
void an_etab_reset(an_etab *t);

/* The row of dictionary entity di, created on first use. */
uint32_t an_etab_dict(an_etab *t, uint32_t di);
/* The row for a discovered entity: an existing row (dictionary or not) with
 * the same id, or a discovered one of the same kind whose name folds alike
 * (another spelling: the first one seen in the table gives the id), or a
 * new one. Strings are copied. */
uint32_t an_etab_discovered(an_etab *t, const char *id, const char *name,
			    int kind, const char *code, const char *country,
			    const char *role_title, const char *role_of);
/* Counts a mention and remembers its surface form. */
void an_etab_mention(an_etab *t, uint32_t row, const char *s, size_t n);

/* Adds the rows of a document's table from to the run's table t by id
 * (dictionary index or discovered id): mention counts, surface forms, the
 * first role and code seen. map (from->n entries) receives each row's row
 * in t. */
void an_etab_merge(an_etab *t, const an_etab *from, uint32_t *map);

/* For each row of t (head, t->n entries): the first row in t of a
 * discovered entity with mentions whose name folds alike and whose kind is
 * the same (another spelling: one entity record), else the row itself. */
void an_etab_fold(const an_etab *t, uint32_t *head);

/* The CAMEO code of a row on a date ("YYYY-MM-DD" or NULL), following the
 * dictionary's dated codes. */
const char *an_etab_code(const an_etab *t, uint32_t row, const char *date);

#endif
