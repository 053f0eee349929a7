/*
 * read.c: inputs. Decides each input's format (by name, then by its first
 * bytes), reads text and HTML files whole, streams JSON Lines files one
 * article a line (so memory follows the largest article, not the file), and
 * walks directories recursively in sorted order. Every problem is reported
 * with file, line and byte; a bad line never stops the rest of a file.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "doc.h"
#include "jsonl.h"

static int has_ext(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);
	return n > e && strcasecmp(name + n - e, ext) == 0;
}

static annals_format by_name(const char *name)
{
	if (has_ext(name, ".jsonl") || has_ext(name, ".ndjson") ||
	    has_ext(name, ".jsonlines"))
		return ANNALS_FMT_JSONL;
	if (has_ext(name, ".html") || has_ext(name, ".htm") ||
	    has_ext(name, ".xhtml"))
		return ANNALS_FMT_HTML;
	if (has_ext(name, ".txt") || has_ext(name, ".text") || has_ext(name, ".md"))
		return ANNALS_FMT_TEXT;
	return ANNALS_FMT_AUTO;
}

static annals_format sniff(const char *p, size_t n)
{
	size_t i = 0;
	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r' || p[i] == '\t'))
		i++;
	if (i < n && p[i] == '{')
		return ANNALS_FMT_JSONL;
	if (i < n && p[i] == '<') {
		static const char *const tags[] = {"<html", "<!doctype", "<body",
						   "<p", "<div", "<head", "<article",
						   "<!--", NULL};
		for (const char *const *t = tags; *t; t++)
			if (n - i >= strlen(*t) && strncasecmp(p + i, *t, strlen(*t)) == 0)
				return ANNALS_FMT_HTML;
	}
	return ANNALS_FMT_TEXT;
}

/* The base name without directory and extension. */
static void doc_id(const char *path, char *out, size_t cap)
{
	const char *b = strrchr(path, '/');
	b = b ? b + 1 : path;
	snprintf(out, cap, "%s", b);
	char *dot = strrchr(out, '.');
	if (dot && dot != out)
		*dot = 0;
}

/* Whether the bytes look binary: NULs or invalid UTF-8 in bulk. */
static int looks_binary(const char *p, size_t n)
{
	size_t bad = 0, m = n < 4096 ? n : 4096;
	for (size_t i = 0; i < m;) {
		unsigned char c = (unsigned char)p[i];
		if (!c) {
			bad++;
			i++;
			continue;
		}
		size_t l = an_utf8_len((const unsigned char *)p + i, m - i);
		if (!l && m - i >= 4)
			bad++;
		i += l ? l : 1;
	}
	return m >= 64 && bad * 8 > m;
}

/* ---- JSON Lines ------------------------------------------------------- */

/* Codes the article on one JSON line. */
static int jsonl_line(annals_ctx *ctx, const char *file, long lineno,
		      long byte, char *line, size_t n)
{
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		n--;
	size_t i = 0;
	while (i < n && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (i == n)
		return ANNALS_OK;
	/* invalid UTF-8 is replaced so the rest of the line still parses; the
	 * parsed strings live in the scratch arena until the article is coded */
	an_arena *a = ctx->scratch;
	an_arena_reset(a);
	an_text clean = {0};
	an_utf8_report rep;
	an_text_from_bytes(a, &clean, line, n, &rep);
	if (rep.invalid)
		an_diag(ctx, ANNALS_WARNING, file, lineno, byte + rep.first_invalid,
			"%zu invalid UTF-8 byte%s replaced by U+FFFD", rep.invalid,
			rep.invalid > 1 ? "s" : "");
	an_jart j;
	size_t pos;
	const char *msg;
	if (an_jsonl_parse(a, clean.s, clean.len, &j, &pos, &msg)) {
		an_diag(ctx, ANNALS_ERROR, file, lineno, byte + (long)pos,
			"not a JSON article: %s at column %zu", msg, pos + 1);
		return ANNALS_EFORMAT;
	}
	if (!j.text) {
		an_diag(ctx, ANNALS_ERROR, file, lineno, byte,
			"no \"text\" string in this article");
		return ANNALS_EFORMAT;
	}
	char idbuf[64];
	const char *id = j.id;
	if (!id) {
		snprintf(idbuf, sizeof idbuf, "line-%ld", lineno);
		id = idbuf;
	}
	annals_article art = {id, j.title, j.date, j.source, j.text, j.text_len,
			      ANNALS_FMT_TEXT};
	ctx->file = file;
	ctx->line = lineno;
	int rc = annals_code_article(ctx, &art);
	ctx->file = NULL;
	ctx->line = 0;
	return rc;
}

static int code_jsonl_mem(annals_ctx *ctx, const char *name, const char *p,
			  size_t n)
{
	int rc = ANNALS_OK;
	long lineno = 0;
	size_t i = 0;
	char *copy = NULL;
	while (i < n) {
		const char *nl = memchr(p + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - p) : n;
		lineno++;
		copy = an_realloc(ctx->mem, copy, e - i + 1);
		memcpy(copy, p + i, e - i);
		int r = jsonl_line(ctx, name, lineno, (long)i, copy, e - i);
		if (r == ANNALS_EWRITE) {
			rc = r;
			break;
		}
		if (r && !rc)
			rc = r;
		i = e + 1;
	}
	an_free(ctx->mem, copy);
	return rc;
}

/* ---- buffers and files ------------------------------------------------- */

static int code_whole(annals_ctx *ctx, const char *name, const char *id,
		      const char *p, size_t n, annals_format fmt)
{
	if (!n) {
		an_diag(ctx, ANNALS_ERROR, name, 0, -1, "empty file: nothing to code");
		return ANNALS_EEMPTY;
	}
	if (fmt == ANNALS_FMT_AUTO)
		fmt = sniff(p, n);
	if (fmt == ANNALS_FMT_JSONL)
		return code_jsonl_mem(ctx, name, p, n);
	if (looks_binary(p, n)) {
		an_diag(ctx, ANNALS_ERROR, name, 0, 0,
			"binary data, not text: skipped");
		return ANNALS_EFORMAT;
	}
	annals_article a = {id, NULL, NULL, NULL, p, n, fmt};
	ctx->file = name;
	int rc = annals_code_article(ctx, &a);
	ctx->file = NULL;
	return rc;
}

int annals_code_buffer(annals_ctx *ctx, const char *name, const char *data,
		       size_t len, annals_format fmt)
{
	char id[256];
	doc_id(name ? name : "-", id, sizeof id);
	if (fmt == ANNALS_FMT_AUTO && name)
		fmt = by_name(name);
	return code_whole(ctx, name ? name : "-", id, data, len, fmt);
}

static int read_all(annals_ctx *ctx, FILE *f, char **out, size_t *n)
{
	size_t cap = 1 << 16, len = 0;
	char *p = an_calloc(ctx->mem, 1, cap);
	for (;;) {
		if (len == cap) {
			cap *= 2;
			p = an_realloc(ctx->mem, p, cap);
		}
		size_t k = fread(p + len, 1, cap - len, f);
		len += k;
		if (k == 0)
			break;
	}
	*out = p;
	*n = len;
	return ferror(f) ? ANNALS_EIO : ANNALS_OK;
}

static int code_jsonl_stream(annals_ctx *ctx, const char *path, FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0, byte = 0;
	int rc = ANNALS_OK, any = 0;
	while ((n = getline(&line, &cap, f)) >= 0) {
		lineno++;
		any = 1;
		int r = jsonl_line(ctx, path, lineno, byte, line, (size_t)n);
		byte += n;
		if (r == ANNALS_EWRITE) {
			rc = r;
			break;
		}
		if (r && !rc)
			rc = r;
	}
	free(line);
	if (!any) {
		an_diag(ctx, ANNALS_ERROR, path, 0, -1, "empty file: nothing to code");
		rc = ANNALS_EEMPTY;
	}
	return rc;
}

int annals_code_file(annals_ctx *ctx, const char *path, annals_format fmt)
{
	int is_stdin = strcmp(path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		an_diag(ctx, ANNALS_ERROR, path, 0, -1, "cannot open: %s",
			strerror(errno));
		return ANNALS_EIO;
	}
	if (fmt == ANNALS_FMT_AUTO && !is_stdin)
		fmt = by_name(path);
	int rc;
	if (fmt == ANNALS_FMT_JSONL) {
		rc = code_jsonl_stream(ctx, path, f);
	} else {
		char *p;
		size_t n;
		rc = read_all(ctx, f, &p, &n);
		if (rc) {
			an_diag(ctx, ANNALS_ERROR, path, 0, -1, "read error: %s",
				strerror(errno));
		} else {
			char id[256];
			doc_id(is_stdin ? "stdin" : path, id, sizeof id);
			rc = code_whole(ctx, is_stdin ? "<stdin>" : path, id, p, n, fmt);
		}
		an_free(ctx->mem, p);
	}
	if (!is_stdin)
		fclose(f);
	return rc;
}

/* ---- directories ------------------------------------------------------- */

typedef struct visit {
	dev_t dev;
	ino_t ino;
	const struct visit *up;
} visit;

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **an_dir_names(DIR *dp, const annals_mem *mem, size_t *out_n)
{
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dp))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = an_realloc(mem, names, cap * sizeof *names);
		}
		names[n++] = an_strdup(mem, de->d_name);
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, cmp_names);
	*out_n = n;
	return names;
}

static int code_dir(annals_ctx *ctx, const char *path, annals_format fmt,
		    const visit *up);

static int code_any(annals_ctx *ctx, const char *path, annals_format fmt,
		    const visit *up)
{
	struct stat st;
	if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		for (const visit *v = up; v; v = v->up)
			if (v->dev == st.st_dev && v->ino == st.st_ino) {
				an_diag(ctx, ANNALS_ERROR, path, 0, -1,
					"directory loop (a symbolic link back to a parent): skipped");
				return ANNALS_EIO;
			}
		visit me = {st.st_dev, st.st_ino, up};
		return code_dir(ctx, path, fmt, &me);
	}
	return annals_code_file(ctx, path, fmt);
}

static int code_dir(annals_ctx *ctx, const char *path, annals_format fmt,
		    const visit *up)
{
	DIR *dp = opendir(path);
	if (!dp) {
		an_diag(ctx, ANNALS_ERROR, path, 0, -1, "cannot open directory: %s",
			strerror(errno));
		return ANNALS_EIO;
	}
	size_t n;
	char **names = an_dir_names(dp, ctx->mem, &n);
	int rc = ANNALS_OK;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(path) + strlen(names[i]) + 2;
		char *full = an_calloc(ctx->mem, 1, l);
		snprintf(full, l, "%s/%s", path, names[i]);
		int r = rc == ANNALS_EWRITE ? rc : code_any(ctx, full, fmt, up);
		if (r && (!rc || r == ANNALS_EWRITE))
			rc = r;
		an_free(ctx->mem, full);
		an_free(ctx->mem, names[i]);
	}
	an_free(ctx->mem, names);
	if (!n)
		an_diag(ctx, ANNALS_WARNING, path, 0, -1, "empty directory");
	return rc;
}

int annals_code_path(annals_ctx *ctx, const char *path, annals_format fmt)
{
	return code_any(ctx, path, fmt, NULL);
}
