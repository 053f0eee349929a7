/*
 * main.c: the annals command, a thin shell over annals.h. Parses options,
 * hands each input to the library, prints diagnostics as "annals: file:line:
 * message", shows progress on a terminal, and exits with a status from the
 * table in --help.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "annals.h"
#include "cli_store.h"
#include "serve.h"


static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

typedef struct cli {
	FILE *out;
	int quiet, progress;
	double t0, last;
	const annals_ctx *ctx;
} cli;

static double clock_s(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double now(void) { return clock_s(CLOCK_MONOTONIC); }

static void report(const char *file, long line, long byte, const char *sev,
		   const char *msg)
{
	if (file && line > 0)
		fprintf(stderr, "annals: %s:%ld: %s%s\n", file, line, sev, msg);
	else if (file && byte >= 0)
		fprintf(stderr, "annals: %s: byte %ld: %s%s\n", file, byte, sev, msg);
	else if (file)
		fprintf(stderr, "annals: %s: %s%s\n", file, sev, msg);
	else
		fprintf(stderr, "annals: %s%s\n", sev, msg);
}

static void on_diag(void *ud, int sev, const char *file, long line, long byte,
		    const char *msg)
{
	cli *c = ud;
	if (c->quiet && sev == ANNALS_WARNING)
		return;
	if (c->progress)
		fputs("\r\033[K", stderr);
	report(file, line, byte, sev == ANNALS_WARNING ? "warning: " : "", msg);
}

static void show_progress(cli *c, int final)
{
	double t = now();
	if (!c->progress || (!final && t - c->last < 0.25))
		return;
	c->last = t;
	annals_stats s;
	annals_get_stats(c->ctx, &s);
	double mb = (double)s.bytes / 1e6, dt = t - c->t0;
	fprintf(stderr, "\r\033[K  %zu documents, %.1f MB, %.1f MB/s, %zu mentions",
		s.docs, mb, dt > 0 ? mb / dt : 0, s.mentions);
	if (final)
		fputc('\n', stderr);
}

static int on_records(void *ud, const char *data, size_t n)
{
	cli *c = ud;
	if (interrupted)
		return 1;
	if (fwrite(data, 1, n, c->out) != n)
		return 1;
	show_progress(c, 0);
	return 0;
}

static void on_explain(void *ud, const char *doc, const char *trace)
{
	fprintf(ud, "== %s\n%s", doc, trace);
}

static void usage(FILE *f)
{
	fputs("usage: annals COMMAND [OPTIONS] [ARGS]\n"
	      "\n"
	      "annals turns news text into evidence-backed records: documents, the\n"
	      "actors they name and every mention, CAMEO events (who did what to\n"
	      "whom, when and where) and quotations (who said what), as JSON Lines\n"
	      "(see SCHEMA.md).\n"
	      "\n"
	      "commands:\n"
	      "  code FILE|DIR|- ...   code articles and print JSON Lines records\n"
	      "  explain TEXT...       show why a sentence codes as it does\n"
	      "  ingest FILE|DIR|- ... code articles into a database (SQLite or\n"
	      "                        PostgreSQL)\n"
	      "  query WHAT            events, quotes, support, entity NAME, search\n"
	      "                        TEXT or stats, from a database\n"
	      "  export FORMAT         csv, tsv, jsonl, graphml, gexf or dot from a\n"
	      "                        database\n"
	      "  serve                 a web page and a JSON API over a database\n"
	      "  help [COMMAND]        show help for a command\n"
	      "\n"
	      "options:\n"
	      "  -h, --help            show this help\n"
	      "  -V, --version         print the version\n"
	      "\n"
	      "Run 'annals help COMMAND' for the options of a command.\n",
	      f);
}

static void usage_code(FILE *f)
{
	fputs("usage: annals code [OPTIONS] FILE|DIR|- ...\n"
	      "\n"
	      "Reads articles and writes one JSON object a line to standard output:\n"
	      "a 'document' record, its 'mention', 'event' and 'quote' records per\n"
	      "article; then one 'entity' record per actor seen, one 'support' record\n"
	      "per sponsor, recipient and kind of support, and one 'incident' record\n"
	      "per event that several articles report. Offsets are bytes of the\n"
	      "original input (for JSON Lines: of the decoded \"text\" field).\n"
	      "\n"
	      "inputs:\n"
	      "  FILE                  plain text (.txt), HTML (.html) or JSON Lines\n"
	      "                        (.jsonl, one {\"id\",\"title\",\"date\",\"source\",\"text\"}\n"
	      "                        a line); other names are recognised by content\n"
	      "  DIR                   every file below it, recursively, in sorted order\n"
	      "  -                     standard input\n"
	      "\n"
	      "options:\n"
	      "  -f, --format FMT      read inputs as text, html or jsonl (default: auto)\n"
	      "  -o, --output FILE     write records to FILE instead of standard output\n"
	      "  -d, --data DIR        dictionary directory (default: built in, or\n"
	      "                        $ANNALS_DATA)\n"
	      "      --no-discovery    dictionary matches only: no new names from context\n"
	      "      --no-entities     omit the entity records at the end\n"
	      "      --no-events       no event coding\n"
	      "      --explain         write why each sentence coded as it did to\n"
	      "                        standard error\n"
	      "      --network         instead of records, print the support network\n"
	      "                        as a table: sponsor, recipient, kinds of support,\n"
	      "                        first and last dates, sources and evidence\n"
	      "      --roll-up         with --network: each actor at the top of its\n"
	      "                        hierarchy (a commander under his state)\n"
	      "  -j, --threads N       code on N threads (0: one per processor); the\n"
	      "                        output is the same as with one\n"
	      "      --shard I/N       code only shard I of N (0 <= I < N): the\n"
	      "                        documents whose id hashes to I, the same on\n"
	      "                        every host and in any input order\n"
	      "      --timing          with --summary: CPU seconds per stage\n"
	      "      --summary         print a summary of the run on standard error\n"
	      "  -q, --quiet           no warnings and no progress\n"
	      "  -h, --help            show this help\n"
	      "\n"
	      "exit status:\n"
	      "  0    every input was coded\n"
	      "  1    some input could not be read or was malformed (the rest was coded)\n"
	      "  2    bad command line\n"
	      "  3    the dictionary could not be loaded\n"
	      "  4    the output could not be written\n"
	      "  130  interrupted; records of the documents finished so far were written\n"
	      "\n"
	      "examples:\n"
	      "  annals code article.txt\n"
	      "  annals code --summary corpus/ > records.jsonl\n"
	      "  annals code --network --roll-up corpus/\n"
	      "  curl -s https://example.org/story.html | annals code -f html -\n",
	      f);
}

static int parse_format(const char *s, annals_format *f)
{
	if (strcmp(s, "auto") == 0)
		*f = ANNALS_FMT_AUTO;
	else if (strcmp(s, "text") == 0 || strcmp(s, "txt") == 0)
		*f = ANNALS_FMT_TEXT;
	else if (strcmp(s, "html") == 0)
		*f = ANNALS_FMT_HTML;
	else if (strcmp(s, "jsonl") == 0)
		*f = ANNALS_FMT_JSONL;
	else
		return -1;
	return 0;
}

/* dt: wall seconds of coding; cpu: CPU seconds of coding (after the
 * dictionary was loaded). */
static void summary(const annals_ctx *ctx, double dt, double cpu)
{
	annals_stats s;
	annals_get_stats(ctx, &s);
	fprintf(stderr,
		"annals: %zu documents, %.2f MB in %.2f s, %.3f CPU s (%.1f MB/s per "
		"CPU second): %zu sentences, %zu mentions of %zu entities, %zu "
		"events, %zu quotations, %zu support claims, %zu incidents; %zu "
		"warnings, %zu errors\n",
		s.docs, (double)s.bytes / 1e6, dt, cpu,
		cpu > 0 ? (double)s.bytes / 1e6 / cpu : 0.0, s.sentences, s.mentions,
		s.entities, s.events, s.quotes, s.support, s.incidents, s.warnings,
		s.errors);
}

/* --timing: CPU seconds and MB/s of each stage. */
static void print_timing(const annals_ctx *ctx)
{
	annals_timing t[16];
	annals_stats s;
	annals_get_stats(ctx, &s);
	int n = annals_get_timing(ctx, t, 16);
	double mb = (double)s.bytes / 1e6, all = 0;
	for (int i = 0; i < n; i++)
		all += t[i].cpu_s;
	fprintf(stderr, "annals: stage        CPU s   share     MB/s   docs/s\n");
	for (int i = 0; i < n; i++)
		fprintf(stderr, "annals: %-10s %7.3f  %5.1f%%  %7.1f  %7.0f\n", t[i].stage,
			t[i].cpu_s, all > 0 ? 100 * t[i].cpu_s / all : 0.0,
			t[i].cpu_s > 0 ? mb / t[i].cpu_s : 0.0,
			t[i].cpu_s > 0 ? (double)s.docs / t[i].cpu_s : 0.0);
	fprintf(stderr, "annals: %-10s %7.3f  100.0%%  %7.1f  %7.0f\n", "all", all,
		all > 0 ? mb / all : 0.0, all > 0 ? (double)s.docs / all : 0.0);
}

static int cmd_code(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, 0, 'f'},
		{"output", required_argument, 0, 'o'},
		{"data", required_argument, 0, 'd'},
		{"no-discovery", no_argument, 0, 'D'},
		{"no-entities", no_argument, 0, 'E'},
		{"no-events", no_argument, 0, 'N'},
		{"explain", no_argument, 0, 'X'},
		{"network", no_argument, 0, 'W'},
		{"roll-up", no_argument, 0, 'R'},
		{"summary", no_argument, 0, 'S'},
		{"threads", required_argument, 0, 'j'},
		{"shard", required_argument, 0, 'H'},
		{"timing", no_argument, 0, 'T'},
		{"quiet", no_argument, 0, 'q'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0}};
	annals_format fmt = ANNALS_FMT_AUTO;
	unsigned threads = 1, shard_i = 0, shard_n = 0;
	int timing = 0;
	const char *outpath = NULL, *data = NULL;
	unsigned flags = 0;
	int want_summary = 0, explain = 0, c;
	cli st = {stdout, 0, 0, 0, 0, NULL};
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:o:d:j:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (parse_format(optarg, &fmt)) {
				fprintf(stderr, "annals: unknown format '%s' (text, html, jsonl or auto)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'o': outpath = optarg; break;
		case 'd': data = optarg; break;
		case 'D': flags |= ANNALS_OPT_NO_DISCOVERY; break;
		case 'E': flags |= ANNALS_OPT_NO_ENTITIES; break;
		case 'N': flags |= ANNALS_OPT_NO_EVENTS; break;
		case 'X': explain = 1; break;
		case 'W': flags |= ANNALS_OPT_NETWORK; break;
		case 'R': flags |= ANNALS_OPT_ROLLUP; break;
		case 'S': want_summary = 1; break;
		case 'j':
			if (an_parse_threads(optarg, &threads))
				return EXIT_USAGE;
			break;
		case 'H':
			if (an_parse_shard(optarg, &shard_i, &shard_n))
				return EXIT_USAGE;
			break;
		case 'T': timing = 1; break;
		case 'q': st.quiet = 1; break;
		case 'h': usage_code(stdout); return EXIT_OK;
		default: usage_code(stderr); return EXIT_USAGE;
		}
	}
	if ((flags & ANNALS_OPT_ROLLUP) && !(flags & ANNALS_OPT_NETWORK)) {
		fprintf(stderr, "annals: --roll-up goes with --network\n"
				"Try 'annals help code'.\n");
		return EXIT_USAGE;
	}
	if ((flags & ANNALS_OPT_NETWORK) && (flags & ANNALS_OPT_NO_EVENTS)) {
		fprintf(stderr, "annals: --network needs events; drop --no-events\n");
		return EXIT_USAGE;
	}
	if (optind >= argc) {
		fprintf(stderr, "annals: code needs at least one input (a file, a directory or -)\n"
				"Try 'annals help code'.\n");
		return EXIT_USAGE;
	}
	if (outpath && !(st.out = fopen(outpath, "w"))) {
		perror(outpath);
		return EXIT_OUTPUT;
	}
	static char obuf[1 << 16];
	setvbuf(st.out, obuf, _IOFBF, sizeof obuf);
	annals_ctx *ctx;
	if (annals_ctx_new(&ctx, data, flags, NULL)) {
		fprintf(stderr, "annals: %s\n", annals_errmsg(ctx));
		annals_ctx_free(ctx);
		return EXIT_DATA;
	}
	st.ctx = ctx;
	if (annals_set_threads(ctx, threads)) {
		fprintf(stderr, "annals: %s\n", annals_errmsg(ctx));
		annals_ctx_free(ctx);
		return EXIT_USAGE;
	}
	annals_set_shard(ctx, shard_i, shard_n);
	annals_set_timing(ctx, timing);
	st.progress = !st.quiet && isatty(2) && (outpath || !isatty(1));
	st.t0 = st.last = now();
	double cpu0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
	annals_set_sink(ctx, on_records, &st);
	annals_set_diag(ctx, on_diag, &st);
	if (explain)
		annals_set_explain(ctx, on_explain, stderr);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	int status = EXIT_OK;
	for (int i = optind; i < argc && !interrupted; i++) {
		int rc = annals_code_path(ctx, argv[i], fmt);
		if (rc == ANNALS_EWRITE && !interrupted) {
			status = EXIT_OUTPUT;
			break;
		}
		if (rc && status == EXIT_OK)
			status = EXIT_INPUT;
	}
	int was_interrupted = interrupted;
	interrupted = 0; /* let the entity records through */
	if (annals_finish(ctx))
		status = EXIT_OUTPUT;
	show_progress(&st, 1);
	if (fflush(st.out) || ferror(st.out)) {
		fprintf(stderr, "annals: cannot write the output\n");
		status = EXIT_OUTPUT;
	}
	if (want_summary)
		summary(ctx, now() - st.t0, clock_s(CLOCK_PROCESS_CPUTIME_ID) - cpu0);
	if (want_summary && timing)
		print_timing(ctx);
	annals_ctx_free(ctx);
	if (outpath)
		fclose(st.out);
	return was_interrupted ? EXIT_INTERRUPTED : status;
}

static void usage_explain(FILE *f)
{
	fputs("usage: annals explain [OPTIONS] TEXT...\n"
	      "\n"
	      "Codes TEXT (the arguments joined by spaces) as one document and shows,\n"
	      "sentence by sentence, the actors found, the patterns that matched, the\n"
	      "source and target chosen, the modality, attribution and date, or why no\n"
	      "event was produced, and the support claims made; then the event\n"
	      "records. To explain whole files,\n"
	      "use 'annals code --explain FILE'.\n"
	      "\n"
	      "options:\n"
	      "      --date YYYY-MM-DD  the document date, for \"yesterday\", \"Friday\"\n"
	      "  -d, --data DIR        dictionary directory\n"
	      "  -h, --help            show this help\n"
	      "\n"
	      "example:\n"
	      "  annals explain --date 2018-01-07 \"Hamas fired rockets at Israel yesterday.\"\n",
	      f);
}

static int print_events(void *ud, const char *data, size_t n)
{
	(void)ud;
	for (const char *p = data, *e; p < data + n; p = e + 1) {
		e = memchr(p, '\n', (size_t)(data + n - p));
		if (!e)
			e = data + n;
		static const char head[] = "{\"type\":\"event\"";
		if ((size_t)(e - p) > sizeof head && !memcmp(p, head, sizeof head - 1))
			printf("%.*s\n", (int)(e - p), p);
	}
	return 0;
}

static int cmd_explain(int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, 0, 'T'},
		{"data", required_argument, 0, 'd'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0}};
	const char *data = NULL, *date = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:h", opts, NULL)) != -1) {
		switch (c) {
		case 'T': date = optarg; break;
		case 'd': data = optarg; break;
		case 'h': usage_explain(stdout); return EXIT_OK;
		default: usage_explain(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "annals: explain needs a text\nTry 'annals help explain'.\n");
		return EXIT_USAGE;
	}
	size_t n = 0;
	for (int i = optind; i < argc; i++)
		n += strlen(argv[i]) + 1;
	char *text = calloc(1, n + 1);
	if (!text)
		return EXIT_DATA;
	for (int i = optind; i < argc; i++) {
		strcat(text, argv[i]);
		if (i + 1 < argc)
			strcat(text, " ");
	}
	annals_ctx *ctx;
	if (annals_ctx_new(&ctx, data, ANNALS_OPT_NO_ENTITIES, NULL)) {
		fprintf(stderr, "annals: %s\n", annals_errmsg(ctx));
		annals_ctx_free(ctx);
		free(text);
		return EXIT_DATA;
	}
	annals_set_explain(ctx, on_explain, stdout);
	annals_set_sink(ctx, print_events, NULL);
	annals_article a = {"text", NULL, date, NULL, text, strlen(text),
			    ANNALS_FMT_TEXT};
	int rc = annals_code_article(ctx, &a);
	annals_finish(ctx);
	annals_ctx_free(ctx);
	free(text);
	return rc ? EXIT_INPUT : EXIT_OK;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
		printf("annals %s\n", annals_version());
		return EXIT_OK;
	}
	if (!strcmp(cmd, "help")) {
		if (argc > 2 && !strcmp(argv[2], "code"))
			usage_code(stdout);
		else if (argc > 2 && !strcmp(argv[2], "explain"))
			usage_explain(stdout);
		else if (argc > 2 && (!strcmp(argv[2], "ingest") || !strcmp(argv[2], "query") ||
				      !strcmp(argv[2], "export")))
			an_usage_store(argv[2], stdout);
		else if (argc > 2 && !strcmp(argv[2], "serve"))
			an_usage_serve(stdout);
		else
			usage(stdout);
		return EXIT_OK;
	}
	if (!strcmp(cmd, "code"))
		return cmd_code(argc - 1, argv + 1);
	if (!strcmp(cmd, "explain"))
		return cmd_explain(argc - 1, argv + 1);
	if (!strcmp(cmd, "ingest"))
		return an_cmd_ingest(argc - 1, argv + 1);
	if (!strcmp(cmd, "query"))
		return an_cmd_query(argc - 1, argv + 1);
	if (!strcmp(cmd, "export"))
		return an_cmd_export(argc - 1, argv + 1);
	if (!strcmp(cmd, "serve"))
		return an_cmd_serve(argc - 1, argv + 1);
	fprintf(stderr, "annals: unknown command '%s'\n", cmd);
	usage(stderr);
	return EXIT_USAGE;
}
