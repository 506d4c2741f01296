/* `precis batch`: summarise many documents, one JSON Lines record each
 * (docs/batch.md). This file holds the run from start to end: options,
 * the --resume scan, signals, the progress bar and the final account; the
 * work is in batch_pool.c, batch_input.c, batch_record.c and
 * batch_output.c (see batch.h). */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "batch.h"

static const char usage_text[] =
    "Usage: precis batch [OPTION]... [PATH]...\n"
    "Summarise many documents with all cores; write one JSON Lines record per\n"
    "input (schema in docs/batch.md), in input order.\n"
    "\n"
    "Inputs (files and folders, or a JSON Lines stream):\n"
    "  PATH                     a file, or a folder walked recursively (sorted by name)\n"
    "      --include GLOB       in folders, only files matching GLOB (repeatable);\n"
    "                           GLOB without '/' matches the name, with '/' the path\n"
    "                           below the folder; '*' also matches '/'\n"
    "      --exclude GLOB       in folders, skip files and folders matching GLOB\n"
    "      --files-from FILE    more PATHs, one per line (- for standard input)\n"
    "      --jsonl FILE         a JSON Lines stream (- for standard input): one\n"
    "                           object per line with an id and a text member\n"
    "      --id-field NAME      the id member (default id): a string or an integer\n"
    "      --text-field NAME    the text member (default text)\n"
    "\n"
    "Output:\n"
    "  -o, --output FILE        write the records to FILE (default standard output)\n"
    "      --output-dir DIR     one file per input instead: DIR/<path below its\n"
    "                           folder>.json, or DIR/<id made safe>.json for --jsonl\n"
    "      --resume             skip the inputs whose records are already in -o FILE\n"
    "                           (or DIR), append the others\n"
    "      --unordered          write records as they finish, not in input order\n"
    "      --list               print the files that would be summarised, and exit\n"
    "      --only PART          summary or keywords: records with only that part;\n"
    "                           keywords also serves a text of one sentence\n"
    "\n"
    "Work:\n"
    "  -j, --jobs N             N worker threads (default: the online CPUs)\n"
    "  -q, --quiet              no progress bar and no final account on stderr\n"
    "\n"
    "Summaries: -n/--sentences, -w/--words, -r/--ratio, -k/--keywords, -l/--lang,\n"
    "-m/--method, --model, --no-model, --repair-utf8, --max-bytes,\n"
    "--max-sentence-words, --damping, --tolerance and --max-iterations mean what\n"
    "they mean for one file (precis --help); the model is loaded once and shared\n"
    "by the workers. A document larger than --max-bytes fails, the run goes on.\n"
    "\n"
    "  -h, --help               print this help and exit\n"
    "\n"
    "Exit status:\n"
    "  0    every document summarised (or skipped)\n"
    "  1    internal failure (out of memory, cannot start threads)\n"
    "  2    usage error\n"
    "  3    cannot write the output, or cannot read a --files-from or --jsonl stream\n"
    "  7    the run finished, and some documents failed: see their records\n"
    "  130  interrupted (143 for SIGTERM): the records written are whole; run the\n"
    "       command it prints (with --resume) to go on\n";

/* ------------------------------------------------------------------------ */
/* Options                                                                   */

typedef struct strlist {
    const char **v;
    size_t n;
} strlist;

static bool strlist_add(strlist *l, const char *s)
{
    const char **v = realloc(l->v, (l->n + 1) * sizeof *v);
    if (!v)
        return false;
    v[l->n++] = s;
    l->v = v;
    return true;
}

/* The options of batch beside the shared ones. */
enum {
    OPT_INCLUDE = 256, OPT_EXCLUDE, OPT_FILES_FROM, OPT_JSONL, OPT_ID_FIELD, OPT_TEXT_FIELD,
    OPT_OUTPUT_DIR, OPT_RESUME, OPT_UNORDERED, OPT_LIST, OPT_ONLY
};
static const struct option own_longopts[] = {
    {"include", required_argument, NULL, OPT_INCLUDE},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"files-from", required_argument, NULL, OPT_FILES_FROM},
    {"jsonl", required_argument, NULL, OPT_JSONL},
    {"id-field", required_argument, NULL, OPT_ID_FIELD},
    {"text-field", required_argument, NULL, OPT_TEXT_FIELD},
    {"output", required_argument, NULL, 'o'},
    {"output-dir", required_argument, NULL, OPT_OUTPUT_DIR},
    {"resume", no_argument, NULL, OPT_RESUME},
    {"unordered", no_argument, NULL, OPT_UNORDERED},
    {"list", no_argument, NULL, OPT_LIST},
    {"only", required_argument, NULL, OPT_ONLY},
    {"jobs", required_argument, NULL, 'j'},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

typedef struct parse_state {
    batch_config *cfg;
    strlist *inc, *exc;
    char **argv;
} parse_state;

/* One option of batch's own (cli_option_fn). */
static int own_option(void *ctx, int c, const char *arg)
{
    parse_state *ps = ctx;
    batch_config *cfg = ps->cfg;
    size_t j;
    switch (c) {
    case OPT_INCLUDE:
    case OPT_EXCLUDE:
        if (!strlist_add(c == OPT_INCLUDE ? ps->inc : ps->exc, arg)) {
            cli_complain("out of memory");
            return EXIT_INTERNAL;
        }
        break;
    case OPT_FILES_FROM:
        cfg->files_from = arg;
        break;
    case OPT_JSONL:
        cfg->jsonl = arg;
        break;
    case OPT_ID_FIELD:
    case OPT_TEXT_FIELD:
        if (!*arg)
            return cli_usage_error("%s needs a member name", ps->argv[optind - 1]);
        *(c == OPT_ID_FIELD ? &cfg->id_field : &cfg->text_field) = arg;
        break;
    case 'o':
        cfg->output = arg;
        break;
    case OPT_OUTPUT_DIR:
        cfg->output_dir = arg;
        break;
    case OPT_RESUME:
        cfg->resume = true;
        break;
    case OPT_UNORDERED:
        cfg->unordered = true;
        break;
    case OPT_LIST:
        cfg->list = true;
        break;
    case OPT_ONLY:
        if (strcmp(arg, "summary") == 0)
            cfg->only_summary = true, cfg->only_keywords = false;
        else if (strcmp(arg, "keywords") == 0)
            cfg->only_keywords = true, cfg->only_summary = false;
        else
            return cli_usage_error("--only: '%s' is not summary or keywords", arg);
        break;
    case 'j':
        if (!cli_parse_size(arg, 1, 1024, &j))
            return cli_usage_error("--jobs: '%s' is not a whole number from 1 to 1024", arg);
        cfg->jobs = (unsigned)j;
        break;
    case 'q':
        cfg->quiet = true;
        break;
    default: /* 'h' */
        fputs(usage_text, stdout);
        return cli_write_stdout(NULL, 0);
    }
    return CLI_GO_ON;
}

/* The combinations of options that make no sense: EXIT_OK, or EXIT_USAGE
 * after a message. */
static int check_options(const batch_config *cfg)
{
    if (cfg->jsonl && (cfg->n_paths || cfg->files_from))
        return cli_usage_error("--jsonl reads documents from one stream; it cannot be "
                               "combined with PATHs or --files-from");
    if (!cfg->jsonl && !cfg->n_paths && !cfg->files_from)
        return cli_usage_error("no input: name files or folders, --files-from FILE or --jsonl FILE");
    if (cfg->jsonl && (cfg->n_include || cfg->n_exclude))
        return cli_usage_error("--include and --exclude select files in folders; "
                               "they do nothing with --jsonl");
    if (cfg->model_path && cfg->no_model)
        return cli_usage_error("--model and --no-model exclude each other");
    if (strcmp(cfg->id_field, cfg->text_field) == 0)
        return cli_usage_error("--id-field and --text-field are both '%s'", cfg->id_field);
    if (cfg->output && cfg->output_dir)
        return cli_usage_error("-o and --output-dir are two ways to write: choose one");
    if (cfg->resume && !cfg->output && !cfg->output_dir)
        return cli_usage_error("--resume needs -o FILE or --output-dir DIR: standard output "
                               "cannot be read back");
    if (cfg->list && (cfg->jsonl || cfg->output || cfg->output_dir || cfg->resume))
        return cli_usage_error("--list only lists files; it takes no --jsonl, -o, "
                               "--output-dir or --resume");
    precis_error err = PRECIS_ERROR_INIT;
    if (precis_options_validate(&cfg->opt, &err) != PRECIS_OK)
        return cli_usage_error("%s", err.message);
    return EXIT_OK;
}

/* Parse argv into cfg: CLI_GO_ON, or the exit code of a command that is
 * done (help, usage errors). */
static int parse_options(int argc, char **argv, batch_config *cfg, strlist *inc,
                         strlist *exc)
{
    cli_summary_options so = {.opt = cfg->opt};
    parse_state ps = {.cfg = cfg, .inc = inc, .exc = exc, .argv = argv};
    static const cli_command cmd = {
        .own = own_longopts, .own_short = "o:j:qh", .first = 1, .apply = own_option};
    int code = cli_parse_options(argc, argv, &cmd, &so, &ps);
    if (code != CLI_GO_ON)
        return code;
    cfg->opt = so.opt;
    if (cfg->only_summary)
        cfg->opt.keywords = 0;
    cfg->model_path = so.model_path;
    cfg->no_model = so.no_model;
    cfg->paths = (const char **)(argv + optind);
    cfg->n_paths = (size_t)(argc - optind);
    cfg->include = inc->v;
    cfg->n_include = inc->n;
    cfg->exclude = exc->v;
    cfg->n_exclude = exc->n;
    code = check_options(cfg);
    return code == EXIT_OK ? CLI_GO_ON : code;
}

/* ------------------------------------------------------------------------ */
/* Stopping: signals and output failures                                     */

void batch_request_stop(batch_run *run)
{
    bool was = atomic_exchange(&run->stop, true);
    if (run->pool)
        batch_pool_stop(run->pool);
    if (!was) {
        /* Wakes the reader out of a poll() on a silent input pipe. */
        ssize_t w = write(run->wake_fd[1], "x", 1);
        (void)w;
    }
}

static void announce_stop(int sig)
{
    cli_complain("%s: finishing the documents in progress (again to stop at once)",
                 sig == SIGINT ? "interrupted" : "terminated");
}

typedef struct sigctl {
    batch_run *run;
    sigset_t set;
    atomic_int signo;    /* the first stop signal, or 0 */
    atomic_bool finished; /* the run is over: SIGUSR1 then ends the thread */
    const char *again;   /* what to print if a second signal stops at once */
} sigctl;

/* Signals are blocked in every thread and taken here with sigwait(), so
 * stopping can use mutexes and condition variables, which a handler
 * cannot. */
static void *signal_thread(void *arg)
{
    sigctl *sc = arg;
    for (;;) {
        int sig;
        if (sigwait(&sc->set, &sig) != 0)
            continue;
        if (sig == SIGUSR1) {
            if (atomic_load(&sc->finished))
                return NULL;
            continue;
        }
        int none = 0;
        if (atomic_compare_exchange_strong(&sc->signo, &none, sig)) {
            atomic_store(&sc->run->stop_signal, sig);
            /* With a progress bar, its thread says it, on a line of its
             * own; from here the bar would draw over it. */
            if (!sc->run->cfg->quiet && !sc->run->progress_on)
                announce_stop(sig);
            batch_request_stop(sc->run);
            continue;
        }
        /* A second signal: do not wait for long documents. Taking the
         * output lock first means no record is half written. */
        batch_pool_lock_output(sc->run->pool);
        fputs(sc->again, stderr);
        _exit(128 + sig);
    }
}

/* ------------------------------------------------------------------------ */
/* Progress                                                                  */

typedef struct progress {
    batch_run *run;
    double t0;
    pthread_mutex_t mu;
    pthread_cond_t cond;
    bool done;
    bool shown;
    bool announced; /* the stop signal has been reported */
} progress;

static void fmt_duration(char *out, size_t n, double s)
{
    if (s < 0 || s > 359999)
        snprintf(out, n, "--:--");
    else if (s >= 3600)
        snprintf(out, n, "%d:%02d:%02d", (int)s / 3600, (int)s / 60 % 60, (int)s % 60);
    else
        snprintf(out, n, "%d:%02d", (int)s / 60, (int)s % 60);
}

static void draw(progress *pg)
{
    batch_run *run = pg->run;
    batch_counts c;
    batch_pool_counts(run->pool, &c);
    uint64_t processed = c.ok + c.failed + c.skipped, done = processed + c.resumed;
    double el = batch_now() - pg->t0;
    double rate = el > 0 ? (double)processed / el : 0;
    uint64_t total = (uint64_t)atomic_load(&run->input_total);
    double frac = -1;
    if (total && run->total_is_files)
        frac = (double)done / (double)total;
    else if (total)
        frac = (double)atomic_load(&run->input_done) / (double)total;
    if (frac > 1)
        frac = 1;

    struct winsize ws;
    int cols = ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
    char line[512], tail[256], eta[32];
    int k = 0;
    if (frac >= 0) {
        fmt_duration(eta, sizeof eta, frac > 0 ? el * (1 - frac) / frac : -1);
        if (run->total_is_files)
            k = snprintf(tail, sizeof tail, " %3d%%  %" PRIu64 "/%" PRIu64 " docs  %.0f docs/s",
                         (int)(frac * 100), done, total, rate);
        else
            k = snprintf(tail, sizeof tail, " %3d%%  %" PRIu64 " docs  %.0f docs/s",
                         (int)(frac * 100), done, rate);
        k += snprintf(tail + k, sizeof tail - (size_t)k, "  ETA %s", eta);
    } else {
        fmt_duration(eta, sizeof eta, el);
        k = snprintf(tail, sizeof tail, "%" PRIu64 " docs  %.0f docs/s  %s elapsed", done,
                     rate, eta);
    }
    if (c.failed && k > 0 && (size_t)k < sizeof tail)
        snprintf(tail + k, sizeof tail - (size_t)k, "  %" PRIu64 " failed", c.failed);
    int bar = frac >= 0 ? cols - 1 - (int)strlen(tail) - 3 : 0;
    if (bar > 40)
        bar = 40;
    int n = snprintf(line, sizeof line, "\r");
    if (bar >= 10) {
        int fill = (int)(frac * bar);
        line[n++] = '[';
        for (int i = 0; i < bar; i++)
            line[n++] = i < fill ? '#' : '.';
        line[n++] = ']';
    }
    n += snprintf(line + n, sizeof line - (size_t)n, "%s", tail);
    if (n > cols) /* never wrap: a wrapped line cannot be redrawn with \r */
        n = cols;
    n += snprintf(line + n, sizeof line - (size_t)n, "\033[K");
    ssize_t w = write(STDERR_FILENO, line, (size_t)n);
    (void)w;
    pg->shown = true;
}

/* Redraws ten times a second: a timer rather than per document, so a
 * thousand documents a second cost ten writes, and a slow one still shows
 * the clock moving. */
static void *progress_thread(void *arg)
{
    progress *pg = arg;
    pthread_mutex_lock(&pg->mu);
    while (!pg->done) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        ts.tv_nsec += 100000000;
        if (ts.tv_nsec >= 1000000000) {
            ts.tv_sec++;
            ts.tv_nsec -= 1000000000;
        }
        pthread_cond_timedwait(&pg->cond, &pg->mu, &ts);
        int sig = atomic_load(&pg->run->stop_signal);
        if (sig && !pg->announced) {
            ssize_t w = write(STDERR_FILENO, "\r\033[K", 4);
            (void)w;
            announce_stop(sig);
            pg->announced = true;
        }
        if (!pg->done)
            draw(pg);
    }
    pthread_mutex_unlock(&pg->mu);
    if (pg->shown) {
        ssize_t w = write(STDERR_FILENO, "\r\033[K", 4);
        (void)w;
    }
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Messages after the run                                                    */

/* argv as a shell command line, single-quoting what needs it. */
static void shell_words(cli_out *o, int argc, char **argv, bool add_resume)
{
    cli_append(o, "precis batch", 12);
    if (add_resume)
        cli_append(o, " --resume", 9);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        cli_append(o, " ", 1);
        if (*a && strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                            "0123456789-_./=:,+@%") == strlen(a)) {
            cli_append(o, a, strlen(a));
            continue;
        }
        cli_append(o, "'", 1);
        for (; *a; a++) {
            if (*a == '\'')
                cli_append(o, "'\\''", 4);
            else
                cli_append(o, a, 1);
        }
        cli_append(o, "'", 1);
    }
}

static bool has_resume(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        if (strcmp(argv[i], "--resume") == 0)
            return true;
    return false;
}

/* ------------------------------------------------------------------------ */
/* The run                                                                   */

static int make_dirs(const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return ENOMEM;
    int e = 0;
    for (char *s = p + 1;; s++) {
        if (*s == '/' || *s == '\0') {
            char was = *s;
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST)
                e = errno;
            *s = was;
            if (e || !was)
                break;
        }
    }
    free(p);
    return e;
}

/* Whether path names the same file as `out` (which exists). */
static bool same_file(const char *path, const struct stat *out)
{
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && st.st_dev == out->st_dev &&
           st.st_ino == out->st_ino;
}

/* -o FILE must not be an input: opening it for writing would empty it
 * before it is read. */
static int check_not_input(const batch_config *cfg)
{
    struct stat out;
    if (!cfg->output || stat(cfg->output, &out) != 0 || !S_ISREG(out.st_mode))
        return EXIT_OK;
    const char *clash = NULL;
    if (cfg->jsonl && same_file(cfg->jsonl, &out))
        clash = cfg->jsonl;
    else if (cfg->files_from && same_file(cfg->files_from, &out))
        clash = cfg->files_from;
    for (size_t i = 0; !clash && i < cfg->n_paths; i++)
        if (same_file(cfg->paths[i], &out))
            clash = cfg->paths[i];
    if (clash)
        return cli_usage_error("-o %s is the input %s: writing would destroy it", cfg->output,
                               clash);
    return EXIT_OK;
}

/* --resume with -o FILE: the ids whose records FILE already holds. */
static int load_resume(batch_run *run)
{
    const batch_config *cfg = run->cfg;
    uint64_t have = 0, positional = 0;
    if (!(run->done = batch_idset_new())) {
        cli_complain("out of memory");
        return EXIT_INTERNAL;
    }
    int code = batch_resume_scan(cfg->output, run->done, &have, &positional);
    if (code != EXIT_OK)
        return code;
    run->done_records = have - positional;
    run->positional = run->positional || positional > 0;
    if (!cfg->quiet && have)
        cli_complain("resuming: %" PRIu64 " records already in %s", have, cfg->output);
    return EXIT_OK;
}

/* Create --output-dir, or open -o FILE (standard output without either),
 * and note what it is, so that no input is read from it. */
static int open_output(batch_run *run)
{
    const batch_config *cfg = run->cfg;
    struct stat st;
    if (cfg->output_dir) {
        int e = make_dirs(cfg->output_dir);
        if (e || stat(cfg->output_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
            cli_complain("--output-dir: cannot create %s: %s", cfg->output_dir,
                         strerror(e ? e : errno ? errno : ENOTDIR));
            return EXIT_IO;
        }
        run->outdir_dev = st.st_dev;
        run->outdir_ino = st.st_ino;
        run->outdir_known = true;
        return EXIT_OK;
    }
    int code = batch_sink_open(&run->sink, cfg->output, cfg->resume);
    if (code != EXIT_OK)
        return code;
    if (fstat(run->sink.fd, &st) == 0 && S_ISREG(st.st_mode)) {
        run->out_dev = st.st_dev;
        run->out_ino = st.st_ino;
        run->out_known = true;
    }
    return EXIT_OK;
}

/* The progress total, where it costs nothing: PATHs that are all plain
 * files count; a stream's size is set when it is opened. */
static void count_plain_files(batch_run *run)
{
    const batch_config *cfg = run->cfg;
    if (!cfg->n_paths || cfg->files_from)
        return;
    struct stat st;
    size_t files = 0;
    for (size_t i = 0; i < cfg->n_paths; i++)
        files += stat(cfg->paths[i], &st) == 0 && !S_ISDIR(st.st_mode);
    if (files == cfg->n_paths) {
        run->total_is_files = true;
        atomic_store(&run->input_total, files);
    }
}

/* The threads beside the workers: the signal thread and, on a terminal,
 * the progress bar. */
typedef struct helpers {
    sigctl sc;
    sigset_t old; /* the signal mask before the run */
    char *again;  /* sc.again when it was built, to free */
    progress pg;
    pthread_t sig_tid, prog_tid;
    bool sig_started, prog_started;
} helpers;

/* Block the stop signals in this thread and so in all it starts (they are
 * taken in one thread, see signal_thread), and build the line a second
 * signal prints. */
static void block_signals(helpers *h, batch_run *run, int argc, char **argv)
{
    h->sc.run = run;
    sigemptyset(&h->sc.set);
    sigaddset(&h->sc.set, SIGINT);
    sigaddset(&h->sc.set, SIGTERM);
    sigaddset(&h->sc.set, SIGUSR1);
    pthread_sigmask(SIG_BLOCK, &h->sc.set, &h->old);
    atomic_init(&h->sc.signo, 0);
    atomic_init(&h->sc.finished, false);

    cli_out again = {0};
    cli_printf(&again, "\nprecis: stopped at once; the records written are whole. "
                       "Resume with:\n  ");
    shell_words(&again, argc, argv, !has_resume(argc, argv));
    cli_append(&again, "\n", 1);
    h->again = again.s;
    h->sc.again = again.nomem ? "\nprecis: stopped at once\n" : again.s;
}

/* The progress bar, when standard error is a terminal that the records do
 * not go to; then the signal thread. */
static void start_helpers(helpers *h, batch_run *run, double t0)
{
    const batch_config *cfg = run->cfg;
    h->pg.run = run;
    h->pg.t0 = t0;
    bool tty_out = !cfg->output && !cfg->output_dir && isatty(STDOUT_FILENO);
    if (!cfg->quiet && isatty(STDERR_FILENO) && !tty_out) {
        pthread_condattr_t ca;
        pthread_condattr_init(&ca);
        pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
        pthread_cond_init(&h->pg.cond, &ca);
        pthread_condattr_destroy(&ca);
        pthread_mutex_init(&h->pg.mu, NULL);
        h->prog_started = pthread_create(&h->prog_tid, NULL, progress_thread, &h->pg) == 0;
        if (!h->prog_started) {
            pthread_cond_destroy(&h->pg.cond);
            pthread_mutex_destroy(&h->pg.mu);
        }
    }
    run->progress_on = h->prog_started; /* read by the signal thread, started next */
    h->sig_started = pthread_create(&h->sig_tid, NULL, signal_thread, &h->sc) == 0;
    if (!h->sig_started) {
        /* Unblocked here, a signal takes its default action on this
         * thread: the run then stops at once, not between records. */
        pthread_sigmask(SIG_SETMASK, &h->old, NULL);
        cli_complain("cannot start the signal thread: an interrupt will stop at once");
    }
}

/* Stop and join the helper threads. */
static void stop_helpers(helpers *h)
{
    if (h->prog_started) {
        pthread_mutex_lock(&h->pg.mu);
        h->pg.done = true;
        pthread_cond_signal(&h->pg.cond);
        pthread_mutex_unlock(&h->pg.mu);
        pthread_join(h->prog_tid, NULL);
        pthread_cond_destroy(&h->pg.cond);
        pthread_mutex_destroy(&h->pg.mu);
    }
    if (h->sig_started) {
        atomic_store(&h->sc.finished, true);
        pthread_kill(h->sig_tid, SIGUSR1);
        pthread_join(h->sig_tid, NULL);
    }
    free(h->again);
}

/* Restore the signal mask of before the run. Pending signals that arrived
 * after the signal thread ended would kill us on unblocking: the run is
 * complete, so they are dropped. */
static void unblock_signals(helpers *h)
{
    struct timespec zero = {0, 0};
    while (sigtimedwait(&h->sc.set, NULL, &zero) > 0)
        continue;
    pthread_sigmask(SIG_SETMASK, &h->old, NULL);
}

/* The final account on standard error, and the exit code of a run that
 * got as far as starting its workers (code: how that went). */
static int report(const batch_run *run, int code, const batch_counts *c, int werr, int signo,
                  double elapsed, int argc, char **argv)
{
    const batch_config *cfg = run->cfg;
    if (!cfg->quiet) {
        uint64_t processed = c->ok + c->failed + c->skipped;
        cli_complain("%" PRIu64 " ok, %" PRIu64 " failed, %" PRIu64 " skipped in %.1f s "
                     "(%.0f docs/s)", c->ok, c->failed, c->skipped + c->resumed, elapsed,
                     elapsed > 0 ? (double)processed / elapsed : 0.0);
        if (c->failed && cfg->output && !werr && !signo)
            cli_complain("the failed documents are the records with \"status\":\"error\" in %s",
                         cfg->output);
    }
    if (!werr && !signo)
        return code != EXIT_OK ? code : c->failed ? EXIT_SOME_FAILED : EXIT_OK;
    const char *where = cfg->output ? cfg->output : cfg->output_dir;
    cli_out o = {0};
    if (werr)
        cli_printf(&o, "cannot write %s: %s; %" PRIu64 " records written, each whole; ",
                   where ? where : "standard output", strerror(werr), c->written);
    else
        cli_printf(&o, "%s after %" PRIu64 " records, each whole; ",
                   signo == SIGINT ? "interrupted" : "terminated", c->written);
    if (where) {
        cli_printf(&o, "resume with: ");
        shell_words(&o, argc, argv, !has_resume(argc, argv));
    } else {
        cli_printf(&o, "standard output cannot be resumed: write to a file with -o FILE "
                       "to be able to");
    }
    cli_complain("%s", o.nomem ? "stopped" : o.s);
    free(o.s);
    return werr ? EXIT_IO : 128 + signo;
}

static int run_batch(batch_run *run, int argc, char **argv)
{
    const batch_config *cfg = run->cfg;
    int code = check_not_input(cfg);
    if (code != EXIT_OK)
        return code;
    if (cfg->list) {
        code = batch_read_inputs(run);
        return code != EXIT_OK ? code : atomic_load(&run->list_failed) ? EXIT_SOME_FAILED : EXIT_OK;
    }
    run->positional = cfg->unordered && !cfg->output_dir;
    if (cfg->resume && cfg->output && (code = load_resume(run)) != EXIT_OK)
        return code;
    if ((code = open_output(run)) != EXIT_OK)
        return code;
    count_plain_files(run);

    /* From here on threads run. */
    helpers h = {0};
    block_signals(&h, run, argc, argv);
    double t0 = batch_now();
    code = batch_pool_start(run, &run->pool);
    if (code == EXIT_OK) {
        start_helpers(&h, run, t0);
        int in = batch_read_inputs(run);
        batch_pool_finish(run->pool);
        if (in != EXIT_OK)
            code = in;
    }
    double elapsed = batch_now() - t0;
    stop_helpers(&h);

    batch_counts c = {0};
    if (run->pool)
        batch_pool_counts(run->pool, &c);
    int werr = run->pool ? batch_pool_write_error(run->pool) : 0;
    if (!cfg->output_dir && batch_sink_close(&run->sink) != EXIT_OK && !werr)
        werr = EIO;
    unblock_signals(&h);
    return report(run, code, &c, werr, atomic_load(&h.sc.signo), elapsed, argc, argv);
}

int cli_batch_main(int argc, char **argv)
{
    batch_config cfg = {.id_field = "id", .text_field = "text"};
    precis_options_init(&cfg.opt, sizeof cfg.opt);
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    cfg.jobs = cpus < 1 ? 1 : cpus > 1024 ? 1024 : (unsigned)cpus;
    strlist inc = {0}, exc = {0};
    int code = parse_options(argc, argv, &cfg, &inc, &exc);
    if (code != CLI_GO_ON) {
        free(inc.v);
        free(exc.v);
        return code;
    }

    /* A reader that went away (precis batch ... | head) makes write()
     * fail with EPIPE, reported as an output error, instead of killing
     * the process between two records without a word. */
    struct sigaction sa = {.sa_handler = SIG_IGN};
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPIPE, &sa, NULL);
    /* jansson seeds its hash function on first use; doing it here, before
     * any thread, keeps that out of the workers' way. */
    json_object_seed(0);

    /* One model for the whole run: immutable, so every worker reads the
     * same copy. --list summarises nothing and needs none. */
    precis_model *model = NULL;
    if (!cfg.list &&
        (code = cli_load_model(cfg.model_path, cfg.no_model, cfg.opt.language, &model)) !=
            EXIT_OK) {
        free(inc.v);
        free(exc.v);
        return code;
    }
    cfg.opt.model = model;

    batch_run run = {.cfg = &cfg, .wake_fd = {-1, -1}};
    atomic_init(&run.stop, false);
    atomic_init(&run.stop_signal, 0);
    atomic_init(&run.input_total, 0);
    atomic_init(&run.input_done, 0);
    atomic_init(&run.list_failed, 0);
    if (pipe(run.wake_fd) != 0) {
        cli_complain("cannot create a pipe: %s", strerror(errno));
        code = EXIT_INTERNAL;
    } else {
        fcntl(run.wake_fd[0], F_SETFD, FD_CLOEXEC);
        fcntl(run.wake_fd[1], F_SETFD, FD_CLOEXEC);
        code = run_batch(&run, argc, argv);
        close(run.wake_fd[0]);
        close(run.wake_fd[1]);
    }
    batch_pool_free(run.pool);
    batch_idset_free(run.done);
    precis_model_free(model);
    free(inc.v);
    free(exc.v);
    return code;
}
