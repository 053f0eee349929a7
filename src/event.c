/*
 * event.c: event coding. Each sentence is scanned for pattern heads (verb
 * forms and event nouns); the longest pattern that matches gives the CAMEO
 * code. Source and target come from the clause around the trigger: the
 * subject and object of an active verb, the "by" phrase and subject of a
 * passive one, the possessive or demonym before an event noun and the
 * prepositional phrases after it, each widened over coordinated actors.
 * Modality, attribution, date and location come from the words around.
 * With ANNALS_OPT_EXPLAIN every decision is written to the trace.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "doc.h"

#define MAX_ACTORS 8
#define GAP 8         /* tokens a "..." may skip */
#define REACH 14      /* tokens from a trigger to its farthest actor */

typedef struct sent_ctx {
	an_doc *d;
	const an_evdict *ev;
	const an_sent *s;
	uint64_t *lh; /* lower-case hash per token of the sentence, 0 = not yet */
	uint8_t *used; /* per token: part of a trigger already coded */
	uint32_t *sets; /* per token: the pattern sets holding it, 0 = not yet */
	uint64_t words[AN_SKETCH]; /* sketch of the sentence's words */
	uint64_t words2[AN_SKETCH]; /* a second sketch (an_word_key) */
	uint32_t allsets; /* the sets of all its words, bit 31 once known */
	uint32_t sketched; /* the sketches hold tokens [sketched, s->t1) */
	an_when when[8]; /* the sentence's temporal expressions */
	an_when inherit; /* a date from a footnote or the sentence before */
	int nwhen;       /* -1 until scanned */
	int no_we;       /* set while looking for the speaker "we" stands for */
} sent_ctx;

typedef struct trigger {
	uint32_t t0, t1;   /* head token .. end of the matched pattern */
	uint32_t after;    /* t1, or past an event noun the verb takes as object */
	uint32_t gap0;     /* first token of the pattern's first gap, or t1 */
	uint32_t pat;
	int noun;
} trigger;

typedef struct roles {
	uint32_t src[MAX_ACTORS], tgt[MAX_ACTORS]; /* mention indices */
	int nsrc, ntgt;
	int passive;
} roles;

static const an_tok *tok(const sent_ctx *c, uint32_t i)
{
	return &c->d->seg.tok[i];
}

static uint64_t lhash(sent_ctx *c, uint32_t i)
{
	uint64_t *h = &c->lh[i - c->s->t0];
	if (!*h) {
		const an_tok *k = tok(c, i);
		*h = an_lower_hash(c->d->text.s + k->off, k->len);
	}
	return *h;
}

/* Whether token i of the sentence is the word w (ASCII, any case). */
static inline __attribute__((always_inline)) int
is_word(sent_ctx *c, uint32_t i, const char *w)
{
	return i >= c->s->t0 && i < c->s->t1 &&
	       an_tok_ieq(&c->d->text, tok(c, i), w);
}

/* Whether token i ends with the ASCII suffix suf, any case. */
static int ends_in(sent_ctx *c, uint32_t i, const char *suf)
{
	const an_tok *k = tok(c, i);
	size_t n = strlen(suf);
	return k->len >= n && strncasecmp(c->d->text.s + k->off + k->len - n, suf, n) == 0;
}

/* Whether token i of the sentence, any case, is in a set of lower-case
 * words (AN_WORDSET). */
static int word_in(sent_ctx *c, uint32_t i, an_wordset *ws)
{
	return i >= c->s->t0 && i < c->s->t1 && an_words_may(ws, tok(c, i)) &&
	       an_words_has_lh(ws, &c->d->text, tok(c, i), &c->lh[i - c->s->t0]);
}

/* The mention covering token i of the sentence, as an index, or -1. */
static long ment_of(const sent_ctx *c, uint32_t i)
{
	const an_doc *d = c->d;
	if (i < c->s->t0 || i >= c->s->t1 || !d->tokment || !d->tokment[i])
		return -1;
	return (long)d->tokment[i] - 1;
}

static int kind_of(const sent_ctx *c, long m)
{
	return c->d->ents->rows[c->d->ment[m].ent].kind;
}

/* ---- patterns ----------------------------------------------------------- */

/* The pattern sets holding token i, with bit 31 set. */
static uint32_t sets_of(sent_ctx *c, uint32_t i)
{
	uint32_t *m = &c->sets[i - c->s->t0];
	if (!*m) /* bit 31 marks the sets as looked up */
		*m = an_evdict_sets(c->ev, lhash(c, i)) | 1u << 31;
	return *m;
}

static int el_match(sent_ctx *c, const an_pel *el, uint32_t i)
{
	if (tok(c, i)->flags & TF_EXCL)
		return 0;
	if (el->type == AN_PE_SET)
		return (sets_of(c, i) & el->setbit) != 0;
	uint64_t h = lhash(c, i);
	for (uint16_t a = 0; a < el->nalt; a++)
		if (el->alts[a] == h)
			return 1;
	return 0;
}

/* Boundaries a pattern's gap or an actor search does not cross. */
static int boundary(sent_ctx *c, uint32_t i)
{
	const an_tok *k = tok(c, i);
	if (k->kind != AN_TK_PUNCT)
		return 0;
	char ch = c->d->text.s[k->off];
	return ch == ';' || ch == ':' || ch == '(' || ch == ')';
}

/* Whether a word of mask m (an_word_bit) may be in the sketch w. */
static int sketch_fits_any(const uint64_t *m, const uint64_t *w)
{
	uint64_t hit = 0;
	for (int q = 0; q < AN_SKETCH; q++)
		hit |= m[q] & w[q];
	return hit != 0;
}

/* Adds a word of key k (an_word_key) to the two sketches. */
static inline void sketch_add(sent_ctx *c, uint16_t k)
{
	c->words[k >> 6 & 3] |= 1ULL << (k & 63);
	c->words2[k >> 14] |= 1ULL << (k >> 8 & 63);
}

/* The two sketches of the sentence's words from token from on: a
 * pattern looks only at the words after its head. */
static void sketch_sentence(sent_ctx *c, uint32_t from)
{
	for (uint32_t i = from; i < c->sketched; i++)
		sketch_add(c, an_word_key(lhash(c, i)));
	if (from < c->sketched)
		c->sketched = from;
}

/* Whether the sentence may have a word of key k (an_word_key): its bits in
 * both sketches are set (after sketch_sentence). Never no for a word it
 * has; two bits make a false yes rare, and keep a word whose bit in one
 * sketch is that of a word of every sentence ("," or "the") from passing
 * always. */
static inline int has_word(const sent_ctx *c, uint16_t k)
{
	return (c->words[k >> 6 & 3] >> (k & 63) & 1) &&
	       (c->words2[k >> 14] >> (k >> 8 & 63) & 1);
}

/* The pattern sets holding any word of the sentence. */
static uint32_t sentence_sets(sent_ctx *c)
{
	if (!c->allsets) {
		c->allsets = 1u << 31;
		for (uint32_t i = c->s->t0; i < c->s->t1; i++)
			c->allsets |= sets_of(c, i);
	}
	return c->allsets;
}

/* Whether the sentence may have what a candidate needs (see an_cand): a
 * quick rejection before the pattern is read. */
static int cand_met(sent_ctx *c, const an_cand *cd)
{
	for (int q = 0; q < AN_NEED_WORDS && cd->word[q]; q++)
		if (!has_word(c, cd->word[q]))
			return 0;
	if (cd->alt[0]) {
		int any = 0;
		for (int q = 0; q < AN_NEED_ALTS && cd->alt[q] && !any; q++)
			any = has_word(c, cd->alt[q]);
		if (!any)
			return 0;
	}
	return !cd->sets || (sentence_sets(c) & cd->sets) == cd->sets;
}

/* Whether every element of p with alternatives may have one of them in
 * the sentence. */
static int may_match(sent_ctx *c, const an_pat *p)
{
	for (uint8_t e = 0; e < p->nel; e++)
		if (p->el[e].type == AN_PE_WORD && !sketch_fits_any(p->el[e].mask, c->words))
			return 0;
	return 1;
}

/* Matches pattern p with its head at i; returns the end token, or 0. */
static uint32_t pat_match(sent_ctx *c, const an_pat *p, uint32_t i, int mark)
{
	uint32_t pos = i + 1, end = c->s->t1;
	int gap = 0;
	for (uint8_t e = 0; e < p->nel; e++) {
		const an_pel *el = &p->el[e];
		if (el->type == AN_PE_GAP) {
			gap = 1;
			continue;
		}
		uint32_t lim = gap ? pos + GAP : pos;
		while (pos <= lim && pos < end && !el_match(c, el, pos)) {
			if (boundary(c, pos))
				return 0;
			pos++;
		}
		if (pos > lim || pos >= end)
			return 0;
		if (mark) /* the pattern's words are not triggers of their own */
			c->used[pos - c->s->t0] = 1;
		pos++;
		gap = 0;
	}
	return pos;
}

AN_WORDSET(auxiliaries, "will", "would", "to", "did", "does", "do", "has", "have",
	"had", "could", "may", "might", "must", "should", "shall", "can",
	"also", "then", "not", "never");

/* Whether token i is a demonym standing for a country ("Iranian"). */
static int demonym_at(const sent_ctx *c, uint32_t i)
{
	long m = ment_of(c, i);
	return m >= 0 && c->d->ment[m].how == AN_H_DEMONYM;
}

AN_WORDSET(receivers, "receive", "received", "receives", "receiving", "benefit",
	"benefits", "benefited", "benefitted", "benefiting", "enjoy", "enjoys",
	"enjoyed", "enjoying", "get", "gets", "got", "getting", "obtain",
	"obtained", "obtains", "accept", "accepted", "accepts", "rely", "relies",
	"relied", "depend", "depends", "depended");
AN_WORDSET(givers, "give", "gives", "gave", "given", "giving", "provide",
	"provides", "provided", "providing", "offer", "offers", "offered",
	"extend", "extends", "extended", "send", "sends", "sent", "lend",
	"lends", "lent", "supply", "supplies", "supplied");

AN_WORDSET(determiners, "the", "a", "an", "its", "their", "his", "her", "our",
	"this", "these", "those");

/* Words before a noun that make the token at i read as a noun. */
static int noun_context(sent_ctx *c, uint32_t i)
{
	AN_WORDSET(cues, "that", "of", "for", "and", "with", "new", "such", "any",
		"no", "more");
	if (i == c->s->t0)
		return 0;
	const an_tok *p = tok(c, i - 1);
	if (p->flags & TF_POSS || demonym_at(c, i - 1) || word_in(c, i - 1, &determiners) ||
	    word_in(c, i - 1, &cues) || word_in(c, i - 1, &receivers))
		return 1;
	return p->kind == AN_TK_WORD && p->flags & TF_LOWER && i >= c->s->t0 + 2 &&
	       !word_in(c, i - 1, &auxiliaries) &&
	       (tok(c, i - 2)->flags & TF_POSS || demonym_at(c, i - 2));
}

/* Whether the word at i follows a determiner, possessive or demonym and
 * is not an inflected verb form ("the transfer", "Iran's support"). */
static int bare_noun_context(sent_ctx *c, uint32_t i)
{
	const an_tok *p = tok(c, i - 1);
	if (tok(c, i)->len > 3 && (ends_in(c, i, "ed") || ends_in(c, i, "ing")))
		return 0;
	return p->flags & TF_POSS || demonym_at(c, i - 1) || word_in(c, i - 1, &determiners);
}

/* Whether the word at i can only be a verb: after a subject or auxiliary
 * and before an actor as its object ("Iran funded Hamas", "has been
 * funding the PIJ", "which funds Hamas"); not "U.S. funds for", "a fund",
 * "Funding Corp", "to fund its plans". */
static int clear_verb(sent_ctx *c, uint32_t i)
{
	AN_WORDSET(aux, "has", "have", "had", "is", "are", "was", "were", "been",
		"be", "being", "will", "would", "also", "not", "who", "which", "that",
		"allegedly", "reportedly", "secretly", "openly", "still", "long",
		"he", "she", "they", "it", "we");
	if (i == c->s->t0 || !(tok(c, i)->flags & TF_LOWER))
		return 0;
	uint32_t o = i + 1 + (is_word(c, i + 1, "the"));
	return (word_in(c, i - 1, &aux) || tok(c, i - 1)->flags & TF_MENT) &&
	       o < c->s->t1 && tok(c, o)->flags & TF_MENT; /* its object an actor */
}

/* The best trigger with its head at token i, if any (nouns only with
 * only_noun). */
static int trigger_at(sent_ctx *c, uint32_t i, int only_noun, trigger *out)
{
	uint32_t n;
	const an_tok *k0 = tok(c, i);
	if (!an_evdict_maybe_head(c->ev, c->d->text.s + k0->off, k0->len))
		return 0;
	const an_cand *cl = an_evdict_heads(c->ev, lhash(c, i), &n);
	if (!cl)
		return 0;
	sketch_sentence(c, i + 1);
	/* the reading the context asks for, read once a pattern matches */
	int want_noun = only_noun ? 1 : -1;
	int found = 0, best_score = -1, other = 0;
	/* the list is ordered best first: the first match of the reading the
	 * context asks for ends the search */
	for (uint32_t k = 0; k < n; k++) {
		const an_cand *cd = &cl[k];
		if ((only_noun && !cd->noun) || (other && cd->noun != want_noun) ||
		    !cand_met(c, cd))
			continue; /* a word it needs is not in the sentence */
		const an_pat *p = an_evdict_pat(c->ev, cd->pat);
		if (p->need_target && !clear_verb(c, i))
			continue; /* "a flow of funds", "Funding Corp", "to fund it" */
		uint32_t e = may_match(c, p) ? pat_match(c, p, i, 0) : 0;
		if (!e)
			continue;
		if (want_noun < 0)
			want_noun = noun_context(c, i);
		/* the reading the context asks for first, then hand-written
		 * over converted, then length */
		int score = ((p->noun == want_noun) << 12) | (p->curated << 11) |
			    (p->weight << 4);
		an_trace(c->d, "    pattern %s:%u \"%s\" matches", p->file, p->line, p->text);
		if (score > best_score) {
			best_score = score;
			out->t0 = i;
			out->t1 = e;
			out->pat = cd->pat;
			out->noun = p->noun;
			out->gap0 = i + 1;
			for (uint8_t q = 0; q < p->nel && p->el[q].type != AN_PE_GAP; q++)
				out->gap0++;
			if (out->gap0 >= e)
				out->gap0 = e;
			found = 1;
		}
		if (p->noun == want_noun)
			break;
		other = 1; /* the other reading matched: only ours can beat it */
	}
	/* a verb pattern's base form after a determiner reads as a noun: "the
	 * transfer of the weapons" */
	if (found && !out->noun && want_noun && !only_noun && bare_noun_context(c, i))
		out->noun = 1;
	return found;
}

/* ---- actors ------------------------------------------------------------- */

AN_WORDSET(preps, "in", "on", "at", "from", "to", "for", "of", "with", "by", "near",
	"against", "after", "before", "during", "into", "over", "under",
	"about", "between", "among", "across", "through", "toward", "towards",
	"since", "until", "within", "without", "inside", "outside", "than",
	"via", "like", "including");
AN_WORDSET(locatives, "in", "near", "inside", "outside", "across", "throughout",
	"within", "around", "from");
AN_WORDSET(relatives, "who", "which");
AN_WORDSET(conjunctions, "and", "or", "but", "nor", "while", "whereas");

/* Widens the actor group starting with mention m, whose words end before
 * token i, over coordinated mentions ("Hamas and PIJ", "Syria, Iraq and
 * Lebanon", "him and Iran"). */
static int group_after(sent_ctx *c, long m, uint32_t i, uint32_t *out, int max)
{
	int n = 0, commas = 0, closed = 0;
	out[n++] = (uint32_t)m;
	while (n < max && i + 1 < c->s->t1) {
		uint32_t j = i;
		int conj = 0;
		for (; j < c->s->t1; j++) {
			if (is_word(c, j, "and") || is_word(c, j, "or"))
				conj = 1;
			else if (!is_word(c, j, ",") && !is_word(c, j, "the"))
				break;
		}
		if (j == i || j >= c->s->t1)
			break;
		long m2 = ment_of(c, j);
		if (m2 < 0 || c->d->ment[m2].t0 != j) {
			closed |= conj; /* "Syria, Iraq, Lebanon and other countries" */
			break;
		}
		if (!conj)
			commas = n; /* "A, B": a list only if an "and" closes it */
		closed = conj;
		out[n++] = (uint32_t)m2;
		i = c->d->ment[m2].t1;
	}
	return commas && !closed ? commas : n;
}

static int group(sent_ctx *c, long m, uint32_t *out, int max)
{
	return group_after(c, m, c->d->ment[m].t1, out, max);
}

/* The head of a possessive chain: in "Iran's Quds Force", the Quds Force. */
static long head_of(sent_ctx *c, long m)
{
	for (;;) {
		uint32_t e = c->d->ment[m].t1;
		if (e + 1 >= c->s->t1 || !(tok(c, e)->flags & TF_POSS))
			return m;
		long m2 = ment_of(c, e + 1);
		if (m2 < 0)
			return m;
		m = m2;
	}
}

/* Start of the clause holding token i. */
static uint32_t clause_start(sent_ctx *c, uint32_t i)
{
	while (i > c->s->t0) {
		if (is_word(c, i - 1, ")")) { /* a parenthesis inside the clause */
			uint32_t k = i - 1;
			while (k > c->s->t0 && !is_word(c, k - 1, "("))
				k--;
			if (k > c->s->t0) {
				i = k - 1;
				continue;
			}
		}
		if (boundary(c, i - 1))
			break;
		i--;
	}
	return i;
}

/* The comma closing an appositive that opens at the comma at i ("Qasem
 * Soleimani, a commander in the IRGC, offered"), before v; or 0. */
static uint32_t appositive_end(sent_ctx *c, uint32_t i, uint32_t v)
{
	if (!is_word(c, i, ",") || i + 1 >= v)
		return 0;
	const an_tok *k = tok(c, i + 1);
	if (!(k->kind == AN_TK_WORD && k->flags & TF_LOWER) ||
	    word_in(c, i + 1, &conjunctions) || word_in(c, i + 1, &relatives))
		return 0;
	for (uint32_t j = i + 2; j < v; j++)
		if (is_word(c, j, ","))
			return j;
	return 0;
}

/* Whether mention m sits in a prepositional phrase ("in the IRGC"). */
static int in_pp(sent_ctx *c, long m, uint32_t cs)
{
	uint32_t t0 = c->d->ment[m].t0;
	for (int skip = 0; skip < 3 && t0 > cs; skip++) { /* "of the notorious" */
		const an_tok *k = tok(c, t0 - 1);
		if (word_in(c, t0 - 1, &preps) || k->kind != AN_TK_WORD ||
		    !(k->flags & TF_LOWER) || word_in(c, t0 - 1, &conjunctions))
			break;
		t0--;
	}
	return t0 > cs && word_in(c, t0 - 1, &preps);
}

AN_WORDSET(people, "people", "children", "leaders", "leader", "groups", "group",
	"factions", "militants", "fighters", "residents", "officials",
	"official", "members", "students", "demonstrators", "protesters",
	"protestors", "civilians", "forces", "troops", "soldiers", "citizens",
	"militias", "authorities", "activists", "youths", "women", "men",
	"workers", "villagers", "refugees", "families", "crowds", "crowd",
	"supporters", "gunmen", "commanders", "representatives", "delegation",
	"envoy", "envoys", "spokesman", "spokeswoman", "government", "regime",
	/* a state's arms act for it: "Russian jets hit", "Israeli warplanes" */
	"jets", "warplanes", "planes", "aircraft", "helicopters", "drones",
	"tanks", "artillery", "navy", "army", "police", "military", "warships",
	"gunboats", "commandos", "special");

/* One past the token of the noun of people that mention m completes,
 * through of/from/in: "children from Gaza", "leaders of Hamas", "members of
 * the Joint Operations Room"; or 0. */
static uint32_t pp_of_people(sent_ctx *c, long m)
{
	uint32_t t0 = c->d->ment[m].t0;
	if (t0 > c->s->t0 && is_word(c, t0 - 1, "the"))
		t0--;
	if (t0 > c->s->t0 + 1 &&
	    (is_word(c, t0 - 1, "of") || is_word(c, t0 - 1, "from") ||
	     is_word(c, t0 - 1, "in")) && word_in(c, t0 - 2, &people))
		return t0 - 1;
	return 0;
}

/* Whether place mention p names where the people of a demonym mention m
 * are, within its country: "Palestinian children in the Gaza Strip". */
static int narrower_place(sent_ctx *c, long m, long p)
{
	const an_doc *d = c->d;
	const an_rent *rp = &d->ents->rows[d->ment[p].ent];
	const an_rent *rm = &d->ents->rows[d->ment[m].ent];
	uint32_t noun = pp_of_people(c, p);
	return d->ment[m].how == AN_H_DEMONYM && noun && noun == d->ment[m].t1 + 1 &&
	       rp->kind == AN_K_PLACE && rp->country && rm->country &&
	       strcmp(rp->country, rm->country) == 0;
}

AN_WORDSET(pron_person, "he", "him", "she", "her", "his");
AN_WORDSET(pron_group, "they", "them", "it", "its", "their");
AN_WORDSET(pron_we, "we", "us", "our");
AN_WORDSET(pron_subject, "he", "she", "they", "it", "we");
AN_WORDSET(pron_poss, "his", "her", "its", "their", "our");
AN_WORDSET(pron_any, "he", "him", "she", "her", "his", "they", "them", "it", "its",
	"their", "we", "us", "our"); /* the three classes above */

static long pronoun_not(sent_ctx *c, uint32_t i, uint32_t not_ent);

/* Whether mention m is a demonym qualifying a thing ("Israeli demise"), not
 * people ("Iranian officials", "Iranians"): no antecedent for a pronoun. */
static int adjectival(sent_ctx *c, long m)
{
	const an_ment *x = &c->d->ment[m];
	if (x->how != AN_H_DEMONYM || x->t1 >= c->d->seg.ntok)
		return 0;
	const an_tok *k = &c->d->seg.tok[x->t1];
	return k->kind == AN_TK_WORD && k->flags & TF_LOWER &&
	       !an_words_has_lower(&people, &c->d->text, k);
}
static long subject(sent_ctx *c, uint32_t v);

static void ctx_init(sent_ctx *c, an_doc *d, const an_evdict *ev, const an_sent *s)
{
	c->d = d;
	c->ev = ev;
	c->s = s;
	c->lh = an_arena_zalloc(d->a, (s->t1 - s->t0 + 1) * sizeof(uint64_t));
	c->used = an_arena_zalloc(d->a, s->t1 - s->t0 + 1);
	c->sets = an_arena_zalloc(d->a, (s->t1 - s->t0 + 1) * sizeof(uint32_t));
	memset(c->words, 0, sizeof c->words);
	memset(c->words2, 0, sizeof c->words2);
	c->allsets = 0;
	c->sketched = s->t1;
	c->nwhen = -1;
	c->no_we = 0;
}

/* The group speaker mention m speaks for: of the organisations a person's
 * roles name, the one mentioned last before token i; else m itself. */
static long speaker_group(sent_ctx *c, long m, uint32_t i)
{
	const an_doc *d = c->d;
	const an_etab *et = d->ents;
	const an_rent *r = &et->rows[d->ment[m].ent];
	if (r->kind != AN_K_PERSON)
		return m;
	const an_ent *e = r->dict != AN_NONE ? an_dict_ent(et->dict, r->dict) : NULL;
	size_t hi = an_doc_ments_before(d, i);
	if (hi > (size_t)m + 40)
		hi = (size_t)m + 40;
	for (size_t j = hi; j-- > 0 && j + 60 >= (size_t)m;) {
		const char *id = et->rows[d->ment[j].ent].id;
		if (r->role_of && !strcmp(r->role_of, id))
			return (long)j;
		for (unsigned k = 0; e && k < e->nroles; k++)
			if (e->roles[k].of && !strcmp(e->roles[k].of, id))
				return (long)j;
	}
	return m;
}

/* What "we", "us" or "our" at token i stands for: the group of the speaker
 * of the quotation it is in, else of the last
 * speaker, the subject of a verb of saying in this sentence or one of the
 * five before it ("Sinwar admitted that ... we shelled Beersheba"). */
static long we_actor(sent_ctx *c, uint32_t i)
{
	AN_WORDSET(speech, "said", "says", "told", "stated", "admitted", "declared",
		"affirmed", "stressed", "emphasized", "emphasised", "added",
		"wrote", "announced", "insisted", "explained", "vowed", "pledged",
		"warned", "confirmed", "claimed");
	an_doc *d = c->d;
	if (d->we_tok == i + 1)
		return (long)d->we_ment - 1;
	const an_quote *q = an_quote_at(d, i); /* "we fired", said inside a quotation */
	if (q && q->sment >= 0)
		return speaker_group(c, q->sment, i);
	uint32_t si = (uint32_t)(c->s - d->seg.sent);
	c->no_we = 1;
	long found = -1;
	for (uint32_t k = 0; k <= 5 && k <= si && found < 0; k++) {
		sent_ctx tmp, *x = c;
		if (k) {
			ctx_init(&tmp, d, c->ev, &d->seg.sent[si - k]);
			tmp.no_we = 1;
			x = &tmp;
		}
		for (uint32_t j = x->s->t1; j-- > x->s->t0 && found < 0;) {
			if (!word_in(x, j, &speech))
				continue;
			long m = subject(x, j);
			if (m < 0)
				m = ment_of(x, j + 1); /* "said Hamas" */
			if (m >= 0 && kind_of(x, m) != AN_K_MEDIA)
				found = speaker_group(x, m, i);
		}
	}
	c->no_we = 0;
	d->we_tok = i + 1; /* a pronoun is resolved more than once */
	d->we_ment = (uint32_t)(found + 1);
	return found;
}

/* The actor a definite description at token i stands for ("the freighter"
 * after "the freighter Karine A", "the camp" after "Yarmouk camp"): the
 * last mention before whose name ends in the noun or that the noun came
 * right before; -1 when none. */
static long described(const an_doc *d, uint32_t i)
{
	const an_tok *k = &d->seg.tok[i];
	if (k->kind != AN_TK_WORD || !(k->flags & TF_LOWER) || k->len < 4 || i == 0 ||
	    !an_tok_ieq(&d->text, &d->seg.tok[i - 1], "the") || (d->tokment && d->tokment[i]))
		return -1;
	for (size_t m = an_doc_ments_before(d, i), n = 0; m-- > 0 && n < 60; n++) {
		const an_ment *x = &d->ment[m];
		if (an_tok_same(&d->text, &d->seg.tok[x->t1 - 1], k) ||
		    (x->t0 && an_tok_same(&d->text, &d->seg.tok[x->t0 - 1], k)))
			return (long)m;
	}
	return -1;
}

/* The actor a pronoun at token i stands for: the nearest mention before
 * it of a person (he, him, she, her, his) or of anything else (they, them,
 * it, its, their), looking back over at most 40 mentions, and for we, us,
 * our the speaker's group (we_actor); -1 when none. */
static long pronoun(sent_ctx *c, uint32_t i)
{
	return pronoun_not(c, i, AN_NONE);
}

/* As pronoun(), passing over mentions of entity row not_ent (the subject
 * of the verb whose object the pronoun is: "Iran supports it"). */
static long pronoun_not(sent_ctx *c, uint32_t i, uint32_t not_ent)
{
	if (word_in(c, i, &pron_we))
		return c->no_we ? -1 : we_actor(c, i);
	int person = word_in(c, i, &pron_person);
	if (!person && !word_in(c, i, &pron_group))
		return -1;
	const an_doc *d = c->d;
	long desc = -1; /* "The freighter was located, and it was raided" */
	uint32_t dpos = 0;
	for (uint32_t j = i; !person && desc < 0 && j-- > 1 && j + 30 > i;)
		if ((desc = described(d, j)) >= 0)
			dpos = j;
	for (size_t m = an_doc_ments_before(d, i), n = 0; m-- > 0 && n < 40; n++) {
		if (desc >= 0 && d->ment[m].t0 < dpos)
			return desc;
		int k = d->ents->rows[d->ment[m].ent].kind;
		if (k == AN_K_MEDIA || k == AN_K_PLACE || d->ment[m].ent == not_ent ||
		    adjectival(c, (long)m))
			continue;
		if ((k == AN_K_PERSON) == person)
			return (long)m;
	}
	return -1;
}

/* Whether only separators (",", "and", "or", "the") lie in [a, b). */
static int only_separators(sent_ctx *c, uint32_t a, uint32_t b)
{
	for (; a < b; a++)
		if (!is_word(c, a, ",") && !is_word(c, a, "and") &&
		    !is_word(c, a, "or") && !is_word(c, a, "the"))
			return 0;
	return 1;
}

/* Whether mention m, after a bare comma at a, renames what came before
 * ("Hezbollah's head, Hassan Nasrallah, called") rather than continuing a
 * list ("Hamas, Hezbollah and PIJ"): a list goes on with "and" or "or". */
static int appositive(sent_ctx *c, uint32_t a, long m)
{
	for (uint32_t j = a; j < c->d->ment[m].t0; j++)
		if (!is_word(c, j, ","))
			return 0;
	uint32_t e = c->d->ment[m].t1;
	return !(is_word(c, e, "and") || is_word(c, e, "or") ||
		 (is_word(c, e, ",") && ment_of(c, e + 1) >= 0));
}

/* The actor a subject pronoun at token j stands for. A "they" opening a
 * sentence after one whose subject "they" was resolved continues it ("They
 * accused him ... They protested ..."). */
static long subject_pronoun(sent_ctx *c, uint32_t j)
{
	an_doc *d = c->d;
	uint32_t si = (uint32_t)(c->s - d->seg.sent);
	int they = is_word(c, j, "they");
	if (they && d->they_ment && d->they_sent + 1 >= si) {
		d->they_sent = si;
		return (long)d->they_ment - 1;
	}
	long m = pronoun(c, j);
	if (they && m >= 0) {
		d->they_ment = (uint32_t)m + 1;
		d->they_sent = si;
	}
	return m;
}

/* Nouns naming who backs someone (the event nouns of this kind in
 * nouns.txt). */
AN_WORDSET(agents, "supporter", "supporters", "backer", "backers", "sponsor",
	"sponsors", "patron", "patrons", "benefactor", "financier", "financiers",
	"funder", "funders", "paymaster", "paymasters", "supplier", "suppliers");

/* Whether mention m only qualifies a noun: "Iran-backed militias",
 * "US-based analysts", "Trump supporters" (but "Saudi-led forces" are the
 * leader's). */
static int hyphen_modifier(sent_ctx *c, long m)
{
	uint32_t e = c->d->ment[m].t1;
	if (word_in(c, e, &agents))
		return 1; /* "Trump supporters rallied" */
	return is_word(c, e, "-") && e + 1 < c->s->t1 && tok(c, e + 1)->flags & TF_LOWER &&
	       ends_in(c, e + 1, "ed") && !is_word(c, e + 1, "led");
}

/* The subject of the verb at v: the last actor group of its clause that is
 * not in a prepositional phrase ("Soleimani, a commander in the IRGC,
 * offered"; "Bloomberg reported that Hamas fired"). */
static long subject(sent_ctx *c, uint32_t v)
{
	AN_WORDSET(opens, "who", "which", "whom", "where");
	uint32_t cs = clause_start(c, v), last_end = 0;
	long cand = -1, pp = -1;
	for (uint32_t j = cs; j < v; j++) {
		if (word_in(c, j, &opens)) {
			uint32_t k = j;
			while (k < v && !is_word(c, k, ","))
				k++;
			if (k < v) { /* ", which Iran supports," */
				j = k;
				continue;
			}
			cand = pp = -1; /* "a video in which children thank" */
			last_end = 0;
			continue;
		}
		long m = ment_of(c, j);
		if (m < 0)
			continue;
		j = c->d->ment[m].t1 - 1;
		if (v - c->d->ment[m].t0 > 3 * REACH || hyphen_modifier(c, m))
			continue;
		if (in_pp(c, m, cs)) {
			if (cand >= 0 && narrower_place(c, cand, m))
				cand = m;
			else if (pp < 0 && pp_of_people(c, m))
				pp = m;
			continue;
		}
		if (cand < 0 || !only_separators(c, last_end, c->d->ment[m].t0) ||
		    appositive(c, last_end, m))
			cand = m;
		last_end = c->d->ment[m].t1;
		uint32_t ae = appositive_end(c, last_end, v);
		if (ae) {
			j = ae; /* its actors are not the subject */
			last_end = ae + 1;
		}
	}
	/* no actor as subject: "children from the Gaza Strip thank ..." */
	if (cand < 0)
		cand = pp;
	/* "They accused him", "it was raided": the subject pronoun nearest
	 * before the verb */
	for (uint32_t j = v; cand < 0 && j-- > cs;)
		if (word_in(c, j, &pron_subject))
			cand = subject_pronoun(c, j);
	/* "The camp was starved by ...": a definite description */
	for (uint32_t j = cs + 1; cand < 0 && j < v && j < cs + 3; j++)
		cand = described(c->d, j);
	return cand >= 0 ? head_of(c, cand) : -1;
}

/* The first mention of the coordinated list that mention m closes: for
 * "Hamas, Hezbollah and PIJ, which", Hamas. */
static long list_start(sent_ctx *c, long m)
{
	for (;;) {
		uint32_t j = c->d->ment[m].t0, k = j;
		while (k > c->s->t0 && (is_word(c, k - 1, ",") || is_word(c, k - 1, "and") ||
					is_word(c, k - 1, "or") || is_word(c, k - 1, "the")))
			k--;
		long p = k < j && k > c->s->t0 ? ment_of(c, k - 1) : -1;
		if (p < 0 || c->d->ment[p].t1 != k)
			return m;
		m = p;
	}
}

/* A relative pronoun shortly before the verb at v: sets *ante to the
 * mention it refers to ("Hamas, which ...") and returns the pronoun's
 * token, or 0. */
static uint32_t relative(sent_ctx *c, uint32_t v, long *ante)
{
	uint32_t cs = clause_start(c, v);
	for (uint32_t j = v; j-- > cs && j + 6 > v;) {
		if (is_word(c, j, ","))
			return 0; /* a relative clause closed before the verb */
		if (!word_in(c, j, &relatives))
			continue;
		AN_WORDSET(quant, "all", "both", "each", "most", "some", "many",
			"several", "of");
		uint32_t k = j;
		while (k > cs && (is_word(c, k - 1, ",") || word_in(c, k - 1, &quant)))
			k--; /* "A, B and C, all of which" */
		*ante = k > cs ? ment_of(c, k - 1) : -1;
		if (*ante >= 0)
			*ante = list_start(c, *ante);
		return *ante >= 0 ? j : 0;
	}
	return 0;
}

/* Whether [a, b) is a short plain noun phrase: lower-case words only, as
 * in "militant groups" of "supported militant groups in Gaza", whose place
 * stands for them. */
static int plain_np(sent_ctx *c, uint32_t a, uint32_t b)
{
	if (b - a > 4)
		return 0;
	for (; a < b; a++) {
		const an_tok *k = tok(c, a);
		if (k->kind != AN_TK_WORD || !(k->flags & TF_LOWER) ||
		    word_in(c, a, &preps) || word_in(c, a, &relatives))
			return 0;
	}
	return 1;
}

/* The first actor after token e within the clause (skipping places after
 * locative prepositions, which are the location, unless a plain noun
 * phrase before them names their people). */
static long object(sent_ctx *c, uint32_t e, int in_relative)
{
	if (word_in(c, e, &pron_any))
		return pronoun(c, e); /* "accused him" */
	if (is_word(c, e - 1, "that") || is_word(c, e, "that"))
		return -1; /* "admitted that Iran ...": a clause, not an object */
	AN_WORDSET(adjuncts, "after", "before", "during", "since", "until", "following",
		"amid", "despite", "because", "when", "while");
	for (uint32_t j = e; j < c->s->t1 && j < e + REACH; j++) {
		if (boundary(c, j) || word_in(c, j, &relatives) || word_in(c, j, &adjuncts) ||
		    (in_relative && is_word(c, j, ",")))
			return -1;
		long m = ment_of(c, j);
		if (m < 0)
			continue;
		uint32_t t0 = c->d->ment[m].t0;
		int k = kind_of(c, m);
		uint32_t p = t0 > c->s->t0 && is_word(c, t0 - 1, "the") ? t0 - 1 : t0;
		if (p > c->s->t0 && word_in(c, p - 1, &locatives) &&
		    (k == AN_K_PLACE || k == AN_K_COUNTRY) &&
		    !(p - 1 > e && plain_np(c, e, p - 1)) && !pp_of_people(c, m)) {
			j = c->d->ment[m].t1 - 1;
			continue; /* the location, not the target */
		}
		return head_of(c, m);
	}
	return -1;
}

/* An actor inside the gap [a, b) of a pattern: "sent Ukraine weapons",
 * "accused Iran of war crimes". Not a demonym that qualifies the next word
 * ("sent Iranian weapons"), nor a place after a locative. */
static long gap_object(sent_ctx *c, uint32_t a, uint32_t b)
{
	for (uint32_t j = a; j < b; j++) {
		if (boundary(c, j))
			return -1;
		if (c->used[j - c->s->t0])
			continue; /* the pattern's own words: "fill ... hands ... with" */
		long m = ment_of(c, j);
		if (m < 0)
			continue;
		uint32_t e = c->d->ment[m].t1;
		const an_tok *nx = e < c->s->t1 ? tok(c, e) : NULL;
		if ((demonym_at(c, j) && nx && nx->kind == AN_TK_WORD &&
		     nx->flags & TF_LOWER) ||
		    (j > c->s->t0 && word_in(c, j - 1, &locatives)))
			return -1;
		return head_of(c, m);
	}
	return -1;
}

/* The mention after "by" following token e (the agent of a passive). */
static long by_agent(sent_ctx *c, uint32_t e)
{
	for (uint32_t j = e; j + 1 < c->s->t1 && j < e + REACH; j++) {
		if (boundary(c, j))
			return -1;
		if (is_word(c, j, "by")) {
			uint32_t k = j + 1;
			if (is_word(c, k, "the"))
				k++;
			long m = k < c->s->t1 ? ment_of(c, k) : -1;
			return m >= 0 ? head_of(c, m) : -1;
		}
	}
	return -1;
}

static int is_passive(sent_ctx *c, const trigger *t)
{
	AN_WORDSET(be, "is", "are", "was", "were", "be", "been", "being");
	if (tok(c, t->t0)->len < 3 || ends_in(c, t->t0, "ing"))
		return 0;
	if (ends_in(c, t->t0, "ed") && is_word(c, t->t1, "by"))
		return 1; /* "groups backed by Iran" */
	for (uint32_t j = t->t0; j-- > c->s->t0 && j + 4 > t->t0;)
		if (word_in(c, j, &be))
			return 1;
	return 0;
}

/* The doer of a gerund at v that a verb's object controls: "accused him
 * of (unnecessarily) sending", "blamed Hamas for firing"; -2 when that
 * object is a pronoun standing for no actor; -1 when v is not such a
 * gerund. */
static long controller(sent_ctx *c, uint32_t v)
{
	if (tok(c, v)->len < 5 || !ends_in(c, v, "ing"))
		return -1;
	uint32_t j = v;
	if (j > c->s->t0 && tok(c, j - 1)->len > 3 && ends_in(c, j - 1, "ly"))
		j--; /* an adverb */
	if (j < c->s->t0 + 3 || !(is_word(c, j - 1, "of") || is_word(c, j - 1, "for")))
		return -1;
	long m = pronoun(c, j - 2);
	uint32_t m0 = j - 2;
	if (m < 0 && (word_in(c, j - 2, &pron_person) || word_in(c, j - 2, &pron_group)))
		m = -2; /* a pronoun with nothing it stands for */
	else if (m < 0) {
		m = ment_of(c, j - 2);
		if (m < 0 || c->d->ment[m].t1 != j - 1)
			return -1;
		m0 = c->d->ment[m].t0;
	}
	const an_tok *vb = m0 > c->s->t0 ? tok(c, m0 - 1) : NULL;
	if (!vb || vb->kind != AN_TK_WORD || !(vb->flags & TF_LOWER) ||
	    word_in(c, m0 - 1, &preps) || is_word(c, m0 - 1, "the"))
		return -1;
	return m >= 0 ? head_of(c, m) : m;
}

/* Whether the -ing verb at v qualifies the plain plural noun before it
 * ("bases hosting U.S. troops"): its subject is that noun, no actor. */
static int reduced_relative(sent_ctx *c, uint32_t v)
{
	AN_WORDSET(aspect, "keeps", "continues", "starts", "begins", "stops",
		"resumes", "avoids", "denies", "admits", "considers", "risks",
		"is", "was", "has", "goes", "comes", "says", "does",
		/* works speak for who issued them: "issued statements
		 * commending the factions" */
		"statements", "messages", "letters", "remarks", "speeches",
		"videos", "posts", "tweets", "broadcasts", "cables");
	const an_tok *p = v > c->s->t0 ? tok(c, v - 1) : NULL;
	return p && tok(c, v)->len > 4 && ends_in(c, v, "ing") && p->kind == AN_TK_WORD &&
	       p->flags & TF_LOWER && !(p->flags & TF_MENT) && p->len > 3 &&
	       ends_in(c, v - 1, "s") && !ends_in(c, v - 1, "ss") &&
	       !word_in(c, v - 1, &aspect) && !word_in(c, v - 1, &auxiliaries);
}

/* Source and target of a verb trigger. */
static void verb_roles(sent_ctx *c, const trigger *t, roles *r)
{
	long s, o;
	long ante = -1, inner = -1;
	uint32_t rel = relative(c, t->t0, &ante);
	for (uint32_t j = rel + 1; rel && j < t->t0 && inner < 0; j++)
		inner = ment_of(c, j); /* "which Iran supports": Iran */
	r->passive = is_passive(c, t);
	if (r->passive) {
		s = by_agent(c, t->t1);
		o = rel ? head_of(c, ante) : subject(c, t->t0);
	} else if (rel && inner >= 0) {
		s = head_of(c, inner);
		o = object(c, t->after, 1);
		if (o < 0)
			o = head_of(c, ante);
	} else if ((s = controller(c, t->t0)) != -1) {
		s = s < 0 ? -1 : s;
		o = gap_object(c, t->gap0, t->t1);
		if (o < 0)
			o = object(c, t->after, 0);
	} else {
		s = rel ? head_of(c, ante) : reduced_relative(c, t->t0) ? -1 :
		    subject(c, t->t0);
		o = gap_object(c, t->gap0, t->t1);
		if (o < 0)
			o = object(c, t->after, rel != 0);
	}
	long pr = o >= 0 ? pronoun(c, t->after) : -1;
	if (s >= 0 && pr >= 0 && o == pr && c->d->ment[s].ent == c->d->ment[o].ent)
		o = pronoun_not(c, t->after, c->d->ment[s].ent); /* "Iran supports it": not Iran */
	r->nsrc = s >= 0 ? group(c, s, r->src, MAX_ACTORS) : 0;
	if (o >= 0 && !r->passive && o == pr)
		r->ntgt = group_after(c, o, t->after + 1, r->tgt, MAX_ACTORS);
	else
		r->ntgt = o >= 0 ? group(c, o, r->tgt, MAX_ACTORS) : 0;
}

/* The subject of the verb at v, through a relative pronoun if one stands
 * before it ("groups, all of which benefit"). */
static long doer(sent_ctx *c, uint32_t v)
{
	long ante = -1;
	if (relative(c, v, &ante))
		return head_of(c, ante);
	return subject(c, v);
}

/* The target of an event noun phrase starting at np0 that a verb of
 * receiving takes: "Hamas received Iranian support", "groups which benefit
 * from Iranian support", "relies on Iran's backing"; or -1. */
static long receiver(sent_ctx *c, uint32_t np0)
{
	uint32_t v = np0;
	if (v > c->s->t0 && (is_word(c, v - 1, "from") || is_word(c, v - 1, "on")))
		v--;
	if (v <= c->s->t0 || !word_in(c, v - 1, &receivers))
		return -1;
	return doer(c, v - 1);
}

/* The actor of "the involvement of X in" or "X's role in" before an event
 * noun phrase starting at np0; or -1. */
static long involved(sent_ctx *c, uint32_t np0)
{
	AN_WORDSET(parts, "involvement", "role", "participation", "part", "hand",
		"complicity");
	AN_WORDSET(play, "play", "plays", "played", "playing", "has", "had", "have");
	uint32_t x = np0;
	if (x < c->s->t0 + 3 || !is_word(c, x - 1, "in"))
		return -1;
	if (is_word(c, x - 2, "and")) /* "a role in X and in Iranian support" */
		for (uint32_t k = x - 2; k > c->s->t0 + 1 && k + 12 > x; k--)
			if (is_word(c, k, "in") && word_in(c, k - 1, &parts)) {
				x = k + 1;
				break;
			}
	x -= 2;
	if (word_in(c, x, &parts)) { /* "Hezbollah's role in" */
		if (tok(c, x - 1)->flags & TF_POSS)
			return ment_of(c, x - 1);
		uint32_t v = x; /* "Soleimani plays a key role in" */
		while (v > c->s->t0 && v + 4 > x && !word_in(c, v - 1, &play) &&
		       tok(c, v - 1)->flags & TF_LOWER)
			v--;
		return v > c->s->t0 && word_in(c, v - 1, &play) ? subject(c, v - 1) : -1;
	}
	long m = ment_of(c, x); /* "the involvement of Hezbollah in" */
	if (m < 0)
		return -1;
	uint32_t q = c->d->ment[m].t0;
	if (q > c->s->t0 && is_word(c, q - 1, "the"))
		q--;
	return q > c->s->t0 + 1 && is_word(c, q - 1, "of") && word_in(c, q - 2, &parts) ?
	       m : -1;
}

/* The subject of a verb of directing before the event noun phrase at np0,
 * also over an earlier phrase coordinated with it: "Soleimani oversaw the
 * transfer of", "supervised the support to X and the transfer of Y"; or
 * -1. */
static long overseer(sent_ctx *c, uint32_t np0)
{
	AN_WORDSET(directing, "supervised", "supervises", "supervising", "oversaw",
		"oversees", "overseeing", "directed", "directs", "directing",
		"coordinated", "coordinates", "orchestrated", "orchestrates",
		"masterminded", "spearheaded");
	for (uint32_t k = np0; k > c->s->t0 && k + 14 > np0; k--) {
		if (boundary(c, k - 1) || word_in(c, k - 1, &relatives))
			return -1;
		if (word_in(c, k - 1, &directing))
			return subject(c, k - 1);
	}
	return -1;
}

/* The actors a "they" stands for, given the mention m it was resolved to:
 * the whole list m ends ("Hamas and PIJ ... they"), or a pronoun and m
 * ("thank him and Iran for the support they give"). */
static int they_group(sent_ctx *c, long m, uint32_t *out, int max)
{
	uint32_t k = c->d->ment[m].t0;
	long p = k >= c->s->t0 + 2 && is_word(c, k - 1, "and") &&
		 word_in(c, k - 2, &pron_person) ? pronoun(c, k - 2) : -1;
	if (p < 0)
		return group(c, list_start(c, m), out, max);
	out[0] = (uint32_t)p;
	return 1 + group(c, m, out + 1, max - 1);
}

/* A clause qualifying an event noun ending at e: "(the) support Palestinian
 * groups received from Iran" (the actor is the target), "the support they
 * give the Gaza Strip" (the source, and the giver's object the target). */
static void noun_relative(sent_ctx *c, uint32_t e, long *s, long *o,
			  uint32_t *spron)
{
	if (is_word(c, e, "that") || is_word(c, e, "which"))
		e++;
	long x = e < c->s->t1 ? pronoun(c, e) : -1;
	uint32_t k = e + 1;
	if (x < 0) {
		x = ment_of(c, e);
		if (x < 0 || c->d->ment[x].t0 != e)
			return;
		k = c->d->ment[x].t1;
	}
	for (int n = 0; n < 3 && k < c->s->t1 && !word_in(c, k, &receivers) &&
	     !word_in(c, k, &givers); n++, k++)
		if (!(tok(c, k)->flags & TF_LOWER) || word_in(c, k, &preps))
			return;
	if (word_in(c, k, &receivers) && *o < 0) {
		*o = x;
	} else if (word_in(c, k, &givers) && *s < 0) {
		*s = x;
		*spron = ment_of(c, e) == x ? 0 : e;
		k += 1 + is_word(c, k + 1, "to");
		k += is_word(c, k, "the");
		long m = k < c->s->t1 ? ment_of(c, k) : -1;
		if (m >= 0 && *o < 0)
			*o = m;
	}
}

/* The first actor of the noun phrase that starts at token i, within a few
 * words: "proxy groups in the region including Gaza's militant groups"; a
 * name before a demonym ("Lebanese militia Hezbollah": Hezbollah). */
static long phrase_actor(sent_ctx *c, uint32_t i)
{
	AN_WORDSET(stops, ",", "that", "which", "who", "whose", "and", "or", "is",
		"are", "was", "were", "been");
	long demonym = -1;
	for (uint32_t k = i; k < c->s->t1 && k < i + 8; k++) {
		if (boundary(c, k) || word_in(c, k, &stops) || word_in(c, k, &auxiliaries) ||
		    (tok(c, k)->flags & TF_LOWER && ends_in(c, k, "ed")))
			break; /* the phrase ends where its verb begins */
		long m = ment_of(c, k);
		if (m >= 0 && c->d->ment[m].how != AN_H_DEMONYM)
			return m; /* "Lebanese Shia militia Hezbollah": Hezbollah */
		if (m >= 0 && demonym < 0)
			demonym = m;
	}
	return demonym;
}

/* "Iranian-backed groups in Gaza": the actor before the hyphen backs the
 * first actor of the phrase the compound qualifies. */
static void compound_roles(sent_ctx *c, const trigger *t, roles *r)
{
	long s = ment_of(c, t->t0 - 1), o = phrase_actor(c, t->t1);
	if (s < 0 || o < 0)
		return;
	r->nsrc = group(c, head_of(c, s), r->src, MAX_ACTORS);
	r->ntgt = group(c, head_of(c, o), r->tgt, MAX_ACTORS);
}

/* Whether the backer noun whose modifiers start at j stands in apposition
 * or after a copula, describing the subject: "Iran, the main backer of",
 * "Iran is a key supporter of". */
static int describes_subject(sent_ctx *c, uint32_t j)
{
	AN_WORDSET(copulas, "is", "was", "are", "were", "became", "becomes",
		"remains", "remained", "been", "being");
	AN_WORDSET(articles, "the", "a", "an");
	if (!word_in(c, j - 1, &articles))
		return 0;
	return is_word(c, j - 2, ",") || word_in(c, j - 2, &copulas);
}

/* Source and target of a noun naming a backer. With a name after it the
 * name is the backer, and a possessive, "of X", or else the subject of
 * the clause the one backed ("Hezbollah's patron Iran", "groups mourn the
 * loss of key supporter X"); without, a demonym before it or the subject
 * it describes backs the one of a possessive or "of X" ("his Iranian
 * backers", "Iran, the main backer of Hezbollah"). Only a named pair makes
 * an event: "their supporters", "rebel backer Turkey" name no one backed. */
static void agent_roles(sent_ctx *c, const trigger *t, roles *r)
{
	AN_WORDSET(qualifiers, "key", "main", "chief", "major", "principal",
		"longtime", "staunch", "staunchest", "biggest", "top", "powerful",
		"primary", "leading", "strongest", "close", "closest", "loyal",
		"steadfast", "foremost", "regional", "foreign", "financial",
		"military", "political", "international", "largest", "big", "most",
		"generous", "strong", "long", "-", "time", "important", "only");
	long s = -1, o = -1;
	uint32_t j = t->t0;
	while (j > c->s->t0 && j + 4 > t->t0 && word_in(c, j - 1, &qualifiers))
		j--;
	if (j > c->s->t0 && tok(c, j - 1)->flags & TF_POSS)
		o = ment_of(c, j - 2);
	else if (word_in(c, j - 1, &pron_poss))
		o = pronoun(c, j - 1);
	else if (demonym_at(c, j - 1))
		s = ment_of(c, j - 1);
	else if (j > c->s->t0 && tok(c, j - 1)->flags & TF_LOWER &&
		 !word_in(c, j - 1, &determiners) && !word_in(c, j - 1, &preps))
		return; /* "rebel backer Turkey": the one backed is not named */
	if (o < 0 && (is_word(c, t->t1, "of") || is_word(c, t->t1, "for")))
		o = ment_of(c, t->t1 + 1 + is_word(c, t->t1 + 1, "the"));
	long named = ment_of(c, t->t1);
	if (named >= 0 && c->d->ment[named].t0 == t->t1 && s < 0) {
		s = named;
		if (o < 0)
			o = subject(c, t->t0);
	} else if (s < 0 && describes_subject(c, j)) {
		s = subject(c, t->t0);
	}
	if (s < 0 || o < 0 || c->d->ment[s].ent == c->d->ment[o].ent)
		return;
	r->nsrc = group(c, head_of(c, s), r->src, MAX_ACTORS);
	r->ntgt = group(c, head_of(c, o), r->tgt, MAX_ACTORS);
}

/* Source and target of a noun trigger: "Iran's support for Hamas",
 * "Iranian military support", "attacks on Israel by Hamas". */
static void noun_roles(sent_ctx *c, const trigger *t, roles *r)
{
	long s = -1, o = -1;
	uint32_t j = t->t0, np0;
	if (is_word(c, t->t0, "-")) {
		compound_roles(c, t, r);
		return;
	}
	if (word_in(c, t->t0, &agents)) {
		agent_roles(c, t, r);
		return;
	}
	/* before: possessive or demonym, over up to two lower-case words */
	for (int skip = 0; j > c->s->t0 && skip < 3; skip++) {
		const an_tok *p = tok(c, j - 1);
		long m = ment_of(c, p->flags & TF_POSS ? j - 2 : j - 1);
		if (m >= 0) { /* "Iran's", "Iranian" */
			s = m;
			j = c->d->ment[m].t0;
			break;
		}
		if (p->flags & TF_POSS)
			break; /* "the group's support": no actor */
		if (word_in(c, j - 1, &pron_poss) &&
		    (s = pronoun(c, j - 1)) >= 0) { /* "its support for" */
			j--;
			break;
		}
		if (!(p->kind == AN_TK_WORD && p->flags & TF_LOWER) ||
		    word_in(c, j - 1, &preps) || word_in(c, j - 1, &conjunctions) ||
		    word_in(c, j - 1, &receivers) || word_in(c, j - 1, &givers))
			break;
		j--;
	}
	np0 = j;
	o = receiver(c, np0);
	long player = involved(c, np0);
	if (s < 0)
		s = player;
	if (s < 0)
		s = overseer(c, np0);
	uint32_t spron = 0;
	noun_relative(c, t->t1, &s, &o, &spron);
	/* after: by/from give the source, the other prepositions the target */
	for (uint32_t k = t->t1; k + 1 < c->s->t1 && k < t->t1 + 6; k++) {
		if (boundary(c, k))
			break;
		int by = is_word(c, k, "by") || is_word(c, k, "from");
		if (!by && !word_in(c, k, &preps))
			continue;
		uint32_t q = k + 1;
		if (is_word(c, q, "the"))
			q++;
		long m = q < c->s->t1 ? ment_of(c, q) : -1;
		int pron = m < 0 && word_in(c, q, &pron_any) &&
			   (!word_in(c, q, &pron_poss) || word_in(c, q + 1, &people));
		if (pron) /* "provided to us by Iran", "to its fighters" */
			m = pronoun(c, q);
		if (m < 0)
			continue;
		if (by && s < 0)
			s = m;
		else if (!by && o < 0 && !word_in(c, k, &locatives))
			o = m;
		k = pron ? q : c->d->ment[m].t1 - 1;
	}
	/* demonstrations in a place are its people's */
	const an_evcode *code = an_evdict_code(c->ev, an_evdict_pat(c->ev, t->pat)->code);
	if (s < 0 && code->code[0] == '1' && code->code[1] == '4')
		for (uint32_t k = t->t1; k < c->s->t1 && k < t->t1 + 10 && s < 0; k++) {
			long m = ment_of(c, k);
			int kd = m >= 0 ? kind_of(c, m) : -1;
			if (boundary(c, k))
				break;
			if ((kd == AN_K_PLACE || kd == AN_K_COUNTRY) &&
			    (is_word(c, k - 1, "in") || is_word(c, k - 1, "of") ||
			     is_word(c, k - 1, ",") || is_word(c, k - 1, "including"))) {
				s = m; /* "broke out in the city of Mashhad, Iran" */
				if (o == m)
					o = -1;
			}
		}
	if (spron && is_word(c, spron, "they"))
		r->nsrc = they_group(c, s, r->src, MAX_ACTORS);
	else
		r->nsrc = s >= 0 ? group(c, head_of(c, s), r->src, MAX_ACTORS) : 0;
	if (player >= 0 && player != s && r->nsrc < MAX_ACTORS)
		r->src[r->nsrc++] = (uint32_t)player; /* "X plays a role in Iranian support" */
	r->ntgt = o >= 0 ? group(c, head_of(c, o), r->tgt, MAX_ACTORS) : 0;
}

/* ---- modality, attribution, place -------------------------------------- */

typedef struct framing {
	const char *modality;
	long attribution; /* mention index, or -1 */
} framing;

AN_WORDSET(reporting, "said", "says", "say", "told", "reported", "reports",
	"report", "noted", "notes", "added", "stated", "claimed", "claims",
	"announced", "wrote", "writes", "quoted", "cited", "citing",
	"according", "confirmed", "alleged", "insisted", "explained");

/* Who reports the sentence: "according to X", "X said", "X reports that",
 * or a source in closing parentheses "(al-Alam TV, December 27, 2017)". */
static long attribution(sent_ctx *c, uint32_t trig)
{
	for (uint32_t i = c->s->t0; i < c->s->t1; i++) {
		if (!word_in(c, i, &reporting))
			continue;
		if (is_word(c, i, "according") && is_word(c, i + 1, "to")) {
			uint32_t q = i + 2 + is_word(c, i + 2, "the");
			long m = q < c->s->t1 ? ment_of(c, q) : -1;
			if (m >= 0)
				return head_of(c, m);
			continue;
		}
		if (i > trig) { /* "..., X said." */
			for (uint32_t k = i; k-- > c->s->t0 && k + 5 > i;)
				if (ment_of(c, k) >= 0 && k > trig)
					return head_of(c, ment_of(c, k));
			long m = i + 1 < c->s->t1 ? ment_of(c, i + 1) : -1;
			if (m >= 0 && i > trig)
				return head_of(c, m);
		} else { /* "X reports that ..." */
			long m = subject(c, i);
			if (m >= 0)
				return m;
		}
	}
	/* a closing parenthesis naming a source */
	uint32_t e = c->s->t1;
	while (e > c->s->t0 && tok(c, e - 1)->kind == AN_TK_PUNCT &&
	       !is_word(c, e - 1, ")"))
		e--;
	if (e > c->s->t0 && is_word(c, e - 1, ")")) {
		for (uint32_t k = e - 1; k-- > c->s->t0 && !is_word(c, k, "(");)
			if (is_word(c, k, "(") == 0 && ment_of(c, k) >= 0 &&
			    is_word(c, k - 1, "("))
				return ment_of(c, k);
	}
	return -1;
}

static framing frame(sent_ctx *c, const trigger *t, const an_evcode *code,
		     uint32_t src_ent)
{
	AN_WORDSET(neg, "not", "never", "n't", "no");
	AN_WORDSET(hyp, "will", "would", "could", "may", "might", "should", "shall",
		"if", "unless", "threatened", "threatens", "threaten",
		"plans", "planned", "plan", "vowed", "vows", "intends",
		"ready", "expected", "going", "wants", "want", "'ll",
		"possibly");
	framing f = {"asserted", -1};
	uint32_t cs = clause_start(c, t->t0);
	for (uint32_t j = t->t0; j-- > cs && j + 5 > t->t0;) {
		if (word_in(c, j, &neg) || (is_word(c, j, "to") &&
		    (is_word(c, j - 1, "failed") || is_word(c, j - 1, "refused")))) {
			f.modality = "negated";
			return f;
		}
	}
	for (uint32_t j = t->t0; j-- > cs && j + 7 > t->t0;)
		if (word_in(c, j, &hyp)) {
			f.modality = "hypothetical";
			break;
		}
	if (code->code[0] == '0' && code->code[1] == '3')
		f.modality = "hypothetical"; /* intents, offers, pledges */
	long a = attribution(c, t->t0);
	if (a >= 0) {
		f.attribution = a;
		if (!strcmp(f.modality, "asserted"))
			f.modality = c->d->ment[a].ent == src_ent ? "claimed" : "reported";
	} else if (!strcmp(f.modality, "asserted")) {
		for (uint32_t j = c->s->t0; j < c->s->t1; j++)
			if (is_word(c, j, "reportedly") || is_word(c, j, "allegedly"))
				f.modality = "reported";
	}
	return f;
}

/* The place the clause names: a place or country after a locative
 * preposition, nearest the trigger, not one of its actors. */
/* "near the Israeli border", "off the Yemeni coast": the country a
 * locative phrase names through a demonym, or -1. */
static long border(sent_ctx *c)
{
	AN_WORDSET(edges, "border", "borders", "frontier", "coast", "coastline",
		"waters", "shore", "shores", "side");
	AN_WORDSET(near, "near", "along", "across", "off", "on", "at", "to");
	for (uint32_t i = c->s->t0 + 2; i + 1 < c->s->t1; i++) {
		long m = ment_of(c, i);
		if (m >= 0 && c->d->ment[m].how == AN_H_DEMONYM && word_in(c, i + 1, &edges) &&
		    is_word(c, i - 1, "the") && word_in(c, i - 2, &near))
			return m;
	}
	return -1;
}

static long location(sent_ctx *c, const trigger *t, const roles *r)
{
	long best = -1;
	uint32_t bestd = UINT32_MAX;
	for (uint32_t i = c->s->t0 + 1; i < c->s->t1; i++) {
		long m = ment_of(c, i);
		if (m < 0 || c->d->ment[m].t0 != i || !word_in(c, i - 1, &locatives))
			continue;
		int k = kind_of(c, m);
		if (k != AN_K_PLACE && k != AN_K_COUNTRY)
			continue;
		int used = 0;
		for (int q = 0; q < r->nsrc; q++)
			used |= c->d->ment[r->src[q]].ent == c->d->ment[m].ent;
		for (int q = 0; q < r->ntgt; q++)
			used |= c->d->ment[r->tgt[q]].ent == c->d->ment[m].ent;
		uint32_t dist = i > t->t0 ? i - t->t0 : t->t0 - i;
		if (!used && dist < bestd) {
			bestd = dist;
			best = m;
		}
	}
	return best >= 0 ? best : border(c);
}

/* ---- events ------------------------------------------------------------- */

static const char *ent_id(const an_doc *d, long m)
{
	return m < 0 ? NULL : d->ents->rows[d->ment[m].ent].id;
}

/* The entity row an actor mention stands for in an event. A city or
 * district whose actor code is its country's stands for the country, as
 * CAMEO codes it ("Tehran said", "protesters in Shiraz"); a place with a
 * code of its own (Gaza Strip) stays itself. */
static uint32_t actor_row(sent_ctx *c, long m)
{
	an_etab *et = c->d->ents;
	uint32_t row = c->d->ment[m].ent;
	const an_rent *r = &et->rows[row];
	if (r->kind != AN_K_PLACE || r->dict == AN_NONE || !r->code || !r->country ||
	    strcmp(r->code, r->country) != 0)
		return row;
	const an_ent *e = an_dict_ent(et->dict, r->dict);
	uint32_t pi = e->nparents ? an_dict_find(et->dict, e->parents[0]) : AN_NONE;
	if (pi == AN_NONE || an_dict_ent(et->dict, pi)->kind != AN_K_COUNTRY)
		return row;
	return an_etab_dict(et, pi);
}

static void emit(sent_ctx *c, const trigger *t, const an_evcode *code,
		 uint32_t se, uint32_t te, const framing *f, const char *date, long loc)
{
	an_doc *d = c->d;
	if (se == te)
		return;
	for (size_t i = d->nev; i-- > 0 && d->ev[i].sent == c->s - d->seg.sent;)
		if (d->ev[i].src == se && d->ev[i].tgt == te &&
		    d->ev[i].code == code)
			return; /* one per source, target and code per sentence */
	an_event *e = AN_VEC_PUSH(d->a, d->ev, d->nev, d->evcap);
	e->sent = (uint32_t)(c->s - d->seg.sent);
	e->src = se;
	e->tgt = te;
	e->code = code;
	e->trig0 = tok(c, t->t0)->off;
	e->trig1 = tok(c, t->t1 - 1)->off + tok(c, t->t1 - 1)->len;
	e->pat = an_evdict_pat(c->ev, t->pat);
	e->modality = f->modality;
	e->attr = f->attribution >= 0 ? d->ment[f->attribution].ent : AN_NONE;
	e->loc = loc >= 0 ? d->ment[loc].ent : AN_NONE;
	if (date)
		memcpy(e->date, date, 11);
	else
		e->date[0] = 0;
	const an_rent *rows = d->ents->rows;
	an_trace(d, "  event %s %s -> %s (%s%s%s%s%s)", code->code, rows[se].id,
	      te != AN_NONE ? rows[te].id : "-", f->modality,
	      e->attr != AN_NONE ? ", by " : "",
	      e->attr != AN_NONE ? rows[e->attr].id : "",
	      date ? ", " : "", date ? date : "");
}

/* For a sentence without a date of its own: the date of the footnote a
 * marker in it points to ("broke out in Iran,¹" and further on "¹ On
 * December 28, 2017, ..."), else the date that opens the sentence before
 * in its paragraph and frames what follows ("In 2008, we ... The world
 * was surprised when we shelled Beersheba"); NULL when neither. */
static const char *inherited_date(sent_ctx *c)
{
	const an_doc *d = c->d;
	uint32_t si = (uint32_t)(c->s - d->seg.sent);
	for (uint32_t i = c->s->t0; i < c->s->t1; i++)
		if (tok(c, i)->flags & TF_SUP && an_when_footnote(d, i, &c->inherit))
			return c->inherit.iso;
	if (si == 0 || d->seg.sent[si - 1].para != c->s->para ||
	    tok(c, c->s->t0)->flags & (TF_NL | TF_PARA))
		return NULL; /* not a new line or list item */
	const an_sent *p = &d->seg.sent[si - 1];
	an_when w[1];
	if (an_when_scan(d, p->t0, p->t1, w, 1) > 0 && w[0].tok < p->t0 + 4) {
		c->inherit = w[0];
		return c->inherit.iso;
	}
	return NULL;
}

/* The date of the temporal expression nearest token i, else the date the
 * sentence inherits, or NULL. */
static const char *date_near(sent_ctx *c, uint32_t i)
{
	if (c->nwhen < 0)
		c->nwhen = an_when_scan(c->d, c->s->t0, c->s->t1, c->when, 8);
	if (!c->nwhen)
		return inherited_date(c);
	const char *best = NULL;
	uint32_t bestd = UINT32_MAX;
	for (int k = 0; k < c->nwhen; k++) {
		uint32_t w = c->when[k].tok, dist = w > i ? w - i : i - w;
		if (dist < bestd) {
			bestd = dist;
			best = c->when[k].iso;
		}
	}
	return best;
}

/* For an event without a target that answers another ("Israel conducted
 * airstrikes in response", "retaliated"): the source of the last event of
 * the sentence that targeted source row se; else AN_NONE. */
static uint32_t responds_to(sent_ctx *c, const trigger *t, uint32_t se)
{
	int reply = 0;
	for (uint32_t k = t->t0; k < c->s->t1 && k < t->after + 4 && !reply; k++) {
		const an_tok *x = tok(c, k);
		reply = (is_word(c, k, "response") && is_word(c, k - 1, "in")) ||
			(x->len >= 9 && !strncasecmp(c->d->text.s + x->off, "retaliat", 8));
	}
	an_doc *d = c->d;
	for (size_t i = d->nev; reply && i-- > 0 && d->ev[i].sent == c->s - d->seg.sent;)
		if (d->ev[i].tgt == se)
			return d->ev[i].src;
	return AN_NONE;
}

/* Whether the word at i is a noun an event noun before it only qualifies:
 * "aid convoy", "support staff", "attack helicopters", "protest movement". */
static int attributive(sent_ctx *c, uint32_t i)
{
	AN_WORDSET(heads, "convoy", "convoys", "worker", "workers", "agency",
		"agencies", "group", "groups", "organisation", "organisations",
		"organization", "organizations", "distribution", "truck", "trucks",
		"lorries", "official", "officials", "staff", "programme", "programs",
		"program", "programmes", "helicopter", "helicopters", "aircraft",
		"jets", "drones", "submarine", "submarines", "dog", "dogs", "movement",
		"movements", "site", "sites", "points", "point", "centre", "center",
		"hub", "hubs", "base", "bases", "network", "networks", "flights",
		"ship", "ships", "vessel", "vessels", "desk", "line", "lines",
		"worker", "volunteers", "camp", "camps", "route", "routes", "corridor",
		"corridors", "system", "systems", "unit", "units", "capability",
		"capabilities", "plan", "plans", "appeal", "appeals", "effort",
		"efforts", "budget", "budgets");
	return i < c->s->t1 && word_in(c, i, &heads);
}

static void code_trigger(sent_ctx *c, const trigger *t)
{
	const an_pat *p = an_evdict_pat(c->ev, t->pat);
	const an_evcode *code = an_evdict_code(c->ev, p->code);
	roles r;
	memset(&r, 0, sizeof r);
	if (t->noun)
		noun_roles(c, t, &r);
	else
		verb_roles(c, t, &r);
	an_doc *d = c->d;
	an_trace(d, "  trigger \"%.*s\" (%s, %s:%u \"%s\") code %s%s: %d source%s, %d target%s",
	      (int)(tok(c, t->t1 - 1)->off + tok(c, t->t1 - 1)->len - tok(c, t->t0)->off),
	      d->text.s + tok(c, t->t0)->off, t->noun ? "noun" : "verb", p->file,
	      p->line, p->text, code->code, r.passive ? " passive" : "", r.nsrc,
	      r.nsrc == 1 ? "" : "s", r.ntgt, r.ntgt == 1 ? "" : "s");
	if (!r.nsrc) {
		an_trace(d, "  no event: no source actor for the trigger");
		return;
	}
	if (t->noun && !is_word(c, t->t0, "-") && attributive(c, t->t1)) {
		an_trace(d, "  no event: the noun qualifies another (\"aid convoy\")");
		return;
	}
	if (p->need_target && (!r.ntgt || t->noun)) {
		an_trace(d, "  no event: the pattern codes only as a verb with a target actor");
		return;
	}
	framing f = frame(c, t, code, d->ment[r.src[0]].ent);
	const char *date = date_near(c, t->t0);
	long loc = location(c, t, &r);
	for (int i = 0; i < r.nsrc; i++) {
		uint32_t se = actor_row(c, r.src[i]);
		if (!r.ntgt)
			emit(c, t, code, se, responds_to(c, t, se), &f, date, loc);
		for (int j = 0; j < r.ntgt; j++)
			emit(c, t, code, se, actor_row(c, r.tgt[j]), &f, date, loc);
	}
}

/* Tokens after a verb trigger up to the end of an event noun that is its
 * object ("offered Iranian support", "carried out airstrikes"): the noun
 * is part of the verb's event, not one of its own. */
static uint32_t absorbed(sent_ctx *c, const trigger *t)
{
	if (t->noun)
		return 0;
	for (uint32_t k = t->t1; k < c->s->t1 && k < t->t1 + 3; k++) {
		trigger n;
		const an_tok *x = tok(c, k);
		if (x->kind == AN_TK_WORD && !(x->flags & TF_MENT) &&
		    trigger_at(c, k, 1, &n))
			return n.t1 - t->t1;
		if (x->kind != AN_TK_WORD || (!(x->flags & TF_LOWER) && !demonym_at(c, k)))
			return 0;
	}
	return 0;
}

/* Whether the sentence names an actor or has a pronoun that may stand for
 * one: without, no event can have a source. */
static int has_actor(sent_ctx *c)
{
	for (uint32_t i = c->s->t0; i < c->s->t1; i++)
		if (tok(c, i)->flags & TF_MENT)
			return 1;
	for (uint32_t i = c->s->t0; i < c->s->t1; i++)
		if (tok(c, i)->kind == AN_TK_WORD && word_in(c, i, &pron_any))
			return 1;
	return 0;
}

/* Whether token i is the hyphen of a compound modifier after an actor
 * ("Iranian-backed"). */
static int compound_at(sent_ctx *c, uint32_t i)
{
	return i > c->s->t0 && tok(c, i - 1)->flags & TF_MENT &&
	       is_word(c, i, "-") && i + 1 < c->s->t1 && tok(c, i + 1)->flags & TF_LOWER;
}

static void code_sentence(an_doc *d, const an_evdict *ev, const an_sent *s)
{
	sent_ctx c;
	ctx_init(&c, d, ev, s);
	if (d->ctx->opts & ANNALS_OPT_EXPLAIN) {
		an_trace(d, "sentence %u: %.*s", (unsigned)(s - d->seg.sent),
		      (int)(s->end - s->off), d->text.s + s->off);
		for (uint32_t i = s->t0; i < s->t1; i++) {
			long m = ment_of(&c, i);
			if (m >= 0 && d->ment[m].t0 == i)
				an_trace(d, "  actor \"%.*s\" = %s",
				      (int)(d->ment[m].end - d->ment[m].off),
				      d->text.s + d->ment[m].off, ent_id(d, m));
		}
	}
	uint32_t last = s->t1;
	while (last > s->t0 && d->seg.tok[last - 1].kind == AN_TK_PUNCT &&
	       !is_word(&c, last - 1, "?") && !is_word(&c, last - 1, "."))
		last--;
	if (last > s->t0 && is_word(&c, last - 1, "?")) {
		an_trace(d, "  no event: a question asserts nothing");
		return;
	}
	if (!has_actor(&c)) {
		an_trace(d, "  no event: no actor or pronoun in the sentence");
		return;
	}
	int any = 0;
	for (uint32_t i = s->t0; i < s->t1; i++) {
		const an_tok *k = &d->seg.tok[i];
		if ((k->kind != AN_TK_WORD && !compound_at(&c, i)) ||
		    k->flags & (TF_EXCL | TF_MENT) || c.used[i - s->t0])
			continue;
		trigger t;
		if (!trigger_at(&c, i, 0, &t))
			continue;
		any = 1;
		t.after = t.t1 + absorbed(&c, &t);
		pat_match(&c, an_evdict_pat(ev, t.pat), i, 1);
		for (uint32_t j = t.t1; j < t.after; j++)
			c.used[j - s->t0] = 1;
		code_trigger(&c, &t);
	}
	if (!any)
		an_trace(d, "  no trigger: no verb or noun of the patterns");
}

void an_event_run(an_doc *d)
{
	const an_evdict *ev = d->ctx->evdict;
	if (!ev || d->ctx->opts & ANNALS_OPT_NO_EVENTS)
		return;
	for (uint32_t i = 0; i < d->seg.nsent; i++) {
		const an_sent *s = &d->seg.sent[i];
		if (d->seg.tok[s->t0].flags & TF_EXCL && d->seg.tok[s->t1 - 1].flags & TF_EXCL)
			continue;
		code_sentence(d, ev, s);
	}
}
