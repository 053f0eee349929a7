/*
 * test_support.c: support records, one form of support language a check:
 * each text is coded with the test dictionary (tests/data) and its support
 * records compared in the compact form "sponsor>recipient kind"; then the
 * hierarchy above an actor, and incidents across documents.
 */
#include <stdlib.h>

#include "annals.h"
#include "runner.h"

/* The support records of out, "sponsor>recipient kind" a line. */
static const char *claims_of(const char *out)
{
	static char res[4096];
	size_t r = 0;
	res[0] = 0;
	for (const char *p = out; (p = strstr(p, "{\"type\":\"support\"")); p++) {
		char s[64], t[64], k[32];
		json_field(p, "sponsor", s, sizeof s);
		json_field(p, "recipient", t, sizeof t);
		json_field(p, "kind", k, sizeof k);
		r += (size_t)snprintf(res + r, sizeof res - r, "%s%s>%s %s", r ? "\n" : "",
				      s, t, k);
	}
	return res;
}

#define SUP(text, want) STR_EQ(claims_of(code_text(text, 0)), want)

static void language(void)
{
	/* arming, supplying and shipping weapons */
	SUP("Iran sent missiles to Hamas.", "iran>hamas weapons");
	SUP("Iran supplied weapons to Hezbollah.", "iran>hezbollah weapons");
	SUP("Iran armed the Hamas fighters.", "iran>hamas weapons");
	/* money */
	SUP("Iran sent money to Hamas.", "iran>hamas funding");
	/* several kinds listed: one record each */
	SUP("Iran sent money, weapons and training to Hamas.",
	    "iran>hamas weapons\niran>hamas funding\niran>hamas training");
	/* training */
	SUP("The Quds Force trained Hamas fighters.", "quds-force>hamas training");
	/* expertise: the kind the words name over the code's */
	SUP("Iran's support for Hamas included the transfer of expertise.",
	    "iran>hamas expertise");
	/* bases, safe haven */
	SUP("Lebanon provided a safe haven to Hamas.", "lebanon>hamas territory");
	/* public backing and pledges */
	SUP("Iran expressed support for Hamas.", "iran>hamas political");
	SUP("Iran will never leave Palestine on her own.", "iran>palestine political");
	/* figurative */
	SUP("Iran filled the hands of Hamas with weapons.", "iran>hamas weapons");
	/* generic support */
	SUP("Iran supports Hamas.", "iran>hamas unspecified");
	/* an offer claims support only with a word of support */
	SUP("Iran offered support to Hamas.", "iran>hamas unspecified");
	SUP("Iran offered talks to Hamas.", "");
	/* thanks for support given is not support given by the thanker */
	SUP("Hamas thanked Iran for its support.", "");
	/* relation nouns */
	SUP("Hezbollah is Iran's puppet.", "iran>hezbollah unspecified");
	SUP("Iran's proxy Hezbollah attacked Israel.", "iran>hezbollah unspecified");
	SUP("Hezbollah, an Iranian proxy, attacked Israel.", "iran>hezbollah unspecified");
	/* a request that someone support claims nothing */
	SUP("Hamas called on Iran to support Hezbollah.", "");
	/* no claim: negated, no recipient, one's own */
	SUP("Iran did not send weapons to Hamas.", "");
	SUP("Iran sent weapons.", "");
	SUP("Iran supports the IRGC.", "");
}

static void modality_and_dates(void)
{
	const char *out = code_article("Iran sent weapons to Hamas in 2008. "
				       "Iran sent missiles to Hamas in May 2021.", NULL, 0);
	const char *p = strstr(out, "{\"type\":\"support\"");
	char v[64];
	OK(p != NULL);
	if (!p)
		return;
	json_field(p, "first", v, sizeof v);
	STR_EQ(v, "2008");
	json_field(p, "last", v, sizeof v);
	STR_EQ(v, "2021-05");
	OK(strstr(p, "\"evidence\":[\"t#e1\",\"t#e2\"]") != NULL);
	/* a threat is hypothetical, and counted as such */
	out = code_text("Iran will send weapons to Hamas.", 0);
	OK(strstr(out, "\"modality\":{\"hypothetical\":1}") != NULL);
}

static void hierarchy(void)
{
	/* a commander's claim answers for his force, its corps, its state */
	const char *out = code_article("Qasem Soleimani sent weapons to Hamas.",
				       "2017-12-28", 0);
	OK(strstr(out, "\"sponsor_chain\":[\"quds-force\",\"irgc\",\"iran\"]") != NULL);
	/* roles change: the commander after him */
	out = code_article("Esmail Qaani sent weapons to Hamas.", "2021-05-20", 0);
	OK(strstr(out, "\"sponsor_chain\":[\"quds-force\",\"irgc\",\"iran\"]") != NULL);
	/* an armed wing rolls up into its movement */
	out = code_text("Iran sent weapons to the Al-Quds Brigades.", 0);
	OK(strstr(out, "\"recipient_chain\":[") != NULL);
}

static void incidents(void)
{
	/* two articles reporting one event: one incident, two pieces of
	 * evidence */
	const char *same[] = {"Israel raided Gaza Strip on May 10, 2021.",
			      "On May 10, 2021, Israel raided Gaza Strip again, officials said."};
	const char *dates[] = {"2021-05-11", "2021-05-12"};
	const char *out = code_run(2, same, dates);
	INT_EQ(count_of(out, "\"type\":\"incident\""), 1);
	OK(strstr(out, "\"evidence\":[\"a1#e1\",\"a2#e1\"]") != NULL);
	OK(strstr(out, "\"docs\":2") != NULL);
	/* two different events (other days) stay two: no incident */
	const char *other[] = {"Israel raided Gaza Strip on May 10, 2021.",
			       "Israel raided Gaza Strip on June 3, 2021."};
	out = code_run(2, other, dates);
	INT_EQ(count_of(out, "\"type\":\"incident\""), 0);
	/* one claim over two documents counts both */
	const char *sup[] = {"Iran sent weapons to Hamas.", "Iran sent rockets to Hamas."};
	out = code_run(2, sup, dates);
	INT_EQ(count_of(out, "\"type\":\"support\""), 1);
	OK(strstr(out, "\"docs\":2") != NULL);
}

static char pd_out[1 << 16];
static capture pd = {pd_out, 0, sizeof pd_out};

/* ANNALS_OPT_PER_DOC: each document's entity and support records come
 * with it, and the end of the run writes nothing more. */
static void per_document(void)
{
	annals_ctx *ctx;
	if (annals_ctx_new(&ctx, TEST_DATA, ANNALS_OPT_PER_DOC, NULL)) {
		OK(0);
		annals_ctx_free(ctx);
		return;
	}
	annals_set_sink(ctx, capture_sink, &pd);
	const char *texts[] = {"Iran sent weapons to Hamas.", "Iran sent rockets to Hamas."};
	for (int i = 0; i < 2; i++) {
		capture_reset(&pd);
		annals_article a = {i ? "b" : "a", NULL, NULL, NULL, texts[i],
				    strlen(texts[i]), ANNALS_FMT_TEXT};
		annals_code_article(ctx, &a);
		INT_EQ(count_of(pd_out, "\"type\":\"support\""), 1);
		OK(strstr(pd_out, "\"docs\":1") != NULL);
		INT_EQ(count_of(pd_out, "\"type\":\"entity\""), 2);
	}
	capture_reset(&pd);
	annals_finish(ctx);
	INT_EQ(pd.len, 0);
	annals_ctx_free(ctx);
}

/* One entity per actor across documents: each document's records name
 * the spelling it found (documents are coded on their own), and at the end
 * a discovered name spelled two ways folds into one entity record, the
 * first spelling giving its id and the record listing the other. */
static void entities_across(void)
{
	const char *texts[] = {"Ahmad Qassemzadeh, a Hamas commander, spoke.",
			       "Ahmad Qasemzadeh, a Hamas commander, spoke again."};
	const char *dates[] = {NULL, NULL};
	const char *out = code_run(2, texts, dates);
	INT_EQ(count_of(out, "\"id\":\"ahmad-qassemzadeh\""), 1);
	INT_EQ(count_of(out, "\"id\":\"ahmad-qasemzadeh\""), 0);
	INT_EQ(count_of(out, "\"entity\":\"ahmad-qassemzadeh\""), 1);
	INT_EQ(count_of(out, "\"entity\":\"ahmad-qasemzadeh\""), 1);
	OK(strstr(out, "\"aliases\":[\"Ahmad Qassemzadeh\",\"Ahmad Qasemzadeh\"]") != NULL);
	OK(strstr(out, "\"mentions\":2,\"merged\":[\"ahmad-qasemzadeh\"]") != NULL);
	/* the same documents the other way round: each keeps its records */
	const char *back[] = {texts[1], texts[0]};
	out = code_run(2, back, dates);
	INT_EQ(count_of(out, "\"id\":\"ahmad-qasemzadeh\""), 1);
	OK(strstr(out, "\"merged\":[\"ahmad-qassemzadeh\"]") != NULL);
}

/* Roles that change hands: "the Quds Force commander" is whoever held
 * the role on the document's date. */
static void successors(void)
{
	const char *out = code_article("The commander of the Quds Force visited Lebanon.",
				       "2017-12-28", 0);
	OK(has_mention(out, "qasem-soleimani", "commander"));
	out = code_article("The Quds Force commander visited Lebanon.", "2021-05-20", 0);
	OK(has_mention(out, "esmail-qaani", "commander"));
	OK(strstr(out, "\"source\":\"esmail-qaani\"") != NULL); /* the event's */
	/* a title renaming a name, a former holder, no date: left alone */
	out = code_article("Qasem Soleimani, the commander of the Quds Force, visited Lebanon.",
			   "2020-01-04", 0);
	OK(!has_mention(out, "esmail-qaani", "commander"));
	out = code_article("The former commander of the Quds Force visited Lebanon.",
			   "2021-05-20", 0);
	OK(!has_mention(out, "esmail-qaani", "commander"));
	out = code_article("The commander of the Quds Force visited Lebanon.", NULL, 0);
	OK(!strstr(out, "\"how\":\"role\""));
}

void test_support(void)
{
	successors();
	entities_across();
	per_document();
	language();
	modality_and_dates();
	hierarchy();
	incidents();
}
