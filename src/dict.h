/*
 * dict.h: the actor dictionary (the .txt files of data/actors; see
 * data/FORMAT.md), the role lexicon (data/roles.txt) and the given-name
 * list (data/names/), loaded once per run into hash-indexed tries over
 * folded word keys.
 */
#ifndef AN_DICT_H
#define AN_DICT_H

#include <stdint.h>

#include "arena.h"

#define AN_NONE UINT32_MAX

/* ORDER ENTITY_KIND: keep an_kind_name() in step. */
enum { AN_K_PERSON, AN_K_ORG, AN_K_COUNTRY, AN_K_PLACE, AN_K_MEDIA,
       AN_K_OTHER, AN_K_COUNT };

const char *an_kind_name(int kind);
int an_kind_parse(const char *s);

typedef struct an_role {
	const char *title;
	const char *of;  /* entity id, or NULL */
	const char *from, *until; /* ISO dates or NULL */
} an_role;

typedef struct an_dcode {
	const char *code, *from, *until;
} an_dcode;

typedef struct an_ent {
	const char *id, *name;
	const char *code;    /* CAMEO, or NULL */
	const char *country; /* ISO-3, or NULL */
	uint8_t kind;
	uint8_t curated; /* from a hand-kept file, not a converted one */
	uint8_t nroles, ncodes, nparents;
	uint8_t has_coord;
	float lat, lon;      /* places: from the gazetteer (coord attribute) */
	an_role *roles;
	an_dcode *codes;
	const char **parents;
} an_ent;

/* Kinds of trie terminals. */
enum { AN_M_ALIAS = 1, AN_M_ABBR, AN_M_DEMONYM, AN_M_NAME };

/* Role-lexicon kinds. */
enum { AN_R_TITLE = 1, AN_R_ROLE, AN_R_HONORIFIC };

typedef struct an_dict an_dict;

/* Loads every dictionary file under dir. On failure returns ANNALS_EDATA and
 * writes "file:line: message" to err (errcap bytes). */
int an_dict_load(an_dict **out, const char *dir, const annals_mem *mem,
		 char *err, size_t errcap);
void an_dict_free(an_dict *d);

size_t an_dict_count(const an_dict *d);
const an_ent *an_dict_ent(const an_dict *d, uint32_t i);
/* Index of the entity with this id, or AN_NONE. */
uint32_t an_dict_find(const an_dict *d, const char *id);
/* The person who held the role `title` (tlen bytes, any case) in entity
 * `of` on date (ISO), when exactly one did; else AN_NONE. */
uint32_t an_dict_holder(const an_dict *d, const char *of, const char *title,
			size_t tlen, const char *date);

/* Trie walking. Nodes are uint32_t; the root is 0. A step returns the child
 * for a token key, or AN_NONE. */
enum { AN_TRIE_FOLD, AN_TRIE_RAW, AN_TRIE_ROLE };
uint32_t an_dict_step(const an_dict *d, int trie, uint32_t node, uint64_t key);
/* The terminal at a node: entity index (or role index), its kind in *type. */
uint32_t an_dict_term(const an_dict *d, int trie, uint32_t node, int *type);

/* Role-lexicon entries. */
typedef struct an_rolex {
	const char *phrase;
	const char *agent; /* agent code: GOV, MIL, ... */
	int kind;          /* AN_R_* */
} an_rolex;
const an_rolex *an_dict_rolex(const an_dict *d, uint32_t i);

/* The hash of the long dictionary name word one edit away from key (a
 * folded word of n bytes), or 0 when there is none or more than one. */
uint64_t an_dict_correct(const an_dict *d, const char *key, size_t n);

/* Whether a word of n bytes at s may start a role phrase (a quick test on
 * its length and first three letters, before any hashing). */
int an_dict_maybe_role(const an_dict *d, const char *s, size_t n);

/* Whether the folded key hash is a known given name. */
int an_dict_given(const an_dict *d, uint64_t h);

#endif
