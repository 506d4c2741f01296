/* The public API as a C programmer sees it: only precis.h is used here. */
#include "support.h"

#include <pthread.h>
#include <stdbool.h>

#include "precis.h"

static char *sample(size_t *len)
{
    const char *src = getenv("PRECIS_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/corpora/abe-putin-vladivostok-2016.txt", src ? src : ".");
    char *text = test_read_file(path, len);
    assert_non_null(text);
    return text;
}

static char *summarize_json(precis_summarizer *s, const char *text, size_t len,
                            const precis_options *o)
{
    precis_result *r = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_summarize(s, text, len, o, &r, &err), PRECIS_OK);
    char *json = NULL;
    assert_int_equal(precis_result_json(r, NULL, &json, NULL), PRECIS_OK);
    precis_result_free(r);
    return json;
}

static void version_and_strings(void **state)
{
    (void)state;
    int major, minor, patch;
    assert_int_equal(sscanf(precis_version(), "%d.%d.%d", &major, &minor, &patch), 3);
    assert_int_equal(major, PRECIS_VERSION_MAJOR);
    for (int s = PRECIS_OK; s <= PRECIS_ERR_IO; s++)
        assert_true(strlen(precis_status_string((precis_status)s)) > 0);
    assert_string_equal(precis_status_string((precis_status)999), "unknown status");
    precis_free(NULL);
    precis_result_free(NULL);
    precis_summarizer_free(NULL);
}

static void languages(void **state)
{
    (void)state;
    assert_true(precis_language_count() >= 28);
    assert_null(precis_language_name(precis_language_count()));
    static const char *const english[] = {"english", "English", "en", "EN", "eng"};
    for (size_t i = 0; i < 5; i++) {
        const char *c = NULL;
        assert_int_equal(precis_language_resolve(english[i], &c, NULL), PRECIS_OK);
        assert_string_equal(c, "english");
    }
    const char *c = NULL;
    assert_int_equal(precis_language_resolve("fr", &c, NULL), PRECIS_OK);
    assert_string_equal(c, "french");
    assert_int_equal(precis_language_resolve("ger", &c, NULL), PRECIS_OK);
    assert_string_equal(c, "german");
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_language_resolve("klingon", &c, &err), PRECIS_ERR_LANGUAGE);
    assert_non_null(strstr(err.message, "klingon"));
    assert_non_null(strstr(err.message, "english"));
    assert_non_null(strstr(err.message, "yiddish"));
    /* "porter" is an algorithm, not a language. */
    assert_int_equal(precis_language_resolve("porter", &c, NULL), PRECIS_ERR_LANGUAGE);
    assert_int_equal(precis_language_resolve(NULL, &c, NULL), PRECIS_ERR_LANGUAGE);
}

static void option_validation(void **state)
{
    (void)state;
    precis_options o;
    precis_error err = PRECIS_ERROR_INIT;
    precis_options_init(&o, sizeof o);
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_OK);
    /* Each bad value is refused with a message naming the field. */
    precis_options_init(&o, sizeof o); o.sentences = 0;
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "sentences"));
    precis_options_init(&o, sizeof o); o.ratio = 1.5;
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "ratio"));
    precis_options_init(&o, sizeof o); o.ratio = NAN;
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_ARGUMENT);
    precis_options_init(&o, sizeof o); o.damping = 1.0;
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "damping"));
    precis_options_init(&o, sizeof o); o.tolerance = 0;
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_ARGUMENT);
    precis_options_init(&o, sizeof o); o.max_iterations = 0;
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_ARGUMENT);
    precis_options_init(&o, sizeof o); o.keywords = 100000;
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_ARGUMENT);
    precis_options_init(&o, sizeof o); o.max_bytes = (size_t)2 << 30;
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_ARGUMENT);
    precis_options_init(&o, sizeof o); o.method = (precis_method)precis_method_count();
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_ARGUMENT);
    precis_options_init(&o, sizeof o); o.ablate = PRECIS_ABLATE_KEY_SPEECH << 1;
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_ARGUMENT);
    assert_non_null(strstr(err.message, "ablate"));
    /* Every method has a name that parses back to it. */
    for (size_t i = 0; i < precis_method_count(); i++) {
        precis_method m;
        assert_int_equal(precis_method_parse(precis_method_name((precis_method)i), &m), PRECIS_OK);
        assert_int_equal(m, i);
    }
    assert_null(precis_method_name((precis_method)precis_method_count()));
    precis_options_init(&o, sizeof o); o.language = "xx";
    assert_int_equal(precis_options_validate(&o, &err), PRECIS_ERR_LANGUAGE);
    assert_int_equal(precis_options_validate(NULL, &err), PRECIS_ERR_ARGUMENT);
}

static void sample_summary(void **state)
{
    (void)state;
    size_t len;
    char *text = sample(&len);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    precis_result *r = NULL;
    precis_error err = PRECIS_ERROR_INIT;
    assert_int_equal(precis_summarize(s, text, len, NULL, &r, &err), PRECIS_OK);
    assert_int_equal(precis_result_sentence_count(r), 3);
    size_t prev = 0;
    for (size_t i = 0; i < 3; i++) {
        const precis_sentence *sent = precis_result_sentence(r, i);
        assert_true(i == 0 || sent->index > prev);
        prev = sent->index;
        /* The offsets point at the sentence in the caller's bytes (this
         * text is NFC already and its sentences hold single spaces). */
        assert_true(sent->end <= len && sent->start < sent->end);
        assert_int_equal(sent->end - sent->start, sent->text_len);
        assert_memory_equal(text + sent->start, sent->text, sent->text_len);
        assert_int_equal(strlen(sent->text), sent->text_len);
    }
    assert_null(precis_result_sentence(r, 3));
    assert_int_equal(precis_result_keyword_count(r), 10);
    assert_null(precis_result_keyword(r, 10));
    const precis_stats *st = precis_result_stats(r);
    assert_int_equal(st->bytes, len);
    assert_string_equal(st->language, "english");
    assert_string_equal(st->method, "news");
    assert_true(st->converged);
    assert_false(st->shortfall);
    precis_result_free(r);
    precis_summarizer_free(s);
    free(text);
}

static void summarizer_is_reusable(void **state)
{
    (void)state;
    size_t len;
    char *text = sample(&len);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    char *first = summarize_json(s, text, len, NULL);
    const char *other = "Cats chase mice. Dogs chase cats. Mice fear cats and dogs.";
    free(summarize_json(s, other, strlen(other), NULL));
    char *again = summarize_json(s, text, len, NULL);
    assert_string_equal(first, again);
    precis_free(first);
    precis_free(again);
    precis_summarizer_free(s);
    free(text);
}

static void bad_inputs(void **state)
{
    (void)state;
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    precis_result *r = (precis_result *)1;
    precis_error err = PRECIS_ERROR_INIT;
    static const struct {
        const char *text;
        size_t len;
        precis_status want;
        size_t offset;
    } cases[] = {
        {"", 0, PRECIS_ERR_EMPTY, SIZE_MAX},
        {"  \n\t \n", 5, PRECIS_ERR_EMPTY, SIZE_MAX},
        {"One.\0Two.", 9, PRECIS_ERR_BINARY, 4},
        {"Good text. Bad \xC3\x28 byte.", 23, PRECIS_ERR_UTF8, 15},
        {"Only one sentence here.", 23, PRECIS_ERR_ONE_SENTENCE, SIZE_MAX},
        {"Same thing said twice. Same thing said twice.", 45, PRECIS_ERR_ONE_SENTENCE, SIZE_MAX},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(precis_summarize(s, cases[i].text, cases[i].len, NULL, &r, &err),
                         cases[i].want);
        assert_null(r);
        assert_int_equal(err.status, cases[i].want);
        assert_int_equal(err.offset, cases[i].offset);
        assert_true(strlen(err.message) > 0);
    }
    assert_int_equal(precis_summarize(NULL, "x", 1, NULL, &r, &err), PRECIS_ERR_ARGUMENT);
    assert_int_equal(precis_summarize(s, NULL, 1, NULL, &r, &err), PRECIS_ERR_ARGUMENT);
    assert_int_equal(precis_summarize(s, "x", 1, NULL, NULL, &err), PRECIS_ERR_ARGUMENT);
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.max_bytes = 10;
    assert_int_equal(precis_summarize(s, "Eleven bytes", 12, &o, &r, &err), PRECIS_ERR_TOO_LARGE);
    o.max_bytes = 100;
    o.sentences = 0;
    assert_int_equal(precis_summarize(s, "Ok. Fine.", 9, &o, &r, &err), PRECIS_ERR_ARGUMENT);
    precis_summarizer_free(s);
}

static void shortfall_and_repair(void **state)
{
    (void)state;
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    precis_result *r = NULL;
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.repair_utf8 = 1;
    const char *text = "Cats chase mice \xFF today. Dogs chase cats.";
    assert_int_equal(precis_summarize(s, text, strlen(text), &o, &r, NULL), PRECIS_OK);
    assert_int_equal(precis_result_sentence_count(r), 2);
    assert_true(precis_result_stats(r)->shortfall);
    assert_true(precis_result_stats(r)->repaired);
    assert_non_null(strstr(precis_result_sentence(r, 0)->text, "\xEF\xBF\xBD"));
    precis_result_free(r);
    precis_summarizer_free(s);
}

typedef struct job {
    const char *text;
    size_t len;
    const char *expected;
    int mismatches;
} job;

/* A word of letters only that spells n, so every sentence has its own. */
static void spell(unsigned n, char *w)
{
    int k = 0;
    do {
        w[k++] = (char)('a' + n % 26);
        n /= 26;
    } while (n);
    w[k] = '\0';
}

/* n sentences, each with three words of its own, so none repeats another
 * and all of them are ranked; with shared, three more words that every
 * sentence has, so the graph is dense. */
static char *many_sentences(unsigned n, bool shared, size_t *len)
{
    char *text = malloc((size_t)n * 64 + 1);
    assert_non_null(text);
    size_t used = 0;
    for (unsigned i = 0; i < n; i++) {
        char a[8], b[8], c[8];
        spell(i, a), spell(i + 100000, b), spell(i + 200000, c);
        used += (size_t)sprintf(text + used,
                                shared ? "The q%s report mentions z%s and x%s today.\n"
                                       : "The q%s and z%s or x%s.\n",
                                a, b, c);
    }
    *len = used;
    return text;
}

/* Above PRECIS_GRAPH_MAX_SENTENCES ranked sentences, or with too dense a
 * graph, a graph method is ranked by cosine PageRank instead, and the stats
 * and JSON say so. */
static void graph_fallback_reported(void **state)
{
    (void)state;
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    precis_options o;
    precis_options_init(&o, sizeof o);
    o.language = "english";
    o.method = PRECIS_METHOD_LEXRANK;
    /* Sentences sharing no content word: a sparse graph, replaced only
     * above the size limit; sharing some: a dense graph, replaced even at
     * the size limit. */
    static const struct {
        unsigned n;
        bool shared;
        int fallback;
    } cases[] = {{50, true, 0},
                 {PRECIS_GRAPH_MAX_SENTENCES, false, 0},
                 {PRECIS_GRAPH_MAX_SENTENCES + 1, false, 1},
                 {PRECIS_GRAPH_MAX_SENTENCES, true, 1}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        size_t len;
        char *text = many_sentences(cases[k].n, cases[k].shared, &len);
        precis_result *r = NULL;
        precis_error err = PRECIS_ERROR_INIT;
        assert_int_equal(precis_summarize(s, text, len, &o, &r, &err), PRECIS_OK);
        const precis_stats *st = precis_result_stats(r);
        assert_int_equal(st->candidates, cases[k].n);
        int over = cases[k].fallback;
        assert_int_equal(st->graph_fallback, over);
        char *json = NULL;
        assert_int_equal(precis_result_json(r, NULL, &json, NULL), PRECIS_OK);
        assert_int_equal(strstr(json, "\"graph_fallback\": true") != NULL, over);
        precis_free(json);
        precis_result_free(r);
        free(text);
    }
    /* lead ranks no graph: never a fallback. */
    o.method = PRECIS_METHOD_LEAD;
    size_t len;
    char *text = many_sentences(PRECIS_GRAPH_MAX_SENTENCES + 1, true, &len);
    precis_result *r = NULL;
    assert_int_equal(precis_summarize(s, text, len, &o, &r, NULL), PRECIS_OK);
    assert_int_equal(precis_result_stats(r)->graph_fallback, 0);
    precis_result_free(r);
    free(text);
    precis_summarizer_free(s);
}

static void *worker(void *arg)
{
    job *j = arg;
    precis_summarizer *s = NULL;
    if (precis_summarizer_new(&s) != PRECIS_OK)
        return NULL;
    for (int i = 0; i < 25; i++) {
        precis_result *r = NULL;
        char *json = NULL;
        if (precis_summarize(s, j->text, j->len, NULL, &r, NULL) != PRECIS_OK ||
            precis_result_json(r, NULL, &json, NULL) != PRECIS_OK ||
            strcmp(json, j->expected) != 0)
            j->mismatches++;
        precis_free(json);
        precis_result_free(r);
    }
    precis_summarizer_free(s);
    return NULL;
}

/* One summarizer per thread, no shared state: every thread gets exactly the
 * serial result. */
static void threads_agree(void **state)
{
    (void)state;
    size_t len;
    char *text = sample(&len);
    precis_summarizer *s = NULL;
    assert_int_equal(precis_summarizer_new(&s), PRECIS_OK);
    char *expected = summarize_json(s, text, len, NULL);
    precis_summarizer_free(s);
    enum { T = 4 };
    pthread_t th[T];
    job jobs[T];
    for (int i = 0; i < T; i++) {
        jobs[i] = (job){text, len, expected, 0};
        assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
    }
    for (int i = 0; i < T; i++) {
        pthread_join(th[i], NULL);
        assert_int_equal(jobs[i].mismatches, 0);
    }
    precis_free(expected);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(version_and_strings),
        cmocka_unit_test(languages),
        cmocka_unit_test(option_validation),
        cmocka_unit_test(sample_summary),
        cmocka_unit_test(summarizer_is_reusable),
        cmocka_unit_test(bad_inputs),
        cmocka_unit_test(shortfall_and_repair),
        cmocka_unit_test(threads_agree),
        cmocka_unit_test(graph_fallback_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
