/* precis: the command-line client of libprecis. It parses options, reads
 * the input, calls the library through its public header and prints; all
 * summarising happens in the library. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gsl/gsl_errno.h>

#include "precis.h"

/* Exit codes, documented in --help and the README. */
enum {
    EXIT_OK = 0,
    EXIT_INTERNAL = 1,  /* out of memory, numerical failure */
    EXIT_USAGE = 2,     /* bad option or value, unknown language */
    EXIT_IO = 3,        /* cannot read input or write output */
    EXIT_NOT_TEXT = 4,  /* binary, invalid UTF-8, too large */
    EXIT_NOTHING = 5,   /* empty, one sentence, no sentence structure */
    EXIT_SHORT = 6      /* fewer sentences than asked for (all printed) */
};

static const char usage_text[] =
    "Usage: precis [OPTION]... FILE\n"
    "Summarise an article: print its most central sentences, then its key terms.\n"
    "FILE is a UTF-8 text file, or - for standard input.\n"
    "\n"
    "Summary length (the last one given applies):\n"
    "  -n, --sentences N        N sentences (default 3)\n"
    "  -w, --words N            whole sentences in rank order up to N words\n"
    "                           (at least one sentence)\n"
    "  -r, --ratio R            about R of the article's words, 0 < R <= 1\n"
    "  -k, --keywords K         K key terms (default 10; 0 for none)\n"
    "\n"
    "Language and method:\n"
    "  -l, --lang LANG          language name or ISO code (default english)\n"
    "      --list-languages     print the languages precis knows and exit\n"
    "  -m, --method NAME        scoring method: textrank (default)\n"
    "\n"
    "Output:\n"
    "  -f, --format FORMAT      text (default) or json (schema precis/1)\n"
    "      --only PART          summary or keywords: only that part, one item\n"
    "                           per line, for scripts\n"
    "\n"
    "Input limits:\n"
    "      --repair-utf8        replace invalid UTF-8 with U+FFFD instead of failing\n"
    "      --max-bytes N        refuse inputs larger than N bytes (default 67108864)\n"
    "      --max-sentence-words N  a longer sentence means the text has no\n"
    "                           sentence structure (default 2000)\n"
    "\n"
    "Ranking (TextRank):\n"
    "      --damping D          PageRank damping factor, 0 < D < 1 (default 0.85)\n"
    "      --tolerance T        stop when the L1 change is below T (default 1e-6)\n"
    "      --max-iterations N   at most N power iterations (default 100)\n"
    "\n"
    "  -h, --help               print this help and exit\n"
    "  -V, --version            print the version and exit\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  internal failure (out of memory, numerical failure)\n"
    "  2  usage error: unknown option, bad option value, unknown language\n"
    "  3  cannot read the input or write the output: missing file, a directory,\n"
    "     permission denied, I/O error\n"
    "  4  the input is not usable text: binary data, invalid UTF-8, larger than\n"
    "     --max-bytes\n"
    "  5  nothing to summarise: empty or white space only, a single sentence,\n"
    "     no sentence structure\n"
    "  6  summary shorter than asked: the article has fewer sentences than\n"
    "     requested; all of them were printed\n";

static void complain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void complain(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("precis: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("precis: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs(" (try 'precis --help')\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}

/* Whole-string unsigned integer in [lo, hi]. */
static bool parse_size(const char *s, size_t lo, size_t hi, size_t *out)
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

/* Whole-string finite number in the open or closed range asked for. */
static bool parse_double(const char *s, double lo, double hi, bool lo_open,
                         bool hi_open, double *out)
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

/* Exit code for a library status. */
static int exit_for(precis_status s)
{
    switch (s) {
    case PRECIS_OK: return EXIT_OK;
    case PRECIS_ERR_ARGUMENT:
    case PRECIS_ERR_LANGUAGE: return EXIT_USAGE;
    case PRECIS_ERR_IO: return EXIT_IO;
    case PRECIS_ERR_BINARY:
    case PRECIS_ERR_UTF8:
    case PRECIS_ERR_TOO_LARGE: return EXIT_NOT_TEXT;
    case PRECIS_ERR_EMPTY:
    case PRECIS_ERR_ONE_SENTENCE:
    case PRECIS_ERR_NO_STRUCTURE: return EXIT_NOTHING;
    case PRECIS_ERR_NOMEM:
    case PRECIS_ERR_NUMERIC:
    case PRECIS_ERR_MODEL: return EXIT_INTERNAL;
    }
    return EXIT_INTERNAL;
}

/* Read all of fd into *buf. Fails with EFBIG past limit bytes. */
static int read_all(int fd, size_t limit, char **buf, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *b = malloc(cap);
    if (!b)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            if (cap > limit) {
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
        ssize_t r = read(fd, b + n, cap - n);
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
    *buf = b;
    *len = n;
    return 0;
}

/* Read the named input (or stdin for "-"); on failure print why and return
 * the exit code. */
static int load_input(const char *path, const char *name, size_t limit,
                      char **buf, size_t *len)
{
    int fd = STDIN_FILENO;
    if (strcmp(path, "-") != 0) {
        fd = open(path, O_RDONLY);
        if (fd < 0) {
            complain("%s: cannot open: %s", name, strerror(errno));
            return EXIT_IO;
        }
    }
    struct stat st;
    if (fstat(fd, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            complain("%s: is a directory, not a file (use 'precis FILE' on one "
                     "article)", name);
            if (fd != STDIN_FILENO)
                close(fd);
            return EXIT_IO;
        }
        if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
            complain("%s: too large: %lld bytes is more than the limit of %zu "
                     "(--max-bytes)", name, (long long)st.st_size, limit);
            if (fd != STDIN_FILENO)
                close(fd);
            return EXIT_NOT_TEXT;
        }
    }
    int e = read_all(fd, limit, buf, len);
    if (fd != STDIN_FILENO)
        close(fd);
    if (e == EFBIG) {
        complain("%s: too large: more than the limit of %zu bytes (--max-bytes)",
                 name, limit);
        return EXIT_NOT_TEXT;
    }
    if (e) {
        complain("%s: cannot read: %s", name, strerror(e));
        return e == ENOMEM ? EXIT_INTERNAL : EXIT_IO;
    }
    return EXIT_OK;
}

typedef struct out_buf {
    char *s;
    size_t n, cap;
    bool nomem;
} out_buf;

static void out_printf(out_buf *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_printf(out_buf *o, const char *fmt, ...)
{
    if (o->nomem)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(o->s ? o->s + o->n : NULL, o->s ? o->cap - o->n : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            o->nomem = true;
            return;
        }
        if (o->s && o->n + (size_t)n < o->cap) {
            o->n += (size_t)n;
            return;
        }
        size_t cap = o->cap ? o->cap : 4096;
        while (cap <= o->n + (size_t)n)
            cap *= 2;
        char *s = realloc(o->s, cap);
        if (!s) {
            o->nomem = true;
            return;
        }
        o->s = s;
        o->cap = cap;
    }
}

enum { ONLY_ALL, ONLY_SUMMARY, ONLY_KEYWORDS };

static void render_text(out_buf *o, const precis_result *r, int only)
{
    size_t ns = precis_result_sentence_count(r), nk = precis_result_keyword_count(r);
    if (only != ONLY_KEYWORDS)
        for (size_t i = 0; i < ns; i++)
            out_printf(o, "%s\n", precis_result_sentence(r, i)->text);
    if (only == ONLY_SUMMARY)
        return;
    if (only == ONLY_KEYWORDS) {
        for (size_t i = 0; i < nk; i++)
            out_printf(o, "%s\n", precis_result_keyword(r, i)->term);
        return;
    }
    if (nk == 0)
        return;
    out_printf(o, "\nKey terms:\n");
    for (size_t i = 0; i < nk; i++) {
        const precis_keyword *k = precis_result_keyword(r, i);
        out_printf(o, "  %.4f  %s\n", k->score, k->term);
    }
}

static int write_all(const char *s, size_t n)
{
    if (n && fwrite(s, 1, n, stdout) != n) {
        complain("cannot write output: %s", strerror(errno));
        return EXIT_IO;
    }
    if (fflush(stdout) != 0) {
        complain("cannot write output: %s", strerror(errno));
        return EXIT_IO;
    }
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    /* GSL's default handler aborts the process; the library checks every
     * status itself, so turn the handler off. */
    gsl_set_error_handler_off();

    precis_options opt;
    precis_options_init(&opt);
    bool json = false;
    int only = ONLY_ALL;

    enum {
        OPT_ONLY = 256, OPT_REPAIR, OPT_MAX_BYTES, OPT_MAX_SENT_WORDS, OPT_DAMPING,
        OPT_TOLERANCE, OPT_MAX_ITER, OPT_LIST_LANG
    };
    static const struct option longopts[] = {
        {"sentences", required_argument, NULL, 'n'},
        {"words", required_argument, NULL, 'w'},
        {"ratio", required_argument, NULL, 'r'},
        {"keywords", required_argument, NULL, 'k'},
        {"lang", required_argument, NULL, 'l'},
        {"method", required_argument, NULL, 'm'},
        {"format", required_argument, NULL, 'f'},
        {"only", required_argument, NULL, OPT_ONLY},
        {"repair-utf8", no_argument, NULL, OPT_REPAIR},
        {"max-bytes", required_argument, NULL, OPT_MAX_BYTES},
        {"max-sentence-words", required_argument, NULL, OPT_MAX_SENT_WORDS},
        {"damping", required_argument, NULL, OPT_DAMPING},
        {"tolerance", required_argument, NULL, OPT_TOLERANCE},
        {"max-iterations", required_argument, NULL, OPT_MAX_ITER},
        {"list-languages", no_argument, NULL, OPT_LIST_LANG},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0}};
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":n:w:r:k:l:m:f:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'n':
            if (!parse_size(optarg, 1, 1000000, &opt.sentences))
                return usage_error("--sentences: '%s' is not a whole number from 1 to 1000000", optarg);
            opt.words = 0, opt.ratio = 0;
            break;
        case 'w':
            if (!parse_size(optarg, 1, 100000000, &opt.words))
                return usage_error("--words: '%s' is not a whole number from 1 to 100000000", optarg);
            opt.ratio = 0;
            break;
        case 'r':
            if (!parse_double(optarg, 0, 1, true, false, &opt.ratio))
                return usage_error("--ratio: '%s' is not a number above 0 and at most 1", optarg);
            opt.words = 0;
            break;
        case 'k':
            if (!parse_size(optarg, 0, 10000, &opt.keywords))
                return usage_error("--keywords: '%s' is not a whole number from 0 to 10000", optarg);
            break;
        case 'l': {
            precis_error err;
            if (precis_language_resolve(optarg, &opt.language, &err) != PRECIS_OK)
                return usage_error("--lang: %s", err.message);
            break;
        }
        case 'm':
            if (precis_method_parse(optarg, &opt.method) != PRECIS_OK)
                return usage_error("--method: unknown method '%s'; known: textrank", optarg);
            break;
        case 'f':
            if (strcmp(optarg, "json") == 0)
                json = true;
            else if (strcmp(optarg, "text") == 0)
                json = false;
            else
                return usage_error("--format: '%s' is not text or json", optarg);
            break;
        case OPT_ONLY:
            if (strcmp(optarg, "summary") == 0)
                only = ONLY_SUMMARY;
            else if (strcmp(optarg, "keywords") == 0)
                only = ONLY_KEYWORDS;
            else
                return usage_error("--only: '%s' is not summary or keywords", optarg);
            break;
        case OPT_REPAIR:
            opt.repair_utf8 = 1;
            break;
        case OPT_MAX_BYTES:
            if (!parse_size(optarg, 1, (size_t)1 << 30, &opt.max_bytes))
                return usage_error("--max-bytes: '%s' is not a whole number from 1 to 1073741824", optarg);
            break;
        case OPT_MAX_SENT_WORDS:
            if (!parse_size(optarg, 1, 1000000, &opt.max_sentence_words))
                return usage_error("--max-sentence-words: '%s' is not a whole number from 1 to 1000000", optarg);
            break;
        case OPT_DAMPING:
            if (!parse_double(optarg, 0, 1, true, true, &opt.damping))
                return usage_error("--damping: '%s' is not a number above 0 and below 1", optarg);
            break;
        case OPT_TOLERANCE:
            if (!parse_double(optarg, 0, 1, true, true, &opt.tolerance))
                return usage_error("--tolerance: '%s' is not a number above 0 and below 1", optarg);
            break;
        case OPT_MAX_ITER:
            if (!parse_size(optarg, 1, 1000000, &opt.max_iterations))
                return usage_error("--max-iterations: '%s' is not a whole number from 1 to 1000000", optarg);
            break;
        case OPT_LIST_LANG:
            for (size_t i = 0; i < precis_language_count(); i++)
                printf("%s\n", precis_language_name(i));
            return write_all(NULL, 0);
        case 'h':
            fputs(usage_text, stdout);
            return write_all(NULL, 0);
        case 'V':
            printf("precis %s\n", precis_version());
            return write_all(NULL, 0);
        case ':':
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind == argc)
        return usage_error("no input file given");
    if (argc - optind > 1)
        return usage_error("one input file at a time, got %d", argc - optind);
    if (json && only != ONLY_ALL)
        return usage_error("--only prints plain lines; it cannot be combined with --format json");
    const char *path = argv[optind];
    const char *name = strcmp(path, "-") == 0 ? "(standard input)" : path;

    char *input = NULL;
    size_t len = 0;
    int code = load_input(path, name, opt.max_bytes, &input, &len);
    if (code != EXIT_OK)
        return code;

    precis_summarizer *summarizer = NULL;
    precis_result *result = NULL;
    precis_error err;
    precis_status s = precis_summarizer_new(&summarizer);
    if (s == PRECIS_OK)
        s = precis_summarize(summarizer, input, len, &opt, &result, &err);
    else
        snprintf(err.message, sizeof err.message, "%s", precis_status_string(s));
    free(input);
    precis_summarizer_free(summarizer);
    if (s != PRECIS_OK) {
        complain("%s: %s", name, err.message);
        return exit_for(s);
    }

    out_buf o = {0};
    if (json) {
        precis_json_options jo;
        precis_json_options_init(&jo);
        jo.source = strcmp(path, "-") == 0 ? NULL : path;
        char *text = NULL;
        size_t n = 0;
        if (precis_result_json(result, &jo, &text, &n) != PRECIS_OK)
            o.nomem = true;
        else
            out_printf(&o, "%s", text);
        precis_free(text);
    } else {
        render_text(&o, result, only);
    }
    const precis_stats *st = precis_result_stats(result);
    size_t asked = opt.sentences, got = precis_result_sentence_count(result);
    bool shortfall = st->shortfall;
    bool repaired = st->repaired;
    precis_result_free(result);
    if (o.nomem) {
        free(o.s);
        complain("%s: out of memory", name);
        return EXIT_INTERNAL;
    }
    code = write_all(o.s, o.n);
    free(o.s);
    if (code != EXIT_OK)
        return code;
    if (repaired)
        complain("%s: invalid UTF-8 was replaced with U+FFFD (--repair-utf8)", name);
    if (shortfall) {
        complain("%s: only %zu sentence%s to choose from, fewer than the %zu asked "
                 "for; printed %s", name, got, got == 1 ? "" : "s", asked,
                 got == 1 ? "it" : "all of them");
        return EXIT_SHORT;
    }
    return EXIT_OK;
}
