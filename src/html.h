/*
 * html.h: reading HTML with a real parser (gumbo): the visible text becomes
 * the working text, anchored to the original bytes, with title, date and
 * author from the head, and navigation, comment and share sections marked
 * as excluded.
 */
#ifndef AN_HTML_H
#define AN_HTML_H

#include "doc.h"

/* Fills d->text (and title, date, authors, excluded ranges where the markup
 * says) from n bytes of HTML at src. Returns ANNALS_OK. */
int an_html_read(an_doc *d, const char *src, size_t n);

#endif
