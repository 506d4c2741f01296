/* precis: the command-line client of libprecis. It parses options, reads
 * the input, calls the library through its public header and prints; all
 * summarising happens in the library. */
#define _POSIX_C_SOURCE 200809L /* SIGXFSZ, sigaction */

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <getopt.h>
#include <gsl/gsl_errno.h>

#include "cli.h"

static const char usage_text[] =
    "Usage: precis [OPTION]... FILE\n"
    "       precis batch [OPTION]... [PATH...]   many documents (docs/batch.md)\n"
    "       precis eval [OPTION]... DIR           quality on a fixture set\n"
    "       precis model build|merge|info ...     trained term weights\n"
    "Summarise an article: print its most central sentences, then its key terms.\n"
    "FILE is a UTF-8 text file, or - for standard input. Each command has --help.\n"
    "\n"
    "Summary length (the last one given applies):\n"
    "  -n, --sentences N        N sentences (default 3)\n"
    "  -w, --words N            whole sentences in rank order up to N words\n"
    "                           (at least one sentence)\n"
    "  -r, --ratio R            about R of the article's words, 0 < R <= 1\n"
    "  -k, --keywords K         K key terms (default 10; 0 for none)\n"
    "\n"
    "Language and method:\n"
    "  -l, --lang LANG          language name or ISO code, or auto (the default:\n"
    "                           detected from the text; a warning says when unsure)\n"
    "      --list-languages     print the languages precis knows and exit\n"
    "  -m, --method NAME        how sentences are scored (default news):\n"
    "                             news              for news read by people: TextRank\n"
    "                                               centrality; wire copy that opens\n"
    "                                               with a dateline is read lede first\n"
    "                             textrank          TextRank tuned on extractive\n"
    "                                               references\n"
    "                             textrank-classic  TextRank as published (2004)\n"
    "                             textrank-personalised  TextRank whose random\n"
    "                                               surfer favours early and\n"
    "                                               headline-like sentences\n"
    "                             lexrank           LexRank, TF-IDF cosine (2004)\n"
    "                             bm25              TextRank with BM25+ (2016)\n"
    "                             pacsum            PacSum, directed centrality (2019)\n"
    "                             lead              the first sentences (baseline)\n"
    "                             random            random sentences (baseline)\n"
    "      --model FILE         IDF from this trained model (precis model build);\n"
    "                           by default models/<lang>/news.model when present\n"
    "      --no-model           IDF from the document's own sentences\n"
    "\n"
    "Output:\n"
    "  -f, --format FORMAT      text (default), json (schema precis/1) or html\n"
    "                           (a page: the summary marked in the article)\n"
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
    "  -V, --version            print versions (libraries, model) and exit\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  internal failure (out of memory, numerical failure)\n"
    "  2  usage error: unknown option, bad option value, unknown language, a\n"
    "     --model file that is not a usable model or is for another language\n"
    "  3  cannot read the input or write the output: missing file, a directory,\n"
    "     permission denied, I/O error\n"
    "  4  the input is not usable text: binary data, invalid UTF-8, larger than\n"
    "     --max-bytes\n"
    "  5  nothing to summarise: empty or white space only, a single sentence,\n"
    "     no sentence structure\n"
    "  6  summary shorter than asked: the article has fewer sentences than\n"
    "     requested; all of them were printed\n"
    "  7  (precis batch) the run finished but some documents failed\n";


enum { ONLY_ALL, ONLY_SUMMARY, ONLY_KEYWORDS };

static void render_text(cli_out *o, const precis_result *r, int only)
{
    size_t ns = precis_result_sentence_count(r), nk = precis_result_keyword_count(r);
    if (only != ONLY_KEYWORDS)
        for (size_t i = 0; i < ns; i++)
            cli_printf(o, "%s\n", precis_result_sentence(r, i)->text);
    if (only == ONLY_SUMMARY)
        return;
    if (only == ONLY_KEYWORDS) {
        for (size_t i = 0; i < nk; i++)
            cli_printf(o, "%s\n", precis_result_keyword(r, i)->term);
        return;
    }
    if (nk == 0)
        return;
    cli_printf(o, "\nKey terms:\n");
    for (size_t i = 0; i < nk; i++) {
        const precis_keyword *k = precis_result_keyword(r, i);
        cli_printf(o, "  %.4f  %s\n", k->score, k->term);
    }
}

/* Subcommands, each in its own file under src/cli/. */
static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} subcommands[] = {
    {"eval", cli_eval_main},
    {"model", cli_model_main},
    {"batch", cli_batch_main},
    {NULL, NULL}
};

typedef enum { FORMAT_TEXT, FORMAT_JSON, FORMAT_HTML } output_format;

/* What the command line asks of single-file mode. */
typedef struct invocation {
    cli_summary_options so;
    output_format format;
    int only;         /* ONLY_* */
    const char *path; /* the input, "-" for standard input */
    const char *name; /* the input as messages name it */
} invocation;

/* The options of single-file mode beside the shared ones. */
enum { OPT_ONLY = 256, OPT_LIST_LANG };
static const struct option own_longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"only", required_argument, NULL, OPT_ONLY},
                                             {"list-languages", no_argument, NULL, OPT_LIST_LANG},
                                             {"help", no_argument, NULL, 'h'},
                                             {"version", no_argument, NULL, 'V'},
                                             {NULL, 0, NULL, 0}};

typedef struct parse_state {
    invocation *inv;
    bool version;
} parse_state;

/* One option of single-file mode's own (cli_option_fn). */
static int own_option(void *ctx, int c, const char *arg)
{
    parse_state *ps = ctx;
    invocation *inv = ps->inv;
    switch (c) {
    case 'f':
        if (strcmp(arg, "json") == 0)
            inv->format = FORMAT_JSON;
        else if (strcmp(arg, "html") == 0)
            inv->format = FORMAT_HTML;
        else if (strcmp(arg, "text") == 0)
            inv->format = FORMAT_TEXT;
        else
            return cli_usage_error("--format: '%s' is not text, json or html", arg);
        return CLI_GO_ON;
    case OPT_ONLY:
        if (strcmp(arg, "summary") == 0)
            inv->only = ONLY_SUMMARY;
        else if (strcmp(arg, "keywords") == 0)
            inv->only = ONLY_KEYWORDS;
        else
            return cli_usage_error("--only: '%s' is not summary or keywords", arg);
        return CLI_GO_ON;
    case OPT_LIST_LANG:
        for (size_t i = 0; i < precis_language_count(); i++)
            printf("%s\n", precis_language_name(i));
        return cli_write_stdout(NULL, 0);
    case 'V': /* after the other options: they choose the model it shows */
        ps->version = true;
        return CLI_GO_ON;
    default: /* 'h' */
        fputs(usage_text, stdout);
        return cli_write_stdout(NULL, 0);
    }
}

/* Parse the options and the input's name into *inv: CLI_GO_ON, or the
 * exit code of a command that is done (help, languages, version, usage
 * errors). */
static int parse_args(int argc, char **argv, invocation *inv)
{
    *inv = (invocation){.format = FORMAT_TEXT, .only = ONLY_ALL};
    precis_options_init(&inv->so.opt, sizeof inv->so.opt);
    parse_state ps = {.inv = inv};
    static const cli_command cmd = {
        .own = own_longopts, .own_short = "f:hV", .first = 1, .apply = own_option};
    int code = cli_parse_options(argc, argv, &cmd, &inv->so, &ps);
    if (code != CLI_GO_ON)
        return code;
    if (ps.version)
        return cli_print_version(&inv->so);
    if (optind == argc)
        return cli_usage_error("no input file given");
    if (argc - optind > 1)
        return cli_usage_error("one input file at a time, got %d", argc - optind);
    if (inv->format != FORMAT_TEXT && inv->only != ONLY_ALL)
        return cli_usage_error("--only prints plain lines; it cannot be combined with --format %s",
                               inv->format == FORMAT_JSON ? "json" : "html");
    inv->path = argv[optind];
    inv->name = strcmp(inv->path, "-") == 0 ? "(standard input)" : inv->path;
    if (inv->so.model_path && inv->so.no_model)
        return cli_usage_error("--model and --no-model exclude each other");
    return CLI_GO_ON;
}

/* Load the model, read the input and summarise it (or find its key terms
 * alone): EXIT_OK with *input (*len bytes) and *result, both the caller's,
 * or an exit code after a message, with neither. */
static int summarise(const invocation *inv, char **input, size_t *len, precis_result **result)
{
    *input = NULL;
    *result = NULL;
    precis_options opt = inv->so.opt;
    precis_model *model = NULL;
    precis_summarizer *summarizer = NULL;
    int code = cli_load_model(inv->so.model_path, inv->so.no_model, opt.language, &model);
    if (code != EXIT_OK)
        return code;
    opt.model = model;
    char why[256];
    code = cli_read_input(inv->path, opt.max_bytes, input, len, why, sizeof why);
    if (code != EXIT_OK) {
        cli_complain("%s: %s", inv->name, why);
        goto done;
    }
    precis_error err = PRECIS_ERROR_INIT;
    precis_status s = precis_summarizer_new(&summarizer);
    /* Key terms alone need no summary, so they also work on a single
     * sentence (an abstract, a headline). */
    if (s == PRECIS_OK && inv->only == ONLY_KEYWORDS)
        s = precis_extract_keywords(summarizer, *input, *len, &opt, result, &err);
    else if (s == PRECIS_OK)
        s = precis_summarize(summarizer, *input, *len, &opt, result, &err);
    else
        snprintf(err.message, sizeof err.message, "%s", precis_status_string(s));
    if (s != PRECIS_OK) {
        free(*input);
        *input = NULL;
        /* A headline or a one-line brief still has key terms: say how to
         * get them rather than leave the reader with an error alone. */
        if (s == PRECIS_ERR_ONE_SENTENCE)
            cli_complain("%s: %s (its key terms: precis --only keywords)", inv->name, err.message);
        else if (s == PRECIS_ERR_UTF8)
            /* Most such files are in a legacy 8-bit encoding: say how to
             * convert one, and how to go on without converting. */
            cli_complain("%s: %s: another encoding? Convert it first (iconv -f WINDOWS-1252 "
                         "-t UTF-8), or pass --repair-utf8 to read bad bytes as U+FFFD",
                         inv->name, err.message);
        else
            cli_complain("%s: %s", inv->name, err.message);
        code = cli_exit_for(s);
    }
done:
    precis_summarizer_free(summarizer);
    precis_model_free(model);
    return code;
}

/* The result in the format asked for, into o (o->nomem on failure). */
static void render(const invocation *inv, const precis_result *result, const char *input,
                   size_t len, cli_out *o)
{
    const char *source = strcmp(inv->path, "-") == 0 ? NULL : inv->path;
    if (inv->format == FORMAT_HTML) {
        precis_html_options ho;
        precis_html_options_init(&ho, sizeof ho);
        ho.source = source;
        char *page = NULL;
        size_t n = 0;
        if (precis_result_html(result, input, len, &ho, &page, &n) != PRECIS_OK)
            o->nomem = true;
        else
            cli_append(o, page, n);
        precis_free(page);
    } else if (inv->format == FORMAT_JSON) {
        precis_json_options jo;
        precis_json_options_init(&jo, sizeof jo);
        jo.source = source;
        char *text = NULL;
        size_t n = 0;
        if (precis_result_json(result, &jo, &text, &n) != PRECIS_OK)
            o->nomem = true;
        else
            cli_printf(o, "%s", text);
        precis_free(text);
    } else {
        render_text(o, result, inv->only);
    }
}

/* Warnings about the run, after the output: the exit code. */
static int report(const invocation *inv, const precis_stats *st, size_t got)
{
    size_t asked = inv->so.opt.sentences;
    if (st->repaired)
        cli_complain("%s: invalid UTF-8 was replaced with U+FFFD (--repair-utf8)", inv->name);
    if (st->language_unsure)
        cli_complain("%s: could not tell the language; assumed english (use --lang)", inv->name);
    if (st->shortfall) {
        cli_complain("%s: only %zu sentence%s to choose from, fewer than the %zu asked "
                 "for; printed %s", inv->name, got, got == 1 ? "" : "s", asked,
                 got == 1 ? "it" : "all of them");
        return EXIT_SHORT;
    }
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    /* GSL's default handler aborts the process; the library checks every
     * status itself, so turn the handler off. */
    gsl_set_error_handler_off();
    /* Past `ulimit -f` the kernel sends SIGXFSZ, whose default action
     * kills the process in the middle of a write and leaves a torn
     * record. Ignored, the write fails with EFBIG instead, which every
     * command reports as an output error (exit 3), batch after cutting the
     * output back to its last whole record. */
    struct sigaction ign = {.sa_handler = SIG_IGN};
    sigemptyset(&ign.sa_mask);
    sigaction(SIGXFSZ, &ign, NULL);
    for (size_t i = 0; argc > 1 && subcommands[i].name; i++)
        if (strcmp(argv[1], subcommands[i].name) == 0)
            return subcommands[i].run(argc - 1, argv + 1);

    invocation inv;
    int code = parse_args(argc, argv, &inv);
    if (code != CLI_GO_ON)
        return code;
    char *input;
    size_t len = 0;
    precis_result *result;
    code = summarise(&inv, &input, &len, &result);
    if (code != EXIT_OK)
        return code;
    cli_out o = {0};
    render(&inv, result, input, len, &o);
    if (o.nomem) {
        cli_complain("%s: out of memory", inv.name);
        code = EXIT_INTERNAL;
    } else {
        code = cli_write_stdout(o.s, o.n);
    }
    if (code == EXIT_OK)
        code = report(&inv, precis_result_stats(result), precis_result_sentence_count(result));
    free(o.s);
    precis_result_free(result);
    free(input);
    return code;
}
