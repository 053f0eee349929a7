/*
 * test_quote.c: quotations, one form a check: each text is coded with the
 * test dictionary (tests/data) and its quote records are compared in a
 * compact form "speaker: text [medium addressee date how]".
 */
#include <stdlib.h>

#include "runner.h"

/* Codes text (dated date, or NULL) and returns its quotations, one line
 * each: "speaker: text [medium addressee date how]". */
static const char *quotes(const char *text, const char *date)
{
	static char out[1 << 16], res[8192];
	snprintf(out, sizeof out, "%s", code_article(text, date, 0));
	size_t r = 0;
	res[0] = 0;
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strstr(line, "\"type\":\"quote\""))
			continue;
		char s[64], t[512], m[32], a[64], d[16], h[32];
		json_field(line, "speaker", s, sizeof s);
		json_field(line, "text", t, sizeof t);
		json_field(line, "medium", m, sizeof m);
		json_field(line, "addressee", a, sizeof a);
		json_field(line, "date", d, sizeof d);
		json_field(line, "how", h, sizeof h);
		r += (size_t)snprintf(res + r, sizeof res - r, "%s%s: %s [%s %s %s %s]",
				      r ? "\n" : "", s, t, m, a, d, h);
	}
	return res;
}

#define Q(text, want) STR_EQ(quotes(text, NULL), want)

static void marks(void)
{
	/* straight and curly marks; the words between them, marks excluded */
	Q("\"We will never leave Palestine alone,\" Ismail Haniyeh said.",
	  "ismail-haniyeh: We will never leave Palestine alone, [null null null after]");
	Q("Ismail Haniyeh said: \xE2\x80\x9CIran did not hold back with money.\xE2\x80\x9D",
	  "ismail-haniyeh: Iran did not hold back with money. [null null null before]");
	/* scare quotes of one to three words are not quotations */
	Q("Donald Trump called the deal \"a total disaster\" on Monday.", "");
	/* single quotes inside a quotation stay part of it */
	Q("Esmail Qaani said: \"They called it 'a new era' for the resistance.\"",
	  "esmail-qaani: They called it 'a new era' for the resistance. "
	  "[null null null before]");
	/* ellipses and editorial brackets inside */
	Q("Esmail Qaani said: \"He [Soleimani] supervised the support ... for two decades.\"",
	  "esmail-qaani: He [Soleimani] supervised the support ... for two decades. "
	  "[null null null before]");
	/* a quoted headline after a colon, in single marks */
	Q("Quds Force Commander Esmail Qaani: \xE2\x80\x98In The First Three Days We Fired Many "
	  "Missiles\xE2\x80\x99\n\nThe speech was broadcast on Friday.",
	  "esmail-qaani: In The First Three Days We Fired Many Missiles [null null null before]");
}

static void paragraphs(void)
{
	/* a quotation open at a paragraph's end continues in the next one */
	Q("Esmail Qaani said:\n\n\"The first part of the speech is here.\n\n"
	  "\"The second part of the speech is here.\"",
	  "esmail-qaani: The first part of the speech is here. [null null null previous sentence]\n"
	  "esmail-qaani: The second part of the speech is here. [null null null run]");
	/* paragraphs run together on one line: a new opening mark after the
	 * end of a sentence ends the first */
	Q("Esmail Qaani said: \"We sent them many weapons. \"We will send more of them soon.\"",
	  "esmail-qaani: We sent them many weapons. [null null null before]\n"
	  "esmail-qaani: We will send more of them soon. [null null null run]");
	/* a quotation that never closes ends with its paragraph */
	Q("Esmail Qaani said: \"We will fight on until the end\n\nThe talks ended.",
	  "esmail-qaani: We will fight on until the end [null null null before]");
}

static void speakers(void)
{
	/* "said X" after the quotation */
	Q("\"The resistance will continue its work,\" said Ismail Haniyeh.",
	  "ismail-haniyeh: The resistance will continue its work, [null null null after]");
	/* a pronoun: the person the sentences before are about */
	Q("Ismail Haniyeh spoke in Gaza on Friday. \"We thank Iran for its support,\" he said.",
	  "ismail-haniyeh: We thank Iran for its support, [null null null after]");
	/* a quotation interrupted by its attribution */
	Q("\"We thank Iran for everything,\" Ismail Haniyeh said, \"and we thank its people too.\"",
	  "ismail-haniyeh: We thank Iran for everything, [null null null after]\n"
	  "ismail-haniyeh: and we thank its people too. [null null null before]");
	/* according to X */
	Q("According to Bloomberg, \"the offer was made in a phone call with leaders in Gaza.\"",
	  "bloomberg: the offer was made in a phone call with leaders in Gaza. "
	  "[null null null before]");
	/* the sentence before names the speaker */
	Q("All the factions agreed on the plan, said Ismail Haniyeh.\n\n"
	  "\"We will keep fighting until the occupation ends.\"",
	  "ismail-haniyeh: We will keep fighting until the occupation ends. "
	  "[null null null previous sentence]");
	/* a run of quotations shares its attribution, wherever it is */
	Q("\"The occupation will end one day.\" \"We will keep fighting until it does,\" "
	  "Ismail Haniyeh said.",
	  "ismail-haniyeh: The occupation will end one day. [null null null run]\n"
	  "ismail-haniyeh: We will keep fighting until it does, [null null null after]");
	/* a spokesman speaks for his group */
	Q("\"The strike was a crime against our people,\" a Hamas spokesman said.",
	  "hamas: The strike was a crime against our people, [null null null after]");
	/* a work speaks for whoever put it out */
	Q("Hamas released a video on Friday. The video said: \"We thank Iran for all the help.\"",
	  "hamas: We thank Iran for all the help. [null null null before]");
	/* a participle after the main clause: its subject speaks */
	Q("Ismail Haniyeh thanked Iran, saying: \"Iran never held back with money and weapons.\"",
	  "ismail-haniyeh: Iran never held back with money and weapons. [null null null before]");
	/* no one named: no record */
	Q("\"Nobody knows who wrote these words at all.\"", "");
}

static void details(void)
{
	/* addressee and medium */
	Q("Esmail Qaani told Ismail Haniyeh in a phone call: \"Iran stands with the resistance.\"",
	  "esmail-qaani: Iran stands with the resistance. "
	  "[phone call ismail-haniyeh null before]");
	Q("In a televised speech, Ismail Haniyeh said: \"Iran did not hold back with money.\"",
	  "ismail-haniyeh: Iran did not hold back with money. [speech null null before]");
	/* the date the attribution gives */
	STR_EQ(quotes("On May 29, 2021, Esmail Qaani said: \"In the first three days we "
		      "fired many missiles.\"", NULL),
	       "esmail-qaani: In the first three days we fired many missiles. "
	       "[null null 2021-05-29 before]");
	/* else the date of the footnote a marker after it points to */
	Q("Esmail Qaani said: \"In the first three days we fired many missiles.\"[3]\n\n"
	  "[3] ISNA (Iran), May 29, 2021.",
	  "esmail-qaani: In the first three days we fired many missiles. "
	  "[null null 2021-05-29 before]");
	/* words said twice are two records; a pull quote repeating words
	 * quoted later is one */
	Q("\"Iran did not hold back with money,\" Ismail Haniyeh said. Later he repeated: "
	  "\"Iran did not hold back with money.\"",
	  "ismail-haniyeh: Iran did not hold back with money, [null null null after]\n"
	  "ismail-haniyeh: Iran did not hold back with money. [null null null before]");
	Q("\"Iran did not hold back with money.\"\n\nHamas met in Gaza on Friday. "
	  "\"Iran did not hold back with money,\" Ismail Haniyeh said there.",
	  "ismail-haniyeh: Iran did not hold back with money. [null null null repeated]");
	/* a spokesman not named for anyone speaks for no one known */
	Q("Hamas met in Gaza. The spokesman said: \"The meeting went on for hours.\"", "");
	/* reader comments are not reportage */
	Q("Hamas met in Gaza.\n\nComments\n\n\"This is all a lie and you know it,\" "
	  "Ismail Haniyeh said.", "");
}

/* Unbalanced and runaway marks: no crash, nothing invented. */
static void bad_input(void)
{
	Q("Ismail Haniyeh said \" and then \" and \" again \".", "");
	size_t n = 10000;
	char *s = malloc(n + 64);
	memset(s, '"', n);
	strcpy(s + n, " Ismail Haniyeh said.");
	Q(s, "");
	for (size_t i = 0; i < n; i += 2)
		s[i] = ' ';
	Q(s, "");
	free(s);
	/* the quotation mark alone, at the start and at the end */
	Q("\"", "");
	Q("Ismail Haniyeh said: \"", "");
}

/* Inside a quotation "we" is the speaker's group. */
static void we(void)
{
	STR_EQ(quotes("The Quds Force commander Esmail Qaani said: \"We fired many missiles "
		      "at Israel.\"", NULL),
	       "esmail-qaani: We fired many missiles at Israel. [null null null before]");
	const char *out = code_text("The Quds Force commander Esmail Qaani said: \"We fired "
				    "many missiles at Israel.\"", 0);
	OK(strstr(out, "\"source\":\"quds-force\",\"target\":\"israel\"") != NULL);
}

void test_quote(void)
{
	marks();
	paragraphs();
	speakers();
	details();
	bad_input();
	we();
}
