/*
 * write.c: the JSON Lines records of SCHEMA.md, with a fixed key order so
 * output is byte-for-byte reproducible. Spans are mapped from working-text
 * offsets back to the original input's bytes here, once.
 */
#include <string.h>

#include "doc.h"

/* A string literal, its length known at compile time. */
#define LIT(b, s) an_buf_add((b), s, sizeof(s) - 1)
/* ,"k": for a literal key */
#define KEY(b, k) an_buf_add((b), ",\"" k "\":", sizeof(",\"" k "\":") - 1)

/* An entity id: a slug, which needs no escaping. */
static void put_id(an_buf *b, const char *id)
{
	an_buf_putc(b, '"');
	an_buf_puts(b, id);
	an_buf_putc(b, '"');
}

void an_write_document(an_doc *d, an_buf *b)
{
	LIT(b, "{\"type\":\"document\"");
	KEY(b, "doc");
	an_buf_json_strz(b, d->id);
	KEY(b, "title");
	an_buf_json_strz(b, d->title);
	KEY(b, "date");
	an_buf_json_strz(b, d->date);
	KEY(b, "source");
	an_buf_json_strz(b, d->source);
	KEY(b, "authors");
	an_buf_putc(b, '[');
	for (unsigned i = 0; i < d->nauthors; i++) {
		if (i)
			an_buf_putc(b, ',');
		an_buf_json_strz(b, d->authors[i]);
	}
	an_buf_putc(b, ']');
	an_buf_printf(b, ",\"bytes\":%u,\"sentences\":%u,\"excluded\":[",
		      d->text.olen, d->seg.nsent);
	for (size_t i = 0; i < d->nexcl; i++) {
		const an_range *r = &d->excl[i];
		an_buf_printf(b, "%s[%u,%u,", i ? "," : "",
			      an_text_orig(&d->text, r->off),
			      an_text_orig_end(&d->text, r->end));
		an_buf_json_strz(b, r->why);
		an_buf_putc(b, ']');
	}
	LIT(b, "]}\n");
}

static const char *how_name(int how)
{
	static const char *const names[] = {"", "dictionary", "abbreviation",
					    "demonym", "discovered", "repeated",
					    "surname", "misspelling"};
	return how > 0 && how <= AN_H_FUZZY ? names[how] : "";
}

void an_write_mentions(an_doc *d, an_buf *b)
{
	an_etab *t = &d->ctx->ents;
	/* the record head is the same for every mention of the document */
	an_buf head;
	an_buf_init(&head, d->ctx->mem);
	LIT(&head, "{\"type\":\"mention\"");
	KEY(&head, "doc");
	an_buf_json_strz(&head, d->id);
	KEY(&head, "entity");
	for (size_t i = 0; i < d->nment; i++) {
		const an_ment *m = &d->ment[i];
		const an_rent *r = &t->rows[m->ent];
		an_buf_add(b, head.p, head.len);
		put_id(b, r->id);
		LIT(b, ",\"start\":");
		an_buf_uint(b, an_text_orig(&d->text, m->off));
		LIT(b, ",\"end\":");
		an_buf_uint(b, an_text_orig_end(&d->text, m->end));
		KEY(b, "text");
		an_buf_json_str(b, d->text.s + m->off, m->end - m->off);
		LIT(b, ",\"sentence\":");
		an_buf_uint(b, d->seg.tok[m->t0].sent);
		KEY(b, "how");
		an_buf_json_strz(b, how_name(m->how));
		LIT(b, "}\n");
		an_etab_mention(t, m->ent, d->text.s + m->off, m->end - m->off);
	}
	an_buf_free(&head);
	d->ctx->stats.mentions += d->nment;
}

static void write_roles(annals_ctx *ctx, const an_rent *r, an_buf *b)
{
	int n = 0;
	LIT(b, ",\"roles\":[");
	if (r->dict != AN_NONE) {
		const an_ent *e = an_dict_ent(ctx->dict, r->dict);
		for (unsigned i = 0; i < e->nroles; i++) {
			const an_role *ro = &e->roles[i];
			an_buf_puts(b, n++ ? ",{\"title\":" : "{\"title\":");
			an_buf_json_strz(b, ro->title);
			KEY(b, "of");
			an_buf_json_strz(b, ro->of);
			if (ro->from) {
				KEY(b, "from");
				an_buf_json_strz(b, ro->from);
			}
			if (ro->until) {
				KEY(b, "until");
				an_buf_json_strz(b, ro->until);
			}
			an_buf_putc(b, '}');
		}
	}
	if (r->role_title && !n) {
		LIT(b, "{\"title\":");
		an_buf_json_strz(b, r->role_title);
		KEY(b, "of");
		an_buf_json_strz(b, r->role_of);
		an_buf_putc(b, '}');
	}
	an_buf_putc(b, ']');
}

void an_write_entity(annals_ctx *ctx, const an_rent *r, an_buf *b)
{
	LIT(b, "{\"type\":\"entity\"");
	KEY(b, "id");
	an_buf_json_strz(b, r->id);
	KEY(b, "name");
	an_buf_json_strz(b, r->name);
	KEY(b, "kind");
	an_buf_json_strz(b, an_kind_name(r->kind));
	KEY(b, "code");
	an_buf_json_strz(b, r->code);
	KEY(b, "country");
	an_buf_json_strz(b, r->country);
	KEY(b, "aliases");
	an_buf_putc(b, '[');
	for (unsigned j = 0; j < r->nalias; j++) {
		if (j)
			an_buf_putc(b, ',');
		an_buf_json_strz(b, r->aliases[j]);
	}
	an_buf_putc(b, ']');
	write_roles(ctx, r, b);
	if (r->dict != AN_NONE) {
		const an_ent *e = an_dict_ent(ctx->dict, r->dict);
		KEY(b, "parents");
		an_buf_putc(b, '[');
		for (unsigned j = 0; j < e->nparents; j++) {
			if (j)
				an_buf_putc(b, ',');
			an_buf_json_strz(b, e->parents[j]);
		}
		an_buf_putc(b, ']');
	}
	an_buf_printf(b, ",\"mentions\":%zu,\"source\":\"%s\"}\n",
		      r->mentions,
		      r->dict != AN_NONE ? "dictionary" : "discovered");
}
