/*
 * datafile.h: reading the project's text data files (the dictionaries of
 * data/ and data/events): a file line by line with its name and line
 * number for "file:line: message" errors, the *.txt files of a directory
 * in sorted order, comments and surrounding spaces.
 */
#ifndef AN_DATAFILE_H
#define AN_DATAFILE_H

#include <stddef.h>

#include "annals.h"

typedef struct an_dfile {
	const char *file; /* path being read, for messages */
	long line;        /* current line, from 1 */
	char *err;        /* where failures write "file:line: message" */
	size_t errcap;
	void *ud;         /* the loader's own state */
} an_dfile;

/* Called with each line, its newline cut; returns ANNALS_OK to go on. */
typedef int (*an_dline_fn)(an_dfile *f, char *line);
/* Called before each file of a directory is read (for per-file state). */
typedef void (*an_dpick_fn)(void *ud, const char *path, const char *name);

/* Writes "file:line: msg[: what]" and returns ANNALS_EDATA. */
int an_dfile_fail(an_dfile *f, const char *msg, const char *what);

/* Reads path line by line until fn fails. A file that cannot be opened is
 * ANNALS_EDATA with "path: reason" in err. */
int an_dfile_read(const char *path, an_dline_fn fn, void *ud, char *err,
		  size_t errcap);

/* Reads every *.txt file of dir whose name starts with one of prefixes (a
 * NULL-terminated list, or NULL for every file), in sorted name order,
 * calling pick (if not NULL) before each. */
int an_dfile_read_dir(const char *dir, const char *const *prefixes,
		      an_dpick_fn pick, an_dline_fn fn, void *ud,
		      const annals_mem *mem, char *err, size_t errcap);

/* Trims spaces and tabs (and a carriage return) in place; returns the
 * start. */
char *an_dfile_trim(char *s);
/* Cuts a '#' comment (at the line's start or after a space or tab), then
 * trims; returns the start, "" for a blank line. */
char *an_dfile_clean(char *s);

#endif
