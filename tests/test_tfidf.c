/* Stage 4, TF-IDF: which sentences become graph nodes, and their vectors,
 * checked against values worked out by hand from the formula
 * idf = ln((1 + N) / (1 + df)) + 1 and L2 normalisation. */
#include "stages.h"

typedef stage_fixture fixture;

static void run(fixture *f, const char *text)
{
    stage_vectors(f, text);
}

/* Weight of a stem in node k's vector, 0 when absent. */
static double weight(const fixture *f, uint32_t k, const char *stem)
{
    const pcs_csr *x = &f->doc.vectors;
    for (int q = x->row_ptr[k]; q < x->row_ptr[k + 1]; q++)
        if (strcmp(f->doc.terms[x->col[q]].stem, stem) == 0)
            return x->val[q];
    return 0;
}

static void vectors_by_hand(void **state)
{
    fixture *f = *state;
    run(f, "Cats chase dogs. Dogs chase birds. Birds sing.");
    assert_int_equal(f->doc.n_nodes, 3);
    /* N = 3; df: cat 1, chase 2, dog 2, bird 2, sing 1. */
    double rare = log(4.0 / 2.0) + 1, common = log(4.0 / 3.0) + 1;
    double n0 = sqrt(rare * rare + 2 * common * common);
    assert_near(weight(f, 0, "cat"), rare / n0, 1e-12);
    assert_near(weight(f, 0, "chase"), common / n0, 1e-12);
    assert_near(weight(f, 0, "dog"), common / n0, 1e-12);
    assert_near(weight(f, 0, "bird"), 0, 0);
    double n2 = sqrt(common * common + rare * rare);
    assert_near(weight(f, 2, "bird"), common / n2, 1e-12);
    assert_near(weight(f, 2, "sing"), rare / n2, 1e-12);
    assert_int_equal(f->doc.terms[f->doc.vectors.col[0]].sent_df, 1);
}

static void term_frequency_counts(void **state)
{
    fixture *f = *state;
    run(f, "Tax, tax and more tax. Spending rose.");
    /* Sentence 0 holds only "tax", three times: its unit vector is 1. */
    assert_near(weight(f, 0, "tax"), 1.0, 1e-12);
}

static void nodes_skip_debris_duplicates_and_empty(void **state)
{
    fixture *f = *state;
    run(f, "Budget talks resume\n"
           "\" />\n"
           "Ministers met on Monday to discuss the budget.\n"
           "Ministers met on Monday to discuss the budget.\n"
           "It is what it is.\n"
           "Talks will continue next week.\n");
    /* Heading (0), debris (1), body (2), duplicate (3), only stopwords (4),
     * body (5): nodes are 0, 2 and 5. */
    assert_int_equal(f->doc.n_sents, 6);
    assert_int_equal(f->doc.sents[0].kind, PCS_SENT_HEADING);
    assert_int_equal(f->doc.sents[1].kind, PCS_SENT_DEBRIS);
    assert_int_equal(f->doc.sents[3].kind, PCS_SENT_DUPLICATE);
    assert_int_equal(f->doc.n_nodes, 3);
    assert_int_equal(f->doc.nodes[0], 0);
    assert_int_equal(f->doc.nodes[1], 2);
    assert_int_equal(f->doc.nodes[2], 5);
    for (uint32_t k = 0; k < f->doc.n_nodes; k++) {
        double s = 0;
        for (int q = f->doc.vectors.row_ptr[k]; q < f->doc.vectors.row_ptr[k + 1]; q++)
            s += f->doc.vectors.val[q] * f->doc.vectors.val[q];
        assert_near(s, 1.0, 1e-12);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(vectors_by_hand, stage_setup, stage_teardown),
        cmocka_unit_test_setup_teardown(term_frequency_counts, stage_setup, stage_teardown),
        cmocka_unit_test_setup_teardown(nodes_skip_debris_duplicates_and_empty, stage_setup, stage_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
