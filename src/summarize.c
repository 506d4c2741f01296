/* The public API: options, the summarizer, and results. Runs the pipeline
 * stages in order and copies what the caller keeps into one allocation. */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "internal.h"

static uint64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/* Charge the time since *mark to *stage and restart the clock. */
static void lap(uint64_t *mark, uint64_t *stage)
{
    uint64_t t = now_ns();
    *stage += t - *mark;
    *mark = t;
}

const char *precis_version(void)
{
    return PRECIS_VERSION_STRING;
}

unsigned precis_version_number(void)
{
    return PRECIS_VERSION_NUMBER;
}

const char *precis_status_string(precis_status status)
{
    switch (status) {
    case PRECIS_OK: return "success";
    case PRECIS_ERR_NOMEM: return "out of memory";
    case PRECIS_ERR_ARGUMENT: return "invalid argument";
    case PRECIS_ERR_EMPTY: return "empty text";
    case PRECIS_ERR_BINARY: return "binary data, not text";
    case PRECIS_ERR_UTF8: return "invalid UTF-8";
    case PRECIS_ERR_TOO_LARGE: return "text too large";
    case PRECIS_ERR_ONE_SENTENCE: return "only one sentence";
    case PRECIS_ERR_NO_STRUCTURE: return "no sentence structure";
    case PRECIS_ERR_LANGUAGE: return "unknown language";
    case PRECIS_ERR_NUMERIC: return "numerical failure";
    case PRECIS_ERR_MODEL: return "bad model";
    case PRECIS_ERR_IO: return "input/output error";
    }
    return "unknown status";
}

void precis_free(void *buffer)
{
    free(buffer);
}

static const char *const method_names[] = {"textrank", "lead",    "random", "news",
                                           "textrank-classic", "lexrank", "bm25",   "pacsum",
                                           "textrank-personalised"};
#define N_METHODS (sizeof method_names / sizeof method_names[0])

_Static_assert(N_METHODS == PRECIS_METHOD_TEXTRANK_PERSONALISED + 1,
               "a method of precis.h has no name in summarize.c");

size_t precis_method_count(void)
{
    return N_METHODS;
}

precis_status precis_method_parse(const char *name, precis_method *method)
{
    for (size_t i = 0; name && i < N_METHODS; i++) {
        if (strcmp(name, method_names[i]) == 0) {
            *method = (precis_method)i;
            return PRECIS_OK;
        }
    }
    return PRECIS_ERR_ARGUMENT;
}

const char *precis_method_name(precis_method method)
{
    return (size_t)method < N_METHODS ? method_names[method] : NULL;
}

/* The smallest caller struct served: `size` and `language`, the first
 * field (a zero size means the struct was never initialised). */
#define OPTIONS_MIN_SIZE (offsetof(precis_options, language) + sizeof(const char *))

static void default_options(precis_options *o)
{
    memset(o, 0, sizeof *o);
    o->size = sizeof *o;
    o->language = "auto";
    o->method = PRECIS_METHOD_NEWS;
    o->sentences = 3;
    o->keywords = 10;
    o->damping = 0.85;
    o->tolerance = 1e-6;
    o->max_iterations = 100;
    o->max_bytes = (size_t)64 << 20;
    o->max_sentence_words = 2000;
    o->seed = 1;
}

/* A struct's size the library can serve (precis.h, "ABI"): at least its
 * first field, at most the library's own struct. */
static precis_status check_size(size_t size, size_t min, size_t max, const char *what,
                                precis_error *err)
{
    if (size < min)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "%s of %zu bytes: initialise it with %s_init(&o, sizeof o)", what,
                        size, what);
    if (size > max)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "%s of %zu bytes is from a newer precis than this library %s "
                        "(%zu bytes): link the precis the program was built with",
                        what, size, PRECIS_VERSION_STRING, max);
    return PRECIS_OK;
}

precis_status precis_options_init(precis_options *o, size_t size)
{
    if (!o || size < sizeof o->size)
        return PRECIS_ERR_ARGUMENT;
    precis_options d;
    default_options(&d);
    memcpy(o, &d, size < sizeof d ? size : sizeof d);
    o->size = size;
    return check_size(size, OPTIONS_MIN_SIZE, sizeof d, "precis_options", NULL);
}

/* Every options struct of the API begins with its size as the caller was
 * compiled; one rule brings any of them to the library's size. */
_Static_assert(offsetof(precis_options, size) == 0, "size first");
_Static_assert(offsetof(precis_json_options, size) == 0, "size first");
_Static_assert(offsetof(precis_html_options, size) == 0, "size first");

/* The caller's options o (its first `size` bytes, the caller's version of
 * the struct) over the defaults already in full (full_size bytes, the
 * library's version), whose size then says full_size. */
static precis_status import_sized(const void *o, size_t size, void *full, size_t full_size,
                                  size_t min, const char *what, precis_error *err)
{
    precis_status st = check_size(size, min, full_size, what, err);
    if (st != PRECIS_OK)
        return st;
    memcpy(full, o, size);
    memcpy(full, &full_size, sizeof full_size);
    return PRECIS_OK;
}

/* The _init of an options struct whose defaults are all zero. */
static precis_status init_zeroed(void *o, size_t size, size_t full_size, size_t min,
                                 const char *what)
{
    if (!o || size < sizeof size)
        return PRECIS_ERR_ARGUMENT;
    memset(o, 0, size < full_size ? size : full_size);
    memcpy(o, &size, sizeof size);
    return check_size(size, min, full_size, what, NULL);
}

/* Options of the library's size (full_size bytes at full) from the
 * caller's o, or the defaults (all zero) when o is NULL. */
static precis_status import_zeroed(const void *o, void *full, size_t full_size, size_t min,
                                   const char *what)
{
    init_zeroed(full, full_size, full_size, min, what);
    if (!o)
        return PRECIS_OK;
    size_t size;
    memcpy(&size, o, sizeof size);
    return import_sized(o, size, full, full_size, min, what, NULL);
}

precis_status pcs_options_import(const precis_options *o, precis_options *full,
                                 precis_error *err)
{
    default_options(full);
    if (!o)
        return PRECIS_OK;
    return import_sized(o, o->size, full, sizeof *full, OPTIONS_MIN_SIZE, "precis_options", err);
}

/* Options of the library's own size; *canonical is the language. */
static precis_status validate(const precis_options *o, const char **canonical,
                              precis_error *err);

precis_status precis_options_validate(const precis_options *options, precis_error *err)
{
    if (!options)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX, "options are NULL");
    precis_options full;
    const char *canonical;
    precis_status st = pcs_options_import(options, &full, err);
    return st == PRECIS_OK ? validate(&full, &canonical, err) : st;
}

static precis_status validate(const precis_options *o, const char **canonical,
                              precis_error *err)
{
    precis_status s = precis_language_resolve(o->language, canonical, err);
    if (s != PRECIS_OK)
        return s;
    if (!precis_method_name(o->method))
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX, "unknown method %d",
                        (int)o->method);
    if (o->sentences < 1 || o->sentences > PRECIS_MAX_SENTENCES)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "sentences must be between 1 and %d", PRECIS_MAX_SENTENCES);
    if (o->words > PRECIS_MAX_WORDS)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "words must be at most %zu", (size_t)PRECIS_MAX_WORDS);
    if (!(o->ratio >= 0 && o->ratio <= 1))
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "ratio must be a number above 0 and at most 1");
    if (o->keywords > PRECIS_MAX_KEYWORDS)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "keywords must be between 0 and %d", PRECIS_MAX_KEYWORDS);
    if (!(o->damping > 0 && o->damping < 1))
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "damping must be above 0 and below 1");
    if (!(o->tolerance > 0 && o->tolerance < 1))
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "tolerance must be above 0 and below 1");
    if (o->max_iterations < 1 || o->max_iterations > PRECIS_MAX_ITERATIONS)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "max_iterations must be between 1 and %d", PRECIS_MAX_ITERATIONS);
    if (o->max_bytes < 1 || o->max_bytes > PRECIS_MAX_BYTES_LIMIT)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "max_bytes must be between 1 and %zu", PRECIS_MAX_BYTES_LIMIT);
    if (o->ablate & ~(unsigned)(PRECIS_ABLATE_LEDE | PRECIS_ABLATE_POSITION |
                                PRECIS_ABLATE_LENGTH | PRECIS_ABLATE_QUOTATION |
                                PRECIS_ABLATE_REDUNDANCY | PRECIS_ABLATE_HYGIENE |
                                PRECIS_ABLATE_KEY_IDF | PRECIS_ABLATE_KEY_CENTRALITY |
                                PRECIS_ABLATE_KEY_POSITION | PRECIS_ABLATE_KEY_WORDS |
                                PRECIS_ABLATE_KEY_TOPICS | PRECIS_ABLATE_KEY_GENERAL |
                                PRECIS_ABLATE_KEY_SCORES | PRECIS_ABLATE_KEY_SINGLE |
                                PRECIS_ABLATE_KEY_SPEECH))
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX, "ablate has unknown flags 0x%x",
                        o->ablate);
    if (o->max_sentence_words < 1 || o->max_sentence_words > PRECIS_MAX_SENTENCE_WORDS)
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "max_sentence_words must be between 1 and %d",
                        PRECIS_MAX_SENTENCE_WORDS);
    return PRECIS_OK;
}

precis_status precis_summarizer_new(precis_summarizer **out)
{
    if (!out)
        return PRECIS_ERR_ARGUMENT;
    *out = calloc(1, sizeof **out);
    if (!*out)
        return PRECIS_ERR_NOMEM;
    pcs_arena_init(&(*out)->arena);
    return PRECIS_OK;
}

void precis_summarizer_free(precis_summarizer *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_languages; i++)
        pcs_language_free(s->languages[i]);
    pcs_arena_free(&s->arena);
    free(s->toks);
    free(s);
}

/* Copy what the caller keeps out of the document's arena into a single
 * allocation, so a result is freed with one call and outlives the
 * summarizer. */
static precis_result *make_result(const pcs_doc *doc, const uint32_t *picked,
                                  uint32_t n_picked, const pcs_keyterm *kt,
                                  uint32_t n_kt)
{
    size_t bytes = sizeof(precis_result) + n_picked * sizeof(precis_sentence) +
                   n_kt * sizeof(precis_keyword) + doc->n_sents * sizeof(pcs_span);
    for (uint32_t i = 0; i < n_picked; i++) {
        const pcs_sentence *s = &doc->sents[picked[i]];
        bytes += (size_t)(s->end - s->start) + 1;
    }
    for (uint32_t i = 0; i < n_kt; i++)
        bytes += (size_t)kt[i].surface_len + 1;
    precis_result *r = malloc(bytes);
    if (!r)
        return NULL;
    memset(r, 0, sizeof *r);
    r->sentences = (precis_sentence *)(void *)(r + 1);
    r->keywords = (precis_keyword *)(void *)(r->sentences + n_picked);
    r->spans = (pcs_span *)(void *)(r->keywords + n_kt);
    char *text = (char *)(r->spans + doc->n_sents);
    for (uint32_t i = 0; i < doc->n_sents; i++) {
        const pcs_sentence *s = &doc->sents[i];
        r->spans[i] = (pcs_span){.start = pcs_orig_offset(doc, s->start),
                                 .end = pcs_orig_offset(doc, s->end),
                                 .score = doc->scores ? doc->scores[i] : 0};
    }
    for (uint32_t i = 0; i < n_picked; i++)
        r->spans[picked[i]].summary = true;
    r->n_spans = doc->n_sents;
    const precis_options *o = doc->cfg.options;
    r->repair_utf8 = o->repair_utf8;
    r->ablate = o->ablate;
    r->max_sentence_words = o->max_sentence_words;
    for (uint32_t i = 0; i < n_picked; i++) {
        const pcs_sentence *s = &doc->sents[picked[i]];
        size_t n = pcs_collapse_space(doc->text + s->start, s->end - s->start, text);
        r->sentences[i] = (precis_sentence){
            .index = picked[i],
            .start = pcs_orig_offset(doc, s->start),
            .end = pcs_orig_offset(doc, s->end),
            .score = doc->scores[picked[i]],
            .text = text,
            .text_len = n};
        text += n + 1;
    }
    for (uint32_t i = 0; i < n_kt; i++) {
        memcpy(text, kt[i].surface, kt[i].surface_len);
        text[kt[i].surface_len] = '\0';
        r->keywords[i] = (precis_keyword){.term = text,
                                          .term_len = kt[i].surface_len,
                                          .score = kt[i].score,
                                          .count = kt[i].count};
        text += kt[i].surface_len + 1;
    }
    r->n_sentences = n_picked;
    r->n_keywords = n_kt;
    return r;
}

precis_status pcs_config_resolve(pcs_config *cfg, const precis_options *o, precis_error *err)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->options = o;
    precis_status st = validate(o, &cfg->language, err);
    if (st != PRECIS_OK)
        return st;
    cfg->detected = strcmp(cfg->language, "auto") == 0;
    const precis_model *m = o->model;
    if (m && !cfg->detected && strcmp(precis_model_language(m), cfg->language) != 0)
        return pcs_fail(err, PRECIS_ERR_MODEL, SIZE_MAX,
                        "the model is for %s, not %s: use a model for %s or none",
                        precis_model_language(m), cfg->language, cfg->language);
    return PRECIS_OK;
}

/* Start a call: clear err, check arguments, take the caller's options
 * into *full and resolve them into *cfg. */
static precis_status begin(precis_summarizer *s, const char *text, size_t len,
                           const precis_options *options, precis_options *full,
                           precis_result **out, pcs_config *cfg, precis_error *err)
{
    if (out)
        *out = NULL;
    pcs_error_clear(err);
    if (!s || !out || (!text && len > 0))
        return pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                        "summarizer, text and out must not be NULL");
    precis_status st = pcs_options_import(options, full, err);
    return st == PRECIS_OK ? pcs_config_resolve(cfg, full, err) : st;
}

/* Token capacity kept between documents: 64 MiB of tokens. */
#define TOKENS_KEPT (((size_t)64 << 20) / sizeof(pcs_token))

/* The language to use when detection finds none it is sure of. */
#define FALLBACK_LANGUAGE "english"

/* Stages 1 to 3 under a resolved configuration, which doc takes over;
 * the language is detected here when the configuration says "auto". */
static precis_status prepare_tokens(precis_summarizer *s, const char *text, size_t len,
                                    const pcs_config *cfg, pcs_doc *doc, precis_timing *tm,
                                    precis_error *err)
{
    precis_timing ignored;
    if (!tm)
        tm = &ignored;
    uint64_t mark = now_ns();
    pcs_arena_reset(&s->arena);
    /* As the arena does with its blocks: a huge document's tokens are not
     * kept for the rest of a batch. */
    if (s->toks_cap > TOKENS_KEPT) {
        free(s->toks);
        s->toks = NULL;
        s->toks_cap = 0;
    }
    memset(doc, 0, sizeof *doc);
    doc->cfg = *cfg;
    doc->converged = true;
    const precis_options *o = cfg->options;
    precis_status st = pcs_text_prepare(doc, &s->arena, text ? text : "", len, o, err);
    if (st == PRECIS_OK && cfg->detected) {
        pcs_detection d = pcs_detect_language(doc->text, doc->len);
        doc->cfg.language = d.confident ? d.language : FALLBACK_LANGUAGE;
        doc->language_unsure = !d.confident;
    }
    lap(&mark, &tm->text);
    pcs_language *lang = NULL;
    precis_error lang_err = PRECIS_ERROR_INIT;
    if (st == PRECIS_OK && !(lang = pcs_language_get(s, doc->cfg.language, &lang_err)))
        st = pcs_fail(err, lang_err.status, lang_err.offset, "%s", lang_err.message);
    doc->lang = lang;
    if (st == PRECIS_OK)
        st = pcs_segment(doc, &s->arena, lang, err);
    lap(&mark, &tm->segment);
    if (st == PRECIS_OK)
        st = pcs_tokenize(doc, &s->arena, lang, o, &s->toks, &s->toks_cap, err);
    if (st == PRECIS_OK)
        pcs_resolve_budget(doc);
    lap(&mark, &tm->tokenize);
    return st;
}

precis_status pcs_prepare_tokens(precis_summarizer *s, const char *text, size_t len,
                                 const precis_options *o, pcs_doc *doc, precis_timing *tm,
                                 precis_error *err)
{
    pcs_config cfg;
    precis_status st = pcs_config_resolve(&cfg, o, err);
    return st == PRECIS_OK ? prepare_tokens(s, text, len, &cfg, doc, tm, err) : st;
}

/* Stages 1 to 4: from bytes to graph nodes with TF-IDF vectors. */
static precis_status prepare(precis_summarizer *s, const char *text, size_t len,
                             const pcs_config *cfg, pcs_doc *doc, precis_timing *tm,
                             uint64_t *mark, precis_error *err)
{
    precis_status st = prepare_tokens(s, text, len, cfg, doc, tm, err);
    *mark = now_ns();
    if (st == PRECIS_OK)
        st = pcs_tfidf(doc, &s->arena, err);
    lap(mark, &tm->vectors);
    return st;
}

/* Stages 7 and 8: key terms, then the result the caller keeps. */
static precis_status finish(const pcs_doc *doc, pcs_arena *arena, const uint32_t *picked,
                            uint32_t n_picked, bool shortfall, size_t len, precis_timing *tm, uint64_t *mark,
                            uint64_t start, precis_result **out, precis_error *err)
{
    pcs_keyterm *kt = NULL;
    uint32_t n_kt = 0;
    const precis_options *o = doc->cfg.options;
    precis_status st = pcs_keywords(doc, arena, o, &kt, &n_kt, err);
    lap(mark, &tm->keywords);
    if (st != PRECIS_OK)
        return st;
    precis_result *r = make_result(doc, picked, n_picked, kt, n_kt);
    if (!r)
        return pcs_fail(err, PRECIS_ERR_NOMEM, SIZE_MAX, "out of memory");
    uint32_t candidates = 0;
    for (uint32_t k = 0; k < doc->n_nodes; k++)
        candidates += doc->sents[doc->nodes[k]].kind == PCS_SENT_BODY;
    r->stats = (precis_stats){.bytes = len,
                              .paragraphs = doc->n_paragraphs,
                              .sentences = doc->n_sents,
                              .candidates = candidates,
                              .words = doc->n_words,
                              .terms = doc->n_terms,
                              .iterations = doc->iterations,
                              .converged = doc->converged,
                              .shortfall = shortfall,
                              .repaired = doc->repaired,
                              .language = doc->cfg.language,
                              .language_detected = doc->cfg.detected,
                              .language_unsure = doc->language_unsure,
                              .model_used = doc->model_used,
                              .method = precis_method_name(o->method),
                              .timing = *tm,
                              .graph_fallback = doc->graph_fallback};
    r->stats.timing.total = now_ns() - start;
    *out = r;
    return PRECIS_OK;
}

/* How the summary's sentences are picked. */
typedef enum pick { PICK_RANKED, PICK_NONE, PICK_ORACLE } pick;

typedef struct oracle_refs {
    const precis_rouge_scorer *scorer;
    const char *const *refs;
    const size_t *ref_lens;
    size_t n_refs;
} oracle_refs;

/* The whole pipeline, for all three entry points. */
static precis_status run(precis_summarizer *s, const char *text, size_t len,
                         const precis_options *options, pick how, const oracle_refs *oracle,
                         precis_result **out, precis_error *err)
{
    uint64_t start = now_ns(), mark = start;
    precis_timing tm = {0};
    precis_options full;
    pcs_config cfg;
    precis_status st = begin(s, text, len, options, &full, out, &cfg, err);
    if (st == PRECIS_OK && how == PICK_ORACLE &&
        (!oracle->scorer || !oracle->refs || !oracle->ref_lens || oracle->n_refs == 0))
        st = pcs_fail(err, PRECIS_ERR_ARGUMENT, SIZE_MAX,
                      "the oracle needs a ROUGE scorer and at least one reference");
    pcs_doc doc;
    if (st == PRECIS_OK)
        st = prepare(s, text, len, &cfg, &doc, &tm, &mark, err);
    uint32_t *picked = NULL, n_picked = 0;
    bool shortfall = false;
    if (st == PRECIS_OK && how == PICK_RANKED) {
        st = pcs_score(&doc, &s->arena, err);
        lap(&mark, &tm.rank);
        if (st == PRECIS_OK)
            st = pcs_select(&doc, &s->arena, &picked, &n_picked, &shortfall, err);
        lap(&mark, &tm.select);
    } else if (st == PRECIS_OK && how == PICK_ORACLE) {
        st = pcs_oracle(&doc, &s->arena, oracle->scorer, oracle->refs, oracle->ref_lens,
                        oracle->n_refs, &picked, &n_picked, &shortfall, err);
        lap(&mark, &tm.select);
    }
    if (st == PRECIS_OK)
        st = finish(&doc, &s->arena, picked, n_picked, shortfall, len, &tm, &mark, start,
                    out, err);
    return st;
}

precis_status precis_summarize(precis_summarizer *s, const char *text, size_t len,
                               const precis_options *options, precis_result **out,
                               precis_error *err)
{
    return run(s, text, len, options, PICK_RANKED, NULL, out, err);
}

precis_status precis_extract_keywords(precis_summarizer *s, const char *text, size_t len,
                                      const precis_options *options, precis_result **out,
                                      precis_error *err)
{
    return run(s, text, len, options, PICK_NONE, NULL, out, err);
}

precis_status precis_summarize_oracle(precis_summarizer *s, const precis_rouge_scorer *scorer,
                                      const char *text, size_t len,
                                      const char *const *refs, const size_t *ref_lens,
                                      size_t n_refs, const precis_options *options,
                                      precis_result **out, precis_error *err)
{
    oracle_refs oracle = {scorer, refs, ref_lens, n_refs};
    return run(s, text, len, options, PICK_ORACLE, &oracle, out, err);
}

size_t precis_result_sentence_count(const precis_result *r)
{
    return r ? r->n_sentences : 0;
}

const precis_sentence *precis_result_sentence(const precis_result *r, size_t i)
{
    return r && i < r->n_sentences ? &r->sentences[i] : NULL;
}

size_t precis_result_keyword_count(const precis_result *r)
{
    return r ? r->n_keywords : 0;
}

const precis_keyword *precis_result_keyword(const precis_result *r, size_t i)
{
    return r && i < r->n_keywords ? &r->keywords[i] : NULL;
}

const precis_stats *precis_result_stats(const precis_result *r)
{
    return r ? &r->stats : NULL;
}

#define JSON_OPTIONS_MIN_SIZE (offsetof(precis_json_options, source) + sizeof(const char *))

precis_status precis_json_options_init(precis_json_options *o, size_t size)
{
    return init_zeroed(o, size, sizeof *o, JSON_OPTIONS_MIN_SIZE, "precis_json_options");
}

precis_status precis_result_json(const precis_result *r, const precis_json_options *o,
                                 char **out, size_t *len)
{
    if (!r || !out)
        return PRECIS_ERR_ARGUMENT;
    *out = NULL;
    precis_json_options full;
    if (import_zeroed(o, &full, sizeof full, JSON_OPTIONS_MIN_SIZE, "precis_json_options") !=
        PRECIS_OK)
        return PRECIS_ERR_ARGUMENT;
    return pcs_result_json(r, &full, out, len);
}

#define HTML_OPTIONS_MIN_SIZE (offsetof(precis_html_options, source) + sizeof(const char *))

precis_status precis_html_options_init(precis_html_options *o, size_t size)
{
    return init_zeroed(o, size, sizeof *o, HTML_OPTIONS_MIN_SIZE, "precis_html_options");
}

precis_status precis_result_html(const precis_result *r, const char *text, size_t len,
                                 const precis_html_options *o, char **out, size_t *out_len)
{
    if (!r || !out || (!text && len > 0))
        return PRECIS_ERR_ARGUMENT;
    *out = NULL;
    if (len != r->stats.bytes)
        return PRECIS_ERR_ARGUMENT;
    precis_html_options full;
    if (import_zeroed(o, &full, sizeof full, HTML_OPTIONS_MIN_SIZE, "precis_html_options") !=
        PRECIS_OK)
        return PRECIS_ERR_ARGUMENT;
    return pcs_result_html(r, text ? text : "", len, &full, out, out_len);
}

void precis_result_free(precis_result *r)
{
    free(r);
}
