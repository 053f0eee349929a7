/*
 * export.c: events as CSV or TSV in the column order of the Phoenix and
 * GDELT-style event datasets (EventID, Date, Year, Month, Day, the source
 * and target actor codes split into entity, role and attribute, EventCode,
 * EventRootCode, QuadClass, GoldsteinScore, Issues, Lat, Lon, LocationName,
 * StateName, CountryCode, SentenceID, URLs, NewsSources), followed by the
 * columns only annals has: modality, attribution, the actor ids and the
 * evidence (document, start and end byte).
 */
#include <stdio.h>
#include <string.h>

#include "query.h"

/* CSV quotes a field holding the separator, a quote or a line break (RFC
 * 4180); TSV has no quoting, so tabs and line breaks become spaces. */
void an_csv_field(an_buf *b, const char *s, char sep)
{
	if (!s)
		return;
	if (sep == '\t') {
		for (; *s; s++)
			an_buf_putc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
		return;
	}
	if (!strpbrk(s, ",\"\n\r")) {
		an_buf_puts(b, s);
		return;
	}
	an_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			an_buf_putc(b, '"');
		an_buf_putc(b, *s);
	}
	an_buf_putc(b, '"');
}

static const char *const columns[] = {
	"EventID", "Date", "Year", "Month", "Day", "SourceActorFull",
	"SourceActorEntity", "SourceActorRole", "SourceActorAttribute",
	"TargetActorFull", "TargetActorEntity", "TargetActorRole",
	"TargetActorAttribute", "EventCode", "EventRootCode", "QuadClass",
	"GoldsteinScore", "Issues", "Lat", "Lon", "LocationName", "StateName",
	"CountryCode", "SentenceID", "URLs", "NewsSources",
	/* annals */
	"Modality", "Attribution", "SourceID", "TargetID", "LocationID", "DocID",
	"Start", "End"};

void an_export_event_head(an_buf *b, char sep)
{
	for (size_t i = 0; i < sizeof columns / sizeof *columns; i++) {
		if (i)
			an_buf_putc(b, sep);
		an_buf_puts(b, columns[i]);
	}
	an_buf_putc(b, '\n');
}

/* Puts a CAMEO actor code as full, entity (country or group, 3 letters),
 * role (3 letters) and attribute (the rest). */
static void actor(an_buf *b, const char *code, char sep)
{
	char ent[4] = "", role[4] = "";
	const char *rest = "";
	if (code) {
		size_t n = strlen(code);
		snprintf(ent, sizeof ent, "%.3s", code);
		if (n > 3)
			snprintf(role, sizeof role, "%.3s", code + 3);
		if (n > 6)
			rest = code + 6;
	}
	an_csv_field(b, code, sep);
	an_buf_putc(b, sep);
	an_buf_printf(b, "%s%c%s%c", ent, sep, role, sep);
	an_csv_field(b, rest, sep);
}

static void put(an_buf *b, an_stmt *s, int col, char sep)
{
	an_buf_putc(b, sep);
	an_csv_field(b, an_stmt_text(s, col, NULL), sep);
}

void an_export_event_row(an_buf *b, an_stmt *s, char sep)
{
	const char *doc = an_stmt_text(s, 0, NULL);
	const char *date = an_stmt_text(s, 14, NULL);
	if (!date)
		date = an_stmt_text(s, 23, NULL);
	char id[340], digits[9] = "", y[5] = "", m[3] = "", d[3] = "";
	snprintf(id, sizeof id, "%.300s#e%lld", doc, (long long)an_stmt_int(s, 1));
	if (date) {
		size_t n = strlen(date);
		snprintf(y, sizeof y, "%.4s", date);
		if (n >= 7)
			snprintf(m, sizeof m, "%.2s", date + 5);
		if (n >= 10)
			snprintf(d, sizeof d, "%.2s", date + 8);
		snprintf(digits, sizeof digits, "%s%s%s", y, m, d);
	}
	an_csv_field(b, id, sep);
	an_buf_printf(b, "%c%s%c%s%c%s%c%s%c", sep, digits, sep, y, sep, m, sep, d, sep);
	actor(b, an_stmt_text(s, 7, NULL), sep);
	an_buf_putc(b, sep);
	actor(b, an_stmt_text(s, 8, NULL), sep);
	put(b, s, 9, sep);  /* EventCode */
	put(b, s, 10, sep); /* EventRootCode */
	put(b, s, 11, sep); /* QuadClass */
	an_buf_printf(b, "%c%.1f%c", sep, an_stmt_double(s, 12), sep); /* Issues: none */
	if (!an_stmt_null(s, 25))
		an_buf_printf(b, "%c%.4f%c%.4f", sep, an_stmt_double(s, 25), sep,
			      an_stmt_double(s, 26));
	else
		an_buf_printf(b, "%c%c", sep, sep);
	put(b, s, 27, sep);       /* LocationName */
	an_buf_putc(b, sep);      /* StateName: not known */
	put(b, s, 28, sep);       /* CountryCode */
	an_buf_putc(b, sep);
	an_buf_printf(b, "%s#s%lld", doc, (long long)an_stmt_int(s, 2));
	an_buf_putc(b, sep);      /* URLs: not kept */
	put(b, s, 24, sep);       /* NewsSources */
	put(b, s, 16, sep);       /* Modality */
	put(b, s, 17, sep);       /* Attribution */
	put(b, s, 5, sep);
	put(b, s, 6, sep);
	put(b, s, 15, sep);
	put(b, s, 0, sep);
	put(b, s, 3, sep);
	put(b, s, 4, sep);
	an_buf_putc(b, '\n');
}
