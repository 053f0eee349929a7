/*
 * write.c: the JSON Lines records of SCHEMA.md, with a fixed key order so
 * output is byte-for-byte reproducible. Spans are mapped from working-text
 * offsets back to the original input's bytes here, once.
 */
#include <stdio.h>
#include <string.h>

#include "doc.h"

/* A string literal, its length known at compile time. */
#define LIT(b, s) an_buf_add((b), s, sizeof(s) - 1)
/* ,"k": for a literal key */
#define KEY(b, k) an_buf_add((b), ",\"" k "\":", sizeof(",\"" k "\":") - 1)

/* The id of record n of a document, tag 'e' or 'q': "DOC#e3", the
 * document id cut at 300 bytes, into out (340 bytes). */
static void record_id(char *out, const char *doc, char tag, size_t n)
{
	size_t l = strnlen(doc, 300), i = 24;
	char num[24];
	do {
		num[--i] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	memcpy(out, doc, l);
	out[l] = '#';
	out[l + 1] = tag;
	memcpy(out + l + 2, num + i, 24 - i);
	out[l + 2 + 24 - i] = 0;
}

/* An entity id: a slug, which needs no escaping. */
static void put_id(an_buf *b, const char *id)
{
	an_buf_putc(b, '"');
	an_buf_puts(b, id);
	an_buf_putc(b, '"');
}

/* A JSON array of n strings. */
static void put_strings(an_buf *b, const char *const *v, unsigned n)
{
	an_buf_putc(b, '[');
	for (unsigned i = 0; i < n; i++) {
		if (i)
			an_buf_putc(b, ',');
		an_buf_json_strz(b, v[i]);
	}
	an_buf_putc(b, ']');
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
	put_strings(b, d->authors, d->nauthors);
	LIT(b, ",\"bytes\":");
	an_buf_uint(b, d->text.olen);
	LIT(b, ",\"sentences\":");
	an_buf_uint(b, d->seg.nsent);
	LIT(b, ",\"excluded\":[");
	for (size_t i = 0; i < d->nexcl; i++) {
		const an_range *r = &d->excl[i];
		if (i)
			an_buf_putc(b, ',');
		an_buf_putc(b, '[');
		an_buf_uint(b, an_text_orig(&d->text, r->off));
		an_buf_putc(b, ',');
		an_buf_uint(b, an_text_orig_end(&d->text, r->end));
		an_buf_putc(b, ',');
		an_buf_json_strz(b, r->why);
		an_buf_putc(b, ']');
	}
	LIT(b, "]}\n");
}

void an_write_sentences(an_doc *d, an_buf *b)
{
	an_buf head;
	an_buf_init(&head, d->ctx->mem);
	LIT(&head, "{\"type\":\"sentence\"");
	KEY(&head, "doc");
	an_buf_json_strz(&head, d->id);
	for (uint32_t i = 0; i < d->seg.nsent; i++) {
		const an_sent *s = &d->seg.sent[i];
		an_buf_add(b, head.p, head.len);
		LIT(b, ",\"sentence\":");
		an_buf_uint(b, i);
		LIT(b, ",\"start\":");
		an_buf_uint(b, an_text_orig(&d->text, s->off));
		LIT(b, ",\"end\":");
		an_buf_uint(b, an_text_orig_end(&d->text, s->end));
		KEY(b, "text");
		an_buf_json_str(b, d->text.s + s->off, s->end - s->off);
		LIT(b, "}\n");
	}
	an_buf_free(&head);
}

static const char *how_name(int how)
{
	static const char *const names[] = {"", "dictionary", "abbreviation",
					    "demonym", "discovered", "repeated",
					    "surname", "misspelling", "role"};
	return how > 0 && how <= AN_H_ROLE ? names[how] : "";
}

void an_write_mentions(an_doc *d, an_buf *b)
{
	an_etab *t = d->ents;
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
	d->stats->mentions += d->nment;
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

void an_write_entity(annals_ctx *ctx, const an_etab *t, uint32_t row,
		     const uint32_t *merged, size_t n, an_buf *b)
{
	const an_rent *r = &t->rows[row];
	const char *aliases[AN_MAX_ALIASES];
	size_t na = 0, mentions = r->mentions;
	for (unsigned i = 0; i < r->nalias; i++)
		aliases[na++] = r->aliases[i];
	for (size_t k = 0; k < n; k++) {
		const an_rent *o = &t->rows[merged[k]];
		mentions += o->mentions;
		for (unsigned i = 0; i < o->nalias && na < AN_MAX_ALIASES; i++) {
			size_t j = 0;
			while (j < na && strcmp(aliases[j], o->aliases[i]) != 0)
				j++;
			if (j == na)
				aliases[na++] = o->aliases[i];
		}
	}
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
	put_strings(b, aliases, (unsigned)na);
	write_roles(ctx, r, b);
	if (r->dict != AN_NONE) {
		const an_ent *e = an_dict_ent(ctx->dict, r->dict);
		KEY(b, "parents");
		put_strings(b, e->parents, e->nparents);
		if (e->has_coord)
			an_buf_printf(b, ",\"lat\":%.4f,\"lon\":%.4f", (double)e->lat,
				      (double)e->lon);
	}
	LIT(b, ",\"mentions\":");
	an_buf_uint(b, mentions);
	if (n) {
		LIT(b, ",\"merged\":[");
		for (size_t k = 0; k < n; k++) {
			if (k)
				an_buf_putc(b, ',');
			an_buf_json_strz(b, t->rows[merged[k]].id);
		}
		an_buf_putc(b, ']');
	}
	if (r->dict != AN_NONE)
		LIT(b, ",\"source\":\"dictionary\"}\n");
	else
		LIT(b, ",\"source\":\"discovered\"}\n");
}

static void put_row_id(an_buf *b, const an_etab *t, uint32_t row)
{
	if (row == AN_NONE)
		LIT(b, "null");
	else
		put_id(b, t->rows[row].id);
}

/* The CAMEO actor code of a row on the event's date. */
static void put_actor_code(an_buf *b, const an_doc *d, uint32_t row,
			   const char *date)
{
	if (row == AN_NONE) {
		LIT(b, "null");
		return;
	}
	an_buf_json_strz(b, an_etab_code(d->ents, row, date));
}

void an_write_events(an_doc *d, an_buf *b)
{
	const an_etab *t = d->ents;
	for (size_t i = 0; i < d->nev; i++) {
		const an_event *e = &d->ev[i];
		const an_sent *s = &d->seg.sent[e->sent];
		const char *date = e->date[0] ? e->date : d->date;
		char id[340];
		LIT(b, "{\"type\":\"event\"");
		KEY(b, "id");
		record_id(id, d->id, 'e', i + 1);
		an_buf_json_strz(b, id);
		KEY(b, "doc");
		an_buf_json_strz(b, d->id);
		KEY(b, "sentence");
		an_buf_uint(b, e->sent);
		KEY(b, "start");
		an_buf_uint(b, an_text_orig(&d->text, s->off));
		KEY(b, "end");
		an_buf_uint(b, an_text_orig_end(&d->text, s->end));
		KEY(b, "source");
		put_row_id(b, t, e->src);
		KEY(b, "target");
		put_row_id(b, t, e->tgt);
		KEY(b, "source_code");
		put_actor_code(b, d, e->src, date);
		KEY(b, "target_code");
		put_actor_code(b, d, e->tgt, date);
		KEY(b, "code");
		an_buf_json_strz(b, e->code->code);
		KEY(b, "root");
		an_buf_json_str(b, e->code->code, 2);
		LIT(b, ",\"quad\":");
		an_buf_uint(b, e->code->quad);
		LIT(b, ",\"goldstein\":");
		an_buf_puts(b, e->code->gold);
		KEY(b, "plover");
		an_buf_json_strz(b, e->code->plover);
		KEY(b, "date");
		an_buf_json_strz(b, e->date[0] ? e->date : NULL);
		KEY(b, "location");
		put_row_id(b, t, e->loc);
		KEY(b, "modality");
		an_buf_json_strz(b, e->modality);
		KEY(b, "attribution");
		put_row_id(b, t, e->attr);
		KEY(b, "text");
		an_buf_json_str(b, d->text.s + s->off, s->end - s->off);
		LIT(b, ",\"trigger\":{\"start\":");
		an_buf_uint(b, an_text_orig(&d->text, e->trig0));
		LIT(b, ",\"end\":");
		an_buf_uint(b, an_text_orig_end(&d->text, e->trig1));
		KEY(b, "text");
		an_buf_json_str(b, d->text.s + e->trig0, e->trig1 - e->trig0);
		LIT(b, "}");
		KEY(b, "pattern");
		an_buf_json_strz(b, e->pat->text);
		LIT(b, "}\n");
	}
	d->stats->events += d->nev;
}

void an_write_quotes(an_doc *d, an_buf *b)
{
	const an_etab *t = d->ents;
	size_t n = 0;
	for (size_t i = 0; i < d->nquote; i++) {
		const an_quote *q = &d->quote[i];
		if (q->speaker == AN_NONE || q->dup)
			continue;
		char id[340];
		LIT(b, "{\"type\":\"quote\"");
		KEY(b, "id");
		record_id(id, d->id, 'q', ++n);
		an_buf_json_strz(b, id);
		KEY(b, "doc");
		an_buf_json_strz(b, d->id);
		KEY(b, "speaker");
		put_row_id(b, t, q->speaker);
		KEY(b, "addressee");
		put_row_id(b, t, q->addressee);
		KEY(b, "start");
		an_buf_uint(b, an_text_orig(&d->text, q->off));
		KEY(b, "end");
		an_buf_uint(b, an_text_orig_end(&d->text, q->end));
		KEY(b, "text");
		an_buf_json_str(b, d->text.s + q->off, q->end - q->off);
		KEY(b, "date");
		an_buf_json_strz(b, q->date[0] ? q->date : NULL);
		KEY(b, "medium");
		an_buf_json_strz(b, q->medium);
		KEY(b, "outlet");
		put_row_id(b, t, q->outlet);
		KEY(b, "sentence");
		an_buf_uint(b, d->seg.tok[q->t0].sent);
		if (q->ev != AN_NONE) {
			/* the words naming the speaker: his mention, or the
			 * pronoun or "spokesman" that stands for him */
			const an_ment *m = &d->ment[q->sment];
			const an_tok *k = &d->seg.tok[q->ev];
			uint32_t off = k->off, end = k->off + k->len;
			if (m->t0 <= q->ev && q->ev < m->t1)
				off = m->off, end = m->end;
			LIT(b, ",\"speaker_span\":{\"start\":");
			an_buf_uint(b, an_text_orig(&d->text, off));
			LIT(b, ",\"end\":");
			an_buf_uint(b, an_text_orig_end(&d->text, end));
			KEY(b, "text");
			an_buf_json_str(b, d->text.s + off, end - off);
			an_buf_putc(b, '}');
		}
		KEY(b, "how");
		an_buf_json_strz(b, an_quote_how(q));
		LIT(b, "}\n");
	}
	d->stats->quotes += n;
}
