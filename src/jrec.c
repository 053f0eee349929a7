/*
 * jrec.c: a recursive-descent JSON parser building an an_jval tree in an
 * arena. It reads back the records the writer produced, so it favours
 * brevity over speed; it is still strict (RFC 8259) and bounded in depth.
 */
#include <stdlib.h>
#include <string.h>

#include "jrec.h"
#include "text.h"

typedef struct jp {
	an_arena *a;
	const char *s;
	size_t n, i;
	const char *err;
	int depth;
} jp;

static an_jval *fail(jp *p, const char *msg)
{
	if (!p->err)
		p->err = msg;
	return NULL;
}

static void ws(jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
			       p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		p->i++;
}

static int hex4(jp *p, unsigned *v)
{
	*v = 0;
	if (p->i + 4 > p->n)
		return -1;
	for (int k = 0; k < 4; k++) {
		char c = p->s[p->i++];
		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if ((c | 32) >= 'a' && (c | 32) <= 'f')
			*v |= (unsigned)((c | 32) - 'a' + 10);
		else
			return -1;
	}
	return 0;
}

/* Decodes the string at p->i (on its opening quote) into the arena. */
static char *string(jp *p, size_t *len)
{
	size_t start = ++p->i, o = 0;
	const char *end = memchr(p->s + start, '"', p->n - start);
	if (!end)
		return (char *)fail(p, "unterminated string");
	/* escapes only shrink a string, except that the raw run may stop
	 * early at an escaped quote: size for the rest of the input */
	char *out = an_arena_alloc(p->a, p->n - start + 1);
	while (p->i < p->n) {
		char c = p->s[p->i];
		if (c == '"') {
			p->i++;
			out[o] = 0;
			*len = o;
			return out;
		}
		if ((unsigned char)c < 0x20)
			return (char *)fail(p, "control character in string");
		if (c != '\\') {
			out[o++] = c;
			p->i++;
			continue;
		}
		if (++p->i >= p->n)
			break;
		char e = p->s[p->i++];
		unsigned v, lo;
		switch (e) {
		case '"': out[o++] = '"'; break;
		case '\\': out[o++] = '\\'; break;
		case '/': out[o++] = '/'; break;
		case 'b': out[o++] = '\b'; break;
		case 'f': out[o++] = '\f'; break;
		case 'n': out[o++] = '\n'; break;
		case 'r': out[o++] = '\r'; break;
		case 't': out[o++] = '\t'; break;
		case 'u':
			if (hex4(p, &v))
				return (char *)fail(p, "bad \\u escape");
			if (v >= 0xD800 && v <= 0xDBFF && p->i + 6 <= p->n &&
			    p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
				size_t save = p->i;
				p->i += 2;
				if (!hex4(p, &lo) && lo >= 0xDC00 && lo <= 0xDFFF)
					v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
				else
					p->i = save;
			}
			if (v >= 0xD800 && v <= 0xDFFF)
				v = 0xFFFD;
			o += an_utf8_encode(v, out + o);
			break;
		default:
			return (char *)fail(p, "bad escape in string");
		}
	}
	return (char *)fail(p, "unterminated string");
}

static an_jval *value(jp *p);

/* Parses the members or elements of an object or array after its opening
 * bracket. */
static an_jval *container(jp *p, an_jval *v, char close)
{
	an_jval **tail = &v->kid;
	ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		return v;
	}
	for (;;) {
		const char *key = NULL;
		ws(p);
		if (close == '}') {
			size_t kl;
			if (p->i >= p->n || p->s[p->i] != '"')
				return fail(p, "expected a key");
			if (!(key = string(p, &kl)))
				return NULL;
			ws(p);
			if (p->i >= p->n || p->s[p->i] != ':')
				return fail(p, "expected ':'");
			p->i++;
		}
		an_jval *k = value(p);
		if (!k)
			return NULL;
		k->key = key;
		*tail = k;
		tail = &k->next;
		ws(p);
		if (p->i < p->n && p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->i < p->n && p->s[p->i] == close) {
			p->i++;
			return v;
		}
		return fail(p, "expected ',' or a closing bracket");
	}
}

static an_jval *value(jp *p)
{
	ws(p);
	if (p->i >= p->n)
		return fail(p, "unexpected end of input");
	an_jval *v = an_arena_zalloc(p->a, sizeof *v);
	size_t start = p->i;
	char c = p->s[p->i];
	if (c == '{' || c == '[') {
		if (++p->depth > 64)
			return fail(p, "nested too deeply");
		p->i++;
		v->type = c == '{' ? AN_J_OBJ : AN_J_ARR;
		if (!container(p, v, c == '{' ? '}' : ']'))
			return NULL;
		p->depth--;
	} else if (c == '"') {
		v->type = AN_J_STR;
		if (!(v->s = string(p, &v->len)))
			return NULL;
	} else if (c == '-' || (c >= '0' && c <= '9')) {
		char *end;
		v->type = AN_J_NUM;
		v->num = strtod(p->s + p->i, &end);
		if (end == p->s + p->i || end > p->s + p->n)
			return fail(p, "bad number");
		p->i = (size_t)(end - p->s);
	} else if (p->n - p->i >= 4 && !memcmp(p->s + p->i, "null", 4)) {
		v->type = AN_J_NULL;
		p->i += 4;
	} else if (p->n - p->i >= 4 && !memcmp(p->s + p->i, "true", 4)) {
		v->type = AN_J_BOOL;
		v->num = 1;
		p->i += 4;
	} else if (p->n - p->i >= 5 && !memcmp(p->s + p->i, "false", 5)) {
		v->type = AN_J_BOOL;
		p->i += 5;
	} else {
		return fail(p, "unexpected character");
	}
	v->raw = p->s + start;
	v->rawlen = p->i - start;
	return v;
}

an_jval *an_jrec_parse(an_arena *a, const char *s, size_t n,
		       const char **errmsg)
{
	jp p = {a, s, n, 0, NULL, 0};
	an_jval *v = value(&p);
	if (v) {
		ws(&p);
		if (p.i < n)
			v = fail(&p, "text after the value");
	}
	if (!v)
		*errmsg = p.err ? p.err : "malformed JSON";
	return v;
}

const an_jval *an_jget(const an_jval *o, const char *key)
{
	if (!o || o->type != AN_J_OBJ)
		return NULL;
	for (const an_jval *k = o->kid; k; k = k->next)
		if (strcmp(k->key, key) == 0)
			return k;
	return NULL;
}

const char *an_jstr(const an_jval *o, const char *key)
{
	const an_jval *v = an_jget(o, key);
	return v && v->type == AN_J_STR ? v->s : NULL;
}

double an_jnum(const an_jval *o, const char *key, double def)
{
	const an_jval *v = an_jget(o, key);
	return v && v->type == AN_J_NUM ? v->num : def;
}
