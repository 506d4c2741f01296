/* precis model: train a model of document frequencies (build), combine
 * models built on shards (merge), describe one (info). Counting, merging
 * and the file format are the library's; this file finds the documents. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char model_usage[] =
    "Usage: precis model build -o FILE [--lang LANG] [--min-df N] PATH...\n"
    "       precis model build -o FILE [--lang LANG] [--min-df N] --jsonl FILE\n"
    "       precis model merge -o FILE MODEL...\n"
    "       precis model info MODEL\n"
    "\n"
    "build counts, over every document, which stems it holds, and writes a\n"
    "model: PATHs are text files and folders (every\n"
    "*.txt below them, in name order), or --jsonl names a JSON Lines file (or -\n"
    "for standard input) with one document per line in its text field, as for\n"
    "precis batch. Documents precis cannot read (empty,\n"
    "binary, invalid UTF-8) are skipped and counted. merge adds the counts of\n"
    "models built on different shards of a corpus: the result is exactly the\n"
    "model of the whole. info prints a model's language, documents and terms.\n"
    "\n"
    "  -o, --output FILE    the model to write\n"
    "  -l, --lang LANG      language of the documents (default english)\n"
    "      --min-df N       keep stems found in at least N documents (default 1)\n"
    "      --jsonl FILE     documents from JSON Lines (- for standard input)\n"
    "      --text-field F   the member holding the text (default text)\n"
    "  -q, --quiet          no summary line\n"
    "  -h, --help           print this help\n";

typedef struct build_state {
    precis_model_builder *builder;
    size_t files, skipped;
    int code;
} build_state;

static void add_file(build_state *b, const char *path)
{
    char *text = NULL, why[256];
    size_t len = 0;
    int code = cli_read_input(path, (size_t)1 << 30, &text, &len, why, sizeof why);
    if (code != EXIT_OK) {
        cli_complain("%s: skipped: %s", path, why);
        b->skipped++;
        return;
    }
    precis_error err = PRECIS_ERROR_INIT;
    if (precis_model_builder_add_text(b->builder, text, len, &err) != PRECIS_OK) {
        if (err.status == PRECIS_ERR_NOMEM) {
            cli_complain("%s: out of memory", path);
            b->code = EXIT_INTERNAL;
        } else {
            cli_complain("%s: skipped: %s", path, err.message);
            b->skipped++;
        }
    } else {
        b->files++;
    }
    free(text);
}

/* One document per line of a JSON Lines file, its text in text_field. A
 * line that is not a JSON object with that string member, or is longer
 * than a document of the default --max-bytes can take in JSON, is skipped
 * and named; a long line is read past, never held whole. */
static void add_jsonl(build_state *b, const char *path, const char *text_field)
{
    precis_options defaults;
    precis_options_init(&defaults, sizeof defaults);
    cli_lines r;
    int e = cli_lines_open(&r, path, cli_jsonl_limit(defaults.max_bytes), -1, NULL);
    if (e) {
        cli_complain("%s: cannot open: %s", path, strerror(e));
        b->code = e == ENOMEM ? EXIT_INTERNAL : EXIT_IO;
        return;
    }
    char *line;
    size_t n;
    int got = CLI_LINES_EOF;
    unsigned long long line_no = 0;
    while (b->code == EXIT_OK &&
           ((got = cli_lines_next(&r, &line, &n)) == CLI_LINES_LINE || got == CLI_LINES_LONG)) {
        line_no++;
        if (got == CLI_LINES_LONG) {
            cli_complain("%s:%llu: skipped: longer than %zu bytes, more than a document of "
                         "%zu bytes can take", path, line_no, r.limit, defaults.max_bytes);
            b->skipped++;
            continue;
        }
        if (n == 0)
            continue;
        json_error_t jerr;
        json_t *root = json_loadb(line, n, JSON_ALLOW_NUL, &jerr);
        json_t *text = json_is_object(root) ? json_object_get(root, text_field) : NULL;
        if (!json_is_string(text)) {
            cli_complain("%s:%llu: skipped: %s", path, line_no,
                         root ? "no string member for the text (--text-field)" : jerr.text);
            b->skipped++;
        } else {
            precis_error err = PRECIS_ERROR_INIT;
            if (precis_model_builder_add_text(b->builder, json_string_value(text),
                                              json_string_length(text), &err) == PRECIS_OK) {
                b->files++;
            } else if (err.status == PRECIS_ERR_NOMEM) {
                cli_complain("%s:%llu: out of memory", path, line_no);
                b->code = EXIT_INTERNAL;
            } else {
                cli_complain("%s:%llu: skipped: %s", path, line_no, err.message);
                b->skipped++;
            }
        }
        json_decref(root);
    }
    if (b->code == EXIT_OK && got == CLI_LINES_ERROR) {
        cli_complain("%s: cannot read: %s", path, strerror(r.err));
        b->code = r.err == ENOMEM ? EXIT_INTERNAL : EXIT_IO;
    }
    cli_lines_close(&r);
}

/* Files in name order, folders depth first, so a build is reproducible. */
static void add_path(build_state *b, const char *path, bool named)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        cli_complain("%s: cannot read: no such file or folder", path);
        b->code = EXIT_IO;
        return;
    }
    if (!S_ISDIR(st.st_mode)) {
        size_t n = strlen(path);
        if (named || (n > 4 && strcmp(path + n - 4, ".txt") == 0))
            add_file(b, path);
        return;
    }
    cli_dir_entry *es;
    size_t n;
    int read_errno, e = cli_dir_list(path, &es, &n, &read_errno);
    if (e || read_errno) {
        cli_complain(e == ENOMEM ? "%s: out of memory listing the folder"
                                 : "%s: cannot read the folder",
                     path);
        b->code = e == ENOMEM ? EXIT_INTERNAL : EXIT_IO;
        cli_dir_free(es, n);
        return;
    }
    for (size_t i = 0; i < n && b->code == EXIT_OK; i++) {
        if (es[i].name[0] == '.')
            continue;
        size_t len = strlen(path) + strlen(es[i].name) + 2;
        char *child = malloc(len);
        if (!child) {
            cli_complain("out of memory");
            b->code = EXIT_INTERNAL;
            break;
        }
        snprintf(child, len, "%s/%s", path, es[i].name);
        add_path(b, child, false);
        free(child);
    }
    cli_dir_free(es, n);
}

static int info(const char *path)
{
    precis_model *m = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    if (precis_model_load(path, &m, &err) != PRECIS_OK) {
        cli_complain("%s", err.message);
        return cli_exit_for(err.status);
    }
    cli_out o = {0};
    cli_printf(&o, "%s: %s model, %llu documents, %zu terms\n", path, precis_model_language(m),
               (unsigned long long)precis_model_documents(m), precis_model_terms(m));
    precis_model_free(m);
    int code = o.nomem ? EXIT_INTERNAL : cli_write_stdout(o.s, o.n);
    free(o.s);
    return code;
}

/* What `precis model VERB` is asked. */
typedef struct model_args {
    const char *verb;
    const char *output, *language;
    size_t min_df;
    bool quiet;
    const char *jsonl, *text_field;
} model_args;

enum { OPT_MIN_DF = 256, OPT_JSONL, OPT_TEXT_FIELD };

/* One option of model's: CLI_GO_ON, or the exit code of a command that is
 * done (help, usage errors). */
static int model_option(void *ctx, int c, const char *arg)
{
    model_args *a = ctx;
    precis_error err = PRECIS_ERROR_INIT;
    switch (c) {
    case 'o':
        a->output = arg;
        return CLI_GO_ON;
    case 'l':
        if (precis_language_resolve(arg, &a->language, &err) != PRECIS_OK ||
            strcmp(a->language, "auto") == 0)
            return cli_usage_error("--lang: a model is for one language: %s",
                                   strcmp(arg, "auto") == 0 ? "name it" : err.message);
        return CLI_GO_ON;
    case OPT_MIN_DF:
        if (!cli_parse_size(arg, 1, UINT32_MAX, &a->min_df))
            return cli_usage_error("--min-df: '%s' is not a whole number from 1", arg);
        return CLI_GO_ON;
    case OPT_JSONL:
        a->jsonl = arg;
        return CLI_GO_ON;
    case OPT_TEXT_FIELD:
        a->text_field = arg;
        return CLI_GO_ON;
    case 'q':
        a->quiet = true;
        return CLI_GO_ON;
    default: /* 'h' */
        fputs(model_usage, stdout);
        return cli_write_stdout(NULL, 0);
    }
}

/* Parse the options after the verb: CLI_GO_ON with optind at the first
 * operand, or the exit code of a command that is done. */
static int parse_model_args(int argc, char **argv, model_args *a)
{
    static const struct option longopts[] = {{"output", required_argument, NULL, 'o'},
                                             {"lang", required_argument, NULL, 'l'},
                                             {"min-df", required_argument, NULL, OPT_MIN_DF},
                                             {"jsonl", required_argument, NULL, OPT_JSONL},
                                             {"text-field", required_argument, NULL,
                                              OPT_TEXT_FIELD},
                                             {"quiet", no_argument, NULL, 'q'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    static const cli_command cmd = {.name = "model", .own = longopts, .own_short = "o:l:qh",
                                    .first = 2, .apply = model_option};
    return cli_parse_options(argc, argv, &cmd, NULL, a);
}

/* Count the inputs of build (documents: --jsonl, files, folders) or merge
 * (models) into b. */
static void add_inputs(build_state *b, const model_args *a, bool merge, int argc, char **argv)
{
    if (a->jsonl)
        add_jsonl(b, a->jsonl, a->text_field);
    for (int i = optind; i < argc && b->code == EXIT_OK; i++) {
        if (!merge) {
            add_path(b, argv[i], true);
            continue;
        }
        precis_model *m = NULL;
        precis_error err = PRECIS_ERROR_INIT;
        if (precis_model_load(argv[i], &m, &err) != PRECIS_OK ||
            precis_model_builder_add_model(b->builder, m, &err) != PRECIS_OK) {
            cli_complain("%s", err.message);
            b->code = cli_exit_for(err.status);
        }
        precis_model_free(m);
        b->files++;
    }
}

/* model build and model merge, their arguments checked. */
static int build(const model_args *a, bool merge, int argc, char **argv)
{
    const char *language = a->language;
    build_state b = {.code = EXIT_OK};
    precis_error err = PRECIS_ERROR_INIT;
    if (merge) {
        /* The language is the first model's; the others must match it. */
        precis_model *first = NULL;
        if (precis_model_load(argv[optind], &first, &err) != PRECIS_OK) {
            cli_complain("%s", err.message);
            return cli_exit_for(err.status);
        }
        language = precis_model_language(first);
        precis_model_free(first);
    }
    if (precis_model_builder_new(language, &b.builder, &err) != PRECIS_OK) {
        cli_complain("%s", err.message);
        return cli_exit_for(err.status);
    }
    add_inputs(&b, a, merge, argc, argv);
    if (b.code == EXIT_OK && precis_model_builder_documents(b.builder) == 0) {
        cli_complain("no document could be counted; nothing written");
        b.code = EXIT_NOTHING;
    }
    if (b.code == EXIT_OK &&
        precis_model_builder_write(b.builder, a->output, (uint32_t)a->min_df, &err) != PRECIS_OK) {
        cli_complain("%s", err.message);
        b.code = cli_exit_for(err.status);
    }
    if (b.code == EXIT_OK && !a->quiet)
        cli_complain("%s: %s model of %llu documents (%zu %s read, %zu skipped)", a->output,
                     language, (unsigned long long)precis_model_builder_documents(b.builder),
                     b.files, merge ? "models" : "documents", b.skipped);
    precis_model_builder_free(b.builder);
    return b.code;
}

int cli_model_main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(model_usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? EXIT_USAGE : cli_write_stdout(NULL, 0);
    }
    model_args a = {.verb = argv[1], .language = "english", .min_df = 1, .text_field = "text"};
    int code = parse_model_args(argc, argv, &a);
    if (code != CLI_GO_ON)
        return code;
    const char *verb = a.verb;
    if (strcmp(verb, "info") == 0) {
        if (argc - optind != 1)
            return cli_usage_error("model info needs one model file");
        return info(argv[optind]);
    }
    if (strcmp(verb, "build") != 0 && strcmp(verb, "merge") != 0)
        return cli_usage_error("model: unknown command '%s' (build, merge or info)", verb);
    if (!a.output)
        return cli_usage_error("model %s needs -o FILE", verb);
    bool merge = strcmp(verb, "merge") == 0;
    if (a.jsonl && (merge || optind < argc))
        return cli_usage_error("--jsonl reads the documents; give no other inputs");
    if (optind == argc && !a.jsonl)
        return cli_usage_error("model %s needs %s", verb,
                               merge ? "models" : "documents (files, folders or --jsonl)");
    return build(&a, merge, argc, argv);
}
