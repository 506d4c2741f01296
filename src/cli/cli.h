/* Shared pieces of the precis command: exit codes, messages, option
 * parsing, input and output. Only the public header of the library is
 * used from here. */
#ifndef PRECIS_CLI_H
#define PRECIS_CLI_H

#include <getopt.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "precis.h"

/* Exit codes, documented in `precis --help` and the README. */
enum {
    EXIT_OK = 0,
    EXIT_INTERNAL = 1, /* out of memory, numerical failure */
    EXIT_USAGE = 2,    /* bad option or value, unknown language */
    EXIT_IO = 3,       /* cannot read input or write output */
    EXIT_NOT_TEXT = 4, /* binary, invalid UTF-8, too large */
    EXIT_NOTHING = 5,  /* empty, one sentence, no sentence structure */
    EXIT_SHORT = 6     /* fewer sentences than asked for (all printed) */
};

/* "precis: <message>\n" on standard error. */
void cli_complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same with a pointer to --help; returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Whole-string unsigned integer in [lo, hi]. */
bool cli_parse_size(const char *s, size_t lo, size_t hi, size_t *out);
/* Whole-string finite number within (or at, unless open) lo and hi. */
bool cli_parse_double(const char *s, double lo, double hi, bool lo_open, bool hi_open,
                      double *out);

/* The exit code for a library status. */
int cli_exit_for(precis_status status);

/* Read a whole file, or standard input for "-", of at most limit bytes.
 * On success returns EXIT_OK and a malloc'd *buf (NUL-terminated) of *len
 * bytes. On failure returns the exit code and writes the reason into why
 * ("cannot open: No such file or directory", "is a directory, not a
 * file", "too large: ..."). */
int cli_read_input(const char *path, size_t limit, char **buf, size_t *len, char *why,
                   size_t why_len);

/* What a folder listing says an entry is; CLI_ENTRY_UNKNOWN where the
 * file system does not say (ask lstat). */
enum { CLI_ENTRY_UNKNOWN, CLI_ENTRY_DIR, CLI_ENTRY_REG, CLI_ENTRY_LNK, CLI_ENTRY_OTHER };

typedef struct cli_dir_entry {
    char *name;
    unsigned char type; /* CLI_ENTRY_* */
} cli_dir_entry;

/* The entries of folder dir but . and .., sorted by their bytes (strcmp,
 * not the locale), so a walk is the same on every machine (folder.c).
 * Returns 0 with *entries (free with cli_dir_free) of *n entries, or an
 * errno value with none: why opendir failed, or ENOMEM (never a partial
 * list). *read_errno is non-zero when reading the folder failed part way:
 * the entries are then those read before. */
int cli_dir_list(const char *dir, cli_dir_entry **entries, size_t *n, int *read_errno);
void cli_dir_free(cli_dir_entry *entries, size_t n);

/* A stream read line by line, each line at most `limit` bytes (lines.c). */
typedef struct cli_lines {
    int fd, wake; /* wake: a pipe whose data means stop, or -1 */
    char *buf;
    size_t cap, start, end, limit;
    bool eof;
    int err;                        /* errno of CLI_LINES_ERROR */
    atomic_uint_fast64_t *progress; /* bytes consumed are added here; may be NULL */
} cli_lines;

/* What cli_lines_next returns (apart from exit codes, never confused). */
enum { CLI_LINES_LINE = 100, CLI_LINES_LONG, CLI_LINES_EOF, CLI_LINES_ERROR, CLI_LINES_STOP };

/* Open path ("-": standard input) for reading by lines: 0, or an errno
 * value (ENOMEM, or why open failed) with nothing to close. */
int cli_lines_open(cli_lines *r, const char *path, size_t limit, int wake,
                   atomic_uint_fast64_t *progress);
/* The next line without its '\n', NUL-terminated, valid until the next
 * call: CLI_LINES_LINE. A line longer than the limit is consumed without
 * being kept: CLI_LINES_LONG (line not set). Then CLI_LINES_EOF; or
 * CLI_LINES_ERROR (r->err), or CLI_LINES_STOP when the wake pipe spoke. */
int cli_lines_next(cli_lines *r, char **line, size_t *len);
void cli_lines_close(cli_lines *r);
/* The longest JSON Lines line a document of max_bytes can take: every
 * byte escaped as \u00XX is six, plus 1 MiB for the other members. */
size_t cli_jsonl_limit(size_t max_bytes);

/* A growing output buffer: everything is written at the end in one go, so
 * a failure never leaves half an answer on standard output. */
typedef struct cli_out {
    char *s;
    size_t n, cap;
    bool nomem;
} cli_out;

void cli_printf(cli_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_append(cli_out *o, const char *s, size_t n);
/* Write s[0, n) to standard output and flush; EXIT_IO with a message on
 * failure. */
int cli_write_stdout(const char *s, size_t n);

/* Options that `precis` and `precis batch` share: what a summary is
 * (length, key terms, language, method, model, input limits, ranking). */
typedef struct cli_summary_options {
    precis_options opt;
    const char *model_path; /* --model FILE */
    bool no_model;          /* --no-model */
} cli_summary_options;

/* --model's value among getopt_long's answers for them (the others are
 * private to common.c, from CLI_OPT_MODEL + 1 up). */
#define CLI_OPT_MODEL 1000

/* What option parsing answers when the command goes on past its options;
 * any other answer is the exit code of a command that is done (--help,
 * a usage error). Never an exit code itself. */
#define CLI_GO_ON (-1)

/* A command's own option c (as getopt_long returned it, below 1000) with
 * argument arg: CLI_GO_ON, or the exit code of a command that is done. */
typedef int (*cli_option_fn)(void *ctx, int c, const char *arg);

/* A command's options, for cli_parse_options. */
typedef struct cli_command {
    const char *name;           /* "eval": "eval: unknown option ..."; NULL: no prefix */
    const struct option *own;   /* its long options, ending with an all-zero entry */
    const char *own_short;      /* their getopt letters ("o:j:qh") */
    int first;                  /* argv's index of the first option (after a verb) */
    cli_option_fn apply;        /* what each of them does */
} cli_command;

/* The one option loop of every command: parse argv's options with
 * getopt_long, the shared summary options into *so (initialised by the
 * caller; NULL: the command takes none of them), the command's own through
 * cmd->apply(ctx, ...). A missing value and an unknown option are usage
 * errors. CLI_GO_ON with optind at the first operand, or the exit code of
 * a command that is done. */
int cli_parse_options(int argc, char **argv, const cli_command *cmd, cli_summary_options *so,
                      void *ctx);

/* Apply option c (as getopt_long returned it) with argument arg if it is
 * one of the shared ones: 1 when applied, 0 when c is not one of them, or
 * -EXIT_USAGE after a message naming the option and the bad value. */
int cli_summary_option(cli_summary_options *s, int c, const char *arg);

/* The trained model to use by default for a language (canonical name):
 * <code>/news.model in $PRECIS_MODEL_DIR; else, for the program in the
 * folder CMake built it in, in the source tree's models/ (wherever the
 * build folder is); else in bin/../share/precis/models, in the data folder
 * of the configured install prefix, or in bin/../models. A malloc'd path,
 * or NULL when there is none. `precis --version` prints it. */
char *cli_default_model_path(const char *language);

/* --model/--no-model as every command resolves them: an explicit file, or
 * the default model of the language (for "auto", english's), or none.
 * EXIT_OK with *model NULL when there is none to load; otherwise prints
 * why it failed. */
int cli_load_model(const char *path, bool none, const char *language, precis_model **model);

/* precis --version: versions of the command, the library and its
 * dependencies, and the model these options would use (version.c). */
int cli_print_version(const cli_summary_options *so);

/* Subcommands: `precis NAME ...` runs cli_NAME_main(argc, argv) with
 * argv[0] = NAME. */
int cli_eval_main(int argc, char **argv);
int cli_model_main(int argc, char **argv);
int cli_batch_main(int argc, char **argv);

#endif
