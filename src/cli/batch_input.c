/* `precis batch` inputs, read on the main thread and submitted one job per
 * input in a fixed order: PATH arguments, then --files-from lines; or the
 * lines of --jsonl. Nothing is collected ahead: each input is submitted as
 * it is found, and submission blocks while the pool's window is full.
 *
 * Directories are walked depth-first with each folder's entries sorted by
 * byte value, so the input order, and with it the output, is the same on
 * every file system and machine. Sorting needs one folder's names in
 * memory at a time (plus those of its parents still being walked): a
 * folder of a million files costs some tens of MB while it is walked,
 * never the whole corpus. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <inttypes.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"

enum { IN_OK = 0, IN_STOP = -1 }; /* or an exit code */

/* ------------------------------------------------------------------------ */
/* Submission                                                                */

static int submit(batch_run *run, batch_job *job)
{
    if (!job) {
        cli_complain("out of memory");
        return EXIT_INTERNAL;
    }
    if (run->cfg->list) {
        /* --list: name what would be summarised, report the rest. */
        if (job->kind == BATCH_JOB_FILE) {
            fputs(job->path, stdout);
            fputc('\n', stdout);
        } else if (job->kind == BATCH_JOB_ERROR) {
            cli_complain("%s: %s", job->id ? job->id : "?", job->message);
            atomic_fetch_add(&run->list_failed, 1);
        } else {
            cli_complain("%s: skipped: %s", job->id, job->message);
        }
        batch_job_free(job);
        return atomic_load(&run->stop) ? IN_STOP : IN_OK;
    }
    return batch_submit(run->pool, job) ? IN_OK : IN_STOP;
}

/* The --output-dir name of a file: its path as named, made relative, "."
 * dropped, ".." kept from climbing out of the output folder. An absolute
 * path starts with a folder "%2F" and a '%' in a name is written "%25", so
 * /abs/a.txt and abs/a.txt (or a file named "%2E%2E" and "..") get
 * different names. Paths that differ only in "." or repeated '/' name one
 * file and share its name; the run reports the second as an error. */
static char *mirror_of_arg(const char *path)
{
    size_t n = strlen(path);
    char *out = malloc(3 * n + 5), *o = out;
    if (!out)
        return NULL;
    if (path[0] == '/') {
        memcpy(o, "%2F", 3);
        o += 3;
    }
    for (const char *p = path; *p;) {
        while (*p == '/')
            p++;
        size_t k = strcspn(p, "/");
        if (k == 0)
            break;
        if (!(k == 1 && p[0] == '.')) {
            if (o > out)
                *o++ = '/';
            if (k == 2 && p[0] == '.' && p[1] == '.') {
                memcpy(o, "%2E%2E", 6);
                o += 6;
            } else {
                for (size_t i = 0; i < k; i++) {
                    if (p[i] == '%') {
                        memcpy(o, "%25", 3);
                        o += 3;
                    } else {
                        *o++ = p[i];
                    }
                }
            }
        }
        p += k;
    }
    if (o == out)
        *o++ = '_';
    *o = '\0';
    return out;
}

static batch_job *file_job(const char *path)
{
    batch_job *job = calloc(1, sizeof *job);
    if (!job)
        return NULL;
    job->kind = BATCH_JOB_FILE;
    job->path = strdup(path);
    job->id = batch_utf8_copy(path, strlen(path));
    job->mirror = mirror_of_arg(path);
    if (!job->path || !job->id || !job->mirror) {
        batch_job_free(job);
        return NULL;
    }
    return job;
}

/* An error (kind ERROR) or skipped (kind SKIP) input, known by its path;
 * or with path NULL a line of --jsonl or --files-from with no usable id,
 * known by line_no. */
static batch_job *note_job(batch_job_kind kind, const char *path, uint64_t line_no, int code,
                           const char *reason, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static batch_job *note_job(batch_job_kind kind, const char *path, uint64_t line_no, int code,
                           const char *reason, const char *fmt, ...)
{
    batch_job *job = calloc(1, sizeof *job);
    if (!job)
        return NULL;
    job->kind = kind;
    job->line_no = line_no;
    job->code = code;
    job->reason = reason;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    job->message = strdup(msg);
    bool ok = job->message != NULL;
    if (path) {
        ok = ok && (job->id = batch_utf8_copy(path, strlen(path)));
        ok = ok && (job->mirror = mirror_of_arg(path));
    } else if (ok && (job->mirror = malloc(32))) {
        /* '@' is never in a name made from an id (batch_safe_name). */
        snprintf(job->mirror, 32, "@line-%" PRIu64, line_no);
    } else {
        ok = false;
    }
    if (!ok) {
        batch_job_free(job);
        return NULL;
    }
    return job;
}

/* A pattern without '/' is matched against the name alone, at any depth;
 * one with '/' against the path relative to the walked root. '*' matches
 * '/' too (no FNM_PATHNAME), so "*.txt" matches at any depth and
 * "news/2016*" everything below news/ whose path starts so. */
static bool matches_any(const char **pats, size_t n, const char *rel, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(pats[i], strchr(pats[i], '/') ? rel : name, 0) == 0)
            return true;
    return false;
}

static bool wanted_file(const batch_config *cfg, const char *rel, const char *name)
{
    if (cfg->n_include && !matches_any(cfg->include, cfg->n_include, rel, name))
        return false;
    return !matches_any(cfg->exclude, cfg->n_exclude, rel, name);
}

static const char *special_kind(mode_t m)
{
    return S_ISFIFO(m)   ? "a FIFO"
           : S_ISSOCK(m) ? "a socket"
           : S_ISCHR(m)  ? "a character device"
           : S_ISBLK(m)  ? "a block device"
                         : "an unknown kind of file";
}

static char *join(const char *a, const char *b)
{
    size_t na = strlen(a), nb = strlen(b);
    bool slash = na > 0 && a[na - 1] != '/';
    char *s = malloc(na + nb + 2);
    if (s) {
        memcpy(s, a, na);
        if (slash)
            s[na++] = '/';
        memcpy(s + na, b, nb + 1);
    }
    return s;
}

static int walk(batch_run *run, const char *dir, const char *rel);

/* One entry of a walked folder. */
static int visit_entry(batch_run *run, const char *path, const char *rel,
                       const cli_dir_entry *e)
{
    const batch_config *cfg = run->cfg;
    unsigned char type = e->type;
    struct stat st;
    bool have_st = false;
    if (type == CLI_ENTRY_UNKNOWN && lstat(path, &st) == 0)
        type = S_ISLNK(st.st_mode)   ? CLI_ENTRY_LNK
               : S_ISDIR(st.st_mode) ? CLI_ENTRY_DIR
                                     : CLI_ENTRY_UNKNOWN;
    if (type == CLI_ENTRY_UNKNOWN || type == CLI_ENTRY_LNK) {
        /* Follow a link to see what it names; a broken one is kept as a
         * file so that it is reported, not silently lost. */
        if (stat(path, &st) == 0) {
            have_st = true;
            if (S_ISDIR(st.st_mode) && type == CLI_ENTRY_LNK) {
                /* Reported only where a file of its name would be read. */
                if (!wanted_file(cfg, rel, e->name))
                    return IN_OK;
                /* Not followed: links could loop, and could reach far
                 * outside the tree. */
                return submit(run, note_job(BATCH_JOB_SKIP, path, 0, 0, NULL,
                                            "a symbolic link to a folder, not followed "
                                            "(name it as a PATH to include it)"));
            }
            type = S_ISDIR(st.st_mode)   ? CLI_ENTRY_DIR
                   : S_ISREG(st.st_mode) ? CLI_ENTRY_REG
                                         : CLI_ENTRY_OTHER;
        } else {
            type = CLI_ENTRY_REG;
        }
    }
    if (type == CLI_ENTRY_DIR) {
        if (matches_any(cfg->exclude, cfg->n_exclude, rel, e->name))
            return IN_OK;
        if (run->outdir_known && (have_st || stat(path, &st) == 0) &&
            st.st_dev == run->outdir_dev && st.st_ino == run->outdir_ino)
            return IN_OK; /* our own --output-dir */
        return walk(run, path, rel);
    }
    if (!wanted_file(cfg, rel, e->name))
        return IN_OK;
    if (type == CLI_ENTRY_REG) {
        if (run->out_known && (have_st || stat(path, &st) == 0) && st.st_dev == run->out_dev &&
            st.st_ino == run->out_ino)
            return IN_OK; /* our own -o FILE */
        return submit(run, file_job(path));
    }
    if (!have_st && lstat(path, &st) != 0)
        st.st_mode = 0;
    return submit(run, note_job(BATCH_JOB_SKIP, path, 0, 0, NULL,
                                "%s, not a regular file", special_kind(st.st_mode)));
}

static int walk(batch_run *run, const char *dir, const char *rel)
{
    if (atomic_load(&run->stop))
        return IN_STOP;
    cli_dir_entry *es;
    size_t n;
    int read_errno, code = IN_OK;
    int e = cli_dir_list(dir, &es, &n, &read_errno);
    if (e == ENOMEM) {
        cli_complain("out of memory listing %s", dir);
        return EXIT_INTERNAL;
    }
    if (e)
        return submit(run, note_job(BATCH_JOB_ERROR, dir, 0, EXIT_IO,
                                    "unreadable", "cannot open folder: %s", strerror(e)));
    if (read_errno)
        code = submit(run, note_job(BATCH_JOB_ERROR, dir, 0, EXIT_IO,
                                    "unreadable", "cannot read folder: %s",
                                    strerror(read_errno)));
    for (size_t i = 0; i < n && code == IN_OK; i++) {
        char *path = join(dir, es[i].name);
        char *r = *rel ? join(rel, es[i].name) : strdup(es[i].name);
        if (!path || !r) {
            cli_complain("out of memory");
            code = EXIT_INTERNAL;
        } else {
            code = visit_entry(run, path, r, &es[i]);
        }
        free(path);
        free(r);
    }
    cli_dir_free(es, n);
    return code;
}

/* A PATH argument or a --files-from line: a file, or a folder to walk. */
static int visit_arg(batch_run *run, const char *arg)
{
    struct stat st;
    if (stat(arg, &st) != 0)
        return submit(run, note_job(BATCH_JOB_ERROR, arg, 0, EXIT_IO, "unreadable",
                                    "cannot open: %s", strerror(errno)));
    if (S_ISDIR(st.st_mode))
        return walk(run, arg, "");
    return submit(run, file_job(arg));
}

/* ------------------------------------------------------------------------ */
/* Lines: --files-from and --jsonl                                           */

/* Open a --files-from or --jsonl input; a regular file's size gives the
 * progress bar its total. */
static int open_stream(batch_run *run, const char *opt, const char *path, cli_lines *r,
                       size_t limit)
{
    int e = cli_lines_open(r, path, limit, run->wake_fd[0], &run->input_done);
    if (e == ENOMEM) {
        cli_complain("out of memory");
        return EXIT_INTERNAL;
    }
    if (e) {
        cli_complain("%s: cannot open %s: %s", opt, path, strerror(e));
        return EXIT_IO;
    }
    struct stat st;
    if (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode) && !run->total_is_files)
        atomic_store(&run->input_total, (uint_fast64_t)st.st_size);
    return EXIT_OK;
}

/* Close a stream after the loop over its lines: `code` is what the last
 * submission returned, `got` what the last read returned. */
static int close_stream(cli_lines *r, const char *opt, const char *path, int got, int code)
{
    if (code == IN_OK && got == CLI_LINES_ERROR) {
        cli_complain("%s: cannot read %s: %s", opt, strcmp(path, "-") ? path : "standard input",
                     strerror(r->err));
        code = r->err == ENOMEM ? EXIT_INTERNAL : EXIT_IO;
    } else if (code == IN_OK && got == CLI_LINES_STOP) {
        code = IN_STOP;
    }
    cli_lines_close(r);
    return code;
}

/* What a stream's reader does with one line (got: CLI_LINES_LINE, or
 * CLI_LINES_LONG with no line), numbered from 1: IN_OK to go on. */
typedef int (*line_fn)(batch_run *run, int got, char *line, size_t len, uint64_t line_no,
                       size_t limit);

/* Each line of the stream at path (the value of option opt), of at most
 * limit bytes, through each_line; then the stream's end, stop or error. */
static int read_stream(batch_run *run, const char *opt, const char *path, size_t limit,
                       line_fn each_line)
{
    cli_lines r;
    int code = open_stream(run, opt, path, &r, limit);
    if (code != EXIT_OK)
        return code;
    uint64_t line_no = 0;
    char *line;
    size_t len;
    int got;
    while ((got = cli_lines_next(&r, &line, &len)) == CLI_LINES_LINE || got == CLI_LINES_LONG) {
        if ((code = each_line(run, got, line, len, ++line_no, limit)) != IN_OK)
            break;
    }
    return close_stream(&r, opt, path, got, code);
}

/* A line of --files-from: a PATH. */
static int files_from_line(batch_run *run, int got, char *line, size_t len, uint64_t line_no,
                           size_t limit)
{
    if (got == CLI_LINES_LINE && len && line[len - 1] == '\r')
        line[--len] = '\0'; /* a list written on Windows */
    if (got == CLI_LINES_LINE && len == 0)
        return IN_OK;
    if (got == CLI_LINES_LONG)
        return submit(run, note_job(BATCH_JOB_ERROR, NULL, line_no, EXIT_IO, "unreadable",
                                    "line %" PRIu64 " of the --files-from list: longer than "
                                    "%zu bytes", line_no, limit));
    if (memchr(line, '\0', len))
        return submit(run, note_job(BATCH_JOB_ERROR, NULL, line_no, EXIT_IO, "unreadable",
                                    "line %" PRIu64 " of the --files-from list holds a NUL "
                                    "byte", line_no));
    return visit_arg(run, line);
}

/* A line of --jsonl: one document, parsed by the worker that takes it. */
static int jsonl_line(batch_run *run, int got, char *line, size_t len, uint64_t line_no,
                      size_t limit)
{
    if (got == CLI_LINES_LINE && strspn(line, " \t\r") == len)
        return IN_OK; /* blank lines carry no document */
    batch_job *job = NULL;
    if (got == CLI_LINES_LONG) {
        job = note_job(BATCH_JOB_ERROR, NULL, line_no, EXIT_NOT_TEXT, "too-large",
                       "line %" PRIu64 ": longer than %zu bytes, more than a document "
                       "of --max-bytes %zu can take", line_no, limit,
                       run->cfg->opt.max_bytes);
    } else if ((job = calloc(1, sizeof *job))) {
        /* Parsing waits for a worker: it is part of the per-document
         * cost, and runs in parallel there. */
        job->kind = BATCH_JOB_LINE;
        job->line_no = line_no;
        job->len = len;
        if ((job->data = malloc(len + 1)))
            memcpy(job->data, line, len + 1);
        else {
            batch_job_free(job);
            job = NULL;
        }
    }
    return submit(run, job);
}

int batch_read_inputs(batch_run *run)
{
    const batch_config *cfg = run->cfg;
    int code = IN_OK;
    if (cfg->jsonl)
        code = read_stream(run, "--jsonl", cfg->jsonl, cli_jsonl_limit(cfg->opt.max_bytes),
                           jsonl_line);
    for (size_t i = 0; i < cfg->n_paths && code == IN_OK; i++)
        code = visit_arg(run, cfg->paths[i]);
    /* A path is at most PATH_MAX (4096) on Linux; the limit leaves room. */
    if (cfg->files_from && code == IN_OK)
        code = read_stream(run, "--files-from", cfg->files_from, 65536, files_from_line);
    if (cfg->list && fflush(stdout) != 0) {
        cli_complain("cannot write the list: %s", strerror(errno));
        return EXIT_IO;
    }
    return code == IN_STOP ? EXIT_OK : code;
}
