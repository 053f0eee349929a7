/*
 * discover.c: actors the dictionary does not know, found from their
 * context: a title before a name ("Defense Minister Amir Hatami", "Hamas
 * representative in Lebanon Ahmad Abdelhadi"), an appositive after it
 * ("Khalid, the new deputy secretary-general of the front"), "X, who ...",
 * a known given name or a kunya (Abu, Umm) opening it, a head noun closing
 * an organisation's name ("... Brigades", "... Ministry"), or a noun before
 * a media outlet, vessel or place. A discovered actor gets a stable id (the
 * slug of its name), a role and an affiliation when the context gives them.
 */
#include <stdio.h>
#include <string.h>

#include "doc.h"

#define tok_in(d, k, set) an_words_has(&(set), &(d)->text, (k))

AN_WORDSET(stop_words,
	"The", "A", "An", "In", "On", "At", "By", "For", "From", "To", "With",
	"But", "And", "Or", "If", "As", "This", "That", "These", "Those", "It",
	"He", "She", "They", "We", "I", "You", "His", "Her", "Its", "Their",
	"Our", "My", "Your", "There", "Here", "When", "While", "After",
	"Before", "Since", "However", "Meanwhile", "Also", "According", "Some",
	"Many", "Most", "All", "Both", "Each", "Every", "Such", "What", "Who",
	"Why", "How", "Where", "Which", "Yet", "So", "Still", "Although",
	"Though", "Despite", "During", "Over", "Under", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
	"February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December", "Today", "Yesterday",
	"Tomorrow", "Last", "Next", "Then", "Now", "Thus", "Not", "No", "Yes",
	"Even", "Only", "Just", "One", "Two", "Three", "First", "Second",
	"Third", "Apparently", "Lastly", "Overview", "Left", "Right", "Image",
	"Photo", "Video", "Report", "Click", "Please", "Comments", "Share",
	"Read", "More", "See", "Related", "Update", "Updated", "Editor",
	"Note", "Source", "Sources", "Q", "Mr", "Mrs", "Ms", "Dr", "Prof",
	"Sir", "Lord", "Lady", "Dear", "Once", "Another", "Other", "Several",
	"Whether", "Unlike", "Like", "Because", "Until", "Against", "Among",
	"Between", "Without", "Within", "Through", "Across", "Behind", "Beyond",
	"Never", "Ever", "Instead", "Indeed", "Perhaps", "Later", "Earlier",
	"Meantime", "Furthermore", "Moreover", "Nevertheless", "Nonetheless");

/* Head nouns that close (or open) an organisation's name. */
AN_WORDSET(org_heads,
	"Brigades", "Brigade", "Battalion", "Battalions", "Movement", "Front",
	"Party", "Army", "Forces", "Force", "Committee", "Committees", "Council",
	"Organization", "Organisation", "Ministry", "Corps", "Group", "Union",
	"Authority", "Agency", "Foundation", "Institute", "University",
	"Company", "Bank", "Association", "League", "Coalition", "Alliance",
	"Federation", "Commission", "Office", "Center", "Centre", "Navy",
	"Guard", "Guards", "Unit", "Units", "Regiment", "Division", "Room",
	"Assembly", "Parliament", "Court", "Militia", "Militias", "Network",
	"Service", "Services", "Directorate", "Department", "Bureau",
	"Command", "Society", "Fund", "Trust", "Institution", "Cabinet",
	"Government", "Administration", "Police", "Mujahideen");

/* Head nouns and their agent codes, for discovered organisations. */
AN_WORDSET(mil_heads, "Army", "Forces", "Force", "Navy", "Guard", "Guards",
	   "Corps", "Regiment", "Division", "Unit", "Units", "Command");
AN_WORDSET(reb_heads, "Brigades", "Brigade", "Battalion", "Battalions",
	   "Front", "Movement", "Militia", "Militias", "Mujahideen", "Room");
AN_WORDSET(gov_heads, "Ministry", "Authority", "Agency", "Office",
	   "Directorate", "Department", "Bureau", "Cabinet", "Government",
	   "Administration", "Council");
AN_WORDSET(name_titles, "Hajj", "Haj", "Sheikh", "Sardar", "Gen", "General", "Martyr",
	"Shahid", "Shaheed", "Mujahid", "Comrade");

static const char *org_agent(const an_doc *d, const an_tok *k)
{
	if (tok_in(d, k, mil_heads))
		return "MIL";
	if (tok_in(d, k, reb_heads))
		return "REB";
	if (tok_in(d, k, gov_heads))
		return "GOV";
	return NULL;
}

AN_WORDSET(media_before,
	"channel", "newspaper", "daily", "agency", "website", "network",
	"broadcaster", "station", "outlet", "magazine", "TV", "weekly",
	"television", "radio", "site", "paper");
AN_WORDSET(media_after,
	"newspaper", "TV", "daily",
					  "television", "channel", "website",
					  "magazine", "radio");
AN_WORDSET(vessel_before,
	"freighter", "ship", "vessel",
					    "tanker", "boat", "frigate",
					    "destroyer", "cargo", "yacht",
					    "submarine", "ferry");
AN_WORDSET(place_before,
	"city", "town", "village",
					   "province", "district", "region",
					   "governorate", "neighbourhood",
					   "neighborhood");
AN_WORDSET(particles,
	"al", "el", "bin", "ibn", "bint",
					"abu", "de", "van", "von", "der",
					"la", "le", "du", "da", "di", "ben",
					"ould", "ul");
AN_WORDSET(connectors,
	"of", "for", "on");
/* Heads of official bodies whose names may join two fields with "and". */
AN_WORDSET(office_heads,
	"Department", "Ministry", "Office", "Committee", "Commission", "Council",
	"Institute", "Board", "Agency", "Bureau", "Authority", "Federation",
	"Association", "Society", "Secretary", "Minister");
AN_WORDSET(kunyas,
	"Abu", "Abou", "Umm", "Um", "Abo");
AN_WORDSET(determiners,
	"the", "a", "an", "its", "their",
					  "his", "her", "our", "whose");


static int free_tok(const an_tok *k)
{
	return !(k->flags & (TF_MENT | TF_EXCL));
}

static int cap_word(const an_tok *k)
{
	return k->kind == AN_TK_WORD && k->flags & (TF_CAP | TF_ALLCAP) &&
	       !(k->flags & TF_POSS) && free_tok(k);
}

/* End of a name run starting at i: capitalised words, with particles,
 * glued hyphens and initials between; connectors (of, for, and) too when
 * conn is set. Returns i when there is none. */
static uint32_t name_run(const an_doc *d, uint32_t i, uint32_t end, int conn)
{
	const an_tok *tok = d->seg.tok;
	if (i >= end || !cap_word(&tok[i]) || tok_in(d, &tok[i], stop_words))
		return i;
	uint32_t last = i + 1, k = i + 1;
	while (k < end) {
		const an_tok *t = &tok[k];
		if (cap_word(t) && !(t->flags & TF_SENT)) {
			last = ++k;
			continue;
		}
		int glue = (t->c0 == '-' && t->len == 1 && !(t->flags & TF_SPACE)) ||
			   (t->flags & TF_ADOT);
		int part = free_tok(t) && t->kind == AN_TK_WORD &&
			   (tok_in(d, t, particles) ||
			    (conn && (tok_in(d, t, connectors) ||
				      (an_tok_is(&d->text, t, "the") &&
				       tok_in(d, &tok[k - 1], connectors)) ||
				      /* "Department for Education and Skills" */
				      (an_tok_is(&d->text, t, "and") &&
				       tok_in(d, &tok[i], office_heads) &&
				       k + 1 < end && cap_word(&tok[k + 1])))));
		if ((glue || part) && k + 1 < end) {
			k++;
			continue;
		}
		break;
	}
	return last;
}

/* Longest role-lexicon phrase starting at token i; *ri gets its entry. */
static uint32_t role_at(const an_doc *d, uint32_t i, uint32_t end, uint32_t *ri)
{
	const an_dict *dict = d->ctx->dict;
	uint32_t node = 0, best = i;
	if (i >= end || !an_dict_maybe_role(dict, d->text.s + d->seg.tok[i].off,
					    d->seg.tok[i].len))
		return i;
	for (uint32_t k = i; k < end; k++) {
		const an_tok *t = &d->seg.tok[k];
		if (t->flags & TF_EXCL)
			break;
		uint64_t key = an_key_fold(&d->text, t);
		if (!key) {
			if (k == i)
				break;
			continue;
		}
		node = an_dict_step(dict, AN_TRIE_ROLE, node, key);
		if (node == AN_NONE)
			break;
		int type;
		uint32_t idx = an_dict_term(dict, AN_TRIE_ROLE, node, &type);
		if (idx != AN_NONE) {
			best = k + 1;
			*ri = idx;
		}
	}
	return best;
}

/* Mention covering token i, or NULL. */
static an_ment *ment_at(an_doc *d, uint32_t i)
{
	if (!(d->seg.tok[i].flags & TF_MENT) || !d->tokment || !d->tokment[i])
		return NULL;
	an_ment *m = &d->ment[d->tokment[i] - 1];
	return m->dead ? NULL : m;
}

static const an_rent *row_of(const an_doc *d, const an_ment *m)
{
	return &d->ents->rows[m->ent];
}

/* The mention just before token i (skipping the, 's and a hyphen), or NULL. */
static an_ment *mention_before(an_doc *d, uint32_t i, uint32_t start)
{
	uint32_t k = i;
	while (k > start) {
		const an_tok *t = &d->seg.tok[k - 1];
		if (t->flags & TF_POSS || an_tok_ieq(&d->text, t, "the") ||
		    (t->c0 == '-' && t->len == 1)) {
			k--;
			continue;
		}
		break;
	}
	return k > start ? ment_at(d, k - 1) : NULL;
}

/* The nearest organisation mentioned before token i. */
static an_ment *org_before(an_doc *d, uint32_t i)
{
	an_ment *best = NULL;
	for (size_t m = 0; m < d->nment; m++) {
		an_ment *x = &d->ment[m];
		if (x->dead || x->t1 > i || row_of(d, x)->kind != AN_K_ORG)
			continue;
		if (!best || x->t0 > best->t0)
			best = x;
	}
	return best;
}

/* Lower-cased copy of tokens [t0, t1) as written (a role title). */
static char *lower_span(an_doc *d, uint32_t t0, uint32_t t1)
{
	const an_tok *tok = d->seg.tok;
	uint32_t off = tok[t0].off, end = tok[t1 - 1].off + tok[t1 - 1].len;
	char *s = an_arena_strndup(d->a, d->text.s + off, end - off);
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
		else if (*p == '\n' || *p == '\t')
			*p = ' ';
	return s;
}

typedef struct found {
	uint32_t t0, t1; /* the name's tokens */
	int kind;
	const char *role;    /* title, or NULL */
	const an_ment *of;   /* affiliation mention, or NULL */
	const char *agent;   /* agent code for organisations */
	const an_ment *land; /* country or demonym inside an org name */
} found;

/* Creates the entity and its mention. */
static void emit(an_doc *d, const found *f)
{
	const an_tok *tok = d->seg.tok;
	uint32_t off = tok[f->t0].off, end = tok[f->t1 - 1].off + tok[f->t1 - 1].len;
	char name[256], id[256];
	size_t n = end - off < sizeof name - 1 ? end - off : sizeof name - 1;
	memcpy(name, d->text.s + off, n);
	name[n] = 0;
	for (char *p = name; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	if (!an_slug(name, n, id, sizeof id))
		return;
	const an_rent *aff = f->of ? row_of(d, f->of) : NULL;
	const an_rent *land = f->land ? row_of(d, f->land) : aff;
	char code[32] = {0};
	const char *country = land ? land->country : NULL;
	if (aff && aff->code)
		snprintf(code, sizeof code, "%s", aff->code);
	else if (country && f->agent)
		snprintf(code, sizeof code, "%s%s", country, f->agent);
	else if (country)
		snprintf(code, sizeof code, "%s", country);
	uint32_t row = an_etab_discovered(d->ents, id, name, f->kind,
					  *code ? code : NULL, country, f->role,
					  aff ? aff->id : NULL);
	an_doc_mention(d, f->t0, f->t1, row, AN_H_DISCOVERED);
}

/* "Name, the/a/its ... <role> (of X)": the role and affiliation after a
 * name, or 0. */
static int appositive(an_doc *d, uint32_t e, const an_sent *s, found *f)
{
	const an_tok *tok = d->seg.tok;
	if (e + 2 >= s->t1 || !an_tok_is(&d->text, &tok[e], ","))
		return 0;
	uint32_t k = e + 1;
	if (an_tok_is(&d->text, &tok[k], "who")) {
		f->kind = AN_K_PERSON;
		return 1;
	}
	if (!tok_in(d, &tok[k], determiners) && !(tok[k].flags & TF_MENT))
		return 0;
	const an_ment *owner = NULL;
	int pron = an_tok_is(&d->text, &tok[k], "their") ||
		   an_tok_is(&d->text, &tok[k], "its");
	for (uint32_t j = k; j < s->t1 && j < k + 7; j++) {
		const an_tok *t = &tok[j];
		if (t->flags & TF_MENT) {
			an_ment *m = ment_at(d, j);
			if (m) {
				owner = m;
				j = m->t1 - 1;
			}
			continue;
		}
		if (t->kind == AN_TK_PUNCT && !(t->flags & TF_POSS) && t->c0 != '-')
			return 0;
		uint32_t ri, re = role_at(d, j, s->t1, &ri);
		if (re == j || an_dict_rolex(d->ctx->dict, ri)->kind == AN_R_HONORIFIC)
			continue;
		f->kind = AN_K_PERSON;
		f->role = lower_span(d, j, re);
		if (re + 1 < s->t1 && an_tok_is(&d->text, &tok[re], "of")) {
			uint32_t q = re + 1;
			if (an_tok_ieq(&d->text, &tok[q], "the") && q + 1 < s->t1)
				q++;
			an_ment *m = ment_at(d, q);
			if (m)
				owner = m;
		}
		if (!owner && pron)
			owner = org_before(d, f->t0);
		f->of = owner;
		return 1;
	}
	return 0;
}

/* Moves a name's start back over a glued article: "al-Qassam Brigades". */
static uint32_t with_article(const an_doc *d, uint32_t i, uint32_t start)
{
	const an_tok *tok = d->seg.tok;
	if (i >= start + 2 && tok[i - 1].c0 == '-' && tok[i - 1].len == 1 &&
	    !(tok[i - 1].flags & TF_SPACE) && free_tok(&tok[i - 2]) &&
	    an_tok_article(&d->text, &tok[i - 2]) == AN_ART_AL)
		return i - 2;
	return i;
}

/* Decides what the run [i, e) names, from the words around it. */
static int classify(an_doc *d, const an_sent *s, uint32_t i, uint32_t e,
		    found *f)
{
	const an_tok *tok = d->seg.tok;
	memset(f, 0, sizeof *f);
	f->t0 = with_article(d, i, s->t0);
	f->t1 = e;
	const an_tok *prev = f->t0 > s->t0 ? &tok[f->t0 - 1] : NULL;
	const an_tok *next = e < s->t1 ? &tok[e] : NULL;
	for (uint32_t k = i; k < e; k++)
		if (tok_in(d, &tok[k], org_heads) &&
		    (k == e - 1 || k == i)) {
			f->kind = AN_K_ORG;
			/* "Deputy Chairman of the Popular Mobilization Unit" */
			uint32_t ri, re = role_at(d, i, e, &ri);
			if (re > i && re < e && tok_in(d, &tok[re], connectors)) {
				while (re < e && tok_in(d, &tok[re], connectors))
					re++;
				f->t0 = i = re;
			}
			f->agent = org_agent(d, &tok[k]);
			an_ment *m = mention_before(d, i, s->t0);
			if (m && m->t1 == i && row_of(d, m)->kind == AN_K_COUNTRY &&
			    m->how == AN_H_DEMONYM) {
				f->t0 = m->t0; /* "Palestinian Navy" */
				f->land = m;
				m->dead = 1;
			}
			return 1;
		}
	if (prev && tok_in(d, prev, vessel_before)) {
		f->kind = AN_K_OTHER;
		return 1;
	}
	if (e == i + 1 && (tok_in(d, &tok[i], media_before) ||
			   tok_in(d, &tok[i], media_after)))
		return 0; /* "TV" in "TV channel" is not a name */
	if ((prev && tok_in(d, prev, media_before)) ||
	    (next && tok_in(d, next, media_after))) {
		f->kind = AN_K_MEDIA;
		return 1;
	}
	if (next && an_tok_is(&d->text, next, "camp")) {
		f->kind = AN_K_PLACE;
		f->t1 = e + 1;
		return 1;
	}
	if (i >= s->t0 + 2 && an_tok_is(&d->text, &tok[i - 1], "of") &&
	    tok_in(d, &tok[i - 2], place_before)) {
		f->kind = AN_K_PLACE;
		return 1;
	}
	if (appositive(d, e, s, f))
		return 1;
	int words = 0;
	for (uint32_t k = i; k < e; k++) {
		uint32_t ri;
		if (role_at(d, k, e, &ri) > k)
			return 0; /* "Commander Martyr General": titles, not a name */
		words += tok[k].kind == AN_TK_WORD;
	}
	if (words >= 2 && (an_dict_given(d->ctx->dict, an_tok_h(&d->text, &tok[i])) ||
			   tok_in(d, &tok[i], kunyas))) {
		f->kind = AN_K_PERSON;
		return 1;
	}
	return 0;
}

/* The end of a peer's name at i: a title and one name, which may also name
 * a place ("Lord Butler", "Baroness Scotland", not the country; "Lord
 * Nicholls of Birkenhead"); the title is part of the name. 0 if none. */
static uint32_t peer_end(an_doc *d, const an_sent *s, uint32_t i)
{
	AN_WORDSET(peerage, "Lord", "Lady", "Baroness", "Baron", "Viscount",
		"Viscountess", "Earl", "Countess", "Marquess");
	/* offices, not names: "Lord Chancellor", "Lord Mayor" */
	AN_WORDSET(offices, "Chancellor", "Mayor", "Justice", "Provost", "Advocate",
		"Lieutenant", "Chamberlain", "Speaker", "President", "Chief", "High",
		"Privy", "Protector", "Commissioner", "Admiral");
	const an_tok *tok = d->seg.tok;
	char c = (char)tok[i].c0;
	if (i + 1 >= s->t1 || !(tok[i].flags & TF_CAP) ||
	    !(c == 'L' || c == 'B' || c == 'V' || c == 'E' || c == 'C' || c == 'M') ||
	    tok[i].len < 4 || tok[i].len > 11 || !tok_in(d, &tok[i], peerage) ||
	    !(tok[i + 1].flags & TF_CAP) || tok[i + 1].kind != AN_TK_WORD ||
	    tok_in(d, &tok[i + 1], offices))
		return 0;
	uint32_t e = i + 2;
	if (e + 1 < s->t1 && an_tok_is(&d->text, &tok[e], "of") &&
	    tok[e + 1].flags & TF_CAP && tok[e + 1].kind == AN_TK_WORD)
		e += 2; /* "of Birkenhead" */
	if (e < s->t1 && tok[e].flags & TF_CAP && tok[e].kind == AN_TK_WORD)
		return 0; /* "Lord Chief Justice": not this form */
	for (uint32_t k = i + 1; k < e; k++) {
		an_ment *m = ment_at(d, k);
		if (m && (m->t0 < i + 1 || m->t1 > e))
			return 0; /* a longer name goes over it */
	}
	return e;
}

/* Drops the mentions inside [a, b), which a longer name takes over. */
static void take_over(an_doc *d, uint32_t a, uint32_t b)
{
	for (uint32_t k = a; k < b; k++) {
		an_ment *m = ment_at(d, k);
		if (m)
			m->dead = 1;
	}
}

/* A title or role phrase at i followed by a name: "Defense Minister Amir
 * Hatami", "Hamas representative in Lebanon Ahmad Abdelhadi". Returns the
 * token after the name, or 0. */
static uint32_t titled(an_doc *d, const an_sent *s, uint32_t i)
{
	uint32_t ri, re = role_at(d, i, s->t1, &ri);
	if (re == i)
		return 0;
	const an_rolex *rx = an_dict_rolex(d->ctx->dict, ri);
	int courtesy = rx->kind == AN_R_HONORIFIC; /* Mr, Dr, Hajj: no role */
	const an_tok *tok = d->seg.tok;
	uint32_t p = re;
	const an_ment *of = NULL;
	/* "representative in Lebanon", "commander of the Quds Force" */
	if (p + 1 < s->t1 && (an_tok_is(&d->text, &tok[p], "in") ||
			      an_tok_is(&d->text, &tok[p], "of") ||
			      an_tok_is(&d->text, &tok[p], "for"))) {
		uint32_t q = p + 1;
		if (an_tok_ieq(&d->text, &tok[q], "the") && q + 1 < s->t1)
			q++;
		an_ment *m = ment_at(d, q);
		if (m && m->how == AN_H_DEMONYM && m->t1 < s->t1 && cap_word(&tok[m->t1]))
			return 0; /* "director general of the British Chambers of
				   * Commerce": an organisation, no name */
		if (m) {
			p = m->t1;
			if (an_tok_is(&d->text, &tok[re], "of"))
				of = m;
		}
	}
	while (p < s->t1 && tok_in(d, &tok[p], name_titles))
		p += 1 + (p + 1 < s->t1 && tok[p + 1].flags & TF_ADOT);
	uint32_t e = peer_end(d, s, p); /* "minister Baroness Scotland" */
	if (e)
		take_over(d, p, e);
	else
		e = name_run(d, p, s->t1, 0);
	if (e == p)
		return 0;
	found f = {p, e, AN_K_PERSON, courtesy ? NULL : lower_span(d, i, re), of,
		   NULL, NULL};
	f.t0 = with_article(d, p, s->t0);
	if (!f.of && !courtesy)
		f.of = mention_before(d, i, s->t0);
	if (f.of && row_of(d, f.of)->kind == AN_K_PERSON)
		f.of = NULL;
	int words = 0;
	for (uint32_t k = p; k < e; k++)
		words += tok[k].kind == AN_TK_WORD;
	if (words < 2 && rx->kind != AN_R_TITLE)
		return 0;
	emit(d, &f);
	return e;
}

/* A peer named without a role before: "Lord Butler said". Returns the
 * token after the name, or 0. */
static uint32_t peer(an_doc *d, const an_sent *s, uint32_t i)
{
	uint32_t e = peer_end(d, s, i);
	if (!e)
		return 0;
	take_over(d, i, e);
	found f = {i, e, AN_K_PERSON, NULL, NULL, NULL, NULL};
	emit(d, &f);
	return e;
}

/* For each token of a sentence, the index of the next capitalised word
 * after it (or end): a title or role can only introduce a name that
 * follows closely ("representative in Lebanon Ahmad ..."). */
static uint32_t *next_caps(an_doc *d, const an_sent *s)
{
	uint32_t n = s->t1 - s->t0, next = s->t1;
	uint32_t *nc = an_arena_alloc(d->a, (n + 1) * sizeof *nc);
	for (uint32_t k = s->t1; k-- > s->t0;) {
		nc[k - s->t0] = next;
		const an_tok *t = &d->seg.tok[k];
		if (t->flags & TF_CAP && t->kind == AN_TK_WORD)
			next = k;
	}
	return nc;
}

/* The first token in (a, e) where a role phrase starts, else e. */
static uint32_t title_inside(an_doc *d, uint32_t a, uint32_t e)
{
	for (uint32_t k = a; k < e; k++) {
		uint32_t ri;
		if (role_at(d, k, e, &ri) > k)
			return k;
	}
	return e;
}

void an_discover(an_doc *d)
{
	if (d->ctx->opts & ANNALS_OPT_NO_DISCOVERY)
		return;
	an_seg *seg = &d->seg;
	for (uint32_t si = 0; si < seg->nsent; si++) {
		const an_sent *s = &seg->sent[si];
		uint32_t *nc = next_caps(d, s);
		for (uint32_t i = s->t0; i < s->t1; i++) {
			const an_tok *k = &seg->tok[i];
			if (!free_tok(k) || k->kind != AN_TK_WORD)
				continue;
			uint32_t e0 = k->flags & TF_CAP ? peer(d, s, i) : 0;
			if (e0) {
				i = e0 - 1;
				continue;
			}
			int ahead = k->flags & (TF_CAP | TF_ALLCAP) || nc[i - s->t0] <= i + 5;
			uint32_t e = ahead ? titled(d, s, i) : 0;
			if (e) {
				i = e - 1;
				continue;
			}
			if (!cap_word(k))
				continue;
			int conn = 1;
			e = name_run(d, i, s->t1, conn);
			if (e == i)
				continue;
			found f;
			if (!classify(d, s, i, e, &f)) {
				/* without connectors, the run may still be a person */
				uint32_t e2 = name_run(d, i, s->t1, 0);
				if (e2 == e || !classify(d, s, i, e2, &f) ||
				    f.kind == AN_K_ORG) {
					/* the run may hold a title and a name
					 * further on: "Shadow Foreign Secretary
					 * Michael Ancram" */
					i = title_inside(d, i + 1, e) - 1;
					continue;
				}
			}
			emit(d, &f);
			i = f.t1 - 1;
		}
	}
}
