/* Stage 6, selection: budgets, ordering and ties on a document built by
 * hand (sentence kinds, word counts and scores chosen by the test). */
#include "support.h"

#include "internal.h"

enum { N = 6 };

typedef struct fixture {
    pcs_arena arena;
    pcs_doc doc;
    pcs_sentence sents[N];
    uint32_t nodes[N];
    double scores[N];
    precis_options opt;
} fixture;

/* Sentences 0..5 with these kinds, words and scores. */
static void build(fixture *f, const uint8_t *kinds, const uint32_t *words,
                  const double *scores)
{
    memset(&f->doc, 0, sizeof f->doc);
    uint32_t m = 0, total = 0;
    for (uint32_t i = 0; i < N; i++) {
        f->sents[i] = (pcs_sentence){.kind = kinds[i], .words = words[i]};
        f->scores[i] = scores[i];
        total += words[i];
        if (kinds[i] == PCS_SENT_BODY || kinds[i] == PCS_SENT_HEADING)
            f->nodes[m++] = i;
    }
    f->doc.sents = f->sents;
    f->doc.n_sents = N;
    f->doc.nodes = f->nodes;
    f->doc.n_nodes = m;
    f->doc.scores = f->scores;
    f->doc.n_words = total;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    pcs_arena_init(&f->arena);
    precis_options_init(&f->opt, sizeof f->opt);
    static const uint8_t kinds[N] = {PCS_SENT_HEADING, PCS_SENT_BODY, PCS_SENT_BODY,
                                     PCS_SENT_DEBRIS, PCS_SENT_BODY, PCS_SENT_BODY};
    static const uint32_t words[N] = {5, 10, 20, 3, 15, 8};
    static const double scores[N] = {0.9, 0.1, 0.3, 0.8, 0.2, 0.25};
    build(f, kinds, words, scores);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    pcs_arena_free(&f->arena);
    free(f);
    return 0;
}

static void expect(fixture *f, precis_status want_status, const uint32_t *want,
                   uint32_t n_want, bool want_short)
{
    uint32_t *picked = NULL, n = 0;
    bool shortfall = false;
    precis_error err = PRECIS_ERROR_INIT;
    f->doc.cfg.options = &f->opt;
    pcs_resolve_budget(&f->doc);
    assert_int_equal(pcs_select(&f->doc, &f->arena, &picked, &n, &shortfall, &err),
                     want_status);
    if (want_status != PRECIS_OK)
        return;
    assert_int_equal(n, n_want);
    for (uint32_t i = 0; i < n; i++)
        assert_int_equal(picked[i], want[i]);
    assert_int_equal(shortfall, want_short);
}

static void top_sentences_in_document_order(void **state)
{
    fixture *f = *state;
    /* Body sentences by score: 2 (0.3), 5 (0.25), 4 (0.2), 1 (0.1); the
     * heading and the debris never count however high they score. */
    f->opt.sentences = 3;
    expect(f, PRECIS_OK, (const uint32_t[]){2, 4, 5}, 3, false);
    f->opt.sentences = 1;
    expect(f, PRECIS_OK, (const uint32_t[]){2}, 1, false);
}

static void fewer_than_asked(void **state)
{
    fixture *f = *state;
    f->opt.sentences = 9;
    expect(f, PRECIS_OK, (const uint32_t[]){1, 2, 4, 5}, 4, true);
}

static void word_budget(void **state)
{
    fixture *f = *state;
    /* Rank order 2 (20 words), 5 (8), 4 (15), 1 (10). Budget 30: 2 and 5
     * fit (28); 4 would make 43 and stops the summary. */
    f->opt.words = 30;
    expect(f, PRECIS_OK, (const uint32_t[]){2, 5}, 2, false);
    /* Budget 10: the best sentence alone is over it, but a summary always
     * holds one sentence. */
    f->opt.words = 10;
    expect(f, PRECIS_OK, (const uint32_t[]){2}, 1, false);
    /* Budget 28 is met exactly by 2 and 5. */
    f->opt.words = 28;
    expect(f, PRECIS_OK, (const uint32_t[]){2, 5}, 2, false);
}

static void ratio_budget(void **state)
{
    fixture *f = *state;
    /* 61 words in all; ratio 0.5 gives ceil(30.5) = 31 words: 2, 5 (28),
     * then 4 would exceed. */
    f->opt.ratio = 0.5;
    expect(f, PRECIS_OK, (const uint32_t[]){2, 5}, 2, false);
}

static void ties_keep_document_order(void **state)
{
    fixture *f = *state;
    static const uint8_t kinds[N] = {PCS_SENT_BODY, PCS_SENT_BODY, PCS_SENT_BODY,
                                     PCS_SENT_BODY, PCS_SENT_BODY, PCS_SENT_BODY};
    static const uint32_t words[N] = {1, 1, 1, 1, 1, 1};
    /* Scores one unit in the last place apart are a tie (rounding noise):
     * the earlier sentence wins, whichever is larger. */
    double third = 1.0 / 3.0, other = nextafter(third, 1.0);
    const double scores[N] = {0.1, third, 0.1, other, 0.2, 0.1};
    build(f, kinds, words, scores);
    f->opt.sentences = 1;
    expect(f, PRECIS_OK, (const uint32_t[]){1}, 1, false);
}

static void one_sentence_is_an_error(void **state)
{
    fixture *f = *state;
    static const uint8_t kinds[N] = {PCS_SENT_HEADING, PCS_SENT_BODY, PCS_SENT_DEBRIS,
                                     PCS_SENT_DUPLICATE, PCS_SENT_DEBRIS, PCS_SENT_DEBRIS};
    static const uint32_t words[N] = {3, 10, 1, 10, 1, 1};
    static const double scores[N] = {0.5, 0.5, 0, 0, 0, 0};
    build(f, kinds, words, scores);
    expect(f, PRECIS_ERR_ONE_SENTENCE, NULL, 0, false);
}

static void headings_only_document(void **state)
{
    fixture *f = *state;
    /* A list of unpunctuated lines offers its lines. */
    static const uint8_t kinds[N] = {PCS_SENT_HEADING, PCS_SENT_HEADING, PCS_SENT_HEADING,
                                     PCS_SENT_HEADING, PCS_SENT_DEBRIS, PCS_SENT_HEADING};
    static const uint32_t words[N] = {3, 3, 3, 3, 1, 3};
    static const double scores[N] = {0.1, 0.4, 0.2, 0.3, 0, 0.05};
    build(f, kinds, words, scores);
    f->opt.sentences = 2;
    expect(f, PRECIS_OK, (const uint32_t[]){1, 3}, 2, false);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(top_sentences_in_document_order, setup, teardown),
        cmocka_unit_test_setup_teardown(fewer_than_asked, setup, teardown),
        cmocka_unit_test_setup_teardown(word_budget, setup, teardown),
        cmocka_unit_test_setup_teardown(ratio_budget, setup, teardown),
        cmocka_unit_test_setup_teardown(ties_keep_document_order, setup, teardown),
        cmocka_unit_test_setup_teardown(one_sentence_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(headings_only_document, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
