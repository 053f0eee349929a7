/*
 * support.c: who backs whom with what. A document's support claims come
 * from its events of the aid and cooperation codes (data/support says
 * which, and which words near the trigger name the kind: "sending money"
 * is funding, "Iran's support" unspecified) and from nouns that make one
 * actor another's instrument ("Hezbollah is Iran's puppet"). Claims are
 * gathered over the whole run into one record per (sponsor, recipient,
 * kind) with their evidence, dates and modality counts, and events that
 * several documents report (same source, target and code, compatible
 * dates) into incidents. Both are written when the run finishes, sponsors
 * and recipients with the hierarchy the dictionary knows above them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "doc.h"
#include "support.h"

/* ORDER SUPPORT_KIND */
static const char *const kind_names[AN_S_COUNT] = {
	"weapons", "funding", "training", "expertise", "materiel", "troops",
	"territory", "intelligence", "political", "unspecified"};

const char *an_support_kind_name(int kind)
{
	return kind >= 0 && kind < AN_S_COUNT ? kind_names[kind] : "unspecified";
}

static int kind_parse(const char *s)
{
	for (int k = 0; k < AN_S_COUNT; k++)
		if (strcmp(s, kind_names[k]) == 0)
			return k;
	return -1;
}

/* ---- the data ------------------------------------------------------------ */

#define MAX_CODES 64

typedef struct code_rule {
	char prefix[6];
	uint8_t kind;
	uint8_t need_word; /* "KIND?": only with a kind word near the trigger */
} code_rule;

struct an_supdict {
	const annals_mem *mem;
	code_rule codes[MAX_CODES];
	int ncodes;
	an_map words;     /* lower-case hash -> kind + 1 */
	an_map relations; /* lower-case hash -> kind + 1 */
	uint64_t rel_lens; /* bit per relation noun length, a quick test */
	uint32_t rel_firsts; /* bit per relation noun first letter, another */
};

static int split(char *s, char **f, int max)
{
	int n = 0;
	while (*s && n < max) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		f[n++] = s;
		while (*s && *s != ' ' && *s != '\t')
			s++;
		if (*s)
			*s++ = 0;
	}
	return n;
}

static int code_line(an_dfile *f, an_supdict *sd, char **w, int n)
{
	if (n != 3)
		return an_dfile_fail(f, "expected: code CODE KIND", NULL);
	size_t cl = strlen(w[1]), kl = strlen(w[2]);
	if (cl < 2 || cl > 4 || strspn(w[1], "0123456789") != cl)
		return an_dfile_fail(f, "not a CAMEO code", w[1]);
	if (sd->ncodes == MAX_CODES)
		return an_dfile_fail(f, "too many code lines", NULL);
	code_rule *r = &sd->codes[sd->ncodes];
	r->need_word = w[2][kl - 1] == '?';
	if (r->need_word)
		w[2][kl - 1] = 0;
	int k = kind_parse(w[2]);
	if (k < 0)
		return an_dfile_fail(f, "unknown support kind", w[2]);
	memcpy(r->prefix, w[1], cl + 1);
	r->kind = (uint8_t)k;
	sd->ncodes++;
	return ANNALS_OK;
}

static int word_line(an_dfile *f, an_supdict *sd, char **w, int n, int rel)
{
	int k = n > 1 ? kind_parse(w[1]) : -1;
	if (k < 0)
		return an_dfile_fail(f, "unknown support kind", n > 1 ? w[1] : NULL);
	if (n < 3)
		return an_dfile_fail(f, "no words after the kind", NULL);
	for (int i = 2; i < n; i++) {
		size_t l = strlen(w[i]);
		for (size_t j = 0; j < l; j++)
			if (!(w[i][j] >= 'a' && w[i][j] <= 'z') &&
			    !(w[i][j] == '-' && !rel && j > 0 && j + 1 < l))
				return an_dfile_fail(f, "words are lower-case letters (and inner hyphens)",
						     w[i]);
		an_map_put(rel ? &sd->relations : &sd->words, an_lower_hash(w[i], l),
			   (uint32_t)k + 1);
		if (rel) {
			sd->rel_lens |= 1ULL << (l < 63 ? l : 63);
			sd->rel_firsts |= 1u << (w[i][0] - 'a');
		}
	}
	return ANNALS_OK;
}

static int sup_line(an_dfile *f, char *line)
{
	an_supdict *sd = f->ud;
	char *s = an_dfile_clean(line), *w[64];
	if (!*s)
		return ANNALS_OK;
	int n = split(s, w, 64);
	if (strcmp(w[0], "code") == 0)
		return code_line(f, sd, w, n);
	if (strcmp(w[0], "kind") == 0)
		return word_line(f, sd, w, n, 0);
	if (strcmp(w[0], "relation") == 0)
		return word_line(f, sd, w, n, 1);
	return an_dfile_fail(f, "expected code, kind or relation", w[0]);
}

int an_supdict_load(an_supdict **out, const char *dir, const annals_mem *mem,
		    char *err, size_t errcap)
{
	an_supdict *sd = mem->calloc(1, sizeof *sd);
	*out = sd;
	if (!sd)
		return ANNALS_EIO;
	sd->mem = mem;
	an_map_init(&sd->words, mem, 256);
	an_map_init(&sd->relations, mem, 32);
	return an_dfile_read_dir(dir, NULL, NULL, sup_line, sd, mem, err, errcap);
}

void an_supdict_free(an_supdict *sd)
{
	if (!sd)
		return;
	an_map_free(&sd->words);
	an_map_free(&sd->relations);
	sd->mem->free(sd);
}

/* The rule of the longest listed prefix of a code, or NULL. */
static const code_rule *rule_of(const an_supdict *sd, const char *code)
{
	const code_rule *best = NULL;
	size_t bl = 0;
	for (int i = 0; i < sd->ncodes; i++) {
		size_t l = strlen(sd->codes[i].prefix);
		if (l > bl && strncmp(code, sd->codes[i].prefix, l) == 0) {
			best = &sd->codes[i];
			bl = l;
		}
	}
	return best;
}

/* ---- run-level tables ---------------------------------------------------- */

/* A piece of evidence: an event of a document (ev = its number from 1),
 * or a sentence span (ev 0). */
typedef struct evref {
	uint32_t doc, ev, sent;
	uint32_t start, end; /* original bytes of the sentence */
} evref;

enum { MOD_ASSERTED, MOD_REPORTED, MOD_CLAIMED, MOD_HYPOTHETICAL, MOD_COUNT };
static const char *const mod_names[MOD_COUNT] = {"asserted", "reported",
						  "claimed", "hypothetical"};

typedef struct claim {
	uint32_t sponsor, recipient; /* entity rows */
	uint8_t kind;
	char first[11], last[11];
	char when[11];   /* the latest date seen, evidence or document */
	uint32_t ndocs, last_doc;
	uint32_t mod[MOD_COUNT];
	evref *ev;
	size_t nev, evcap;
} claim;

/* An event that may report an incident, kept by a document's table until
 * the run's table clusters it (an_support_merge). */
typedef struct cand {
	uint32_t src, tgt;
	const an_evcode *code;
	char date[11];
	evref ref;
} cand;

typedef struct incident {
	uint32_t src, tgt;
	const an_evcode *code;
	char date[11];
	uint32_t ndocs, last_doc;
	uint32_t prev; /* the key's cluster before this one, + 1 */
	evref *ev;
	size_t nev, evcap;
} incident;

struct an_suptab {
	const annals_mem *mem;
	an_arena *a;
	const char **docs; /* ids of the documents with evidence */
	size_t ndoc, doccap;
	claim *c;
	size_t n, cap;
	an_map by_key; /* (sponsor, recipient, kind) -> claim */
	incident *inc;
	size_t ninc, inccap;
	an_map inc_last; /* (source, target, code) -> its latest cluster + 1 */
	cand *cand;      /* a document's table: its incident candidates */
	size_t ncand, candcap;
};

an_suptab *an_suptab_new(const annals_mem *mem)
{
	an_suptab *t = mem->calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->mem = mem;
	t->a = an_arena_new(mem);
	an_map_init(&t->by_key, mem, 64);
	an_map_init(&t->inc_last, mem, 256);
	return t;
}

void an_suptab_reset(an_suptab *t)
{
	an_arena_reset(t->a);
	t->docs = NULL;
	t->ndoc = t->doccap = 0;
	t->c = NULL;
	t->cand = NULL;
	t->ncand = t->candcap = 0;
	t->n = t->cap = 0;
	t->inc = NULL;
	t->ninc = t->inccap = 0;
	an_map_clear(&t->by_key);
	an_map_clear(&t->inc_last);
}

void an_suptab_free(an_suptab *t)
{
	if (!t)
		return;
	an_map_free(&t->by_key);
	an_map_free(&t->inc_last);
	an_arena_free(t->a);
	t->mem->free(t);
}

/* The index of the document in its own table's docs, added on first use. */
static uint32_t doc_index(an_suptab *t, const an_doc *d)
{
	if (!t->ndoc)
		*AN_VEC_PUSH(t->a, t->docs, t->ndoc, t->doccap) =
			an_arena_strndup(t->a, d->id, strlen(d->id));
	return 0;
}

static evref ref_of(an_suptab *t, const an_doc *d, uint32_t sent, uint32_t ev)
{
	const an_sent *s = &d->seg.sent[sent];
	evref r = {doc_index(t, d), ev, sent, an_text_orig(&d->text, s->off),
		   an_text_orig_end(&d->text, s->end)};
	return r;
}

/* Keeps the earliest and latest of ISO dates of any precision. */
static void widen(char *first, char *last, const char *date)
{
	if (!date || !*date)
		return;
	if (!*first || strcmp(date, first) < 0)
		memcpy(first, date, 11);
	if (!*last || strcmp(date, last) > 0)
		memcpy(last, date, 11);
}

static int mod_index(const char *m)
{
	for (int i = 0; i < MOD_COUNT; i++)
		if (m && strcmp(m, mod_names[i]) == 0)
			return i;
	return MOD_ASSERTED;
}

static int chain(const an_etab *et, uint32_t r, const char *date,
		 const char **out, int max);

/* Whether one of two actors belongs to the other ("the U.S. military" to
 * the United States): backing one's own is no support claim. */
static int one_actor(const an_etab *et, uint32_t a, uint32_t b, const char *date)
{
	const char *up[8];
	for (int pass = 0; pass < 2; pass++) {
		uint32_t x = pass ? b : a, y = pass ? a : b;
		int n = chain(et, x, date, up, 8);
		for (int k = 0; k < n; k++)
			if (strcmp(up[k], et->rows[y].id) == 0)
				return 1;
	}
	return 0;
}

/* The claim (sponsor, recipient, kind) of table t, made on first use. */
static claim *claim_of(an_suptab *t, uint32_t sp, uint32_t rc, int kind)
{
	uint64_t key = an_mix(an_mix(sp + 1, rc + 1), (uint64_t)kind + 1);
	uint32_t *ix = an_map_get(&t->by_key, key);
	if (ix)
		return &t->c[*ix];
	an_map_put(&t->by_key, key, (uint32_t)t->n);
	claim *c = AN_VEC_PUSH(t->a, t->c, t->n, t->cap);
	memset(c, 0, sizeof *c);
	c->sponsor = sp;
	c->recipient = rc;
	c->kind = (uint8_t)kind;
	c->last_doc = UINT32_MAX;
	return c;
}

/* Adds a piece of evidence to the claim (sponsor, recipient, kind). */
static void add_claim(an_suptab *t, const an_doc *d, uint32_t sp, uint32_t rc,
		      int kind, evref r, const char *date, const char *modality)
{
	const char *when = date && *date ? date : d->date;
	if (one_actor(d->ents, sp, rc, when))
		return;
	claim *c = claim_of(t, sp, rc, kind);
	if (c->nev && c->ev[c->nev - 1].doc == r.doc && c->ev[c->nev - 1].sent == r.sent)
		return; /* one piece of evidence per sentence */
	const an_rent *rows = d->ents->rows;
	if (r.ev)
		an_trace(d, "support %s -> %s: %s, from event %u of sentence %u (%s)",
			 rows[sp].id, rows[rc].id, kind_names[kind], r.ev, r.sent,
			 modality);
	else
		an_trace(d, "support %s -> %s: %s, from a relation noun in sentence %u",
			 rows[sp].id, rows[rc].id, kind_names[kind], r.sent);
	*AN_VEC_PUSH(t->a, c->ev, c->nev, c->evcap) = r;
	if (c->last_doc != r.doc) {
		c->ndocs++;
		c->last_doc = r.doc;
	}
	c->mod[mod_index(modality)]++;
	widen(c->first, c->last, date);
	if (when && strcmp(when, c->when) > 0)
		snprintf(c->when, sizeof c->when, "%s", when);
}

/* ---- claims from events ------------------------------------------------- */

/* The kind of support the word at token i names, + 1, or 0. A hyphen
 * joining two words ("know-how") is looked up as the whole compound. */
static uint32_t kind_word(const an_supdict *sd, const an_doc *d, uint32_t i)
{
	const an_tok *k = &d->seg.tok[i];
	if (k->kind == AN_TK_WORD) {
		uint32_t *v = an_map_get(&sd->words, an_lower_hash(d->text.s + k->off, k->len));
		return v ? *v : 0;
	}
	if (!(k->len == 1 && d->text.s[k->off] == '-') || i == 0 || i + 1 >= d->seg.ntok)
		return 0;
	const an_tok *a = k - 1, *b = k + 1;
	if (a->off + a->len != k->off || k->off + 1 != b->off)
		return 0;
	uint32_t *v = an_map_get(&sd->words, an_lower_hash(d->text.s + a->off,
							   b->off + b->len - a->off));
	return v ? *v : 0;
}

/* The tokens [*t0, *t1) of the event's trigger. */
static void trigger_tokens(const an_doc *d, const an_event *e, uint32_t *t0,
			   uint32_t *t1)
{
	const an_sent *s = &d->seg.sent[e->sent];
	uint32_t i = s->t0;
	while (i < s->t1 && d->seg.tok[i].off < e->trig0)
		i++;
	*t0 = i;
	while (i < s->t1 && d->seg.tok[i].off < e->trig1)
		i++;
	*t1 = i;
}

/* The kind named near the trigger [t0, t1), within `before` tokens before
 * it and `after` after: the nearest word of a specific kind ("sent money",
 * "assistance from U.S. satellites"), else AN_S_UNSPECIFIED for a word
 * such as "support", else -1. */
static int kind_near(const an_supdict *sd, const an_doc *d, uint32_t sent,
		     uint32_t t0, uint32_t t1, uint32_t before, uint32_t after)
{
	const an_sent *s = &d->seg.sent[sent];
	uint32_t lo = t0 > s->t0 + before ? t0 - before : s->t0;
	uint32_t hi = t1 + after < s->t1 ? t1 + after : s->t1;
	int best = -1;
	uint32_t bestd = UINT32_MAX;
	for (uint32_t i = lo; i < hi; i++) {
		uint32_t v = kind_word(sd, d, i);
		if (!v)
			continue;
		int kind = (int)v - 1;
		uint32_t dist = i < t0 ? t0 - i : i >= t1 ? i - t1 + 1 : 0;
		if (kind == AN_S_UNSPECIFIED) {
			if (best < 0)
				best = kind;
		} else if (best < 0 || best == AN_S_UNSPECIFIED || dist < bestd) {
			best = kind;
			bestd = dist;
		}
	}
	return best;
}

/* The kinds listed as what the trigger [t0, t1) gives, up to the
 * preposition that names the recipient: "supplying money, arms and
 * training to Hamas" (a bit per kind). */
static unsigned kinds_listed(const an_supdict *sd, const an_doc *d, uint32_t sent,
			     uint32_t t0, uint32_t t1)
{
	AN_WORDSET(ends, "to", "for", "with", "from", "by", ".", ";");
	const an_sent *s = &d->seg.sent[sent];
	unsigned kinds = 0;
	for (uint32_t i = t0; i < s->t1 && i < t1 + 8; i++) {
		const an_tok *k = &d->seg.tok[i];
		if (i >= t1 && an_words_has_lower(&ends, &d->text, k))
			break;
		uint32_t v = kind_word(sd, d, i);
		if (v && v - 1 != AN_S_UNSPECIFIED)
			kinds |= 1u << (v - 1);
	}
	return kinds;
}

/* Whether the trigger at t0 is what someone is asked to do: "called on the
 * world to support", "urged Iran to stop arming" (a request claims no
 * support). */
static int requested(const an_doc *d, uint32_t sent, uint32_t t0)
{
	AN_WORDSET(appeals, "call", "calls", "called", "calling", "urge", "urges",
		"urged", "urging", "ask", "asks", "asked", "asking", "appeal",
		"appeals", "appealed", "appealing", "demand", "demands", "demanded",
		"demanding", "request", "requests", "requested", "requesting",
		"press", "pressed", "pressing", "encourage", "encouraged");
	const an_sent *s = &d->seg.sent[sent];
	for (uint32_t i = t0; i-- > s->t0 && i + 12 > t0;)
		if (an_words_has_lower(&appeals, &d->text, &d->seg.tok[i]))
			return 1;
	return 0;
}

/* The claims of an event: the kinds its words name, else its code's. */
static void event_claims(an_suptab *t, const an_supdict *sd, const an_doc *d)
{
	for (size_t i = 0; i < d->nev; i++) {
		const an_event *e = &d->ev[i];
		if (e->tgt == AN_NONE || e->tgt == e->src ||
		    strcmp(e->modality, "negated") == 0)
			continue;
		const code_rule *r = rule_of(sd, e->code->code);
		if (!r)
			continue;
		uint32_t t0, t1;
		trigger_tokens(d, e, &t0, &t1);
		if (requested(d, e->sent, t0))
			continue;
		/* a rule that needs a word finds it in the trigger or its
		 * object ("expressed support", "offered Iranian support"),
		 * not further on ("thanked Iran for its support") */
		int kind = r->need_word ? kind_near(sd, d, e->sent, t0, t1, 0, 3) :
					  kind_near(sd, d, e->sent, t0, t1, 3, 8);
		if (kind < 0 && r->need_word)
			continue;
		if (kind < 0 || kind == AN_S_UNSPECIFIED)
			kind = r->kind;
		unsigned kinds = kinds_listed(sd, d, e->sent, t0, t1);
		if (!(kinds & (kinds - 1)))
			kinds = 1u << kind; /* one kind or none listed: the nearest */
		evref ref = ref_of(t, d, e->sent, (uint32_t)i + 1);
		for (int k = 0; k < AN_S_COUNT; k++)
			if (kinds >> k & 1)
				add_claim(t, d, e->src, e->tgt, k, ref, e->date, e->modality);
	}
}

/* ---- claims from relation nouns ----------------------------------------- */

/* The mention that ends right before token i (skipping a comma or a
 * copula): the actor a phrase at i describes ("Hezbollah, Iran's proxy",
 * "Hezbollah is Iran's puppet"), or -1. */
static long described_actor(const an_doc *d, uint32_t i, uint32_t s0)
{
	AN_WORDSET(links, ",", "is", "was", "are", "were", "became", "remains",
		"remained", "as");
	if (i <= s0 + 1 || !an_words_has_lower(&links, &d->text, &d->seg.tok[i - 1]))
		return -1;
	long m = an_doc_ment_at(d, i - 2);
	return m >= 0 && d->ment[m].t1 == i - 1 ? m : -1;
}

/* A claim from the relation noun at token i of sentence s. */
static void relation_claim(an_suptab *t, const an_doc *d, const an_sent *s,
			   uint32_t i, int kind)
{
	AN_WORDSET(articles, "a", "an", "the");
	uint32_t j = i;
	while (j > s->t0 && j + 3 > i && d->seg.tok[j - 1].flags & TF_LOWER &&
	       !an_words_has_lower(&articles, &d->text, &d->seg.tok[j - 1]))
		j--; /* "main", "key" */
	long owner = -1, named = -1, m;
	if (j >= s->t0 + 2 && d->seg.tok[j - 1].flags & TF_POSS &&
	    (m = an_doc_ment_at(d, j - 2)) >= 0) { /* "Iran's proxy" */
		owner = m;
		j = d->ment[m].t0;
	} else if (j > s->t0 && (m = an_doc_ment_at(d, j - 1)) >= 0 &&
		   d->ment[m].how == AN_H_DEMONYM) { /* "an Iranian proxy" */
		owner = m;
		j = d->ment[m].t0;
	} else if (an_doc_word_is(d, i + 1, "of")) { /* "a proxy of Iran" */
		owner = an_doc_ment_at(d, i + 2 + an_doc_word_is(d, i + 2, "the"));
	}
	if (owner < 0)
		return;
	if (j > s->t0 && an_words_has_lower(&articles, &d->text, &d->seg.tok[j - 1]))
		j--;
	m = an_doc_ment_at(d, i + 1);
	if (m >= 0 && d->ment[m].t0 == i + 1) /* "Iran's proxy Hezbollah" */
		named = m;
	else
		named = described_actor(d, j, s->t0);
	if (named < 0 || d->ment[named].ent == d->ment[owner].ent)
		return;
	evref ref = ref_of(t, d, (uint32_t)(s - d->seg.sent), 0);
	add_claim(t, d, d->ment[owner].ent, d->ment[named].ent, kind, ref, NULL,
		  "asserted");
}

static void relation_claims(an_suptab *t, const an_supdict *sd, const an_doc *d)
{
	/* a claim needs two actors: only sentences naming two are read */
	for (size_t m = 1; m < d->nment; m++) {
		uint32_t x = d->seg.tok[d->ment[m].t0].sent;
		if (d->seg.tok[d->ment[m - 1].t0].sent != x ||
		    (m + 1 < d->nment && d->seg.tok[d->ment[m + 1].t0].sent == x))
			continue; /* not the second mention of x, or not the last */
		const an_sent *s = &d->seg.sent[x];
		for (uint32_t i = s->t0; i < s->t1; i++) {
			const an_tok *k = &d->seg.tok[i];
			if (k->kind != AN_TK_WORD || !(k->flags & TF_LOWER) ||
			    k->flags & TF_EXCL || k->c0 < 'a' || k->c0 > 'z' ||
			    !(sd->rel_firsts >> (k->c0 - 'a') & 1) ||
			    !(sd->rel_lens >> (k->len < 63 ? k->len : 63) & 1))
				continue;
			uint32_t *v = an_map_get(&sd->relations,
						 an_lower_hash(d->text.s + k->off, k->len));
			if (v)
				relation_claim(t, d, s, i, (int)*v - 1);
		}
	}
}

/* ---- incidents ------------------------------------------------------------ */

/* Whether two dates may name one day: one is a prefix of the other
 * ("2018-01" and "2018-01-05"). */
static int compatible(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	return strncmp(a, b, la < lb ? la : lb) == 0;
}

/* Clusters at most this many of a key's latest incidents are compared
 * with a new event, so a frequent dyad costs no more than that. */
#define INCIDENT_LOOKBACK 16

/* Adds an event of the document to its table's incident candidates. */
static void add_incident(an_suptab *t, const an_doc *d, size_t i)
{
	const an_event *e = &d->ev[i];
	if (!*e->date || e->tgt == AN_NONE)
		return; /* no date of its own, or no target: no telling two
			 * reports of one event from two events */
	cand *c = AN_VEC_PUSH(t->a, t->cand, t->ncand, t->candcap);
	c->src = e->src;
	c->tgt = e->tgt;
	c->code = e->code;
	memcpy(c->date, e->date, sizeof c->date);
	c->ref = ref_of(t, d, e->sent, (uint32_t)i + 1);
}

/* Adds a candidate (rows of the run's table, evidence of the run's
 * documents) to the cluster of the same source, target and code with a
 * compatible date among the latest few, or to a new cluster. */
static void cluster(an_suptab *t, const cand *e)
{
	uint64_t key = an_mix(an_mix(e->src + 1, e->tgt + 1), (uint64_t)(uintptr_t)e->code);
	uint32_t *last = an_map_get(&t->inc_last, key), at = last ? *last : 0;
	incident *c = NULL;
	for (int n = 0; at && n < INCIDENT_LOOKBACK; n++, at = t->inc[at - 1].prev)
		if (compatible(t->inc[at - 1].date, e->date)) {
			c = &t->inc[at - 1];
			break;
		}
	if (!c) {
		c = AN_VEC_PUSH(t->a, t->inc, t->ninc, t->inccap);
		memset(c, 0, sizeof *c);
		c->src = e->src;
		c->tgt = e->tgt;
		c->code = e->code;
		snprintf(c->date, sizeof c->date, "%s", e->date);
		c->last_doc = UINT32_MAX;
		c->prev = last ? *last : 0;
		an_map_put(&t->inc_last, key, (uint32_t)t->ninc);
	}
	if (c->last_doc != e->ref.doc) {
		c->ndocs++;
		c->last_doc = e->ref.doc;
	}
	*AN_VEC_PUSH(t->a, c->ev, c->nev, c->evcap) = e->ref;
}

void an_support_run(an_doc *d)
{
	annals_ctx *ctx = d->ctx;
	an_suptab *t = d->co->sup;
	if (!ctx->supdict || !t)
		return;
	event_claims(t, ctx->supdict, d);
	relation_claims(t, ctx->supdict, d);
	for (size_t i = 0; i < d->nev; i++)
		add_incident(t, d, i);
}

void an_support_merge(annals_ctx *ctx, const an_suptab *from, const uint32_t *map)
{
	an_suptab *t = ctx->sup;
	if (!t || !from || !from->ndoc)
		return;
	*AN_VEC_PUSH(t->a, t->docs, t->ndoc, t->doccap) =
		an_arena_strndup(t->a, from->docs[0], strlen(from->docs[0]));
	uint32_t doc = (uint32_t)t->ndoc - 1;
	for (size_t i = 0; i < from->n; i++) {
		const claim *f = &from->c[i];
		claim *c = claim_of(t, map[f->sponsor], map[f->recipient], f->kind);
		for (size_t k = 0; k < f->nev; k++) {
			evref r = f->ev[k];
			r.doc = doc;
			*AN_VEC_PUSH(t->a, c->ev, c->nev, c->evcap) = r;
		}
		if (c->last_doc != doc) {
			c->ndocs++;
			c->last_doc = doc;
		}
		for (int m = 0; m < MOD_COUNT; m++)
			c->mod[m] += f->mod[m];
		widen(c->first, c->last, f->first);
		widen(c->first, c->last, f->last);
		if (strcmp(f->when, c->when) > 0)
			memcpy(c->when, f->when, sizeof c->when);
	}
	for (size_t i = 0; i < from->ncand; i++) {
		cand e = from->cand[i];
		e.src = map[e.src];
		e.tgt = map[e.tgt];
		e.ref.doc = doc;
		cluster(t, &e);
	}
}

/* ---- the hierarchy above an actor --------------------------------------- */

static int in_range(const char *date, const char *from, const char *until)
{
	return (!from || strcmp(date, from) >= 0) && (!until || strcmp(date, until) < 0);
}

/* The organisation a person belonged to on date (NULL: the last listed):
 * the one of the role held then. */
static const char *role_org(const an_ent *e, const char *date)
{
	const char *org = NULL;
	for (unsigned i = 0; i < e->nroles; i++) {
		if (!e->roles[i].of)
			continue;
		if (date && in_range(date, e->roles[i].from, e->roles[i].until))
			return e->roles[i].of;
		org = e->roles[i].of;
	}
	return org;
}

/* The ids above entity row r, nearest first: a person's organisation (by
 * the role held on date), then each first parent up to a state ("quds-force",
 * "irgc", "iran"). Returns how many (at most max). */
static int chain(const an_etab *et, uint32_t r, const char *date,
		 const char **out, int max)
{
	const an_rent *row = &et->rows[r];
	const an_dict *dict = et->dict;
	const an_ent *e = row->dict != AN_NONE ? an_dict_ent(dict, row->dict) : NULL;
	const char *up = e && e->kind == AN_K_PERSON ? role_org(e, date) :
			 e && e->nparents ? e->parents[0] : row->role_of;
	int n = 0;
	while (up && n < max) {
		int seen = strcmp(up, row->id) == 0;
		for (int k = 0; k < n; k++)
			seen |= strcmp(out[k], up) == 0;
		uint32_t di = an_dict_find(dict, up);
		if (seen || di == AN_NONE)
			break;
		e = an_dict_ent(dict, di);
		out[n++] = e->id;
		up = e->nparents ? e->parents[0] : NULL;
	}
	return n;
}

/* ---- records at the end of the run -------------------------------------- */

#define MAX_CHAIN 8

static void put_chain(an_buf *b, const an_etab *et, uint32_t r, const char *date)
{
	const char *up[MAX_CHAIN];
	int n = chain(et, r, date, up, MAX_CHAIN);
	an_buf_putc(b, '[');
	for (int k = 0; k < n; k++) {
		an_buf_putc(b, k ? ',' : '"');
		if (k)
			an_buf_putc(b, '"');
		an_buf_puts(b, up[k]);
		an_buf_putc(b, '"');
	}
	an_buf_putc(b, ']');
}

static void put_evidence(an_buf *b, const an_suptab *t, const evref *ev, size_t n)
{
	an_buf_puts(b, ",\"evidence\":[");
	for (size_t i = 0; i < n; i++) {
		const evref *r = &ev[i];
		if (i)
			an_buf_putc(b, ',');
		if (r->ev) {
			char id[340];
			snprintf(id, sizeof id, "%.300s#e%u", t->docs[r->doc], r->ev);
			an_buf_json_strz(b, id);
			continue;
		}
		an_buf_puts(b, "{\"doc\":");
		an_buf_json_strz(b, t->docs[r->doc]);
		an_buf_printf(b, ",\"start\":%u,\"end\":%u}", r->start, r->end);
	}
	an_buf_putc(b, ']');
}

static void put_date(an_buf *b, const char *key, const char *date)
{
	an_buf_printf(b, ",\"%s\":", key);
	an_buf_json_strz(b, *date ? date : NULL);
}

static void write_claim(const an_suptab *t, const an_etab *et, const claim *c,
			an_buf *b)
{
	const an_rent *rows = et->rows;
	const char *when = *c->when ? c->when : NULL;
	an_buf_puts(b, "{\"type\":\"support\",\"sponsor\":");
	an_buf_json_strz(b, rows[c->sponsor].id);
	an_buf_puts(b, ",\"recipient\":");
	an_buf_json_strz(b, rows[c->recipient].id);
	an_buf_printf(b, ",\"kind\":\"%s\"", kind_names[c->kind]);
	put_date(b, "first", c->first);
	put_date(b, "last", c->last);
	an_buf_printf(b, ",\"docs\":%u,\"modality\":{", c->ndocs);
	for (int m = 0, any = 0; m < MOD_COUNT; m++)
		if (c->mod[m]) {
			an_buf_printf(b, "%s\"%s\":%u", any++ ? "," : "", mod_names[m], c->mod[m]);
		}
	an_buf_puts(b, "},\"sponsor_chain\":");
	put_chain(b, et, c->sponsor, when);
	an_buf_puts(b, ",\"recipient_chain\":");
	put_chain(b, et, c->recipient, when);
	put_evidence(b, t, c->ev, c->nev);
	an_buf_puts(b, "}\n");
}

static void write_incident(const an_suptab *t, const an_etab *et, const incident *c,
			   size_t n, an_buf *b)
{
	const an_rent *rows = et->rows;
	an_buf_printf(b, "{\"type\":\"incident\",\"id\":\"i%zu\",\"source\":", n);
	an_buf_json_strz(b, rows[c->src].id);
	an_buf_puts(b, ",\"target\":");
	an_buf_json_strz(b, c->tgt != AN_NONE ? rows[c->tgt].id : NULL);
	an_buf_printf(b, ",\"code\":\"%s\"", c->code->code);
	put_date(b, "date", c->date);
	an_buf_printf(b, ",\"docs\":%u", c->ndocs);
	put_evidence(b, t, c->ev, c->nev);
	an_buf_puts(b, "}\n");
}

size_t an_support_write(const an_suptab *t, const an_etab *et, an_buf *b,
			size_t *incidents)
{
	size_t n = 0;
	for (size_t i = 0; t && i < t->n; i++)
		write_claim(t, et, &t->c[i], b);
	for (size_t i = 0; t && i < t->ninc; i++)
		if (t->inc[i].ndocs > 1)
			write_incident(t, et, &t->inc[i], ++n, b);
	*incidents = n;
	return t ? t->n : 0;
}

/* ---- the network table -------------------------------------------------- */

typedef struct netrow {
	const char *sponsor, *recipient;
	unsigned kinds; /* bit per kind */
	char first[11], last[11];
	uint32_t *docs; /* document indices of the evidence, repeats included */
	size_t ndocs, cap, nev, sources;
} netrow;

/* The id an actor is shown under: its own, or with rollup the top of its
 * hierarchy. */
static const char *shown_id(const annals_ctx *ctx, uint32_t r, const char *date,
			    int rollup)
{
	const char *up[MAX_CHAIN];
	int n = rollup ? chain(&ctx->ents, r, date, up, MAX_CHAIN) : 0;
	return n ? up[n - 1] : ctx->ents.rows[r].id;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_rows(const void *a, const void *b)
{
	const netrow *x = a, *y = b;
	if (x->sources != y->sources)
		return x->sources > y->sources ? -1 : 1;
	if (x->nev != y->nev)
		return x->nev > y->nev ? -1 : 1;
	int c = strcmp(x->sponsor, y->sponsor);
	return c ? c : strcmp(x->recipient, y->recipient);
}

/* The claims grouped by (sponsor, recipient) as shown; sets *n. */
static netrow *net_rows(annals_ctx *ctx, int rollup, size_t *n)
{
	an_suptab *t = ctx->sup;
	netrow *rows = NULL;
	size_t cap = 0;
	an_map ix;
	an_map_init(&ix, ctx->mem, 64);
	*n = 0;
	for (size_t i = 0; i < t->n; i++) {
		const claim *c = &t->c[i];
		const char *when = *c->when ? c->when : NULL;
		const char *sp = shown_id(ctx, c->sponsor, when, rollup);
		const char *rc = shown_id(ctx, c->recipient, when, rollup);
		if (strcmp(sp, rc) == 0)
			continue; /* rolled up into one actor */
		uint64_t key = an_mix(an_lower_hash(sp, strlen(sp)), an_lower_hash(rc, strlen(rc)));
		uint32_t *at = an_map_get(&ix, key);
		netrow *r;
		if (at) {
			r = &rows[*at];
		} else {
			an_map_put(&ix, key, (uint32_t)*n);
			r = AN_VEC_PUSH(t->a, rows, *n, cap);
			memset(r, 0, sizeof *r);
			r->sponsor = sp;
			r->recipient = rc;
		}
		r->kinds |= 1u << c->kind;
		widen(r->first, r->last, c->first);
		widen(r->first, r->last, c->last);
		r->nev += c->nev;
		for (size_t k = 0; k < c->nev; k++)
			*AN_VEC_PUSH(t->a, r->docs, r->ndocs, r->cap) = c->ev[k].doc;
	}
	an_map_free(&ix);
	for (size_t i = 0; i < *n; i++) {
		netrow *r = &rows[i];
		qsort(r->docs, r->ndocs, sizeof *r->docs, cmp_u32);
		for (size_t k = 0; k < r->ndocs; k++)
			r->sources += !k || r->docs[k] != r->docs[k - 1];
	}
	if (*n)
		qsort(rows, *n, sizeof *rows, cmp_rows);
	return rows;
}

static void kinds_text(unsigned kinds, char *out, size_t cap)
{
	size_t o = 0;
	out[0] = 0;
	for (int k = 0; k < AN_S_COUNT; k++)
		if (kinds >> k & 1)
			o += (size_t)snprintf(out + o, o < cap ? cap - o : 0, "%s%s",
					      o ? "," : "", kind_names[k]);
}

void an_support_table(annals_ctx *ctx, an_buf *b, int rollup)
{
	size_t n = 0;
	netrow *rows = ctx->sup ? net_rows(ctx, rollup, &n) : NULL;
	int ws = 7, wr = 9, wk = 5;
	char kinds[160];
	for (size_t i = 0; i < n; i++) {
		int l = (int)strlen(rows[i].sponsor);
		ws = l > ws ? l : ws;
		l = (int)strlen(rows[i].recipient);
		wr = l > wr ? l : wr;
		kinds_text(rows[i].kinds, kinds, sizeof kinds);
		l = (int)strlen(kinds);
		wk = l > wk ? l : wk;
	}
	an_buf_printf(b, "%-*s  %-*s  %-*s  %-10s  %-10s  %7s  %8s\n", ws, "sponsor",
		      wr, "recipient", wk, "kinds", "first", "last", "sources", "evidence");
	for (size_t i = 0; i < n; i++) {
		const netrow *r = &rows[i];
		kinds_text(r->kinds, kinds, sizeof kinds);
		an_buf_printf(b, "%-*s  %-*s  %-*s  %-10s  %-10s  %7zu  %8zu\n", ws,
			      r->sponsor, wr, r->recipient, wk, kinds,
			      *r->first ? r->first : "-", *r->last ? r->last : "-",
			      r->sources, r->nev);
	}
	if (!n)
		an_buf_puts(b, "(no support claims found)\n");
}
