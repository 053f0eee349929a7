/*
 * html.c: HTML to working text. gumbo parses the document as a browser
 * would; a depth-first walk (iterative, so deep nesting cannot overflow the
 * stack) copies the text of visible nodes, separates blocks with blank
 * lines, and anchors every copied run to its bytes in the source, stepping
 * over character references (&amp; ...) and line-ending changes.
 */
#include <gumbo.h>
#include <string.h>
#include <strings.h>

#include "html.h"

/* The first case-insensitive occurrence of the NUL-free string needle in
 * the n bytes at h, or NULL. */
static const char *strcasestr_n(const char *h, size_t n, const char *needle)
{
	size_t l = strlen(needle);
	for (size_t i = 0; i + l <= n; i++)
		if ((h[i] | 32) == (needle[0] | 32) && strncasecmp(h + i, needle, l) == 0)
			return h + i;
	return NULL;
}

typedef struct walker {
	an_doc *d;
	const char *src;
	size_t n;
	an_buf out;
	uint32_t *aw, *ao; /* anchors collected before the text is final */
	size_t na, cap;
	int in_title;
} walker;

static void anchor(walker *w, size_t o)
{
	uint32_t wo = (uint32_t)w->out.len;
	if (w->na && w->aw[w->na - 1] == wo) {
		w->ao[w->na - 1] = (uint32_t)o;
		return;
	}
	if (w->na == w->cap) {
		size_t c = w->cap;
		w->aw = an_arena_grow(w->d->a, w->aw, sizeof *w->aw, &c, w->na + 1);
		c = w->cap;
		w->ao = an_arena_grow(w->d->a, w->ao, sizeof *w->ao, &c, w->na + 1);
		w->cap = c;
	}
	w->aw[w->na] = wo;
	w->ao[w->na] = (uint32_t)o;
	w->na++;
}

/* Copies a text node, anchoring decoded text to the original bytes. */
static void copy_text(walker *w, const GumboText *t)
{
	const char *txt = t->text, *orig = t->original_text.data;
	size_t tl = strlen(txt), ol = t->original_text.length, ti = 0, oi = 0;
	size_t base = orig && orig >= w->src && orig <= w->src + w->n
			      ? (size_t)(orig - w->src)
			      : t->start_pos.offset;
	if (!orig)
		ol = 0;
	anchor(w, base);
	while (ti < tl) {
		size_t run = 0;
		while (ti + run < tl && oi + run < ol && txt[ti + run] == orig[oi + run] &&
		       orig[oi + run] != '&' && orig[oi + run] != '\r')
			run++;
		if (run) {
			an_buf_add(&w->out, txt + ti, run);
			ti += run;
			oi += run;
			continue;
		}
		anchor(w, base + oi);
		if (oi < ol && orig[oi] == '\r') {
			oi++;
			if (txt[ti] == '\n' && (oi >= ol || orig[oi] != '\n')) {
				an_buf_putc(&w->out, '\n');
				ti++;
			}
			anchor(w, base + oi);
			continue;
		}
		/* one decoded character for a reference or a replaced byte */
		size_t cl = an_utf8_len((const unsigned char *)txt + ti, tl - ti);
		if (!cl)
			cl = 1;
		an_buf_add(&w->out, txt + ti, cl);
		ti += cl;
		if (oi < ol && orig[oi] == '&') {
			size_t k = oi + 1;
			while (k < ol && k < oi + 40 && orig[k] != ';' && orig[k] != '&' &&
			       orig[k] != '<' && orig[k] != ' ')
				k++;
			if (k < ol && orig[k] == ';')
				oi = k + 1;
			else /* a bare '&' stays itself; a legacy reference ends early */
				oi = cl == 1 && txt[ti - 1] == '&' ? oi + 1 : k;
		} else if (oi < ol) {
			size_t l = an_utf8_len((const unsigned char *)orig + oi, ol - oi);
			oi += l ? l : 1;
		}
		anchor(w, base + (oi < ol ? oi : ol));
	}
}

static void block_break(walker *w, size_t o)
{
	size_t n = w->out.len;
	if (!n || (n >= 2 && w->out.p[n - 1] == '\n' && w->out.p[n - 2] == '\n'))
		return;
	anchor(w, o);
	an_buf_puts(&w->out, n && w->out.p[n - 1] == '\n' ? "\n" : "\n\n");
}

static int is_block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1:
	case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
	case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
	case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE:
	case GUMBO_TAG_TR: case GUMBO_TAG_TH: case GUMBO_TAG_TD:
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_HEADER:
	case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
	case GUMBO_TAG_DD: case GUMBO_TAG_HR: case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_MAIN: case GUMBO_TAG_FORM: case GUMBO_TAG_BODY:
	case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER:
		return 1;
	default:
		return 0;
	}
}

static int invisible(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
	case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
	case GUMBO_TAG_SELECT: case GUMBO_TAG_HEAD: case GUMBO_TAG_BUTTON:
		return 1;
	default:
		return 0;
	}
}

static int attr_has(const GumboElement *e, const char *name, const char *word)
{
	GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
	return a && a->value && strcasestr(a->value, word);
}

/* Why an element's text is not reportage, or NULL. */
static const char *excluded_why(const GumboElement *e)
{
	switch (e->tag) {
	case GUMBO_TAG_NAV: return "navigation";
	case GUMBO_TAG_FOOTER: return "footer";
	case GUMBO_TAG_ASIDE: return "aside";
	case GUMBO_TAG_FORM: return "form";
	case GUMBO_TAG_FIGCAPTION: return "image caption";
	default: break;
	}
	if (attr_has(e, "id", "comment") || attr_has(e, "class", "comment"))
		return "comments";
	if (attr_has(e, "class", "share") || attr_has(e, "class", "social"))
		return "share or donation bar";
	return NULL;
}

/* Title, date and author from the head. */
static void head_meta(walker *w, const GumboNode *node)
{
	const GumboElement *e = &node->v.element;
	an_doc *d = w->d;
	if (e->tag == GUMBO_TAG_TITLE && !d->title && e->children.length) {
		const GumboNode *c = e->children.data[0];
		if (c->type == GUMBO_NODE_TEXT)
			d->title = an_arena_strndup(d->a, c->v.text.text,
						    strlen(c->v.text.text));
	}
	const char *content = NULL;
	GumboAttribute *ca = gumbo_get_attribute(&e->attributes, "content");
	if (ca)
		content = ca->value;
	if (e->tag == GUMBO_TAG_TIME) {
		GumboAttribute *dt = gumbo_get_attribute(&e->attributes, "datetime");
		content = dt ? dt->value : NULL;
	}
	if (!content)
		return;
	int is_date = e->tag == GUMBO_TAG_TIME ||
		      attr_has(e, "property", "published_time") ||
		      attr_has(e, "name", "pubdate") || attr_has(e, "name", "date") ||
		      attr_has(e, "itemprop", "datePublished");
	char iso[11];
	if (is_date && !d->date && an_date_parse(content, strlen(content), iso))
		d->date = an_arena_strndup(d->a, iso, 10);
	if ((attr_has(e, "name", "author") || attr_has(e, "property", "article:author")) &&
	    d->nauthors < 8 && strlen(content) < 80 && !strstr(content, "://"))
		d->authors[d->nauthors++] = an_arena_strndup(d->a, content,
							     strlen(content));
}

typedef struct frame {
	const GumboNode *node;
	unsigned child;
	uint32_t excl_start; /* working offset where an excluded element began */
	const char *why;
} frame;

static void walk(walker *w, const GumboNode *root)
{
	size_t cap = 0, n = 0;
	frame *st = NULL;
	frame *f = AN_VEC_PUSH(w->d->a, st, n, cap);
	*f = (frame){root, 0, 0, NULL};
	while (n) {
		f = &st[n - 1];
		const GumboNode *node = f->node;
		const GumboVector *kids = node->type == GUMBO_NODE_ELEMENT ||
						  node->type == GUMBO_NODE_TEMPLATE
					  ? &node->v.element.children
				  : node->type == GUMBO_NODE_DOCUMENT
					  ? &node->v.document.children
					  : NULL;
		if (kids && f->child < kids->length) {
			const GumboNode *c = kids->data[f->child++];
			if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
			    c->type == GUMBO_NODE_CDATA) {
				copy_text(w, &c->v.text);
				continue;
			}
			if (c->type != GUMBO_NODE_ELEMENT)
				continue;
			const GumboElement *e = &c->v.element;
			head_meta(w, c);
			if (invisible(e->tag))
				continue;
			if (e->tag == GUMBO_TAG_BR) {
				anchor(w, e->start_pos.offset);
				an_buf_putc(&w->out, '\n');
				continue;
			}
			if (is_block(e->tag))
				block_break(w, e->start_pos.offset);
			const char *why = excluded_why(e);
			for (size_t k = 0; why && k < n; k++)
				if (st[k].why)
					why = NULL; /* inside an excluded element already */
			frame *nf = AN_VEC_PUSH(w->d->a, st, n, cap);
			*nf = (frame){c, 0, (uint32_t)w->out.len, why};
			continue;
		}
		/* leaving the node */
		if (node->type == GUMBO_NODE_ELEMENT) {
			const GumboElement *e = &node->v.element;
			if (f->why)
				an_doc_exclude(w->d, f->excl_start, (uint32_t)w->out.len,
					       f->why);
			if (is_block(e->tag))
				block_break(w, e->end_pos.offset);
		}
		n--;
	}
}

/* Walks the head only for metadata (its text is not copied). */
static void walk_head(walker *w, const GumboNode *node)
{
	if (node->type != GUMBO_NODE_ELEMENT)
		return;
	const GumboVector *kids = &node->v.element.children;
	for (unsigned i = 0; i < kids->length; i++) {
		const GumboNode *c = kids->data[i];
		if (c->type == GUMBO_NODE_ELEMENT)
			head_meta(w, c);
	}
}

/* ---- markup too deep for a tree ------------------------------------------ */

/* Elements whose end tag may be left out or that have none: they do not
 * deepen the tree the way an unclosed <div> does. */
static int shallow_tag(const char *p, size_t n)
{
	static const char *const tags[] = {
		"p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup",
		"tbody", "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rp",
		"html", "head", "body", "br", "img", "hr", "meta", "link", "input",
		"area", "base", "col", "embed", "param", "source", "track", "wbr",
		NULL};
	for (const char *const *t = tags; *t; t++)
		if (strlen(*t) == n && strncasecmp(p, *t, n) == 0)
			return 1;
	return 0;
}

/* The deepest nesting of elements the tags of src open, counted in one
 * pass without building a tree: start tags deepen, end tags and
 * self-closing tags do not; comments and elements whose end tag is
 * optional do not count. Stops counting at limit + 1. */
static size_t nesting_depth(const char *src, size_t n, size_t limit)
{
	size_t depth = 0, max = 0;
	for (size_t i = 0; i < n && max <= limit; i++) {
		if (src[i] != '<' || i + 1 >= n)
			continue;
		const char *p = src + i + 1;
		size_t rest = n - i - 1;
		if (*p == '!' || *p == '?') {
			if (rest >= 3 && p[1] == '-' && p[2] == '-') {
				const char *e = memmem(p + 3, rest - 3, "-->", 3);
				i = e ? (size_t)(e - src) + 2 : n;
			}
			continue;
		}
		int close = *p == '/';
		const char *name = p + close;
		size_t nl = 0;
		while (name + nl < src + n && (((name[nl] | 32) >= 'a' && (name[nl] | 32) <= 'z') ||
					       (nl && name[nl] >= '0' && name[nl] <= '9')))
			nl++;
		if (!nl)
			continue;
		const char *gt = memchr(name + nl, '>', (size_t)(src + n - name - nl));
		if (!gt)
			break;
		i = (size_t)(gt - src);
		if (shallow_tag(name, nl))
			continue;
		if (close)
			depth -= depth > 0;
		else if (gt[-1] != '/' && ++depth > max)
			max = depth;
	}
	return max;
}

/* Markup nested deeper than this is read as text: gumbo's time grows with
 * the square of the depth (100,000 nested elements take half a minute),
 * and no article needs a hundredth of it. */
#define MAX_NESTING 4000

/* Reads HTML as text with the markup blanked out: tags, comments, scripts
 * and styles become spaces (a newline where a block may start), so the
 * working text keeps the length of the source and every offset is the
 * source's own. Character references stay as they are. */
static void read_as_text(an_doc *d, const char *src, size_t n)
{
	char *t = an_arena_alloc(d->a, n + 1);
	memcpy(t, src, n);
	for (size_t i = 0; i < n; i++) {
		if (t[i] != '<')
			continue;
		size_t e = i + 1;
		const char *skip_to = NULL;
		if (n - i >= 4 && memcmp(t + i, "<!--", 4) == 0)
			skip_to = "-->";
		else if (n - i >= 7 && strncasecmp(t + i, "<script", 7) == 0)
			skip_to = "</script>";
		else if (n - i >= 6 && strncasecmp(t + i, "<style", 6) == 0)
			skip_to = "</style>";
		if (skip_to) {
			const char *x = strcasestr_n(t + i, n - i, skip_to);
			e = x ? (size_t)(x - t) + strlen(skip_to) : n;
		} else {
			const char *gt = memchr(t + i, '>', n - i);
			e = gt ? (size_t)(gt - t) + 1 : n;
		}
		memset(t + i, ' ', e - i);
		t[i] = '\n';
		i = e - 1;
	}
	an_utf8_report rep;
	an_text_from_bytes(d->a, &d->text, t, n, &rep);
}

int an_html_read(an_doc *d, const char *src, size_t n)
{
	size_t depth = nesting_depth(src, n, MAX_NESTING);
	if (depth > MAX_NESTING) {
		an_doc_diag(d, ANNALS_WARNING, -1,
			    "HTML nested more than %d elements deep: read as text with the markup removed",
			    MAX_NESTING);
		read_as_text(d, src, n);
		return ANNALS_OK;
	}
	walker w = {0};
	w.d = d;
	w.src = src;
	w.n = n;
	an_buf_init(&w.out, d->ctx->mem);
	GumboOptions opts = kGumboDefaultOptions;
	opts.max_errors = 0;
	GumboOutput *g = gumbo_parse_with_options(&opts, src, n);
	const GumboVector *top = &g->root->v.element.children;
	for (unsigned i = 0; i < top->length; i++) {
		const GumboNode *c = top->data[i];
		if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_HEAD)
			walk_head(&w, c);
	}
	walk(&w, g->root);
	gumbo_destroy_output(&opts, g);
	an_text *t = &d->text;
	t->len = (uint32_t)w.out.len;
	t->olen = (uint32_t)n;
	t->s = an_arena_strndup(d->a, w.out.p ? w.out.p : "", w.out.len);
	t->aw = w.aw;
	t->ao = w.ao;
	t->na = w.na;
	t->cap = w.cap;
	an_buf_free(&w.out);
	return ANNALS_OK;
}
