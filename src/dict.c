/*
 * dict.c: loading the dictionaries and indexing them for matching.
 *
 * Every name, alias and demonym is cut into tokens by the same segmenter
 * that cuts documents, folded, and inserted into a trie keyed by token;
 * abbreviations go into a second, case-sensitive trie, role titles into a
 * third. A trie edge is one hash-map entry (parent node, token key) ->
 * child, so matching costs one probe per token.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "datafile.h"
#include "dict.h"
#include "map.h"
#include "seg.h"
#include "text.h"


typedef struct trie {
	an_map edges;    /* an_mix(node, key) -> child */
	uint32_t *terms; /* per node: type << 28 | index, or AN_NONE */
	size_t tcap;
	uint32_t nodes;
	uint64_t *filter; /* a bit per edge key, 16 bits an edge: most steps
			   * that fail end here, without touching edges */
	uint32_t fmask;   /* filter bits - 1 */
} trie;

/* A role held: entity ent's role r, and the next holding of the same
 * (organisation, title) + 1. */
typedef struct holding {
	uint32_t ent, next;
	uint8_t role;
} holding;

struct an_dict {
	const annals_mem *mem;
	an_arena *strs;    /* strings and small arrays, freed with the dict */
	an_arena *scratch; /* tokenizing names */
	an_ent *ents;
	size_t nents, cap;
	an_map ids;        /* hash(id) -> index */
	trie tries[3];
	an_rolex *roles;
	size_t nroles, rcap;
	an_map given;      /* folded hash -> 1 */
	an_map fuzzy;      /* hash(key or key minus one letter) -> vocab idx */
	uint64_t fuzzy_bits[1024]; /* a bit per fuzzy key: most misses end here */
	uint64_t role_first[1024]; /* bits for (length, first three letters) of
				    * the first word of each role phrase */
	uint64_t *vocab;
	size_t nvocab, vcap;
	an_map holders;    /* hash(of, title) -> first holding + 1 */
	holding *hold;     /* who held which role where, chained by key */
	size_t nhold;
};

static const char *const kind_names[AN_K_COUNT] = {
	"person", "organization", "country", "place", "media", "other"};

const char *an_kind_name(int kind)
{
	return kind >= 0 && kind < AN_K_COUNT ? kind_names[kind] : "other";
}

int an_kind_parse(const char *s)
{
	for (int i = 0; i < AN_K_COUNT; i++)
		if (strcmp(s, kind_names[i]) == 0)
			return i;
	return -1;
}

/* ---- tries ----------------------------------------------------------- */

static uint32_t trie_child(const annals_mem *mem, trie *t, uint32_t node,
			   uint64_t key)
{
	uint64_t k = an_mix(node, key);
	uint32_t *c = an_map_get(&t->edges, k);
	if (c)
		return *c;
	an_map_put(&t->edges, k, ++t->nodes);
	if (t->nodes >= t->tcap) {
		size_t old = t->tcap;
		t->tcap = t->tcap ? t->tcap * 2 : 4096;
		t->terms = an_realloc(mem, t->terms, t->tcap * sizeof *t->terms);
		memset(t->terms + old, 0xFF, (t->tcap - old) * sizeof *t->terms);
	}
	return t->nodes;
}

uint32_t an_dict_step(const an_dict *d, int which, uint32_t node, uint64_t key)
{
	const trie *t = &d->tries[which];
	uint64_t k = an_mix(node, key);
	uint32_t b = (uint32_t)(k >> 24) & t->fmask;
	if (!(t->filter[b / 64] >> (b % 64) & 1))
		return AN_NONE;
	uint32_t *c = an_map_get(&t->edges, k);
	return c ? *c : AN_NONE;
}

uint32_t an_dict_term(const an_dict *d, int which, uint32_t node, int *type)
{
	const trie *t = &d->tries[which];
	if (node >= t->tcap || t->terms[node] == AN_NONE)
		return AN_NONE;
	*type = (int)(t->terms[node] >> 28);
	return t->terms[node] & 0x0FFFFFFF;
}

/* Sets the filter bit of every edge once the trie is complete. */
static void build_filter(const annals_mem *mem, trie *t)
{
	uint32_t bits = 4096;
	while (bits < t->edges.n * 16u)
		bits *= 2;
	t->fmask = bits - 1;
	t->filter = an_calloc(mem, bits / 64, sizeof(uint64_t));
	for (uint32_t i = 0; i <= t->edges.mask; i++) {
		uint64_t k = t->edges.slots[i].key;
		uint32_t b = (uint32_t)(k >> 24) & t->fmask;
		if (k)
			t->filter[b / 64] |= 1ULL << (b % 64);
	}
}

/* A 16-bit sketch of a word: its length and first three letters, case
 * folded; equal words have equal sketches. */
static uint32_t word_sketch(const char *s, size_t n)
{
	uint32_t h = (uint32_t)n * 0x9E3779B1u;
	for (size_t i = 0; i < 3 && i < n; i++)
		h = (h ^ (unsigned char)(s[i] | 0x20)) * 0x01000193u;
	return (h ^ h >> 16) & 0xFFFF;
}

/* Tokenizes s and walks/extends the trie; sets the terminal unless one is
 * there already (earlier files win). Returns 0 if s yields no key. */
static int trie_insert(an_dict *d, int which, const char *s, uint32_t idx,
		       int type)
{
	an_text t = {0};
	an_seg seg;
	an_utf8_report rep;
	an_arena_reset(d->scratch);
	an_text_from_bytes(d->scratch, &t, s, strlen(s), &rep);
	an_seg_run(d->scratch, &t, &seg);
	trie *tr = &d->tries[which];
	uint32_t node = 0, i = 0, nkeys = 0;
	if (which != AN_TRIE_RAW)
		i = an_key_lead(&t, &seg, 0, seg.ntok);
	if (which == AN_TRIE_ROLE && i < seg.ntok) {
		uint32_t b = word_sketch(t.s + seg.tok[i].off, seg.tok[i].len);
		d->role_first[b >> 6] |= 1ULL << (b & 63);
	}
	for (; i < seg.ntok; i++) {
		uint64_t k = which == AN_TRIE_RAW ? an_tok_rh(&t, &seg.tok[i])
						  : an_key_fold(&t, &seg.tok[i]);
		if (!k)
			continue;
		node = trie_child(d->mem, tr, node, k);
		nkeys++;
	}
	if (!nkeys)
		return 0;
	if (node < tr->tcap && tr->terms[node] == AN_NONE)
		tr->terms[node] = (uint32_t)type << 28 | idx;
	return 1;
}

/* ---- parsing --------------------------------------------------------- */

/* A line of a dictionary file being read; its ud is the dictionary. */
typedef an_dfile parser;

static an_dict *dict_of(const parser *p) { return p->ud; }

static int fail(parser *p, const char *msg, const char *what)
{
	return an_dfile_fail(p, msg, what);
}

static char *sdup(an_dict *d, const char *s, size_t n)
{
	return an_arena_strndup(d->strs, s, n);
}

static const char *opt(an_dict *d, const char *s)
{
	return strcmp(s, "-") == 0 || !*s ? NULL : sdup(d, s, strlen(s));
}

static int valid_date(const char *s)
{
	if (!s)
		return 1;
	size_t n = strlen(s);
	if (n != 4 && n != 7 && n != 10)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

static int parse_header(parser *p, char *s)
{
	an_dict *d = dict_of(p);
	char *f[4] = {0};
	int nf = 0;
	for (char *tok = strtok(s, " \t"); tok && nf < 4; tok = strtok(NULL, " \t"))
		f[nf++] = tok;
	if (nf != 4)
		return fail(p, "entry header needs: id kind code country", NULL);
	int kind = an_kind_parse(f[1]);
	if (kind < 0)
		return fail(p, "unknown kind", f[1]);
	if (an_map_get(&d->ids, an_hash(f[0], strlen(f[0]), 7)))
		return fail(p, "duplicate id", f[0]);
	if (d->nents == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 4096;
		d->ents = an_realloc(d->mem, d->ents, d->cap * sizeof *d->ents);
	}
	an_ent *e = &d->ents[d->nents];
	memset(e, 0, sizeof *e);
	e->id = sdup(d, f[0], strlen(f[0]));
	e->kind = (uint8_t)kind;
	const char *base = strrchr(p->file, '/');
	e->curated = strncmp(base ? base + 1 : p->file, "phoenix-", 8) != 0;
	e->code = opt(d, f[2]);
	e->country = opt(d, f[3]);
	an_map_put(&d->ids, an_hash(f[0], strlen(f[0]), 7), (uint32_t)d->nents);
	d->nents++;
	return ANNALS_OK;
}

/* Splits "a | b | c | d" into up to n trimmed fields. */
static int split_bar(char *s, char **f, int n)
{
	int k = 0;
	while (k < n) {
		char *bar = strchr(s, '|');
		if (bar)
			*bar = 0;
		f[k++] = an_dfile_trim(s);
		if (!bar)
			break;
		s = bar + 1;
	}
	return k;
}

static int add_role(parser *p, an_ent *e, char *v)
{
	char *f[4];
	if (split_bar(v, f, 4) != 4)
		return fail(p, "role needs: title | of | from | until", NULL);
	an_role *r = an_arena_alloc(dict_of(p)->strs, (e->nroles + 1u) * sizeof *r);
	if (e->nroles)
		memcpy(r, e->roles, e->nroles * sizeof *r);
	an_role *nr = &r[e->nroles];
	nr->title = opt(dict_of(p), f[0]);
	nr->of = opt(dict_of(p), f[1]);
	nr->from = opt(dict_of(p), f[2]);
	nr->until = opt(dict_of(p), f[3]);
	if (!valid_date(nr->from) || !valid_date(nr->until))
		return fail(p, "bad date in role", NULL);
	e->roles = r;
	if (e->nroles < 255)
		e->nroles++;
	return ANNALS_OK;
}

static int add_code(parser *p, an_ent *e, char *v)
{
	char *sp = strpbrk(v, " \t");
	if (!sp)
		return fail(p, "code needs: CAMEO from..until", NULL);
	*sp = 0;
	char *range = an_dfile_trim(sp + 1), *dots = strstr(range, "..");
	if (!dots)
		return fail(p, "code range needs '..'", range);
	*dots = 0;
	an_dcode *c = an_arena_alloc(dict_of(p)->strs, (e->ncodes + 1u) * sizeof *c);
	if (e->ncodes)
		memcpy(c, e->codes, e->ncodes * sizeof *c);
	c[e->ncodes].code = opt(dict_of(p), v);
	c[e->ncodes].from = opt(dict_of(p), an_dfile_trim(range));
	c[e->ncodes].until = opt(dict_of(p), an_dfile_trim(dots + 2));
	if (!valid_date(c[e->ncodes].from) || !valid_date(c[e->ncodes].until))
		return fail(p, "bad date in code range", NULL);
	e->codes = c;
	if (e->ncodes < 255)
		e->ncodes++;
	return ANNALS_OK;
}

/* "coord 33.3152 44.3661": latitude and longitude in decimal degrees. */
static int add_coord(parser *p, an_ent *e, const char *v)
{
	char *end, *end2;
	double lat = strtod(v, &end);
	double lon = strtod(end, &end2);
	if (end == v || end2 == end || *an_dfile_trim(end2) || lat < -90 || lat > 90 ||
	    lon < -180 || lon > 180)
		return fail(p, "bad coordinates (want: coord LAT LON)", v);
	e->lat = (float)lat;
	e->lon = (float)lon;
	e->has_coord = 1;
	return ANNALS_OK;
}

static int parse_attr(parser *p, char *s)
{
	an_dict *d = dict_of(p);
	if (!d->nents)
		return fail(p, "attribute before any entry header", NULL);
	an_ent *e = &d->ents[d->nents - 1];
	uint32_t idx = (uint32_t)(d->nents - 1);
	char *sp = strpbrk(s, " \t");
	if (!sp)
		return fail(p, "attribute without value", s);
	*sp = 0;
	char *v = an_dfile_trim(sp + 1);
	if (strcmp(s, "name") == 0) {
		e->name = sdup(d, v, strlen(v));
		trie_insert(d, AN_TRIE_FOLD, v, idx, AN_M_NAME);
	} else if (strcmp(s, "alias") == 0) {
		trie_insert(d, AN_TRIE_FOLD, v, idx, AN_M_ALIAS);
	} else if (strcmp(s, "abbr") == 0) {
		trie_insert(d, AN_TRIE_RAW, v, idx, AN_M_ABBR);
	} else if (strcmp(s, "demonym") == 0) {
		trie_insert(d, AN_TRIE_FOLD, v, idx, AN_M_DEMONYM);
	} else if (strcmp(s, "parent") == 0) {
		const char **pa = an_arena_alloc(d->strs, (e->nparents + 1u) * sizeof *pa);
		if (e->nparents)
			memcpy(pa, e->parents, e->nparents * sizeof *pa);
		pa[e->nparents] = sdup(d, v, strlen(v));
		e->parents = pa;
		if (e->nparents < 255)
			e->nparents++;
	} else if (strcmp(s, "role") == 0) {
		return add_role(p, e, v);
	} else if (strcmp(s, "code") == 0) {
		return add_code(p, e, v);
	} else if (strcmp(s, "coord") == 0) {
		return add_coord(p, e, v);
	} else if (strcmp(s, "capital") && strcmp(s, "source") &&
		   strcmp(s, "note")) {
		return fail(p, "unknown attribute", s);
	}
	return ANNALS_OK;
}

static int parse_actor_line(parser *p, char *line)
{
	int indented = line[0] == ' ' || line[0] == '\t';
	char *s = an_dfile_clean(line);
	if (!*s)
		return ANNALS_OK;
	return indented ? parse_attr(p, s) : parse_header(p, s);
}

static int parse_role_line(parser *p, char *line)
{
	char *s = an_dfile_clean(line);
	if (!*s)
		return ANNALS_OK;
	char *f[3] = {0};
	int nf = 0;
	for (char *q = s; nf < 3;) {
		f[nf++] = q;
		char *tab = strchr(q, '\t');
		if (!tab)
			break;
		*tab = 0;
		q = tab + 1;
	}
	if (nf != 3)
		return fail(p, "role line needs: phrase<TAB>agent<TAB>kind", NULL);
	an_dict *d = dict_of(p);
	int kind = strcmp(f[2], "title") == 0  ? AN_R_TITLE
		   : strcmp(f[2], "role") == 0 ? AN_R_ROLE
		   : strcmp(f[2], "honorific") == 0 ? AN_R_HONORIFIC : 0;
	if (!kind)
		return fail(p, "role kind must be title, role or honorific", f[2]);
	if (d->nroles == d->rcap) {
		d->rcap = d->rcap ? d->rcap * 2 : 512;
		d->roles = an_realloc(d->mem, d->roles, d->rcap * sizeof *d->roles);
	}
	an_rolex *r = &d->roles[d->nroles];
	r->phrase = sdup(d, an_dfile_trim(f[0]), strlen(an_dfile_trim(f[0])));
	r->agent = opt(d, an_dfile_trim(f[1]));
	r->kind = kind;
	if (trie_insert(d, AN_TRIE_ROLE, r->phrase, (uint32_t)d->nroles, kind))
		d->nroles++;
	return ANNALS_OK;
}

static int parse_given_line(parser *p, char *line)
{
	char *s = an_dfile_clean(line);
	if (*s)
		an_map_put(&dict_of(p)->given, an_fold_hash(s, strlen(s)), 1);
	return ANNALS_OK;
}

/* Checks that every parent and role organisation names a known id. */
static int check_refs(an_dict *d, char *err, size_t errcap)
{
	for (size_t i = 0; i < d->nents; i++) {
		an_ent *e = &d->ents[i];
		if (!e->name) {
			snprintf(err, errcap, "entry %s has no name", e->id);
			return ANNALS_EDATA;
		}
		for (unsigned j = 0; j < e->nparents; j++)
			if (an_dict_find(d, e->parents[j]) == AN_NONE) {
				snprintf(err, errcap, "entry %s: unknown parent %s",
					 e->id, e->parents[j]);
				return ANNALS_EDATA;
			}
	}
	return ANNALS_OK;
}

/* ---- misspellings ------------------------------------------------------ */

static void fuzzy_put(an_dict *d, const char *k, size_t n, uint32_t vi)
{
	uint64_t h = an_hash(k, n, 11);
	uint32_t *v = an_map_get(&d->fuzzy, h);
	d->fuzzy_bits[h >> 48 & 1023] |= 1ULL << (h >> 58);
	if (v && *v != vi)
		*v = AN_NONE; /* two words share it: ambiguous */
	else if (!v)
		an_map_put(&d->fuzzy, h, vi);
}

/* Indexes each long name word and its one-letter deletions. */
static void index_fuzzy(an_dict *d, const char *key, size_t n)
{
	if (n < 7 || n > 40)
		return;
	if (d->nvocab == d->vcap) {
		d->vcap = d->vcap ? d->vcap * 2 : 4096;
		d->vocab = an_realloc(d->mem, d->vocab, d->vcap * sizeof *d->vocab);
	}
	uint32_t vi = (uint32_t)d->nvocab;
	d->vocab[d->nvocab++] = an_hash(key, n, 0);
	fuzzy_put(d, key, n, vi);
	char tmp[48];
	for (size_t j = 0; j < n; j++) {
		memcpy(tmp, key, j);
		memcpy(tmp + j, key + j + 1, n - j - 1);
		fuzzy_put(d, tmp, n - 1, vi);
	}
}

uint64_t an_dict_correct(const an_dict *d, const char *key, size_t n)
{
	if (n < 6 || n > 40 || !d->nvocab)
		return 0;
	uint64_t best = 0;
	char tmp[48];
	for (size_t j = 0; j <= n; j++) {
		size_t l = n;
		const char *k = key;
		if (j < n) {
			memcpy(tmp, key, j);
			memcpy(tmp + j, key + j + 1, n - j - 1);
			k = tmp;
			l = n - 1;
		}
		uint64_t h = an_hash(k, l, 11);
		if (!(d->fuzzy_bits[h >> 48 & 1023] >> (h >> 58) & 1))
			continue;
		uint32_t *v = an_map_get(&d->fuzzy, h);
		if (!v || *v == AN_NONE)
			continue;
		if (best && best != d->vocab[*v])
			return 0;
		best = d->vocab[*v];
	}
	return best;
}

/* Builds the misspelling index from every long word of the names of the
 * hand-kept persons and organisations (the converted lists are too old and
 * too large for guessing). */
static void build_fuzzy(an_dict *d)
{
	for (size_t i = 0; i < d->nents; i++) {
		an_ent *e = &d->ents[i];
		if ((e->kind != AN_K_PERSON && e->kind != AN_K_ORG) || !e->curated)
			continue;
		const char *s = e->name;
		while (*s) {
			while (*s == ' ' || *s == '-')
				s++;
			const char *w = s;
			while (*s && *s != ' ' && *s != '-')
				s++;
			char key[64];
			size_t k = an_fold(w, (size_t)(s - w), key, sizeof key);
			index_fuzzy(d, key, k);
		}
	}
}

/* ---- public ------------------------------------------------------------ */

/* The key of a role title in an organisation: the title lower-cased. */
static uint64_t holder_key(const char *of, const char *title, size_t tlen)
{
	return an_mix(an_hash(of, strlen(of), 11), an_lower_hash(title, tlen));
}

/* Indexes every dated role by (organisation, title). */
static void build_holders(an_dict *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->nents; i++)
		n += d->ents[i].nroles;
	an_map_init(&d->holders, d->mem, (uint32_t)(n ? n : 1));
	d->hold = an_calloc(d->mem, n ? n : 1, sizeof *d->hold);
	for (size_t i = 0; i < d->nents; i++)
		for (uint8_t r = 0; r < d->ents[i].nroles; r++) {
			const an_role *ro = &d->ents[i].roles[r];
			if (!ro->of)
				continue;
			uint64_t k = holder_key(ro->of, ro->title, strlen(ro->title));
			uint32_t *head = an_map_get(&d->holders, k);
			holding *h = &d->hold[d->nhold];
			h->ent = (uint32_t)i;
			h->role = r;
			h->next = head ? *head : 0;
			an_map_put(&d->holders, k, (uint32_t)++d->nhold);
		}
}

uint32_t an_dict_holder(const an_dict *d, const char *of, const char *title,
			size_t tlen, const char *date)
{
	if (!date || !d->nhold)
		return AN_NONE;
	uint32_t *at = an_map_get(&d->holders, holder_key(of, title, tlen));
	uint32_t found = AN_NONE;
	for (uint32_t h = at ? *at : 0; h; h = d->hold[h - 1].next) {
		const holding *x = &d->hold[h - 1];
		const an_role *ro = &d->ents[x->ent].roles[x->role];
		if (strcmp(ro->of, of) != 0 || strlen(ro->title) != tlen ||
		    strncasecmp(ro->title, title, tlen) != 0 ||
		    (ro->from && strcmp(date, ro->from) < 0) ||
		    (ro->until && strcmp(date, ro->until) >= 0))
			continue;
		if (found != AN_NONE && found != x->ent)
			return AN_NONE; /* two held it then: no telling which */
		found = x->ent;
	}
	return found;
}

int an_dict_load(an_dict **out, const char *dir, const annals_mem *mem,
		 char *err, size_t errcap)
{
	an_dict *d = an_calloc(mem, 1, sizeof *d);
	d->mem = mem;
	d->strs = an_arena_new(mem);
	d->scratch = an_arena_new(mem);
	an_map_init(&d->ids, mem, 1024);
	for (int i = 0; i < 3; i++) {
		an_map_init(&d->tries[i].edges, mem, 1024);
	}
	an_map_init(&d->given, mem, 1024);
	an_map_init(&d->fuzzy, mem, 1024);
	*out = d;
	char path[4096];
	snprintf(path, sizeof path, "%s/actors", dir);
	int rc = an_dfile_read_dir(path, NULL, NULL, parse_actor_line, d, mem,
				   err, errcap);
	if (!rc) {
		snprintf(path, sizeof path, "%s/roles.txt", dir);
		rc = an_dfile_read(path, parse_role_line, d, err, errcap);
	}
	if (!rc) {
		snprintf(path, sizeof path, "%s/names", dir);
		rc = an_dfile_read_dir(path, NULL, NULL, parse_given_line, d, mem,
				       err, errcap);
	}
	if (!rc)
		rc = check_refs(d, err, errcap);
	if (!rc) {
		build_fuzzy(d);
		build_holders(d);
	}
	for (int i = 0; i < 3; i++)
		build_filter(d->mem, &d->tries[i]);
	an_arena_free(d->scratch);
	d->scratch = NULL;
	return rc;
}

void an_dict_free(an_dict *d)
{
	if (!d)
		return;
	an_arena_free(d->strs);
	an_arena_free(d->scratch);
	an_map_free(&d->ids);
	for (int i = 0; i < 3; i++) {
		an_map_free(&d->tries[i].edges);
		an_free(d->mem, d->tries[i].terms);
		an_free(d->mem, d->tries[i].filter);
	}
	an_map_free(&d->given);
	an_map_free(&d->fuzzy);
	an_map_free(&d->holders);
	an_free(d->mem, d->hold);
	an_free(d->mem, d->ents);
	an_free(d->mem, d->roles);
	an_free(d->mem, d->vocab);
	an_free(d->mem, d);
}

size_t an_dict_count(const an_dict *d) { return d->nents; }
const an_ent *an_dict_ent(const an_dict *d, uint32_t i) { return &d->ents[i]; }
const an_rolex *an_dict_rolex(const an_dict *d, uint32_t i) { return &d->roles[i]; }

uint32_t an_dict_find(const an_dict *d, const char *id)
{
	uint32_t *v = an_map_get(&d->ids, an_hash(id, strlen(id), 7));
	return v ? *v : AN_NONE;
}

int an_dict_maybe_role(const an_dict *d, const char *s, size_t n)
{
	uint32_t b = word_sketch(s, n);
	return d->role_first[b >> 6] >> (b & 63) & 1;
}

int an_dict_given(const an_dict *d, uint64_t h)
{
	return an_map_get(&d->given, h) != NULL;
}
