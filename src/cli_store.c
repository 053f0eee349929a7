/*
 * cli_store.c: the store's commands, part of the annals command (main.c
 * dispatches to them): ingest (code into a database, with a progress bar on
 * a terminal and a summary), query (events, quotations, support, an
 * entity, full-text search, counts) and export (CSV, TSV, JSON Lines,
 * GraphML, GEXF, DOT). A thin shell over annals.h, like main.c.
 */
#include <ctype.h>
#include <dirent.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "annals.h"
#include "cli_store.h"


static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *default_db(void)
{
	const char *e = getenv("ANNALS_DB");
	return e && *e ? e : "annals.db";
}

/* ---- ingest ---------------------------------------------------------------- */

typedef struct ingest {
	int bar;            /* a progress bar on standard error */
	int quiet;          /* no warnings */
	double t0, last;
	double total;       /* bytes of the inputs, 0 when unknown */
	annals_store *st;
} ingest;

/* Bytes of the files below path (0 for standard input). */
static double input_bytes(const char *path, int depth)
{
	struct stat sb;
	if (!strcmp(path, "-") || stat(path, &sb) || depth > 32)
		return 0;
	if (!S_ISDIR(sb.st_mode))
		return (double)sb.st_size;
	double n = 0;
	DIR *d = opendir(path);
	struct dirent *de;
	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		char sub[4096];
		snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
		n += input_bytes(sub, depth + 1);
	}
	if (d)
		closedir(d);
	return n;
}

static void draw_bar(ingest *g, const annals_store_stats *s, int final)
{
	double t = now(), dt = t - g->t0, mb = (double)s->bytes / 1e6;
	if (!g->bar || (!final && t - g->last < 0.2))
		return;
	g->last = t;
	double frac = g->total > 0 ? (double)s->bytes / g->total : 0;
	if (frac > 1 || final)
		frac = 1;
	char bar[32];
	int w = 24, fill = (int)(frac * w);
	for (int i = 0; i < w; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[w] = 0;
	double rate = dt > 0 ? mb / dt : 0, eta = 0;
	if (rate > 0 && g->total > 0 && !final)
		eta = (g->total / 1e6 - mb) / rate;
	if (eta < 0)
		eta = 0;
	fprintf(stderr, "\r\033[K[%s] %3.0f%%  %zu documents (%zu skipped)  %.1f MB  "
		"%.1f MB/s  ETA %d:%02d", bar, frac * 100, s->stored + s->skipped,
		s->skipped, mb, rate, (int)eta / 60, (int)eta % 60);
	if (final)
		fputc('\n', stderr);
}

static int on_progress(void *ud, const annals_store_stats *s)
{
	draw_bar(ud, s, 0);
	return interrupted;
}

static void on_diag(void *ud, int sev, const char *file, long line, long byte,
		    const char *msg)
{
	ingest *g = ud;
	if (sev == ANNALS_WARNING && g->quiet)
		return;
	const char *sv = sev == ANNALS_WARNING ? "warning: " : "";
	if (g->bar)
		fputs("\r\033[K", stderr);
	if (file && line > 0)
		fprintf(stderr, "annals: %s:%ld: %s%s\n", file, line, sv, msg);
	else if (file && byte >= 0)
		fprintf(stderr, "annals: %s: byte %ld: %s%s\n", file, byte, sv, msg);
	else
		fprintf(stderr, "annals: %s%s%s%s\n", file ? file : "", file ? ": " : "", sv, msg);
}

int an_parse_shard(const char *s, unsigned *i, unsigned *n)
{
	char *e;
	unsigned long a = strtoul(s, &e, 10), b = 0;
	int ok = e != s && *e == '/' && isdigit((unsigned char)e[1]);
	if (ok) {
		b = strtoul(e + 1, &e, 10);
		ok = !*e && b >= 1 && b <= 1000000 && a < b;
	}
	if (!ok) {
		fprintf(stderr, "annals: --shard needs I/N with 0 <= I < N (as 3/8), not '%s'\n", s);
		return -1;
	}
	*i = (unsigned)a;
	*n = (unsigned)b;
	return 0;
}

int an_parse_threads(const char *s, unsigned *n)
{
	char *e;
	unsigned long v = strtoul(s, &e, 10);
	if (e == s || *e || v > 256 || *s == '-') {
		fprintf(stderr, "annals: --threads needs a number from 0 to 256, not '%s'\n", s);
		return -1;
	}
	*n = (unsigned)v;
	return 0;
}

static void usage_ingest(FILE *f)
{
	fputs("usage: annals ingest [OPTIONS] FILE|DIR|- ...\n"
	      "\n"
	      "Codes articles (as 'annals code' does) and stores documents with their\n"
	      "text, sentences (with a full-text index), entities, mentions, events,\n"
	      "quotations and support claims in a database. A document already stored\n"
	      "with the same content and the same dictionary is skipped; one whose text\n"
	      "or dictionary changed is recoded and replaced. Documents are committed\n"
	      "in batches; a crash or a kill loses at most the open batch and leaves\n"
	      "the database consistent, and running the same command again finishes\n"
	      "the job. A progress bar shows on a terminal; a summary at the end.\n"
	      "\n"
	      "options:\n"
	      "      --db FILE|URL     the database (default: $ANNALS_DB, else ./annals.db);\n"
	      "                        postgresql://... for PostgreSQL\n"
	      "  -f, --format FMT      read inputs as text, html or jsonl (default: auto)\n"
	      "  -d, --data DIR        dictionary directory\n"
	      "      --no-discovery    dictionary matches only\n"
	      "      --batch N         documents per transaction (default 500)\n"
	      "      --shard I/N       store only shard I of N (0 <= I < N): the\n"
	      "                        documents whose id hashes to I, as 'annals code\n"
	      "                        --shard' picks them; N ingests, one per shard\n"
	      "                        and host, fill one database\n"
	      "  -q, --quiet           no progress bar and no summary\n"
	      "  -h, --help            show this help\n"
	      "\n"
	      "exit status:\n"
	      "  0    every input was coded and stored\n"
	      "  1    some input could not be read or was malformed (the rest is stored)\n"
	      "  2    bad command line\n"
	      "  3    the dictionary could not be loaded\n"
	      "  4    the database could not be opened or written (read-only, full,\n"
	      "       another schema version); what was committed before stays\n"
	      "  130  interrupted; the documents finished so far are stored\n"
	      "\n"
	      "examples:\n"
	      "  annals ingest corpus/\n"
	      "  annals ingest --db news.db articles.jsonl more/*.html\n"
	      "  annals ingest --db postgresql://localhost/annals corpus/\n",
	      f);
}

static int parse_format(const char *s, annals_format *f)
{
	static const struct { const char *name; annals_format f; } fm[] = {
		{"auto", ANNALS_FMT_AUTO}, {"text", ANNALS_FMT_TEXT},
		{"txt", ANNALS_FMT_TEXT}, {"html", ANNALS_FMT_HTML},
		{"jsonl", ANNALS_FMT_JSONL}};
	for (size_t i = 0; i < sizeof fm / sizeof *fm; i++)
		if (!strcmp(s, fm[i].name)) {
			*f = fm[i].f;
			return 0;
		}
	return -1;
}

static void ingest_summary(const char *db, const annals_store_stats *s, double dt)
{
	struct stat sb;
	fprintf(stderr, "annals: %zu documents stored (%zu recoded), %zu already stored "
		"and skipped, %zu skipped for a duplicate id; %.2f MB in %.2f s (%.2f MB/s), "
		"%zu records, %zu commits",
		s->stored, s->replaced, s->skipped, s->duplicates, (double)s->bytes / 1e6, dt,
		dt > 0 ? (double)s->bytes / 1e6 / dt : 0.0, s->records, s->commits);
	if (strncmp(db, "postgres", 8) && stat(db, &sb) == 0)
		fprintf(stderr, "; %s is %.1f MB", db, (double)sb.st_size / 1e6);
	fputc('\n', stderr);
}

int an_cmd_ingest(int argc, char **argv)
{
	static const struct option opts[] = {
		{"db", required_argument, 0, 'B'},
		{"format", required_argument, 0, 'f'},
		{"data", required_argument, 0, 'd'},
		{"no-discovery", no_argument, 0, 'D'},
		{"batch", required_argument, 0, 'n'},
		{"shard", required_argument, 0, 'H'},
		{"quiet", no_argument, 0, 'q'},
		{"help", no_argument, 0, 'h'},
		{0, 0, 0, 0}};
	annals_format fmt = ANNALS_FMT_AUTO;
	const char *db = default_db(), *data = NULL;
	unsigned flags = 0;
	long batch = 500;
	unsigned shard_i = 0, shard_n = 0;
	int quiet = 0, c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "f:d:qh", opts, NULL)) != -1) {
		switch (c) {
		case 'B': db = optarg; break;
		case 'f':
			if (parse_format(optarg, &fmt)) {
				fprintf(stderr, "annals: unknown format '%s' (text, html, jsonl or auto)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'd': data = optarg; break;
		case 'D': flags |= ANNALS_OPT_NO_DISCOVERY; break;
		case 'n': batch = atol(optarg); break;
		case 'H':
			if (an_parse_shard(optarg, &shard_i, &shard_n))
				return EXIT_USAGE;
			break;
		case 'q': quiet = 1; break;
		case 'h': usage_ingest(stdout); return EXIT_OK;
		default: usage_ingest(stderr); return EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "annals: ingest needs at least one input (a file, a directory or -)\n"
				"Try 'annals help ingest'.\n");
		return EXIT_USAGE;
	}
	if (batch < 1) {
		fprintf(stderr, "annals: --batch needs a positive number\n");
		return EXIT_USAGE;
	}
	annals_ctx *ctx;
	if (annals_ctx_new(&ctx, data, flags, NULL)) {
		fprintf(stderr, "annals: %s\n", annals_errmsg(ctx));
		annals_ctx_free(ctx);
		return EXIT_DATA;
	}
	annals_store *st;
	if (annals_store_open(&st, db, 0) || annals_store_attach(st, ctx)) {
		fprintf(stderr, "annals: %s\n", annals_store_errmsg(st));
		annals_store_free(st);
		annals_ctx_free(ctx);
		return EXIT_OUTPUT;
	}
	annals_set_shard(ctx, shard_i, shard_n);
	ingest g = {!quiet && isatty(2), quiet, now(), 0, 0, st};
	for (int i = optind; i < argc && g.bar; i++)
		g.total += input_bytes(argv[i], 0);
	annals_store_set_batch(st, (size_t)batch, 1000);
	annals_store_set_progress(st, on_progress, &g);
	annals_set_diag(ctx, on_diag, &g);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	int status = EXIT_OK;
	for (int i = optind; i < argc && !interrupted; i++) {
		int rc = annals_code_path(ctx, argv[i], fmt);
		if (rc == ANNALS_EWRITE && !interrupted) {
			status = EXIT_OUTPUT;
			break;
		}
		if (rc && rc != ANNALS_EWRITE && status == EXIT_OK)
			status = EXIT_INPUT;
	}
	if (annals_store_commit(st))
		status = EXIT_OUTPUT;
	annals_store_stats s;
	annals_store_get_stats(st, &s);
	draw_bar(&g, &s, 1);
	if (status == EXIT_OUTPUT)
		fprintf(stderr, "annals: %s\n", annals_store_errmsg(st));
	annals_store_free(st); /* checkpoints: the file shows its size */
	annals_ctx_free(ctx);
	if (!quiet)
		ingest_summary(db, &s, now() - g.t0);
	return interrupted ? EXIT_INTERRUPTED : status;
}

/* ---- query and export ------------------------------------------------------------ */

static int to_stdout(void *ud, const char *p, size_t n)
{
	return fwrite(p, 1, n, ud) != n;
}

static void usage_query(FILE *f)
{
	fputs("usage: annals query WHAT [OPTIONS]\n"
	      "\n"
	      "Answers questions from a database made by 'annals ingest'. WHAT is:\n"
	      "  events [ACTOR]        events, with the filters below\n"
	      "  quotes [SPEAKER]      quotations, by speaker\n"
	      "  support [ACTOR]       the support network: who backs whom, how, when,\n"
	      "                        in how many documents, with the evidence\n"
	      "  entity NAME           an entity's profile: aliases, roles, hierarchy,\n"
	      "                        counts, first and last seen, first mention\n"
	      "  search TEXT...        sentences holding all the words (a \"quoted\n"
	      "                        phrase\" as written), best first, with snippets\n"
	      "  stats                 how much the database holds\n"
	      "Actors are entity ids, names or aliases, in any case (iran, \"Qassem\n"
	      "Soleimani\"). Output is a table; with --json the JSON Lines records of\n"
	      "'annals code' (events, quotes, support; an entity record with its\n"
	      "profile; a sentence record per search hit), always with the document\n"
	      "and byte offsets of the evidence.\n"
	      "\n"
	      "options:\n"
	      "      --db FILE|URL     the database (default: $ANNALS_DB, else ./annals.db)\n"
	      "      --json            JSON Lines instead of a table\n"
	      "  -a, --actor NAME      events: source or target; quotes: speaker;\n"
	      "                        support: sponsor or recipient\n"
	      "  -s, --source NAME     events: the source; support: the sponsor\n"
	      "  -t, --target NAME     events: the target; support: the recipient;\n"
	      "                        quotes: the addressee\n"
	      "      --roll-up         actors include everything below them in the\n"
	      "                        hierarchy (iran: its forces, their commanders)\n"
	      "  -c, --code CODE       events: CAMEO code or prefix (19, 072)\n"
	      "      --root RR         events: CAMEO root code (two digits)\n"
	      "      --from DATE       on or after DATE (2017, 2017-12, 2017-12-28)\n"
	      "      --to DATE         on or before DATE, at its precision\n"
	      "      --place NAME      events: the location\n"
	      "  -m, --modality M      events: asserted, reported, claimed, negated,\n"
	      "                        hypothetical\n"
	      "  -k, --kind KIND       support: weapons, funding, training, expertise,\n"
	      "                        materiel, troops, territory, intelligence,\n"
	      "                        political, unspecified\n"
	      "      --doc ID          only this document\n"
	      "  -n, --limit N         at most N results\n"
	      "  -h, --help            show this help\n"
	      "\n"
	      "exit status:\n"
	      "  0    answered (possibly with nothing found)\n"
	      "  1    the database could not be read (missing, another schema version)\n"
	      "  2    bad command line, or an actor the database does not know\n"
	      "  4    the output could not be written\n"
	      "\n"
	      "examples:\n"
	      "  annals query events iran --roll-up --root 07\n"
	      "  annals query events --source hamas --target israel --from 2021-05 --to 2021-05\n"
	      "  annals query quotes \"Esmail Qaani\" --json\n"
	      "  annals query support --kind weapons\n"
	      "  annals query entity \"Qassem Soleimani\"\n"
	      "  annals query search rockets Gaza\n",
	      f);
}

static void usage_export(FILE *f)
{
	fputs("usage: annals export FORMAT [OPTIONS]\n"
	      "\n"
	      "Writes what a database holds for the tools users already have:\n"
	      "  csv, tsv              events, one a row, in the column order of the\n"
	      "                        Phoenix/GDELT-style event datasets (EventID, Date,\n"
	      "                        Year, Month, Day, SourceActorFull, ... NewsSources),\n"
	      "                        then Modality, Attribution, SourceID, TargetID,\n"
	      "                        LocationID, DocID, Start, End; with --quotes or\n"
	      "                        --support those tables instead\n"
	      "  jsonl                 every record as 'annals code' writes it: documents,\n"
	      "                        mentions, events, quotes, then entities and support\n"
	      "  graphml, gexf, dot    the support network (sponsor -> recipient, an edge\n"
	      "                        per kind, with first and last dates; GEXF edges\n"
	      "                        carry start and end for Gephi's timeline); with\n"
	      "                        --events the event network (an edge per source,\n"
	      "                        target and root code)\n"
	      "\n"
	      "options:\n"
	      "      --db FILE|URL     the database (default: $ANNALS_DB, else ./annals.db)\n"
	      "  -o, --output FILE     write to FILE instead of standard output\n"
	      "      --events, --quotes, --support   what to export (see above)\n"
	      "  the filters of 'annals query' (--actor, --source, --target, --roll-up,\n"
	      "  --code, --root, --from, --to, --place, --modality, --kind, --doc)\n"
	      "  -h, --help            show this help\n"
	      "\n"
	      "exit status: as 'annals query'.\n"
	      "\n"
	      "examples:\n"
	      "  annals export csv > events.csv\n"
	      "  annals export gexf -o support.gexf\n"
	      "  annals export dot --events --actor iran --roll-up | dot -Tsvg > iran.svg\n"
	      "  annals export jsonl --db postgresql://localhost/annals > all.jsonl\n",
	      f);
}

static const struct option query_opts[] = {
	{"db", required_argument, 0, 'B'},
	{"json", no_argument, 0, 'J'},
	{"actor", required_argument, 0, 'a'},
	{"speaker", required_argument, 0, 'a'},
	{"source", required_argument, 0, 's'},
	{"target", required_argument, 0, 't'},
	{"roll-up", no_argument, 0, 'R'},
	{"code", required_argument, 0, 'c'},
	{"root", required_argument, 0, 'r'},
	{"from", required_argument, 0, 'F'},
	{"to", required_argument, 0, 'T'},
	{"place", required_argument, 0, 'p'},
	{"modality", required_argument, 0, 'm'},
	{"kind", required_argument, 0, 'k'},
	{"doc", required_argument, 0, 'O'},
	{"limit", required_argument, 0, 'n'},
	{"output", required_argument, 0, 'o'},
	{"events", no_argument, 0, 'E'},
	{"quotes", no_argument, 0, 'Q'},
	{"support", no_argument, 0, 'S'},
	{"help", no_argument, 0, 'h'},
	{0, 0, 0, 0}};

typedef struct qargs {
	annals_query q;
	const char *db, *output;
	int json;
	int what; /* export: 'E', 'Q' or 'S' */
} qargs;

/* Parses the shared options; returns -1 after printing help (0 exit) or
 * -2 on a bad option. */
static int parse_query(int argc, char **argv, qargs *a, void (*usage)(FILE *))
{
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "a:s:t:c:m:k:n:o:h", query_opts, NULL)) != -1) {
		switch (c) {
		case 'B': a->db = optarg; break;
		case 'J': a->json = 1; break;
		case 'a': a->q.actor = optarg; break;
		case 's': a->q.source = optarg; break;
		case 't': a->q.target = optarg; break;
		case 'R': a->q.rollup = 1; break;
		case 'c': a->q.code = optarg; break;
		case 'r': a->q.root = optarg; break;
		case 'F': a->q.from = optarg; break;
		case 'T': a->q.to = optarg; break;
		case 'p': a->q.place = optarg; break;
		case 'm': a->q.modality = optarg; break;
		case 'k': a->q.support_kind = optarg; break;
		case 'O': a->q.doc = optarg; break;
		case 'n': a->q.limit = atol(optarg); break;
		case 'o': a->output = optarg; break;
		case 'E': case 'Q': case 'S': a->what = c; break;
		case 'h': usage(stdout); return -1;
		default: usage(stderr); return -2;
		}
	}
	return 0;
}

/* Opens the database read-only, runs the query and reports errors. */
static int run_query(qargs *a, annals_output out)
{
	annals_store *st;
	int rc = annals_store_open(&st, a->db, ANNALS_STORE_READONLY);
	if (rc) {
		fprintf(stderr, "annals: %s\n", annals_store_errmsg(st));
		annals_store_free(st);
		return EXIT_INPUT;
	}
	FILE *f = stdout;
	if (a->output && !(f = fopen(a->output, "w"))) {
		perror(a->output);
		annals_store_free(st);
		return EXIT_OUTPUT;
	}
	rc = annals_store_query(st, &a->q, out, to_stdout, f);
	int status = EXIT_OK;
	if (rc == ANNALS_EUSAGE)
		status = EXIT_USAGE;
	else if (rc == ANNALS_EWRITE)
		status = EXIT_OUTPUT;
	else if (rc)
		status = EXIT_INPUT;
	if (rc)
		fprintf(stderr, "annals: %s\n", annals_store_errmsg(st));
	if ((fflush(f) || ferror(f)) && !status) {
		fprintf(stderr, "annals: cannot write the output\n");
		status = EXIT_OUTPUT;
	}
	if (a->output)
		fclose(f);
	annals_store_free(st);
	return status;
}

/* The words after WHAT joined by spaces (a static buffer). */
static const char *join_args(int argc, char **argv, int from)
{
	static char buf[4096];
	buf[0] = 0;
	for (int i = from; i < argc; i++) {
		if (i > from)
			strncat(buf, " ", sizeof buf - strlen(buf) - 1);
		strncat(buf, argv[i], sizeof buf - strlen(buf) - 1);
	}
	return buf;
}

int an_cmd_query(int argc, char **argv)
{
	static const struct { const char *name; annals_query_kind k; } whats[] = {
		{"events", ANNALS_Q_EVENTS}, {"quotes", ANNALS_Q_QUOTES},
		{"support", ANNALS_Q_SUPPORT}, {"entity", ANNALS_Q_ENTITY},
		{"search", ANNALS_Q_SEARCH}, {"stats", ANNALS_Q_STATS}};
	qargs a = {{0}, default_db(), NULL, 0, 0};
	int r = parse_query(argc, argv, &a, usage_query);
	if (r)
		return r == -1 ? EXIT_OK : EXIT_USAGE;
	if (optind >= argc) {
		fprintf(stderr, "annals: query what? (events, quotes, support, entity NAME, "
				"search TEXT, stats)\nTry 'annals help query'.\n");
		return EXIT_USAGE;
	}
	const char *what = argv[optind];
	size_t i = 0;
	while (i < sizeof whats / sizeof *whats && strcmp(whats[i].name, what))
		i++;
	if (i == sizeof whats / sizeof *whats) {
		fprintf(stderr, "annals: cannot query '%s' (events, quotes, support, entity, "
				"search, stats)\n", what);
		return EXIT_USAGE;
	}
	a.q.kind = whats[i].k;
	const char *rest = optind + 1 < argc ? join_args(argc, argv, optind + 1) : NULL;
	if (a.q.kind == ANNALS_Q_SEARCH)
		a.q.text = rest;
	else if (rest && !a.q.actor)
		a.q.actor = rest;
	if ((a.q.kind == ANNALS_Q_ENTITY && !a.q.actor) ||
	    (a.q.kind == ANNALS_Q_SEARCH && !a.q.text)) {
		fprintf(stderr, "annals: query %s needs %s\n", what,
			a.q.kind == ANNALS_Q_ENTITY ? "a NAME" : "words to search for");
		return EXIT_USAGE;
	}
	return run_query(&a, a.json ? ANNALS_OUT_JSON : ANNALS_OUT_TABLE);
}

int an_cmd_export(int argc, char **argv)
{
	static const struct { const char *name; annals_output out; } fmts[] = {
		{"csv", ANNALS_OUT_CSV}, {"tsv", ANNALS_OUT_TSV}, {"jsonl", ANNALS_OUT_JSON},
		{"graphml", ANNALS_OUT_GRAPHML}, {"gexf", ANNALS_OUT_GEXF},
		{"dot", ANNALS_OUT_DOT}};
	qargs a = {{0}, default_db(), NULL, 0, 0};
	int r = parse_query(argc, argv, &a, usage_export);
	if (r)
		return r == -1 ? EXIT_OK : EXIT_USAGE;
	if (optind >= argc) {
		fprintf(stderr, "annals: export needs a format (csv, tsv, jsonl, graphml, gexf, "
				"dot)\nTry 'annals help export'.\n");
		return EXIT_USAGE;
	}
	size_t i = 0;
	while (i < sizeof fmts / sizeof *fmts && strcmp(fmts[i].name, argv[optind]))
		i++;
	if (i == sizeof fmts / sizeof *fmts) {
		fprintf(stderr, "annals: unknown export format '%s' (csv, tsv, jsonl, graphml, "
				"gexf, dot)\n", argv[optind]);
		return EXIT_USAGE;
	}
	annals_output out = fmts[i].out;
	int graph = out == ANNALS_OUT_GRAPHML || out == ANNALS_OUT_GEXF || out == ANNALS_OUT_DOT;
	if (out == ANNALS_OUT_JSON)
		a.q.kind = a.what == 'E' ? ANNALS_Q_EVENTS : a.what == 'Q' ? ANNALS_Q_QUOTES
			 : a.what == 'S' ? ANNALS_Q_SUPPORT : ANNALS_Q_RECORDS;
	else if (graph)
		a.q.kind = a.what == 'E' ? ANNALS_Q_EVENTS : ANNALS_Q_SUPPORT;
	else
		a.q.kind = a.what == 'Q' ? ANNALS_Q_QUOTES : a.what == 'S' ? ANNALS_Q_SUPPORT
			 : ANNALS_Q_EVENTS;
	if (graph && a.what == 'Q') {
		fprintf(stderr, "annals: quotations have no graph format\n");
		return EXIT_USAGE;
	}
	return run_query(&a, out);
}

void an_usage_store(const char *cmd, FILE *f)
{
	if (!strcmp(cmd, "ingest"))
		usage_ingest(f);
	else if (!strcmp(cmd, "query"))
		usage_query(f);
	else
		usage_export(f);
}
