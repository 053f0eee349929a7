/*
 * write.c: the JSON Lines records of SCHEMA.md, with a fixed key order so
 * output is byte-for-byte reproducible. Spans are mapped from working-text
 * offsets back to the original input's bytes here, once.
 */
#include <string.h>

#include "doc.h"

static void key(an_buf *b, const char *k)
{
	an_buf_putc(b, ',');
	an_buf_json_strz(b, k);
	an_buf_putc(b, ':');
}

void an_write_document(an_doc *d, an_buf *b)
{
	an_buf_puts(b, "{\"type\":\"document\"");
	key(b, "doc");
	an_buf_json_strz(b, d->id);
	key(b, "title");
	an_buf_json_strz(b, d->title);
	key(b, "date");
	an_buf_json_strz(b, d->date);
	key(b, "source");
	an_buf_json_strz(b, d->source);
	key(b, "authors");
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
	an_buf_puts(b, "]}\n");
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
	for (size_t i = 0; i < d->nment; i++) {
		const an_ment *m = &d->ment[i];
		const an_rent *r = &t->rows[m->ent];
		an_buf_puts(b, "{\"type\":\"mention\"");
		key(b, "doc");
		an_buf_json_strz(b, d->id);
		key(b, "entity");
		an_buf_json_strz(b, r->id);
		an_buf_puts(b, ",\"start\":");
		an_buf_uint(b, an_text_orig(&d->text, m->off));
		an_buf_puts(b, ",\"end\":");
		an_buf_uint(b, an_text_orig_end(&d->text, m->end));
		key(b, "text");
		an_buf_json_str(b, d->text.s + m->off, m->end - m->off);
		an_buf_puts(b, ",\"sentence\":");
		an_buf_uint(b, d->seg.tok[m->t0].sent);
		key(b, "how");
		an_buf_json_strz(b, how_name(m->how));
		an_buf_puts(b, "}\n");
		an_etab_mention(t, m->ent, d->text.s + m->off, m->end - m->off);
	}
	d->ctx->stats.mentions += d->nment;
}

static void write_roles(annals_ctx *ctx, const an_rent *r, an_buf *b)
{
	int n = 0;
	an_buf_puts(b, ",\"roles\":[");
	if (r->dict != AN_NONE) {
		const an_ent *e = an_dict_ent(ctx->dict, r->dict);
		for (unsigned i = 0; i < e->nroles; i++) {
			const an_role *ro = &e->roles[i];
			an_buf_puts(b, n++ ? ",{\"title\":" : "{\"title\":");
			an_buf_json_strz(b, ro->title);
			key(b, "of");
			an_buf_json_strz(b, ro->of);
			if (ro->from) {
				key(b, "from");
				an_buf_json_strz(b, ro->from);
			}
			if (ro->until) {
				key(b, "until");
				an_buf_json_strz(b, ro->until);
			}
			an_buf_putc(b, '}');
		}
	}
	if (r->role_title && !n) {
		an_buf_puts(b, "{\"title\":");
		an_buf_json_strz(b, r->role_title);
		key(b, "of");
		an_buf_json_strz(b, r->role_of);
		an_buf_putc(b, '}');
	}
	an_buf_putc(b, ']');
}

void an_write_entities(annals_ctx *ctx, an_buf *b)
{
	an_etab *t = &ctx->ents;
	for (size_t i = 0; i < t->n; i++) {
		const an_rent *r = &t->rows[i];
		if (!r->mentions)
			continue;
		an_buf_puts(b, "{\"type\":\"entity\"");
		key(b, "id");
		an_buf_json_strz(b, r->id);
		key(b, "name");
		an_buf_json_strz(b, r->name);
		key(b, "kind");
		an_buf_json_strz(b, an_kind_name(r->kind));
		key(b, "code");
		an_buf_json_strz(b, r->code);
		key(b, "country");
		an_buf_json_strz(b, r->country);
		key(b, "aliases");
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
			key(b, "parents");
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
}
