/*
 * seg.c: tokens, sentences and paragraphs.
 *
 * One left-to-right pass classifies characters (a 256-entry table for ASCII,
 * Unicode categories beyond) and cuts words, numbers and punctuation; a
 * second pass over the tokens places sentence and paragraph boundaries.
 * Both passes are linear in the text.
 */
#include <pthread.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "seg.h"

enum { C_OTHER, C_SPACE, C_NL, C_UPPER, C_LOWER, C_DIGIT, C_MARK, C_SUP,
       C_IGNORE };

static unsigned char ascii_class[128];
/* ASCII letters and digits, as increments of a word's counters: letters in
 * the low bits, capitals from WT_UPPER, digits from WT_DIGIT; 0 for any
 * other byte. */
#define WT_UPPER 21
#define WT_DIGIT 42
#define WT_MASK 0x1FFFFFu
static uint64_t word_tab[256];

static void init_classes(void)
{
	if (ascii_class['a'])
		return;
	for (int c = '0'; c <= '9'; c++)
		word_tab[c] = 1ULL << WT_DIGIT;
	for (int c = 'a'; c <= 'z'; c++)
		word_tab[c] = 1;
	for (int c = 'A'; c <= 'Z'; c++)
		word_tab[c] = 1 | 1ULL << WT_UPPER;
	for (int c = 0; c < 128; c++) {
		unsigned char k = C_OTHER;
		if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r')
			k = C_SPACE;
		else if (c == '\n')
			k = C_NL;
		else if (c >= 'A' && c <= 'Z')
			k = C_UPPER;
		else if (c >= 'a' && c <= 'z')
			k = C_LOWER;
		else if (c >= '0' && c <= '9')
			k = C_DIGIT;
		ascii_class[c] = k;
	}
}

/* Class of the character at s; *len gets its byte length. */
static int char_class(const unsigned char *s, size_t n, size_t *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return ascii_class[s[0]];
	}
	size_t l = an_utf8_len(s, n);
	if (!l) {
		*len = 1;
		return C_OTHER;
	}
	*len = l;
	uint32_t c = an_utf8_decode(s, l);
	switch (utf8proc_category((utf8proc_int32_t)c)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LT: return C_UPPER;
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO: return C_LOWER;
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
	case UTF8PROC_CATEGORY_ME: return C_MARK;
	case UTF8PROC_CATEGORY_ND: return C_DIGIT;
	case UTF8PROC_CATEGORY_NO: return C_SUP;
	case UTF8PROC_CATEGORY_ZS: return C_SPACE;
	case UTF8PROC_CATEGORY_ZL:
	case UTF8PROC_CATEGORY_ZP: return C_NL;
	case UTF8PROC_CATEGORY_CF: return C_IGNORE;
	default: return C_OTHER;
	}
}

size_t an_space_len(const unsigned char *s, size_t n)
{
	size_t l;
	int k = char_class(s, n, &l);
	return k == C_SPACE || k == C_NL || k == C_IGNORE ? l : 0;
}

static int is_letter(int k) { return k == C_UPPER || k == C_LOWER; }
static int is_wordch(int k)
{
	return k == C_UPPER || k == C_LOWER || k == C_DIGIT || k == C_MARK;
}

static int is_apos(const unsigned char *s, size_t n)
{
	return s[0] == '\'' || (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 &&
				(s[2] == 0x99 || s[2] == 0x98));
}

/* After an apostrophe at s: is this a possessive or contraction tail? */
static int clitic_tail(const unsigned char *s, size_t n)
{
	static const char *tails[] = {"s", "t", "ll", "re", "ve", "d", "m"};
	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++) {
		size_t l = strlen(tails[i]);
		if (n >= l && strncasecmp((const char *)s, tails[i], l) == 0) {
			size_t cl;
			if (n == l || !is_wordch(char_class(s + l, n - l, &cl)))
				return (int)l;
		}
	}
	return 0;
}

/* Case of a word's letters, gathered while scanning it. */
typedef struct wcase {
	int first;          /* class of the first letter, or -1 */
	unsigned letters, upper;
} wcase;

static void count_case(wcase *wc, int k)
{
	if (k != C_UPPER && k != C_LOWER)
		return;
	if (wc->first < 0)
		wc->first = k;
	wc->letters++;
	wc->upper += k == C_UPPER;
}

/* Class of the first letter in [i, end), a word that starts with a digit
 * or a mark. */
static int first_letter(const unsigned char *s, size_t i, size_t end)
{
	while (i < end) {
		size_t l;
		int k = char_class(s + i, end - i, &l);
		if (is_letter(k))
			return k;
		i += l;
	}
	return -1;
}

/* Single letters joined by periods (U.S., U.N., a.m.): returns the end of
 * the acronym at i, or 0 when there is none. */
static size_t scan_acronym(const unsigned char *s, size_t n, size_t i,
			   wcase *wc)
{
	size_t j = i;
	int pairs = 0;
	while (j + 1 < n && s[j] < 0x80 && is_letter(ascii_class[s[j]]) &&
	       s[j + 1] == '.') {
		count_case(wc, ascii_class[s[j]]);
		j += 2;
		pairs++;
		if (j < n && s[j] < 0x80 && is_letter(ascii_class[s[j]]) &&
		    (j + 1 >= n || s[j + 1] != '.'))
			break;
	}
	if (pairs >= 2)
		return j;
	wc->first = -1;
	wc->letters = wc->upper = 0;
	return 0;
}

/* Whether the word goes on past the non-alphanumeric ASCII byte at i: an
 * apostrophe inside a name (O'Brien, but not the clitic of "Iran's") or a
 * decimal point or thousands comma inside a number. */
static int word_goes_on(const unsigned char *s, size_t n, size_t i,
			int numeric, size_t *step)
{
	unsigned c = s[i];
	size_t cl;
	if (c == '\'' || c == 0xE2) {
		if (!is_apos(s + i, n - i))
			return 0;
		*step = c == '\'' ? 1 : 3;
		return i + *step < n &&
		       is_letter(char_class(s + i + *step, n - i - *step, &cl)) &&
		       !clitic_tail(s + i + *step, n - i - *step);
	}
	*step = 1;
	return numeric && (c == '.' || c == ',') && i + 1 < n &&
	       s[i + 1] >= '0' && s[i + 1] <= '9';
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* High bit of each byte of x (all below 0x80) that lies in [lo, hi]. */
static inline uint64_t in_range(uint64_t x, unsigned lo, unsigned hi)
{
	return (x + ONES * (0x80 - lo)) & ~(x + ONES * (0x7F - hi)) & HIGH;
}

/* Number of high bits set in m (high bits only). */
static inline uint64_t bytes_set(uint64_t m)
{
	return ((m >> 7) * ONES) >> 56;
}

/* ASCII letters and digits from i, eight bytes at a time (the word's end
 * found without a branch a byte); adds the counts of letters and capitals
 * to *acc (word_tab layout). Returns where the run stops or fewer than eight bytes remain. */
static size_t ascii_run(const unsigned char *s, size_t n, size_t i,
			uint64_t *acc)
{
	while (i + 8 <= n) {
		uint64_t x;
		memcpy(&x, s + i, 8);
		uint64_t x7 = x & ~HIGH;
		uint64_t up = in_range(x7, 'A', 'Z') & ~x;
		uint64_t let = (up | in_range(x7, 'a', 'z')) & ~x;
		uint64_t word = let | (in_range(x7, '0', '9') & ~x);
		uint64_t stop = ~word & HIGH;
		uint64_t keep = stop ? (stop & -stop) - 1 : ~0ULL;
		*acc += bytes_set(let & keep) + (bytes_set(up & keep) << WT_UPPER);
		if (stop)
			return i + (size_t)__builtin_ctzll(stop) / 8;
		i += 8;
	}
	return i;
}
#else
static size_t ascii_run(const unsigned char *s, size_t n, size_t i,
			uint64_t *acc)
{
	(void)s, (void)n, (void)acc;
	return i;
}
#endif

/* Scans a word or number whose first character (of class first) is at i;
 * returns its end. ASCII letters and digits go through one table lookup a
 * byte, which also counts letters and capitals. */
static size_t scan_word(const unsigned char *s, size_t n, size_t i,
			int first, int *acronym, wcase *wc)
{
	size_t start = i, e, l;
	uint64_t acc = 0, v;
	*acronym = 0;
	wc->first = -1;
	wc->letters = wc->upper = 0;
	if (is_letter(first) && s[i] < 0x80 && i + 3 < n && s[i + 1] == '.' &&
	    (e = scan_acronym(s, n, i, wc))) {
		*acronym = 1;
		return e;
	}
	while (i < n) {
		i = ascii_run(s, n, i, &acc);
		while (i < n && (v = word_tab[s[i]])) {
			acc += v;
			i++;
		}
		if (i >= n)
			break;
		if (s[i] >= 0x80) {
			int k = char_class(s + i, n - i, &l);
			if (is_wordch(k) || k == C_IGNORE) {
				count_case(wc, k);
				i += l;
				continue;
			}
		}
		if (!word_goes_on(s, n, i, first == C_DIGIT, &l))
			break;
		i += l;
	}
	wc->letters += (unsigned)(acc & WT_MASK);
	wc->upper += (unsigned)(acc >> WT_UPPER & WT_MASK);
	if (is_letter(first))
		wc->first = first;
	else if (acc & WT_MASK)
		wc->first = first_letter(s, start, i);
	return i;
}

static void set_case_flags(const wcase *wc, an_tok *t)
{
	if (wc->first == C_UPPER)
		t->flags |= TF_CAP;
	else if (wc->first == C_LOWER)
		t->flags |= TF_LOWER;
	if (wc->letters >= 2 && wc->upper == wc->letters)
		t->flags |= TF_ALLCAP;
}

static an_tok *push_tok(an_arena *a, an_seg *seg, size_t *cap)
{
	return AN_VEC_PUSH(a, seg->tok, seg->ntok, *cap);
}

/* Titles before a name: their period never ends a sentence. */
AN_WORDSET(titles,
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Brig", "Col", "Lt", "Maj",
	"Capt", "Sgt", "Adm", "Cmdr", "Cdr", "Gov", "Sen", "Rep", "Rev", "St",
	"Fr", "Hon", "Pres", "Amb", "Supt", "Insp", "Cpl", "Pvt", "Lieut",
	"Gens", "Messrs", "Mme", "Mt", "Ft", "Sheikh", "No", "Nos", "Art",
	"Vol", "pp", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
	"Sept", "Oct", "Nov", "Dec", "vs", "cf", "approx", "Gov't");
/* Abbreviations that may end a sentence. */
AN_WORDSET(enders, "Inc", "Ltd", "Co", "Corp", "Bros", "etc", "Jr", "Sr",
	   "al", "Ave", "Dept", "Govt", "Univ");

/* Marks the period just cut, glued to the word before it, as belonging to
 * an abbreviation or initial, so it neither ends a sentence nor breaks a
 * name. */
static void mark_abbrev_dot(const an_text *t, an_seg *seg)
{
	an_tok *d = &seg->tok[seg->ntok - 1], *w = d - 1;
	if (w->kind != AN_TK_WORD)
		return;
	if ((w->len == 1 && w->flags & TF_CAP) ||
	    an_words_has(&titles, t, w) || an_words_has(&enders, t, w)) {
		w->flags |= TF_ABBR;
		d->flags |= TF_ADOT;
	}
}

/* Cuts the text into tokens, noting spaces, line breaks and paragraphs. */
static void tokenize(an_arena *a, const an_text *t, an_seg *seg)
{
	const unsigned char *s = (const unsigned char *)t->s;
	size_t n = t->len, i = 0, cap = 0;
	int nl = 0, space = 0, indent = 0;
	cap = n / 4 + 16; /* about one token in four bytes of news text */
	seg->tok = an_arena_alloc(a, cap * sizeof *seg->tok);
	seg->ntok = 0;
	while (i < n) {
		size_t l = 1;
		int k = s[i] < 0x80 ? ascii_class[s[i]] : char_class(s + i, n - i, &l);
		if (k == C_SPACE || k == C_IGNORE) {
			if (nl && k == C_SPACE)
				indent += s[i] == '\t' ? 2 : 1;
			space = 1;
			i += l;
			continue;
		}
		if (k == C_NL) {
			nl++;
			indent = 0;
			space = 1;
			i += l;
			continue;
		}
		an_tok *tk = push_tok(a, seg, &cap);
		memset(tk, 0, sizeof *tk);
		tk->off = (uint32_t)i;
		tk->c0 = s[i];
		if (space)
			tk->flags |= TF_SPACE;
		if (nl)
			tk->flags |= TF_NL;
		if (nl >= 2 || (nl && indent >= 2) || seg->ntok == 1)
			tk->flags |= TF_PARA;
		nl = space = indent = 0;
		if (is_wordch(k)) {
			int acr;
			wcase wc;
			size_t e = scan_word(s, n, i, k, &acr, &wc);
			tk->kind = k == C_DIGIT ? AN_TK_NUM : AN_TK_WORD;
			tk->len = (uint32_t)(e - i);
			if (acr)
				tk->flags |= TF_ABBR;
			set_case_flags(&wc, tk);
			i = e;
		} else if (is_apos(s + i, n - i) && seg->ntok > 1 &&
			   !(tk->flags & TF_SPACE) &&
			   clitic_tail(s + i + l, n - i - l)) {
			size_t cl = (size_t)clitic_tail(s + i + l, n - i - l);
			tk->kind = AN_TK_WORD;
			tk->flags |= TF_POSS;
			tk->len = (uint32_t)(l + cl);
			i += l + cl;
		} else if (s[i] == '.' && i + 2 < n && s[i + 1] == '.' &&
			   s[i + 2] == '.') {
			size_t e = i;
			while (e < n && s[e] == '.')
				e++;
			tk->kind = AN_TK_PUNCT;
			tk->len = (uint32_t)(e - i);
			i = e;
		} else {
			tk->kind = AN_TK_PUNCT;
			tk->len = (uint32_t)l;
			if (k == C_SUP)
				tk->flags |= TF_SUP;
			if (s[i] == '.' && !(tk->flags & TF_SPACE) && seg->ntok > 1)
				mark_abbrev_dot(t, seg);
			i += l;
		}
	}
	if (seg->ntok)
		seg->tok[0].flags |= TF_PARA;
}

/* ---- sentences ------------------------------------------------------- */

#define word_in(t, k, set) an_words_has(&(set), (t), (k))

/* Words that start sentences: a period after an abbreviation followed by
 * one of these ends the sentence after all. */
AN_WORDSET(starters,
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On",
	"At", "But", "And", "This", "That", "These", "Those", "There", "His",
	"Her", "Its", "Their", "Our", "As", "After", "Before", "When", "While",
	"If", "However", "Meanwhile", "Also", "According", "Some", "Many",
	"Most", "Both", "Such", "For", "From", "To", "By", "With", "What",
	"Who", "Why", "How", "Yet", "So", "Still", "Since", "Although");

static int is_terminal(const an_text *t, const an_tok *k)
{
	if (k->kind != AN_TK_PUNCT)
		return 0;
	const char *p = t->s + k->off;
	if (k->len == 1)
		return *p == '.' || *p == '!' || *p == '?';
	if (k->len >= 3 && *p == '.')
		return 2; /* ellipsis */
	return k->len == 3 && memcmp(p, "\xE2\x80\xA6", 3) == 0 ? 2 : 0;
}

static int is_closer(const an_text *t, const an_tok *k)
{
	if (k->kind != AN_TK_PUNCT || k->flags & TF_SPACE)
		return 0;
	const char *p = t->s + k->off;
	if (k->len == 1)
		return *p == '"' || *p == '\'' || *p == ')' || *p == ']';
	return k->len == 3 && (memcmp(p, "\xE2\x80\x9D", 3) == 0 ||
			       memcmp(p, "\xE2\x80\x99", 3) == 0);
}

/* Whether token k can open a sentence. */
static int can_start(const an_text *t, const an_tok *k)
{
	if (k->flags & (TF_CAP | TF_ALLCAP) || k->kind == AN_TK_NUM)
		return 1;
	if (k->kind != AN_TK_PUNCT)
		return 0;
	const char *p = t->s + k->off;
	if (k->len == 1)
		return *p == '"' || *p == '\'' || *p == '(' || *p == '[' ||
		       *p == '-' || *p == '*';
	return memcmp(p, "\xE2\x80\x9C", 3) == 0 ||
	       memcmp(p, "\xE2\x80\x98", 3) == 0 || (unsigned char)*p == 0xE2 ||
	       (unsigned char)*p == 0xC2;
}

/* Whether a sentence ends after token i (a terminal or the last closer). */
static int ends_after(const an_text *t, const an_seg *seg, uint32_t i,
		      int in_quote)
{
	const an_tok *k = &seg->tok[i];
	uint32_t j = i + 1;
	while (j < seg->ntok && is_closer(t, &seg->tok[j]) &&
	       !(seg->tok[j].flags & TF_PARA))
		j++;
	if (j >= seg->ntok)
		return 1;
	const an_tok *nx = &seg->tok[j];
	if (nx->flags & TF_PARA)
		return 1;
	if (!(nx->flags & TF_SPACE) || !can_start(t, nx))
		return 0;
	int term = is_terminal(t, k);
	if (term == 2 && in_quote)
		return 0;
	if (k->flags & TF_ADOT) {
		const an_tok *w = &seg->tok[i - 1];
		if (word_in(t, w, titles) || (w->len == 1 && w->flags & TF_CAP))
			return word_in(t, nx, starters);
		return 1;
	}
	if (k->kind == AN_TK_WORD && k->flags & TF_ABBR)
		return word_in(t, nx, starters);
	return 1;
}

/* Whether a line break before token i ends a sentence: the line before is
 * short and unpunctuated (a heading, a caption, a credit). */
static int line_break_ends(const an_text *t, const an_seg *seg, uint32_t i,
			   uint32_t line_start)
{
	const an_tok *k = &seg->tok[i], *p = &seg->tok[i - 1];
	if (!(k->flags & TF_NL) || !can_start(t, k))
		return 0;
	uint32_t llen = p->off + p->len - seg->tok[line_start].off;
	if (llen >= 50)
		return 0;
	char last = t->s[p->off + p->len - 1];
	return last != ',' && last != '-' && last != ';' && last != ':';
}

static int quote_toggle(const an_text *t, const an_tok *k, int q)
{
	if (k->kind != AN_TK_PUNCT)
		return q;
	const char *p = t->s + k->off;
	if (k->len == 1 && *p == '"')
		return !q;
	if (k->len == 3 && memcmp(p, "\xE2\x80\x9C", 3) == 0)
		return 1;
	if (k->len == 3 && memcmp(p, "\xE2\x80\x9D", 3) == 0)
		return 0;
	return q;
}

static void split_sentences(an_arena *a, const an_text *t, an_seg *seg)
{
	size_t cap = 0;
	uint32_t start = 0, line_start = 0, para = 0;
	int in_quote = 0;
	seg->sent = NULL;
	seg->nsent = 0;
	for (uint32_t i = 0; i <= seg->ntok; i++) {
		int brk = i == seg->ntok;
		if (!brk && i > start) {
			an_tok *k = &seg->tok[i];
			if (!(k->flags & (TF_PARA | TF_NL)) &&
			    seg->tok[i - 1].kind != AN_TK_PUNCT) {
				brk = 0; /* within a line, after a word */
			} else if (k->flags & TF_PARA) {
				brk = 1;
			} else if (line_break_ends(t, seg, i, line_start)) {
				brk = 1;
			} else {
				uint32_t j = i - 1; /* last token, skipping closers */
				while (j > start && is_closer(t, &seg->tok[j]))
					j--;
				brk = is_terminal(t, &seg->tok[j]) &&
				      ends_after(t, seg, j, in_quote) &&
				      (k->flags & TF_SPACE || k->flags & TF_NL);
				if (brk && is_closer(t, k))
					brk = 0;
			}
		}
		if (i < seg->ntok && seg->tok[i].flags & TF_NL)
			line_start = i;
		if (brk && i > start) {
			an_sent *s = AN_VEC_PUSH(a, seg->sent, seg->nsent, cap);
			s->t0 = start;
			s->t1 = i;
			s->off = seg->tok[start].off;
			s->end = seg->tok[i - 1].off + seg->tok[i - 1].len;
			s->para = para;
			seg->tok[start].flags |= TF_SENT;
			start = i;
			if (i < seg->ntok && seg->tok[i].flags & TF_PARA) {
				para++;
				in_quote = 0;
			}
		}
		if (i < seg->ntok) {
			seg->tok[i].sent = seg->nsent;
			in_quote = quote_toggle(t, &seg->tok[i], in_quote);
		}
	}
	seg->npara = seg->ntok ? para + 1 : 0;
}

void an_seg_run(an_arena *a, const an_text *t, an_seg *seg)
{
	init_classes();
	tokenize(a, t, seg);
	split_sentences(a, t, seg);
}

int an_tok_is(const an_text *t, const an_tok *k, const char *s)
{
	size_t n = strlen(s);
	return k->len == n && memcmp(t->s + k->off, s, n) == 0;
}


/* ---- match keys ------------------------------------------------------- */

static uint64_t h_poss;

static void init_keys(void)
{
	h_poss = an_hash("'s", 2, 3);
}

static void init_once(void)
{
	init_classes();
	init_keys();
	an_text_init();
	an_when_init();
}

void an_init_tables(void)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, init_once);
}

uint64_t an_tok_h_fill(const an_text *t, const an_tok *k)
{
	an_tok *m = (an_tok *)k; /* a cache inside the document's own token */
	m->h = k->kind == AN_TK_PUNCT ? 0 : an_fold_hash(t->s + k->off, k->len);
	m->flags |= TF_HSET;
	return m->h;
}

uint64_t an_tok_rh_fill(const an_text *t, const an_tok *k)
{
	an_tok *m = (an_tok *)k;
	m->rh = an_raw_hash(t->s + k->off, k->len);
	m->flags |= TF_RHSET;
	return m->rh;
}

static int name_punct(const an_text *t, const an_tok *k)
{
	const unsigned char *p = (const unsigned char *)t->s + k->off;
	if (k->len == 1)
		return *p == '-' || *p == '\'' || (*p == '.' && k->flags & TF_ADOT);
	return k->len == 3 && p[0] == 0xE2 && p[1] == 0x80 &&
	       (p[2] == 0x99 || p[2] == 0x90 || p[2] == 0x91); /* ’ ‐ ‑ */
}

uint64_t an_key_fold(const an_text *t, const an_tok *k)
{
	if (k->flags & TF_POSS)
		return h_poss;
	if (k->kind != AN_TK_PUNCT)
		return an_tok_h(t, k);
	return name_punct(t, k) ? 0 : an_tok_rh(t, k);
}

uint32_t an_key_lead(const an_text *t, const an_seg *seg, uint32_t i,
		     uint32_t end)
{
	uint32_t j = i;
	while (j < end && (an_tok_article(t, &seg->tok[j]) ||
			   (j > i && !an_key_fold(t, &seg->tok[j]))))
		j++;
	return j < end ? j : i;
}

/* ---- word sets --------------------------------------------------------- */

/* Word sets are filled on first use, from whichever thread gets there
 * first: under a lock, published by a release store of ready. */
static pthread_mutex_t words_lock = PTHREAD_MUTEX_INITIALIZER;

static __attribute__((noinline)) void words_init(an_wordset *ws)
{
	pthread_mutex_lock(&words_lock);
	if (__atomic_load_n(&ws->ready, __ATOMIC_ACQUIRE)) {
		pthread_mutex_unlock(&words_lock);
		return;
	}
	for (const char *const *w = ws->words; *w; w++) {
		size_t l = strlen(*w);
		unsigned char c = (unsigned char)**w;
		ws->lens |= 1ULL << (l < 63 ? l : 63);
		ws->firsts[c >> 6] |= 1ULL << (c & 63);
		uint64_t h = an_raw_hash(*w, l);
		uint32_t i = (uint32_t)h & 511;
		while (ws->slots[i] && ws->slots[i] != h)
			i = (i + 1) & 511;
		ws->slots[i] = h;
	}
	__atomic_store_n(&ws->ready, 1, __ATOMIC_RELEASE);
	pthread_mutex_unlock(&words_lock);
}

/* Whether a word of len bytes starting with byte c may be in the set. */
static inline int words_may(an_wordset *ws, size_t len, unsigned char c)
{
	if (!__atomic_load_n(&ws->ready, __ATOMIC_ACQUIRE))
		words_init(ws);
	return ws->lens >> (len < 63 ? len : 63) & 1 &&
	       ws->firsts[c >> 6] >> (c & 63) & 1;
}

static int words_slot(const an_wordset *ws, uint64_t h)
{
	uint32_t i = (uint32_t)h & 511;
	while (ws->slots[i]) {
		if (ws->slots[i] == h)
			return 1;
		i = (i + 1) & 511;
	}
	return 0;
}

int an_words_has(an_wordset *ws, const an_text *t, const an_tok *k)
{
	return words_may(ws, k->len, (unsigned char)t->s[k->off]) &&
	       words_slot(ws, an_tok_rh(t, k));
}

int an_words_has_lh(an_wordset *ws, const an_text *t, const an_tok *k,
		    uint64_t *lh)
{
	unsigned char c = k->c0 >= 'A' && k->c0 <= 'Z' ? k->c0 | 32 : k->c0;
	if (!words_may(ws, k->len, c))
		return 0;
	if (!*lh)
		*lh = an_lower_hash(t->s + k->off, k->len);
	return words_slot(ws, *lh);
}

int an_words_has_lower(an_wordset *ws, const an_text *t, const an_tok *k)
{
	uint64_t lh = 0;
	return an_words_has_lh(ws, t, k, &lh);
}
