/* Stage 7, key terms: phrases, surface forms, limits and order. */
#include "support.h"

#include "internal.h"

typedef struct fixture {
    precis_summarizer *s;
    pcs_arena arena;
    pcs_doc doc;
    precis_options opt;
    pcs_keyterm *kt;
    uint32_t n;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_int_equal(precis_summarizer_new(&f->s), PRECIS_OK);
    pcs_arena_init(&f->arena);
    precis_options_init(&f->opt);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    pcs_arena_free(&f->arena);
    precis_summarizer_free(f->s);
    free(f);
    return 0;
}

static void run(fixture *f, const char *text)
{
    pcs_arena_reset(&f->arena);
    memset(&f->doc, 0, sizeof f->doc);
    pcs_language *lang = pcs_language_get(f->s, "english", NULL);
    assert_int_equal(pcs_text_prepare(&f->doc, &f->arena, text, strlen(text), &f->opt, NULL),
                     PRECIS_OK);
    assert_int_equal(pcs_segment(&f->doc, &f->arena, lang, NULL), PRECIS_OK);
    assert_int_equal(pcs_tokenize(&f->doc, &f->arena, lang, &f->opt, NULL), PRECIS_OK);
    assert_int_equal(pcs_keywords(&f->doc, &f->arena, &f->opt, &f->kt, &f->n, NULL), PRECIS_OK);
}

static int find(const fixture *f, const char *term)
{
    for (uint32_t i = 0; i < f->n; i++)
        if (strcmp(f->kt[i].surface, term) == 0)
            return (int)i;
    return -1;
}

static const char *text =
    "Machine learning models need data. Researchers train machine learning "
    "models on large data sets. Neural networks are machine learning models "
    "too. Data quality limits what neural networks learn. Good data beats "
    "clever models.";

static void multi_word_phrases(void **state)
{
    fixture *f = *state;
    run(f, text);
    assert_true(f->n > 0 && f->n <= 10);
    assert_true(find(f, "machine learning models") >= 0);
    assert_true(find(f, "neural networks") >= 0 || find(f, "neural networks learn") >= 0);
    assert_int_equal(find(f, "Neural networks"), -1);
    assert_true(find(f, "data") >= 0);
    /* Best first. */
    for (uint32_t i = 1; i < f->n; i++)
        assert_true(f->kt[i - 1].score >= f->kt[i].score);
    /* Stopwords never stand alone as key terms. */
    assert_int_equal(find(f, "are"), -1);
    assert_int_equal(find(f, "on"), -1);
}

static void counts_occurrences(void **state)
{
    fixture *f = *state;
    run(f, text);
    int i = find(f, "machine learning models");
    assert_true(i >= 0);
    assert_int_equal(f->kt[i].count, 3);
}

static void most_frequent_spelling(void **state)
{
    fixture *f = *state;
    /* "Kuril islands" twice mid-sentence, "Kuril Islands" once, and once
     * at the start of a sentence: the plain mid-sentence form wins. */
    run(f, "Japan claims the Kuril islands. Russia holds the Kuril islands. "
           "Talks on the Kuril Islands stalled. Kuril Islands fishermen wait. "
           "Japan and Russia still claim them.");
    assert_true(find(f, "Kuril islands") >= 0);
    assert_int_equal(find(f, "Kuril Islands"), -1);
}

static void possessive_is_not_preferred(void **state)
{
    fixture *f = *state;
    run(f, "Putin\xE2\x80\x99s visit to Tokyo was short. Putin met the emperor. "
           "Putin\xE2\x80\x99s aides said Putin would return. Tokyo was calm.");
    assert_true(find(f, "Putin") >= 0);
    assert_int_equal(find(f, "Putin\xE2\x80\x99s"), -1);
}

static void limit_and_none(void **state)
{
    fixture *f = *state;
    f->opt.keywords = 2;
    run(f, text);
    assert_int_equal(f->n, 2);
    f->opt.keywords = 0;
    run(f, text);
    assert_int_equal(f->n, 0);
    assert_null(f->kt);
}

static void numbers_are_not_key_terms(void **state)
{
    fixture *f = *state;
    run(f, "Sales rose 31 percent to 2005 units. In 2005 sales of units rose again. "
           "Units sold in 2005 were 31 more.");
    assert_int_equal(find(f, "2005"), -1);
    assert_int_equal(find(f, "31"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(multi_word_phrases, setup, teardown),
        cmocka_unit_test_setup_teardown(counts_occurrences, setup, teardown),
        cmocka_unit_test_setup_teardown(most_frequent_spelling, setup, teardown),
        cmocka_unit_test_setup_teardown(possessive_is_not_preferred, setup, teardown),
        cmocka_unit_test_setup_teardown(limit_and_none, setup, teardown),
        cmocka_unit_test_setup_teardown(numbers_are_not_key_terms, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
