/*
 * support.h: the support stage's data (data/support, see its FORMAT.md) and
 * its run-level tables: support claims gathered into one record per
 * (sponsor, recipient, kind), and events reported by several documents
 * gathered into incidents.
 */
#ifndef AN_SUPPORT_H
#define AN_SUPPORT_H

#include <stdint.h>

#include "annals.h"

/* ORDER SUPPORT_KIND: keep kind_names in support.c in step. */
enum { AN_S_WEAPONS, AN_S_FUNDING, AN_S_TRAINING, AN_S_EXPERTISE,
       AN_S_MATERIEL, AN_S_TROOPS, AN_S_TERRITORY, AN_S_INTELLIGENCE,
       AN_S_POLITICAL, AN_S_UNSPECIFIED, AN_S_COUNT };

typedef struct an_supdict an_supdict;
typedef struct an_suptab an_suptab;

/* Loads the *.txt files of dir. On failure returns ANNALS_EDATA with
 * "file:line: message" in err. */
int an_supdict_load(an_supdict **out, const char *dir, const annals_mem *mem,
		    char *err, size_t errcap);
void an_supdict_free(an_supdict *s);

an_suptab *an_suptab_new(const annals_mem *mem);
void an_suptab_free(an_suptab *t);
/* Drops every claim and incident (after they are written). */
void an_suptab_reset(an_suptab *t);

/* The name of a support kind ("weapons"). */
const char *an_support_kind_name(int kind);

#endif
