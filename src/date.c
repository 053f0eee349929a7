/*
 * date.c: calendar dates written in news text ("January 7, 2018",
 * "7 Jan 2018", "Jan. 7, 2018", "Sun 10 Jul 2016", "2018-01-07").
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "doc.h"

static const char *const months[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"};
static const char *const weekdays[7] = {"monday", "tuesday", "wednesday",
					"thursday", "friday", "saturday",
					"sunday"};

static int is_alpha(char c) { return (c | 32) >= 'a' && (c | 32) <= 'z'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

int an_month_at(const char *s, size_t n, size_t *len)
{
	size_t w = 0;
	while (w < n && is_alpha(s[w]))
		w++;
	if (w < 3 || w > 9)
		return 0;
	for (int m = 0; m < 12; m++) {
		if ((s[0] | 32) != months[m][0])
			continue;
		size_t ml = strlen(months[m]);
		if ((w == ml || (w >= 3 && w <= 4 && w < ml)) &&
		    strncasecmp(s, months[m], w) == 0) {
			if (w == 4 && w < ml && m != 8) /* "Sept" only */
				continue;
			*len = w + (w < n && s[w] == '.' ? 1 : 0);
			return m + 1;
		}
	}
	return 0;
}

/* Skips a weekday ("Sunday, ", "Sun ") at s; returns bytes skipped. */
static size_t skip_weekday(const char *s, size_t n)
{
	size_t w = 0;
	while (w < n && is_alpha(s[w]))
		w++;
	if (w < 3 || w > 9)
		return 0;
	for (int i = 0; i < 7; i++)
		if ((s[0] | 32) == weekdays[i][0] &&
		    (w == strlen(weekdays[i]) || w == 3) &&
		    strncasecmp(s, weekdays[i], w) == 0) {
			size_t k = w;
			if (k < n && (s[k] == '.' || s[k] == ','))
				k++;
			while (k < n && s[k] == ' ')
				k++;
			return k;
		}
	return 0;
}

static size_t number(const char *s, size_t n, int maxd, int *v)
{
	size_t i = 0;
	*v = 0;
	while (i < n && is_digit(s[i]) && (int)i < maxd)
		*v = *v * 10 + (s[i++] - '0');
	if (i < n && is_digit(s[i]))
		return 0;
	return i;
}

static size_t spaces(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == ','))
		i++;
	return i;
}

static int valid(int y, int m, int d)
{
	return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

size_t an_date_parse(const char *s, size_t n, char *out)
{
	size_t i = skip_weekday(s, n), l, k;
	int y, m, d;
	/* ISO */
	if ((k = number(s + i, n - i, 4, &y)) == 4 && i + 10 <= n &&
	    s[i + 4] == '-' && number(s + i + 5, 2, 2, &m) == 2 &&
	    s[i + 7] == '-' && number(s + i + 8, n - i - 8, 2, &d) == 2 &&
	    valid(y, m, d)) {
		snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
		return i + 10;
	}
	/* Month D, YYYY */
	if ((m = an_month_at(s + i, n - i, &l))) {
		size_t j = spaces(s, n, i + l);
		if ((k = number(s + j, n - j, 2, &d)) > 0) {
			j += k;
			if (j + 1 < n && is_alpha(s[j]) && is_alpha(s[j + 1]))
				j += 2; /* 7th, 1st */
			j = spaces(s, n, j);
			if (number(s + j, n - j, 4, &y) == 4 && valid(y, m, d)) {
				snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
				return j + 4;
			}
		}
		return 0;
	}
	/* D Month YYYY */
	if ((k = number(s + i, n - i, 2, &d)) > 0) {
		size_t j = spaces(s, n, i + k);
		if ((m = an_month_at(s + j, n - j, &l))) {
			j = spaces(s, n, j + l);
			if (number(s + j, n - j, 4, &y) == 4 && valid(y, m, d)) {
				snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
				return j + 4;
			}
		}
	}
	return 0;
}
