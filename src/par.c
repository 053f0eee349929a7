/*
 * par.c: documents coded on worker threads. The caller's thread reads the
 * inputs and queues a copy of each article in a ring of slots (the reorder
 * window); workers take the next queued slot and code it into the slot's
 * coder (an_code_doc: the document's own tables, records and
 * diagnostics); the caller's thread merges finished slots strictly in
 * input order (an_coder_merge), so the sink, the diagnostic and explain
 * callbacks and the run's tables see exactly what one thread would give.
 * Diagnostics raised by the readers while documents are in flight take a
 * slot of their own, so they too come out in input order. When the ring
 * is full the caller waits for its oldest slot.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "doc.h"

enum { ITEM_DOC, ITEM_DIAG };

/* One queued document or diagnostic. */
typedef struct item {
	int kind;          /* ITEM_DOC or ITEM_DIAG */
	an_coder co;       /* the document's results, or the diagnostic */
	annals_article art; /* the queued article; strings below */
	char *text, *id, *title, *date, *source;
	size_t textcap;
} item;

/* Documents are handed to the workers in batches, so that short ones do
 * not cost a lock and a wake-up each. */
#define BATCH_DOCS 16
#define BATCH_BYTES (256 * 1024)
/* In-flight text beyond this makes the caller wait for the oldest batch
 * (a few huge documents do not all wait in memory at once). */
#define INFLIGHT_BYTES ((size_t)256 << 20)

typedef struct slot {
	item it[BATCH_DOCS];
	int n;             /* items */
	size_t bytes;      /* text bytes of its documents */
	int done;          /* coded (atomic) */
} slot;

typedef struct worker_arg worker_arg;

struct an_par {
	annals_ctx *ctx;
	unsigned nth;
	pthread_t *th;
	an_arena **arena;  /* per worker */
	worker_arg *args;  /* per worker */
	double (*stage)[AN_STAGES]; /* per worker, CPU seconds per stage */
	slot *ring;
	size_t w;          /* slots */
	size_t head;       /* next to merge (the caller's thread only) */
	size_t tail;       /* next to publish (written under the lock) */
	size_t next;       /* next to code (under the lock) */
	slot *fill;        /* the batch being filled at tail, or NULL */
	size_t inflight;   /* text bytes published and not merged */
	int nstarted;      /* workers running */
	int idle;          /* workers waiting for work (under the lock) */
	int waiting;       /* the caller's thread waits for a batch (atomic) */
	int stop;
	int rc;            /* ANNALS_EWRITE once the sink refused */
	pthread_mutex_t mu;
	pthread_cond_t work, done;
};

struct worker_arg {
	an_par *p;
	unsigned me;
};

static void *worker(void *ud)
{
	worker_arg *wa = ud;
	an_par *p = wa->p;
	unsigned me = wa->me;
	pthread_mutex_lock(&p->mu);
	for (;;) {
		if (p->next == p->tail) {
			if (p->stop)
				break;
			p->idle++;
			pthread_cond_wait(&p->work, &p->mu);
			p->idle--;
			continue;
		}
		slot *s = &p->ring[p->next++ % p->w];
		int timing = p->ctx->timing;
		pthread_mutex_unlock(&p->mu);
		for (int i = 0; i < s->n; i++)
			if (s->it[i].kind == ITEM_DOC)
				an_code_doc(p->ctx, p->arena[me], &s->it[i].co, &s->it[i].art,
					    timing ? p->stage[me] : NULL);
		__atomic_store_n(&s->done, 1, __ATOMIC_SEQ_CST);
		pthread_mutex_lock(&p->mu);
		if (__atomic_load_n(&p->waiting, __ATOMIC_SEQ_CST))
			pthread_cond_signal(&p->done);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

int an_par_new(annals_ctx *ctx, unsigned threads, an_par **out)
{
	if (!threads) {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		threads = n > 1 ? (unsigned)n : 1;
	}
	if (threads > 256)
		threads = 256;
	*out = NULL;
	if (threads <= 1)
		return ANNALS_OK;
	an_par *p = an_calloc(ctx->mem, 1, sizeof *p);
	p->ctx = ctx;
	p->nth = threads;
	p->w = 2 * (size_t)threads + 2;
	p->ring = an_calloc(ctx->mem, p->w, sizeof *p->ring);
	for (size_t i = 0; i < p->w; i++)
		for (int k = 0; k < BATCH_DOCS; k++)
			an_coder_init(&p->ring[i].it[k].co, ctx);
	p->th = an_calloc(ctx->mem, threads, sizeof *p->th);
	p->arena = an_calloc(ctx->mem, threads, sizeof *p->arena);
	p->stage = an_calloc(ctx->mem, threads, sizeof *p->stage);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
	p->args = an_calloc(ctx->mem, threads, sizeof *p->args);
	for (unsigned i = 0; i < threads; i++) {
		p->arena[i] = an_arena_new(ctx->mem);
		p->args[i] = (worker_arg){p, i};
	}
	for (unsigned i = 0; i < threads; i++) {
		if (pthread_create(&p->th[i], NULL, worker, &p->args[i]))
			break;
		p->nstarted++;
	}
	if (!p->nstarted) {
		an_par_free(p);
		snprintf(ctx->err, sizeof ctx->err, "cannot start threads");
		return ANNALS_EUSAGE;
	}
	*out = p;
	return ANNALS_OK;
}

void an_par_free(an_par *p)
{
	if (!p)
		return;
	annals_ctx *ctx = p->ctx;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	p->next = p->tail; /* what is still queued is dropped */
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (int i = 0; i < p->nstarted; i++)
		pthread_join(p->th[i], NULL);
	for (unsigned i = 0; i < p->nth; i++)
		an_arena_free(p->arena[i]);
	for (size_t i = 0; i < p->w; i++)
		for (int k = 0; k < BATCH_DOCS; k++) {
			item *t = &p->ring[i].it[k];
			an_coder_free(&t->co, ctx);
			an_free(ctx->mem, t->text);
			an_free(ctx->mem, t->id);
			an_free(ctx->mem, t->title);
			an_free(ctx->mem, t->date);
			an_free(ctx->mem, t->source);
		}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
	an_free(ctx->mem, p->ring);
	an_free(ctx->mem, p->th);
	an_free(ctx->mem, p->arena);
	an_free(ctx->mem, p->args);
	an_free(ctx->mem, p->stage);
	an_free(ctx->mem, p);
}

/* Merges finished batches at the head, in order; with wait, first waits
 * for the head batch to finish. */
static void merge_ready(an_par *p, int wait)
{
	while (p->head < p->tail) {
		slot *s = &p->ring[p->head % p->w];
		if (!__atomic_load_n(&s->done, __ATOMIC_SEQ_CST)) {
			if (!wait)
				return;
			pthread_mutex_lock(&p->mu);
			__atomic_store_n(&p->waiting, 1, __ATOMIC_SEQ_CST);
			while (!__atomic_load_n(&s->done, __ATOMIC_SEQ_CST))
				pthread_cond_wait(&p->done, &p->mu);
			__atomic_store_n(&p->waiting, 0, __ATOMIC_SEQ_CST);
			pthread_mutex_unlock(&p->mu);
		}
		for (int i = 0; i < s->n; i++) {
			an_coder *co = &s->it[i].co;
			if (s->it[i].kind == ITEM_DOC && p->rc)
				co->coded = co->ndiag = 0; /* the sink refused: dropped */
			int rc = an_coder_merge(p->ctx, co);
			if (rc && !p->rc)
				p->rc = rc;
		}
		p->inflight -= s->bytes;
		p->head++;
		wait = 0;
	}
}

/* Hands the batch being filled to the workers. */
static void publish(an_par *p)
{
	if (!p->fill)
		return;
	p->inflight += p->fill->bytes;
	p->fill = NULL;
	pthread_mutex_lock(&p->mu);
	p->tail++;
	if (p->idle)
		pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
}

/* The next free item of the batch being filled, starting a batch (and
 * waiting for the oldest when the ring is full) when there is none. */
static item *free_item(an_par *p)
{
	if (!p->fill) {
		while (p->tail - p->head == p->w ||
		       (p->inflight > INFLIGHT_BYTES && p->head < p->tail))
			merge_ready(p, 1);
		slot *s = p->fill = &p->ring[p->tail % p->w];
		s->done = 0;
		s->n = 0;
		s->bytes = 0;
	}
	item *t = &p->fill->it[p->fill->n++];
	t->co.ndiag = 0;
	t->co.coded = 0;
	return t;
}

static char *redup(const annals_mem *m, char *old, const char *s)
{
	an_free(m, old);
	return s ? an_strdup(m, s) : NULL;
}

int an_par_submit(an_par *p, const annals_article *art)
{
	const annals_mem *m = p->ctx->mem;
	if (p->rc)
		return p->rc;
	item *t = free_item(p);
	if (art->len + 1 > t->textcap) {
		t->textcap = art->len + 1;
		an_free(m, t->text);
		t->text = an_calloc(m, 1, t->textcap);
	}
	memcpy(t->text, art->text, art->len);
	t->id = redup(m, t->id, art->id);
	t->title = redup(m, t->title, art->title);
	t->date = redup(m, t->date, art->date);
	t->source = redup(m, t->source, art->source);
	t->art = (annals_article){t->id, t->title, t->date, t->source, t->text,
				  art->len, art->fmt};
	t->co.file = redup(m, t->co.file, p->ctx->file);
	t->co.line = p->ctx->line;
	t->kind = ITEM_DOC;
	p->fill->bytes += art->len;
	if (p->fill->n == BATCH_DOCS || p->fill->bytes >= BATCH_BYTES)
		publish(p);
	merge_ready(p, 0);
	return p->rc;
}

int an_par_diag(an_par *p, int sev, const char *file, long line, long byte,
		const char *msg)
{
	if (p->head == p->tail && !p->fill)
		return 0; /* nothing before it is still out: report it now */
	const annals_mem *m = p->ctx->mem;
	item *t = free_item(p);
	t->kind = ITEM_DIAG;
	t->co.file = redup(m, t->co.file, file);
	an_free(m, t->co.id);
	t->co.id = NULL;
	t->co.line = line;
	t->co.ndiag = 1;
	t->co.diag[0].sev = sev;
	t->co.diag[0].byte = byte;
	snprintf(t->co.diag[0].msg, sizeof t->co.diag[0].msg, "%s", msg);
	if (p->fill->n == BATCH_DOCS)
		publish(p);
	return 1;
}

int an_par_drain(an_par *p)
{
	publish(p);
	while (p->head < p->tail)
		merge_ready(p, 1);
	int rc = p->rc;
	p->rc = 0;
	return rc;
}

void an_par_add_timing(const an_par *p, double *sum)
{
	for (unsigned i = 0; i < p->nth; i++)
		for (int k = 0; k < AN_STAGES; k++)
			sum[k] += p->stage[i][k];
}
