/*
 * roles.c: references to a person by the role he holds, resolved through
 * the dictionary's dated roles on the document's date: "the Quds Force
 * commander", "Iran's president", "the commander of the Quds Force" name
 * Qasem Soleimani in 2017 and Esmail Qaani in 2021. The title's words
 * become a mention of that person; a title followed by a name, a former
 * holder ("the former president") or a role two people held at once is
 * left alone.
 */
#include <string.h>

#include "doc.h"

#define MAX_TITLE 4 /* words */

/* The title in tokens [a, b), lower-cased, hyphens without spaces
 * ("commander-in-chief"); its length, or 0 when it does not fit. */
static size_t title_text(const an_doc *d, uint32_t a, uint32_t b, char *out, size_t cap)
{
	size_t o = 0;
	for (uint32_t i = a; i < b; i++) {
		const an_tok *k = &d->seg.tok[i];
		int glue = i == a || an_doc_word_is(d, i, "-") || an_doc_word_is(d, i - 1, "-");
		if (o + k->len + 2 > cap)
			return 0;
		if (!glue)
			out[o++] = ' ';
		for (uint32_t j = 0; j < k->len; j++) {
			char c = d->text.s[k->off + j];
			out[o++] = c >= 'A' && c <= 'Z' ? (char)(c | 32) : c;
		}
	}
	out[o] = 0;
	return o;
}

/* The holder of the title in [a, b) in the organisation or country of
 * mention m on the document's date, trying near synonyms ("chief" for
 * "commander"); or AN_NONE. */
static uint32_t holder(const an_doc *d, long m, uint32_t a, uint32_t b)
{
	static const char *const syn[][2] = {{"chief", "commander"}, {"chief", "head"},
		{"head", "leader"}, {"leader", "head"}, {"commander", "chief"},
		{"boss", "head"}};
	const an_rent *org = &d->ents->rows[d->ment[m].ent];
	char t[96];
	size_t n = title_text(d, a, b, t, sizeof t);
	if (!n || org->dict == AN_NONE)
		return AN_NONE;
	const an_dict *dict = d->ctx->dict;
	uint32_t p = an_dict_holder(dict, org->id, t, n, d->date);
	for (size_t s = 0; p == AN_NONE && s < sizeof syn / sizeof *syn; s++)
		if (strcmp(t, syn[s][0]) == 0)
			p = an_dict_holder(dict, org->id, syn[s][1], strlen(syn[s][1]), d->date);
	return p;
}

/* Whether the title ending before token e is followed by the name of the
 * one who holds it ("commander Qasem Soleimani", "the commander of X,
 * Qasem Soleimani,"). */
static int named_after(const an_doc *d, uint32_t e, const an_sent *s)
{
	if (e < s->t1 && an_doc_word_is(d, e, ","))
		e++;
	return e < s->t1 && d->seg.tok[e].flags & TF_CAP;
}

/* Whether the word at i makes the title someone's who held it before or
 * after: "the former commander", "the late president", "the then head",
 * "the next leader". */
static int not_now(const an_doc *d, uint32_t i)
{
	return an_doc_word_is(d, i, "former") || an_doc_word_is(d, i, "late") || an_doc_word_is(d, i, "then") ||
	       an_doc_word_is(d, i, "ex") || an_doc_word_is(d, i, "next") || an_doc_word_is(d, i, "future") ||
	       an_doc_word_is(d, i, "outgoing") || an_doc_word_is(d, i, "previous");
}

/* Whether the phrase starting at token i describes a name or subject
 * before it rather than standing for one: "Qasem Soleimani, the commander
 * of the Quds Force", "Soleimani was the commander", "serves as Iraq's
 * national security adviser". */
static int predicate(const an_doc *d, uint32_t i, const an_sent *s)
{
	return i > s->t0 && (an_doc_word_is(d, i - 1, ",") || an_doc_word_is(d, i - 1, "as") || an_doc_word_is(d, i - 1, "is") ||
			     an_doc_word_is(d, i - 1, "was") || an_doc_word_is(d, i - 1, "became") ||
			     an_doc_word_is(d, i - 1, "becomes") || an_doc_word_is(d, i - 1, "remains") ||
			     an_doc_word_is(d, i - 1, "named") || an_doc_word_is(d, i - 1, "appointed"));
}

static void add(an_doc *d, uint32_t a, uint32_t b, uint32_t person)
{
	uint32_t row = an_etab_dict(d->ents, person);
	an_doc_mention(d, a, b, row, AN_H_ROLE);
}

/* "the Quds Force commander", "Iran's president", "the Iranian president":
 * the title after mention m. */
static void title_after(an_doc *d, long m, const an_sent *s)
{
	const an_ment *x = &d->ment[m];
	uint32_t a = x->t1;
	int poss = a < s->t1 && d->seg.tok[a].flags & TF_POSS;
	a += poss;
	if (!poss && !(x->t0 > s->t0 && an_doc_word_is(d, x->t0 - 1, "the")))
		return; /* "the former Quds Force commander" has no "the" before it */
	if (predicate(d, poss ? x->t0 : x->t0 - 1, s))
		return;
	for (uint32_t b = a + MAX_TITLE; b > a; b--) {
		if (b > s->t1)
			continue;
		int words = 1;
		for (uint32_t i = a; i < b && words; i++)
			words = (d->seg.tok[i].flags & TF_LOWER) || an_doc_word_is(d, i, "-");
		if (!words || an_doc_ment_at(d, b - 1) >= 0)
			continue;
		uint32_t p = holder(d, m, a, b);
		if (p == AN_NONE)
			continue;
		if (!named_after(d, b, s))
			add(d, a, b, p);
		return;
	}
}

/* "the commander of the Quds Force": the title between "the" and "of"
 * before mention m. */
static void title_of(an_doc *d, long m, const an_sent *s)
{
	uint32_t of = d->ment[m].t0 - 1;
	if (of > d->ment[m].t0 || of <= s->t0)
		return;
	if (an_doc_word_is(d, of, "the"))
		of--;
	if (of <= s->t0 || !an_doc_word_is(d, of, "of"))
		return;
	for (uint32_t a = of; a-- > s->t0 && a + MAX_TITLE >= of;) {
		if (!an_doc_word_is(d, a, "the"))
			continue;
		if (not_now(d, a + 1) || predicate(d, a, s))
			return;
		uint32_t p = holder(d, m, a + 1, of);
		if (p != AN_NONE && !named_after(d, d->ment[m].t1, s))
			add(d, a + 1, of, p);
		return;
	}
}

void an_match_roles(an_doc *d)
{
	if (!d->date || !d->nment)
		return;
	size_t n = d->nment; /* the mentions found so far; added ones are persons */
	for (size_t m = 0; m < n; m++) {
		const an_ment *x = &d->ment[m];
		int kind = d->ents->rows[x->ent].kind;
		if (x->dead || (kind != AN_K_ORG && kind != AN_K_COUNTRY))
			continue;
		const an_sent *s = &d->seg.sent[d->seg.tok[x->t0].sent];
		if (d->seg.tok[x->t0].flags & TF_EXCL)
			continue;
		title_after(d, (long)m, s);
		title_of(d, (long)m, s);
	}
}
