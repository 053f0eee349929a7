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

int an_html_read(an_doc *d, const char *src, size_t n)
{
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
