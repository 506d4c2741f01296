/* `precis batch`: what its files share (docs/batch.md is the user's view).
 *
 *   batch.c         options, signals, progress, the run from start to end
 *   batch_pool.c    worker threads, the bounded window, ordered writing
 *   batch_input.c   inputs: paths and directory walks, --files-from, --jsonl
 *   batch_record.c  one input to one JSON Lines record (read, summarise)
 *   batch_output.c  output file, --output-dir mirror, --resume scan, id set
 *
 * Data flow: the main thread reads inputs and submits one job per input;
 * a worker turns each job into one record; records are written whole, in
 * input order unless --unordered. At most `window` jobs exist at a time,
 * so memory is bounded by the window times the size of a document. */
#ifndef PRECIS_BATCH_H
#define PRECIS_BATCH_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "cli.h"

/* Exit codes beyond the single-file ones of cli.h. */
enum {
    EXIT_SOME_FAILED = 7 /* the run finished, some documents failed */
};

/* ------------------------------------------------------------------------ */
/* Configuration                                                             */

typedef struct batch_config {
    precis_options opt;
    unsigned jobs;
    const char *output;      /* -o FILE; NULL: standard output */
    const char *output_dir;  /* --output-dir DIR; NULL: JSON Lines */
    const char *files_from;  /* --files-from FILE or "-" */
    const char *jsonl;       /* --jsonl FILE or "-" */
    const char *id_field, *text_field;
    const char **include, **exclude;
    size_t n_include, n_exclude;
    const char **paths;
    size_t n_paths;
    const char *model_path; /* --model FILE; NULL: the language's default */
    bool no_model;          /* --no-model */
    bool unordered, resume, quiet, list;
    /* --only: records with the summary alone (no key terms), or the key
     * terms alone (precis_extract_keywords: a text of one sentence too) */
    bool only_summary, only_keywords;
} batch_config;

/* ------------------------------------------------------------------------ */
/* Jobs and records                                                          */

typedef enum batch_job_kind {
    BATCH_JOB_FILE,  /* read `path` and summarise it */
    BATCH_JOB_LINE,  /* parse `data` as a JSON object, summarise its text */
    BATCH_JOB_ERROR, /* the reader already knows it failed */
    BATCH_JOB_SKIP   /* the reader already knows it is skipped */
} batch_job_kind;

typedef struct batch_job {
    uint64_t seq; /* position in input order, from 0 */
    batch_job_kind kind;
    /* The id as decoded text (FILE, ERROR, SKIP: a path, valid UTF-8 after
     * repair); NULL when unknown (a JSONL line with no usable id). */
    char *id;
    char *path;   /* FILE: the file to read, as the OS wants it */
    char *mirror; /* FILE, ERROR, SKIP: name under --output-dir, no ".json" */
    char *data;   /* LINE: the line, without its newline */
    size_t len;
    uint64_t line_no; /* LINE, and ERROR for a JSONL line: from 1; else 0 */
    int code;         /* ERROR: the exit code single mode would give */
    const char *reason; /* ERROR: a stable token, see docs/batch.md */
    char *message;      /* ERROR, SKIP: one line of English */
} batch_job;

void batch_job_free(batch_job *job);

typedef enum batch_outcome {
    BATCH_OK,
    BATCH_FAILED,
    BATCH_SKIPPED,  /* a "skipped" record */
    BATCH_RESUMED,  /* already in the output (--resume): no record */
    BATCH_DROPPED   /* interrupted before it started: no record */
} batch_outcome;

typedef struct batch_record {
    batch_outcome outcome;
    char *line; /* the record and its '\n'; NULL when there is none */
    size_t len;
    char *mirror; /* its name under --output-dir (no ".json"), or NULL */
} batch_record;

/* ------------------------------------------------------------------------ */
/* Resume: the ids already in the output                                      */

/* A set of 128-bit fingerprints of record keys (see batch_output.c for
 * why fingerprints, not strings). Read-only, so shareable, once built. */
typedef struct batch_idset batch_idset;

batch_idset *batch_idset_new(void);
void batch_idset_free(batch_idset *set);
bool batch_idset_add(batch_idset *set, const char *key, size_t len);
bool batch_idset_has(const batch_idset *set, const char *key, size_t len);
size_t batch_idset_count(const batch_idset *set);

/* The key of a record: "s" + the id string's bytes, "i" + a decimal
 * integer id, or "l" + the line number for a JSONL line with no usable
 * id. Written to key (NUL-terminated, malloc'd); false when out of
 * memory. */
bool batch_key_string(const char *id, size_t n, char **key, size_t *len);
bool batch_key_integer(long long id, char **key, size_t *len);
bool batch_key_line(uint64_t line_no, char **key, size_t *len);
/* The key of a record with an "input" member (from 1): "n" + the number.
 * Such a record is known by its position alone. */
bool batch_key_input(uint64_t input, char **key, size_t *len);

/* ------------------------------------------------------------------------ */
/* Output                                                                    */

typedef struct batch_sink {
    int fd;
    const char *name; /* for messages */
    bool own;         /* we opened fd */
    bool regular;     /* a regular file: a failed write can be undone */
    off_t good;       /* regular: end of the last complete record */
} batch_sink;

/* Open -o FILE (or standard output when path is NULL). With append the
 * file is kept and written at its end (--resume). EXIT_OK, or an exit code
 * after a message. */
int batch_sink_open(batch_sink *sink, const char *path, bool append);
/* Write one or more whole records with as few write calls as the kernel
 * allows. On failure returns the errno and, on a regular file, cuts the
 * file back to its last complete record: no torn line is left. */
int batch_sink_write(batch_sink *sink, const char *s, size_t n);
/* EXIT_OK, or EXIT_IO after a message. */
int batch_sink_close(batch_sink *sink);

/* Read an existing output for --resume: add every record's key to set,
 * cut a torn last line off the file. A missing file is an empty one.
 * Counts the records, and those of them with an "input" member.
 * EXIT_OK, or an exit code after a message. */
int batch_resume_scan(const char *path, batch_idset *set, uint64_t *records,
                      uint64_t *positional);

/* Write DIR/NAME.json atomically (a temporary file renamed over it),
 * creating folders as needed. 0 or an errno. */
int batch_mirror_write(const char *dir, const char *name, const char *s, size_t n);
/* Whether DIR/NAME.json exists as a regular file, not a link (--resume
 * with --output-dir). */
bool batch_mirror_exists(const char *dir, const char *name);
/* A file name for a document id: bytes other than [A-Za-z0-9._-] and a
 * leading '.' percent-encoded, and the first byte of a string id that reads
 * as an integer (so the string "1" and the integer 1, integer set, differ),
 * so different ids never share a name; very long ids shortened with a
 * hash. malloc'd; NULL when out of memory. */
char *batch_safe_name(const char *id, size_t n, bool integer);

/* ------------------------------------------------------------------------ */
/* The run                                                                   */

typedef struct batch_pool batch_pool;

typedef struct batch_run {
    const batch_config *cfg;
    batch_pool *pool;
    batch_sink sink;
    batch_idset *done;   /* --resume: keys already in the output, or NULL */
    uint64_t done_records; /* --resume: records in the output without "input" */
    /* Records carry "input", their input's position: --unordered, or
     * appending to an output that has such records (batch_record.c). */
    bool positional;
    int wake_fd[2];      /* written once when the run must stop */
    atomic_bool stop;    /* interrupted, or the output failed */
    atomic_int stop_signal; /* the signal that stopped the run, or 0 */
    bool progress_on;    /* a progress bar owns the last line of stderr */
    /* Progress: a fraction of the input known cheaply (see batch.c). */
    atomic_uint_fast64_t input_total; /* bytes or files; 0: unknown */
    atomic_uint_fast64_t input_done;
    bool total_is_files;
    /* Identity of the output, so a walk does not read what it writes. */
    dev_t out_dev;
    ino_t out_ino;
    bool out_known;
    dev_t outdir_dev;
    ino_t outdir_ino;
    bool outdir_known;
    /* --list: inputs that could not be listed. */
    atomic_uint_fast64_t list_failed;
    int input_error; /* EXIT_IO when a list or stream could not be read */
} batch_run;

/* Ask every part of the run to stop (idempotent; not signal-safe). */
void batch_request_stop(batch_run *run);

/* Inputs (batch_input.c): read every input the configuration names and
 * submit one job each. Returns EXIT_OK; or EXIT_IO after a message when a
 * list or stream became unreadable part way; or EXIT_INTERNAL. Stops early,
 * returning EXIT_OK, when the run is stopped. */
int batch_read_inputs(batch_run *run);

/* Records (batch_record.c): turn a job into a record. Thread-safe for
 * distinct summarizers. */
void batch_process(const batch_run *run, precis_summarizer *summarizer,
                   const batch_job *job, batch_record *rec);
/* Append s[0, n) to o as a JSON string: UTF-8 kept, invalid bytes
 * replaced with U+FFFD, quote, backslash and controls escaped. */
void batch_json_string(cli_out *o, const char *s, size_t n);
/* A copy of s[0, n) with invalid UTF-8 replaced with U+FFFD, NUL-
 * terminated; NULL when out of memory. */
char *batch_utf8_copy(const char *s, size_t n);

/* Pool (batch_pool.c). */
typedef struct batch_counts {
    uint64_t ok, failed, skipped, resumed, written;
} batch_counts;

/* Start cfg->jobs workers. EXIT_OK or EXIT_INTERNAL after a message. */
int batch_pool_start(batch_run *run, batch_pool **pool);
/* Hand a job over (ownership passes). Blocks while the window is full.
 * false when the run is stopping; the job is then freed. */
bool batch_submit(batch_pool *pool, batch_job *job);
/* No more jobs: wait for the workers to finish everything and write it. */
void batch_pool_finish(batch_pool *pool);
/* Drop the jobs not yet started (in-flight ones finish). */
void batch_pool_stop(batch_pool *pool);
void batch_pool_counts(batch_pool *pool, batch_counts *out);
/* The errno of the first failed output write, or 0. */
int batch_pool_write_error(batch_pool *pool);
/* Hold off every write (the caller is about to _exit): returns with the
 * output lock taken. */
void batch_pool_lock_output(batch_pool *pool);
void batch_pool_free(batch_pool *pool);

/* Monotonic seconds. */
double batch_now(void);

#endif
