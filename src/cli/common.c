/* Shared pieces of the precis command (see cli.h). */
#define _POSIX_C_SOURCE 200809L
#define _XOPEN_SOURCE 700 /* realpath */

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* "precis: <message><tail>" on standard error, in one piece even when
 * threads complain at once. */
static void vcomplain(const char *fmt, va_list ap, const char *tail)
{
    flockfile(stderr);
    fputs("precis: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs(tail, stderr);
    funlockfile(stderr);
}

void cli_complain(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vcomplain(fmt, ap, "\n");
    va_end(ap);
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vcomplain(fmt, ap, " (try 'precis --help')\n");
    va_end(ap);
    return EXIT_USAGE;
}

bool cli_parse_size(const char *s, size_t lo, size_t hi, size_t *out)
{
    if (!s || !*s || *s == '-' || *s == '+')
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || v < lo || v > hi)
        return false;
    *out = (size_t)v;
    return true;
}

bool cli_parse_double(const char *s, double lo, double hi, bool lo_open, bool hi_open,
                      double *out)
{
    if (!s || !*s)
        return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v))
        return false;
    if (lo_open ? v <= lo : v < lo)
        return false;
    if (hi_open ? v >= hi : v > hi)
        return false;
    *out = v;
    return true;
}

enum {
    OPT_REPAIR = CLI_OPT_MODEL + 1, OPT_MAX_BYTES, OPT_MAX_SENT_WORDS, OPT_DAMPING, OPT_TOLERANCE,
    OPT_MAX_ITER, OPT_NO_MODEL
};

static const struct option summary_longopts[] = {
    {"sentences", required_argument, NULL, 'n'},
    {"words", required_argument, NULL, 'w'},
    {"ratio", required_argument, NULL, 'r'},
    {"keywords", required_argument, NULL, 'k'},
    {"lang", required_argument, NULL, 'l'},
    {"method", required_argument, NULL, 'm'},
    {"model", required_argument, NULL, CLI_OPT_MODEL},
    {"no-model", no_argument, NULL, OPT_NO_MODEL},
    {"repair-utf8", no_argument, NULL, OPT_REPAIR},
    {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
    {"max-sentence-words", required_argument, NULL, OPT_MAX_SENT_WORDS},
    {"damping", required_argument, NULL, OPT_DAMPING},
    {"tolerance", required_argument, NULL, OPT_TOLERANCE},
    {"max-iterations", required_argument, NULL, OPT_MAX_ITER},
    {NULL, 0, NULL, 0}};

static int bad_value(const char *option, const char *arg, const char *want)
{
    cli_usage_error("--%s: '%s' is not %s", option, arg, want);
    return -EXIT_USAGE;
}

/* A whole number in the library's range [lo, hi] (precis.h's limits). */
static int size_option(const char *option, const char *arg, size_t lo, size_t hi, size_t *out)
{
    if (cli_parse_size(arg, lo, hi, out))
        return 1;
    cli_usage_error("--%s: '%s' is not a whole number from %zu to %zu", option, arg, lo, hi);
    return -EXIT_USAGE;
}

int cli_summary_option(cli_summary_options *s, int c, const char *arg)
{
    precis_options *o = &s->opt;
    switch (c) {
    case 'n':
        o->words = 0, o->ratio = 0;
        return size_option("sentences", arg, 1, PRECIS_MAX_SENTENCES, &o->sentences);
    case 'w':
        o->ratio = 0;
        return size_option("words", arg, 1, PRECIS_MAX_WORDS, &o->words);
    case 'r':
        if (!cli_parse_double(arg, 0, 1, true, false, &o->ratio))
            return bad_value("ratio", arg, "a number above 0 and at most 1");
        o->words = 0;
        return 1;
    case 'k':
        return size_option("keywords", arg, 0, PRECIS_MAX_KEYWORDS, &o->keywords);
    case 'l': {
        precis_error err = PRECIS_ERROR_INIT;
        if (precis_language_resolve(arg, &o->language, &err) != PRECIS_OK) {
            cli_usage_error("--lang: %s", err.message);
            return -EXIT_USAGE;
        }
        return 1;
    }
    case 'm':
        if (precis_method_parse(arg, &o->method) != PRECIS_OK) {
            cli_usage_error("--method: unknown method '%s'; known: news, textrank, "
                            "textrank-classic, textrank-personalised, lexrank, bm25, pacsum, "
                            "lead, random",
                            arg);
            return -EXIT_USAGE;
        }
        return 1;
    case CLI_OPT_MODEL:
        s->model_path = arg;
        return 1;
    case OPT_NO_MODEL:
        s->no_model = true;
        return 1;
    case OPT_REPAIR:
        o->repair_utf8 = 1;
        return 1;
    case OPT_MAX_BYTES:
        return size_option("max-bytes", arg, 1, PRECIS_MAX_BYTES_LIMIT, &o->max_bytes);
    case OPT_MAX_SENT_WORDS:
        return size_option("max-sentence-words", arg, 1, PRECIS_MAX_SENTENCE_WORDS,
                           &o->max_sentence_words);
    case OPT_DAMPING:
        if (!cli_parse_double(arg, 0, 1, true, true, &o->damping))
            return bad_value("damping", arg, "a number above 0 and below 1");
        return 1;
    case OPT_TOLERANCE:
        if (!cli_parse_double(arg, 0, 1, true, true, &o->tolerance))
            return bad_value("tolerance", arg, "a number above 0 and below 1");
        return 1;
    case OPT_MAX_ITER:
        return size_option("max-iterations", arg, 1, PRECIS_MAX_ITERATIONS, &o->max_iterations);
    default:
        return 0;
    }
}

int cli_exit_for(precis_status s)
{
    switch (s) {
    case PRECIS_OK:
        return EXIT_OK;
    case PRECIS_ERR_ARGUMENT:
    case PRECIS_ERR_LANGUAGE:
        return EXIT_USAGE;
    case PRECIS_ERR_IO:
        return EXIT_IO;
    case PRECIS_ERR_BINARY:
    case PRECIS_ERR_UTF8:
    case PRECIS_ERR_TOO_LARGE:
        return EXIT_NOT_TEXT;
    case PRECIS_ERR_EMPTY:
    case PRECIS_ERR_ONE_SENTENCE:
    case PRECIS_ERR_NO_STRUCTURE:
        return EXIT_NOTHING;
    case PRECIS_ERR_MODEL:
        /* A corrupt, truncated or wrong-language model is a bad argument,
         * whichever command was given it. */
        return EXIT_USAGE;
    case PRECIS_ERR_NOMEM:
    case PRECIS_ERR_NUMERIC:
        return EXIT_INTERNAL;
    }
    return EXIT_INTERNAL;
}

/* Read all of fd; EFBIG past limit bytes. */
static int read_fd(int fd, size_t limit, char **buf, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *b = malloc(cap);
    if (!b)
        return ENOMEM;
    for (;;) {
        if (n + 1 >= cap) {
            if (cap > limit + 1) {
                free(b);
                return EFBIG;
            }
            char *nb = realloc(b, cap * 2);
            if (!nb) {
                free(b);
                return ENOMEM;
            }
            b = nb;
            cap *= 2;
        }
        ssize_t r = read(fd, b + n, cap - n - 1);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(b);
            return e;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > limit) {
            free(b);
            return EFBIG;
        }
    }
    b[n] = '\0';
    *buf = b;
    *len = n;
    return 0;
}

int cli_read_input(const char *path, size_t limit, char **buf, size_t *len, char *why,
                   size_t why_len)
{
    int fd = STDIN_FILENO;
    bool own = strcmp(path, "-") != 0;
    if (own) {
        fd = open(path, O_RDONLY);
        if (fd < 0) {
            snprintf(why, why_len, "cannot open: %s", strerror(errno));
            return EXIT_IO;
        }
    }
    struct stat st;
    int code = EXIT_OK;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            snprintf(why, why_len, "is a directory, not a file");
            code = EXIT_IO;
        } else if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
            snprintf(why, why_len, "too large: %lld bytes is more than the limit of %zu "
                     "(--max-bytes)", (long long)st.st_size, limit);
            code = EXIT_NOT_TEXT;
        }
    }
    if (code == EXIT_OK) {
        int e = read_fd(fd, limit, buf, len);
        if (e == EFBIG) {
            snprintf(why, why_len, "too large: more than the limit of %zu bytes (--max-bytes)",
                     limit);
            code = EXIT_NOT_TEXT;
        } else if (e) {
            snprintf(why, why_len, "cannot read: %s", strerror(e));
            code = e == ENOMEM ? EXIT_INTERNAL : EXIT_IO;
        }
    }
    if (own)
        close(fd);
    return code;
}

void cli_append(cli_out *o, const char *s, size_t n)
{
    if (o->nomem)
        return;
    if (o->n + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap : 4096;
        while (cap < o->n + n + 1)
            cap *= 2;
        char *p = realloc(o->s, cap);
        if (!p) {
            o->nomem = true;
            return;
        }
        o->s = p;
        o->cap = cap;
    }
    memcpy(o->s + o->n, s, n);
    o->n += n;
    o->s[o->n] = '\0';
}

void cli_printf(cli_out *o, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        o->nomem = true;
        return;
    }
    if ((size_t)n < sizeof small) {
        cli_append(o, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        o->nomem = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    cli_append(o, big, (size_t)n);
    free(big);
}

static char *model_in(const char *dir, const char *sub, const char *code)
{
    size_t n = strlen(dir) + strlen(sub) + strlen(code) + 32;
    char *p = malloc(n);
    if (!p)
        return NULL;
    snprintf(p, n, "%s%s/%s/news.model", dir, sub, code);
    struct stat st;
    if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
        return p;
    free(p);
    return NULL;
}

/* Set by CMakeLists.txt for the precis command; empty elsewhere (the fuzz
 * harness compiles this file too). */
#ifndef PRECIS_BUILD_EXE_DIR
#define PRECIS_BUILD_EXE_DIR ""
#endif
#ifndef PRECIS_SOURCE_MODELS_DIR
#define PRECIS_SOURCE_MODELS_DIR ""
#endif
#ifndef PRECIS_INSTALL_MODELS_DIR
#define PRECIS_INSTALL_MODELS_DIR ""
#endif

char *cli_default_model_path(const char *language)
{
    const char *code = precis_language_code(language);
    if (!code)
        return NULL;
    const char *env = getenv("PRECIS_MODEL_DIR");
    if (env && *env)
        return model_in(env, "", code);
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash = n > 0 ? (exe[n] = '\0', strrchr(exe, '/')) : NULL;
    if (slash)
        *slash = '\0';
    char *p = NULL;
    /* The binary in the folder it was built in: the source tree's models,
     * wherever the build folder is. */
    char built[4096];
    if (slash && *PRECIS_SOURCE_MODELS_DIR && realpath(PRECIS_BUILD_EXE_DIR, built) &&
        strcmp(exe, built) == 0)
        p = model_in(PRECIS_SOURCE_MODELS_DIR, "", code);
    /* Installed: beside the binary (a moved prefix), then the configured
     * prefix; a build folder inside the source tree (build/../models). */
    if (!p && slash)
        p = model_in(exe, "/../share/precis/models", code);
    if (!p && *PRECIS_INSTALL_MODELS_DIR)
        p = model_in(PRECIS_INSTALL_MODELS_DIR, "", code);
    if (!p && slash)
        p = model_in(exe, "/../models", code);
    return p;
}

int cli_load_model(const char *path, bool none, const char *language, precis_model **model)
{
    *model = NULL;
    if (none)
        return EXIT_OK;
    char *found = NULL;
    if (!path) {
        found = cli_default_model_path(strcmp(language, "auto") == 0 ? "english" : language);
        if (!found)
            return EXIT_OK;
        path = found;
    }
    precis_error err = PRECIS_ERROR_INIT;
    int code = EXIT_OK;
    if (precis_model_load(path, model, &err) != PRECIS_OK) {
        cli_complain("%s", err.message);
        code = err.status == PRECIS_ERR_IO ? EXIT_IO : EXIT_USAGE;
    } else if (strcmp(language, "auto") != 0 &&
               strcmp(precis_model_language(*model), language) != 0) {
        cli_complain("%s: the model is for %s, not %s (--lang); use a model for %s or --no-model",
                     path, precis_model_language(*model), language, language);
        precis_model_free(*model);
        *model = NULL;
        code = EXIT_USAGE;
    }
    free(found);
    return code;
}

int cli_write_stdout(const char *s, size_t n)
{
    if (n && fwrite(s, 1, n, stdout) != n) {
        cli_complain("cannot write output: %s", strerror(errno));
        return EXIT_IO;
    }
    if (fflush(stdout) != 0) {
        cli_complain("cannot write output: %s", strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}

/* Long options = shared followed by own (each ending with an all-zero
 * entry), written to out (room for cap entries). false when they do not
 * fit. */
static bool longopts_with(const struct option *shared, const struct option *own,
                          struct option *out, size_t cap)
{
    size_t a = 0, b = 0;
    while (shared[a].name)
        a++;
    while (own[b].name)
        b++;
    if (a + b + 1 > cap)
        return false;
    memcpy(out, shared, a * sizeof *out);
    memcpy(out + a, own, (b + 1) * sizeof *out);
    return true;
}

int cli_parse_options(int argc, char **argv, const cli_command *cmd, cli_summary_options *so,
                      void *ctx)
{
    static const struct option none[] = {{NULL, 0, NULL, 0}};
    struct option longopts[48];
    char shortopts[48];
    int n = snprintf(shortopts, sizeof shortopts, ":%s%s", so ? "n:w:r:k:l:m:" : "",
                     cmd->own_short);
    if (!longopts_with(so ? summary_longopts : none, cmd->own, longopts,
                       sizeof longopts / sizeof longopts[0]) ||
        n < 0 || (size_t)n >= sizeof shortopts) {
        cli_complain("internal error: too many options");
        return EXIT_INTERNAL;
    }
    opterr = 0;
    optind = cmd->first;
    int c, code = CLI_GO_ON;
    while (code == CLI_GO_ON && (c = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
        int applied = so ? cli_summary_option(so, c, optarg) : 0;
        if (applied < 0)
            return -applied;
        if (applied)
            continue;
        if (c == ':')
            return cli_usage_error("option '%s' needs a value", argv[optind - 1]);
        if (c == '?')
            return cli_usage_error("%s%sunknown option '%s'", cmd->name ? cmd->name : "",
                                   cmd->name ? ": " : "", argv[optind - 1]);
        code = cmd->apply(ctx, c, optarg);
    }
    return code;
}
