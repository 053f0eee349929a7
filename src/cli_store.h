/*
 * cli_store.h: the store's commands of the annals command (cli_store.c),
 * called from main.c with the arguments after the command name, and the
 * exit statuses all commands share.
 */
#ifndef AN_CLI_STORE_H
#define AN_CLI_STORE_H

#include <stdio.h>

/* Exit statuses of every command, listed in `annals help code`. */
enum { EXIT_OK = 0, EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_DATA = 3,
       EXIT_OUTPUT = 4, EXIT_INTERRUPTED = 130 };

int an_cmd_ingest(int argc, char **argv);
int an_cmd_query(int argc, char **argv);
int an_cmd_export(int argc, char **argv);
/* --shard I/N: 0 <= I < N; on error prints why and returns -1. */
int an_parse_shard(const char *s, unsigned *i, unsigned *n);
/* --threads N: 0 to 256; on error prints why and returns -1. */
int an_parse_threads(const char *s, unsigned *n);
/* The help of "ingest", "query" or "export". */
void an_usage_store(const char *cmd, FILE *f);

#endif
