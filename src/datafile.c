/*
 * datafile.c: the line reader shared by the dictionary loaders.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "datafile.h"

int an_dfile_fail(an_dfile *f, const char *msg, const char *what)
{
	snprintf(f->err, f->errcap, "%s:%ld: %s%s%s", f->file, f->line, msg,
		 what ? ": " : "", what ? what : "");
	return ANNALS_EDATA;
}

int an_dfile_read(const char *path, an_dline_fn fn, void *ud, char *err,
		  size_t errcap)
{
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		snprintf(err, errcap, "%s: %s", path, strerror(errno));
		return ANNALS_EDATA;
	}
	an_dfile f = {path, 0, err, errcap, ud};
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int rc = ANNALS_OK;
	while (!rc && (n = getline(&line, &cap, fp)) >= 0) {
		f.line++;
		if (n && line[n - 1] == '\n')
			line[n - 1] = 0;
		rc = fn(&f, line);
	}
	free(line);
	fclose(fp);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int wanted(const char *name, const char *const *prefixes)
{
	size_t l = strlen(name);
	if (l <= 4 || strcmp(name + l - 4, ".txt") != 0)
		return 0;
	if (!prefixes)
		return 1;
	for (; *prefixes; prefixes++)
		if (strncmp(name, *prefixes, strlen(*prefixes)) == 0)
			return 1;
	return 0;
}

int an_dfile_read_dir(const char *dir, const char *const *prefixes,
		      an_dpick_fn pick, an_dline_fn fn, void *ud,
		      const annals_mem *mem, char *err, size_t errcap)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		snprintf(err, errcap, "%s: %s", dir, strerror(errno));
		return ANNALS_EDATA;
	}
	char *names[1024];
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(dp)) && n < 1024)
		if (wanted(de->d_name, prefixes))
			names[n++] = an_strdup(mem, de->d_name);
	closedir(dp);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	int rc = ANNALS_OK;
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (!rc && pick)
			pick(ud, path, names[i]);
		if (!rc)
			rc = an_dfile_read(path, fn, ud, err, errcap);
		an_free(mem, names[i]);
	}
	return rc;
}

char *an_dfile_trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = 0;
	return s;
}

char *an_dfile_clean(char *s)
{
	for (char *p = s; *p; p++)
		if (*p == '#' && (p == s || p[-1] == ' ' || p[-1] == '\t')) {
			*p = 0;
			break;
		}
	return an_dfile_trim(s);
}
