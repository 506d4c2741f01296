/* bench/speed: throughput, per-stage profile, memory and scaling of
 * precis_summarize, through the public API (precis_stats.timing).
 *
 *   build/bench/speed [--repeat N] [--no-scaling] [--model FILE] [PATH...]
 *
 *   build/bench/speed [--repeat N] [--no-scaling] [--no-command] [--model FILE]
 *                     [--command PRECIS] [--sample FILE] [PATH...]
 *
 * Every figure is printed beside its target (issue 11): articles per second
 * per fixture set, one command's latency, and the time, peak memory and
 * growth of 10 MB and 50 MB documents.
 *
 * PATHs are folders (every *.txt below them) or text files, each measured
 * as its own set; by default the articles of every set under
 * $PRECIS_SHARED/fixtures/summ (that is, ../shared/fixtures/summ/<set>/docs).
 * The corpus is read into memory first so that disk speed is not measured.
 * Scaling documents (1 kB to 50 MB) are made by concatenating corpus
 * articles as paragraphs; each size runs in a child process so its peak
 * memory is its own. With --model, the time to load that model (best of
 * 50 loads) is reported first, and the corpus runs use it.
 *
 * One command: the CLI (--command, by default the one built beside this
 * harness) is started on the sample article (--sample, by default the one
 * the project ships) many times with fork and exec, output to /dev/null,
 * process start to exit, its default model included; beside it the same
 * for a static do-nothing program (the floor any process pays here). */
#define _DEFAULT_SOURCE

#include <libgen.h>
#include <errno.h>
#include <malloc.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "cli.h"
#include "precis.h"

typedef struct doc {
    char *text;
    size_t len;
} doc;

typedef struct corpus {
    doc *docs;
    size_t n, cap, bytes;
} corpus;

static int add_file(corpus *c, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || st.st_size <= 0) {
        fclose(f);
        return 0;
    }
    char *buf = malloc((size_t)st.st_size);
    size_t n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
    fclose(f);
    if (!buf || n == 0) {
        free(buf);
        return -1;
    }
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 1024;
        doc *d = realloc(c->docs, c->cap * sizeof *d);
        if (!d)
            return -1;
        c->docs = d;
    }
    c->docs[c->n++] = (doc){buf, n};
    c->bytes += n;
    return 0;
}

/* Every *.txt below path, in name order so runs are comparable (the
 * command's folder listing, src/cli/folder.c). */
static int add_path(corpus *c, const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return -1;
    if (!S_ISDIR(st.st_mode))
        return add_file(c, path);
    cli_dir_entry *es;
    size_t n;
    int read_errno;
    if (cli_dir_list(path, &es, &n, &read_errno) != 0)
        return -1;
    int rc = read_errno ? -1 : 0;
    for (size_t i = 0; i < n; i++) {
        if (es[i].name[0] == '.')
            continue;
        char child[4096];
        snprintf(child, sizeof child, "%s/%s", path, es[i].name);
        size_t len = strlen(es[i].name);
        struct stat cs;
        if (stat(child, &cs) == 0 && (S_ISDIR(cs.st_mode) ||
                                      (len > 4 && strcmp(es[i].name + len - 4, ".txt") == 0)))
            rc |= add_path(c, child);
    }
    cli_dir_free(es, n);
    return rc;
}

static double seconds(uint64_t ns)
{
    return (double)ns * 1e-9;
}

static void machine(void)
{
    char model[256] = "unknown CPU";
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[512];
    while (f && fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) == 0) {
            char *p = strchr(line, ':');
            if (p) {
                snprintf(model, sizeof model, "%s", p + 2);
                model[strcspn(model, "\n")] = '\0';
            }
            break;
        }
    }
    if (f)
        fclose(f);
    printf("machine: %s, %ld online cores; precis %s\n", model, sysconf(_SC_NPROCESSORS_ONLN),
           precis_version());
}

enum { STAGES = 7 };
static const char *const stage_names[STAGES] = {"text", "segment", "tokenize", "vectors",
                                                "rank", "select", "keywords"};

static void add_timing(uint64_t *acc, const precis_timing *t)
{
    acc[0] += t->text, acc[1] += t->segment, acc[2] += t->tokenize, acc[3] += t->vectors;
    acc[4] += t->rank, acc[5] += t->select, acc[6] += t->keywords;
}

/* Summarise every document once; stage times and the whole in *acc and
 * *total (ns); returns the documents that failed. */
static size_t run_corpus(precis_summarizer *s, const corpus *c, const precis_options *o,
                         uint64_t *acc, uint64_t *total)
{
    size_t failed = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (size_t i = 0; i < c->n; i++) {
        precis_result *r = NULL;
        if (precis_summarize(s, c->docs[i].text, c->docs[i].len, o, &r, NULL) != PRECIS_OK) {
            failed++;
            continue;
        }
        add_timing(acc, &precis_result_stats(r)->timing);
        precis_result_free(r);
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    *total = (uint64_t)(b.tv_sec - a.tv_sec) * 1000000000u + (uint64_t)b.tv_nsec -
             (uint64_t)a.tv_nsec;
    return failed;
}

static void free_corpus(corpus *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->docs[i].text);
    free(c->docs);
    memset(c, 0, sizeof *c);
}

/* A document of about `size` bytes: corpus articles as paragraphs. */
static char *synthetic(const corpus *c, size_t size, size_t *len)
{
    char *buf = malloc(size + 2);
    size_t n = 0;
    for (size_t i = 0; buf && n < size; i = (i + 1) % c->n) {
        size_t take = c->docs[i].len;
        if (take > size - n)
            take = size - n;
        memcpy(buf + n, c->docs[i].text, take);
        n += take;
        if (n < size)
            buf[n++] = '\n';
    }
    if (buf) {
        /* End on a sentence boundary's worth of text: cut back to the last
         * newline so no sentence is torn. */
        while (n > 0 && buf[n - 1] != '\n' && size > 4096)
            n--;
        buf[n] = '\0';
    }
    *len = n;
    return buf;
}

typedef struct point {
    size_t bytes;
    uint64_t stage[STAGES];
    uint64_t total;
    long rss_kb;
    int status;
} point;

/* Time and peak memory of one document of about `size` bytes, in a child
 * process. The child frees its copy of the corpus (and gives the pages
 * back) once it has made the document: its peak is then what the
 * document costs beside the library and the model, as for the command,
 * not the harness's corpus besides. */
static point measure_size(corpus *c, size_t size, const precis_model *model)
{
    point p = {.bytes = size, .status = -1};
    int fd[2];
    if (pipe(fd) != 0)
        return p;
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        size_t len;
        char *text = synthetic(c, size, &len);
        free_corpus(c);
#ifdef __GLIBC__
        malloc_trim(0);
#endif
        precis_summarizer *s;
        precis_result *r = NULL;
        point q = {.bytes = len};
        precis_options o;
        precis_options_init(&o, sizeof o);
        o.max_bytes = (size_t)1 << 30;
        o.model = model;
        /* The best of three runs for small sizes, where timer noise counts. */
        int runs = len < 1000000 ? 3 : 1;
        q.total = UINT64_MAX;
        if (text && precis_summarizer_new(&s) == PRECIS_OK) {
            for (int k = 0; k < runs; k++) {
                q.status = (int)precis_summarize(s, text, len, &o, &r, NULL);
                if (q.status != PRECIS_OK)
                    break;
                const precis_timing *t = &precis_result_stats(r)->timing;
                if (t->total < q.total) {
                    uint64_t acc[STAGES] = {0};
                    add_timing(acc, t);
                    memcpy(q.stage, acc, sizeof acc);
                    q.total = t->total;
                }
                precis_result_free(r);
            }
            precis_summarizer_free(s);
        }
        if (write(fd[1], &q, sizeof q) != (ssize_t)sizeof q)
            _exit(1);
        _exit(0);
    }
    close(fd[1]);
    ssize_t got = pid > 0 ? read(fd[0], &p, sizeof p) : -1;
    close(fd[0]);
    int wstatus;
    struct rusage ru;
    if (pid > 0 && wait4(pid, &wstatus, 0, &ru) == pid && got == (ssize_t)sizeof p)
        p.rss_kb = ru.ru_maxrss;
    else
        p.status = -1;
    return p;
}


/* Targets of issue 11, on this project's machine. */
typedef struct set_target {
    const char *name;
    double per_second;
} set_target;
static const set_target set_targets[] = {{"bbc-news", 25000}, {"cnndm-val", 12000}};
#define TARGET_COMMAND_MS 2.0
#define TARGET_10MB_S 0.4
#define TARGET_10MB_MB 100.0
#define TARGET_50MB_S 2.0

static const char *verdict(bool met)
{
    return met ? "met" : "NOT MET";
}

static double set_target_for(const char *path)
{
    for (size_t i = 0; i < sizeof set_targets / sizeof set_targets[0]; i++)
        if (strstr(path, set_targets[i].name))
            return set_targets[i].per_second;
    return 0;
}

/* Summarise the set after a warm-up pass (which fills the stem cache, as
 * in any long run); print the best of `repeat` runs. */
static void measure_set(const char *name, const corpus *c, const precis_options *o, int repeat)
{
    precis_summarizer *s;
    if (precis_summarizer_new(&s) != PRECIS_OK)
        return;
    uint64_t warm[STAGES] = {0}, warm_total;
    run_corpus(s, c, o, warm, &warm_total);
    uint64_t best[STAGES] = {0}, best_total = UINT64_MAX;
    size_t failed = 0;
    for (int k = 0; k < repeat; k++) {
        uint64_t acc[STAGES] = {0}, total;
        failed = run_corpus(s, c, o, acc, &total);
        if (total < best_total) {
            best_total = total;
            memcpy(best, acc, sizeof acc);
        }
    }
    precis_summarizer_free(s);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double secs = seconds(best_total), mb = (double)c->bytes / 1e6;
    double rate = (double)c->n / secs, target = set_target_for(name);
    printf("\n%s: %zu documents, %.1f MB (%zu failed: too short to summarise); best of %d "
           "runs after a warm-up, one thread\n",
           name, c->n, mb, failed, repeat);
    printf("  %.0f documents/s", rate);
    if (target > 0)
        printf(" (target >= %.0f: %s)", target, verdict(rate >= target));
    printf(", %.2f MB/s, %.1f us/document; peak RSS %.1f MB\n", mb / secs,
           secs * 1e6 / (double)c->n, (double)ru.ru_maxrss / 1024);
    uint64_t staged = 0;
    for (int i = 0; i < STAGES; i++)
        staged += best[i];
    printf("\n  %-10s %10s %7s %12s\n", "stage", "seconds", "share", "us/document");
    for (int i = 0; i < STAGES; i++)
        printf("  %-10s %10.3f %6.1f%% %12.1f\n", stage_names[i], seconds(best[i]),
               100.0 * (double)best[i] / (double)staged,
               seconds(best[i]) * 1e6 / (double)c->n);
    printf("  %-10s %10.3f %6.1f%%\n", "(other)", seconds(best_total - staged),
           100.0 * (double)(best_total - staged) / (double)best_total);
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Start argv `runs` times, one after the other, output to /dev/null;
 * wall milliseconds from fork to reaped exit into ms (sorted). false when
 * a run fails to start or exits with a status other than 0. */
static bool time_command(char *const argv[], int runs, double *ms)
{
    extern char **environ;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    bool ok = true;
    for (int k = 0; k < runs && ok; k++) {
        struct timespec a, b;
        pid_t pid;
        int status;
        clock_gettime(CLOCK_MONOTONIC, &a);
        ok = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) == 0 &&
             waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
        clock_gettime(CLOCK_MONOTONIC, &b);
        ms[k] = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
    }
    posix_spawn_file_actions_destroy(&fa);
    qsort(ms, (size_t)runs, sizeof *ms, by_double);
    return ok;
}

/* One command, process start to exit: the CLI on the sample article
 * beside the static do-nothing floor, interleaved in rounds so that load
 * from other processes falls on both alike. */
static void measure_command(const char *cli, const char *sample, const char *floor_exe)
{
    enum { ROUNDS = 10, PER_ROUND = 30, RUNS = ROUNDS * PER_ROUND };
    static double cmd[RUNS], nop[RUNS];
    char *cmd_argv[] = {(char *)cli, (char *)sample, NULL};
    char *nop_argv[] = {(char *)floor_exe, NULL};
    bool ok = true, have_floor = access(floor_exe, X_OK) == 0;
    double buf[PER_ROUND];
    for (int r = 0; r < ROUNDS && ok; r++) {
        ok = time_command(cmd_argv, PER_ROUND, buf);
        memcpy(cmd + r * PER_ROUND, buf, sizeof buf);
        if (have_floor && time_command(nop_argv, PER_ROUND, buf))
            memcpy(nop + r * PER_ROUND, buf, sizeof buf);
        else
            have_floor = false;
    }
    printf("\none command: `%s %s`, %d runs, process start to exit\n", cli, sample, RUNS);
    if (!ok) {
        printf("  failed to run (build the CLI, or pass --command and --sample)\n");
        return;
    }
    qsort(cmd, RUNS, sizeof *cmd, by_double);
    printf("  median %.2f ms, best %.2f ms (target < %.1f ms: %s)\n", cmd[RUNS / 2], cmd[0],
           TARGET_COMMAND_MS, verdict(cmd[RUNS / 2] < TARGET_COMMAND_MS));
    if (have_floor) {
        qsort(nop, RUNS, sizeof *nop, by_double);
        printf("  a static do-nothing process: median %.2f ms, best %.2f ms (the floor)\n",
               nop[RUNS / 2], nop[0]);
    }
}

/* The folder holding this program, for the CLI and floor built beside
 * it. */
static void own_dir(const char *argv0, char *dir, size_t size)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n > 0)
        buf[n] = '\0';
    else
        snprintf(buf, sizeof buf, "%s", argv0);
    snprintf(dir, size, "%s", dirname(buf));
}

int main(int argc, char **argv)
{
    gsl_set_error_handler_off();
    int repeat = 3;
    bool scaling = true, command = true;
    const char *model_path = NULL, *cli = NULL, *sample = NULL;
    const char *paths[64];
    int n_paths = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = atoi(argv[++i]);
            if (repeat < 1)
                repeat = 1;
        } else if (strcmp(argv[i], "--no-scaling") == 0) {
            scaling = false;
        } else if (strcmp(argv[i], "--no-command") == 0) {
            command = false;
        } else if (strcmp(argv[i], "--model") == 0 && i + 1 < argc) {
            model_path = argv[++i];
        } else if (strcmp(argv[i], "--command") == 0 && i + 1 < argc) {
            cli = argv[++i];
        } else if (strcmp(argv[i], "--sample") == 0 && i + 1 < argc) {
            sample = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            puts("usage: speed [--repeat N] [--no-scaling] [--no-command] [--model FILE]\n"
                 "             [--command PRECIS] [--sample FILE] [PATH...]");
            return 0;
        } else if (n_paths < 64) {
            paths[n_paths++] = argv[i];
        }
    }
    char **owned = NULL;
    if (!n_paths) {
        const char *shared = getenv("PRECIS_SHARED");
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/fixtures/summ", shared ? shared : "../shared");
        cli_dir_entry *sets;
        size_t n;
        int read_errno;
        if (cli_dir_list(dir, &sets, &n, &read_errno) != 0 || read_errno) {
            fprintf(stderr, "speed: no corpus given and %s is not readable\n", dir);
            return 2;
        }
        owned = calloc(n + 1, sizeof *owned);
        for (size_t i = 0, k = 0; owned && i < n && n_paths < 64; i++) {
            if (sets[i].name[0] == '.')
                continue;
            char docs[4600];
            snprintf(docs, sizeof docs, "%s/%s/docs", dir, sets[i].name);
            owned[k] = strdup(docs);
            paths[n_paths++] = owned[k++];
        }
        cli_dir_free(sets, n);
    }
    machine();

    precis_model *model = NULL;
    if (model_path) {
        double best = 1e9;
        for (int k = 0; k < 50; k++) {
            struct timespec a, b;
            precis_model *m = NULL;
            precis_error err = PRECIS_ERROR_INIT;
            clock_gettime(CLOCK_MONOTONIC, &a);
            if (precis_model_load(model_path, &m, &err) != PRECIS_OK) {
                fprintf(stderr, "speed: %s\n", err.message);
                return 2;
            }
            clock_gettime(CLOCK_MONOTONIC, &b);
            double ms = (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
            best = ms < best ? ms : best;
            if (k == 49)
                model = m;
            else
                precis_model_free(m);
        }
        struct stat st;
        stat(model_path, &st);
        printf("model: %s (%.0f kB, %s, %zu terms) loads in %.2f ms (best of 50, file cached)\n",
               model_path, (double)st.st_size / 1024, precis_model_language(model),
               precis_model_terms(model), best);
    }
    precis_options run_options;
    precis_options_init(&run_options, sizeof run_options);
    run_options.model = model;

    corpus all = {0};
    for (int p = 0; p < n_paths; p++) {
        corpus c = {0};
        if (add_path(&c, paths[p]) != 0)
            fprintf(stderr, "speed: cannot read %s: %s\n", paths[p], strerror(errno));
        if (c.n == 0) {
            free_corpus(&c);
            continue;
        }
        measure_set(paths[p], &c, &run_options, repeat);
        /* Keep the set for the scaling documents. */
        for (size_t i = 0; i < c.n; i++) {
            if (all.n == all.cap) {
                all.cap = all.cap ? all.cap * 2 : 1024;
                doc *d = realloc(all.docs, all.cap * sizeof *d);
                if (!d)
                    return 1;
                all.docs = d;
            }
            all.docs[all.n++] = c.docs[i];
            all.bytes += c.docs[i].len;
        }
        free(c.docs);
    }
    if (all.n == 0) {
        fprintf(stderr, "speed: the corpus is empty\n");
        return 2;
    }

    if (command) {
        char dir[4096], cli_path[4200], floor_path[4200];
        own_dir(argv[0], dir, sizeof dir);
        snprintf(cli_path, sizeof cli_path, "%s/../precis", dir);
        snprintf(floor_path, sizeof floor_path, "%s/startup-floor", dir);
        measure_command(cli ? cli : cli_path, sample ? sample : PRECIS_SAMPLE, floor_path);
    }

    if (scaling) {
        static const size_t sizes[] = {1000, 10000, 100000, 1000000, 10000000, 50000000};
        enum { N = sizeof sizes / sizeof sizes[0] };
        point pts[N];
        printf("\nscaling: one document of each size made of corpus articles, best of 3 runs "
               "below 1 MB;\nms per stage, total ns/byte, and the growth exponent k of "
               "time ~ size^k against the previous size\n\n");
        printf("  %9s", "bytes");
        for (int i = 0; i < STAGES; i++)
            printf(" %9s", stage_names[i]);
        printf(" %10s %8s %6s %9s\n", "total ms", "ns/byte", "k", "peak MB");
        for (size_t i = 0; i < N; i++) {
            pts[i] = measure_size(&all, sizes[i], model);
            point *p = &pts[i];
            if (p->status != PRECIS_OK) {
                printf("  %9zu  failed (status %d)\n", sizes[i], p->status);
                continue;
            }
            printf("  %9zu", p->bytes);
            for (int k = 0; k < STAGES; k++)
                printf(" %9.2f", (double)p->stage[k] / 1e6);
            printf(" %10.2f %8.1f", (double)p->total / 1e6, (double)p->total / (double)p->bytes);
            if (i > 0 && pts[i - 1].status == PRECIS_OK)
                printf(" %6.2f", log((double)p->total / (double)pts[i - 1].total) /
                                     log((double)p->bytes / (double)pts[i - 1].bytes));
            else
                printf(" %6s", "");
            printf(" %9.1f\n", (double)p->rss_kb / 1024);
        }
        const point *p10 = &pts[N - 2], *p50 = &pts[N - 1];
        printf("\n  growth exponent per stage from %zu to %zu bytes:", p10->bytes, p50->bytes);
        for (int k = 0; k < STAGES; k++) {
            double a = (double)p10->stage[k], b = (double)p50->stage[k];
            if (a > 0 && b > 0)
                printf(" %s %.2f", stage_names[k],
                       log(b / a) / log((double)p50->bytes / (double)p10->bytes));
        }
        printf("\n");
        if (p10->status == PRECIS_OK) {
            double s10 = (double)p10->total / 1e9, mb10 = (double)p10->rss_kb / 1024;
            printf("  10 MB: %.2f s (target < %.1f s: %s), peak %.0f MB (target < %.0f MB: %s)\n",
                   s10, TARGET_10MB_S, verdict(s10 < TARGET_10MB_S), mb10, TARGET_10MB_MB,
                   verdict(mb10 < TARGET_10MB_MB));
        }
        if (p50->status == PRECIS_OK && p10->status == PRECIS_OK) {
            double s50 = (double)p50->total / 1e9;
            double k = log((double)p50->total / (double)p10->total) /
                       log((double)p50->bytes / (double)p10->bytes);
            printf("  50 MB: %.2f s (target < %.1f s: %s), peak %.0f MB; growth from 10 MB "
                   "k = %.2f (target: linear, k <= 1.10: %s)\n",
                   s50, TARGET_50MB_S, verdict(s50 < TARGET_50MB_S),
                   (double)p50->rss_kb / 1024, k, verdict(k <= 1.10));
        }
    }
    free_corpus(&all);
    for (size_t i = 0; owned && owned[i]; i++)
        free(owned[i]);
    free(owned);
    precis_model_free(model);
    return 0;
}
