/*
 * evdict.c: loading the event dictionary. The codebook comes first; each
 * pattern line is parsed into elements holding lower-case word hashes, and
 * when every file is read, each pattern is indexed under every form of its
 * head word: the listed forms of an irregular verb, or the regular ones
 * made from the lemma, or a noun's alternatives.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "evdict.h"
#include "map.h"
#include "text.h"

struct an_evdict {
	const annals_mem *mem;
	an_arena *strs;
	an_evcode *codes;
	size_t ncodes, ccap;
	an_map code_ix;    /* hash(code) -> index */
	an_pat *pats;
	size_t npat, pcap;
	const char **lemma; /* per pattern: the verb lemma, or NULL (noun) */
	an_map verb_forms; /* hash(lemma) -> index into forms */
	const char ***forms; /* NULL-terminated lists of listed forms */
	size_t nforms, fcap;
	an_map sets;       /* hash(set name) -> set number (0..30) */
	uint32_t nsets;
	an_map members;    /* word hash -> bit per set holding the word */
	an_map heads;      /* word hash -> index into lists */
	uint64_t head_bits[1024]; /* a bit per head form hash */
	uint64_t *sketch_bits;    /* a bit per head form sketch (see sketch()) */
	uint32_t **lists;
	an_cand **cands;   /* per list: its patterns with what they need */
	uint64_t member_bits[1024]; /* a bit per set member's hash */
	uint32_t *nlist, *lcap;
	size_t nlists, lscap;
};

typedef struct reader {
	an_evdict *e;
	an_dfile *src; /* the line being read */
	const char *file; /* its file, kept for the patterns */
	int kind;      /* 'c' codes, 'v' verbs, 'n' nouns */
	int curated;
} reader;

static int fail(reader *r, const char *msg, const char *what)
{
	return an_dfile_fail(r->src, msg, what);
}

static uint64_t hstr(const char *s) { return an_lower_hash(s, strlen(s)); }

/* Splits s on spaces and tabs into at most max fields. */
static int fields(char *s, char **f, int max)
{
	int n = 0;
	for (char *t = strtok(s, " \t\r"); t && n < max; t = strtok(NULL, " \t\r"))
		f[n++] = t;
	return n;
}

/* ---- codebook ---------------------------------------------------------- */

static int quad_of(const char *code)
{
	int root = (code[0] - '0') * 10 + (code[1] - '0');
	return root <= 5 ? 1 : root <= 9 ? 2 : root <= 14 ? 3 : 4;
}

static int valid_code(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 4)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	int root = (s[0] - '0') * 10 + (s[1] - '0');
	return root >= 1 && root <= 20;
}

static int code_line(reader *r, char *s)
{
	an_evdict *e = r->e;
	char *f[3];
	char *rest = s;
	int n = 0;
	for (; n < 3; n++) { /* code, goldstein, plover; the name is the rest */
		while (*rest == ' ' || *rest == '\t')
			rest++;
		f[n] = rest;
		rest += strcspn(rest, " \t");
		if (!*rest)
			break;
		*rest++ = 0;
	}
	if (n < 3)
		return fail(r, "code line needs: code goldstein plover name", NULL);
	if (!valid_code(f[0]))
		return fail(r, "not a CAMEO code", f[0]);
	char *end;
	double g = strtod(f[1], &end);
	if (*end || g < -10 || g > 10)
		return fail(r, "bad Goldstein score", f[1]);
	if (an_map_get(&e->code_ix, hstr(f[0])))
		return fail(r, "duplicate code", f[0]);
	an_evcode *c = AN_VEC_PUSH(e->strs, e->codes, e->ncodes, e->ccap);
	snprintf(c->code, sizeof c->code, "%s", f[0]);
	c->quad = (uint8_t)quad_of(f[0]);
	c->goldstein = (float)g;
	snprintf(c->gold, sizeof c->gold, "%.1f", (double)c->goldstein);
	c->plover = strcmp(f[2], "-") ? an_arena_strndup(e->strs, f[2], strlen(f[2])) : NULL;
	while (*rest == ' ' || *rest == '\t')
		rest++;
	c->name = an_arena_strndup(e->strs, rest, strlen(rest));
	an_map_put(&e->code_ix, hstr(f[0]), (uint32_t)e->ncodes - 1);
	return ANNALS_OK;
}

/* ---- patterns ---------------------------------------------------------- */

static int set_line(reader *r, char **f, int n)
{
	if (n < 3)
		return fail(r, "set needs: set NAME WORD...", NULL);
	uint64_t sh = hstr(f[1]);
	const uint32_t *ix = an_map_get(&r->e->sets, sh);
	uint32_t bit = ix ? *ix : r->e->nsets;
	if (!ix) {
		if (r->e->nsets == 31)
			return fail(r, "too many sets (31 at most)", NULL);
		an_map_put(&r->e->sets, sh, r->e->nsets++);
	}
	for (int i = 2; i < n; i++) {
		uint64_t h = hstr(f[i]);
		r->e->member_bits[h >> 48 & 1023] |= 1ULL << (h >> 58);
		uint32_t *m = an_map_get(&r->e->members, h);
		if (m)
			*m |= 1u << bit;
		else
			an_map_put(&r->e->members, h, 1u << bit);
	}
	return ANNALS_OK;
}

static int verb_line(reader *r, char **f, int n)
{
	an_evdict *e = r->e;
	if (n < 3)
		return fail(r, "verb needs: verb LEMMA FORM...", NULL);
	/* a verb listed again (in another file) gets the union of its forms */
	uint32_t *old = an_map_get(&e->verb_forms, hstr(f[1]));
	size_t nold = 0;
	if (old)
		while (e->forms[*old][nold])
			nold++;
	const char **list = an_arena_alloc(e->strs, (nold + (size_t)n) * sizeof *list);
	if (old)
		memcpy(list, e->forms[*old], nold * sizeof *list);
	for (int i = 1; i < n; i++)
		list[nold + (size_t)i - 1] = an_arena_strndup(e->strs, f[i], strlen(f[i]));
	list[nold + (size_t)n - 1] = NULL;
	if (old) {
		e->forms[*old] = list;
		return ANNALS_OK;
	}
	const char ***slot = AN_VEC_PUSH(e->strs, e->forms, e->nforms, e->fcap);
	*slot = list;
	an_map_put(&e->verb_forms, hstr(f[1]), (uint32_t)e->nforms - 1);
	return ANNALS_OK;
}

/* Parses one element ("word", "a|b", "&set", "..."). */
static int element(reader *r, const char *s, an_pel *el)
{
	an_evdict *e = r->e;
	memset(el, 0, sizeof *el);
	if (strcmp(s, "...") == 0) {
		el->type = AN_PE_GAP;
		return ANNALS_OK;
	}
	if (s[0] == '&') {
		if (!s[1])
			return fail(r, "empty set name", NULL);
		el->type = AN_PE_SET;
		el->alts = an_arena_alloc(e->strs, sizeof *el->alts);
		el->alts[0] = hstr(s + 1);
		return ANNALS_OK;
	}
	el->type = AN_PE_WORD;
	size_t n = 1;
	for (const char *p = s; *p; p++)
		n += *p == '|';
	el->alts = an_arena_alloc(e->strs, n * sizeof *el->alts);
	for (const char *p = s;;) {
		size_t l = strcspn(p, "|");
		if (!l)
			return fail(r, "empty alternative in", s);
		el->alts[el->nalt] = an_lower_hash(p, l);
		an_word_bit(el->alts[el->nalt++], el->mask);
		if (!p[l])
			break;
		p += l + 1;
	}
	return ANNALS_OK;
}

static int pattern_line(reader *r, char **f, int n, const char *text)
{
	an_evdict *e = r->e;
	uint32_t *ci = an_map_get(&e->code_ix, hstr(f[0]));
	if (!ci)
		return fail(r, "code not in codes.txt", f[0]);
	if (n < 2 || strcmp(f[1], "...") == 0 || f[1][0] == '&')
		return fail(r, "a pattern starts with a word", NULL);
	if (r->kind == 'v' && strchr(f[1], '|'))
		return fail(r, "a verb pattern starts with one lemma", f[1]);
	int need_target = strcmp(f[n - 1], "@") == 0;
	n -= need_target; /* "071 fund @": only with a target actor */
	if (n < 2)
		return fail(r, "a pattern starts with a word", NULL);
	if (strcmp(f[n - 1], "...") == 0)
		return fail(r, "a pattern cannot end with ...", NULL);
	an_pat p;
	memset(&p, 0, sizeof p);
	p.need_target = (uint8_t)need_target;
	p.code = (uint16_t)*ci;
	p.noun = r->kind == 'n';
	p.curated = (uint8_t)r->curated;
	p.text = an_arena_strndup(e->strs, text, strlen(text));
	p.file = r->file;
	p.line = (uint32_t)r->src->line;
	p.lemma = an_arena_strndup(e->strs, f[1], strlen(f[1]));
	int rc = element(r, f[1], &p.head);
	p.el = an_arena_alloc(e->strs, (size_t)n * sizeof *p.el);
	p.weight = 1;
	for (int i = 2; !rc && i < n; i++) {
		rc = element(r, f[i], &p.el[p.nel]);
		p.weight += p.el[p.nel].type != AN_PE_GAP;
		p.nel++;
	}
	if (rc)
		return rc;
	*AN_VEC_PUSH(e->strs, e->pats, e->npat, e->pcap) = p;
	return ANNALS_OK;
}

static int pattern_file_line(reader *r, char *s)
{
	char *f[64], text[1024];
	int n = fields(s, f, 64);
	if (n == 64)
		return fail(r, "too many elements", NULL);
	if (n == 0)
		return ANNALS_OK;
	size_t o = 0; /* the line as written, spaces collapsed */
	for (int i = 0; i < n && o < sizeof text; i++)
		o += (size_t)snprintf(text + o, sizeof text - o, i ? " %s" : "%s", f[i]);
	if (strcmp(f[0], "set") == 0)
		return set_line(r, f, n);
	if (strcmp(f[0], "verb") == 0) {
		if (r->kind != 'v')
			return fail(r, "verb lines belong in verbs files", NULL);
		return verb_line(r, f, n);
	}
	return pattern_line(r, f, n, text);
}

/* ---- files ------------------------------------------------------------- */

static int read_line(an_dfile *f, char *line)
{
	reader *r = f->ud;
	r->src = f;
	char *s = an_dfile_clean(line);
	if (!*s)
		return ANNALS_OK;
	return r->kind == 'c' ? code_line(r, s) : pattern_file_line(r, s);
}

/* Before each patterns file: its kind from its name, and its path kept. */
static void pick_file(void *ud, const char *path, const char *name)
{
	reader *r = ud;
	r->kind = name[0] == 'v' ? 'v' : 'n';
	r->curated = strstr(name, "-cameo") == NULL;
	r->file = an_arena_strndup(r->e->strs, path, strlen(path));
}

/* ---- the head index ----------------------------------------------------- */

/* A 19-bit sketch of a word: its length and first three letters, case
 * folded; a word and its head form have the same sketch. */
static inline uint32_t sketch(const char *s, size_t n)
{
	uint32_t a = (uint32_t)(s[0] | 32) & 31;
	uint32_t b = n > 1 ? (uint32_t)(s[1] | 32) & 31 : 0;
	uint32_t c = n > 2 ? (uint32_t)(s[2] | 32) & 31 : 0;
	return (uint32_t)(n & 15) << 15 | a << 10 | b << 5 | c;
}

int an_evdict_maybe_head(const an_evdict *e, const char *s, size_t n)
{
	uint32_t k = sketch(s, n);
	return e->sketch_bits[k >> 6] >> (k & 63) & 1;
}

static void index_form(an_evdict *e, const char *form, uint32_t pat)
{
	size_t fl = strlen(form);
	uint32_t k = sketch(form, fl);
	e->sketch_bits[k >> 6] |= 1ULL << (k & 63);
	uint64_t h = hstr(form);
	uint32_t *li = an_map_get(&e->heads, h);
	uint32_t l;
	if (li) {
		l = *li;
	} else {
		if (e->nlists == e->lscap) {
			e->lscap = e->lscap ? e->lscap * 2 : 1024;
			e->lists = an_realloc(e->mem, e->lists, e->lscap * sizeof *e->lists);
			e->nlist = an_realloc(e->mem, e->nlist, e->lscap * sizeof *e->nlist);
			e->lcap = an_realloc(e->mem, e->lcap, e->lscap * sizeof *e->lcap);
		}
		l = (uint32_t)e->nlists++;
		e->lists[l] = NULL;
		e->nlist[l] = e->lcap[l] = 0;
		an_map_put(&e->heads, h, l);
		e->head_bits[h >> 48 & 1023] |= 1ULL << (h >> 58);
	}
	for (uint32_t i = 0; i < e->nlist[l]; i++)
		if (e->lists[l][i] == pat)
			return;
	if (e->nlist[l] == e->lcap[l]) {
		e->lcap[l] = e->lcap[l] ? e->lcap[l] * 2 : 4;
		e->lists[l] = an_realloc(e->mem, e->lists[l], e->lcap[l] * sizeof **e->lists);
	}
	e->lists[l][e->nlist[l]++] = pat;
}

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Indexes pattern pat under the regular forms of lemma: -s/-es/-ies,
 * -ed/-d/-ied, -ing, and the doubled final consonant (stopped, planning)
 * for words ending consonant-vowel-consonant. Forms that are not English
 * words (visitted) cost nothing: they never occur in text. */
static void index_regular(an_evdict *e, const char *lemma, uint32_t pat)
{
	char b[80];
	size_t n = strlen(lemma);
	if (n < 2 || n > 60)
		return;
	char last = lemma[n - 1], prev = lemma[n - 2];
	int cy = last == 'y' && !is_vowel(prev);
	int sib = last == 's' || last == 'x' || last == 'z' ||
		  (last == 'h' && (prev == 'c' || prev == 's'));
	snprintf(b, sizeof b, cy ? "%.*sies" : sib ? "%.*ses" : "%.*ss",
		 (int)(cy ? n - 1 : n), lemma);
	index_form(e, b, pat);
	if (cy)
		snprintf(b, sizeof b, "%.*sied", (int)n - 1, lemma);
	else
		snprintf(b, sizeof b, last == 'e' ? "%sd" : "%sed", lemma);
	index_form(e, b, pat);
	if (last == 'e' && prev == 'i')
		snprintf(b, sizeof b, "%.*sying", (int)n - 2, lemma);
	else if (last == 'e' && prev != 'e')
		snprintf(b, sizeof b, "%.*sing", (int)n - 1, lemma);
	else
		snprintf(b, sizeof b, "%sing", lemma);
	index_form(e, b, pat);
	if (n >= 3 && !is_vowel(last) && is_vowel(prev) &&
	    !is_vowel(lemma[n - 3]) && last != 'w' && last != 'x' && last != 'y') {
		snprintf(b, sizeof b, "%s%ced", lemma, last);
		index_form(e, b, pat);
		snprintf(b, sizeof b, "%s%cing", lemma, last);
		index_form(e, b, pat);
	}
}

static const an_pat *sort_pats;

/* Head-list order: hand-written first, then longer, then as listed; so
 * the first pattern that matches is the best of its kind. */
static int cmp_pat(const void *a, const void *b)
{
	const an_pat *x = &sort_pats[*(const uint32_t *)a];
	const an_pat *y = &sort_pats[*(const uint32_t *)b];
	if (x->curated != y->curated)
		return y->curated - x->curated;
	if (x->weight != y->weight)
		return y->weight - x->weight;
	return *(const uint32_t *)a < *(const uint32_t *)b ? -1 : 1;
}

/* Pattern pi as a candidate (see an_cand). */
static void cand_of(const an_evdict *e, uint32_t pi, an_cand *cd)
{
	const an_pat *p = &e->pats[pi];
	const an_pel *fewest = NULL;
	int nw = 0;
	memset(cd, 0, sizeof *cd);
	cd->pat = pi;
	cd->noun = p->noun;
	for (uint8_t q = 0; q < p->nel; q++) {
		const an_pel *el = &p->el[q];
		if (el->type == AN_PE_SET)
			cd->sets |= el->setbit;
		if (el->type != AN_PE_WORD)
			continue;
		if (el->nalt == 1 && nw < AN_NEED_WORDS)
			cd->word[nw++] = an_word_key(el->alts[0]);
		else if (el->nalt > 1 && (!fewest || el->nalt < fewest->nalt))
			fewest = el;
	}
	if (fewest && fewest->nalt <= AN_NEED_ALTS) {
		int zero = 0;
		for (uint16_t a = 0; a < fewest->nalt; a++) {
			cd->alt[a] = an_word_key(fewest->alts[a]);
			zero |= !cd->alt[a];
		}
		if (zero) /* a key of 0 would end the list early */
			memset(cd->alt, 0, sizeof cd->alt);
	}
}

/* Sorts each head list, and lays out its candidates. */
static void sort_heads(an_evdict *e)
{
	sort_pats = e->pats;
	e->cands = an_calloc(e->mem, e->nlists ? e->nlists : 1, sizeof *e->cands);
	for (size_t l = 0; l < e->nlists; l++) {
		qsort(e->lists[l], e->nlist[l], sizeof **e->lists, cmp_pat);
		e->cands[l] = an_calloc(e->mem, (size_t)e->nlist[l] + 1, sizeof **e->cands);
		for (uint32_t k = 0; k < e->nlist[l]; k++)
			cand_of(e, e->lists[l][k], &e->cands[l][k]);
	}
	sort_pats = NULL;
}

static int build_index(an_evdict *e, char *err, size_t errcap)
{
	for (uint32_t i = 0; i < e->npat; i++) {
		an_pat *p = &e->pats[i];
		for (uint8_t k = 0; k < p->nel; k++) {
			if (p->el[k].type != AN_PE_SET)
				continue;
			const uint32_t *ix = an_map_get(&e->sets, p->el[k].alts[0]);
			if (!ix) {
				snprintf(err, errcap, "%s:%u: undefined set in: %s",
					 p->file, p->line, p->text);
				return ANNALS_EDATA;
			}
			p->el[k].setbit = 1u << *ix;
		}
		if (p->noun) { /* "attack|attacks" */
			char forms[256], *save = NULL;
			snprintf(forms, sizeof forms, "%s", p->lemma);
			for (char *f = strtok_r(forms, "|", &save); f;
			     f = strtok_r(NULL, "|", &save))
				index_form(e, f, i);
			continue;
		}
		index_form(e, p->lemma, i);
		uint32_t *fi = an_map_get(&e->verb_forms, hstr(p->lemma));
		if (!fi) {
			index_regular(e, p->lemma, i);
			continue;
		}
		for (const char **f = e->forms[*fi]; *f; f++)
			index_form(e, *f, i);
	}
	return ANNALS_OK;
}

/* ---- public ------------------------------------------------------------ */

int an_evdict_load(an_evdict **out, const char *dir, const annals_mem *mem,
		   char *err, size_t errcap)
{
	an_evdict *e = an_calloc(mem, 1, sizeof *e);
	e->mem = mem;
	e->strs = an_arena_new(mem);
	an_map_init(&e->code_ix, mem, 512);
	an_map_init(&e->verb_forms, mem, 512);
	an_map_init(&e->sets, mem, 64);
	an_map_init(&e->members, mem, 1024);
	an_map_init(&e->heads, mem, 4096);
	e->sketch_bits = an_calloc(mem, (1u << 19) / 64, sizeof(uint64_t));
	*out = e;
	reader r = {e, NULL, NULL, 'c', 1};
	static const char *const patterns[] = {"verbs", "nouns", NULL};
	char path[4096];
	snprintf(path, sizeof path, "%s/codes.txt", dir);
	int rc = an_dfile_read(path, read_line, &r, err, errcap);
	if (!rc && !e->ncodes) {
		snprintf(err, errcap, "%s: no codes", path);
		rc = ANNALS_EDATA;
	}
	if (!rc)
		rc = an_dfile_read_dir(dir, patterns, pick_file, read_line, &r, mem,
				       err, errcap);
	if (!rc)
		rc = build_index(e, err, errcap);
	if (!rc)
		sort_heads(e);
	return rc;
}

void an_evdict_free(an_evdict *e)
{
	if (!e)
		return;
	for (size_t i = 0; i < e->nlists; i++) {
		an_free(e->mem, e->lists[i]);
		if (e->cands)
			an_free(e->mem, e->cands[i]);
	}
	an_free(e->mem, e->cands);
	an_free(e->mem, e->lists);
	an_free(e->mem, e->nlist);
	an_free(e->mem, e->lcap);
	an_map_free(&e->code_ix);
	an_map_free(&e->verb_forms);
	an_map_free(&e->sets);
	an_map_free(&e->members);
	an_map_free(&e->heads);
	an_free(e->mem, e->sketch_bits);
	an_arena_free(e->strs);
	an_free(e->mem, e);
}

size_t an_evdict_npatterns(const an_evdict *e) { return e ? e->npat : 0; }

const an_evcode *an_evdict_code(const an_evdict *e, uint32_t i)
{
	return &e->codes[i];
}

const an_pat *an_evdict_pat(const an_evdict *e, uint32_t i)
{
	return &e->pats[i];
}

const an_cand *an_evdict_heads(const an_evdict *e, uint64_t h, uint32_t *n)
{
	if (!(e->head_bits[h >> 48 & 1023] >> (h >> 58) & 1))
		return NULL;
	uint32_t *li = an_map_get(&e->heads, h);
	if (!li)
		return NULL;
	*n = e->nlist[*li];
	return e->cands[*li];
}

uint32_t an_evdict_sets(const an_evdict *e, uint64_t h)
{
	if (!(e->member_bits[h >> 48 & 1023] >> (h >> 58) & 1))
		return 0;
	const uint32_t *m = an_map_get(&e->members, h);
	return m ? *m : 0;
}
