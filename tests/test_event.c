/*
 * test_event.c: event coding, one construction a check: each sentence is
 * coded with the test dictionary (tests/data) and its events are compared
 * in a compact form "code source>target modality date location by".
 */
#include "runner.h"

/* Codes text (document date `date`, or NULL) and returns its events, one
 * "code source>target modality date location attribution" line each. */
static const char *events(const char *text, const char *date)
{
	static char out[1 << 16], res[8192];
	snprintf(out, sizeof out, "%s", code_article(text, date, 0));
	size_t r = 0;
	res[0] = 0;
	for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
		if (!strstr(line, "\"type\":\"event\""))
			continue;
		char c[8], s[64], t[64], m[16], d[16], l[64], by[64];
		json_field(line, "code", c, sizeof c);
		json_field(line, "source", s, sizeof s);
		json_field(line, "target", t, sizeof t);
		json_field(line, "modality", m, sizeof m);
		json_field(line, "date", d, sizeof d);
		json_field(line, "location", l, sizeof l);
		json_field(line, "attribution", by, sizeof by);
		r += (size_t)snprintf(res + r, sizeof res - r, "%s%s %s>%s %s %s %s %s",
				      r ? "\n" : "", c, s, t, m, d, l, by);
	}
	return res;
}

#define EV(text, want) STR_EQ(events(text, NULL), want)
#define EVD(text, date, want) STR_EQ(events(text, date), want)

static void verbs(void)
{
	EV("Hamas fired rockets at Israel.",
	   "190 hamas>israel asserted null null null");
	EV("Iran sent weapons to Hamas.", "072 iran>hamas asserted null null null");
	EV("Iran sends money to Hamas.", "071 iran>hamas asserted null null null");
	/* inflections: regular (-ed, -ing, doubled), irregular (listed) */
	EV("Israel raided Gaza Strip.", "190 israel>gaza-strip asserted null null null");
	EV("Hezbollah is attacking Israel.", "190 hezbollah>israel asserted null null null");
	EV("Hezbollah fought Israel.", "190 hezbollah>israel asserted null null null");
	/* phrasal verb */
	EV("Hamas called on Iran.", "020 hamas>iran asserted null null null");
	/* no actor before the verb: no event */
	EV("Rockets were fired.", "");
	/* a pattern written with "@" codes only where the word is a verb
	 * with an actor as its object */
	EV("Iran funded Hamas.", "071 iran>hamas asserted null null null");
	EV("Iran has been funding Hamas.", "071 iran>hamas asserted null null null");
	EV("Iran wanted to fund the deal.", "");
	EV("United States funds for Hamas grew.", "");
}

static void clauses(void)
{
	/* coordinated sources and targets give an event each */
	EV("Hamas and Hezbollah attacked Israel.",
	   "190 hamas>israel asserted null null null\n"
	   "190 hezbollah>israel asserted null null null");
	EV("Iran sent weapons to Hamas, Hezbollah and Lebanon.",
	   "072 iran>hamas asserted null null null\n"
	   "072 iran>hezbollah asserted null null null\n"
	   "072 iran>lebanon asserted null null null");
	/* passive with an agent */
	EV("Gaza Strip was raided by Israel.",
	   "190 israel>gaza-strip asserted null null null");
	/* relative clause */
	EV("Hamas, which Iran supports, attacked Israel.",
	   "070 iran>hamas asserted null null null\n"
	   "190 hamas>israel asserted null null null");
	/* possessive head: the organisation, not the country */
	EV("Iran's Quds Force praised Hamas.",
	   "051 quds-force>hamas asserted null null null");
	/* the target inside a pattern's gap; a demonym there qualifies */
	EV("Iran sent Hamas weapons.", "072 iran>hamas asserted null null null");
	EV("Iran sent Iranian weapons to Hamas.", "072 iran>hamas asserted null null null");
	/* an appositive and a parenthesis between subject and verb */
	EV("Qasem Soleimani, a commander in the Quds Force (IRGC), praised Hamas.",
	   "051 qasem-soleimani>hamas asserted null null null");
	/* a question asserts nothing */
	EV("Did Hamas attack Israel?", "");
	/* a place after "in" is the location, not the target */
	EV("Hamas attacked Israel in Gaza.",
	   "190 hamas>israel asserted null gaza-strip null");
	/* a border named by its country's demonym */
	EV("Hamas attacked Israel near the Iranian border.",
	   "190 hamas>israel asserted null iran null");
}

static void roles(void)
{
	/* a city whose code is its country's stands for the country */
	EV("Tehran accused Israel.", "112 iran>israel asserted null null null");
	EV("Demonstrations broke out in Tehran.", "141 iran>null asserted null null null");
	/* the subject after an open relative, and people of a place */
	EV("Hezbollah released a video in which children from the Gaza Strip thank Iran.",
	   "051 gaza-strip>iran asserted null null null");
	/* a place inside the demonym's country is the narrower actor */
	EV("Palestinian children in the Gaza Strip thank Iran.",
	   "051 gaza-strip>iran asserted null null null");
	/* a list closed by "and" before a plain noun phrase */
	EV("Iran sent money to Hamas, Hezbollah, Lebanon and other groups.",
	   "071 iran>hamas asserted null null null\n"
	   "071 iran>hezbollah asserted null null null\n"
	   "071 iran>lebanon asserted null null null");
	/* a gerund's doer is the object of the verb before it */
	EV("Qasem Soleimani spoke. Israel accused him of sending money to Lebanon.",
	   "112 israel>qasem-soleimani asserted null null null\n"
	   "071 qasem-soleimani>lebanon asserted null null null");
	EV("Israel accused him of sending money to Lebanon.",
	   "112 israel>null asserted null null null");
	/* receiving: the receiver is the target */
	EV("Hamas, Hezbollah and the Al-Quds Brigades, all of which receive Iranian support, attacked Israel.",
	   "070 iran>hamas asserted null null null\n"
	   "070 iran>hezbollah asserted null null null\n"
	   "070 iran>al-quds-brigades asserted null null null\n"
	   "190 hamas>israel asserted null null null\n"
	   "190 hezbollah>israel asserted null null null\n"
	   "190 al-quds-brigades>israel asserted null null null");
	EV("Hamas received support from Iran.", "070 iran>hamas asserted null null null");
	EV("The support Hamas received from Iran grew.",
	   "070 iran>hamas asserted null null null");
	/* giving in a clause after the noun */
	EV("Hamas thanked Iran for the support they give the Gaza Strip.",
	   "051 hamas>iran asserted null null null\n"
	   "070 iran>gaza-strip asserted null null null");
	/* "the involvement of X in" an event noun; a verb's base form after
	 * a determiner reads as a noun */
	EV("Bloomberg mentioned the involvement of Hezbollah in the transfer of the weapons.",
	   "072 hezbollah>null asserted null null null");
	/* the people of a protest stand for it, and for its place */
	EV("Protesters in Tehran praised Hamas.",
	   "141 iran>null asserted null null null\n"
	   "051 iran>hamas asserted null null null");
	/* who plays a role in an event is one of its sources */
	EV("Qasem Soleimani plays a key role in Iranian support for Hamas.",
	   "070 iran>hamas asserted null null null\n"
	   "070 qasem-soleimani>hamas asserted null null null");
	/* an adjunct of time is not the object */
	EV("Hamas praised Iran. Hamas attacked after the death of Qasem Soleimani.",
	   "051 hamas>iran asserted null null null\n"
	   "190 hamas>null asserted null null null");
	/* an answer targets the one it answers */
	EV("Hamas attacked Israel, and Israel conducted airstrikes in response.",
	   "190 hamas>israel asserted null null null\n"
	   "195 israel>hamas asserted null null null");
	/* a "that" clause is not the object */
	EV("Hamas admitted that Iran supports it.",
	   "015 hamas>null asserted null null null\n"
	   "070 iran>hamas asserted null null null");
}

static void pronouns(void)
{
	/* a pronoun object with a coordinated actor after it */
	EV("Qasem Soleimani spoke. Hamas thanked him and Iran.",
	   "051 hamas>qasem-soleimani asserted null null null\n"
	   "051 hamas>iran asserted null null null");
	/* a subject pronoun before a passive verb */
	EV("Israel raided Lebanon. Later it was raided by Hezbollah.",
	   "190 israel>lebanon asserted null null null\n"
	   "190 hezbollah>lebanon asserted null null null");
	/* "we" is the group of the last speaker */
	EV("Ismail Haniyeh said that Hamas would fight. We attacked Israel.",
	   "190 hamas>null hypothetical null null ismail-haniyeh\n"
	   "190 hamas>israel asserted null null null");
	/* a "they" after "him and Iran" stands for both */
	EV("Qasem Soleimani spoke. Hamas thanked him and Iran for the support they give Lebanon.",
	   "051 hamas>qasem-soleimani asserted null null null\n"
	   "051 hamas>iran asserted null null null\n"
	   "070 qasem-soleimani>lebanon asserted null null null\n"
	   "070 iran>lebanon asserted null null null");
	/* "they" opening consecutive sentences stands for one actor */
	EV("Hamas praised Iran. They accused Israel of attacking Lebanon. They attacked Israel.",
	   "051 hamas>iran asserted null null null\n"
	   "112 iran>israel asserted null null null\n"
	   "190 israel>lebanon asserted null null null\n"
	   "190 iran>israel asserted null null null");
	/* a pronoun stands for the nearest actor before it of its kind */
	EV("Hamas praised Iran. They attacked Israel.",
	   "051 hamas>iran asserted null null null\n"
	   "190 iran>israel asserted null null null");
	EV("Qasem Soleimani spoke. Israel attacked him.",
	   "190 israel>qasem-soleimani asserted null null null");
	EV("Iran spoke. Its support for Hamas grew.",
	   "070 iran>hamas asserted null null null");
}

static void nouns(void)
{
	EV("Iran's support for Hamas grew.", "070 iran>hamas asserted null null null");
	EV("Iranian support for Hamas grew.", "070 iran>hamas asserted null null null");
	EV("The airstrikes by Israel on Hamas continued.",
	   "195 israel>hamas asserted null null null");
	EV("Hamas's rocket attacks on Israel continued.",
	   "190 hamas>israel asserted null null null");
	/* an event noun qualifying another is no event: "support group" */
	EV("Iran's support group for Hamas grew.", "");
}

static void backers(void)
{
	/* a compound modifier backs the first actor of its phrase */
	EV("The blow hit the Iranian-backed groups in the region including Gaza's factions.",
	   "070 iran>gaza-strip asserted null null null");
	EV("Iranian-backed Hezbollah attacked Israel.",
	   "070 iran>hezbollah asserted null null null\n"
	   "190 hezbollah>israel asserted null null null");
	/* ... but is no subject, and its phrase ends at the verb */
	EV("Iran-backed militias attacked Israel.", "");
	/* the name after a backer noun, or the subject it describes, backs
	 * the one of "of X", a possessive, or the clause's subject */
	EV("Iran, the main backer of Hezbollah, attacked Israel.",
	   "070 iran>hezbollah asserted null null null\n"
	   "190 iran>israel asserted null null null");
	EV("Gazan groups mourn the loss of key supporter Qasem Soleimani.",
	   "018 gaza-strip>qasem-soleimani asserted null null null\n"
	   "070 qasem-soleimani>gaza-strip asserted null null null");
	EV("Hezbollah's patron Iran attacked Israel.",
	   "070 iran>hezbollah asserted null null null\n"
	   "190 iran>israel asserted null null null");
	/* supporters named for whom they support are no actor */
	EV("Trump supporters attacked Israel.", "");
}

static void modality(void)
{
	EV("Hamas did not attack Israel.", "190 hamas>israel negated null null null");
	EV("Hamas never attacked Israel.", "190 hamas>israel negated null null null");
	EV("Hamas will attack Israel.", "190 hamas>israel hypothetical null null null");
	EV("Hamas threatened to attack Israel.",
	   "190 hamas>israel hypothetical null null null");
	EV("Iran offered support to Hamas.", "030 iran>hamas hypothetical null null null");
	EV("According to Bloomberg, Hamas attacked Israel.",
	   "190 hamas>israel reported null null bloomberg");
	EV("Hamas attacked Israel, Bloomberg reported.",
	   "190 hamas>israel reported null null bloomberg");
	EV("Bloomberg reported that Hamas attacked Israel.",
	   "190 hamas>israel reported null null bloomberg");
	EV("Hamas reportedly attacked Israel.",
	   "190 hamas>israel reported null null null");
	EV("Hamas said that Hamas attacked Israel.",
	   "190 hamas>israel claimed null null hamas");
}

static void dates(void)
{
	EVD("Hamas attacked Israel on December 28, 2017.", "2018-01-07",
	    "190 hamas>israel asserted 2017-12-28 null null");
	EVD("Hamas attacked Israel in January 2002.", NULL,
	    "190 hamas>israel asserted 2002-01 null null");
	EVD("In 2008, Hamas attacked Israel.", NULL,
	    "190 hamas>israel asserted 2008 null null");
	EVD("Hamas attacked Israel yesterday.", "2018-01-07",
	    "190 hamas>israel asserted 2018-01-06 null null");
	/* 2020-01-05 was a Sunday: "Friday" is 2020-01-03 */
	EVD("Hamas attacked Israel on Friday morning.", "2020-01-05",
	    "190 hamas>israel asserted 2020-01-03 null null");
	/* periods relative to the document date (2018-01-17, a Wednesday) */
	EVD("Hamas attacked Israel last year.", "2018-01-17",
	    "190 hamas>israel asserted 2017 null null");
	EVD("Hamas attacked Israel last month.", "2018-01-17",
	    "190 hamas>israel asserted 2017-12 null null");
	EVD("Hamas attacked Israel last week.", "2018-01-17",
	    "190 hamas>israel asserted 2018-01 null null");
	EVD("Hamas attacked Israel last week.", "2018-02-07",
	    "190 hamas>israel asserted null null null"); /* Jan 29 - Feb 4 */
	EVD("Hamas attacked Israel three days ago.", "2018-01-17",
	    "190 hamas>israel asserted 2018-01-14 null null");
	EVD("In March, Hamas attacked Israel.", "2018-01-17",
	    "190 hamas>israel asserted 2017-03 null null");
	/* without a document date a relative day stays unknown */
	EVD("Hamas attacked Israel yesterday.", NULL,
	    "190 hamas>israel asserted null null null");
	/* a day of a month: the latest on or before the document date */
	EVD("- Dec. 29: Hamas attacked Israel.", "2020-01-05",
	    "190 hamas>israel asserted 2019-12-29 null null");
	/* the date of the footnote a marker points to */
	EVD("Hamas attacked Israel.\xC2\xB9\n\n\xC2\xB9 On December 28, 2017, the war began.",
	    NULL, "190 hamas>israel asserted 2017-12-28 null null");
	/* a date opening the sentence before frames the next one */
	EVD("In 2008, Iran sent weapons to Hamas. Hamas attacked Israel.", NULL,
	    "072 iran>hamas asserted 2008 null null\n"
	    "190 hamas>israel asserted 2008 null null");
	/* not one ending the sentence before */
	EVD("Iran sent weapons to Hamas in 2008. Hamas attacked Israel.", NULL,
	    "072 iran>hamas asserted 2008 null null\n"
	    "190 hamas>israel asserted null null null");
	/* relative to the last date named, at the precision both allow */
	EVD("Iran sent weapons to Hamas on March 3, 2019. Hamas attacked Israel the next day.",
	    NULL, "072 iran>hamas asserted 2019-03-03 null null\n"
	    "190 hamas>israel asserted 2019-03-04 null null");
	EVD("Iran sent weapons to Hamas on March 3, 2019. Hamas had attacked Israel the day before.",
	    NULL, "072 iran>hamas asserted 2019-03-03 null null\n"
	    "190 hamas>israel asserted 2019-03-02 null null");
	EVD("Iran sent weapons to Hamas in January 2018. Two months later Hamas attacked Israel.",
	    NULL, "072 iran>hamas asserted 2018-01 null null\n"
	    "190 hamas>israel asserted 2018-03 null null");
	EVD("Iran sent weapons to Hamas on March 3, 2019. A week later Hamas attacked Israel.",
	    NULL, "072 iran>hamas asserted 2019-03-03 null null\n"
	    "190 hamas>israel asserted 2019-03 null null");
	/* a day from a month is unknown; the document date without a date named */
	EVD("Iran sent weapons to Hamas in 2018. The next day Hamas attacked Israel.",
	    NULL, "072 iran>hamas asserted 2018 null null\n"
	    "190 hamas>israel asserted null null null");
	EVD("Hamas attacked Israel the previous day.", "2018-01-17",
	    "190 hamas>israel asserted 2018-01-16 null null");
	/* ranges: what both ends share, nothing when they differ in year */
	EVD("Hamas attacked Israel from March to May 2018.", NULL,
	    "190 hamas>israel asserted 2018 null null");
	EVD("Hamas attacked Israel between March 3, 2018 and March 9, 2018.", NULL,
	    "190 hamas>israel asserted 2018-03 null null");
	EVD("Hamas attacked Israel from 2015 to 2017.", NULL,
	    "190 hamas>israel asserted null null null");
	/* "the day before X" counts from X, which is not dated here */
	EVD("Hamas attacked Israel the day before the protests.", "2018-01-17",
	    "190 hamas>israel asserted null null null");
}

/* Definite descriptions stand for the actor they described before. */
static void descriptions(void)
{
	EV("Hamas met the freighter Karine A. The freighter was raided by Israel.",
	   "190 israel>karine-a asserted null null null");
	/* a document with no actor at all, only a pronoun */
	EV("The company said they were attacked by it.", "");
}

static void dedupe(void)
{
	/* one event per source, target and code in a sentence */
	EV("Hamas attacked Israel and attacked Israel again.",
	   "190 hamas>israel asserted null null null");
}

void test_event(void)
{
	descriptions();
	verbs();
	clauses();
	roles();
	pronouns();
	nouns();
	backers();
	modality();
	dates();
	dedupe();
}
