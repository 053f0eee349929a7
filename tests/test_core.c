/*
 * test_core.c: arenas, UTF-8 and offsets, folding, segmentation and dates.
 */
#include "arena.h"
#include "doc.h"
#include "runner.h"
#include "seg.h"
#include "text.h"

void test_arena(void)
{
	an_arena *a = an_arena_new(NULL);
	char *p = an_arena_zalloc(a, 10);
	OK(p && p[0] == 0 && p[9] == 0);
	for (int i = 0; i < 10000; i++)
		an_arena_alloc(a, 100);
	OK(an_arena_blocks(a) <= 8); /* blocks, not an allocation per object */
	an_arena_reset(a);
	INT_EQ(an_arena_blocks(a), 1);
	char *q = an_arena_zalloc(a, 64);
	OK(q[0] == 0 && q[63] == 0);
	OK(an_arena_strndup(a, "abc", 2)[2] == 0);
	an_arena_free(a);
	an_arena_free(NULL);

	an_buf b;
	an_buf_init(&b, NULL);
	an_buf_json_str(&b, "a\"b\\c\n\x01\xff", 8);
	STR_EQ(b.p, "\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD\"");
	an_buf_free(&b);
}

void test_text(void)
{
	an_arena *a = an_arena_new(NULL);
	an_text t = {0};
	an_utf8_report r;
	/* an invalid byte becomes U+FFFD; offsets still map to the original */
	an_text_from_bytes(a, &t, "ab\xff" "cd\0e", 7, &r);
	INT_EQ(r.invalid, 1);
	INT_EQ(r.first_invalid, 2);
	INT_EQ(r.nuls, 1);
	INT_EQ(t.len, 9);
	INT_EQ(an_text_orig(&t, 0), 0);
	INT_EQ(an_text_orig(&t, 2), 2);     /* the replacement starts at 2 */
	INT_EQ(an_text_orig(&t, 5), 3);     /* 'c' */
	INT_EQ(an_text_orig_end(&t, 7), 5); /* "cd" ends at 5 */
	OK(t.s[7] == ' ');                  /* NUL read as space */
	INT_EQ(an_utf8_len((const unsigned char *)"\xE2\x80\x99", 3), 3);
	INT_EQ(an_utf8_len((const unsigned char *)"\xC0\x80", 2), 0); /* overlong */
	INT_EQ(an_utf8_len((const unsigned char *)"\xED\xA0\x80", 3), 0); /* surrogate */
	an_arena_free(a);
}

static int same_key(const char *x, const char *y)
{
	return an_fold_hash(x, strlen(x)) == an_fold_hash(y, strlen(y));
}

void test_fold(void)
{
	OK(same_key("Qassem", "Qasem"));
	OK(same_key("Qasim", "Qasem"));
	OK(same_key("Ghasem", "Qasem"));
	OK(same_key("Qods", "Quds"));
	OK(same_key("Hezbollah", "Hizbullah"));
	OK(same_key("Haniyeh", "Haniya"));
	OK(same_key("Nakhalah", "Nakhala"));
	OK(same_key("Soleimani", "Suleimani"));
	OK(same_key("Solemani", "Soleimani"));
	OK(same_key("Baqeri", "Bagheri"));
	OK(same_key("Erdoğan", "Erdogan"));
	OK(same_key("Qa\xE2\x80\x99""ani", "Qaani"));
	OK(same_key("IRAN", "iran"));
	OK(!same_key("Iran", "Iraq"));
	OK(!same_key("Iran", "Iron"));
	char s[64];
	an_slug("Qasem Soleimani", 15, s, sizeof s);
	STR_EQ(s, "qasem-soleimani");
	an_slug("Nasser Salah al-Dīn Brigades", strlen("Nasser Salah al-Dīn Brigades"), s, sizeof s);
	STR_EQ(s, "nasser-salah-al-din-brigades");
}

/* Segments s; returns sentence count and fills seg. */
static an_seg seg_of(an_arena *a, an_text *t, const char *s)
{
	an_utf8_report r;
	an_seg seg;
	memset(t, 0, sizeof *t);
	an_text_from_bytes(a, t, s, strlen(s), &r);
	an_seg_run(a, t, &seg);
	return seg;
}

/* The text of sentence i. */
static const char *sent_text(an_arena *a, const an_text *t, const an_seg *s,
			     uint32_t i)
{
	return an_arena_strndup(a, t->s + s->sent[i].off,
				s->sent[i].end - s->sent[i].off);
}

void test_seg(void)
{
	an_arena *a = an_arena_new(NULL);
	an_text t;
	an_seg s = seg_of(a, &t, "Brig. Gen. Amir Hatami spoke. The U.S. Army did not. "
				 "No. 1588 passed. A. Savyon wrote it.");
	INT_EQ(s.nsent, 4);
	STR_EQ(sent_text(a, &t, &s, 0), "Brig. Gen. Amir Hatami spoke.");
	STR_EQ(sent_text(a, &t, &s, 1), "The U.S. Army did not.");
	STR_EQ(sent_text(a, &t, &s, 3), "A. Savyon wrote it.");

	s = seg_of(a, &t, "He said: \xE2\x80\x9CWe fired... Then we waited.\xE2\x80\x9D She left.");
	INT_EQ(s.nsent, 2);

	s = seg_of(a, &t, "Title line\n\nFirst para. Second sentence.\n\n\xE2\x96\xBA Bullet one\n\nLast.");
	INT_EQ(s.npara, 4);
	INT_EQ(s.nsent, 5);

	/* Reuters: hard-wrapped lines, indented paragraphs */
	s = seg_of(a, &t, "Showers continued in\nthe Bahia zone.\n    The dry period means\nlate crops.");
	INT_EQ(s.nsent, 2);
	INT_EQ(s.npara, 2);

	/* possessives and hyphens split off, acronyms kept whole */
	s = seg_of(a, &t, "IRGC\xE2\x80\x99s al-Qassam U.S.-backed");
	OK(s.ntok >= 7);
	OK(an_tok_is(&t, &s.tok[0], "IRGC"));
	OK(s.tok[1].flags & TF_POSS);
	OK(an_tok_is(&t, &s.tok[2], "al"));
	OK(an_tok_is(&t, &s.tok[5], "U.S."));

	/* footnote superscripts are their own tokens */
	s = seg_of(a, &t, "in Iran,\xC2\xB9 during");
	OK(s.tok[3].flags & TF_SUP);

	/* brackets and quotes */
	s = seg_of(a, &t, "\"Not for [the sake of] Gaza,\" they said. [Soleimani] left.");
	INT_EQ(s.nsent, 2);
	an_arena_free(a);
}

void test_date(void)
{
	char iso[11];
	OK(an_date_parse("January 7, 2018", 15, iso));
	STR_EQ(iso, "2018-01-07");
	OK(an_date_parse("July 22, 2021 | By A. Savyon", 28, iso));
	STR_EQ(iso, "2021-07-22");
	OK(an_date_parse("7 Jan 2018", 10, iso));
	STR_EQ(iso, "2018-01-07");
	OK(an_date_parse("Jan. 7, 2018", 12, iso));
	STR_EQ(iso, "2018-01-07");
	OK(an_date_parse("Sun 10 Jul 2016 29 Syria", 24, iso));
	STR_EQ(iso, "2016-07-10");
	OK(an_date_parse("2020-01-03T05:00:00Z", 20, iso));
	STR_EQ(iso, "2020-01-03");
	OK(!an_date_parse("January 2018", 12, iso));
	OK(!an_date_parse("Mayor Smith", 11, iso));
	OK(!an_date_parse("February 30", 11, iso));
}
