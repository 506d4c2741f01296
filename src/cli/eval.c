/* precis eval: ROUGE for one candidate, and whole fixture sets scored with
 * baselines beside the system, means with bootstrap confidence intervals.
 * All scoring is the library's; this file reads folders and prints. */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "cli.h"
#include "precis_eval.h"

static const char eval_usage[] =
    "Usage: precis eval rouge CANDIDATE REFERENCE...\n"
    "       precis eval [OPTION]... DIR\n"
    "\n"
    "The first form prints ROUGE-1, ROUGE-2 and ROUGE-L (precision, recall, F) of\n"
    "one candidate summary against one or more references, each a UTF-8 file with\n"
    "one sentence per line, exactly as ROUGE-1.5.5 -c 95 -m -n 2 -a computes them.\n"
    "\n"
    "The second scores a fixture set: DIR/docs/ID.txt with DIR/refs/ID.txt\n"
    "(summaries: ROUGE F) or DIR/keys/ID.txt (key phrases: precision, recall and\n"
    "F1 at 5 and 10, Porter-stemmed exact match, gold keys absent from the text\n"
    "counted). Every method runs on every document; the table gives the mean over\n"
    "documents and its 95% bootstrap confidence interval (1000 resamples).\n"
    "\n"
    "  -n, --sentences N     summaries of N sentences (default 3)\n"
    "  -w, --words N         summaries of whole sentences up to N words\n"
    "      --ref-words       summaries up to each reference's own word count\n"
    "  -m, --methods LIST    comma-separated methods (see precis --help) and\n"
    "                        oracle; default: all of them for summaries,\n"
    "                        textrank for key phrases\n"
    "      --ablations       also the default method with each of its parts\n"
    "                        switched off (rows named news-no-PART; for key\n"
    "                        phrases keys-no-PART, then the baselines\n"
    "                        keys-tfidf, keys-singlerank and keys-first)\n"
    "  -l, --lang LANG       language of the documents (default english)\n"
    "      --limit N         only the first N documents (in name order)\n"
    "      --fold I/N        only fold I of N: the documents whose position in\n"
    "                        name order is I modulo N (for cross-validation)\n"
    "      --seed S          seed of the random baseline and the bootstrap (default 1)\n"
    "      --model FILE      IDF from this trained model (precis model build)\n"
    "      --wordnet DIR     WordNet's exception lists (default /usr/share/wordnet)\n"
    "  -f, --format FORMAT   text (default), markdown or json\n"
    "  -h, --help            print this help\n"
    "\n"
    "Documents a method cannot summarise (for example a single sentence) score 0\n"
    "for that method and are counted in the table's 'failed' column.\n";

#define RESAMPLES 1000
#define MAX_METHODS 24

/* eval's long options without a short letter. */
enum { OPT_REF_WORDS = 256, OPT_LIMIT, OPT_FOLD, OPT_SEED, OPT_WORDNET, OPT_ABLATIONS };

/* ------------------------------------------------------------------------ */

static char *read_named(const char *path, size_t *len, int *code)
{
    char *buf = NULL, why[256];
    *code = cli_read_input(path, (size_t)1 << 30, &buf, len, why, sizeof why);
    if (*code != EXIT_OK) {
        cli_complain("%s: %s", path, why);
        return NULL;
    }
    return buf;
}

static int eval_rouge(int argc, char **argv, bool json, const char *wordnet)
{
    if (argc < 2)
        return cli_usage_error("eval rouge needs a candidate and at least one reference");
    precis_rouge_scorer *scorer = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    if (precis_rouge_scorer_new(wordnet, &scorer, &err) != PRECIS_OK) {
        cli_complain("%s", err.message);
        return cli_exit_for(err.status);
    }
    int code = EXIT_OK;
    size_t n_refs = (size_t)argc - 1;
    char **texts = calloc((size_t)argc, sizeof *texts);
    size_t *lens = calloc((size_t)argc, sizeof *lens);
    if (!texts || !lens)
        code = EXIT_INTERNAL;
    for (int i = 0; code == EXIT_OK && i < argc; i++)
        if (!(texts[i] = read_named(argv[i], &lens[i], &code)))
            break;
    precis_rouge r;
    if (code == EXIT_OK &&
        precis_rouge_evaluate(scorer, texts[0], lens[0], (const char *const *)texts + 1,
                              lens + 1, n_refs, &r, &err) != PRECIS_OK) {
        cli_complain("%s", err.message);
        code = cli_exit_for(err.status);
    }
    if (code == EXIT_OK) {
        cli_out o = {0};
        const precis_rouge_score *m[3] = {&r.rouge1, &r.rouge2, &r.rougeL};
        const char *names[3] = {"rouge1", "rouge2", "rougeL"};
        if (json) {
            cli_printf(&o, "{");
            for (int i = 0; i < 3; i++)
                cli_printf(&o, "%s\"%s\": {\"p\": %.5f, \"r\": %.5f, \"f\": %.5f}",
                           i ? ", " : "", names[i], m[i]->precision, m[i]->recall, m[i]->f);
            cli_printf(&o, "}\n");
        } else {
            const char *labels[3] = {"ROUGE-1", "ROUGE-2", "ROUGE-L"};
            for (int i = 0; i < 3; i++)
                cli_printf(&o, "%s  P %.5f  R %.5f  F %.5f\n", labels[i], m[i]->precision,
                           m[i]->recall, m[i]->f);
        }
        code = o.nomem ? EXIT_INTERNAL : cli_write_stdout(o.s, o.n);
        free(o.s);
    }
    for (int i = 0; texts && i < argc; i++)
        free(texts[i]);
    free(texts);
    free(lens);
    precis_rouge_scorer_free(scorer);
    return code;
}

/* ------------------------------------------------------------------------ */
/* Fixture sets                                                              */
/* ------------------------------------------------------------------------ */

typedef struct eval_cfg {
    precis_options opt;
    bool ref_words;
    bool json;
    bool markdown;
    bool ablations;
    size_t limit;
    size_t fold, folds; /* fold of folds; folds 0 = all documents */
    uint64_t seed;
    const char *wordnet;
} eval_cfg;

/* Document IDs: the names under DIR/docs without ".txt", sorted, then
 * those of the fold asked for, then the first `limit`. EXIT_OK with *ids
 * (possibly none), or an exit code after a message. */
static int list_ids(const char *dir, const eval_cfg *cfg, char ***ids_out, size_t *n)
{
    *ids_out = NULL;
    *n = 0;
    char path[4096];
    snprintf(path, sizeof path, "%s/docs", dir);
    cli_dir_entry *es;
    size_t n_es;
    int read_errno, e = cli_dir_list(path, &es, &n_es, &read_errno);
    if (e || read_errno) {
        cli_complain("%s: cannot list: %s", path, strerror(e ? e : read_errno));
        cli_dir_free(es, n_es);
        return e == ENOMEM ? EXIT_INTERNAL : EXIT_IO;
    }
    /* The entries' names become the IDs, in place. */
    char **ids = malloc((n_es ? n_es : 1) * sizeof *ids);
    if (!ids) {
        cli_complain("out of memory");
        cli_dir_free(es, n_es);
        return EXIT_INTERNAL;
    }
    size_t count = 0, txt = 0;
    for (size_t i = 0; i < n_es; i++) {
        size_t len = strlen(es[i].name);
        if (len <= 4 || strcmp(es[i].name + len - 4, ".txt") != 0) {
            free(es[i].name);
            continue;
        }
        es[i].name[len - 4] = '\0';
        /* Fold I of N: every Nth of the sorted documents. */
        if (!cfg->folds || txt++ % cfg->folds == cfg->fold)
            ids[count++] = es[i].name;
        else
            free(es[i].name);
    }
    free(es);
    if (cfg->limit && count > cfg->limit) {
        for (size_t i = cfg->limit; i < count; i++)
            free(ids[i]);
        count = cfg->limit;
    }
    *ids_out = ids;
    *n = count;
    return EXIT_OK;
}

static bool is_dir(const char *dir, const char *sub)
{
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, sub);
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *read_part(const char *dir, const char *sub, const char *id, size_t *len)
{
    char path[4096], why[256], *buf = NULL;
    snprintf(path, sizeof path, "%s/%s/%s.txt", dir, sub, id);
    if (cli_read_input(path, (size_t)1 << 30, &buf, len, why, sizeof why) != EXIT_OK) {
        cli_complain("%s: %s", path, why); /* which file, and why */
        return NULL;
    }
    return buf;
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool space = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        w += !space && !in;
        in = !space;
    }
    return w;
}

enum { ORACLE = -1 };

typedef struct method {
    const char *name;
    int id; /* precis_method, or ORACLE */
    unsigned ablate; /* PRECIS_ABLATE_* */
    double *scores; /* documents x metrics */
    size_t failed;
    double seconds;
} method;


static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Summary text of a result: its sentences, one per line. */
static char *result_text(const precis_result *r, size_t *len)
{
    cli_out o = {0};
    for (size_t i = 0; i < precis_result_sentence_count(r); i++)
        cli_printf(&o, "%s\n", precis_result_sentence(r, i)->text);
    if (o.nomem) {
        free(o.s);
        return NULL;
    }
    *len = o.n;
    return o.s ? o.s : calloc(1, 1);
}

static void print_interval(cli_out *o, const eval_cfg *cfg, const char *key, const double *v,
                           size_t n)
{
    double mean = 0, lo = 0, hi = 0;
    precis_bootstrap_mean(v, n, RESAMPLES, 0.95, cfg->seed, &mean, &lo, &hi);
    if (cfg->json)
        cli_printf(o, "\"%s\": {\"mean\": %.5f, \"lo\": %.5f, \"hi\": %.5f}", key, mean, lo, hi);
    else if (cfg->markdown)
        cli_printf(o, " %.2f [%.2f, %.2f] |", mean * 100, lo * 100, hi * 100);
    else
        cli_printf(o, "  %6.2f [%6.2f, %6.2f]", mean * 100, lo * 100, hi * 100);
}

static int report(const char *dir, const char *kind, const char *budget, method *m,
                  size_t n_methods, size_t n_docs, const char *const *metrics, size_t n_metrics,
                  const eval_cfg *cfg)
{
    cli_out o = {0};
    double *col = malloc((n_docs ? n_docs : 1) * sizeof *col);
    if (!col)
        return EXIT_INTERNAL;
    if (cfg->json) {
        cli_printf(&o, "{\"dataset\": \"%s\", \"kind\": \"%s\", \"documents\": %zu, "
                       "\"budget\": \"%s\", \"language\": \"%s\", \"resamples\": %d, "
                       "\"confidence\": 0.95, \"methods\": [",
                   dir, kind, n_docs, budget, cfg->opt.language, RESAMPLES);
    } else if (cfg->markdown) {
        cli_printf(&o, "**%s**: %zu documents, %s; mean and 95%% bootstrap interval\n\n"
                       "| method |", dir, n_docs, budget);
        for (size_t k = 0; k < n_metrics; k++)
            cli_printf(&o, " %s |", metrics[k]);
        cli_printf(&o, " failed |\n|---|");
        for (size_t k = 0; k < n_metrics; k++)
            cli_printf(&o, "---|");
        cli_printf(&o, "---|\n");
    } else {
        cli_printf(&o, "%s: %zu documents, %s; mean and 95%% bootstrap interval\n", dir,
                   n_docs, budget);
        cli_printf(&o, "%-18s", "method");
        for (size_t k = 0; k < n_metrics; k++)
            cli_printf(&o, "  %-22s", metrics[k]);
        cli_printf(&o, "  failed  seconds\n");
    }
    for (size_t i = 0; i < n_methods; i++) {
        if (cfg->json)
            cli_printf(&o, "%s{\"name\": \"%s\", \"failed\": %zu, \"seconds\": %.3f, ",
                       i ? ", " : "", m[i].name, m[i].failed, m[i].seconds);
        else if (cfg->markdown)
            cli_printf(&o, "| %s |", m[i].name);
        else
            cli_printf(&o, "%-18s", m[i].name);
        for (size_t k = 0; k < n_metrics; k++) {
            for (size_t d = 0; d < n_docs; d++)
                col[d] = m[i].scores[d * n_metrics + k];
            if (cfg->json && k)
                cli_printf(&o, ", ");
            if (n_docs)
                print_interval(&o, cfg, metrics[k], col, n_docs);
        }
        if (cfg->json)
            cli_printf(&o, "}");
        else if (cfg->markdown)
            cli_printf(&o, " %zu |\n", m[i].failed);
        else
            cli_printf(&o, "  %6zu  %7.2f\n", m[i].failed, m[i].seconds);
    }
    if (cfg->json)
        cli_printf(&o, "]}\n");
    else if (cfg->markdown)
        cli_printf(&o, "\n");
    free(col);
    int code = o.nomem ? EXIT_INTERNAL : cli_write_stdout(o.s, o.n);
    free(o.s);
    return code;
}

static int eval_summaries(const char *dir, char **ids, size_t n_docs, method *m,
                          size_t n_methods, const eval_cfg *cfg)
{
    precis_rouge_scorer *scorer = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    if (precis_rouge_scorer_new(cfg->wordnet, &scorer, &err) != PRECIS_OK) {
        cli_complain("%s", err.message);
        return cli_exit_for(err.status);
    }
    enum { METRICS = 3 };
    static const char *const metrics[METRICS] = {"ROUGE-1 F", "ROUGE-2 F", "ROUGE-L F"};
    precis_summarizer *s = NULL;
    int code = precis_summarizer_new(&s) == PRECIS_OK ? EXIT_OK : EXIT_INTERNAL;
    for (size_t i = 0; code == EXIT_OK && i < n_methods; i++)
        if (!(m[i].scores = calloc(n_docs * METRICS + 1, sizeof(double))))
            code = EXIT_INTERNAL;
    for (size_t d = 0; code == EXIT_OK && d < n_docs; d++) {
        size_t doc_len, ref_len;
        char *doc = read_part(dir, "docs", ids[d], &doc_len);
        char *ref = doc ? read_part(dir, "refs", ids[d], &ref_len) : NULL;
        if (!doc || !ref) {
            free(doc), free(ref);
            code = EXIT_IO;
            break;
        }
        precis_options o = cfg->opt;
        if (cfg->ref_words)
            o.words = count_words(ref, ref_len), o.ratio = 0;
        const char *refs[1] = {ref};
        for (size_t i = 0; i < n_methods; i++) {
            double t0 = now();
            precis_result *r = NULL;
            precis_status st;
            if (m[i].id == ORACLE) {
                st = precis_summarize_oracle(s, scorer, doc, doc_len, refs, &ref_len, 1, &o, &r,
                                             &err);
            } else {
                o.method = (precis_method)m[i].id;
                o.ablate = m[i].ablate;
                st = precis_summarize(s, doc, doc_len, &o, &r, &err);
            }
            size_t cand_len = 0;
            char *cand = st == PRECIS_OK ? result_text(r, &cand_len) : NULL;
            precis_rouge score;
            if (cand && precis_rouge_evaluate(scorer, cand, cand_len, refs, &ref_len, 1, &score,
                                              &err) == PRECIS_OK) {
                double *row = m[i].scores + d * METRICS;
                row[0] = score.rouge1.f, row[1] = score.rouge2.f, row[2] = score.rougeL.f;
            } else {
                m[i].failed++;
            }
            free(cand);
            precis_result_free(r);
            m[i].seconds += now() - t0;
        }
        free(doc);
        free(ref);
    }
    char budget[64];
    if (cfg->ref_words)
        snprintf(budget, sizeof budget, "each reference's word count");
    else if (cfg->opt.words)
        snprintf(budget, sizeof budget, "%zu words", cfg->opt.words);
    else
        snprintf(budget, sizeof budget, "%zu sentence%s", cfg->opt.sentences,
                 cfg->opt.sentences == 1 ? "" : "s");
    if (code == EXIT_OK)
        code = report(dir, "summaries", budget, m, n_methods, n_docs, metrics, METRICS, cfg);
    precis_summarizer_free(s);
    precis_rouge_scorer_free(scorer);
    return code;
}

/* Split a key file into its non-empty lines (in place). */
static size_t split_lines(char *text, char ***out)
{
    size_t n = 0, cap = 16;
    char **lines = malloc(cap * sizeof *lines);
    for (char *p = text; lines && p && *p;) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        size_t len = strlen(p);
        if (len && p[len - 1] == '\r')
            p[--len] = '\0';
        if (len) {
            if (n == cap) {
                char **q = realloc(lines, (cap *= 2) * sizeof *q);
                if (!q)
                    break;
                lines = q;
            }
            lines[n++] = p;
        }
        p = nl ? nl + 1 : NULL;
    }
    *out = lines;
    return lines ? n : 0;
}

static int eval_keywords(const char *dir, char **ids, size_t n_docs, method *m,
                         size_t n_methods, const eval_cfg *cfg)
{
    enum { METRICS = 6 };
    static const char *const metrics[METRICS] = {"P@5", "R@5", "F1@5", "P@10", "R@10", "F1@10"};
    precis_summarizer *s = NULL;
    int code = precis_summarizer_new(&s) == PRECIS_OK ? EXIT_OK : EXIT_INTERNAL;
    for (size_t i = 0; code == EXIT_OK && i < n_methods; i++) {
        if (m[i].id == ORACLE || m[i].id == PRECIS_METHOD_RANDOM || m[i].id == PRECIS_METHOD_LEAD)
            return cli_usage_error("--methods: '%s' does not extract key phrases", m[i].name);
        if (!(m[i].scores = calloc(n_docs * METRICS + 1, sizeof(double))))
            code = EXIT_INTERNAL;
    }
    for (size_t d = 0; code == EXIT_OK && d < n_docs; d++) {
        size_t doc_len, key_len;
        char *doc = read_part(dir, "docs", ids[d], &doc_len);
        char *keys = doc ? read_part(dir, "keys", ids[d], &key_len) : NULL;
        if (!doc || !keys) {
            free(doc), free(keys);
            code = EXIT_IO;
            break;
        }
        char **gold = NULL;
        size_t n_gold = split_lines(keys, &gold);
        for (size_t i = 0; i < n_methods; i++) {
            double t0 = now();
            precis_options o = cfg->opt;
            o.method = (precis_method)m[i].id;
            o.ablate = m[i].ablate;
            o.keywords = 10;
            precis_result *r = NULL;
            precis_error err = PRECIS_ERROR_INIT;
            double *row = m[i].scores + d * METRICS;
            if (precis_extract_keywords(s, doc, doc_len, &o, &r, &err) == PRECIS_OK) {
                size_t n_pred = precis_result_keyword_count(r);
                const char *pred[10];
                for (size_t k = 0; k < n_pred && k < 10; k++)
                    pred[k] = precis_result_keyword(r, k)->term;
                precis_keyphrase_score at5, at10;
                precis_keyphrase_evaluate(pred, n_pred, (const char *const *)gold, n_gold, 5,
                                          &at5, NULL);
                precis_keyphrase_evaluate(pred, n_pred, (const char *const *)gold, n_gold, 10,
                                          &at10, NULL);
                row[0] = at5.precision, row[1] = at5.recall, row[2] = at5.f1;
                row[3] = at10.precision, row[4] = at10.recall, row[5] = at10.f1;
            } else {
                m[i].failed++;
            }
            precis_result_free(r);
            m[i].seconds += now() - t0;
        }
        free(gold);
        free(doc);
        free(keys);
    }
    if (code == EXIT_OK)
        code = report(dir, "keyphrases", "10 key phrases", m, n_methods, n_docs, metrics,
                      METRICS, cfg);
    precis_summarizer_free(s);
    return code;
}

static int parse_methods(const char *list, method *m, size_t *n)
{
    char *copy = strdup(list);
    if (!copy)
        return EXIT_INTERNAL;
    *n = 0;
    int code = EXIT_OK;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        if (*n == MAX_METHODS) {
            code = cli_usage_error("--methods: at most %d methods", MAX_METHODS);
            break;
        }
        precis_method pm;
        if (strcmp(tok, "oracle") == 0) {
            m[*n] = (method){.name = "oracle", .id = ORACLE};
        } else if (precis_method_parse(tok, &pm) == PRECIS_OK) {
            m[*n] = (method){.name = precis_method_name(pm), .id = (int)pm};
        } else {
            code = cli_usage_error("--methods: unknown method '%s'", tok);
            break;
        }
        (*n)++;
    }
    free(copy);
    if (code == EXIT_OK && *n == 0)
        code = cli_usage_error("--methods: no method given");
    return code;
}

/* The methods to run: those listed (--methods), by default every method
 * of the library then the oracle for summaries and textrank for key
 * phrases; then with --ablations that default without each of its parts
 * (and, for key phrases, the classic baselines). */
static int choose_methods(const char *list, bool refs, bool ablations, method *m, size_t *n)
{
    char all[512] = "";
    for (size_t i = 0; refs && i < precis_method_count(); i++) {
        strncat(all, precis_method_name((precis_method)i), sizeof all - strlen(all) - 1);
        strncat(all, ",", sizeof all - strlen(all) - 1);
    }
    strncat(all, "oracle", sizeof all - strlen(all) - 1);
    int code = parse_methods(list ? list : refs ? all : "textrank", m, n);
    if (code != EXIT_OK || !ablations)
        return code;
    typedef struct {
        const char *name;
        unsigned flag;
    } part;
    static const part summary_parts[] = {{"news-no-lede", PRECIS_ABLATE_LEDE},
                                         {"news-no-position", PRECIS_ABLATE_POSITION},
                                         {"news-no-length", PRECIS_ABLATE_LENGTH},
                                         {"news-no-quotation", PRECIS_ABLATE_QUOTATION},
                                         {"news-no-redundancy", PRECIS_ABLATE_REDUNDANCY},
                                         {"news-no-hygiene", PRECIS_ABLATE_HYGIENE}};
    static const part key_parts[] = {
        {"keys-no-idf", PRECIS_ABLATE_KEY_IDF},
        {"keys-no-centrality", PRECIS_ABLATE_KEY_CENTRALITY},
        {"keys-no-position", PRECIS_ABLATE_KEY_POSITION},
        {"keys-no-words", PRECIS_ABLATE_KEY_WORDS},
        {"keys-no-topics", PRECIS_ABLATE_KEY_TOPICS},
        {"keys-no-general", PRECIS_ABLATE_KEY_GENERAL},
        {"keys-no-single", PRECIS_ABLATE_KEY_SINGLE},
        {"keys-no-speech", PRECIS_ABLATE_KEY_SPEECH},
        /* Baselines: the same candidates, scored by one classic signal
         * alone or not at all. */
        {"keys-tfidf", PRECIS_ABLATE_KEY_CENTRALITY | PRECIS_ABLATE_KEY_POSITION |
                           PRECIS_ABLATE_KEY_WORDS | PRECIS_ABLATE_KEY_TOPICS |
                           PRECIS_ABLATE_KEY_GENERAL | PRECIS_ABLATE_KEY_SINGLE},
        {"keys-singlerank", PRECIS_ABLATE_KEY_IDF | PRECIS_ABLATE_KEY_POSITION |
                                PRECIS_ABLATE_KEY_WORDS | PRECIS_ABLATE_KEY_TOPICS |
                                PRECIS_ABLATE_KEY_GENERAL | PRECIS_ABLATE_KEY_SINGLE},
        {"keys-first", PRECIS_ABLATE_KEY_SCORES}};
    const part *parts = refs ? summary_parts : key_parts;
    size_t n_parts = refs ? sizeof summary_parts / sizeof summary_parts[0]
                          : sizeof key_parts / sizeof key_parts[0];
    precis_method base = refs ? PRECIS_METHOD_NEWS : PRECIS_METHOD_TEXTRANK;
    for (size_t i = 0; i < n_parts && *n < MAX_METHODS; i++)
        m[(*n)++] = (method){.name = parts[i].name, .id = (int)base, .ablate = parts[i].flag};
    return EXIT_OK;
}

/* What eval's command line asks for beyond cfg. */
typedef struct eval_args {
    eval_cfg *cfg;          /* where the other options go */
    cli_summary_options so; /* -n, -w, --lang and --model as precis reads them */
    const char *methods;    /* --methods, or NULL for the default list */
} eval_args;

/* Apply one option of eval's: CLI_GO_ON, or the exit code of a command
 * that is done (help, usage errors). */
static int eval_option(void *ctx, int c, const char *arg)
{
    eval_args *a = ctx;
    eval_cfg *cfg = a->cfg;
    size_t v;
    switch (c) {
    case 'n':
    case 'w':
    case 'l':
    case CLI_OPT_MODEL: {
        int r = cli_summary_option(&a->so, c, arg);
        if (r < 0)
            return -r;
        cfg->ref_words = cfg->ref_words && c != 'n' && c != 'w';
        return CLI_GO_ON;
    }
    case OPT_REF_WORDS:
        cfg->ref_words = true, a->so.opt.words = 0;
        return CLI_GO_ON;
    case 'm':
        a->methods = arg;
        return CLI_GO_ON;
    case OPT_LIMIT:
        if (!cli_parse_size(arg, 1, SIZE_MAX, &cfg->limit))
            return cli_usage_error("--limit: '%s' is not a positive whole number", arg);
        return CLI_GO_ON;
    case OPT_ABLATIONS:
        cfg->ablations = true;
        return CLI_GO_ON;
    case OPT_FOLD: {
        unsigned long i, n;
        char extra;
        if (sscanf(arg, "%lu/%lu%c", &i, &n, &extra) != 2 || n < 2 || i >= n)
            return cli_usage_error("--fold: '%s' is not I/N with 0 <= I < N and N >= 2", arg);
        cfg->fold = i, cfg->folds = n;
        return CLI_GO_ON;
    }
    case OPT_SEED:
        if (!cli_parse_size(arg, 0, SIZE_MAX, &v))
            return cli_usage_error("--seed: '%s' is not a whole number", arg);
        cfg->seed = a->so.opt.seed = (uint64_t)v;
        return CLI_GO_ON;
    case OPT_WORDNET:
        cfg->wordnet = arg;
        return CLI_GO_ON;
    case 'f':
        cfg->json = strcmp(arg, "json") == 0;
        cfg->markdown = strcmp(arg, "markdown") == 0;
        if (!cfg->json && !cfg->markdown && strcmp(arg, "text") != 0)
            return cli_usage_error("--format: '%s' is not text, markdown or json", arg);
        return CLI_GO_ON;
    default: /* 'h' */
        fputs(eval_usage, stdout);
        return cli_write_stdout(NULL, 0);
    }
}

/* Parse eval's options into cfg and *a: CLI_GO_ON with optind at the
 * first operand, or the exit code of a command that is done. */
static int parse_eval_args(int argc, char **argv, eval_cfg *cfg, eval_args *a)
{
    precis_options_init(&a->so.opt, sizeof a->so.opt);
    static const struct option longopts[] = {
        {"sentences", required_argument, NULL, 'n'}, {"words", required_argument, NULL, 'w'},
        {"ref-words", no_argument, NULL, OPT_REF_WORDS},
        {"methods", required_argument, NULL, 'm'},   {"lang", required_argument, NULL, 'l'},
        {"limit", required_argument, NULL, OPT_LIMIT},
        {"fold", required_argument, NULL, OPT_FOLD},
        {"ablations", no_argument, NULL, OPT_ABLATIONS},
        {"model", required_argument, NULL, CLI_OPT_MODEL},
        {"seed", required_argument, NULL, OPT_SEED},
        {"wordnet", required_argument, NULL, OPT_WORDNET},
        {"format", required_argument, NULL, 'f'},    {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    /* -n, -w, --lang and --model are in longopts, passed to
     * cli_summary_option by eval_option: eval takes no other shared ones. */
    static const cli_command cmd = {.name = "eval", .own = longopts, .own_short = "n:w:m:l:f:h",
                                    .first = 1, .apply = eval_option};
    a->cfg = cfg;
    int code = cli_parse_options(argc, argv, &cmd, NULL, a);
    cfg->opt = a->so.opt;
    return code;
}

/* Score the fixture set in dir (summaries or key phrases, as its folders
 * say) with the methods asked for. */
static int eval_set(const char *dir, const eval_cfg *cfg, const char *methods)
{
    bool keys = is_dir(dir, "keys"), refs = is_dir(dir, "refs");
    if (!is_dir(dir, "docs") || (!keys && !refs)) {
        cli_complain("%s: not a fixture folder: expected docs/ and refs/ or keys/ in it", dir);
        return EXIT_IO;
    }
    method m[MAX_METHODS];
    size_t n_methods;
    int code = choose_methods(methods, refs, cfg->ablations, m, &n_methods);
    if (code != EXIT_OK)
        return code;
    size_t n_docs = 0;
    char **ids = NULL;
    code = list_ids(dir, cfg, &ids, &n_docs);
    if (code == EXIT_OK && n_docs == 0) {
        cli_complain("%s: no documents in docs/", dir);
        code = EXIT_NOTHING;
    }
    if (code == EXIT_OK)
        code = refs ? eval_summaries(dir, ids, n_docs, m, n_methods, cfg)
                    : eval_keywords(dir, ids, n_docs, m, n_methods, cfg);
    for (size_t i = 0; i < n_methods; i++)
        free(m[i].scores);
    for (size_t d = 0; d < n_docs; d++)
        free(ids[d]);
    free(ids);
    return code;
}

int cli_eval_main(int argc, char **argv)
{
    eval_cfg cfg = {.seed = 1};
    eval_args a = {0};
    int code = parse_eval_args(argc, argv, &cfg, &a);
    if (code != CLI_GO_ON)
        return code;
    precis_model *model = NULL;
    /* Only a model asked for: evaluation compares methods as the library
     * runs them, by default with in-document IDF. */
    if (a.so.model_path &&
        (code = cli_load_model(a.so.model_path, false, cfg.opt.language, &model)) != EXIT_OK)
        return code;
    cfg.opt.model = model;
    if (optind < argc && strcmp(argv[optind], "rouge") == 0)
        code = eval_rouge(argc - optind - 1, argv + optind + 1, cfg.json, cfg.wordnet);
    else if (argc - optind != 1)
        code = cli_usage_error("eval needs one fixture folder (DIR/docs with DIR/refs or DIR/keys)");
    else
        code = eval_set(argv[optind], &cfg, a.methods);
    precis_model_free(model);
    return code;
}
