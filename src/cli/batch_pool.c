/* `precis batch` worker pool: jobs go from the reader (the main thread)
 * through a queue to N workers, each with its own summarizer; records come
 * back through a reorder window and are written whole, in input order
 * unless --unordered.
 *
 * Memory bound: at most `window` jobs exist between submission and
 * writing (queued, being summarised, or finished and waiting for an
 * earlier one), and the documents waiting in the queue hold at most
 * QUEUE_BYTES between them (a larger one still goes alone). A queued file
 * is only its path; workers read it. So memory is O(QUEUE_BYTES + jobs x
 * document size + window x record size), whatever the size of the corpus.
 * In ordered mode the window is counted from the oldest record not yet
 * written; in unordered mode it counts jobs in flight.
 *
 * Writing: there is no writer thread. The worker that delivers the record
 * the output is waiting for writes it and every record already waiting
 * behind it ("combining"); the others just park their record and go back
 * to work. One write call per record, under out_mu, so records never
 * interleave and an interrupted run has only whole lines. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"

/* Documents per worker in the window. A slow document holds ordered
 * output back while the other workers go on, until the window is full.
 * With 1% of the documents 25 times the median size, 4 per worker lost
 * 20% of the throughput to that and 32 lost nothing; only documents 100
 * times slower than a window's worth of others still make --unordered
 * faster (bench/README.md, section Batch). */
enum { WINDOW_PER_WORKER = 32 };
/* JSON Lines text waiting for a worker, at most. */
#define QUEUE_BYTES ((size_t)64 << 20)

typedef struct worker {
    batch_pool *pool;
    precis_summarizer *summarizer;
    pthread_t thread;
    bool started;
} worker;

struct batch_pool {
    batch_run *run;
    bool ordered;
    size_t window;

    pthread_mutex_t mu; /* everything below up to out_mu */
    pthread_cond_t can_submit, has_job;
    batch_job **queue; /* ring of window entries */
    size_t qhead, qcount;
    batch_record *slots; /* ordered: record of seq at slots[seq % window] */
    bool *ready;
    uint64_t next_seq, next_write, in_flight;
    size_t queued_bytes; /* sum of len over the queued jobs */
    bool writer_busy, closing, stopping;
    enum { WAIT_NONE, WAIT_WINDOW, WAIT_BYTES } reader_waits; /* what batch_submit waits for */
    batch_counts counts;

    pthread_mutex_t out_mu; /* held around each write to the output */
    atomic_int write_error;
    atomic_uint_fast64_t written;

    worker *workers;
    size_t n_workers;
    /* --output-dir: the names of the files this run wrote or found done
     * (under mu). Distinct ids get distinct names; a second input with a
     * name already here (a repeated id, one file named twice) is an error,
     * not a silent overwrite. */
    batch_idset *claimed;
};

static void record_free(batch_record *rec)
{
    free(rec->line);
    free(rec->mirror);
    rec->line = rec->mirror = NULL;
}

/* Jobs in the window (under mu). */
static uint64_t window_used(const batch_pool *p)
{
    return p->ordered ? p->next_seq - p->next_write : p->in_flight;
}

/* A record left the window (under mu): wake the reader once half the
 * window is free, not at every record. Waking it per record made a futex
 * wake and a wait per document, each a system call: 13% of a one-worker
 * run over 19,779 short Reuters stories went to them (bench/README.md,
 * section Batch). One wake-up now admits half a window of jobs. */
static void window_freed(batch_pool *p)
{
    if (p->reader_waits == WAIT_WINDOW && window_used(p) <= p->window / 2)
        pthread_cond_signal(&p->can_submit);
}

static void fail_output(batch_pool *p, int e)
{
    int none = 0;
    atomic_compare_exchange_strong(&p->write_error, &none, e);
    batch_request_stop(p->run);
}

/* Write one record to the JSON Lines output. Called without mu. */
static void emit(batch_pool *p, batch_record *rec)
{
    if (rec->line && !atomic_load(&p->write_error)) {
        pthread_mutex_lock(&p->out_mu);
        int e = atomic_load(&p->write_error)
                    ? -1
                    : batch_sink_write(&p->run->sink, rec->line, rec->len);
        pthread_mutex_unlock(&p->out_mu);
        if (e > 0)
            fail_output(p, e);
        else if (e == 0)
            atomic_fetch_add(&p->written, 1);
    }
    record_free(rec);
}

static void count(batch_pool *p, batch_outcome o)
{
    switch (o) {
    case BATCH_OK: p->counts.ok++; break;
    case BATCH_FAILED: p->counts.failed++; break;
    case BATCH_SKIPPED: p->counts.skipped++; break;
    case BATCH_RESUMED: p->counts.resumed++; break;
    case BATCH_DROPPED: break;
    }
}

/* Take the name for this record; false when an earlier one of this run
 * has it. Out of memory only loses the check. */
static bool claim(batch_pool *p, const char *name)
{
    size_t n = strlen(name);
    pthread_mutex_lock(&p->mu);
    bool taken = batch_idset_has(p->claimed, name, n);
    if (!taken)
        batch_idset_add(p->claimed, name, n);
    pthread_mutex_unlock(&p->mu);
    return !taken;
}

static void deliver(batch_pool *p, uint64_t seq, batch_record *rec)
{
    const char *dir = p->run->cfg->output_dir;
    if (dir && rec->mirror && rec->outcome != BATCH_DROPPED && !claim(p, rec->mirror)) {
        cli_complain("--output-dir: %s/%s.json already holds the record of another input of "
                     "this run (a repeated id, or one file named twice); this one is not "
                     "written", dir, rec->mirror);
        free(rec->line);
        rec->line = NULL;
        rec->outcome = BATCH_FAILED;
    }
    if (dir && rec->line) {
        /* --output-dir: every record is a file of its own, so workers
         * write in parallel and order does not matter. */
        if (!rec->mirror) {
            fail_output(p, ENOMEM);
        } else if (!atomic_load(&p->write_error)) {
            int e = batch_mirror_write(dir, rec->mirror, rec->line, rec->len);
            if (e)
                fail_output(p, e);
            else
                atomic_fetch_add(&p->written, 1);
        }
        free(rec->line);
        rec->line = NULL;
    }
    pthread_mutex_lock(&p->mu);
    count(p, rec->outcome);
    if (!p->ordered) {
        p->in_flight--;
        window_freed(p);
        pthread_mutex_unlock(&p->mu);
        emit(p, rec);
        return;
    }
    size_t i = (size_t)(seq % p->window);
    p->slots[i] = *rec;
    p->ready[i] = true;
    if (p->writer_busy) {
        pthread_mutex_unlock(&p->mu);
        return;
    }
    p->writer_busy = true;
    for (;;) {
        size_t k = (size_t)(p->next_write % p->window);
        if (!p->ready[k])
            break;
        batch_record r = p->slots[k];
        p->ready[k] = false;
        p->next_write++;
        window_freed(p);
        pthread_mutex_unlock(&p->mu);
        emit(p, &r);
        pthread_mutex_lock(&p->mu);
    }
    p->writer_busy = false;
    pthread_mutex_unlock(&p->mu);
}

static void *work(void *arg)
{
    worker *w = arg;
    batch_pool *p = w->pool;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (p->qcount == 0 && !p->closing && !p->stopping)
            pthread_cond_wait(&p->has_job, &p->mu);
        if (p->qcount == 0) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        batch_job *job = p->queue[p->qhead];
        p->qhead = (p->qhead + 1) % p->window;
        p->qcount--;
        p->queued_bytes -= job->len;
        /* Room in QUEUE_BYTES, or an empty queue, which admits any job
         * (a file's job is no bytes but still fills the queue). */
        if (p->reader_waits == WAIT_BYTES)
            pthread_cond_signal(&p->can_submit);
        pthread_mutex_unlock(&p->mu);

        batch_record rec;
        batch_process(p->run, w->summarizer, job, &rec);
        uint64_t seq = job->seq;
        batch_job_free(job);
        deliver(p, seq, &rec);
    }
}

int batch_pool_start(batch_run *run, batch_pool **out)
{
    unsigned n = run->cfg->jobs;
    batch_pool *p = calloc(1, sizeof *p);
    if (!p)
        goto nomem;
    p->run = run;
    p->ordered = !run->cfg->unordered && !run->cfg->output_dir;
    p->window = (size_t)n * WINDOW_PER_WORKER;
    p->queue = calloc(p->window, sizeof *p->queue);
    p->slots = calloc(p->window, sizeof *p->slots);
    p->ready = calloc(p->window, sizeof *p->ready);
    p->workers = calloc(n, sizeof *p->workers);
    if (run->cfg->output_dir)
        p->claimed = batch_idset_new();
    if (!p->queue || !p->slots || !p->ready || !p->workers ||
        (run->cfg->output_dir && !p->claimed))
        goto nomem;
    pthread_mutex_init(&p->mu, NULL);
    pthread_mutex_init(&p->out_mu, NULL);
    pthread_cond_init(&p->can_submit, NULL);
    pthread_cond_init(&p->has_job, NULL);
    atomic_init(&p->write_error, 0);
    atomic_init(&p->written, 0);
    p->n_workers = n;
    *out = p;
    /* Summarizers first: a failure then stops the run before any work. */
    for (unsigned i = 0; i < n; i++) {
        p->workers[i].pool = p;
        if (precis_summarizer_new(&p->workers[i].summarizer) != PRECIS_OK) {
            cli_complain("out of memory creating %u summarizers", n);
            return EXIT_INTERNAL;
        }
    }
    for (unsigned i = 0; i < n; i++) {
        int e = pthread_create(&p->workers[i].thread, NULL, work, &p->workers[i]);
        if (e) {
            cli_complain("cannot start worker thread %u of %u: %s", i + 1, n, strerror(e));
            batch_pool_stop(p);
            batch_pool_finish(p);
            return EXIT_INTERNAL;
        }
        p->workers[i].started = true;
    }
    return EXIT_OK;
nomem:
    if (p) {
        batch_idset_free(p->claimed);
        free(p->queue);
        free(p->slots);
        free(p->ready);
        free(p->workers);
        free(p);
    }
    *out = NULL;
    cli_complain("out of memory starting %u workers", n);
    return EXIT_INTERNAL;
}

bool batch_submit(batch_pool *p, batch_job *job)
{
    pthread_mutex_lock(&p->mu);
    while (!p->stopping) {
        if (window_used(p) >= p->window) {
            /* Full: wait until half of it is free (window_freed). */
            p->reader_waits = WAIT_WINDOW;
            while (!p->stopping && window_used(p) > p->window / 2)
                pthread_cond_wait(&p->can_submit, &p->mu);
        } else if (p->qcount && p->queued_bytes + job->len > QUEUE_BYTES) {
            p->reader_waits = WAIT_BYTES;
            pthread_cond_wait(&p->can_submit, &p->mu);
        } else {
            break;
        }
    }
    p->reader_waits = WAIT_NONE;
    if (p->stopping) {
        pthread_mutex_unlock(&p->mu);
        batch_job_free(job);
        return false;
    }
    job->seq = p->next_seq++;
    p->in_flight++;
    p->queue[(p->qhead + p->qcount) % p->window] = job;
    p->qcount++;
    p->queued_bytes += job->len;
    pthread_cond_signal(&p->has_job);
    pthread_mutex_unlock(&p->mu);
    return true;
}

void batch_pool_stop(batch_pool *p)
{
    pthread_mutex_lock(&p->mu);
    if (!p->stopping) {
        p->stopping = true;
        /* Jobs not yet started are dropped. Workers take jobs in input
         * order, so the dropped ones all come after every started one:
         * the records written stay a gapless prefix of the input, and
         * --resume continues exactly where this run stopped. */
        while (p->qcount) {
            batch_job *job = p->queue[p->qhead];
            p->qhead = (p->qhead + 1) % p->window;
            p->qcount--;
            p->queued_bytes -= job->len;
            if (p->ordered) {
                size_t i = (size_t)(job->seq % p->window);
                p->slots[i] = (batch_record){.outcome = BATCH_DROPPED};
                p->ready[i] = true;
            } else {
                p->in_flight--;
            }
            batch_job_free(job);
        }
        pthread_cond_broadcast(&p->has_job);
        pthread_cond_broadcast(&p->can_submit);
    }
    pthread_mutex_unlock(&p->mu);
}

void batch_pool_finish(batch_pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->closing = true;
    pthread_cond_broadcast(&p->has_job);
    pthread_mutex_unlock(&p->mu);
    for (size_t i = 0; i < p->n_workers; i++)
        if (p->workers[i].started) {
            pthread_join(p->workers[i].thread, NULL);
            p->workers[i].started = false;
        }
}

void batch_pool_counts(batch_pool *p, batch_counts *out)
{
    pthread_mutex_lock(&p->mu);
    *out = p->counts;
    pthread_mutex_unlock(&p->mu);
    out->written = (uint64_t)atomic_load(&p->written);
}

int batch_pool_write_error(batch_pool *p)
{
    return atomic_load(&p->write_error);
}

void batch_pool_lock_output(batch_pool *p)
{
    pthread_mutex_lock(&p->out_mu);
}

void batch_pool_free(batch_pool *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->window; i++)
        if (p->ready[i])
            record_free(&p->slots[i]);
    for (size_t i = 0; i < p->n_workers; i++)
        precis_summarizer_free(p->workers[i].summarizer);
    pthread_mutex_destroy(&p->mu);
    pthread_mutex_destroy(&p->out_mu);
    pthread_cond_destroy(&p->can_submit);
    pthread_cond_destroy(&p->has_job);
    free(p->queue);
    free(p->slots);
    free(p->ready);
    free(p->workers);
    batch_idset_free(p->claimed);
    free(p);
}
