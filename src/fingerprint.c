/*
 * fingerprint.c: what a document's coding depends on besides its text (the
 * library version and the data directory), hashed into 32 hex digits. A
 * store keeps it with each document and recodes the document when it
 * changes, so an edited dictionary takes effect on the next ingest.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "doc.h"

typedef struct fp {
	uint64_t h1, h2;
	const annals_mem *mem;
	int depth;
} fp;

static void mix(fp *f, const char *s, size_t n)
{
	f->h1 = an_hash(s, n, f->h1);
	f->h2 = an_hash(s, n, f->h2 ^ 0x9E3779B97F4A7C15ULL);
}

static void add_file(fp *f, const char *path)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		const char *why = strerror(errno);
		mix(f, why, strlen(why));
		return;
	}
	char buf[1 << 16];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		mix(f, buf, n);
	fclose(in);
}

/* Adds every entry below dir in sorted order, names relative to the top. */
static void add_dir(fp *f, const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp || f->depth > 16) {
		if (dp)
			closedir(dp);
		return;
	}
	size_t n;
	char **names = an_dir_names(dp, f->mem, &n);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		struct stat st;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		mix(f, names[i], strlen(names[i]) + 1);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			f->depth++;
			add_dir(f, path);
			f->depth--;
		} else {
			add_file(f, path);
		}
		an_free(f->mem, names[i]);
	}
	an_free(f->mem, names);
}

void an_fingerprint(const char *dir, const annals_mem *mem, char out[33])
{
	fp f = {0x243F6A8885A308D3ULL, 0x13198A2E03707344ULL, mem, 0};
	mix(&f, ANNALS_VERSION, sizeof ANNALS_VERSION);
	add_dir(&f, dir);
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)f.h1,
		 (unsigned long long)f.h2);
}
