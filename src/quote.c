/*
 * quote.c: direct quotations and who said them. Quotation marks are paired
 * in one pass over the tokens (straight marks by the spacing around them,
 * curly and angle marks by their direction). A quotation still open when
 * its paragraph ends, or when a new opening mark follows the end of a
 * sentence, ends there; the next one, opened at once, continues it. Each
 * quotation's speaker comes from the words around it, in this order: "X
 * said" or "said X" after it, "X said:" or "according to X" before it,
 * another quotation of the same run (quotations with nothing but space
 * between them), a verb of saying in the sentence before, and the last
 * speaker. Pronouns stand for the last person speaking or named; "a
 * spokesman for X" and "an X spokesman" speak for X. Medium, addressee,
 * outlet and date come from the same words.
 */
#include <string.h>

#include "doc.h"

#define MIN_WORDS 4   /* fewer words are scare quotes */
#define AFTER_REACH 9 /* tokens from a closing mark to its verb of saying */
#define LAST_REACH 3  /* sentences a speaker carries over to */

enum { M_NONE, M_OPEN, M_CLOSE, M_EITHER };
/* A speaker the text names but does not identify ("a spokesman said"):
 * the quotation is his, so no other attribution applies. */
#define NAMELESS (-2)

/* How a speaker was found, for the record and the trace. */
static const char *const how_names[] = {"", "after", "before", "run",
					"previous sentence", "repeated", "last speaker"};
enum { W_NONE, W_AFTER, W_BEFORE, W_RUN, W_PREV, W_REPEAT, W_LAST };

AN_WORDSET(speech, "say", "says", "said", "saying", "tell", "tells", "told",
	"add", "adds", "added", "stress", "stresses", "stressed", "write",
	"writes", "wrote", "argue", "argues", "argued", "insist", "insists",
	"insisted", "warn", "warns", "warned", "explain", "explains",
	"explained", "claim", "claims", "claimed", "note", "notes", "noted",
	"declare", "declares", "declared", "stated",
	"announce", "announces", "announced", "admit", "admits", "admitted",
	"ask", "asks", "asked", "reply", "replies", "replied", "urge", "urges",
	"urged", "suggest", "suggests", "suggested", "predict", "predicts",
	"predicted", "comment", "comments", "commented", "remark", "remarked",
	"recall", "recalls", "recalled", "report", "reports", "reported",
	"acknowledge", "acknowledged", "concede", "concedes", "conceded",
	"maintain", "maintains", "maintained", "promise", "promises",
	"promised", "pledge", "pledged", "vow", "vows", "vowed", "describe",
	"describes", "described", "identify", "identifies", "identified",
	"joke", "joked", "quip", "quipped", "complain", "complained",
	"emphasise", "emphasised", "emphasize", "emphasized", "affirm",
	"affirmed", "continue", "continued", "accuse", "accused", "call",
	"calls", "called", "brand", "branded", "dub", "dubbed", "hail",
	"hailed", "criticise", "criticised", "criticize", "criticized",
	"condemn", "condemned", "welcome", "welcomed", "praise", "praised",
	"blame", "blamed", "reveal", "revealed", "confirm", "confirmed",
	"deny", "denied", "tweet", "tweeted", "post", "posted", "respond",
	"responded", "counter", "countered", "retort", "retorted", "exclaim",
	"exclaimed", "boast", "boasted", "threaten", "threatened", "agree",
	"agreed", "conclude", "concluded", "observe", "observed", "remember",
	"remembers", "remembered", "recount", "recounted", "confess", "reads",
	"entitled", "titled", "headlined", "repeat", "repeats", "repeated",
	"confesses", "confessed", "reply", "replies", "add", "adding");

/* A verb of saying at token j, or "went on" ("She went on: "...""). */
static int is_speech(const an_doc *d, uint32_t j);
/* words between a subject and its verb: "he also said", "has since said" */
AN_WORDSET(between, "also", "later", "earlier", "then", "has", "have", "had",
	"was", "is", "were", "are", "will", "would", "further", "again",
	"once", "previously", "recently", "yesterday", "today", "since",
	"repeatedly", "publicly", "privately", "separately", "simply",
	"himself", "herself", "had", "did", "not", "never", "who");
AN_WORDSET(spokes, "spokesman", "spokeswoman", "spokesperson", "spokesmen",
	"spokespeople", "spokeswomen", "official", "officials", "source",
	"sources", "aide", "aides", "adviser", "advisers", "advisor",
	"representative", "statement", "release", "communique", "report");
AN_WORDSET(he_she, "he", "she");
AN_WORDSET(determiners, "a", "an", "the", "his", "her", "its", "their", "this",
	"that", "our", "my", "your");
/* things that carry words and have an author: "the statement said" */
AN_WORDSET(works, "statement", "statements", "message", "messages", "video",
	"letter", "post", "report", "communique", "banner", "poster",
	"leaflet", "article", "editorial", "tweet", "clip", "recording",
	"speech", "announcement", "declaration", "notice");
/* verbs of saying that are nouns as well */
AN_WORDSET(noun_too, "report", "reports", "comment", "comments", "note",
	"notes", "claim", "claims", "call", "calls", "post", "tweet", "reply",
	"replies", "promise", "promises", "pledge", "vow", "vows", "state",
	"states", "remark", "counter", "quip", "joke", "recall", "blame",
	"welcome", "praise", "hail", "reads", "statement", "warning");
/* verbs that put a work out: "al-Alam posted a video" */
AN_WORDSET(publish, "posted", "issued", "published", "released", "aired",
	"broadcast", "broadcasted", "circulated", "distributed", "uploaded",
	"sent", "put");
AN_WORDSET(his_her, "his", "her");
/* verbs of saying whose object is the addressee, not the speaker */
AN_WORDSET(to_whom, "tell", "tells", "told", "ask", "asks", "asked", "urge",
	"urges", "urged", "accuse", "accused", "call", "calls", "called",
	"warn", "warns", "warned", "praise", "praised", "blame", "blamed",
	"criticise", "criticised", "criticize", "criticized", "condemn",
	"condemned", "welcome", "welcomed", "hail", "hailed");
/* words that open a clause whose verb is not the main one: "if he said" */
AN_WORDSET(subordinate, "if", "when", "whether", "because", "as", "what",
	"unless", "although", "though");
AN_WORDSET(skip_right, "the", "a", "an", "mr", "mrs", "ms", "dr", "sir",
	"prof", "professor", "rabbi", "lord", "lady", "'s", "’s", "his",
	"her", "their", "its", "former", "then", "new", "chief", "senior",
	"deputy", "shadow", "party", "leader", "minister", "secretary",
	"spokesman", "spokeswoman", "spokesperson", "chairman", "president",
	"chancellor", "general", "commander", "director", "head", "official",
	"prime", "foreign", "home", "defence", "defense", "justice");

/* Media words, the more telling first: "a televised speech" is a speech. */
static const struct {
	const char *word, *medium;
} media_words[] = {
	{"interview", "interview"}, {"interviewed", "interview"},
	{"letter", "letter"}, {"e-mail", "letter"}, {"email", "letter"},
	{"wrote", "letter"}, {"phone", "phone call"},
	{"telephone", "phone call"}, {"tweet", "post"}, {"tweeted", "post"},
	{"posted", "post"}, {"Twitter", "post"}, {"Facebook", "post"},
	{"Instagram", "post"}, {"Telegram", "post"}, {"blog", "post"},
	{"statement", "statement"}, {"conference", "statement"},
	{"communique", "statement"}, {"speech", "speech"},
	{"seminar", "speech"}, {"rally", "speech"}, {"sermon", "speech"},
	{"MPs", "speech"}, {"Commons", "speech"}, {"delegates", "speech"},
	{"lecture", "speech"}, {"addressing", "speech"},
	{"broadcast", "broadcast"}, {"televised", "broadcast"},
	{"television", "broadcast"}, {"report", "other"},
	{"ruling", "other"}, {"judgment", "other"},
};
#define NMEDIA (sizeof media_words / sizeof *media_words)

typedef struct quote_ctx {
	an_doc *d;
	uint8_t *inq;      /* per token: inside a quotation */
	long *sperson;     /* per sentence: sentence_person(), -2 = not yet */
	int searches;      /* searches for repeated quotations so far */
	size_t last;       /* the last quotation with a speaker + 1, or 0 */
} quote_ctx;

static const an_tok *T(const an_doc *d, uint32_t i)
{
	return &d->seg.tok[i];
}

static int is_char(const an_doc *d, uint32_t i, char c)
{
	const an_tok *k = T(d, i);
	return k->kind == AN_TK_PUNCT && k->len == 1 && d->text.s[k->off] == c;
}

/* Whether token i, lower-cased, is in the word set. */
static int lword(const an_doc *d, uint32_t i, an_wordset *ws)
{
	const an_tok *k = T(d, i);
	return k->kind == AN_TK_WORD && an_words_may(ws, k) &&
	       an_words_has_lower(ws, &d->text, k);
}

static long ment_at(const an_doc *d, uint32_t i)
{
	return d->tokment && d->tokment[i] ? (long)d->tokment[i] - 1 : -1;
}

static int ment_kind(const an_doc *d, long m)
{
	return d->ents->rows[d->ment[m].ent].kind;
}

/* ---- pairing the marks --------------------------------------------------- */

static int spaced_before(const an_doc *d, uint32_t i)
{
	if (i == 0 || T(d, i)->flags & (TF_SPACE | TF_NL | TF_PARA))
		return 1;
	return is_char(d, i - 1, '(') || is_char(d, i - 1, '[') ||
	       is_char(d, i - 1, ':') || is_char(d, i - 1, '-');
}

static int spaced_after(const an_doc *d, uint32_t i)
{
	if (i + 1 >= d->seg.ntok || T(d, i + 1)->flags & (TF_SPACE | TF_NL | TF_PARA))
		return 1;
	const an_tok *n = T(d, i + 1);
	return n->kind == AN_TK_PUNCT && n->len == 1 &&
	       strchr(",.;:!?)]", d->text.s[n->off]);
}

/* What a quotation mark at token i does: opens, closes, or either. */
static int mark_kind(const an_doc *d, uint32_t i)
{
	const an_tok *k = T(d, i);
	if (k->kind != AN_TK_PUNCT || k->flags & TF_EXCL ||
	    (k->c0 != '"' && k->c0 != 0xE2 && k->c0 != 0xC2))
		return M_NONE; /* most punctuation: no spacing to look at */
	const unsigned char *p = (const unsigned char *)d->text.s + k->off;
	int b = spaced_before(d, i), a = spaced_after(d, i);
	if (k->len == 1 && *p == '"')
		return b && !a ? M_OPEN : !b && a ? M_CLOSE : M_EITHER;
	if (k->len == 3 && p[0] == 0xE2 && p[1] == 0x80) {
		if (p[2] == 0x9C || p[2] == 0x9E) /* “ „, some texts close with “ */
			return !b && a ? M_CLOSE : M_OPEN;
		if (p[2] == 0x9D) /* ”, some texts open with ” */
			return b && !a ? M_OPEN : M_CLOSE;
	}
	if (k->len == 2 && p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB))
		return p[1] == 0xAB ? M_OPEN : M_CLOSE; /* « » */
	return M_NONE;
}

/* A single mark opening a quotation after a colon ("Qaani: 'In the first
 * three days'"), or the single mark closing it. */
static int single_mark(const an_doc *d, uint32_t i, int open)
{
	const an_tok *k = T(d, i);
	const unsigned char *p = (const unsigned char *)d->text.s + k->off;
	if (k->kind != AN_TK_PUNCT || k->flags & TF_EXCL)
		return 0;
	int single = (k->len == 1 && *p == '\'') ||
		     (k->len == 3 && p[0] == 0xE2 && p[1] == 0x80 &&
		      p[2] == (open ? 0x98 : 0x99));
	if (!single)
		return 0;
	if (open)
		return i > 0 && is_char(d, i - 1, ':') && !spaced_after(d, i);
	return spaced_after(d, i);
}

static int words_in(const an_doc *d, uint32_t t0, uint32_t t1)
{
	int n = t1 > t0;
	for (uint32_t i = t0 + 1; i < t1 && n < MIN_WORDS; i++)
		n += !!(T(d, i)->flags & (TF_SPACE | TF_NL));
	return n;
}

/* Adds the quotation between mark tokens om and cm (cm: the closing mark,
 * or the token after the quotation when none closes it). */
static void add(an_doc *d, uint32_t om, uint32_t cm, int closed, int cont)
{
	uint32_t t0 = om + 1, t1 = cm;
	if (t1 <= t0 || words_in(d, t0, t1) < MIN_WORDS || T(d, t0)->flags & TF_EXCL)
		return;
	an_quote *q = AN_VEC_PUSH(d->a, d->quote, d->nquote, d->qcap);
	memset(q, 0, sizeof *q);
	q->om = om;
	q->cm = cm;
	q->t0 = t0;
	q->t1 = t1;
	q->off = T(d, t0)->off;
	q->end = T(d, t1 - 1)->off + T(d, t1 - 1)->len;
	q->closed = (uint8_t)closed;
	q->cont = (uint8_t)cont;
	q->speaker = q->addressee = q->outlet = AN_NONE;
	q->sment = -1;
}

static void pair_marks(an_doc *d)
{
	const an_seg *seg = &d->seg;
	uint32_t open = AN_NONE;
	int single = 0, cont = 0, next_cont = 0;
	for (uint32_t i = 0; i < seg->ntok; i++) {
		const an_tok *k = T(d, i);
		if (open != AN_NONE && k->flags & TF_PARA) {
			add(d, open, i, 0, cont);
			open = AN_NONE;
			next_cont = !single && mark_kind(d, i) == M_OPEN;
		}
		if (k->kind != AN_TK_PUNCT)
			continue;
		if (open != AN_NONE && single) {
			if (single_mark(d, i, 0)) {
				add(d, open, i, 1, 0);
				open = AN_NONE;
			}
			continue;
		}
		if (open == AN_NONE && single_mark(d, i, 1)) {
			open = i, single = 1, cont = 0;
			continue;
		}
		int mk = mark_kind(d, i);
		if (mk == M_NONE)
			continue;
		if (open == AN_NONE) {
			if (mk == M_OPEN)
				open = i, single = 0, cont = next_cont;
			next_cont = 0;
		} else if (mk == M_OPEN && k->flags & TF_SENT) {
			add(d, open, i, 0, cont); /* "... weeks. "We are" */
			open = i, cont = 1;
		} else {
			add(d, open, i, 1, cont);
			open = AN_NONE;
		}
	}
	if (open != AN_NONE)
		add(d, open, seg->ntok, 0, cont);
}

/* ---- speakers ------------------------------------------------------------ */

/* The first person named outside quotations in sentence si, or -1 when
 * none is, or a "he", "she", "his" or "her" comes first. */
static long first_person(quote_ctx *c, uint32_t si)
{
	an_doc *d = c->d;
	const an_sent *s = &d->seg.sent[si];
	for (uint32_t j = s->t0; j < s->t1; j++) {
		if (c->inq[j])
			continue;
		long m = ment_at(d, j);
		if (m >= 0 && ment_kind(d, m) == AN_K_PERSON)
			return m;
		if (lword(d, j, &he_she) || lword(d, j, &his_her))
			return -1;
	}
	return -1;
}

static long sentence_speaker(quote_ctx *c, uint32_t si, uint32_t *verb,
			     uint32_t *ev);

/* Who sentence si is about, for a pronoun after it: the speaker of its
 * verb of saying, else the first person it names; -1 when it names none
 * or opens with a pronoun (the same person as before). Memoized. */
static long sentence_person(quote_ctx *c, uint32_t si)
{
	if (c->sperson[si] != -2)
		return c->sperson[si];
	c->sperson[si] = -1; /* a pronoun resolving to its own sentence */
	an_doc *d = c->d;
	uint32_t verb, ev = AN_NONE;
	long m = sentence_speaker(c, si, &verb, &ev);
	if (m >= 0 && ment_kind(d, m) != AN_K_PERSON && !(ev != AN_NONE && lword(d, ev, &spokes)))
		m = -1;
	if (m < 0)
		m = first_person(c, si);
	return c->sperson[si] = m;
}

/* The person a "he" or "she" at token i stands for: who the sentences
 * before it are about, the nearest first. */
static long person_before(quote_ctx *c, uint32_t i)
{
	uint32_t si = T(c->d, i)->sent;
	long m = -1;
	for (uint32_t k = 1; m < 0 && k <= 6 && k <= si; k++)
		m = sentence_person(c, si - k);
	return m;
}

/* The person a role noun at token j names: "the prime minister", "the
 * Tory leader": the last person named before whose role has that title. */
static long role_person(const an_doc *d, uint32_t j)
{
	const an_etab *et = d->ents;
	const an_tok *k = T(d, j);
	for (size_t m = an_doc_ments_before(d, j), n = 0; m-- > 0 && n < 80; n++) {
		const an_rent *r = &et->rows[d->ment[m].ent];
		if (r->kind != AN_K_PERSON)
			continue;
		const an_ent *e = r->dict != AN_NONE ? an_dict_ent(et->dict, r->dict) : NULL;
		for (unsigned x = 0; x <= (e ? e->nroles : 0); x++) {
			const char *t = e && x < e->nroles ? e->roles[x].title : r->role_title;
			size_t tl = t ? strlen(t) : 0;
			if (tl >= k->len && !strncasecmp(t + tl - k->len, d->text.s + k->off, k->len) &&
			    (tl == k->len || t[tl - k->len - 1] == ' '))
				return (long)m;
		}
	}
	return -1;
}

/* The mention that ends at token j, or -1. */
static long ment_ending(const an_doc *d, uint32_t j)
{
	long m = ment_at(d, j);
	return m >= 0 && d->ment[m].t1 == j + 1 ? m : -1;
}

/* The group a spokesman at token j speaks for: "a Labour spokesman",
 * "Mr Blair's official spokesman", "a spokeswoman for Human Rights Watch". */
static long spokesman_of(const an_doc *d, uint32_t j, uint32_t lo)
{
	uint32_t k = j;
	while (k > lo && (lword(d, k - 1, &skip_right) || T(d, k - 1)->flags & TF_POSS) &&
	       ment_at(d, k - 1) < 0)
		k--;
	if (k > lo && ment_ending(d, k - 1) >= 0)
		return ment_ending(d, k - 1);
	long m; /* "Abu Hamza, their spokesperson" */
	if (k > lo + 1 && is_char(d, k - 1, ',') && (m = ment_ending(d, k - 2)) >= 0 &&
	    ment_kind(d, m) == AN_K_PERSON)
		return m;
	if (j + 2 < d->seg.ntok && an_tok_ieq(&d->text, T(d, j + 1), "for"))
		return ment_at(d, j + 2);
	return -1;
}

/* Who put out the work named at token j ("the video"): the subject of a
 * verb of publishing it ("al-Ayam posted a video") or the name after "by"
 * ("a statement issued by Hamas"), in the sentences before. */
static long publisher_of(quote_ctx *c, uint32_t j)
{
	an_doc *d = c->d;
	const an_tok *w = T(d, j);
	uint32_t stop = d->seg.sent[T(d, j)->sent > 12 ? T(d, j)->sent - 12 : 0].t0;
	for (uint32_t x = j; x-- > stop;) {
		const an_tok *k = T(d, x);
		if (!an_tok_same(&d->text, k, w))
			continue;
		const an_sent *s = &d->seg.sent[k->sent];
		for (uint32_t y = x + 1; y + 1 < s->t1 && y < x + 6; y++)
			if (an_tok_ieq(&d->text, T(d, y), "by") && ment_at(d, y + 1) >= 0)
				return ment_at(d, y + 1);
		for (uint32_t y = x; y-- > s->t0 && y + 6 > x;) {
			if (!lword(d, y, &publish))
				continue;
			for (uint32_t z = y; z-- > s->t0 && z + 4 > y;)
				if (ment_at(d, z) >= 0)
					return ment_at(d, z);
		}
	}
	return -1;
}

/* The subject of the clause [lo, hi): its first name or pronoun. */
static long clause_subject(quote_ctx *c, uint32_t lo, uint32_t hi, uint32_t *ev)
{
	for (uint32_t j = lo; j < hi; j++) {
		if (c->inq[j])
			continue;
		long m = ment_at(c->d, j);
		if (m >= 0 && ment_kind(c->d, m) != AN_K_PLACE)
			return *ev = j, m;
		if (lword(c->d, j, &he_she))
			return *ev = j, person_before(c, j);
	}
	return -1;
}

/* The subject of the verb of saying at token v, looking no further left
 * than token lo; *ev gets the token that names it. */
static long subject_left(quote_ctx *c, uint32_t v, uint32_t lo, uint32_t *ev)
{
	an_doc *d = c->d;
	uint32_t j = v;
	while (j > lo && (lword(d, j - 1, &between) ||
			  (T(d, j - 1)->len > 4 && T(d, j - 1)->kind == AN_TK_WORD &&
			   !strncmp(d->text.s + T(d, j - 1)->off + T(d, j - 1)->len - 2, "ly", 2))))
		j--;
	if (j <= lo)
		return -1;
	j--;
	*ev = j;
	if (lword(d, j, &he_she))
		return person_before(c, j);
	if (lword(d, j, &works) && j > 0 && lword(d, j - 1, &determiners))
		return publisher_of(c, j);
	if (lword(d, j, &spokes)) {
		long m = spokesman_of(d, j, lo);
		return m >= 0 ? m : NAMELESS; /* "the spokesman said" */
	}
	if (is_char(d, j, ',') && T(d, v)->len > 4 &&
	    !strncmp(d->text.s + T(d, v)->off + T(d, v)->len - 3, "ing", 3))
		return clause_subject(c, lo, j, ev); /* "X branded it unacceptable, saying" */
	long m = ment_at(d, j);
	if (m >= 0) {
		/* "Colin Asplin, Blackpool Hotel Association said" */
		uint32_t s = d->ment[m].t0;
		if (ment_kind(d, m) != AN_K_PERSON && s >= lo + 2 && is_char(d, s - 1, ',')) {
			long p = ment_ending(d, s - 2);
			if (p >= 0 && ment_kind(d, p) == AN_K_PERSON)
				return *ev = s - 2, p;
		}
		return m;
	}
	if (T(d, j)->flags & TF_LOWER && j > lo && !c->inq[j]) {
		uint32_t x = j; /* "the (Tory) leader", "the first minister" */
		while (x > lo && x + 3 > j && !an_tok_ieq(&d->text, T(d, x - 1), "the"))
			x--;
		if (x > lo && an_tok_ieq(&d->text, T(d, x - 1), "the"))
			return role_person(d, j);
	}
	if (is_char(d, j, ',')) {
		/* "David Frost, director general of the Chambers, warned";
		 * "The Shadow Secretary, Theresa May, said" */
		uint32_t k = j;
		while (k > lo && k + 20 > j && !is_char(d, k - 1, ','))
			k--;
		if (k <= lo || k + 20 <= j)
			return -1;
		for (uint32_t x = k; x < j; x++) {
			long p = ment_at(d, x);
			if (p >= 0 && ment_kind(d, p) == AN_K_PERSON)
				return *ev = x, p;
		}
		if (k >= lo + 2 && (m = ment_ending(d, k - 2)) >= 0)
			return *ev = k - 2, m;
		return -1;
	}
	return -1;
}

/* The speaker named after the verb of saying at token v, before token hi:
 * "said Mr Thomas", "said the Tory leader Michael Howard". */
static long subject_right(const an_doc *d, uint32_t v, uint32_t hi, uint32_t *ev)
{
	long first = -1;
	for (uint32_t j = v + 1; j < hi && j < v + 8; j++) {
		long m = ment_at(d, j);
		if (m >= 0) {
			if (ment_kind(d, m) == AN_K_PERSON)
				return *ev = j, m;
			if (first < 0)
				*ev = j, first = m;
			j = d->ment[m].t1 - 1;
			continue;
		}
		if (lword(d, j, &spokes))
			return *ev = j, spokesman_of(d, j, v + 1);
		if (!lword(d, j, &skip_right) && !(T(d, j)->flags & TF_CAP) &&
		    !is_char(d, j, ','))
			break;
	}
	return first;
}

/* The speaker of a verb of saying at token v with the clause [lo, hi):
 * its subject, or the name after it when the verb opens the clause
 * ('", said Mr Thomas'), unless that names whom it was said to. */
static long verb_speaker(quote_ctx *c, uint32_t v, uint32_t lo, uint32_t hi,
			 uint32_t *ev)
{
	const an_doc *d = c->d;
	long m = subject_left(c, v, lo, ev);
	if (m == -1 && (v == lo || is_char(d, v - 1, ',') || mark_kind(d, v - 1) != M_NONE) &&
	    !lword(d, v, &to_whom))
		m = subject_right(d, v, hi, ev);
	return m;
}

static int is_speech(const an_doc *d, uint32_t j)
{
	if (lword(d, j, &speech)) { /* not a noun: "a report", "an X report" */
		if (!lword(d, j, &noun_too))
			return 1;
		long m = j ? ment_at(d, j - 1) : -1;
		uint32_t b = m >= 0 ? d->ment[m].t0 : j;
		if (b > 1 && m < 0 && T(d, b - 1)->flags & TF_LOWER &&
		    !lword(d, b - 1, &determiners))
			b--; /* "a phone call" */
		return b == 0 || !(lword(d, b - 1, &determiners) ||
				   T(d, j - 1)->flags & TF_POSS);
	}
	if (lword(d, j, &publish)) /* "X released a statement" */
		for (uint32_t k = j + 1; k < j + 4 && k < d->seg.ntok; k++)
			if (lword(d, k, &works) && !an_tok_ieq(&d->text, T(d, k), "video"))
				return 1;
	return j > 0 && an_tok_ieq(&d->text, T(d, j), "on") &&
	       (an_tok_ieq(&d->text, T(d, j - 1), "went") ||
		an_tok_ieq(&d->text, T(d, j - 1), "goes"));
}

/* "according to X" in [lo, hi). */
static long according(const an_doc *d, uint32_t lo, uint32_t hi, uint32_t *ev)
{
	for (uint32_t j = lo; j + 2 < hi; j++)
		if (an_tok_ieq(&d->text, T(d, j), "according") &&
		    an_tok_ieq(&d->text, T(d, j + 1), "to"))
			return subject_right(d, j + 1, hi, ev);
	return -1;
}

/* The speaker named after the closing mark: '," he said', '", said X'. */
static long after_quote(quote_ctx *c, const an_quote *q, uint32_t *verb, uint32_t *ev)
{
	an_doc *d = c->d;
	if (!q->closed)
		return -1;
	uint32_t hi = q->cm + 1;
	while (hi < d->seg.ntok && hi < q->cm + 1 + AFTER_REACH &&
	       !(T(d, hi)->flags & (TF_SENT | TF_PARA)) && mark_kind(d, hi) == M_NONE)
		hi++;
	for (uint32_t j = q->cm + 1; j < hi; j++) {
		if (is_speech(d, j)) {
			*verb = j;
			return verb_speaker(c, j, q->cm + 1, hi, ev);
		}
		if (T(d, j)->kind == AN_TK_PUNCT && !is_char(d, j, ','))
			break;
	}
	return according(d, q->cm + 1, hi, ev);
}

/* The first token of the words before quotation qi in its sentence,
 * after any quotation that closes there. */
static uint32_t before_start(const an_doc *d, size_t qi)
{
	const an_quote *q = &d->quote[qi];
	uint32_t lo = d->seg.sent[T(d, q->om)->sent].t0;
	if (qi && d->quote[qi - 1].cm + 1 > lo && d->quote[qi - 1].cm < q->om)
		lo = d->quote[qi - 1].cm + 1;
	return lo;
}

/* The speaker named before the opening mark: "X said:", "X told the BBC
 * that it was "...", "according to X, "...", "Qaani: '...'". */
static long before_quote(quote_ctx *c, size_t qi, uint32_t *verb, uint32_t *ev)
{
	an_doc *d = c->d;
	const an_quote *q = &d->quote[qi];
	uint32_t lo = before_start(d, qi);
	long sub = -1; /* a verb in a subordinate clause: "if he said" */
	for (uint32_t j = q->om; j-- > lo;) {
		if (c->inq[j])
			break;
		if (!is_speech(d, j))
			continue;
		uint32_t e = AN_NONE;
		long m = verb_speaker(c, j, lo, q->om, &e);
		if (m >= 0 && e > lo && lword(d, e - 1, &subordinate)) {
			if (sub < 0)
				sub = m, *verb = j, *ev = e;
			continue;
		}
		if (m >= 0 || m == NAMELESS) {
			*verb = j, *ev = e;
			return m;
		}
	}
	if (sub >= 0)
		return sub;
	long m = according(d, lo, q->om, ev);
	if (m >= 0)
		return m;
	if (q->om >= lo + 2 && is_char(d, q->om - 1, ':')) {
		if ((m = ment_ending(d, q->om - 2)) >= 0) /* "Qaani: '...'" */
			return *ev = q->om - 2, m;
		for (uint32_t j = lo; j + 1 < q->om; j++) /* "His message was:" */
			if ((m = ment_at(d, j)) >= 0 && T(d, d->ment[m].t1)->flags & TF_POSS)
				return *ev = j, m;
	}
	return -1;
}

/* A verb of saying in sentence si, outside quotations, and its speaker:
 * "..., said Mr Thomas." before a quotation standing alone. */
static long sentence_speaker(quote_ctx *c, uint32_t si, uint32_t *verb, uint32_t *ev)
{
	an_doc *d = c->d;
	const an_sent *s = &d->seg.sent[si];
	for (uint32_t j = s->t0; j < s->t1; j++) {
		if (c->inq[j] || !is_speech(d, j))
			continue;
		long m = verb_speaker(c, j, s->t0, s->t1, ev);
		if (m >= 0)
			return *verb = j, m;
	}
	return -1;
}


/* ---- medium, addressee, outlet, date ------------------------------------ */

/* The details of an attribution whose words are sentence si: what medium
 * its words name, the outlet (a news medium named there), the addressee
 * ("told X", "a letter to X", "a call with X") and the date. */
static void details(quote_ctx *c, an_quote *q, uint32_t si)
{
	an_doc *d = c->d;
	const an_sent *s = &d->seg.sent[si];
	size_t best = NMEDIA;
	for (uint32_t j = s->t0; j < s->t1; j++) {
		const an_tok *k = T(d, j);
		if (c->inq[j] || k->kind != AN_TK_WORD)
			continue;
		long m = ment_at(d, j);
		if (m >= 0 && ment_kind(d, m) == AN_K_MEDIA && q->outlet == AN_NONE)
			q->outlet = d->ment[m].ent;
		for (size_t w = 0; w < best; w++)
			if (an_tok_ieq(&d->text, k, media_words[w].word))
				best = w;
		int told = an_tok_ieq(&d->text, k, "told");
		if (q->addressee == AN_NONE && j + 2 < s->t1 &&
		    (told || an_tok_ieq(&d->text, k, "to") || an_tok_ieq(&d->text, k, "with"))) {
			uint32_t x = j + 1 + an_tok_ieq(&d->text, T(d, j + 1), "the");
			long a = ment_at(d, x);
			if (told && a >= 0 && ment_kind(d, a) == AN_K_MEDIA)
				best = 0; /* "told BBC Radio 4": an interview */
			else if (a >= 0 && (told || (j > s->t0 && (lword(d, j - 1, &works) ||
						     an_tok_ieq(&d->text, T(d, j - 1), "call")))) &&
				 ment_kind(d, a) != AN_K_MEDIA && d->ment[a].ent != q->speaker)
				q->addressee = d->ment[a].ent;
		}
	}
	if (best < NMEDIA)
		q->medium = media_words[best].medium;
	an_when w;
	if (an_when_scan(d, s->t0, s->t1, &w, 1) > 0)
		memcpy(q->date, w.iso, sizeof q->date);
}

static void copy_details(an_quote *q, const an_quote *from)
{
	q->medium = from->medium;
	q->addressee = from->addressee;
	q->outlet = from->outlet;
	memcpy(q->date, from->date, sizeof q->date);
}

/* ---- attribution --------------------------------------------------------- */

static long own(quote_ctx *c, size_t qi, int *how, uint32_t *verb, uint32_t *ev);

/* The speaker of words quoted again elsewhere in the document (a pull
 * quote repeating a statement given in full further on): the speaker of
 * the other quotation, or of the sentence before the other place. */
static long repeated(quote_ctx *c, an_quote *q, const an_quote **from,
		     uint32_t *ev)
{
	an_doc *d = c->d;
	/* up to 40 bytes, never the last: a pull quote may end "money."
	 * where the quotation ends "money," */
	uint32_t len = q->end - q->off, n = len <= 40 ? len - 1 : 40;
	if (n < 20 || c->searches++ >= 8) /* a bounded number of searches */
		return -1;
	const char *s = d->text.s, *w = s + q->off;
	for (const char *p = s; (p = memmem(p, d->text.len - (size_t)(p - s), w, n));
	     p++) {
		uint32_t off = (uint32_t)(p - s);
		if (off >= q->off && off < q->end)
			continue;
		uint32_t lo = 0, hi = d->seg.ntok; /* the token at off */
		while (lo < hi) {
			uint32_t mid = (lo + hi) / 2;
			if (T(d, mid)->off < off)
				lo = mid + 1;
			else
				hi = mid;
		}
		an_quote *o = lo < d->seg.ntok ? (an_quote *)an_quote_at(d, lo) : NULL;
		if (o && o > q && o->sment < 0) { /* not attributed yet */
			int how;
			uint32_t verb;
			long m = own(c, (size_t)(o - d->quote), &how, &verb, ev);
			if (m >= 0) {
				o->dup = 1; /* said once, quoted twice: the first stays */
				return m;
			}
		}
		if (o && o->sment >= 0) {
			q->dup = o < q;
			o->dup = o > q;
			*from = o;
			*ev = o->ev;
			return o->sment;
		}
		uint32_t si = lo < d->seg.ntok ? T(d, lo)->sent : 0, verb;
		if (!o && si > 0)
			return sentence_speaker(c, si - 1, &verb, ev);
	}
	return -1;
}

/* Whether quotation k follows quotation k - 1 with nothing between. */
static int adjacent(const an_doc *d, size_t k)
{
	return k > 0 && d->quote[k].om <= d->quote[k - 1].cm + 1;
}

/* The quotation's own attribution, after it or before it. */
static long own(quote_ctx *c, size_t qi, int *how, uint32_t *verb, uint32_t *ev)
{
	*verb = AN_NONE;
	long m = after_quote(c, &c->d->quote[qi], verb, ev);
	*how = W_AFTER;
	if (m < 0) {
		*verb = AN_NONE;
		m = before_quote(c, qi, verb, ev);
		*how = W_BEFORE;
	}
	return m;
}

static void attribute(quote_ctx *c, size_t qi)
{
	an_doc *d = c->d;
	an_quote *q = &d->quote[qi];
	uint32_t verb = AN_NONE, ev = AN_NONE;
	int how;
	long m = own(c, qi, &how, &verb, &ev);
	const an_quote *from = NULL;
	for (size_t k = qi + 1; m == -1 && k < d->nquote && k < qi + 8 && adjacent(d, k); k++)
		if ((m = own(c, k, &how, &verb, &ev)) >= 0)
			how = W_RUN; /* a later quotation of the run says who */
	if (m == NAMELESS)
		return;
	if (m < 0 && adjacent(d, qi) && d->quote[qi - 1].sment >= 0) {
		from = &d->quote[qi - 1];
		m = from->sment, how = W_RUN, ev = from->ev;
	}
	uint32_t si = T(d, q->om)->sent;
	if (m < 0 && si > 0 && (m = sentence_speaker(c, si - 1, &verb, &ev)) >= 0)
		how = W_PREV;
	if (m < 0 && (m = repeated(c, q, &from, &ev)) >= 0)
		how = W_REPEAT;
	if (m < 0 && c->last) {
		from = &d->quote[c->last - 1];
		if (si <= T(d, from->t1 - 1)->sent + LAST_REACH)
			m = from->sment, how = W_LAST, ev = from->ev;
	}
	if (m < 0)
		return;
	q->sment = m;
	q->speaker = d->ment[m].ent;
	q->how = (uint8_t)how;
	q->ev = ev;
	if (verb != AN_NONE)
		details(c, q, T(d, verb)->sent);
	else if (from)
		copy_details(q, from);
	an_when w; /* "...'[3]" and further on "[3] ISNA (Iran), May 29, 2021." */
	if (!q->date[0] && q->closed && q->cm + 1 < d->seg.ntok &&
	    an_when_footnote(d, q->cm + 1, &w))
		memcpy(q->date, w.iso, sizeof q->date);
	c->last = qi + 1;
}

void an_quote_run(an_doc *d)
{
	d->quote = NULL;
	d->nquote = d->qcap = 0;
	pair_marks(d);
	if (!d->nquote)
		return;
	quote_ctx c = {d, an_arena_zalloc(d->a, d->seg.ntok + 1),
		       an_arena_alloc(d->a, d->seg.nsent * sizeof(long)), 0, 0};
	for (uint32_t i = 0; i < d->seg.nsent; i++)
		c.sperson[i] = -2;
	for (size_t i = 0; i < d->nquote; i++)
		memset(c.inq + d->quote[i].t0, 1, d->quote[i].t1 - d->quote[i].t0);
	for (size_t i = 0; i < d->nquote; i++) {
		attribute(&c, i);
		const an_quote *q = &d->quote[i];
		an_trace(d, "quote %zu \"%.*s%s\": %s%s%s", i + 1,
			 (int)(q->end - q->off < 60 ? q->end - q->off : 60),
			 d->text.s + q->off, q->end - q->off > 60 ? "..." : "",
			 q->sment >= 0 ? d->ents->rows[q->speaker].id : "no speaker",
			 q->sment >= 0 ? " by " : "", how_names[q->how]);
	}
}

const char *an_quote_how(const an_quote *q)
{
	return how_names[q->how];
}

/* The quotation holding token i, or NULL. */
const an_quote *an_quote_at(const an_doc *d, uint32_t i)
{
	size_t lo = 0, hi = d->nquote;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->quote[mid].t1 <= i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->nquote && d->quote[lo].t0 <= i ? &d->quote[lo] : NULL;
}
