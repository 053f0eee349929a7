/*
 * jsonl.c: a strict, linear-time JSON parser for one article a line.
 *
 * A general JSON library builds a tree of every line; articles need five
 * string fields, so this parser validates the whole line (strings, escapes,
 * surrogate pairs, numbers, literals, nested arrays and objects, iteratively
 * so depth cannot overflow the stack) and decodes only the fields it keeps,
 * copying unescaped runs in bulk.
 */
#include <string.h>

#include "jsonl.h"
#include "text.h"

typedef struct parser {
	const char *s;
	size_t n, i;
	const char *err;
} parser;

static int fail(parser *p, const char *msg)
{
	if (!p->err)
		p->err = msg;
	return -1;
}

static void ws(parser *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' ||
			       p->s[p->i] == '\r' || p->s[p->i] == '\n'))
		p->i++;
}

static int hex4(parser *p, unsigned *v)
{
	if (p->i + 4 > p->n)
		return fail(p, "truncated \\u escape");
	*v = 0;
	for (int k = 0; k < 4; k++) {
		char c = p->s[p->i++];
		*v <<= 4;
		if (c >= '0' && c <= '9')
			*v |= (unsigned)(c - '0');
		else if ((c | 32) >= 'a' && (c | 32) <= 'f')
			*v |= (unsigned)((c | 32) - 'a' + 10);
		else
			return fail(p, "bad hex digit in \\u escape");
	}
	return 0;
}

/* Parses a string at p->i (on the opening quote). With out non-NULL the
 * decoded bytes go there (room for the raw length + 1 is enough). */
/* The end of the run of string bytes from i that need no decoding (no
 * quote, backslash or control character), eight bytes at a time. */
static size_t plain_run(const char *s, size_t n, size_t i)
{
	const uint64_t ones = 0x0101010101010101ULL, high = ones << 7;
	while (i + 8 <= n) {
		uint64_t x, q, b;
		memcpy(&x, s + i, 8);
		q = x ^ ones * '"';
		b = x ^ ones * '\\';
		/* a zero byte in q or b, or a byte of x below 0x20 */
		if (((q - ones) & ~q & high) | ((b - ones) & ~b & high) |
		    ((x - ones * 0x20) & ~x & high))
			break;
		i += 8;
	}
	while (i < n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20)
		i++;
	return i;
}

static int string(parser *p, char *out, size_t *outlen)
{
	size_t o = 0;
	p->i++; /* opening quote */
	for (;;) {
		size_t j = plain_run(p->s, p->n, p->i);
		if (out) {
			memcpy(out + o, p->s + p->i, j - p->i);
			o += j - p->i;
		}
		p->i = j;
		if (j >= p->n)
			return fail(p, "unterminated string");
		char c = p->s[j];
		if (c == '"') {
			p->i++;
			break;
		}
		if (c != '\\')
			return fail(p, "control character in string");
		if (++p->i >= p->n)
			return fail(p, "unterminated string");
		char e = p->s[p->i++], lit = 0;
		switch (e) {
		case '"': lit = '"'; break;
		case '\\': lit = '\\'; break;
		case '/': lit = '/'; break;
		case 'b': lit = '\b'; break;
		case 'f': lit = '\f'; break;
		case 'n': lit = '\n'; break;
		case 'r': lit = '\r'; break;
		case 't': lit = '\t'; break;
		case 'u': {
			unsigned v, lo;
			if (hex4(p, &v))
				return -1;
			if (v >= 0xD800 && v <= 0xDBFF && p->i + 6 <= p->n &&
			    p->s[p->i] == '\\' && p->s[p->i + 1] == 'u') {
				size_t save = p->i;
				p->i += 2;
				if (hex4(p, &lo))
					return -1;
				if (lo >= 0xDC00 && lo <= 0xDFFF)
					v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
				else
					p->i = save;
			}
			if (v >= 0xD800 && v <= 0xDFFF)
				v = 0xFFFD; /* a lone surrogate */
			if (out)
				o += an_utf8_encode(v, out + o);
			continue;
		}
		default:
			return fail(p, "bad escape in string");
		}
		if (out)
			out[o++] = lit;
	}
	if (out) {
		out[o] = 0;
		*outlen = o;
	}
	return 0;
}

static int number(parser *p)
{
	const char *s = p->s;
	size_t i = p->i;
	if (i < p->n && s[i] == '-')
		i++;
	if (i >= p->n || s[i] < '0' || s[i] > '9')
		return fail(p, "bad number");
	if (s[i] == '0')
		i++;
	else
		while (i < p->n && s[i] >= '0' && s[i] <= '9')
			i++;
	if (i < p->n && s[i] == '.') {
		if (++i >= p->n || s[i] < '0' || s[i] > '9')
			return fail(p, "bad number");
		while (i < p->n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i < p->n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < p->n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= p->n || s[i] < '0' || s[i] > '9')
			return fail(p, "bad number");
		while (i < p->n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	p->i = i;
	return 0;
}

static int literal(parser *p)
{
	static const char *const lits[] = {"true", "false", "null"};
	for (int k = 0; k < 3; k++) {
		size_t l = strlen(lits[k]);
		if (p->n - p->i >= l && memcmp(p->s + p->i, lits[k], l) == 0) {
			p->i += l;
			return 0;
		}
	}
	return fail(p, "unexpected character");
}

/* Parses an object key and the ':' after it. The raw key (between its
 * quotes, escapes undecoded) is at p->s + *ks, *kl bytes. */
static int key_colon(parser *p, size_t *ks, size_t *kl)
{
	ws(p);
	if (p->i >= p->n || p->s[p->i] != '"')
		return fail(p, "expected a key");
	*ks = p->i + 1;
	if (string(p, NULL, NULL))
		return -1;
	*kl = p->i - 1 - *ks;
	ws(p);
	if (p->i >= p->n || p->s[p->i] != ':')
		return fail(p, "expected ':'");
	p->i++;
	return 0;
}

/* Skips any value; nested arrays and objects use an explicit stack. */
static int skip_value(parser *p, an_arena *a)
{
	char small[64], *st = small;
	size_t depth = 0, cap = sizeof small, ks, kl;
value:
	ws(p);
	if (p->i >= p->n)
		return fail(p, "unexpected end of line");
	switch (p->s[p->i]) {
	case '{':
	case '[':
		if (depth == cap) {
			char *bigger = an_arena_alloc(a, cap * 2);
			memcpy(bigger, st, cap);
			st = bigger;
			cap *= 2;
		}
		st[depth++] = p->s[p->i++];
		ws(p);
		if (p->i < p->n && p->s[p->i] == (st[depth - 1] == '{' ? '}' : ']')) {
			p->i++;
			depth--;
			goto after;
		}
		if (st[depth - 1] == '{')
			goto key;
		goto value;
	case '"':
		if (string(p, NULL, NULL))
			return -1;
		goto after;
	default:
		if (p->s[p->i] == '-' || (p->s[p->i] >= '0' && p->s[p->i] <= '9')) {
			if (number(p))
				return -1;
		} else if (literal(p)) {
			return -1;
		}
		goto after;
	}
key:
	if (key_colon(p, &ks, &kl))
		return -1;
	goto value;
after:
	if (!depth)
		return 0;
	ws(p);
	if (p->i < p->n && p->s[p->i] == ',') {
		p->i++;
		if (st[depth - 1] == '{')
			goto key;
		goto value;
	}
	if (p->i < p->n && p->s[p->i] == (st[depth - 1] == '{' ? '}' : ']')) {
		p->i++;
		depth--;
		goto after;
	}
	return fail(p, "expected ',' or a closing bracket");
}

static const char *keep(an_arena *a, parser *p, size_t *len)
{
	/* a decoded string is never longer than its raw form */
	char *out = an_arena_alloc(a, p->n - p->i + 4);
	size_t l = 0;
	if (string(p, out, &l))
		return NULL;
	*len = l;
	return out;
}

int an_jsonl_parse(an_arena *a, const char *s, size_t n, an_jart *out,
		   size_t *errpos, const char **errmsg)
{
	parser p = {s, n, 0, NULL};
	memset(out, 0, sizeof *out);
	ws(&p);
	if (p.i >= n || s[p.i] != '{') {
		fail(&p, "not a JSON object");
		goto bad;
	}
	p.i++;
	ws(&p);
	if (p.i < n && s[p.i] == '}') {
		p.i++;
		goto end;
	}
	for (;;) {
		size_t ks, kl;
		if (key_colon(&p, &ks, &kl))
			goto bad;
		char key[16] = "";
		if (kl < sizeof key) {
			memcpy(key, s + ks, kl);
			key[kl] = 0;
		}
		ws(&p);
		const char **slot = !strcmp(key, "id")       ? &out->id
				    : !strcmp(key, "title")  ? &out->title
				    : !strcmp(key, "date")   ? &out->date
				    : !strcmp(key, "source") ? &out->source
				    : !strcmp(key, "text")   ? &out->text
							     : NULL;
		if (slot && p.i < n && s[p.i] == '"') {
			size_t l;
			*slot = keep(a, &p, &l);
			if (!*slot)
				goto bad;
			if (slot == &out->text)
				out->text_len = l;
		} else if (skip_value(&p, a)) {
			goto bad;
		}
		ws(&p);
		if (p.i < n && s[p.i] == ',') {
			p.i++;
			continue;
		}
		if (p.i < n && s[p.i] == '}') {
			p.i++;
			break;
		}
		fail(&p, "expected ',' or '}'");
		goto bad;
	}
end:
	ws(&p);
	if (p.i < n) {
		fail(&p, "text after the object");
		goto bad;
	}
	return 0;
bad:
	*errpos = p.i;
	*errmsg = p.err ? p.err : "malformed JSON";
	return -1;
}
