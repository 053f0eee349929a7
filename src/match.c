/*
 * match.c: finding the dictionary's actors in a document, then the names a
 * document has introduced itself: full names repeated, surnames alone
 * ("Soleimani"), honorific with given name ("Hajj Qassem"), and misspellings
 * one edit away from a long known name ("Solemani").
 *
 * The dictionary pass tries, at each capitalised token, the folded-name trie
 * and the case-sensitive abbreviation trie, and keeps the longest match.
 */
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "map.h"

an_ment *an_doc_mention(an_doc *d, uint32_t t0, uint32_t t1, uint32_t ent,
			int how)
{
	an_ment *m = AN_VEC_PUSH(d->a, d->ment, d->nment, d->mcap);
	an_tok *tok = d->seg.tok;
	m->t0 = t0;
	m->t1 = t1;
	m->off = tok[t0].off;
	m->end = tok[t1 - 1].off + tok[t1 - 1].len;
	m->ent = ent;
	m->how = (uint8_t)how;
	m->dead = 0;
	if (!d->tokment)
		d->tokment = an_arena_zalloc(d->a, d->seg.ntok * sizeof *d->tokment);
	for (uint32_t i = t0; i < t1; i++) {
		tok[i].flags |= TF_MENT;
		d->tokment[i] = (uint32_t)d->nment;
	}
	return m;
}

typedef struct hit {
	uint32_t end;  /* token after the match, 0 if none */
	uint32_t idx;  /* dictionary index */
	int type;      /* AN_M_* */
	int fuzzy;
} hit;

static int startable(const an_tok *k)
{
	return k->flags & (TF_CAP | TF_ALLCAP) || k->kind == AN_TK_NUM;
}

/* Folded key text of a token, for misspelling correction. */
static size_t tok_key(const an_doc *d, const an_tok *k, char *out, size_t cap)
{
	return an_fold(d->text.s + k->off, k->len, out, cap);
}

/* Walks trie `which` from token `first`, within [first, end). */
static hit walk(const an_doc *d, int which, uint32_t first, uint32_t end)
{
	const an_dict *dict = d->ctx->dict;
	const an_tok *tok = d->seg.tok;
	hit h = {0, 0, 0, 0};
	uint32_t node = 0;
	int fuzzy = 0;
	for (uint32_t k = first; k < end; k++) {
		if (tok[k].flags & (TF_EXCL | TF_MENT))
			break;
		if (k > first && which == AN_TRIE_RAW && tok[k].flags & TF_SPACE &&
		    tok[k].kind == AN_TK_PUNCT)
			break;
		uint64_t key = which == AN_TRIE_RAW ? an_tok_rh(&d->text, &tok[k])
						    : an_key_fold(&d->text, &tok[k]);
		if (!key) {
			if (k == first)
				break;
			continue;
		}
		uint32_t nx = an_dict_step(dict, which, node, key);
		/* a misspelt word inside a name that must go on: Qasem Solemanii */
		if (nx == AN_NONE && which == AN_TRIE_FOLD && k > first && !h.end &&
		    tok[k].kind == AN_TK_WORD && tok[k].flags & TF_CAP &&
		    tok[k].len >= 6 &&
		    an_dict_given(dict, an_tok_h(&d->text, &tok[first]))) {
			char kb[64];
			size_t kl = tok_key(d, &tok[k], kb, sizeof kb);
			uint64_t fix = an_dict_correct(dict, kb, kl);
			if (fix && (nx = an_dict_step(dict, which, node, fix)) != AN_NONE)
				fuzzy = 1;
		}
		if (nx == AN_NONE)
			break;
		node = nx;
		int type;
		uint32_t idx = an_dict_term(dict, which, node, &type);
		if (idx != AN_NONE) {
			h.end = k + 1;
			h.idx = idx;
			h.type = type;
			h.fuzzy = fuzzy;
		}
	}
	return h;
}

static int how_of(const hit *h)
{
	if (h->fuzzy)
		return AN_H_FUZZY;
	return h->type == AN_M_ABBR      ? AN_H_ABBR
	       : h->type == AN_M_DEMONYM ? AN_H_DEMONYM
					 : AN_H_DICT;
}

void an_match_dict(an_doc *d)
{
	an_seg *seg = &d->seg;
	for (uint32_t si = 0; si < seg->nsent; si++) {
		const an_sent *s = &seg->sent[si];
		for (uint32_t i = s->t0; i < s->t1; i++) {
			const an_tok *k = &seg->tok[i];
			if (k->flags & (TF_EXCL | TF_MENT) || k->kind == AN_TK_PUNCT)
				continue;
			int article = an_tok_article(&d->text, k);
			if (article == AN_ART_THE)
				continue; /* a match never starts at "the" */
			hit best = {0, 0, 0, 0};
			uint32_t first = article ? an_key_lead(&d->text, seg, i, s->t1) : i;
			if (startable(&seg->tok[first]) &&
			    (first == i || article))
				best = walk(d, AN_TRIE_FOLD, first, s->t1);
			/* abbreviations: IRGC, U.S., PIJ, RFE/RL, AP */
			if (k->flags & (TF_ALLCAP | TF_ABBR) ||
			    (k->flags & TF_CAP && k->len <= 4)) {
				hit r = walk(d, AN_TRIE_RAW, i, s->t1);
				if (r.end > best.end)
					best = r;
			}
			if (!best.end)
				continue;
			uint32_t row = an_etab_dict(d->ents, best.idx);
			an_doc_mention(d, i, best.end, row, how_of(&best));
			i = best.end - 1;
		}
	}
}

/* ---- names the document introduces ------------------------------------ */

typedef struct local {
	an_map full;    /* hash of a name's token keys -> row */
	an_map firsts;  /* key of the first word of each full name -> 1 */
	an_map surname; /* folded hash of the last word -> row */
	an_map given;   /* folded hash of the first word -> row */
	char **skeys;   /* distinct long surname keys, for misspellings */
	size_t ns, scap;
} local;

AN_WORDSET(honorifics, "Hajj", "Haj", "Hadj", "Haji", "Sheikh", "Shaykh",
	   "Sardar", "Sayyed", "Sayyid", "Seyed", "Mullah", "Imam", "Mujahid",
	   "Martyr");

static int is_honorific(const an_doc *d, const an_tok *k)
{
	return an_words_has(&honorifics, &d->text, k);
}

/* Hash of the keys of tokens [t0, t1), skipping name punctuation and
 * articles; *first gets the first key mixed in, *nw their number. */
static uint64_t seq_hash(const an_doc *d, uint32_t t0, uint32_t t1,
			 uint64_t *first, int *nw)
{
	uint64_t h = 0;
	*nw = 0;
	*first = 0;
	for (uint32_t i = t0; i < t1; i++) {
		uint64_t k = an_key_fold(&d->text, &d->seg.tok[i]);
		if (k && !an_tok_article(&d->text, &d->seg.tok[i])) {
			if (!*nw)
				*first = k;
			h = an_mix(h, k);
			(*nw)++;
		}
	}
	return h;
}

/* Last and first word tokens of a mention (skipping articles). */
static uint32_t last_word(const an_doc *d, const an_ment *m)
{
	for (uint32_t i = m->t1; i-- > m->t0;)
		if (d->seg.tok[i].kind == AN_TK_WORD && d->seg.tok[i].flags & TF_CAP)
			return i;
	return AN_NONE;
}

static void register_name(an_doc *d, local *L, const an_ment *m)
{
	const an_rent *r = &d->ents->rows[m->ent];
	int nw;
	uint64_t first_key, h = seq_hash(d, m->t0, m->t1, &first_key, &nw);
	if (m->how == AN_H_DISCOVERED && nw >= 1) {
		an_map_put(&L->full, h, m->ent);
		an_map_put(&L->firsts, first_key, 1);
	}
	if (r->kind != AN_K_PERSON || nw < 2)
		return;
	uint32_t lw = last_word(d, m);
	const an_tok *first = &d->seg.tok[m->t0];
	if (lw == AN_NONE || lw == m->t0)
		return;
	const an_tok *last = &d->seg.tok[lw];
	uint64_t lh = an_tok_h(&d->text, last);
	int known = an_map_get(&L->surname, lh) != NULL;
	an_map_put(&L->surname, lh, m->ent);
	if (first->kind == AN_TK_WORD)
		an_map_put(&L->given, an_tok_h(&d->text, first), m->ent);
	if (!known && last->len >= 7 && L->ns < 64) {
		char kb[64];
		size_t kl = an_fold(d->text.s + last->off, last->len, kb, sizeof kb);
		char **sk = AN_VEC_PUSH(d->a, L->skeys, L->ns, L->scap);
		*sk = an_arena_strndup(d->a, kb, kl);
	}
}

/* Whether folded keys a and b are one edit apart (or equal). */
static int one_edit(const char *a, size_t na, const char *b, size_t nb)
{
	if (na > nb + 1 || nb > na + 1)
		return 0;
	size_t i = 0, j = 0;
	int edits = 0;
	while (i < na && j < nb) {
		if (a[i] == b[j]) {
			i++;
			j++;
			continue;
		}
		if (++edits > 1)
			return 0;
		if (na > nb)
			i++;
		else if (nb > na)
			j++;
		else {
			i++;
			j++;
		}
	}
	return edits + (int)(na - i) + (int)(nb - j) <= 1;
}

/* Row of a surname one edit away from token k, or AN_NONE. */
static uint32_t fuzzy_surname(const an_doc *d, const local *L, const an_tok *k)
{
	if (k->len < 7 || !L->ns)
		return AN_NONE;
	char kb[64];
	size_t kl = an_fold(d->text.s + k->off, k->len, kb, sizeof kb);
	for (size_t i = 0; i < L->ns; i++) {
		if (L->skeys[i][0] != kb[0] ||
		    !one_edit(kb, kl, L->skeys[i], strlen(L->skeys[i])))
			continue;
		uint32_t *r = an_map_get(&L->surname,
					 an_hash(L->skeys[i], strlen(L->skeys[i]), 0));
		if (r)
			return *r;
	}
	return AN_NONE;
}

/* Longest repeated discovered name starting at token i (up to 5 words). */
static uint32_t full_at(an_doc *d, local *L, uint32_t i, uint32_t end,
			uint32_t *row)
{
	uint32_t best = 0;
	uint64_t h = 0;
	int words = 0;
	if (!L->firsts.n || !an_map_get(&L->firsts, an_key_fold(&d->text, &d->seg.tok[i])))
		return 0;
	for (uint32_t k = i; k < end && words < 5; k++) {
		const an_tok *t = &d->seg.tok[k];
		if (t->flags & (TF_MENT | TF_EXCL))
			break;
		uint64_t key = an_key_fold(&d->text, t);
		if (!key)
			continue;
		if (an_tok_article(&d->text, t))
			continue;
		h = an_mix(h, key);
		words++;
		uint32_t *r = an_map_get(&L->full, h);
		if (r) {
			best = k + 1;
			*row = *r;
		}
	}
	return best;
}

static int cmp_ment(const void *a, const void *b)
{
	const an_ment *x = a, *y = b;
	return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

/* Sorts mentions by position and rebuilds the token index. */
static void sort_mentions(an_doc *d)
{
	if (d->nment)
		qsort(d->ment, d->nment, sizeof *d->ment, cmp_ment);
	if (!d->tokment)
		return;
	memset(d->tokment, 0, d->seg.ntok * sizeof *d->tokment);
	for (size_t m = 0; m < d->nment; m++)
		for (uint32_t i = d->ment[m].t0; i < d->ment[m].t1; i++)
			if (!d->ment[m].dead)
				d->tokment[i] = (uint32_t)m + 1;
}

/* Scans for uncovered tokens naming a person or thing already introduced. */
static void scan_local(an_doc *d, local *L)
{
	an_seg *seg = &d->seg;
	size_t nm = d->nment, mi = 0;
	for (uint32_t si = 0; si < seg->nsent; si++) {
		const an_sent *s = &seg->sent[si];
		for (uint32_t i = s->t0; i < s->t1; i++) {
			/* full mentions passed so far take over their names */
			while (mi < nm && d->ment[mi].t0 <= i)
				register_name(d, L, &d->ment[mi++]);
			an_tok *k = &seg->tok[i];
			if (k->flags & (TF_MENT | TF_EXCL) || !(k->flags & TF_CAP) ||
			    k->kind != AN_TK_WORD)
				continue;
			uint32_t row, e = full_at(d, L, i, s->t1, &row);
			if (e) {
				an_doc_mention(d, i, e, row, AN_H_LOCAL);
				i = e - 1;
				continue;
			}
			uint32_t t0 = i;
			if (is_honorific(d, k) && i + 1 < s->t1 &&
			    !(seg->tok[i + 1].flags & (TF_MENT | TF_EXCL))) {
				uint32_t *g = an_map_get(&L->given,
							 an_tok_h(&d->text, &seg->tok[i + 1]));
				if (g) {
					an_doc_mention(d, i, i + 2, *g, AN_H_SURNAME);
					i++;
					continue;
				}
			}
			uint32_t *r = an_map_get(&L->surname, an_tok_h(&d->text, k));
			uint32_t srow = r ? *r : fuzzy_surname(d, L, k);
			if (srow == AN_NONE)
				continue;
			/* al-Muhandis: take the article along */
			if (t0 >= s->t0 + 2 && an_tok_article(&d->text, &seg->tok[t0 - 2]) &&
			    !(seg->tok[t0 - 2].flags & TF_MENT) &&
			    seg->tok[t0 - 1].c0 == '-')
				t0 -= 2;
			an_doc_mention(d, t0, i + 1, srow, r ? AN_H_SURNAME : AN_H_FUZZY);
		}
	}
}

void an_match_local(an_doc *d)
{
	const annals_mem *mem = d->ctx->mem;
	local L;
	memset(&L, 0, sizeof L);
	an_map_init(&L.full, mem, 16);
	an_map_init(&L.firsts, mem, 16);
	an_map_init(&L.surname, mem, 16);
	an_map_init(&L.given, mem, 16);
	sort_mentions(d);
	/* earliest full mentions first serve names used before them */
	for (size_t i = d->nment; i-- > 0;)
		register_name(d, &L, &d->ment[i]);
	scan_local(d, &L);
	an_map_free(&L.full);
	an_map_free(&L.firsts);
	an_map_free(&L.surname);
	an_map_free(&L.given);
}

void an_match_finish(an_doc *d)
{
	size_t o = 0;
	for (size_t i = 0; i < d->nment; i++)
		if (!d->ment[i].dead)
			d->ment[o++] = d->ment[i];
	d->nment = o;
	sort_mentions(d);
}

/* The index of the first mention starting at or after token i (mentions
 * are sorted). */
size_t an_doc_ments_before(const an_doc *d, uint32_t i)
{
	size_t lo = 0, hi = d->nment;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->ment[mid].t0 < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
