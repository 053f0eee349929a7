/*
 * serve.c: `annals serve`, an HTTP server (libmicrohttpd, a thread pool)
 * over a store opened read-only: the JSON API of serve_api.c under /api/
 * and one web page with its scripts. The page's files are a fixed list,
 * read into memory at start from the web directory (web/ of the source
 * tree, built in; --web or $ANNALS_WEB), with the front-end libraries
 * that `make web` installs from npm into web/node_modules; no path of a
 * request ever reaches the file system. Every answer carries a
 * Content-Security-Policy (scripts and styles from the server only),
 * nosniff and no framing; requests are GET or HEAD without a body, with
 * headers of bounded size, a connection timeout, and a time limit on each
 * query. Bound to 127.0.0.1 unless told otherwise; then a request must
 * also name the server's own host (no DNS rebinding).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli_store.h"
#include "serve.h"

#ifndef ANNALS_WEBDIR
#define ANNALS_WEBDIR "web"
#endif


#define ASSET_MAX (16u << 20) /* bytes of one asset file at most */

static const char CSP[] =
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
	"frame-ancestors 'none'";

/* The files of the page: URL path, file below the web directory, type. */
typedef struct asset {
	const char *url, *file, *type;
	char *data;
	size_t len;
} asset;

static asset assets[] = {
	{"/", "index.html", "text/html; charset=utf-8", NULL, 0},
	{"/app.js", "app.js", "text/javascript; charset=utf-8", NULL, 0},
	{"/app.css", "app.css", "text/css; charset=utf-8", NULL, 0},
	{"/favicon.svg", "favicon.svg", "image/svg+xml", NULL, 0},
	{"/lib/cytoscape.min.js", "node_modules/cytoscape/dist/cytoscape.min.js",
	 "text/javascript; charset=utf-8", NULL, 0},
	{"/lib/moment.min.js", "node_modules/moment/min/moment.min.js",
	 "text/javascript; charset=utf-8", NULL, 0},
	{"/lib/vis-data.min.js", "node_modules/vis-data/peer/umd/vis-data.min.js",
	 "text/javascript; charset=utf-8", NULL, 0},
	{"/lib/vis-timeline.min.js",
	 "node_modules/vis-timeline/peer/umd/vis-timeline-graph2d.min.js",
	 "text/javascript; charset=utf-8", NULL, 0},
	{"/lib/vis-timeline.min.css",
	 "node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css",
	 "text/css; charset=utf-8", NULL, 0},
};
#define NASSETS (sizeof assets / sizeof *assets)

typedef struct server {
	annals_store **pool; /* one read-only connection per thread */
	int npool, nfree;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int check_host;      /* loopback: the Host header must be ours */
	char bind[64];
	int log;             /* a line per request on standard error */
} server;

/* ---- assets -------------------------------------------------------------------- */

static int read_file(const char *path, char **data, size_t *len, char *err, size_t cap)
{
	FILE *f = fopen(path, "rb");
	struct stat sb;
	if (!f || fstat(fileno(f), &sb) || !S_ISREG(sb.st_mode) ||
	    (size_t)sb.st_size > ASSET_MAX) {
		snprintf(err, cap, "%s: %s", path, !f ? strerror(errno)
				: "not a regular file of at most 16 MiB");
		if (f)
			fclose(f);
		return -1;
	}
	*len = (size_t)sb.st_size;
	*data = malloc(*len + 1);
	int rc = *data && fread(*data, 1, *len, f) == *len ? 0 : -1;
	fclose(f);
	if (rc)
		snprintf(err, cap, "%s: cannot read", path);
	return rc;
}

/* Loads every asset from dir; a message naming the first missing one. */
static int load_assets(const char *dir, char *err, size_t cap)
{
	for (size_t i = 0; i < NASSETS; i++) {
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, assets[i].file);
		if (read_file(path, &assets[i].data, &assets[i].len, err, cap)) {
			if (strstr(assets[i].file, "node_modules/"))
				snprintf(err + strlen(err), cap - strlen(err),
					 " (the front-end libraries are installed by 'make web')");
			return -1;
		}
	}
	return 0;
}

static void free_assets(void)
{
	for (size_t i = 0; i < NASSETS; i++) {
		free(assets[i].data);
		assets[i].data = NULL;
	}
}

/* ---- the store pool -------------------------------------------------------------- */

static annals_store *take_store(server *sv)
{
	pthread_mutex_lock(&sv->mu);
	while (!sv->nfree)
		pthread_cond_wait(&sv->cv, &sv->mu);
	annals_store *st = sv->pool[--sv->nfree];
	pthread_mutex_unlock(&sv->mu);
	return st;
}

static void give_store(server *sv, annals_store *st)
{
	pthread_mutex_lock(&sv->mu);
	sv->pool[sv->nfree++] = st;
	pthread_cond_signal(&sv->cv);
	pthread_mutex_unlock(&sv->mu);
}

static int open_pool(server *sv, const char *db, int n, unsigned timeout_ms)
{
	sv->pool = calloc((size_t)n, sizeof *sv->pool);
	for (int i = 0; i < n; i++) {
		annals_store *st;
		if (annals_store_open(&st, db, ANNALS_STORE_READONLY)) {
			fprintf(stderr, "annals: %s\n", annals_store_errmsg(st));
			annals_store_free(st);
			return -1;
		}
		annals_store_set_timeout(st, timeout_ms);
		sv->pool[sv->npool++] = st;
	}
	sv->nfree = sv->npool;
	return 0;
}

static void close_pool(server *sv)
{
	for (int i = 0; i < sv->npool; i++)
		annals_store_free(sv->pool[i]);
	free(sv->pool);
}

/* ---- answering -------------------------------------------------------------------- */

static void security_headers(struct MHD_Response *r, const char *type, int api)
{
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Content-Security-Policy", CSP);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cross-Origin-Resource-Policy", "same-origin");
	MHD_add_response_header(r, "Cache-Control", api ? "no-store" : "no-cache");
}

/* Sends a JSON reply (the body is copied). */
static enum MHD_Result send_json(struct MHD_Connection *c, sv_reply *rep)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(
		rep->body.len, rep->body.p ? rep->body.p : (char *)"", MHD_RESPMEM_MUST_COPY);
	if (!r)
		return MHD_NO;
	security_headers(r, "application/json; charset=utf-8", 1);
	if (rep->status == 405)
		MHD_add_response_header(r, "Allow", "GET, HEAD");
	enum MHD_Result ok = MHD_queue_response(c, (unsigned)rep->status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg)
{
	sv_reply rep = {0, {0}};
	an_api_error(&rep, status, msg);
	enum MHD_Result ok = send_json(c, &rep);
	sv_free(&rep.body);
	return ok;
}

static enum MHD_Result send_asset(struct MHD_Connection *c, const asset *a)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(a->len, a->data,
								 MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	security_headers(r, a->type, 0);
	enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ok;
}

typedef struct params {
	sv_param p[SV_MAX_PARAMS];
	int n, overflow;
} params;

static enum MHD_Result collect(void *ud, enum MHD_ValueKind kind, const char *key,
			       const char *val)
{
	(void)kind;
	params *ps = ud;
	if (ps->n == SV_MAX_PARAMS) {
		ps->overflow = 1;
		return MHD_NO;
	}
	ps->p[ps->n++] = (sv_param){key, val};
	return MHD_YES;
}

static int hexdigit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes %XX in a path or a parameter in place, except %00: a NUL
 * would cut the string short of what was asked ("/app.js%00.html"), so
 * it stays as written and matches nothing. */
static size_t unescape(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	char *w = s;
	for (const char *r = s; *r; r++) {
		int hi, lo;
		if (r[0] == '%' && (hi = hexdigit(r[1])) >= 0 && (lo = hexdigit(r[2])) >= 0 &&
		    (hi || lo)) {
			*w++ = (char)(hi << 4 | lo);
			r += 2;
		} else {
			*w++ = *r;
		}
	}
	*w = 0;
	return (size_t)(w - s);
}

/* Whether the Host header names this server (loopback only). */
static int host_ok(server *sv, struct MHD_Connection *c)
{
	if (!sv->check_host)
		return 1;
	const char *h = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
	if (!h)
		return 0;
	size_t n = strcspn(h, h[0] == '[' ? "]" : ":");
	if (h[0] == '[')
		n++;
	static const char *const ok[] = {"localhost", "127.0.0.1", "[::1]"};
	for (size_t i = 0; i < sizeof ok / sizeof *ok; i++)
		if (strlen(ok[i]) == n && !strncmp(h, ok[i], n))
			return 1;
	return strlen(sv->bind) == n && !strncmp(h, sv->bind, n);
}

static enum MHD_Result api(server *sv, struct MHD_Connection *c, const char *path)
{
	params ps = {0};
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, &ps);
	if (ps.overflow)
		return send_error(c, 400, "too many parameters");
	sv_reply rep = {0, {0}};
	annals_store *st = take_store(sv);
	an_api_answer(st, path, ps.p, ps.n, &rep);
	give_store(sv, st);
	enum MHD_Result ok = send_json(c, &rep);
	if (sv->log)
		fprintf(stderr, "annals: GET /api/%s %d %zu bytes\n", path, rep.status,
			rep.body.len);
	sv_free(&rep.body);
	return ok;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version,
				  const char *upload, size_t *upload_size, void **con_cls)
{
	(void)version;
	(void)upload;
	server *sv = cls;
	if (!*con_cls) {
		/* the headers are in: refuse what is not a plain GET or HEAD
		 * before any body is read; answer at the next call */
		*con_cls = sv;
		if (strcmp(method, "GET") && strcmp(method, "HEAD"))
			return send_error(c, 405, "only GET and HEAD");
		const char *n = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		if ((n && strcmp(n, "0")) ||
		    MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding"))
			return send_error(c, 413, "requests have no body");
		return MHD_YES;
	}
	if (*upload_size) {
		*upload_size = 0; /* not reached: a body was refused above */
		return MHD_YES;
	}
	if (!host_ok(sv, c))
		return send_error(c, 421, "this server answers to its own address only");
	if (!strncmp(url, "/api/", 5))
		return api(sv, c, url + 5);
	for (size_t i = 0; i < NASSETS; i++)
		if (!strcmp(url, assets[i].url))
			return send_asset(c, &assets[i]);
	if (!strcmp(url, "/index.html"))
		return send_asset(c, &assets[0]);
	return send_error(c, 404, "no such page");
}

/* ---- the command ------------------------------------------------------------------- */

void an_usage_serve(FILE *f)
{
	fputs("usage: annals serve [OPTIONS]\n"
	      "\n"
	      "Serves a database made by 'annals ingest' as a web page to explore\n"
	      "(the support and event networks, a timeline of events for the actors\n"
	      "chosen, an entity's page, the evidence of every record highlighted in\n"
	      "its document, full-text search) and as a JSON API under /api/: stats,\n"
	      "search?q=, entities?q=&kind=, entities/ID, events, quotes and support\n"
	      "(the filters of 'annals query': actor, source, target, code, root,\n"
	      "from, to, place, modality, kind, doc, roll_up), network?of=support|events,\n"
	      "documents/ID; lists take limit (capped) and offset. The database is\n"
	      "opened read-only. Stop with Ctrl-C.\n"
	      "\n"
	      "options:\n"
	      "      --db FILE|URL     the database (default: $ANNALS_DB, else ./annals.db)\n"
	      "  -p, --port N          the TCP port (default 8080; 0: any free port)\n"
	      "      --bind ADDR       the IPv4 address to listen on (default 127.0.0.1;\n"
	      "                        anything else exposes the data to the network)\n"
	      "      --web DIR         the page's files (default: built in, or $ANNALS_WEB)\n"
	      "      --threads N       worker threads and database connections (default 4)\n"
	      "      --timeout MS      time limit of one query (default 5000)\n"
	      "      --log             a line per API request on standard error\n"
	      "  -h, --help            show this help\n"
	      "\n"
	      "The first line on standard output is the address it serves:\n"
	      "  annals: serving annals.db at http://127.0.0.1:8080/\n"
	      "\n"
	      "exit status:\n"
	      "  0    stopped by SIGINT or SIGTERM\n"
	      "  1    the database could not be opened (missing, another schema version)\n"
	      "  2    bad command line\n"
	      "  3    the page's files are missing (run 'make web')\n"
	      "  4    the server could not listen (the port is taken)\n"
	      "\n"
	      "examples:\n"
	      "  annals serve --db news.db\n"
	      "  annals serve --db postgresql://localhost/annals --port 9000\n",
	      f);
}

typedef struct serve_opts {
	const char *db, *web, *bind;
	long port, threads, timeout;
	int log;
} serve_opts;

static int parse_opts(int argc, char **argv, serve_opts *o)
{
	static const struct option opts[] = {
		{"db", required_argument, 0, 'B'}, {"port", required_argument, 0, 'p'},
		{"bind", required_argument, 0, 'b'}, {"web", required_argument, 0, 'w'},
		{"threads", required_argument, 0, 't'}, {"timeout", required_argument, 0, 'T'},
		{"log", no_argument, 0, 'L'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "p:h", opts, NULL)) != -1) {
		char *end = NULL;
		switch (c) {
		case 'B': o->db = optarg; break;
		case 'b': o->bind = optarg; break;
		case 'w': o->web = optarg; break;
		case 'L': o->log = 1; break;
		case 'p': o->port = strtol(optarg, &end, 10); break;
		case 't': o->threads = strtol(optarg, &end, 10); break;
		case 'T': o->timeout = strtol(optarg, &end, 10); break;
		case 'h': an_usage_serve(stdout); return -1;
		default: an_usage_serve(stderr); return -2;
		}
		if (end && *end) {
			fprintf(stderr, "annals: '%s' is not a number\n", optarg);
			return -2;
		}
	}
	if (optind < argc || o->port < 0 || o->port > 65535 || o->threads < 1 ||
	    o->threads > 64 || o->timeout < 0 || o->timeout > 3600000) {
		fprintf(stderr, "annals: serve takes no arguments; --port 0..65535, --threads "
				"1..64, --timeout 0..3600000\nTry 'annals help serve'.\n");
		return -2;
	}
	return 0;
}

/* Starts the daemon on o's address; NULL with a message on failure. */
static struct MHD_Daemon *start(server *sv, const serve_opts *o)
{
	struct sockaddr_in addr = {0};
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)o->port);
	if (inet_pton(AF_INET, o->bind, &addr.sin_addr) != 1) {
		fprintf(stderr, "annals: --bind: '%s' is not an IPv4 address\n", o->bind);
		return NULL;
	}
	snprintf(sv->bind, sizeof sv->bind, "%s", o->bind);
	sv->check_host = (ntohl(addr.sin_addr.s_addr) >> 24) == 127;
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG,
		(uint16_t)o->port, NULL, NULL, on_request, sv,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o->threads,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)256,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)15,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32768,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)128,
		MHD_OPTION_UNESCAPE_CALLBACK, unescape, NULL,
		MHD_OPTION_END);
	if (!d)
		fprintf(stderr, "annals: cannot listen on %s:%ld (the port is taken, or not "
				"allowed)\n", o->bind, o->port);
	return d;
}

int an_cmd_serve(int argc, char **argv)
{
	const char *envdb = getenv("ANNALS_DB"), *envweb = getenv("ANNALS_WEB");
	serve_opts o = {envdb && *envdb ? envdb : "annals.db",
			envweb && *envweb ? envweb : ANNALS_WEBDIR, "127.0.0.1", 8080, 4,
			5000, 0};
	int r = parse_opts(argc, argv, &o);
	if (r)
		return r == -1 ? EXIT_OK : EXIT_USAGE;
	char err[4400];
	if (load_assets(o.web, err, sizeof err)) {
		fprintf(stderr, "annals: %s\n", err);
		free_assets();
		return EXIT_DATA;
	}
	server sv = {0};
	pthread_mutex_init(&sv.mu, NULL);
	pthread_cond_init(&sv.cv, NULL);
	sv.log = o.log;
	int status = EXIT_OK;
	struct MHD_Daemon *d = NULL;
	/* the workers inherit a mask without SIGINT and SIGTERM: this thread
	 * waits for them */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);
	if (open_pool(&sv, o.db, (int)o.threads, (unsigned)o.timeout))
		status = EXIT_INPUT;
	else if (!(d = start(&sv, &o)))
		status = EXIT_OUTPUT;
	if (d) {
		const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
		printf("annals: serving %s at http://%s:%u/\n", o.db, o.bind,
		       info ? (unsigned)info->port : (unsigned)o.port);
		fflush(stdout);
		int sig;
		sigwait(&stop, &sig);
		MHD_stop_daemon(d);
	}
	close_pool(&sv);
	free_assets();
	pthread_mutex_destroy(&sv.mu);
	pthread_cond_destroy(&sv.cv);
	return status;
}
